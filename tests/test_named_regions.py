"""Named regions no government runs: the ``named`` rows of data/regions.csv (geo/gazetteer/sources/regions.py)."""

from __future__ import annotations

import csv
from pathlib import Path

import shapely

from geo import geoparse

CSV = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


def found(text, gaz):
    return [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]


def test_named_regions_file_gives_members_or_a_point_and_a_source():
    rows = [r for r in csv.DictReader(CSV.open(encoding="utf-8")) if r["scheme"] == "named"]
    assert len(rows) >= 30 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["name_en"] and r["definition"], r["id"]  # (cc empty: a region of two countries, the Jordan Valley)
        assert bool(r["members"]) != bool(r["lat"]), r["id"]
        assert all(m.startswith(("admin1:", "ukarea:")) for m in r["members"].split()), r["id"]
    ne = next(r for r in rows if r["id"] == "new-england")
    assert set(ne["members"].split()) == {f"admin1:US-{s}" for s in "CT ME MA NH RI VT".split()}


def test_a_region_of_member_states_is_their_union(gaz):
    p = gaz.get("named-region:midwest")
    area = p.geometry
    assert area is not None
    assert area.contains(shapely.Point(-87.63, 41.88))  # Chicago
    assert area.contains(shapely.Point(-93.27, 44.98))  # Minneapolis
    assert not area.contains(shapely.Point(-74.0, 40.71))  # New York City
    assert p.kind == "region" and p.country_code == "US" and "approximate" in p.source


def test_a_metropolitan_county_lies_among_its_boroughs(gaz):
    p = gaz.get("named-region:west-yorkshire")
    assert p.kind == "district" and 53.6 < p.lat < 53.9 and -2.0 < p.lon < -1.3  # between Bradford and Wakefield


def test_the_statements_country_picks_a_namesake_region(gaz):
    assert ("New England", "named-region:new-england") in found("Heavy snow is forecast across New England.", gaz)
    got = found("Floods hit the Northern Rivers and New England regions of New South Wales.", gaz)
    assert ("New England", "named-region:new-england-nsw") in got
    assert ("Northern Rivers", "named-region:northern-rivers") in got


def test_an_everyday_arabic_word_names_a_region_only_with_its_cue(gaz):
    # الريف "the countryside" and الجليل "glorious" alone are words; منطقة الريف and الجليل الأعلى are regions.
    got = found("هطلت أمطار غزيرة في منطقة الريف وفي الجليل الأعلى.", gaz)
    assert ("منطقة الريف", "named-region:rif") in got and ("الجليل الأعلى", "named-region:galilee") in got
    assert not any(p == "named-region:rif" for _, p in found("انتقلت العائلة من المدينة إلى الريف.", gaz))


def test_a_region_of_divisions_without_outlines_is_at_their_mean_point_and_keeps_the_direction_names(gaz):
    # India's states have no outline here: Northeast India is at the mean of its eight states' points (in Assam,
    # Meghalaya or Manipur), and the names the direction source would derive ("northeastern India", شمال شرقي الهند)
    # go to it instead of to a box cut of India's outline.
    p = gaz.get("named-region:northeast-india")
    assert 24 < p.lat < 27.5 and 90.5 < p.lon < 95
    got = found("Floods hit northeastern India, and the army moved troops to شمال شرقي الهند.", gaz)
    assert [pid for _, pid in got] == ["named-region:northeast-india", "named-region:northeast-india"]
