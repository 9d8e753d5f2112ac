"""data/us_counties.csv (Natural Earth admin-2): counties and parishes, read only with their head word."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import geoparse

CSV = Path(__file__).resolve().parent.parent / "data" / "us_counties.csv"
ROWS = list(csv.DictReader(CSV.open(encoding="utf-8")))


def test_rows_carry_their_head_word_and_state():
    assert len(ROWS) > 3000
    assert all(r["name"].endswith((" County", " Parish", " Borough")) for r in ROWS)
    assert len({r["fips"] for r in ROWS}) == len(ROWS)
    assert all(len(r["state"]) == 2 for r in ROWS)


@pytest.mark.parametrize("text,surface,fips", [
    ("The fire spread through Ventura County.", "Ventura County", "06111"),
    ("Hurricane warnings cover Terrebonne Parish in Louisiana.", "Terrebonne Parish", "22109"),
    ("أعلنت مقاطعة لوس أنجلوس حالة الطوارئ.", "مقاطعة لوس أنجلوس", "06037"),
    # Of two Harris Counties, the one holding the city the statement names (Houston, Texas).
    ("Harris County opened shelters across Houston.", "Harris County", "48201"),
])
def test_a_county_is_a_district_at_its_own_point(gaz, text, surface, fips):
    got = [m for m in geoparse(text, gazetteer=gaz).mentions if m.place_id == f"uscounty:{fips}"]
    assert [m.surface for m in got] == [surface] and got[0].place.kind == "district"
