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


def __getattr__(name: str) -> object:
    if name in _LAZY:
        from . import geocoder

        return getattr(geocoder, name)
    raise AttributeError(f"module 'geo' has no attribute {name!r}")
