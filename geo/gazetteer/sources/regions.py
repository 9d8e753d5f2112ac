"""Regions of the one table ``data/regions.csv`` (``data/tools/regions_table.py``), one row a region, drawn as areas
of the Regions layer. Its ``scheme`` column says where a row comes from and how it is drawn:

* ``world``: world regions, UN M49 and conventional ones (the Middle East, بلاد الشام, the Horn of Africa), each a
  list of member countries (``data/tools/world_regions.py``): the area is the union of the members' outlines,
  simplified, the point a point of that area;
* ``historical``: historical and cultural regions (al-Andalus, the Hejaz, Najd, Transoxiana, Kabylie, Somaliland
  ...; ``data/tools/historical_regions.py``), their members countries or first-level divisions (the Hejaz is four
  Saudi provinces): the area is the union of the members' areas, its point its core member's (marked ``*``:
  Andalusia for al-Andalus) or the area's middle; a division without an area (Romania's counties) stands in as
  its point and the region is then the hull of its members;
* ``named``: regions inside one country that no government runs (``data/tools/named_regions.py``): the US Census
  divisions and conventional US regions (New England, the Midwest), Britain's metropolitan counties and named
  parts (Greater Manchester, East Anglia), regions known by a point (the Konkan, NEOM, Waziristan). One whose
  members all have outlines is their union; one with members without outlines (the UK's units of
  ``data/uk_areas.csv``, India's and Russia's states) is at the mean of their points, with no area; one without
  members at its row's point, less prominent than one drawn from its members ("New England" alone is the
  American one; the statement's country picks the Australian one).

All are approximate, and their source says so. Place ids are ``<scheme>-region:<id>``.

**What keeps its meaning** (:func:`holder`, one test for every scheme and for the parts of countries named by
direction, :mod:`.directions`): a region's name is not given where a place the text more likely means already has
it. Which places those are is the scheme's (:data:`SCHEMES`): a world region yields to every country, division,
region, district, natural feature, camp, facility or place of 100,000 (the Persian Gulf keeps الخليج العربي, the
Caucasus Mountains "Caucasus"); a historical region only to a country, division, region or city of 100,000, and
shares its name with a natural feature or a small town (الحجاز, the Hejaz Mountains' short name; Najd, a
village), resolution weighing the readings; a named region to a country, division, region, district, natural
feature or place of 100,000, and shares a name with another named region (New England of the US and of New South
Wales). A world region whose first name a region already bears (a curated one of ``data/places.geojson``) is no
new place: that region takes its names.

The ``named`` rows are read before Who's On First's districts (their names are known when a district's bare name is
weighed), the others once every other name is known: :func:`add_table_regions` takes the schemes to add.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["REGIONS", "SCHEMES", "Scheme", "add_table_regions", "holder", "name_all"]

REGIONS = Path(__file__).resolve().parents[3] / "data" / "regions.csv"
_UK_AREAS = REGIONS.with_name("uk_areas.csv")
#: A populated place keeps its name from this size (and a natural feature from this prominence).
KEEP_POP = 100_000
#: Kinds that keep their names from a world region or a part of a country named by direction.
KEEP_KINDS = frozenset({"country", "admin1", "region", "district", "sea", "river", "lake", "mountain", "desert",
                        "cape", "camp", "prison", "crossing", "facility", "street"})
#: Degrees of tolerance for the simplified union of a region's members.
_SIMPLIFY_DEG = 0.05
#: How prominent a region known only by a point is (or a metropolitan county): below the regions drawn from their
#: members (3,000,000), above a county (200,000).
_POINT_PROMINENCE = 1_000_000


@dataclass(frozen=True)
class Scheme:
    """How the rows of one scheme are drawn and named."""

    #: Kinds whose name a region of the scheme never takes.
    keeps: frozenset[str]
    #: Kinds that keep their name from :data:`KEEP_POP` people (``None``: every kind, by its population or prominence).
    keeps_by_pop: frozenset[str] | None
    #: Whether a name read only after a cue (``BARE``: إقليم الأندلس's الأندلس) is held too.
    bare_holds: bool
    #: Whether a place of the same scheme holds a name (named regions share: New England of the US and of NSW).
    own_scheme_holds: bool
    #: Members without an outline: ``"hull"`` (a division stands in as its point and the area is the hull),
    #: ``"mean"`` (the region is the mean of the members' points, without an area unless every member has one).
    unoutlined: str
    #: The point of an area: ``"middle"`` (its centroid when inside, else a point of its largest part) or
    #: ``"largest part"`` (a point of its largest part).
    point: str
    #: The place's source: formatted with the row's ``definition``, its members' ISO codes (``codes``) and
    #: ``members`` ("members: <ids>" or "a point").
    source: str


SCHEMES: dict[str, Scheme] = {
    "world": Scheme(KEEP_KINDS, None, True, True, "hull", "middle",
                    "world region: union of its countries' outlines (Natural Earth 1:110m); members: {definition}"),
    "historical": Scheme(frozenset({"country", "admin1", "region"}), frozenset({"city", "town"}), False, True, "hull",
                         "middle", "approximate: union of today's countries' (Natural Earth 1:110m) and divisions' "
                         "(1:10m) outlines ({codes}); {definition}"),
    "named": Scheme(KEEP_KINDS - {"camp", "prison", "crossing", "facility", "street"}, None, True, False, "mean",
                    "largest part", "approximate: {definition} ({members})"),
}


def holder(b: Any, name: str, scheme: Scheme, prefix: str = "") -> int | None:
    """The place of the gazetteer builder ``b`` that keeps ``name`` from a region of ``scheme`` (the first in its
    index entry), or None if the name is free. ``prefix`` is the scheme's place-id prefix (for
    :attr:`Scheme.own_scheme_holds`)."""
    from ...text import fold_name, tokens
    from .. import index as g

    skip = (g.ORG, g.ALT) if scheme.bare_holds else (g.ORG, g.ALT, g.BARE)
    for ref in b.index.get(tuple(tokens(fold_name(name))), ()):
        j, ntype = ref >> 4, ref & 15
        if ntype in skip or (not scheme.own_scheme_holds and b.cols["id"][j].startswith(prefix)):
            continue
        kind = b.cols["kind"][j]
        if kind in scheme.keeps or ((scheme.keeps_by_pop is None or kind in scheme.keeps_by_pop)
                                    and b.cols["pop"][j] >= KEEP_POP):
            return j
    return None


def add_table_regions(b: Any, schemes: tuple[str, ...], path: Path = REGIONS) -> int:
    """Add the rows of ``path`` whose scheme is in ``schemes`` to the gazetteer builder ``b`` (a
    ``builder._Builder``), in the table's order; returns how many places were added. Members are read from ``b``:
    run after the countries, the first-level divisions and ``data/uk_areas.csv``."""
    import csv  # here: a start needs no csv

    from .. import index as g

    if not path.exists():
        g.log.warning("regions file %s is missing", path)
        return 0
    uk_points: dict[str, tuple[float, float]] = {}
    if _UK_AREAS.exists():
        with _UK_AREAS.open(encoding="utf-8", newline="") as fh:
            uk_points = {r["id"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["scheme"] in schemes]
    return sum(_add_row(b, r, SCHEMES[r["scheme"]], uk_points) for r in rows)


def _add_row(b: Any, r: dict[str, str], scheme: Scheme, uk_points: dict[str, tuple[float, float]]) -> int:
    """Add one row of the table to ``b``; returns 1 if a place was added, else 0."""
    import shapely

    from ...placesfile import rep_point
    from .. import index as g
    from ..builder import split_names

    prefix = f"{r['scheme']}-region:"
    ids = [m.removeprefix("*") for m in r["members"].split()]
    cores = [m[1:] for m in r["members"].split() if m.startswith("*")]
    names = [n.removeprefix("the ") for n in [r["name_en"], *split_names(r["aliases_en"])]]
    names_ar = [r["name_ar"], *split_names(r["aliases_ar"])]
    area = None
    if ids:
        outlines = [_outline(b, m) for m in ids]
        shapes = [s for s in outlines if s is not None]
        if scheme.unoutlined == "hull":
            # A division without an area stands in as its point, and the region is then the hull of its members:
            # rough, but on the right ground.
            points = [shapely.Point(b.cols["lon"][b.by_id[m]], b.cols["lat"][b.by_id[m]]).buffer(0.25)
                      for m, s in zip(ids, outlines, strict=True)
                      if s is None and m.startswith("admin1:") and m in b.by_id]
            if not shapes and not points:
                return 0
            area = shapely.union_all(shapes + points)
            area = shapely.simplify(shapely.convex_hull(area) if points else area, _SIMPLIFY_DEG)
            if scheme is SCHEMES["world"]:
                held = holder(b, names[0], scheme, prefix)
                if held is not None and b.cols["kind"][held] == "region":
                    name_all(b, held, names + names_ar, g.ALIAS, scheme, prefix)  # a curated region keeps it
                    return 0
        elif len(shapes) == len(ids):
            area = shapely.simplify(shapely.union_all(shapes), _SIMPLIFY_DEG)
        else:
            points_ll = [uk_points[m] if m in uk_points else (b.cols["lat"][b.by_id[m]], b.cols["lon"][b.by_id[m]])
                         for m in ids if m in uk_points or m in b.by_id]
            if not points_ll:
                g.log.warning("region %s%s: none of its members is known", prefix, r["id"])
                return 0
            lat = sum(p[0] for p in points_ll) / len(points_ll)
            lon = sum(p[1] for p in points_ll) / len(points_ll)
    else:
        lat, lon = float(r["lat"]), float(r["lon"])
    if area is not None:
        # The core member's point (al-Andalus is placed in Andalusia, not the middle of Iberia), else the area's.
        core = next((b.by_id.get(c) for c in cores), None)
        if core is not None:
            lat, lon = b.cols["lat"][core], b.cols["lon"][core]
        elif scheme.point == "middle":
            centre = shapely.centroid(area)
            lat, lon = (centre.y, centre.x) if area.contains(centre) else rep_point(area)
        else:
            lat, lon = rep_point(area)
    prominence = g._KIND_PROMINENCE.get(r["kind"], _POINT_PROMINENCE) if ids else _POINT_PROMINENCE
    codes = " ".join(m.replace("country:", "").replace("admin1:", "") for m in r["members"].split())
    source = scheme.source.format(definition=r["definition"], codes=codes,
                                  members="members: " + r["members"] if ids else "a point")
    i = b.add_place(prefix + r["id"], names[0], r["name_ar"], r["kind"], r["cc"], lat, lon, prominence, source,
                    area, a1=r["a1"])
    name_all(b, i, names, g.NAME, scheme, prefix)
    name_all(b, i, names_ar, g.NAME_AR, scheme, prefix)
    return 1


def _outline(b: Any, place_id: str) -> Any:
    """The outline of a place of ``b`` (a shapely geometry), or None if it has none."""
    import shapely

    i = b.by_id.get(place_id)
    wkb = b.wkb.get(i) if i is not None else None
    return shapely.from_wkb(wkb) if wkb else None


def name_all(b: Any, i: int, names: list[str], first_type: int, scheme: Scheme, prefix: str = "") -> None:
    """Give place ``i`` of the builder ``b`` each of ``names`` (the first as ``first_type``, the rest as aliases)
    that no other place keeps from it (:func:`holder`) and that it has not got yet (al-Andalus and Al-Andalus are
    one name). A name the place has only after a cue ("West Kazakhstan" of "West Kazakhstan Region") becomes a
    name of its own."""
    from ...text import fold_name, tokens
    from .. import index as g

    for k, n in enumerate(names):
        if not n or holder(b, n, scheme, prefix) not in (None, i):
            continue
        if not any(ref >> 4 == i and ref & 15 != g.BARE for ref in b.index.get(tuple(tokens(fold_name(n))), ())):
            b.add_name(n, i, first_type if k == 0 else g.ALIAS)
