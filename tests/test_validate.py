"""RFC 7946 and export-rule validation: a valid collection passes, each defect is named, GDAL reads it back."""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Callable
from typing import Any

import pytest

from geo.errors import GeoError
from geo.validate import (
    GeoJSONError,
    assert_valid_feature_collection,
    roundtrip_geopandas,
    validate_feature_collection,
)

QUOTES = [
    {"sentence": "زار الوفد دمشق.", "start": 10, "end": 14, "surface": "دمشق", "sentence_start": 0},
    {"sentence": "ثم عاد إلى دمشق.", "start": 27, "end": 31, "surface": "دمشق", "sentence_start": 16},
]

# A square around (lon 38, lat 35) with a clockwise hole; exterior counter-clockwise.
SQUARE = [[36.0, 33.0], [40.0, 33.0], [40.0, 37.0], [36.0, 37.0], [36.0, 33.0]]
HOLE = [[38.5, 35.5], [39.5, 35.5], [39.5, 36.5], [38.5, 36.5], [38.5, 35.5]][::-1]


def _valid() -> dict[str, Any]:
    # Through JSON, not deepcopy: no list may be shared between features or with
    # the module constants, or one mutation would show up in two places.
    return json.loads(json.dumps({
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "geonames:170654",
                "geometry": {"type": "Point", "coordinates": [36.2919, 33.5131]},  # [lon, lat]
                "properties": {"place_id": "geonames:170654", "name": "Damascus", "name_ar": "دمشق",
                               "lat": 33.5131, "lon": 36.2919, "mention_count": 2, "quotes": QUOTES},
            },
            {
                "type": "Feature",
                "id": "admin1:XX-1",
                "geometry": {"type": "Polygon", "coordinates": [SQUARE, HOLE]},
                "properties": {"place_id": "admin1:XX-1", "name": "Square", "name_ar": "مربع",
                               "lat": 35.0, "lon": 38.0, "mention_count": 1, "quotes": QUOTES[:1]},
            },
            {
                "type": "Feature",
                "id": "country:XX",
                "geometry": {"type": "MultiPolygon", "coordinates": [
                    [SQUARE],
                    [[[50.0, 10.0], [51.0, 10.0], [51.0, 11.0], [50.0, 10.0]]],
                ]},
                # Representative point just outside the polygon (simplified coast): allowed within 0.5 degrees.
                "properties": {"place_id": "country:XX", "name": "Twoparts", "name_ar": "قطعتان",
                               "lat": 37.3, "lon": 38.0, "mention_count": 1, "quotes": []},
            },
        ],
    }))


def test_valid_collection_has_no_problems():
    fc = _valid()
    assert validate_feature_collection(fc) == []
    assert_valid_feature_collection(fc)  # does not raise
    assert fc == _valid()  # checking never changes the collection (geojson-validator included)


@pytest.mark.parametrize("fc", [
    {"type": "FeatureCollection", "features": []},
    {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": None, "properties": None}]},
    {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [
        {"type": "Point", "coordinates": [0, 0, 12.5]}, {"type": "LineString", "coordinates": [[0, 0], [1, 1]]}]},
        "properties": {}}]},
], ids=["empty", "null-geometry-and-properties", "geometry-collection-3d"])
def test_rfc_allows(fc):
    # RFC 7946 §3.2 allows null geometry/properties; positions may carry a height.
    assert validate_feature_collection(fc) == []


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """Mutator: ``_set("features.0.geometry.type", "Circle")``; ``value`` ``...`` deletes the member."""
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]

    def mutate(fc: dict[str, Any]) -> None:
        obj: Any = fc
        for p in parents:
            obj = obj[p]
        if value is ...:
            del obj[last]
        else:
            obj[last] = copy.deepcopy(value)

    return mutate


P0, P1, P2 = "features.0", "features.1", "features.2"
F0, F1 = r"features\[0\] \(id 'geonames:170654'\)", r"features\[1\] \(id 'admin1:XX-1'\)"


