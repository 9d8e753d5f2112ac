"""Precision and recall over the sixth held-out set (tests/data/heldout6): 25 Arabic newswire and 25 English
web-news articles of ordinary news length (six to twelve sentences, 136-222 words).

Written and annotated by hand before the parser ever ran on them, to stand in for the independent checks of
issue 9: Arabic agency news from Morocco to Iraq and the Gulf (governorates, districts with their cues,
neighbourhoods, ports, airports, hospitals, crossings, streets, rivers; persons and organisations named after
places; nisba adjectives; foreign capitals and metonymy) and English web news of every kind (US and UK local
news with namesakes, national politics, business, science, health with diseases named after places, sport,
travel, culture, world news with transliterated Arabic, Kurdish and Persian names). Two items per language are
place-free. See tests/data/heldout6/README.md for its conventions.

Blind figures, first run (set committed in 7c5fb1f before the parser ran on it; geo/ as of ff537e6, main at ff537e6;
``pytest -q -s -n 0 tests/test_heldout6.py``):
    ar   P=0.812 R=0.689 (tp=224 fp=52 fn=101)
    en   P=0.829 R=0.763 (tp=300 fp=62 fn=93)
    all  P=0.821 R=0.730 (tp=524 fp=114 fn=194)
On the 429 rows with an id recall is 0.925 (397/429); 162 of the 194 misses are ``named:`` rows (127 of 289 found):
facilities, natural features, districts, neighbourhoods, streets and regions. See tests/data/heldout6/README.md for
the misses and false positives by class. The floors below are the blind figures minus 0.05 (rounded down); they
are raised when a general change lifts the figures, never by tuning on these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import assert_scores, load_corpus, named_row_problems, unnoted_missing_ids

HELDOUT6 = Path(__file__).resolve().parent / "data" / "heldout6"
DOCS = load_corpus(HELDOUT6)

# The blind figures minus 0.05 (see the module docstring); raised only by general changes, never by tuning here.
FLOORS = {
    "ar": (0.76, 0.63),
    "en": (0.77, 0.71),
    "all": (0.77, 0.68),
}


def test_heldout6_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 25 and langs.count("en") == 25
    # News length: every text has 120-300 words.
    assert all(120 <= len(d.text.split()) <= 300 for d in DOCS), [d.doc_id for d in DOCS
                                                                   if not 120 <= len(d.text.split()) <= 300]
    # Two texts per language are written to be place-free (their row is "none").
    assert sorted(d.doc_id for d in DOCS if not (d.expected or d.unlocated or d.named)) == [
        "ar-24-no-place-insurer-results", "ar-25-no-place-ramadan-health-tips",
        "en-24-no-place-school-awards", "en-25-no-place-software-earnings"]


def test_every_id_is_in_the_gazetteer(gaz):
    # Every id was in the gazetteer at annotation time (the README says so); a later data change that drops one
    # must be noted on its row.
    assert not unnoted_missing_ids(gaz, HELDOUT6)


def test_named_rows_occur_in_their_texts():
    assert sum(len(d.named) for d in DOCS) == 289
    # Natural features and world regions without a point are matched by their surface alone.
    assert not named_row_problems(DOCS, without_point=("natural", "world region"))


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_heldout6_precision_and_recall(gaz, lang):
    assert_scores([d for d in DOCS if lang in ("all", d.lang)], gaz, f"held-out 6 {lang}", FLOORS[lang])
