"""Geocoders with geopy's contract: offline over the gazetteer, online opt-in with offline fallback.

:class:`OfflineGeocoder` answers ``geocode()`` / ``reverse()`` from the local
gazetteer, exactly like any :class:`geopy.geocoders.base.Geocoder`, so it drops
into code written for geopy, including ``geopandas.tools.geocode``:

>>> import geopandas
>>> df = geopandas.tools.geocode(["Riyadh", "الرياض"], provider=OfflineGeocoder)  # doctest: +SKIP
>>> df.crs.to_string(), round(df.geometry[0].y, 2)  # doctest: +SKIP
('EPSG:4326', 24.69)

:class:`OnlineGeocoder` wraps an online geopy geocoder (Nominatim by default).
Nothing in :mod:`geo` constructs it: online lookups are strictly opt-in. It
bounds every call by an overall deadline (retries and Retry-After waits
included), spaces requests like :class:`geopy.extra.rate_limiter.RateLimiter`,
caches answers (never failures), and on *any* failure answers from the offline
gazetteer instead. :meth:`OnlineGeocoder.lookup` says which of these happened in
a :class:`GeocodeResult`; :meth:`OnlineGeocoder.geocode` keeps geopy's contract.

Coordinate order: ``(lat, lon)`` everywhere in this module, as in geopy's
:class:`~geopy.point.Point` and :class:`~geopy.location.Location`.
"""

from __future__ import annotations

import inspect
import json
import logging
import math
import os
import re
import ssl
import tempfile
import threading
import time
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol, TypeVar

from geopy.adapters import BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderRateLimited, GeocoderTimedOut
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location
from geopy.point import Point

