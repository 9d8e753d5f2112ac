"""A click on empty map (st_folium's ``last_clicked``) told apart from a click on a marker; the new point's marker."""

from __future__ import annotations

import folium

from geo.mapview import NEW_POINT_CLASS, NEW_POINT_LABEL, empty_map_click, new_point_group

DRAWN = {"last_active_drawing": None, "last_object_clicked_count": 0, "last_clicked": None}


def test_a_new_click_on_empty_map_gives_its_point():
    clicked = {**DRAWN, "last_clicked": {"lat": 33.1234567, "lng": 44.5}}
    assert empty_map_click(clicked, DRAWN) == (33.123457, 44.5)
    assert empty_map_click(clicked, None) == (33.123457, 44.5)  # the first report of a session


def test_the_same_click_reported_again_is_not_new():
    clicked = {**DRAWN, "last_clicked": {"lat": 33.0, "lng": 44.0}}
    assert empty_map_click(clicked, clicked) is None
    assert empty_map_click(DRAWN, None) is None and empty_map_click(None, DRAWN) is None


def test_a_click_on_a_marker_is_not_a_click_on_empty_map():
    """Leaflet bubbles a marker's click up to the map: last_clicked changes, and so does the object count."""
    on_marker = {"last_active_drawing": {"properties": {"place_id": "x"}}, "last_object_clicked_count": 1,
                 "last_clicked": {"lat": 24.7, "lng": 46.7}}
    assert empty_map_click(on_marker, DRAWN) is None


def test_longitudes_past_the_antimeridian_are_wrapped_and_bad_points_ignored():
    assert empty_map_click({**DRAWN, "last_clicked": {"lat": 10.0, "lng": 370.0}}, DRAWN) == (10.0, 10.0)
    assert empty_map_click({**DRAWN, "last_clicked": {"lat": 10.0, "lng": -190.0}}, DRAWN) == (10.0, 170.0)
    for bad in ({"lat": 95.0, "lng": 0.0}, {"lat": "x", "lng": 0.0}, {"lat": float("nan"), "lng": 0.0}, {"lat": 1}):
        assert empty_map_click({**DRAWN, "last_clicked": bad}, DRAWN) is None, bad


def test_the_new_points_marker_is_small_escaped_and_does_not_bubble():
    group = new_point_group(33.3, 44.4, "<img src=x onerror=alert(1)> `${x}`")
    assert group.layer_name == NEW_POINT_LABEL
    m = folium.Map()
    group.add_to(m)
    html = m.get_root().render()
    assert NEW_POINT_CLASS in html and "[33.3, 44.4]" in html
    assert '"bubblingMouseEvents": false' in html  # a click on it is not a click on empty map
    assert "<img src=x" not in html and "`${x}`" not in html
    # Deterministic: the same point draws the same code (the map does not reload).
    names = [[c.get_name() for c in new_point_group(33.3, 44.4)._children.values()] for _ in range(2)]
    assert names[0] == names[1] and names[0][0].startswith("circle_marker_")
