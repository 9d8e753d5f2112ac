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
    app.toggle(key="review_adding").set_value(True).run()
    app.text_input(key="review_span").input("no such words here").run()
    app.button[[b.label for b in app.button].index("Add")].click().run()
    assert any("the statement has no" in e.value for e in app.error)
    app.button(key="review_done").click().run()
    assert any("marked reviewed" in c.value for c in app.caption)


RIYADH, AR_RIYAD_IQ = "geonames:108410", "geonames:98697"


def test_the_candidates_of_the_place_under_review_are_faint_markers_and_a_click_chooses_one(app, tmp_path):
    """Issue 11: the parser's other readings of a place show on the map while it is reviewed; clicking one
    stores a "choose" correction in the panel's scope, and the map and the table show the new place."""
    from geo.mapview import CANDIDATES_LABEL, candidate_css_class
    from geo.store import open_store

    assert CANDIDATES_LABEL not in map_args(app)["layer_control"]  # no place under review: no candidates
    app.radio(key="review_scope").set_value("Every mention of this name in this statement").run()
    app.selectbox(key="review_place").select(RIYADH).run()
    group = map_args(app)["feature_group"]
    assert CANDIDATES_LABEL in map_args(app)["layer_control"] and candidate_css_class(AR_RIYAD_IQ) in group
    assert '"candidate_of":"geonames:108410"' in group and '"place_id":"geonames:98697"' not in group
    # A click on a candidate's marker: st_folium reports its feature.
    map_reports(app, {"last_active_drawing": {"type": "Feature", "properties": {
        "candidate_id": AR_RIYAD_IQ, "candidate_of": RIYADH}}, "last_object_clicked_popup": None,
        "last_object_clicked_count": 1})
    assert RIYADH not in place_ids(app) and AR_RIYAD_IQ in place_ids(app)
    assert any("Saved as correction 1" in s.value for s in app.success)
    with open_store(tmp_path / "c.db", create=False) as store:
        (row,) = store.corrections()
    assert (row["action"], row["scope"], row["old_place_id"], row["new_place_id"]) == (
        "choose", "statement", RIYADH, AR_RIYAD_IQ)
    # The chosen place is now under review: its candidates (Riyadh among them) are on the map.
    assert app.session_state["review_place"] == AR_RIYAD_IQ
    assert candidate_css_class(RIYADH) in map_args(app)["feature_group"]
    # The same report again (the component keeps its value) chooses nothing more.
    app.run()
    with open_store(tmp_path / "c.db", create=False) as store:
        assert len(store.corrections()) == 1


def test_a_click_on_a_candidate_of_a_place_not_under_review_does_nothing(app, tmp_path):
    map_reports(app, {"last_active_drawing": {"type": "Feature", "properties": {
        "candidate_id": AR_RIYAD_IQ, "candidate_of": RIYADH}}, "last_object_clicked_popup": None,
        "last_object_clicked_count": 1})
    assert RIYADH in place_ids(app) and not (tmp_path / "c.db").exists()


def test_reject_in_every_statement_records_a_rule(app, tmp_path):
    """The panel's reject in the scope "This name in every statement" is a rule for every statement (before, it
    was silently recorded for this statement only)."""
    from geo.store import open_store

    app.radio(key="review_scope").set_value("This name in every statement (also those added later)").run()
    app.selectbox(key="review_place").select("curated:roj-camp").run()
    app.button(key="review_reject").click().run()
    assert not app.exception and "curated:roj-camp" not in place_ids(app)
    with open_store(tmp_path / "c.db", create=False) as store:
        (row,) = store.corrections()
    assert (row["scope"], row["action"], row["statement_sha256"], row["old_place_id"]) == (
        "everywhere", "reject", None, "curated:roj-camp")


def test_a_click_on_empty_map_while_adding_sets_the_point_which_is_then_named_and_saved(app, tmp_path):
    """Issue 11: "click the map to set a point and name it". Only while the add form is open, and only a click
    on empty map: a click on a place still selects it."""
    from test_app import MAP_DRAWN

    from geo.mapview import NEW_POINT_CLASS, place_css_class
    from geo.store import open_store

    drawn = {**MAP_DRAWN, "last_clicked": None}
    map_reports(app, drawn)
    # Form closed: a click on empty map sets nothing.
    map_reports(app, {**drawn, "last_clicked": {"lat": 25.5, "lng": 47.25}})
    assert app.session_state["selected"] is None and NEW_POINT_CLASS not in map_args(app)["feature_group"]
    assert "review_lat" not in app.session_state
    app.toggle(key="review_adding").set_value(True).run()
    map_reports(app, {**drawn, "last_clicked": {"lat": 24.9012341, "lng": 46.1}})
    assert (app.number_input(key="review_lat").value, app.number_input(key="review_lon").value) == (24.901234, 46.1)
    assert NEW_POINT_CLASS in map_args(app)["feature_group"]
    # A click on a place (its count goes up; Leaflet also reports the map click under it) selects the place and
    # leaves the point where it was.
    map_reports(app, {**drawn, "last_active_drawing": {"type": "Feature", "properties": {"place_id": RIYADH}},
                      "last_object_clicked_count": 1, "last_clicked": {"lat": 24.69, "lng": 46.72}})
    assert app.session_state["selected"] == RIYADH
    assert (app.number_input(key="review_lat").value, app.number_input(key="review_lon").value) == (24.901234, 46.1)
    app.text_input(key="review_span").input("وزارة الخارجية")
    app.text_input(key="review_name").input("Foreign ministry")
    app.button[[b.label for b in app.button].index("Add")].click().run()
    assert not app.exception, app.exception
    assert any("Saved as correction 1" in s.value for s in app.success), [e.value for e in app.error]
    with open_store(tmp_path / "c.db", create=False) as store:
        (row,) = store.corrections()
    assert (row["action"], row["span_text"]) == ("add", "وزارة الخارجية")
    assert row["new_place_id"] in place_ids(app)
    group = map_args(app)["feature_group"]
    assert place_css_class(row["new_place_id"]) in group
    # Added: the form closes and its point's marker goes (the place's own marker stays).
    assert NEW_POINT_CLASS not in group and not app.toggle(key="review_adding").value


def test_two_stores_numbering_their_corrections_alike_do_not_share_a_corrected_view(tmp_path, monkeypatch):
    """The corrected view of a statement is remembered per set of corrections: two stores whose first corrections
    share an id and a second (a new file, another --db) must each show their own."""
    import geo.store
    from geo import geoparse
    from geo.store import open_store, text_sha256
    from views.review import corrected

    situation = geoparse("Fighting in Homs and Aleppo; aid reached Idlib.", lang="en")
    ids = sorted({sp.place.place_id for sp in situation.places})
    assert len(ids) >= 2, ids
    monkeypatch.setattr(geo.store, "_now", lambda: "2026-12-05T10:00:00Z")  # both in the same second
    shown = []
    for n, rejected in enumerate(ids[:2]):
        db = tmp_path / f"c{n}.db"
        monkeypatch.setenv("GEO_DB", str(db))
        with open_store(db) as store:
            assert store.add_correction(scope="statement", action="reject", author="ana", old_place_id=rejected,
                                        statement_sha256=text_sha256(situation.text)) == 1
        shown.append({sp.place.place_id for sp in corrected(situation)[0].places})
    assert ids[0] not in shown[0] and ids[1] in shown[0]
    assert ids[1] not in shown[1] and ids[0] in shown[1]