@pytest.mark.parametrize(("mutate", "message", "count"), [
    # crs, anywhere
    (_set("crs", {"type": "name", "properties": {"name": "EPSG:4326"}}), r"^root: has a 'crs' member; RFC 7946 removed it", 1),
    (_set(f"{P0}.crs", {}), rf"^{F0}: has a 'crs' member", 1),
    (_set(f"{P1}.geometry.crs", {}), rf"^{F1}\.geometry: has a 'crs' member", 1),
    # lat/lon swaps
    (_set(f"{P0}.geometry.coordinates", [33.5131, 36.2919]),
     rf"^{F0}\.geometry: lat/lon swapped: coordinates are \[33\.5131, 36\.2919\] = \[lat, lon\]", 1),
    (_set(f"{P0}.geometry.coordinates", [36.0, 33.0]), r"coordinates \[36\.0, 33\.0\] differ from properties \[lon, lat\]", 1),
    (_set(f"{P1}.properties.lat", 38.0) , r"representative point lat=38\.0, lon=38\.0 is 1\.00 degrees from the Polygon", 1),
    # ({lat: 38, lon: 35}: swapped, the point lies inside; named as a swap)
    (lambda fc: fc["features"][1]["properties"].update(lat=38.0, lon=35.0), r"lat/lon look swapped", 1),
    (_set(f"{P2}.properties.lat", 20.0), r"is \d+\.\d\d degrees from the MultiPolygon \(limit 0\.5\)", 1),
    (_set(f"{P0}.properties.lat", "33.5"), r"'lat'/'lon' must both be finite numbers, got lat='33\.5'", 1),
    # winding (right-hand rule)
    (_set(f"{P1}.geometry.coordinates", [SQUARE[::-1]]),
     rf"^{F1}\.geometry\.coordinates\[0\]: the exterior ring is clockwise; RFC 7946 requires counter-clockwise", 1),
    (_set(f"{P1}.geometry.coordinates", [SQUARE, HOLE[::-1]]), r"coordinates\[1\]: hole 1 is counter-clockwise", 1),
    (_set(f"{P2}.geometry.coordinates.1", [[[50.0, 10.0], [51.0, 11.0], [51.0, 10.0], [50.0, 10.0]]]),
     r"features\[2\] \(id 'country:XX'\)\.geometry\.coordinates\[1\]\[0\]: the exterior ring is clockwise", 1),
    # rings
    (_set(f"{P1}.geometry.coordinates", [SQUARE[:-1]]), r"the exterior ring is not closed: first position \[36\.0, 33\.0\] != last \[36\.0, 37\.0\]", 1),
    (_set(f"{P1}.geometry.coordinates", [[[36.0, 33.0], [40.0, 33.0], [36.0, 33.0]]]), r"the exterior ring has 3 positions; a linear ring needs 4 or more", 1),
    (_set(f"{P1}.geometry.coordinates", [[[36.0, 33.0], [37.0, 34.0], [38.0, 35.0], [36.0, 33.0]]]), r"has zero area", 1),
    # geojson-validator's second opinion: a bow-tie has area, so only self-intersection catches it.
    (_set(f"{P1}.geometry.coordinates", [[[36.0, 33.0], [40.0, 37.0], [40.0, 33.0], [36.0, 38.0], [36.0, 33.0]]]),
     r"^features\[1\]\.geometry: self intersection \(geojson-validator\)$", 1),
    # coordinates
    (_set(f"{P0}.geometry.coordinates", [200, 33.5131]), r"longitude 200 is outside \[-180, 180\]", 2),  # and != properties
    (_set(f"{P1}.geometry.coordinates.0.0", [36.0, -91]), r"latitude -91 is outside \[-90, 90\]", 2),  # and unclosed
    (_set(f"{P0}.geometry.coordinates", [math.nan, 33.5131]), r"coordinates must be finite numbers, got \[nan, 33\.5131\]", 1),
    (_set(f"{P0}.geometry.coordinates", [math.inf, 33.5131]), r"coordinates must be finite numbers, got \[inf, 33\.5131\]", 1),
    (_set(f"{P0}.geometry.coordinates", [36.2919]), r"a position must be \[lon, lat\] or \[lon, lat, height\] numbers, got \[36\.2919\]", 1),
    (_set(f"{P0}.geometry.coordinates", ["36.2919", "33.5131"]), r"a position must be \[lon, lat\]", 1),
    (_set(f"{P0}.geometry.coordinates", [True, 33.5131]), r"a position must be \[lon, lat\]", 1),
    (_set(f"{P1}.geometry.coordinates", SQUARE), r"coordinates: arrays are nested 2 deep; a Polygon needs 3 \(\[ring, \.\.\.\]", 1),
    (_set(f"{P1}.geometry.coordinates", [SQUARE, [1, 2]]), r"coordinates\[1\]: is nested wrongly for a Polygon: expected an array of positions, got \[1, 2\]", 1),
    (_set(f"{P0}.geometry.coordinates", None), r"'coordinates' must be an array, got None", 1),
    # types and members
    (_set("type", "Feature"), r"^root: 'type' is 'Feature'; it must be 'FeatureCollection'$", 1),
    (_set("features", {}), r"^root: 'features' must be an array, got \{\}$", 1),
    (_set(f"{P0}.type", "feature"), rf"^{F0}: 'type' is 'feature'; it must be 'Feature'$", 1),
    (_set(f"{P0}.geometry.type", "Circle"), r"'type' is 'Circle'; valid geometry types: Point, MultiPoint", 1),
    (_set(f"{P0}.geometry", [36.2919, 33.5131]), r"geometry: must be a JSON object or null, got list", 1),
    (_set(f"{P0}.properties", ...), rf"^{F0}: has no 'properties' member", 1),
    (_set(f"{P0}.properties", ["Damascus"]), r"properties: must be an object or null, got \['Damascus'\]", 1),
    (_set(f"{P0}.geometry", ...), rf"^{F0}: has no 'geometry' member", 1),
    (_set(f"{P0}.id", ["x"]), r"'id' must be a string or a number, got \['x'\]", 1),
    (_set("features.0", "Damascus"), r"^features\[0\]: must be a JSON object, got str$", 1),
    (_set("bbox", [1, 2, 3]), r"^root\.bbox: must be an array of 4 or 6 numbers", 1),
])
def test_defect_is_reported(mutate, message, count):
    fc = _valid()
    mutate(fc)
    problems = validate_feature_collection(fc)
    # Each defect once (ours and geojson-validator's findings are merged, not doubled).
    assert len(problems) == count, problems
    # The error lists problems as "  - <problem>" lines; anchor the table's ^...$ to one line.
    pattern = "(?m)" + message.replace("^", "^  - ", 1) if message.startswith("^") else message
    with pytest.raises(GeoJSONError, match=pattern) as info:
        assert_valid_feature_collection(fc)
    assert info.value.problems == tuple(problems)


