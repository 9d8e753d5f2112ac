"""geo: find the places a statement names, offline, in Arabic and English, and map them.

>>> from geo import geoparse
>>> s = geoparse("اجتمع المشاركون في الرياض")
>>> [p.place.name for p in s.places]
['Riyadh']
"""

from __future__ import annotations

from .errors import GazetteerError, GeocoderError, GeoError, InputError, StoreError, UnknownPlaceError
from .gazetteer import Gazetteer, load_gazetteer
from .model import KINDS, LAYERS, Layer, Mention, Place, Quote, layer_of
from .pipeline import geoparse
from .situation import Situation, SituationPlace

__all__ = [
    "geoparse",
    "load_gazetteer",
    "Gazetteer",
    "OfflineGeocoder",
    "OnlineGeocoder",
    "GeocodeResult",
    "PlaceIndex",
    "Situation",
    "SituationPlace",
    "Place",
    "Mention",
    "Quote",
    "Movement",
    "extract_movements",
    "Layer",
    "LAYERS",
    "KINDS",
    "layer_of",
    "GeoError",
    "InputError",
    "GazetteerError",
    "GeocoderError",
    "UnknownPlaceError",
    "StoreError",
]


# The geocoders pull in geopy (and requests): loaded on first use so `import geo` stays fast.
_LAZY = {"OfflineGeocoder", "OnlineGeocoder", "GeocodeResult", "PlaceIndex"}
# Movements (geo.relations) are read only when asked for (Situation.movements): loaded on first use too.
_LAZY_RELATIONS = {"Movement", "extract_movements"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from . import geocoder

        return getattr(geocoder, name)
    if name in _LAZY_RELATIONS:
        from . import relations

        return getattr(relations, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
