"""A collection on the map: every place the chosen statements name, sized by mentions, new ones set apart.

The pieces of :mod:`geo.mapview` (its base map, panes, layer control and escaping) with the
places of a collection (:class:`geo.store.PlaceSummary`) instead of one statement's: one
``L.geoJson`` per layer, points sized by how often they were named (area ∝ mentions), areas shaded by it, and
places *new in the range* (never named before its first day) drawn with a dark ring. Pure:
no Streamlit; the dashboard passes :func:`collection_layer_groups` to ``st_folium``.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Collection, Iterable, Sequence
from typing import Any

import folium
from folium.template import Template

from .mapview import _area_geometry, _check_layers, _layer_label, _Raw, _renumber, _script_json, place_css_class
from .model import LAYERS, layer_of
from .store import PlaceSummary
from .untrusted import escape_untrusted

__all__ = [
    "NEW_RING",
    "collection_radius",
    "collection_bounds",
    "collection_layer_data",
    "collection_layer_groups",
    "new_place_ids",
]

#: The ring drawn around places new in the range (and the legend's swatch for them).
NEW_RING = "#111111"
_MAX_LABELS = 25


def collection_radius(mentions: int, most: int) -> float:
    """A point's radius in pixels, its area proportional to its mentions: 4 px for none, 22 px for the most named.

    >>> collection_radius(1, 100), collection_radius(25, 100), collection_radius(100, 100)
    (5.8, 13.0, 22.0)
    """
    return round(4.0 + 18.0 * math.sqrt(max(0, mentions) / max(1, most)), 1)


def new_place_ids(summaries: Iterable[PlaceSummary], date_from: str | None) -> frozenset[str]:
    """Places of a range that no statement dated before its first day names (none without a first day)."""
    if date_from is None:
        return frozenset()
    return frozenset(s.place.place_id for s in summaries
                     if s.first_seen_ever is not None and s.first_seen_ever >= date_from)


def collection_bounds(summaries: Sequence[PlaceSummary], *, keep: float = 0.96) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` that hold most of the mentions of the places smaller than a country.

    The latitudes and longitudes are trimmed to the central ``keep`` share of mentions, so one
    place named once across the world (a namesake, a passing reference) does not zoom the map
    out to the whole world; it is still drawn. Countries count only when nothing smaller is named.

    >>> from geo.store import PlaceRow, PlaceSummary
    >>> def s(lat, lon, n): return PlaceSummary(PlaceRow("x", "x", "", "city", "", lat, lon), n, 1, None, None, None)
    >>> collection_bounds([s(33.3, 44.4, 40), s(36.2, 37.2, 30), s(31.0, -97.0, 1)])
    [[33.3, 37.2], [36.2, 44.4]]
    """
    if not summaries:
        return None
    detail = [s for s in summaries if s.place.kind != "country"] or list(summaries)

    def trimmed(values: list[tuple[float, int]]) -> tuple[float, float]:
        values.sort()
        total = sum(w for _, w in values)
        cut = total * (1 - keep) / 2
        lo_i, acc = 0, 0
        while lo_i < len(values) - 1 and acc + values[lo_i][1] <= cut:
            acc += values[lo_i][1]
            lo_i += 1
        hi_i, acc = len(values) - 1, 0
        while hi_i > lo_i and acc + values[hi_i][1] <= cut:
            acc += values[hi_i][1]
            hi_i -= 1
        return values[lo_i][0], values[hi_i][0]

    south, north = trimmed([(s.place.lat, max(1, s.mentions)) for s in detail])
    west, east = trimmed([(s.place.lon, max(1, s.mentions)) for s in detail])
    return [[south, west], [north, east]]


#: Areas are drawn coarser than on a statement's map (~5 km, 0.01°): a collection can name a hundred
#: countries, and at 1e-4 their outlines alone made the first map 700 KB.
_AREA_TOLERANCE = 0.05
_AREA_PRECISION = 0.01


@functools.lru_cache(maxsize=2048)
def _area_json(wkb: bytes) -> dict[str, Any]:
    import shapely

    geom = shapely.from_wkb(wkb)
    simple = shapely.set_precision(shapely.simplify(geom, _AREA_TOLERANCE, preserve_topology=True), _AREA_PRECISION)
    if simple.is_empty:  # a small island: the statement map's finer outline
        return _area_geometry(geom)
    return json.loads(shapely.to_geojson(shapely.orient_polygons(simple, exterior_cw=False)))


