"""The collection's map (geo.collectionmap): sizes, new places, escaping; the browser tests draw it."""

from __future__ import annotations

import json
import re

from geo import LAYERS, mapview
from geo.collectionmap import (
    collection_bounds,
    collection_layer_data,
    collection_layer_groups,
    collection_radius,
    new_place_ids,
)
from geo.store import PlaceRow, PlaceSummary

HOSTILE = "<img src=x onerror=alert(1)>`${x}`</script>"


def summary(pid: str, kind: str, mentions: int, first_ever: str | None, name: str = "Homs",
            lat: float = 34.7, lon: float = 36.7) -> PlaceSummary:
    place = PlaceRow(pid, name, "حمص", kind, "SY", lat, lon, "test")
    return PlaceSummary(place, mentions, 1, first_ever, first_ever, first_ever)


def test_point_area_grows_with_mentions():
    sizes = [collection_radius(n, 400) for n in (0, 1, 100, 400)]
    assert sizes == sorted(sizes) and sizes[0] == 4.0 and sizes[-1] == 22.0
    # Area, not radius, is proportional to mentions: 4x the mentions, 2x the radius above the floor.
    assert (collection_radius(400, 400) - 4) == 2 * (collection_radius(100, 400) - 4)


def test_new_places_are_those_never_named_before_the_range():
    places = [summary("a", "city", 3, "2026-01-05"), summary("b", "city", 1, "2026-02-01"),
              summary("c", "city", 1, None)]
    assert new_place_ids(places, "2026-02-01") == {"b"}
    assert new_place_ids(places, None) == frozenset()


def test_bounds_prefer_places_smaller_than_countries():
    places = [summary("country:US", "country", 9, None, lat=39.5, lon=-99.0), summary("a", "city", 1, None),
              summary("b", "city", 1, None, lat=33.3, lon=44.4)]
    assert collection_bounds(places) == [[33.3, 36.7], [34.7, 44.4]]
    assert collection_bounds([]) is None


def test_layer_data_escapes_names_and_marks_new_places():
    places = [summary("geonames:1", "city", 5, "2026-02-01", name=HOSTILE), summary("geonames:2", "city", 1, None)]
    data = collection_layer_data(places, new={"geonames:1"})
    assert {k: n for k, (n, _) in data.items()} == {"countries": 0, "regions": 0, "natural": 0, "cities": 2, "camps": 0}
    js = data["cities"][1]
    assert "<" not in js and ">" not in js  # script-safe JSON: no tag can start or end in it
    rec = json.loads(js)["rec"]
    assert rec["geonames:1"]["name"] == "&lt;img src=x onerror=alert(1)&gt;&#96;&#36;&#123;x&#125;&#96;&lt;/script&gt;"
    assert "geo-new" in rec["geonames:1"]["css"] and "geo-new" not in rec["geonames:2"]["css"]
    assert rec["geonames:1"]["size"] > rec["geonames:2"]["size"]


def test_the_groups_render_into_the_offline_map():
    m = mapview.base_map()
    for g in collection_layer_groups([summary("geonames:1", "city", 2, "2026-02-01", name=HOSTILE)]):
        g.add_to(m)
    html = m.get_root().render()
    assert "<img" not in html and html.count("</script>") == html.count("<script")  # the name is only data
    assert len(re.findall(r"L\.geoJson\(d\.geojson", html)) == len(LAYERS)  # one layer each, empty ones kept
    assert "cdn" not in html.lower()
