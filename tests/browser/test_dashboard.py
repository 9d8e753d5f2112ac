"""The dashboard in headless Chromium: map, layers, linking both ways, downloads, exports, escaping.

Every test runs under the offline guard (no request leaves 127.0.0.1) and the dialog
guard (no alert/confirm/prompt), both in conftest.py.
"""

from __future__ import annotations

import json

import pytest
from browser_helpers import FIRST_LOAD_TIMEOUT_MS, IDLE, MAP_IFRAME
from playwright.sync_api import Frame, FrameLocator, Page, expect

pytestmark = pytest.mark.browser

#: The seed statement's places, by layer (place_id → CSS class geo-place-...).
SEED_LAYERS = {
    "countries": ["country:US", "country:SY", "country:SA", "country:IQ"],
    "regions": ["curated:northeast-syria"],
    "cities": ["geonames:108410", "geonames:170654", "geonames:98182"],
    "camps": ["curated:al-hol-camp", "curated:roj-camp"],
}
HOSTILE_BITS = ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "`", "${alert(1)}")
HOSTILE = ("Talks in Baghdad <img src=x onerror=alert(1)> and <script>alert(1)</script>, "
           "a `backtick` and ${alert(1)} then on to Damascus.")


def css_class(place_id: str) -> str:
    from geo.mapview import place_css_class

    return place_css_class(place_id)


