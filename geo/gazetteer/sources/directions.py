"""Parts of a country named by direction (south Lebanon, شمال العراق, الشمال السوري), drawn as areas of the Regions
layer. (The regions of a table, world, historical and named ones, are :mod:`.regions`'.)

**Parts of a country named by direction.** For each country with an outline (Natural Earth 1:110m) and each of
nine directions (the eight compass points and the centre) a region place ``direction:<CC>:<dir>`` is derived,
kind ``region``, linked to its country by its country code, approximate by construction (its source says so,
and resolution gives it a lower confidence: :attr:`geo.scoring.Weights.derived_region_penalty`). Its area is
the country's outline clipped to a part of the bounding box of the country's largest piece (its mainland, so
Alaska does not move the middle of the United States):

* a cardinal direction is the outer third along its axis: northern Iraq is north of 34.6°N (Mosul, Erbil,
  Kirkuk) and leaves Baghdad to central Iraq;
* an intercardinal one is the quarter where the two halves meet: south-east Turkey holds Gaziantep and
  Diyarbakır, which its outer ninth would not;
* the centre is the middle third along both axes.

Its point is where the part's people live (the population-weighted mean of its cities of 100,000, or its
biggest city when that mean falls outside it): the middle of a box cut is often empty land.

Bounding-box parts rather than sectors around a centroid: a sector of a long country (Chile, Vietnam)
is a sliver through its middle, and a box part is what a reader means by "the north". Names are written from
the country's own names (English and Arabic, its short aliases) and nisba (الجنوب اللبناني), in every form news
uses: "South Lebanon", "southern Lebanon", "North-East Syria", "northeastern Syria", "central Iraq";
جنوب لبنان، جنوبي لبنان، شمال شرق سوريا، شمال شرقي سوريا، وسط العراق، الشمال السوري، الشمال الشرقي السوري.

**What keeps its meaning.** A derived name is not added where a place the text more likely means already has
it: a country (South Africa, North Korea, South Sudan, East Timor, North Macedonia, Western Sahara, جنوب
أفريقيا, كوريا الشمالية, جنوب السودان), a first-level division (South Carolina, Northern Ireland, Western
Australia), a curated or natural region (West Bank, الضفة الغربية), a district or a city of 100,000; a small
town's name is shared (resolution weighs the two). Where a curated region already is a country's direction
(data/places.geojson's ``northeast-syria``), or a first-level division is named so (South Lebanon, the South
Governorate; East Kazakhstan), the derived names are added to it and no second place is made: curated regions
and divisions, which have real outlines, keep winning. A name a country shares with another country or another
country's division (Georgia, Congo) makes no direction names: "north Georgia" in local news is the US state's.
Which places keep their names is the world regions' test (:func:`.regions.holder`). This runs after every other
source but the table's world and historical regions, so that all those names are known.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["DIRECTIONS", "DIRECTION_PREFIX", "add_directions", "direction_names", "direction_area"]

#: Place ids of the derived parts of countries start with this: ``direction:LB:south``.
DIRECTION_PREFIX = "direction:"

#: The directions: key, English noun, English adjective, Arabic noun, Arabic adjective-construct noun (جنوبي),
#: Arabic definite noun for the nisba form (الجنوب اللبناني), and which part of the box: (row, column) with
#: -1/0/1 = south/centre/north and west/centre/east; ``None`` for an axis the direction says nothing about.
DIRECTIONS: tuple[tuple[str, str, str, str, str, str, tuple[int | None, int | None]], ...] = (
    ("north", "North", "Northern", "شمال", "شمالي", "الشمال", (1, None)),
    ("south", "South", "Southern", "جنوب", "جنوبي", "الجنوب", (-1, None)),
    ("east", "East", "Eastern", "شرق", "شرقي", "الشرق", (None, 1)),
    ("west", "West", "Western", "غرب", "غربي", "الغرب", (None, -1)),
    ("northeast", "Northeast", "Northeastern", "شمال شرق", "شمال شرقي", "الشمال الشرقي", (1, 1)),
    ("northwest", "Northwest", "Northwestern", "شمال غرب", "شمال غربي", "الشمال الغربي", (1, -1)),
    ("southeast", "Southeast", "Southeastern", "جنوب شرق", "جنوب شرقي", "الجنوب الشرقي", (-1, 1)),
    ("southwest", "Southwest", "Southwestern", "جنوب غرب", "جنوب غربي", "الجنوب الغربي", (-1, -1)),
    ("central", "Central", "Central", "وسط", "", "", (0, 0)),
)
#: Country aliases that open with one of these are official long forms ("Lebanese Republic", الجمهورية
#: اللبنانية): nobody writes "southern Lebanese Republic", so they make no direction names.
_LONG_FORM_WORDS = frozenset(
    "republic kingdom state states federation democratic people's islamic union principality sultanate emirate "
    "commonwealth grand plurinational federal united socialist".split())
_LONG_FORM_AR = ("جمهورية", "الجمهورية", "المملكة", "مملكة", "دولة", "الدولة", "اتحاد", "الاتحاد", "إمارة",
                 "سلطنة", "ولايات")
#: Degrees of tolerance (a fifth of it) for a part's outline (1:110m outlines already).
_SIMPLIFY_DEG = 0.05
_SOURCE_DIR = ("approximate: {what} of {country}'s outline (Natural Earth 1:110m), cut from the bounding box of "
               "its largest part; not an official boundary")


def direction_names(key: str, names_en: list[str], names_ar: list[str], nisba_ar: list[str]
                    ) -> tuple[list[str], list[str]]:
    """The English and Arabic names of the part of a country in direction ``key``, from the country's names and
    nisba bases (``لبناني``). The first English name is the place's name ("South Lebanon")."""
    _k, noun, adj, ar_noun, ar_adj, ar_def, _box = next(d for d in DIRECTIONS if d[0] == key)
    en: list[str] = []
    for n in names_en:
        en += [f"{noun} {n}", f"{adj} {n}"]
        if key in ("northeast", "northwest", "southeast", "southwest"):
            a, c = key[:5].capitalize(), key[5:].capitalize()  # "North-East Syria", "North-Eastern Syria"
            en += [f"{a}-{c} {n}", f"{a}-{c}ern {n}"]
    ar: list[str] = []
    for n in names_ar:
        ar.append(f"{ar_noun} {n}")
        if ar_adj:
            ar.append(f"{ar_adj} {n}")
    if ar_def:
        for base in nisba_ar:
            ar.append(f"{ar_def} ال{base}")
    return list(dict.fromkeys(en)), list(dict.fromkeys(ar))


