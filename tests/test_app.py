"""The Streamlit shell, run headless with streamlit.testing.v1.AppTest (no browser).

AppTest cannot render the map, but st_folium appears as a component whose
arguments (script, asset URLs, centre, zoom) can be read, and whose value can be
set to simulate a click.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
#: The seed statement's ten places (Riyadh, Damascus, Baghdad, al-Hol and Roj camps, northeast Syria,
#: Syria, Iraq, Saudi Arabia, United States), by their stable ids.
SEED_IDS = {"geonames:108410", "geonames:170654", "geonames:98182", "curated:al-hol-camp", "curated:roj-camp",
            "curated:northeast-syria", "country:SY", "country:IQ", "country:SA", "country:US"}
ENGLISH = "Officials met in Baghdad on Monday. They will travel to Damascus next week."
HOSTILE = ("Talks in Baghdad <img src=x onerror=alert(1)> and <script>alert(1)</script>, "
           "a `backtick` and ${alert(1)} in Damascus.")


#: What st_folium reports once the map is drawn in the browser (no click yet; its count starts at 0).
MAP_DRAWN = {"last_active_drawing": None, "last_object_clicked_popup": None, "last_object_clicked_count": 0}


def open_app() -> AppTest:
    """A new session's first run: the title, the caption and the map (the rest follows the map's report)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


def map_reports(at: AppTest, value: dict) -> None:
    """Set st_folium's value as the browser does after drawing or a click, and rerun."""
    widget_key = map_component(at).proto.id.rsplit("-", 1)[1]
    at.session_state[widget_key] = value
    at.run()
    assert not at.exception, at.exception


@pytest.fixture
def app() -> AppTest:
    """The dashboard as a user sees it after opening it: first run, then the run the drawn map triggers."""
    at = open_app()
    map_reports(at, MAP_DRAWN)
    return at


def caption(at: AppTest) -> str:
    return at.main.caption[0].value


def place_names(at: AppTest) -> set[str]:
    return set(at.dataframe(key="places_table").value["name"])


def place_ids(at: AppTest) -> set[str]:
    return set(at.session_state["table_ids"])


def map_component(at: AppTest):
    found = [el for el in at.main.get("component_instance")
             if el.proto.component_name == "streamlit_folium.st_folium"]
    assert len(found) == 1
    return found[0]


def map_args(at: AppTest) -> dict:
    return json.loads(map_component(at).proto.json_args)


def errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


def settle(at: AppTest, timeout: float = 120) -> None:
    """Rerun until no statement is pending (a long one is parsed by a worker; the browser's timer reruns)."""
    import time

    end = time.monotonic() + timeout
    while at.session_state["pending"] and time.monotonic() < end:
        time.sleep(0.2)
        at.run()
        assert not at.exception, at.exception
    assert not at.session_state["pending"], "still pending"


def paste(at: AppTest, text: str) -> None:
    at.text_area(key="paste_text").input(text).run()
    at.button(key="paste_go").click().run()
    assert not at.exception, at.exception


def test_first_run_sends_the_map_and_the_drawn_map_brings_the_rest():
    at = open_app()
    assert at.title[0].value == "Situation map" and "statement-2026-02-09-riyadh.ar.txt" in caption(at)
    assert "geo-layer-camps" in map_args(at)["feature_group"]
    # Nothing else that the browser would have to load and reveal together with the map.
    assert not at.dataframe and not at.main.get("download_button") and not at.main.get("html")
    assert [h.value for h in at.sidebar.header] == ["Statement"] and not at.sidebar.checkbox
    first_script = map_args(at)["script"]
    map_reports(at, MAP_DRAWN)
    assert place_ids(at) == SEED_IDS and len(at.main.get("download_button")) == 4
    assert len(at.sidebar.checkbox) == 5 and at.session_state["selected"] is None  # one per layer
    assert map_args(at)["script"] == first_script  # the same map: the browser keeps its iframe


