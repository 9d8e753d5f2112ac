"""data/cities_ar.csv: Arabic city names GeoNames lacks or gives only as distrusted alternate names.

See the file's section in data/README.md and data/tools/cities_ar_review.py, which made the lists.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from geo import geoparse
from geo.gazetteer.build import _geonames_cities
from geo.gazetteer.words import arabic_frequencies
from geo.text import PROCLITICS, fold_name, tokens

ROWS = list(csv.DictReader((Path(__file__).resolve().parent.parent / "data" / "cities_ar.csv").open(encoding="utf-8")))
REVIEWED = [r for r in ROWS if "reviewed:" in r["source"]]


def places(text, gaz):
    return [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]


def _zipf(word: str) -> float:
    f = arabic_frequencies().get(fold_name(word), 0.0)
    return math.log10(f * 1e9) if f > 0 else 0.0


@pytest.mark.parametrize(("text", "surface", "place_id"), [
    # Frequent words that are frequent *because* they are the city: without context, no longer dropped.
    ("وصل الوفد بجنيف أمس.", "جنيف", "geonames:2660646"),
    ("وصل الوفد إلى بنغازي أمس.", "بنغازي", "geonames:88319"),
    ("قصفت الطائرات إدلب فجر اليوم.", "إدلب", "geonames:169389"),
    ("عاد النازحون إلى الرقة.", "الرقة", "geonames:172955"),
    ("اشتدت المعارك في تعز.", "تعز", "geonames:70225"),
    ("عقد المؤتمر في مراكش.", "مراكش", "geonames:2542997"),
    # Cities of 300,000 or more that had no Arabic name at all.
    ("سقطت صواريخ على ميكولايف ليلاً.", "ميكولايف", "geonames:700569"),
    ("وصل اللاجئون إلى إسنيورت.", "إسنيورت", "geonames:747323"),
    ("وقعت اشتباكات في مدينة نصر.", "مدينة نصر", "geonames:353225"),
    ("انعقدت القمة في سوتشي.", "سوتشي", "geonames:491422"),
])
def test_a_curated_name_is_found_without_context(gaz, text, surface, place_id):
    assert places(text, gaz) == [(surface, place_id)]


@pytest.mark.parametrize("text", [
    "وقال بيان صادر عن الوزارة إن الوضع مستقر.",  # بيان "statement", a town in Kuwait: never promoted
    "أنفقت الحكومة بليون دولار على المشروع.",  # ليون (Lyon) left out: بليون "billion" is ب + ليون
    "ويبقى الجنود دوماً على أهبة الاستعداد.",  # دوما (Douma) left out: دوماً "always"
    "وجده الأطباء في حالة حرجة.",  # وجدة (Oujda) left out: it folds to وجده "found him"
    "عبرت السفينة قناة السويس أمس.",  # السويس left out: in the news it is mostly the canal
])
def test_a_rejected_everyday_word_is_not_a_place(gaz, text):
    assert places(text, gaz) == []


def test_a_reviewed_row_names_a_geonames_alternate_name_of_its_city():
    cities = _geonames_cities()
    assert len(REVIEWED) == 14
    for r in REVIEWED:
        assert r["name_ar"] in cities[r["geonameid"]]["alternatenames"], r


def test_no_curated_one_word_name_hides_in_a_frequent_word():
    # The extractor reads a proclitic off any word (بجنيف = ب + جنيف), so ب + ليون would make "billion" Lyon.
    # A proclitic word as frequent as the name itself (or frequent, for a rare name) is another word.
    clitics = [p for p in PROCLITICS if "ـ" not in p and not p.endswith("ال") and p != "لل"]
    for r in ROWS:
        for name in [r["name_ar"], *filter(None, r["aliases_ar"].split("|"))]:
            toks = tokens(fold_name(name))
            if len(toks) != 1:
                continue
            limit = max(3.0, _zipf(toks[0]) - 0.5)
            worst = max(((_zipf(p + toks[0]), p + toks[0]) for p in clitics), default=(0.0, ""))
            assert worst[0] < limit, (r["geonameid"], name, worst)
