"""Precision and recall over the third held-out set (tests/data/heldout3): 19 Arabic and 12 English texts.

Written and annotated by hand before the parser ever ran on them (committed in b55ab23), in genres the other
sets lack: dialect social-media posts with hashtags, health, business, sports and local news. Its rows also
name facilities, streets, natural features, districts, localities and regions the gazetteer has no id for
(``named:`` rows, matched by surface and position; see tests/data/heldout3/README.md): those count as misses
until the gazetteer has them.

Blind figures, first run (set b55ab23; geo/ code as of 4f3b20f):
    ar   P=0.735 R=0.493 (tp=100 fp=36 fn=103)
    en   P=0.670 R=0.476 (tp=69 fp=34 fn=76)
    all  P=0.707 R=0.486 (tp=169 fp=70 fn=179)
Of the 179 misses, 150 are named: rows (2 of the 152 were found, both as unlocated mentions: "Katuna
crossing", "إقليم الخروب"); on the 196 rows with an id, recall is 0.852 (167/196), and 4 of those 29 misses
are first-level divisions the gazetteer lacked (AU-QLD, IN-MH, IN-GJ, TZ-05).
The floors below are those minus about 0.05, rounded down: they catch a regression without pinning the
current numbers. Do not raise them by tuning on these texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_eval import Doc, Found, Prediction, assert_scores, load_corpus, score_docs, unnoted_missing_ids

HELDOUT3 = Path(__file__).resolve().parent / "data" / "heldout3"
DOCS = load_corpus(HELDOUT3)

# blind value minus ~0.05 (see the module docstring)
FLOORS = {
    "ar": (0.68, 0.44),
    "en": (0.61, 0.42),
    "all": (0.65, 0.43),
}


def test_heldout3_size():
    langs = [d.lang for d in DOCS]
    assert langs.count("ar") == 19 and langs.count("en") == 12
    # Every text names places but three, written to be place-free (their row is "none").
    assert sorted(d.doc_id[:2] for d in DOCS if not (d.expected or d.unlocated or d.named)) == ["ar", "ar", "en"]


def test_ids_missing_from_the_gazetteer_are_the_noted_ones(gaz):
    assert not unnoted_missing_ids(gaz, HELDOUT3)


def test_named_rows_occur_in_their_texts_and_have_a_point():
    named = [(d, n) for d in DOCS for n in d.named]
    assert len(named) == 152
    for d, n in named:
        assert any(f.casefold() in d.text.casefold() for f in n.forms), (d.doc_id, n.forms)
        # Only natural features (rivers, seas, mountain ranges) are matched without a distance check.
        assert (n.near is None) == (n.kind == "natural"), (d.doc_id, n.label)


def _score(doc: Doc, *mentions: Found):
    return score_docs([doc], lambda _d: Prediction(frozenset(), frozenset(), mentions))[0]


def test_a_named_row_is_found_only_by_a_mention_covering_it_in_the_right_place():
    port = next(n for d in DOCS for n in d.named if n.forms == ("مرفأ بيروت",))
    doc = Doc("ar-99-test", "ar", "", frozenset({"geonames:276781"}), frozenset(), (port,))
    beirut = ("city", "LB", 33.89, 35.50)
    # The facility placed at the city it is in counts, and its id is then no false positive ...
    s = _score(doc, Found("بمرفأ بيروت", "geonames:276781", *beirut))
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    # ... as does an unlocated mention of it; the city's name alone is the city, not the port.
    assert _score(doc, Found("مرفأ بيروت", None)).tp == 1
    s = _score(doc, Found("بيروت", "geonames:276781", *beirut))
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    # A namesake far away, or in another country, does not count.
    assert _score(doc, Found("مرفأ بيروت", "x:1", "facility", "LB", 34.44, 35.83)).fp == 1
    assert _score(doc, Found("مرفأ بيروت", "x:2", "facility", "SY", 33.89, 35.50)).fp == 1


def test_a_district_resolved_to_its_seat_town_is_a_miss():
    row = next(n for d in DOCS for n in d.named if n.kind == "district" and n.forms == ("مرجعيون",))
    doc = Doc("ar-99-test", "ar", "", frozenset(), frozenset(), (row,))
    s = _score(doc, Found("قضاء مرجعيون", "geonames:271226", "town", "LB", 33.36, 35.59))
    assert (s.tp, s.fp, s.fn) == (0, 1, 1)
    assert _score(doc, Found("قضاء مرجعيون", "wof:1", "district", "LB", 33.36, 35.59)).tp == 1


@pytest.mark.parametrize("lang", ["ar", "en", "all"])
def test_heldout3_precision_and_recall(gaz, lang):
    assert_scores([d for d in DOCS if lang in ("all", d.lang)], gaz, f"held-out 3 {lang}", FLOORS[lang])
