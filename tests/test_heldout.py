"""Precision and recall over the held-out set (tests/data/heldout): 12 Arabic and 12 English texts.

The held-out texts and their expected places were written and annotated by hand before the
parser was run on them, and nobody tuned resolution rules on them, so these figures are
test-set figures (the corpus in tests/data/corpus is the development set).

Figures measured when the set was added (set committed in 68c3193; geo/ code as of 909c797):
    ar   P=0.891 R=0.781 (tp=114 fp=14 fn=32)
    en   P=0.917 R=0.836 (tp=143 fp=13 fn=28)
    all  P=0.905 R=0.811 (tp=257 fp=27 fn=60)
Those are the blind figures. Since then the set is no longer blind: rules were fixed after reading its
misses (commits 68b4a01, bde00a4, 16fd62d), and 15 rows were updated when the gazetteer gained the
admin1 divisions they name (96f6c3a; each such row says so in its note). Measured after that:
    ar   P=0.947 R=0.856 (tp=125 fp=7 fn=21)
    en   P=0.953 R=0.931 (tp=161 fp=8 fn=12)
7 rows were added when the gazetteer gained Natural Earth natural features (rivers, seas, a mountain range)
that the first annotation's notes name as "not listed" (branch nedata; each row says so). Measured after that:
    ar   P=0.944 R=0.906 (tp=135 fp=8 fn=14)
    en   P=0.965 R=0.938 (tp=166 fp=6 fn=11)
2 rows were added when the parser gained capes and "Strait of X" (the Cape of Good Hope, the Strait of Hormuz,
which the first annotation's notes name as "not listed"; branch streets-natural; each row says so). Measured then:
    en   P=0.966 R=0.944 (tp=169 fp=6 fn=10)
The floors below are the blind figures minus about 0.05, rounded down: they catch a regression
without pinning the current numbers. Do not raise them by tuning on these texts; if the
parser improves, re-measure and keep the margin.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import assert_scores, ids_missing_from, load_corpus

HELDOUT = Path(__file__).resolve().parent / "data" / "heldout"
DOCS = load_corpus(HELDOUT)

# measured value minus ~0.05 (see the module docstring)
FLOORS = {
    "ar": (0.84, 0.73),
    "en": (0.86, 0.78),
    "all": (0.85, 0.76),
}


def test_heldout_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 12 and langs.count("en") == 12
    assert all(d.expected or d.unlocated for d in DOCS)


def test_every_expected_place_id_is_in_the_gazetteer(gaz):
    assert not ids_missing_from(gaz, HELDOUT)


def test_unlocated_names_occur_in_their_texts():
    for d in DOCS:
        for name in d.unlocated:
            assert name in d.text, (d.doc_id, name)


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_heldout_precision_and_recall(gaz, lang):
    assert_scores([d for d in DOCS if lang in ("all", d.lang)], gaz, f"held-out {lang}", FLOORS[lang])
