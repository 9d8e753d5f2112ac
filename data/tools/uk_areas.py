"""Derive ``data/uk_areas.csv``: the United Kingdom's counties, unitary areas and England's regions from Natural
Earth 1:10m admin-1 (public domain).

Input: ``ne_10m_admin_1_states_provinces.csv``, Natural Earth's attribute table (the CSV of
``Raysphere24/NaturalEarthCsvTsv``, as for ``us_counties.py``), in ``--src DIR``. Natural Earth's admin-1 units of
the United Kingdom are its counties and unitary areas (North Yorkshire, Suffolk, Fife, Gwynedd, London boroughs);
the gazetteer's first level there is England, Scotland, Wales and Northern Ireland (GeoNames), so these are
districts below them. Each unit carries its English region (``region``: North West, East Midlands ...), and
each of England's nine regions is a row too, at the mean of its units' label points, with "the Midlands" for
East and West together.

Columns ``id,name,kind,nation,name_ar,lat,lon,wikidata``: ``kind`` ``district`` or ``region``, ``nation`` the
ISO 3166-2 code of the nation (GB-ENG, GB-SCT, GB-WLS, GB-NIR). A unit whose name is a GeoNames town of the UK
(Leeds, Cardiff: the city's own district) is left out here by the gazetteer, not by this script.

Usage (from the repository root)::

    .venv/bin/python data/tools/uk_areas.py --src DIR
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

from csvout import write_rows

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "uk_areas.csv"
NATIONS = {"England": "GB-ENG", "Scotland": "GB-SCT", "Wales": "GB-WLS", "Northern Ireland": "GB-NIR"}
# Natural Earth's names of England's regions, to the names the press and the ONS use.
REGIONS = {"North West": "North West England", "North East": "North East England",
           "South East": "South East England", "South West": "South West England",
           "East Midlands": "East Midlands", "West Midlands": "West Midlands",
           "Yorkshire and the Humber": "Yorkshire and the Humber", "Eastern": "East of England",
           "East": "East of England"}
# NE's misspellings and joined names, fixed (facts, not wording).
FIXES = {"North Ayshire": "North Ayrshire", "Rhondda, Cynon, Taff": "Rhondda Cynon Taf",
         "Perthshire and Kinross": "Perth and Kinross"}


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def make_rows(src: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    members: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with (src / "ne_10m_admin_1_states_provinces.csv").open(encoding="utf-8", newline="") as fh:
        for a in csv.DictReader(fh):
            if a["iso_a2"] != "GB" or not a["name"].strip():
                continue
            nation = NATIONS.get(a["geonunit"])
            if nation is None:
                continue
            name = FIXES.get(a["name"].strip(), a["name"].strip())
            lat, lon = float(a["latitude"]), float(a["longitude"])
            ar = a["name_ar"].strip() if re.fullmatch(r"[\u0621-\u064a\s\-]+", a["name_ar"].strip()) else ""
            rows.append({"id": f"ukarea:{_slug(name)}", "name": name, "kind": "district", "nation": nation,
                         "name_ar": ar, "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "wikidata": a["wikidataid"]})
            region = REGIONS.get(a["region"])
            if nation == "GB-ENG" and region:
                members[region].append((lat, lon))
                if region in ("East Midlands", "West Midlands"):
                    members["Midlands"].append((lat, lon))
    for region, pts in sorted(members.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append({"id": f"ukregion:{_slug(region)}", "name": region, "kind": "region", "nation": "GB-ENG",
                     "name_ar": "", "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "wikidata": ""})
    return sorted(rows, key=lambda r: r["id"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, required=True, help="folder holding ne_10m_admin_1_states_provinces.csv")
    args = ap.parse_args(argv)
    rows = make_rows(args.src)
    write_rows(OUT, rows)
    print(f"{len(rows)} rows -> {OUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