def test_opens_on_the_seed_statement_parsed(app):
    assert "statement-2026-02-09-riyadh.ar.txt" in caption(app)
    assert "language: Arabic" in caption(app)
    assert place_ids(app) == SEED_IDS and len(place_names(app)) == 10
    assert not errors(app)
    args = map_args(app)
    # The places arrive as feature groups; the view as centre/zoom fitted on the Middle East.
    for layer in ("countries", "regions", "cities", "camps"):
        assert f"geo-layer-{layer}" in args["feature_group"] and f"geo-layer-{layer}" not in args["script"]
    lat, lon = args["center"]
    assert 20 < lat < 38 and 35 < lon < 50 and 4 <= args["zoom"] <= 6
    assert args["returned_objects"][:2] == ["last_active_drawing", "last_object_clicked_popup"]
    assert "Camps and facilities (2)" in args["layer_control"]


def test_map_uses_only_local_assets(app):
    args = map_args(app)
    assert args["js_links"] == ["/app/static/vendor/leaflet/leaflet.js",
                                "/app/static/vendor/leaflet.markercluster/leaflet.markercluster.js",
                                "/app/static/vendor/leaflet-textpath/leaflet.textpath.js"]  # movement arrows
    assert args["css_links"] == ["/app/static/vendor/leaflet/leaflet.css",
                                 "/app/static/vendor/leaflet.markercluster/MarkerCluster.css",
                                 "/app/static/vendor/leaflet.markercluster/MarkerCluster.Default.css"]
    for part in ("script", "header", "html", "feature_group", "layer_control"):
        assert "http://" not in args[part] and "https://" not in args[part]


def test_rerun_does_not_change_the_map(app):
    """Same input, same arguments: streamlit-folium keeps the map (and the user's view) across reruns."""
    before = map_component(app).proto
    app.run()
    after = map_component(app).proto
    assert after.id == before.id and after.json_args == before.json_args


def test_new_statement_keeps_the_map_component(app):
    """Only the feature groups and the view change: the iframe (and Leaflet) is not reloaded."""
    before = map_args(app), map_component(app).proto.id
    paste(app, ENGLISH)
    after = map_args(app), map_component(app).proto.id
    assert after[1] == before[1] and after[0]["script"] == before[0]["script"]
    assert "geo-layer-camps" in before[0]["feature_group"] and "geo-layer-camps" not in after[0]["feature_group"]
    assert "geonames:170654" in after[0]["feature_group"]  # Damascus
    assert after[0]["center"] != before[0]["center"]


def test_statement_view_highlights_mentions(app):
    html = [h.proto.body for h in app.main.get("html")]
    statement = next(h for h in html if 'class="geo-statement"' in h)
    assert statement.count('<mark class="geo-mention') >= 10 and 'dir="rtl"' in statement


def test_paste_text(app):
    paste(app, ENGLISH)
    assert "Pasted text" in caption(app) and "language: English" in caption(app)
    assert place_names(app) == {"Baghdad", "Damascus"}


def test_empty_paste_keeps_the_statement(app):
    paste(app, "   ")
    assert errors(app) == ["Pasted text: nothing to map; paste a statement first"]
    assert place_ids(app) == SEED_IDS


@pytest.mark.parametrize("lang,label", [("en", "English"), ("ar", "Arabic"), ("auto", "Arabic")])
def test_language_override(app, lang, label):
    app.radio(key="lang").set_value(lang).run()
    assert not app.exception
    assert f"language: {label}" in caption(app)


def test_language_override_applies_to_pasted_text(app):
    paste(app, ENGLISH)
    app.radio(key="lang").set_value("ar").run()
    assert "language: Arabic" in caption(app)


def test_good_upload(app):
    data = "اجتمع الوفد في بغداد ثم في دمشق.".encode("cp1256")
    app.file_uploader(key="upload").upload("بيان.txt", data, "text/plain").run()
    assert not app.exception and not errors(app)
    assert "Upload بيان (windows-1256)" in caption(app)
    assert place_names(app) == {"Baghdad", "Damascus"}