def open_dashboard(page: Page, url: str) -> FrameLocator:
    page.goto(url)
    frame = page.frame_locator(MAP_IFRAME)
    # Baghdad is inside the fitted view, so its marker becomes visible once the map is drawn.
    expect(frame.locator(f"path.{css_class('geonames:98182')}")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    # The drawn map reports to Python, and that run brings the rest of the page (app.py, main()):
    # wait until the places grid has drawn its rows (it is a skeleton while its code loads).
    expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    settle(page)
    return frame


def map_frame(page: Page) -> Frame:
    for f in page.frames:
        if "streamlit_folium" in f.url:
            return f
    raise AssertionError(f"no map frame among {[f.url for f in page.frames]}")


def settle(page: Page) -> None:
    """Wait until the map has finished any pan/zoom animation (a new view is applied with setView)."""
    map_frame(page).wait_for_function(
        "() => window.map && !window.map._animatingZoom && !(window.map._panAnim && window.map._panAnim._inProgress)"
    )
    page.wait_for_timeout(100)


def map_view(page: Page) -> tuple[float, float, int]:
    return tuple(map_frame(page).evaluate(
        "() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]"))


def download(page: Page, label: str, tmp_path) -> bytes:
    with page.expect_download() as d:
        page.get_by_role("button", name=label).click()
    return open(d.value.path(), "rb").read()


def test_map_shows_the_seed_places_in_their_layers(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    for layer, ids in SEED_LAYERS.items():
        expect(frame.locator(f"path.geo-layer-{layer}")).to_have_count(len(ids))
        for pid in ids:
            expect(frame.locator(f"path.geo-layer-{layer}.{css_class(pid)}")).to_have_count(1)
    labels = frame.locator(".leaflet-control-layers-overlays label")
    expect(labels).to_have_text(["Countries (4)", "Regions (1)", "Natural features (0)", "Cities and towns (3)",
                                 "Camps and facilities (2)", "➜Movements (5)"], use_inner_text=True)
    # The view is fitted on the Middle East (not stretched to the United States).
    lat, lon, zoom = map_view(page)
    assert 20 < lat < 38 and 35 < lon < 50 and zoom >= 4


def test_page_completes_even_if_the_map_never_reports(page: Page, app_url):
    """The first run shows the map only; if the map cannot report (here: its files fail), a timer completes it."""
    page.route("**/component/streamlit_folium.st_folium/**", lambda route: route.abort())
    page.goto(app_url)
    expect(page.locator(".st-key-places_table")).to_be_attached(timeout=60_000)
    # The labels fill in on the rerun the timer starts; a loaded machine can take more than the default 5 s.
    expect(page.locator(".st-key-layer_camps")).to_contain_text("Camps and facilities (2)", timeout=30_000)
    expect(page.get_by_role("button", name="GeoJSON (places)")).to_be_visible()


def test_layer_control_hides_and_shows_a_layer(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    camps = frame.locator("path.geo-layer-camps")
    toggle = frame.locator(".leaflet-control-layers-overlays label", has_text="Camps").locator("input")
    expect(camps).to_have_count(2)
    labels = frame.locator(".leaflet-tooltip.geo-label")
    expect(labels).to_have_count(5)  # names next to the 3 cities and 2 camps
    toggle.uncheck()
    expect(camps).to_have_count(0)
    expect(labels).to_have_count(3)  # the camps' labels go with them
    expect(frame.locator("path.geo-layer-cities")).to_have_count(3)  # the others stay
    toggle.check()
    expect(camps).to_have_count(2)
    expect(labels).to_have_count(5)
    expect(camps.first).to_be_visible()


def test_clicking_a_camp_shows_its_arabic_quote_right_to_left(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    frame.locator(f"path.{css_class('curated:al-hol-camp')}").click()
    quote = page.locator(".st-key-quotes_panel p.geo-quote")
    expect(quote).to_have_count(1, timeout=30_000)
    expect(quote).to_have_attribute("dir", "rtl")
    assert quote.evaluate("e => getComputedStyle(e).direction") == "rtl"
    expect(quote.locator("mark")).to_have_text("الهول")
    expect(quote).to_contain_text("إعادة دمج العائلات من مخيمي الهول وروج")
    expect(page.locator(".st-key-quotes_panel")).to_contain_text("al-Hol camp")
    # The same quote is in the map's popup.
    expect(frame.locator(".leaflet-popup-content mark")).to_have_text("الهول")


def test_choosing_baghdad_in_the_table_focuses_the_map(page: Page, app_url):
    open_dashboard(page, app_url)
    table = page.locator(".st-key-places_table")
    table.scroll_into_view_if_needed()
    # The grid is drawn on a canvas; its accessible mirror tells which row holds Baghdad.
    cell_id = table.locator("table td", has_text="Baghdad").first.get_attribute("id")  # glide-cell-<col>-<row>
    row = int(cell_id.rsplit("-", 1)[1])
    box = table.locator("canvas").first.bounding_box()
    header = row_height = 35  # Streamlit's data grid metrics
    page.mouse.click(box["x"] + 16, box["y"] + header + row * row_height + row_height / 2)  # row checkbox
    expect(page.locator(".st-key-quotes_panel")).to_contain_text("Baghdad", timeout=30_000)
    expect(page.locator(".st-key-quotes_panel mark")).to_have_text("بغداد")

    def focused() -> bool:
        lat, lon, zoom = map_view(page)
        return abs(lat - 33.34) < 0.2 and abs(lon - 44.40) < 0.2 and zoom >= 8

    deadline = 30
    while not focused() and deadline > 0:
        page.wait_for_timeout(250)
        deadline -= 0.25
    assert focused(), map_view(page)
    # The table sits below the map; bring the map back into view before asking where the marker is.
    page.locator(MAP_IFRAME).scroll_into_view_if_needed()
    expect(page.frame_locator(MAP_IFRAME).locator(f"path.{css_class('geonames:98182')}")).to_be_in_viewport()


def test_geojson_download_holds_ten_places_with_quotes(page: Page, app_url, tmp_path):
    open_dashboard(page, app_url)
    fc = json.loads(download(page, "GeoJSON (places)", tmp_path).decode("utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 10
    assert {f["properties"]["place_id"] for f in fc["features"]} == {p for ids in SEED_LAYERS.values() for p in ids}
    for f in fc["features"]:
        quotes = f["properties"]["quotes"]
        assert quotes and len(quotes) == f["properties"]["mention_count"]
        for q in quotes:
            a = q["start"] - q["sentence_start"]
            assert q["sentence"][a:a + len(q["surface"])] == q["surface"]


def test_csv_downloads_open_as_utf8_tables(page: Page, app_url, tmp_path):
    open_dashboard(page, app_url)
    places = download(page, "CSV (per place)", tmp_path).decode("utf-8-sig").splitlines()
    assert places[0].startswith("place_id,name,name_ar") and len(places) == 11
    mentions = download(page, "CSV (per mention)", tmp_path).decode("utf-8-sig").splitlines()
    assert mentions[0].startswith("start,end,surface") and any("الهول" in line for line in mentions)


def test_html_export_works_offline(page: Page, app_url, tmp_path, context):
    open_dashboard(page, app_url)
    html = download(page, "HTML map (works offline)", tmp_path)
    path = tmp_path / "map.html"
    path.write_bytes(html)
    export = context.new_page()
    export.goto(path.as_uri())
    expect(export.locator(".leaflet-container")).to_be_visible()
    expect(export.locator("path.geo-place")).to_have_count(10)
    expect(export.locator(f"path.{css_class('geonames:98182')}")).to_be_visible()
    expect(export.locator(".leaflet-control-layers-overlays label")).to_have_count(6)  # 5 place layers, movements
    export.locator(f"path.{css_class('curated:roj-camp')}").click()
    expect(export.locator(".leaflet-popup-content mark")).to_have_text("روج")


def test_hostile_statement_is_shown_as_text_and_runs_nothing(page: Page, app_url, dialog_guard):
    frame = open_dashboard(page, app_url)
    page.locator(".st-key-paste_text textarea").fill(HOSTILE)
    page.locator(".st-key-paste_go button").click()
    expect(page.get_by_text("Pasted text (")).to_be_visible(timeout=30_000)
    expect(frame.locator("path.geo-place")).to_have_count(2, timeout=30_000)  # Baghdad, Damascus: new places
    settle(page)  # the view moves to the new places

    statement = page.locator(".geo-statement")
    for bit in HOSTILE_BITS:
        expect(statement).to_contain_text(bit)
    assert statement.locator("img, script").count() == 0

    frame.locator(f"path.{css_class('geonames:98182')}").click()
    popup = frame.locator(".leaflet-popup-content")
    panel = page.locator(".st-key-quotes_panel")
    expect(panel).to_contain_text("Baghdad", timeout=30_000)
    for bit in HOSTILE_BITS:
        expect(popup).to_contain_text(bit)
        expect(panel).to_contain_text(bit)
    assert popup.locator("img, script").count() == 0 and panel.locator("img, script").count() == 0
    frame.locator(f"path.{css_class('geonames:98182')}").hover()
    expect(frame.locator(".leaflet-tooltip:not(.geo-label)")).to_contain_text("بغداد")
    page.wait_for_timeout(500)  # give any onerror handler its chance
    assert dialog_guard == []
