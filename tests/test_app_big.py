"""The dashboard with long statements, headless (AppTest): workers, preview, limits, bounded views (issue 14).

Browser-level checks (another session stays responsive, the DOM stays small) are in
tests/browser/test_bigstatement.py.
"""

from __future__ import annotations

import html
import re
import time

import pytest
from newstext import arabic_news
from streamlit import config
from streamlit.testing.v1 import AppTest
from test_app import ENGLISH, app, caption, errors, paste, place_names, settle  # noqa: F401

from dashboard import bigstatement
from geo.worker import ParsePool


@pytest.fixture(scope="module")
def news(gaz) -> str:
    return arabic_news(300_000, gaz)


def notes(at: AppTest) -> list[str]:
    return [i.value for i in at.info] + [c.value for c in at.main.caption]


def test_a_long_paste_is_mapped_by_a_worker_and_shown_in_part(app, news):
    paste(app, ENGLISH)
    paste(app, news)
    settle(app)
    assert not errors(app)
    assert caption(app).startswith(f"Pasted text ({len(news):,} characters) · language: Arabic")
    assert len(place_names(app)) > 500
    assert app.session_state["paste_text"] == ""  # not sent back with every rerun
    summary = [n for n in notes(app) if n.startswith("Large statement, shown in part:")]
    assert len(summary) == 1 and "clusters" in summary[0] and "20,000 characters at a time" in summary[0]
    page = app.number_input(key="statement_page")
    assert page.value == 1 and page.max >= len(news) // 20_000
    statement = [h.proto.body for h in app.get("html") if 'class="geo-statement"' in h.proto.body]
    assert len(statement) == 1 and len(statement[0]) < 200_000
    first = statement[0]
    page.set_value(3).run()
    assert not app.exception
    [where] = [n for n in notes(app) if n.startswith("Characters ")]
    start = int(where.split()[1].split("–")[0].replace(",", ""))
    assert 20_000 < start <= 40_001 and where.endswith(f" of {len(news):,}.")
    [third] = [h.proto.body for h in app.get("html") if 'class="geo-statement"' in h.proto.body]
    shown = html.unescape(re.sub(r"<[^>]+>", "", third))
    assert third != first and shown.startswith(news[start - 1: start + 200])


def test_a_preview_is_shown_while_a_long_statement_is_mapped(app, gaz, monkeypatch):
    # Runs do not wait for the job here (in the browser they do, and rerun on its news): each app.run()
    # is one look, as the page's safety-net timer takes.
    monkeypatch.setattr(bigstatement, "WAIT_IN_RUN_S", 0.0)
    text = arabic_news(1_200_000, gaz)
    paste(app, ENGLISH)
    before = caption(app)
    paste(app, text)
    seen = set()
    end = time.monotonic() + 180
    while app.session_state["pending"] and time.monotonic() < end:
        c = caption(app)
        seen.add("preview" if c.startswith("Preview of Pasted text") else "previous" if c == before else c)
        assert any("mapping" in n for n in notes(app)), notes(app)
        time.sleep(0.2)
        app.run()
    assert "preview" in seen, seen
    assert caption(app).startswith("Pasted text (") and not app.session_state["pending"]


def test_a_statement_over_the_time_budget_is_stopped_and_the_previous_one_stays(app, gaz, monkeypatch):
    slow = ParsePool(budget_s=1.0, preview_chars=0)
    monkeypatch.setattr(bigstatement, "pool", lambda: slow)
    paste(app, ENGLISH)
    before = caption(app)
    paste(app, arabic_news(3_000_000, gaz))
    settle(app)
    [error] = errors(app)
    assert error.startswith("Pasted text (") and "stopped after 1 s" in error
    assert error.endswith("the previous statement stays")
    assert caption(app) == before and place_names(app) == {"Baghdad", "Damascus"}


def test_tables_are_capped_and_say_so(app, news, monkeypatch):
    monkeypatch.setattr(bigstatement, "MAX_TABLE_ROWS", 25)
    paste(app, news)
    settle(app)
    assert len(app.dataframe(key="places_table").value) == 25
    assert any("the places table lists the first 25 of" in n for n in notes(app))
    assert len(app.selectbox(key="selected").options) == 26  # "Choose a place…" and 25 places


def test_changing_the_language_maps_a_long_statement_again(app, news):
    paste(app, news)
    settle(app)
    app.radio(key="lang").set_value("en").run()
    settle(app)
    assert "language: English" in caption(app) and not errors(app)


@pytest.fixture
def limit_1mb():
    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    yield 1_000_000
    config.set_option("server.maxUploadSize", before)


def test_a_paste_over_the_limit_is_refused_with_its_size(app, limit_1mb):
    paste(app, ENGLISH)
    before = caption(app)
    text = "Talks in Baghdad. " + "ب" * 500_000  # 1,000,018 bytes in UTF-8, 500,018 characters
    paste(app, text)
    assert errors(app) == ["Pasted text: it is 1,000,018 bytes; the limit is 1 MB (1,000,000 bytes)"]
    assert caption(app) == before


def test_a_paste_that_fills_the_box_is_refused(app, limit_1mb):
    app.run()  # the box is drawn with the new limit (a new max_chars makes it a new widget)
    paste(app, "x" * limit_1mb)
    [error] = errors(app)
    assert "it fills the paste box (1,000,000 characters)" in error and "upload it as a file" in error
    assert app.text_area(key="paste_text").proto.max_chars == limit_1mb


def test_a_repaired_paste_says_what_was_repaired(app):
    """A lone surrogate cannot even be sent (AppTest and the browser both fail to encode it): the page's
    guard script turns it into U+FFFD in the box (tests/browser/test_bigstatement.py), and the app says so."""
    paste(app, "Talks in Baghdad \ufffd and Damascus.")
    assert not errors(app) and place_names(app) == {"Baghdad", "Damascus"}
    assert any("1 replacement character (�)" in n for n in notes(app))
    paste(app, ENGLISH)
    assert not any("replacement character" in n for n in notes(app))  # said once, for that text only
    guard = [h.proto for h in app.sidebar.get("html") if h.proto.body == bigstatement.SURROGATE_GUARD]
    assert len(guard) == 1 and guard[0].unsafe_allow_javascript


def test_repair_surrogates_keeps_pairs_and_counts_halves():
    assert bigstatement.repair_surrogates("ok 😀") == ("ok 😀", 0)
    assert bigstatement.repair_surrogates("a\ud83d\ude00b") == ("a😀b", 0)  # a pair written as two code points
    assert bigstatement.repair_surrogates("\udc00 x \ud800") == ("\ufffd x \ufffd", 2)
    assert bigstatement.repair_surrogates("already \ufffd \ud800") == ("already \ufffd \ufffd", 1)
