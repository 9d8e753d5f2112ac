"""The situation as a folium map: one layer per kind of place, offline by default.

:func:`build_map` is pure (no Streamlit): it returns a :class:`folium.Map` that
tests render to HTML and assert on; :func:`map_html_standalone` inlines everything
into one file. The dashboard uses the same pieces separately: :func:`base_map` once
(so the map iframe is never reloaded) and :func:`layer_groups` for the places, passed
to ``st_folium(feature_group_to_add=...)``. What makes it safe and offline:

* Leaflet comes from ``asset_base`` (Streamlit serves ``static/`` at ``/app/static``);
  folium's CDN defaults (jQuery, bootstrap, font-awesome, ...) are dropped, because
  streamlit-folium stops at the first script that fails to load.
* The basemap is drawn from Natural Earth country outlines shipped inside the
  pyogrio wheel and, from zoom 6 on, from the Natural Earth 1:10m cells under
  ``static/vendor/natural-earth/10m`` (fetched from the asset base, or inlined in a
  standalone file); online tiles are added only when asked for (``tiles=``).
* Every string from the statement goes through :func:`escape_untrusted` and reaches
  the page as a JSON string of escaped HTML. Places are drawn by our own elements,
  whose output folium never re-parses as a Jinja template (it does for its own:
  "{{ 7*7 }}" in a folium popup renders as 49, on the server).
* Element ids are renumbered in tree order, so the same situation gives the same
  HTML byte for byte (streamlit-folium compares the scripts it is given: stable
  scripts mean reruns keep the user's view and layer toggles).

Coordinates: ``lat, lon`` in Python, ``[lon, lat]`` in GeoJSON, ``[lat, lon]`` for
Leaflet's centre and bounds; each flip is commented.
"""

from __future__ import annotations

import base64
import functools
import itertools
import json
import math
import os
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any, Iterable

import folium
import shapely
from branca.element import Element, Figure, MacroElement
from folium.template import Template

from .errors import InputError, UnknownPlaceError
from .memo import per_object
from .model import LAYERS, Layer
from .report import ARABIC_FONTS, escape_untrusted, first_quotes, is_rtl, quote_html
from .situation import Situation, SituationPlace

__all__ = [
    "ASSET_BASE",
    "VENDOR_DIR",
    "TILES",
    "build_map",
    "base_map",
    "layer_groups",
    "layer_control",
    "initial_view",
    "view_for_bounds",
    "map_html_standalone",
    "write_map_html",
    "escape_untrusted",
    "focus_view",
    "fit_bounds",
    "popup_html",
    "tooltip_html",
    "label_html",
    "basemap_geojson",
    "place_css_class",
    "DETAIL_DIR",
    "MOVEMENT_COLOUR",
    "TEXTPATH_JS",
    "movement_group",
    "CANDIDATES_LABEL",
    "candidate_css_class",
    "candidate_group",
    "movement_popup_html",
    "movement_css_class",
    "CLUSTER_ABOVE",
    "MAX_POPUP_QUOTES",
    "MAX_MAP_QUOTES",
    "MAX_ARROWS",
    "popup_quote_limit",
    "NEW_POINT_LABEL",
    "NEW_POINT_CLASS",
    "empty_map_click",
    "new_point_group",
]

#: Where Streamlit's static serving exposes ``static/vendor`` (root-relative: the map iframe is same-origin).
ASSET_BASE = "/app/static/vendor"

#: The vendored Leaflet files on disk (inlined by :func:`map_html_standalone`).
VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"

#: Online tile layers that may be asked for; ``None`` (the default) means no network at all.
TILES: dict[str, str] = {"OpenStreetMap": "OpenStreetMap (online tiles)"}

# The only files the map needs, relative to the asset base. No bootstrap / font-awesome
# (no folium.Icon) and no jQuery (only folium.Popup needs it; our popups are plain DOM).
# Leaflet.markercluster is always loaded, big statement or not: the base map (and so the
# map's iframe) must stay the same whatever the statement, or it would reload.
_JS = (("leaflet", "leaflet/leaflet.js"), ("markercluster", "leaflet.markercluster/leaflet.markercluster.js"))
_CSS = (("leaflet_css", "leaflet/leaflet.css"),
        ("markercluster_css", "leaflet.markercluster/MarkerCluster.css"),
        ("markercluster_default_css", "leaflet.markercluster/MarkerCluster.Default.css"))

_NATURAL_EARTH = ("tests", "fixtures", "naturalearth_lowres", "naturalearth_lowres.shp")
# ~10 km tolerance and 0.01° (~1 km) precision: outlines for context, ~130 KB of JSON.
_BASEMAP_TOLERANCE = 0.1
_BASEMAP_PRECISION = 0.01
# Area geometries of places are simplified for drawing only (exports keep full detail).
_AREA_TOLERANCE = 0.01

_PANES = (("geo-basemap", 350, False), ("geo-detail", 360, False), ("geo-areas", 410, True),
          ("geo-points", 420, True), ("geo-labels", 430, False))

#: The detailed offline basemap (Natural Earth 1:10m, data/tools/natural_earth.py): 5° cells under the asset base.
DETAIL_DIR = VENDOR_DIR / "natural-earth" / "10m"
_DETAIL_CELL = 5
_DETAIL_GRID = 0.001
# From this zoom on, the 1:10m cells in view replace the 1:110m outlines (at 6 a map shows ~15° of longitude).
_DETAIL_MIN_ZOOM = 6
# A standalone map inlines the cells around its places, at most this many (a cell is ~3 KB on average).
_DETAIL_INLINE_MAX = 36

#: Above this many point places, names show on hover only (permanent labels would pile up).
_MAX_LABELS = 25
#: Above this many point places, points are clustered (Leaflet.markercluster): the map then draws
#: one bubble per cluster and only the points in view, so its DOM stays small for any statement.
CLUSTER_ABOVE = 150
#: Quotes shown in a place's popup; the quotes panel and the CSV have more.
MAX_POPUP_QUOTES = 5
#: Arrows drawn on the movements layer (the most travelled routes); the table and the exports have all.
MAX_ARROWS = 300
#: Quotes in all the popups of one map: with many places, each popup holds fewer (at least one),
#: so the map's data stays about the size of this many quotes plus one heading per place.
MAX_MAP_QUOTES = 1_500

_SEA = "#dbe9f4"
_LAND = "#f7f5f0"
_BORDER = "#9aa5b1"

# Zoom used when focusing a point place, by kind (areas get a zoom from their extent).
_POINT_ZOOM = {"city": 9, "town": 10, "camp": 11, "prison": 12, "crossing": 12, "facility": 12, "street": 13}
# Lines (rivers) are drawn as lines: no fill.
_LINE_TYPES = ("LineString", "MultiLineString")

