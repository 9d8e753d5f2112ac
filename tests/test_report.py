"""geo.report: escaped HTML for quotes and the statement, table rows and CSV downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest
from situations import BAGHDAD, DAMASCUS, HOSTILE_QUOTE, hostile, make_situation, seed_like

from geo.model import LAYERS
from geo.report import (
    escape_untrusted,
    is_rtl,
    legend_html,
    mention_rows,
    mentions_csv,
    place_rows,
    places_csv,
    quotes_html,
    statement_html,
    unlocated_rows,
)


def parse_csv(s: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(s)))


@pytest.mark.parametrize("text,rtl", [("في الرياض", True), ("in Riyadh", False), ("Baghdad بغداد والعراق", True),
                                      ("", False)])
def test_is_rtl(text, rtl):
    assert is_rtl(text) is rtl


def test_quotes_mark_the_right_occurrence():
    text = "بغداد هنا. زار الوفد دمشق ثم عاد إلى دمشق."
    s = make_situation(text, [("دمشق", DAMASCUS, 1), ("بغداد", BAGHDAD)])
    html = quotes_html(s, DAMASCUS.place_id)
    assert "زار الوفد دمشق ثم عاد إلى <mark" in html and html.count("<mark") == 1
    assert 'dir="rtl"' in html and "Damascus" in html and "1 mention" in html


def test_quotes_html_unknown_place():
    with pytest.raises(KeyError, match="geonames:1"):
        quotes_html(seed_like(), "geonames:1")


def test_quotes_escape_hostile_text():
    html = quotes_html(hostile(), DAMASCUS.place_id)
    assert "<img" not in html and "<script>" not in html and "`" not in html and "${" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_statement_html_highlights_every_mention_in_its_layer_colour():
    s = seed_like()
    html = statement_html(s)
    marks = re.findall(r'<mark class="geo-mention ([^"]+)"[^>]*>([^<]*)</mark>', html)
    assert [surface for _cls, surface in marks] == [m.surface for m in s.mentions]
    colours = {layer.key: layer.colour for layer in LAYERS}
    for m in s.mentions:
        if m.place is not None:
            assert f"border-bottom:2px solid {colours[m.place.layer.key]}" in html
    assert ("geo-unlocated", "مخيم الزهور") in marks  # unlocated: grey, dashed
    assert html.startswith('<div class="geo-statement" dir="rtl"')
    # Everything outside the marks is the statement itself, in order.
    assert re.sub(r"<[^>]+>", "", html) == escape_untrusted(s.text)


def test_statement_html_escapes_hostile_text():
    html = statement_html(hostile())
    assert "<img" not in html and "<script>" not in html and "${" not in html and "`" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_statement_html_skips_overlaps():
    text = "مخيم الهول"
    s = make_situation(text, [("مخيم الهول", None), ("الهول", BAGHDAD)])
    assert statement_html(s).count("<mark") == 1


def test_place_rows():
    rows = place_rows(seed_like())
    assert len(rows) == 10
    baghdad = next(r for r in rows if r["name"] == "Baghdad")
    assert baghdad == {
        "place_id": "geonames:98182", "name": "Baghdad", "name_ar": "بغداد", "kind": "city", "layer": "cities",
        "country_code": "IQ", "mentions": 1, "confidence": 0.9, "reason": "test fixture",
        "lat": 33.3406, "lon": 44.4009, "source": "geonames",
        "form": "name", "evidence": [], "candidates": [],  # a fixture mention: no resolution behind it
    }


def test_places_csv_round_trips_arabic():
    rows = parse_csv(places_csv(seed_like()))
    assert len(rows) == 10
    assert {r["name_ar"] for r in rows} >= {"بغداد", "مخيم الهول", "الولايات المتحدة"}
    assert rows[0].keys() >= {"place_id", "name", "kind", "mentions", "confidence", "reason", "lat", "lon"}


def test_mentions_csv_keeps_unlocated():
    s = seed_like()
    rows = parse_csv(mentions_csv(s))
    assert len(rows) == len(s.mentions) == len(mention_rows(s))
    unlocated = [r for r in rows if not r["place_id"]]
    assert [r["surface"] for r in unlocated] == ["مخيم الزهور"]
    for r in rows:
        assert s.text[int(r["start"]):int(r["end"])] == r["surface"]
        assert r["surface"] in r["sentence"]


@pytest.mark.parametrize("lead", ["=", "+", "-", "@"])
def test_csv_neutralises_formulas(lead):
    text = f"{lead}HYPERLINK(1) في بغداد"
    s = make_situation(text, [("بغداد", BAGHDAD)])
    row = parse_csv(mentions_csv(s))[0]
    assert row["sentence"].startswith("'" + lead)


def test_unlocated_rows():
    assert unlocated_rows(seed_like()) == [{
        "surface": "مخيم الزهور", "cue": "مخيم", "reason": "camp cue, no gazetteer entry",
        "start": seed_like().text.index("مخيم الزهور"), "sentence": "ونقل المحتجزين إلى مخيم الزهور المؤقت.",
    }]


def test_legend_lists_every_layer():
    html = legend_html({"countries": 4, "camps": 2})
    for layer in LAYERS:
        assert layer.colour in html and layer.label in html
    assert "Countries (4)" in html and "Regions (0)" in html and "Unlocated" in html


def test_hostile_fixture_really_is_hostile():
    assert "<img src=x onerror=alert(1)>" in HOSTILE_QUOTE and "`" in HOSTILE_QUOTE and "${" in HOSTILE_QUOTE
