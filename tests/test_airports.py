"""data/airports.csv (from airportsdata): rows, and airports read with their cue word at their own point."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import geoparse

ROWS = list(csv.DictReader((Path(__file__).resolve().parent.parent / "data" / "airports.csv").open(encoding="utf-8")))


def test_rows_are_named_airports_with_unique_forms():
    assert len(ROWS) > 1500
    assert len({r["iata"] for r in ROWS}) == len(ROWS)
    forms = [f.casefold() for r in ROWS for f in (r["name"], *filter(None, r["names_en"].split("|")))]
    assert all(f.endswith("airport") for f in forms)
    assert len(forms) == len(set(forms))  # a form two airports would share names neither


@pytest.mark.parametrize("text,surface,iata", [
    ("Flights at Heathrow Airport were delayed.", "Heathrow Airport", "LHR"),
    ("Aid landed at Queen Alia International Airport.", "Queen Alia International Airport", "AMM"),
    ("تعرض محيط مطار بغداد الدولي لهجوم.", "مطار بغداد الدولي", "BGW"),
    ("حُوّلت رحلتان إلى مطار لارنكا.", "مطار لارنكا", "LCA"),
])
def test_an_airport_is_its_own_place_at_its_own_point(gaz, text, surface, iata):
    got = [m for m in geoparse(text, gazetteer=gaz).mentions if m.place_id == f"airport:{iata}"]
    assert [m.surface for m in got] == [surface]
    row = next(r for r in ROWS if r["iata"] == iata)
    assert (got[0].place.kind, got[0].place.lat, got[0].place.lon) == ("facility", float(row["lat"]), float(row["lon"]))


def test_a_city_with_two_airports_names_neither_by_itself(gaz):
    # London has Heathrow, Gatwick, Stansted ...: "London Airport" is none of them in particular.
    assert not any(r["city_alone"] for r in ROWS if r["city"] == "London" and r["country"] == "GB")
