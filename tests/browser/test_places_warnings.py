"""A places file's warnings in headless Chromium (issue 14): what the command line says about a places file
(an everyday-word name read only after a cue word, a known id replaced) the dashboard shows too, and a name
that is only an everyday word ("the", من) is refused; the map stays as it was either way."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect
from test_dashboard import open_dashboard
from test_hostile import ENGLISH_LAYERS, ENGLISH_NAMES, idle, layer_labels, paste, wait_for_table

pytestmark = pytest.mark.browser

ENGLISH = "Officials met in Tripoli, Lebanon, on Monday and then drove south to Beirut. We hope for peace."


def _file(file: str, name: str, name_ar: str = "", kind: str = "camp") -> list[dict]:
    props = {"id": "w", "name": name, "kind": kind, "country_code": "LB", **({"name_ar": name_ar} if name_ar else {})}
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.6, 33.9]}, "properties": props}]}
    return [{"name": file, "mimeType": "application/geo+json", "buffer": json.dumps(fc).encode()}]


def test_everyday_word_names_are_refused_or_warned_and_the_map_is_unchanged(page: Page, app_url):
    frame = open_dashboard(page, app_url)
    paste(page, ENGLISH)
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True, timeout=30_000)
    wait_for_table(page, lambda n: n == ENGLISH_NAMES)
    idle(page)
    sidebar = page.get_by_test_id("stSidebarUserContent")
    sidebar.get_by_text("Your places", exact=True).click()  # open the expander
    places_input = page.locator(".st-key-places_upload_0 input[type=file]")
    alerts = page.locator('[data-testid="stAlert"]')

    # "the" and من: refused, naming the word; nothing changes.
    for file, word in (("the.geojson", "the"), ("min.geojson", "من")):
        places_input.set_input_files(files=_file(file, word))
        refused = alerts.filter(has_text=file)
        expect(refused).to_contain_text(f"the name '{word}' is made of everyday words", timeout=30_000)
        idle(page)
        expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True)
        wait_for_table(page, lambda n: n == ENGLISH_NAMES)
        expect(sidebar).not_to_contain_text("new place in use")

    # "Hope" / أمل: taken, with the warning the command line prints; "We hope" is no place.
    places_input.set_input_files(files=_file("hope.geojson", "Hope", "أمل"))
    warning = sidebar.locator('[data-testid="stAlert"]')
    expect(warning).to_contain_text("'Hope' is also an everyday word", timeout=30_000)
    expect(warning).to_contain_text("hope.geojson: place 'user:w': the name 'أمل' is also an everyday word")
    expect(alerts.filter(has_text="min.geojson")).to_have_count(0)  # the refusal is gone with a good file
    expect(sidebar).to_contain_text("1 new place in use")
    idle(page)
    expect(layer_labels(frame)).to_have_text(ENGLISH_LAYERS, use_inner_text=True)
    wait_for_table(page, lambda n: n == ENGLISH_NAMES)
    expect(page.locator('[data-testid="stException"]')).to_have_count(0)
