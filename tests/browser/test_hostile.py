"""Hostile and broken input in headless Chromium: nothing runs, nothing crashes, nothing is lost.

Every test runs under conftest.py's offline guard (a request outside 127.0.0.1 fails
the test) and dialog guard (an alert/confirm/prompt fails the test); a second browser
context gets the same two guards from :func:`guard`.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from browser_helpers import IDLE, ROOT, block_outside_requests
from playwright.sync_api import BrowserContext, FrameLocator, Page, expect
from test_dashboard import css_class, download, map_frame, open_dashboard, settle

pytestmark = pytest.mark.browser

DAMASCUS, BAGHDAD = "geonames:170654", "geonames:98182"
#: Each piece must come back as the literal characters that were typed, wherever the statement is shown.
HOSTILE_BITS = (
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "`", "${alert(1)}",
    "</div>", "&lt;b&gt;",
)
HOSTILE = (
    "اجتمع الوفد في دمشق <img src=x onerror=alert(1)> ثم <script>alert(1)</script> و javascript:alert(1) "
    "و ` و ${alert(1)} و </div> و &lt;b&gt; قبل أن يصل إلى بغداد، "
    "and talks in Baghdad `${alert(1)}` continued."
)
ENGLISH = "Officials met in Tripoli, Lebanon, on Monday and then drove south to Beirut."
SEED_LAYERS = ["Countries (4)", "Regions (1)", "Natural features (0)", "Cities and towns (3)",
               "Camps and facilities (2)", "➜Movements (5)"]
ENGLISH_LAYERS = ["Countries (1)", "Regions (0)", "Natural features (0)", "Cities and towns (2)",
                  "Camps and facilities (0)", "➜Movements (0)"]
SEED_NAMES = {"Riyadh", "Damascus", "Baghdad", "al-Hol camp", "Roj camp"}  # a few of its ten
ENGLISH_NAMES = {"Tripoli", "Lebanon", "Beirut"}

#: Anything the statement could have injected into a document: an element, a handler, a URL, a script.
#: ``needle``: what no inline script may contain. In the app, no inline script holds statement text at all
#: (the places arrive through streamlit-folium as data); the HTML export carries them inline, escaped.
INJECTION_PROBE = """(needle) => ({
  img: document.querySelectorAll('img[src="x"], [onerror]').length,
  url: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
  script: [...document.querySelectorAll('script:not([src])')].filter(s => s.textContent.includes(needle)).length,
  bold: document.querySelectorAll('.geo-statement b, .geo-quote b, .leaflet-popup-content .geo-quote b').length,
})"""
NO_INJECTION = {"img": 0, "url": 0, "script": 0, "bold": 0}


def guard(ctx: BrowserContext) -> tuple[list[str], list[str]]:
    """conftest.py's offline and dialog guards, for a context created inside a test."""
    attempted = block_outside_requests(ctx)
    opened: list[str] = []
    ctx.on("page", lambda p: p.on("dialog", lambda d: (opened.append(f"{d.type}: {d.message}"), d.dismiss())))
    return attempted, opened


def idle(page: Page) -> None:
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)


def paste(page: Page, text: str) -> None:
    page.locator(".st-key-paste_text textarea").fill(text)
    page.locator(".st-key-paste_go button").click()


def layer_labels(frame: FrameLocator):
    return frame.locator(".leaflet-control-layers-overlays label")


def table_names(page: Page) -> set[str]:
    """The places table's names, read from the grid's accessible mirror (the grid itself is a canvas)."""
    cells = page.locator(".st-key-places_table table tbody tr td:nth-child(1)")
    return {c.strip() for c in cells.all_inner_texts()}


