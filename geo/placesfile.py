"""Read and check a places file (a GeoJSON FeatureCollection of places) field by field, in bounded time
and memory, before anything touches the gazetteer.

Every problem raises :class:`~geo.errors.InputError` naming the file and the feature (its index, and its
id once known): a places file never produces a traceback, a ``RecursionError`` or a ``GEOSException``.

Bounds, each with the reason it exists:

* :data:`MAX_PLACES_BYTES` of UTF-8 (the whole file is read into memory and parsed);
* :data:`MAX_JSON_DEPTH` levels of ``[``/``{`` nesting, checked by a linear scan *before* ``json.loads``
  (whose C parser recurses once per level: ``'[' * 100000`` raised ``RecursionError``);
* :data:`MAX_VERTICES_PER_FEATURE` and :data:`MAX_VERTICES_PER_FILE` positions, counted before shapely
  sees a geometry;
* an invalid polygon (self-crossing, say) is repaired only up to :data:`MAX_REPAIR_VERTICES` positions:
  repairing is superlinear in the number of crossings (``make_valid`` took 28 s on 200 random vertices and
  39 s on a 200,000-vertex bow tie), so a larger one is refused with the place where it crosses itself.

Field checks: ``id`` a non-empty string, unique in the file; ``name`` a non-empty string, ``kind`` one of
:data:`~geo.model.KINDS`; ``name_ar``, ``country_code``, ``source`` strings; aliases lists of strings;
``population`` a non-negative integer; every position ``[lon, lat]`` finite and inside [-180, 180] x
[-90, 90]; a name made only of the most frequent words of its language ("the", في, من) is refused, since
it would turn every sentence into a place.
"""

from __future__ import annotations

import json
import re
from typing import Any, NamedTuple

from .errors import InputError
from .model import KINDS

__all__ = [
    "MAX_PLACES_BYTES",
    "MAX_JSON_DEPTH",
    "MAX_VERTICES_PER_FEATURE",
    "MAX_VERTICES_PER_FILE",
    "MAX_REPAIR_VERTICES",
    "FUNCTION_WORD_ZIPF",
    "PlaceRecord",
    "decode_places",
    "parse_places",
    "check_features",
    "names_of",
    "rep_point",
]

#: Largest places file read (bytes; 1 MB = 1,048,576 bytes as elsewhere in the project).
MAX_PLACES_BYTES = 20 * 1024 * 1024
#: Deepest ``[``/``{`` nesting accepted; a MultiPolygon in a FeatureCollection needs 7.
MAX_JSON_DEPTH = 64
#: Most positions in one feature's geometry (a detailed province boundary has tens of thousands).
MAX_VERTICES_PER_FEATURE = 100_000
#: Most positions in one file.
MAX_VERTICES_PER_FILE = 1_000_000
#: Largest invalid polygon that is repaired rather than refused (worst case well under a second).
MAX_REPAIR_VERTICES = 256
#: A name whose every word is at least this frequent (Zipf scale, wordfreq) is refused: "the" is 7.7,
#: في 7.5, "said" 6.0. The same threshold after which the resolver never reads an Arabic word as a place.
FUNCTION_WORD_ZIPF = 6.0
_MAX_ID_CHARS = 200

# A JSON string, to its closing quote or, left open, to the end: a match never fails, so it never backtracks
# (the text is invalid from an open string on, and json.loads stops there).
_STRING_RE = re.compile(r'"(?:[^"\\]++|\\.|\\\Z)*+(?:"|\Z)', re.DOTALL)
# Openers become 2 and closers 0 (every other byte is deleted): a running sum of (step - 1) is the depth.
_STEP = bytes.maketrans(b"[]{}", b"\x02\x00\x02\x00")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_WORD_RE = re.compile(r"[^\W\d_]+")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
# Half of a UTF-16 pair (json.loads makes one of a lone "\ud800" escape): not a character, no file can hold it.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


class PlaceRecord(NamedTuple):
    """One feature of a places file, checked and ready to add to a gazetteer builder."""

    place_id: str
    kind: str
    lat: float
    lon: float
    area: Any  # a shapely geometry for polygons, else None
    props: dict[str, Any]
    source: str
    #: The file's name when it is a user's places file, "" for the curated file: a user's place says so in its reason.
    file: str = ""
    #: ``properties.population`` when given, else None (the gazetteer then chooses a prominence).
    population: int | None = None


