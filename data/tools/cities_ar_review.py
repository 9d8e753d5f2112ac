"""Review tool for data/cities_ar.csv (Arabic names of GeoNames cities).

Three reports, each read by a human who then edits data/cities_ar.csv by hand:

``frequent``
    GeoNames ``cities500`` places of 100,000 people or more with a one-word Arabic alternate name
    that is a frequent Arabic word (Zipf >= 4.0, by wordfreq on the name as written or on the
    gazetteer's folded form, summed over the spellings that fold together). Resolution
    (``geo.resolve._is_homograph``) distrusts such an alternate name for a city under 1M that is not
    a national capital (column ``rule``): the name then needs context. A row in cities_ar.csv makes
    the name the city's own Arabic name (``NAME_AR``), which is trusted; it should be added only when
    the word *is* the city's name in Arabic writing (جنيف), not an everyday word that spells a place
    (بيان, أمل, دوما "always"). Columns: ``homograph`` = already in ``geo.text.AR_HOMOGRAPHS``
    (a row cannot change that), ``csv`` = already has a row.
``missing``
    ``cities500`` places of 300,000 people or more with no alternate name in Arabic script at all.
``check [--names NAME ...]``
    Every row of cities_ar.csv (or the given names): the id is in cities500 with that name and country;
    for each Arabic name, its Zipf frequency as an ordinary word, the most frequent word that the
    extractor would read as a proclitic (و ف ب ل ك ...) plus the name (بليون = ب + ليون, "billion"),
    and the other gazetteer places of the same name. Exit status 1 on a wrong id, name or country.

Usage (from the repository root)::

    .venv/bin/python data/tools/cities_ar_review.py frequent
    .venv/bin/python data/tools/cities_ar_review.py missing
    .venv/bin/python data/tools/cities_ar_review.py check
    .venv/bin/python data/tools/cities_ar_review.py check --names جنيف ليون

The gazetteer is loaded (and rebuilt if a data file changed, about 30 s) for capitals and names.
"""

from __future__ import annotations

import csv
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from geo.gazetteer.build import _geonames_cities  # noqa: E402
from geo.gazetteer.words import arabic_frequencies  # noqa: E402
from geo.text import _PROCLITICS, _WITH_ARTICLE, AR_HOMOGRAPHS, fold_name, is_arabic, tokens  # noqa: E402

CITIES_AR = ROOT / "data" / "cities_ar.csv"
COLUMNS = ["geonameid", "name", "country", "name_ar", "aliases_ar", "source"]
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
# The gazetteer's own test for an Arabic alternate name it indexes (geo/gazetteer/build.py).
_INDEXED_ARABIC = re.compile(r"[\u0621-\u064a\u0660-\u0669\s\-']+")


def _zipf(folded: str) -> float:
    """Zipf frequency of a folded word as the gazetteer counts it (spellings that fold together summed)."""
    f = arabic_frequencies().get(folded, 0.0)
    return round(math.log10(f * 1e9), 2) if f > 0 else 0.0


def _rows() -> list[dict[str, str]]:
    with CITIES_AR.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _split(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split("|") if x.strip()]


def clitic_words(name: str) -> list[tuple[float, str]]:
    """Frequent words that the extractor would read as proclitic + ``name`` (its first token), most
    frequent first: ``بليون`` (billion) for ليون, ``بناها`` (he built it) for ناها."""
    toks = tokens(fold_name(name))
    if not toks or not is_arabic(toks[0]):
        return []
    first = toks[0]
    out = set()
    for p in _PROCLITICS:
        if p in _WITH_ARTICLE:
            if not first.startswith("ال") or p == "ال":
                continue  # the article-restored reading is ال + stem, which is not this name
            word = p + first[2:]
        else:
            word = p + first
        z = _zipf(fold_name(word))
        if z >= 3.0:
            out.add((z, word))
    return sorted(out, reverse=True)


