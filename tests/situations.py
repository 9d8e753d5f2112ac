"""Hand-made situations for map and report tests: no gazetteer, no geoparser.

``make_situation(text, [(surface, place), ...])`` marks every occurrence of each
surface in ``text`` as a mention of ``place`` (``place=None``: unlocated), with
sentences split on . ! ? ؟ and newlines, so offsets obey the model's invariants.
"""

from __future__ import annotations

import re

from shapely.geometry import box

from geo.model import Mention, Place
from geo.situation import Situation

_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


def _sentence_of(text: str, pos: int) -> tuple[int, int]:
    for mo in _SENTENCE.finditer(text):
        if mo.start() <= pos < mo.end():
            return mo.start(), mo.end()
    return 0, len(text)


def make_situation(text: str, marks: list[tuple], *, lang: str = "ar") -> Situation:
    """``marks``: ``(surface, place)`` marks every occurrence; ``(surface, place, n)`` only the n-th."""
    mentions = []
    for surface, place, *nth in marks:
        found = list(re.finditer(re.escape(surface), text))
        assert found, f"{surface!r} not in the text"
        for mo in [found[nth[0]]] if nth else found:
            ss, se = _sentence_of(text, mo.start())
            mentions.append(Mention(
                start=mo.start(), end=mo.end(), surface=surface, sentence_start=ss, sentence_end=se,
                place=place, confidence=0.9 if place else 0.3,
                reason="test fixture" if place else "camp cue, no gazetteer entry",
                cue="مخيم" if place is None else "",
            ))
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        assert text[m.start:m.end] == m.surface
    return Situation(text=text, lang=lang, mentions=tuple(mentions))


# lat, lon in Python; shapely boxes are (minx=lon, miny=lat, maxx, maxy).
RIYADH = Place("geonames:108410", "Riyadh", "الرياض", "city", "SA", 24.6877, 46.7219, 4205961, "geonames")
DAMASCUS = Place("geonames:170654", "Damascus", "دمشق", "city", "SY", 33.5102, 36.2913, 1569394, "geonames")
BAGHDAD = Place("geonames:98182", "Baghdad", "بغداد", "city", "IQ", 33.3406, 44.4009, 7216000, "geonames")
AL_HOL = Place("curated:al-hol-camp", "al-Hol camp", "مخيم الهول", "camp", "SY", 36.3747, 41.1500, 0, "curated")
ROJ = Place("curated:roj-camp", "Roj camp", "مخيم روج", "camp", "SY", 36.9833, 42.0333, 0, "curated")
NE_SYRIA = Place("curated:northeast-syria", "northeast Syria", "شمال شرق سوريا", "region", "SY", 36.0, 40.0,
                 0, "curated", geometry=box(38.0, 34.5, 42.4, 37.3))
SYRIA = Place("country:SY", "Syria", "سوريا", "country", "SY", 35.0, 38.5, 0, "naturalearth",
              geometry=box(35.7, 32.3, 42.4, 37.3))
IRAQ = Place("country:IQ", "Iraq", "العراق", "country", "IQ", 33.0, 43.7, 0, "naturalearth",
             geometry=box(38.8, 29.1, 48.6, 37.4))
SAUDI = Place("country:SA", "Saudi Arabia", "السعودية", "country", "SA", 24.0, 45.0, 0, "naturalearth",
              geometry=box(34.5, 16.4, 55.7, 32.2))
USA = Place("country:US", "United States", "الولايات المتحدة", "country", "US", 39.8, -98.6, 0, "naturalearth",
            geometry=box(-124.7, 24.5, -67.0, 49.4))

SEED_LIKE = (
    "أكد المبعوث من الولايات المتحدة أن مشاركة سوريا فصل جديد.\n"
    "استضافت السعودية الاجتماع في الرياض.\n"
    "الاندماج المدني لشمال شرق سوريا.\n"
    "شكر المشاركون حكومة العراق.\n"
    "إعادة دمج العائلات من مخيمي الهول وروج بكرامة.\n"
    "التنسيق مع دمشق وبغداد بشأن الحملة.\n"
    "ونقل المحتجزين إلى مخيم الزهور المؤقت.\n"
)


def seed_like() -> Situation:
    """Ten places in four layers, like the seed statement, plus one unlocated camp."""
    return make_situation(SEED_LIKE, [
        ("الولايات المتحدة", USA), ("شمال شرق سوريا", NE_SYRIA), ("سوريا", SYRIA, 0),
        ("السعودية", SAUDI), ("الرياض", RIYADH), ("العراق", IRAQ), ("الهول", AL_HOL), ("روج", ROJ),
        ("دمشق", DAMASCUS), ("بغداد", BAGHDAD), ("مخيم الزهور", None),
    ])


HOSTILE_QUOTE = ("وصل الوفد إلى <img src=x onerror=alert(1)> و<script>alert(1)</script> ثم `x` و${alert(1)} "
                 "ثم \\ إلى دمشق.")


def hostile() -> Situation:
    """Damascus quoted in a sentence full of markup and template-literal syntax."""
    hostile_place = Place("curated:evil", "Evil <b>`${x}`</b>", "<img src=x onerror=alert(2)>", "camp", "SY",
                          35.0, 38.0, 0, "curated")
    text = HOSTILE_QUOTE + "\nثم <img src=x onerror=alert(2)> مرة أخرى."
    return make_situation(text, [("دمشق", DAMASCUS), ("<img src=x onerror=alert(2)>", hostile_place)])
