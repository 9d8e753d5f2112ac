"""One owner of every output schema: the record of a mention, the properties of a place, a movement.

Every export (jsonl, GeoJSON, CSV, the tables, the store, batch Parquet) takes its fields
from here, so a field added once appears everywhere with the same name and rounding.
Coordinate order is named: ``lat``/``lon`` in records, ``[lon, lat]`` only in GeoJSON.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from .model import Candidate, Mention, Place

if TYPE_CHECKING:  # pragma: no cover
    from .relations import Movement
    from .situation import Situation, SituationPlace

__all__ = [
    "CANDIDATE_FIELDS",
    "COORD_PRECISION",
    "MENTION_FIELDS",
    "PLACE_FIELDS",
    "MOVEMENT_FIELDS",
    "STUB_DEGREES",
    "STUB_BEARINGS",
    "mention_record",
    "mention_records",
    "candidate_record",
    "place_record",
    "place_feature",
    "feature_collection",
    "movement_record",
    "movement_records",
    "movement_line",
    "movement_geometry",
    "movement_feature",
]

#: Decimal places kept in exported coordinates (~1 cm): smaller files, no false precision lost.
COORD_PRECISION = 6

#: The fields of one mention record, in order (``text`` is the surface: ``input[start:end] == text``).
#: ``form``: "name", or "adjective" for a nisba/demonym; ``evidence``: the names of the evidence flags
#: (:class:`geo.scoring.Evidence`); ``candidates``: the readings weighed, best first (:data:`CANDIDATE_FIELDS`).
MENTION_FIELDS: tuple[str, ...] = (
    "start", "end", "text", "place_id", "name", "name_ar", "kind", "layer", "country_code",
    "lat", "lon", "confidence", "reason", "cue", "sentence_start", "sentence_end",
    "form", "evidence", "candidates",
)

#: The fields of one weighed reading (``score`` is null for a reading chosen by a rule, not by score).
CANDIDATE_FIELDS: tuple[str, ...] = ("place_id", "name", "kind", "country_code", "lat", "lon", "score")

#: The properties of one place Feature (``quotes`` last: a list of quote objects, each with its
#: mention's ``form``). ``reason``, ``form``, ``evidence`` and ``candidates`` are those of the place's
#: most confident mention.
PLACE_FIELDS: tuple[str, ...] = (
    "place_id", "name", "name_ar", "kind", "layer", "country_code", "lat", "lon",
    "confidence", "reason", "form", "evidence", "candidates", "source", "mention_count", "quotes",
)


def mention_record(m: Mention) -> dict[str, Any]:
    """The canonical record of one mention; place fields are ``None`` when it is unlocated.

    >>> from geo.model import Mention
    >>> mention_record(Mention(0, 4, "camp", 0, 9, None, 0.3, "cue without a name", "camp"))["kind"]
    'camp'
    """
    p = m.place
    return {
        "start": m.start, "end": m.end, "text": m.surface,
        "place_id": p.place_id if p else None,
        "name": p.name if p else None,
        "name_ar": p.name_ar if p else None,
        # An unlocated mention's kind is the cue that announced it (camp, province ...).
        "kind": p.kind if p else (m.cue or None),
        "layer": p.layer.key if p else None,
        "country_code": (p.country_code or None) if p else None,
        "lat": round(p.lat, COORD_PRECISION) if p else None,
        "lon": round(p.lon, COORD_PRECISION) if p else None,
        "confidence": round(m.confidence, 3), "reason": m.reason, "cue": m.cue,
        "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
        "form": m.form, "evidence": list(m.evidence),
        "candidates": [candidate_record(c) for c in m.candidates],
    }


def candidate_record(c: Candidate) -> dict[str, Any]:
    """One weighed reading as a JSON-ready record (:data:`CANDIDATE_FIELDS`)."""
    return {"place_id": c.place_id, "name": c.name, "kind": c.kind, "country_code": c.country_code or None,
            "lat": round(c.lat, COORD_PRECISION), "lon": round(c.lon, COORD_PRECISION), "score": c.score}


def mention_records(situation: Situation, file: str | None = None) -> list[dict[str, Any]]:
    """One JSON-ready record per mention, in text order (the jsonl format); ``file`` is added when given."""
    out = []
    for m in situation.mentions:
        rec = mention_record(m)
        if file is not None:
            rec["file"] = file
        out.append(rec)
    return out


def place_record(sp: SituationPlace, text: str) -> dict[str, Any]:
    """The properties of one place of a statement, its quotes included (offsets into ``text``)."""
    p = sp.place
    lead = max(sp.mentions, key=lambda m: m.confidence)  # the mention whose reason the place shows
    return {
        "place_id": p.place_id,
        "name": p.name,
        "name_ar": p.name_ar,
        "kind": p.kind,
        "layer": p.layer.key,
        "country_code": p.country_code,
        "lat": round(p.lat, COORD_PRECISION),
        "lon": round(p.lon, COORD_PRECISION),
        "confidence": round(sp.confidence, 3),
        "reason": sp.reason,
        "form": lead.form,
        "evidence": list(lead.evidence),
        "candidates": [candidate_record(c) for c in lead.candidates],
        "source": p.source,
        "mention_count": len(sp.mentions),
        "quotes": [{**q.as_dict(), "form": m.form} for q, m in zip(sp.quotes(text), sp.mentions, strict=True)],
    }


def place_feature(sp: SituationPlace, text: str) -> dict[str, Any]:
    """One RFC 7946 Feature for a place: its area when it has one, else its point."""
    p = sp.place
    if p.geometry is not None:
        geometry = area_geometry(p.geometry)
    else:
        # GeoJSON is [lon, lat]: the flip from our lat/lon attributes happens here.
        geometry = {
            "type": "Point",
            "coordinates": [round(p.lon, COORD_PRECISION), round(p.lat, COORD_PRECISION)],
        }
    return {"type": "Feature", "id": p.place_id, "geometry": _jsonable(geometry),
            "properties": place_record(sp, text)}


def feature_collection(situation: Situation, *, movements: bool = False) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of a statement, one Feature per place.

    With ``movements=True``, one LineString Feature per movement follows the places
    (``properties.kind == "movement"``; see :func:`movement_feature`).
    """
    features = [place_feature(sp, situation.text) for sp in situation.places]
    if movements:
        features += [movement_feature(mv) for mv in situation.movements]
    return {"type": "FeatureCollection", "features": features}


