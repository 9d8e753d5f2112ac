"""Review and correct in the Statement view (views/review.py), run with AppTest on a temporary store."""

from __future__ import annotations

import pytest
from test_app import MAP_DRAWN, map_args, map_reports, open_app, place_ids


@pytest.fixture()
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("GEO_DB", str(tmp_path / "c.db"))
    at = open_app()
    map_reports(at, MAP_DRAWN)
    return at


def test_a_rejected_place_leaves_the_map_and_the_table_and_comes_back_after_undo(app):
    before = place_ids(app)
    target = "curated:roj-camp" if "curated:roj-camp" in before else sorted(before)[0]
    app.text_input(key="review_who").input("ana").run()
    app.selectbox(key="review_place").select(target).run()
    app.button(key="review_reject").click().run()
    assert not app.exception
    assert target not in place_ids(app) and target not in map_args(app)["feature_group"]
    assert any("Saved as correction 1" in s.value for s in app.success)
    undo = app.button(key="review_undo_1")
    undo.click().run()
    assert place_ids(app) == before and target in map_args(app)["feature_group"]


def test_mark_reviewed_and_a_bad_span_gives_a_message(app):
    app.text_input(key="review_span").input("no such words here").run()
    app.button[[b.label for b in app.button].index("Add")].click().run()
    assert any("the statement has no" in e.value for e in app.error)
    app.button(key="review_done").click().run()
    assert any("marked reviewed" in c.value for c in app.caption)
