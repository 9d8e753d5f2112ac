"""The Collection view in headless Chromium, over a real store file (``$GEO_DB``) of dated statements.

Its own server (the store is chosen by the environment), under the same offline and dialog
guards as every browser test. The store holds the bundled statements (9 February 2026) and
four of ours: 12 and 20 January, 2 March 2026 and one undated.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyogrio
import pytest
from browser_helpers import FIRST_LOAD_TIMEOUT_MS, IDLE, MAP_IFRAME, streamlit_server
from playwright.sync_api import FrameLocator, Page, expect

from geo import geoparse
from geo.collection import add_situation, seed_bundled
from geo.mapview import place_css_class
from geo.store import open_store

pytestmark = pytest.mark.browser

OURS = {
    "jan12": "Baghdad, 12 January 2026 — Officials met in Baghdad and then travelled to Erbil and Mosul.",
    "jan20": "الرياض، 20 يناير 2026 - اجتمع الوفد في الرياض ثم في عمّان وبغداد.",
    "mar02": "The convoy reached Homs on 2 March 2026, and later Aleppo and Baghdad.",
    "undated": "Talks continued in Amman and Beirut.",
}
BAGHDAD = "geonames:98182"
HOMS = "geonames:169577"
ERBIL = "geonames:95446"



@pytest.fixture(scope="module")
def store_ids(tmp_path_factory, gaz) -> tuple[Path, dict[str, int]]:
    db = tmp_path_factory.mktemp("collection") / "collection.sqlite3"
    with open_store(db) as store:
        seed_bundled(store, lambda t: geoparse(t, gazetteer=gaz))
        ids = {k: add_situation(store, geoparse(t, gazetteer=gaz)).id for k, t in OURS.items()}
    return db, ids


@pytest.fixture(scope="module")
def collection_url(store_ids, tmp_path_factory):
    db, _ = store_ids
    log_dir = tmp_path_factory.mktemp("streamlit-collection")
    with streamlit_server(log_dir, {"GEO_DB": str(db)}, forbid_traceback=True) as url:
        yield url


def open_collection(page: Page, url: str) -> FrameLocator:
    page.goto(f"{url}/collection")
    frame = page.frame_locator(MAP_IFRAME)
    expect(frame.locator(f"path.{place_css_class(BAGHDAD)}")).to_be_visible(timeout=FIRST_LOAD_TIMEOUT_MS)
    # The drawn map reports, and that run brings the rest of the page (the statements grid last).
    expect(page.locator(".st-key-coll_table table td").first).to_be_attached(timeout=60_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
    return frame


def places_on_map(frame: FrameLocator) -> set[str]:
    classes = frame.locator("path.geo-place").evaluate_all("els => els.map(e => e.getAttribute('class'))")
    return {c for cls in classes for c in cls.split() if c.startswith("geo-place-")}


def wait_for_places(frame: FrameLocator, page: Page, check, timeout_ms: int = 30_000) -> set[str]:
    got: set[str] = set()
    for _ in range(timeout_ms // 250):
        got = places_on_map(frame)
        if check(got):
            return got
        page.wait_for_timeout(250)
    raise AssertionError(f"the map never matched: {sorted(got)}")


def table_rows(page: Page) -> list[list[str]]:
    """The statements grid's rows, read from its accessible mirror (the grid itself is a canvas)."""
    rows = page.locator(".st-key-coll_table table tbody tr")
    return [[c.strip() for c in r.locator("td").all_inner_texts()] for r in rows.all()]


def test_the_collection_view_lists_the_statements_with_their_dates(page: Page, collection_url, store_ids):
    _, ids = store_ids
    open_collection(page, collection_url)
    expect(page.get_by_text("6 statements · dated 2026-01-12 – 2026-03-02 · 1 undated")).to_be_visible()
    rows = []
    for _ in range(40):
        rows = table_rows(page)
        if len(rows) == 6:
            break
        page.wait_for_timeout(250)
    by_id = {int(r[0]): r for r in rows}
    assert set(by_id) == {1, 2, *ids.values()}
    assert by_id[ids["jan12"]][1:3] == ["2026-01-12", "dateline"]
    assert by_id[ids["mar02"]][1:3] == ["2026-03-02", "text"]
    assert by_id[ids["undated"]][1:3] == ["", "undated"]  # listed, not dropped
    assert [int(r[0]) for r in rows] == [ids["mar02"], 2, 1, ids["jan20"], ids["jan12"], ids["undated"]]
    expect(page.get_by_text("6 of the 6 statements are in this range, undated ones included")).to_be_visible()


def test_moving_the_date_slider_changes_the_places_on_the_map(page: Page, collection_url):
    frame = open_collection(page, collection_url)
    everything = places_on_map(frame)
    assert {place_css_class(p) for p in (BAGHDAD, HOMS, ERBIL)} <= everything
    undated = page.get_by_role("checkbox", name="Include undated")
    undated.focus()  # by keyboard: a click lands on the sticky page header above it
    undated.press("Space")
    expect(undated).not_to_be_checked()
    beirut = place_css_class("geonames:276781")  # named only by the undated statement
    dated = wait_for_places(frame, page, lambda got: beirut not in got)
    assert dated == everything - {beirut}
    # The range's first day moves to its last (2 March): only that day's statement is left.
    start = page.locator(".st-key-coll_range input[type=range]").first  # the start thumb
    start.focus()
    start.press("End")
    expect(page.locator(".st-key-coll_range [data-testid=stSliderThumbValue]").first).to_have_text("2026-03-02")
    march = wait_for_places(frame, page, lambda got: place_css_class(ERBIL) not in got)
    assert march == {place_css_class(p) for p in (BAGHDAD, HOMS, "geonames:170063")}  # + Aleppo
    # Every place of that range is new in it except Baghdad, named since January.
    new = frame.locator("path.geo-new").evaluate_all("els => els.map(e => e.getAttribute('class'))")
    assert any(place_css_class(HOMS) in c for c in new) and not any(place_css_class(BAGHDAD) in c for c in new)
    expect(page.get_by_text("New in this range (never named before 2026-03-02)")).to_be_visible()
    # Back to the first day: January's places return.
    start.press("Home")
    wait_for_places(frame, page, lambda got: place_css_class(ERBIL) in got)