_MAP_CSS = f"""
<style>
  .leaflet-container {{ background: {_SEA}; font-family: "Noto Sans", "DejaVu Sans", sans-serif; }}
  .leaflet-popup-content {{ max-height: 230px; overflow-y: auto; min-width: 220px; margin: 10px 14px; }}
  .leaflet-control-layers {{ font-size: 12px; }}
  .leaflet-popup-content .geo-quote {{ font-size: 14px; margin: 0 0 .5em 0; line-height: 1.6; }}
  .leaflet-popup-content .geo-quote[dir="rtl"] {{ font-family: {ARABIC_FONTS}; font-size: 15px; }}
  .leaflet-popup-content .geo-quote mark {{ background: #ffe08a; padding: 0 .1em; border-radius: 2px; }}
  .geo-popup-name {{ font-weight: 600; font-size: 15px; }}
  .geo-popup-meta {{ color: #555; font-size: 12px; margin-bottom: 6px; }}
  .geo-more {{ color: #555; font-size: 12px; }}
  .leaflet-control-layers-overlays label {{ margin: 2px 0; }}
  .geo-swatch {{ display: inline-block; width: 11px; height: 11px; border-radius: 50%;
                 vertical-align: -1px; margin: 0 4px 0 2px; border: 1px solid rgba(0,0,0,.25); }}
  .geo-tip-ar {{ font-family: {ARABIC_FONTS}; }}
  .leaflet-tooltip.geo-label {{ background: rgba(255,255,255,.75); border: 0; box-shadow: none; padding: 0 3px;
                                font-size: 11px; font-weight: 600; color: #222; }}
  .leaflet-tooltip.geo-label::before {{ display: none; }}
</style>
"""


# -- helpers -----------------------------------------------------------------------------------------
class _Raw(Element):
    """Markup inserted as is (branca's Element would run it through Jinja, and JS has ``{{``)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.markup = markup

    def render(self, **kwargs: Any) -> str:
        return self.markup


def place_css_class(place_id: str) -> str:
    """A CSS class naming one place on the map (``curated:al-hol-camp`` → ``geo-place-curated-al-hol-camp``).

    Tests and the browser use it to find a place's SVG path.
    """
    return "geo-place-" + re.sub(r"[^a-z0-9-]+", "-", place_id.lower()).strip("-")


def _check_layers(layers: Iterable[str] | None) -> tuple[str, ...]:
    keys = tuple(layer.key for layer in LAYERS)
    if layers is None:
        return keys
    if isinstance(layers, str):
        raise InputError(f"layers must be an iterable of layer keys, not the string {layers!r}")
    chosen = tuple(layers)
    bad = [k for k in chosen if k not in keys]
    if bad:
        raise InputError(f"unknown layer {bad[0]!r}; valid layers: {', '.join(keys)}")
    return chosen


def _radius(mention_count: int) -> float:
    # Area ~ mentions, capped so a much-repeated name does not hide its neighbours.
    return round(min(20.0, 6.0 + 3.5 * math.sqrt(max(0, mention_count - 1))), 1)


def tooltip_html(sp: SituationPlace) -> str:
    """Hover text: English and Arabic names, kind and number of mentions (escaped)."""
    p = sp.place
    n = len(sp.mentions)
    return (
        f"<b>{escape_untrusted(p.name)}</b>"
        f' · <span class="geo-tip-ar" dir="rtl" lang="ar">{escape_untrusted(p.name_ar)}</span>'
        f'<br><small>{escape_untrusted(p.kind)} · {n} mention{"s" if n != 1 else ""}</small>'
    )


def label_html(sp: SituationPlace) -> str:
    """Permanent label next to a point: the English name (escaped; both names are in the tooltip)."""
    return escape_untrusted(sp.place.name)


def popup_html(sp: SituationPlace, text: str, *, max_quotes: int | None = MAX_POPUP_QUOTES) -> str:
    """Click text: names, kind, confidence and the first ``max_quotes`` quotes with the mention marked (escaped).

    A place mentioned thousands of times would otherwise carry the whole statement into the map;
    a last line says how many more there are and where to read them.
    """
    p = sp.place
    quotes = "".join(quote_html(q, styled=False) for q in first_quotes(sp, text, max_quotes))
    more = len(sp.mentions) - (len(sp.mentions) if max_quotes is None else min(max_quotes, len(sp.mentions)))
    if more > 0:
        quotes += f'<div class="geo-more">… and {more:,} more mention{"s" if more != 1 else ""}</div>'
    # Looks come from the map's CSS (_MAP_CSS): the same attributes repeated in every popup add up.
    return (
        f'<div class="geo-popup" data-place-id="{escape_untrusted(p.place_id)}">'
        f'<div class="geo-popup-name">{escape_untrusted(p.name)}'
        f' · <span class="geo-tip-ar" dir="rtl" lang="ar">{escape_untrusted(p.name_ar)}</span></div>'
        f'<div class="geo-popup-meta">{escape_untrusted(p.kind)}'
        f" · {escape_untrusted(p.country_code)} · confidence {sp.confidence:.2f}</div>"
        f"{quotes}</div>"
    )


def _feature(sp: SituationPlace, geometry: dict[str, Any]) -> dict[str, Any]:
    # Only ids in the properties: a click returns the feature to Python (st_folium's
    # last_active_drawing), and the statement's text stays out of the JSON entirely.
    return {
        "type": "Feature",
        "id": sp.place.place_id,
        "geometry": geometry,
        "properties": {"place_id": sp.place.place_id, "layer": sp.place.layer.key},
    }


def _area_geometry(geom: Any) -> dict[str, Any]:
    simple = shapely.simplify(geom, _AREA_TOLERANCE, preserve_topology=True)
    simple = shapely.set_precision(simple, 1e-4)
    if simple.is_empty:
        simple = geom
    return json.loads(shapely.to_geojson(simple))


def _bounds_of(sp: SituationPlace) -> tuple[float, float, float, float]:
    """(south, west, north, east) of a place: lat/lon order, as Leaflet's fitBounds wants."""
    p = sp.place
    if p.geometry is not None and not p.geometry.is_empty:
        minx, miny, maxx, maxy = p.geometry.bounds  # shapely is x=lon, y=lat: flip to lat/lon
        return miny, minx, maxy, maxx
    return p.lat, p.lon, p.lat, p.lon


def fit_bounds(situation: Situation, layers: Iterable[str] | None = None) -> list[list[float]] | None:
    """The ``[[south, west], [north, east]]`` the map opens on, or ``None`` without places.

    When the statement names anything smaller than a country, fit only those places:
    the countries stay on the map, but a country named in passing (an envoy "of the
    United States") or a large one (Saudi Arabia around Riyadh) does not zoom the
    view out past the places the statement is about.
    """
    chosen = set(_check_layers(layers))
    places = [sp for sp in situation.places if sp.place.layer.key in chosen]
    if not places:
        return None
    detail = [sp for sp in places if sp.place.kind != "country"]
    places = detail or places
    boxes = [_bounds_of(sp) for sp in places]
    s = min(b[0] for b in boxes)
    w = min(b[1] for b in boxes)
    n = max(b[2] for b in boxes)
    e = max(b[3] for b in boxes)
    return [[s, w], [n, e]]


def _zoom_for_span(span_deg: float) -> int:
    # A ~600 px map shows 360 * 600 / (256 * 2**z) degrees at zoom z; keep a margin.
    if span_deg <= 0:
        return 10
    return int(max(2, min(12, math.floor(math.log2(360 * 600 / (256 * span_deg * 1.3))))))


def focus_view(situation: Situation, place_id: str) -> tuple[tuple[float, float], int]:
    """Centre ``(lat, lon)`` and zoom that show one place of the situation.

    Raises :class:`~geo.errors.UnknownPlaceError` when the statement does not name it.
    """
    try:
        sp = situation.place(place_id)
    except KeyError:
        known = ", ".join(repr(x.place.place_id) for x in situation.places) or "none"
        raise UnknownPlaceError(f"the statement names no place {place_id!r}; its places: {known}") from None
    p = sp.place
    if p.geometry is not None and not p.geometry.is_empty:
        s, w, n, e = _bounds_of(sp)
        return (p.lat, p.lon), _zoom_for_span(max(n - s, e - w))
    return (p.lat, p.lon), _POINT_ZOOM.get(p.kind, 10)


