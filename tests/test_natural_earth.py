"""Natural Earth and GeoNames data derived by data/tools/natural_earth.py, and how the gazetteer uses it.

* data/admin1_areas.geojson: first-level divisions as areas, keyed by ISO 3166-2 code;
* data/geonames_points.csv: GeoNames' own point of each country and division (not a polygon's, not the seat's);
* data/natural_features.geojson: seas, rivers, lakes, deserts, mountain ranges and ports, with Arabic names;
* static/vendor/natural-earth/10m/: the 1:10m offline basemap in 5° cells.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import shapely
from shapely.geometry import shape

from geo import geoparse
from geo.mapview import DETAIL_DIR

DATA = Path(__file__).resolve().parent.parent / "data"
ADMIN1 = {r["code"]: r for r in csv.DictReader((DATA / "admin1.csv").open(encoding="utf-8"))}
#: The first-level divisions NE draws a level below (France's regions ...): their areas are dissolved NE units.
REGION_ROWS = {r["code"]: r for name in ("admin1_regions.csv", "admin1_wof.csv")
               for r in csv.DictReader((DATA / name).open(encoding="utf-8"))}
AREAS = json.loads((DATA / "admin1_areas.geojson").read_text(encoding="utf-8"))["features"]
#: The areas as shapes, made once for the tests that read several.
AREA_SHAPES = {f["id"]: shape(f["geometry"]) for f in AREAS}
POINTS = list(csv.DictReader((DATA / "geonames_points.csv").open(encoding="utf-8")))
FEATURES = json.loads((DATA / "natural_features.geojson").read_text(encoding="utf-8"))["features"]


def rows(text, gaz):
    return [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]


# -- the files --------------------------------------------------------------------------------------------
def test_files_stay_small():
    assert (DATA / "admin1_areas.geojson").stat().st_size < 3_000_000
    assert (DATA / "natural_features.geojson").stat().st_size < 4_000_000
    assert sum(p.stat().st_size for p in DETAIL_DIR.glob("*.json")) < 6_000_000


def test_every_area_is_a_valid_polygon_of_an_admin1_row_around_its_seat():
    assert len(AREAS) >= 1000
    for f in AREAS:
        row = ADMIN1.get(f["id"]) or REGION_ROWS[f["id"]]  # a KeyError names an area without a row
        geom = shape(f["geometry"])
        assert geom.is_valid and geom.geom_type in ("Polygon", "MultiPolygon"), f["id"]
        seat = shapely.Point(float(row["lon"]), float(row["lat"]))
        # The script's own check: the NE unit is the row's (a region row's point is the mean of its cities or a
        # label point, not its seat: the Canary Islands' falls between the islands).
        assert geom.distance(seat) <= (0.1 if f["id"] in ADMIN1 else 0.25), f["id"]


@pytest.mark.parametrize("code, inside, outside", [
    ("FR-BRE", (48.11, -1.68), (47.22, -1.55)),  # Rennes; not Nantes (Pays de la Loire)
    ("FR-20R", (41.93, 8.74), (43.70, 7.27)),  # Ajaccio; not Nice
    ("BE-VLG", (51.22, 4.40), (50.63, 5.57)),  # Antwerp; not Liège (Wallonia)
    ("IT-88", (39.22, 9.11), (38.12, 13.36)),  # Cagliari (Sud Sardegna, in NE's geometry only); not Palermo
    ("ES-CN", (28.12, -15.43), (36.72, -4.42)),  # Las Palmas; not Málaga
    ("IN-OD", (20.30, 85.82), (22.57, 88.36)),  # Bhubaneswar (NE's old code IN-OR); not Kolkata
    ("KZ-43", (45.62, 63.31), (43.30, 68.27)),  # Baikonur is Kyzylorda Region's; not Turkistan
])
def test_a_region_ne_draws_a_level_below_is_its_units_dissolved(code, inside, outside):
    areas = AREA_SHAPES
    assert areas[code].contains(shapely.Point(inside[1], inside[0]))
    assert not areas[code].contains(shapely.Point(outside[1], outside[0]))


def test_a_region_whose_land_changed_since_natural_earth_has_no_area():
    # Kazakhstan's 2022 regions split off East Kazakhstan, Almaty Region and Karaganda: NE's old units would be too
    # big for all six; Nepal's 2015 provinces cut across NE's zones.
    ids = {f["id"] for f in AREAS}
    assert not ids & {"KZ-10", "KZ-19", "KZ-33", "KZ-35", "KZ-62", "KZ-63", "NP-P1", "NP-P3"}
    assert {"KZ-11", "KZ-61", "IN-GJ", "FR-IDF", "IT-25", "ES-AN"} <= ids


def test_a_region_with_an_area_is_drawn_as_an_area(gaz):
    s = geoparse("Storms hit Brittany and Sicily.", gazetteer=gaz)
    geoms = {f["properties"]["place_id"]: f["geometry"]["type"] for f in s.to_geojson()["features"]}
    assert geoms == {"admin1:FR-BRE": geoms["admin1:FR-BRE"], "admin1:IT-82": geoms["admin1:IT-82"]}
    assert set(geoms.values()) <= {"Polygon", "MultiPolygon"}


def test_renumbered_codes_take_the_right_unit():
    # ISO renumbered Iran's provinces in 2020; NE keeps the old codes, so code IR-07 there is Tehran. Matched by
    # the seat and the name, IR-23 (Tehran today) gets Tehran's polygon and IR-07 (Fars) Fars's.
    areas = AREA_SHAPES
    assert areas["IR-23"].contains(shapely.Point(51.39, 35.69))  # Tehran
    assert areas["IR-07"].contains(shapely.Point(52.54, 29.61))  # Shiraz, Fars
    # Bangladesh's divisions are named after districts NE has: a district is not taken for the division.
    assert "BD-C" not in areas


def test_points_are_geonames_records_inside_their_place():
    ids = [r["place_id"] for r in POINTS]
    assert len(ids) == len(set(ids)) and len(ids) > 1000
    areas = AREA_SHAPES
    for r in POINTS:
        assert int(r["geonameid"]) > 0
        if r["place_id"].startswith("admin1:"):
            code = r["place_id"].split(":", 1)[1]
            assert areas[code].distance(shapely.Point(float(r["lon"]), float(r["lat"]))) <= 0.25, code


def test_gazetteer_uses_geonames_points_and_areas(gaz):
    ru = gaz.get("country:RU")
    assert (ru.lat, ru.lon) == (60.0, 100.0)  # GeoNames' point, not the polygon's (~190 km off)
    ca = gaz.get("admin1:US-CA")
    assert abs(ca.lat - 37.25) < 0.01 and abs(ca.lon + 119.75) < 0.01  # not Sacramento (38.58, -121.49)
    assert ca.geometry is not None and ca.geometry.contains(shapely.Point(-118.24, 34.05))  # Los Angeles
    assert "GeoNames #5332921" in ca.source and "Natural Earth 1:10m" in ca.source
    # The seat rule still uses the seat: bare "Idlib" is the city, "محافظة إدلب" the province.
    assert rows("Shelling hit Idlib.", gaz) == [("Idlib", "geonames:169389")]


def test_a_division_natural_earth_splits_takes_its_own_units_point(gaz):
    # Natural Earth lists Lord Howe Island under AU-NSW too (gn_id 0): the state's own unit gives the point,
    # not Sydney, the seat; a Philippine province gets the province's record, not its chartered city's.
    nsw = gaz.get("admin1:AU-NSW")
    assert (nsw.lat, nsw.lon) == (-33.0, 146.0) and "GeoNames #2155400" in nsw.source
    assert "GeoNames #1711004" in gaz.get("admin1:PH-ILI").source  # Province of Iloilo, not Iloilo City
    # Divisions still at their seat (no GeoNames record in the sources): 407 before, measured 399 now (not counting
    # the regions of data/admin1_wof.csv, at Who's On First's label point, nor those of admin1_regions.csv, placed at
    # the mean of their towns: "point: mean of ...").
    at_seat = [p for p in gaz.places_in(["admin1"]) if "point: GeoNames" not in p.source
               and not p.source.startswith("Who's On First") and "point: mean of" not in p.source]
    assert len(at_seat) == 399


def test_the_basemap_puts_coastal_cities_on_land():
    # Beirut sat in the sea on the 1:110m outlines at city zoom; the 1:10m cells hold it (and a few others).
    from geo.mapview import _DETAIL_GRID

    def land_of(lon: float, lat: float):
        x, y = int(lon // 5 * 5), int(lat // 5 * 5)
        cell = json.loads((DETAIL_DIR / f"{x}_{y}.json").read_text())

        def ring(a):
            pts, px, py = [], 0, 0
            for i in range(0, len(a), 2):
                px, py = px + a[i], py + a[i + 1]
                pts.append((px * _DETAIL_GRID, py * _DETAIL_GRID))
            return pts

        return shapely.union_all([shapely.Polygon(ring(p[0]), [ring(h) for h in p[1:]]) for p in cell["land"]])

    for lon, lat in ((35.5018, 33.8938), (39.19, 21.54), (45.03, 12.78), (29.92, 31.20), (35.84, 34.44)):
        assert land_of(lon, lat).contains(shapely.Point(lon, lat)), (lon, lat)  # Beirut, Jeddah, Aden, ...
    assert not land_of(35.40, 33.90).contains(shapely.Point(35.40, 33.90))  # 10 km off Beirut: sea


# -- natural features in the gazetteer ----------------------------------------------------------------------
def test_features_carry_arabic_names_and_kinds():
    kinds = {f["properties"]["kind"] for f in FEATURES}
    assert kinds == {"sea", "river", "lake", "mountain", "desert", "cape", "port"}
    with_ar = [f for f in FEATURES if f["properties"]["kind"] != "port" and f["properties"]["name_ar"]]
    assert len(with_ar) > 900
    by_name = {f["properties"]["name"]: f["properties"] for f in FEATURES}
    assert by_name["Red Sea"]["name_ar"] == "البحر الأحمر"


@pytest.mark.parametrize("text, expected", [
    ("هاجم الحوثيون سفينة في البحر الأحمر.", ("البحر الأحمر", "ne:sea-red-sea")),
    ("Houthis attacked a ship in the Red Sea.", ("Red Sea", "ne:sea-red-sea")),
    ("انخفض منسوب نهر الفرات قرب الرقة في سوريا.", ("نهر الفرات", "ne:river-euphrates")),
    ("Farmers along the Euphrates in Syria lost their crops.", ("Euphrates", "ne:river-euphrates")),
    ("عبر اللاجئون نهر الأردن إلى الأردن.", ("نهر الأردن", "ne:river-jordan")),
    ("Fishermen on Lake Chad fled.", ("Lake Chad", "ne:lake-chad")),
    ("Tankers crossed the Gulf of Aden.", ("Gulf of Aden", "ne:sea-gulf-of-aden")),
    ("تضررت قرى جبال الأطلس في المغرب.", ("جبال الأطلس", "ne:mountain-atlas-mountains")),
    ("وقع انفجار في مرفأ بيروت.", ("مرفأ بيروت", "ne:port-port-of-beirut")),
    ("The blast at the Port of Beirut killed 200.", ("Port of Beirut", "ne:port-port-of-beirut")),
])
def test_natural_features_and_ports_are_found(gaz, text, expected):
    assert expected in rows(text, gaz)


@pytest.mark.parametrize("text, not_expected", [
    ("The Jordan delegation arrived.", "ne:river-jordan"),   # the country's name: only "Jordan River"
    ("Chad closed its border.", "ne:lake-chad"),             # likewise "Lake Chad"
    ("The Atlas rocket launched on time.", "ne:mountain-atlas-mountains"),  # an everyday word: "Atlas Mountains"
    ("زار الوفد الأردن.", "ne:river-jordan"),
    ("The Gulf states met in Riyadh.", "ne:sea-persian-gulf"),  # "the Gulf" alone names no sea
    ("وصل الوزير إلى الخليج.", "ne:sea-persian-gulf"),
    ("ارتدى الفريق اللون الأحمر.", "ne:sea-red-sea"),          # البحر الأحمر needs both words
])
def test_a_feature_named_by_a_word_or_another_place_needs_its_head_noun(gaz, text, not_expected):
    assert not_expected not in [p for _, p in rows(text, gaz)]


def test_a_minor_feature_far_from_the_statements_countries_is_not_read(gaz):
    # NE's White Sands (New Mexico) is الرمال البيضاء, "the white sands", in a story about Libya.
    got = rows("قال عضو في المجلس البلدي لدرنة في ليبيا إن الرمال البيضاء غطت الطرق.", gaz)
    assert not any(p and p.startswith("ne:") for _, p in got)
    # A head noun does not make a minor one near: NE gives الليطاني to a river of Suriname (Lebanon's is not in
    # NE 1:10m), so a Lebanese story's نهر الليطاني is left unread rather than put in South America.
    got = rows("انتشر الجيش اللبناني جنوب نهر الليطاني في لبنان.", gaz)
    assert not any(p and p.startswith("ne:") for _, p in got)
    # A cue word announces another kind of place: "the town of Shire" is no river.
    assert not any(p and p.startswith("ne:") for _, p in rows("Aid reached the town of Shire in Ethiopia.", gaz))


def test_a_one_word_feature_name_needs_a_named_country_beside_it(gaz):
    # "West Nile virus" in Arizona names no river; the Nile does flow through a story about Egypt.
    assert "ne:river-nile" not in [p for _, p in rows("Phoenix in Arizona reported West Nile virus cases.", gaz)]
    assert ("Nile", "ne:river-nile") in rows("Farmers in Egypt rely on the Nile for water.", gaz)


def test_a_feature_whose_name_ne_writes_two_ways_has_its_arabic_name_and_none_is_only_generic_words(gaz):
    # NE 4.0's geometry says "Shatt al Arab", NE 5.x's table "Shatt al-Arab": joined loosely, the Arabic name is kept.
    by_id = {f["id"]: f["properties"] for f in FEATURES}
    assert by_id["ne:river-shatt-al-arab"]["name_ar"] == "شط العرب"
    assert by_id["ne:sea-gulf-of-suez"]["name_ar"] == "خليج السويس"
    assert ("شط العرب", "ne:river-shatt-al-arab") in rows("ارتفعت ملوحة شط العرب هذا الصيف.", gaz)
    # ("the central range" would be read in any text about mountains)
    generic = set("سلسلة جبال الجبال المركزية الوسطى الشرقية الغربية الشمالية الجنوبية".split())
    assert not [f["id"] for f in FEATURES if f["properties"]["name_ar"]
                and set(f["properties"]["name_ar"].split()) <= generic]


def test_capes_are_natural_features_in_both_languages_and_a_country_keeps_its_name(gaz):
    # NE's capes with an Arabic name, at their own points; a cape named like a country is left to the country, and
    # NE's placeholder point shared by several Antarctic capes is no cape's.
    capes = [f for f in FEATURES if f["properties"]["kind"] == "cape"]
    assert len(capes) > 50 and all(f["geometry"]["type"] == "Point" for f in capes)
    assert len({tuple(f["geometry"]["coordinates"]) for f in capes}) == len(capes)
    assert ("Cape Hatteras", "ne:cape-cape-hatteras") in rows("Ships rounded Cape Hatteras in a storm.", gaz)
    assert ("رأس الرجاء الصالح", "ne:cape-cape-of-good-hope") in rows("أبحرت السفن حول رأس الرجاء الصالح.", gaz)
    assert ("Cape Verde", "country:CV") in rows("Ministers met in Cape Verde.", gaz)