def decode_places(data: bytes, label: str) -> str:
    """The text of a places file given as bytes (UTF-8, an optional BOM), within :data:`MAX_PLACES_BYTES`."""
    if len(data) > MAX_PLACES_BYTES:
        raise InputError(f"{label} is larger than {MAX_PLACES_BYTES // 2**20} MB (the limit for a places file); "
                         f"split it or simplify its polygons")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _too_deep(text: str, limit: int) -> bool:
    """Whether ``[``/``{`` nest deeper than ``limit`` outside strings. Linear time, in C.

    One regex pass drops strings and everything but brackets; a string left open runs to the end, so no
    match ever fails and backtracks (the text is invalid from there and json.loads stops at it). The
    depth is then the running sum of +1/-1 steps, taken with numpy in chunks.
    """
    if text.count("[") + text.count("{") <= limit:
        return False  # cannot be deeper than the number of brackets
    import numpy as np

    no_strings = _STRING_RE.sub("", text).encode("utf-8", "surrogatepass")
    steps = no_strings.translate(_STEP, _NOT_BRACKETS)
    depth = 0
    chunk = 1 << 20
    for start in range(0, len(steps), chunk):
        part = np.frombuffer(steps, dtype=np.int8, count=min(chunk, len(steps) - start), offset=start)
        run = np.cumsum(part.astype(np.int64) - 1) + depth
        if int(run.max()) > limit:
            return True
        depth = int(run[-1])
    return False


def parse_places(text: str, label: str) -> list[Any]:
    """The features of a GeoJSON FeatureCollection given as text; ``label`` names it in messages."""
    if len(text) > MAX_PLACES_BYTES:
        raise InputError(f"{label} is larger than {MAX_PLACES_BYTES // 2**20} MB (the limit for a places file); "
                         f"split it or simplify its polygons")
    if _too_deep(text, MAX_JSON_DEPTH):
        raise InputError(f"{label} nests arrays or objects more than {MAX_JSON_DEPTH} deep (or leaves that many "
                         f"unclosed); a GeoJSON FeatureCollection needs fewer than 10 levels")
    try:
        fc = json.loads(text)
    except RecursionError:  # unreachable after the scan above; kept so no input can ever raise it
        raise InputError(f"{label} nests arrays or objects too deeply") from None
    except ValueError as exc:
        raise InputError(f"{label} is not a GeoJSON FeatureCollection: {exc}") from None
    if not isinstance(fc, dict) or "features" not in fc:
        got = "an object without 'features'" if isinstance(fc, dict) else f"a JSON {type(fc).__name__}"
        raise InputError(f"{label} is not a GeoJSON FeatureCollection: {got}")
    if not isinstance(fc["features"], list):
        raise InputError(f"{label} is not a GeoJSON FeatureCollection: 'features' is not a list")
    return fc["features"]


