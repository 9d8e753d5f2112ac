"""Regions whose Natural Earth admin-1 unit is a level below them (data/admin1_regions.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from geo import geoparse

DATA = Path(__file__).resolve().parent.parent / "data"


def _rows(name):
    return list(csv.DictReader((DATA / name).open(encoding="utf-8")))


def test_rows_are_first_level_iso_codes_no_other_table_has():
    import pycountry

    rows = _rows("admin1_regions.csv")
    # Italy's and Spain's regions come from Who's On First (admin1_wof.csv), the Canary Islands excepted.
    others = {r["code"] for r in _rows("admin1.csv") + _rows("admin1_world.csv") + _rows("admin1_wof.csv")}
    assert len(rows) >= 40 and len({r["code"] for r in rows}) == len(rows)
    assert {r["country"] for r in rows} >= {"ES", "FR", "BE", "IN", "NP", "KZ"}
    for r in rows:
        sub = pycountry.subdivisions.get(code=r["code"])
        assert sub is not None and not sub.parent_code and r["code"] not in others, r["code"]
        assert r["name_en"] and r["name_ar"] and r["seat_geonameid"] and "Wikidata" in r["source"], r["code"]


@pytest.mark.parametrize("text, expected", [
    ("Fires spread across Sardinia and Tuscany.", ["admin1:IT-88", "admin1:IT-52"]),
    ("وصل قارب يقل مهاجرين إلى جزر الكناري.", ["admin1:ES-CN"]),
    ("Voters in Brittany and Wallonia went to the polls.", ["admin1:FR-BRE", "admin1:BE-WAL"]),
    # India's states whose codes Natural Earth lacks; Nepal's provinces, bare only after a cue (Koshi is a river).
    ("Cyclone warnings were issued for Odisha and Gujarat.", ["admin1:IN-OD", "admin1:IN-GJ"]),
    ("ضربت الفيضانات مقاطعة كوشي في نيبال.", ["admin1:NP-P1", "country:NP"]),
    # Kazakhstan's regions: "<name> region" after a cue, bare Almaty the city; "western Kazakhstan" is the West
    # Kazakhstan Region (a division named like a direction takes the direction's names: sources/directions.py).
    ("Floods hit the Kostanay region, Almaty and western Kazakhstan.",
     ["admin1:KZ-39", "geonames:1526384", "admin1:KZ-27"]),
    # The region named like its seat city is read with its head word only: bare Valencia stays the city.
    ("Floods hit the Valencian Community; Valencia's port closed.", ["admin1:ES-VC", "geonames:2509954"]),
])
def test_regions_resolve_as_first_level_divisions(gaz, text, expected):
    assert [m.place_id for m in geoparse(text, gazetteer=gaz).mentions] == expected


def test_a_regions_point_is_inside_it_not_at_its_capital(gaz):
    # Sicily's point is the mean of its towns, not Palermo on its north coast.
    p = gaz.get("admin1:IT-82")
    assert p.kind == "admin1" and p.country_code == "IT" and 37.0 < p.lat < 38.0 and 13.5 < p.lon < 15.0
