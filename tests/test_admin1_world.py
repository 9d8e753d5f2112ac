"""data/admin1_world.csv (first-level divisions of the other countries, from Natural Earth): rows and readings."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from geo import geoparse

DATA = Path(__file__).resolve().parent.parent / "data"
ROWS = list(csv.DictReader((DATA / "admin1_world.csv").open(encoding="utf-8")))
OLD = {r["code"] for r in csv.DictReader((DATA / "admin1.csv").open(encoding="utf-8"))}


def test_rows_are_first_level_iso_codes_not_in_admin1_csv():
    assert len(ROWS) > 1000
    codes = [r["code"] for r in ROWS]
    assert len(codes) == len(set(codes))
    assert not set(codes) & OLD
    for r in ROWS:
        sub = pycountry.subdivisions.get(code=r["code"])
        assert sub is not None and sub.parent_code is None and r["code"].startswith(r["country"] + "-"), r["code"]
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["code"]
    # The countries the brief named are in, each with every first-level unit Natural Earth has (China's four
    # municipalities, Beijing, Shanghai, Tianjin, Chongqing, are left to the cities: units of type municipality
    # are skipped, see data/tools/admin1_world.py).
    by_country = {cc: sum(r["country"] == cc for r in ROWS) for cc in ("CA", "CN", "RU", "DE", "JP", "AR")}
    assert by_country == {"CA": 13, "CN": 27, "RU": 83, "DE": 16, "JP": 47, "AR": 24}, by_country


def test_generic_names_carry_their_head_word():
    # "Central", "Northern" and the like are never a bare name (see tests/test_rules.py).
    for r in ROWS:
        names = [r["name_en"], *filter(None, r["aliases_en"].split("|"))]
        assert not {n.casefold() for n in names} & {"central", "northern", "southern", "eastern", "western",
                                                     "capital", "north", "south", "east", "west"}, r["code"]
        assert r["name_ar"] not in ("المنطقة الوسطى", "الوسطى", "الشمالية", "المقاطعة المركزية"), r["code"]


def test_the_point_is_geonames_own(gaz):
    # California-style: the division's point is GeoNames' ADM1 record, not its seat (Toronto for Ontario).
    p = gaz.get("admin1:CA-ON")
    assert (round(p.lat), round(p.lon)) == (49, -84)
    row = next(r for r in ROWS if r["code"] == "CA-ON")
    assert row["seat_geonameid"] == "6167865"  # Toronto, the seat the seat rule uses


@pytest.mark.parametrize("text,place", [
    ("Wildfires spread across Alberta and British Columbia.", "admin1:CA-AB"),
    ("Floods hit Sichuan province.", "admin1:CN-SC"),
    ("أعلنت ولاية بافاريا الألمانية حالة الطوارئ.", "admin1:DE-BY"),
    ("Drones struck Kursk region overnight.", "admin1:RU-KRS"),
])
def test_divisions_resolve(gaz, text, place):
    assert place in {m.place_id for m in geoparse(text, gazetteer=gaz).mentions}


def test_a_division_named_after_its_seat_stays_the_city_when_bare(gaz):
    # Kursk (the city, the oblast's seat): the seat rule applies to the new rows as to admin1.csv's.
    got = {m.place_id for m in geoparse("Officials in Kursk said the shelling stopped.", gazetteer=gaz).mentions}
    assert got == {"geonames:538560"}
