"""Big and broken statements in headless Chromium: other sessions stay responsive, the page stays small (issue 14).

* a paste of 60,003 dots (the pattern that stalled every session for 38 s) is parsed by a
  worker process while another session's ``/_stcore/health`` answers within 2 s and its
  clicks still rerun;
* a 4 MB Arabic news text naming over a thousand places is drawn with a bounded DOM: clustered
  points, popups with a bounded number of quotes, a paged statement, a message saying so;
* the upload limit is 10,000,000 bytes in the browser and in the app;
* a lone UTF-16 surrogate in the paste box is repaired in the page, and the app says so.
"""

from __future__ import annotations

import threading
import time
import urllib.request

import pytest
from browser_helpers import IDLE
from newstext import arabic_news
from playwright.sync_api import Page, expect
from test_dashboard import css_class, map_frame, open_dashboard, settle
from test_hostile import ENGLISH_LAYERS, SEED_LAYERS, guard, idle, layer_labels, upload

from geo.worker import DEFAULT_BUDGET_S

pytestmark = pytest.mark.browser

#: Largest DOM we accept, in elements: the page (sidebar, tables, one page of text) and the map's iframe.
MAX_PAGE_NODES = 5_000
MAX_MAP_NODES = 3_000
_NODES = """() => {
  const f = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  const d = f && f.contentDocument;
  return [document.querySelectorAll('*').length, d ? d.querySelectorAll('*').length : -1];
}"""


class HealthProbe:
    """Polls ``/_stcore/health`` every 100 ms from a thread; records each answer's latency."""

    def __init__(self, url: str) -> None:
        self.url = f"{url}/_stcore/health"
        self.latencies: list[float] = []
        self.slow: list[tuple[float, float]] = []  # (seconds since the start, latency) of answers over 0.5 s
        self.failures: list[str] = []
        self.t0 = time.perf_counter()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            t0 = time.perf_counter()
            try:
                with urllib.request.urlopen(self.url, timeout=30) as r:
                    r.read()
                self.latencies.append(time.perf_counter() - t0)
                if self.latencies[-1] > 0.5:
                    self.slow.append((round(t0 - self.t0, 1), round(self.latencies[-1], 2)))
            except OSError as exc:  # a timeout counts as a failure, not as a long latency
                self.failures.append(repr(exc))
            self._stop.wait(0.1)

    def __enter__(self) -> HealthProbe:
        self.t0 = time.perf_counter()
        self._thread.start()
        return self

    def check(self, limit: float = 2.0) -> None:
        """Every answer came, each within ``limit`` seconds."""
        assert self.latencies and not self.failures, self.failures
        assert max(self.latencies) < limit, f"health answered after {max(self.latencies):.2f} s; slow: {self.slow}"

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=35)


def set_paste(page: Page, text: str) -> None:
    """Put ``text`` in the paste box as a paste does (one input event), then leave the box.

    ``<LONE>`` in ``text`` becomes a lone surrogate (U+D800) inside the page: a JS string can hold one,
    the test's own message to the browser cannot.
    """
    page.evaluate("""(text) => {
      text = text.split('<LONE>').join(String.fromCharCode(0xD800));
      const ta = document.querySelector('.st-key-paste_text textarea');
      ta.focus();  // as a user's paste: the box has the focus, and leaving it commits the value
      Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(ta, text);
      ta.dispatchEvent(new Event('input', {bubbles: true}));
    }""", text)
    page.locator(".st-key-paste_text textarea").blur()
    page.wait_for_timeout(300)


def main_caption(page: Page):
    return page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first


def test_a_huge_punctuation_paste_does_not_stall_another_session(page: Page, app_url, new_context):
    other = new_context()
    attempted, opened = guard(other)
    page2 = other.new_page()
    open_dashboard(page, app_url)
    frame2 = open_dashboard(page2, app_url)
    set_paste(page, "." * 60_003)
    with HealthProbe(app_url) as probe:
        page.locator(".st-key-paste_go button").click()
        print(f"clicked at {time.perf_counter() - probe.t0:.1f} s")
        page.wait_for_timeout(1_000)
        # The other session keeps working while the dots are parsed: a layer toggle reruns its script.
        for _ in range(2):
            t0 = time.perf_counter()
            page2.locator(".st-key-layer_camps label").click()
            idle(page2)
            print(f"toggle at {t0 - probe.t0:.1f} s took {time.perf_counter() - t0:.1f} s")
            assert time.perf_counter() - t0 < 15, "the other session's rerun waited for the parse"
        expect(layer_labels(frame2)).to_have_text(SEED_LAYERS, use_inner_text=True)
        # The pasting session says what it is doing, then gets its answer (no places) or, past the
        # parse budget, a clear message; never a silent hang.
        done = main_caption(page).filter(has_text="Pasted text (60,003 characters)")
        stopped = page.locator('[data-testid="stAlert"]').filter(has_text="Pasted text (60,003 characters): stopped")
        if done.count() == 0:
            expect(page.locator('[data-testid="stAlert"]')).to_contain_text("mapping 60,003 characters")
        expect(done.or_(stopped)).to_have_count(1, timeout=DEFAULT_BUDGET_S * 1000 + 30_000)
        print(f"answered at {time.perf_counter() - probe.t0:.1f} s: {done.count() and 'mapped' or 'stopped'}")
    probe.check()
    other.close()
    assert attempted == [] and opened == []


