"""Arabic names of GeoNames towns that only Who's On First has (``data/whosonfirst_gn_ar.csv``).

GeoNames ``cities500`` lists many towns of the Arab states in Latin script only (Balāṭah, Kom Ombo, Al Badrashayn),
so an Arabic text that names them (مخيم بلاطة, كوم أمبو, البدرشين) finds nothing. Who's On First records the same
places with Arabic names and a ``gn:id`` concordance; ``data/tools/whosonfirst.py --gn-arabic`` keeps those
that are spellings of the GeoNames name (same consonant skeleton, :mod:`geo.translit`). They are read here as
GeoNames' own Arabic alternate names are (``ALT``), on the same place, with two cautions: a one-word name that
is an everyday word (Zipf ≥ :data:`MAX_ZIPF` with or without the article, or in ``AR_HOMOGRAPHS``) is left out,
as is a name another place already bears (the better-known place keeps it); a camp's or a neighbourhood's
name (مخيم بلاطة) is read whole, and its bare name (بلاطة) only after a cue word (``BARE``).
"""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...text import AR_HOMOGRAPHS, fold_name, tokens

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["add_wof_arabic", "PATH", "MAX_ZIPF"]

PATH = Path(__file__).resolve().parents[3] / "data" / "whosonfirst_gn_ar.csv"
#: A one-word name at least this frequent (wordfreq Zipf) is an everyday word, not read as the town.
MAX_ZIPF = 3.0


def add_wof_arabic(b: Any, ar_freq: Mapping[str, float]) -> int:
    """Add the Arabic names of ``data/whosonfirst_gn_ar.csv`` to the GeoNames places the builder ``b`` has; the
    number of names added. ``ar_freq``: folded Arabic word frequencies, for the everyday-word test."""
    from .. import index as g
    from ..builder import _HEAD_RE, _add_bare_names

    if not PATH.exists():
        g.log.warning("Who's On First Arabic names file %s is missing", PATH)
        return 0

    def zipf(tok: str) -> float:
        f = ar_freq.get(tok, 0.0)
        return math.log10(f * 1e9) if f > 0 else 0.0

    def everyday(key: tuple[str, ...]) -> bool:
        if len(key) != 1:
            return False
        tok = key[0]
        bare = tok[2:] if tok.startswith("ال") else tok
        return tok in AR_HOMOGRAPHS or max(zipf(tok), zipf(bare), zipf("ال" + bare)) >= MAX_ZIPF

    added = 0
    with open(PATH, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            i = b.by_id.get(f"geonames:{r['geonameid']}")
            if i is None:
                continue
            for name in (n.strip() for n in r["names_ar"].split("|")):
                key = tuple(tokens(fold_name(name)))
                if not key or everyday(key) or any(ref >> 4 != i for ref in b.index.get(key, ())):
                    continue
                b.add_name(name, i, g.ALT)
                _add_bare_names(b, i, [name], _HEAD_RE)
                if not b.cols["name_ar"][i]:
                    b.cols["name_ar"][i] = name
                added += 1
    return added
