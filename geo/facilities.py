"""Facilities, streets and districts written as a cue word and a name, which the gazetteer mostly lacks.

Arabic puts the cue word first (مرفأ بيروت, مستشفى نبيه بري الحكومي, شارع الحمرا, قضاء مرجعيون, مديريتي
الحوك والحالي); English puts it last ("Wythenshawe Hospital", "Oxford Road", "Anderson County",
"Ratnagiri and Raigad districts") or first ("the port of Jebel Ali", "Highway 79"). Each phrase is kept as
one mention of its own kind. It is placed at its own coordinates when the gazetteer has the facility (then
the phrase is already one gazetteer match and this module leaves it alone); otherwise at the place named
inside it (a port, an airport or a district is where its name says: مطار عدن, قضاء صور) or at the most
specific place the statement names near it (a street or a bridge is seldom at the town it is named after:
"Oxford Road" is in Manchester), as an *approximate* place with a lower confidence and a reason saying so;
with neither, it stays unlocated. The place named inside is then not a mention of its own: "Entebbe
International Airport" names the airport, not Entebbe.
"""

from __future__ import annotations

import hashlib
import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress
from typing import NamedTuple

from .extract import _ARTICLES_EN, RawMatch, _Tokens, club_at, sports_report
from .gazetteer import ALT, Gazetteer
from .lexicon import is_everyday_en
from .model import NATURAL_KINDS, Place
from .resolve import _near_named_country
from .text import (
    AR_HOMOGRAPHS,
    ARABIC_SPEAKING,
    DISEASE_HEADS_EN,
    EXCHANGE_TAILS_AR,
    FACILITY_CUES_AR,
    FACILITY_CUES_EN,
    LANDFORM_KINDS_AR,
    LANDFORM_KINDS_EN,
    MARKET_AR,
    MONTHS,
    NEVER_PLACE_ALONE,
    WEEKDAYS,
    Folded,
    fold_name,
    is_arabic,
    strip_proclitics,
)

__all__ = ["Facility", "find_facilities", "place_facilities", "towns_written_as_features", "APPROXIMATE_PREFIX",
           "MORE_CUES_AR"]

#: Place ids of approximate places start with this: ``approx:<kind>:<anchor place id>:<hash of the name>``.
APPROXIMATE_PREFIX = "approx:"

# Cue words whose facility is where its name says (a port, an airport, a hospital, a district's seat);
# the others (streets, bridges, stadiums, mosques ...) are placed by the statement's context first.
_NAME_FIRST = frozenset(fold_name(w) for w in (
    "مطار مطاري ميناء مرفأ مرفا مستشفى مشفى مستوصف سد حاجز قضاء أقضية مديرية مديريتي محلية ناحية لواء منطقة "
    "airport port harbour harbor hospital clinic dam district districts terminal subdistrict subdistricts territory "
    "territories").split())
# Cue words that govern two names (dual) or a list (plural): مديريتي الحوك والحالي, أقضية ... و... و...
_MANY = frozenset(fold_name(w) for w in ("مطاري مديريتي أقضية أحياء districts counties rivers fields crossings "
                                         "subdistricts territories departments").split())
# A district cue word that is also "area" in everyday use: only a town's name after it makes it a district.
_TOWN_ONLY = frozenset({fold_name("منطقة")})
# Cue words that are also everyday words or verbs (سد "fill", طريق "way", حي "alive", ناحية "side", قضاء
# "judiciary", لواء "brigade"): they need a name that is no common word after them.
_AMBIGUOUS = frozenset(fold_name(w) for w in (
    "سد طريق حي أحياء ساحة ميدان محور ناحية قضاء لواء جسر محطة سيطرة حاجز منطقة مديرية محلية").split())
# Words that end an Arabic name: prepositions, particles, relatives.
_STOP_AR = frozenset(fold_name(w) for w in (
    "في من إلى الى على عن مع بين قرب أمام امام بعد قبل حيث منذ خلال عند لدى الذي التي الذين اللي وسط داخل خارج "
    "ذي ذو ذات و أو ثم بل لكن إن أن قد لا لم لن ما هو هي هم كان كانت عم رح "
    # "called", "known as": a second name follows (معبد زفس المسمى حصن سليمان)
    "المسمى المسماة المعروف المعروفة").split())
# Generic complements: a cue word followed by one of these is a description, not a name (شارع رئيسي,
# مستشفى ميداني, الطريق الرئيسي, مطار دولي).
_GENERIC_AR = frozenset(fold_name(w) for w in (
    "رئيسي رئيسية الرئيسي الرئيسية عام عامة العام العامة دولي الدولي جديد الجديد قديم القديم كبير الكبير "
    "صغير خاص الخاص حكومي الحكومي عسكري العسكري مدني ميداني الميداني مركزي المركزي سريع السريع فرعي "
    "الفرعي مؤقت المؤقت آخر اخر ثاني الثاني واحد المدينة البلدة القرية المنطقة المحافظة البلاد الحدود "
    "جوي الجوي بري البري بحري البحري محايد المحايد أثري الأثري أثرية الأثرية تاريخي التاريخي").split())
# Adjectives that close a facility's name in Arabic (مطار حلب الدولي, جامع النوري الكبير).
_CLOSING_AR = frozenset(fold_name(w) for w in (
    "الدولي الدولية التعليمي التعليمية العام العامة الحكومي الحكومية الكبير الكبرى الجامعي الرياضية "
    "الرياضي الوطني الوطنية العسكري المركزي التخصصي الجديد القديم").split())
# Titles inside a name: the word after one continues the name (ملعب مدينة الأمير سلطان, مستشفى الملك فهد).
# A shrine's or a tomb's name often starts with one (مقام النبي يوسف, ضريح السيدة زينب): a title and a word after it
# are a name even after a cue that is also an everyday word.
_NAME_TITLES = frozenset(fold_name(w) for w in (
    "الأمير الأميرة الملك الملكة الشيخ الإمام السلطان الشهيد الرئيس النبي السيدة").split())
_MAX_NAME = 5
# Words of a dam's water within a few words of سد (its reservoir, gates, spillway, level, turbines, the flood).
_DAM_AR = fold_name("سد")
_DAM_WATER_AR = frozenset(fold_name(w) for w in (
    "الخزان خزان بوابات البوابات التصريف تصريف منسوب بحيرة بحيرته توربينات التوربينات المفيض").split())
_DAM_WINDOW = 12
# Words of a railway or a metro around a station's name.
_RAIL_AR = frozenset(fold_name(w) for w in "مترو المترو قطار القطار قطارات القطارات الحديد رصيف الرصيف".split())
# A station's kind between محطة and its name (محطة ضخ X, محطة مياه X, محطة كهرباء X): the name starts after it.
_STATION_AR = fold_name("محطة")
_STATION_KINDS_AR = frozenset(fold_name(w) for w in "ضخ مياه كهرباء تحلية معالجة توليد وقود قطار قطارات".split())
# ... and of a refinery or a field (مصفاة نفط X, حقل غاز X).
_OIL_GAS_AR = frozenset(fold_name(k) for k in "نفط النفط غاز الغاز".split())
_KIND_WORDS_AR = {_STATION_AR: _STATION_KINDS_AR, fold_name("مصفاة"): _OIL_GAS_AR, fold_name("حقل"): _OIL_GAS_AR}
# Adjectives of a facility's kind after its name: a border crossing (معبر العبودية الحدودي, منفذ X البري), an ancient
# site (موقع X الأثري), an oil or gas field (حقل X النفطي). With one right after the name, the words before it are the
# name whatever else they mean ("slavery", "dignity", "share"): the adjective says a place of that kind is named.
_KIND_ADJECTIVES_AR = frozenset(fold_name(w) for w in (
    "الحدودي الحدودية الأثري الأثرية النفطي النفطية الغازي الجبلي").split())  # (a mountain pass or road)
# A preposition with the article starts no word of a name: تضررت قضاءي عكار والمنية بالسيول "by the floods".
_PREPOSITION_ARTICLE_AR = frozenset(fold_name(w) for w in "بال كال فال لل".split())
_ROAD_AR = fold_name("طريق")
_DETENTION_AR = fold_name("احتجاز")
_CENTRE_AR = frozenset(fold_name(w) for w in "مركز مراكز ومركز بمركز".split())
# Definite adjectives after a definite cue that describe rather than name: "the said mosque", "the first".
_ADJECTIVE_NOT_NAME_AR = frozenset(fold_name(w) for w in (
    "المذكور المذكورة الأول الأولى الثاني الثانية الأخير الأخيرة نفسه نفسها الحالي الحالية المجاور المجاورة "
    "الصغير الصغيرة الضخم الضخمة الأثري الأثرية الشهير الشهيرة الوحيد الوحيدة").split())
# English words that may stand inside a capitalised name without a capital.
_EN_INNER = frozenset({"and", "'s"})
# Who a hospital is for, after "and" inside its name: "Royal Brisbane and Women's Hospital".
_POSSESSIVE_IN_NAME_EN = frozenset({"women", "children", "men"})
# Particles of French, Spanish, Italian and Dutch names, inside a capitalised name: "Cache la Poudre River".
_EN_PARTICLES = frozenset("la le les de del della des du di da van von al el".split())  # (+ Arabic: Bab al-Hawa)
# The Arabic article written before a name in English: "al-Wadiah", "el-Arish".
_ARTICLES_AR_EN = frozenset({"al", "el"})
# Abbreviations of Saint (and Mount, Fort) that open a name after a feature's head: "Lake St. Clair".
_SAINT_EN = frozenset({"st", "ste", "mt", "ft"})


def _saint(t: int, words: list[str], seps: list[str], starts: list[int], cased: str) -> bool:
    """Whether token ``t`` is "St." (or "Ste.", "Mt.", "Ft.") before a capitalised word: part of a name."""
    return words[t] in _SAINT_EN and t + 1 < len(words) and seps[t + 1] == ". " and _upper(cased, starts, t + 1)
# Heads that make a facility only when capitalised ("Knox Park", "Ocala National Forest"), or, for a plant, after
# what it makes ("the Zaporizhzhia nuclear plant").
_CAPITALISED_ONLY = frozenset({"park", "forest", "plant"})
# What a plant or a station is, in lower case between its name and the cue: "the Zaporizhzhia nuclear plant".
_EN_MODIFIERS = frozenset(
    "nuclear power chemical steel coal gas hydroelectric desalination treatment oil border".split())
# Words that describe a facility's kind or state, capitalised in reports ("Field Hospital", "Pumping Station"): a name
# of these alone names no facility.
_GENERIC_NAME_EN = frozenset(
    "field pumping water mobile temporary makeshift military police fire bus railway train power health border local "
    "nearby treatment desalination sewage refugee transit reception".split())
# Heads that take one of those modifiers between the name and the head.
_MODIFIED_HEADS_EN = frozenset({"plant", "station", "field", "fields", "crossing", "crossings"})
_EN_NOT_NAME = frozenset({"the", "a", "an", "in", "at", "on", "to", "from", "near", "by"})
_DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest "
                        "southeast southwest upper lower greater".split())


# Dual and plural heads of districts (see MORE_CUES_AR); each governs names joined by و.
_DISTRICT_HEADS_MANY = ("أقاليم إقليمي عمالات عمالتي معتمديات معتمديتي محليات محليتي قضاءي ناحيتي نواحي مديريات "
                        "مقاطعات مقاطعتي")

#: More Arabic cue words than geo.text's shared table (which the matcher also reads as heads of places, so it
#: holds only the commonest), by the kind of place they announce: natural features (a river or a wadi, a lake,
#: a mountain or a plateau, a strait or a gulf, a desert) and the facilities news names by them (a prison or a
#: detention camp, a cemetery, a shrine or a tomb, a palace, a refinery, a crossing or a checkpoint, a market,
#: a gate, a school, barracks, a roundabout). The cue words of this module are this table, geo.text's
#: ``FACILITY_CUES_AR`` and ``_DEFINITE_CUES_AR`` below; which of them are also everyday words is
#: ``_AMBIGUOUS`` (they need a name that is no common word after them).
MORE_CUES_AR: dict[str, str] = {fold_name(w): kind for kind, ws in {
    "river": "نهر وادي", "lake": "بحيرة", "mountain": "جبل جبال هضبة", "sea": "مضيق خليج خور", "desert": "صحراء",
    "facility": "سجن معتقل مقبرة مقام ضريح قصر مصفاة معبر حاجز سوق بوابة مدرسة ثكنة احتجاز منفذ سيطرة "
                # museums, temples, forts, minarets, domes, baths, parks and gardens, oil fields, bases
                "متحف معبد حصن مئذنة قبة حمام منتزه حديقة حقل قاعدة",
    "street": "دوار تقاطع",  # (a roundabout, an intersection: تقاطع العوير)
    # a village or a hamlet the gazetteer lacks (قرية مسكة, خربة يرزة): a locality, unlocated unless the text says
    # where; one it has is the matcher's.
    "locality": "قرية بلدة خربة",
    # Districts of the Maghreb and the Nile (معتمدية in Tunisia, عمالة in Morocco) and the dual and plural heads of
    # districts (أقاليم برشيد وسطات, محليتي X وY, مديريات X وY وZ, قضاءي X وY, مقاطعات X وY): each name is a district.
    "district": "معتمدية عمالة " + _DISTRICT_HEADS_MANY,
}.items() for w in ws.split()}
# Egypt's markaz (مركز ملوي بمحافظة المنيا) and Algeria's daira (دائرة عين الترك): the units below a governorate or a
# wilaya, named after their seat town. Both words are everyday nouns ("centre"; "circle", "department"): a district
# only when the name is a town of that country and nothing more (not مركز دمشق للأبحاث, مركز شرطة X, دائرة الهجرة).
_SEAT_UNITS_AR = {fold_name("مركز"): "EG", fold_name("دائرة"): "DZ"}
MORE_CUES_AR |= {w: "district" for w in _SEAT_UNITS_AR}
# A site (موقع) or a tell (تل) is a place only with an adjective of its kind after the name (موقع نمرود الأثري, تل
# حلف الأثري): alone, موقع is "a website" or "a position" and تل starts many towns' names the matcher reads whole.
_ADJECTIVE_ONLY_AR = frozenset(fold_name(w) for w in "موقع تل".split())
MORE_CUES_AR |= {w: "facility" for w in _ADJECTIVE_ONLY_AR}
# Islands (جزيرة توتي, جزيرتي فرسان وكمران, جزر فرسان) and marshes (أهوار الحويزة, هور الحمار): the head and the name
# are the feature (islands are natural features), whatever town shares the name; unlocated unless the text says where.
# (جزر is also "carrots" and "ebb", هور "rashness": they need a name that is no common word.)
_ISLANDS_MARSHES_AR = "جزيرة جزيرتي جزر أهوار هور"
MORE_CUES_AR |= {fold_name(w): "region" for w in _ISLANDS_MARSHES_AR.split()}
_ISLAND_CUES_AR = frozenset(fold_name(w) for w in "جزيرة جزيرتي جزر".split())
# Two crossings under a dual head (معبري باب الهوى وباب السلامة, منفذي طريبيل والوليد): each name is a crossing; one the
# gazetteer has stays its own. (منفذي is also "the perpetrators of": it needs a name that is no common word.)
_CROSSINGS_AR = frozenset(fold_name(w) for w in "معبر منفذ معبري منفذي".split())
MORE_CUES_AR |= {fold_name("معبري"): "facility", fold_name("منفذي"): "facility"}
# Plural heads of landforms that are no everyday words (سهل is also "easy", تل starts towns' names): سهول X "the X
# plains", تلال X "the X hills", مرتفعات X "the X heights", هضاب X.
_PLURAL_LANDFORMS_AR = {fold_name("سهول"): "region", fold_name("تلال"): "mountain", fold_name("مرتفعات"): "region",
                        fold_name("هضاب"): "region"}
