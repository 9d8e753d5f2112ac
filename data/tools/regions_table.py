"""The one table of regions, ``data/regions.csv``: each scheme's tool writes its own rows into it.

A scheme is a family of regions with one source and one way of being drawn (``data/README.md``, "Regions"):
``world`` (``world_regions.py``: UN M49 and conventional world regions), ``historical`` (``historical_regions.py``:
historical and cultural regions as today's units) and ``named`` (``named_regions.py``: regions inside one country
that no government runs). :func:`write_scheme` replaces one scheme's rows and keeps the others', so a tool that needs
an input file (M49's ``all.csv``) is run only when its own rows change. The gazetteer reads the table in
``geo/gazetteer/sources/regions.py``; its place ids are ``<scheme>-region:<id>``.

Columns: ``scheme,id,name_en,name_ar,aliases_en,aliases_ar,cc,a1,kind,members,lat,lon,definition``. ``members``
are place ids of the gazetteer, space separated (``country:SY``, ``admin1:SA-02``, ``ukarea:leeds``), the core
member (where the region's point is) marked ``*``; a row without members has a point (``lat``, ``lon``).
"""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

from csvout import write_rows

__all__ = ["FIELDS", "OUT", "SCHEMES", "member_codes", "write_scheme"]

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "regions.csv"
FIELDS = ["scheme", "id", "name_en", "name_ar", "aliases_en", "aliases_ar", "cc", "a1", "kind", "members", "lat",
          "lon", "definition"]
#: The schemes, in the table's order.
SCHEMES = ("world", "historical", "named")


def member_codes(codes: str) -> str:
    """Place ids of ISO codes, space separated: ``*ES-AN ES`` → ``*admin1:ES-AN country:ES`` (an ISO 3166-2 code
    is a first-level division's, an alpha-2 code a country's; the core's ``*`` is kept)."""
    out = []
    for code in codes.split():
        star, bare = ("*", code[1:]) if code.startswith("*") else ("", code)
        out.append(f"{star}{'admin1' if '-' in bare else 'country'}:{bare}")
    return " ".join(out)


def write_scheme(scheme: str, rows: Sequence[Mapping[str, str]], path: Path = OUT) -> int:
    """Write ``rows`` (dicts of :data:`FIELDS` without ``scheme``; a missing field is empty) as the rows of
    ``scheme`` in ``path``, keeping the other schemes' rows; returns how many rows the table has."""
    if scheme not in SCHEMES:
        raise SystemExit(f"unknown scheme {scheme!r}; known: {', '.join(SCHEMES)}")
    kept: list[dict[str, str]] = []
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            kept = [r for r in csv.DictReader(fh) if r["scheme"] != scheme]
    new = [{f: ("" if f != "scheme" else scheme) for f in FIELDS} | {k: str(v) for k, v in r.items()} for r in rows]
    ids = [r["id"] for r in new]
    if len(set(ids)) != len(ids):
        raise SystemExit(f"{scheme}: an id is given twice")
    table = sorted(kept + new, key=lambda r: SCHEMES.index(r["scheme"]))  # stable: each scheme keeps its order
    write_rows(path, table, FIELDS)
    return len(table)