@pytest.mark.parametrize("name,data,message", [
    ("empty.txt", b"", "the file is empty"),
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
    ("report.txt", b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
    ("nul.txt", b"abc\x00\x01\x02def" * 20, "binary"),
])
def test_bad_upload_is_explained_and_the_previous_statement_kept(app, name, data, message):
    paste(app, ENGLISH)
    app.file_uploader(key="upload").upload(name, data, "text/plain").run()
    assert not app.exception
    assert len(errors(app)) == 1
    err = errors(app)[0]
    assert err.startswith(f"Upload '{Path(name).stem}': ") and message in err
    assert "Pasted text" in caption(app) and place_names(app) == {"Baghdad", "Damascus"}


def test_error_clears_on_the_next_good_input(app):
    app.file_uploader(key="upload").upload("e.txt", b"", "text/plain").run()
    assert errors(app)
    paste(app, ENGLISH)
    assert not errors(app)


def test_choosing_a_place_focuses_the_map_and_shows_its_quotes(app):
    ids = app.session_state["table_ids"]
    baghdad = next(pid for pid in ids if pid == "geonames:98182")
    app.selectbox(key="selected").set_value(baghdad).run()
    args = map_args(app)
    assert args["center"] == pytest.approx([33.34, 44.40], abs=0.05) and args["zoom"] == 9
    panel = [h.proto.body for h in app.main.get("html") if 'class="geo-quotes"' in h.proto.body]
    assert len(panel) == 1 and "Baghdad" in panel[0] and "<mark" in panel[0] and "بغداد" in panel[0]


def test_click_on_a_camp_shows_its_arabic_quote(app):
    """Simulate st_folium's value after a click: the feature of the clicked place."""
    center_before = map_args(app)["center"]
    map_reports(app, {
        "last_active_drawing": {"type": "Feature", "properties": {"place_id": "curated:al-hol-camp"}},
        "last_object_clicked_popup": "al-Hol camp", "last_object_clicked_count": 1,
    })
    assert app.session_state["selected"] == "curated:al-hol-camp"
    panel = next(h.proto.body for h in app.main.get("html") if 'class="geo-quotes"' in h.proto.body)
    assert 'dir="rtl"' in panel and "<mark" in panel and "الهول" in panel
    assert map_args(app)["center"] == center_before  # a click selects, it does not move the map


def test_hostile_paste_is_escaped_everywhere(app):
    paste(app, HOSTILE)
    bodies = [h.proto.body for h in app.main.get("html")]
    assert any("&lt;img src=x onerror=alert(1)&gt;" in b for b in bodies)
    for b in bodies:
        assert "<img" not in b and "<script" not in b and "${" not in b and "`" not in b
    args = map_args(app)
    assert "geonames:98182" in args["feature_group"]
    for part in ("script", "feature_group", "layer_control"):
        assert "<img src=x" not in args[part] and "${alert" not in args[part] and "<script>alert" not in args[part]


def test_layer_toggles(app):
    app.checkbox(key="layer_countries").uncheck().run()
    groups = map_args(app)["feature_group"]
    assert "geo-layer-countries" not in groups and "geo-layer-camps" in groups
    assert "Countries (" not in map_args(app)["layer_control"]


def test_downloads_offered(app):
    labels = [b.proto.label for b in app.main.get("download_button")]
    assert labels == ["GeoJSON (places)", "CSV (per place)", "CSV (per mention)", "HTML map (works offline)"]


def test_statement_without_places(app):
    paste(app, "Nothing in this sentence names a place at all.")
    assert not errors(app) and "0 places" in caption(app)
    assert place_names(app) == set()
    args = map_args(app)
    assert args["center"] == [25.0, 40.0] and args["zoom"] == 4
    assert "Countries (0)" in args["layer_control"]


def test_sidebar_layer_checkboxes_show_counts(app):
    labels = [app.checkbox(key=f"layer_{k}").label for k in ("countries", "regions", "natural", "cities", "camps")]
    assert labels == ["Countries (4)", "Regions (1)", "Natural features (0)", "Cities and towns (3)",
                      "Camps and facilities (2)"]


def test_upload_name_cannot_inject_markdown(app):
    name = "![x](http://evil.example/p.png)_**b**.txt"
    app.file_uploader(key="upload").upload(name, "في بغداد".encode(), "text/plain").run()
    assert not app.exception and not errors(app)
    text = caption(app)
    assert "](" not in text and "**" not in text and "![" not in text
    assert "Upload p.png\\-\\_\\-b (utf-8)" in text  # the name's last path part, reduced and escaped


def test_place_select_says_what_to_choose(app):
    # With no place chosen Streamlit shows the placeholder, not format_func(None).
    box = app.selectbox(key="selected")
    assert box.value is None and box.placeholder == "Choose a place…"
