"""Check exported FeatureCollections against RFC 7946 and our own coordinate rules.

Two layers of checks, merged into one list of plain-English problems:

* our own, precise ones: structure, geometry types and nesting, finite and
  in-range ``[lon, lat]`` positions, closed rings of four or more positions,
  right-hand winding (exterior counter-clockwise, holes clockwise), no ``crs``
  member, and the "no lat/lon swap" rule tying ``properties.lat``/``lon`` to the
  geometry;
* the PyPI package ``geojson-validator`` (``validate_structure`` with
  ``check_crs=True`` and ``validate_geometries``), as an independent second
  opinion. Its findings are added only for a feature where ours found nothing
  (structure) or no geometry problem (geometry criteria), so a defect is
  reported once, in our wording.

Problems are located JSON-path style: ``features[2] (id 'country:SY').geometry.coordinates[0]``.
"""

from __future__ import annotations

import json
import math
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from .errors import GeoError

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = [
    "GeoJSONError",
    "assert_valid_feature_collection",
    "roundtrip_geopandas",
    "validate_feature_collection",
]

#: Distance (degrees) a polygon's representative point may lie outside it:
#: generous enough for simplified coastlines, far smaller than a lat/lon swap.
REPRESENTATIVE_POINT_TOLERANCE = 0.5

# Nesting depth of "coordinates" per type: 1 = a position, 2 = a list of positions, ...
_DEPTH = {"Point": 1, "MultiPoint": 2, "LineString": 2, "MultiLineString": 3, "Polygon": 3, "MultiPolygon": 4}
_SHAPE = {
    "Point": "[lon, lat]",
    "MultiPoint": "[[lon, lat], ...]",
    "LineString": "[[lon, lat], ...]",
    "MultiLineString": "[[[lon, lat], ...], ...]",
    "Polygon": "[ring, ...] with each ring [[lon, lat], ...]",
    "MultiPolygon": "[polygon, ...] with each polygon [ring, ...]",
}
_GEOMETRY_TYPES = (*_DEPTH, "GeometryCollection")
_BLOCKING = frozenset({"structure", "geometry_type", "nesting", "position", "finite", "ring", "line"})

# geojson-validator criteria we treat as problems. Its other "problematic"
# criteria (holes, excessive precision, ...) are legal GeoJSON. Self-intersection
# is legal by RFC 7946's letter but breaks shapely's contains/representative
# point, which the map and the swap check rely on.
_GV_PROBLEMATIC = ("self_intersection",)
# Our problem kinds that concern a feature's geometry: when one is reported,
# geojson-validator's geometry findings for that feature add nothing but noise
# (a 3-position ring is also "not counter-clockwise" once shapely closes it).
_GEOMETRY_KINDS = frozenset({"geometry_type", "nesting", "position", "finite", "range", "line", "ring", "winding"})


