"""The collection: statements, their parse results and corrections in one SQLite file.

This is the only module that speaks SQL. The file is an ordinary SQLite database in WAL
mode (readers never block the writer), marked as ours by ``PRAGMA application_id`` and
versioned by ``PRAGMA user_version`` with :data:`MIGRATIONS`. Its path is ``--db PATH``,
else ``$GEO_DB``, else ``collection.sqlite3`` in the user's data directory
(:func:`default_db_path`).

What it keeps, and why that way:

* ``statements``: the text itself (so a statement can be parsed again when the parser
  changes, :meth:`Store.stale_statements`), its SHA-256 (``UNIQUE``: the same text added
  twice is stored once), source, language, date, how the date was found, the dateline's
  place (venue), when it was added and by which parser version.
* ``mentions``: the spans a parse found, with the fields of
  :func:`geo.export.mention_record` that belong to the mention (confidence, reason, cue,
  sentence offsets); the place fields come from ``places``.
* ``places``: a snapshot of every place a stored mention points to (names, kind, country,
  point, area geometry as WKB). A snapshot rather than a look-up in the gazetteer on read:
  the collection view and every export then need neither the gazetteer (seconds to load)
  nor a re-parse (minutes for 10,000 statements), and places from a user's places file
  stay on the map after that file is no longer loaded. A re-parse refreshes the snapshot.
* ``movements``: who or what moves from where to where (:func:`geo.export.movement_record` as JSON, and the
  line as GeoJSON), per statement in text order; written and replaced with its mentions.
* ``corrections``: empty until the review workflow writes them; keyed by the statement's
  SHA-256 and the span's text, not by ids, so they survive a re-parse and a statement that
  is removed and added again (see the schema in :data:`MIGRATIONS`).

Two processes (or two dashboard sessions) writing at once: every write is one short
``BEGIN IMMEDIATE`` transaction, SQLite's busy timeout makes the second writer wait for
the first, and a text's hash is looked up under that write lock (and is ``UNIQUE`` besides),
so two processes adding the same text keep one copy. A file that is not a store of ours (not
SQLite, another program's database, damaged, or from a newer version) is refused with
:class:`StoreError` before anything is written to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import StoreError

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "MIGRATIONS",
    "CORRECTION_COLUMNS",
    "DB_ENV",
    "default_db_path",
    "resolve_db_path",
    "text_sha256",
    "PlaceRow",
    "MentionRow",
    "NewStatement",
    "StatementRow",
    "Selection",
    "PlaceSummary",
    "MentionOut",
    "MovementRow",
    "MovementOut",
    "Store",
    "open_store",
]

#: ``PRAGMA application_id`` of our files: "GeoS" in ASCII. Another program's database has another one (or 0).
APPLICATION_ID = 0x47656F53

#: The environment variable naming the store when ``--db`` is not given.
DB_ENV = "GEO_DB"

_APP_NAME = "geo-situation-map"
_DEFAULT_FILE = "collection.sqlite3"
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Seconds a writer waits for another one before giving up with a message.
BUSY_TIMEOUT_S = 30.0

# One list entry per schema version: entry k takes a store from user_version k to k + 1.
# Never edit an entry once released; append a new one (a store made by an older version
# is brought up to date when opened, inside one transaction).
MIGRATIONS: list[tuple[str, ...]] = [
    (  # 1: the first schema
        """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID""",
        # AUTOINCREMENT: an id is never reused after `rm`, so an id in a user's notes or
        # scripts never comes to mean another statement.
        """CREATE TABLE statements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT,
            lang TEXT NOT NULL,
            date TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            date_source TEXT CHECK (date_source IN ('given', 'dateline', 'text')),
            venue_place_id TEXT,
            added_at TEXT NOT NULL,
            parser_version TEXT NOT NULL,
            -- Kept with the row, so listing 10,000 statements reads neither their texts nor their mentions.
            title TEXT NOT NULL,
            n_places INTEGER NOT NULL,
            n_mentions INTEGER NOT NULL,
            CHECK ((date IS NULL) = (date_source IS NULL))
        )""",
        "CREATE INDEX statements_date ON statements (date)",
        """CREATE TABLE places (
            place_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            name_ar TEXT NOT NULL,
            kind TEXT NOT NULL,
            country_code TEXT NOT NULL,
            lat REAL NOT NULL,
            lon REAL NOT NULL,
            source TEXT NOT NULL,
            geometry BLOB
        )""",
        """CREATE TABLE mentions (
            statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            surface TEXT NOT NULL,
            place_id TEXT REFERENCES places (place_id),
            confidence REAL NOT NULL,
            reason TEXT NOT NULL,
            cue TEXT NOT NULL,
            sentence_start INTEGER NOT NULL,
            sentence_end INTEGER NOT NULL,
            PRIMARY KEY (statement_id, start, "end")
        ) WITHOUT ROWID""",
        "CREATE INDEX mentions_place ON mentions (place_id, statement_id)",
        # One row per place named by a statement, with the statement's date: what the map, the timeline
        # and a place's history add up. Derived from mentions on every write (never edited alone); a
        # few rows per statement instead of one per mention, and no join with the statements' texts.
        """CREATE TABLE place_statements (
            place_id TEXT NOT NULL REFERENCES places (place_id),
            statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            date TEXT,
            mentions INTEGER NOT NULL,
            first_start INTEGER NOT NULL,
            PRIMARY KEY (place_id, statement_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX place_statements_place_date ON place_statements (place_id, date, statement_id, mentions)",
        "CREATE INDEX place_statements_statement ON place_statements (statement_id, first_start)",
        "CREATE INDEX place_statements_date ON place_statements (date, place_id, mentions)",
        # The review workflow's corrections (issue 11). statement_sha256 NULL: a rule for every
        # statement, including those added later. span_text keys a correction to the words, so a
        # new parse (other offsets, other places) still finds them; one that no longer fits is
        # listed by the review code, never dropped. Undo sets undone_at; history stays.
        """CREATE TABLE corrections (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            statement_sha256 TEXT,
            scope TEXT NOT NULL CHECK (scope IN ('mention', 'statement', 'everywhere')),
            action TEXT NOT NULL CHECK (action IN ('reject', 'choose', 'add', 'review')),
            start INTEGER,
            "end" INTEGER,
            span_text TEXT,
            old_place_id TEXT,
            new_place_id TEXT,
            author TEXT NOT NULL,
            created_at TEXT NOT NULL,
            undone_at TEXT,
            undone_by TEXT,
            note TEXT,
            CHECK ((scope = 'everywhere') = (statement_sha256 IS NULL))
        )""",
        "CREATE INDEX corrections_statement ON corrections (statement_sha256)",
        "INSERT INTO meta (key, value) VALUES ('generation', '0')",
    ),
    (  # 2: a correction carries the snapshot of the place it points to (a user's point, or a gazetteer place
        # the store has never seen), so a corrections file imports into another store without a gazetteer.
        "ALTER TABLE corrections ADD COLUMN new_name TEXT",
        "ALTER TABLE corrections ADD COLUMN new_name_ar TEXT",
        "ALTER TABLE corrections ADD COLUMN new_kind TEXT",
        "ALTER TABLE corrections ADD COLUMN new_country_code TEXT",
        "ALTER TABLE corrections ADD COLUMN new_lat REAL",
        "ALTER TABLE corrections ADD COLUMN new_lon REAL",
    ),
    (  # 3: movements (issue 13): one row per movement of a statement, as geo.export.movement_record (JSON) and
        # its line (GeoJSON geometry), in text order. Kept as made by the parse, like the places' snapshots:
        # an export needs neither the gazetteer nor a re-parse.
        """CREATE TABLE movements (
            statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            record TEXT NOT NULL,
            geometry TEXT NOT NULL,
            PRIMARY KEY (statement_id, seq)
        ) WITHOUT ROWID""",
        # Statements stored before have no movements: their parse is stale, so `geo reparse` finds them.
        "UPDATE statements SET parser_version = 'before-movements'",
    ),
]