# -- movements ------------------------------------------------------------------------------------
#: The fields of one movement record, in order. ``ends`` is "both", "from" (no destination named)
#: or "to" (no origin named); offsets are code points into the statement, like a mention's.
MOVEMENT_FIELDS: tuple[str, ...] = (
    "kind", "trigger", "trigger_start", "trigger_end", "ends",
    "from_place_id", "from_name", "from_name_ar", "from_lat", "from_lon", "from_start", "from_end",
    "to_place_id", "to_name", "to_name_ar", "to_lat", "to_lon", "to_start", "to_end",
    "what", "what_start", "what_end", "sentence_start", "sentence_end", "quote",
)

#: Length (degrees) of the short line drawn for a movement with one end, at a point place;
#: an area gets a line in proportion to its size (up to 6 times this).
STUB_DEGREES = 0.5
#: The direction of travel of a stub (degrees from north): into its place from the south-west,
#: out of it to the south-east (not along the same line, so a place with both reads as two arrows).
#: Fixed, so the same movement always has the same geometry.
STUB_BEARINGS: dict[str, float] = {"to": 45.0, "from": 135.0}


def movement_record(mv: Movement) -> dict[str, Any]:
    """The canonical, flat record of one movement (scalars only: a table row, a GeoPackage attribute set).

    >>> from geo import geoparse
    >>> mv = geoparse("Families returned from Beirut to Damascus.").movements[0]
    >>> r = movement_record(mv)
    >>> (r["kind"], r["trigger"], r["from_name"], r["to_name"], r["ends"], r["what"])
    ('movement', 'returned', 'Beirut', 'Damascus', 'both', 'Families')
    """
    rec: dict[str, Any] = {
        "kind": "movement", "trigger": mv.trigger, "trigger_start": mv.trigger_start,
        "trigger_end": mv.trigger_end, "ends": mv.ends,
    }
    for end, place, start, stop in (("from", mv.from_place, mv.from_start, mv.from_end),
                                    ("to", mv.to_place, mv.to_start, mv.to_end)):
        rec[f"{end}_place_id"] = place.place_id if place else None
        rec[f"{end}_name"] = place.name if place else None
        rec[f"{end}_name_ar"] = place.name_ar if place else None
        rec[f"{end}_lat"] = round(place.lat, COORD_PRECISION) if place else None
        rec[f"{end}_lon"] = round(place.lon, COORD_PRECISION) if place else None
        rec[f"{end}_start"] = start
        rec[f"{end}_end"] = stop
    rec.update({
        "what": mv.what, "what_start": mv.what_start, "what_end": mv.what_end,
        "sentence_start": mv.sentence_start, "sentence_end": mv.sentence_end, "quote": mv.quote,
    })
    return rec


def movement_records(situation: Situation, file: str | None = None) -> list[dict[str, Any]]:
    """The jsonl records of a statement's movements: ``{"type": "movement", **movement_record(...)}``."""
    out = []
    for mv in situation.movements:
        rec = {"type": "movement", **movement_record(mv)}
        if file is not None:
            rec["file"] = file
        out.append(rec)
    return out