MORE_CUES_AR |= _PLURAL_LANDFORMS_AR
# Heritage places of old towns the gazetteer lacks: a city gate (باب توما, often a quarter too) and a caravanserai or
# an old market hall (خان الخليلي). باب is also "door, chapter" (فتح باب الترشح), خان "betrayed" and a surname (عمران
# خان): both need a name that is no common word (_AMBIGUOUS).
# (غور + a name, the Jordan rift's lowlands, was tried as a cue: it took the towns the lowlands are named after.)
_HERITAGE_CUES_AR = {fold_name("باب"): "facility", fold_name("خان"): "facility"}
MORE_CUES_AR |= _HERITAGE_CUES_AR
_CAMP_AR = fold_name("مخيم")
# Kinds whose cue and a frequent place's name (قضاء صور, شارع مصر, حي مصر الجديدة) are one place, not a particle.
_NAMED_BY_PLACES = frozenset({"district", "street", "locality"})
# Springs (عين الفيجة, نبع بردى), passes and corridors (ممر واخان), reservoirs (خزان الموصل): عين is also "eye" and
# "appointed", نبع "sprang", ممر "passage", خزان "tank": only a definite name that is no common word, or a town's name
# the matcher read, makes a place of them (عين ترامب "Trump appointed" has no article).
_DEFINITE_NAME_ONLY_AR = frozenset(fold_name(w) for w in "عين نبع ممر خزان".split())
MORE_CUES_AR |= {fold_name("عين"): "river", fold_name("نبع"): "river", fold_name("ممر"): "region",
                 fold_name("خزان"): "lake"}
_PENINSULA_AR = fold_name("شبه")
_CUES_AR = {**FACILITY_CUES_AR, **MORE_CUES_AR, **LANDFORM_KINDS_AR}
# Landforms in both languages (the whole name is the place, whatever province the name inside it is).
_LANDFORMS = LANDFORM_KINDS_EN.keys() | LANDFORM_KINDS_AR.keys() | _PLURAL_LANDFORMS_AR.keys()  # (سهول نينوى too)
# (قبة "dome", حمام "bath, pigeons, toilet", حديقة "garden", حقل "field", قاعدة "rule, base": قاعدة بيانات.)
# (وادي الذئاب is a television series, سوق العمل "the labour market", مقام رفيع "high standing", حاجز الصوت "the
# sound barrier", خليج "gulf" of anything, معتقل "a detainee", مدرسة الحياة "the school of life".)
_AMBIGUOUS = _AMBIGUOUS | frozenset(fold_name(w) for w in (
    "جبل قصر معبر مقبرة وادي سوق مقام بوابة مدرسة معتقل خليج صحراء هضبة ثكنة قبة حمام حديقة حقل قاعدة "
    "تقاطع خور منفذ باب خان").split())
# (تقاطع المصالح "the meeting of interests", خور "weakness", منفذ الهجوم "the attacker")
# (عمالة "labour", نواحي "aspects", محليات "local news", مديريات "directorates": they need a name that is no common
# word; the names after the first, joined by و, are names whatever else they mean: مديريات تريم والقطن.)
_AMBIGUOUS = _AMBIGUOUS | frozenset(fold_name(w) for w in ("عمالة قرية بلدة خربة " + _DISTRICT_HEADS_MANY).split())
_SETTLEMENT_CUES_AR = frozenset(fold_name(w) for w in "قرية بلدة خربة".split())
_QUARTER_AR = fold_name("حي")
_MANY = _MANY | frozenset(fold_name(w) for w in (_DISTRICT_HEADS_MANY + " جزيرتي جزر معبري منفذي").split())
_AMBIGUOUS = _AMBIGUOUS | frozenset(fold_name(w) for w in "جزر هور منفذي سهول تلال مرتفعات هضاب".split())
_NAME_FIRST = _NAME_FIRST | frozenset(fold_name(w) for w in ("معتمدية عمالة منفذ " + _DISTRICT_HEADS_MANY).split())
_TOWN_ONLY = _TOWN_ONLY | frozenset(_SEAT_UNITS_AR)
_AMBIGUOUS = _AMBIGUOUS | frozenset(_SEAT_UNITS_AR)
_NAME_FIRST = _NAME_FIRST | frozenset(_SEAT_UNITS_AR)
# (a border post, منفذ أبو سمرة, is at the town it is named after, as a checkpoint is)
# A corniche is the seafront or riverfront of the town it is named after (كورنيش الإسكندرية, كورنيش جدة), unlike a
# street (شارع بغداد in Damascus).
_NAME_FIRST = _NAME_FIRST | {fold_name("كورنيش")}
# Places of worship and palaces are named by an adjective after the definite noun as often as by a construct
# (الجامع الأموي "the Umayyad Mosque", الحرم الإبراهيمي, الكنيسة الشرقية): the definite cue then takes one
# definite word that is no generic complement (not المسجد الكبير "the big mosque" ... nor الجامع المذكور).
_DEFINITE_CUES_AR = {fold_name(w): "facility" for w in "الجامع المسجد الكنيسة القصر الحرم".split()}
_CUE_ENDINGS = frozenset(w[-2:] for w in (*_CUES_AR, *_DEFINITE_CUES_AR))
# "The road" with a name, a number or a road number after it is one road (الطريق الوطني رقم 24, الطريق السيار
# شرق-غرب, طريق M4, الطريق الدائري "the ring road", one per city); with a kind alone (الطريق السيار "the motorway",
# الطريق الساحلي "the coastal road", الطريق الدولي) it is a description.
_THE_ROAD_AR = fold_name("الطريق")
_ROAD_KINDS_AR = frozenset(fold_name(w) for w in (
    "الوطني الدولي السريع السيار القومي الإقليمي الاقليمي الولائي الجهوي الرئيسي الرئيس الساحلي الصحراوي "
    "الزراعي الجبلي الإقليمية").split())
_RING_ROAD_AR = fold_name("الدائري")
_NUMBER_AR = frozenset(fold_name(w) for w in "رقم الرقم".split())
_ROAD_CODE_RE = re.compile(r"[a-z]{1,2}\d{1,3}")  # M4, N1, A1 (folded to lower case)
_COMPASS_AR = frozenset(fold_name(w) for w in "شرق غرب شمال جنوب".split())
# District cues that are also "side" and "area" (ناحية جنوب سنجار "the southern side of Sinjar", منطقة شمال حلب).
_SIDE_CUES_AR = frozenset(fold_name(w) for w in "ناحية منطقة".split())
# Squares and streets named after a national ideal or event (ميدان التحرير, ساحة الشهداء, ساحة الاستقلال): the
# word is an everyday one, but after these cue words it is the square's name (ميدان and ساحة are also "field", "arena").
_SQUARE_CUES_AR = frozenset(fold_name(w) for w in "ميدان ساحة".split())
_COMMEMORATIVE_AR = frozenset(fold_name(w) for w in (
    "التحرير الحرية الشهداء الشهيد النصر الاستقلال الثورة الجمهورية الوحدة العروبة الجلاء الكرامة التحرر").split())
