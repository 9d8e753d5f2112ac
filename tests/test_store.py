"""The store (geo.store): a real SQLite file in a temporary folder, several processes, foreign and damaged files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from geo import StoreError, geoparse
from geo import store as store_mod
from geo.collection import add_situation, new_statement, parser_version, reparse
from geo.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    MentionRow,
    NewStatement,
    PlaceRow,
    Selection,
    open_store,
    resolve_db_path,
    text_sha256,
)

ROOT = Path(__file__).resolve().parent.parent
HOMS = PlaceRow("geonames:169577", "Homs", "حمص", "city", "SY", 34.73, 36.72, "GeoNames")
IDLIB = PlaceRow("geonames:169388", "Idlib", "إدلب", "city", "SY", 35.93, 36.63, "GeoNames")


def statement(text: str, *, date: str | None = None, places: tuple[PlaceRow, ...] = (HOMS,),
              version: str = "test-1") -> NewStatement:
    """A statement naming each place once, at its name's first occurrence in ``text``."""
    mentions = []
    for p in places:
        i = text.index(p.name)
        mentions.append(MentionRow(i, i + len(p.name), p.name, p.place_id, 0.9, "test", "", 0, len(text)))
    return NewStatement(text=text, lang="en", parser_version=version, mentions=tuple(mentions), places=places,
                        date=date, date_source="text" if date else None)