def _stub_length(place: Place) -> float:
    if place.geometry is None or place.geometry.is_empty:
        return STUB_DEGREES
    minx, miny, maxx, maxy = place.geometry.bounds  # x = lon, y = lat
    return min(6 * STUB_DEGREES, max(STUB_DEGREES, 0.3 * max(maxx - minx, maxy - miny)))


def movement_line(mv: Movement, *, bearing: float | None = None) -> list[tuple[float, float]]:
    """The line of a movement as ``(lat, lon)`` points, origin first.

    Both ends named: the two places' representative points. One end named: a short
    stub into the destination (from the south-west) or out of the origin (to the
    south-east); ``bearing`` (the direction of travel, degrees from north) overrides that
    direction, so a map can fan out several stubs at one place.
    """
    o, d = mv.from_place, mv.to_place
    if o is not None and d is not None:
        return [(o.lat, o.lon), (d.lat, d.lon)]
    place = d if d is not None else o
    assert place is not None  # a Movement always has an end
    length = _stub_length(place)
    b = math.radians(STUB_BEARINGS[mv.ends] if bearing is None else bearing)
    # Into its place: the far point lies behind it along the direction of travel; out of it: ahead.
    # Longitude degrees shrink with latitude: widen them to keep the direction on the map.
    sign = -1.0 if mv.ends == "to" else 1.0
    dlat = sign * length * math.cos(b)
    dlon = sign * length * math.sin(b) / max(0.2, math.cos(math.radians(place.lat)))
    lat = max(-89.9, min(89.9, place.lat + dlat))
    lon = place.lon + dlon
    if not -180.0 <= lon <= 180.0:  # stay on this side of the antimeridian
        lon = place.lon - dlon
    far = (lat, lon)
    return [far, (place.lat, place.lon)] if mv.ends == "to" else [(place.lat, place.lon), far]


def movement_geometry(mv: Movement) -> dict[str, Any]:
    """RFC 7946 geometry of a movement: a LineString ``[lon, lat]`` from origin to destination.

    A line whose ends are more than 180 degrees of longitude apart is cut at the
    antimeridian into a MultiLineString (RFC 7946 §3.1.9).
    """
    (lat0, lon0), (lat1, lon1) = movement_line(mv)
    r = COORD_PRECISION
    if abs(lon1 - lon0) <= 180.0:
        # GeoJSON is [lon, lat]: the flip from our (lat, lon) points happens here.
        return {"type": "LineString",
                "coordinates": [[round(lon0, r), round(lat0, r)], [round(lon1, r), round(lat1, r)]]}
    # The short way crosses ±180: unwrap the far end, find where the line meets the antimeridian.
    edge = 180.0 if lon0 > 0 else -180.0
    lon1u = lon1 + (360.0 if lon0 > 0 else -360.0)
    t = (edge - lon0) / (lon1u - lon0)
    lat_x = round(lat0 + t * (lat1 - lat0), r)
    return {"type": "MultiLineString", "coordinates": [
        [[round(lon0, r), round(lat0, r)], [edge, lat_x]],
        [[-edge, lat_x], [round(lon1, r), round(lat1, r)]],
    ]}


def movement_feature(mv: Movement) -> dict[str, Any]:
    """One RFC 7946 Feature for a movement: its line and :func:`movement_record` as properties.

    ``stub`` says whether the line is a short one standing for a missing end, and
    ``line`` says so in words.
    """
    props = movement_record(mv)
    props["stub"] = mv.ends != "both"
    props["line"] = {
        "both": "from the origin to the destination",
        "to": "a short line into the destination: the sentence names no origin",
        "from": "a short line out of the origin: the sentence names no destination",
    }[mv.ends]
    fid = f"movement:{mv.trigger_start}:{mv.from_place_id or '-'}:{mv.to_place_id or '-'}"
    return {"type": "Feature", "id": fid, "geometry": movement_geometry(mv), "properties": props}


def area_geometry(geom: Any) -> dict[str, Any]:
    """GeoJSON geometry of an area: rounded, exterior rings counter-clockwise (RFC 7946 §3.1.6)."""
    import shapely  # local: `import geo` stays fast for the CLI
    from shapely.geometry import mapping

    geom = shapely.set_precision(geom, 10**-COORD_PRECISION)
    return mapping(shapely.orient_polygons(geom, exterior_cw=False))


def _jsonable(obj: Any) -> Any:
    """Turn shapely's tuples into lists so the output equals what JSON parsing gives back."""
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_jsonable(v) for v in obj]
    return obj
