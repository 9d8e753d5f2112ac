"""Synthetic Arabic news text of any size that names many distinct places (for big-statement tests and benches).

Real statements repeat a handful of places; a large real news dump names hundreds or
thousands. :func:`arabic_news` writes seeded, varied sentences from a few news-like
templates, filler words from wordfreq's most frequent Arabic words, and the Arabic
names of the gazetteer's cities (most populous first), so a 4 MB text names about a
thousand different places, each many times. No corpus text is used.
"""

from __future__ import annotations

import random

__all__ = ["arabic_news", "city_names"]

# Our own sentence frames (not taken from any corpus); {p} and {q} are place names, {w} filler.
_FRAMES = (
    "قال مسؤولون في {p} إن {w} {w} وصلت إلى {q} صباح اليوم.",
    "أفادت مصادر محلية في {p} بأن {w} {w} {w} قبل أن تتجه إلى {q}.",
    "وصل وفد من {p} إلى {q} لبحث {w} {w}.",
    "عاد آلاف النازحين إلى {p} بعد {w} {w} في {q}.",
    "ذكرت وكالة الأنباء أن اجتماعا عقد في {p} بحضور ممثلين عن {q} و{w}.",
    "وأعلنت السلطات في {p} عن {w} {w} {w}، فيما أكدت {q} أن {w} مستمرة.",
    "نقلت الشاحنات المساعدات من {p} إلى {q} عبر {w} {w}.",
)


def city_names(gaz: object, n: int) -> list[str]:
    """Arabic names of the ``n`` most populous cities that have one (distinct names)."""
    places = [p for p in gaz.places_in(["city"]) if p.name_ar and " " not in p.name_ar]  # type: ignore[attr-defined]
    places.sort(key=lambda p: (-p.population, p.place_id))
    names: list[str] = []
    seen: set[str] = set()
    for p in places:
        if p.name_ar not in seen:
            seen.add(p.name_ar)
            names.append(p.name_ar)
        if len(names) == n:
            break
    return names


def arabic_news(size_bytes: int, gaz: object, *, n_places: int = 1100, seed: int = 14) -> str:
    """About ``size_bytes`` of UTF-8 Arabic news-like text naming up to ``n_places`` cities (deterministic)."""
    from wordfreq import top_n_list

    rng = random.Random(seed)
    names = city_names(gaz, n_places)
    # Filler from ranks 200-5000: frequent enough to read like text, past the particles that act as cues.
    filler = [w for w in top_n_list("ar", 5000)[200:] if w.isalpha()]
    parts: list[str] = []
    size = 0
    i = 0
    while size < size_bytes:
        frame = _FRAMES[rng.randrange(len(_FRAMES))]
        # Walk through every name in turn so all of them appear, then mix at random.
        p = names[i % len(names)]
        q = names[rng.randrange(len(names))]
        s = frame.replace("{p}", p).replace("{q}", q)
        while "{w}" in s:
            s = s.replace("{w}", filler[rng.randrange(len(filler))], 1)
        s += "\n\n" if i % 6 == 5 else " "
        parts.append(s)
        size += len(s.encode("utf-8"))
        i += 1
    return "".join(parts)
