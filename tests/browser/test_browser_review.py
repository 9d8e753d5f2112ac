"""Review and correct in headless Chromium: a rejected place leaves the map and comes back after undo.

Its own server with its own store (``$GEO_DB`` in a temporary folder), so the corrections of this test
reach no other test.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from browser_helpers import FIRST_LOAD_TIMEOUT_MS, IDLE, MAP_IFRAME, streamlit_server
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from geo.mapview import place_css_class

pytestmark = pytest.mark.browser

BAGHDAD = "geonames:98182"
ROJ = "curated:roj-camp"
#: The store of this module's server (set by ``review_url``).
STORE: dict[str, object] = {}



@pytest.fixture(scope="module")
def review_url(tmp_path_factory):
    db = tmp_path_factory.mktemp("review") / "collection.sqlite3"
    STORE["path"] = db
    log_dir = tmp_path_factory.mktemp("streamlit-review")
    with streamlit_server(log_dir, {"GEO_DB": str(db)}, forbid_traceback=True) as url:
        yield url


def _pick(page: Page, box_key: str, option_name: str) -> None:
    """Choose ``option_name`` in the select box ``box_key``. The box opens on a click once Streamlit has drawn it;
    a click while the page is still rerunning (a loaded machine) opens nothing, so it is clicked again."""
    box = page.locator(f".st-key-{box_key}")
    option = page.get_by_role("option", name=option_name).first
    for attempt in range(3):
        box.scroll_into_view_if_needed()
        box.click()
        try:
            option.click(timeout=10_000)
            return
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")
            expect(page.locator(IDLE)).to_be_attached(timeout=30_000)


def _review_every_mention_of(page: Page, place_id: str) -> None:
    """Open "Review and correct" in the scope "every mention of this name in this statement" on ``place_id``."""
    page.get_by_text("Review and correct").click()
    page.get_by_text("Every mention of this name in this statement").click()
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    _pick(page, "review_place", f"({place_id})")
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)


def test_a_rejected_place_leaves_the_map_and_comes_back_after_undo(page: Page, review_url):
    page.goto(review_url)
    frame = page.frame_locator(MAP_IFRAME)
    roj = frame.locator(f"path.{place_css_class(ROJ)}")
    expect(frame.locator(f"path.{place_css_class(BAGHDAD)}")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    expect(roj).to_have_count(1)
    page.get_by_text("Review and correct").click()
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    _pick(page, "review_place", f"({ROJ})")
    page.locator(".st-key-review_reject button").click()
    expect(page.get_by_text("Saved as correction 1.")).to_be_visible(timeout=30_000)
    expect(roj).to_have_count(0, timeout=30_000)
    expect(frame.locator(f"path.{place_css_class(BAGHDAD)}")).to_have_count(1)  # the others stay
    page.locator(".st-key-review_undo_1 button").click()
    expect(page.get_by_text("Correction 1 undone.")).to_be_visible(timeout=30_000)
    expect(roj).to_have_count(1, timeout=30_000)


def test_choosing_a_place_found_by_search_moves_the_marker(page: Page, review_url):
    erbil = "geonames:95446"
    page.goto(review_url)
    frame = page.frame_locator(MAP_IFRAME)
    baghdad = frame.locator(f"path.{place_css_class(BAGHDAD)}")
    expect(baghdad).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    expect(frame.locator(f"path.{place_css_class(erbil)}")).to_have_count(0)
    _review_every_mention_of(page, BAGHDAD)
    query = page.locator(".st-key-review_query input")
    query.fill("أربيل")  # Arabic search
    query.press("Enter")
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    _pick(page, "review_found", "Erbil")
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    page.locator(".st-key-review_choose button").click()
    expect(page.get_by_text("Saved as correction")).to_be_visible(timeout=30_000)
    expect(frame.locator(f"path.{place_css_class(erbil)}")).to_have_count(1, timeout=30_000)
    expect(baghdad).to_have_count(0)


def test_clicking_a_candidates_faint_marker_chooses_it(page: Page, review_url):
    """Issue 11: the parser's other readings of the place under review are faint markers on the map; a click
    on one stores a "choose" correction and the marker moves there."""
    from geo.mapview import CANDIDATES_LABEL, candidate_css_class
    from geo.store import open_store

    riyadh, ar_riyad_iq = "geonames:108410", "geonames:98697"
    page.goto(review_url)
    frame = page.frame_locator(MAP_IFRAME)
    marker = frame.locator(f"path.{place_css_class(riyadh)}")
    expect(marker).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    candidates = frame.locator("path.geo-candidate")
    expect(candidates).to_have_count(0)  # nothing under review yet
    _review_every_mention_of(page, riyadh)
    candidate = frame.locator(f"path.{candidate_css_class(ar_riyad_iq)}")
    expect(candidate).to_have_count(1, timeout=30_000)
    expect(frame.locator(".leaflet-control-layers-overlays")).to_contain_text(CANDIDATES_LABEL)
    with open_store(STORE["path"], create=False) as store:
        n_before = len(store.corrections(active_only=False))  # the undone ones have their ids too
    frame.locator(".leaflet-container").scroll_into_view_if_needed()
    candidate.hover()
    expect(frame.locator(".leaflet-tooltip:not(.geo-label)")).to_contain_text("a candidate: click to choose it")
    candidate.click()
    expect(page.get_by_text(f"Saved as correction {n_before + 1}.")).to_be_visible(timeout=30_000)
    expect(frame.locator(f"path.{place_css_class(ar_riyad_iq)}")).to_have_count(1, timeout=30_000)
    expect(marker).to_have_count(0)
    # Now Riyadh is the candidate of the place under review: a click would switch back.
    expect(frame.locator(f"path.{candidate_css_class(riyadh)}")).to_have_count(1, timeout=30_000)
    with open_store(STORE["path"], create=False) as store:
        row = store.corrections()[-1]
    assert (row["action"], row["scope"], row["old_place_id"], row["new_place_id"]) == (
        "choose", "statement", riyadh, ar_riyad_iq)
    # The Statement view's downloads say so, as the store's exports do (reviewed, corrected_by, ...).
    with page.expect_download() as d:
        page.get_by_role("button", name="GeoJSON (places)").click()
    fc = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    props = {f["properties"]["place_id"]: f["properties"] for f in fc["features"]}
    assert riyadh not in props
    assert (props[ar_riyad_iq]["reviewed"], props[ar_riyad_iq]["corrected_by"],
            props[ar_riyad_iq]["original_place_id"]) == (True, row["author"], riyadh)
    assert props[ar_riyad_iq]["corrected_at"] == row["created_at"]
    assert props["curated:roj-camp"]["reviewed"] is False and props["curated:roj-camp"]["corrected_by"] is None
    with page.expect_download() as d:
        page.get_by_role("button", name="CSV (per mention)").click()
    rows = list(csv.DictReader(io.StringIO(Path(d.value.path()).read_text(encoding="utf-8-sig"))))
    assert {r["original_place_id"] for r in rows if r["place_id"] == ar_riyad_iq} == {riyadh}


# Points of the map's container (x, y as fractions of its size) tried in turn for a click on empty map.
_EMPTY_SPOTS = ((0.15, 0.8), (0.2, 0.65), (0.35, 0.85), (0.1, 0.5), (0.5, 0.9), (0.3, 0.3))


def test_a_click_on_empty_map_sets_the_point_of_a_place_being_added(page: Page, review_url):
    """Issue 11: "click the map to set a point and name it". With the add form open, a click on an empty spot
    fills Latitude/Longitude and shows a small marker there; named and saved, it is stored and drawn."""
    from geo.mapview import NEW_POINT_CLASS
    from geo.store import open_store

    page.goto(review_url)
    frame = page.frame_locator(MAP_IFRAME)
    # Roj camp: the module's earlier tests may have changed Baghdad, but they undo Roj camp's rejection.
    expect(frame.locator(f"path.{place_css_class(ROJ)}")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    page.get_by_text("Review and correct").click()
    adding = page.locator(".st-key-review_adding")
    adding.scroll_into_view_if_needed()
    adding.get_by_text("Add a place the parser missed").click()
    expect(page.locator(".st-key-review_lat input")).to_be_visible(timeout=30_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    container = frame.locator(".leaflet-container")
    container.scroll_into_view_if_needed()
    # An empty spot: the first of a few where nothing clickable (a place, a control) is on top; Leaflet says
    # which point of the Earth it is.
    spot = container.evaluate("""(el, spots) => {
        const r = el.getBoundingClientRect();
        for (const [fx, fy] of spots) {
            const x = Math.round(r.width * fx), y = Math.round(r.height * fy);
            const hit = document.elementFromPoint(r.left + x, r.top + y);
            if (hit && !hit.closest('.leaflet-interactive, .leaflet-control, .leaflet-marker-icon, .leaflet-tooltip')) {
                const ll = window.map.containerPointToLatLng([x, y]);
                const next = window.map.containerPointToLatLng([x + 1, y + 1]);  // one pixel: the tolerance
                return {x, y, lat: ll.lat, lng: ll.lng, dlat: Math.abs(next.lat - ll.lat),
                        dlng: Math.abs(next.lng - ll.lng)};
            }
        }
        return null;
    }""", [list(s) for s in _EMPTY_SPOTS])
    assert spot is not None, "no empty spot on the map"
    expect(frame.locator(f"path.{NEW_POINT_CLASS}")).to_have_count(0)
    container.click(position={"x": spot["x"], "y": spot["y"]})
    lat_box, lon_box = page.locator(".st-key-review_lat input"), page.locator(".st-key-review_lon input")
    expect(lat_box).not_to_have_value("", timeout=30_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=30_000)
    lat, lon = float(lat_box.input_value()), float(lon_box.input_value())
    lng = (spot["lng"] + 180) % 360 - 180
    # Within a pixel of the spot (the page's and the map's coordinates differ by fractions of a pixel).
    assert abs(lat - spot["lat"]) <= spot["dlat"] + 1e-6 and abs(lon - lng) <= spot["dlng"] + 1e-6, (lat, lon, spot)
    expect(frame.locator(f"path.{NEW_POINT_CLASS}")).to_have_count(1, timeout=30_000)
    page.locator(".st-key-review_span input").fill("وزارة الخارجية")
    page.locator(".st-key-review_name input").fill("Foreign ministry")
    with open_store(STORE["path"], create=False) if Path(STORE["path"]).exists() else _nothing() as store:
        n_before = len(store.corrections(active_only=False)) if store else 0
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_text(f"Saved as correction {n_before + 1}.")).to_be_visible(timeout=30_000)
    with open_store(STORE["path"], create=False) as store:
        row = store.corrections()[-1]
    assert (row["action"], row["span_text"]) == ("add", "وزارة الخارجية")
    assert row["new_place_id"].endswith(f"@{lat:.5f},{lon:.5f}"), row["new_place_id"]
    expect(frame.locator(f"path.{place_css_class(row['new_place_id'])}")).to_have_count(1, timeout=30_000)
    expect(frame.locator(f"path.{NEW_POINT_CLASS}")).to_have_count(0)  # the form closed with its point


class _nothing:
    """A context that gives ``None`` (no store yet: this test may run first)."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
