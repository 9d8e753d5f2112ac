"""Movements in the exports: the record (geo.export, one schema), GeoJSON LineStrings that pass RFC 7946
(geo.validate) and GDAL, one-ended stubs, the antimeridian, and the command line (jsonl and geojson)."""

from __future__ import annotations

import io
import json
import math
from dataclasses import replace

import pytest

from geo import geoparse
from geo.cli import main
from geo.export import MOVEMENT_FIELDS, STUB_DEGREES, movement_feature, movement_line, movement_record
from geo.model import Place
from geo.relations import Movement
from geo.validate import assert_valid_feature_collection, roundtrip_geopandas

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
STATEMENTS = ROOT / "data" / "statements"


@pytest.fixture(scope="module", params=["ar", "en"])
def seed(request, gaz):
    text = (STATEMENTS / f"statement-2026-02-09-riyadh.{request.param}.txt").read_text(encoding="utf-8")
    return geoparse(text, gazetteer=gaz)


def test_seed_geojson_with_movements_is_valid_and_gdal_reads_it(seed):
    fc = seed.to_geojson(movements=True)
    assert_valid_feature_collection(fc)
    lines = [f for f in fc["features"] if f["properties"]["kind"] == "movement"]
    assert len(lines) == 5 and len(fc["features"]) == len(seed.places) + 5
    assert {f["geometry"]["type"] for f in lines} == {"LineString"}
    assert len({f["id"] for f in fc["features"]}) == len(fc["features"])  # ids are unique
    gdf = roundtrip_geopandas(fc)
    moves = gdf[gdf["kind"] == "movement"]
    assert sorted(moves["ends"]) == ["from", "from", "from", "from", "to"]
    assert set(moves.geom_type) == {"LineString"}
    # Without the flag the collection stays one Feature per place.
    assert all(f["properties"]["kind"] != "movement" for f in seed.to_geojson()["features"])


def test_record_fields_and_offsets(seed):
    for mv in seed.movements:
        rec = movement_record(mv)
        assert tuple(rec) == MOVEMENT_FIELDS
        assert seed.text[rec["trigger_start"] : rec["trigger_end"]] == rec["trigger"]
        assert seed.text[rec["sentence_start"] : rec["sentence_end"]] == rec["quote"]
        assert all(v is None or isinstance(v, (str, int, float)) for v in rec.values())  # flat: a table row
        props = movement_feature(mv)["properties"]
        assert props["stub"] is (rec["ends"] != "both") and props["line"]


def test_a_line_runs_from_origin_to_destination_in_lon_lat(gaz):
    (mv,) = geoparse("Families returned from Beirut to Damascus.", gazetteer=gaz).movements
    f = movement_feature(mv)
    (lon0, lat0), (lon1, lat1) = f["geometry"]["coordinates"]
    assert (lat0, lon0) == (round(mv.from_place.lat, 6), round(mv.from_place.lon, 6))  # [lon, lat] in GeoJSON
    assert (lat1, lon1) == (round(mv.to_place.lat, 6), round(mv.to_place.lon, 6))
    assert f["properties"]["stub"] is False


def test_a_one_ended_movement_is_a_short_line_into_or_out_of_its_place(gaz):
    (into,) = geoparse("The detainees were transferred to Baghdad.", gazetteer=gaz).movements
    (out_of,) = geoparse("The detainees were transferred from Baghdad.", gazetteer=gaz).movements
    a, b = movement_line(into)
    assert b == (into.to_place.lat, into.to_place.lon) and a != b  # ends at the destination
    c, d = movement_line(out_of)
    assert c == (out_of.from_place.lat, out_of.from_place.lon) and c != d  # starts at the origin
    assert math.isclose(abs(a[0] - b[0]), STUB_DEGREES * math.cos(math.radians(45)), rel_tol=1e-9)
    assert "no origin" in movement_feature(into)["properties"]["line"]
    assert "no destination" in movement_feature(out_of)["properties"]["line"]
    # A country's stub is longer than a city's, in proportion to its size.
    (country,) = geoparse("The detainees were transferred to Iraq.", gazetteer=gaz).movements
    e, f = movement_line(country)
    assert abs(e[0] - f[0]) > abs(a[0] - b[0])


def _place(pid: str, lat: float, lon: float) -> Place:
    return Place(pid, pid, "", "city", "XX", lat, lon)


def _movement(o: Place | None, d: Place | None) -> Movement:
    return Movement("moved", 0, 5, o, d, None, None, None, 0, 20, "moved from A to B.")


def test_a_line_across_the_antimeridian_is_cut_there():
    fiji, samoa = _place("x:fiji", -18.1, 178.4), _place("x:samoa", -13.8, -171.8)
    f = movement_feature(_movement(fiji, samoa))
    assert f["geometry"]["type"] == "MultiLineString"
    (a, b), (c, d) = f["geometry"]["coordinates"]
    assert a == [178.4, -18.1] and b[0] == 180.0 and c[0] == -180.0 and d == [-171.8, -13.8]
    assert b[1] == c[1] and -18.1 < b[1] < -13.8
    assert_valid_feature_collection({"type": "FeatureCollection", "features": [f]})


@pytest.mark.parametrize("lat, lon", [(89.95, 0.0), (-89.95, 10.0), (10.0, 179.95), (-5.0, -179.95)])
def test_stubs_near_the_poles_and_the_antimeridian_stay_in_range(lat, lon):
    p = _place("x:edge", lat, lon)
    for mv in (_movement(None, p), _movement(p, None)):
        f = movement_feature(mv)
        assert f["geometry"]["type"] == "LineString"
        assert_valid_feature_collection({"type": "FeatureCollection", "features": [f]})


def test_a_movement_record_keeps_hostile_text_byte_for_byte(gaz):
    text = 'Fighters "<script>alert(1)</script>" fled from Aleppo to Damascus.'
    (mv,) = geoparse(text, gazetteer=gaz).movements
    assert movement_record(mv)["quote"] == text
    mv2 = replace(mv, what="`${x}` {{ 7*7 }}")
    assert movement_record(mv2)["what"] == "`${x}` {{ 7*7 }}"


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def test_cli_jsonl_has_movement_records_after_the_mentions(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Families returned from Beirut to Damascus and Homs.", encoding="utf-8")
    code, out = run(["parse", str(a)])
    assert code == 0
    recs = [json.loads(line) for line in out.splitlines()]
    moves = [r for r in recs if r.get("type") == "movement"]
    assert [(r["from_name"], r["to_name"]) for r in moves] == [("Beirut", "Damascus"), ("Beirut", "Homs")]
    assert recs[-len(moves):] == moves and all("type" not in r for r in recs[: -len(moves)])
    _, two = run(["parse", str(a), str(a)])
    assert [json.loads(line)["file"] for line in two.splitlines() if '"movement"' in line] == [str(a)] * 4


def test_cli_geojson_has_linestrings_beside_the_places(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("فرّ آلاف المدنيين من الخرطوم باتجاه ود مدني.", encoding="utf-8")
    code, out = run(["parse", str(a), "--format", "geojson"])
    assert code == 0
    fc = json.loads(out)
    assert_valid_feature_collection(fc)
    (line,) = [f for f in fc["features"] if f["geometry"]["type"] == "LineString"]
    assert line["properties"]["kind"] == "movement"
    assert (line["properties"]["from_place_id"], line["properties"]["to_place_id"]) == (
        "geonames:379252", "geonames:364103")
    assert line["properties"]["what"] == "آلاف المدنيين"