def frequent(gaz) -> None:
    from wordfreq import zipf_frequency

    existing = {r["geonameid"] for r in _rows()}
    out = []
    for c in _geonames_cities().values():
        pop = int(c.get("population") or 0)
        if pop < 100_000:
            continue
        for alt in c.get("alternatenames") or ():
            if not (is_arabic(alt) and _INDEXED_ARABIC.fullmatch(alt) and len(alt.replace(" ", "")) >= 3):
                continue
            toks = tokens(fold_name(alt))
            if len(toks) != 1:
                continue  # a name of several words is never read as an everyday word
            key = toks[0]
            z_written, z_folded = zipf_frequency(alt, "ar"), _zipf(key)
            if max(z_written, z_folded) < 4.0:
                continue
            i = gaz.index_of(f"geonames:{c['geonameid']}")
            capital = gaz.is_capital(i)
            homograph = key in AR_HOMOGRAPHS or (key.startswith("ال") and key[2:] in AR_HOMOGRAPHS)
            rule = pop < 1_000_000 and not capital and not homograph
            out.append((-pop, c["geonameid"], c["name"], c["countrycode"], pop, alt, z_written, z_folded,
                        "capital" if capital else "", "homograph" if homograph else "", "RULE" if rule else "",
                        "csv" if str(c["geonameid"]) in existing else ""))
    print("geonameid\tname\tcountry\tpopulation\tarabic\tzipf\tzipf_folded\tcapital\thomograph\trule\tcsv")
    for r in sorted(out):
        print(*r[1:], sep="\t")
    print(f"{len(out)} names of {len({r[1] for r in out})} places; "
          f"{sum(1 for r in out if r[10])} names where the rule applies", file=sys.stderr)


def missing() -> None:
    existing = {r["geonameid"] for r in _rows()}
    out = []
    for c in _geonames_cities().values():
        pop = int(c.get("population") or 0)
        if pop >= 300_000 and not any(_ARABIC_SCRIPT.search(a) for a in c.get("alternatenames") or ()):
            out.append((c["countrycode"], -pop, c["geonameid"], c["name"], pop,
                        "csv" if str(c["geonameid"]) in existing else ""))
    print("country\tgeonameid\tname\tpopulation\tcsv")
    for cc, _, gid, name, pop, mark in sorted(out):
        print(cc, gid, name, pop, mark, sep="\t")
    print(f"{len(out)} places, {sum(1 for r in out if r[5])} with a row", file=sys.stderr)


def _name_report(name: str, own: int | None, gaz) -> str:
    toks = tokens(fold_name(name))
    parts = []
    if len(toks) == 1:
        z = _zipf(toks[0])
        parts.append(f"zipf {z}" + (" (!)" if z >= 3.0 else ""))
    # بمراكش (in Marrakesh) is the name itself with a preposition, and rarer than the name; a proclitic
    # word about as frequent as the name, or frequent for a rare name, is another word (بليون, billion).
    z_name = _zipf(toks[0]) if toks else 0.0
    cl = clitic_words(name) if len(toks) == 1 else []  # a longer name matches only whole
    if cl:
        flag = " (!)" if cl[0][0] >= z_name - 0.5 else ""
        parts.append("proclitic words: " + ", ".join(f"{w} {z}" for z, w in cl[:3]) + flag)
    others = sorted({r.place_index for r in gaz.refs(tuple(toks))} - {own})
    if others:
        parts.append("also: " + ", ".join(f"{gaz.place_id(j)} {gaz.place(j).name} ({gaz.population(j):,})"
                                          for j in others[:4]))
    return "; ".join(parts) or "ok"


def check(gaz, names: list[str]) -> int:
    if names:
        for n in names:
            print(n, _name_report(n, None, gaz), sep="\t")
        return 0
    cities = _geonames_cities()
    bad = 0
    with CITIES_AR.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    if header != COLUMNS:
        print(f"columns are {header}, expected {COLUMNS}")
        bad += 1
    seen: set[str] = set()
    for r in _rows():
        gid = r["geonameid"]
        c = cities.get(gid)
        if c is None:
            print(f"{gid}: not in cities500")
            bad += 1
            continue
        if gid in seen:
            print(f"{gid}: two rows")
            bad += 1
        seen.add(gid)
        if r["name"] != c["name"] or r["country"] != c["countrycode"]:
            print(f"{gid}: GeoNames has {c['name']!r} ({c['countrycode']}), the row {r['name']!r} ({r['country']})")
            bad += 1
        own = gaz.index_of(f"geonames:{gid}")
        for n in [r["name_ar"], *_split(r["aliases_ar"])]:
            if n:
                print(gid, r["name"], n, _name_report(n, own, gaz), sep="\t")
    print(f"{len(seen)} rows, {bad} errors", file=sys.stderr)
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("frequent", "missing", "check"):
        print(__doc__)
        return 2
    if argv[0] == "missing":
        missing()
        return 0
    from geo import load_gazetteer

    gaz = load_gazetteer()
    if argv[0] == "frequent":
        frequent(gaz)
        return 0
    names = argv[2:] if len(argv) > 1 and argv[1] == "--names" else []
    return check(gaz, names)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
