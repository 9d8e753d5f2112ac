"""build_map rendered to HTML and asserted on: offline assets, layers, escaping, determinism."""

from __future__ import annotations

import json
import re

import folium
import pytest
from situations import BAGHDAD, DAMASCUS, HOSTILE_QUOTE, IRAQ, SYRIA, hostile, make_situation, seed_like

from geo.errors import InputError, UnknownPlaceError
from geo.mapview import (
    ASSET_BASE,
    _radius,
    basemap_geojson,
    build_map,
    escape_untrusted,
    fit_bounds,
    focus_view,
    map_html_standalone,
    place_css_class,
    write_map_html,
)
from geo.model import LAYERS

CDN_HOSTS = ("jsdelivr", "cdnjs", "code.jquery", "bootstrapcdn", "unpkg", "openstreetmap", "googleapis",
             "cloudflare", "fontawesome")


def render(m: folium.Map) -> str:
    return m.get_root().render()


def place_data(html: str) -> list[dict]:
    """The JSON each layer's script carries (geojson, style, popup, tooltip), as the browser parses it."""
    blobs = re.findall(r"\}\)\((\{\"geojson\".*?\})\)\.addTo\(", html)
    return [json.loads(b) for b in blobs]


def popups(html: str) -> dict[str, str]:
    return {pid: h for d in place_data(html) for pid, h in d["popup"].items()}


def effective_style(layer_data: dict, place_id: str) -> dict:
    """A place's style as the map's script computes it: a point's own radius and class over its layer's point style."""
    own = layer_data["style"][place_id]
    return own if "pane" in own else {**layer_data["point"], **own}


@pytest.fixture(scope="module")
def seed_html() -> str:
    return render(build_map(seed_like()))


# -- offline ------------------------------------------------------------------------------------------
def test_only_local_assets(seed_html):
    urls = re.findall(r'(?:src|href)="([^"]+)"', seed_html)
    assert sorted(urls) == sorted([f"{ASSET_BASE}/leaflet/leaflet.js", f"{ASSET_BASE}/leaflet/leaflet.css",
                                   f"{ASSET_BASE}/leaflet.markercluster/leaflet.markercluster.js",
                                   f"{ASSET_BASE}/leaflet.markercluster/MarkerCluster.css",
                                   f"{ASSET_BASE}/leaflet.markercluster/MarkerCluster.Default.css",
                                   f"{ASSET_BASE}/leaflet-textpath/leaflet.textpath.js"])  # movement arrows
    assert "http://" not in seed_html and "https://" not in seed_html
    for host in CDN_HOSTS:
        assert host not in seed_html


def test_asset_base_is_configurable():
    html = render(build_map(seed_like(), asset_base="/static/x/"))
    assert '<script src="/static/x/leaflet/leaflet.js"></script>' in html
    assert ASSET_BASE not in html


def test_vendored_files_exist():
    from geo.mapview import VENDOR_DIR
    for rel in ("leaflet/leaflet.js", "leaflet/leaflet.css", "leaflet/LICENSE", "leaflet/images/layers.png",
                "leaflet.markercluster/leaflet.markercluster.js", "leaflet.markercluster/MarkerCluster.css",
                "leaflet.markercluster/MarkerCluster.Default.css", "leaflet.markercluster/LICENSE"):
        assert (VENDOR_DIR / rel).is_file(), rel
    assert 't.version="1.9.4"' in (VENDOR_DIR / "leaflet/leaflet.js").read_text()
    assert "Leaflet.markercluster 1.5.3," in (VENDOR_DIR / "leaflet.markercluster/leaflet.markercluster.js").read_text()


def test_online_tiles_only_when_asked(seed_html):
    assert "tile.openstreetmap.org" not in seed_html
    html = render(build_map(seed_like(), tiles="OpenStreetMap"))
    assert "tile.openstreetmap.org" in html
    assert '"OpenStreetMap (online tiles)"' in html  # listed as a base layer in the layer control