@functools.lru_cache(maxsize=1)
def _basemap_json() -> str:
    import pyogrio  # local: only maps need it

    shp = Path(pyogrio.__file__).resolve().parent.joinpath(*_NATURAL_EARTH)
    if not shp.exists():  # pragma: no cover - depends on the installed wheel
        raise InputError(f"basemap source {str(shp)!r} is missing; reinstall pyogrio (it ships in its wheel)")
    _meta, _fids, wkb, _fields = pyogrio.raw.read(shp, columns=[])
    geoms = shapely.from_wkb(wkb)
    geoms = shapely.set_precision(shapely.simplify(geoms, _BASEMAP_TOLERANCE, preserve_topology=True),
                                  _BASEMAP_PRECISION)
    # Right-hand rule (RFC 7946) and no properties: outlines only, nothing to click.
    geoms = shapely.orient_polygons(geoms, exterior_cw=False)
    parts = ",".join(
        '{"type":"Feature","properties":{},"geometry":' + g + "}"
        for g in shapely.to_geojson(geoms[~shapely.is_empty(geoms)])
    )
    return '{"type":"FeatureCollection","features":[' + parts + "]}"


def basemap_geojson() -> dict[str, Any]:
    """Country outlines (Natural Earth 1:110m, public domain), simplified; read once per process."""
    return json.loads(_basemap_json())


def _renumber(root: Element, start: int = 1) -> None:
    """Give every element a stable id in tree order (folium draws random ones).

    Child dicts are keyed by ``get_name()``, which embeds the id, so they are rebuilt
    too (keys that were explicit names are kept as they were).
    """
    counter = itertools.count(start)
    seen: set[int] = set()

    def visit(el: Element) -> None:
        if id(el) in seen:
            return
        seen.add(id(el))
        el._id = f"{next(counter):032x}"  # same shape as folium's hex ids: 32 lowercase hex digits
        children: OrderedDict[str, Element] = OrderedDict()
        for key, child in el._children.items():
            was_generated = key == child.get_name()
            visit(child)
            children[child.get_name() if was_generated else key] = child
        el._children = children
        # Figure, Popup and Tooltip keep sub-elements outside _children.
        for attr in ("header", "html", "script"):
            sub = getattr(el, attr, None)
            if isinstance(sub, Element) and sub is not el:
                visit(sub)

    visit(root)


