"""Review and correct: an analyst's corrections as data, and what they do to a statement's mentions.

Pure: no SQL (the rows live in :mod:`geo.store`), no Streamlit, no I/O. A correction is keyed by
the statement's text (its SHA-256) and the span's *text*, never by a mention's row or a parse's
place: a re-parse, even by a newer parser that finds other spans or other places, meets the same
correction again. :func:`apply` returns the corrected mentions and, separately, every correction
that no longer fits (the span's words are gone, the place it rejected is no longer chosen): those
are listed to the analyst, never dropped silently.

Scopes: ``mention`` (this span), ``statement`` (every mention of these words in the statement)
and ``everywhere`` (these words in every statement, including statements added later).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import KINDS
from .store import CORRECTION_COLUMNS, MentionOut, MentionRow, PlaceRow

if TYPE_CHECKING:  # pragma: no cover
    from .model import Mention, Place
    from .situation import Situation

__all__ = [
    "ACTIONS",
    "SCOPES",
    "USER_PLACE_PREFIX",
    "Correction",
    "Unfit",
    "Applied",
    "correction_from_row",
    "user_place",
    "apply",
    "apply_to_situation",
    "parse_span",
    "corrections_file",
    "read_corrections_file",
]

#: What a correction does: reject the parser's place, choose another, add a missed mention, mark reviewed.
ACTIONS = ("reject", "choose", "add", "review")
#: How far it reaches: this mention, every mention of the words in the statement, the words everywhere.
SCOPES = ("mention", "statement", "everywhere")
#: The id prefix of a point an analyst set on the map ("Your places").
USER_PLACE_PREFIX = "user:"

_FILE_FORMAT = "geo-situation-map corrections"


@dataclass(frozen=True, slots=True)
class Correction:
    """One stored correction: who, when, what, old → new. ``statement_sha256`` is ``None`` for a rule."""

    id: int
    author: str
    created_at: str
    scope: str
    action: str
    statement_sha256: str | None = None
    start: int | None = None
    end: int | None = None
    span_text: str | None = None
    old_place_id: str | None = None
    new_place: PlaceRow | None = None

    @property
    def new_place_id(self) -> str | None:
        """The place this correction points to (choose, add), else ``None``."""
        return self.new_place.place_id if self.new_place is not None else None

    def describe(self) -> str:
        """One line: what this correction does, for lists and messages."""
        span = f"“{self.span_text}”" + (f" at {self.start}:{self.end}" if self.start is not None else "") \
            if self.span_text else "every mention in the statement"
        new = f"{self.new_place.name} ({self.new_place.place_id})" if self.new_place else ""
        what = {"reject": f"reject {self.old_place_id} for {span}",
                "choose": f"{span} → {new}" + (f" instead of {self.old_place_id}" if self.old_place_id else ""),
                "add": f"add {span} → {new}",
                "review": "mark the statement reviewed"}[self.action]
        if self.action == "reject" and not self.span_text and self.scope == "everywhere":
            return f"reject {self.old_place_id} in every statement (also those added later)"
        if self.action == "review" or not self.span_text:
            return what  # the statement as a whole: no scope to say
        where = {"mention": "", "statement": " (every mention in the statement)",
                 "everywhere": " (in every statement)"}[self.scope]
        return what + where


@dataclass(frozen=True, slots=True)
class Unfit:
    """A correction that did not apply to a statement, and why (the parse or the text no longer has it)."""

    correction: Correction
    statement_sha256: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Applied:
    """A statement's mentions after its corrections, whether it is reviewed, and the corrections that did not fit."""

    mentions: tuple[MentionOut, ...]
    reviewed: bool
    unfit: tuple[Unfit, ...]
    applied: tuple[int, ...]  # ids of the corrections that changed something (or marked it reviewed)