def test_a_4mb_news_statement_is_drawn_in_bounded_parts(page: Page, app_url, gaz):
    text = arabic_news(4_000_000, gaz)
    frame = open_dashboard(page, app_url)
    with HealthProbe(app_url) as probe:
        upload(page, "news.txt", text.encode("utf-8"))
        # A preview comes first (or the whole map, if the machine is quick), then the whole statement.
        caption = main_caption(page)
        expect(caption).to_contain_text("Upload news (utf-8) · language: Arabic", timeout=300_000)
        expect(caption).not_to_contain_text("Preview", timeout=DEFAULT_BUDGET_S * 1000)
        idle(page)
    probe.check()
    n_places = int(caption.inner_text().split(" · ")[2].split()[0].replace(",", ""))
    assert n_places > 1_000
    expect(page.get_by_text("Large statement, shown in part:")).to_be_visible()
    expect(frame.locator(".marker-cluster").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1_000)
    page_nodes, map_nodes = page.evaluate(_NODES)
    assert page_nodes < MAX_PAGE_NODES, page_nodes
    assert map_nodes < MAX_MAP_NODES, map_nodes
    # The statement is one page of 20,000 characters, not 4 MB of highlighted text.
    assert len(page.locator(".geo-statement").inner_text()) <= 20_000
    expect(page.locator(".st-key-statement_page")).to_be_visible()

    # Zoomed in on Shanghai, its own circle appears; its popup holds a bounded number of quotes.
    map_frame(page).evaluate("() => window.map.setView([31.22222, 121.45806], 12, {animate: false})")
    settle(page)
    shanghai = frame.locator(f"path.{css_class('geonames:1796236')}")
    expect(shanghai).to_be_visible(timeout=30_000)
    shanghai.click()
    popup = frame.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Shanghai")
    assert popup.locator(".geo-quote").count() <= 5
    expect(popup.locator(".geo-more")).to_contain_text("more mention")
    expect(page.locator(".st-key-quotes_panel")).to_contain_text("Shanghai", timeout=60_000)
    assert page.locator(".st-key-quotes_panel .geo-quote").count() <= 50
    page_nodes, map_nodes = page.evaluate(_NODES)
    assert page_nodes < MAX_PAGE_NODES and map_nodes < MAX_MAP_NODES, (page_nodes, map_nodes)


def test_the_upload_limit_is_ten_million_bytes_in_the_browser_and_the_app(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    uploader = page.locator(".st-key-upload")
    expect(page.get_by_text("Plain-text files (and pastes) up to 10 MB (10,000,000 bytes).")).to_be_visible()
    head = b"Officials met in Tripoli, Lebanon, then drove to Beirut. "
    # One byte over: Streamlit's uploader refuses it in the browser (it counts 1 MB as 1,000,000 bytes).
    upload(page, "over.txt", head + b" " * (10_000_001 - len(head)))
    expect(uploader).to_contain_text("File must be 10.0MB or smaller.", timeout=30_000)
    # Exactly at the limit: the browser sends it, and the app takes it.
    upload(page, "full.txt", head + b" " * (10_000_000 - len(head)))
    expect(main_caption(page)).to_contain_text("Upload full (utf-8)", timeout=200_000)
    expect(main_caption(page)).not_to_contain_text("Preview", timeout=200_000)  # (a preview may come first)
    idle(page)
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    assert page.locator('[data-testid="stAlert"]').all_inner_texts() == []


def test_a_lone_surrogate_in_the_paste_box_is_repaired_and_said(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    set_paste(page, "Officials met in Tripoli, Lebanon <LONE> then drove to Beirut.")
    assert "\ufffd" in page.locator(".st-key-paste_text textarea").input_value()
    page.locator(".st-key-paste_go button").click()
    expect(main_caption(page)).to_contain_text("Pasted text (", timeout=30_000)
    expect(page.get_by_text("1 replacement character (�)")).to_be_visible()
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