def direction_area(geom: Any, key: str) -> Any:
    """The part of ``geom`` (a country's outline) a direction names; empty if there is none."""
    import shapely

    parts = list(getattr(geom, "geoms", [geom]))
    x0, y0, x1, y1 = max(parts, key=lambda g: g.area).bounds
    row, col = next(d[6] for d in DIRECTIONS if d[0] == key)

    def cut(lo: float, hi: float, side: int | None, both: bool, far_lo: float, far_hi: float
            ) -> tuple[float, float]:
        span = hi - lo
        if side is None:
            return far_lo, far_hi
        if side == 0:
            return lo + span / 3, hi - span / 3
        frac = 1 / 2 if both else 2 / 3  # an intercardinal part: a half along each axis; a cardinal one: a third
        return (lo + span * frac, far_hi) if side > 0 else (far_lo, hi - span * frac)

    both = row is not None and col is not None and row != 0
    ya, yb = cut(y0, y1, row, both, -90.0, 90.0)
    xa, xb = cut(x0, x1, col, both, -180.0, 180.0)
    return shapely.intersection(geom, shapely.box(xa, ya, xb, yb))


def _people_point(area: Any, cities: Any, fallback: Any) -> tuple[float, float]:
    """Where the people of ``area`` live: the population-weighted mean of its cities (``(lon, lat, pop)``), if
    that lies inside it, else its biggest city; a point inside it when it has none. The middle of a box cut is
    often empty land (eastern Libya's is desert; its people are in Benghazi), and a map point is read as where
    things happen."""
    import shapely

    inside = [c for c in cities if shapely.contains_xy(area, c[0], c[1])]
    if not inside:
        return fallback(area)
    total = sum(c[2] for c in inside)
    lon = sum(c[0] * c[2] for c in inside) / total
    lat = sum(c[1] * c[2] for c in inside) / total
    if shapely.contains_xy(area, lon, lat):
        return lat, lon
    big = max(inside, key=lambda c: c[2])
    return big[1], big[0]