def wait_for_table(page: Page, check, timeout_ms: int = 30_000) -> set[str]:
    """The table's names once ``check(names)`` holds; the grid re-renders after the map, so poll."""
    names: set[str] = set()
    for _ in range(timeout_ms // 250):
        names = table_names(page)
        if check(names):
            return names
        page.wait_for_timeout(250)
    raise AssertionError(f"places table never matched: {sorted(names)}")


def upload(page: Page, name: str, data: bytes) -> None:
    page.locator(".st-key-upload input[type=file]").set_input_files(
        files=[{"name": name, "mimeType": "text/plain", "buffer": data}])


def assert_nothing_injected(page: Page) -> None:
    page.wait_for_timeout(500)  # give any onerror handler its chance to run (the dialog guard would see it)
    assert page.evaluate(INJECTION_PROBE, "alert(1)") == NO_INJECTION
    assert map_frame(page).evaluate(INJECTION_PROBE, "alert(1)") == NO_INJECTION


def test_hostile_statement_is_literal_text_everywhere_and_runs_nothing(page: Page, app_url, dialog_guard):
    frame = open_dashboard(page, app_url)
    paste(page, HOSTILE)
    expect(page.get_by_text("Pasted text (")).to_be_visible(timeout=30_000)
    expect(frame.locator("path.geo-place")).to_have_count(2, timeout=30_000)
    idle(page)
    settle(page)
    wait_for_table(page, lambda n: n == {"Damascus", "Baghdad"})

    statement = page.locator(".geo-statement")
    for bit in HOSTILE_BITS:
        expect(statement).to_contain_text(bit)
    # The typed "</div>" did not close the statement's box: everything after it is still inside.
    expect(statement).to_contain_text("and talks in Baghdad `${alert(1)}` continued.")
    assert_nothing_injected(page)

    for pid, name in ((DAMASCUS, "Damascus"), (BAGHDAD, "Baghdad")):
        frame.locator(f"path.{css_class(pid)}").click()
        panel = page.locator(".st-key-quotes_panel")
        expect(panel).to_contain_text(name, timeout=30_000)
        idle(page)
        popup = frame.locator(".leaflet-popup-content")
        expect(popup).to_have_count(1)  # the previous place's popup has faded out
        expect(popup).to_contain_text(name)
        for bit in HOSTILE_BITS:
            expect(panel.locator(".geo-quote").first).to_contain_text(bit)
            expect(popup.locator(".geo-quote").first).to_contain_text(bit)
        assert_nothing_injected(page)
    assert dialog_guard == []


def test_downloads_hold_the_hostile_text_only_as_data(page: Page, app_url, context, tmp_path, dialog_guard):
    frame = open_dashboard(page, app_url)
    paste(page, HOSTILE)
    expect(frame.locator("path.geo-place")).to_have_count(2, timeout=30_000)
    idle(page)

    # CSV: the sentence is a plain CSV cell, byte for byte what was typed.
    rows = list(csv.DictReader(io.StringIO(download(page, "CSV (per mention)", tmp_path).decode("utf-8-sig"))))
    assert {r["name"] for r in rows} == {"Damascus", "Baghdad"}
    for r in rows:
        assert r["sentence"] == HOSTILE
    places = download(page, "CSV (per place)", tmp_path).decode("utf-8-sig")
    assert "alert" not in places  # one row per place: gazetteer fields only
    # GeoJSON: the quotes keep the statement whole (nothing lost), as JSON strings.
    fc = json.loads(download(page, "GeoJSON (places)", tmp_path).decode("utf-8"))
    assert {q["sentence"] for f in fc["features"] for q in f["properties"]["quotes"]} == {HOSTILE}

    # HTML export: the strings only escaped (HTML entities inside a JSON string inside a script).
    html = download(page, "HTML map (works offline)", tmp_path).decode("utf-8")
    for raw in ("<img src=x", "<script>alert(1)", "${alert(1)}", "javascript:alert(1)</", "&lt;b&gt;"):
        assert raw not in html, raw
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html
    assert "\\u0026lt;script\\u0026gt;alert(1)\\u0026lt;/script\\u0026gt;" in html
    assert "\\u0026amp;lt;b\\u0026amp;gt;" in html

    path = tmp_path / "map.html"
    path.write_text(html, encoding="utf-8")
    export = context.new_page()  # same context: the same guards watch it
    export.goto(path.as_uri())
    expect(export.locator("path.geo-place")).to_have_count(2)
    export.locator(f"path.{css_class(BAGHDAD)}").click()
    popup = export.locator(".leaflet-popup-content")
    for bit in HOSTILE_BITS:
        expect(popup).to_contain_text(bit)
    export.wait_for_timeout(500)
    for needle in ("onerror=alert(1)>", "<script>alert(1)", "${alert(1)}"):
        assert export.evaluate(INJECTION_PROBE, needle) == NO_INJECTION
    assert dialog_guard == []


def test_two_sessions_at_once_see_only_their_own_places(page: Page, app_url, new_context):
    other = new_context()
    attempted, opened = guard(other)
    page2 = other.new_page()
    frame1 = open_dashboard(page, app_url)
    frame2 = open_dashboard(page2, app_url)

    # Both statements go in back to back, so the two sessions parse at the same time.
    seed = (ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt").read_text(encoding="utf-8")
    paste(page2, ENGLISH)
    paste(page, seed)
    expect(page2.get_by_text("Pasted text (")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Pasted text (")).to_be_visible(timeout=30_000)
    idle(page)
    idle(page2)

    expect(layer_labels(frame1)).to_have_text(SEED_LAYERS, use_inner_text=True, timeout=30_000)
    expect(layer_labels(frame2)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    expect(frame1.locator("path.geo-place")).to_have_count(10)
    expect(frame2.locator("path.geo-place")).to_have_count(3)
    names1 = wait_for_table(page, lambda n: SEED_NAMES <= n and len(n) == 10 and not n & ENGLISH_NAMES)
    wait_for_table(page2, lambda n: n == ENGLISH_NAMES)
    # The Arabic statement keeps its style attribute whole (the font list once ended it early).
    expect(page.locator(".geo-statement")).to_have_css("white-space", "pre-wrap")
    expect(page.locator(".geo-statement")).to_have_css("direction", "rtl")

    # Selections stay in their own session: each panel shows only the place clicked there.
    frame2.locator(f"path.{css_class('geonames:276781')}").click()  # Beirut
    frame1.locator(f"path.{css_class(DAMASCUS)}").click()
    panel1, panel2 = page.locator(".st-key-quotes_panel"), page2.locator(".st-key-quotes_panel")
    expect(panel2).to_contain_text("Beirut", timeout=30_000)
    expect(panel1).to_contain_text("Damascus", timeout=30_000)
    idle(page)
    idle(page2)
    expect(panel1).not_to_contain_text("Beirut")
    expect(panel2).not_to_contain_text("Damascus")
    expect(layer_labels(frame1)).to_have_text(SEED_LAYERS, use_inner_text=True)
    expect(layer_labels(frame2)).to_have_text(ENGLISH_LAYERS, use_inner_text=True)
    assert table_names(page) == names1 and table_names(page2) == ENGLISH_NAMES
    other.close()
    assert attempted == [] and opened == []


def test_failed_uploads_keep_the_previous_statement_and_map(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    paste(page, ENGLISH)
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    idle(page)
    caption = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first
    expect(caption).to_contain_text("Pasted text (")
    before = caption.inner_text()
    error = page.locator('[data-testid="stAlert"]')

    for name, data, message in [
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "this is a PNG image, not a text file"),
        ("empty.txt", b"", "the file is empty"),
        ("report.txt", b"%PDF-1.7\n" + bytes(range(256)), "this is a PDF document"),
        ("damaged.txt", "اجتمع الوفد في بغداد ثم في دمشق".encode() * 3 + b"\xff\xfe" + "نهاية".encode(),
         "the file is UTF-8 text with invalid bytes"),
    ]:
        upload(page, name, data)
        expect(error).to_contain_text(message, timeout=30_000)
        expect(error).to_have_count(1)
        idle(page)
        expect(caption).to_have_text(before)
        expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True)
        expect(frame.locator("path.geo-place")).to_have_count(3)
        expect(frame.locator(f"path.{css_class('geonames:276781')}")).to_be_visible()  # Beirut
        wait_for_table(page, lambda n: n == ENGLISH_NAMES)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)  # no traceback anywhere


def test_the_upload_limit_is_stated_and_enforced(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    uploader = page.locator(".st-key-upload")
    expect(uploader).to_contain_text("10MB")  # Streamlit's own "Limit 10MB per file • TXT"
    expect(page.get_by_text("Plain-text files (and pastes) up to 10 MB (10,000,000 bytes).")).to_be_visible()
    paste(page, ENGLISH)
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    idle(page)

    # One byte over 10 MB (10,000,000 bytes, as the uploader counts them): refused in the browser.
    upload(page, "big.txt", b"Baghdad. " + b" " * (10_000_000 - 8))
    expect(uploader).to_contain_text("File must be 10.0MB or smaller.", timeout=30_000)
    # A file that is not .txt is refused the same way.
    upload(page, "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    expect(uploader).to_contain_text("files are not allowed", timeout=30_000)
    idle(page)
    expect(page.get_by_text("Pasted text (")).to_be_visible()
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True)
    wait_for_table(page, lambda n: n == ENGLISH_NAMES)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)


def test_a_places_file_puts_its_places_on_the_map_and_a_bad_one_changes_nothing(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    paste(page, "Families from Beirut reached the Nour Shelter on Monday.")
    expect(layer_labels(frame)).to_have_text(
        ["Countries (0)", "Regions (0)", "Natural features (0)", "Cities and towns (1)", "Camps and facilities (0)",
         "➜Movements (0)"], use_inner_text=True,
        timeout=30_000)
    idle(page)
    shelter = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.9, 33.6]},
               "properties": {"id": "nour-shelter", "name": "Nour Shelter", "kind": "facility", "country_code": "LB"}}
    page.get_by_test_id("stSidebarUserContent").get_by_text("Your places", exact=True).click()  # open the expander
    places_input = page.locator(".st-key-places_upload_0 input[type=file]")
    places_input.set_input_files(files=[{"name": "shelters.geojson", "mimeType": "application/geo+json",
                                         "buffer": json.dumps({"type": "FeatureCollection",
                                                               "features": [shelter]}).encode()}])
    expect(layer_labels(frame)).to_have_text(
        ["Countries (0)", "Regions (0)", "Natural features (0)", "Cities and towns (1)", "Camps and facilities (1)",
         "➜Movements (1)"], use_inner_text=True,  # Beirut → the shelter, now a place
        timeout=30_000)
    expect(frame.locator(f"path.{css_class('user:nour-shelter')}")).to_be_visible()
    wait_for_table(page, lambda n: n == {"Beirut", "Nour Shelter"})
    expect(page.locator("[data-testid=stSidebar]")).to_contain_text("1 new place in use")
    # A broken file: one message, and the shelter stays on the map.
    places_input.set_input_files(files=[{"name": "broken.geojson", "mimeType": "application/geo+json",
                                         "buffer": b"{not json"}])
    expect(page.locator('[data-testid="stAlert"]')).to_contain_text("is not a GeoJSON FeatureCollection",
                                                                    timeout=30_000)
    idle(page)
    expect(frame.locator(f"path.{css_class('user:nour-shelter')}")).to_be_visible()
    wait_for_table(page, lambda n: n == {"Beirut", "Nour Shelter"})
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
