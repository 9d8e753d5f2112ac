"""Airports (``data/airports.csv``, derived from ``airportsdata``) as facilities of the gazetteer.

Every name carries its cue word, so an airport is read only as "X Airport", "X International Airport",
``مطار X`` or ``مطار X الدولي``, never by the bare name of its city; it stands at its own coordinates. The Arabic
forms use the Arabic name of the GeoNames city the airport serves (within about 50 km, same country), and only
for an airport its city alone may name (the only one kept for that city, or the one named "<city> Airport").
See ``data/tools/airports.py``.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["AIRPORTS", "add_airports"]

AIRPORTS = Path(__file__).resolve().parents[3] / "data" / "airports.csv"


def add_airports(b: Any, path: Path = AIRPORTS) -> int:
    """Add each airport of ``path`` to the gazetteer builder ``b`` (a ``geo.gazetteer.builder._Builder``); returns how
    many were added. The cities must already be in ``b``."""
    from ...text import fold_name, tokens
    from ..index import _KIND_PROMINENCE, ALIAS, NAME, NAME_AR, _pack, _unpack

    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for r in rows:
        lat, lon, cc = float(r["lat"]), float(r["lon"]), r["country"]
        ar = ""
        if r["city_alone"] == "1":
            city = None
            for ref in _unpack(_pack(b.index.get(tuple(tokens(fold_name(r["city"])))))):
                j = ref.place_index
                if (b.cols["kind"][j] in ("city", "town") and b.cols["cc"][j] == cc and b.cols["name_ar"][j]
                        and abs(b.cols["lat"][j] - lat) < 0.5 and abs(b.cols["lon"][j] - lon) < 0.5
                        and (city is None or b.cols["pop"][j] > b.cols["pop"][city])):
                    city = j
            ar = b.cols["name_ar"][city] if city is not None else ""
        i = b.add_place(f"airport:{r['iata']}", r["name"], f"مطار {ar}" if ar else "", "facility", cc, lat, lon,
                        _KIND_PROMINENCE["facility"], f"airportsdata (IATA {r['iata']}, ICAO {r['icao']})")
        b.add_name(r["name"], i, NAME)
        for n in filter(None, r["names_en"].split("|")):
            b.add_name(n, i, ALIAS)
        if ar:
            b.add_name(f"مطار {ar}", i, NAME_AR)
            b.add_name(f"مطار {ar} الدولي", i, ALIAS)
    return len(rows)
