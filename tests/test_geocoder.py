"""geo.geocoder: geopy's contract offline, and the online wrapper's promises under failure.

Online tests talk to ``fake_nominatim.FakeNominatim`` on 127.0.0.1 through geopy's real
Nominatim class and HTTP adapter; nothing leaves the machine.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator

import pandas as pd
import pytest
from fake_nominatim import FakeNominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.errors import GeocoderError, InputError
from geo.geocoder import (
    GeocodeResult,
    OfflineGeocoder,
    OnlineGeocoder,
    place_to_location,
)
from geo.model import Place

RIYADH_ID, DAMASCUS_ID = "geonames:108410", "geonames:170654"

# -- a tiny index with the PlaceIndex shape (search/get/places_in) ------------------------------------

_FAKE_PLACES = (
    Place("country:SA", "Saudi Arabia", "السعودية", "country", "SA", 24.12, 44.52, 34_000_000, "test"),
    Place("country:SY", "Syria", "سوريا", "country", "SY", 35.01, 38.54, 22_000_000, "test"),
    Place("country:US", "United States", "الولايات المتحدة", "country", "US", 39.5, -99.06, 330_000_000, "test"),
    Place(RIYADH_ID, "Riyadh", "الرياض", "city", "SA", 24.68773, 46.72185, 4_205_961, "test"),
    Place(DAMASCUS_ID, "Damascus", "دمشق", "city", "SY", 33.5102, 36.29128, 1_569_394, "test"),
    # A second Damascus, less prominent, so country filters and hints have something to choose.
    Place("geonames:4352728", "Damascus", "", "town", "US", 39.28844, -77.20387, 15_257, "test"),
    Place("curated:al-hol-camp", "al-Hol camp", "مخيم الهول", "camp", "SY", 36.3778, 41.1496, 40_000, "test"),
)


class FakeIndex:
    """Exact (case-folded) English or Arabic name match, most populous first; no clitic handling."""

    def __init__(self, places: tuple[Place, ...] = _FAKE_PLACES) -> None:
        self.places = places
        self.searches: list[str] = []

    def search(self, query: str, *, limit: int = 10) -> list[Place]:
        self.searches.append(query)
        q = " ".join(query.split()).casefold()
        hits = [p for p in self.places if q and q in (p.name.casefold(), p.name_ar)]
        return sorted(hits, key=lambda p: -p.population)[:limit]

    def get(self, place_id: str) -> Place:
        for p in self.places:
            if p.place_id == place_id:
                return p
        raise LookupError(place_id)

    def places_in(self, kinds) -> list[Place]:
        wanted = set(kinds)
        return [p for p in self.places if p.kind in wanted]


@pytest.fixture
def fake_index() -> FakeIndex:
    return FakeIndex()


@pytest.fixture
def offline(fake_index: FakeIndex) -> OfflineGeocoder:
    return OfflineGeocoder(fake_index)


# == OfflineGeocoder: geopy's contract ====================================================================


def test_offline_is_a_geopy_geocoder_and_loads_nothing_until_used() -> None:
    coder = OfflineGeocoder()
    assert isinstance(coder, Geocoder)
    # Lazy: constructing must not build or unpickle the gazetteer.
    assert coder._gazetteer is None
    assert "not loaded" in repr(coder)


@pytest.mark.parametrize(
    ("query", "place_id", "address"),
    [
        ("Riyadh", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("riyadh", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("الرياض", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("Damascus", DAMASCUS_ID, "Damascus, Syria"),
        ("Syria", "country:SY", "Syria"),  # a country's address is just its name
        ("Damascus, United States", "geonames:4352728", "Damascus, United States"),  # "name, country" hint
        ("دمشق، سوريا", DAMASCUS_ID, "Damascus, Syria"),  # Arabic comma
    ],
)
def test_offline_geocode_returns_a_location(offline: OfflineGeocoder, query: str, place_id: str,
                                            address: str) -> None:
    loc = offline.geocode(query)
    assert isinstance(loc, Location)
    assert loc.raw["place_id"] == place_id
    assert loc.address == address
    # geopy order: point is (lat, lon), and it matches the raw place.
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])
    assert tuple(loc)[1] == (loc.raw["lat"], loc.raw["lon"])
    assert {"place_id", "name", "name_ar", "kind", "country_code", "population", "source"} <= loc.raw.keys()


def test_offline_raw_is_the_place(offline: OfflineGeocoder) -> None:
    loc = offline.geocode("Riyadh")
    assert loc.raw == {"place_id": RIYADH_ID, "name": "Riyadh", "name_ar": "الرياض", "kind": "city",
                       "country_code": "SA", "lat": 24.68773, "lon": 46.72185, "population": 4_205_961,
                       "source": "test"}
    json.dumps(loc.raw)  # JSON-ready: no shapely geometry leaks into raw


@pytest.mark.parametrize("exactly_one", [True, False])
@pytest.mark.parametrize("query", ["Nowhereville", "", "   ", "Nowhere, Syria"])
def test_offline_unknown_is_none(offline: OfflineGeocoder, query: str, exactly_one: bool) -> None:
    # geopy returns None (not []) for "nothing found", whatever exactly_one says.
    assert offline.geocode(query, exactly_one=exactly_one) is None


def test_offline_exactly_one_false_is_a_ranked_list(offline: OfflineGeocoder) -> None:
    locs = offline.geocode("Damascus", exactly_one=False)
    assert isinstance(locs, list) and all(isinstance(x, Location) for x in locs)
    assert [x.raw["place_id"] for x in locs] == [DAMASCUS_ID, "geonames:4352728"]
    assert [x.raw["place_id"] for x in offline.geocode("Damascus", exactly_one=False, limit=1)] == [DAMASCUS_ID]


@pytest.mark.parametrize(("codes", "expected"), [("us", "geonames:4352728"), (["SY", "iq"], DAMASCUS_ID),
                                                 ("FR", None)])
def test_offline_country_codes_filter(offline: OfflineGeocoder, codes, expected: str | None) -> None:
    loc = offline.geocode("Damascus", country_codes=codes)
    assert (loc.raw["place_id"] if loc else None) == expected


def test_offline_language_ar_gives_arabic_address(offline: OfflineGeocoder) -> None:
    assert offline.geocode("Riyadh", language="ar").address == "الرياض، السعودية"
    assert offline.geocode("Riyadh", language="ar-SA,en;q=0.5").address == "الرياض، السعودية"
    assert offline.geocode("Riyadh", language="en").address == "Riyadh, Saudi Arabia"


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda c: c.geocode(42), r"query must be a string .*42"),
        (lambda c: c.geocode(None), r"query must be a string .*None"),
        (lambda c: c.geocode("Riyadh", exactly_one=False, limit=0), r"limit must be a positive integer .*0"),
        (lambda c: c.geocode("Riyadh", country_codes="Syria"), r"country_codes must be ISO .*'Syria'"),
        (lambda c: c.reverse("somewhere"), r"reverse\(\) needs \(lat, lon\).*'somewhere'"),
    ],
)
def test_offline_bad_input_raises_input_error(offline: OfflineGeocoder, call: Callable, match: str) -> None:
    with pytest.raises(InputError, match=match):
        call(offline)


def test_input_error_is_a_value_error_so_geopandas_maps_it_to_an_empty_row() -> None:
    # geopandas' _query catches (GeocoderQueryError, ValueError) per row.
    assert issubclass(InputError, ValueError)


@pytest.mark.parametrize(
    ("point", "place_id"),
    [
        ((24.70, 46.70), RIYADH_ID),
        ("33.5, 36.3", DAMASCUS_ID),
        ((36.38, 41.15), "curated:al-hol-camp"),
    ],
)
def test_offline_reverse_nearest(offline: OfflineGeocoder, point, place_id: str) -> None:
    loc = offline.reverse(point)
    assert loc.raw["place_id"] == place_id
    assert loc.raw["distance_km"] < 5


def test_offline_reverse_far_from_everything_is_none_unless_unbounded(offline: OfflineGeocoder) -> None:
    assert offline.reverse((0.0, -30.0)) is None  # mid-Atlantic
    locs = offline.reverse((0.0, -30.0), exactly_one=False, max_distance_km=None, limit=2)
    assert len(locs) == 2 and locs[0].raw["distance_km"] <= locs[1].raw["distance_km"]


def test_place_to_location_keeps_lat_lon_order() -> None:
    p = Place("x:1", "Somewhere", "", "town", "", 10.0, 20.0)
    loc = place_to_location(p)
    assert (loc.latitude, loc.longitude, loc.address) == (10.0, 20.0, "Somewhere")


# == geopandas.tools.geocode round trip ===================================================================


def test_geopandas_geocode_with_offline_provider(fake_index: FakeIndex) -> None:
    geopandas = pytest.importorskip("geopandas")
    # geopandas builds the provider itself: provider(**kwargs), so the class goes in and kwargs reach __init__.
    df = geopandas.tools.geocode(["Riyadh", "الرياض", "Nowhereville"], provider=OfflineGeocoder,
                                 gazetteer=fake_index)
    assert df.crs.to_epsg() == 4326
    assert list(df["address"][:2]) == ["Riyadh, Saudi Arabia", "Riyadh, Saudi Arabia"]
    assert pd.isna(df["address"][2])  # geopandas stores None; pandas' string column shows it as missing
    # GeoJSON/shapely order is (x=lon, y=lat): geopandas flips geopy's (lat, lon); check it flipped right.
    assert (df.geometry[0].x, df.geometry[0].y) == (46.72185, 24.68773)
    assert df.geometry[2].is_empty


def test_geopandas_reverse_geocode_with_offline_provider(fake_index: FakeIndex) -> None:
    geopandas = pytest.importorskip("geopandas")
    from shapely.geometry import Point as ShapelyPoint

    # Shapely points are (lon, lat); geopandas passes (y, x) = (lat, lon) to reverse().
    df = geopandas.tools.reverse_geocode([ShapelyPoint(36.3, 33.5)], provider=OfflineGeocoder,
                                         gazetteer=fake_index)
    assert list(df["address"]) == ["Damascus, Syria"]


# == OfflineGeocoder over the real gazetteer ================================================================


@pytest.fixture(scope="module")
def real_offline(gaz) -> OfflineGeocoder:
    return OfflineGeocoder(gaz)


@pytest.mark.parametrize(
    ("query", "place_id", "address"),
    [
        ("Riyadh", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("riyadh", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("الرياض", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("بالرياض", RIYADH_ID, "Riyadh, Saudi Arabia"),  # proclitic ب + article
        ("والرياض", RIYADH_ID, "Riyadh, Saudi Arabia"),  # proclitic و + article
        ("Riyadh, Saudi Arabia", RIYADH_ID, "Riyadh, Saudi Arabia"),
        ("دمشق، سوريا", DAMASCUS_ID, "Damascus, Syria"),
        ("سوريا", "country:SY", "Syria"),
        ("مخيم الهول", "curated:al-hol-camp", "al-Hol camp, Syria"),
    ],
)
def test_real_gazetteer_geocode(real_offline: OfflineGeocoder, query: str, place_id: str, address: str) -> None:
    loc = real_offline.geocode(query)
    assert loc is not None, f"{query!r} not found"
    assert (loc.raw["place_id"], loc.address) == (place_id, address)
    assert (loc.latitude, loc.longitude) == (loc.raw["lat"], loc.raw["lon"])


def test_real_gazetteer_riyadh_coordinates(real_offline: OfflineGeocoder) -> None:
    loc = real_offline.geocode("بالرياض")
    assert loc.latitude == pytest.approx(24.69, abs=0.05) and loc.longitude == pytest.approx(46.72, abs=0.05)


def test_real_gazetteer_unknown_and_list(real_offline: OfflineGeocoder) -> None:
    assert real_offline.geocode("Qwzxplorvia") is None
    locs = real_offline.geocode("Damascus", exactly_one=False, limit=3)
    assert locs[0].raw["place_id"] == DAMASCUS_ID and 1 < len(locs) <= 3


def test_real_gazetteer_reverse(real_offline: OfflineGeocoder) -> None:
    assert real_offline.reverse((24.70, 46.70)).raw["place_id"] == RIYADH_ID


def test_real_gazetteer_geopandas_round_trip(gaz) -> None:
    geopandas = pytest.importorskip("geopandas")
    df = geopandas.tools.geocode(["Riyadh", "الرياض"], provider=OfflineGeocoder, gazetteer=gaz)
    assert isinstance(df, geopandas.GeoDataFrame) and df.crs.to_epsg() == 4326
    assert df.geometry.y.round(2).tolist() == [24.69, 24.69]  # y is latitude
    assert df.geometry.x.round(2).tolist() == [46.72, 46.72]  # x is longitude


def test_default_gazetteer_is_loaded_lazily_on_first_geocode(gaz) -> None:
    # No gazetteer passed: the default one is loaded inside geocode(), not at import or construction.
    coder = OfflineGeocoder()
    assert coder._gazetteer is None
    assert coder.geocode("Riyadh").raw["place_id"] == RIYADH_ID
    assert coder._gazetteer is not None


# == OnlineGeocoder ============================================================================================


@pytest.fixture
def server() -> Iterator[FakeNominatim]:
    with FakeNominatim() as srv:
        yield srv


@pytest.fixture
def make_online(server: FakeNominatim, fake_index: FakeIndex) -> Callable[..., OnlineGeocoder]:
    def make(**kw) -> OnlineGeocoder:
        # proxies={}: never route 127.0.0.1 through a system proxy.
        opts = {"domain": server.domain, "scheme": "http", "proxies": {}, "timeout": 2.0,
                "min_delay_seconds": 0.0, "gazetteer": fake_index}
        opts.update(kw)
        return OnlineGeocoder(**opts)

    return make


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_online_success_through_the_server(server: FakeNominatim, make_online) -> None:
    coder = make_online(user_agent="geo-tests/1")
    result = coder.lookup("Riyadh")
    assert isinstance(result, GeocodeResult)
    assert (result.source, result.fell_back, result.error) == ("online", False, None)
    assert result.note == f"answered online by Nominatim ({server.domain}): 1 result(s)"
    # Nominatim's coordinates (not the gazetteer's): the answer really came from the server.
    assert (result.location.latitude, result.location.longitude) == (24.6319692, 46.7150648)
    assert result.location.raw["place_id"] == 1001
    [req] = server.requests
    assert (req.path, req.q, req.params["format"], req.params["limit"]) == ("/search", "Riyadh", "json", "1")
    assert req.user_agent == "geo-tests/1"


def test_online_geocode_keeps_geopys_contract(server: FakeNominatim, make_online) -> None:
    coder = make_online()
    assert isinstance(coder, Geocoder)
    assert isinstance(coder.geocode("Damascus"), Location)
    locs = coder.geocode("Springfield", exactly_one=False, limit=2)
    assert isinstance(locs, list) and [x.raw["place_id"] for x in locs] == [2001, 2002]
    assert server.requests[-1].params["limit"] == "2"
    assert coder.geocode("Nowhereville") is None
    assert coder.geocode("Nowhereville", exactly_one=False) is None
    coder.geocode("Damascus", country_codes=["sy"], language="ar")
    assert server.requests[-1].params["countrycodes"] == "SY"
    assert server.requests[-1].params["accept-language"] == "ar"


def test_online_timeout_is_never_exceeded(server: FakeNominatim, make_online) -> None:
    server.mode, server.delay = "slow", 5.0
    coder = make_online(timeout=0.5)
    t0 = time.perf_counter()
    result = coder.lookup("Riyadh")
    elapsed = time.perf_counter() - t0
    assert elapsed <= 0.5 + 0.25, f"took {elapsed:.2f} s for a 0.5 s budget"
    assert result.source == "offline" and "timed out" in result.note
    # The fallback answered from the gazetteer (its coordinates, not Nominatim's).
    assert result.location.raw["place_id"] == RIYADH_ID
    assert isinstance(result.error, GeocoderError)


def test_online_per_call_timeout_overrides_the_default(server: FakeNominatim, make_online) -> None:
    server.mode, server.delay = "slow", 5.0
    coder = make_online(timeout=4.0)
    t0 = time.perf_counter()
    assert coder.geocode("Riyadh", timeout=0.3).raw["place_id"] == RIYADH_ID  # offline answer
    assert time.perf_counter() - t0 <= 0.3 + 0.25


def test_online_429_within_budget_is_retried_after_retry_after(server: FakeNominatim, make_online) -> None:
    server.retry_after = "1"
    server.queue("429")  # first request 429, then normal
    coder = make_online(timeout=3.0)
    result = coder.lookup("Riyadh")
    assert result.source == "online"
    first, second = server.requests
    assert (first.mode, second.mode) == ("429", "ok")
    # Retry-After honoured (minus a little jitter between the client's clock and the server's arrival time).
    assert second.time - first.time >= 1.0 - 0.05


def test_online_429_beyond_budget_falls_back_at_once(server: FakeNominatim, make_online) -> None:
    server.mode, server.retry_after = "429", "30"
    coder = make_online(timeout=1.0)
    t0 = time.perf_counter()
    result = coder.lookup("Riyadh")
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, "must not sleep for a Retry-After it cannot afford"
    assert result.source == "offline" and result.location.raw["place_id"] == RIYADH_ID
    assert re.search(r"Retry-After \(HTTP 429; (29\.\d|30\.0) s left\) would exceed the 1 s budget", result.note)
    assert server.hits() == 1
    # The server's wish outlives the call: the next lookup does not knock again within Retry-After.
    again = coder.lookup("Damascus")
    assert again.source == "offline" and "Retry-After" in again.note and server.hits() == 1


def test_online_429_retries_are_bounded(server: FakeNominatim, make_online) -> None:
    server.mode, server.retry_after = "429", "0"
    result = make_online(max_retries=2, error_wait_seconds=0.1).lookup("Riyadh")
    assert result.source == "offline" and "gave up" in result.note
    assert server.hits() == 3  # one try + two retries


@pytest.mark.parametrize(
    ("mode", "note"),
    [
        ("500", "Non-successful status code 500"),
        ("malformed", "returned malformed data"),
        ("drop", "failed (Geocoder"),
    ],
)
def test_online_failure_falls_back_with_note_and_is_not_cached(server: FakeNominatim, make_online, mode: str,
                                                                note: str) -> None:
    server.mode = mode
    coder = make_online()
    first = coder.lookup("Riyadh")
    assert first.source == "offline" and note in first.note, first.note
    assert first.location.raw["place_id"] == RIYADH_ID
    assert isinstance(first.error, GeocoderError) and first.error.__cause__ is not None
    per_call = server.hits()
    assert per_call >= 1
    # Not cached: the next call asks the server again (and succeeds once it behaves).
    server.mode = "ok"
    second = coder.lookup("Riyadh")
    assert second.source == "online" and server.hits() == per_call + 1


def test_online_connection_refused_falls_back(fake_index: FakeIndex) -> None:
    coder = OnlineGeocoder(domain=f"127.0.0.1:{_closed_port()}", scheme="http", proxies={}, timeout=2.0,
                           min_delay_seconds=0, gazetteer=fake_index)
    result = coder.lookup("الرياض")
    assert result.source == "offline" and "GeocoderUnavailable" in result.note
    assert result.location.raw["place_id"] == RIYADH_ID


def test_online_fallback_with_no_offline_match_says_so(server: FakeNominatim, make_online) -> None:
    server.mode = "500"
    result = make_online().lookup("Nowhereville")
    assert result.location is None and "no match there either" in result.note


def test_online_empty_is_none_and_cached_as_no_result(server: FakeNominatim, make_online) -> None:
    server.mode = "empty"
    coder = make_online()
    first = coder.lookup("Riyadh")
    assert (first.source, first.location, first.locations) == ("online", None, ())
    assert "no result" in first.note
    # An online "nothing" is an answer, not a failure: it is not replaced by the gazetteer's guess.
    second = coder.lookup("Riyadh")
    assert (second.source, second.location) == ("cache", None) and "no result" in second.note
    assert server.hits() == 1
    assert coder.geocode("Riyadh") is None


def test_online_cache_hit_does_not_touch_the_server(server: FakeNominatim, make_online) -> None:
    coder = make_online()
    first = coder.lookup("Riyadh")
    for variant in ("Riyadh", "  riyadh ", "RIYADH"):
        hit = coder.lookup(variant)
        assert hit.source == "cache" and hit.locations == first.locations
    assert server.hits() == 1
    # A different limit is a different question.
    coder.geocode("Riyadh", exactly_one=False, limit=5)
    assert server.hits() == 2


def test_online_cache_is_lru_bounded(server: FakeNominatim, make_online) -> None:
    coder = make_online(cache_size=1)
    for q in ("Riyadh", "Damascus", "Riyadh"):
        coder.lookup(q)
    assert server.hits() == 3  # Damascus evicted Riyadh
    assert coder.lookup("Riyadh").source == "cache"


def test_online_disk_cache_survives_a_new_instance(server: FakeNominatim, make_online, tmp_path) -> None:
    path = tmp_path / "sub" / "geocode-cache.json"
    make_online(cache_path=path).lookup("Riyadh")
    make_online(cache_path=path).lookup("Nowhereville")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["entries"]) == 2
    fresh = make_online(cache_path=path)
    hit = fresh.lookup("Riyadh")
    assert hit.source == "cache" and hit.location.latitude == 24.6319692
    assert fresh.lookup("Nowhereville").source == "cache"
    assert server.hits() == 2


def test_online_disk_cache_never_stores_failures(server: FakeNominatim, make_online, tmp_path) -> None:
    path = tmp_path / "cache.json"
    server.mode = "500"
    make_online(cache_path=path).lookup("Riyadh")
    assert not path.exists()


def test_online_corrupt_disk_cache_is_reported_and_replaced(server: FakeNominatim, make_online, tmp_path,
                                                            caplog) -> None:
    path = tmp_path / "cache.json"
    path.write_text("{not json", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="geo.geocoder"):
        result = make_online(cache_path=path).lookup("Riyadh")
    assert result.source == "online"
    assert "unreadable" in caplog.text
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 1


def test_online_rate_limit_spaces_requests(server: FakeNominatim, make_online) -> None:
    coder = make_online(min_delay_seconds=0.2)
    for q in ("Riyadh", "Damascus", "Springfield"):
        assert coder.lookup(q).source == "online"
    times = [r.time for r in server.requests]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(gaps) == 2 and min(gaps) >= 0.2 - 0.05, gaps


def test_online_rate_limit_is_shared_between_threads(server: FakeNominatim, make_online) -> None:
    coder = make_online(min_delay_seconds=0.2)
    threads = [threading.Thread(target=coder.lookup, args=(q,)) for q in ("Riyadh", "Damascus", "Springfield")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=5)
    times = sorted(r.time for r in server.requests)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(gaps) == 2 and min(gaps) >= 0.2 - 0.05, gaps


def test_online_rate_limit_wait_beyond_budget_falls_back(server: FakeNominatim, make_online) -> None:
    coder = make_online(min_delay_seconds=30.0, timeout=0.5)
    assert coder.lookup("Riyadh").source == "online"
    t0 = time.perf_counter()
    result = coder.lookup("Damascus")
    assert time.perf_counter() - t0 < 0.5, "must not sleep for a slot it cannot afford"
    assert result.source == "offline" and "the rate limit (one request per 30 s)" in result.note
    assert result.location.raw["place_id"] == DAMASCUS_ID
    assert server.hits() == 1


def test_geopandas_geocode_with_online_provider(server: FakeNominatim, fake_index: FakeIndex) -> None:
    geopandas = pytest.importorskip("geopandas")
    df = geopandas.tools.geocode(["Riyadh", "Nowhereville"], provider=OnlineGeocoder, domain=server.domain,
                                 scheme="http", proxies={}, min_delay_seconds=0.0, gazetteer=fake_index)
    assert df.crs.to_epsg() == 4326
    assert (df.geometry[0].y, df.geometry[0].x) == (24.6319692, 46.7150648)  # y = lat, x = lon
    assert df.geometry[1].is_empty and pd.isna(df["address"][1])


class _NoFiltersGeocoder(Geocoder):
    """A geopy geocoder whose geocode() takes neither ``limit`` nor ``country_codes``."""

    def __init__(self, answer: object) -> None:
        super().__init__()
        self.answer = answer

    def geocode(self, query, *, exactly_one=True, timeout=None):
        return self.answer


def test_online_wraps_any_geocoder_and_applies_limit_itself(fake_index: FakeIndex) -> None:
    locs = [Location(f"P{i}", (i, i), {"i": i}) for i in range(3)]
    coder = OnlineGeocoder(_NoFiltersGeocoder(locs), gazetteer=fake_index, min_delay_seconds=0)
    assert [x.raw["i"] for x in coder.geocode("x", exactly_one=False, limit=2)] == [0, 1]
    with pytest.raises(InputError, match=r"does not accept country_codes=\['SY'\]"):
        coder.geocode("x", country_codes="sy")


def test_online_wrapped_geocoder_returning_garbage_falls_back(fake_index: FakeIndex) -> None:
    coder = OnlineGeocoder(_NoFiltersGeocoder(["not a location"]), gazetteer=fake_index, min_delay_seconds=0)
    result = coder.lookup("Riyadh")
    assert result.source == "offline" and "TypeError" in result.note


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"timeout": 0}, r"timeout must be a positive number of seconds, not 0"),
        ({"timeout": None}, r"timeout must be a positive number of seconds, not None"),
        ({"min_delay_seconds": -1}, r"min_delay_seconds must be a number of seconds ≥ 0, not -1"),
        ({"max_retries": -1}, r"max_retries must be an integer ≥ 0, not -1"),
        ({"cache_size": 1.5}, r"cache_size must be an integer ≥ 0, not 1.5"),
        ({"geocoder": _NoFiltersGeocoder(None), "domain": "x"}, r"\['domain'\] configure the default Nominatim"),
        ({"geocoder": object()}, r"geocoder must be a geopy geocoder"),
        ({"offline": OfflineGeocoder(FakeIndex()), "gazetteer": FakeIndex()}, r"either offline=.* or gazetteer"),
    ],
)
def test_online_bad_configuration(kwargs: dict, match: str) -> None:
    with pytest.raises(InputError, match=match):
        OnlineGeocoder(**kwargs)


def test_online_bad_call_arguments(make_online) -> None:
    coder = make_online()
    with pytest.raises(InputError, match=r"timeout must be a positive number of seconds, not None"):
        coder.lookup("Riyadh", timeout=None)
    with pytest.raises(InputError, match=r"query must be a string .*\['Riyadh'\]"):
        coder.lookup(["Riyadh"])


def test_online_empty_query_never_reaches_the_server(server: FakeNominatim, make_online) -> None:
    result = make_online().lookup("  ")
    assert result.location is None and "empty query" in result.note and server.hits() == 0


def test_online_reverse_is_offline(server: FakeNominatim, make_online) -> None:
    assert make_online().reverse((24.7, 46.7)).raw["place_id"] == RIYADH_ID
    assert server.hits() == 0


# == OnlineGeocoder against a hostile server (issue 14): deadline, byte cap, redirects, Retry-After ==========


def _geo_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("geo-")]


def _wait_for_threads(baseline: int, seconds: float = 3.0) -> int:
    """threading.active_count() once it is back to ``baseline`` (the fake's handler threads end when we hang up)."""
    end = time.monotonic() + seconds
    while threading.active_count() > baseline and time.monotonic() < end:
        time.sleep(0.05)
    return threading.active_count()


@pytest.mark.parametrize("mode", ["drip", "drip-head"])
def test_online_dripping_server_cannot_hold_the_lookup_and_leaves_no_thread(server: FakeNominatim, make_online,
                                                                           mode: str) -> None:
    server.mode, server.drip_every = mode, 0.05  # a byte every 50 ms: every single read is quick
    coder = make_online(timeout=0.6)
    baseline = threading.active_count()
    for q in ("Riyadh", "Damascus", "Springfield"):
        t0 = time.perf_counter()
        result = coder.lookup(q)
        elapsed = time.perf_counter() - t0
        assert elapsed <= 0.6 + 0.25, f"{mode}: took {elapsed:.2f} s for a 0.6 s budget"
        assert result.source == "offline" and "timed out" in result.note, result.note
    assert _geo_threads() == []  # no watcher thread was started at all
    # The server's handler threads notice the closed socket on their next byte; nothing of ours stays.
    assert _wait_for_threads(baseline) <= baseline
    assert server.hits() == 3


@pytest.mark.parametrize("mode", ["huge", "huge-stream", "huge-chunked"])
def test_online_huge_reply_is_cut_at_the_byte_cap_in_small_memory(server: FakeNominatim, make_online,
                                                                 mode: str) -> None:
    import tracemalloc

    server.mode = mode
    coder = make_online(timeout=5.0, max_response_bytes=1_000_000)
    tracemalloc.start()
    try:
        t0 = time.perf_counter()
        result = coder.lookup("Riyadh")
        elapsed = time.perf_counter() - t0
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.source == "offline" and result.location.raw["place_id"] == RIYADH_ID
    assert "ReplyTooLarge" in result.note and "1,000,000 bytes" in result.note, result.note
    assert peak < 8_000_000, f"peak Python memory {peak:,} bytes for a 1 MB cap"
    assert elapsed < 2.0
    # Far less than the 300 MB the server would send was ever read (the socket buffers hold a few MB at most).
    assert server.bytes_sent < 40_000_000, server.bytes_sent
    server.mode = "ok"
    assert coder.lookup("Riyadh").source == "online"  # the failure was not cached


def test_online_chunked_reply_is_decoded(server: FakeNominatim, make_online) -> None:
    server.mode = "chunked"
    result = make_online().lookup("الرياض")
    assert result.source == "online" and result.location.raw["display_name"].startswith("الرياض")


def test_online_error_object_in_a_200_reply_falls_back_and_is_not_cached(server: FakeNominatim, make_online,
                                                                         tmp_path) -> None:
    server.mode = "error200"
    path = tmp_path / "cache.json"
    coder = make_online(cache_path=path)
    first = coder.lookup("Riyadh")
    assert first.source == "offline" and first.location.raw["place_id"] == RIYADH_ID
    assert "answered with an error" in first.note and "database unavailable" in first.note
    again = coder.lookup("Riyadh")
    assert again.source == "offline" and server.hits() == 2  # asked again: no "no result" was cached
    assert not path.exists()
    server.mode = "ok"
    assert coder.lookup("Riyadh").source == "online"


def test_online_redirect_to_another_host_is_refused(server: FakeNominatim, make_online) -> None:
    server.mode = "redirect-away"  # Location: http://localhost:<same port>/search?...
    result = make_online().lookup("Riyadh")
    assert result.source == "offline" and "RedirectRefused" in result.note and "another host" in result.note
    assert server.hits() == 1  # the other host was never asked


def test_online_redirect_within_the_host_is_followed(server: FakeNominatim, make_online) -> None:
    server.queue("redirect-same")
    result = make_online().lookup("Riyadh")
    assert result.source == "online" and result.location.latitude == 24.6319692
    assert [r.mode for r in server.requests] == ["redirect-same", "ok"]


def test_online_redirect_loop_makes_a_few_requests_only(server: FakeNominatim, make_online) -> None:
    server.mode = "redirect-loop"
    result = make_online(max_redirects=3).lookup("Riyadh")
    assert result.source == "offline" and "more than 3 redirects" in result.note
    assert server.hits() == 4  # the request and three redirects


def test_online_public_name_that_resolves_to_a_private_address_is_refused(server: FakeNominatim, fake_index,
                                                                          monkeypatch) -> None:
    """A configured public host name must not lead to loopback/private addresses (DNS rebinding, SSRF)."""
    real = socket.getaddrinfo

    def fake_dns(host, port, *args, **kwargs):
        if host == "nominatim.example.org":  # as if its DNS answered 127.0.0.1
            return real("127.0.0.1", port, *args, **kwargs)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_dns)
    coder = OnlineGeocoder(domain=f"nominatim.example.org:{server.port}", scheme="http", proxies={}, timeout=2.0,
                           min_delay_seconds=0, gazetteer=fake_index)
    result = coder.lookup("Riyadh")
    assert result.source == "offline" and "non-public addresses ['127.0.0.1']" in result.note, result.note
    assert server.hits() == 0
    # Allowed on purpose (an intranet server), the same lookup goes through.
    trusted = OnlineGeocoder(domain=f"nominatim.example.org:{server.port}", scheme="http", proxies={}, timeout=2.0,
                             min_delay_seconds=0, gazetteer=fake_index, allow_private_addresses=True)
    assert trusted.lookup("Riyadh").source == "online" and server.hits() == 1