def test_same_text_twice_is_stored_once(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        first = s.add(statement("Talks in Homs."))
        again = s.add(statement("Talks in Homs."))
        other = s.add(statement("Talks in Homs!"))
        assert first == (1, True) and again == (1, False) and other == (2, True)
        assert s.count() == 2
        assert s.find("Talks in Homs.") == 1 and s.find("nothing") is None


def test_ids_are_never_reused_and_rm_drops_mentions_and_orphan_places(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        a, _ = s.add(statement("Talks in Homs.", places=(HOMS,)))
        b, _ = s.add(statement("Talks in Idlib and Homs.", places=(IDLIB, HOMS)))
        assert s.remove([b, 99]) == [b]
        assert [p.place_id for p in s.places()] == [HOMS.place_id]  # Idlib is named by nothing any more
        assert len(s.mentions()) == 1
        c, created = s.add(statement("Talks in Idlib and Homs.", places=(IDLIB, HOMS)))
        assert created and c == b + 1  # AUTOINCREMENT: a removed statement's id stays retired
        assert [r.id for r in s.statements()] == [a, c]


def test_the_file_is_sqlite_in_wal_mode_marked_as_ours(tmp_path):
    path = tmp_path / "c.db"
    open_store(path).close()
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"statements", "mentions", "places", "corrections", "meta"} <= tables
    finally:
        raw.close()


def test_path_from_argument_then_environment_then_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(tmp_path / "arg.db") == tmp_path / "arg.db"
    assert resolve_db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("GEO_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_db_path(None) == tmp_path / "xdg" / "geo-situation-map" / "collection.sqlite3"
    with open_store() as s:  # the default folder is created
        assert s.path.exists() and s.count() == 0


def test_a_missing_folder_is_a_message(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "c.db")
    with pytest.raises(StoreError, match="there is no store"):
        open_store(tmp_path / "absent.db", create=False)


_WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from geo.store import open_store, NewStatement, MentionRow, PlaceRow
    who, start_at = sys.argv[1], float(sys.argv[2])
    place = PlaceRow("geonames:169577", "Homs", "حمص", "city", "SY", 34.73, 36.72, "GeoNames")
    while time.time() < start_at:  # both writers start together
        time.sleep(0.005)
    for i in range(20):
        text = f"Statement {{i}} of writer {{who}} about Homs."
        with open_store(sys.argv[3]) as s:
            s.add(NewStatement(text=text, lang="en", parser_version="t", places=(place,),
                               mentions=(MentionRow(text.index("Homs"), text.index("Homs") + 4, "Homs",
                                                    place.place_id, 0.9, "t", "", 0, len(text)),)))
            s.add(NewStatement(text="Both writers add this text.", lang="en", parser_version="t",
                               mentions=(), places=()))
    print("done", who)
""")


def test_two_processes_adding_20_each_end_with_40_and_no_error(tmp_path):
    db = tmp_path / "shared.db"
    start_at = f"{time.time() + 2.0:.3f}"  # time for both interpreters to start
    script = _WRITER.format(root=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", script, who, start_at, str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for who in ("a", "b")]
    results = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, results, strict=True):
        assert p.returncode == 0, err
        assert err == "" and out.startswith("done")
    with open_store(db) as s:
        rows = s.statements()
        assert len(rows) == 41  # 20 + 20, and the text both added once
        assert sum(r.title == "Both writers add this text." for r in rows) == 1
        assert len(s.mentions()) == 40
        assert s.generation >= 41  # every write moved the counter


def _store_with_data(path: Path, n: int = 60) -> None:
    with open_store(path) as s:
        for i in range(n):
            s.add(statement(f"Statement {i} about Homs. " + "More words here. " * 40, date=f"2026-01-{i % 28 + 1:02d}"))


def _foreign_sqlite(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    raw.execute("INSERT INTO invoices (total) VALUES (12.5)")
    raw.commit()
    raw.close()


def _other_app_id(path: Path) -> None:
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA application_id = 1234")
    raw.commit()
    raw.close()


def _truncated(path: Path) -> None:
    _store_with_data(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged_page(path: Path) -> None:
    _store_with_data(path)
    data = bytearray(path.read_bytes())
    page = 4096
    for k in range(page * 3, page * 5):  # two pages in the middle turned to noise
        data[k] = (k * 131) % 256
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    _store_with_data(path, n=1)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_text("Just some notes.\n", encoding="utf-8"), "is not a store: it is a text file"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), "it is a PNG image"),
    (lambda p: p.write_bytes(bytes((i * 97 + 13) % 256 for i in range(5000))), "not an SQLite database"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x10\x00"), "header cut short"),
    (_foreign_sqlite, "another program .*tables: invoices"),
    (_other_app_id, r"application id 0x4d2"),
    (_truncated, "damaged"),
    (_damaged_page, "damaged"),
    (_newer, "newer version"),
], ids=["text", "png", "noise", "short-header", "foreign-tables", "other-app-id", "truncated", "damaged-page",
        "newer-schema"])
def test_a_file_that_is_not_our_store_is_refused_and_left_untouched(tmp_path, make, message):
    path = tmp_path / "c.db"
    make(path)
    for side in (path.with_name("c.db-wal"), path.with_name("c.db-shm")):
        side.unlink(missing_ok=True)  # a clean, closed file, as a user would hand it over
    before = path.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError, match=message) as err:
        open_store(path)
    assert "untouched" in str(err.value) or "left as it is" in str(err.value)
    assert str(path) in str(err.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # not even a -wal or -shm file


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="is a directory"):
        open_store(tmp_path)


def test_an_empty_file_or_empty_sqlite_database_becomes_a_store(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).execute("VACUUM").connection.close()
    for path in (empty, blank):
        with open_store(path) as s:
            s.add(statement("Talks in Homs."))
            assert s.count() == 1


def test_an_old_store_is_migrated_and_keeps_its_statements(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    with open_store(path) as s:
        s.add(statement("Talks in Homs.", date="2026-02-01"))
    # A later version of the program adds a column: one more entry in the migrations list.
    later = [*store_mod.MIGRATIONS, ("ALTER TABLE statements ADD COLUMN note TEXT",
                                     "UPDATE statements SET note = 'migrated'")]
    monkeypatch.setattr(store_mod, "MIGRATIONS", later)
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", len(later))
    with open_store(path) as s:
        assert [r.title for r in s.statements()] == ["Talks in Homs."]
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert raw.execute("SELECT note FROM statements").fetchall() == [("migrated",)]
    finally:
        raw.close()


def test_a_failing_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "c.db"
    with open_store(path) as s:
        s.add(statement("Talks in Homs."))
    later = [*store_mod.MIGRATIONS, ("ALTER TABLE statements ADD COLUMN note TEXT", "THIS IS NOT SQL")]
    monkeypatch.setattr(store_mod, "MIGRATIONS", later)
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", len(later))
    with pytest.raises(StoreError, match="syntax error"):
        open_store(path)
    raw = sqlite3.connect(path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        cols = [r[1] for r in raw.execute("PRAGMA table_info(statements)")]
        assert "note" not in cols  # the whole upgrade was rolled back
    finally:
        raw.close()


def test_selection_by_ids_and_dates_keeps_undated_only_when_asked(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        jan, _ = s.add(statement("Homs in January.", date="2026-01-10"))
        feb, _ = s.add(statement("Homs in February.", date="2026-02-10"))
        und, _ = s.add(statement("Homs, some day."))

        def ids(sel: Selection | None = None) -> list[int]:
            return [r.id for r in s.statements(sel)]

        assert ids() == [jan, feb, und]  # dated by date, undated last, none dropped
        assert ids(Selection(date_from="2026-02-01")) == [feb]
        assert ids(Selection(date_to="2026-01-31", include_undated=True)) == [jan, und]
        assert ids(Selection(ids=(und, jan))) == [jan, und]
        assert s.date_bounds() == ("2026-01-10", "2026-02-10", 1)


def test_place_summaries_say_when_a_place_was_first_seen(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        s.add(statement("Homs in January.", date="2026-01-10"))
        s.add(statement("Homs and Idlib in February.", date="2026-02-10", places=(HOMS, IDLIB)))
        s.add(statement("Idlib again in February.", date="2026-02-20", places=(IDLIB,)))
        feb = {p.place.place_id: p for p in s.place_summaries(Selection(date_from="2026-02-01"))}
        assert feb[IDLIB.place_id].mentions == 2 and feb[IDLIB.place_id].statements == 2
        assert (feb[IDLIB.place_id].first_seen, feb[IDLIB.place_id].last_seen) == ("2026-02-10", "2026-02-20")
        assert feb[IDLIB.place_id].first_seen_ever == "2026-02-10"  # new in February
        assert feb[HOMS.place_id].first_seen_ever == "2026-01-10"  # seen before February
        assert s.timeline() == [("2026-01-10", "city", 1), ("2026-02-10", "city", 2), ("2026-02-20", "city", 1)]


def test_sentences_come_back_by_code_point_offsets(tmp_path, gaz):
    # An astral character (4 bytes in UTF-8, 1 code point) and Arabic marks before the place.
    text = "🛰️ رصدٌ أوّل. اجتمع الوفد في دمشق يوم 9 شباط 2026. ثم غادر."
    situation = geoparse(text, gazetteer=gaz)
    with open_store(tmp_path / "c.db") as s:
        add_situation(s, situation)
        (m,) = s.mentions(place_id="geonames:170654")
        assert text[m.mention.start : m.mention.end] == m.mention.surface == "دمشق"
        assert m.sentence == text[m.mention.sentence_start : m.mention.sentence_end]
        assert m.date == "2026-02-09"


def test_reparse_updates_statements_of_another_parser_version(tmp_path, gaz):
    text = "Talks in Homs on 9 February 2026, then in Idlib."
    with open_store(tmp_path / "c.db") as s:
        given = new_statement(geoparse(text, gazetteer=gaz), date="2025-12-31")
        # As an older parser left it: one mention only, an old version string.
        old = NewStatement(text=text, lang="en", parser_version="p0-old", mentions=given.mentions[:1],
                           places=given.places[:1], date="2025-12-31", date_source="given")
        sid, _ = s.add(old)
        assert s.stale_statements(parser_version()) == [(sid, text, "2025-12-31")]
        assert reparse(s, lambda t: geoparse(t, gazetteer=gaz)) == 1
        row = s.statement(sid)
        assert row.parser_version == parser_version()
        assert row.place_ids == ("geonames:169577", "geonames:169389")
        assert (row.date, row.date_source) == ("2025-12-31", "given")  # the user's date stays
        assert reparse(s, lambda t: geoparse(t, gazetteer=gaz)) == 0


def test_corrections_table_keeps_rows_and_undo(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        s.add(statement("Talks in Homs."))
        sha = text_sha256("Talks in Homs.")
        cid = s.add_correction(scope="mention", action="reject", author="analyst", statement_sha256=sha,
                               start=9, end=13, span_text="Homs", old_place_id=HOMS.place_id)
        rule = s.add_correction(scope="everywhere", action="choose", author="analyst", span_text="Homs",
                                old_place_id=HOMS.place_id, new_place_id="user:homs-office",
                                place=PlaceRow("user:homs-office", "Homs office", "", "facility", "SY", 34.7, 36.7,
                                               "user"))
        assert [c["id"] for c in s.corrections(statement_sha256=sha)] == [cid, rule]
        assert s.undo_correction(cid, author="analyst") and not s.undo_correction(cid, author="analyst")
        assert [c["id"] for c in s.corrections()] == [rule]
        assert [c["id"] for c in s.corrections(active_only=False)] == [cid, rule]
        s.remove([1])
        assert [p.place_id for p in s.places()] == ["user:homs-office"]  # a user's place outlives the statements
        with pytest.raises(StoreError, match="CHECK constraint"):
            s.add_correction(scope="everywhere", action="reject", author="a", statement_sha256=sha)


def test_two_threads_each_with_its_own_connection_lose_nothing(tmp_path):
    """As two dashboard sessions: each run opens its own connection on its own thread."""
    import threading

    db = tmp_path / "sessions.db"
    open_store(db).close()
    errors: list[BaseException] = []

    def session(who: str) -> None:
        try:
            for i in range(20):
                with open_store(db) as s:
                    s.add(statement(f"Session {who}, note {i}, about Homs.", date=f"2026-02-{i + 1:02d}"))
        except BaseException as e:  # collected, so the test fails with the cause
            errors.append(e)

    threads = [threading.Thread(target=session, args=(w,)) for w in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert errors == []
    with open_store(db) as s:
        assert s.count() == 40 and len(s.mentions()) == 40


def test_a_place_history_pages_through_statements_newest_first(tmp_path):
    with open_store(tmp_path / "c.db") as s:
        for i in range(5):
            s.add(statement(f"Homs on day {i}; Homs again.", date=f"2026-01-0{i + 1}"))
        s.add(statement("Homs, some day."))
        s.add(statement("Idlib only.", date="2026-01-09", places=(IDLIB,)))
        n_statements, n_quotes, first = s.place_history(HOMS.place_id, limit=2)
        assert (n_statements, n_quotes) == (6, 6)
        assert [m.date for m in first] == ["2026-01-05", "2026-01-04"]
        _, _, rest = s.place_history(HOMS.place_id, limit=10, offset=4)
        assert [m.date for m in rest] == ["2026-01-01", None]  # undated last
        assert s.place_history("geonames:0") == (0, 0, [])
