"""One owner of every output schema: the record of a mention, the properties of a place, a movement.

Every export (jsonl, GeoJSON, CSV, the tables, the store, batch Parquet, and a collection's
GeoJSON, GeoPackage, CSV and KML) takes its fields from here, so a field added once appears
everywhere with the same name and rounding.
Coordinate order is named: ``lat``/``lon`` in records, ``[lon, lat]`` only in GeoJSON.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from xml.sax.saxutils import escape as xml_escape

from .errors import GeoError, InputError
from .model import Candidate, Mention, ParsedText, Place, SituationPlace, layer_of
from .untrusted import escape_untrusted, to_csv  # one CSV writer (formulas neutralised) for every table

if TYPE_CHECKING:  # pragma: no cover
    from .relations import Movement
    from .store import MentionOut, MovementOut, PlaceRow, PlaceSummary


class Situation(ParsedText, Protocol):
    """What the exports read of a parse (:class:`geo.situation.Situation` is one): typed as a protocol so
    this module need not import the class that calls it."""

    @property
    def places(self) -> tuple[SituationPlace, ...]:
        """Distinct located places, in order of first mention."""

    @property
    def movements(self) -> tuple[Movement, ...]:
        """The statement's movements, in text order."""

__all__ = [
    "CANDIDATE_FIELDS",
    "COORD_PRECISION",
    "MENTION_FIELDS",
    "PLACE_FIELDS",
    "MOVEMENT_FIELDS",
    "STUB_DEGREES",
    "STUB_BEARINGS",
    "mention_record",
    "mention_core_record",
    "place_fields",
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
    "movement_properties",
    "COLLECTION_PLACE_FIELDS",
    "COLLECTION_MENTION_FIELDS",
    "COLLECTION_MOVEMENT_FIELDS",
    "COLLECTION_FORMATS",
    "REVIEW_FIELDS",
    "collection_mention_record",
    "mention_review_record",
    "review_index",
    "place_review_record",
    "reviewed_feature_collection",
    "unreviewed_record",
    "collection_quote",
    "collection_quotes",
    "collection_place_record",
    "collection_movement_record",
    "collection_movement_feature",
    "collection_feature_collection",
    "collection_csv",
    "collection_kml",
    "write_collection_gpkg",
    "write_atomic",
    "write_collection",
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
    rec = mention_core_record(m)
    rec["evidence"] = list(m.evidence)
    rec["candidates"] = [candidate_record(c) for c in m.candidates]
    return rec


def mention_core_record(m: Mention, place: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """:func:`mention_record` without ``evidence`` and ``candidates`` (what a table of mentions keeps), in
    the same order. ``place``: :func:`place_fields` of ``m.place`` if the caller has it (a batch of
    documents names the same places again and again)."""
    p = m.place
    if place is None:
        place = place_fields(p)
    place_id, name, name_ar, kind, layer, cc, lat, lon = place
    return {
        "start": m.start, "end": m.end, "text": m.surface,
        "place_id": place_id, "name": name, "name_ar": name_ar,
        # An unlocated mention's kind is the cue that announced it (camp, province ...).
        "kind": kind if p else (m.cue or None),
        "layer": layer, "country_code": cc, "lat": lat, "lon": lon,
        "confidence": round(m.confidence, 3), "reason": m.reason, "cue": m.cue,
        "sentence_start": m.sentence_start, "sentence_end": m.sentence_end,
        "form": m.form,
    }


_NO_PLACE = (None,) * 8


def place_fields(p: Place | None) -> tuple[Any, ...]:
    """``(place_id, name, name_ar, kind, layer, country_code, lat, lon)`` of a mention's place as
    :func:`mention_record` gives them (all ``None`` for an unlocated mention)."""
    if p is None:
        return _NO_PLACE
    return (p.place_id, p.name, p.name_ar, p.kind, p.layer.key, p.country_code or None,
            round(p.lat, COORD_PRECISION), round(p.lon, COORD_PRECISION))


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
    props = movement_properties(movement_record(mv))
    fid = f"movement:{mv.trigger_start}:{mv.from_place_id or '-'}:{mv.to_place_id or '-'}"
    return {"type": "Feature", "id": fid, "geometry": movement_geometry(mv), "properties": props}


_LINE_NOTES: dict[str, str] = {
    "both": "from the origin to the destination",
    "to": "a short line into the destination: the sentence names no origin",
    "from": "a short line out of the origin: the sentence names no destination",
}


def movement_properties(record: dict[str, Any]) -> dict[str, Any]:
    """A movement Feature's properties: :func:`movement_record`'s fields, then ``stub`` (whether the line is
    a short one standing for a missing end) and ``line`` (what the line is, in words)."""
    return {**record, "stub": record["ends"] != "both", "line": _LINE_NOTES[record["ends"]]}


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


# -- a collection: many statements over time (geo.store) ----------------------------------------------
# A place's properties over a collection, and one record per mention with its statement's date.
# The rows come from geo.store (PlaceSummary, MentionOut); the fields are built here only.

#: The properties of one place Feature of a collection (``quotes`` last).
COLLECTION_PLACE_FIELDS: tuple[str, ...] = (
    "place_id", "name", "name_ar", "kind", "layer", "country_code", "lat", "lon", "source",
    "mentions", "statements", "first_seen", "last_seen",
    "reviewed", "corrected_by", "corrected_at", "original_place_id", "quotes",
)

#: What the review workflow adds to a collection's records (geo.review): reviewed (bool), the latest
#: correction's author and time, the place the parser had chosen.
REVIEW_FIELDS: tuple[str, ...] = ("reviewed", "corrected_by", "corrected_at", "original_place_id")

_UNREVIEWED: dict[str, Any] = {"reviewed": False, "corrected_by": None, "corrected_at": None, "original_place_id": None}


def mention_review_record(m: MentionOut) -> dict[str, Any]:
    """:data:`REVIEW_FIELDS` of one mention as :func:`geo.review.apply` left it (the collection's exports have
    the same)."""
    return {"reviewed": m.reviewed, "corrected_by": m.corrected_by, "corrected_at": m.corrected_at,
            "original_place_id": m.original_place_id}


def review_index(mentions: Iterable[MentionOut]) -> dict[tuple[int, int], dict[str, Any]]:
    """:func:`mention_review_record` of each mention of a statement after its corrections (``Applied.mentions``
    of :mod:`geo.review`), by ``(start, end)``: how a parsed statement's exports learn what was reviewed."""
    return {(m.mention.start, m.mention.end): mention_review_record(m) for m in mentions}


def unreviewed_record() -> dict[str, Any]:
    """:data:`REVIEW_FIELDS` of a mention no correction touched in a statement not marked reviewed."""
    return dict(_UNREVIEWED)


def place_review_record(sp: SituationPlace, index: dict[tuple[int, int], dict[str, Any]]) -> dict[str, Any]:
    """:data:`REVIEW_FIELDS` of a place from its mentions', as a collection's place gets them: ``reviewed`` when
    every mention is, the latest correction's author and time, the parser's places of the corrected mentions
    (``;``-separated)."""
    recs = [index.get((m.start, m.end), _UNREVIEWED) for m in sp.mentions]
    latest = max((r for r in recs if r["corrected_at"] is not None), key=lambda r: r["corrected_at"], default=None)
    orig = dict.fromkeys(r["original_place_id"] for r in recs
                         if r["corrected_by"] is not None and r["original_place_id"])
    return {"reviewed": bool(recs) and all(r["reviewed"] for r in recs),
            "corrected_by": latest["corrected_by"] if latest else None,
            "corrected_at": latest["corrected_at"] if latest else None,
            "original_place_id": ";".join(orig) or None}


def reviewed_feature_collection(situation: Situation,
                                index: dict[tuple[int, int], dict[str, Any]]) -> dict[str, Any]:
    """:func:`feature_collection` of a statement with its corrections applied, each place's properties with
    :func:`place_review_record`'s fields before its quotes (as a collection export has them)."""
    fc = feature_collection(situation)
    places = {sp.place.place_id: sp for sp in situation.places}
    for f in fc["features"]:
        props = f["properties"]
        quotes = props.pop("quotes")
        props.update(place_review_record(places[props["place_id"]], index))
        props["quotes"] = quotes
    return fc


#: The fields of one mention of a collection: the statement's, then :data:`MENTION_FIELDS`, then the sentence.
COLLECTION_MENTION_FIELDS: tuple[str, ...] = (
    "statement_id", "date", "statement_source", "lang", *MENTION_FIELDS, "sentence", *REVIEW_FIELDS,
)

#: The fields of one movement of a collection: its statement's id and date, then :func:`movement_properties`'.
COLLECTION_MOVEMENT_FIELDS: tuple[str, ...] = ("statement_id", "date", *MOVEMENT_FIELDS, "stub", "line")

#: Export formats of a collection and the file suffix each gets.
COLLECTION_FORMATS: dict[str, str] = {"geojson": ".geojson", "gpkg": ".gpkg", "csv": ".csv", "kml": ".kml"}


def _place_of(row: PlaceRow) -> Place:
    return Place(row.place_id, row.name, row.name_ar, row.kind, row.country_code, row.lat, row.lon,
                 source=row.source)


def collection_mention_record(m: MentionOut) -> dict[str, Any]:
    """One mention of a collection: its statement's id, date, source and language, :func:`mention_record`'s
    fields, and its sentence."""
    mr = m.mention
    mention = Mention(mr.start, mr.end, mr.surface, mr.sentence_start, mr.sentence_end,
                      _place_of(m.place) if m.place is not None else None, mr.confidence, mr.reason, mr.cue)
    return {"statement_id": m.statement_id, "date": m.date, "statement_source": m.source, "lang": m.lang,
            **mention_record(mention), "sentence": m.sentence, "reviewed": m.reviewed,
            "corrected_by": m.corrected_by, "corrected_at": m.corrected_at, "original_place_id": m.original_place_id}


def collection_quote(m: MentionOut) -> dict[str, Any]:
    """A quote of a place in a collection: the sentence (``text``), its statement and date, the mention's offsets."""
    return {"text": m.sentence, "statement_id": m.statement_id, "date": m.date, "surface": m.mention.surface,
            "start": m.mention.start, "end": m.mention.end}


def _newest_first(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Newest date first, undated last; within a statement, text order.
    by_start = sorted(quotes, key=lambda q: (q["statement_id"], q["start"]))
    dated = sorted((q for q in by_start if q["date"]), key=lambda q: (q["date"], q["statement_id"]), reverse=True)
    # sorted(reverse=True) keeps equal keys in their order, so a statement's quotes stay in text order.
    return dated + [q for q in by_start if not q["date"]]


def collection_quotes(mentions: Iterable[MentionOut]) -> dict[str, list[dict[str, Any]]]:
    """Quotes per place id, newest first (undated last)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        if m.place is not None:
            out.setdefault(m.place.place_id, []).append(collection_quote(m))
    return {pid: _newest_first(qs) for pid, qs in out.items()}


def collection_place_record(summary: PlaceSummary, quotes: list[dict[str, Any]]) -> dict[str, Any]:
    """The properties of one place over a collection (see :data:`COLLECTION_PLACE_FIELDS`)."""
    p = summary.place
    return {
        "place_id": p.place_id, "name": p.name, "name_ar": p.name_ar, "kind": p.kind,
        "layer": layer_of(p.kind).key, "country_code": p.country_code or None,
        "lat": round(p.lat, COORD_PRECISION), "lon": round(p.lon, COORD_PRECISION), "source": p.source,
        "mentions": summary.mentions, "statements": summary.statements,
        "first_seen": summary.first_seen, "last_seen": summary.last_seen, "reviewed": summary.reviewed,
        "corrected_by": summary.corrected_by, "corrected_at": summary.corrected_at,
        "original_place_id": summary.original_place_id, "quotes": quotes,
    }


def collection_movement_record(mv: MovementOut) -> dict[str, Any]:
    """One movement of a collection (see :data:`COLLECTION_MOVEMENT_FIELDS`): as ``geo parse`` gives it, with
    its statement's id and date first."""
    return {"statement_id": mv.statement_id, "date": mv.date, **movement_properties(mv.record)}


def collection_movement_feature(mv: MovementOut) -> dict[str, Any]:
    """One RFC 7946 Feature for a movement of a collection: its line and :func:`collection_movement_record`."""
    r = mv.record
    fid = f"movement:{mv.statement_id}:{r['trigger_start']}:{r['from_place_id'] or '-'}:{r['to_place_id'] or '-'}"
    return {"type": "Feature", "id": fid, "geometry": mv.geometry, "properties": collection_movement_record(mv)}


def _point(p: PlaceRow) -> dict[str, Any]:
    # GeoJSON is [lon, lat]: the flip from the row's lat/lon happens here.
    return {"type": "Point", "coordinates": [round(p.lon, COORD_PRECISION), round(p.lat, COORD_PRECISION)]}


def collection_feature_collection(summaries: Sequence[PlaceSummary], mentions: Iterable[MentionOut],
                                  movements: Iterable[MovementOut] = ()) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of a collection: one Feature per place, areas as their outlines, then one
    LineString Feature per movement (``properties.kind == "movement"``), as ``geo parse --format geojson``."""
    import shapely  # local: `import geo` stays fast

    quotes = collection_quotes(mentions)
    features = []
    for s in summaries:
        p = s.place
        geometry = area_geometry(shapely.from_wkb(p.geometry)) if p.geometry else _point(p)
        features.append({"type": "Feature", "id": p.place_id, "geometry": _jsonable(geometry),
                         "properties": collection_place_record(s, quotes.get(p.place_id, []))})
    features += [collection_movement_feature(mv) for mv in movements]
    return {"type": "FeatureCollection", "features": features}


def collection_csv(mentions: Iterable[MentionOut]) -> str:
    """CSV, one row per mention (unlocated ones too, with an empty place) with its statement's date."""
    return to_csv((collection_mention_record(m) for m in mentions), list(COLLECTION_MENTION_FIELDS))


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(s: Any) -> str:
    """Text for XML: characters XML 1.0 forbids dropped, then ``& < > " '`` escaped."""
    return xml_escape(_XML_BAD.sub("", "" if s is None else str(s)), {'"': "&quot;", "'": "&apos;"})


def collection_kml(summaries: Sequence[PlaceSummary], mentions: Iterable[MentionOut], *,
                   name: str = "Situation map: collection", movements: Sequence[MovementOut] = ()) -> str:
    """KML 2.2: one Placemark per place at its point, its quotes (newest first) in the description; then one
    Placemark per movement with its line (origin first) and its quote.

    The description is HTML (each quote escaped for HTML), and that HTML is escaped again for
    XML: a viewer shows the quotes as text, never as markup of their own.
    """
    quotes = collection_quotes(mentions)
    marks = []
    for s in summaries:
        rec = collection_place_record(s, quotes.get(s.place.place_id, []))
        html_quotes = "".join(
            f"<p><b>{escape_untrusted(q['date'] or 'undated')}</b> · statement {q['statement_id']}<br>"
            f"{escape_untrusted(q['text'])}</p>" for q in rec["quotes"])
        seen = f"{rec['first_seen'] or 'undated'} – {rec['last_seen'] or 'undated'}"
        head = (f"<p>{escape_untrusted(rec['name_ar'])} · {escape_untrusted(rec['kind'])} · "
                f"{rec['mentions']} mentions in {rec['statements']} statements · {escape_untrusted(seen)}</p>")
        data = "".join(f'<Data name="{k}"><value>{_xml(rec[k])}</value></Data>'
                       for k in COLLECTION_PLACE_FIELDS if k != "quotes")
        marks.append(
            f'<Placemark id="{_xml(rec["place_id"])}"><name>{_xml(rec["name"])}</name>'
            f"<description>{_xml(head + html_quotes)}</description><ExtendedData>{data}</ExtendedData>"
            f"<Point><coordinates>{rec['lon']},{rec['lat']}</coordinates></Point></Placemark>"
        )
    # Two folders: a viewer (Google Earth, QGIS) lists them as layers to switch on and off.
    body = "<Folder><name>Places</name>" + "\n".join(marks) + "</Folder>"
    if movements:
        body += "\n<Folder><name>Movements</name>" + "\n".join(_kml_movement(mv) for mv in movements) + "</Folder>"
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"<name>{_xml(name)}</name>" + body + "</Document></kml>\n")


def _kml_movement(mv: MovementOut) -> str:
    # One LineString per part: a line cut at the antimeridian is two, in a MultiGeometry.
    rec = collection_movement_record(mv)
    parts = mv.geometry["coordinates"] if mv.geometry["type"] == "MultiLineString" else [mv.geometry["coordinates"]]
    lines = "".join("<LineString><tessellate>1</tessellate><coordinates>"
                    + " ".join(f"{lon},{lat}" for lon, lat in part) + "</coordinates></LineString>" for part in parts)
    geometry = lines if len(parts) == 1 else f"<MultiGeometry>{lines}</MultiGeometry>"
    title = f"{rec['trigger']}: {rec['from_name'] or '…'} → {rec['to_name'] or '…'}"
    head = (f"<p><b>{escape_untrusted(rec['date'] or 'undated')}</b> · statement {rec['statement_id']} · "
            f"{rec['line']}</p>")
    data = "".join(f'<Data name="{k}"><value>{_xml(rec[k])}</value></Data>' for k in COLLECTION_MOVEMENT_FIELDS)
    return (f"<Placemark><name>{_xml(title)}</name>"
            f"<description>{_xml(head + '<p>' + escape_untrusted(rec['quote']) + '</p>')}</description>"
            f"<ExtendedData>{data}</ExtendedData>{geometry}</Placemark>")


def write_collection_gpkg(path: str | os.PathLike[str], summaries: Sequence[PlaceSummary],
                          mentions: Sequence[MentionOut], movements: Sequence[MovementOut] = ()) -> None:
    """A GeoPackage with layer ``places`` (one point per place, quotes as JSON text), layer ``mentions``
    (one point per located mention) and layer ``movements`` (one line per movement, origin first), EPSG:4326.
    Written to ``path`` as is (see :func:`write_atomic`)."""
    import geopandas  # local: heavy, and only this export needs it
    import shapely

    quotes = collection_quotes(mentions)
    places = [collection_place_record(s, quotes.get(s.place.place_id, [])) for s in summaries]
    for rec in places:
        rec["quotes"] = json.dumps(rec["quotes"], ensure_ascii=False)
    rows = [collection_mention_record(m) for m in mentions if m.place is not None]
    layers = (("places", places, list(COLLECTION_PLACE_FIELDS)), ("mentions", rows, list(COLLECTION_MENTION_FIELDS)))
    for i, (layer, recs, columns) in enumerate(layers):
        # shapely points are (x=lon, y=lat).
        geometry = shapely.points([r["lon"] for r in recs], [r["lat"] for r in recs]) if recs else []
        gdf = geopandas.GeoDataFrame(recs, columns=columns, geometry=geometry, crs="EPSG:4326")
        gdf.to_file(path, layer=layer, driver="GPKG", engine="pyogrio", geometry_type="Point",
                    mode="w" if i == 0 else "a")
    lines = shapely.from_geojson([json.dumps(mv.geometry) for mv in movements]) if movements else []
    # A line cut at the antimeridian is a MultiLineString: then the layer's lines are all made multi.
    multi = any(g.geom_type == "MultiLineString" for g in lines)
    gdf = geopandas.GeoDataFrame([collection_movement_record(mv) for mv in movements],
                                 columns=list(COLLECTION_MOVEMENT_FIELDS), geometry=list(lines), crs="EPSG:4326")
    gdf.to_file(path, layer="movements", driver="GPKG", engine="pyogrio",
                geometry_type="MultiLineString" if multi else "LineString", promote_to_multi=multi, mode="a")


def write_atomic(path: str | os.PathLike[str], write: Any) -> Path:
    """Write a file so that it is either the old one or the whole new one, never half of it.

    ``write`` is bytes, or a callable given a temporary path in the same folder; the
    temporary file replaces ``path`` (``os.replace``) only once it is complete.
    """
    out = Path(path)
    if not out.parent.is_dir():
        raise InputError(f"cannot write {str(out)!r}: the folder {str(out.parent)!r} does not exist")
    if out.is_dir():
        raise InputError(f"cannot write {str(out)!r}: it is a folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{out.stem}.", suffix=".tmp" + out.suffix, dir=out.parent)
    try:
        if callable(write):
            os.close(fd)
            os.unlink(tmp)  # drivers such as GPKG want to create their file themselves
            write(tmp)
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(write)
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def write_collection(path: str | os.PathLike[str], fmt: str, summaries: Sequence[PlaceSummary],
                     mentions: Sequence[MentionOut], movements: Sequence[MovementOut] = ()) -> Path:
    """Write a collection export (``fmt`` one of :data:`COLLECTION_FORMATS`) atomically to ``path``; the
    movements go to the GeoJSON (line Features), the GeoPackage (layer ``movements``) and the KML (lines); the
    CSV is the table of mentions."""
    if fmt not in COLLECTION_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; valid: {', '.join(COLLECTION_FORMATS)}")
    if fmt == "gpkg":
        def gpkg(tmp: str) -> None:
            try:
                write_collection_gpkg(tmp, summaries, mentions, movements)
            except RuntimeError as e:  # GDAL's errors (pyogrio.errors.*): a message, not a traceback
                raise GeoError(f"cannot write {str(path)!r} as a GeoPackage: {e}") from None

        return write_atomic(path, gpkg)
    if fmt == "geojson":
        data = json.dumps(collection_feature_collection(summaries, mentions, movements), ensure_ascii=False,
                          indent=1)
    elif fmt == "csv":
        data = "\ufeff" + collection_csv(mentions)  # with a BOM, so spreadsheets read the Arabic as UTF-8
    else:
        data = collection_kml(summaries, mentions, movements=movements)
    return write_atomic(path, data.encode("utf-8"))