def add_directions(b: Any, polygons: dict[str, Any], countries_csv: Path) -> int:
    """Add the directional parts of every country with an outline in ``polygons`` (ISO alpha-2 → shapely
    geometry) to the gazetteer builder ``b`` (a ``geo.gazetteer.builder._Builder``); returns how many places were
    added. ``countries_csv`` is ``data/countries.csv`` (names, aliases, nisba)."""
    import csv  # here: geo.resolve imports this module for DIRECTION_PREFIX, and a start needs no csv

    import shapely

    from ...placesfile import rep_point
    from ...text import fold_name, tokens
    from .. import index as g  # the name types, the kinds' prominence
    from ..builder import split_names
    from .regions import SCHEMES
    from .regions import holder as keeper
    from .regions import name_all as add_names

    def key(name: str) -> tuple[str, ...]:
        return tuple(tokens(fold_name(name)))

    def holder(name: str) -> int | None:
        """The place that keeps ``name`` (a country, division, region, feature, city), or None if it is free: the
        world regions' test."""
        return keeper(b, name, SCHEMES["world"])

    def shared(name: str, cc: str) -> bool:
        """Whether another country or another country's first-level division bears ``name`` too: "north
        Georgia" in local news is the US state's north, "eastern Congo" mostly the DR Congo's; such a name makes
        no direction names (the country's other names still do)."""
        return any(ref & 15 in (g.NAME, g.NAME_AR, g.ALIAS) and b.cols["kind"][ref >> 4] in ("admin1", "country")
                   and b.cols["cc"][ref >> 4] != cc for ref in b.index.get(key(name), ()))

    def name_all(i: int, names: list[str], first_type: int) -> None:
        add_names(b, i, names, first_type, SCHEMES["world"])

    towns: dict[str, list[tuple[float, float, int]]] = {}
    for j, kind in enumerate(b.cols["kind"]):
        if kind == "city":
            towns.setdefault(b.cols["cc"][j], []).append((b.cols["lon"][j], b.cols["lat"][j], b.cols["pop"][j]))
    added = 0
    with countries_csv.open(encoding="utf-8", newline="") as fh:
        rows = {r["iso2"]: r for r in csv.DictReader(fh)}
    for cc, geom in sorted(polygons.items()):
        ci = b.by_id.get(f"country:{cc}")
        if ci is None or geom is None or geom.is_empty:
            continue
        row = rows.get(cc, {})
        name_en, name_ar = b.cols["name"][ci], b.cols["name_ar"][ci]
        names_en = [n for n in [name_en] + [a for a in split_names(row.get("aliases_en"))
                                            if len(a.split()) <= 2 and not a.isupper() and "." not in a
                                            and not {w.lower() for w in a.split()} & _LONG_FORM_WORDS]
                    if not shared(n, cc)]
        names_ar = [n for n in ([name_ar] if name_ar else []) + [a for a in split_names(row.get("aliases_ar"))
                                                                if len(a.split()) <= 2
                                                                and not a.startswith(_LONG_FORM_AR)]
                    if not shared(n, cc)]
        nisba = split_names(row.get("nisba_ar"))
        for d in DIRECTIONS:
            en, ar = direction_names(d[0], names_en, names_ar, nisba)
            # A curated region or a first-level division of this country already named so (Northeast Syria;
            # South Lebanon, the South Governorate; East Kazakhstan) takes the derived names: it has a real
            # outline, and one place keeps every name of that part of the country.
            if not en and not ar:
                continue
            curated = holder((en or ar)[0])
            if curated is not None and not (b.cols["kind"][curated] in ("region", "admin1")
                                            and b.cols["cc"][curated] == cc):
                curated = None
            if curated is not None and b.cols["kind"][curated] == "admin1" and ar and holder(ar[0]) is None:
                # ... but an Arabic phrase the division is not called by (جنوب لبنان beside the South Governorate's
                # لبنان الجنوبي and محافظة الجنوب) is the part of the country the text points at: the division keeps
                # the English names, the phrase makes the direction region.
                name_all(curated, en, g.ALIAS)
                en, curated = [], None
            if curated is not None:
                name_all(curated, en + ar, g.ALIAS)
                continue
            area = direction_area(geom, d[0])
            if area.is_empty or area.area <= 0:
                continue
            lat, lon = _people_point(area, towns.get(cc, ()), rep_point)
            label_en = f"{d[1]} {name_en}" if d[0] != "central" else f"Central {name_en}"
            label_ar = f"{d[3]} {name_ar}" if name_ar else ""
            what = "the central part" if d[0] == "central" else f"the {d[0]}ern part"
            i = b.add_place(f"{DIRECTION_PREFIX}{cc}:{d[0]}", label_en, label_ar, "region", cc, lat, lon,
                            g._KIND_PROMINENCE["region"], _SOURCE_DIR.format(what=what, country=name_en),
                            shapely.simplify(area, _SIMPLIFY_DEG / 5))
            added += 1
            name_all(i, en, g.NAME)
            name_all(i, ar, g.NAME_AR)
    return added
