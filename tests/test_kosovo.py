"""Kosovo is a country although ISO 3166-1 (and so pycountry) has no code for it.

data/countries.csv gives it the user-assigned code XK (used by the EU, GeoNames and most data
providers); geo/gazetteer/build.py makes every countries.csv row a country, also one pycountry lacks, and
maps Natural Earth's Kosovo outline (XKX) to it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

COUNTRIES = Path(__file__).resolve().parent.parent / "data" / "countries.csv"


def _ids(text: str, gaz) -> list[str]:
    from geo import geoparse

    return [sp.place.place_id for sp in geoparse(text, gazetteer=gaz).places]


def test_countries_csv_is_pycountry_plus_kosovo():
    import pycountry

    codes = [r["iso2"] for r in csv.DictReader(COUNTRIES.open(encoding="utf-8"))]
    assert len(codes) == len(set(codes))
    assert set(codes) - {c.alpha_2 for c in pycountry.countries} == {"XK"}
    assert {c.alpha_2 for c in pycountry.countries} <= set(codes)
    xk = next(r for r in csv.DictReader(COUNTRIES.open(encoding="utf-8")) if r["iso2"] == "XK")
    assert "user-assigned" in xk["source"] and "not ISO 3166-1" in xk["source"]


def test_kosovo_is_a_country_with_its_outline(gaz):
    from shapely.geometry import Point

    k = gaz.get("country:XK")
    assert (k.kind, k.country_code, k.name, k.name_ar) == ("country", "XK", "Kosovo", "كوسوفو")
    assert k.geometry is not None and k.geometry.geom_type in ("Polygon", "MultiPolygon")
    assert k.geometry.buffer(0.01).contains(Point(k.lon, k.lat))
    pristina = gaz.get("geonames:786714")  # the capital keeps its own GeoNames entry
    assert pristina.country_code == "XK" and k.geometry.contains(Point(pristina.lon, pristina.lat))
    assert "not ISO 3166-1" in k.source


@pytest.mark.parametrize("text", [
    "Talks in Pristina, Kosovo, on Monday.",
    "محادثات في بريشتينا عاصمة كوسوفو يوم الاثنين.",
    "Kosovo declared independence in 2008.",
    "Kosovar officials met Serbian officials.",
    "قال مسؤول كوسوفي إن الحوار مع صربيا متوقف.",
])
def test_kosovo_resolves_to_the_country(gaz, text):
    ids = _ids(text, gaz)
    assert "country:XK" in ids
    assert "geonames:789228" not in ids  # Kosovo Polje, whose GeoNames alternate names include "Kosovo"


def test_pristina_stays_the_city(gaz):
    ids = _ids("Talks in Pristina, Kosovo, on Monday.", gaz)
    assert ids[:2] == ["geonames:786714", "country:XK"]


def test_kosovo_polje_is_still_the_town(gaz):
    assert "geonames:789228" in _ids("Protesters gathered in Kosovo Polje, near Pristina.", gaz)