@pytest.mark.parametrize("tiles", ["CartoDB Positron", "https://evil.example/{z}/{x}/{y}.png", ""])
def test_unknown_tiles_rejected(tiles):
    with pytest.raises(InputError, match="unknown tiles"):
        build_map(seed_like(), tiles=tiles)


def test_basemap_always_present_and_offline(seed_html):
    fc = basemap_geojson()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 177
    for f in fc["features"][:20]:
        ring = f["geometry"]["coordinates"][0]
        ring = ring[0] if f["geometry"]["type"] == "MultiPolygon" else ring
        lon, lat = ring[0]  # GeoJSON order is [lon, lat]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    assert "Natural Earth" in seed_html and '"pane": "geo-basemap"' in seed_html
    assert '"interactive": false' in seed_html


# -- layers -------------------------------------------------------------------------------------------
def test_one_feature_group_per_layer_and_layer_control_last(seed_html):
    m = build_map(seed_like())
    groups = [c for c in m._children.values() if isinstance(c, folium.FeatureGroup)]
    assert [g.layer_name.rsplit("</span>", 1)[1] for g in groups] == [
        "Countries (4)", "Regions (1)", "Natural features (0)", "Cities and towns (3)", "Camps and facilities (2)",
        "Movements (2)"]  # the arrows (tests/test_mapview_movements.py) after the places
    assert isinstance(list(m._children.values())[-1], folium.LayerControl)
    for layer in LAYERS:
        assert f"background:{layer.colour}" in seed_html  # swatch in the layer control label


@pytest.mark.parametrize("layer,expected", [
    ("countries", ["country:US", "country:SY", "country:SA", "country:IQ"]),
    ("regions", ["curated:northeast-syria"]),
    ("cities", ["geonames:108410", "geonames:170654", "geonames:98182"]),
    ("camps", ["curated:al-hol-camp", "curated:roj-camp"]),
])
def test_places_drawn_in_their_layer(seed_html, layer, expected):
    found = re.findall(rf"geo-place geo-layer-{layer} (geo-place-[a-z0-9-]+)", seed_html)
    assert sorted(set(found)) == sorted(place_css_class(p) for p in expected)


def test_layers_argument_leaves_others_out():
    html = render(build_map(seed_like(), layers=["camps"]))
    assert "geo-layer-camps" in html
    assert not re.search(r"geo-layer-(countries|regions|cities)", html)
    assert "Cities and towns" not in html


@pytest.mark.parametrize("layers,match", [(["lakes"], "unknown layer 'lakes'"), ("camps", "not the string")])
def test_bad_layers_rejected(layers, match):
    with pytest.raises(InputError, match=match):
        build_map(seed_like(), layers=layers)


def test_areas_are_polygons_and_points_are_circle_markers(seed_html):
    data = place_data(seed_html)
    assert len(data) == len(LAYERS)  # one script per layer
    kinds = {f["id"]: f["geometry"]["type"] for d in data for f in d["geojson"]["features"]}
    assert sorted(kinds.values()) == ["Point"] * 5 + ["Polygon"] * 5  # 3 cities + 2 camps; 4 countries + 1 region
    styles = {pid: effective_style(d, pid) for d in data for pid in d["style"]}
    for pid, kind in kinds.items():
        assert styles[pid]["pane"] == ("geo-points" if kind == "Point" else "geo-areas")
        assert ("radius" in styles[pid]) is (kind == "Point")
    assert "L.circleMarker(latlng" in seed_html


def test_colours_follow_the_layers(seed_html):
    colours = {layer.key: layer.colour for layer in LAYERS}
    for d in place_data(seed_html):
        for f in d["geojson"]["features"]:
            assert effective_style(d, f["id"])["fillColor"] == colours[f["properties"]["layer"]]