#: The columns of a correction a JSON file carries (everything but the store's own id).
CORRECTION_COLUMNS: tuple[str, ...] = (
    "statement_sha256", "scope", "action", "start", "end", "span_text", "old_place_id", "new_place_id",
    "author", "created_at", "undone_at", "undone_by", "note", "new_name", "new_name_ar", "new_kind",
    "new_country_code", "new_lat", "new_lon",
)

#: The schema version this code writes (``PRAGMA user_version`` of an up-to-date store).
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> Path:
    """``collection.sqlite3`` in the user's data directory (``~/.local/share/geo-situation-map`` on Linux)."""
    import platformdirs  # local: only a store needs it

    return Path(platformdirs.user_data_dir(_APP_NAME, appauthor=False)) / _DEFAULT_FILE


def resolve_db_path(db: str | os.PathLike[str] | None = None) -> Path:
    """The store's path: ``db`` if given, else ``$GEO_DB``, else :func:`default_db_path`."""
    if db is not None and str(db) != "":
        return Path(db)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return default_db_path()


def text_sha256(text: str) -> str:
    """The key that makes a text unique in the store: SHA-256 of its UTF-8 bytes, in hex.

    The text is taken exactly as decoded (a BOM is already gone): the same characters are
    the same statement; a different line ending is a different text.

    >>> text_sha256("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


# -- values in and out -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlaceRow:
    """The snapshot of one place as the store keeps it (``lat``/``lon``; ``geometry`` is WKB or ``None``)."""

    place_id: str
    name: str
    name_ar: str
    kind: str
    country_code: str
    lat: float
    lon: float
    source: str = ""
    geometry: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention as stored: offsets into its statement's text; ``place_id`` ``None`` when unlocated."""

    start: int
    end: int
    surface: str
    place_id: str | None
    confidence: float
    reason: str
    cue: str
    sentence_start: int
    sentence_end: int


@dataclass(frozen=True, slots=True)
class MovementRow:
    """One movement as stored: :func:`geo.export.movement_record` and its GeoJSON geometry, both as JSON text."""

    record: str
    geometry: str


@dataclass(frozen=True, slots=True)
class MovementOut:
    """A stored movement with its statement's id and date; ``record`` and ``geometry`` decoded."""

    statement_id: int
    date: str | None
    record: dict[str, Any]
    geometry: dict[str, Any]