class _Outlines(MacroElement):
    """The offline basemap: Natural Earth country outlines as one non-interactive GeoJSON layer.

    Not a folium.GeoJson: that one runs its 130 KB script through Jinja twice per render
    (about half the time of a whole map); this one inserts the cached JSON as is.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data_js }}, {{ this.options|tojavascript }}
        ).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, *, filled: bool) -> None:
        super().__init__()
        self._name = "Outlines"
        self.data_js = _basemap_json()
        self.options = {
            "style": {"color": _BORDER, "weight": 0.8, "opacity": 0.9,
                      "fillColor": _LAND, "fillOpacity": 1.0 if filled else 0.0},
            "interactive": False,
            "pane": "geo-basemap",
            "attribution": "Outlines: Natural Earth (public domain)",
        }

    def render(self, **kwargs: Any) -> None:
        # As MacroElement.render, but the output is not re-parsed as a template.
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


@functools.lru_cache(maxsize=1)
def _detail_cells() -> frozenset[tuple[int, int]]:
    """``(west, south)`` of every 1:10m basemap cell on disk (the open sea has none)."""
    if not DETAIL_DIR.is_dir():
        return frozenset()
    out = set()
    for p in DETAIL_DIR.glob("*.json"):
        try:
            x, y = (int(v) for v in p.stem.split("_"))
        except ValueError:
            continue
        out.add((x, y))
    return frozenset(out)


def _cell_mask() -> str:
    """Which cells exist, as hex digits of a bit string (bit ``col * 36 + row``): 648 characters for the world."""
    rows = 180 // _DETAIL_CELL
    bits = 0
    for x, y in _detail_cells():
        bits |= 1 << (((x + 180) // _DETAIL_CELL) * rows + (y + 90) // _DETAIL_CELL)
    n = (360 // _DETAIL_CELL) * rows
    return format(bits, f"0{(n + 3) // 4}x")[::-1]  # reversed: digit k holds bits 4k .. 4k+3


class _DetailBasemap(MacroElement):
    """The 1:10m offline basemap: at zoom ≥ 6, the Natural Earth cells in view are drawn over the 1:110m
    outlines (a sea-coloured square, then the land, admin-1 lines and borders), so a coastal city sits on land
    at city zoom. The dashboard fetches cells from the asset base as the view moves (nothing at low zoom, so the
    first map stays as small as before); a standalone file carries the cells around its places inline.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, d) {
          var group = L.layerGroup(), seen = {}, g = d.grid, c = d.cell;
          function has(x, y) {
            var bit = ((x + 180) / c) * (180 / c) + (y + 90) / c;
            return (parseInt(d.mask.charAt(bit >> 2), 16) >> (bit & 3)) & 1;
          }
          function line(a) {
            var out = [], x = 0, y = 0;
            for (var i = 0; i < a.length; i += 2) { x += a[i]; y += a[i + 1]; out.push([y * g, x * g]); }
            return out;  // Leaflet wants [lat, lon]
          }
          function draw(x, y, cell) {
            var opt = {interactive: false, pane: "geo-detail"};
            group.addLayer(L.rectangle([[y - 0.01, x - 0.01], [y + c + 0.01, x + c + 0.01]],
              L.extend({stroke: false, fillColor: d.sea, fillOpacity: 1}, opt)));
            if (cell.land) group.addLayer(L.polygon(cell.land.map(function (p) { return p.map(line); }),
              L.extend({stroke: false, fillColor: d.land, fillOpacity: 1}, opt)));
            if (cell.admin1) group.addLayer(L.polyline(cell.admin1.map(line),
              L.extend({color: d.border, weight: 0.6, opacity: 0.8, dashArray: "3 3"}, opt)));
            if (cell.borders) group.addLayer(L.polyline(cell.borders.map(line),
              L.extend({color: d.border, weight: 1.2, opacity: 0.95}, opt)));
          }
          function update() {
            if (map.getZoom() < d.minZoom) { map.removeLayer(group); return; }
            group.addTo(map);
            var b = map.getBounds();
            var w = Math.max(-180, Math.floor(b.getWest() / c) * c), e = Math.min(180, b.getEast());
            var s = Math.max(-90, Math.floor(b.getSouth() / c) * c), n = Math.min(90, b.getNorth());
            for (var x = w; x < e; x += c) {
              for (var y = s; y < n; y += c) {
                var key = x + "_" + y;
                if (seen[key] || !has(x, y)) continue;
                seen[key] = true;
                if (d.inline[key]) { draw(x, y, d.inline[key]); continue; }
                if (!d.base) continue;
                (function (x, y, key) {
                  fetch(d.base + key + ".json").then(function (r) { return r.json(); })
                    .then(function (cell) { draw(x, y, cell); })
                    .catch(function () { seen[key] = false; });
                })(x, y, key);
              }
            }
          }
          map.on("moveend", update);
          map.whenReady(update);
        })({{ this._parent.get_name() }}, {{ this.data_js }});
        {% endmacro %}
        """
    )

    def __init__(self, base: str | None) -> None:
        super().__init__()
        self._name = "DetailBasemap"
        self.base = base
        self.inline: dict[str, Any] = {}

    @property
    def data_js(self) -> str:
        return _script_json({"base": self.base, "inline": self.inline, "mask": _cell_mask(), "cell": _DETAIL_CELL,
                             "grid": _DETAIL_GRID, "minZoom": _DETAIL_MIN_ZOOM, "sea": _SEA, "land": _LAND,
                             "border": _BORDER})

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


def _cells_around(situation: Situation) -> list[tuple[int, int]]:
    """The basemap cells a standalone map of ``situation`` carries: those under its places' bounds and one
    cell around; if that is too many (places across the world), the cells of the places themselves."""
    have = _detail_cells()
    bounds = fit_bounds(situation)
    if bounds is None or not have:
        return []
    c = _DETAIL_CELL

    def span(lo: float, hi: float, low: int, high: int) -> range:
        return range(max(low, int(math.floor(lo / c)) * c - c), min(high, int(math.floor(hi / c)) * c + c) + 1, c)

    (s, w), (n, e) = bounds
    cells = [(x, y) for x in span(w, e, -180, 175) for y in span(s, n, -90, 85) if (x, y) in have]
    if len(cells) <= _DETAIL_INLINE_MAX:
        return cells
    own = sorted({(int(math.floor(sp.place.lon / c)) * c, int(math.floor(sp.place.lat / c)) * c)
                  for sp in situation.places} & have)
    return own[:_DETAIL_INLINE_MAX]


def _layer_label(layer: Layer, count: int) -> str:
    # Our own text (not from the statement): a swatch in the layer's colour doubles as the legend.
    return f'<span class="geo-swatch" style="background:{layer.colour}"></span>{layer.label} ({count})'


def _script_json(obj: Any) -> str:
    """JSON that is also safe inside an HTML ``<script>``: no ``</script>``, no ``<!--``, no line separators."""
    return (
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
        .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


class _PlaceLayer(MacroElement):
    """All places of one layer as a single ``L.geoJson``, added to its FeatureGroup.

    One element per layer instead of folium's GeoJson + Popup + Tooltip per place: a
    few milliseconds instead of ~20 per place, no jQuery, and the output is never
    re-parsed as a Jinja template (folium re-renders every script it generates). Popup
    and tooltip texts travel as JSON strings of already escaped HTML; properties carry
    only ``place_id`` and ``layer``, which a click returns to Python.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (d) {
          // A point's style is the layer's point style plus its own radius and class (sent once, not per point).
          var styles = {};
          var styleOf = function (id) {
            if (!styles[id]) { styles[id] = d.style[id].pane ? d.style[id] : L.extend({}, d.point, d.style[id]); }
            return styles[id];
          };
          var layer = L.geoJson(d.geojson, {
            style: function (f) { return styleOf(f.id); },
            pointToLayer: function (f, latlng) { return L.circleMarker(latlng, styleOf(f.id)); },
            onEachFeature: function (f, l) {
              // Pane and class must be options before the layer is added to the map.
              L.Util.setOptions(l, {pane: styleOf(f.id).pane, className: styleOf(f.id).className});
              // Built when opened, not for every place up front (thousands of places, each with quotes).
              l.bindPopup(function () {
                var popup = document.createElement("div");
                popup.innerHTML = d.popup[f.id];
                return popup;
              }, {maxWidth: 360, autoPanPadding: [10, 10]});
              l.bindTooltip(d.tooltip[f.id], {sticky: true});
              l.on("mouseover", function () { l.setStyle({weight: styleOf(f.id).weight + 2}); });
              l.on("mouseout", function () { l.setStyle({weight: styleOf(f.id).weight}); });
            }
          });
          // Name labels next to points: separate tooltips in the same group, so the layer
          // control hides them with their points and hovering still shows the full tooltip.
          var labels = [];
          layer.eachLayer(function (l) {
            var text = d.label[l.feature.id];
            if (text && l.getLatLng) {
              labels.push(L.tooltip({permanent: true, direction: "right", offset: [10, 0], className: "geo-label",
                                     pane: "geo-labels"}).setLatLng(l.getLatLng()).setContent(text));
            }
          });
          labels.forEach(function (t) { layer.addLayer(t); });
          if (!d.cluster) { return layer; }
          // Many points: cluster them. The group draws a bubble per cluster and, zoomed in, only the
          // points in view; clicks on a point still reach the map (and Python) with its feature.
          var cluster = L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 45, showCoverageOnHover: false,
                                              disableClusteringAtZoom: 10, spiderfyOnMaxZoom: false});
          cluster.addLayers(layer.getLayers());
          return cluster;
        })({{ this.data_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, places: Iterable[SituationPlace], text: str, *, labels: bool = False,
                 cluster: bool = False, max_quotes: int = MAX_POPUP_QUOTES,
                 payload: tuple[list[str], str] | None = None) -> None:
        super().__init__()
        self._name = "PlaceLayer"
        self.place_ids, self.data_js = payload or _layer_payload(places, text, labels, cluster, max_quotes)

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


def _layer_payload(places: Iterable[SituationPlace], text: str, labels: bool, cluster: bool,
                   max_quotes: int) -> tuple[list[str], str]:
    """The ids and the JSON (geometries, styles, popups, tooltips, labels) of one layer's places."""
    features, style, popup, tooltip, label = [], {}, {}, {}, {}
    point_style: dict[str, Any] = {}
    for sp in places:
        p = sp.place
        pid = p.place_id
        colour = p.layer.colour
        css = f"geo-place geo-layer-{p.layer.key} {place_css_class(pid)}"
        if p.geometry is not None and not p.geometry.is_empty:
            geometry = _area_geometry(p.geometry)
            style[pid] = {"color": colour, "weight": 2, "opacity": 0.9, "fillColor": colour,
                          "fillOpacity": 0.12 if p.kind == "country" else 0.25,
                          "pane": "geo-areas", "className": css}
            if p.geometry.geom_type in _LINE_TYPES:
                style[pid].update(weight=3, fill=False)
        else:
            # GeoJSON is [lon, lat]: the flip from the place's lat/lon happens here.
            geometry = {"type": "Point", "coordinates": [round(p.lon, 6), round(p.lat, 6)]}
            style[pid] = {"radius": _radius(len(sp.mentions)), "className": css}
            point_style = {"color": "#ffffff", "weight": 2, "opacity": 1, "fill": True, "fillColor": colour,
                           "fillOpacity": 0.9, "pane": "geo-points"}
            if labels:
                label[pid] = label_html(sp)
        features.append(_feature(sp, geometry))
        popup[pid] = popup_html(sp, text, max_quotes=max_quotes)
        tooltip[pid] = tooltip_html(sp)
    return list(style), _script_json({
        "geojson": {"type": "FeatureCollection", "features": features},
        "style": style, "point": point_style, "popup": popup, "tooltip": tooltip, "label": label,
        "cluster": bool(cluster and point_style),
    })


# -- public API --------------------------------------------------------------------------------------
def base_map(
    *,
    tiles: str | None = None,
    asset_base: str = ASSET_BASE,
    location: tuple[float, float] = (25.0, 40.0),
    zoom: int = 4,
) -> folium.Map:
    """The map without places: local assets, panes, the offline outlines, optional online tiles.

    It depends only on ``tiles`` and ``asset_base``, so the dashboard keeps one map
    (one iframe, Leaflet loaded once) and swaps the places in with
    ``st_folium(..., feature_group_to_add=layer_groups(...))``.
    """
    if tiles is not None and tiles not in TILES:
        raise InputError(f"unknown tiles {tiles!r}; valid: None (offline) or {', '.join(map(repr, TILES))}")
    base = asset_base.rstrip("/")
    m = folium.Map(location=list(location), zoom_start=zoom, tiles=None, control_scale=True,
                   min_zoom=2, max_zoom=14, world_copy_jump=True)
    # Without tiles folium passes min/max zoom to no layer: set them on the map itself, where
    # Leaflet.markercluster needs maxZoom ("Map has no maxZoom specified" otherwise).
    m.options.update(min_zoom=2, max_zoom=14)
    # Instance attributes, so other maps (and folium's class defaults) are untouched.
    m.default_js = [(name, f"{base}/{path}") for name, path in _JS]
    m.default_css = [(name, f"{base}/{path}") for name, path in _CSS]
    m.get_root().header.add_child(_Raw(_MAP_CSS), name="geo_map_css")
    for name, z, events in _PANES:
        folium.map.CustomPane(name, z_index=z, pointer_events=events).add_to(m)
    if tiles is not None:
        folium.TileLayer(tiles, name=TILES[tiles], overlay=False, control=True).add_to(m)
    _Outlines(filled=tiles is None).add_to(m)
    if tiles is None:  # online tiles have their own detail
        _DetailBasemap(f"{base}/natural-earth/10m/").add_to(m)
    _renumber(m.get_root())
    return m


def popup_quote_limit(situation: Situation) -> int:
    """Quotes per popup on this situation's map: :data:`MAX_POPUP_QUOTES`, fewer (at least one) when
    there are so many places that the map would carry more than :data:`MAX_MAP_QUOTES` quotes."""
    return max(1, min(MAX_POPUP_QUOTES, MAX_MAP_QUOTES // max(1, len(situation.places))))


def layer_groups(situation: Situation, *, layers: Iterable[str] | None = None) -> list[folium.FeatureGroup]:
    """One FeatureGroup per layer of :data:`geo.model.LAYERS` (those in ``layers``), in drawing order.

    Each group's name is the layer-control label: a dot in the layer's colour, the
    label and the number of places. Empty layers are kept, so the control always lists
    the same layers.
    """
    chosen = _check_layers(layers)
    by_layer: dict[str, list[SituationPlace]] = {layer.key: [] for layer in LAYERS}
    for sp in situation.places:
        by_layer[sp.place.layer.key].append(sp)
    # Names next to the points while they are few enough to stay readable; hover tooltips beyond that.
    points = sum(1 for sp in situation.places if sp.place.geometry is None)
    labels = points <= _MAX_LABELS
    cluster = points > CLUSTER_ABOVE
    per_place = popup_quote_limit(situation)
    groups = []
    for i, layer in enumerate(LAYERS):
        if layer.key not in chosen:
            continue
        group = folium.FeatureGroup(name=_layer_label(layer, len(by_layer[layer.key])), overlay=True, show=True)
        # Built once per situation and layer: the dashboard draws the same places again at every rerun.
        payload = per_object(situation, ("layer", layer.key, labels, cluster, per_place),
                             functools.partial(_layer_payload, by_layer[layer.key], situation.text, labels, cluster,
                                               per_place))
        _PlaceLayer((), "", payload=payload).add_to(group)
        _renumber(group, start=(i + 1) << 64)  # distinct per layer: a map keys its children by name
        groups.append(group)
    return groups


def layer_control() -> folium.LayerControl:
    """The layer control the maps use: expanded, so the layers and their colours are always visible."""
    return folium.LayerControl(collapsed=False, position="topright")


def initial_view(
    situation: Situation, *, layers: Iterable[str] | None = None, size: tuple[int, int] = (850, 560)
) -> tuple[tuple[float, float], int]:
    """Centre ``(lat, lon)`` and zoom that show :func:`fit_bounds` on a map of ``size`` pixels.

    For ``st_folium(center=..., zoom=...)``, which cannot fit bounds itself. Without
    places: the Middle East at zoom 4.
    """
    return view_for_bounds(fit_bounds(situation, layers), size=size)


def view_for_bounds(
    bounds: list[list[float]] | None, *, size: tuple[int, int] = (850, 560)
) -> tuple[tuple[float, float], int]:
    """Centre ``(lat, lon)`` and zoom that show ``[[south, west], [north, east]]`` on a map of ``size`` pixels.

    Without bounds: the Middle East at zoom 4.
    """
    if bounds is None:
        return (25.0, 40.0), 4
    (s, w), (n, e) = bounds
    # Web Mercator: x is linear in longitude, y in ln(tan(pi/4 + lat/2)).
    def merc(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(max(-85.0, min(85.0, lat))) / 2))
    ys, yn = merc(s), merc(n)
    width, height = size
    margin = 1.25
    zx = math.log2(width * 360 / (256 * max(e - w, 1e-6) * margin))
    zy = math.log2(height * 2 * math.pi / (256 * max(yn - ys, 1e-9) * margin))
    zoom = int(max(2, min(9, math.floor(min(zx, zy)))))
    lat = math.degrees(2 * math.atan(math.exp((ys + yn) / 2)) - math.pi / 2)
    return (round(lat, 4), round((w + e) / 2, 4)), zoom


def build_map(
    situation: Situation,
    *,
    layers: Iterable[str] | None = None,
    tiles: str | None = None,
    selected: str | None = None,
    asset_base: str = ASSET_BASE,
) -> folium.Map:
    """Draw ``situation`` as a folium map with one toggleable layer per kind of place.

    Parameters
    ----------
    situation
        What :func:`geo.geoparse` returned.
    layers
        Keys of :data:`geo.model.LAYERS` to draw (default: all). Layers left out are
        neither drawn nor listed in the layer control.
    tiles
        ``None`` (default): offline, outlines only. ``"OpenStreetMap"``: also an online
        tile base layer, so the browser fetches tiles; only when the user asks for it.
    selected
        A ``place_id`` of the situation to centre and zoom on instead of fitting all places.
    asset_base
        URL prefix of the vendored Leaflet files.

    Returns
    -------
    folium.Map
        Deterministic: the same arguments render the same HTML.

    Examples
    --------
    >>> from geo.situation import Situation
    >>> m = build_map(Situation(text="", lang="en", mentions=()))
    >>> "cdn" in m.get_root().render()
    False
    """
    chosen = _check_layers(layers)
    view = focus_view(situation, selected) if selected is not None else None
    m = base_map(tiles=tiles, asset_base=asset_base, **({"location": view[0], "zoom": view[1]} if view else {}))
    for group in layer_groups(situation, layers=chosen):
        group.add_to(m)
    movement_group(situation, asset_base=asset_base).add_to(m)  # arrows above the areas, below the points
    if view is None:
        bounds = fit_bounds(situation, chosen)
        if bounds is not None:
            folium.FitBounds(bounds, padding=(24, 24), max_zoom=9).add_to(m)
    layer_control().add_to(m)  # last, so it lists every layer above
    _renumber(m.get_root())
    return m


def _data_uri(path: Path, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@functools.lru_cache(maxsize=1)
def _inline_assets() -> str:
    """The map's CSS (images as data: URIs) and scripts (Leaflet, markercluster) as inline tags."""
    styles = []
    for _name, rel in _CSS:
        path = VENDOR_DIR / rel
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"/\*# sourceMappingURL=\S+\s*\*/\s*$", "", text)
        text = re.sub(
            r"url\((images/[\w.-]+\.png)\)",
            lambda mo, folder=path.parent: f"url({_data_uri(folder / mo.group(1), 'image/png')})",
            text,
        )
        styles.append(text.replace("</style", "<\\/style"))
    css = "\n".join(styles)
    scripts = []
    for _name, rel in _JS:
        js = (VENDOR_DIR / rel).read_text(encoding="utf-8")
        # The files are inlined: drop the source-map hint (a file the page would fetch in devtools).
        js = re.sub(r"//# sourceMappingURL=\S+\s*$", "", js)
        js = js.replace("</script", "<\\/script")  # cannot end the tag early
        scripts.append(f"<script>{js}</script>")
    return f"<style>{css}</style>" + "".join(scripts)


def map_html_standalone(situation: Situation, **kw: Any) -> str:
    """One self-contained HTML file: Leaflet and the data inlined; opens offline.

    Takes the keyword arguments of :func:`build_map` except ``asset_base``.
    """
    if "asset_base" in kw:
        raise InputError("map_html_standalone inlines its assets; do not pass 'asset_base'")
    m = build_map(situation, **kw)
    _inline_movement_assets(m)
    m.default_js = []
    m.default_css = []
    for child in m._children.values():
        if isinstance(child, _DetailBasemap):
            # No fetching from a file: the cells around the places travel inside the page.
            child.base = None
            child.inline = {f"{x}_{y}": json.loads((DETAIL_DIR / f"{x}_{y}.json").read_text(encoding="utf-8"))
                            for x, y in _cells_around(situation)}
    root: Figure = m.get_root()
    # Index 0: before folium's own header elements and before any script that uses L. The charset
    # goes first of all: browsers only look for it in the first 1024 bytes, and the data is UTF-8 Arabic.
    root.header.add_child(_Raw(_inline_assets()), name="geo_inline_assets", index=0)
    root.header.add_child(
        _Raw('<meta charset="utf-8"><meta name="generator" content="geo.mapview"><title>Situation map</title>'),
        name="geo_title", index=0,
    )
    return root.render()


def write_map_html(situation: Situation, path: str | os.PathLike[str], **kw: Any) -> Path:
    """Write :func:`map_html_standalone` to ``path`` (UTF-8) and return the path.

    Atomically (:func:`geo.fileio.write_text_atomic`): if anything fails, a map already at ``path`` is kept whole.
    """
    from .fileio import write_text_atomic

    return write_text_atomic(path, map_html_standalone(situation, **kw))


# -- movements: arrows from origin to destination ----------------------------------------------------
#: Colour of the movement arrows (none of the place layers uses it).
MOVEMENT_COLOUR = "#6a3d9a"

#: Leaflet.TextPath (the plugin behind folium's PolyLineTextPath), vendored under static/vendor.
TEXTPATH_JS = "leaflet-textpath/leaflet.textpath.js"

# The arrow glyphs repeated along a line (the line runs from origin to destination, and so do they).
_ARROW_TEXT = " \u25ba "
# Length of a one-ended movement's stub on the map, in pixels at every zoom (the export's is in degrees).
_STUB_PX = 56
# How far apart (degrees) the stubs of one place fan out when it has several in one direction.
_STUB_FAN = 50.0
# How far an arc bows out from the straight line, as a share of its length (A→B and B→A stay apart).
_ARC_BOW = 0.18
_ARC_POINTS = 16
# Arrows are drawn in the areas' pane (above their fills, below the points): see _MovementLayer.
_MOVEMENTS_PANE = "geo-areas"
# Ids of the movements group's elements: far from the place layers' (layer_groups numbers them i << 64).
_MOVEMENTS_ID_BASE = 100 << 64


def movement_css_class(from_place_id: str | None, to_place_id: str | None) -> str:
    """A CSS class naming one arrow (``geo-movement-<from>--<to>``, ``none`` for a missing end)."""
    def part(pid: str | None) -> str:
        return re.sub(r"[^a-z0-9-]+", "-", pid.lower()).strip("-") if pid else "none"
    return f"geo-movement-{part(from_place_id)}--{part(to_place_id)}"


def _movement_quote_html(mv: Any) -> str:
    """The sentence of a movement, escaped, its trigger and named ends marked (offsets, not search)."""
    s = mv.quote
    base = mv.sentence_start
    marks = sorted(
        (a - base, b - base, colour)
        for a, b, colour in ((mv.trigger_start, mv.trigger_end, "#ffe08a"), (mv.from_start, mv.from_end, "#e2d4f0"),
                             (mv.to_start, mv.to_end, "#e2d4f0"))
        if a is not None and b is not None
    )
    out, pos = [], 0
    for a, b, colour in marks:
        if a < pos:  # overlapping marks: keep the first
            continue
        out.append(escape_untrusted(s[pos:a]))
        out.append(f'<mark style="background:{colour};padding:0 .1em;border-radius:2px">'
                   f"{escape_untrusted(s[a:b])}</mark>")
        pos = b
    out.append(escape_untrusted(s[pos:]))
    rtl = is_rtl(s)
    attrs = 'dir="rtl" lang="ar"' if rtl else 'dir="ltr"'
    font = f"font-family:{ARABIC_FONTS};font-size:1.05em;" if rtl else ""
    return f'<p class="geo-quote" {attrs} style="margin:0 0 .5em 0;line-height:1.6;{font}">{"".join(out)}</p>'


def _end_name(place: Any, missing: str) -> str:
    return f"<b>{escape_untrusted(place.name)}</b>" if place is not None else f"<i>{missing}</i>"


def movement_popup_html(movements: Iterable[Any]) -> str:
    """Click text of one arrow: origin → destination, then each movement's trigger, what moves and quote.

    Every string from the statement is escaped (:func:`escape_untrusted`); ``movements``
    share their ends (they are drawn as one arrow).
    """
    mvs = list(movements)
    first = mvs[0]
    head = (f'{_end_name(first.from_place, "origin not named")} &rarr; '
            f'{_end_name(first.to_place, "destination not named")}')
    rows = []
    for mv in mvs[:MAX_POPUP_QUOTES]:  # a route named thousands of times would carry the statement into the map
        what = f" · {escape_untrusted(mv.what)}" if mv.what else ""
        rows.append(f'<div style="color:#555;font-size:12px">{escape_untrusted(mv.trigger)}{what}</div>'
                    f"{_movement_quote_html(mv)}")
    n = len(mvs)
    if n > MAX_POPUP_QUOTES:
        rows.append(f'<div class="geo-more">… and {n - MAX_POPUP_QUOTES:,} more</div>')
    return (f'<div class="geo-popup geo-movement-popup">'
            f'<div style="font-weight:600;font-size:15px;margin-bottom:4px">{head}</div>'
            f'<div style="color:#555;font-size:12px;margin-bottom:6px">{n} movement{"s" if n != 1 else ""}</div>'
            f'{"".join(rows)}</div>')


def _arc(a: tuple[float, float], b: tuple[float, float]) -> list[list[float]]:
    """A gentle arc from ``a`` to ``b`` (``(lat, lon)``), bowing to the right of travel, as Leaflet latlngs."""
    (lat0, lon0), (lat1, lon1) = a, b
    if lon1 - lon0 > 180:  # the short way round: Leaflet draws longitudes beyond ±180 on the next copy
        lon1 -= 360
    elif lon0 - lon1 > 180:
        lon1 += 360
    k = max(0.2, math.cos(math.radians((lat0 + lat1) / 2)))  # x in "screen" units: lon shrinks with lat
    x0, y0, x1, y1 = lon0 * k, lat0, lon1 * k, lat1
    dx, dy = x1 - x0, y1 - y0
    # Control point: the midpoint pushed along the right-hand normal (dy, -dx).
    cx, cy = (x0 + x1) / 2 + _ARC_BOW * dy, (y0 + y1) / 2 - _ARC_BOW * dx
    pts = []
    for i in range(_ARC_POINTS + 1):
        t = i / _ARC_POINTS
        x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        pts.append([round(y, 5), round(x / k, 5)])  # Leaflet latlng: [lat, lon]
    return pts


def _arrows(situation: Situation) -> list[dict[str, Any]]:
    """One arrow per (origin, destination): CSS class, movements, Leaflet latlngs and, for a stub, how to draw it.

    A stub (one end named) carries its place (``at``), direction of travel (``bearing``) and
    whether it points into the place: the map redraws it at a fixed length in pixels on every
    zoom; ``latlngs`` (the export's stub, in degrees) is only where it starts.
    """
    from .export import STUB_BEARINGS, movement_line

    grouped: dict[tuple[str | None, str | None], list[Any]] = {}
    for mv in situation.movements:
        grouped.setdefault((mv.from_place_id, mv.to_place_id), []).append(mv)
    fans: dict[tuple[str, str], int] = {}
    out: list[dict[str, Any]] = []
    # The most travelled routes first, and at most MAX_ARROWS of them: each arrow is an SVG path with
    # its glyphs, so a statement with thousands of routes would fill the map's DOM.
    routes = sorted(grouped.items(), key=lambda kv: -len(kv[1]))[:MAX_ARROWS]
    for (o, d), mvs in routes:
        first = mvs[0]
        arrow: dict[str, Any] = {"css": movement_css_class(o, d), "movements": mvs}
        if first.ends == "both":
            arrow["latlngs"] = _arc(*movement_line(first))
        else:
            key = (o or d or "", first.ends)
            k = fans[key] = fans.get(key, -1) + 1
            bearing = (STUB_BEARINGS[first.ends] + _STUB_FAN * k) % 360
            line = movement_line(first, bearing=bearing)
            place = first.to_place if first.ends == "to" else first.from_place
            arrow.update(latlngs=[[round(lat, 5), round(lon, 5)] for lat, lon in line],
                         at=[round(place.lat, 5), round(place.lon, 5)], bearing=bearing, into=first.ends == "to")
        out.append(arrow)
    return out


def _movements_label(count: int) -> str:
    # Our own text: an arrow in the movements' colour doubles as the legend.
    return (f'<span class="geo-swatch-arrow" style="color:{MOVEMENT_COLOUR};font-weight:700;margin:0 4px 0 2px">'
            f"&#10140;</span>Movements ({count})")


class _MovementLayer(folium.elements.JSCSSMixin):
    """Every arrow of a situation, added to the movements FeatureGroup.

    Lines are ``L.polyline`` drawn in the areas' SVG, above the area fills and below the
    points; arrow glyphs run along them with Leaflet.TextPath's ``setText``. Popups and
    tooltips travel as JSON strings of escaped HTML and are never re-parsed as a
    template, as for the places.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (d) {
          // Leaflet.TextPath writes its glyphs into the map's default SVG renderer (map._renderer). Make that
          // the areas pane's renderer, before the first line is added: lines and glyphs then share the SVG of
          // the areas (drawn above their fills, below the points), and the map has no extra full-size SVG layer
          // (Chromium without a GPU stopped painting parts of the map with one more: measured, see README).
          var Arrow = L.Polyline.extend({
            beforeAdd: function (map) {
              if (!map._renderer && map.getPane(d.pane)) { map._renderer = map._getPaneRenderer(d.pane); }
              L.Polyline.prototype.beforeAdd.call(this, map);
            }
          });
          var group = L.featureGroup();
          d.arrows.forEach(function (a) {
            var line = new Arrow(a.latlngs, {color: d.colour, weight: a.stub ? 3 : 4, opacity: a.stub ? 0.7 : 0.9,
                                             className: a.className});
            if (a.stub) {
              // A stub keeps its length in pixels: redrawn from its place along its bearing on every zoom.
              var redraw = function () {
                var map = line._map, rad = a.bearing * Math.PI / 180;
                var p = map.project(a.at), v = L.point(Math.sin(rad), -Math.cos(rad)).multiplyBy(d.stub_px);
                var far = map.unproject(a.into ? p.subtract(v) : p.add(v));
                line.setLatLngs(a.into ? [far, a.at] : [a.at, far]);
              };
              line.on("add", function () { redraw(); line._map.on("zoomend", redraw); });
              line.on("remove", function (e) { e.target._map && e.target._map.off("zoomend", redraw); });
            }
            var popup = document.createElement("div");
            popup.innerHTML = a.popup;
            line.bindPopup(popup, {maxWidth: 380, autoPanPadding: [10, 10]});
            line.bindTooltip(a.tooltip, {sticky: true});
            if (line.setText) {
              line.setText(d.text, {repeat: true, offset: 5,
                                    attributes: {fill: d.colour, "font-size": "17", "font-weight": "bold",
                                                 "class": "geo-movement-arrow", direction: "ltr"}});
            }
            group.addLayer(line);
          });
          return group;
        })({{ this.data_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, situation: Situation, *, asset_base: str = ASSET_BASE,
                 payload: tuple[list[str], str] | None = None) -> None:
        super().__init__()
        self._name = "MovementLayer"
        self.asset_base = asset_base.rstrip("/")
        self.inline = False  # map_html_standalone inlines the plugin instead of linking it
        self.arrow_classes, self.data_js = payload or _movement_payload(situation)

    def render(self, **kwargs: Any) -> None:
        root = self.get_root()
        if self.inline:
            js = (VENDOR_DIR / TEXTPATH_JS).read_text(encoding="utf-8").replace("</script", "<\\/script")
            root.header.add_child(_Raw(f"<script>{js}</script>"), name="leaflet_textpath")
        else:
            # As folium's JSCSSMixin: a link in the header (streamlit-folium collects default_js instead).
            root.header.add_child(folium.elements.JavascriptLink(f"{self.asset_base}/{TEXTPATH_JS}"),
                                  name="leaflet_textpath")
        root.script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())

    @property
    def default_js(self) -> list[tuple[str, str]]:
        """The plugin's URL, for streamlit-folium (which loads every element's ``default_js``)."""
        return [] if self.inline else [("leaflet_textpath", f"{self.asset_base}/{TEXTPATH_JS}")]


def _movement_payload(situation: Situation) -> tuple[list[str], str]:
    """The arrows' CSS classes and the movements layer's JSON (lines, popups, tooltips)."""
    arrows = []
    for arrow in _arrows(situation):
        mvs = arrow["movements"]
        first = mvs[0]
        names = (first.from_place.name if first.from_place else "?", first.to_place.name if first.to_place else "?")
        stub = first.ends != "both"
        data: dict[str, Any] = {
            "latlngs": arrow["latlngs"], "stub": stub,
            "className": f"geo-movement {arrow['css']}{' geo-movement-stub' if stub else ''}",
            "popup": movement_popup_html(mvs),
            "tooltip": f"{escape_untrusted(names[0])} &rarr; {escape_untrusted(names[1])}"
                       f" · {escape_untrusted(first.trigger)}",
        }
        if stub:
            data.update(at=arrow["at"], bearing=arrow["bearing"], into=arrow["into"])
        arrows.append(data)
    return [a["className"] for a in arrows], _script_json({"arrows": arrows, "colour": MOVEMENT_COLOUR,
                                                           "text": _ARROW_TEXT, "pane": _MOVEMENTS_PANE,
                                                           "stub_px": _STUB_PX})


def movement_group(situation: Situation, *, asset_base: str = ASSET_BASE) -> folium.FeatureGroup:
    """The "Movements" layer: one arrow per origin → destination, switched by the layer control.

    Kept (empty) when the statement states no movement, so the control always lists the same
    layers and the dashboard always loads the same scripts.
    """
    group = folium.FeatureGroup(name=_movements_label(len(situation.movements)), overlay=True, show=True)
    layer = _MovementLayer(situation, asset_base=asset_base, payload=per_object(
        situation, ("movements", asset_base), functools.partial(_movement_payload, situation)))
    layer.add_to(group)
    _renumber(group, start=_MOVEMENTS_ID_BASE)
    return group


def _inline_movement_assets(m: folium.Map) -> None:
    """For a standalone file: the movements layer inlines Leaflet.TextPath instead of linking it."""
    stack: list[Element] = [m]
    while stack:
        el = stack.pop()
        if isinstance(el, _MovementLayer):
            el.inline = True
        stack.extend(el._children.values())


# -- the review's candidates ---------------------------------------------------------------------------
#: The layer-control label of the candidates layer (shown only while a place is being reviewed).
CANDIDATES_LABEL = "Candidates (click one to choose it)"
_CANDIDATES_ID_BASE = 1 << 72


def candidate_css_class(place_id: str) -> str:
    """The CSS class of a candidate's faint marker (``geo-candidate-<id>``), for tests and styling."""
    return "geo-candidate-" + re.sub(r"[^a-z0-9-]+", "-", place_id.lower()).strip("-")


class _CandidateLayer(MacroElement):
    """Faint markers, one per candidate: a click returns the feature (``candidate_id``, ``candidate_of``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (d) {
          return L.geoJson(d.geojson, {
            pointToLayer: function (f, latlng) {
              return L.circleMarker(latlng, L.extend({}, d.style, {className: d.css[f.id]}));
            },
            onEachFeature: function (f, l) {
              l.bindTooltip(d.tooltip[f.id], {sticky: true});
              l.on("mouseover", function () { l.setStyle({fillOpacity: 0.8, opacity: 1}); });
              l.on("mouseout", function () {
                l.setStyle({fillOpacity: d.style.fillOpacity, opacity: d.style.opacity});
              });
            }
          });
        })({{ this.data_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, data_js: str) -> None:
        super().__init__()
        self._name = "CandidateLayer"
        self.data_js = data_js

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


def candidate_group(of_place_id: str, candidates: Iterable[Any], *,
                    notes: dict[str, str] | None = None) -> folium.FeatureGroup:
    """The other readings of a place under review (:class:`geo.model.Candidate`), as faint dashed markers.

    A click on one returns its feature to Python (``properties``: ``candidate_id``, ``candidate_of``), which
    the review view turns into a "choose" correction. ``notes``: an extra line per candidate id for its
    tooltip (the distance from the statement's other places). Properties carry no ``place_id``: a
    candidate is never taken for a place of the statement.
    """
    features, tooltip, css = [], {}, {}
    notes = notes or {}
    for c in candidates:
        cid = c.place_id
        # GeoJSON is [lon, lat]: the flip from the candidate's lat/lon happens here.
        features.append({"type": "Feature", "id": cid,
                         "geometry": {"type": "Point", "coordinates": [round(c.lon, 6), round(c.lat, 6)]},
                         "properties": {"candidate_id": cid, "candidate_of": of_place_id}})
        score = f" · score {c.score:.2f}" if c.score is not None else ""
        extra = f"<br><small>{escape_untrusted(notes[cid])}</small>" if cid in notes else ""
        tooltip[cid] = (f"<b>{escape_untrusted(c.name)}</b> · {escape_untrusted(c.kind)} · "
                        f"{escape_untrusted(c.country_code or '—')}{score}{extra}"
                        "<br><small>a candidate: click to choose it</small>")
        css[cid] = f"geo-candidate {candidate_css_class(cid)}"
    data_js = _script_json({
        "geojson": {"type": "FeatureCollection", "features": features}, "tooltip": tooltip, "css": css,
        "style": {"radius": 7, "color": "#444444", "weight": 1.5, "opacity": 0.55, "dashArray": "3 3",
                  "fill": True, "fillColor": "#ffffff", "fillOpacity": 0.35, "pane": "geo-points"},
    })
    group = folium.FeatureGroup(name=CANDIDATES_LABEL, overlay=True, show=True)
    _CandidateLayer(data_js).add_to(group)
    _renumber(group, start=_CANDIDATES_ID_BASE)
    return group


#: The layer of the point being added in the review panel (a click on empty map sets it).
NEW_POINT_LABEL = "New point (being added)"
#: The CSS class of that point's marker, for tests and styling.
NEW_POINT_CLASS = "geo-new-point"
_NEW_POINT_ID_BASE = 1 << 76


def _finite(x: Any) -> float | None:
    try:
        f = float(x)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def empty_map_click(value: dict[str, Any] | None, previous: dict[str, Any] | None) -> tuple[float, float] | None:
    """The (lat, lon) of a click on empty map reported in st_folium's ``value``, or ``None``.

    ``previous`` is the value seen before. A click is new when ``last_clicked`` changed. A click on a
    marker bubbles up to the map in Leaflet, so it changes ``last_clicked`` too; it also bumps
    ``last_object_clicked_count`` in the same report, and that is how it is told apart (it is not a
    click on empty map). Leaflet gives longitudes beyond ±180 once the world has been panned round:
    they are wrapped into [-180, 180).
    """
    if not value:
        return None
    previous = previous or {}
    click = value.get("last_clicked")
    if not isinstance(click, dict) or click == previous.get("last_clicked"):
        return None
    if (value.get("last_object_clicked_count") or 0) != (previous.get("last_object_clicked_count") or 0):
        return None
    lat, lon = _finite(click.get("lat")), _finite(click.get("lng"))
    if lat is None or lon is None or not -90.0 <= lat <= 90.0:
        return None
    lon = (lon + 180.0) % 360.0 - 180.0
    return round(lat, 6), round(lon, 6)


def new_point_group(lat: float, lon: float, name: str = "") -> folium.FeatureGroup:
    """A small marker at the point being added (``name``, if typed yet, in its tooltip; escaped)."""
    label = escape_untrusted(name.strip()) if name.strip() else "New point"
    group = folium.FeatureGroup(name=NEW_POINT_LABEL, overlay=True, show=True)
    folium.CircleMarker(
        location=[round(lat, 6), round(lon, 6)], radius=6, color="#d62728", weight=2, fill=True,
        fill_color="#ffffff", fill_opacity=0.9, class_name=NEW_POINT_CLASS, interactive=True,
        # Not bubbling: a click on the point itself must not count as a click on empty map.
        bubbling_mouse_events=False,
        tooltip=f"{label} ({lat:.5f}, {lon:.5f})<br><small>click elsewhere on the map to move it</small>",
    ).add_to(group)
    _renumber(group, start=_NEW_POINT_ID_BASE)
    return group