def test_radius_grows_with_mentions():
    radii = [_radius(n) for n in (1, 2, 4, 9, 100)]
    assert radii == sorted(radii) and radii[0] < radii[1] and radii[-1] == 20.0
    text = "بغداد ثم بغداد ثم بغداد. ودمشق."
    situation = make_situation(text, [("بغداد", BAGHDAD), ("دمشق", DAMASCUS)])
    (cities,) = [d for d in place_data(render(build_map(situation)))
                 if d["style"]]
    assert cities["style"][BAGHDAD.place_id]["radius"] == _radius(3) > cities["style"][DAMASCUS.place_id]["radius"]


def test_click_returns_place_id_only(seed_html):
    """The GeoJSON properties carry ids, not statement text (st_folium returns them to Python)."""
    feats = [f for d in place_data(seed_html) for f in d["geojson"]["features"]]
    assert len(feats) == 10 and all(set(f["properties"]) == {"place_id", "layer"} for f in feats)
    assert all(f["id"] == f["properties"]["place_id"] for f in feats)


# -- escaping -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("raw,escaped", [
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("`", "&#96;"),
    ("${alert(1)}", "&#36;&#123;alert(1)&#125;"),
    ("a\\b", "a&#92;b"),
    ("{{ 7*7 }}", "&#123;&#123; 7*7 &#125;&#125;"),
    ('"\'&', "&quot;&#x27;&amp;"),
    ("دمشق", "دمشق"),
])
def test_escape_untrusted(raw, escaped):
    assert escape_untrusted(raw) == escaped


def test_hostile_quote_is_inert_in_the_map():
    html = render(build_map(hostile()))
    # Raw page: nothing that could open a tag or end the script.
    assert "<img" not in html and "<script>alert" not in html and "</script>alert" not in html
    assert "${alert" not in html and "`x`" not in html
    # What the browser puts into the popup (innerHTML): escaped text only.
    for h in popups(html).values():
        assert "<img" not in h and "<script" not in h and "`" not in h and "${" not in h
    damascus = popups(html)[DAMASCUS.place_id]
    assert "&lt;img src=x onerror=alert(1)&gt;" in damascus
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in damascus
    assert "&#96;x&#96;" in damascus and "&#36;&#123;alert(1)&#125;" in damascus
    tips = {pid: t for d in place_data(html) for pid, t in d["tooltip"].items()}
    assert "&lt;img src=x onerror=alert(2)&gt;" in tips["curated:evil"] and "<img" not in tips["curated:evil"]


def test_jinja_in_a_quote_is_not_evaluated():
    """folium re-renders scripts as Jinja templates: braces must never reach it raw."""
    text = "وصل {{ 'ab' ~ 'cd' }} إلى بغداد."
    html = render(build_map(make_situation(text, [("بغداد", BAGHDAD)])))
    assert "abcd" not in html
    assert "&#123;&#123; &#x27;ab&#x27; ~ &#x27;cd&#x27; &#125;&#125;" in popups(html)[BAGHDAD.place_id]


def test_folium_itself_evaluates_jinja_in_popups():
    """Why the braces are escaped: plain folium runs "{{ ... }}" from a popup on the server."""
    m = folium.Map(tiles=None)
    folium.CircleMarker([0, 0], popup=folium.Popup("x {{ 6*7 }} y")).add_to(m)
    assert "x 42 y" in m.get_root().render()


def test_popup_marks_the_mention_right_to_left(seed_html):
    hol = popups(seed_html)["curated:al-hol-camp"]
    assert re.search(r'<p class="geo-quote" dir="rtl" lang="ar"[^>]*>إعادة دمج العائلات من مخيمي '
                     r'<mark[^>]*>الهول</mark> وروج', hol)
    assert 'class="geo-tip-ar" dir="rtl" lang="ar">مخيم الهول</span>' in hol