def correction_from_row(row: Mapping[str, Any]) -> Correction:
    """A :class:`Correction` from a store row (a dict of :data:`geo.store.CORRECTION_COLUMNS` and ``id``)."""
    new = None
    if row.get("new_place_id"):
        new = PlaceRow(row["new_place_id"], row.get("new_name") or row["new_place_id"], row.get("new_name_ar") or "",
                       row.get("new_kind") or "facility", row.get("new_country_code") or "",
                       float(row["new_lat"]) if row.get("new_lat") is not None else 0.0,
                       float(row["new_lon"]) if row.get("new_lon") is not None else 0.0, "correction")
    return Correction(int(row["id"]), row["author"], row["created_at"], row["scope"], row["action"],
                      row.get("statement_sha256"), row.get("start"), row.get("end"), row.get("span_text"),
                      row.get("old_place_id"), new)


def user_place(lat: float, lon: float, name: str, kind: str = "facility") -> PlaceRow:
    """A point an analyst set, named by them: one of "Your places" (the id is stable for the same point and name)."""
    if not name.strip():
        raise InputError("a place of your own needs a name (--name NAME)")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"{lat},{lon} is not a point on Earth (latitude -90..90, longitude -180..180)")
    slug = re.sub(r"\W+", "-", name.strip().lower()).strip("-") or "place"
    if kind not in KINDS:
        raise InputError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    return PlaceRow(f"{USER_PLACE_PREFIX}{slug}@{lat:.5f},{lon:.5f}", name.strip(), name.strip(), kind, "",
                    lat, lon, "user")


def parse_span(value: str, text: str) -> tuple[int, int, str]:
    """``START:END`` checked against the statement's text: ``(start, end, the words)``; a clear message if bad."""
    m = re.fullmatch(r"\s*(\d+)\s*:\s*(\d+)\s*", value)
    if m is None:
        raise InputError(f"{value!r} is not a span: write START:END, character offsets into the statement "
                         "(as `python -m geo parse` prints them)")
    start, end = int(m[1]), int(m[2])
    if not start < end <= len(text):
        raise InputError(f"span {start}:{end} is outside the statement (it has {len(text)} characters; "
                         "START must be below END)")
    words = text[start:end]
    if not words.strip():
        raise InputError(f"span {start}:{end} is only whitespace")
    return start, end, words


def _occurrences(text: str, words: str) -> list[int]:
    # Whole words only: "Homs" must not match inside "Homsi…" (Arabic letters count as word characters).
    pat = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    return [m.start() for m in pat.finditer(text)]


def _with(m: MentionOut, c: Correction, place: PlaceRow | None) -> MentionOut:
    original = m.original_place_id if m.corrected_by is not None else m.mention.place_id
    row = dataclasses.replace(m.mention, place_id=place.place_id if place else None,
                              reason=f"corrected by {c.author}: {c.action}")
    return dataclasses.replace(m, mention=row, place=place, reviewed=True, corrected_by=c.author,
                               corrected_at=c.created_at, original_place_id=original)


def _added(c: Correction, start: int, text: str, sid: int, meta: MentionOut | None) -> MentionOut:
    end = start + len(c.span_text or "")
    # The sentence: from the previous full stop (or line break) to the next one.
    s0 = max(text.rfind(ch, 0, start) for ch in ".\n!?؟") + 1
    ends = [i for i in (text.find(ch, end) for ch in ".\n!?؟") if i >= 0]
    s1 = min(ends) + 1 if ends else len(text)
    row = MentionRow(start, end, text[start:end], c.new_place_id, 1.0, f"added by {c.author}", "", s0, s1)
    return MentionOut(sid, meta.date if meta else None, meta.source if meta else None, meta.lang if meta else "",
                      row, text[s0:s1].strip(), c.new_place, True, c.author, c.created_at, None)


