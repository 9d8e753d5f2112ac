"""A gazetteer with the user's places files laid over it, copy-on-write.

:class:`Gazetteer` is the :class:`~geo.gazetteer.index.Index` plus :meth:`Gazetteer.with_places`: a new
gazetteer that shares every table of its base and keeps only what the files add or change (a
:class:`_Delta`), so a one-place file costs kilobytes, not the index's 40 MB.
"""

from __future__ import annotations

import logging
import os
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import InputError
from ..placesfile import PlaceRecord as _PlaceRecord
from ..placesfile import check_features, decode_places, names_of, parse_places
from ..text import fold_name, is_arabic, tokens
from .builder import _add_places, _add_ref, _Builder, _name_keys
from .index import _LENGTHS, ORG, Index, NameRef, _unpack

__all__ = ["Gazetteer"]

log = logging.getLogger(__name__)

class Gazetteer(Index):
    """Query-only name index over places, onto which a user's places files can be laid.

    Parameters are internal; use :func:`~geo.gazetteer.load_gazetteer`. Places are stored as
    columns and turned into :class:`~geo.model.Place` values on demand, which keeps loading fast.
    """

    __slots__ = ()

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
                v = root._packed(key)
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

        from ..scoring import WEIGHTS
        from ..text import AR_HOMOGRAPHS

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
        names = self._name_count() + sum(Index._packed(self, tuple(k.split(" "))) is None for k in self._index_over)
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
        v = self._index_over.get(" ".join(key))
        return _unpack(Index._packed(self, key) if v is None else v)

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
            from ..translit import latin_skeleton

            base = self._base
            table = base.towns_by_skeleton(cc)
            changed = sorted(set().union(*self._delta.cols.values()))
            if changed:
                groups = {k: list(v) for k, v in table.items()}
                for i in changed:
                    old = groups.get(latin_skeleton(base.name(i)), []) if i < len(base) else []
                    if i in old and base.country_code(i) == cc:
                        old.remove(i)  # an overridden base town (a village is in no table: builder.VILLAGE_SOURCE)
                    if self.kind(i) in ("city", "town") and self.country_code(i) == cc:
                        groups.setdefault(latin_skeleton(self.name(i)), []).append(i)
                table = {k: tuple(sorted(v)) for k, v in groups.items() if v}
            self._skeletons[cc] = table
        return table

    def __reduce__(self) -> tuple[Any, ...]:
        # The base pickles as itself (once, however many layers refer to it), the delta as plain data.
        return (_LayeredGazetteer, (self._base, self._delta))


def _read_places_file(path: Path) -> list[dict[str, Any]]:
    """The features of a places file; :class:`InputError` saying what is wrong otherwise."""
    from ..placesfile import MAX_PLACES_BYTES

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

