"""Write the ``historical`` rows of ``data/regions.csv``: historical and cultural regions as lists of today's units.

Regions that no state or division is named after but that news and history still name: al-Andalus (الأندلس),
the Hejaz (الحجاز), Najd (نجد), Transoxiana (ما وراء النهر), Mesopotamia (بلاد الرافدين), the Holy Land (الأرض
المقدسة), Greater Khorasan (خراسان), Anatolia (الأناضول), Nubia (النوبة), Cyrenaica (برقة),
Fezzan (فزان), Tripolitania, the Fertile Crescent (الهلال الخصيب), Upper Egypt (صعيد مصر), Kordofan (كردفان),
Kabylie (منطقة القبائل), the Trucial Coast, Transylvania, Provence, Alsace, Lorraine, Castile; regions of a
country (the Syrian coast, the North Caucasus, Siberia, New England, the Midwest, the Pacific Northwest); breakaway
and federal regions (Azawad, Somaliland, Puntland, South Ossetia).

Each is **approximated** by the countries (ISO 3166-1 alpha-2) or first-level divisions (ISO 3166-2) that cover it
today, listed in :data:`HISTORICAL` with the definition used (the region's extent as its Wikipedia/Wikidata article
describes it, CC BY-SA/CC0; facts only). A member marked ``*`` is the region's core, where its map point is
(Andalusia for al-Andalus, Makkah province for the Hejaz, Samarkand for Transoxiana); a region without one (New
England, Nubia) is placed at the middle of its area. The gazetteer (``geo/gazetteer/sources/regions.py``)
draws it as the union of their outlines, as for the ``world`` rows (members written as place ids, ``country:ES``,
``admin1:ES-AN``; ``cc`` is the members' country when they share one), and says in its source that it is
approximate. An old name of a country (Persia, بلاد فارس) is the country's alias in
``data/countries.csv``, not a region here. Names are the English and Arabic Wikidata labels and the usual
alternatives. A name that is an everyday word (نجد "we find", القبائل "the tribes", الصعيد "level"; برقة is also
a Palestinian village) is given only in a form that is no word, with its head (هضبة نجد, منطقة القبائل), which
``tests/test_regions.py`` checks against wordfreq.

Usage (from the repository root)::

    .venv/bin/python data/tools/historical_regions.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from regions_table import OUT, ROOT, member_codes, write_scheme  # noqa: E402

#: (id, English name, Arabic name, English aliases, Arabic aliases, member codes, definition).
HISTORICAL: list[tuple[str, str, str, list[str], list[str], str, str]] = [
    ("al-andalus", "al-Andalus", "الأندلس", ["Al-Andalus", "Moorish Spain", "Muslim Spain"], ["بلاد الأندلس"],
     "*ES-AN ES PT", "historical: the Muslim-ruled Iberian Peninsula (711-1492), centred on Córdoba; approximated "
     "by Spain and Portugal"),
    ("hejaz", "the Hejaz", "الحجاز", ["Hejaz", "Hijaz", "Hedjaz"], ["بلاد الحجاز", "منطقة الحجاز", "إقليم الحجاز"],
     "*SA-02 SA-03 SA-07 SA-11", "historical: the Red Sea coast and mountains of Arabia from Aqaba to Asir; "
     "approximated by Saudi Arabia's Makkah, Madinah, Tabuk and Al-Bahah provinces"),
    ("najd", "Najd", "هضبة نجد", ["Nejd", "the Najd"], ["منطقة نجد", "بلاد نجد", "إقليم نجد", "نجد العارض"],
     "*SA-01 SA-05 SA-06", "historical: the central plateau of Arabia; approximated by Saudi Arabia's Riyadh, "
     "Al-Qassim and Ha'il provinces"),
    ("transoxiana", "Transoxiana", "ما وراء النهر", ["Transoxania", "Mawarannahr", "Mawara'an-nahr"],
     ["بلاد ما وراء النهر", "ماوراء النهر"],
     "*UZ-SA UZ TJ", "historical: the land between the Amu Darya and the Syr Darya, centred on Samarkand; approximated "
     "by Uzbekistan and "
     "Tajikistan"),
    ("mesopotamia", "Mesopotamia", "بلاد الرافدين", ["Ancient Mesopotamia"],
     ["بلاد ما بين النهرين", "ما بين النهرين", "وادي الرافدين", "أرض الرافدين", "بلاد وادي الرافدين"],
     "*IQ", "historical: the land between the Tigris and the Euphrates; approximated by Iraq"),
    ("holy-land", "the Holy Land", "الأرض المقدسة", ["Holy Land"], ["الأراضي المقدسة"],
     "IL PS", "historical: the land of the Bible between the Jordan and the Mediterranean; approximated by Israel "
     "and Palestine"),
    ("greater-khorasan", "Greater Khorasan", "بلاد خراسان", ["Khorasan", "Khurasan", "Khorassan"],
     ["خراسان", "خراسان الكبرى", "إقليم خراسان"],
     "AF TM IR-09 IR-28 IR-29", "historical: the eastern province of the caliphates; approximated by Afghanistan, "
     "Turkmenistan and Iran's three Khorasan provinces"),
    ("anatolia", "Anatolia", "الأناضول", ["Asia Minor"],
     ["آسيا الصغرى", "بلاد الأناضول", "هضبة الأناضول", "بلاد الروم"],
     "*TR", "historical: the Asian peninsula of Turkey; approximated by Turkey"),
    ("nubia", "Nubia", "بلاد النوبة", [], ["منطقة النوبة"],
     "EG-ASN SD-NO", "historical: the Nile valley from Aswan to the confluence at Khartoum; approximated by Egypt's "
     "Aswan governorate and Sudan's Northern state"),
    ("cyrenaica", "Cyrenaica", "إقليم برقة", ["Barqa"], ["منطقة برقة", "برقة الليبية"],
     "*LY-BA LY-BU LY-DR LY-JA LY-MJ LY-KF LY-WA",
     "historical: Libya's eastern province; approximated by its eastern districts, Benghazi to Kufra"),
    ("fezzan", "Fezzan", "فزان", ["Fazzan", "Fezan"], ["إقليم فزان", "منطقة فزان"],
     "*LY-SB LY-MQ LY-GT LY-WD LY-WS",
     "historical: Libya's southwestern province; approximated by Sabha, Murzuq, Ghat and the two Wadi districts"),
    ("tripolitania", "Tripolitania", "إقليم طرابلس الغرب", [], [],
     "*LY-TB LY-JI LY-ZA LY-NQ LY-NL LY-JG LY-MB LY-MI LY-SR",
     "historical: Libya's northwestern province; approximated by its northwestern districts, Nalut to Sirte"),
    ("fertile-crescent", "the Fertile Crescent", "الهلال الخصيب", ["Fertile Crescent"], [],
     "SY IQ LB JO IL PS", "historical: the arc of farmland from the Nile to the Gulf; approximated by Iraq, Syria, "
     "Lebanon, Jordan, Israel and Palestine"),
    ("upper-egypt", "Upper Egypt", "صعيد مصر", [], ["جنوب الصعيد", "الوجه القبلي", "صعيد مصر الأعلى"],
     "EG-AST EG-BNS EG-FYM EG-MN EG-SHG EG-KN EG-LX EG-ASN",
     "cultural: the Nile valley south of Cairo; approximated by the governorates from Beni Suef and Faiyum to Aswan"),
    ("kordofan", "Kordofan", "كردفان", ["Greater Kordofan"], ["إقليم كردفان", "منطقة كردفان"],
     "SD-KN SD-KS SD-GK", "historical: Sudan's former central province; approximated by its three Kordofan states"),
    ("kabylie", "Kabylie", "منطقة القبائل", ["Kabylia", "Kabylia region"], ["بلاد القبائل", "منطقة القبائل الكبرى"],
     "DZ-15 DZ-06 DZ-10", "cultural: the Berber mountain country east of Algiers; approximated by the Tizi Ouzou, "
     "Béjaïa and Bouira provinces"),
    ("azawad", "Azawad", "أزواد", [], ["إقليم أزواد", "منطقة أزواد"],
     "*ML-7 ML-6 ML-8 ML-9 ML-10", "breakaway region: the north of Mali claimed in 2012; approximated by the "
     "Timbuktu, Gao, Kidal, Ménaka and Taoudénit regions"),
    ("somaliland", "Somaliland", "أرض الصومال", ["Republic of Somaliland"], ["صوماليلاند", "إقليم أرض الصومال"],
     "*SO-WO SO-AW SO-TO SO-SA SO-SO", "breakaway region: the north-west of Somalia (self-declared state since "
     "1991); approximated by the Awdal, Woqooyi Galbeed, Togdheer, Sanaag and Sool regions"),
    ("puntland", "Puntland", "بونتلاند", [], ["ولاية بونتلاند", "إقليم بونتلاند"],
     "*SO-NU SO-BR", "federal member state: Somalia's north-east; approximated by the Nugal and Bari regions"),
    ("south-ossetia", "South Ossetia", "أوسيتيا الجنوبية", ["Tskhinvali Region", "South Ossetian region"],
     ["جنوب أوسيتيا", "إقليم أوسيتيا الجنوبية"],
     "GE-SK", "breakaway region: north of Georgia's Shida Kartli around Tskhinvali (Russian-backed since 2008); "
     "approximated by Shida Kartli"),
    ("siberia", "Siberia", "سيبيريا", [], ["منطقة سيبيريا", "إقليم سيبيريا"],
     "RU-TYU RU-KHM RU-YAN RU-OMS RU-TOM RU-NVS RU-ALT RU-AL RU-KEM RU-KK RU-TY RU-KYA RU-IRK RU-BU RU-ZAB RU-SA",
     "cultural: Russia east of the Urals to the Far East's coast; approximated by the subjects of the Siberian "
     "Federal District, the Tyumen oblast and its two okrugs, and Sakha"),
    ("trucial-coast", "the Trucial Coast", "الساحل المتصالح", ["Trucial Coast", "Trucial States", "Trucial Oman"],
     ["الإمارات المتصالحة", "ساحل عمان المتصالح"],
     "AE", "historical: the British-protected sheikhdoms of the Gulf coast (1820-1971), today the United Arab "
     "Emirates"),
    ("provence", "Provence", "بروفانس", [], ["إقليم بروفانس", "منطقة بروفانس"],
     "*FR-PAC", "historical: the old province of south-eastern France; approximated by Provence-Alpes-Côte d'Azur"),
    ("alsace", "Alsace", "الألزاس", [], ["إقليم الألزاس", "منطقة الألزاس"],
     "FR-GES", "historical: the Rhine plain of north-eastern France (a region until 2016); approximated by Grand Est"),
    # "Lorraine" alone is also a given name (wordfreq Zipf 3.5), لورين too: only the forms below.
    ("lorraine", "Lorraine Region", "اللورين", [], ["إقليم اللورين", "منطقة اللورين"],
     "FR-GES", "historical: the Moselle and Meuse country of north-eastern France (a region until 2016); "
     "approximated by Grand Est"),
    ("castile", "Castile", "قشتالة", ["Castilla"], ["مملكة قشتالة", "إقليم قشتالة"],
     "*ES-CL ES-CM", "historical: the kingdom of central Spain; approximated by Castile and León and "
     "Castilla-La Mancha"),
    ("transylvania", "Transylvania", "ترانسيلفانيا", [], ["إقليم ترانسيلفانيا", "منطقة ترانسيلفانيا"],
     "RO-CJ RO-AB RO-BN RO-BV RO-CV RO-HD RO-HR RO-MS RO-SB RO-SJ",
     "historical: the plateau inside the Carpathian arc; approximated by Romania's ten Transylvanian counties"),
]


def make_rows() -> list[dict[str, str]]:
    """The ``historical`` rows of ``data/regions.csv``; every member code is checked against pycountry."""
    import pycountry

    rows = []
    for rid, name_en, name_ar, aliases_en, aliases_ar, members, definition in HISTORICAL:
        for code in members.replace("*", "").split():
            ok = (pycountry.subdivisions.get(code=code) if "-" in code else pycountry.countries.get(alpha_2=code))
            if ok is None:
                raise SystemExit(f"{rid}: {code} is no ISO 3166 code in pycountry")
        ccs = {code.removeprefix("*").split("-")[0] for code in members.split()}
        rows.append({"id": rid, "name_en": name_en, "name_ar": name_ar, "aliases_en": "|".join(aliases_en),
                     "aliases_ar": "|".join(aliases_ar), "cc": ccs.pop() if len(ccs) == 1 else "",
                     "kind": "region", "members": member_codes(members), "definition": definition})
    return rows


def main() -> int:
    rows = make_rows()
    total = write_scheme("historical", rows)
    print(f"wrote {len(rows)} historical regions to {OUT.relative_to(ROOT)} ({total} rows in all)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