def test_a_place_history_shows_quotes_from_several_statements_with_dates(page: Page, collection_url, store_ids):
    _, ids = store_ids
    frame = open_collection(page, collection_url)
    frame.locator(f"path.{place_css_class(BAGHDAD)}").click()
    history = page.locator(".st-key-coll_history")
    expect(history.locator(".geo-history-head")).to_contain_text("Baghdad", timeout=30_000)
    dates = history.locator(".geo-history-date")
    expect(dates).to_have_count(5)  # 12 Jan, 20 Jan, the two bundled statements, 2 Mar
    texts = dates.all_inner_texts()
    assert [t.split(" · ")[0] for t in texts] == ["2026-03-02", "2026-02-09", "2026-02-09", "2026-01-20",
                                                   "2026-01-12"]  # newest first
    assert f"statement #{ids['mar02']}" in texts[0]
    quotes = history.locator("p.geo-quote")
    assert quotes.count() >= 6
    expect(quotes.first.locator("mark")).to_have_text("Baghdad")
    expect(history.locator("p.geo-quote[dir=rtl]").first).to_be_visible()  # the Arabic ones right-to-left
    # Open that statement in the Statement view.
    history.get_by_role("button", name=f"Open #{ids['jan12']}").click()
    expect(page).to_have_url(collection_url + "/", timeout=30_000)
    expect(page.get_by_text(f"Collection #{ids['jan12']} (2026-01-12)")).to_be_visible(timeout=30_000)
    statement = page.locator(".geo-statement")
    expect(statement).to_contain_text("Officials met in Baghdad", timeout=30_000)


def test_the_geopackage_download_opens_with_pyogrio_with_its_three_layers(page: Page, collection_url, tmp_path):
    open_collection(page, collection_url)
    with page.expect_download() as d:
        page.get_by_role("button", name="GeoPackage (places, mentions, movements)").click()
    out = tmp_path / "collection.gpkg"
    Path(d.value.path()).replace(out)
    assert {tuple(x) for x in pyogrio.list_layers(out)} == {("places", "Point"), ("mentions", "Point"),
                                                            ("movements", "LineString")}
    places = pyogrio.read_dataframe(out, layer="places")
    mentions = pyogrio.read_dataframe(out, layer="mentions")
    baghdad = places[places.place_id == BAGHDAD].iloc[0]
    assert baghdad.statements == 5 and baghdad.first_seen == "2026-01-12" and baghdad.last_seen == "2026-03-02"
    assert {q["date"] for q in json.loads(baghdad.quotes)} == {"2026-01-12", "2026-01-20", "2026-02-09",
                                                               "2026-03-02"}
    assert len(mentions) == int(places.mentions.sum()) and set(mentions.date) >= {"2026-01-12", "2026-03-02"}
    with page.expect_download() as d:
        page.get_by_role("button", name="GeoJSON (places + movements)").click()
    fc = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    lines = [f for f in fc["features"] if f["properties"]["kind"] == "movement"]
    assert {f["properties"]["place_id"] for f in fc["features"] if f not in lines} == set(places.place_id)
    # The movements, in both files alike (the bundled statements have some).
    movements = pyogrio.read_dataframe(out, layer="movements")
    assert len(lines) == len(movements) > 0
    assert [f["properties"]["trigger"] for f in lines] == list(movements.trigger)


def test_adding_the_current_statement_and_several_uploads(page: Page, collection_url, store_ids):
    db, ids = store_ids
    open_collection(page, collection_url)
    # The current statement is the bundled one: it is already there.
    page.get_by_role("button", name="Add the current statement").click()
    expect(page.get_by_text("already in the collection as #1")).to_be_visible(timeout=30_000)
    files = [
        {"name": "one.txt", "mimeType": "text/plain",
         "buffer": "Damascus, 5 April 2026 — The envoy arrived in Damascus.".encode()},
        {"name": "two.txt", "mimeType": "text/plain", "buffer": "بيروت، ٦ نيسان ٢٠٢٦ - وصل الوفد إلى بيروت.".encode()},
        {"name": "photo.txt", "mimeType": "text/plain", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(range(200))},
    ]
    page.locator(".stSidebar input[type=file]").set_input_files(files=files)
    expect(page.get_by_text("one.txt: added as")).to_be_visible(timeout=60_000)
    expect(page.get_by_text("two.txt: added as")).to_be_visible()
    expect(page.get_by_text("photo.txt: this is a PNG image")).to_be_visible()
    expect(page.get_by_text("8 statements · dated 2026-01-12 – 2026-04-06 · 1 undated")).to_be_visible()
    with open_store(db) as store:
        dated = {r.date for r in store.statements()}
    assert {"2026-04-05", "2026-04-06"} <= dated
