"""data/admin1_wof.csv (Spain's autonomous communities and Italy's regions, from Who's On First) and the historical
regions of data/places.geojson named like them: rows and readings."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry

from geo import geoparse

DATA = Path(__file__).resolve().parent.parent / "data"
ROWS = list(csv.DictReader((DATA / "admin1_wof.csv").open(encoding="utf-8")))
OLD = {r["code"] for f in ("admin1.csv", "admin1_world.csv") for r in csv.DictReader((DATA / f).open(encoding="utf-8"))}


def test_rows_are_first_level_iso_codes_the_other_admin1_files_lack():
    codes = [r["code"] for r in ROWS]
    assert len(codes) == len(set(codes)) and not set(codes) & OLD
    for r in ROWS:
        sub = pycountry.subdivisions.get(code=r["code"])
        assert sub is not None and sub.parent_code is None and r["code"].startswith(r["country"] + "-"), r["code"]
        assert r["name_ar"] and -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["code"]
    # Spain's autonomous communities but the Canary Islands (no macroregion record with an Arabic name in the
    # mirror; Ceuta and Melilla are in admin1_world.csv) and Italy's 20 regions.
    assert sum(r["country"] == "ES" for r in ROWS) == 16 and sum(r["country"] == "IT" for r in ROWS) == 20


def test_regions_read_in_arabic_and_english_and_a_region_named_after_its_city_stays_the_city(gaz):
    got = [(m.surface, m.place_id) for m in geoparse(
        "ضربت موجة حر صقلية وسردينيا وكتالونيا وأندلوسيا، وأعلنت منطقة مدريد حالة الطوارئ في مدريد.", gazetteer=gaz
    ).mentions]
    assert got == [("صقلية", "admin1:IT-82"), ("سردينيا", "admin1:IT-88"), ("كتالونيا", "admin1:ES-CT"),
                   ("أندلوسيا", "admin1:ES-AN"), ("منطقة مدريد", "admin1:ES-MD"), ("مدريد", "geonames:3117735")]
    got = [m.place_id for m in geoparse("Wildfires hit Tuscany and Lombardy in Italy.", gazetteer=gaz).mentions]
    assert got[:2] == ["admin1:IT-52", "admin1:IT-25"]


def test_al_andalus_and_transoxiana_are_historical_regions_not_the_modern_division(gaz):
    # الأندلس alone is al-Andalus (Muslim Iberia), a region at Córdoba; إقليم الأندلس with its head noun, and
    # أندلوسيا, are the autonomous community.
    got = [(m.surface, m.place_id) for m in geoparse(
        "ازدهرت العلوم في الأندلس وفي بلاد ما وراء النهر، ويزور السياح اليوم إقليم الأندلس في إسبانيا.",
        gazetteer=gaz).mentions]
    assert ("الأندلس", "historical-region:al-andalus") in got
    assert ("بلاد ما وراء النهر", "historical-region:transoxiana") in got
    assert ("إقليم الأندلس", "admin1:ES-AN") in got
