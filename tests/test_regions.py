"""Parts of a country named by direction (geo/gazetteer/sources/directions.py) and the world and historical regions
of the one table of regions (geo/gazetteer/sources/regions.py, data/regions.csv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import shapely

from geo import geoparse
from geo.gazetteer.sources.directions import DIRECTIONS, direction_area, direction_names
from geo.mapview import build_map

CSV = Path(__file__).resolve().parent.parent / "data" / "regions.csv"


def scheme_rows(scheme):
    """The rows of one scheme of data/regions.csv."""
    return [r for r in csv.DictReader(CSV.open(encoding="utf-8")) if r["scheme"] == scheme]


def test_the_regions_table_has_one_row_per_place_id_and_known_schemes():
    from geo.gazetteer.sources.regions import SCHEMES

    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    assert {r["scheme"] for r in rows} == set(SCHEMES)
    ids = [f"{r['scheme']}-region:{r['id']}" for r in rows]
    assert len(set(ids)) == len(ids)
    for r in rows:
        assert r["kind"] in ("region", "district") and r["definition"], r["id"]
        assert bool(r["members"]) != bool(r["lat"]), r["id"]  # members or a point, never both


def found(text, gaz):
    return [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]


def test_world_regions_file_lists_known_countries():
    import pycountry

    rows = scheme_rows("world")
    assert len(rows) >= 30 and len({r["id"] for r in rows}) == len(rows)
    codes = {f"country:{c.alpha_2}" for c in pycountry.countries} | {"country:XK"}
    for r in rows:
        assert r["name_en"] and r["name_ar"] and r["definition"], r["id"]
        assert set(r["members"].split()) <= codes, r["id"]
    levant = next(r for r in rows if r["id"] == "levant")
    assert set(levant["members"].split()) == {f"country:{c}" for c in ("SY", "LB", "JO", "PS", "IL")}


def test_direction_names_cover_the_forms_news_uses():
    en, ar = direction_names("northeast", ["Syria"], ["سوريا"], ["سوري"])
    assert en[0] == "Northeast Syria"
    assert {"Northeastern Syria", "North-East Syria", "North-Eastern Syria"} <= set(en)
    assert {"شمال شرق سوريا", "شمال شرقي سوريا", "الشمال الشرقي السوري"} <= set(ar)
    en, ar = direction_names("south", ["Lebanon"], ["لبنان"], ["لبناني"])
    assert en == ["South Lebanon", "Southern Lebanon"] and ar == ["جنوب لبنان", "جنوبي لبنان", "الجنوب اللبناني"]


def test_direction_area_is_the_part_of_the_country_the_direction_names():
    square = shapely.box(0, 0, 9, 9)
    assert direction_area(square, "north").bounds == (0, 6, 9, 9)  # the outer third
    assert direction_area(square, "west").bounds == (0, 0, 3, 9)
    assert direction_area(square, "southeast").bounds == (4.5, 0, 9, 4.5)  # the quarter
    assert direction_area(square, "central").bounds == (3, 3, 6, 6)
    # An island far off does not move the lines: they come from the largest part (the mainland).
    with_island = shapely.MultiPolygon([square, shapely.box(100, -50, 101, -49)])
    north = direction_area(with_island, "north")
    assert north.bounds == (0, 6, 9, 9)
    assert {d[0] for d in DIRECTIONS} == {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                          "southwest", "central"}


@pytest.mark.parametrize("text,surface,place_id", [
    ("Shelling resumed in northern Iraq overnight.", "northern Iraq", "direction:IQ:north"),
    ("Floods displaced thousands in eastern Chad.", "eastern Chad", "direction:TD:east"),
    ("Aid reached central Iraq by road.", "central Iraq", "direction:IQ:central"),
    ("تواصل القصف على شمال العراق.", "شمال العراق", "direction:IQ:north"),
    ("نزح الآلاف في شرق السودان.", "شرق السودان", "direction:SD:east"),
    ("سقطت قذائف على جنوب غرب سوريا.", "جنوب غرب سوريا", "direction:SY:southwest"),
    ("عاد الهدوء إلى الشمال السوري.", "الشمال السوري", "direction:SY:north"),
])
def test_a_direction_before_a_country_is_a_derived_region_of_it(gaz, text, surface, place_id):
    (m,) = [m for m in geoparse(text, gazetteer=gaz).mentions if m.place_id == place_id]
    assert m.surface == surface
    p = m.place
    assert p.kind == "region" and p.country_code == place_id.split(":")[1]
    assert p.source.startswith("approximate:")
    assert p.geometry is not None and p.geometry.contains(shapely.Point(p.lon, p.lat))
    country = gaz.place(gaz.index_of(f"country:{p.country_code}"))
    assert p.geometry.area < 0.7 * country.geometry.area and country.geometry.buffer(1e-6).contains(p.geometry)
    # Approximate by construction: less sure than the country named alone.
    alone = [x for x in geoparse(f"Shelling resumed in {country.name}.", gazetteer=gaz).mentions]
    assert m.confidence < alone[0].confidence


def test_northern_iraq_is_north_of_baghdad(gaz):
    (north,) = [m.place for m in geoparse("Clashes in northern Iraq.", gazetteer=gaz).mentions]
    assert north.lat > 34.5 and not north.geometry.contains(shapely.Point(44.36, 33.31))  # Baghdad is central


@pytest.mark.parametrize("text,place_id", [
    ("Israeli strikes hit south Lebanon.", "admin1:LB-JA"),
    ("Israeli strikes hit southern Lebanon.", "admin1:LB-JA"),
    ("Fighting in northwest Syria.", "curated:northwest-syria"),
    ("Fighting in northeastern Syria.", "curated:northeast-syria"),
    ("اشتباكات في الشمال الشرقي السوري.", "curated:northeast-syria"),
])
def test_a_curated_region_or_division_of_that_name_keeps_winning(gaz, text, place_id):
    # South Lebanon is a governorate with a real outline; Northeast Syria a curated region: the direction's other
    # forms join them instead of making a second place.
    assert place_id in [p for _, p in found(text, gaz)]
    assert not any(p and p.startswith("direction:") for _, p in found(text, gaz))


@pytest.mark.parametrize("text", ["غارات على جنوب لبنان.", "غارات على الجنوب اللبناني."])
def test_an_arabic_phrase_the_division_is_not_called_by_makes_the_direction_region(gaz, text):
    # The South Governorate's Arabic names are لبنان الجنوبي and محافظة الجنوب; جنوب لبنان and الجنوب اللبناني point at
    # the south of the country (held-outs 4 and 6 list it as a region; the older sets count it as Lebanon), so they
    # make the direction region, while the governorate keeps its English name "South Lebanon" (session 9).
    assert [p for _, p in found(text, gaz)] == ["direction:LB:south"]


@pytest.mark.parametrize("text,expected", [
    ("South Africa, North Korea and South Sudan sent envoys.",
     [("South Africa", "country:ZA"), ("North Korea", "country:KP"), ("South Sudan", "country:SS")]),
    ("Envoys from East Timor, North Macedonia and Western Sahara met in the West Bank.",
     [("East Timor", "country:TL"), ("North Macedonia", "country:MK"), ("Western Sahara", "country:EH"),
      ("the West Bank", "curated:west-bank")]),
    ("Storms moved from South Carolina to Northern Ireland.",
     [("South Carolina", "admin1:US-SC"), ("Northern Ireland", "admin1:GB-NIR")]),
    ("أرسلت جنوب أفريقيا وكوريا الشمالية وجنوب السودان وفوداً إلى الضفة الغربية.",
     [("جنوب أفريقيا", "country:ZA"), ("كوريا الشمالية", "country:KP"), ("جنوب السودان", "country:SS"),
      ("الضفة الغربية", "curated:west-bank")]),
])
def test_names_that_hold_a_direction_stay_what_they_are(gaz, text, expected):
    assert found(text, gaz) == expected


def test_a_country_that_shares_its_name_with_a_division_gets_no_direction_names(gaz):
    # "north Georgia" in local news is the US state's north: no derived region of the country takes it.
    assert not any(p and p.startswith("direction:GE") for _, p in found("Snow fell across north Georgia.", gaz))


@pytest.mark.parametrize("text,surface,place_id", [
    ("Drought hit the Horn of Africa and the Sahel.", "Horn of Africa", "world-region:horn-of-africa"),
    ("Migrants crossed North Africa.", "North Africa", "world-region:north-africa"),
    ("Tensions rose across the Middle East.", "Middle East", "world-region:middle-east"),
    ("The Gulf states pledged aid.", "Gulf states", "world-region:gulf-states"),
    ("Prices rose in Southeast Asia and Latin America.", "Southeast Asia", "world-region:southeast-asia"),
    ("Prices rose in Southeast Asia and Latin America.", "Latin America", "world-region:latin-america"),
    ("Snow closed roads in Scandinavia and the Balkans.", "Balkans", "world-region:balkans"),
    ("تأثرت بلاد الشام بموجة الحر.", "بلاد الشام", "world-region:levant"),
    ("اجتمع وزراء دول المغرب العربي.", "دول المغرب العربي", "world-region:maghreb"),
    ("ارتفعت الأسعار في شمال أفريقيا والقرن الأفريقي.", "شمال أفريقيا", "world-region:north-africa"),
    ("ارتفعت الأسعار في شمال أفريقيا والقرن الأفريقي.", "القرن الأفريقي", "world-region:horn-of-africa"),
    ("ضربت موجة حر شبه الجزيرة العربية.", "شبه الجزيرة العربية", "world-region:arabian-peninsula"),
    ("وصل الوفد إلى الشرق الأوسط.", "الشرق الأوسط", "world-region:middle-east"),
    ("تنتشر الظاهرة في الوطن العربي وفي العالم الإسلامي.", "الوطن العربي", "world-region:arab-world"),
    ("تنتشر الظاهرة في الوطن العربي وفي العالم الإسلامي.", "العالم الإسلامي", "world-region:muslim-world"),
])
def test_a_world_region_is_found_as_the_union_of_its_countries(gaz, text, surface, place_id):
    (m,) = [m for m in geoparse(text, gazetteer=gaz).mentions if m.place_id == place_id]
    assert m.surface == surface and m.place.kind == "region" and m.place.country_code == ""
    geom = m.place.geometry
    assert geom is not None and geom.geom_type in ("Polygon", "MultiPolygon") and geom.is_valid


def test_the_maghreb_holds_its_member_countries_not_egypt(gaz):
    (m,) = [m for m in geoparse("Migrants crossed the Maghreb.", gazetteer=gaz).mentions]
    geom = m.place.geometry
    assert geom.contains(shapely.Point(3.0, 28.0))  # Algeria
    assert not geom.contains(shapely.Point(30.0, 26.0))  # Egypt


def test_regions_are_areas_on_the_regions_layer_and_in_the_geojson(gaz):
    s = geoparse("Aid reached northern Iraq and the Horn of Africa.", gazetteer=gaz)
    ids = {sp.place.place_id for sp in s.places}
    assert ids == {"direction:IQ:north", "world-region:horn-of-africa"}
    assert {sp.place.layer.key for sp in s.places} == {"regions"}
    fc = s.to_geojson()
    geoms = {f["properties"]["place_id"]: f["geometry"]["type"] for f in fc["features"]}
    assert set(geoms) == ids and set(geoms.values()) <= {"Polygon", "MultiPolygon"}
    html = build_map(s).get_root().render()
    assert "direction:IQ:north" in html and "world-region:horn-of-africa" in html


def test_historical_regions_file_lists_iso_units_and_no_everyday_word():
    import pycountry
    from wordfreq import zipf_frequency

    rows = scheme_rows("historical")
    assert len(rows) >= 15 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["name_en"] and r["name_ar"] and r["definition"].split(":")[0] in (
            "historical", "cultural", "breakaway region", "federal member state"), r["id"]
        assert r["members"].count("*") <= 1, r["id"]  # one core at most
        for member in r["members"].replace("*", "").split():
            kind, _, code = member.partition(":")
            unit = (pycountry.subdivisions.get(code=code) if kind == "admin1"
                    else pycountry.countries.get(alpha_2=code) if kind == "country" else None)
            assert unit is not None, (r["id"], code)
        # A one-word Arabic name as frequent as an everyday word (نجد "we find" 4.9, القبائل "the tribes" 4.4) is
        # given only with its head word.
        for n in [r["name_ar"], *filter(None, r["aliases_ar"].split("|"))]:
            assert len(n.split()) > 1 or zipf_frequency(n, "ar") < 4.4, (r["id"], n)


@pytest.mark.parametrize("place_id, inside", [
    ("historical-region:al-andalus", [(37.88, -4.78), (41.39, 2.17), (38.72, -9.14)]),  # Córdoba, Barcelona, Lisbon
    ("historical-region:hejaz", [(21.42, 39.83), (24.47, 39.61)]),  # Mecca, Medina
    ("historical-region:transoxiana", [(39.65, 66.96), (38.56, 68.77)]),  # Samarkand, Dushanbe
    ("historical-region:transylvania", [(46.77, 23.59)]),  # Cluj-Napoca (divisions without an area: their hull)
])
def test_a_historical_region_is_the_union_of_its_members_with_its_cores_point(gaz, place_id, inside):
    p = gaz.get(place_id)
    assert p.kind == "region" and p.source.startswith("approximate:")
    area = p.geometry
    assert all(shapely.contains_xy(area, lon, lat) for lat, lon in inside)
    assert not shapely.contains_xy(area, 2.35, 48.86)  # Paris is in none of them
    if place_id == "historical-region:al-andalus":
        assert p.country_code == "" and abs(p.lat - 37.1) < 1 and abs(p.lon + 4.9) < 1  # Andalusia, its core
    if place_id == "historical-region:hejaz":
        assert p.country_code == "SA"


def test_a_historical_regions_name_held_by_a_country_stays_the_countrys(gaz):
    # "Persia" is Iran's alias (data/countries.csv); no historical region takes a country's or division's name.
    assert [m.place_id for m in geoparse("Merchants sailed to Persia.", gazetteer=gaz).mentions] == ["country:IR"]


def test_a_word_that_is_also_a_historical_regions_name_stays_a_word(gaz):
    # النوبة is Nubia and "the bout" (النوبة الثانية "the second bout"): Nubia is read only as بلاد النوبة or منطقة
    # النوبة; خراسان bare is the region, ولاية خراسان the armed group (organisations.csv).
    assert found("كانت النوبة الثانية أشد من الأولى.", gaz) == []
    assert found("عاد التجار من بلاد النوبة إلى خراسان.", gaz) == [
        ("بلاد النوبة", "historical-region:nubia"), ("خراسان", "historical-region:greater-khorasan")]
    assert found("تبنى تنظيم ولاية خراسان الهجوم.", gaz) == []


def test_a_schemes_tool_rewrites_its_own_rows_and_keeps_the_others(tmp_path, monkeypatch):
    # data/tools/regions_table.py: each scheme's tool writes its rows into the one table, the other schemes' stay.
    monkeypatch.syspath_prepend(str(CSV.parent / "tools"))
    from regions_table import member_codes, write_scheme

    assert member_codes("*ES-AN ES PT") == "*admin1:ES-AN country:ES country:PT"
    table = tmp_path / "regions.csv"
    write_scheme("named", [{"id": "a-valley", "name_en": "A Valley", "kind": "region", "lat": "1", "lon": "2",
                            "definition": "point: invented"}], table)
    write_scheme("world", [{"id": "a-sea-rim", "name_en": "The Rim", "kind": "region",
                            "members": member_codes("SY LB"), "definition": "invented"}], table)
    write_scheme("named", [{"id": "b-valley", "name_en": "B Valley", "kind": "region", "lat": "3", "lon": "4",
                            "definition": "point: invented"}], table)
    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [(r["scheme"], r["id"]) for r in rows] == [("world", "a-sea-rim"), ("named", "b-valley")]
    assert rows[0]["members"] == "country:SY country:LB" and rows[1]["lat"] == "3"
    with pytest.raises(SystemExit):
        write_scheme("imaginary", [], table)
