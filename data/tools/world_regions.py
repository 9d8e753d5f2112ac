"""Derive the ``world`` rows of ``data/regions.csv``: world regions as lists of member countries.

Two kinds of region:

* **UN M49 geographic regions** (the UN Statistics Division's "Standard country or area codes for statistical
  use"): North/West/East/Central/Southern Africa, Sub-Saharan Africa, Central/East/South/Southeast/West Asia,
  Eastern/Northern/Western/Southern Europe, Central America, the Caribbean, Latin America, Melanesia,
  Micronesia, Polynesia. Membership is read from ``all/all.csv`` of
  ``lukes/ISO-3166-Countries-with-Regional-Codes`` (its tabulation of M49; CC BY-SA 4.0), given with ``--src``.
* **Conventional regions** that M49 does not define (the Middle East, the Levant, the Gulf states, the Maghreb,
  the Horn of Africa, the Balkans, the Caucasus, Scandinavia, the Nordic and Baltic countries, the Arabian
  Peninsula, Central Europe): their usual membership as listed in :data:`CONVENTIONAL`, one line each with
  the definition used.

Only names and members are written (``country:<ISO 3166-1 alpha-2>``, space separated; the other schemes' rows
of the table are kept: ``regions_table.py``); the gazetteer (``geo/gazetteer/sources/regions.py``) draws a region
as the union of its members' outlines, so no geometry is committed. Usage (from the repository root)::

    .venv/bin/python data/tools/world_regions.py --src DIR   # DIR holds all.csv
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from regions_table import OUT, member_codes, write_scheme  # noqa: E402

#: M49 regions: (id, M49 code, column of all.csv holding it, English name, Arabic name, English aliases,
#: Arabic aliases). Arabic names are the ones Arabic news uses (UN Arabic terminology where it has one).
M49: list[tuple[str, str, str, str, str, list[str], list[str]]] = [
    ("north-africa", "015", "sub-region-code", "North Africa", "شمال أفريقيا", ["Northern Africa"],
     ["شمال إفريقيا", "الشمال الأفريقي", "الشمال الإفريقي"]),
    ("west-africa", "011", "intermediate-region-code", "West Africa", "غرب أفريقيا", ["Western Africa"],
     ["غرب إفريقيا", "الغرب الأفريقي", "الغرب الإفريقي"]),
    ("east-africa", "014", "intermediate-region-code", "East Africa", "شرق أفريقيا", ["Eastern Africa"],
     ["شرق إفريقيا", "الشرق الأفريقي", "الشرق الإفريقي"]),
    ("central-africa", "017", "intermediate-region-code", "Central Africa", "وسط أفريقيا", ["Middle Africa"],
     ["وسط إفريقيا"]),
    ("southern-africa", "018", "intermediate-region-code", "Southern Africa", "الجنوب الأفريقي", [],
     ["الجنوب الإفريقي", "جنوب القارة الأفريقية", "منطقة الجنوب الأفريقي"]),
    ("sub-saharan-africa", "202", "sub-region-code", "Sub-Saharan Africa", "أفريقيا جنوب الصحراء",
     ["Subsaharan Africa"], ["إفريقيا جنوب الصحراء", "أفريقيا جنوب الصحراء الكبرى"]),
    ("central-asia", "143", "sub-region-code", "Central Asia", "آسيا الوسطى", [], ["وسط آسيا"]),
    ("east-asia", "030", "sub-region-code", "East Asia", "شرق آسيا", ["Eastern Asia"], ["شرقي آسيا"]),
    ("south-asia", "034", "sub-region-code", "South Asia", "جنوب آسيا", ["Southern Asia"], ["جنوبي آسيا"]),
    ("southeast-asia", "035", "sub-region-code", "Southeast Asia", "جنوب شرق آسيا",
     ["South-East Asia", "South East Asia", "South-eastern Asia"], ["جنوب شرقي آسيا"]),
    ("west-asia", "145", "sub-region-code", "Western Asia", "غرب آسيا", ["West Asia"], ["غربي آسيا"]),
    ("eastern-europe", "151", "sub-region-code", "Eastern Europe", "أوروبا الشرقية", ["East Europe"],
     ["شرق أوروبا", "شرقي أوروبا"]),
    ("northern-europe", "154", "sub-region-code", "Northern Europe", "شمال أوروبا", ["North Europe"],
     ["أوروبا الشمالية", "شمالي أوروبا"]),
    ("western-europe", "155", "sub-region-code", "Western Europe", "أوروبا الغربية", ["West Europe"],
     ["غرب أوروبا", "غربي أوروبا"]),
    ("southern-europe", "039", "sub-region-code", "Southern Europe", "جنوب أوروبا", ["South Europe"],
     ["أوروبا الجنوبية", "جنوبي أوروبا"]),
    ("central-america", "013", "intermediate-region-code", "Central America", "أمريكا الوسطى", [],
     ["أميركا الوسطى"]),
    ("caribbean", "029", "intermediate-region-code", "the Caribbean", "منطقة البحر الكاريبي", ["Caribbean"],
     ["الكاريبي", "منطقة الكاريبي", "جزر الكاريبي"]),
    ("latin-america", "419", "sub-region-code", "Latin America", "أمريكا اللاتينية",
     ["Latin America and the Caribbean"], ["أميركا اللاتينية", "أمريكا اللاتينية والكاريبي"]),
    ("northern-america", "021", "sub-region-code", "Northern America", "أمريكا الشمالية الأنجلوساكسونية", [], []),
    ("melanesia", "054", "sub-region-code", "Melanesia", "ميلانيزيا", [], []),
    ("micronesia-region", "057", "sub-region-code", "Micronesia", "ميكرونيزيا", [], []),
    ("polynesia", "061", "sub-region-code", "Polynesia", "بولينيزيا", [], []),
]

#: Conventional regions: (id, English name, Arabic name, English aliases, Arabic aliases, members, definition).
CONVENTIONAL: list[tuple[str, str, str, list[str], list[str], str, str]] = [
    ("middle-east", "the Middle East", "الشرق الأوسط", ["Middle East", "Mideast", "Near East"],
     ["منطقة الشرق الأوسط", "الشرق الأدنى"],
     "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
     "the common definition: the Arab states of Asia, Egypt, Iran, Israel, Turkey and Cyprus"),
    ("mena", "the Middle East and North Africa", "الشرق الأوسط وشمال أفريقيا",
     ["Middle East and North Africa"], ["الشرق الأوسط وشمال إفريقيا"],
     "BH CY EG IR IQ IL JO KW LB OM PS QA SA SY TR AE YE DZ LY MA TN",
     "the Middle East (above) and the Maghreb states Algeria, Libya, Morocco, Tunisia"),
    ("levant", "the Levant", "بلاد الشام", ["Levant"], ["الشام", "المشرق العربي", "المشرق", "منطقة الشام"],
     "SY LB JO PS IL",
     "the eastern Mediterranean states of historical Syria (Bilad al-Sham): Syria, Lebanon, Jordan, "
     "Palestine, Israel"),
    ("gulf-states", "the Gulf states", "دول الخليج",
     ["Gulf states", "Gulf countries", "Gulf Arab states", "Arab Gulf states", "Persian Gulf states",
      "Gulf region", "Gulf monarchies"],
     ["دول الخليج العربي", "الخليج العربي", "منطقة الخليج", "بلدان الخليج", "دول الخليج العربية",
      "منطقة الخليج العربي"],
     "BH KW OM QA SA AE",
     "the six Arab states of the Gulf Cooperation Council"),
    ("maghreb", "the Maghreb", "المغرب العربي", ["Maghreb", "Maghrib", "Arab Maghreb"],
     ["بلاد المغرب", "دول المغرب العربي", "منطقة المغرب العربي", "بلدان المغرب العربي"],
     "DZ LY MA MR TN",
     "the five states of the Arab Maghreb Union"),
    ("horn-of-africa", "the Horn of Africa", "القرن الأفريقي", ["Horn of Africa"],
     ["القرن الإفريقي", "منطقة القرن الأفريقي", "منطقة القرن الإفريقي"],
     "DJ ER ET SO", "Djibouti, Eritrea, Ethiopia, Somalia"),
    ("balkans", "the Balkans", "البلقان", ["Balkans", "Balkan Peninsula", "Balkan states"],
     ["منطقة البلقان", "دول البلقان", "شبه جزيرة البلقان"],
     "AL BA BG HR XK ME MK RS",
     "the states lying wholly or mostly on the Balkan peninsula, less Greece, Turkey, Romania and Slovenia"),
    ("western-balkans", "the Western Balkans", "غرب البلقان", ["Western Balkans"], ["دول غرب البلقان"],
     "AL BA XK ME MK RS", "the EU's term: the Balkan states outside the EU"),
    ("caucasus", "the Caucasus", "القوقاز", ["Caucasus", "South Caucasus", "Transcaucasia"],
     ["منطقة القوقاز", "جنوب القوقاز"],
     "AM AZ GE", "the three states of the South Caucasus (the North Caucasus is in Russia)"),
    ("scandinavia", "Scandinavia", "إسكندنافيا", [], ["الدول الإسكندنافية", "الدول الاسكندنافية", "اسكندنافيا"],
     "DK NO SE", "Denmark, Norway, Sweden"),
    ("nordic-countries", "the Nordic countries", "دول الشمال الأوروبي", ["Nordic countries", "the Nordics"],
     ["بلدان الشمال الأوروبي", "الدول الاسكندنافية الخمس"],
     "DK FI IS NO SE", "Scandinavia with Finland and Iceland"),
    ("baltic-states", "the Baltic states", "دول البلطيق", ["Baltic states", "the Baltics", "Baltic countries"],
     ["دول البلطيق الثلاث", "منطقة البلطيق"],
     "EE LV LT", "Estonia, Latvia, Lithuania"),
    ("arabian-peninsula", "the Arabian Peninsula", "شبه الجزيرة العربية", ["Arabian Peninsula"],
     ["الجزيرة العربية"],
     "SA YE OM AE QA BH KW", "the states of the peninsula"),
    ("arab-world", "the Arab world", "الوطن العربي", ["Arab world"], ["العالم العربي", "البلاد العربية"],
     "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE",
     "the 22 member states of the League of Arab States"),
    ("muslim-world", "the Muslim world", "العالم الإسلامي", ["Muslim world", "Islamic world"],
     ["البلاد الإسلامية", "الدول الإسلامية"],
     "AF AL DZ AZ BH BD BJ BN BF CM TD KM CI DJ EG GA GM GN GW GY ID IR IQ JO KZ KW KG LB LY MV MY ML MR MA MZ "
     "NE NG OM PK PS QA SA SN SL SO SD SR SY TJ TG TN TR TM UG AE UZ YE",
     "the 57 member states of the Organisation of Islamic Cooperation"),
    ("central-europe", "Central Europe", "أوروبا الوسطى", [], ["وسط أوروبا"],
     "AT CZ DE HU PL SK SI CH LI", "the usual list: Germany, Austria, Switzerland, the Visegrád states, Slovenia"),
]


def make_rows(src: Path) -> list[dict[str, str]]:
    """The ``world`` rows of ``regions.csv`` from M49's ``all.csv`` in ``src`` and :data:`CONVENTIONAL`."""
    with (src / "all.csv").open(encoding="utf-8", newline="") as fh:
        m49 = list(csv.DictReader(fh))
    rows = []
    for rid, code, column, en, ar, al_en, al_ar in M49:
        members = sorted(r["alpha-2"] for r in m49 if r[column] == code)
        if not members:
            raise SystemExit(f"M49 region {code} ({en}) has no member in {src / 'all.csv'}")
        rows.append({"id": rid, "name_en": en, "name_ar": ar, "aliases_en": "|".join(al_en),
                     "aliases_ar": "|".join(al_ar), "kind": "region", "members": member_codes(" ".join(members)),
                     "definition": f"UN M49 {code} ({column.removesuffix('-code')})"})
    for rid, en, ar, al_en, al_ar, members_s, definition in CONVENTIONAL:
        rows.append({"id": rid, "name_en": en, "name_ar": ar, "aliases_en": "|".join(al_en),
                     "aliases_ar": "|".join(al_ar), "kind": "region",
                     "members": member_codes(" ".join(sorted(members_s.split()))),
                     "definition": f"conventional: {definition}"})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", type=Path, required=True, help="folder holding M49's all.csv (lukes/ISO-3166-...)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    rows = make_rows(args.src)
    total = write_scheme("world", rows, args.out)
    print(f"{len(rows)} world regions -> {args.out} ({total} rows in all)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
