"""Exceptions raised by :mod:`geo`.

One root, :class:`GeoError`; each subclass also inherits the builtin a caller
would naturally catch (``ValueError``, ``LookupError``), as geopy and shapely do.
"""

from __future__ import annotations

__all__ = [
    "GeoError",
    "InputError",
    "GazetteerError",
    "GeocoderError",
    "UnknownPlaceError",
    "StoreError",
]


class GeoError(Exception):
    """Root of every error this library raises on purpose."""


class InputError(GeoError, ValueError):
    """The input (text, bytes, option) cannot be used; the message says why and what is valid."""


class GazetteerError(GeoError, RuntimeError):
    """The gazetteer's data could not be loaded or is inconsistent."""


class GeocoderError(GeoError, RuntimeError):
    """An online geocoder failed; the offline fallback is used instead."""


class UnknownPlaceError(GeoError, LookupError):
    """A place id that the gazetteer does not know."""


class StoreError(GeoError, RuntimeError):
    """The collection's store cannot be used (not a store of ours, damaged, busy, newer); nothing was written."""