@dataclass(frozen=True, slots=True)
class NewStatement:
    """A statement and its parse, ready to be stored (see :func:`geo.collection.new_statement`)."""

    text: str
    lang: str
    parser_version: str
    mentions: tuple[MentionRow, ...]
    places: tuple[PlaceRow, ...]
    source: str | None = None
    date: str | None = None
    date_source: str | None = None
    venue_place_id: str | None = None
    movements: tuple[MovementRow, ...] = ()

    @property
    def sha256(self) -> str:
        """:func:`text_sha256` of the text."""
        return text_sha256(self.text)


@dataclass(frozen=True, slots=True)
class StatementRow:
    """A stored statement's metadata, with counts of its distinct places and its mentions."""

    id: int
    sha256: str
    source: str | None
    lang: str
    date: str | None
    date_source: str | None
    venue_place_id: str | None
    added_at: str
    parser_version: str
    places: int
    mentions: int
    title: str
    place_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Selection:
    """Which statements a query covers.

    ``ids``: only these (``None``: all). ``date_from``/``date_to`` (``YYYY-MM-DD``,
    inclusive) keep dated statements in range; undated statements are kept only while no
    date bound is set, or when ``include_undated`` is true.
    """

    ids: tuple[int, ...] | None = None
    date_from: str | None = None
    date_to: str | None = None
    include_undated: bool = False

    def where(self, id_col: str = "s.id", date_col: str = "s.date") -> tuple[str, list[Any]]:
        """An SQL condition on a statement's id and date columns, and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        if self.ids is not None:
            conds.append(f"{id_col} IN (SELECT value FROM json_each(?))")
            params.append("[" + ",".join(str(int(i)) for i in self.ids) + "]")
        if self.date_from is not None or self.date_to is not None:
            rng = []
            if self.date_from is not None:
                rng.append(f"{date_col} >= ?")
                params.append(self.date_from)
            if self.date_to is not None:
                rng.append(f"{date_col} <= ?")
                params.append(self.date_to)
            dated = " AND ".join(rng)
            conds.append(f"(({dated}) OR {date_col} IS NULL)" if self.include_undated else f"({dated})")
        return (" AND ".join(conds) or "1"), params


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """A place over a selection: its snapshot, how often and when it was named.

    ``first_seen``/``last_seen`` are the earliest and latest dates of the selected statements
    naming it (``None`` if all are undated); ``first_seen_ever`` is the earliest over the
    whole store, so a view can tell a place that is new in a range from one seen before.
    """

    place: PlaceRow
    mentions: int
    statements: int
    first_seen: str | None
    last_seen: str | None
    first_seen_ever: str | None
    # Review (geo.review): every mention in a reviewed statement or corrected; the latest correction's author
    # and time; the place(s) the parser had chosen where a correction put this one.
    reviewed: bool = False
    corrected_by: str | None = None
    corrected_at: str | None = None
    original_place_id: str | None = None


@dataclass(frozen=True, slots=True)
class MentionOut:
    """A stored mention with its statement's date and source, its sentence, and its place (if located)."""

    statement_id: int
    date: str | None
    source: str | None
    lang: str
    mention: MentionRow
    sentence: str
    place: PlaceRow | None
    # Review (geo.review): the statement was marked reviewed or this mention corrected; by whom, when,
    # and the place the parser had chosen (None for a mention a correction added).
    reviewed: bool = False
    corrected_by: str | None = None
    corrected_at: str | None = None
    original_place_id: str | None = None


# -- the store ---------------------------------------------------------------------------------------
_PLACE_COLS = "p.place_id, p.name, p.name_ar, p.kind, p.country_code, p.lat, p.lon, p.source, p.geometry"
_MENTION_COLS = 'm.start, m."end", m.surface, m.place_id, m.confidence, m.reason, m.cue, ' \
                "m.sentence_start, m.sentence_end"


def _place(row: Sequence[Any], at: int = 0) -> PlaceRow:
    return PlaceRow(*row[at : at + 9])


def _mention(row: Sequence[Any], at: int = 0) -> MentionRow:
    return MentionRow(*row[at : at + 9])


_checked: set[tuple[str, int, int]] = set()  # (path, device, inode) of files checked whole in this process


