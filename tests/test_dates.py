"""Dates of statements (geo.dates): a table of ways to write a day, datelines and their venue, linear time."""

from __future__ import annotations

import pytest

from geo import InputError, geoparse
from geo.dates import find_dates, first_date, parse_iso_date, statement_date

# (text, the date it holds or None, the part of the text that is the date)
DATES = [
    # Arabic, the Egyptian/Gulf month names
    ("الرياض، 9 فبراير 2026", "2026-02-09", "9 فبراير 2026"),
    ("وذلك في 9 فبراير 2026، وافتتح", "2026-02-09", "9 فبراير 2026"),
    ("في 1 أبريل 2025", "2025-04-01", "1 أبريل 2025"),
    ("في 1 إبريل 2025", "2025-04-01", "1 إبريل 2025"),
    ("في 30 يونيه 2024", "2024-06-30", "30 يونيه 2024"),
    ("في 15 أغسطس 2024", "2024-08-15", "15 أغسطس 2024"),
    # both names, as Syrian and Lebanese media write them
    ("9 شباط/فبراير 2026", "2026-02-09", "9 شباط/فبراير 2026"),
    ("9 شباط / فبراير 2026", "2026-02-09", "9 شباط / فبراير 2026"),
    ("9 شباط (فبراير) 2026", "2026-02-09", "9 شباط (فبراير) 2026"),
    # Levantine and Iraqi month names, two-word ones included
    ("في 10 كانون الثاني 2025", "2025-01-10", "10 كانون الثاني 2025"),
    ("في 3 آذار 2025", "2025-03-03", "3 آذار 2025"),
    ("في 3 اذار 2025", "2025-03-03", "3 اذار 2025"),
    ("في 14 تموز 2024", "2024-07-14", "14 تموز 2024"),
    ("في 6 آب 2024", "2024-08-06", "6 آب 2024"),
    ("في 9 تشرين الأول 2023", "2023-10-09", "9 تشرين الأول 2023"),
    ("في 20 تشرين الثاني 2023", "2023-11-20", "20 تشرين الثاني 2023"),
    ("في 25 كانون الأول 2023", "2023-12-25", "25 كانون الأول 2023"),
    # Maghreb and Moroccan month names
    ("في 5 جانفي 2024", "2024-01-05", "5 جانفي 2024"),
    ("في 5 جويلية 2024", "2024-07-05", "5 جويلية 2024"),
    ("في 5 غشت 2024", "2024-08-05", "5 غشت 2024"),
    # Arabic-Indic and Persian digits
    ("الرياض، ٩ فبراير ٢٠٢٦", "2026-02-09", "٩ فبراير ٢٠٢٦"),
    ("في ۱۲ مارس ۲۰۲۵", "2025-03-12", "۱۲ مارس ۲۰۲۵"),
    # a weekday belongs to the date
    ("يوم الاثنين، 9 فبراير 2026", "2026-02-09", "يوم الاثنين، 9 فبراير 2026"),
    ("Monday, 9 February 2026", "2026-02-09", "Monday, 9 February 2026"),
    ("Monday, February 9, 2026", "2026-02-09", "Monday, February 9, 2026"),
    # English
    ("February 9, 2026", "2026-02-09", "February 9, 2026"),
    ("on Feb. 9, 2026 the", "2026-02-09", "Feb. 9, 2026"),
    ("on 9th of February, 2026", "2026-02-09", "9th of February, 2026"),
    ("on 3 Sept 2025", "2025-09-03", "3 Sept 2025"),
    ("ON 9 FEBRUARY 2026", "2026-02-09", "9 FEBRUARY 2026"),
    # year first
    ("2026-02-09", "2026-02-09", "2026-02-09"),
    ("dated 2026/2/9.", "2026-02-09", "2026/2/9"),
    # Hijri first, Gregorian after الموافق: the Gregorian one
    ("21 شعبان 1447 هـ الموافق 09 فبراير 2026 م", "2026-02-09", "09 فبراير 2026"),
    # not dates
    ("31 February 2026", None, None),
    ("2026-13-01", None, None),
    ("9 شباط (مارس) 2026", None, None),  # two months that disagree
    ("9/2/2026", None, None),  # day or month first? nothing says
    ("Resolution 2254 (2015) and 12 February", None, None),
    ("in February 2026", None, None),  # no day
    ("9 Febru 2026", None, None),
    ("Septembre 3, 2025", None, None),  # a French month is not September
    ("ممارسة 9 2026", None, None),
    ("x9 February 2026", None, None),  # a day glued to a word is no day
    ("19 Feb 2026", "2026-02-19", "19 Feb 2026"),  # ... and 19 is not read as 9
    ("", None, None),
]