from .errors import GeocoderError, InputError
from .model import Place
from .safehttp import DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, BoundedAdapter

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = [
    "GeocodeResult",
    "OfflineGeocoder",
    "OnlineGeocoder",
    "PlaceIndex",
    "place_to_location",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Identifies this application to online services (Nominatim's usage policy requires a real one).
DEFAULT_USER_AGENT = "geo-situation-map/0.1 (offline geoparser; opt-in online geocoding)"
_NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
#: Kinds :meth:`OfflineGeocoder.reverse` snaps to by default: points people name, not area centroids.
_REVERSE_KINDS: tuple[str, ...] = ("city", "camp", "prison", "crossing", "facility")
_EARTH_RADIUS_KM = 6371.0088
#: Arabic comma, used between parts of an Arabic address.
_AR_COMMA = "\u060c"
# Only the comma itself: the spaces around it are stripped from each part. A pattern with "\s*" before the comma
# tried every start in a run of spaces (a query of 20,000 spaces took 10 s; issue 14).
_COMMAS = re.compile(r"[,\u060c]")
_DEFAULT_LIMIT = 10
#: Upper bound on OnlineGeocoder(max_retries=...): each retry is a request to a service that said "too many".
_MAX_RETRIES = 10


class PlaceIndex(Protocol):
    """What the geocoders need from a gazetteer (:class:`geo.gazetteer.Gazetteer` satisfies it)."""

    def search(self, query: str, *, limit: int = 10) -> list[Place]:
        """Places named ``query``, best first; ``[]`` when unknown."""
        ...

    def get(self, place_id: str) -> Place:
        """The place with id ``place_id``; raises :class:`LookupError` when unknown."""
        ...

    def places_in(self, kinds: Iterable[str]) -> list[Place]:
        """Every place of the given kinds (used by :meth:`OfflineGeocoder.reverse`)."""
        ...


class _NoNetworkAdapter(BaseSyncAdapter):
    """geopy adapter for geocoders that answer locally: any HTTP attempt is a bug, so it raises.

    Also spares each instance the requests session and TLS context geopy's default
    adapter builds (~50 ms), which matters because geopandas builds a provider per call.
    """

    def get_json(self, url: str, *, timeout: Any, headers: Any) -> Any:
        """Refuse: this geocoder does not use the network."""
        raise GeocoderError(f"refusing to fetch {url!r}: this geocoder answers offline and never uses the network")

    def get_text(self, url: str, *, timeout: Any, headers: Any) -> str:
        """Refuse: this geocoder does not use the network."""
        return self.get_json(url, timeout=timeout, headers=headers)


@lru_cache(maxsize=1)
def _system_ssl_context() -> ssl.SSLContext:
    # What geopy builds per instance when no context is configured (the system CA store); loading the
    # CA store costs ~50 ms, and geopandas constructs a provider on every call, so build it once.
    return ssl.create_default_context()


def _online_adapter(*, proxies: Any, ssl_context: ssl.SSLContext | None, max_bytes: int = DEFAULT_MAX_BYTES,
                    max_redirects: int = DEFAULT_MAX_REDIRECTS, allow_private: bool | None = None) -> BoundedAdapter:
    """geopy adapter for the default Nominatim: one deadline per call, a byte cap, same-host redirects.

    Not requests (geopy's default): its timeout bounds each read, not the call, it reads a reply
    whole, follows redirects to any host, and its urllib3 retries sleep for a 429's Retry-After
    blind to our deadline. See :mod:`geo.safehttp`.
    """
    return BoundedAdapter(proxies=proxies, ssl_context=ssl_context or _system_ssl_context(), max_bytes=max_bytes,
                          max_redirects=max_redirects, allow_private=allow_private)


def _check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise InputError(f"limit must be a positive integer or None, not {limit!r}")
    return limit


def _check_query(query: object) -> str:
    if not isinstance(query, str):
        raise InputError(
            f"query must be a string (Arabic or English place name), not {type(query).__name__} {query!r}"
        )
    return query


def _address_parts(query: str) -> list[str]:
    """The non-empty parts of ``"name, country"`` (either comma), stripped of the spaces around them.

    Splits on the comma alone and strips with ``str.strip`` (the same spaces as the regex ``\\s``): linear
    however long a run of spaces is.
    """
    return [part for part in (p.strip() for p in _COMMAS.split(query)) if part]


def _country_codes(country_codes: str | Sequence[str] | None) -> tuple[str, ...]:
    """Normalise geopy's ``country_codes`` (a code or a list of codes) to upper-case ISO codes."""
    if not country_codes:
        return ()
    codes = [country_codes] if isinstance(country_codes, str) else list(country_codes)
    bad = [c for c in codes if not isinstance(c, str) or len(c) != 2 or not c.isalpha()]
    if bad:
        raise InputError(f"country_codes must be ISO 3166-1 alpha-2 codes like 'sy' or ['sy', 'iq'], not {bad!r}")
    return tuple(sorted({c.upper() for c in codes}))


def _is_arabic_language(language: str | None) -> bool:
    # geopy passes RFC 2616 accept-language strings ("ar", "ar-SA,en;q=0.5"): the first tag decides.
    return bool(language) and str(language).strip().lower()[:2] == "ar"


def place_to_location(place: Place, *, country_name: str = "", language: str | None = None,
                      extra: dict[str, Any] | None = None) -> Location:
    """A geopy :class:`~geopy.location.Location` for a gazetteer :class:`~geo.model.Place`.

    ``address`` is the name and, for places inside a country, the country's name
    (Arabic when ``language`` starts with ``ar`` and the Arabic names are known);
    ``point`` is ``(lat, lon)``; ``raw`` is the place as a JSON-ready dict.

    >>> p = Place("geonames:108410", "Riyadh", "الرياض", "city", "SA", 24.68773, 46.72185)
    >>> loc = place_to_location(p, country_name="Saudi Arabia")
    >>> loc.address, loc.latitude, loc.raw["place_id"]
    ('Riyadh, Saudi Arabia', 24.68773, 'geonames:108410')
    """
    arabic = _is_arabic_language(language) and bool(place.name_ar)
    name = place.name_ar if arabic else place.name
    sep = f"{_AR_COMMA} " if arabic else ", "
    address = name if place.kind == "country" or not country_name else f"{name}{sep}{country_name}"
    raw: dict[str, Any] = {
        "place_id": place.place_id,
        "name": place.name,
        "name_ar": place.name_ar,
        "kind": place.kind,
        "country_code": place.country_code,
        "lat": place.lat,
        "lon": place.lon,
        "population": place.population,
        "source": place.source,
    }
    if extra:
        raw.update(extra)
    # geopy's Point takes (latitude, longitude): no flip here.
    return Location(address, (place.lat, place.lon), raw)


# --------------------------------------------------------------------------------------------------
# Offline
# --------------------------------------------------------------------------------------------------


class OfflineGeocoder(Geocoder):
    """A geopy geocoder over the local gazetteer: no network, Arabic and English names.

    Parameters
    ----------
    gazetteer
        Any :class:`PlaceIndex`; default :func:`geo.load_gazetteer`, loaded on first
        use (not at construction) so constructing is cheap and imports stay light.
    timeout, user_agent
        Accepted for drop-in compatibility with other geopy geocoders; unused.

    Examples
    --------
    >>> coder = OfflineGeocoder()  # doctest: +SKIP
    >>> coder.geocode("بالرياض").raw["place_id"]  # doctest: +SKIP
    'geonames:108410'

    ``geopandas.tools.geocode`` instantiates the provider itself
    (``provider(**kwargs)``), so pass the class and, if needed, ``gazetteer=...``
    as a keyword: ``geocode(names, provider=OfflineGeocoder, gazetteer=gaz)``.
    """

    def __init__(self, gazetteer: PlaceIndex | None = None, *, timeout: Any = DEFAULT_SENTINEL,
                 user_agent: str | None = None) -> None:
        super().__init__(timeout=timeout, user_agent=user_agent or DEFAULT_USER_AGENT,
                         adapter_factory=_NoNetworkAdapter)
        self._gazetteer = gazetteer
        # Guards the lazy loads below: a Streamlit app may call from several threads at once.
        self._lock = threading.Lock()
        self._country_names: dict[tuple[str, bool], str] = {}
        self._reverse_tables: dict[tuple[str, ...], tuple[list[Place], np.ndarray, np.ndarray]] = {}

    @property
    def gazetteer(self) -> PlaceIndex:
        """The place index, loading the default gazetteer on first use."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    # Imported here, not at module level: geo.gazetteer is heavy and this module
                    # must import (and construct) without building the index.
                    from .gazetteer import load_gazetteer

                    self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __repr__(self) -> str:
        state = "default gazetteer (not loaded)" if self._gazetteer is None else repr(self._gazetteer)
        return f"<OfflineGeocoder {state}>"

    def _country_name(self, code: str, arabic: bool) -> str:
        if not code:
            return ""
        key = (code, arabic)
        name = self._country_names.get(key)
        if name is None:
            try:
                country = self.gazetteer.get(f"country:{code}")
            except LookupError:
                # A place in a country the index has no entry for: the ISO code still tells the reader where.
                name = code
            else:
                name = (country.name_ar if arabic and country.name_ar else country.name) or code
            self._country_names[key] = name
        return name

    def _to_location(self, place: Place, language: str | None, extra: dict[str, Any] | None = None) -> Location:
        arabic = _is_arabic_language(language) and bool(place.name_ar)
        country = "" if place.kind == "country" else self._country_name(place.country_code, arabic)
        return place_to_location(place, country_name=country, language=language, extra=extra)

    def places(self, query: str, *, limit: int = _DEFAULT_LIMIT,
               country_codes: str | Sequence[str] | None = None) -> list[Place]:
        """Gazetteer places for a free-text query, best first.

        Besides a bare name (``"Riyadh"``, ``"بالرياض"``), accepts the
        ``"name, country"`` form geocoding inputs often have (``"Damascus, Syria"``,
        ``"دمشق، سوريا"``): the later parts only re-rank the first part's candidates.
        """
        query = _check_query(query)
        limit = _check_limit(limit) or _DEFAULT_LIMIT
        codes = _country_codes(country_codes)
        index = self.gazetteer
        # Filtering by country drops candidates, so ask the index for more than we return.
        fetch = max(limit, 50) if codes else limit
        candidates = index.search(query, limit=fetch)
        parts = _address_parts(query)
        if not candidates and len(parts) > 1:
            candidates = index.search(parts[0], limit=max(fetch, 50))
            hinted = {p.country_code for part in parts[1:] for p in index.search(part, limit=3)
                      if p.kind == "country"}
            if hinted:
                # Stable sort: the index's ranking is kept within "in the named country" and "elsewhere".
                candidates.sort(key=lambda p: p.country_code not in hinted)
        if codes:
            candidates = [p for p in candidates if p.country_code in codes]
        return candidates[:limit]

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                language: str | None = None, limit: int | None = None,
                country_codes: str | Sequence[str] | None = None) -> Location | list[Location] | None:
        """Look ``query`` up in the gazetteer, following geopy's ``geocode`` contract.

        Parameters
        ----------
        query
            A place name in Arabic or English (clitics such as ``بالرياض`` are tolerated).
        exactly_one
            ``True``: the best :class:`~geopy.location.Location`; ``False``: a list, best first.
        timeout
            Ignored (no network); accepted because geopy callers pass it.
        language
            ``"ar"`` gives Arabic addresses where Arabic names are known; otherwise English.
        limit
            Maximum number of results when ``exactly_one=False`` (default 10).
        country_codes
            ISO 3166-1 alpha-2 code(s) to restrict results to, as in geopy's Nominatim.

        Returns
        -------
        Location, list of Location, or None
            ``None`` when nothing matches, as every geopy geocoder does.
        """
        limit = _check_limit(limit)
        n = 1 if exactly_one else (limit or _DEFAULT_LIMIT)
        found = self.places(query, limit=n, country_codes=country_codes)
        if not found:
            return None
        locations = [self._to_location(p, language) for p in found]
        return locations[0] if exactly_one else locations

    def _reverse_table(self, kinds: tuple[str, ...]) -> tuple[list[Place], np.ndarray, np.ndarray]:
        table = self._reverse_tables.get(kinds)
        if table is None:
            import numpy as np  # local: only reverse geocoding needs arrays

            with self._lock:
                table = self._reverse_tables.get(kinds)
                if table is None:
                    places = self.gazetteer.places_in(kinds)
                    lat = np.radians(np.array([p.lat for p in places], dtype=float))
                    lon = np.radians(np.array([p.lon for p in places], dtype=float))
                    table = (places, lat, lon)
                    self._reverse_tables[kinds] = table
        return table

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                language: str | None = None, kinds: Iterable[str] = _REVERSE_KINDS,
                max_distance_km: float | None = 100.0, limit: int | None = None
                ) -> Location | list[Location] | None:
        """The known place(s) nearest to a point, following geopy's ``reverse`` contract.

        Parameters
        ----------
        query
            ``(lat, lon)``, a :class:`geopy.point.Point`, or ``"lat, lon"``.
        exactly_one
            ``True``: the nearest place; ``False``: a list, nearest first.
        kinds
            Which kinds of place to snap to (default cities and facilities such as camps).
        max_distance_km
            Nothing farther than this counts (``None``: no limit), so a point at sea is ``None``.
        limit
            Maximum number of results when ``exactly_one=False`` (default 10).

        Returns
        -------
        Location, list of Location, or None
            ``raw["distance_km"]`` is the great-circle distance from ``query``.
        """
        import numpy as np

        try:
            point = Point(query)
        except (TypeError, ValueError) as exc:
            raise InputError(f"reverse() needs (lat, lon), a geopy Point or 'lat, lon', not {query!r}") from exc
        n = 1 if exactly_one else (_check_limit(limit) or _DEFAULT_LIMIT)
        places, lat, lon = self._reverse_table(tuple(sorted(set(kinds))))
        if not places:
            return None
        # Haversine on radians; Point stores (latitude, longitude).
        plat, plon = math.radians(point.latitude), math.radians(point.longitude)
        a = np.sin((lat - plat) / 2) ** 2 + math.cos(plat) * np.cos(lat) * np.sin((lon - plon) / 2) ** 2
        dist = 2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
        order = np.argsort(dist, kind="stable")[:n]
        out = [self._to_location(places[i], language, {"distance_km": round(float(dist[i]), 3)})
               for i in order if max_distance_km is None or dist[i] <= max_distance_km]
        if not out:
            return None
        return out[0] if exactly_one else out


# --------------------------------------------------------------------------------------------------
# Online, with cache, rate limit, deadline and offline fallback
# --------------------------------------------------------------------------------------------------

Source = Literal["online", "offline", "cache"]


@dataclass(frozen=True, slots=True)
class GeocodeResult:
    """What :meth:`OnlineGeocoder.lookup` found, where it came from, and why.

    Attributes
    ----------
    query
        The query as given.
    locations
        Results, best first; empty when nothing was found.
    source
        ``"online"`` (answered by the service now), ``"cache"`` (an earlier online
        answer) or ``"offline"`` (the gazetteer, because the online call failed).
    note
        One human-readable sentence saying why, fit to show next to the result.
    error
        For an offline fallback, a :class:`~geo.errors.GeocoderError` whose
        ``__cause__`` is the original failure; ``None`` otherwise.
    """

    query: str
    locations: tuple[Location, ...]
    source: Source
    note: str
    error: GeocoderError | None = field(default=None, compare=False)

    @property
    def location(self) -> Location | None:
        """The best result, or ``None``."""
        return self.locations[0] if self.locations else None

    @property
    def fell_back(self) -> bool:
        """Whether the online service failed and the offline gazetteer answered."""
        return self.source == "offline"


class _Failure(Exception):
    """Internal: the online call failed; ``reason`` is the note's wording, ``__cause__`` the error."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _short(exc: BaseException, limit: int = 160) -> str:
    # Parse errors carry the whole response body: keep notes to one readable line.
    text = " ".join(str(exc).split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _run_with_deadline(fn: Callable[[], T], seconds: float) -> T:
    """Run ``fn`` in a worker thread and wait at most ``seconds`` for it.

    Only for a geocoder passed in by the caller, whose HTTP client we do not control
    (the default Nominatim uses :class:`geo.safehttp.BoundedAdapter`, which keeps the
    deadline itself, with no thread). Such a client's socket timeouts bound each read,
    not the whole call, so only waiting from outside makes the deadline hard; a call that
    overruns is abandoned, and its thread lives as long as that client keeps reading.
    """
    box: dict[str, Any] = {}
    done = threading.Event()

    def work() -> None:
        try:
            box["value"] = fn()
        except Exception as exc:  # noqa: BLE001 - handed to the caller below and re-raised there
            box["error"] = exc
        finally:
            done.set()

    # Daemon: an abandoned call must not keep the interpreter alive at exit.
    threading.Thread(target=work, name="geo-online-geocode", daemon=True).start()
    if not done.wait(max(seconds, 0.0)):
        raise GeocoderTimedOut(f"no answer within {seconds:.2f} s")
    if "error" in box:
        raise box["error"]
    return box["value"]


class OnlineGeocoder(Geocoder):
    """An online geopy geocoder made safe for an offline-first app. Opt-in: never built by default.

    The online part of every call (rate-limit wait, requests, Retry-After waits and
    retries) is bounded by ``timeout`` seconds in total; the offline fallback then
    adds an in-memory lookup (and, once, loading the default gazetteer unless one is
    passed). The default Nominatim's HTTP client (:mod:`geo.safehttp`) keeps that deadline by
    itself, with no extra thread, caps the reply's size and follows redirects only within the
    configured host. Requests are spaced at least ``min_delay_seconds`` apart (Nominatim's policy is one per
    second); answers, including "no result", are cached in memory (LRU) and
    optionally in a JSON file, failures never; any failure (timeout, HTTP 429
    beyond the budget, 5xx, malformed JSON, a JSON ``{"error": ...}`` reply, a reply over the byte
    cap, a refused redirect, refused connection, ...) is answered
    from the offline gazetteer with a note saying why.

    Parameters
    ----------
    geocoder
        Any geopy geocoder; default ``Nominatim(user_agent=..., domain=..., scheme=...)``.
    domain, scheme, user_agent, proxies
        For the default Nominatim only (``domain="127.0.0.1:8080", scheme="http"`` for a
        local server; ``proxies={}`` to bypass system proxies). Not allowed with ``geocoder``.
    timeout
        Overall budget in seconds per call, including rate-limit and Retry-After waits.
    min_delay_seconds
        Minimum time between the starts of two requests, shared by all threads.
    max_retries
        Retries after HTTP 429 (at most 10), each only if its Retry-After wait fits in the budget.
        Other failures fall back at once: the gazetteer is a good answer and the budget is short.
    error_wait_seconds
        Wait before retrying a 429 without a usable Retry-After, and the least wait after any 429:
        ``Retry-After: 0`` or a negative or past value never makes a burst of requests.
    max_retry_after_seconds
        Longest Retry-After believed; a larger one (``Retry-After: 999999999``) is cut to this,
        so one reply cannot switch the service off for this instance for days.
    max_response_bytes, max_redirects, allow_private_addresses
        For the default Nominatim only (see :mod:`geo.safehttp`): the byte cap on a reply (the
        call fails as soon as a reply passes it, nothing more is read), redirects followed (to
        the same host only), and whether non-public addresses may be reached (default: only
        when the configured host is itself one, such as ``127.0.0.1`` or ``localhost``).
    cache_size
        Entries kept in memory (0 disables caching).
    cache_path
        Optional JSON file that keeps the cache between runs (written atomically).
    gazetteer, offline
        The fallback: an :class:`OfflineGeocoder`, or the index to build one over
        (default :func:`geo.load_gazetteer`, loaded only when first needed).

    Examples
    --------
    >>> coder = OnlineGeocoder(user_agent="my-app/1 (me@example.org)", timeout=3)  # doctest: +SKIP
    >>> r = coder.lookup("Raqqa")  # doctest: +SKIP
    >>> r.source, r.note  # doctest: +SKIP
    ('offline', 'offline gazetteer used: online geocoder timed out (3 s budget): ...')
    """

    def __init__(
        self,
        geocoder: Geocoder | None = None,
        *,
        domain: str | None = None,
        scheme: str | None = None,
        user_agent: str | None = None,
        proxies: Any = DEFAULT_SENTINEL,
        timeout: float = 5.0,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        error_wait_seconds: float = 1.0,
        max_retry_after_seconds: float = 300.0,
        max_response_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        allow_private_addresses: bool | None = None,
        cache_size: int = 1024,
        cache_path: str | os.PathLike[str] | None = None,
        gazetteer: PlaceIndex | None = None,
        offline: OfflineGeocoder | None = None,
    ) -> None:
        _check_seconds("timeout", timeout, allow_zero=False)
        _check_seconds("min_delay_seconds", min_delay_seconds)
        _check_seconds("error_wait_seconds", error_wait_seconds)
        _check_seconds("max_retry_after_seconds", max_retry_after_seconds)
        for name, value in (("max_retries", max_retries), ("cache_size", cache_size),
                            ("max_redirects", max_redirects)):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InputError(f"{name} must be an integer ≥ 0, not {value!r}")
        if max_retries > _MAX_RETRIES:
            raise InputError(f"max_retries must be at most {_MAX_RETRIES}, not {max_retries!r}")
        if isinstance(max_response_bytes, bool) or not isinstance(max_response_bytes, int) or max_response_bytes < 1:
            raise InputError(f"max_response_bytes must be a positive integer, not {max_response_bytes!r}")
        if allow_private_addresses not in (None, True, False):
            raise InputError(f"allow_private_addresses must be None, True or False, not {allow_private_addresses!r}")
        if offline is not None and gazetteer is not None:
            raise InputError("pass either offline=OfflineGeocoder(...) or gazetteer=..., not both")
        # Our own base adapter never fetches: every request goes through ``self.geocoder``.
        super().__init__(scheme=scheme, timeout=timeout, user_agent=user_agent or DEFAULT_USER_AGENT,
                         adapter_factory=_NoNetworkAdapter)
        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(
                domain=domain or _NOMINATIM_DOMAIN, scheme=scheme, user_agent=user_agent or DEFAULT_USER_AGENT,
                proxies=proxies, timeout=timeout,
                adapter_factory=partial(_online_adapter, max_bytes=max_response_bytes, max_redirects=max_redirects,
                                        allow_private=allow_private_addresses),
            )
        else:
            given = {k: v for k, v in (("domain", domain), ("scheme", scheme), ("user_agent", user_agent))
                     if v is not None}
            if proxies is not DEFAULT_SENTINEL:
                given["proxies"] = proxies
            defaults = {"max_response_bytes": (max_response_bytes, DEFAULT_MAX_BYTES),
                        "max_redirects": (max_redirects, DEFAULT_MAX_REDIRECTS),
                        "allow_private_addresses": (allow_private_addresses, None)}
            given.update({k: v for k, (v, d) in defaults.items() if v != d})
            if given:
                raise InputError(
                    f"{sorted(given)!r} configure the default Nominatim only; set them on the geocoder you pass "
                    f"({type(geocoder).__name__}) instead"
                )
        if not callable(getattr(geocoder, "geocode", None)):
            raise InputError(f"geocoder must be a geopy geocoder with a geocode() method, not {geocoder!r}")
        self.geocoder = geocoder
        self.offline = offline if offline is not None else OfflineGeocoder(gazetteer)
        self.min_delay_seconds = float(min_delay_seconds)
        self.max_retries = max_retries
        self.error_wait_seconds = float(error_wait_seconds)
        self.max_retry_after_seconds = float(max_retry_after_seconds)
        # Our own adapter bounds the whole call itself; any other geocoder needs a watcher thread.
        self._bounded = isinstance(getattr(geocoder, "adapter", None), BoundedAdapter)
        self.cache_size = cache_size
        self.cache_path = Path(cache_path) if cache_path is not None else None
        # The service's identity is part of every cache key: one cache file may serve several services.
        name, where = type(geocoder).__name__, getattr(geocoder, "domain", "")
        self._service = f"{name}:{where}"
        self._label = f"{name} ({where})" if where else name  # for notes shown to people
        self._params = _accepted_params(geocoder.geocode)
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, tuple[Location, ...]] = OrderedDict()
        self._disk_loaded = False
        self._last_start: float | None = None  # monotonic time the last request started
        self._not_before = 0.0  # monotonic time before which the server asked us not to call (Retry-After)

    def __repr__(self) -> str:
        return f"<OnlineGeocoder {self._service} timeout={self.timeout}s cache={len(self._cache)}>"

    # -- cache ----------------------------------------------------------------------------------
    def _key(self, query: str, limit: int, language: str | None, codes: tuple[str, ...]) -> str:
        # Same place, same answer: fold Unicode form, spacing and case so trivial variants share an entry.
        folded = " ".join(unicodedata.normalize("NFC", query).split()).casefold()
        return json.dumps([self._service, folded, limit, language or "", list(codes)], ensure_ascii=False)

    def _cache_get(self, key: str) -> tuple[Location, ...] | None:
        with self._lock:
            self._load_disk_locked()
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
            return hit

    def _cache_put(self, key: str, locations: tuple[Location, ...]) -> None:
        if self.cache_size == 0:
            return
        with self._lock:
            self._cache[key] = locations
            self._cache.move_to_end(key)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            self._save_disk_locked()

    def clear_cache(self) -> None:
        """Forget every cached answer (in memory; the JSON file is rewritten on the next answer)."""
        with self._lock:
            self._cache.clear()
            self._disk_loaded = True  # do not reload what was just cleared

    def _load_disk_locked(self) -> None:
        if self._disk_loaded or self.cache_path is None:
            return
        self._disk_loaded = True
        if not self.cache_path.exists():
            return
        try:
            data = json.loads(self.cache_path.read_text(encoding="utf-8"))
            entries = data["entries"] if data.get("version") == 1 else []
            for entry in entries:
                self._cache[entry["key"]] = tuple(
                    # Stored as lat, lon (geopy order), as in memory.
                    Location(loc["address"], (loc["lat"], loc["lon"]), loc["raw"]) for loc in entry["locations"]
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            # A broken cache must not break geocoding: start empty, say so, and overwrite it on the next answer.
            log.warning("geocoder cache %s unreadable (%s); starting with an empty cache", self.cache_path, exc)
            self._cache.clear()

    def _save_disk_locked(self) -> None:
        if self.cache_path is None:
            return
        entries = [
            {"key": key, "locations": [{"address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                                        "raw": loc.raw} for loc in locs]}
            for key, locs in self._cache.items()
        ]
        try:
            text = json.dumps({"version": 1, "entries": entries}, ensure_ascii=False)
        except (TypeError, ValueError) as exc:
            log.warning("geocoder cache not written to %s: an answer is not JSON (%s)", self.cache_path, exc)
            return
        try:
            self.cache_path.parent.mkdir(parents=True, exist_ok=True)
            # Temporary file + rename: a crash or a concurrent reader never sees half a file.
            fd, tmp = tempfile.mkstemp(dir=self.cache_path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, self.cache_path)
        except OSError as exc:
            log.warning("could not write geocoder cache %s: %s", self.cache_path, exc)

    # -- rate limit -----------------------------------------------------------------------------
    def _reserve_slot(self, deadline: float) -> tuple[float | None, str]:
        """Reserve the next request slot: ``(start, "")``, or ``(None, why)`` if it starts after ``deadline``.

        Like geopy's RateLimiter, but the slot is booked under the lock and slept
        for outside it, so concurrent callers queue fairly and nobody sleeps past
        their own deadline.
        """
        with self._lock:
            now = time.monotonic()
            next_slot = now if self._last_start is None else self._last_start + self.min_delay_seconds
            start = max(now, next_slot, self._not_before)
            if start >= deadline:
                if self._not_before >= next_slot:
                    why = f"the server's Retry-After (HTTP 429; {self._not_before - now:.1f} s left)"
                else:
                    why = f"the rate limit (one request per {self.min_delay_seconds:g} s)"
                return None, why
            self._last_start = start
        return start, ""

    # -- lookup ---------------------------------------------------------------------------------
    def lookup(self, query: str, *, limit: int = 1, timeout: Any = DEFAULT_SENTINEL, language: str | None = None,
               country_codes: str | Sequence[str] | None = None) -> GeocodeResult:
        """Geocode ``query`` and say where the answer came from.

        Parameters
        ----------
        query
            Place name or address.
        limit
            Maximum number of results.
        timeout
            Overall budget in seconds for this call (default: the instance's ``timeout``).
        language, country_codes
            As in :meth:`geocode`.

        Returns
        -------
        GeocodeResult
            Never raises for a service failure: the offline answer and the reason are in it.
        """
        query = _check_query(query)
        limit = _check_limit(limit) or 1
        budget = self.timeout if timeout is DEFAULT_SENTINEL else timeout
        _check_seconds("timeout", budget, allow_zero=False)
        codes = _country_codes(country_codes)
        if not query.strip():
            return GeocodeResult(query, (), "offline", "empty query: nothing to look up")
        key = self._key(query, limit, language, codes)
        cached = self._cache_get(key)
        if cached is not None:
            what = f"{len(cached)} result(s)" if cached else "no result"
            return GeocodeResult(query, cached, "cache", f"cached answer from {self._label}: {what}")
        try:
            locations = self._online(query, limit, float(budget), language, codes)
        except _Failure as failure:
            error = GeocoderError(f"online geocoding of {query!r} failed: {failure.reason}")
            error.__cause__ = failure.__cause__
            log.warning("%s; answering from the offline gazetteer", error)
            found = self.offline.geocode(query, exactly_one=False, limit=limit, language=language,
                                         country_codes=codes or None)
            offline = tuple(found) if isinstance(found, list) else ()
            tail = "" if offline else " (no match there either)"
            note = f"offline gazetteer used{tail}: online geocoder {failure.reason}"
            return GeocodeResult(query, offline, "offline", note, error)
        self._cache_put(key, locations)
        what = f"{len(locations)} result(s)" if locations else "no result"
        return GeocodeResult(query, locations, "online", f"answered online by {self._label}: {what}")

    def _online(self, query: str, limit: int, budget: float, language: str | None,
                codes: tuple[str, ...]) -> tuple[Location, ...]:
        """One bounded online lookup with 429 retries; raises :class:`_Failure` on any failure."""
        deadline = time.monotonic() + budget
        kwargs: dict[str, Any] = {"exactly_one": False}
        wanted = {"limit": limit, "language": language, "country_codes": list(codes) or None}
        for name, value in wanted.items():
            if value is None:
                continue
            if self._params is None or name in self._params:
                kwargs[name] = value
            elif name != "limit":  # a missing limit is applied below; a dropped filter would change answers
                raise InputError(f"{type(self.geocoder).__name__}.geocode() does not accept {name}={value!r}")
        for attempt in range(self.max_retries + 1):
            start, why = self._reserve_slot(deadline)
            if start is None:
                raise _Failure(f"not called: waiting for {why} would exceed the {budget:g} s budget")
            time.sleep(max(0.0, start - time.monotonic()))
            remaining = deadline - time.monotonic()
            if remaining <= 0:  # pragma: no cover - only if sleep overshoots the deadline
                raise _Failure(f"timed out ({budget:g} s budget)")
            try:
                # partial binds this attempt's arguments now: an abandoned call must not see later ones.
                call = partial(self.geocoder.geocode, query, **kwargs, timeout=remaining)
                found = call() if self._bounded else _run_with_deadline(call, remaining)
                locations = _as_locations(found, limit)
            except GeocoderRateLimited as exc:
                wait = self._retry_wait(exc.retry_after)
                with self._lock:
                    # The server's wish holds for every caller of this instance, not just this one.
                    self._not_before = max(self._not_before, time.monotonic() + wait)
                if attempt == self.max_retries:
                    raise _Failure(f"rate-limited (HTTP 429) {attempt + 1} times; gave up") from exc
                continue
            except GeocoderTimedOut as exc:
                raise _Failure(f"timed out ({budget:g} s budget): {_short(exc)}") from exc
            except GeocoderParseError as exc:
                raise _Failure(f"returned malformed data ({_short(exc)})") from exc
            except Exception as exc:  # any other failure: 5xx, refused connection, bad payload, bug in a wrapper
                raise _Failure(f"failed ({_short(exc)})") from exc
            return locations
        raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover

    def _retry_wait(self, retry_after: Any) -> float:
        """Seconds to wait after a 429: the server's Retry-After, at least ``error_wait_seconds``, at most
        ``max_retry_after_seconds`` (geopy reads a negative or past value as 0, an unparsable one as None)."""
        ok = isinstance(retry_after, (int, float)) and not isinstance(retry_after, bool) and math.isfinite(retry_after)
        wait = float(retry_after) if ok else self.error_wait_seconds
        return min(max(wait, self.error_wait_seconds), self.max_retry_after_seconds)

    def geocode(self, query: str, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                language: str | None = None, limit: int | None = None,
                country_codes: str | Sequence[str] | None = None) -> Location | list[Location] | None:
        """geopy's ``geocode``: online when possible, offline otherwise (see :meth:`lookup` for why).

        Returns
        -------
        Location, list of Location, or None
            ``None`` when nothing was found, as every geopy geocoder does.
        """
        limit = _check_limit(limit)
        result = self.lookup(query, limit=1 if exactly_one else (limit or _DEFAULT_LIMIT), timeout=timeout,
                             language=language, country_codes=country_codes)
        if not result.locations:
            return None
        return result.locations[0] if exactly_one else list(result.locations)

    def reverse(self, query: Any, *, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL,
                language: str | None = None) -> Location | list[Location] | None:
        """Nearest known place, from the offline gazetteer (reverse lookups never go online)."""
        return self.offline.reverse(query, exactly_one=exactly_one, language=language)


def _check_seconds(name: str, value: Any, *, allow_zero: bool = True) -> None:
    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if not ok or value < 0 or (value == 0 and not allow_zero):
        valid = "a number of seconds ≥ 0" if allow_zero else "a positive number of seconds"
        raise InputError(f"{name} must be {valid}, not {value!r}")


def _accepted_params(fn: Callable[..., Any]) -> frozenset[str] | None:
    """Keyword names ``fn`` accepts, or ``None`` if it takes ``**kwargs`` (accepts anything)."""
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # builtins / C callables: assume anything goes
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params)


def _as_locations(found: Any, limit: int) -> tuple[Location, ...]:
    """Normalise a geopy answer (None, a Location or a list) to a tuple of at most ``limit``."""
    if found is None:
        return ()
    items = [found] if isinstance(found, Location) else list(found)
    bad = [x for x in items if not isinstance(x, Location)]
    if bad:
        raise TypeError(f"geocoder returned {bad[0]!r} where a geopy Location was expected")
    return tuple(items[:limit])
