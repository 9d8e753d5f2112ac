"""First-level divisions of the countries ``data/admin1.csv`` lacks (``data/admin1_world.csv``, from Natural Earth).

The rows have the columns of ``admin1.csv`` (read the same way by :func:`geo.gazetteer.build.build_gazetteer`) plus
GeoNames' own point of the division (``point_geonameid``, ``point_lat``, ``point_lon``), which
``data/geonames_points.csv`` holds for the rows of ``admin1.csv``. See ``data/tools/admin1_world.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["ADMIN1_REGIONS", "ADMIN1_WOF", "ADMIN1_WORLD", "admin1_world_point", "admin1_world_rows"]

ADMIN1_WORLD = Path(__file__).resolve().parents[3] / "data" / "admin1_world.csv"
#: The first-level regions whose Natural Earth units are second-level (Spain's autonomous communities, Italy's
#: regions), from Who's On First, in the same columns (``data/tools/wof_macroregions.py``).
ADMIN1_WOF = ADMIN1_WORLD.with_name("admin1_wof.csv")
#: Divisions neither of those has: France's and Belgium's regions, the Canary Islands, and units whose code Natural
#: Earth's table lacks (India's Gujarat ...); data/tools/admin1_regions.py, which leaves out the codes of ADMIN1_WOF.
ADMIN1_REGIONS = ADMIN1_WORLD.with_name("admin1_regions.csv")


def admin1_world_rows(*paths: Path) -> list[dict[str, str]]:
    """The rows of ``paths`` (by default every table of first-level divisions beside ``data/admin1.csv``:
    ``admin1_world.csv``, ``admin1_regions.csv``, ``admin1_wof.csv``; none of a file that is absent)."""
    rows: list[dict[str, str]] = []
    for p in paths or (ADMIN1_WORLD, ADMIN1_REGIONS, ADMIN1_WOF):
        if p.exists():
            with p.open(encoding="utf-8", newline="") as fh:
                rows += list(csv.DictReader(fh))
    return rows


def admin1_world_point(row: dict[str, str]) -> tuple[float, float, str] | None:
    """GeoNames' own point of a row, as ``(lat, lon, geonameid)``, or None when the row has none."""
    try:
        return float(row["point_lat"]), float(row["point_lon"]), row["point_geonameid"]
    except (KeyError, TypeError, ValueError):
        return None
