"""US counties and parishes (``data/us_counties.csv``, from Natural Earth admin-2) as districts of the gazetteer.

A county is read only with its head word ("Harris County", "Terrebonne Parish", ``مقاطعة هاريس``), never by its
bare name, which is mostly a town's or a person's; it is a district (the Regions layer) at Natural Earth's label
point, in its state (``a1``: the USPS code, as GeoNames gives US towns), so the statement's state can choose
among the thirty Washington Counties. See ``data/tools/us_counties.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["US_COUNTIES", "add_us_counties"]

US_COUNTIES = Path(__file__).resolve().parents[3] / "data" / "us_counties.csv"
# A county weighs a tenth of the people around it (data/tools/us_counties.py), at least 30,000 and at most
# 300,000: below any state or big city of that name, and a county holding a big city above its namesakes.
_MIN, _MAX = 30_000, 300_000


def add_us_counties(b: Any, path: Path = US_COUNTIES) -> int:
    """Add each county of ``path`` to the gazetteer builder ``b`` (a ``builder._Builder``); returns how many."""
    from ..index import ALIAS, NAME, NAME_AR

    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        ar = f"مقاطعة {r['name_ar']}" if r["name_ar"] else ""
        pop = min(_MAX, max(_MIN, int(r.get("people") or 0) // 10))
        i = b.add_place(f"uscounty:{r['fips']}", r["name"], ar, "district", "US", float(r["lat"]), float(r["lon"]),
                        pop, f"Natural Earth 1:10m admin-2 counties ({r['wikidata']})", a1=r["state"])
        b.add_name(r["name"], i, NAME)
        if ar:
            b.add_name(ar, i, NAME_AR)
            if r["name"].endswith(" Parish"):
                b.add_name(f"أبرشية {r['name_ar']}", i, ALIAS)
    return len(rows)
