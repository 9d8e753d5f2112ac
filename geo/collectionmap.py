"""A collection on the map: every place the chosen statements name, sized by mentions, new ones set apart.

The pieces of :mod:`geo.mapview` (its base map, panes, layer control and escaping) with the
places of a collection (:class:`geo.store.PlaceSummary`) instead of one statement's: one
``L.geoJson`` per layer, points sized by how often they were named, areas shaded by it, and
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

from .export import COORD_PRECISION
from .mapview import _area_geometry, _check_layers, _layer_label, _Raw, _renumber, _script_json, place_css_class
from .model import LAYERS, layer_of
from .report import ARABIC_FONTS, escape_untrusted
from .store import PlaceSummary

__all__ = [
    "NEW_RING",
    "collection_radius",
    "collection_bounds",
    "collection_layer_groups",
    "new_place_ids",
]

#: The ring drawn around places new in the range (and the legend's swatch for them).
NEW_RING = "#111111"
_MAX_LABELS = 25


def collection_radius(mentions: int) -> float:
    """A point's radius in pixels: its area grows with the log of its mentions (1 → 6, 10 → 15, 1000 → 28).

    >>> collection_radius(1), collection_radius(1000)
    (6.0, 28.0)
    """
    return round(min(28.0, 6.0 + 3.0 * math.log2(max(1, mentions))), 1)


def new_place_ids(summaries: Iterable[PlaceSummary], date_from: str | None) -> frozenset[str]:
    """Places of a range that no statement dated before its first day names (none without a first day)."""
    if date_from is None:
        return frozenset()
    return frozenset(s.place.place_id for s in summaries
                     if s.first_seen_ever is not None and s.first_seen_ever >= date_from)


def collection_bounds(summaries: Sequence[PlaceSummary]) -> list[list[float]] | None:
    """``[[south, west], [north, east]]`` of the places (only those smaller than a country when there are any)."""
    if not summaries:
        return None
    detail = [s for s in summaries if s.place.kind != "country"] or list(summaries)
    lats = [s.place.lat for s in detail]
    lons = [s.place.lon for s in detail]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


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


def _popup(s: PlaceSummary, new: bool) -> str:
    p = s.place
    seen = s.first_seen if s.first_seen == s.last_seen else f"{s.first_seen} – {s.last_seen}"
    badge = ('<span class="geo-new-badge" style="background:#111;color:#fff;border-radius:3px;padding:0 4px;'
             'font-size:11px;margin-left:4px">new in range</span>') if new else ""
    return (
        f'<div class="geo-popup" data-place-id="{escape_untrusted(p.place_id)}">'
        f'<div style="font-weight:600;font-size:15px">{escape_untrusted(p.name)}'
        f' · <span dir="rtl" lang="ar" style="font-family:{ARABIC_FONTS}">{escape_untrusted(p.name_ar)}</span>'
        f"{badge}</div>"
        f'<div style="color:#555;font-size:12px">{escape_untrusted(p.kind)} · {escape_untrusted(p.country_code)}'
        f" · {s.mentions} mention{'s' if s.mentions != 1 else ''} in {s.statements} "
        f"statement{'s' if s.statements != 1 else ''}"
        f"{' · ' + escape_untrusted(seen) if s.first_seen else ''}</div>"
        '<div style="font-size:12px;margin-top:4px">Its history (every quote) is beside the map.</div></div>'
    )


def _tooltip(s: PlaceSummary, new: bool) -> str:
    p = s.place
    return (f"<b>{escape_untrusted(p.name)}</b> · <span dir=\"rtl\" lang=\"ar\">{escape_untrusted(p.name_ar)}</span>"
            f"<br><small>{s.mentions} mention{'s' if s.mentions != 1 else ''}"
            f"{' · new in range' if new else ''}</small>")


class _CollectionLayer(folium.MacroElement):
    """The places of one layer as one ``L.geoJson`` (as :mod:`geo.mapview` draws a statement's)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (d) {
          var layer = L.geoJson(d.geojson, {
            style: function (f) { return d.style[f.id]; },
            pointToLayer: function (f, latlng) { return L.circleMarker(latlng, d.style[f.id]); },
            onEachFeature: function (f, l) {
              L.Util.setOptions(l, {pane: d.style[f.id].pane, className: d.style[f.id].className});
              var popup = document.createElement("div");
              popup.innerHTML = d.popup[f.id];
              l.bindPopup(popup, {maxWidth: 360});
              l.bindTooltip(d.tooltip[f.id], {sticky: true});
            }
          });
          layer.eachLayer(function (l) {
            var text = d.label[l.feature.id];
            if (text && l.getLatLng) {
              layer.addLayer(L.tooltip({permanent: true, direction: "right", offset: [10, 0], className: "geo-label",
                                        pane: "geo-labels"}).setLatLng(l.getLatLng()).setContent(text));
            }
          });
          return layer;
        })({{ this.data_js }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, summaries: Sequence[PlaceSummary], new: Collection[str], *, labels: bool,
                 max_mentions: int) -> None:
        super().__init__()
        self._name = "CollectionLayer"
        features, style, popup, tooltip, label = [], {}, {}, {}, {}
        for s in summaries:
            p = s.place
            pid = p.place_id
            is_new = pid in new
            colour = layer_of(p.kind).colour
            css = f"geo-place geo-layer-{layer_of(p.kind).key} {place_css_class(pid)}" + (" geo-new" if is_new else "")
            if p.geometry:
                geometry = _area_json(p.geometry)
                # Shaded by share of mentions, so the most named areas stand out without hiding the rest.
                share = math.log1p(s.mentions) / math.log1p(max(1, max_mentions))
                style[pid] = {"color": NEW_RING if is_new else colour, "weight": 3 if is_new else 1.5,
                              "dashArray": "6 4" if is_new else None, "opacity": 0.9, "fillColor": colour,
                              "fillOpacity": round(0.06 + 0.3 * share, 3), "pane": "geo-areas", "className": css}
            else:
                # GeoJSON is [lon, lat]: the flip from the snapshot's lat/lon happens here.
                geometry = {"type": "Point", "coordinates": [round(p.lon, COORD_PRECISION),
                                                             round(p.lat, COORD_PRECISION)]}
                style[pid] = {"radius": collection_radius(s.mentions), "color": NEW_RING if is_new else "#ffffff",
                              "weight": 3 if is_new else 1.5, "opacity": 1, "fill": True, "fillColor": colour,
                              "fillOpacity": 0.85, "pane": "geo-points", "className": css}
                if labels:
                    label[pid] = escape_untrusted(p.name)
            features.append({"type": "Feature", "id": pid, "geometry": geometry,
                             "properties": {"place_id": pid, "layer": layer_of(p.kind).key, "new": is_new}})
            popup[pid] = _popup(s, is_new)
            tooltip[pid] = _tooltip(s, is_new)
        self.data_js = _script_json({"geojson": {"type": "FeatureCollection", "features": features},
                                     "style": style, "popup": popup, "tooltip": tooltip, "label": label})

    def render(self, **kwargs: Any) -> None:
        self.get_root().script.add_child(_Raw(self._template.module.script(self, kwargs)), name=self.get_name())


def collection_layer_groups(summaries: Sequence[PlaceSummary], *, new: Collection[str] = frozenset(),
                            layers: Iterable[str] | None = None) -> list[folium.FeatureGroup]:
    """One FeatureGroup per layer (as :func:`geo.mapview.layer_groups`), for ``st_folium(feature_group_to_add=...)``.

    ``new``: place ids to ring as new in the range (see :func:`new_place_ids`).
    """
    chosen = _check_layers(layers)
    by_layer: dict[str, list[PlaceSummary]] = {layer.key: [] for layer in LAYERS}
    for s in summaries:
        by_layer[layer_of(s.place.kind).key].append(s)
    # Names next to the points while they are few enough to stay readable; on hover beyond that.
    labels = sum(1 for s in summaries if not s.place.geometry) <= _MAX_LABELS
    top = max((s.mentions for s in summaries), default=1)
    groups = []
    for i, layer in enumerate(LAYERS):
        if layer.key not in chosen:
            continue
        group = folium.FeatureGroup(name=_layer_label(layer, len(by_layer[layer.key])), overlay=True, show=True)
        places = by_layer[layer.key]
        _CollectionLayer(places, new, labels=labels, max_mentions=top).add_to(group)
        _renumber(group, start=(i + 1) << 64)
        groups.append(group)
    return groups
