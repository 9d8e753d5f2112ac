"""The 1:10m offline basemap in Chromium: drawn only at zoom ≥ 6, from cells inline (standalone file) or fetched
from the app's own static files (dashboard), never from anywhere else (the offline guard checks every request)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from test_dashboard import map_frame, open_dashboard, settle

pytestmark = pytest.mark.browser

BEIRUT = (33.8938, 35.5018)
DETAIL_PATHS = "() => document.querySelectorAll('.leaflet-geo-detail-pane path').length"


def set_view(target, lat: float, lon: float, zoom: int) -> None:
    target.evaluate(f"() => window.map.setView([{lat}, {lon}], {zoom}, {{animate: false}})")


def land_under(target, lat: float, lon: float) -> bool:
    """Whether a filled 1:10m land polygon covers the point (pixel-tested by the browser's own SVG geometry)."""
    return target.evaluate(
        """([lat, lon]) => {
          const p = window.map.latLngToContainerPoint([lat, lon]);
          const pane = document.querySelector('.leaflet-geo-detail-pane');
          const svg = pane.querySelector('svg');
          const pt = svg.createSVGPoint();
          const box = svg.getBoundingClientRect(), mapBox = window.map.getContainer().getBoundingClientRect();
          pt.x = p.x + mapBox.left - box.left; pt.y = p.y + mapBox.top - box.top;
          // land is the only path filled with the land colour and no stroke
          return [...pane.querySelectorAll('path')].some(e => e.getAttribute('stroke') === 'none'
            && e.getAttribute('fill') !== '#dbe9f4' && e.isPointInFill(pt));
        }""", [lat, lon])


def test_standalone_map_holds_beirut_on_land_at_city_zoom(page: Page, tmp_path, gaz):
    from geo import geoparse
    from geo.mapview import write_map_html

    situation = geoparse("وصل الوفد إلى بيروت في لبنان.", gazetteer=gaz)
    path = write_map_html(situation, tmp_path / "beirut.html")
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.set_viewport_size({"width": 900, "height": 600})
    page.goto(path.as_uri())
    page.wait_for_function("() => Object.keys(window).some(k => k.startsWith('map_'))")
    page.evaluate("() => { window.map = window[Object.keys(window).find(k => k.startsWith('map_'))]; }")
    set_view(page, *BEIRUT, 4)
    assert page.evaluate(DETAIL_PATHS) == 0  # low zoom: the 1:110m outlines only
    set_view(page, *BEIRUT, 12)
    page.wait_for_function(DETAIL_PATHS + " > 0")
    assert land_under(page, *BEIRUT)
    assert not land_under(page, 33.90, 35.44)  # 6 km out to sea
    assert requests == [path.as_uri()]  # the cells travel inside the file


def test_dashboard_fetches_cells_from_its_own_static_files(page: Page, app_url):
    fetched: list[str] = []
    page.on("response", lambda r: fetched.append(f"{r.status} {r.url}") if "natural-earth" in r.url else None)
    open_dashboard(page, app_url)
    frame = map_frame(page)
    assert not fetched  # the first map (zoom < 6) asks for no detail
    set_view(frame, *BEIRUT, 11)
    settle(page)
    frame.wait_for_function(DETAIL_PATHS + " > 0")
    assert fetched and all(f.startswith("200 ") and "/app/static/vendor/natural-earth/10m/" in f for f in fetched)
    assert land_under(frame, *BEIRUT)
