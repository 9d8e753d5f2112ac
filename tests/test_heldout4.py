"""Precision and recall over the fourth held-out set (tests/data/heldout4): 40 Arabic and 40 English short items.

Written and annotated by hand before the parser ever ran on them, to cover the kinds of place and the traps
of issue 9 that the earlier sets touch only lightly: first-level divisions of many countries (Canada,
Australia, India, China, Russia, Japan, Argentina, European regions), districts and US counties, airports
and other facilities, continents and world regions, directional parts of a country (``جنوب لبنان``,
"northern Iraq"), persons named like places after a title, diseases, languages, heads of organisations,
months and everyday Arabic words. See tests/data/heldout4/README.md for its conventions.

Blind figures, first run (set 271ea53 committed before the parser ran on it; geo/ as of 153dc12):
    ar   P=0.645 R=0.500 (tp=40 fp=22 fn=40)
    en   P=0.676 R=0.485 (tp=50 fp=24 fn=53)
    all  P=0.662 R=0.492 (tp=90 fp=46 fn=93)
Most misses are first-level divisions the gazetteer lacked (46 rows), named regions (continents, world
regions, directional parts), airports and districts. The floors below are the blind figures rounded down,
so that any regression fails; they are raised when a general change lifts the figures, never by tuning on
these texts.

After general data changes (not tuned on these texts: Natural Earth first-level divisions of 102 more countries,
airports from airportsdata, US counties from Natural Earth admin-2; branch ``admin``):
    ar   P=0.794 R=0.675 (tp=54 fp=14 fn=26)
    en   P=0.826 R=0.738 (tp=76 fp=16 fn=27)
    all  P=0.812 R=0.710 (tp=130 fp=30 fn=53)
After merging main (continents as regions, Who's On First districts, rules):
    ar   P=0.792 R=0.713 (tp=57 fp=15 fn=23)
    en   P=0.814 R=0.767 (tp=79 fp=18 fn=24)
    all  P=0.805 R=0.743 (tp=136 fp=33 fn=47)
("Africa" inside "North Africa" and "Horn of Africa" is now read as the continent: two false positives.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import assert_scores, load_corpus, named_row_problems, unnoted_missing_ids

HELDOUT4 = Path(__file__).resolve().parent / "data" / "heldout4"
DOCS = load_corpus(HELDOUT4)

# The figures after the general data changes and the merge of main, rounded down (the blind run was
# 0.64/0.50, 0.67/0.48, 0.66/0.49;
# see the module docstring); raised only by general changes.
FLOORS = {
    "ar": (0.79, 0.71),
    "en": (0.81, 0.76),
    "all": (0.80, 0.74),
}


def test_heldout4_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 40 and langs.count("en") == 40
    # Three texts are written to be place-free (their row is "none").
    assert sorted(d.doc_id for d in DOCS if not (d.expected or d.unlocated or d.named)) == [
        "ar-27-no-place-charity", "ar-40-no-place-meeting", "en-40-no-place-team-memo"]


def test_ids_missing_from_the_gazetteer_are_the_noted_ones(gaz):
    assert not unnoted_missing_ids(gaz, HELDOUT4)


def test_named_rows_occur_in_their_texts():
    assert sum(len(d.named) for d in DOCS) == 63
    # Continents and world regions without a point are matched by their surface alone.
    assert not named_row_problems(DOCS, without_point=("world region",))


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_heldout4_precision_and_recall(gaz, lang):
    assert_scores([d for d in DOCS if lang in ("all", d.lang)], gaz, f"held-out 4 {lang}", FLOORS[lang])