# -- view ---------------------------------------------------------------------------------------------
def test_deterministic_output():
    a, b = render(build_map(seed_like())), render(build_map(seed_like()))
    assert a == b
    assert not re.search(r"_[0-9a-f]{32}\b", a.replace("_" + "0" * 20, "")), "random folium id left"


def test_fit_bounds_keeps_passing_countries_out():
    (s, w), (n, e) = fit_bounds(seed_like())
    assert w > 30 and e < 60 and s > 15 and n < 40  # the Middle East, not the United States
    only_countries = make_situation("سوريا والعراق", [("سوريا", SYRIA), ("العراق", IRAQ)])
    assert fit_bounds(only_countries) == [[29.1, 35.7], [37.4, 48.6]]
    assert fit_bounds(make_situation("لا شيء", [])) is None


def test_selected_place_centres_the_map():
    html = render(build_map(seed_like(), selected=BAGHDAD.place_id))
    assert "fitBounds" not in html
    assert "center: [33.3406, 44.4009]," in html and '"zoom": 9,' in html
    assert focus_view(seed_like(), "country:IQ")[1] in (5, 6)


def test_unknown_selected_place():
    with pytest.raises(UnknownPlaceError, match="names no place 'geonames:1'"):
        build_map(seed_like(), selected="geonames:1")


def test_empty_situation_gives_a_world_map():
    html = render(build_map(make_situation("", [])))
    assert "fitBounds" not in html and "Countries (0)" in html


# -- standalone ---------------------------------------------------------------------------------------
def test_standalone_has_everything_inline(tmp_path):
    html = map_html_standalone(seed_like())
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)
    assert ASSET_BASE not in html
    assert '<meta charset="utf-8">' in html[:300]  # browsers look for it in the first 1024 bytes
    assert "window.L=" in html or "window.L =" in html  # leaflet inlined
    assert "url(data:image/png;base64," in html
    assert "sourceMappingURL" not in html
    assert len(place_data(html)) == len(LAYERS) and len(popups(html)) == 10
    out = write_map_html(seed_like(), tmp_path / "map.html")
    assert out.read_text(encoding="utf-8") == html


def test_standalone_rejects_asset_base():
    with pytest.raises(InputError, match="inlines its assets"):
        map_html_standalone(seed_like(), asset_base="/x")


def test_hostile_quote_is_inert_standalone():
    html = map_html_standalone(hostile())
    assert HOSTILE_QUOTE not in html and "<img src=x" not in html and "${alert" not in html


# -- pieces the dashboard uses (base map once, places as feature groups) -------------------------------
def test_base_map_is_independent_of_the_statement():
    from geo.mapview import base_map

    a, b = render(base_map()), render(base_map())
    assert a == b and "geo-place" not in a and "Natural Earth" in a
    assert "tile.openstreetmap.org" in render(base_map(tiles="OpenStreetMap"))


def test_layer_groups_one_per_chosen_layer():
    from geo.mapview import layer_groups

    groups = layer_groups(seed_like(), layers=["cities", "camps"])
    labels = [g.layer_name.rsplit("</span>", 1)[1] for g in groups]
    assert labels == ["Cities and towns (3)", "Camps and facilities (2)"]
    assert len({g.get_name() for g in groups}) == 2  # distinct names: a map keys its children by name


@pytest.mark.parametrize("marks,lat_range,lon_range,zooms", [
    ([("بغداد", BAGHDAD), ("دمشق", DAMASCUS)], (32, 35), (36, 45), range(5, 8)),
    ([("بغداد", BAGHDAD)], (33.3, 33.4), (44.3, 44.5), [9]),
    ([], (25, 25), (40, 40), [4]),
])
def test_initial_view_fits_the_places(marks, lat_range, lon_range, zooms):
    from geo.mapview import initial_view

    text = "بغداد ودمشق"
    (lat, lon), zoom = initial_view(make_situation(text, marks))
    assert lat_range[0] <= lat <= lat_range[1] and lon_range[0] <= lon <= lon_range[1] and zoom in zooms