def apply(statement_sha256: str, text: str, mentions: Sequence[MentionOut], corrections: Iterable[Correction],
          *, statement_id: int | None = None) -> Applied:
    """Apply ``corrections`` (oldest first; later ones win) to one statement's ``mentions``.

    Only corrections of this statement (or rules for every statement) are considered; a
    correction of this statement that changes nothing is returned in ``unfit`` with the
    reason. Rules (``everywhere``) that match nothing here are not unfit: they wait for
    statements that name the words.
    """
    ms = sorted(mentions, key=lambda m: m.mention.start)
    sid = statement_id if statement_id is not None else (ms[0].statement_id if ms else 0)
    meta = ms[0] if ms else None
    reviewed = False
    unfit: list[Unfit] = []
    applied: list[int] = []
    for c in sorted(corrections, key=lambda c: c.id):
        if c.statement_sha256 not in (None, statement_sha256):
            continue
        if c.action == "review":
            reviewed = True
            applied.append(c.id)
            continue
        words = c.span_text
        if c.action == "reject":
            hits = [i for i, m in enumerate(ms) if m.mention.place_id == c.old_place_id
                    and (words is None or m.mention.surface == words)
                    and (c.scope != "mention" or c.start is None or m.mention.start == c.start)]
            if not hits:
                if c.scope != "everywhere":
                    what = f"“{words}” as " if words else ""
                    unfit.append(Unfit(c, statement_sha256, f"the parse no longer gives {what}{c.old_place_id}"))
                continue
            for i in hits:
                ms[i] = _with(ms[i], c, None)
        elif c.action == "choose":
            hits = [i for i, m in enumerate(ms) if m.mention.surface == words
                    and (c.scope != "mention" or m.mention.start == c.start)]
            if not hits and c.scope == "mention" and c.start is not None:
                # A newer parse may cut the span differently: take the mention that overlaps it.
                hits = [i for i, m in enumerate(ms) if m.mention.start < (c.end or 0) and c.start < m.mention.end]
            if not hits:
                if c.scope != "everywhere":
                    unfit.append(Unfit(c, statement_sha256, f"the parse has no mention “{words}” any more"))
                continue
            for i in hits:
                ms[i] = _with(ms[i], c, c.new_place)
        elif c.action == "add":
            if c.scope == "mention" and c.start is not None and text[c.start:c.end] == words:
                starts = [c.start]
            else:
                starts = _occurrences(text, words or "")
                if c.scope == "mention" and starts:
                    starts = [min(starts, key=lambda s: abs(s - (c.start or 0)))]
            if not starts:
                if c.scope != "everywhere":
                    unfit.append(Unfit(c, statement_sha256, f"the text has no “{words}”"))
                continue
            for s in starts:
                e = s + len(words or "")
                # A mention the parser found over these words is replaced by the analyst's.
                ms = [m for m in ms if not (m.mention.start < e and s < m.mention.end)]
                ms.append(_added(c, s, text, sid, meta))
            ms.sort(key=lambda m: m.mention.start)
        else:  # pragma: no cover - the store's CHECK allows no other action
            unfit.append(Unfit(c, statement_sha256, f"unknown action {c.action!r}"))
            continue
        applied.append(c.id)
    if reviewed:
        ms = [dataclasses.replace(m, reviewed=True) for m in ms]
    return Applied(tuple(ms), reviewed, tuple(unfit), tuple(applied))


def _row_of(p: Place) -> PlaceRow:
    return PlaceRow(p.place_id, p.name, p.name_ar, p.kind, p.country_code, p.lat, p.lon, p.source)


def apply_to_situation(situation: Situation, corrections: Iterable[Correction],
                       lookup: Callable[[str], Place | None] | None = None) -> tuple[Situation, Applied]:
    """A parsed statement with its corrections applied (what the dashboard shows), and what :func:`apply` said.

    ``lookup`` gives the gazetteer's own place for an id (with its area); otherwise a point is made from the
    correction's snapshot of the place. Mentions no correction touched are the parser's, unchanged.
    """
    from .situation import Situation
    from .store import text_sha256

    text = situation.text
    outs = [MentionOut(0, None, None, situation.lang,
                       MentionRow(m.start, m.end, m.surface, m.place_id, m.confidence, m.reason, m.cue,
                                  m.sentence_start, m.sentence_end), "", _row_of(m.place) if m.place else None)
            for m in situation.mentions]
    res = apply(text_sha256(text), text, outs, corrections, statement_id=0)
    by_span: dict[tuple[int, int], Mention] = {(m.start, m.end): m for m in situation.mentions}
    mentions: list[Mention] = []
    for o in res.mentions:
        r = o.mention
        orig = by_span.get((r.start, r.end))
        if o.corrected_by is None and orig is not None:
            mentions.append(orig)
            continue
        if o.place is None:
            continue  # rejected: not a place here, so neither on the map nor among the unlocated
        place = None
        if o.place is not None:
            place = lookup(o.place.place_id) if lookup is not None else None
            if place is None:
                from .export import _place_of

                place = _place_of(o.place)
        from .model import Mention as _M

        mentions.append(_M(r.start, r.end, r.surface, r.sentence_start, r.sentence_end, place,
                           1.0 if place is not None else 0.0, r.reason, r.cue,
                           orig.form if orig else "name", orig.candidates if orig else (), ()))
    return Situation(text, situation.lang, tuple(mentions)), res


