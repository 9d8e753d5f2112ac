"""Precision and recall over the ninth held-out set (tests/data/heldout9): genres the earlier sets do not have,
aimed at the weakest classes (provinces and districts, localities of the Arab states, facilities, natural features,
persons and everyday words read as places). 24 Arabic texts (5 weather and disaster bulletins, 5 local-government
and election reports, 4 economy/energy/transport reports, 4 press-conference transcripts, 3 tourism and heritage
pieces, 3 place-free) and 16 English texts (4 disaster bulletins, 4 wire briefs from Africa and Asia, 3
energy/shipping reports, 3 biographies and obituaries, 2 place-free).

Written and annotated by hand before the parser ever ran on them. See tests/data/heldout9/README.md for the
conventions, the genres and their traps.

Blind figures, first run (set committed in e554e33 before the parser ran on it; geo/ as of 0b2dc47, main at 0b2dc47;
``pytest -q -s -n 0 tests/test_heldout9.py`` with floors at zero):
    ar            P=0.857 R=0.677 (tp=281 fp=47 fn=134)
    en            P=0.847 R=0.769 (tp=260 fp=47 fn=78)
    weather       P=0.891 R=0.776 (tp=156 fp=19 fn=45)    ar 0.901 / 0.760, en 0.883 / 0.790
    local         P=0.758 R=0.538 (tp=50 fp=16 fn=43)     (ar)
    economy       P=0.881 R=0.694 (tp=118 fp=16 fn=52)    ar 0.908 / 0.678, en 0.855 / 0.711
    presser       P=0.870 R=0.817 (tp=67 fp=10 fn=15)     (ar)
    heritage      P=0.914 R=0.561 (tp=32 fp=3 fn=25)      (ar)
    wire          P=0.886 R=0.788 (tp=78 fp=10 fn=21)     (en)
    bio           P=0.800 R=0.784 (tp=40 fp=10 fn=11)     (en)
    place-free    10 false positives in 5 texts (ar 4, en 6)
    all           P=0.852 R=0.718 (tp=541 fp=94 fn=212)
On the 372 rows with an id recall is 0.922 (343/372: Arabic 141/161, English 202/211); 183 of the 212 misses are
``named:`` rows (198 of 381 found: Arabic 140/254, English 58/127): facilities, localities without an id, natural
features, districts. See tests/data/heldout9/README.md for the misses and false positives by class. The floors below
are the blind figures minus 0.05 (rounded down); they are raised when a general change lifts the figures, never by
tuning on these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import (
    assert_scores,
    genre_of,
    load_corpus,
    named_row_problems,
    scored_subset,
    unnoted_missing_ids,
)

HELDOUT9 = Path(__file__).resolve().parent / "data" / "heldout9"
DOCS = load_corpus(HELDOUT9)

#: Genres by the doc id's infix; "local", "presser" and "heritage" are Arabic only, "wire" and "bio" English only.
GENRES = {
    "weather": "-weather-",
    "local": "-local-",
    "economy": "-economy-",
    "presser": "-presser-",
    "heritage": "-heritage-",
    "wire": "-wire-",
    "bio": "-bio-",
    "place-free": "-no-places-",
}


def _genre(doc_id: str) -> str:
    """The genre of a document, from its id."""
    return genre_of(doc_id, GENRES)


# The blind figures minus 0.05, rounded down (see the module docstring); raised only by general changes.
FLOORS: dict[str, tuple[float, float]] | None = {
    "ar": (0.80, 0.62),
    "en": (0.79, 0.71),
    "weather": (0.84, 0.72),
    "local": (0.70, 0.48),
    "economy": (0.83, 0.64),
    "presser": (0.82, 0.76),
    "heritage": (0.86, 0.51),
    "wire": (0.83, 0.73),
    "bio": (0.75, 0.73),
    "all": (0.80, 0.66),
}

SUBSETS = ["ar", "en", "weather", "local", "economy", "presser", "heritage", "wire", "bio", "all"]


def test_heldout9_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 24 and langs.count("en") == 16
    counts = {(d.lang, _genre(d.doc_id)) for d in DOCS}
    assert {(lang, g): sum(d.lang == lang and _genre(d.doc_id) == g for d in DOCS) for lang, g in counts} == {
        ("ar", "weather"): 5, ("ar", "local"): 5, ("ar", "economy"): 4, ("ar", "presser"): 4,
        ("ar", "heritage"): 3, ("ar", "place-free"): 3,
        ("en", "weather"): 4, ("en", "wire"): 4, ("en", "economy"): 3, ("en", "bio"): 3, ("en", "place-free"): 2,
    }
    # Every text has 120-300 words, as the brief asks.
    for d in DOCS:
        assert 120 <= len(d.text.split()) <= 300, (d.doc_id, len(d.text.split()))
    # The place-free texts (and only they) have no expected place.
    assert sorted(d.doc_id for d in DOCS if not (d.expected or d.unlocated or d.named)) == sorted(
        d.doc_id for d in DOCS if _genre(d.doc_id) == "place-free")


def test_every_id_is_in_the_gazetteer(gaz):
    # Ids the gazetteer lacked at annotation time (Malawi's districts) say so in their note; any other missing id is
    # a typo or a data change that dropped a place.
    assert not unnoted_missing_ids(gaz, HELDOUT9)


def test_named_rows_occur_in_their_texts():
    assert sum(len(d.named) for d in DOCS) == 381
    # Natural features and world regions without a point are matched by their surface alone.
    assert not named_row_problems(DOCS, without_point=("natural", "world region"))


def _subset(name: str) -> list:
    """The documents of a scored subset: a language, a genre or all."""
    return scored_subset(DOCS, name, GENRES)


@pytest.mark.parametrize("subset", SUBSETS)
def test_heldout9_precision_and_recall(gaz, subset):
    if FLOORS is None:
        pytest.skip("blind set: floors are set from the first run")
    assert_scores(_subset(subset), gaz, f"held-out 9 {subset}", FLOORS[subset])
