"""Precision and recall over the ninth held-out set (tests/data/heldout9): genres the earlier sets do not have,
aimed at the weakest classes (provinces and districts, localities of the Arab states, facilities, natural features,
persons and everyday words read as places). 24 Arabic texts (5 weather and disaster bulletins, 5 local-government
and election reports, 4 economy/energy/transport reports, 4 press-conference transcripts, 3 tourism and heritage
pieces, 3 place-free) and 16 English texts (4 disaster bulletins, 4 wire briefs from Africa and Asia, 3
energy/shipping reports, 3 biographies and obituaries, 2 place-free).

Written and annotated by hand before the parser ever ran on them. See tests/data/heldout9/README.md for the
conventions, the genres and their traps.

Blind figures: not yet run (the floors below are None until the first run).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import assert_scores, load_corpus, named_row_problems, unnoted_missing_ids

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
    return next(g for g, infix in GENRES.items() if infix in doc_id)


# The blind figures minus 0.05, rounded down (see the module docstring); raised only by general changes.
FLOORS: dict[str, tuple[float, float]] | None = None

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
    """The documents of a scored subset: a language, a genre (both languages where it has both) or all."""
    if name == "all":
        return DOCS
    if name in ("ar", "en"):
        return [d for d in DOCS if d.lang == name]
    return [d for d in DOCS if _genre(d.doc_id) == name]


@pytest.mark.parametrize("subset", SUBSETS)
def test_heldout9_precision_and_recall(gaz, subset):
    if FLOORS is None:
        pytest.skip("blind set: floors are set from the first run")
    assert_scores(_subset(subset), gaz, f"held-out 9 {subset}", FLOORS[subset])
