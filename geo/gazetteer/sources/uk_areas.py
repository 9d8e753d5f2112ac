"""The United Kingdom's counties and unitary areas, and England's regions (``data/uk_areas.csv``, Natural Earth
1:10m admin-1, public domain; derived by ``data/tools/uk_areas.py``).

GeoNames' first level in the UK is its four nations, so "North Yorkshire", "Suffolk", "Fife" or "the East
Midlands" were no place at all, and a bare "Suffolk" or "Surrey" in a British story went to Virginia or British
Columbia. Each unit is a district (the Regions layer) in its nation (``a1``: ENG, SCT, WLS, NIR, as GeoNames
gives the UK's towns), named by its name bare, with "County" before it ("County Durham") and with "the county of";
each region of England is a region, named bare ("East Midlands", "the Midlands", "North West England").

A unit whose name is already a UK town's (Leeds, Cardiff, York: the city's own district) is left out: the town is
what the name means. A one-word name that is a frequent everyday English word (Down) is read only as
"County X" (geo.lexicon, wordfreq). Namesakes abroad (Suffolk, Virginia; Surrey, British Columbia) stay: the
statement's countries choose.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

__all__ = ["UK_AREAS", "add_uk_areas"]

UK_AREAS = Path(__file__).resolve().parents[3] / "data" / "uk_areas.csv"
#: How prominent a county is where nothing else is known: above a town of 100,000 abroad (Kent, Washington), below
#: a big city (Surrey, British Columbia; Norfolk, Virginia, 240k); the statement's countries decide between them.
_COUNTY_PROMINENCE = 200_000
_REGION_PROMINENCE = 3_000_000
#: An everyday word (geo.lexicon) at least this frequent (wordfreq Zipf) is read only as "County X".
_EVERYDAY_ZIPF = 3.8


def add_uk_areas(b: Any, path: Path = UK_AREAS) -> int:
    """Add each row of ``path`` to the gazetteer builder ``b`` (a ``builder._Builder``); returns how many."""
    from wordfreq import zipf_frequency

    from ...lexicon import is_everyday_en
    from ...text import fold_name, tokens
    from ..index import NAME, NAME_AR

    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    towns = set()
    for key, refs in b.index.items():
        for ref in refs:
            j = ref >> 4
            if b.cols["cc"][j] == "GB" and b.cols["kind"][j] in ("city", "town"):
                towns.add(key)
                break
    n = 0
    for r in rows:
        key = tuple(tokens(fold_name(r["name"])))
        if r["kind"] == "district" and key in towns:
            continue
        region = r["kind"] == "region"
        i = b.add_place(r["id"], r["name"], r["name_ar"], r["kind"], "GB", float(r["lat"]), float(r["lon"]),
                        _REGION_PROMINENCE if region else _COUNTY_PROMINENCE,
                        "Natural Earth 1:10m admin-1" + (f" ({r['wikidata']})" if r["wikidata"] else ""),
                        a1=r["nation"].partition("-")[2])
        n += 1
        # (A name is frequent because it is a place's: only an everyday word of the word list that is frequent
        # too is kept out: Down; not Surrey, a carriage only in old books.)
        if region or len(key) > 1 or not (is_everyday_en(key[0])
                                          and zipf_frequency(key[0], "en", wordlist="large") >= _EVERYDAY_ZIPF):
            b.add_name(r["name"], i, NAME)
        if region:
            if r["name"].endswith(" England"):
                b.add_name(f"the {r['name'][: -len(' England')]} of England", i, NAME)
            continue
        b.add_name(f"County {r['name']}", i, NAME)
        if r["name_ar"]:
            b.add_name(f"مقاطعة {r['name_ar']}", i, NAME_AR)
    return n