@pytest.mark.parametrize(("text", "iso", "written"), DATES)
def test_dates_in_arabic_and_english(text, iso, written):
    found = first_date(text)
    if iso is None:
        assert found is None, text[found.start : found.end]
    else:
        assert found is not None
        assert found.date.isoformat() == iso
        assert text[found.start : found.end] == written


def test_every_date_in_text_order():
    text = "Met on 2 March 2025 in Homs; again on ١٠ نيسان ٢٠٢٥ and finally 2025-05-01."
    assert [d.date.isoformat() for d in find_dates(text)] == ["2025-03-02", "2025-04-10", "2025-05-01"]


# (text, date, date source, venue place id) with the statement's own parse giving the places
STATEMENTS = [
    ("الرياض، 9 فبراير 2026 - أصدرت وزارة الخارجية بيانا.", "2026-02-09", "dateline", "geonames:108410"),
    ("الرياض 21 شعبان 1447 هـ الموافق 09 فبراير 2026 م واس\nأصدرت الوزارة بيانا.", "2026-02-09", "dateline",
     "geonames:108410"),
    ("RIYADH (SPA), Feb. 9, 2026 — The ministry issued a statement.", "2026-02-09", "dateline",
     "geonames:108410"),
    ("Riyadh, Saudi Arabia, 9 February 2026: the ministry said.", "2026-02-09", "dateline", "geonames:108410"),
    ("Joint statement\n\nBaghdad, 3 March 2025 — Officials met.", "2025-03-03", "dateline", "geonames:98182"),
    ("Monday, 9 February 2026\nThe coalition met in Riyadh.", "2026-02-09", "dateline", None),
    ("The coalition met in Riyadh on 9 February 2026.", "2026-02-09", "text", None),
    ("وقال البيان إن الاجتماع عقد في الرياض، وذلك في 9 فبراير 2026.", "2026-02-09", "text", None),
    ("The coalition met in Riyadh last week.", None, None, None),
]


@pytest.mark.parametrize(("text", "iso", "source", "venue"), STATEMENTS)
def test_statement_date_and_dateline_venue(gaz, text, iso, source, venue):
    when = statement_date(text, geoparse(text, gazetteer=gaz).mentions)
    assert (when.date, when.source, when.venue_place_id) == (iso, source, venue)


def test_a_given_date_wins_and_the_dateline_still_names_the_venue(gaz):
    text = "Baghdad, 3 March 2025 — Officials met."
    when = statement_date(text, geoparse(text, gazetteer=gaz).mentions, given="2025-03-04")
    assert (when.date, when.source, when.venue_place_id) == ("2025-03-04", "given", "geonames:98182")


@pytest.mark.parametrize("bad", ["2026-2-9", "09/02/2026", "2026-02-30", "tomorrow", ""])
def test_a_bad_given_date_is_a_message(bad):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        parse_iso_date(bad)


@pytest.mark.timeout(60)  # a guard, not a speed test: a backtracking pattern would run for hours here
@pytest.mark.parametrize("run", [
    "9 " * 200_000,
    "2026 " * 200_000,
    "9 فبراير " * 100_000,
    "Monday, " * 100_000 + "9 February",
    "9 شباط/" * 100_000 + "2026",
    "2026-02-" * 100_000,
    "(" * 200_000 + "الرياض، 9 فبراير 2026",
])
def test_long_runs_of_date_parts_finish(run):
    dates = list(find_dates(run))
    assert all(run[d.start : d.end] for d in dates)
    statement_date(run)