# -- sharing: a JSON file of corrections -----------------------------------------------------------------
def corrections_file(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """The JSON document of a corrections export (every column but the store's own id)."""
    return {"format": _FILE_FORMAT, "version": 1,
            "corrections": [{k: r.get(k) for k in CORRECTION_COLUMNS} for r in rows]}


_TYPES: dict[str, tuple[type, ...]] = {
    "start": (int,), "end": (int,), "new_lat": (int, float), "new_lon": (int, float),
}


def read_corrections_file(doc: Any) -> list[dict[str, Any]]:
    """Check a parsed corrections file whole and return its rows; :class:`InputError` naming the first fault.

    Nothing is returned unless every row is valid, so an import is all or nothing.
    """
    if not isinstance(doc, dict) or doc.get("format") != _FILE_FORMAT:
        raise InputError(f"not a corrections file: it must be a JSON object with \"format\": \"{_FILE_FORMAT}\" "
                         "(made by `python -m geo corrections --export FILE`)")
    if doc.get("version") != 1:
        raise InputError(f"corrections file version {doc.get('version')!r} is not one this program reads (1)")
    rows = doc.get("corrections")
    if not isinstance(rows, list):
        raise InputError("the corrections file has no list \"corrections\"")
    out = []
    for n, r in enumerate(rows, 1):
        where = f"correction {n} of the file"
        if not isinstance(r, dict):
            raise InputError(f"{where} is not an object")
        unknown = set(r) - set(CORRECTION_COLUMNS)
        if unknown:
            raise InputError(f"{where} has unknown fields: {', '.join(sorted(unknown))}")
        if r.get("action") not in ACTIONS:
            raise InputError(f"{where}: action {r.get('action')!r} is not one of {', '.join(ACTIONS)}")
        if r.get("scope") not in SCOPES:
            raise InputError(f"{where}: scope {r.get('scope')!r} is not one of {', '.join(SCOPES)}")
        for k in ("author", "created_at"):
            if not isinstance(r.get(k), str) or not r[k]:
                raise InputError(f"{where}: {k} must be a non-empty text")
        for k in ("statement_sha256", "span_text", "old_place_id", "new_place_id", "undone_at", "undone_by", "note",
                  "new_name", "new_name_ar", "new_kind", "new_country_code"):
            if r.get(k) is not None and not isinstance(r[k], str):
                raise InputError(f"{where}: {k} must be a text or null")
        for k, types in _TYPES.items():
            if r.get(k) is not None and (isinstance(r[k], bool) or not isinstance(r[k], types)):
                raise InputError(f"{where}: {k} must be a number or null")
        sha = r.get("statement_sha256")
        if (r["scope"] == "everywhere") != (sha is None):
            raise InputError(f"{where}: a rule for every statement has no statement_sha256, any other has one")
        if sha is not None and not re.fullmatch(r"[0-9a-f]{64}", sha):
            raise InputError(f"{where}: statement_sha256 is not a SHA-256 in hex")
        if r["action"] in ("choose", "add") and not (r.get("new_place_id") and r.get("span_text")):
            raise InputError(f"{where}: a {r['action']} needs span_text and new_place_id")
        if r.get("new_kind") is not None and r["new_kind"] not in KINDS:
            raise InputError(f"{where}: new_kind {r['new_kind']!r} is not one of {', '.join(KINDS)}")
        if r["action"] == "reject" and not r.get("old_place_id"):
            raise InputError(f"{where}: a reject needs old_place_id")
        out.append({k: r.get(k) for k in CORRECTION_COLUMNS})
    return out
