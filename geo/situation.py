"""The situation: the places a statement names, each with its mentions and quotes.

Exports are RFC 7946: WGS84, ``[lon, lat]``, right-hand (counter-clockwise)
exterior rings, no ``crs`` member, and the quotes inside ``properties``
(many GIS tools drop foreign members).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .model import LAYERS, Mention, Place, SituationPlace

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from .relations import Movement

__all__ = ["SituationPlace", "Situation"]  # SituationPlace lives in geo.model (exports read it)


@dataclass(frozen=True)
class Situation:
    """The result of :func:`geo.geoparse`: the statement, its mentions and its places.

    ``places`` holds one entry per distinct located place, ordered by first
    mention; ``unlocated`` the mentions with a place cue but no gazetteer entry.
    """

    text: str
    lang: str
    mentions: tuple[Mention, ...]

    @cached_property
    def places(self) -> tuple[SituationPlace, ...]:
        """Distinct located places, in order of first mention."""
        grouped: dict[str, list[Mention]] = {}
        first: dict[str, Place] = {}
        for m in self.mentions:
            if m.place is None:
                continue
            grouped.setdefault(m.place.place_id, []).append(m)
            first.setdefault(m.place.place_id, m.place)
        return tuple(SituationPlace(first[pid], tuple(ms)) for pid, ms in grouped.items())

    @cached_property
    def movements(self) -> tuple[Movement, ...]:
        """Who or what moves from where to where (:func:`geo.relations.extract_movements`), in text order."""
        from .relations import extract_movements

        return extract_movements(self)

    @property
    def unlocated(self) -> tuple[Mention, ...]:
        """Mentions that look like places but are in no gazetteer."""
        return tuple(m for m in self.mentions if m.place is None)

    @cached_property
    def _by_id(self) -> dict[str, SituationPlace]:
        # A dict, not a scan: the dashboard looks places up once per row or option, and a big
        # statement names thousands.
        return {sp.place.place_id: sp for sp in self.places}

    def place(self, place_id: str) -> SituationPlace:
        """The situation's entry for ``place_id``; ``KeyError`` if the statement does not name it."""
        return self._by_id[place_id]

    # -- exports: the schema belongs to geo.export -------------------------------------
    def to_geojson(self, *, movements: bool = False) -> dict[str, Any]:
        """An RFC 7946 FeatureCollection, one Feature per place (areas as polygons).

        ``movements=True`` adds one LineString Feature per movement after the places.
        """
        from .export import feature_collection

        return feature_collection(self, movements=movements)

    def to_geojson_str(self, *, indent: int | None = None, movements: bool = False) -> str:
        """The FeatureCollection as a JSON string (UTF-8 safe, Arabic kept readable)."""
        return json.dumps(self.to_geojson(movements=movements), ensure_ascii=False, indent=indent)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """So folium, shapely and geopandas accept a Situation directly."""
        return self.to_geojson()

    def to_geodataframe(self) -> "geopandas.GeoDataFrame":
        """A GeoDataFrame in EPSG:4326, one row per place; quotes kept as a list column."""
        import geopandas  # local: keeps `import geo` light for the CLI's fast path

        fc = self.to_geojson()
        columns = ["place_id", "name", "name_ar", "kind", "layer", "country_code", "lat", "lon",
                   "confidence", "reason", "source", "mention_count", "quotes", "geometry"]
        if not fc["features"]:
            return geopandas.GeoDataFrame(columns=columns, geometry="geometry", crs="EPSG:4326")
        gdf = geopandas.GeoDataFrame.from_features(fc["features"], crs="EPSG:4326")
        return gdf[columns]

    def layer_counts(self) -> dict[str, int]:
        """Number of places per layer key, in layer order."""
        counts = {layer.key: 0 for layer in LAYERS}
        for sp in self.places:
            counts[sp.place.layer.key] += 1
        return counts

