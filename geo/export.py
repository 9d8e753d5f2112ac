"""One owner of every output schema: the record of a mention and the properties of a place.

Every export (jsonl, GeoJSON, CSV, the tables, the store, batch Parquet) takes its fields
from here, so a field added once appears everywhere with the same name and rounding.
Coordinate order is named: ``lat``/``lon`` in records, ``[lon, lat]`` only in GeoJSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Candidate, Mention

if TYPE_CHECKING:  # pragma: no cover
    from .situation import Situation, SituationPlace

__all__ = [
    "CANDIDATE_FIELDS",
    "COORD_PRECISION",
    "MENTION_FIELDS",
    "PLACE_FIELDS",
    "mention_record",
    "mention_records",
    "candidate_record",
    "place_record",
    "place_feature",
    "feature_collection",
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


def feature_collection(situation: Situation) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection of a statement, one Feature per place."""
    return {"type": "FeatureCollection",
            "features": [place_feature(sp, situation.text) for sp in situation.places]}


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