class Store:
    """An open store. Use :func:`open_store`; close it (or use ``with``) when done.

    One object per thread (SQLite connections are not shared between threads); opening
    one takes about a millisecond, so a dashboard run or a CLI command opens its own.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    # -- lifetime ------------------------------------------------------------
    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Store {str(self.path)!r}>"

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's exceptions into :class:`StoreError` naming the file."""
        try:
            yield
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise StoreError(f"{str(self.path)!r}: the store stayed busy for {BUSY_TIMEOUT_S:.0f} s "
                                 f"(another program is writing to it); nothing was changed") from None
            raise StoreError(f"{str(self.path)!r}: {e}") from None
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{str(self.path)!r} is damaged ({e}); it was left as it is") from None

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the generation counter moves so cached views know to reload."""
        with self._errors():
            c = self._conn
            c.execute("BEGIN IMMEDIATE")
            try:
                yield c
                c.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
                c.execute("COMMIT")
            except BaseException:
                c.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            return self._conn.execute(sql, params).fetchall()

    # -- metadata ------------------------------------------------------------
    @property
    def generation(self) -> int:
        """A number that changes with every write (by any process): a cache key for what was read."""
        return int(self._read("SELECT value FROM meta WHERE key = 'generation'")[0][0])

    def meta(self, key: str) -> str | None:
        """A value of the store's ``meta`` table (``None`` when absent)."""
        rows = self._read("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        """Set a value of the ``meta`` table."""
        with self._write() as c:
            c.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def count(self) -> int:
        """Number of stored statements."""
        return int(self._read("SELECT COUNT(*) FROM statements")[0][0])

    # -- writing -------------------------------------------------------------
    def add(self, new: NewStatement) -> tuple[int, bool]:
        """Store one statement; returns ``(id, created)``. The same text again returns the first id, unchanged."""
        return self.add_many([new])[0]

    def add_many(self, items: Iterable[NewStatement]) -> list[tuple[int, bool]]:
        """Store several statements in one transaction; ``(id, created)`` for each, in order."""
        out: list[tuple[int, bool]] = []
        with self._write() as c:
            for new in items:
                out.append(self._insert(c, new))
        return out

    @staticmethod
    def _insert(c: sqlite3.Connection, new: NewStatement) -> tuple[int, bool]:
        sha = new.sha256
        # Looked up first, under the write lock (so no other process can add it meanwhile): an
        # INSERT that hits the UNIQUE key would still use up an AUTOINCREMENT id and leave a gap.
        row = c.execute("SELECT id FROM statements WHERE sha256 = ?", (sha,)).fetchone()
        if row is not None:  # already stored (perhaps by another process a moment ago)
            return int(row[0]), False
        cur = c.execute(
            "INSERT INTO statements (text, sha256, source, lang, date, date_source, venue_place_id, added_at, "
            "parser_version, title, n_places, n_mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
            (new.text, sha, new.source, new.lang, new.date, new.date_source, new.venue_place_id, _now(),
             new.parser_version, _title(new.text[:400])),
        )
        sid = int(cur.lastrowid)  # type: ignore[arg-type]
        Store._put_parse(c, sid, new.date, new.mentions, new.places, new.movements)
        return sid, True

    @staticmethod
    def _put_places(c: sqlite3.Connection, places: Sequence[PlaceRow]) -> None:
        c.executemany(
            "INSERT INTO places (place_id, name, name_ar, kind, country_code, lat, lon, source, geometry) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (place_id) DO UPDATE SET name = excluded.name, "
            "name_ar = excluded.name_ar, kind = excluded.kind, country_code = excluded.country_code, "
            "lat = excluded.lat, lon = excluded.lon, source = excluded.source, geometry = excluded.geometry "
            # Unchanged places are not rewritten: a country's outline is kilobytes, and most adds repeat it.
            "WHERE (name, name_ar, kind, country_code, lat, lon, source) IS NOT (excluded.name, "
            "excluded.name_ar, excluded.kind, excluded.country_code, excluded.lat, excluded.lon, excluded.source) "
            "OR geometry IS NOT excluded.geometry",
            [(p.place_id, p.name, p.name_ar, p.kind, p.country_code, p.lat, p.lon, p.source, p.geometry)
             for p in places],
        )

    @staticmethod
    def _put_parse(c: sqlite3.Connection, sid: int, date: str | None, mentions: Sequence[MentionRow],
                   places: Sequence[PlaceRow], movements: Sequence[MovementRow] = ()) -> None:
        """Write a statement's mentions, their places, its movements and the rows derived from them (after
        deleting old ones)."""
        Store._put_places(c, places)
        c.executemany("INSERT INTO movements (statement_id, seq, record, geometry) VALUES (?, ?, ?, ?)",
                      [(sid, k, mv.record, mv.geometry) for k, mv in enumerate(movements)])
        c.executemany(
            'INSERT INTO mentions (statement_id, start, "end", surface, place_id, confidence, reason, cue, '
            "sentence_start, sentence_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(sid, m.start, m.end, m.surface, m.place_id, m.confidence, m.reason, m.cue, m.sentence_start,
              m.sentence_end) for m in mentions],
        )
        per_place: dict[str, list[int]] = {}  # place id → [mentions, first start]
        for m in mentions:
            if m.place_id is not None:
                acc = per_place.setdefault(m.place_id, [0, m.start])
                acc[0] += 1
                acc[1] = min(acc[1], m.start)
        c.executemany(
            "INSERT INTO place_statements (place_id, statement_id, date, mentions, first_start) VALUES (?, ?, ?, ?, ?)",
            [(pid, sid, date, n, first) for pid, (n, first) in per_place.items()],
        )
        c.execute("UPDATE statements SET n_places = ?, n_mentions = ? WHERE id = ?",
                  (len(per_place), len(mentions), sid))

    def replace_parse(self, statement_id: int, new: NewStatement) -> None:
        """Replace a statement's parse (mentions, language, parser version; its date unless it was given).

        For a re-parse: the text must be the stored one (same hash); source and added_at stay.
        """
        with self._write() as c:
            row = c.execute("SELECT sha256, date_source FROM statements WHERE id = ?", (statement_id,)).fetchone()
            if row is None:
                raise StoreError(f"{str(self.path)!r} has no statement {statement_id}")
            if row[0] != new.sha256:
                raise StoreError(f"statement {statement_id}: the new parse is of another text")
            if row[1] == "given":  # a date the user gave wins over what the text says
                c.execute("UPDATE statements SET lang = ?, venue_place_id = ?, parser_version = ? WHERE id = ?",
                          (new.lang, new.venue_place_id, new.parser_version, statement_id))
            else:
                c.execute("UPDATE statements SET lang = ?, date = ?, date_source = ?, venue_place_id = ?, "
                          "parser_version = ? WHERE id = ?",
                          (new.lang, new.date, new.date_source, new.venue_place_id, new.parser_version,
                           statement_id))
            date = c.execute("SELECT date FROM statements WHERE id = ?", (statement_id,)).fetchone()[0]
            c.execute("DELETE FROM mentions WHERE statement_id = ?", (statement_id,))
            c.execute("DELETE FROM place_statements WHERE statement_id = ?", (statement_id,))
            c.execute("DELETE FROM movements WHERE statement_id = ?", (statement_id,))
            self._put_parse(c, statement_id, date, new.mentions, new.places, new.movements)

    def remove(self, ids: Iterable[int]) -> list[int]:
        """Remove statements (and their mentions); returns the ids that existed. Corrections stay (keyed by text)."""
        wanted = [int(i) for i in ids]
        removed = []
        with self._write() as c:
            for sid in wanted:
                if c.execute("DELETE FROM statements WHERE id = ?", (sid,)).rowcount:
                    removed.append(sid)
            # Places no remaining mention points to are dropped from the snapshot.
            # (A user's own place, named by a correction, stays.)
            c.execute("DELETE FROM places WHERE place_id NOT IN (SELECT place_id FROM place_statements) "
                      "AND place_id NOT IN (SELECT new_place_id FROM corrections WHERE new_place_id IS NOT NULL)")
        return removed

    # -- reading statements ----------------------------------------------------
    def statements(self, selection: Selection | None = None, *, with_place_ids: bool = False) -> list[StatementRow]:
        """The selected statements, oldest date first (undated last), then by id."""
        where, params = (selection or Selection()).where()
        rows = self._read(
            "SELECT s.id, s.sha256, s.source, s.lang, s.date, s.date_source, s.venue_place_id, s.added_at, "
            f"s.parser_version, s.n_places, s.n_mentions, s.title FROM statements s WHERE {where} "
            "ORDER BY s.date IS NULL, s.date, s.id",
            params,
        )
        ids: dict[int, list[str]] = {}
        if with_place_ids and rows:
            # Distinct places of each statement in order of first mention.
            for sid, pid in self._read(
                "SELECT ps.statement_id, ps.place_id FROM place_statements ps JOIN statements s "
                f"ON s.id = ps.statement_id WHERE {where} ORDER BY ps.statement_id, ps.first_start", params
            ):
                ids.setdefault(sid, []).append(pid)
        return [StatementRow(*r[:11], title=r[11], place_ids=tuple(ids.get(r[0], ()))) for r in rows]

    def statement(self, statement_id: int) -> StatementRow | None:
        """One statement's metadata, or ``None``."""
        rows = self.statements(Selection(ids=(statement_id,)), with_place_ids=True)
        return rows[0] if rows else None

    def text(self, statement_id: int) -> str | None:
        """The stored text of a statement, or ``None``."""
        rows = self._read("SELECT text FROM statements WHERE id = ?", (statement_id,))
        return rows[0][0] if rows else None

    def find(self, text: str) -> int | None:
        """The id under which ``text`` is stored, or ``None``."""
        rows = self._read("SELECT id FROM statements WHERE sha256 = ?", (text_sha256(text),))
        return int(rows[0][0]) if rows else None

    def stale_statements(self, parser_version: str) -> list[tuple[int, str, str | None]]:
        """``(id, text, date given by the user or None)`` of statements parsed by another parser version."""
        return [(int(i), t, d) for i, t, d in self._read(
            "SELECT id, text, CASE WHEN date_source = 'given' THEN date END FROM statements "
            "WHERE parser_version != ? ORDER BY id", (parser_version,))]

    def date_bounds(self) -> tuple[str | None, str | None, int]:
        """Earliest and latest statement date, and the number of undated statements."""
        lo, hi, undated = self._read(
            "SELECT MIN(date), MAX(date), SUM(date IS NULL) FROM statements")[0]
        return lo, hi, int(undated or 0)

    # -- reading parse results -------------------------------------------------
    def places(self, place_ids: Iterable[str] | None = None) -> list[PlaceRow]:
        """Place snapshots (all, or those of ``place_ids``)."""
        if place_ids is None:
            rows = self._read(f"SELECT {_PLACE_COLS} FROM places p ORDER BY p.place_id")
        else:
            ids = list(place_ids)
            rows = self._read(f"SELECT {_PLACE_COLS} FROM places p WHERE p.place_id IN "
                              "(SELECT value FROM json_each(?))", (_json_list(ids),))
        return [_place(r) for r in rows]

    def place_summaries(self, selection: Selection | None = None) -> list[PlaceSummary]:
        """Every place the selected statements name, most mentioned first."""
        where, params = (selection or Selection()).where("ps.statement_id", "ps.date")
        rows = self._read(
            "WITH agg AS (SELECT ps.place_id, SUM(ps.mentions) AS n, COUNT(*) AS ns, MIN(ps.date) AS lo, "
            f"MAX(ps.date) AS hi FROM place_statements ps WHERE {where} GROUP BY ps.place_id) "
            # The first day a place was ever named: one index seek per place (dates sort before NULL).
            f"SELECT {_PLACE_COLS}, agg.n, agg.ns, agg.lo, agg.hi, (SELECT MIN(e.date) FROM place_statements e "
            "WHERE e.place_id = agg.place_id AND e.date IS NOT NULL) FROM agg "
            "JOIN places p ON p.place_id = agg.place_id ORDER BY agg.n DESC, p.place_id",
            params,
        )
        return [PlaceSummary(_place(r), int(r[9]), int(r[10]), r[11], r[12], r[13]) for r in rows]

    def mentions(self, selection: Selection | None = None, *, place_id: str | None = None,
                 located_only: bool = False, newest_first: bool = False) -> list[MentionOut]:
        """Mentions of the selected statements with their dates and sentences (of one place if given).

        Text order within a statement; statements oldest first (``newest_first``: newest
        first), undated statements last either way.
        """
        where, params = (selection or Selection()).where()
        conds = [where]
        if place_id is not None:
            conds.append("m.place_id = ?")
            params.append(place_id)
        elif located_only:
            conds.append("m.place_id IS NOT NULL")
        order = "s.date DESC, s.id DESC" if newest_first else "s.date, s.id"
        rows = self._read(
            # substr counts characters (code points), as Python's offsets do; SQLite's is 1-based.
            f"SELECT s.id, s.date, s.source, s.lang, {_MENTION_COLS}, "
            "substr(s.text, m.sentence_start + 1, m.sentence_end - m.sentence_start) "
            # CROSS JOIN keeps statements outside: each statement's row (and text) is found once, its mentions
            # follow by primary key; the other way round read a statement's text once per mention (2x slower).
            f"FROM statements s CROSS JOIN mentions m ON m.statement_id = s.id WHERE {' AND '.join(conds)} "
            f"ORDER BY s.date IS NULL, {order}, m.start",
            params,
        )
        # One PlaceRow per place, shared by its mentions: joined per row, a country's outline (kilobytes
        # of WKB) was copied for each of its mentions, tens of thousands of times in a big export.
        places = {p.place_id: p for p in self.places({r[7] for r in rows if r[7] is not None})}
        return [MentionOut(int(r[0]), r[1], r[2], r[3], _mention(r, 4), r[13],
                           places.get(r[7]) if r[7] is not None else None) for r in rows]

    def movements(self, selection: Selection | None = None) -> list[MovementOut]:
        """Movements of the selected statements with their dates: statements oldest first (undated last), each
        statement's in text order."""
        where, params = (selection or Selection()).where()
        rows = self._read(
            "SELECT s.id, s.date, mv.record, mv.geometry FROM statements s CROSS JOIN movements mv "
            f"ON mv.statement_id = s.id WHERE {where} ORDER BY s.date IS NULL, s.date, s.id, mv.seq",
            params,
        )
        return [MovementOut(int(r[0]), r[1], json.loads(r[2]), json.loads(r[3])) for r in rows]

    def timeline(self, selection: Selection | None = None) -> list[tuple[str, str, int]]:
        """``(date, kind, mentions)`` per day and kind of place, for dated statements of the selection."""
        where, params = (selection or Selection()).where("ps.statement_id", "ps.date")
        return [(d, k, int(n)) for d, k, n in self._read(
            "SELECT ps.date, p.kind, SUM(ps.mentions) FROM place_statements ps JOIN places p "
            f"ON p.place_id = ps.place_id WHERE ps.date IS NOT NULL AND {where} "
            "GROUP BY ps.date, p.kind ORDER BY ps.date, p.kind", params)]

    def place_history(self, place_id: str, *, limit: int | None = None,
                      offset: int = 0) -> tuple[int, int, list[MentionOut]]:
        """A place's history: ``(statements, mentions, quotes)``; the quotes of the ``limit`` newest statements
        naming it (after ``offset``), newest first (undated last), text order within a statement.

        The counts are over the whole store, so a view can page through a place named thousands of times.
        """
        n_st, n_m = self._read("SELECT COUNT(*), COALESCE(SUM(mentions), 0) FROM place_statements "
                               "WHERE place_id = ?", (place_id,))[0]
        page = self._read(
            "SELECT statement_id FROM place_statements WHERE place_id = ? "
            "ORDER BY date IS NULL, date DESC, statement_id DESC LIMIT ? OFFSET ?",
            (place_id, -1 if limit is None else limit, offset))
        ids = tuple(int(r[0]) for r in page)
        quotes = self.mentions(Selection(ids=ids), place_id=place_id, newest_first=True) if ids else []
        return int(n_st), int(n_m), quotes

    # -- corrections (rows only; what they mean is the review module's business) ----------------------
    @staticmethod
    def _insert_correction(c: sqlite3.Connection, row: dict[str, Any]) -> int:
        cols = [k for k in CORRECTION_COLUMNS if k in row]
        names = ", ".join('"end"' if k == "end" else k for k in cols)
        cur = c.execute(f"INSERT INTO corrections ({names}) VALUES ({', '.join('?' * len(cols))})",
                        [row[k] for k in cols])
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def add_correction(self, *, scope: str, action: str, author: str, statement_sha256: str | None = None,
                       start: int | None = None, end: int | None = None, span_text: str | None = None,
                       old_place_id: str | None = None, new_place_id: str | None = None,
                       note: str | None = None, place: PlaceRow | None = None) -> int:
        """Record one correction and return its id; ``place`` (the new place's snapshot) is kept with it
        and in the places snapshot."""
        row: dict[str, Any] = {
            "statement_sha256": statement_sha256, "scope": scope, "action": action, "start": start, "end": end,
            "span_text": span_text, "old_place_id": old_place_id, "new_place_id": new_place_id, "author": author,
            "created_at": _now(), "note": note,
        }
        if place is not None:
            row.update(new_place_id=place.place_id, new_name=place.name, new_name_ar=place.name_ar,
                       new_kind=place.kind, new_country_code=place.country_code, new_lat=place.lat,
                       new_lon=place.lon)
        with self._write() as c:
            if place is not None:  # also in the snapshot: a user's own place stays on the map (see remove)
                self._put_places(c, (place,))
            return self._insert_correction(c, row)

    def import_corrections(self, rows: Sequence[dict[str, Any]]) -> tuple[int, int]:
        """Insert corrections read from a file, all in one transaction; ``(added, already here)``.

        A row equal to a stored one (same statement, action, span, places, author and time) is skipped,
        so importing the same file twice adds nothing. A row SQLite refuses rolls back every row.
        """
        added = same = 0
        with self._write() as c:
            for row in rows:
                key = ("statement_sha256", "scope", "action", "start", "end", "span_text", "old_place_id",
                       "new_place_id", "author", "created_at")
                cond = " AND ".join(('"end"' if k == "end" else k) + " IS ?" for k in key)  # "end" is a keyword
                found = c.execute(f"SELECT id FROM corrections WHERE {cond}", [row.get(k) for k in key]).fetchone()
                if found is not None:
                    same += 1
                    continue
                try:
                    self._insert_correction(c, row)
                except sqlite3.IntegrityError as e:
                    raise StoreError(f"a correction in the file breaks a rule of the store ({e}): {row}; "
                                     "nothing was imported") from None
                added += 1
        return added, same

    def undo_correction(self, correction_id: int, *, author: str) -> bool:
        """Mark a correction undone (it stays in the history); ``False`` if there is none to undo."""
        with self._write() as c:
            return c.execute("UPDATE corrections SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL",
                             (_now(), author, correction_id)).rowcount == 1

    def correction(self, correction_id: int) -> dict[str, Any] | None:
        """One correction (undone or not) as a dict, or ``None``."""
        rows = self.corrections(active_only=False, ids=(correction_id,))
        return rows[0] if rows else None

    def corrections(self, *, statement_sha256: str | None = None, active_only: bool = True,
                    ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
        """Corrections as dicts (column → value), oldest first; those of one statement plus the rules if asked."""
        conds, params = [], []
        if active_only:
            conds.append("undone_at IS NULL")
        if statement_sha256 is not None:
            conds.append("(statement_sha256 = ? OR statement_sha256 IS NULL)")
            params.append(statement_sha256)
        if ids is not None:
            conds.append("id IN (SELECT value FROM json_each(?))")
            params.append("[" + ",".join(str(int(i)) for i in ids) + "]")
        with self._errors():
            cur = self._conn.execute(
                f"SELECT * FROM corrections WHERE {' AND '.join(conds) or '1'} ORDER BY id", params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def statement_ids_by_sha(self, shas: Iterable[str] | None = None) -> dict[str, int]:
        """``sha256 → id`` of stored statements (all, or those of ``shas``)."""
        if shas is None:
            rows = self._read("SELECT sha256, id FROM statements")
        else:
            rows = self._read("SELECT sha256, id FROM statements WHERE sha256 IN (SELECT value FROM json_each(?))",
                              (_json_list(shas),))
        return {sha: int(i) for sha, i in rows}

    def texts(self, ids: Iterable[int]) -> dict[int, str]:
        """The stored texts of these statements, by id."""
        rows = self._read("SELECT id, text FROM statements WHERE id IN (SELECT value FROM json_each(?))",
                          ("[" + ",".join(str(int(i)) for i in ids) + "]",))
        return {int(i): t for i, t in rows}


def _json_list(values: Iterable[str]) -> str:
    import json

    return json.dumps(list(values))


def _title(head: str) -> str:
    """A statement's first line, shortened: how lists name it.

    >>> _title("  Riyadh, 9 February 2026\nThe ministry ...")
    'Riyadh, 9 February 2026'
    """
    line = head.strip().split("\n", 1)[0].strip()
    return line if len(line) <= 80 else line[:79].rstrip() + "…"


# -- opening -----------------------------------------------------------------------------------------
def _describe_foreign(head: bytes) -> str:
    from .textio import _MAGIC  # the same list of file kinds the uploads are checked against

    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if not head.strip():
        return "a file of blank bytes"
    try:
        head.decode("utf-8")
        return "a text file"
    except UnicodeDecodeError:
        return f"a file that starts with {head[:8]!r}"


def _check_existing(path: Path) -> None:
    """Refuse, without writing a byte, a file that is not a store of ours (or a damaged one)."""
    name = repr(str(path))
    untouched = "it was left untouched; give another path with --db or $GEO_DB"
    try:
        with path.open("rb") as f:
            head = f.read(100)
        st = path.stat()
    except IsADirectoryError:
        raise StoreError(f"{name} is a directory, not a store file; {untouched}") from None
    except OSError as e:
        raise StoreError(f"cannot read the store {name}: {e.strerror or e}") from None
    if not head:
        return  # an empty file: SQLite's own view of it is an empty database
    if not head.startswith(_SQLITE_MAGIC):
        raise StoreError(f"{name} is not a store: it is {_describe_foreign(head)}, not an SQLite database; "
                         f"{untouched}")
    if len(head) < 100:
        raise StoreError(f"{name} is damaged: an SQLite header cut short ({len(head)} bytes); {untouched}")
    sidecars = [path.with_name(path.name + x) for x in ("-wal", "-shm")]
    # A WAL file (bytes 18-19 = 2) that nobody has open (no -wal/-shm beside it) is read as
    # immutable: a read-only open of WAL would still create -shm and -wal files next to it.
    immutable = head[18:20] == b"\x02\x02" and not any(p.exists() for p in sidecars)
    try:
        _check_sqlite(path, st, immutable=immutable)
    except StoreError:
        if immutable and any(p.exists() for p in sidecars):
            # Another process opened it meanwhile and may be checkpointing: read it the shared way.
            _check_sqlite(path, st, immutable=False)
        else:
            raise


def _check_sqlite(path: Path, st: os.stat_result, *, immutable: bool) -> None:
    name = repr(str(path))
    untouched = "it was left untouched; give another path with --db or $GEO_DB"
    # Read-only: this connection can never write, checkpoint or recover the file.
    uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the store {name}: {e}") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        if app_id != APPLICATION_ID:
            if app_id == 0 and not tables:
                return  # an empty SQLite database: ours to set up
            listed = ", ".join(tables[:6]) + (", …" if len(tables) > 6 else "") or "none"
            raise StoreError(f"{name} is an SQLite database of another program (application id {app_id:#x}, "
                             f"tables: {listed}), not a store of ours; {untouched}")
        if version > SCHEMA_VERSION:
            raise StoreError(f"{name} was written by a newer version of this program (schema {version}; this one "
                             f"knows up to {SCHEMA_VERSION}); update it, or use another store; {untouched}")
        key = (str(path.resolve()), st.st_dev, st.st_ino)
        if key not in _checked:
            # Once per file per process: a damaged page must not meet a write.
            bad = [r[0] for r in conn.execute("PRAGMA quick_check(3)")]
            if bad != ["ok"]:
                raise StoreError(f"{name} is damaged ({'; '.join(bad)}); {untouched}")
            _checked.add(key)
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{name} is damaged or not a database ({e}); {untouched}") from None
    finally:
        conn.close()


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    if conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have set the store up meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if version == 0 and app_id == 0:
            others = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
            if others:  # someone else's tables appeared since the check
                raise StoreError(f"{str(path)!r} is not an empty database any more; it was left untouched")
        for k in range(version, SCHEMA_VERSION):
            for sql in MIGRATIONS[k]:
                conn.execute(sql)
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def open_store(db: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (and if needed create or upgrade) the store at :func:`resolve_db_path` ``(db)``.

    Raises :class:`StoreError` for a file that is not a store of ours, a damaged one, one
    from a newer version, or (with ``create=False``) a missing one; such files are never
    written to.
    """
    path = resolve_db_path(db)
    name = repr(str(path))
    if path.exists():
        _check_existing(path)
    elif not create:
        raise StoreError(f"there is no store at {name}; add a statement first (python -m geo add FILE)")
    else:
        parent = path.parent
        if db is None and not os.environ.get(DB_ENV):
            parent.mkdir(parents=True, exist_ok=True)  # our own default directory
        elif not parent.is_dir():
            raise StoreError(f"cannot create the store {name}: the folder {str(parent)!r} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as e:
        raise StoreError(f"cannot open the store {name}: {e}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":  # pragma: no cover - e.g. a network file system without shared memory
            raise StoreError(f"{name}: SQLite cannot use WAL mode here (got {mode!r}); put the store on a local disk")
        # WAL + NORMAL: a crash or power cut may lose the last commits, never corrupts the file.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        _migrate(conn, path)
    except sqlite3.OperationalError as e:
        conn.close()
        if "locked" in str(e) or "busy" in str(e):
            raise StoreError(f"{name}: the store stayed busy for {BUSY_TIMEOUT_S:.0f} s; try again") from None
        raise StoreError(f"cannot open the store {name}: {e}") from None
    except sqlite3.DatabaseError as e:
        conn.close()
        raise StoreError(f"{name} is damaged ({e}); it was left as it is") from None
    except BaseException:
        conn.close()
        raise
    return Store(path, conn)