def names_of(value: Any) -> list[str] | None:
    """A property that holds names: a list of strings, or one string; None if it is anything else."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []  # one alias written as a string, not a list of its letters
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v for v in value if v.strip()]
    return None


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "ar" if "\u0600" <= word[0] <= "\u06ff" else "en")


def _function_words_only(name: str) -> tuple[str, float] | None:
    """``(word, zipf)`` of the rarest word when every word of ``name`` is a function word, else None."""
    words = _WORD_RE.findall(name)
    if not words or len(words) > 8 or (len(words) == 1 and len(words[0]) < 2):
        return None  # one-letter names and names of more than 8 words are never indexed: they match nothing
    zipfs = [(_zipf(w), w) for w in words]
    z, w = min(zipfs)
    return (w, z) if z >= FUNCTION_WORD_ZIPF else None


def _count_positions(geom: Any, budget: int) -> int:
    """Positions in a GeoJSON geometry object (stops counting past ``budget``); malformed parts count 0,
    the structural check reports them."""
    if not isinstance(geom, dict) or not isinstance(geom.get("type"), str):
        return 0
    if geom["type"] == "GeometryCollection":
        members = geom.get("geometries")
        total = 0
        for g in members if isinstance(members, list) else ():
            total += _count_positions(g, budget - total)
            if total > budget:
                break
        return total
    depth = {"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2,
             "MultiPolygon": 3}.get(geom.get("type"), -1)
    level = [geom.get("coordinates")]
    if depth < 0 or not isinstance(level[0], list):
        return 0
    for _ in range(depth - 1):
        level = [part for lst in level if isinstance(lst, list) for part in lst]
        if len(level) > budget:
            return len(level)
    return 1 if depth == 0 else sum(len(lst) for lst in level if isinstance(lst, list))


def rep_point(geom: Any) -> tuple[float, float]:
    """A ``(lat, lon)`` inside the largest part of ``geom`` (not in Alaska for the US)."""
    import numpy as np
    import shapely

    big = geom
    if shapely.area(geom) > 0 and shapely.get_num_geometries(geom) > 1:
        parts = shapely.get_parts(geom)  # an array, not a Python loop over 100,000 parts
        big = parts[int(np.argmax(shapely.area(parts)))]
    c = big.centroid
    p = c if big.contains(c) else big.representative_point()
    return p.y, p.x  # shapely is (x=lon, y=lat): flip to our lat, lon


# Problems of validate's checker that make a geometry unusable here (winding and a "crs" member do not).
_FATAL = frozenset({"structure", "geometry_type", "nesting", "position", "finite", "ring", "line", "range"})


def _read_geometry(geom: dict[str, Any]) -> Any:
    """The shapely geometry of a GeoJSON geometry object when every position is finite and in range and every
    ring has four positions or more; ``None`` otherwise (the caller then says which). Vectorised: GEOS reads
    the geometry in C and numpy checks the positions, so 100,000 positions take milliseconds, not seconds."""
    import numpy as np
    import shapely

    try:
        shp = shapely.from_geojson(json.dumps(geom, allow_nan=False))
    except (ValueError, shapely.errors.GEOSException):  # NaN/Infinity, types GEOS refuses, open rings ...
        return None
    xy = shapely.get_coordinates(shp)
    if not (np.isfinite(xy).all() and (np.abs(xy[:, 0]) <= 180).all() and (np.abs(xy[:, 1]) <= 90).all()):
        return None
    if shapely.get_type_id(shp) in (3, 6, 7):  # Polygon, MultiPolygon, GeometryCollection: look at the rings
        parts = shapely.get_parts(shp)
        polygons = parts[shapely.get_type_id(parts) == 3]
        if len(polygons) and (shapely.get_num_coordinates(shapely.get_rings(polygons)) < 4).any():
            return None
    return shp


def _where(n: int, pid: str | None, label: str) -> str:
    return f"feature #{n}" + (f" (id {pid!r})" if pid else "") + f" of {label}"


def _id_of(n: int, f: dict[str, Any], props: dict[str, Any], label: str) -> str:
    raw = props.get("id") if props.get("id") is not None else f.get("id")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return ""  # reported with the other missing properties
    if not isinstance(raw, str):
        raise InputError(f"{_where(n, None, label)}: 'id' must be a string, got {type(raw).__name__} {raw!r:.60}"
                         + (f'; write it as "{raw}"' if isinstance(raw, int) and not isinstance(raw, bool) else ""))
    if len(raw) > _MAX_ID_CHARS or _CONTROL_RE.search(raw):
        raise InputError(f"{_where(n, None, label)}: 'id' must be at most {_MAX_ID_CHARS} printable characters, "
                         f"got {raw!r:.60}")
    return raw.strip()


def _geometry(n: int, pid: str, f: dict[str, Any], label: str, *, left: int) -> tuple[float, float, Any, int]:
    """``(lat, lon, area or None, positions)`` of a feature's geometry, or :class:`InputError` saying why not."""
    import shapely

    from .validate import _Checker

    where = _where(n, pid, label)
    geom = f.get("geometry")
    if not isinstance(geom, dict):
        raise InputError(f"{where} has an invalid geometry: expected a GeoJSON geometry object, got {geom!r:.60}")
    count = _count_positions(geom, max(left, MAX_VERTICES_PER_FEATURE))
    if count > MAX_VERTICES_PER_FEATURE:
        raise InputError(f"{where}: its geometry has {count:,} positions; the limit is {MAX_VERTICES_PER_FEATURE:,} "
                         f"per place (simplify it, e.g. QGIS Vector > Geometry Tools > Simplify)")
    if count > left:
        raise InputError(f"{where}: the file has more than {MAX_VERTICES_PER_FILE:,} positions in all, the limit "
                         f"for a places file (simplify its polygons or split it)")
    shp = _read_geometry(geom)
    if shp is None or shp.is_empty:
        # Said precisely, with the JSON path of the first bad position or ring (a Python walk, only now).
        checker = _Checker()
        checker.geometry(geom, "geometry")
        fatal = [p.message for p in checker.problems if p.kind in _FATAL]
        more = f" (and {len(fatal) - 1} more problems)" if len(fatal) > 1 else ""
        problem = fatal[0] + more if fatal else "the geometry is empty" if shp is not None else "GEOS cannot read it"
        raise InputError(f"{where} has an invalid geometry: {problem}")
    try:
        if shp.geom_type == "Point":
            return shp.y, shp.x, None, count  # GeoJSON [lon, lat] → lat, lon
        if not shp.is_valid:
            reason = shapely.is_valid_reason(shp)
            if count > MAX_REPAIR_VERTICES:
                raise InputError(
                    f"{where} has an invalid geometry: {reason} (GEOS), and with {count:,} positions it is too large "
                    f"to repair here (limit {MAX_REPAIR_VERTICES}); repair it (QGIS Vector > Geometry Tools > "
                    f"Fix Geometries) and load it again")
            # "structure" rebuilds the area from the rings; the default "linework" method is far slower.
            shp = shapely.make_valid(shp, method="structure", keep_collapsed=False)
            if shp.is_empty:
                raise ValueError(f"{reason}, and nothing of it is left once repaired")
        lat, lon = rep_point(shp)
        return lat, lon, shp, count
    except InputError:
        raise
    except Exception as exc:  # shapely's GEOSException, ValueError, TypeError: all mean "not a usable geometry"
        raise InputError(f"{where} has an invalid geometry: {exc}") from None


