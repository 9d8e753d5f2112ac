"""The "Movements" layer of geo.mapview rendered to HTML and asserted on: local plugin asset, one arrow per
origin → destination, the layer control, escaped popups, one-ended stubs, determinism, the standalone file."""

from __future__ import annotations

import json
import re

import pytest

from geo import geoparse
from geo.mapview import (
    ASSET_BASE,
    TEXTPATH_JS,
    VENDOR_DIR,
    build_map,
    map_html_standalone,
    movement_css_class,
    movement_group,
    movement_popup_html,
)

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"
HOSTILE = ('نقلت السلطات المحتجزين من مخيم الهول إلى بغداد <img src=x onerror=alert(1)> و`${alert(2)}` و{{ 7*7 }}.\n'
           "Fighters </script><script>alert(3)</script> fled from Aleppo to Damascus.")


def render(m) -> str:
    return m.get_root().render()


def arrows(html: str) -> list[dict]:
    """The arrows the movements script carries, as the browser parses them."""
    (blob,) = re.findall(r"\}\)\((\{\"arrows\".*?\})\)\.addTo\(", html)
    return json.loads(blob)["arrows"]


@pytest.fixture(scope="module")
def seed(gaz):
    return geoparse(SEED.read_text(encoding="utf-8"), gazetteer=gaz)


@pytest.fixture(scope="module")
def seed_html(seed) -> str:
    return render(build_map(seed))


def test_the_plugin_is_vendored_and_linked_locally(seed_html):
    assert (VENDOR_DIR / TEXTPATH_JS).is_file() and (VENDOR_DIR / "leaflet-textpath" / "LICENSE").is_file()
    assert "L.Polyline.include(PolylineTextPath)" in (VENDOR_DIR / TEXTPATH_JS).read_text(encoding="utf-8")
    assert f'<script src="{ASSET_BASE}/{TEXTPATH_JS}"></script>' in seed_html
    # After Leaflet: the plugin extends L.Polyline.
    assert seed_html.index(f"{ASSET_BASE}/leaflet/leaflet.js") < seed_html.index(TEXTPATH_JS)
    assert "cdn.jsdelivr" not in seed_html and "https://" not in seed_html


def test_the_group_gives_streamlit_folium_the_local_plugin_url(seed):
    group = movement_group(seed, asset_base="/x/")
    (layer,) = group._children.values()
    assert layer.default_js == [("leaflet_textpath", f"/x/{TEXTPATH_JS}")]


def test_one_arrow_per_origin_and_destination_with_the_seed_stubs(seed_html):
    got = arrows(seed_html)
    classes = [a["className"] for a in got]
    assert classes == [
        "geo-movement " + movement_css_class("curated:al-hol-camp", None) + " geo-movement-stub",
        "geo-movement " + movement_css_class("curated:roj-camp", None) + " geo-movement-stub",
        "geo-movement " + movement_css_class("country:IQ", None) + " geo-movement-stub",
        "geo-movement " + movement_css_class("country:SY", None) + " geo-movement-stub",
        "geo-movement " + movement_css_class(None, "country:IQ") + " geo-movement-stub",
    ]
    # A stub ends at its place (into it) or starts there (out of it): Leaflet latlngs are [lat, lon].
    into_iraq = got[4]["latlngs"]
    out_of_iraq = got[2]["latlngs"]
    assert into_iraq[-1] == out_of_iraq[0]
    assert into_iraq[0] != out_of_iraq[-1]  # two arrows, not one line through the place
    assert all(a["stub"] for a in got)


def test_the_layer_control_lists_movements_after_the_places(seed_html):
    assert "Movements (5)" in seed_html
    assert seed_html.index("Camps and facilities (") < seed_html.index("Movements (5)")


def test_two_ended_arrows_are_arcs_from_origin_to_destination(gaz):
    s = geoparse("Families returned from Beirut to Damascus. Others moved from Damascus to Beirut.", gazetteer=gaz)
    a, b = arrows(render(build_map(s)))
    beirut = s.place("geonames:276781").place
    damascus = s.place("geonames:170654").place
    assert a["latlngs"][0] == [round(beirut.lat, 5), round(beirut.lon, 5)]
    assert a["latlngs"][-1] == [round(damascus.lat, 5), round(damascus.lon, 5)]
    assert b["latlngs"][0] == a["latlngs"][-1] and b["latlngs"][-1] == a["latlngs"][0]
    # They bow to opposite sides, so A → B and B → A stay apart.
    assert a["latlngs"][8] != b["latlngs"][8]
    assert not a["stub"] and "geo-movement-stub" not in a["className"]


def test_popups_and_tooltips_are_escaped(gaz):
    s = geoparse(HOSTILE, gazetteer=gaz)
    assert len(s.movements) == 2
    html = render(build_map(s))
    for a in arrows(html):
        for text in (a["popup"], a["tooltip"]):
            assert "<img" not in text and "<script" not in text and "`" not in text and "${" not in text
            assert "{{" not in text
    popups = " ".join(a["popup"] for a in arrows(html))
    assert "&lt;img src=x onerror=alert(1)&gt;" in popups
    assert "&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;" in popups
    assert "49" not in popups  # never rendered as a template
    # Nothing from the statement reaches the page as markup or script.
    assert "<img src=x" not in html and "alert(3)</script>" not in html


def test_the_popup_marks_the_trigger_and_the_ends_by_offset(gaz):
    s = geoparse("Buses moved families from Aleppo to Damascus.", gazetteer=gaz)
    (mv,) = s.movements
    html = movement_popup_html([mv])
    assert "<b>Aleppo</b> &rarr; <b>Damascus</b>" in html
    assert html.count("<mark") == 3 and ">moved</mark>" in html
    assert ">Aleppo</mark>" in html and ">Damascus</mark>" in html


def test_an_arabic_quote_is_right_to_left(gaz):
    s = geoparse("فرّ آلاف المدنيين من الخرطوم باتجاه ود مدني.", gazetteer=gaz)
    html = movement_popup_html(s.movements)
    assert 'dir="rtl" lang="ar"' in html and "<b>Khartoum</b> &rarr; <b>Wad Medani</b>" in html


def test_no_movement_keeps_an_empty_layer(gaz):
    s = geoparse("Talks were held in Baghdad.", gazetteer=gaz)
    html = render(build_map(s))
    assert "Movements (0)" in html and arrows(html) == []


def test_deterministic(seed):
    assert render(build_map(seed)) == render(build_map(seed))


def test_standalone_inlines_the_plugin(seed):
    html = map_html_standalone(seed)
    assert ASSET_BASE not in html and TEXTPATH_JS not in html
    assert "L.Polyline.include(PolylineTextPath)" in html
    assert html.index("L.Polyline.include(PolylineTextPath)") < html.index('{"arrows"')
    assert len(arrows(html)) == 5
    # The plugin comes after Leaflet, which is inlined first.
    assert html.index("window.L=") < html.index("L.Polyline.include(PolylineTextPath)")
