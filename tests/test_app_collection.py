"""The Collection view's script under streamlit.testing.v1.AppTest (no browser), on temporary store files."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo import geoparse
from geo.collection import add_situation
from geo.store import open_store


def collection_script() -> None:
    """The Collection view alone, with hooks like app.py's (its current statement names Baghdad)."""
    import streamlit as st

    from geo import geoparse
    from views.collection import Hooks, collection_page

    def init_state() -> bool:
        if "statement" in st.session_state:
            return False
        st.session_state.statement = {"text": "Talks in Baghdad on 3 March 2026.", "label": "test statement",
                                      "stem": "test"}
        return True

    collection_page(Hooks(parse=geoparse, init_state=init_state, statement_page=None))


def open_view(db, monkeypatch) -> AppTest:
    monkeypatch.setenv("GEO_DB", str(db))
    at = AppTest.from_function(collection_script, default_timeout=180)
    at.run()  # a session's first run: the map only
    assert not at.exception, at.exception
    at.run()  # the rest of the page
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value for c in at.caption]


def test_a_fresh_store_starts_with_the_bundled_statements(tmp_path, monkeypatch, gaz):
    db = tmp_path / "new.sqlite3"
    at = open_view(db, monkeypatch)
    assert "2 statements · dated 2026-02-09 · 0 undated" in captions(at)
    with open_store(db) as s:
        assert [r.source for r in s.statements()] == ["bundled: statement-2026-02-09-riyadh.ar.txt",
                                                      "bundled: statement-2026-02-09-riyadh.en.txt"]
        s.remove([1, 2])
    # Removing them is final: a new session does not add them again.
    at = open_view(db, monkeypatch)
    assert "0 statements · dated no dates · 0 undated" in captions(at)


def test_add_the_current_statement_with_one_click(tmp_path, monkeypatch, gaz):
    db = tmp_path / "c.sqlite3"
    at = open_view(db, monkeypatch)
    at.button(key="coll_add_current").click().run()
    assert not at.exception
    assert any("test statement: added as #3 (2026-03-03, 1 places)" in s.value for s in at.success)
    at.button(key="coll_add_current").click().run()
    assert any("already in the collection as #3" in s.value for s in at.info)
    assert "3 statements · dated 2026-02-09 – 2026-03-03 · 0 undated" in captions(at)


@pytest.mark.parametrize("content", [b"my notes, not a database\n", b"SQLite format 3\x00" + bytes(200)])
def test_a_store_that_is_not_ours_is_a_message_and_stays_untouched(tmp_path, monkeypatch, content):
    db = tmp_path / "c.sqlite3"
    db.write_bytes(content)
    monkeypatch.setenv("GEO_DB", str(db))
    at = AppTest.from_function(collection_script, default_timeout=180)
    at.run()
    assert not at.exception
    (err,) = at.error
    assert err.value.startswith("The collection cannot be shown:") and "untouched" in err.value
    assert db.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.sqlite3"]


def test_a_long_list_shows_the_newest_and_the_undated_and_says_so(tmp_path, monkeypatch, gaz):
    import views.collection

    db = tmp_path / "c.sqlite3"
    with open_store(db) as s:
        s.set_meta("seeded_bundled", "1")  # no bundled statements: only these four
        for text in ("Baghdad, 1 March 2026 — talks.", "Baghdad, 2 March 2026 — talks.",
                     "Baghdad, 3 March 2026 — talks.", "Talks in Baghdad, some day."):
            add_situation(s, geoparse(text, gazetteer=gaz))
    monkeypatch.setattr(views.collection, "TABLE_ROWS", 2)
    at = open_view(db, monkeypatch)
    table = at.dataframe(key="coll_table").value
    assert list(table["date"]) == ["2026-03-03", "2026-03-02", ""]  # newest first, the undated one kept
    assert any("Shown: the 2 newest dated and 1 undated" in c for c in captions(at))