def check_features(features: list[Any], label: str, *, curated: bool, source: str, file: str = "",
                   ) -> list[PlaceRecord]:
    """Check every feature of a places file and turn it into a record; :class:`InputError` on the first bad one.

    ``label`` names the file in messages; ``source`` is the default ``source`` of its places; ``file`` its name
    when it is a user's file (recorded on each place, so reasons can say where a place comes from).
    """
    prefix = "curated" if curated else "user"
    out: list[PlaceRecord] = []
    seen: dict[str, int] = {}
    left = MAX_VERTICES_PER_FILE
    for n, f in enumerate(features):
        if not isinstance(f, dict):
            raise InputError(f"{_where(n, None, label)} must be a GeoJSON Feature object, got "
                             f"{type(f).__name__} {f!r:.40}; it needs properties 'id', 'name' and 'kind'")
        props = f.get("properties")
        props = props if isinstance(props, dict) else {}
        slug = _id_of(n, f, props, label)
        kind = props.get("kind", "")
        name = props.get("name")
        if not slug or not isinstance(kind, str) or kind not in KINDS or not isinstance(name, str) or not name.strip():
            raise InputError(
                f"feature #{n} of {label} needs properties 'id', 'name' and 'kind' "
                f"(one of {', '.join(KINDS)}); got id={slug!r}, name={name!r:.60}, kind={kind!r:.60}"
            )
        where = _where(n, slug, label)
        for key in ("name_ar", "country_code", "source"):
            if props.get(key) is not None and not isinstance(props[key], str):
                raise InputError(f"{where}: {key!r} must be a string, got {props[key]!r:.60}")
        for key in ("aliases_en", "aliases_ar"):
            if names_of(props.get(key)) is None:
                raise InputError(f"{where}: {key!r} must be a list of names, got {props[key]!r:.60}")
        for key in ("id", "name", "name_ar", "country_code", "source", "aliases_en", "aliases_ar"):
            for value in [slug] if key == "id" else names_of(props.get(key)) or ():
                bad = _SURROGATE_RE.search(value)
                if bad:
                    raise InputError(f"{where}: {key!r} holds U+{ord(bad.group()):04X}, half of a UTF-16 surrogate "
                                     f"pair and not a character (a broken \\u escape?); write the character itself")
        population = props.get("population")
        if population is not None and (isinstance(population, bool) or not isinstance(population, int)
                                       or population < 0):
            raise InputError(f"{where}: 'population' must be a whole number of people (0 or more), "
                             f"got {population!r:.60}")
        for written in [name, props.get("name_ar") or "", *names_of(props.get("aliases_en")),
                        *names_of(props.get("aliases_ar"))]:
            common = _function_words_only(written)
            if common:
                word, z = common
                raise InputError(
                    f"{where}: the name {written!r} is made of everyday words ({word!r} is among the most frequent "
                    f"words, Zipf {z:.1f}); as a place name it would make ordinary sentences name a place. Use "
                    f"the place's full name as statements write it, with its head word ('X camp', 'مخيم X')")
        pid = slug if ":" in slug else f"{prefix}:{slug}"
        if pid in seen:
            raise InputError(f"{where}: id {pid!r} is also the id of feature #{seen[pid]}; each place needs its "
                             f"own id (a later feature would silently replace the earlier one)")
        seen[pid] = n
        lat, lon, area, count = _geometry(n, slug, f, label, left=left)
        left -= count
        props = {**props, "aliases_en": names_of(props.get("aliases_en")),
                 "aliases_ar": names_of(props.get("aliases_ar"))}
        out.append(PlaceRecord(pid, kind, lat, lon, area, props, props.get("source") or source, file, population))
    return out