def test_root_must_be_an_object():
    assert validate_feature_collection([]) == ["root: must be a JSON object, got list"]  # type: ignore[arg-type]


def test_error_lists_every_problem_and_is_a_value_error():
    fc = _valid()
    fc["crs"] = {}
    fc["features"][0]["geometry"]["coordinates"] = [33.5131, 36.2919]
    with pytest.raises(ValueError, match=r"\(2 problems\):\n  - root: has a 'crs' member.*\n  - .*lat/lon swapped") as info:
        assert_valid_feature_collection(fc)
    assert isinstance(info.value, GeoError)


def test_roundtrip_geopandas_keeps_features_and_properties():
    fc = _valid()
    gdf = roundtrip_geopandas(fc)
    assert len(gdf) == len(fc["features"])
    assert gdf.crs.to_epsg() == 4326
    assert list(gdf["id"]) == [f["id"] for f in fc["features"]]
    assert list(gdf["name_ar"]) == ["دمشق", "مربع", "قطعتان"]  # UTF-8 Arabic survives GDAL
    assert list(gdf.geom_type) == ["Point", "Polygon", "MultiPolygon"]
    assert (gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y) == (36.2919, 33.5131)  # still [lon, lat]
    # Documented pyogrio behaviour: an array-of-objects property is a GDAL JSON-subtype
    # string field, which pyogrio parses back to Python lists of dicts (not a JSON string).
    assert [type(q) for q in gdf["quotes"]] == [list, list, list]
    assert list(gdf["quotes"]) == [QUOTES, QUOTES[:1], []]


def test_roundtrip_geopandas_real_export(gaz, seed_text):
    from geo import geoparse

    fc = geoparse(seed_text, gazetteer=gaz).to_geojson()
    assert fc["features"], "the seed statement names places"
    assert validate_feature_collection(fc) == []
    gdf = roundtrip_geopandas(fc)
    assert len(gdf) == len(fc["features"])
    assert list(gdf["place_id"]) == [f["properties"]["place_id"] for f in fc["features"]]
    assert list(gdf["quotes"]) == [f["properties"]["quotes"] for f in fc["features"]]
