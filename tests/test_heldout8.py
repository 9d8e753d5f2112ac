"""Precision and recall over the eighth held-out set (tests/data/heldout8): the genres this tool's users read
most, in full length. 24 Arabic texts (8 official statements and communiqués, 8 humanitarian situation reports,
5 encyclopedic/history paragraphs, 3 place-free) and 16 English texts (5 official statements, 5 situation reports,
4 analysis paragraphs, 2 place-free).

Written and annotated by hand before the parser ever ran on them: foreign-ministry, summit, coalition, Arab League,
GCC and OIC statements, a ministry of interior statement and a military communiqué; OCHA/UNHCR/WFP/WHO/IOM style
situation reports from Syria, Iraq, Yemen, Sudan, Libya, Gaza and the West Bank, Lebanon, Somalia and Chad, with
governorates, districts with their cues, camps, crossings and transliteration variants; Wikipedia-like paragraphs
on a city, an island, a river, a battle and a historical region, with historical names; think-tank paragraphs on
routes, corridors and borders. See tests/data/heldout8/README.md for its conventions.

Blind figures, first run (set committed in 7e7b130 before the parser ran on it; geo/ as of 60ff1ba, main at 60ff1ba;
``pytest -q -s -n 0 tests/test_heldout8.py`` with floors at zero):
    ar            P=0.900 R=0.744 (tp=332 fp=37 fn=114)
    en            P=0.813 R=0.695 (tp=239 fp=55 fn=105)
    statements    P=0.897 R=0.810 (tp=201 fp=23 fn=47)    ar 0.939 / 0.842, en 0.839 / 0.765
    sitreps       P=0.900 R=0.701 (tp=206 fp=23 fn=88)    ar 0.941 / 0.743, en 0.840 / 0.642
    encyclopedic  P=0.854 R=0.636 (tp=82 fp=14 fn=47)
    analysis      P=0.854 R=0.689 (tp=82 fp=14 fn=37)
    place-free    18 false positives in 5 texts
    all           P=0.861 R=0.723 (tp=571 fp=92 fn=219)
On the 465 rows with an id recall is 0.884 (411/465: Arabic 228/260, English 183/205); 165 of the 219 misses are
``named:`` rows (160 of 325 found: Arabic 104/186, English 56/139): facilities, localities without an id, natural
features, named and historical regions, districts. See tests/data/heldout8/README.md for the misses and false
positives by class. The floors below are the blind figures minus 0.05 (rounded down); they are raised when a general
change lifts the figures, never by tuning on these texts.
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

HELDOUT8 = Path(__file__).resolve().parent / "data" / "heldout8"
DOCS = load_corpus(HELDOUT8)

#: Genres by the doc id's infix; "analysis" is English only, "no-place" the place-free texts.
GENRES = {
    "statements": "-statement-",
    "sitreps": "-sitrep-",
    "encyclopedic": "-history-",
    "analysis": "-analysis-",
    "place-free": "-no-place-",
}


def _genre(doc_id: str) -> str:
    """The genre of a document, from its id."""
    return genre_of(doc_id, GENRES)


# The blind figures minus 0.05, rounded down (see the module docstring); raised only by general changes.
FLOORS: dict[str, tuple[float, float]] | None = {
    "ar": (0.84, 0.69),
    "en": (0.76, 0.64),
    "statements": (0.84, 0.76),
    "sitreps": (0.84, 0.65),
    "encyclopedic": (0.80, 0.58),
    "analysis": (0.80, 0.63),
    "all": (0.81, 0.67),
}


def test_heldout8_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 24 and langs.count("en") == 16
    counts = {(d.lang, _genre(d.doc_id)) for d in DOCS}
    assert {(lang, g): sum(d.lang == lang and _genre(d.doc_id) == g for d in DOCS) for lang, g in counts} == {
        ("ar", "statements"): 8, ("ar", "sitreps"): 8, ("ar", "encyclopedic"): 5, ("ar", "place-free"): 3,
        ("en", "statements"): 5, ("en", "sitreps"): 5, ("en", "analysis"): 4, ("en", "place-free"): 2,
    }
    # Statements have 150-300 words, as the brief asks; every other text 140-300.
    for d in DOCS:
        low = 150 if _genre(d.doc_id) == "statements" else 140
        assert low <= len(d.text.split()) <= 300, (d.doc_id, len(d.text.split()))
    # The place-free texts (and only they) have no expected place.
    assert sorted(d.doc_id for d in DOCS if not (d.expected or d.unlocated or d.named)) == sorted(
        d.doc_id for d in DOCS if _genre(d.doc_id) == "place-free")


def test_every_id_is_in_the_gazetteer(gaz):
    # Ids the gazetteer lacked at annotation time (Italy's and Spain's regions) say so in their note; any other
    # missing id is a typo or a data change that dropped a place.
    assert not unnoted_missing_ids(gaz, HELDOUT8)


def test_named_rows_occur_in_their_texts():
    assert sum(len(d.named) for d in DOCS) == 325
    # Natural features and world regions without a point are matched by their surface alone.
    assert not named_row_problems(DOCS, without_point=("natural", "world region"))


def _subset(name: str) -> list:
    """The documents of a scored subset: a language, a genre or all."""
    return scored_subset(DOCS, name, GENRES)


@pytest.mark.parametrize("subset", ["ar", "en", "statements", "sitreps", "encyclopedic", "analysis", "all"])
def test_heldout8_precision_and_recall(gaz, subset):
    if FLOORS is None:
        pytest.skip("blind set: floors are set from the first run")
    assert_scores(_subset(subset), gaz, f"held-out 8 {subset}", FLOORS[subset])