class _CollectionLayer(folium.MacroElement):
    """The places of one layer as one ``L.geoJson`` (as :mod:`geo.mapview` draws a statement's).

    A collection's map holds hundreds of places, so each travels as a short record (escaped
    names, counts, dates, a size) and the browser builds its style, tooltip and popup from it:
    a third of the bytes of ready-made HTML per place.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (d) {
          function style(f) {
            var r = d.rec[f.id], ring = r.new ? d.ring : null;
            var s = {pane: r.area ? "geo-areas" : "geo-points", className: r.css, opacity: 0.9,
                     fillColor: d.colour, weight: r.new ? 3 : 1.5};
            if (r.area) {
              s.color = ring || d.colour; s.fillOpacity = r.size; s.dashArray = r.new ? "6 4" : null;
            } else {
              s.color = ring || "#ffffff"; s.radius = r.size; s.fill = true; s.fillOpacity = 0.85; s.opacity = 1;
            }
            return s;
          }
          function plural(n, w) { return n + " " + w + (n === 1 ? "" : "s"); }
          function head(r) {
            return "<b>" + r.name + "</b> · <span dir='rtl' lang='ar'>" + r.ar + "</span>";
          }
          var layer = L.geoJson(d.geojson, {
            style: style,
            pointToLayer: function (f, latlng) { return L.circleMarker(latlng, style(f)); },
            onEachFeature: function (f, l) {
              var r = d.rec[f.id];
              L.Util.setOptions(l, {pane: style(f).pane, className: r.css});
              l.bindTooltip(head(r) + "<br><small>" + plural(r.n, "mention") + (r.new ? " · new in range" : "")
                            + "</small>", {sticky: true});
              l.bindPopup(function () {
                var e = document.createElement("div");
                e.className = "geo-popup";
                e.innerHTML = "<div style='font-size:15px'>" + head(r)
                  + (r.new ? " <span class='geo-new-badge'>new in range</span>" : "") + "</div>"
                  + "<div style='color:#555;font-size:12px'>" + r.kind + " · " + r.cc + " · "
                  + plural(r.n, "mention") + " in " + plural(r.s, "statement")
                  + (r.first ? " · " + r.first + (r.last !== r.first ? " – " + r.last : "") : "") + "</div>"
                  + "<div style='font-size:12px;margin-top:4px'>Its history (every quote) is beside the map.</div>";
                return e;
              }, {maxWidth: 360});
            }
          });
          layer.eachLayer(function (l) {
            var r = d.rec[l.feature.id];
            if (d.labels && !r.area && l.getLatLng) {
              layer.addLayer(L.tooltip({permanent: true, direction: "right", offset: [10, 0], className: "geo-label",
                                        pane: "geo-labels"}).setLatLng(l.getLatLng()).setContent(r.name));
            }
          });
          return layer;
        })({{ this.data_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, data_js: str) -> None:
        super().__init__()
        self._name = "CollectionLayer"
        self.data_js = data_js

    def render(self, **kwargs: Any) -> None:
        # As MacroElement.render, but the output is never re-parsed as a Jinja template (geo.mapview).
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


def collection_layer_data(summaries: Sequence[PlaceSummary], *,
                          new: Collection[str] = frozenset()) -> dict[str, tuple[int, str]]:
    """Per layer key, the number of places and the data its map script reads (JSON, safe in a ``<script>``).

    Pure and a little costly for hundreds of places: a dashboard can cache it per range.
    """
    by_layer: dict[str, list[PlaceSummary]] = {layer.key: [] for layer in LAYERS}
    for s in summaries:
        by_layer[layer_of(s.place.kind).key].append(s)
    # Names next to the points while they are few enough to stay readable; on hover beyond that.
    labels = sum(1 for s in summaries if not s.place.geometry) <= _MAX_LABELS
    most_point = max((s.mentions for s in summaries if not s.place.geometry), default=1)
    most_area = max((s.mentions for s in summaries if s.place.geometry), default=1)
    out = {}
    for layer in LAYERS:
        features, rec = [], {}
        for s in by_layer[layer.key]:
            p = s.place
            pid = p.place_id
            is_new = pid in new
            if p.geometry:
                geometry = _area_json(p.geometry)
                # Shaded by share of mentions, so the most named areas stand out without hiding the rest.
                size = round(0.06 + 0.3 * math.log1p(s.mentions) / math.log1p(most_area), 3)
            else:
                # GeoJSON is [lon, lat]: the flip from the snapshot's lat/lon happens here (~10 m is plenty).
                geometry = {"type": "Point", "coordinates": [round(p.lon, 4), round(p.lat, 4)]}
                size = collection_radius(s.mentions, most_point)
            features.append({"type": "Feature", "id": pid, "geometry": geometry,
                             "properties": {"place_id": pid, "layer": layer.key}})
            rec[pid] = {"name": escape_untrusted(p.name), "ar": escape_untrusted(p.name_ar),
                        "kind": escape_untrusted(p.kind), "cc": escape_untrusted(p.country_code),
                        "n": s.mentions, "s": s.statements, "first": s.first_seen, "last": s.last_seen,
                        "new": is_new, "area": bool(p.geometry), "size": size,
                        "css": f"geo-place geo-layer-{layer.key} {place_css_class(pid)}"
                               + (" geo-new" if is_new else "")}
        out[layer.key] = (len(features), _script_json({
            "geojson": {"type": "FeatureCollection", "features": features}, "rec": rec, "colour": layer.colour,
            "ring": NEW_RING, "labels": labels}))
    return out


def collection_layer_groups(summaries: Sequence[PlaceSummary] | None = None, *,
                            new: Collection[str] = frozenset(), layers: Iterable[str] | None = None,
                            data: dict[str, tuple[int, str]] | None = None) -> list[folium.FeatureGroup]:
    """One FeatureGroup per layer (as :func:`geo.mapview.layer_groups`), for ``st_folium(feature_group_to_add=...)``.

    ``new``: place ids to ring as new in the range (see :func:`new_place_ids`). ``data``: what
    :func:`collection_layer_data` returned for them, if already at hand (then ``summaries`` is not read).
    """
    chosen = _check_layers(layers)
    if data is None:
        data = collection_layer_data(summaries or (), new=new)
    groups = []
    for i, layer in enumerate(LAYERS):
        if layer.key not in chosen:
            continue
        count, data_js = data[layer.key]
        group = folium.FeatureGroup(name=_layer_label(layer, count), overlay=True, show=True)
        _CollectionLayer(data_js).add_to(group)
        _renumber(group, start=(i + 1) << 64)  # distinct per layer: a map keys its children by name
        groups.append(group)
    return groups
