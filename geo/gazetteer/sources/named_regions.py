"""Named regions inside one country that no government runs (``data/named_regions.csv``,
``data/tools/named_regions.py``): the US Census Bureau's divisions and conventional US regions (New England, the
Midwest, the Pacific Northwest), Britain's metropolitan counties and named parts (Greater Manchester, West
Yorkshire, East Anglia), and regions known by a point (the Konkan, NEOM, Waziristan, the Northern Rivers).

Before these, "New England" was a town of 659 in North Dakota, and "Greater Manchester", "West Yorkshire" or "the
Konkan" no place at all. A region with member states is their union (the states' outlines, simplified), its
point a point of that union; one with members that have no outline (the UK's units of ``data/uk_areas.csv``,
India's and Russia's states) is at the mean of their points; one without members at its row's point. All are
approximate, and their source says so.

A name is not given where a place that more likely means it already has it (a country, division, region,
district, natural feature or a city of 100,000); a small town keeps sharing it, and resolution weighs the two.
A region known only by a point is less prominent than one drawn from its members: "New England" alone is the
American one, and the statement's country picks the Australian one.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["NAMED_REGIONS", "add_named_regions"]

NAMED_REGIONS = Path(__file__).resolve().parents[3] / "data" / "named_regions.csv"
_UK_AREAS = NAMED_REGIONS.with_name("uk_areas.csv")
#: Kinds whose name a named region never takes; a populated place only from this size.
_KEEP_KINDS = frozenset({"country", "admin1", "region", "district", "sea", "river", "lake", "mountain", "desert",
                         "cape"})
_KEEP_POP = 100_000
#: A region known only by a point (or a metropolitan county): below the regions drawn from their members
#: (3,000,000), above a county (200,000).
_POINT_PROMINENCE = 1_000_000
#: Degrees of tolerance for the simplified union of member states (their outlines are 1:10m, simplified).
_SIMPLIFY_DEG = 0.05


def add_named_regions(b: Any, path: Path = NAMED_REGIONS) -> int:
    """Add each row of ``path`` to the gazetteer builder ``b`` (a ``builder._Builder``); returns how many.
    Run after the first-level divisions and ``data/uk_areas.csv`` (members are read from them)."""
    import shapely

    from ...placesfile import rep_point
    from ...text import fold_name, tokens
    from .. import index as g
    from ..builder import split_names

    if not path.exists():
        return 0
    uk_points: dict[str, tuple[float, float]] = {}
    if _UK_AREAS.exists():
        with _UK_AREAS.open(encoding="utf-8", newline="") as fh:
            uk_points = {r["id"]: (float(r["lat"]), float(r["lon"])) for r in csv.DictReader(fh)}

    def held(name: str) -> bool:
        for ref in b.index.get(tuple(tokens(fold_name(name))), ()):
            j, ntype = ref >> 4, ref & 15
            if ntype in (g.ORG, g.ALT) or b.cols["id"][j].startswith("named-region:"):
                continue  # (two named regions share a name: New England of the US and of New South Wales)
            if b.cols["kind"][j] in _KEEP_KINDS or b.cols["pop"][j] >= _KEEP_POP:
                return True
        return False

    n = 0
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        members = r["members"].split()
        area = None
        if members:
            shapes = [shapely.from_wkb(b.wkb[b.by_id[m]]) for m in members
                      if m in b.by_id and b.wkb.get(b.by_id[m])]
            # (members without outlines, the UK's units and India's states: the mean of their points)
            points = [uk_points[m] if m in uk_points else (b.cols["lat"][b.by_id[m]], b.cols["lon"][b.by_id[m]])
                      for m in members if m in uk_points or m in b.by_id]
            if shapes and len(shapes) == len(members):
                area = shapely.simplify(shapely.union_all(shapes), _SIMPLIFY_DEG)
                lat, lon = rep_point(area)
            elif points:
                lat = sum(p[0] for p in points) / len(points)
                lon = sum(p[1] for p in points) / len(points)
            else:
                g.log.warning("named region %s: none of its members is known", r["id"])
                continue
        else:
            lat, lon = float(r["lat"]), float(r["lon"])
        prominence = g._KIND_PROMINENCE.get(r["kind"], _POINT_PROMINENCE) if members else _POINT_PROMINENCE
        kind_word = "members: " + r["members"] if members else "a point"
        i = b.add_place(f"named-region:{r['id']}", r["name_en"], r["name_ar"], r["kind"], r["cc"], lat, lon,
                        prominence, f"approximate: {r['definition']} ({kind_word})", area, a1=r["a1"])
        n += 1
        for k, name in enumerate([r["name_en"], *split_names(r["aliases_en"])]):
            name = name.removeprefix("the ")  # "the Galilee": the article stays outside the span
            if not held(name):
                b.add_name(name, i, g.NAME if k == 0 else g.ALIAS)
        for name in [r["name_ar"], *split_names(r["aliases_ar"])]:
            if name and not held(name):
                b.add_name(name, i, g.NAME_AR)
    return n
