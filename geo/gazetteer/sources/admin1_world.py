"""First-level divisions of the countries ``data/admin1.csv`` lacks (``data/admin1_world.csv``, from Natural Earth).

The rows have the columns of ``admin1.csv`` (read the same way by :func:`geo.gazetteer.build.build_gazetteer`) plus
GeoNames' own point of the division (``point_geonameid``, ``point_lat``, ``point_lon``), which
``data/geonames_points.csv`` holds for the rows of ``admin1.csv``. See ``data/tools/admin1_world.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = ["ADMIN1_REGIONS", "ADMIN1_WORLD", "admin1_world_point", "admin1_world_rows"]

ADMIN1_WORLD = Path(__file__).resolve().parents[3] / "data" / "admin1_world.csv"
#: Divisions admin1_world.csv misses: regions whose Natural Earth unit is a level below them (Italy's, Spain's,
#: France's, Belgium's) and units whose code Natural Earth lacks (India's Gujarat ...); data/tools/admin1_regions.py.
ADMIN1_REGIONS = ADMIN1_WORLD.with_name("admin1_regions.csv")


def admin1_world_rows(path: Path = ADMIN1_WORLD, regions: Path = ADMIN1_REGIONS) -> list[dict[str, str]]:
    """The rows of ``data/admin1_world.csv`` and ``data/admin1_regions.csv`` (none of a file that is absent)."""
    rows: list[dict[str, str]] = []
    for p in (path, regions):
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
