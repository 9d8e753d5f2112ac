"""Movements (geo.relations): the annotated set scored per language, the seed statement pinned,
the invariants every Movement keeps, and inputs that must give nothing.

Run with ``-s`` to see the figures and every error of the annotated set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from movements_eval import load_items, score

from geo import geoparse
from geo.relations import Movement, extract_movements
from geo.situation import Situation
from geo.text import sentences

ROOT = Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "data" / "statements"
SY, IQ = "country:SY", "country:IQ"
HOL, ROJ = "curated:al-hol-camp", "curated:roj-camp"

# Floors of the issue (P >= 0.90, R >= 0.80 per language). First run, before any rule was
# tuned on the set: ar 0.850 / 0.944, en 0.952 / 0.952 (tests/data/movements/README.md).
FLOORS = {"ar": (0.90, 0.80), "en": (0.90, 0.80)}


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_annotated_set_precision_and_recall(lang, gaz):
    sc, errors = score(lang)
    print(f"\nmovements {lang}: P {sc.precision:.3f} R {sc.recall:.3f} (TP {sc.tp} FP {sc.fp} FN {sc.fn}); "
          f"'what' right in {sc.what_right}/{sc.tp} matched")
    for e in errors:
        print("  ", e)
    p_floor, r_floor = FLOORS[lang]
    assert sc.precision >= p_floor and sc.recall >= r_floor, errors


def test_the_annotated_set_is_large_enough_and_well_formed(gaz):
    for lang in ("ar", "en"):
        items = load_items(lang)
        n_sentences = sum(len(sentences(it.text)) for it in items)
        assert len(items) >= 30 and n_sentences >= 30
        assert sum(1 for it in items if not it.expected) >= 10  # negatives: trigger words, places, no movement
        for it in items:
            for e in it.expected:
                assert e.trigger in it.text, (it.item_id, e.trigger)
                assert e.what is None or e.what in it.text, (it.item_id, e.what)
                assert e.from_id or e.to_id, it.item_id
                for pid in (e.from_id, e.to_id):
                    if pid is not None:
                        gaz.get(pid)  # every id is the gazetteer's


# The seed statement's movements, read off the statement by hand (issue 13): detainees into
# Iraqi custody, families out of al-Hol and Roj, nationals repatriated from Iraq and Syria.
SEED_AR = [
    ("وإعادة", HOL, None, "العائلات"),
    ("وإعادة", ROJ, None, "العائلات"),
    ("استعادة", IQ, None, "مواطنيها"),
    ("استعادة", SY, None, "مواطنيها"),
    ("نقل", None, IQ, "المحتجزين"),
]
SEED_EN = [
    ("reintegration", HOL, None, "families"),
    ("reintegration", ROJ, None, "families"),
    ("repatriate", IQ, None, "their nationals"),
    ("repatriate", SY, None, "their nationals"),
    ("transfer", None, IQ, "detainees"),
]


@pytest.mark.parametrize("lang, expected", [("ar", SEED_AR), ("en", SEED_EN)])
def test_seed_statement_movements(lang, expected, gaz):
    text = (STATEMENTS / f"statement-2026-02-09-riyadh.{lang}.txt").read_text(encoding="utf-8")
    got = extract_movements(geoparse(text, gazetteer=gaz))
    assert [(m.trigger, m.from_place_id, m.to_place_id, m.what) for m in got] == expected
    transfer = got[-1]
    assert transfer.ends == "to" and transfer.to_place.name == "Iraq"
    # The quote is the sentence that says it, and the end is the adjective that names Iraq.
    assert text[transfer.to_start : transfer.to_end] in ("العراقية", "Iraqi")
    assert transfer.quote.startswith(("وأعرب أعضاء التحالف", "Coalition members thanked Iraq"))


def _check(text: str, movements: tuple[Movement, ...]) -> None:
    for m in movements:
        assert text[m.trigger_start : m.trigger_end] == m.trigger
        assert text[m.sentence_start : m.sentence_end] == m.quote
        assert m.sentence_start <= m.trigger_start < m.trigger_end <= m.sentence_end
        if m.what is not None:
            assert text[m.what_start : m.what_end] == m.what
        for place, s, e in ((m.from_place, m.from_start, m.from_end), (m.to_place, m.to_start, m.to_end)):
            assert (place is None) == (s is None) == (e is None)
            if s is not None:
                assert m.sentence_start <= s < e <= m.sentence_end
        assert m.from_place is not None or m.to_place is not None
        assert m.from_place_id != m.to_place_id


def test_every_movement_of_the_set_keeps_its_offsets(gaz):
    for lang in ("ar", "en"):
        for it in load_items(lang):
            _check(it.text, extract_movements(geoparse(it.text, lang=lang, gazetteer=gaz)))


def test_a_list_gives_one_movement_per_origin_and_destination(gaz):
    s = geoparse("Buses moved 300 families from Aleppo and Homs to Damascus, Beirut and Amman.", gazetteer=gaz)
    got = {(m.from_place.name, m.to_place.name) for m in extract_movements(s)}
    assert got == {(a, b) for a in ("Aleppo", "Homs") for b in ("Damascus", "Beirut", "Amman")}


def test_movements_are_a_pure_function_of_the_situation(gaz):
    s = geoparse("نقلت السلطات المحتجزين من الحسكة إلى بغداد.", gazetteer=gaz)
    before = s.mentions
    assert extract_movements(s) == extract_movements(s)
    assert s.mentions is before
    assert s.movements == extract_movements(s)


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "The delegation met in Baghdad and Damascus.",  # places, no trigger
    "They were transferred quickly.",  # a trigger, no place
    "from " * 5000 + "Baghdad",  # role words without a trigger
    "moved " + "to " * 5000 + "Baghdad",  # the destination is too far from its role word
    "نقل " * 3000 + "من" + " بغداد",  # every token a trigger: each scope ends at the next
])
def test_inputs_that_state_no_movement(text, gaz):
    s = geoparse(text, gazetteer=gaz)
    got = extract_movements(s)
    _check(text, got)
    assert got == () or all(m.trigger_start >= len(text) - 20 for m in got)


def test_hostile_text_stays_as_written(gaz):
    text = "Fighters & <b>rebels</b> fled from Aleppo to Damascus, `${x}` {{ 7*7 }}."
    (m,) = extract_movements(geoparse(text, gazetteer=gaz))
    assert (m.from_place.name, m.to_place.name) == ("Aleppo", "Damascus")
    assert m.quote == text and m.what.startswith("Fighters & <b>rebels")


def test_an_empty_situation_has_no_movements():
    assert extract_movements(Situation(text="", lang="en", mentions=())) == ()


def test_the_word_tables_are_written_folded():
    from geo import relations
    from geo.text import fold

    tables = [relations.NOT_MOVING, relations.NOT_PLACE_HEADS, relations._AR_COMPOUND, relations.AR_ORIGIN,
              relations.AR_DESTINATION, relations._AR_STOP, relations._AR_PARTITIVE_AFTER,
              frozenset(relations.AR_TRIGGERS)]
    for table in tables:
        assert all(fold(w).text == w for w in table), sorted(w for w in table if fold(w).text != w)
