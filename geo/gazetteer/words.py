"""How common a name is as a word (wordfreq, CC BY-SA 4.0 data): the tables the gazetteer keeps beside its names, so
that the parser tells an everyday word from a place's name ("Reading", نجد) and a proclitic from a name's first
letter (كريم is no ك + ريم)."""

from __future__ import annotations

import math
from functools import lru_cache

from ..text import fold_name, is_arabic, strip_proclitics

__all__ = ["arabic_frequencies", "commonness", "particles"]


def particles(names: set[str]) -> dict[str, float]:
    """Zipf of the Arabic words frequent enough (Zipf 5.5 and up) to be read as words before a proclitic split
    (:meth:`Gazetteer.commonness_any`), and of the words that only look like a proclitic and one of ``names``
    (one-token names; كريم is not ك + ريم): see ``_readings`` in :mod:`geo.extract`."""
    out = {w: round(math.log10(f * 1e9), 2) for w, f in arabic_frequencies().items() if f >= 10**-3.5}
    out.update(_whole_words(names))
    return out


def _whole_words(names: set[str]) -> dict[str, float]:
    """Arabic words that a proclitic split would turn into a name but that are words of their own: the whole
    form is more frequent than the name it would split into (كريم "generous" 4.9 > ريم 4.1, فرقة "team" 4.7 >
    رقة 3.4; but وبغداد 3.2 < بغداد 4.9). Zipf of each, for :meth:`Gazetteer.commonness_any`."""

    freq = arabic_frequencies()
    out: dict[str, float] = {}
    for w, f in freq.items():
        if f < 1e-6 or not is_arabic(w):
            continue  # rarer than Zipf 3: a word nobody would miss as a word
        # Against every name it splits into: وبلاد is و + بلاد (بلاد الشام), more frequent than it, whatever the
        # rarer وب + لاد (a village) says.
        stems = [stem[2:] if stem.startswith("ال") else stem for _, stem in strip_proclitics(w) if stem in names]
        if stems and f > max(max(freq.get(b, 0.0), freq.get("ال" + b, 0.0)) for b in stems):
            out[w] = round(math.log10(f * 1e9), 2)
    return out


@lru_cache(maxsize=1)
def arabic_frequencies() -> dict[str, float]:
    """Word frequencies of Arabic (wordfreq), keyed by folded form."""
    from wordfreq import get_frequency_dict

    out: dict[str, float] = {}
    for w, f in get_frequency_dict("ar", wordlist="large").items():
        k = fold_name(w)
        out[k] = out.get(k, 0.0) + f
    return out


def commonness(words: set[str]) -> tuple[dict[str, float], frozenset[str]]:
    """Zipf frequency (wordfreq) of single-token names, and the set of common words (Zipf ≥ 3)."""

    from wordfreq import get_frequency_dict

    # One dict per language instead of zipf_frequency() per word: 50x faster to build.
    freqs = {"en": get_frequency_dict("en", wordlist="large")}
    folded_ar = arabic_frequencies()
    out: dict[str, float] = {}
    for w in words:
        f = folded_ar.get(w, 0.0) if is_arabic(w) else freqs["en"].get(w, 0.0)
        z = math.log10(f * 1e9) if f > 0 else 0.0
        if z >= 2.5:
            out[w] = round(z, 2)
    threshold = 1e-6  # Zipf 3: once per million words
    common = {w for w, f in folded_ar.items() if f >= threshold}
    common.update(w for w, f in freqs["en"].items() if f >= threshold)
    return out, frozenset(common)