def test_online_http_proxy_is_used_when_configured(server: FakeNominatim, fake_index) -> None:
    # The fake answers absolute-form requests as a proxy would: the target host is a name it never resolves.
    coder = OnlineGeocoder(domain="nominatim.example.org", scheme="http", timeout=2.0, min_delay_seconds=0,
                           gazetteer=fake_index, proxies={"http": f"127.0.0.1:{server.port}"})
    result = coder.lookup("Riyadh")
    assert result.source == "online" and server.hits() == 1


def test_online_negative_retry_after_waits_at_least_error_wait(server: FakeNominatim, make_online) -> None:
    server.retry_after = "-5"
    server.queue("429", "429")
    result = make_online(timeout=3.0, error_wait_seconds=0.4, max_retries=2).lookup("Riyadh")
    assert result.source == "online"
    times = [r.time for r in server.requests]
    assert len(times) == 3
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.4 - 0.05, gaps  # not three requests in a millisecond


def test_online_huge_retry_after_is_clamped(server: FakeNominatim, make_online) -> None:
    server.mode, server.retry_after = "429", "999999999"
    coder = make_online(timeout=1.0, max_retry_after_seconds=60)
    t0 = time.perf_counter()
    result = coder.lookup("Riyadh")
    assert time.perf_counter() - t0 < 1.0
    assert result.source == "offline"
    assert re.search(r"Retry-After \(HTTP 429; (59\.\d|60\.0) s left\)", result.note), result.note
    assert coder._not_before - time.monotonic() <= 60


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"max_retries": 11}, r"max_retries must be at most 10, not 11"),
    ({"max_response_bytes": 0}, r"max_response_bytes must be a positive integer, not 0"),
    ({"max_redirects": -1}, r"max_redirects must be an integer ≥ 0, not -1"),
    ({"max_retry_after_seconds": float("inf")}, r"max_retry_after_seconds must be a number of seconds"),
    ({"allow_private_addresses": "yes"}, r"allow_private_addresses must be None, True or False"),
    ({"geocoder": _NoFiltersGeocoder(None), "max_response_bytes": 10}, r"\['max_response_bytes'\] configure"),
])
def test_online_limits_are_checked(kwargs: dict, match: str) -> None:
    with pytest.raises(InputError, match=match):
        OnlineGeocoder(**kwargs)