# A street's name that starts with a frequent given name (محمد، أحمد، علي) continues into the person's name: a regnal
# ordinal (شارع محمد الخامس, جسر فيصل الأول) or a lineage word (شارع علي بن أبي طالب); عبد opens a compound name.
_REGNAL_AR = frozenset(fold_name(w) for w in (
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر").split())
_ABD_AR = fold_name("عبد")
# Syriac and Gregorian month names (the Hijri ones are given names and words too: رمضان, رجب, صفر); a facility or a
# street named after one is named after an event in it (سد تشرين "the October dam").
_CIVIL_MONTHS_AR = frozenset(fold_name(w) for w in (
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين يناير فبراير مارس أبريل إبريل مايو يونيو يوليو "
    "أغسطس سبتمبر أكتوبر نوفمبر ديسمبر").split())
_STREET_AR = fold_name("شارع")
_CONTROL_AR = fold_name("سيطرة")
# English natural-feature heads: after the name ("Neches River", "Freeborn Lake", "Smoky Mountains") or before
# it ("River Lune", "Lake Lanier", "Mount Hood"), to the kind of feature.
_NATURAL_AFTER_EN = {"river": "river", "creek": "river", "canal": "river", "lake": "lake",
                     "mountains": "mountain", "bay": "sea", "rivers": "river"}
_NATURAL_BEFORE_EN = {"river": "river", "lake": "lake", "mount": "mountain", "mt": "mountain",
                      # Arabic heads in English text: "Jabal Marra", "Jebel Akhdar", "Wadi Hadramawt"
                      "jabal": "mountain", "jebel": "mountain", "wadi": "river"}
# ... and landforms and islands ("the Zambezi Valley", "Victoria Island"): the whole name is the place, whatever
# province or town the name before the head also is.
_WATER_AFTER_EN = _NATURAL_AFTER_EN  # (a town read by a landform's whole name stays the town: Siwa Oasis)
_NATURAL_AFTER_EN = _NATURAL_AFTER_EN | LANDFORM_KINDS_EN
# Heads before "of" and a name: "the Strait of Hormuz", "the Gulf of Tonkin", "the Bay of Fundy".
_OF_HEADS_EN = {"strait": "sea", "straits": "sea", "gulf": "sea", "bay": "sea", "sea": "sea"}
# ... and a vale or a valley of a name ("the Vale of York"): the landform, not the town it is named after.
_OF_HEADS_EN = _OF_HEADS_EN | {"vale": "region", "valley": "region"}
# Street heads besides geo.text's shared table, read only here (and only capitalised, as every street head is):
# "Chopper Circle". ("Crescent" is no such head: the Red Crescent is an organisation.)
_MORE_CUES_EN = {"circle": "street",
                 # the units below a governorate or province (Syria's and Iraq's sub-districts, DR Congo's territories)
                 "subdistrict": "district", "subdistricts": "district", "territory": "district",
                 "territories": "district",
                 # Chad's, Niger's, Haiti's second-level units (a first-level one, Colombia's or France's, is the
                 # gazetteer's division, read by the matcher): lower case, after a name that is no everyday word
                 "department": "district", "departments": "district"}
#: Heads that name a unit only in lower case after a name that is no everyday word ("the Assoungha department", not
#: "the Justice Department", "the fire department").
_LOWER_ONLY_EN = frozenset({"department", "departments"})
#: District heads that "sub-" may open, written with a hyphen ("the Hajin sub-district").
_SUB_HEADS_EN = frozenset({"district", "districts"})
#: English heads of districts abroad (not a US county's, borough's or township's, which a local story's town places):
#: such a district whose name is no town the gazetteer has is listed unlocated unless the text says where it is; the
#: town named nearest it is as often another district's seat, tens of kilometres away.
_DISTRICTS_ABROAD_EN = frozenset({"district", "districts", "subdistrict", "subdistricts", "territory", "territories",
                                  "department", "departments"})
# Oil and gas fields ("the Rumaila oil field", "the West Qurna and Majnoon oil fields") and border crossings ("the
# Tal Abyad border crossing", "the Nasib crossing"; geo.extract reads a crossing with the capitalised name right
# before it). A field needs its modifier: "Hampden field", "the Walker fields" are no oil fields.
_HEADED_EN = {"field": "facility", "fields": "facility", "crossing": "facility", "crossings": "facility"}
_MORE_CUES_EN |= _HEADED_EN
_FIELDS_EN = frozenset({"field", "fields"})
_CROSSINGS_EN = frozenset({"crossing", "crossings"})
# Reservoirs ("the Qaraoun Reservoir") are lakes.
_NATURAL_AFTER_EN = _NATURAL_AFTER_EN | {"reservoir": "lake"}
# South Asia's units below a district (Pakistan's and India's tehsils and talukas, Bangladesh's upazilas) and
# Australia's shires ("Kalat tehsil", "the Loddon Shire"): each is a district named after its seat, not the town.
_SUBUNITS_EN = {"tehsil": "district", "tehsils": "district", "taluka": "district", "talukas": "district",
                "upazila": "district", "upazilas": "district", "shire": "district", "shires": "district",
                # Sudan's localities, the units below a state (lower case after a name: "the Kassala locality")
                "locality": "district", "localities": "district"}
_MORE_CUES_EN |= _SUBUNITS_EN
_DISTRICTS_ABROAD_EN = _DISTRICTS_ABROAD_EN | frozenset(w for w in _SUBUNITS_EN if not w.startswith("shire"))
_MANY = _MANY | frozenset({"tehsils", "talukas", "upazilas", "shires", "localities"})
_NAME_FIRST = _NAME_FIRST | frozenset(_SUBUNITS_EN)
_FACILITY_CUES_EN = {**FACILITY_CUES_EN, **_MORE_CUES_EN}
_CUES_EN = frozenset(_FACILITY_CUES_EN) | {"port", "highway", "route", "interstate", "loop"} | set(_NATURAL_AFTER_EN) \
    | set(_NATURAL_BEFORE_EN) | {"i", "us", "sr"} | set(_OF_HEADS_EN)
# Road numbers written with a letter: "I-95", "US-24", "SR-20" (a hyphen), "the A40", "the M25" (British).
_ROAD_LETTERS_HYPHEN = frozenset({"i", "us", "sr"})
_ROAD_NUMBER_RE = re.compile(r"[am]\d{1,4}")
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
# Cue words written short with a full stop that belongs to the name ("Main St.", "Lafayette Ave.").
_ABBREVIATED = frozenset({"st", "rd", "ave", "blvd", "mt"})
# One-letter directions before a street's name ("E. Broad St.", "N. High St.").
_DIRECTION_LETTERS = frozenset({"n", "s", "e", "w", "ne", "nw", "se", "sw"})
# Arabic words of a person's lineage inside a facility's name: the word after them continues it (مسجد عمرو بن
# العاص, جامع بني أمية, كنيسة القديس يوحنا), whatever its frequency.
# (ود "son of" in Sudanese names: محلية ود الحليو, ود مدني; alone it is "love")
# (عبد "servant of" opens a compound name: خور عبد الله, شارع عبد الكريم الخطابي)
_NASAB_AR = frozenset(fold_name(w) for w in "بن ابن بني أبو ابو أبي ابي آل القديس القديسة ود عبد".split())


# Around a feature's name in running text: a preposition of place before it, and after it punctuation or a word that
# ends a name (a preposition, a conjunction, a verb of water). "the Battle Creek food pantry", "the Rice Lake area",
# "R-Elbow Lake" (a senator's town) are a town's name used as an adjective or a label.
_FEATURE_BEFORE_EN = frozenset("along near around on into in at the across over of from to by beside below above up "
                               "down off past".split())
_FEATURE_AFTER_EN = frozenset("in at near on and or to from was is were has had which that where between into rose "
                              "crested flooded overflowed reached peaked broke burst".split())
_NEXT_WORD_RE = re.compile(r"\s*(\w+)")


def natural_phrase_en(key: tuple[str, ...], text: str, fs: int, fe: int) -> bool:
    """Whether an English name matched at folded ``text[fs:fe]`` (tokens ``key``) is written as a river or a lake
    in running text: "along Town Creek and", "near the Salt River in", "around Lake Pleasant." (the gazetteer may
    have a town of that name; "Mount X" is left to the towns, which are many)."""
    if len(key) < 2 or not (key[-1] in _WATER_AFTER_EN or key[0] in ("lake", "river")):
        return False
    before = text[max(0, fs - 12):fs]
    if not before.endswith(" ") or before.split()[-1:] and before.split()[-1] not in _FEATURE_BEFORE_EN:
        return False
    after = text[fe:fe + 1]
    if after in ("", ".", ",", ";", ":", ")", "!", "?", "\n"):
        return True
    m = _NEXT_WORD_RE.match(text, fe)
    return m is not None and m.group(1) in _FEATURE_AFTER_EN


def towns_written_as_features(text: str, matches: Sequence[RawMatch],
                              resolved: Iterable[tuple[RawMatch, int | None]], kept: Collection[int],
                              gaz: Gazetteer) -> set[int]:
    """Token indices of the multiword matches that name a town after a feature but are written as the feature, with
    its head noun: a town resolution chose though it follows "the" ("near the Salt River" is no town), or a match
    resolution left out (``kept``: the token indices it resolved; "flooding along Town Creek", "around Lake
    Pleasant"). :func:`find_facilities` then reads the feature there, as it reads one the gazetteer lacks."""
    out = {m.token_index for m, i in resolved if m.token_count > 1 and i is not None
           and gaz.kind(i) in ("city", "town") and text.endswith("the ", 0, m.fs)
           and natural_phrase_en(m.key, text, m.fs, m.fe)}
    out.update(m.token_index for m in matches if m.token_count > 1 and m.token_index not in kept
               and natural_phrase_en(m.key, text, m.fs, m.fe))
    return out


class Facility(NamedTuple):
    """A cue word and a name, in folded offsets: the whole phrase and the name inside it."""

    fs: int
    fe: int
    name_fs: int
    name_fe: int
    kind: str           # "facility", "street" or "district"
    cue_word: str
    name_first: bool    # placed by the name inside it before the statement's context
    town_only: bool     # a district only when a town's name is inside (منطقة عفرين, not منطقة آمنة)


#: Head nouns of a town (folded) that may stand between a district's cue and its town's name (قضاء مدينة جنين).
_SETTLEMENT_HEADS_AR = frozenset({"مدينه", "قريه", "بلده"})
# The head nouns of "in the town X", "in the old town" after a facility written with everyday words.
_IN_TOWN_HEADS_AR = _SETTLEMENT_HEADS_AR | {"المدينه", "البلده", "القريه"}


def _cue_ar(tok: str) -> tuple[str, str] | None:
    """``(cue word, kind)`` for an Arabic token that is a facility cue, its proclitics (not the article) taken off."""
    hit = _CUES_AR.get(tok) or _DEFINITE_CUES_AR.get(tok)
    if hit:
        return tok, hit
    if tok == _THE_ROAD_AR or (tok[:1] in "وبف" and tok[1:] == _THE_ROAD_AR):
        return _THE_ROAD_AR, "street"  # الطريق الوطني رقم 24, والطريق الدائري
    if tok[:1] in "وبف" and tok[1:] in _DEFINITE_CUES_AR:
        return tok[1:], "facility"  # والجامع الأموي, بالمسجد الأقصى
    for pl, stem in strip_proclitics(tok):
        # Not through the article: المرفأ "the port" is no construct head (مرفأ بيروت is).
        if pl and "ال" not in tok[:pl] and tok[:pl] not in ("لل", "ولل", "فلل") and stem in _CUES_AR:
            return stem, _CUES_AR[stem]
    return None


def find_facilities(folded: Folded, matches: Sequence[RawMatch], gaz: Gazetteer,
                    toks: _Tokens | None = None, dropped: Collection[int] = ()) -> list[Facility]:
    """Every cue-and-name phrase in ``folded`` that is not already one gazetteer match, in text order
    (``toks``: the folded text's tokens, :func:`geo.extract.word_tokens`, if the caller has them;
    ``dropped``: token indices of matches resolution left out, which cover nothing: "the Red River" that
    resolution would not read as a minor river far from the statement's countries is still a river)."""
    text = folded.text
    if toks is None:
        toks = _Tokens(text)
    words, seps, starts = toks.words, toks.seps, toks.starts
    n = len(words)
    distinct = set(words)
    # Cue words carry at most two proclitic letters: test only the distinct words that end in a cue's letters.
    cues_ar = {w for w in distinct
               if w[-2:] in _CUE_ENDINGS and "\u0600" <= w[0] <= "\u06ff" and _cue_ar(w) is not None}
    cues_en = distinct & _CUES_EN
    if "the" in distinct:
        cues_en |= set(filter(_ROAD_NUMBER_RE.fullmatch, distinct))  # "the A40"
    old_town = _OLD_AR in distinct
    ancient = not _ANCIENT_AR.isdisjoint(distinct)
    water = _water_features_ar(folded.text, matches, toks, gaz, dropped) if dropped else []
    if not cues_ar and not cues_en and not old_town and not ancient:
        return water
    cues = cues_ar | cues_en
    match_at = {m.token_index: m for m in matches}
    covered = {t for m in matches if m.token_count > 1 and m.token_index not in dropped
               for t in range(m.token_index, m.token_index + m.token_count)}
    cased = folded.cased if len(folded.cased) == len(text) else text
    out: list[Facility] = []
    for c in compress(range(n), map(cues.__contains__, words)):  # C-level: no Python work per word
        w = words[c]
        if w in cues_ar and c not in covered:
            out.extend(_arabic(c, words, seps, starts, match_at, gaz))
        elif w in cues_en and c not in covered and not is_arabic(w):
            out.extend(_english(c, words, seps, starts, cased, match_at))
    if old_town:
        out.extend(filter(None, (_old_town_ar(c, words, seps, starts, match_at)
                                 for c in compress(range(n), map(_OLD_AR.__eq__, words)))))
    if ancient:
        out.extend(filter(None, (_ancient_city_ar(c, words, seps, starts, match_at)
                                 for c in compress(range(n), map(_ANCIENT_AR.__contains__, words)))))
    if water:
        # حوض النيل, دلتا النيل: a word of water before a river's or a lake's bare name is the water (read below); the
        # same heads before another name are a landform (حوض سرت "the Sirte Basin").
        at_water = {f.fe for f in water}
        out = [f for f in out if not (f.cue_word in LANDFORM_KINDS_AR and f.fe in at_water)]
    out.extend(water)
    if cues_en and out and sports_report(distinct):
        # A match report's "Nottingham Forest drew with Crystal Palace": clubs, not a forest and a palace.
        out = [f for f in out if is_arabic(words[bisect_right(starts, f.fs) - 1]) or not club_at(
            words, seps, starts, cased, bisect_right(starts, f.fs) - 1, bisect_left(starts, f.fe))]
    if len(out) > 1:
        # Phrases that overlap ("Mitchell Bridge" inside "Mitchell Bridge Road"): the one that starts first,
        # then the longest.
        out.sort(key=lambda f: (f.fs, -f.fe))
        kept = [out[0]]
        for f in out[1:]:
            if f.fs >= kept[-1].fe:
                kept.append(f)
        out = kept
    return out


# Words of water before a river's, a lake's or a sea's bare name (منسوب النيل "the Nile's level", مياه الفرات, ضفاف
# دجلة, فيضان النيل) and the verbs of a river (ويصب النيل "the Nile flows into"): the name is the feature, which a
# bare name that is also a frequent word or another place's name (النيل) needs; على "on" only before a river.
_WATER_WORDS_AR = frozenset(fold_name(w) for w in (
    "منسوب مناسيب مياه ضفاف ضفة ضفتي مجرى فيضان فيضانات مصب منابع منبع حوض دلتا شاطئ شواطئ ساحل سواحل "
    "يصب ينبع يفيض").split())
_ON_AR = fold_name("على")
_WATER_KINDS = frozenset({"river", "lake", "sea"})


def _water_features_ar(text: str, matches: Sequence[RawMatch], toks: _Tokens, gaz: Gazetteer,
                       dropped: Collection[int]) -> list[Facility]:
    """Bare names of rivers, lakes and seas that resolution left out, after a word of water (see
    ``_WATER_WORDS_AR``): each is a feature mention of its own span, its cue word the word of water."""
    words, seps = toks.words, toks.seps
    out = []
    for m in matches:
        t = m.token_index
        if t not in dropped or t == 0 or seps[t] != " " or not is_arabic(m.key[0]):
            continue
        prev = words[t - 1]
        prev = prev[1:] if prev[:1] in "وف" and prev[1:] in _WATER_WORDS_AR else prev
        kinds = {gaz.kind(r.place_index) for r in m.refs} & _WATER_KINDS
        if prev == _ON_AR:
            kinds &= {"river"}
        elif prev not in _WATER_WORDS_AR:
            continue
        if len(kinds) == 1:
            out.append(Facility(m.fs, m.fe, m.fs, m.fe, kinds.pop(), prev, False, False))
    return out


def _arabic(c: int, words: list[str], seps: list[str], starts: list[int], match_at: dict[int, RawMatch],
            gaz: Gazetteer) -> list[Facility]:
    cue, kind = _cue_ar(words[c])  # type: ignore[misc]
    n = len(words)
    if c + 1 >= n or seps[c + 1] != " ":
        return []
    # The cue word without its proclitics starts the phrase.
    fs = starts[c] + len(words[c]) - len(cue)
    if cue in _ISLAND_CUES_AR and c > 0 and seps[c] == " " and words[c - 1][-3:] == _PENINSULA_AR \
            and len(words[c - 1]) <= 5:
        fs = starts[c - 1] + len(words[c - 1]) - 3  # شبه جزيرة X "the X peninsula": one landform with both words
    if cue in _HERITAGE_CUES_AR and c > 0 and seps[c] == " " and words[c - 1][-4:] == _CAMP_AR \
            and len(words[c - 1]) <= 6:
        fs = starts[c - 1] + len(words[c - 1]) - 4  # مخيم خان X "the Khan X camp": one place with both heads
    if cue == _QUARTER_AR and words[c] == "و" + cue and c > 0 and words[c - 1] == "من":
        return []  # من وحي X "inspired by X" (وحي "revelation"), not "and the X quarter"
    if cue == _DETENTION_AR:
        # مركز احتجاز X "X detention centre": the cue is two words; احتجاز X alone is "the detention of X".
        if c == 0 or seps[c] != " " or words[c - 1] not in _CENTRE_AR:
            return []
        prev = words[c - 1]
        fs = starts[c - 1] + (len(prev) - 4 if prev.endswith("مركز") else 0)  # (its proclitic left out: ومركز)
    if cue == _CONTROL_AR and not _passed_checkpoint_ar(c, words, seps, gaz) \
            and not (c + 1 in match_at and words[c + 1] not in AR_HOMOGRAPHS
                                   and words[c + 1].removeprefix("ال") not in AR_HOMOGRAPHS and any(
            gaz.kind(r.place_index) in ("city", "town") and gaz.country_code(r.place_index) in ARABIC_SPEAKING
            for r in match_at[c + 1].refs)):
        # سيطرة "control" is a checkpoint (Iraqi) only before the name of an Arab town: سيطرة الكوير, not سيطرة قسد
        # "the SDF's control", nor سيطرة الرومان "Roman rule" (Roman, a town in Romania), سيطرة السلطات
        return []
    if cue == _ROAD_AR and (words[c] not in (cue, "و" + cue) or (c > 0 and words[c - 1] == "عن")):
        return []  # عن طريق X, بطريق X "by way of X": a means, not a road (وطريق X "and the X road" is one)
    if cue in (_ROAD_AR, _THE_ROAD_AR):
        road = _numbered_road_ar(c, words, seps, starts, cue == _THE_ROAD_AR)
        if road is not None or cue == _THE_ROAD_AR:
            return [Facility(fs, road, starts[c + 1], road, "street", cue, False, False)] if road is not None else []
    if kind in ("street", "facility") and c + 2 < n and words[c + 1].isdigit() and seps[c + 2] == " " \
            and words[c + 2] in MONTHS:
        # A street, a bridge or a road named after a date: محور 26 يوليو, كوبري 6 أكتوبر, جسر 14 تموز
        fe = starts[c + 2] + len(words[c + 2])
        return [Facility(fs, fe, starts[c + 1], fe, kind, cue, cue in _NAME_FIRST, False)]
    if kind in ("street", "facility") and words[c + 1] in _CIVIL_MONTHS_AR and not (
            c + 2 < n and seps[c + 2] == " " and words[c + 2] in _CIVIL_MONTHS_AR):
        # ... or after a month, for the event in it: سد تشرين, جسر تموز (not before a second month name, أيار مايو)
        fe = starts[c + 1] + len(words[c + 1])
        return [Facility(fs, fe, starts[c + 1], fe, kind, cue, cue in _NAME_FIRST, False)]
    if cue in _DEFINITE_CUES_AR:
        first = words[c + 1]
        if not first.startswith("ال") or first in _GENERIC_AR or first in _CLOSING_AR or first in _STOP_AR \
                or first[2:] in _CUES_AR or c + 1 in match_at or first in _ADJECTIVE_NOT_NAME_AR:
            return []
        last = c + 1
        while last + 1 < n and seps[last + 1] == " " and words[last + 1] in _CLOSING_AR:
            last += 1
        fe = starts[last] + len(words[last])
        return [Facility(fs, fe, starts[c + 1], fe, kind, cue, False, False)]
    town = match_at.get(c + 2) if c + 2 < n and seps[c + 2] == " " else None
    if town is None and (c + 1) in match_at and match_at[c + 1].token_count > 1:
        town = match_at[c + 1]  # (the matcher read the head with the town: مدينة القدس is one match)
    if cue not in _SETTLEMENT_CUES_AR and c + 2 < n and words[c + 1] in _SETTLEMENT_HEADS_AR and town is not None:
        # قضاء مدينة جنين "the district of the city of Jenin", كنيسة مدينة الرملة "the church of the city of Ramla":
        # a district or a facility named by its town, written with the town's own head noun. The whole phrase is the
        # district or the facility (quoted with both heads), at the town inside it: the text says it is that town's.
        name_fe = town.fe
        return [Facility(fs, name_fe, starts[c + 1], name_fe, kind, cue, True, cue in _TOWN_ONLY)]
    if cue in MARKET_AR and any(words[t] in EXCHANGE_TAILS_AR for t in range(c + 2, min(n, c + 4))):
        return []  # سوق دبي المالي, سوق أبوظبي للأوراق المالية: a stock exchange (an organisation), not a market
    names: list[tuple[int, int]] = []  # (first token, last token) of each name
    t = c + 1
    if words[c + 1] in _KIND_WORDS_AR.get(cue, ()):
        if c + 2 >= n or seps[c + 2] != " ":
            return []  # مصفاة نفط "an oil refinery": a kind, no name
        t = c + 2  # محطة ضخ الخفسة "the Khafsa pumping station", مصفاة نفط بيجي: the name after the kind
    while t < n:
        first = words[t]
        if names:
            # A dual or plural head governs names joined by و: مديريتي الحوك والحالي.
            if first[:1] != "و" or len(first) < 4:
                break
        elif first in _GENERIC_AR or (first[-1:] == "ا" and first[:-1] in _GENERIC_AR) or first in _STOP_AR \
                or not is_arabic(first) or len(first) < 2 \
                or (first.startswith("ال") and first[2:] in _CUES_AR and cue != _STREET_AR
                    and not (t in match_at and (match_at[t].token_count > 1 or first[2:] in _HERITAGE_CUES_AR))):
            # (a cue word before another with the article is a part of that one: قاعدة القبة "the dome's base",
            # مئذنة المسجد "the mosque's minaret"; but a street is named after anything: شارع المطار, and after a
            # longer place's name: شارع الخليج العربي is a street, not the Gulf; a town named "the gate", الباب, is the
            # town: مستشفى الباب الوطني)
            return []
        m = match_at.get(t)
        if not names and m is not None and m.fs != starts[t] and first[:1] == "ب":
            # مدرسة بالفروانية "a school in Farwaniya", مستشفى بحلب: the locative ب says the word after the cue is where
            # the facility is, not its name; the place keeps its own mention and no nameless facility is made.
            return []
        # A cue that is also an everyday word before a common word (سوق العمل "the labour market", مقبرة جماعية) is
        # a description, unless the text says which town the phrase is in (سوق الجمعة في مدينة القدس).
        if cue in _SETTLEMENT_CUES_AR and m is not None:
            return []  # قرية بيت لاهيا: a village the gazetteer has is the matcher's (with its cue)
        # حي + a definite word is a neighbourhood whatever the word also means (حي الإرسال, حي العمال): "alive" takes
        # no article.
        quarter = (cue == _QUARTER_AR and (first.startswith("ال") or _quarter_named_ar(c, t, words, seps))) \
            or (cue in _SQUARE_CUES_AR and first in _COMMEMORATIVE_AR)  # (ميدان التحرير: see _COMMEMORATIVE_AR)
        # A common word and a rare one after it are a two-word name (جسر قره قوزاق "the Kara Kozak bridge").
        # (two indefinite words: a definite one and an indefinite after it, محطة السادات مقفولة "the station is shut",
        # are a noun and a predicate; a feminine ending is an adjective's)
        rare_next = not names and m is None and t + 1 < n and seps[t + 1] == " " and is_arabic(words[t + 1]) \
            and not first.startswith("ال") and words[t + 1][-1:] != "ه" \
            and words[t + 1] not in _STOP_AR and words[t + 1][:1] not in "وف" and (t + 1) not in match_at \
            and not gaz.is_common_word(words[t + 1])
        # (the name's word or two, then an adjective of the facility's kind: معبر العبودية الحدودي)
        kind_adjective = not names and any(
            u < n and seps[u] == " " and words[u] in _KIND_ADJECTIVES_AR for u in (t + 1, t + 2)) \
            and (words[t + 1] in _KIND_ADJECTIVES_AR or (t + 1 not in match_at and words[t + 1] not in _STOP_AR
                                                        and is_arabic(words[t + 1])))
        # A dam among words of water (إدارة سد مروي فتحت بوابات التصريف لتخفيف الضغط على الخزان): the word after سد is
        # the dam's name whatever it also means; سد الفجوة "closing the gap" is not written beside a reservoir's gates.
        dam_named = not names and cue == _DAM_AR and m is None and not first.startswith("ال") and first[-1:] != "ه" \
            and any(
            words[u] in _DAM_WATER_AR for u in range(max(0, c - _DAM_WINDOW), min(n, c + _DAM_WINDOW)))
        # ... and a station among words of a railway or a metro (المترو شغال؟ محطة السادات مقفولة): its name.
        station_named = not names and cue == _STATION_AR and m is None and first not in _RAIL_AR \
            and first.removeprefix("ال") not in _RAIL_AR and first not in _STATION_KINDS_AR and any(
                words[u] in _RAIL_AR for u in range(max(0, c - _DAM_WINDOW), min(n, c + _DAM_WINDOW)))
        quarter = quarter or rare_next or kind_adjective or dam_named or station_named or (
            not names and m is None and _village_name_ar(cue, t, words, seps))
        # A compass word and a place's name after a district's cue that is no everyday "side" or "area" are the
        # district's name (محلية شرق النيل, مديرية غرب الجزيرة): units named by their part of a region.
        quarter = quarter or (not names and m is None and kind == "district" and first in _COMPASS_AR
                              and cue not in _SIDE_CUES_AR and (t + 1) in match_at)
        if cue in _PLURAL_LANDFORMS_AR and not names and not first.startswith("ال") and first[-1:] == "ه":
            return []  # مرتفعات عالية "high heights": an indefinite feminine adjective agrees with the plural head
        if cue in _ADJECTIVE_ONLY_AR and not kind_adjective:
            return []
        if cue in _DEFINITE_NAME_ONLY_AR and m is None and not kind_adjective and not (
                first.startswith("ال") and not gaz.is_common_word(first) and not gaz.is_common_word(first[2:])):
            return []
        in_town = not names and m is None and cue in _AMBIGUOUS and first[:1] != "و" and first not in _NAME_TITLES \
            and first not in _NASAB_AR and not quarter and gaz.is_common_word(first)
        if not names and m is None and first not in MONTHS and not in_town and not quarter \
                and _not_a_name_ar(cue, first, gaz):
            return []
        if m is not None and m.token_count > 1:
            last = t + m.token_count - 1
        else:
            person = first == _ABD_AR or (t + 1 < n and seps[t + 1] == " " and (
                words[t + 1] in _REGNAL_AR or words[t + 1] in _NASAB_AR
                # (a sports or a medical city named after a person: ملعب مدينة الأمير سلطان الرياضية)
                or (first in _SETTLEMENT_HEADS_AR and words[t + 1] in _NAME_TITLES)))
            if not names and gaz.commonness_any(first) >= 5.5 and first not in NEVER_PLACE_ALONE and not person \
                    and first not in _NASAB_AR and first not in _NAME_TITLES \
                    and (m is None or kind not in _NAMED_BY_PLACES) \
                    and not kind_adjective:
                # (a district's cue and a town the gazetteer has, that is also a word, are the district: قضاء صور)
                return []  # a particle: عن طريق, سد فجوة is not هذا
            last = t
            # More words of the name: definite ones (محمد الخامس), ones that are no common word, the word
            # after a title (الأمير سلطان); a preposition or a line end stops it.
            while last + 1 < n and last + 1 - t < _MAX_NAME and seps[last + 1] == " ":
                nxt = words[last + 1]
                if nxt in _STOP_AR or not is_arabic(nxt) or nxt[:1] == "و" or nxt in _CLOSING_AR \
                        or nxt[:3] in _PREPOSITION_ARTICLE_AR \
                        or (nxt[2:] in _CUES_AR and not (nxt[2:] in _HERITAGE_CUES_AR and (last + 1) in match_at)) \
                        or nxt in _CUES_AR:
                    break  # (a cue word starts a new phrase: مسجد ابن طولون المسجد الوحيد بمصر)
                if kind == "district" and nxt in _COMPASS_AR and (last + 2) in match_at:
                    break  # قضاء تلعفر غرب الموصل: a compass word and a place after the name say where the district is
                if (dam_named or station_named) and not nxt.startswith("ال"):
                    break  # محطة X مقفولة "X station is shut": a predicate, not the name's
                if cue in _ISLAND_CUES_AR and (last + 1) in match_at:
                    break  # جزيرة ماديرا البرتغالية: a nisba after an island's name says whose it is
                if nxt.startswith("ال") or words[last] in _NAME_TITLES or nxt in _NASAB_AR \
                        or (last == t and first in _SETTLEMENT_HEADS_AR and cue not in _SETTLEMENT_CUES_AR
                            and nxt[-1:] != "ه") \
                        or words[last] in _NASAB_AR or not gaz.is_common_word(nxt) \
                        or (words[last] in _COMPASS_AR and (last + 1) in match_at) \
                        or (kind == "district" and (last + 1) in match_at):  # (محلية ريفي كسلا "Rural Kassala")
                    last += 1
                    continue
                break
        if last == t and first in _NAME_TITLES and kind != "mountain":  # (جبل الشيخ, Mount Hermon, is a name)
            return []  # a title alone is no name: بمقام الرئيس "in the president's standing"
        # Adjectives that close the name: الدولي, التعليمي, الكبير.
        while last + 1 < n and seps[last + 1] == " " and words[last + 1] in _CLOSING_AR:
            last += 1
        if in_town and not (last + 2 < n and seps[last + 1] == " " and seps[last + 2] == " "
                            and words[last + 1] == "في" and words[last + 2] in _IN_TOWN_HEADS_AR) \
                and not (cue in _OLD_TOWN_CUES_AR and first.startswith("ال") and _town_after_ar(last, words, seps,
                                                                                                   match_at, gaz)):
            return []
        names.append((t, last))
        if cue not in _MANY:
            break
        t = last + 1
        if t >= n or seps[t] != " ":
            break
    if cue == _ROAD_AR and len(names) == 1:
        names[0] = (names[0][0], _second_end_ar(names[0][1], words, seps, match_at, gaz))
    out = []
    for k, (a, b) in enumerate(names):
        name_fs = starts[a] + (1 if k and words[a][:1] == "و" else 0)
        name_fe = starts[b] + len(words[b])
        out.append(Facility(fs if k == 0 else name_fs, name_fe, name_fs, name_fe, kind, cue,
                            cue in _NAME_FIRST, cue in _TOWN_ONLY))
    return out


# The old town of a city (البلدة القديمة في الخليل, المدينة القديمة من القدس, البلدة القديمة لنابلس): a part of the
# town named right after it, kept as one mention (kind "locality") placed at that town; the town inside is no
# mention of its own, as for any facility named after a place.
_OLD_AR = fold_name("القديمة")
_OLD_HEADS_AR = frozenset(fold_name(w) for w in ("البلدة", "المدينة"))
# What may stand between the old town and its town: a preposition and a town cue (في مدينة الخليل).
_OLD_LINKS_AR = frozenset(fold_name(w) for w in "في من ب داخل وسط مدينة بلدة قرية مدينه".split())


def _old_town_ar(c: int, words: list[str], seps: list[str], starts: list[int],
                 match_at: dict[int, RawMatch]) -> Facility | None:
    """The phrase "old town of X" whose القديمة is token ``c``, or ``None`` when no place's name follows it."""
    if c == 0 or seps[c] != " ":
        return None
    head = words[c - 1]
    cue = next((head[k:] for k in range(3) if head[k:] in _OLD_HEADS_AR and (k == 0 or head[:k] in ("و", "ف", "ب",
                                                                                         "وب", "فب"))), None)
    if cue is None:
        return None
    fs = starts[c - 1] + len(head) - len(cue)
    t = c + 1
    while t < len(words) and t - c <= 3 and seps[t] == " ":
        m = match_at.get(t)
        if m is not None:
            name_fs, fe = m.cue_span or (m.fs, m.fe)  # (with its cue word: مدينة الخليل is one mention)
            return Facility(fs, fe, name_fs, fe, "locality", f"{cue} {words[c]}", True, True)
        if words[t] not in _OLD_LINKS_AR:
            return None
        t += 1
    return None


# An ancient city is a site, not the town the matcher reads after the head (مدينة أور الأثرية "the ancient city of Ur",
# مدينة بابل الأثرية): the head, the name and the adjective are one facility (ancient sites are facilities).
_ANCIENT_AR = frozenset(fold_name(w) for w in "الأثرية الأثري".split())
_CITY_HEAD_AR = fold_name("مدينة")
_ANCIENT_BARE_AR = fold_name("الأثرية")  # (the cue word of a site written with no head: بابل الأثرية)
_ANCIENT_CUES_AR = frozenset({_CITY_HEAD_AR, _ANCIENT_BARE_AR})
# Heads of an ancient site's name before the adjective: the city, the ruins, the antiquities (آثار نمرود الأثرية).
_SITE_HEADS_AR = frozenset(fold_name(w) for w in "مدينة أطلال آثار".split())


# Prepositions of passing or standing by before سيطرة: one goes through, stops at or waits by a checkpoint, not
# "control" (عبر سيطرة X, عند سيطرة X, أمام سيطرة X).
_BY_A_POST_AR = frozenset(fold_name(w) for w in "عبر عند أمام امام قرب".split())


def _passed_checkpoint_ar(c: int, words: list[str], seps: list[str], gaz: Gazetteer) -> bool:
    """Whether سيطرة at token ``c`` is a checkpoint with a name the gazetteer lacks: after a preposition of passing
    (عبر سيطرة الكوير "through the Kuwair checkpoint"), before a definite name that is no common word (عبر سيطرة
    الجيش is no checkpoint's name)."""
    if c == 0 or c + 1 >= len(words) or seps[c] != " " or seps[c + 1] != " " or words[c - 1] not in _BY_A_POST_AR:
        return False
    name = words[c + 1]
    return name.startswith("ال") and not gaz.is_common_word(name) and not gaz.is_common_word(name[2:]) \
        and name not in AR_HOMOGRAPHS and name[2:] not in AR_HOMOGRAPHS


def _ancient_city_ar(c: int, words: list[str], seps: list[str], starts: list[int],
                     match_at: dict[int, RawMatch]) -> Facility | None:
    """The phrase "the ancient city of X" whose adjective (الأثرية) is token ``c``, or ``None``; a place's name right
    before the adjective, without a head (نمرود الأثرية, بابل الأثرية), is the site too."""
    m = match_at.get(c - 1) if c > 0 and seps[c] == " " else None
    if m is not None and m.token_count == 1 and (c < 2 or not words[c - 2].endswith(_CITY_HEAD_AR)):
        # (only if resolution reads the name as a place: السور الأثري "the ancient wall" is none; see place_facilities)
        fe = starts[c] + len(words[c])
        return Facility(m.fs, fe, m.fs, m.fe, "facility", _ANCIENT_BARE_AR, False, False)
    for t in range(c - 2, max(-1, c - 4), -1):
        if any(seps[u] != " " for u in range(t + 1, c + 1)):
            return None
        head = words[t]
        k = next((len(head) - len(h) for h in _SITE_HEADS_AR if head.endswith(h)), 0)
        if head[k:] in _SITE_HEADS_AR and head[:k] in ("", "و", "ب", "ف", "وب", "فب", "ل", "ول"):
            if any(words[u] in _STOP_AR or not is_arabic(words[u]) for u in range(t + 1, c)):
                return None
            fe = starts[c] + len(words[c])
            return Facility(starts[t] + k, fe, starts[t + 1], starts[c - 1] + len(words[c - 1]), "facility",
                            _CITY_HEAD_AR, False, False)
    return None


# English heads of a road written after its two ends ("the Duhok–Zakho road").
_TWO_ENDS_HEADS_EN = frozenset({"road", "highway", "motorway", "expressway"})
# Between a road's two ends: a dash, with or without spaces (طريق الكفرة – اجدابيا, طريق حلب-دمشق).
_DASHES = frozenset("-\u2013\u2014")


def _second_end_ar(last: int, words: list[str], seps: list[str], match_at: dict[int, RawMatch],
                   gaz: Gazetteer) -> int:
    """The last token of a road's name that runs on to its second end after a dash (طريق الكفرة – اجدابيا: the road
    between two towns is one street, and the towns in its name are no mentions of their own), else ``last``."""
    t = last + 1
    if t >= len(words) or seps[t].strip() not in _DASHES or not is_arabic(words[t]) or words[t] in _STOP_AR:
        return last
    m = match_at.get(t)
    if m is not None and m.refs and all(gaz.kind(r.place_index) in NATURAL_KINDS for r in m.refs):
        return last  # طريق الراين - الدانوب: a route along rivers, not a road between two towns
    return t + m.token_count - 1 if m is not None else t


def _numbered_road_ar(c: int, words: list[str], seps: list[str], starts: list[int], definite: bool) -> int | None:
    """The folded end of a road written with its number or code after طريق / الطريق at token ``c`` (طريق M4,
    الطريق الوطني رقم 24, الطريق السيار شرق-غرب, الطريق الدائري), or ``None`` when it is no such road."""
    n = len(words)
    t = c + 1
    if t < n and seps[t] == " " and words[t] in _ROAD_KINDS_AR:
        t += 1  # the kind of road: الوطني, السيار
    elif definite and t < n and seps[t] == " " and words[t] == _RING_ROAD_AR:
        return starts[t] + len(words[t])
    if t >= n or seps[t] != " ":
        return None
    w = words[t]
    if w in _NUMBER_AR and t + 1 < n and seps[t + 1] == " " and words[t + 1].isdigit():
        return starts[t + 1] + len(words[t + 1])  # رقم 24
    if _ROAD_CODE_RE.fullmatch(w) or (w.isdigit() and t > c + 1):
        return starts[t] + len(w)  # M4; الطريق الوطني 24
    if t > c + 1 and w in _COMPASS_AR and t + 1 < n and seps[t + 1] == "-" and words[t + 1] in _COMPASS_AR:
        return starts[t + 1] + len(words[t + 1])  # الطريق السيار شرق-غرب
    return None


_VALLEYS_MOUNTAINS_AR = frozenset(fold_name(w) for w in "وادي جبل جبال".split())
# Verb prefixes (تقع, يسكنها): a word that opens with one after a village's head is a clause about it, not its
# name, unless it is تل "hill", which opens names (قرية تل الزعتر).
_VERB_PREFIXES_AR = ("ت", "ي")
_HILL_AR = fold_name("تل")
# Words that only look definite: إلى and إلا with a pronoun (أقرب قرية إليها "the village nearest to it").
_LOOK_DEFINITE_AR = frozenset(fold_name(w) for w in "إليه إليها إليهم إليهما إليهن إليك إليكم إلينا إلي إلا".split())


def _village_name_ar(cue: str, t: int, words: list[str], seps: list[str]) -> bool:
    """Whether token ``t``, right after the indefinite head of a village (قرية, بلدة, خربة), starts the village's
    name even though it is a common word: a definite word (بلدة الخيام "of the tents", قرية الشعب "of the people":
    an adjective of an indefinite head takes no article, so a definite word after it is what the village is named
    after), or an indefinite one before a definite one (قرية كوكب الهوا, خربة عين البيضاء: a two-word name), that
    is no compass word (قرية شمال حلب "a village north of Aleppo") and no verb (بلدة تضم المئات)."""
    if cue not in _SETTLEMENT_CUES_AR:
        return False
    first = words[t]
    if first.startswith("ال"):
        return len(first) > 3 and first not in _ADJECTIVE_NOT_NAME_AR and first not in _CLOSING_AR \
            and first not in _LOOK_DEFINITE_AR
    return (t + 1 < len(words) and seps[t + 1] == " " and words[t + 1].startswith("ال")
            and words[t + 1] not in _LOOK_DEFINITE_AR
            and words[t + 1] not in _STOP_AR and words[t + 1] not in _GENERIC_AR
            and first not in _COMPASS_AR and first not in _STOP_AR
            and (first == _HILL_AR or not first.startswith(_VERB_PREFIXES_AR)))


# Words before حي that make it "the quarter" (في حي X, بحي X, سكان حي X): prepositions of place, a place's people.
_QUARTER_BEFORE_AR = frozenset(fold_name(w) for w in (
    "في من إلى الى على قرب أمام داخل وسط عند عبر سكان أهالي اهالي أطراف اطراف شوارع").split())
# Indefinite adjectives of a quarter that end in no ي (في حي مجاور "in a nearby quarter"); nisbas (سكني, شعبي) end in ي.
_QUARTER_ADJECTIVES_AR = frozenset(fold_name(w) for w in (
    "مجاور قريب بعيد فقير راق هادئ كامل بأكمله بكامله آمن مكتظ").split())


def _quarter_named_ar(c: int, t: int, words: list[str], seps: list[str]) -> bool:
    """Whether the indefinite word ``t`` after حي (token ``c``) is a quarter's name although it is also a word: حي
    written after a preposition of place (في حي X, or بحي X) is "the quarter" (its "alive" follows a noun: كائن حي),
    and the word after it is its name unless an adjective describes it (a nisba in ي, في حي سكني; مجاور) or a
    feminine word in ة, which agrees with no masculine head (حي ... مدمرة is a predicate)."""
    first = words[t]
    if t != c + 1 or first[-1:] in "يه" or first in _QUARTER_ADJECTIVES_AR or first in _STOP_AR \
            or first in _GENERIC_AR or first in _COMPASS_AR or first[:1] in "وف" or len(first) < 3:
        return False
    if words[c] == "ب" + _QUARTER_AR:
        return True
    return words[c] == _QUARTER_AR and c > 0 and seps[c] == " " and words[c - 1] in _QUARTER_BEFORE_AR


# Heritage cues that are also everyday words (a khan, a palace): with a definite word after them they are the place
# when the text says which town it is in right after (خان الصابون في حلب, قصر العدل ببغداد). Not باب and ميدان: فتح باب
# التسجيل في بغداد "registration opened in Baghdad", ميدان المعركة في حلب "the battlefield in Aleppo".
_OLD_TOWN_CUES_AR = frozenset(fold_name(w) for w in "خان قصر".split())


def _town_after_ar(last: int, words: list[str], seps: list[str], match_at: dict[int, RawMatch], gaz: Gazetteer) -> bool:
    """Whether a city or a town the gazetteer has is written right after token ``last`` as a location (في X, بX)."""
    k = last + 1
    if k < len(words) and seps[k] == " " and words[k] == "في":
        k += 1
    m = match_at.get(k)
    if m is None or k >= len(words) or seps[k] != " " or (k == last + 1 and words[k][:1] != "ب"):
        return False
    return any(gaz.kind(r.place_index) in ("city", "town") for r in m.refs)


def _not_a_name_ar(cue: str, first: str, gaz: Gazetteer) -> bool:
    """Whether ``first``, the word after Arabic cue ``cue``, starts a description rather than a name."""
    if first in _NAME_TITLES or first in _NASAB_AR:
        return False  # مقام النبي يوسف, محلية ود مدني: the caller takes the word after, or no name at all
    if cue in _AMBIGUOUS and gaz.is_common_word(first):
        # سد "fills", طريق "way", حي "alive": only a name that is no common word makes a place of them
        return True
    if first.startswith("ال") or first in _NASAB_AR:
        return False
    if first[:1] == "و" and not first.startswith("واد"):
        return True  # a conjunction: مسجد وجامع "a mosque and a congregational mosque", قضاء وقدرا "fate"
    if first.endswith("ه") and cue not in _SETTLEMENT_CUES_AR and cue not in _VALLEYS_MOUNTAINS_AR \
            and (cue in _AMBIGUOUS or first[:1] in "يتا"):
        # (a wadi's or a mountain's name often ends in ة: وادي حنيفة, جبل الزاوية)
        # (a village's name often ends in ة, خربة يرزة; its adjectives, قرية نائية, are common words, refused above)
        # (folded: ة and the pronoun ه are one letter) a verb with its object (مسجد أقامه التجار "a mosque the
        # merchants built", ملعب يملكه) or, after an ambiguous cue, an indefinite feminine adjective (أحياء متضررة)
        return True
    return False


def _upper(cased: str, starts: list[int], t: int) -> bool:
    return cased[starts[t]].isupper()


def _english(c: int, words: list[str], seps: list[str], starts: list[int], cased: str,
             match_at: dict[int, RawMatch]) -> list[Facility]:
    w = words[c]
    n = len(words)
    end = starts[c] + len(w)
    # "the port of Jebel Ali": the name after "of".
    if w == "port" and c + 2 < n and words[c + 1] == "of" and _upper(cased, starts, c + 2):
        m = match_at.get(c + 2)
        last = c + 2 + (m.token_count - 1 if m is not None else 0)
        while m is None and last + 1 < n and seps[last + 1] == " " and _upper(cased, starts, last + 1):
            last += 1
        return [Facility(starts[c], starts[last] + len(words[last]), starts[c + 2], starts[last] + len(words[last]),
                         "facility", w, True, False)]
    if w in _OF_HEADS_EN and c + 2 < n and words[c + 1] == "of" and seps[c + 1] == " " and seps[c + 2] == " " \
            and _upper(cased, starts, c) and _upper(cased, starts, c + 2) and words[c + 2] not in _EN_NOT_NAME:
        # "the Strait of Hormuz", "the Gulf of Tonkin": the head, "of" and a capitalised name
        last = c + 2
        while last + 1 < n and last - c < 5 and seps[last + 1] == " " and _upper(cased, starts, last + 1) \
                and words[last + 1] not in _CUES_EN:
            last += 1
        fe = starts[last] + len(words[last])
        return [Facility(starts[c], fe, starts[c + 2], fe, _OF_HEADS_EN[w], w, False, False)]
    if w in _SAINT_EN and c > 0 and words[c - 1] in _NATURAL_BEFORE_EN and _saint(c, words, seps, starts, cased):
        return []  # "Lake St. Clair": a Saint after a feature's head, no street ("Lake St.")
    numbered = _numbered_road(c, words, seps, starts, cased)
    if numbered is not None:
        return [numbered]
    # A street's or a natural feature's name has its head capitalised ("Main Street", "Neches River"): "Area
    # road", "Mom's Donut Shop drive" are descriptions. Districts and facilities are often written with a lower
    # case head ("Giza's Haram district", "Maoxian county", "Bab el-Oued hospital").
    lower = not _upper(cased, starts, c)
    two_ends = lower and w in _TWO_ENDS_HEADS_EN and c >= 2 and seps[c] == " " and seps[c - 1].strip() in _DASHES \
        and _upper(cased, starts, c - 1) and _upper(cased, starts, c - 2) and len(words[c - 2]) > 2  # (not Al-Bab)
    if two_ends:
        # "the Duhok–Zakho road", "the Kuwait-Basra highway": the road between two towns, one street whose name holds
        # both (the towns are no mentions of their own); placed only where the text says which stretch is meant.
        first = c - 2
        while first > 0 and c - first < 6 and seps[first] == " " and _upper(cased, starts, first - 1) \
                and words[first - 1] not in _EN_NOT_NAME:
            first -= 1
        return [Facility(starts[first], end, starts[first], starts[c - 1] + len(words[c - 1]), "street", "highway",
                         False, False)]
    if lower and w != "port" and (w in _NATURAL_BEFORE_EN or w in _NATURAL_AFTER_EN
                                  or _FACILITY_CUES_EN.get(w) == "street") \
            and not _the_named_river(c, words, seps, starts, cased):
        return []
    if w in _NATURAL_BEFORE_EN and c + 1 < n and _upper(cased, starts, c + 1) \
            and (seps[c + 1] == " " or (w == "mt" and seps[c + 1] == ". ")) and not words[c + 1].isdigit() \
            and not (c > 0 and seps[c] == " " and _upper(cased, starts, c - 1)):  # "Cedar River Seafood"
        # "River Lune", "Lake Lanier", "Mount Hood", "Mt. Washington": the capitalised run after the head.
        last = c + 1
        saint = _saint(c + 1, words, seps, starts, cased)  # "Lake St. Clair": St. is the name's, no street's
        while last + 1 < n and last - c < 4 and (seps[last + 1] == " " or (last == c + 1 and saint)) \
                and _upper(cased, starts, last + 1) and words[last + 1] not in _CUES_EN:
            last += 1
        if words[c + 1] in _EN_NOT_NAME or (words[c + 1] in _CUES_EN and not saint) \
                or (last + 1 < n and seps[last + 1] == " " and _upper(cased, starts, last + 1)):
            return []  # "River Road", "Lake Shore Drive": the head of a longer name
        fe = starts[last] + len(words[last])
        return [Facility(starts[c], fe, starts[c + 1], fe, _NATURAL_BEFORE_EN[w], w, False, False)]
    natural = _NATURAL_AFTER_EN.get(w)
    # "the Hajin sub-district": the head is written in two words; the name ends before "sub".
    h = c - 1 if w in _SUB_HEADS_EN and c > 1 and words[c - 1] == "sub" and seps[c] in ("-", "\u2011") else c
    if (w not in _FACILITY_CUES_EN and natural is None) or h == 0 or not (
            seps[h] == " " or (seps[h] == "' " and words[h - 1].endswith("s") and not lower)):  # "St James' Park"
        return []
    if w in _CAPITALISED_ONLY and lower and not (w == "plant" and words[c - 1] in _EN_MODIFIERS):
        return []  # "a Lancaster park", "the PCA plant": a town's or a firm's, not a park's or a plant's name
    if w in _LOWER_ONLY_EN and (not lower or is_everyday_en(words[c - 1])):
        return []
    kind = natural or _FACILITY_CUES_EN[w]
    if w in LANDFORM_KINDS_EN and c + 1 < n and words[c + 1] in DISEASE_HEADS_EN:
        return []  # "Rift Valley fever": a disease's name
    # A capitalised word after the head makes it part of a longer name ("Pleasant Lane School", "Cedar River
    # Seafood", "Upper King Street Neighborhood Association"); a direction after a street is part of its name
    # ("40th Avenue South", "Seventh Street Northwest"); "District A", "Fire Station 2" are numbered.
    if c + 1 < n and seps[c + 1] in (" ", ". "):
        nxt = words[c + 1]
        if kind == "street" and _upper(cased, starts, c + 1) and (
                nxt in _DIRECTIONS or (nxt in _DIRECTION_LETTERS and seps[c + 1] == " " and c + 2 < n
                                       and seps[c + 2] == "." and words[c + 2] in _DIRECTION_LETTERS)):
            # "Seventh Street Northwest", "Seventh Street N.W."
            end = starts[c + 1] + len(nxt) if nxt in _DIRECTIONS else starts[c + 2] + len(words[c + 2]) + 1
        elif seps[c + 1] == " " and ((_upper(cased, starts, c + 1) and kind != "district" and nxt not in MONTHS
                                      and nxt not in WEEKDAYS) or (kind == "district" and (
                                          len(nxt) == 1 or nxt.isdigit()))):
            # (a county heads its organisations' names and is still the county: "Hall County Schools"; a
            # weekday or month after it starts no longer name: "on Elizabeth Road Thursday")
            return []
    if w in _ABBREVIATED and end < len(cased) and cased[end] == ".":
        end += 1  # "Main St.": the full stop is the abbreviation's
    # The capitalised run before the cue: "Wythenshawe", "Entebbe International", "Royal Brisbane and Women's".
    first = h
    while first - 1 >= 0 and h - first < (9 if w in _MANY else 5) and (seps[first] in (" ", "-", "'", "' ")
                                                or (seps[first] == ". " and words[first - 1] in _SAINT_EN)
                                                or _listed_before(first, h, w, words, seps, cased, starts)):
        prev = words[first - 1]
        if _upper(cased, starts, first - 1) or _ORDINAL_RE.fullmatch(prev):  # "42nd Street"
            if prev in _EN_NOT_NAME:
                break
            first -= 1
        elif prev in _EN_MODIFIERS and first == c and w in _MODIFIED_HEADS_EN and first - 2 >= 0 \
                and seps[first - 1] == " " and (_upper(cased, starts, first - 2) or (
                    words[first - 2] in _EN_MODIFIERS and first - 3 >= 0 and seps[first - 2] == " "
                    and _upper(cased, starts, first - 3))) \
                and words[first - 2] not in _EN_NOT_NAME:
            # "Zaporizhzhia nuclear plant", "Battersea power station", "the Zaporizhzhia nuclear power plant"
            first -= 2 if words[first - 2] in _EN_MODIFIERS and not _upper(cased, starts, first - 2) else 1
        elif prev in _ARTICLES_AR_EN and seps[first] == "-" \
                and (first - 1 == 0 or not _upper(cased, starts, first - 2)):
            first -= 1  # "the al-Wadiah crossing": the Arabic article opens the name (no capitalised word before it)
        elif prev in _EN_INNER and first - 2 >= 0 and _upper(cased, starts, first - 2) \
                and words[first - 2] not in _CUES_EN and w not in LANDFORM_KINDS_EN:
            # ("Cooper Street and Green Oaks Boulevard": two streets; "Kisumu and Rift Valley": a town and a landform)
            first -= 1
        elif prev == "s" and seps[first - 1] in ("'", "\u2019") and first - 2 >= 0 \
                and _upper(cased, starts, first - 2) and words[first - 2] in _POSSESSIVE_IN_NAME_EN \
                and first - 3 >= 0 and words[first - 3] in _EN_INNER and _upper(cased, starts, first - 4):
            # "Royal Brisbane and Women's Hospital": "and Women's" inside a name; another possessive says whose it
            # is ("Tripoli's Abu Salim district", "the Police Department's Newton Station") and starts no name
            first -= 1
        elif prev in _EN_PARTICLES and first - 2 >= 0 and seps[first - 1] == " " and _upper(cased, starts, first - 2) \
                and words[first - 2] not in _EN_NOT_NAME:
            first -= 1  # "Cache la Poudre River", "Bois de Boulogne": a Romance particle inside the name
        elif prev in _ARTICLES_EN and seps[first] == "-" and first < h:
            first -= 1  # "the Tal al-Hawa checkpoint", "the al-Walid crossing": an Arabic article inside the name
        else:
            break
    while first < h and words[first] in _EN_INNER:
        first += 1
    if lower and first == h - 1 and (first == 0 or "\n" in seps[first] or seps[first].rstrip()[-1:] in (".", "!", "?")):
        return []  # "This road", "Two counties", "School districts": capitalised only as a sentence's first word
    if first == h or all(words[t] in _DIRECTIONS or words[t] in _EN_INNER for t in range(first, h)):
        return []  # "Eastern District" (a court), "North County": a direction is no name
    if kind == "facility" and all(words[t] in _GENERIC_NAME_EN for t in range(first, c)):
        return []  # "a Field Hospital", "the Pumping Station", "the Water Treatment Plant": capitalised, still generic
    if kind == "street" and first >= 2 and seps[first] == ". " and words[first - 1] in _DIRECTION_LETTERS \
            and _upper(cased, starts, first - 1):
        first -= 1  # "E. Broad St."
    modified = first < h - 1 and words[h - 1] in _EN_MODIFIERS and not _upper(cased, starts, h - 1)
    while first < h and words[first] in _ARTICLES_AR_EN and not _upper(cased, starts, first) and first + 1 >= h:
        first += 1  # (an article alone is no name)
    if w in _FIELDS_EN and not modified:
        return []  # a field is an oil or gas field only with its modifier
    if w in _LOWER_ONLY_EN and any(t in match_at for t in range(first, h)):
        return []  # "the Ripley department" (a town's fire or police department): only a name no place has
    name_fe = starts[h - 1] + len(words[h - 1])
    out = [Facility(starts[first], end, starts[first], name_fe, kind, w, w in _NAME_FIRST, False)]
    if w in _MANY:
        h = h - 1 if modified else h  # (the modifier belongs to no name: "the Rumaila and Majnoon oil fields")
        # "Ratnagiri and Raigad districts": one district per name.
        parts: list[tuple[int, int]] = []
        a = first
        for t in range(first, h):
            if words[t] == "and":
                parts.append((a, t - 1))
                a = t + 1
            elif t > a and seps[t] == ", ":
                parts.append((a, t - 1))  # "Garissa, Wajir and Mandera counties"
                a = t
        parts.append((a, h - 1))
        if len(parts) > 1:
            out = [Facility(starts[a], starts[b] + len(words[b]), starts[a], starts[b] + len(words[b]), kind, w,
                            w in _NAME_FIRST, False) for a, b in parts if a <= b]
    return out


def _listed_before(first: int, h: int, w: str, words: list[str], seps: list[str], cased: str,
                   starts: list[int]) -> bool:
    """Whether the capitalised word before token ``first`` opens a list of names under the plural head ``w`` that
    runs on to "and" before ``h`` ("Garissa, Wajir and Mandera counties"): the word is the list's first name."""
    if w not in _MANY or seps[first] != ", " or not _upper(cased, starts, first - 1):
        return False
    prev = words[first - 1]
    if prev in _EN_NOT_NAME or prev in WEEKDAYS or prev in MONTHS \
            or not any(words[t] == "and" for t in range(first, h)):
        return False
    # A sentence's opening phrase is no list's first name: "In Texas, Harris and Dallas counties", "Reuters, ...".
    j = first - 1
    opens = j == 0 or _SENTENCE_BREAK_RE.search(seps[j]) is not None
    after_opener = j >= 1 and words[j - 1] in _OPENING_PREPOSITIONS_EN and (
        j - 1 == 0 or _SENTENCE_BREAK_RE.search(seps[j - 1]) is not None)
    return not opens and not after_opener


_SENTENCE_BREAK_RE = re.compile(r"[.!?:;]\s|\n")
_OPENING_PREPOSITIONS_EN = frozenset("in across throughout for at from outside near".split())


def _the_named_river(c: int, words: list[str], seps: list[str], starts: list[int], cased: str) -> bool:
    """Whether a lower-case "river", "creek", "mountains", "hills", "marshes", "desert" or "reservoir" at
    token ``c`` ends "the <Name> river" ("the Mithi river", "the Qandil mountains", "the Hamrin hills", "the Anbar
    desert", "the Etowah and Oostanaula rivers", as news often writes them): the article and a capitalised name make
    it one."""
    if words[c] not in ("river", "creek", "rivers", "mountains", "hills", "marshes", "desert", "reservoir"):
        return False
    first = c
    while first > 0 and c - first < 5 and seps[first] == " " and (
            (_upper(cased, starts, first - 1) and words[first - 1] not in _EN_NOT_NAME)
            or (words[first - 1] == "and" and first - 2 >= 0 and _upper(cased, starts, first - 2))):
        first -= 1
    return first < c and first > 0 and seps[first] == " " and words[first - 1] == "the" and words[first] != "and"


def _numbered_road(c: int, words: list[str], seps: list[str], starts: list[int], cased: str) -> Facility | None:
    """A road written with its number: "Highway 79", "County Road 43", "Illinois Route 159", "Interstate 64
    West", "I-75", "US-24", "the A40"; the span takes the capitalised words before it that qualify it."""
    w = words[c]
    n = len(words)
    if not _upper(cased, starts, c):
        return None
    digit = c + 1 < n and words[c + 1].isdigit()
    if w in ("highway", "route", "interstate", "road", "loop") and digit and seps[c + 1] == " ":
        last = c + 1
    elif w in _ROAD_LETTERS_HYPHEN and digit and seps[c + 1] == "-" \
            and cased[starts[c]:starts[c] + len(w)].isupper():
        return Facility(starts[c], starts[c + 1] + len(words[c + 1]), starts[c], starts[c + 1] + len(words[c + 1]),
                        "street", w, False, False)
    elif _ROAD_NUMBER_RE.fullmatch(w) and c > 0 and words[c - 1] == "the" and seps[c] == " ":
        return Facility(starts[c], starts[c] + len(w), starts[c], starts[c] + len(w), "street", w, False, False)
    else:
        return None
    if last + 1 < n and seps[last + 1] == " " and words[last + 1] in _DIRECTIONS and _upper(cased, starts, last + 1):
        last += 1  # "Interstate 64 West"
    first = c
    # "County Road", "State Highway", "U.S. Highway", "Illinois Route": up to two capitalised words before.
    while first > 0 and c - first < 2 and _upper(cased, starts, first - 1) and words[first - 1] not in _EN_NOT_NAME \
            and (seps[first] == " " or (seps[first] == ". " and len(words[first - 1]) == 1)):
        first -= 1
    if first < c and seps[first] == "." and first > 0 and len(words[first - 1]) == 1:
        first -= 1  # "U.S."
    if w == "road" and first == c:
        return None  # "Road 43" alone is rare; "County Road 43" is the form
    fe = starts[last] + len(words[last])
    return Facility(starts[first], fe, starts[first], fe, "street", w, False, False)


#: Landforms too wide for the town named nearest them to place them (a neighbourhood's "Heights", "Hills",
#: "Island" are placed like a facility).
_WIDE_LANDFORMS = frozenset(
    "valley plains plain highlands lowlands steppe basin plateau delta peninsula islands desert".split())
#: Kinds of place whose name a landform shares and which, with no town near, places it: a division is around
#: its landform (the Nineveh Plains in Nineveh), a country too large for its point to place one.
_LANDFORM_ANCHOR_KINDS = frozenset({"admin1", "region", "district"})


class Placed(NamedTuple):
    """A facility mention ready for the pipeline: folded span, its place (``None``: unlocated), confidence,
    reason, and the kind of cue."""

    fs: int
    fe: int
    place: Place | None
    confidence: float
    reason: str
    kind: str


def _approximate(f: Facility, surface: str, anchor: Place) -> Place:
    """A place for facility ``f`` at ``anchor``'s point, with an id of its own."""
    h = hashlib.sha1(fold_name(surface).encode()).hexdigest()[:10]
    if f.kind in NATURAL_KINDS or f.kind in ("street", "region"):
        kind = f.kind  # a river, lake or mountain joins the natural features' layer; a street is a street
    else:
        # (a neighbourhood, حي X, and the old town of a city are parts of a town: districts too)
        kind = "district" if f.kind in ("district", "locality") or f.cue_word in ("حي", "احياء") else "facility"
    return Place(f"{APPROXIMATE_PREFIX}{kind}:{anchor.place_id}:{h}", surface, surface if is_arabic(surface) else "",
                 kind, anchor.country_code, anchor.lat, anchor.lon, 0,
                 f"approximate: not in the gazetteer; placed at {anchor.name} ({anchor.place_id})",
                 within=anchor.place_id)


# What may stand between a facility and the town written after it as its location: "X Hospital in Fort Worth",
# "Carle Foundation Hospital, Urbana", "مستشفى الشفاء في غزة", "سجن صيدنايا بريف دمشق" (a cue word of the town's
# kind between is read by the matcher as part of the town's own span).
_LOCATED_AFTER_RE = re.compile(r"(?:,|\s|\bin\b|\bat\b|\bnear\b|\bof\b|في|ب|قرب|شمال|جنوب|شرق|غرب|مدينة|مدينه)*")
_DAMS = frozenset({fold_name("سد"), "dam"})
# Oil and gas fields lie in the desert tens of kilometres from the town they are named after ("the Basra oil fields",
# حقل الرميلة): no dot at the town either, as for a dam.
_FIELDS = _FIELDS_EN | {fold_name("حقل")}
# ... nor are ancient sites at the town named beside them (الحضر الأثرية جنوب الموصل is 100 km from Mosul).
_SITES_AR = _ANCIENT_CUES_AR | _ADJECTIVE_ONLY_AR
_OPEN_SEAS = frozenset({"strait", "straits", "gulf", "sea", fold_name("مضيق"), fold_name("خليج")})
# Long roads between towns (English cue words and road numbers: "Bruce Highway", "U.S. Route 33", "I-75", "the A56"),
# placed only where the text says which stretch is meant.
_LONG_ROAD_CUES_EN = frozenset({"highway", "route", "interstate", "motorway", "freeway", "expressway", "i", "us", "sr",
                                "loop"})
# A stretch of a road given by a direction from a town, between the road and the town: "the Calder Highway was
# closed north of Bendigo", "a stretch of Highway 79 west of Palestine".
_STRETCH_RE = re.compile(r"\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+$")
_STRETCH_CHARS = 48
# A town's possessive right before a facility says whose it is: "Toronto's Pearson International Airport".
_POSSESSIVE_RE = re.compile(r"['\u2019]s\s+")


# Kinds of the gazetteer's own facilities: a name it reads whole under a facility's head is that facility.
_FACILITY_KINDS = frozenset({"camp", "crossing", "facility", "airport", "prison"})


# English facilities placed only by the town their name starts with or the one the text says they are in: an
# airport (the towns around it are where its flights go), a port, a harbour or a terminal (a port not named after a
# town is seldom in the town named beside it: "the Ras Isa port" is not at Hodeidah, 60 km away).
_OWN_PLACE_ONLY_EN = frozenset({"airport", "port", "harbour", "harbor", "terminal"})


_HOSPITALS_EN = frozenset({"hospital", "clinic"})


def _long_road(f: Facility) -> bool:
    """Whether facility ``f`` is a road between towns (a highway, a motorway, a numbered road), not a town's street."""
    return f.kind == "street" and (f.cue_word in _LONG_ROAD_CUES_EN
                                   or _ROAD_NUMBER_RE.fullmatch(f.cue_word) is not None)


# Between two Arabic facilities of one list: a comma, the conjunction و (its proclitic is outside the next phrase).
_JOINED_AR_RE = re.compile(r"\s*[،,]?\s*و?")
# How many sentences back a town still places a facility whose own sentence names none.
_SENTENCES_BACK = 2
# A natural feature the gazetteer has under the name, nearer than this to the place the statement names there
# (degrees, about 250 km), is that feature: "the Sacramento River" in a story from Sacramento.
_FEATURE_NEAR_DEG = 2.5


# A plain or an oasis after a word of place (في سهل الحولة, إلى واحة X, بسهل X) with a definite name or one that is no
# common word is the landform even when the gazetteer has no place of that name: سهل "easy" takes no preposition.
_PLAINS_AR = frozenset(fold_name(w) for w in "سهل واحة".split())
_LOCATIVE_BEFORE_AR_RE = re.compile(r"(?:(?:^|\s)(?:في|إلى|الى|من|على|قرب|داخل|عبر)\s+|(?:^|\s)و?[بف]?[بل])$")


def _named_plain_ar(f: Facility, text: str, gaz: Gazetteer | None) -> bool:
    """Whether Arabic landform ``f`` (a plain, an oasis) is written after a word of place with a name."""
    if f.cue_word not in _PLAINS_AR or gaz is None or not _LOCATIVE_BEFORE_AR_RE.search(text, max(0, f.fs - 8), f.fs):
        return False
    first = text[f.name_fs:f.name_fe].split()[0]
    return first.startswith("ال") or not gaz.is_common_word(first)


def _own(f: Facility, inner: list[int], located: Sequence[tuple[int, int, Place, float]], text: str,
         gaz: Gazetteer | None) -> tuple[int, int, Place, float] | None:
    """The town a facility's name starts with (مطار حلب, "Entebbe International Airport"), or ``None``:
    a town further inside the name is a person's name ("Sarah Bush Lincoln Hospital", مستشفى نبيه بري) and an
    everyday word is no place ("Hope Hospital")."""
    if not inner:
        return None
    k = located[inner[0]]
    if k[2].kind not in ("city", "town"):
        return None
    lead = text[f.name_fs:k[0]].split()
    if any(w not in _DIRECTIONS and w not in _SETTLEMENT_HEADS_AR and w != "royal" for w in lead):
        # (قلعة مدينة القدس; "Royal Brisbane and Women's Hospital", as British and Australian hospitals are named)
        return None
    word = text[k[0]:k[1]]
    if gaz is not None and " " not in word and not is_arabic(word) and gaz.is_common_word(word) \
            and not any(o[2].place_id == k[2].place_id and o[0] != k[0] for o in located):
        # (an Arabic town that is also a word, مرفأ صيدا, was already weighed by resolution; a town the statement
        # also names on its own, its dateline "PALESTINE, Texas", is that town: "Palestine Regional Medical Center")
        return None
    return k


def _said_country(f: Facility, starts: list[int], located: Sequence[tuple[int, int, Place, float]],
                  text: str) -> str | None:
    """The country a country or a first-level division written right after facility ``f`` as its location lies in
    ("the Zika Forest of Uganda", "X Hospital in Kenya", مستشفى X في لبنان), or ``None``."""
    k = bisect_left(starts, f.fe)
    if k < len(located) and located[k][0] - f.fe <= 16 and located[k][2].kind in ("country", "admin1") \
            and _LOCATED_AFTER_RE.fullmatch(text[f.fe:located[k][0]]) and text[f.fe:located[k][0]].strip():
        return located[k][2].country_code
    return None


def _elsewhere(anchor: tuple[int, int, Place, float], inner: list[int],
               located: Sequence[tuple[int, int, Place, float]], per_country: dict[str, int]) -> bool:
    """Whether a town found near a facility (or inside its name) lies in a country the statement is not about:
    nothing else the statement names is in that country, while another country is named at least twice.

    A town named once in passing ("flights from Paris", a namesake abroad read from a word of the name) is
    then no anchor: an approximate point hundreds of kilometres away is worse than an unlocated name, which
    the map lists apart. A one-town local story has no other country named twice, so its town still anchors.
    """
    cc = anchor[2].country_code
    others = per_country.get(cc, 0) - 1 - sum(1 for k in inner if located[k] is not anchor
                                               and located[k][2].country_code == cc)
    return others <= 0 and any(n >= 2 for c, n in per_country.items() if c != cc)


def _statements_country(anchor: tuple[int, int, Place, float], inner: list[int],
                        located: Sequence[tuple[int, int, Place, float]], per_country: dict[str, int]) -> bool:
    """Whether the town inside a facility's name lies in a country the statement is about: one it names outside
    the facility's name too, or the one it names most."""
    cc = anchor[2].country_code
    others = per_country.get(cc, 0) - sum(1 for k in inner if located[k][2].country_code == cc)
    return others >= 1 or per_country.get(cc, 0) >= max(per_country.values())


def place_facilities(found: Sequence[Facility], located: Sequence[tuple[int, int, Place, float]],
                     folded: Folded, sentence_of: Callable[[int], int], gaz: Gazetteer | None = None,
                     features: Sequence[tuple[int, int, tuple[int, ...]]] = ()) -> tuple[list[Placed], set[int]]:
    """Place each facility, and say which located mentions (indices into ``located``: folded start, end,
    place, confidence, in text order) were names inside a facility and are no mentions of their own.
    ``sentence_of`` gives the sentence number of a folded offset; ``features`` are natural features the
    gazetteer read in the text but resolution left out (folded start, end, place indices): a river, lake or
    mountain written with its head noun takes the one nearest the place the statement names there.

    A facility is placed at the town its name starts with when its cue says so (a port, an airport, a
    hospital); otherwise, and for those without such a town, at the town written right after it as its
    location ("in Fort Worth", في حلب), else at the nearest town named before it in its sentence, else later
    in its sentence, else in the two sentences before; else at the town its name starts with; else it stays
    unlocated. Never at a town named further away in the text (a dateline, a bigger town named elsewhere),
    except a district or county, which goes to the town the statement names most (a local story's county);
    never at a town (found near it or inside its name) of a country the statement is otherwise not about
    (:func:`_elsewhere`).
    A river, lake or mountain the gazetteer has by that name near the town found is that feature."""
    out: list[Placed] = []
    inside: set[int] = set()
    text = folded.text
    starts = [fs for fs, _, _, _ in located]  # in text order
    # A town whose name starts a street's name is no anchor for the facilities around it: "Oxford Road" in
    # Manchester says nothing of Oxford (the street itself is still placed by its own name: _own).
    in_street = {k for f in found if f.kind == "street" for k, (fs, fe, _, _) in enumerate(located)
                 if f.name_fs <= fs and fe <= f.name_fe}
    towns = [k for k, (_, _, p, _) in enumerate(located) if p.kind in ("city", "town") and k not in in_street]
    town_starts = [located[k][0] for k in towns]
    # The town the statement names most (ties: the first named), for districts and to choose among natural
    # features of one name only (never to place a facility approximately): computed once.
    counts: dict[str, list[int]] = {}
    for k in towns:
        counts.setdefault(located[k][2].place_id, []).append(k)
    main = located[max(counts.values(), key=lambda ks: (len(ks), -ks[0]))[0]] if counts else None
    # Mentions per country, to keep an approximate placement in the countries the statement is about.
    per_country: dict[str, int] = {}
    for _, _, p, _ in located:
        per_country[p.country_code] = per_country.get(p.country_code, 0) + 1
    # The town written right after each facility as its location; Arabic facilities joined by و share the
    # location written after the last of them (مقام النبي يونس وضريح الشيخ معروف في بغداد).
    said_town: list[tuple[int, int, Place, float] | None] = [None] * len(found)
    for i in range(len(found) - 1, -1, -1):
        f = found[i]
        t = bisect_left(town_starts, f.fe)
        if t < len(towns) and town_starts[t] - f.fe <= 16 and _LOCATED_AFTER_RE.fullmatch(text[f.fe:town_starts[t]]) \
                and sentence_of(town_starts[t]) == sentence_of(f.fs) \
                and not (f.cue_word in _MANY and i + 1 < len(found) and found[i + 1].cue_word == f.cue_word
                         and found[i + 1].fs <= town_starts[t] < found[i + 1].fe):
            # (the next name of a list under one plural head is no location: "Mosul, Sinjar and Tal Afar districts")
            said_town[i] = located[towns[t]]
        elif (b := bisect_left(town_starts, f.fs) - 1) >= 0 \
                and _POSSESSIVE_RE.fullmatch(text, located[towns[b]][1], f.fs):
            said_town[i] = located[towns[b]]  # "Toronto's Pearson International Airport"
        elif _long_road(f) and t < len(towns) and town_starts[t] - f.fe <= _STRETCH_CHARS \
                and _STRETCH_RE.search(text, f.fe, town_starts[t]) and sentence_of(town_starts[t]) == sentence_of(f.fs):
            said_town[i] = located[towns[t]]  # "the Bruce Highway remains closed north of Caboolture"
        elif i + 1 < len(found) and is_arabic(f.cue_word) and _JOINED_AR_RE.fullmatch(text[f.fe:found[i + 1].fs]):
            said_town[i] = said_town[i + 1]
    for i, f in enumerate(found):
        if (f.cue_word in _WATER_WORDS_AR or f.cue_word == _ON_AR) and gaz is not None \
                and not (f.cue_word in LANDFORM_KINDS_AR and f.kind == "region"):
            # The bare name of a feature after a word of water: the feature of that name, the most prominent if several.
            # (one beside a country the statement names: مجرى الأمور "the course of things" in a story from Palestine
            # is no Amur, على بير "at a well" no Bear River)
            refs = [j for fs, fe, rs in features if (fs, fe) == (f.fs, f.fe) for j in rs if gaz.kind(j) == f.kind
                    and _near_named_country(gaz, j, per_country)]
            if refs:
                feature = gaz.place(max(refs, key=gaz.population))
                out.append(Placed(f.fs, f.fe, feature, 0.6, f"{f.kind} read by its bare name after {f.cue_word!r}, a "
                                  f"word of water; the {f.kind} of that name in the gazetteer", f.kind))
            continue  # (no such feature near: the word stays a word)
        # (from the cue on: the matcher may have read the cue with the town, ميناء الفاو, inside ميناء الفاو الكبير)
        lo = bisect_left(starts, f.fs)
        if lo and f.name_fs < located[lo - 1][1] <= f.name_fe and text[located[lo - 1][0]:f.name_fs] == "the ":
            lo -= 1  # a name read with the article before the facility's name: "the Emirates" of "the Emirates Stadium"
        inner = [k for k in range(lo, bisect_left(starts, f.name_fe)) if located[k][1] <= f.name_fe]
        os_, oe = folded.span(f.fs, f.fe)
        surface = folded.original[os_:oe]
        county = _named_county(f, text, located, main[2] if main is not None else None, gaz) \
            if gaz is not None and f.cue_word in _COUNTIES else None
        if county is not None:
            # "Weld and Larimer counties", "Placer and Nevada counties": each name with the head word is a county
            # the gazetteer has (not the state Nevada, not a town); the name inside is no mention of its own.
            inside.update(inner)
            out.append(Placed(f.fs, f.fe, county, 0.8, f"district cue {f.cue_word!r}; {county.name} in the gazetteer",
                              f.kind))
            continue
        if inner and located[inner[0]][:2] == (f.name_fs, f.name_fe) and located[inner[0]][2].kind == f.kind \
                and f.kind in NATURAL_KINDS:
            continue  # the gazetteer's feature, read by its name: "the Tigris and Euphrates rivers"
        if inner and located[inner[0]][2].kind in _FACILITY_KINDS and located[inner[0]][1] >= f.name_fe \
                and (f.cue_word in _CROSSINGS_EN or f.cue_word in _CROSSINGS_AR):
            continue  # the gazetteer's camp or crossing, read by its name: "the Bab al-Salam and Bab al-Hawa crossings"
        if f.cue_word == _ANCIENT_BARE_AR and not inner:
            continue  # السور الأثري "the ancient wall": no place's name before the adjective
        if inner and located[inner[0]][2].kind not in ("city", "town") and f.cue_word not in _ANCIENT_CUES_AR:
            # (بابل الأثرية is the ancient site, not the governorate named after it)
            if f.town_only or (located[inner[0]][2].kind in ("country", "admin1", "region")
                               and located[inner[0]][:2] == (f.name_fs, f.name_fe)
                               and not (f.kind in NATURAL_KINDS and is_arabic(f.cue_word))
                               and f.cue_word not in _LANDFORMS
                               and f.kind not in ("street", "locality")
                               and not (f.kind == "facility" and is_arabic(f.cue_word) and f.cue_word not in _AMBIGUOUS
                                        and f.cue_word not in _CROSSINGS_AR)) \
                    or (f.cue_word == _ROAD_AR and located[inner[0]][2].kind in NATURAL_KINDS
                        and located[inner[0]][:2] == (f.name_fs, f.name_fe)):
                continue  # منطقة عسير is the province; منطقة الخليج a region; طريق رأس الرجاء الصالح "the Cape route"
            # (شارع الجزائر, شارع لبنان, "Lombardy Drive": a street named after a country or a division is the
            # street, not the place; حي الجزائر, حي لبنان a quarter of a town, whatever town names none; فندق فلسطين,
            # متحف قطر a hotel and a museum: a cue that is no everyday word makes a building of a country's name)
            # (وادي حضرموت is a valley, not the province it gives its name to: the feature, unlocated unless the
            # text says where)
            # (nor "the Zambezi Valley" the province, "Victoria Island" the state: a landform's head makes the name the
            # landform)
        if f.cue_word in _ISLAND_CUES_AR and inner and located[inner[0]][2].kind in ("country", "admin1") \
                and located[inner[0]][0] == f.name_fs:
            continue  # جزر البحرين, جزيرة صقلية: an island state or region is the division (the matcher's reading)
        if f.cue_word in _LANDFORMS and inner and located[inner[0]][2].kind == "region" \
                and located[inner[0]][1] == f.name_fe:
            # A region of the name is the landform itself ("the Sinai Peninsula" is the Sinai, "the Golan Heights" the
            # Golan): that region, quoted with the head.
            inside.update(inner)
            out.append(Placed(f.fs, f.fe, located[inner[0]][2], located[inner[0]][3],
                              f"{f.kind} cue {f.cue_word!r}; the region of that name in the gazetteer", f.kind))
            continue
        if f.town_only and not inner:
            continue
        if f.cue_word in _SEAT_UNITS_AR and (located[inner[0]][:2] != (f.name_fs, f.name_fe)
                                             or located[inner[0]][2].country_code != _SEAT_UNITS_AR[f.cue_word]
                                             or text.startswith(" لل", f.name_fe)):
            # مركز شرطة ملوي, مركز دمشق للأبحاث, مركز الإسكندرية للكتاب ("the Alexandria centre for the book"): a
            # centre, not Egypt's markaz (nor a daira outside Algeria)
            continue
        if f.cue_word in _ANCIENT_CUES_AR and inner and located[inner[0]][2].kind in ("city", "town") \
                and per_country[located[inner[0]][2].country_code] > sum(
                    1 for k in inner if located[k][2].country_code == located[inner[0]][2].country_code):
            # مدينة حلب الأثرية: the ancient city of a town in a country the statement names apart is that town (a
            # namesake abroad read from an ancient name, مدينة أور, is not)
            continue
        if f.cue_word in LANDFORM_KINDS_AR and (not inner or located[inner[0]][2].kind in NATURAL_KINDS) \
                and not (not inner and _named_plain_ar(f, text, gaz)):
            # حوض المتوسط, حوض بحيرة تشاد: the sea's, the lake's basin is read as the water; and the heads are everyday
            # nouns before anything but a place's name (حوض السباحة "the swimming pool", سهل "easy")
            continue
        inside.update(inner)
        # A town read from the whole phrase ("the Salt River", a town's alternate name) is the feature's too.
        inside.update(k for k in range(lo, min(len(located), lo + 3)) if located[k][:2] == (f.fs, f.fe))
        own = _own(f, inner, located, text, gaz)
        if own is not None and f.kind in NATURAL_KINDS and per_country[own[2].country_code] <= sum(
                1 for k in inner if located[k][2].country_code == own[2].country_code):
            # "the Juba River flooded farms in Somalia": a river, lake or mountain is seldom at the town it shares its
            # name with; that town places it only in a country the statement names apart from the feature's name
            own = None
        if own is not None and f.cue_word in _CROSSINGS_EN and own[1] < f.name_fe:
            own = None  # a crossing is at the town it is named after, not at one its name starts with (Bab al-Salam)
        sent = sentence_of(f.fs)
        near = None
        said = False  # the text says where it is: "in Fort Worth", في حلب right after the name
        t = bisect_left(town_starts, f.fe)
        if said_town[i] is not None:
            near, said = said_town[i], True
        if near is None:
            b = bisect_left(town_starts, f.fs) - 1
            while b >= 0 and towns[b] in inner:
                b -= 1
            s_b = sentence_of(town_starts[b]) if b >= 0 else -2
            if s_b == sent:
                near = located[towns[b]]
            elif t < len(towns) and sentence_of(town_starts[t]) == sent:
                near = located[towns[t]]  # later in its sentence: "the Red River crested ... in Fargo"
            elif b >= 0 and s_b >= sent - _SENTENCES_BACK:
                near = located[towns[b]]
        if near is not None and not said and (
                (cc := _said_country(f, starts, located, text)) is not None and near[2].country_code != cc):
            near = None  # "the Zika Forest of Uganda": the text says the country; a town of another is no anchor
        if near is not None and not said and _elsewhere(near, inner, located, per_country):
            near = None
        if _long_road(f) and not said:
            # A highway runs through many towns, and is seldom named after one it is in ("the Bruce Highway", "U.S.
            # Highway 82"): only the text saying where places it ("closed north of Bendigo"); else it is listed
            # unlocated rather than as a dot at whichever town the statement named nearby.
            near = own = None
        if (f.cue_word in _WIDE_LANDFORMS or (f.kind in NATURAL_KINDS and len(counts) > 1)) and not said \
                and (near is None or sentence_of(near[0]) != sent):
            # (a lake, a river or a mountain too, where the statement names several towns, is placed by a town of its
            # own sentence only: "visitors at Lake Nakuru" is not at the Somali town two sentences back; a one-town
            # local story's river is at its town)
            # A valley, a basin, a delta or an archipelago spans many towns and is seldom named after one it is in
            # ("the Aleutian Islands", "the Canaan Valley"): the town its name starts with ("the Las Vegas Valley"),
            # the division it shares its name with, or the text saying where places it; else it is listed unlocated.
            near = None
        if f.cue_word in _HOSPITALS_EN and not said and len(counts) > 1:
            # Patients are taken to a hospital from elsewhere ("moved from Gaza City to Nasser Hospital"): where the
            # statement names several towns, a town merely near the hospital's name does not place it; a one-town
            # local story's hospital is at its town.
            near = None
        if f.cue_word in _OWN_PLACE_ONLY_EN and not said:
            # The towns named around an airport are where its flights come from or go ("Mitiga International Airport
            # suspended flights, and planes were diverted to Misrata"): only the town its name starts with, or the one
            # the text says it is in, places it.
            near = None
        if is_arabic(f.cue_word) and not said:
            # Arabic news names many towns, a dateline and places abroad around a facility: only evidence that ties
            # the facility to a town places it (the town its name starts with, in a country the statement is
            # about, for a port, an airport, a hospital or a district; or a town written right after it, في مدينة
            # X). A town merely near it in the text is no such evidence: the facility is listed unlocated.
            near = None
            if own is not None and (not f.name_first or not _statements_country(own, inner, located, per_country)):
                own = None  # (a street or a mosque named after a town is seldom in it: شارع بغداد in Damascus)
        if own is not None and _elsewhere(own, inner, located, per_country):
            # The town its name starts with lies in a country the statement is not about (a namesake abroad, or
            # a statement about elsewhere): no context town stands in for it either, unless the text says where.
            own = None
            if not said:
                near = None
        if f.kind == "cape" or f.cue_word in _OPEN_SEAS or f.cue_word in _DAMS or f.cue_word in _FIELDS \
                or f.cue_word in _SITES_AR:
            # A sea, a strait, a gulf or a cape is no town's: a dot at the town named near it (a dateline, a port on
            # another shore) would be wrong by hundreds of kilometres; the gazetteer's feature of that name, or
            # unlocated. (A bay or an inlet is a town's own: "Mahim Bay" in Mumbai, خور عبد الله by Umm Qasr.)
            # A dam is named after the town or the river nearest it but lies in a valley tens of kilometres away
            # (the Mosul Dam is 50 km north of Mosul): no dot at the town either.
            near = own = None
        if f.cue_word in _DISTRICTS_ABROAD_EN and not said and own is None:
            near = None  # ("the Masisi and Rutshuru territories": Masisi is no town of the gazetteer's: unlocated)
        elif near is None and f.kind == "district" and main is not None and not is_arabic(f.cue_word):
            # A district or county with no town near it: the statement's main town (a local story's county)
            near = main
        anchor, how = None, ""
        if own is not None and (f.name_first or near is None):
            anchor, how = own, "the place named in it"
        elif near is not None:
            anchor, how = near, "the nearest place the statement names"
        if anchor is None and f.cue_word in _LANDFORMS and inner \
                and located[inner[0]][:2] == (f.name_fs, f.name_fe) \
                and located[inner[0]][2].kind in _LANDFORM_ANCHOR_KINDS:
            # No town says where "the Tibesti Plateau" is: the division it shares its name with holds it or most of it
            # (not a country: "the Jordan Valley" is at Jordan's border, far from its point).
            anchor, how = located[inner[0]], "the division it shares its name with"
        word = f"{f.kind} cue {f.cue_word!r}"
        if anchor is None and gaz is not None and f.kind in NATURAL_KINDS and features and main is not None:
            # No town near it: the gazetteer's feature of that name near the statement's main town ("the
            # Sacramento River" in a story from Sacramento) is still that feature; a namesake far away is not.
            feature = _nearest_feature(f, features, main[2], gaz)
            if feature is not None:
                out.append(Placed(f.fs, f.fe, feature, 0.4,
                                  f"{word}; the {feature.kind} of that name nearest {main[2].name}, the place "
                                  f"the statement names most", f.kind))
                continue
        if anchor is None:
            out.append(Placed(f.fs, f.fe, None, 0.5, f"{word} with a name not in the gazetteer", f.kind))
            continue
        if gaz is not None and f.kind in NATURAL_KINDS and features:
            feature = _nearest_feature(f, features, anchor[2], gaz)
            if feature is not None:
                out.append(Placed(f.fs, f.fe, feature, round(min(anchor[3], 0.6), 3),
                                  f"{word}; the {feature.kind} of that name nearest {anchor[2].name}, {how}", f.kind))
                continue
        place = _approximate(f, surface, anchor[2])
        conf = round(min(anchor[3], 0.5 if how.startswith("the place named") else 0.4), 3)
        out.append(Placed(f.fs, f.fe, place, conf,
                          f"{word}; not in the gazetteer; placed approximately at {anchor[2].name}, {how}", f.kind))
    return out, inside


#: Plural heads of counties ("Weld and Larimer counties"): each name before one, with "County", is a county's name.
_COUNTIES = frozenset({"counties"})
#: How far (degrees, about 400 km) a county of that name may lie from the place the statement names there.
_COUNTY_NEAR_DEG = 4.0


def _named_county(f: Facility, text: str, located: Sequence[tuple[int, int, Place, float]], anchor: Place | None,
                  gaz: Gazetteer) -> Place | None:
    """The county the gazetteer has as ``f``'s name + "County", among namesakes the one in a state the statement
    names, else the one nearest ``anchor`` (the town it is placed by); ``None`` if none or none decides."""
    key = (*text[f.name_fs:f.name_fe].split(), "county")
    cands = sorted({r.place_index for r in gaz.refs(key) if gaz.kind(r.place_index) == "district"})
    if not cands:
        # Kenya's and Liberia's counties are their first-level divisions: "Garissa and Wajir counties" in a
        # statement that names Kenya are the divisions of that name (not the towns they are named after). Only
        # names in a list: "10 Kentucky counties" are a state's counties.
        before, after = text[:f.name_fs].rstrip(), text[f.name_fe:].lstrip()
        if not before.endswith((",", " and")) and after.startswith(f.cue_word):
            return None
        # (the country named, or that of a place the statement locates: the towns the counties are named after)
        ccs = {p.country_code for _, _, p, _ in located}
        divisions = sorted({r.place_index for r in gaz.refs(key[:-1]) if r.name_type != ALT
                            and gaz.kind(r.place_index) == "admin1" and gaz.country_code(r.place_index) in ccs})
        return gaz.place(divisions[0]) if len(divisions) == 1 else None
    states = {p.place_id.partition(":")[2] for _, _, p, _ in located if p.kind == "admin1"}
    stated = [i for i in cands if f"{gaz.country_code(i)}-{gaz.admin1_code(i)}" in states]
    if len(stated) == 1:
        return gaz.place(stated[0])
    pool = stated or cands
    if anchor is not None:
        def deg(i: int) -> float:
            lat, lon = gaz.latlon(i)
            return max(abs(lat - anchor.lat), abs(lon - anchor.lon) * math.cos(math.radians(anchor.lat)))
        best = min(pool, key=deg)
        if deg(best) <= _COUNTY_NEAR_DEG:
            return gaz.place(best)
    return gaz.place(pool[0]) if len(pool) == 1 and not states else None


def _nearest_feature(f: Facility, features: Sequence[tuple[int, int, tuple[int, ...]]], anchor: Place,
                     gaz: Gazetteer) -> Place | None:
    """The gazetteer's feature of ``f``'s kind read inside ``f``'s span that lies nearest ``anchor``, if near."""
    best, best_d = None, _FEATURE_NEAR_DEG
    for fs, fe, refs in features:
        if f.fs <= fs and fe <= f.fe:
            for i in refs:
                if gaz.kind(i) != f.kind:
                    continue
                lat, lon = gaz.latlon(i)
                d = max(abs(lat - anchor.lat), abs(lon - anchor.lon) * math.cos(math.radians(anchor.lat)))
                if d < best_d:
                    best, best_d = i, d
    return gaz.place(best) if best is not None else None
