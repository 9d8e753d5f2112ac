"""Writing a gazetteer's tables: the builder that adds places and names, shared by a full build
(:mod:`geo.gazetteer.build`) and by a places file laid over a built gazetteer (:mod:`geo.gazetteer.layers`).
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..errors import GazetteerError
from ..model import KINDS
from ..placesfile import PlaceRecord as _PlaceRecord
from ..text import fold_name, is_arabic, tokens
from .index import _FORMAT_VERSION, _KIND_PROMINENCE, ALIAS, BARE, NAME, NAME_AR, NEAR_COUNTRY_DEG

__all__ = ["split_names"]

log = logging.getLogger(__name__)

# BARE: a curated name with its head word taken off ("Waleed" of "al-Waleed crossing"); it counts only
# when the text supplies the head (a cue), so a person called Waleed is not a border crossing.
# English particles that may be dropped from the front of a transliterated name (al-Hol → Hol).
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


# A city or town from a places file, without a "population", is found as readily as a GeoNames city of
# 100,000 (alone, without a cue word); with one, it is weighed exactly like a GeoNames place of that size.
_FILE_PROMINENCE = {**_KIND_PROMINENCE, "city": 100_000, "town": 100_000}


# -- building ------------------------------------------------------------------------
def split_names(cell: str | None) -> list[str]:
    """The names of a data file's ``|``-separated cell (aliases_en, aliases_ar ...), stripped, empties left out.

    >>> split_names(" Maghreb | المغرب العربي||")
    ['Maghreb', 'المغرب العربي']
    """
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


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
        single, multi = _split_index(self.index)
        cols: dict[str, Any] = dict(self.cols)
        # Numeric columns as arrays: they pickle as one buffer, which makes start-up fast.
        cols["lat"] = array("d", self.cols["lat"])
        cols["lon"] = array("d", self.cols["lon"])
        cols["pop"] = array("q", self.cols["pop"])
        # Columns of few distinct values (country codes, divisions, kinds, sources) as one object per value: pickle
        # then writes each value once and refers back to it, and loading them takes a tenth of the time.
        for name in ("cc", "a1", "kind", "source"):
            cols[name] = [sys.intern(v) for v in self.cols[name]]
        return {
            "town_skeletons": _town_skeletons(self.cols),
            "near_countries": _near_countries(self.cols, self.wkb),
            "named_ids": {pid: i for i, pid in enumerate(self.cols["id"]) if not pid.startswith("geonames:")},
            "version": _FORMAT_VERSION,
            "cols": cols,
            "index": single,
            "first_lens": first,
            "upper": frozenset(" ".join(k) for k in self.upper),
            "wkb": self.wkb,
            "common": common,
            "words": words,
            "capitals": frozenset(self.capitals),
            "seats": self.seats,
            "particles": particles,
            "pairs": {pair: "".join(entries) for pair, entries in multi.items()},
        }


def _split_index(index: Mapping[tuple[str, ...], list[int]]) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The index as :class:`~geo.gazetteer.index.Index` keeps it: one-token names → packed refs; names of two
    tokens or more grouped by their first two ("al hasakah" → the entries of "al hasakah" and of "al hasakah
    city"), each entry ``\\x1e`` + the tokens after the first two + ``\\x1f`` + the refs comma-joined
    (:func:`~geo.gazetteer.index._multi_packed` reads them). A fresh process then makes one dict entry per pair,
    not one per name: 208,000 fewer strings, ints and dict entries to load (a sixth of the start)."""
    single: dict[str, Any] = {}
    multi: dict[str, list[str]] = {}
    for key, bucket in index.items():
        packed = bucket[0] if len(bucket) == 1 else tuple(bucket)
        if len(key) == 1:
            single[key[0]] = packed
            continue
        rest = " ".join(key[2:])
        if any(c in rest or c in key[0] or c in key[1] for c in _ENTRY_MARKS):
            raise ValueError(f"a name's tokens hold a separator of the index: {key!r}")
        multi.setdefault(f"{key[0]} {key[1]}", []).append(f"\x1e{rest}\x1f{','.join(map(str, bucket))}")
    return single, multi


_ENTRY_MARKS = ("\x1e", "\x1f")


def _near_countries(cols: Mapping[str, Sequence[Any]], wkb: Mapping[int, bytes]) -> dict[int, dict[str, float]]:
    """Per natural feature with an area, the countries within :data:`NEAR_COUNTRY_DEG` of it and their
    distance, computed as resolution would (``country_area.distance(area)``), so parsing a river's or a
    sea's name never imports shapely nor decodes areas (0.25 s of a fresh process)."""
    import shapely

    from ..model import NATURAL_KINDS

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


#: The source of a place that is a village read only by its own name (``sources/whosonfirst.py``).
VILLAGE_SOURCE = "Who's On First village"


def _town_skeletons(cols: Mapping[str, Sequence[Any]]) -> dict[str, tuple[str, Any, dict[str, tuple[int, ...]]]]:
    """Per country, the consonant skeletons of its cities' and towns' names, for
    :meth:`Gazetteer.towns_by_skeleton`: the skeletons only one town has (NUL-joined, with that town's
    storage index in an array), and the others with all their towns' indices in storage order."""
    from array import array

    from ..translit import latin_skeleton

    per_cc: dict[str, dict[str, list[int]]] = {}
    for i, (name, kind, cc, source) in enumerate(zip(cols["name"], cols["kind"], cols["cc"], cols["source"],
                                                     strict=True)):
        # A village known only by its name (VILLAGE_SOURCE) is no candidate for a spelling the gazetteer lacks: the
        # consonants of a name match one of Syria's thousands of villages too often, and then no town at all.
        if kind in ("city", "town") and not source.startswith(VILLAGE_SOURCE):
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