# == "name, country" parts: linear in runs of spaces (issue 14) ==========================================

# The pattern as it was: "\s*" before the comma is tried from every start in a run of spaces (quadratic:
# 20,000 spaces took 10 s, so 200,000 would take about 1,000 s).
_OLD_PARTS = re.compile(r"\s*[,\u060c]\s*")
_PART_PIECES = ["Damascus", "دمشق", "Syria", "x", ",", "\u060c", " ", "  ", "\t", "\n", "\u00a0", "\u2028",
                "\u3000", "\x1c", "\u200b", ";"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PART_PIECES), max_size=12).map("".join))
def test_address_parts_equal_the_old_split(query: str) -> None:
    from geo.geocoder import _address_parts

    assert _address_parts(query) == [p for p in _OLD_PARTS.split(query.strip()) if p]


@pytest.mark.parametrize("query", ["a" + " " * 200_000 + "b", "Damascus" + " " * 200_000 + "," + "\u00a0" * 200_000
                                   + "Syria", "دمشق" + "\t" * 200_000 + "،" + " " * 200_000 + "سوريا"])
def test_a_query_with_200000_spaces_returns_at_once(offline: OfflineGeocoder, query: str) -> None:
    """The bound (10 s) is about a hundredth of what the quadratic split took on such a run, and some
    hundred times what the linear one takes: it separates the two without timing anything finely."""
    from geo.geocoder import _address_parts

    t0 = time.perf_counter()
    parts = _address_parts(query)
    found = offline.places(query)
    assert time.perf_counter() - t0 < 10
    assert len(parts) == (1 if query.startswith("a") else 2)
    if query.startswith("a"):
        assert found == []
    else:  # the country part re-ranks the first part's candidates: Syria's Damascus first
        assert found[0].place_id == DAMASCUS_ID
