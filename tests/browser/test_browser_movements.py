"""Movement arrows in headless Chromium: drawn on the dashboard's map, switched by the layer control,
their quote in the popup, offline, in the exported HTML map too.

Runs under the offline guard and the dialog guard of conftest.py.
"""

from __future__ import annotations

import pytest
from browser_helpers import IDLE, MAP_IFRAME
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from test_dashboard import download, open_dashboard, settle

from geo.mapview import movement_css_class

pytestmark = pytest.mark.browser

INTO_IRAQ = movement_css_class(None, "country:IQ")


def click_line(page: Page, css: str, frame_selector: str | None = MAP_IFRAME) -> None:
    """Click a line where it is drawn (halfway along it): an arc's box centre is off the line."""
    target = page.frame_locator(frame_selector).locator(f"path.{css}") if frame_selector else page.locator(
        f"path.{css}")
    x, y = target.evaluate("""p => { const pt = p.getPointAtLength(p.getTotalLength() / 2);
                                     const c = p.getScreenCTM(); return [c.a * pt.x + c.e, c.d * pt.y + c.f]; }""")
    if frame_selector:
        box = page.locator(frame_selector).bounding_box()
        x, y = x + box["x"], y + box["y"]
    page.mouse.click(x, y)
OUT_OF_HOL = movement_css_class("curated:al-hol-camp", None)


def test_arrows_are_drawn_and_the_layer_control_hides_and_shows_them(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    lines = frame.locator("path.geo-movement")
    glyphs = frame.locator("text.geo-movement-arrow")
    expect(lines).to_have_count(5)
    expect(glyphs).to_have_count(5)  # Leaflet.TextPath ran: one run of arrowheads along each line
    expect(frame.locator(f"path.{INTO_IRAQ}")).to_be_visible()
    assert "►" in glyphs.first.text_content()
    # The lines share the areas' SVG (no extra full-size layer) and lie above the area fills.
    assert frame.locator(".leaflet-geo-areas-pane svg path.geo-movement").count() == 5
    assert frame.locator(".leaflet-overlay-pane svg").count() == 0

    toggle = frame.locator(".leaflet-control-layers-overlays label", has_text="Movements (5)").locator("input")
    expect(toggle).to_be_checked()
    toggle.uncheck()
    expect(lines).to_have_count(0)
    expect(glyphs).to_have_count(0)  # the arrowheads go with their lines
    expect(frame.locator("path.geo-layer-camps")).to_have_count(2)  # places stay
    toggle.check()
    expect(lines).to_have_count(5)
    expect(glyphs).to_have_count(5)
    expect(frame.locator(f"path.{INTO_IRAQ}")).to_be_visible()


def test_clicking_an_arrow_shows_its_quote(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    frame.locator(f"path.{INTO_IRAQ}").click()
    popup = frame.locator(".leaflet-popup-content .geo-movement-popup")
    expect(popup).to_be_visible()
    expect(popup).to_contain_text("origin not named")
    expect(popup).to_contain_text("Iraq")
    quote = popup.locator("p.geo-quote")
    expect(quote).to_have_attribute("dir", "rtl")
    expect(quote).to_contain_text("نقل المحتجزين إلى عهدة الحكومة العراقية")
    expect(quote.locator("mark")).to_have_text(["نقل", "العراقية"])


def test_the_table_lists_the_movements_beside_the_places(page: Page, app_url):
    open_dashboard(page, app_url)
    heading = page.get_by_role("heading", name="Movements")
    expect(heading).to_be_visible()
    grid = page.locator('[data-testid="stDataFrame"]').nth(1)
    expect(grid.locator("table td", has_text="al-Hol camp").first).to_be_attached(timeout=30_000)
    expect(grid.locator("table td", has_text="destination only").first).to_be_attached()


def test_a_pasted_statement_redraws_the_arrows(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    page.locator(".st-key-paste_text textarea").fill(
        "Thousands fled from Aleppo to Damascus. <b>Families</b> `${x}` returned from Beirut to Damascus.")
    page.locator(".st-key-paste_go button").click()
    expect(page.get_by_text("Pasted text (")).to_be_visible(timeout=30_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    lines = frame.locator("path.geo-movement")
    expect(lines).to_have_count(2, timeout=30_000)
    expect(frame.locator("path.geo-movement-stub")).to_have_count(0)
    settle(page)
    click_line(page, movement_css_class("geonames:276781", "geonames:170654"))
    popup = frame.locator(".leaflet-popup-content .geo-movement-popup")
    expect(popup).to_contain_text("Beirut")
    expect(popup).to_contain_text("<b>Families</b> `${x}`")  # the statement's markup shown as text
    assert popup.locator("b", has_text="Families").count() == 0


def test_the_exported_map_draws_the_arrows_offline(page: Page, app_url, tmp_path, context):
    open_dashboard(page, app_url)
    path = tmp_path / "map.html"
    path.write_bytes(download(page, "HTML map (works offline)", tmp_path))
    export = context.new_page()
    export.goto(path.as_uri())
    expect(export.locator("path.geo-movement")).to_have_count(5)
    expect(export.locator("text.geo-movement-arrow")).to_have_count(5)
    toggle = export.locator(".leaflet-control-layers-overlays label", has_text="Movements").locator("input")
    toggle.uncheck()
    expect(export.locator("path.geo-movement")).to_have_count(0)
    toggle.check()
    # Wait for the lines to be drawn again: a click before that (a loaded machine) lands on the bare map.
    expect(export.locator("path.geo-movement")).to_have_count(5)
    expect(export.locator(f"path.{OUT_OF_HOL}")).to_be_visible()
    popup = export.locator(".leaflet-popup-content .geo-movement-popup")
    # The line's point is read, then clicked: if the map was still settling (a loaded machine), the click lands
    # beside the line and opens nothing, so it is read and clicked again (a missed click changes nothing).
    for _ in range(3):
        click_line(export, OUT_OF_HOL, None)
        try:
            popup.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeoutError:
            export.wait_for_timeout(500)
    expect(popup).to_contain_text("al-Hol camp")
