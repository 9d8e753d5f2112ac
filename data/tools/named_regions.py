"""Write the ``named`` rows of ``data/regions.csv``: regions with a name but no government of their own, inside one
country.

Three kinds of row, as ``definition`` says:

* **US Census Bureau regions and divisions** and regions named by convention (New England, the Midwest, the
  Mid-Atlantic, the Pacific Northwest, the Deep South, the Upper Midwest, the American Southwest): their member
  states (``admin1:US-..``), from the Census Bureau's "Census Regions and Divisions of the United States"
  (public domain) or the usual listing (Wikipedia, cited as a reference for a fact);
* **regions of several first-level divisions elsewhere** (the North Caucasus, Northeast India): their member
  divisions (``admin1:..``) by their federal or council definition;
* **UK metropolitan counties and named parts of Britain** (Greater Manchester, West Yorkshire, Tyne and Wear,
  East Anglia, the West Country, the Scottish Highlands): their member units of ``data/uk_areas.csv``
  (``ukarea:..``; Local Government Act 1972 for the metropolitan counties);
* **Regions of the Arab world** Arabic news names every day (شرق الفرات، الغوطة الشرقية، القلمون، الأغوار،
  غلاف غزة، دلتا النيل): by a point, the Syrian coast by its governorates;
* **Named regions known by a point** (the Konkan, NEOM, Waziristan, Galilee, the Northern Rivers, Silicon Valley):
  an approximate point from Wikipedia's coordinates for the article (a fact), no members.

The gazetteer (``geo/gazetteer/sources/regions.py``) draws a region with members as the union of their
outlines (or at the mean of their points), so no geometry is committed. Arabic names are the ones Arabic news
uses; a name that is an everyday Arabic word (الريف "the countryside", الجليل "the glorious") is listed only
with its cue word (منطقة الريف). Usage (from the repository root)::

    .venv/bin/python data/tools/named_regions.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: The columns of a row as :data:`ROWS` gives them (``regions_table.FIELDS`` without ``scheme``).
FIELDS = ["id", "name_en", "name_ar", "aliases_en", "aliases_ar", "cc", "a1", "kind", "members", "lat", "lon",
          "definition"]

_CENSUS = "US Census Bureau, Census Regions and Divisions of the United States"


def _us(states: str) -> str:
    return " ".join(f"admin1:US-{s}" for s in states.split())


def _uk(units: str) -> str:
    return " ".join(f"ukarea:{u}" for u in units.split())


#: (id, English name, Arabic name, English aliases, Arabic aliases, country, division (a1), kind, members,
#: lat, lon, definition). Members or a point, never both. No name that holds a country's or a state's own name where
#: news writes that name for the state ("Far North Queensland", "US Midwest": the gold of news corpora is the state
#: or the country inside it, and the region is found by its own word, "Midwest").
ROWS: list[tuple[str, str, str, list[str], list[str], str, str, str, str, str, str, str]] = [
    # -- United States: Census divisions and conventional regions, as unions of states.
    ("new-england", "New England", "نيو إنجلاند", ["New England states"], ["نيو إنغلاند", "نيوإنجلاند"],
     "US", "", "region", _us("CT ME MA NH RI VT"), "", "", f"{_CENSUS}: division 1"),
    ("mid-atlantic", "Mid-Atlantic", "منطقة وسط الأطلسي", ["Middle Atlantic", "Mid-Atlantic states"], [],
     "US", "", "region", _us("NY NJ PA DE MD DC"),
     "", "", f"{_CENSUS}: division 2 (NY, NJ, PA) with DE, MD and DC as the name is commonly used"),
    ("midwest", "Midwest", "الغرب الأوسط الأمريكي",
     ["Middle West", "American Midwest"],
     ["الغرب الأوسط الأميركي", "الغرب الأوسط"], "US", "", "region",
     _us("IL IN MI OH WI IA KS MN MO NE ND SD"), "", "", f"{_CENSUS}: region 2 (Midwest)"),
    ("upper-midwest", "Upper Midwest", "", [], [], "US", "", "region", _us("MN WI MI IA ND SD"), "", "",
     "conventional: the northern states of the Census Midwest"),
    ("pacific-northwest", "Pacific Northwest", "شمال غرب المحيط الهادئ", [], ["شمال غرب المحيط الهادي"],
     "US", "", "region", _us("WA OR ID"), "", "", "conventional: Washington, Oregon and Idaho (US part)"),
    ("deep-south", "Deep South", "الجنوب العميق", ["American Deep South"], ["الجنوب الأمريكي العميق"],
     "US", "", "region", _us("AL GA LA MS SC"), "", "", "conventional: the five states of the Deep South"),
    ("american-southwest", "American Southwest", "الجنوب الغربي الأمريكي", [],
     ["الجنوب الغربي الأميركي"], "US", "", "region", _us("AZ NM"), "", "",
     "conventional core: Arizona and New Mexico"),
    ("bay-area", "San Francisco Bay Area", "منطقة خليج سان فرانسيسكو", ["Bay Area", "SF Bay Area"], [],
     "US", "", "region", "", "37.8272", "-122.2913", "point: Wikipedia, San Francisco Bay Area"),
    ("silicon-valley", "Silicon Valley", "وادي السيليكون", [], ["وادي السليكون"], "US", "", "region", "",
     "37.3875", "-122.0575", "point: Wikipedia, Silicon Valley"),
    # -- Regions of several first-level divisions elsewhere (their federal or council definition).
    ("north-caucasus", "North Caucasus", "شمال القوقاز", ["Northern Caucasus", "North Caucasian Federal District"],
     ["القوقاز الشمالي", "منطقة شمال القوقاز"], "RU", "", "region",
     "admin1:RU-DA admin1:RU-IN admin1:RU-KB admin1:RU-KC admin1:RU-SE admin1:RU-CE admin1:RU-STA", "", "",
     "the North Caucasian Federal District (Russian presidential decree of 19 January 2010): its seven subjects"),
    ("northeast-india", "Northeast India", "شمال شرق الهند", ["North East India", "North-East India",
                                                               "Northeastern India", "North-Eastern India"],
     ["شمال شرقي الهند", "الشمال الشرقي الهندي"], "IN", "", "region",
     "admin1:IN-AR admin1:IN-AS admin1:IN-MN admin1:IN-ML admin1:IN-MZ admin1:IN-NL admin1:IN-TR admin1:IN-SK", "",
     "", "the eight states of the North Eastern Council (North Eastern Council Act 1971, Sikkim added 2002)"),
    # -- Great Britain: metropolitan counties (Local Government Act 1972) and named parts, as unions of units.
    ("greater-manchester", "Greater Manchester", "مانشستر الكبرى", [], [], "GB", "ENG", "district",
     _uk("bolton bury manchester oldham rochdale salford stockport tameside trafford wigan"), "", "",
     "metropolitan county (Local Government Act 1972): its ten boroughs"),
    ("west-yorkshire", "West Yorkshire", "غرب يوركشير", [], [], "GB", "ENG", "district",
     _uk("bradford calderdale kirklees leeds wakefield"), "", "",
     "metropolitan county (Local Government Act 1972): its five boroughs"),
    ("south-yorkshire", "South Yorkshire", "جنوب يوركشير", [], [], "GB", "ENG", "district",
     _uk("barnsley doncaster rotherham sheffield"), "", "",
     "metropolitan county (Local Government Act 1972): its four boroughs"),
    ("tyne-and-wear", "Tyne and Wear", "تاين ووير", ["Tyne & Wear"], [], "GB", "ENG", "district",
     _uk("gateshead newcastle-upon-tyne north-tyneside south-tyneside sunderland"), "", "",
     "metropolitan county (Local Government Act 1972): its five boroughs"),
    ("greater-london", "Greater London", "لندن الكبرى", [], [], "GB", "ENG", "district", "",
     "51.5072", "-0.1275", "point: Wikipedia, Greater London"),
    ("east-anglia", "East Anglia", "أنجليا الشرقية", [], ["إيست أنجليا"], "GB", "ENG", "region",
     _uk("norfolk suffolk cambridgeshire"), "", "", "conventional: Norfolk, Suffolk and Cambridgeshire"),
    ("west-country", "West Country", "", [], [], "GB", "ENG", "region",
     _uk("cornwall devon somerset dorset"), "", "", "conventional core: Cornwall, Devon, Somerset and Dorset"),
    ("scottish-highlands", "Scottish Highlands", "المرتفعات الاسكتلندية", ["Highlands of Scotland"],
     ["مرتفعات اسكتلندا"], "GB", "SCT", "region", "", "57.4500", "-4.8000",
     "point: Wikipedia, Scottish Highlands"),
    ("cotswolds", "Cotswolds", "كوتسوولدز", [], [], "GB", "ENG", "region", "", "51.8330", "-1.8330",
     "point: Wikipedia, Cotswolds"),
    ("lake-district", "Lake District", "منطقة البحيرات", [], [], "GB", "ENG", "region", "", "54.5000",
     "-3.1600", "point: Wikipedia, Lake District"),
    # -- Australia: named regions of the states (points).
    ("northern-rivers", "Northern Rivers", "", ["Northern Rivers region"], [], "AU", "", "region", "",
     "-28.8100", "153.2800", "point: Wikipedia, Northern Rivers (New South Wales)"),
    ("new-england-nsw", "New England", "", ["New England region", "New England Tablelands"], [], "AU", "",
     "region", "", "-30.5000", "151.6500", "point: Wikipedia, New England (New South Wales)"),
    ("hunter-region", "Hunter Region", "", ["Hunter Valley"], [], "AU", "", "region", "", "-32.7000",
     "151.3000", "point: Wikipedia, Hunter Region"),
    ("riverina", "Riverina", "ريفيرينا", [], [], "AU", "", "region", "", "-34.8000", "146.0000",
     "point: Wikipedia, Riverina"),
    ("gippsland", "Gippsland", "جيبسلاند", [], [], "AU", "", "region", "", "-37.8000", "147.0000",
     "point: Wikipedia, Gippsland"),
    ("pilbara", "Pilbara", "بيلبارا", [], [], "AU", "", "region", "", "-21.5000", "118.5000",
     "point: Wikipedia, Pilbara"),
    # -- South Asia (points).
    ("konkan", "Konkan", "كونكان", ["Konkan coast", "Konkan region"], ["ساحل كونكان"], "IN", "", "region", "",
     "17.6000", "73.3000", "point: Wikipedia, Konkan (the coast of Maharashtra, Goa and Karnataka)"),
    ("vidarbha", "Vidarbha", "فيداربها", [], [], "IN", "", "region", "", "20.7000", "78.5000",
     "point: Wikipedia, Vidarbha"),
    ("marathwada", "Marathwada", "ماراثوادا", [], [], "IN", "", "region", "", "18.8000", "76.3000",
     "point: Wikipedia, Marathwada"),
    ("saurashtra", "Saurashtra", "سوراشترا", ["Kathiawar"], [], "IN", "", "region", "", "21.7000", "70.8000",
     "point: Wikipedia, Saurashtra (region)"),
    ("kutch", "Kutch", "كوتش", ["Kachchh"], [], "IN", "", "region", "", "23.5000", "69.8000",
     "point: Wikipedia, Kutch"),
    ("malabar", "Malabar Coast", "ساحل مالابار", ["Malabar region"], [], "IN", "", "region", "", "11.2500",
     "75.7800", "point: Wikipedia, Malabar Coast"),
    ("waziristan", "Waziristan", "وزيرستان", ["North Waziristan", "South Waziristan"],
     ["شمال وزيرستان", "جنوب وزيرستان"], "PK", "", "region", "", "32.6000", "69.8000",
     "point: Wikipedia, Waziristan"),
    # -- The Middle East and Africa (points).
    ("neom", "NEOM", "نيوم", ["Neom"], ["مدينة نيوم", "مشروع نيوم"], "SA", "", "region", "", "28.0000",
     "35.2000", "point: Wikipedia, NEOM (the planned region in Tabuk Province)"),
    ("tihama", "Tihama", "تهامة", ["Tihamah", "Tihama plain"], ["سهل تهامة", "منطقة تهامة"], "YE", "",
     "region", "", "15.0000", "43.0000", "point: Wikipedia, Tihamah (its Yemeni part, by Hodeidah)"),
    ("galilee", "Galilee", "منطقة الجليل", ["the Galilee", "Upper Galilee", "Lower Galilee"],
     ["الجليل الأعلى", "الجليل الأسفل", "الجليل الغربي"], "IL", "", "region", "", "32.8000", "35.4000",
     "point: Wikipedia, Galilee"),
    ("east-euphrates", "East of the Euphrates", "شرق الفرات", [], ["منطقة شرق الفرات", "شرقي الفرات"], "SY", "",
     "region", "", "36.3000", "40.5000", "point: the Syrian land east of the Euphrates (Raqqa, Hasakah, Deir ez-Zor)"),
    ("syrian-coast", "Syrian coast", "الساحل السوري", ["Syrian coastal region"], ["الساحل الغربي السوري"], "SY", "",
     "region", "admin1:SY-LA admin1:SY-TA", "", "", "conventional: the governorates of Latakia and Tartus"),
    ("eastern-ghouta", "Eastern Ghouta", "الغوطة الشرقية", ["East Ghouta", "Ghouta"], ["الغوطة"], "SY", "",
     "region", "", "33.5500", "36.4000", "point: Wikipedia, Eastern Ghouta"),
    ("qalamoun", "Qalamoun", "القلمون", ["Qalamoun Mountains"], ["منطقة القلمون", "جبال القلمون"], "SY", "",
     "region", "", "33.9500", "36.6500", "point: Wikipedia, Qalamoun Mountains (by Yabroud)"),
    ("ghab", "al-Ghab Plain", "سهل الغاب", ["Ghab Plain", "Ghab plain"], ["منطقة سهل الغاب"], "SY", "", "region",
     "", "35.6500", "36.3500", "point: Wikipedia, Al-Ghab Plain"),
    ("hauran", "Hauran", "حوران", ["Houran"], ["سهل حوران", "منطقة حوران"], "SY", "", "region", "", "32.7500",
     "36.2000", "point: Wikipedia, Hauran"),
    ("jabal-al-arab", "Jabal al-Druze", "جبل العرب", ["Jabal al-Arab", "Jebel Druze"], ["جبل الدروز"], "SY", "",
     "region", "", "32.7000", "36.7000", "point: Wikipedia, Jabal al-Druze"),
    ("jordan-valley", "Jordan Valley", "غور الأردن", [], ["منطقة الأغوار", "وادي الأردن"], "", "",
     "region", "", "32.0000", "35.5500", "point: Wikipedia, Jordan Valley (by Damiya)"),
    ("gaza-envelope", "Gaza envelope", "غلاف غزة", ["Gaza Envelope"], ["منطقة غلاف غزة"], "IL",
     "", "region", "", "31.4000", "34.4500", "point: Wikipedia, Gaza Envelope"),
    # Beirut's southern suburbs, a named district of their own in Lebanese news (bare الضاحية "the suburb" is also
    # an everyday word: geo.text.AR_HOMOGRAPHS makes it need a locative word and Lebanon named around it).
    ("dahieh", "Dahieh", "الضاحية الجنوبية", ["Dahiyeh", "Dahiya", "Beirut's southern suburbs"],
     ["ضاحية بيروت الجنوبية", "الضاحية"], "LB", "", "district", "", "33.8500", "35.5167",
     "point: Wikipedia, Dahieh"),
    ("nile-delta", "Nile Delta", "دلتا النيل", ["the Delta region"], ["منطقة الدلتا", "محافظات الدلتا"], "EG", "",
     "region", "", "30.9000", "31.2000", "point: Wikipedia, Nile Delta"),
    ("nuba-mountains", "Nuba Mountains", "جبال النوبة", [], ["منطقة جبال النوبة"], "SD", "", "region", "", "11.5000",
     "30.5000", "point: Wikipedia, Nuba Mountains"),
    ("aures", "Aurès", "الأوراس", ["Aures", "Aurès Mountains"], ["جبال الأوراس", "منطقة الأوراس"], "DZ", "", "region",
     "", "35.3000", "6.5000", "point: Wikipedia, Aurès Mountains"),
    ("rif", "Rif region", "منطقة الريف", [], ["الريف المغربي"], "MA", "", "region", "", "35.0000", "-4.0000",
     "point: Wikipedia, Rif (the region, by Al Hoceima)"),
    ("ogaden", "Ogaden", "أوغادين", [], ["إقليم أوغادين"], "ET", "", "region", "", "7.0000", "44.0000",
     "point: Wikipedia, Ogaden"),
    # (bare الأهوار: Iraqi news calls the marshes of the south so, as no other marshes are; the point is the Central
    # Marshes, between the Hammar and Hawizeh marshes)
    ("mesopotamian-marshes", "Mesopotamian Marshes", "الأهوار",
     ["Iraqi Marshes", "Iraqi marshes", "Mesopotamian Marshlands"],
     ["أهوار العراق", "أهوار جنوب العراق", "منطقة الأهوار", "أهوار الجنوب"], "IQ", "", "region", "",
     "31.0000", "47.0000", "point: Wikipedia, Mesopotamian Marshes (the Central Marshes)"),
]


def main() -> int:
    sys.path.insert(0, str(ROOT / "data" / "tools"))
    from regions_table import OUT, write_scheme

    out = []
    for rid, en, ar, al_en, al_ar, cc, a1, kind, members, lat, lon, definition in ROWS:
        if bool(members) == bool(lat):
            raise SystemExit(f"{rid}: give members or a point, not both or neither")
        out.append(dict(zip(FIELDS, (rid, en, ar, "|".join(al_en), "|".join(al_ar), cc, a1, kind, members, lat,
                                     lon, definition), strict=True)))
    total = write_scheme("named", out)
    print(f"{len(out)} named regions -> {OUT} ({total} rows in all)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