class GeoJSONError(GeoError, ValueError):
    """A FeatureCollection breaks RFC 7946 or our export rules; ``problems`` lists every one."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        listing = "\n".join(f"  - {p}" for p in self.problems)
        n = len(self.problems)
        super().__init__(f"invalid GeoJSON FeatureCollection ({n} problem{'' if n == 1 else 's'}):\n{listing}")


@dataclass(frozen=True)
class _Problem:
    feature: int | None  # index into "features", None for the collection itself
    kind: str  # coarse category, used to de-duplicate against geojson-validator
    message: str


def _is_number(v: Any) -> TypeGuard[float]:
    # bool is an int subclass, but true/false is not a coordinate.
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _depth(value: Any) -> int:
    """Nesting depth by first elements, as geojson-validator measures it."""
    d = 0
    while isinstance(value, list) and value:
        d += 1
        value = value[0]
    return d


def _signed_area(ring: list[list[float]]) -> float:
    """Shoelace area: positive for counter-clockwise rings in (lon, lat) axes."""
    return 0.5 * math.fsum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in pairwise(ring))


class _Checker:
    """Collects problems while walking one FeatureCollection."""

    def __init__(self) -> None:
        self.problems: list[_Problem] = []
        self.feature: int | None = None

    def add(self, kind: str, where: str, message: str) -> None:
        self.problems.append(_Problem(self.feature, kind, f"{where}: {message}"))

    # -- structure ---------------------------------------------------------------
    def collection(self, fc: Any) -> None:
        if not isinstance(fc, dict):
            self.add("structure", "root", f"must be a JSON object, got {type(fc).__name__}")
            return
        if fc.get("type") != "FeatureCollection":
            self.add("structure", "root", f"'type' is {fc.get('type')!r}; it must be 'FeatureCollection'")
        self.no_crs(fc, "root")
        if "bbox" in fc:
            self.bbox(fc["bbox"], "root.bbox")
        features = fc.get("features")
        if not isinstance(features, list):
            self.add("structure", "root", f"'features' must be an array, got {features!r:.60}")
            return
        for i, feature in enumerate(features):
            self.feature = i
            self.one_feature(feature, i)
        self.feature = None

    def no_crs(self, obj: dict[str, Any], where: str) -> None:
        # RFC 7946 §4 removed "crs": coordinates are always WGS84 [lon, lat]. GDAL
        # and older tools may still add it; some readers then reproject wrongly.
        if "crs" in obj:
            self.add("crs", where, "has a 'crs' member; RFC 7946 removed it (coordinates are always WGS84 lon/lat)")

    def bbox(self, bbox: Any, where: str) -> None:
        if not (isinstance(bbox, list) and len(bbox) in (4, 6) and all(_is_number(v) for v in bbox)):
            self.add("structure", where, f"must be an array of 4 or 6 numbers, got {bbox!r:.60}")

    def one_feature(self, feature: Any, i: int) -> None:
        where = f"features[{i}]"
        if not isinstance(feature, dict):
            self.add("structure", where, f"must be a JSON object, got {type(feature).__name__}")
            return
        if "id" in feature:
            where += f" (id {feature['id']!r})"
            if not (isinstance(feature["id"], str) or _is_number(feature["id"])):
                self.add("structure", where, f"'id' must be a string or a number, got {feature['id']!r}")
        if feature.get("type") != "Feature":
            self.add("structure", where, f"'type' is {feature.get('type')!r}; it must be 'Feature'")
        self.no_crs(feature, where)
        if "bbox" in feature:
            self.bbox(feature["bbox"], f"{where}.bbox")
        # RFC 7946 §3.2: both members are required; null is allowed for either.
        if "properties" not in feature:
            self.add("properties", where, "has no 'properties' member (use {} or null when there are none)")
        elif not (feature["properties"] is None or isinstance(feature["properties"], dict)):
            self.add("properties", f"{where}.properties",
                     f"must be an object or null, got {feature['properties']!r:.60}")
        if "geometry" not in feature:
            self.add("structure", where, "has no 'geometry' member (use null for a feature without one)")
            return
        geometry = feature["geometry"]
        if geometry is None:
            return
        ok = self.geometry(geometry, f"{where}.geometry")
        props = feature.get("properties")
        if ok and isinstance(props, dict):
            self.lat_lon(props, geometry, where)

    def geometry(self, geom: Any, where: str) -> bool:
        """Check one geometry; True when it is sound enough for shapely-based checks."""
        if not isinstance(geom, dict):
            self.add("structure", where, f"must be a JSON object or null, got {type(geom).__name__}")
            return False
        gtype = geom.get("type")
        if gtype not in _GEOMETRY_TYPES:
            self.add("geometry_type", where, f"'type' is {gtype!r}; valid geometry types: {', '.join(_GEOMETRY_TYPES)}")
            return False
        self.no_crs(geom, where)
        if "bbox" in geom:
            self.bbox(geom["bbox"], f"{where}.bbox")
        if gtype == "GeometryCollection":
            members = geom.get("geometries")
            if not isinstance(members, list):
                self.add("structure", where, "a GeometryCollection needs a 'geometries' array")
                return False
            # A list, not a generator: every member is checked even after a bad one.
            return all([self.geometry(g, f"{where}.geometries[{k}]") for k, g in enumerate(members)])  # noqa: C419
        coords = geom.get("coordinates")
        if not isinstance(coords, list):
            self.add("structure", where, f"'coordinates' must be an array, got {coords!r:.60}")
            return False
        n_before = len(self.problems)
        depth = _depth(coords)
        if coords and depth != _DEPTH[gtype]:
            # Say it once at the top: a ring given as a Polygon's coordinates is one mistake.
            self.add("nesting", f"{where}.coordinates",
                     f"arrays are nested {depth} deep; a {gtype} needs {_DEPTH[gtype]} ({_SHAPE[gtype]})")
            return False
        self.nesting(coords, _DEPTH[gtype], gtype, f"{where}.coordinates")
        if self._blocked_since(n_before):
            return False
        if gtype == "LineString":
            self.line(coords, f"{where}.coordinates")
        elif gtype == "MultiLineString":
            for k, line in enumerate(coords):
                self.line(line, f"{where}.coordinates[{k}]")
        elif gtype == "Polygon":
            self.polygon(coords, f"{where}.coordinates")
        elif gtype == "MultiPolygon":
            for k, poly in enumerate(coords):
                self.polygon(poly, f"{where}.coordinates[{k}]")
        return not self._blocked_since(n_before)

    def _blocked_since(self, n: int) -> bool:
        # Winding and range problems do not stop shapely from reading a geometry;
        # these kinds do, so the shapely-based checks are skipped after them.
        return any(p.kind in _BLOCKING for p in self.problems[n:])

    def nesting(self, value: Any, depth: int, gtype: str, where: str) -> bool:
        """Walk the coordinate arrays: right depth everywhere, every leaf a valid position.

        Stops at the first wrongly nested array (one message, not one per sibling).
        """
        if depth == 1:
            self.position(value, where)
            return True
        if not isinstance(value, list) or any(not isinstance(v, list) for v in value):
            need = {2: "an array of positions", 3: "an array of arrays of positions",
                    4: "an array of polygons (arrays of rings)"}[depth]
            self.add("nesting", where, f"is nested wrongly for a {gtype}: expected {need}, got {value!r:.60}")
            return False
        return all(self.nesting(v, depth - 1, gtype, f"{where}[{k}]") for k, v in enumerate(value))

    def position(self, pos: Any, where: str) -> None:
        if not isinstance(pos, list) or not 2 <= len(pos) <= 3 or not all(_is_number(v) for v in pos):
            self.add("position", where, f"a position must be [lon, lat] or [lon, lat, height] numbers, got {pos!r:.60}")
            return
        lon, lat = pos[0], pos[1]
        if not all(math.isfinite(v) for v in pos):
            # JSON has no NaN/Infinity; Python's json module writes them anyway, and other parsers reject the file.
            self.add("finite", where, f"coordinates must be finite numbers, got {pos!r}")
            return
        if not -180 <= lon <= 180:
            self.add("range", where, f"longitude {lon!r} is outside [-180, 180] (is the position [lat, lon]?)")
        if not -90 <= lat <= 90:
            self.add("range", where, f"latitude {lat!r} is outside [-90, 90] (is the position [lat, lon]?)")

    def line(self, line: list[Any], where: str) -> None:
        if len(line) < 2:
            self.add("line", where, f"a LineString needs 2 or more positions, got {len(line)}")

    def polygon(self, rings: list[Any], where: str) -> None:
        if not rings:
            self.add("ring", where, "a polygon needs at least an exterior ring")
        for k, ring in enumerate(rings):
            rwhere = f"{where}[{k}]"
            label = "exterior ring" if k == 0 else f"hole {k}"
            if len(ring) < 4:
                self.add("ring", rwhere, f"the {label} has {len(ring)} positions; a linear ring needs 4 or more")
                continue
            if ring[0] != ring[-1]:
                self.add("ring", rwhere, f"the {label} is not closed: first position {ring[0]!r} != last {ring[-1]!r}")
                continue
            # RFC 7946 §3.1.6 right-hand rule: exterior counter-clockwise, holes clockwise.
            area = _signed_area(ring)
            if area == 0:
                self.add("ring", rwhere, f"the {label} has zero area, so it has no winding order")
            elif k == 0 and area < 0:
                self.add("winding", rwhere,
                         "the exterior ring is clockwise; RFC 7946 requires counter-clockwise (right-hand rule)")
            elif k > 0 and area > 0:
                self.add("winding", rwhere,
                         f"hole {k} is counter-clockwise; RFC 7946 requires holes to be clockwise (right-hand rule)")

    # -- our rule: properties lat/lon agree with the geometry ---------------------
    def lat_lon(self, props: dict[str, Any], geometry: dict[str, Any], where: str) -> None:
        raw_lat, raw_lon = props.get("lat"), props.get("lon")
        if raw_lat is None and raw_lon is None:
            return
        if not (_is_number(raw_lat) and _is_number(raw_lon) and math.isfinite(raw_lat) and math.isfinite(raw_lon)):
            self.add("lat_lon", f"{where}.properties",
                     f"'lat'/'lon' must both be finite numbers, got lat={raw_lat!r}, lon={raw_lon!r}")
            return
        lat, lon = float(raw_lat), float(raw_lon)
        gtype = geometry["type"]
        if gtype == "Point":
            x, y = geometry["coordinates"][:2]
            if math.isclose(x, lon, abs_tol=1e-7) and math.isclose(y, lat, abs_tol=1e-7):
                return
            if math.isclose(x, lat, abs_tol=1e-7) and math.isclose(y, lon, abs_tol=1e-7):
                self.add("swap", f"{where}.geometry", f"lat/lon swapped: coordinates are {[x, y]!r} = [lat, lon]; "
                                                       f"GeoJSON needs [lon, lat] = {[lon, lat]!r}")
            else:
                self.add("swap", f"{where}.geometry",
                         f"coordinates {[x, y]!r} differ from properties [lon, lat] = {[lon, lat]!r}")
        elif gtype in ("Polygon", "MultiPolygon"):
            import shapely
            from shapely.geometry import Point, shape

            area = shape(geometry)
            # Python is lat, lon; shapely/GeoJSON is x=lon, y=lat: flipped here on purpose.
            point = Point(lon, lat)
            distance = shapely.distance(area, point)
            if distance > REPRESENTATIVE_POINT_TOLERANCE:
                swapped = shapely.distance(area, Point(lat, lon)) <= REPRESENTATIVE_POINT_TOLERANCE
                hint = " (lat/lon look swapped: (lon=lat, lat=lon) lies inside)" if swapped else ""
                self.add("swap", f"{where}.properties",
                         f"the representative point lat={lat!r}, lon={lon!r} is {distance:.2f} degrees from "
                         f"the {gtype} (limit {REPRESENTATIVE_POINT_TOLERANCE}){hint}")


def _validator_problems(fc: dict[str, Any], own: list[_Problem]) -> Iterator[_Problem]:
    """Findings of the geojson-validator package that our own checks did not already report."""
    import geojson_validator
    from loguru import logger

    # The package logs every call at INFO to stderr through loguru; silence just its messages.
    logger.disable("geojson_validator")

    flagged = {p.feature for p in own}
    geometry_flagged = {p.feature for p in own if p.kind in _GEOMETRY_KINDS}
    for message, where in geojson_validator.validate_structure(fc, check_crs=True).items():
        features = where.get("feature") or [None] * len(where["path"])
        for path, feature in zip(where["path"], features, strict=False):
            # Any own problem on this feature (or the root) already explains a structural error.
            if feature not in flagged:
                yield _Problem(feature, "validator", f"{path or 'root'}: {message} (geojson-validator)")

    features = fc.get("features")
    # validate_geometries indexes features directly: only ask it when they are all objects.
    if not (isinstance(features, list) and all(isinstance(f, dict) for f in features)):
        return
    try:
        result = geojson_validator.validate_geometries(fc, criteria_problematic=_GV_PROBLEMATIC)
    except Exception as e:  # noqa: BLE001 - reported as a problem, never swallowed
        yield _Problem(None, "validator", f"root: geojson-validator could not check the geometries ({e!r})")
        return
    for group in ("invalid", "problematic"):
        for criterion, hits in result[group].items():
            for hit in hits:
                # A hit is the feature index, or {index: [part indices]} for multi-geometries.
                for index in (hit if isinstance(hit, dict) else {hit: None}):
                    if index not in geometry_flagged:
                        text = criterion.replace("_", " ")
                        yield _Problem(index, criterion, f"features[{index}].geometry: {text} (geojson-validator)")


def validate_feature_collection(fc: dict[str, Any]) -> list[str]:
    """Every RFC 7946 / export-rule problem of ``fc``, in plain English; ``[]`` when valid.

    Parameters
    ----------
    fc
        A parsed GeoJSON object (e.g. :meth:`geo.situation.Situation.to_geojson`).

    Returns
    -------
    list[str]
        One message per problem, each starting with where it is.
    """
    checker = _Checker()
    checker.collection(fc)
    problems = checker.problems
    if isinstance(fc, dict):
        problems = problems + list(_validator_problems(fc, problems))
    return [p.message for p in problems]


def assert_valid_feature_collection(fc: dict[str, Any]) -> None:
    """Raise :class:`GeoJSONError` listing every problem when ``fc`` is not valid."""
    problems = validate_feature_collection(fc)
    if problems:
        raise GeoJSONError(problems)


def roundtrip_geopandas(fc: dict[str, Any]) -> geopandas.GeoDataFrame:
    """Write ``fc`` to a temporary ``.geojson`` and read it back with ``geopandas.read_file`` (pyogrio).

    For tests: proves GDAL's GeoJSON driver accepts our export. With pyogrio
    0.13 / GDAL 3.12, a property holding an array of objects (``quotes``) is a
    GDAL String field with JSON subtype, which pyogrio parses back into Python
    lists of dicts; an array of plain strings comes back as a numpy array
    (GDAL StringList). The ``id`` member becomes an ``id`` column.
    A NaN coordinate raises ``ValueError`` before anything is written (it is not JSON).
    """
    import geopandas

    with tempfile.TemporaryDirectory(prefix="geo-roundtrip-") as tmp:
        path = Path(tmp) / "situation.geojson"
        # allow_nan=False: a NaN would be written as bare NaN, which is not JSON.
        path.write_text(json.dumps(fc, ensure_ascii=False, allow_nan=False), encoding="utf-8")
        return geopandas.read_file(path, engine="pyogrio")
