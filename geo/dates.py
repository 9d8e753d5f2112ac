"""When a statement was made: a date given by the user, else one found in the text, else none.

Found in the text, in Arabic and English: ``9 فبراير 2026``, ``9 شباط/فبراير 2026``, the
Levantine and Iraqi month names (كانون الثاني ... كانون الأول), the Maghreb's (جانفي, فيفري,
أفريل, ...), Arabic-Indic digits (``٩ فبراير ٢٠٢٦``), ``Monday, 9 February 2026``,
``February 9, 2026``, ``9th Feb. 2026``, ``2026-02-09``. Numeric dates with the day first or
the month first (``9/2/2026``) are not read: nothing in them says which is which.

The first date of the text is the statement's. It is a *dateline* when it opens the
statement, preceded by nothing but a place (and perhaps an agency in brackets, a weekday, a
Hijri date with الموافق): ``الرياض، 9 فبراير 2026``, ``RIYADH (SPA), Feb. 9, 2026 —``. The
place of a dateline is where the statement was made: its *venue*.

Linear in the text's length, whatever the text: years are found first (one C-level scan),
and the rest of a date is matched once per year, backwards from it, within a bounded window
and with bounded quantifiers only, so no input makes the regex engine backtrack over a run.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from .errors import InputError
from .model import Mention

__all__ = [
    "DATE_SOURCES",
    "FoundDate",
    "StatementDate",
    "parse_iso_date",
    "find_dates",
    "first_date",
    "statement_date",
]

#: How a statement's date was found: given by the user, the dateline, elsewhere in the text.
DATE_SOURCES = ("given", "dateline", "text")

# Arabic-Indic and Persian digits, one for one (offsets are kept).
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# Month names → month number. Arabic: Egyptian/Gulf (from English), Levantine/Iraqi (Syriac),
# Maghreb (from French) and Moroccan spellings. Written once; letter variants come from _ar().
_MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "اوت": 8,
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_WEEKDAYS_AR = ("الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة", "السبت", "الاحد")
_HIJRI_MONTHS = ("محرم", "صفر", "ربيع الاول", "ربيع الاخر", "ربيع الثاني", "جمادى الاولى", "جمادى الاخرة",
                 "جمادى الثانية", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة")


def _ar(word: str, *, reverse: bool = False) -> str:
    """A regex for a word with the usual Arabic letter variants (hamza on alef, final ي/ى and ة/ه).

    ``reverse``: the regex of the word read backwards (see :func:`find_dates`).
    """
    return "".join(_letters(word, reverse=reverse))


def _letters(word: str, *, reverse: bool = False) -> list[str]:
    """One regex per letter of ``word`` (see :func:`_ar`)."""
    out = []
    for i, ch in enumerate(word):
        last = i == len(word) - 1 or word[i + 1] == " "
        if ch == "ا":
            out.append("[اأإآ]")
        elif ch in "يى" and last:
            out.append("[يى]")
        elif ch in "ةه" and last:
            out.append("[ةه]")
        elif ch == " ":
            out.append("[ \u00a0]{1,2}")
        else:
            out.append(re.escape(ch))
    return out[::-1] if reverse else out


def _alternation(words: Sequence[str], *, reverse: bool = False) -> str:
    # Longest first, so "ماي" never wins over "مايو"; a name never touches a letter on either side.
    # The lookahead on the possible first letters rejects most places in one step instead of
    # trying every name there (with it, a text of nothing but years costs a tenth).
    letters = [_letters(w, reverse=reverse) for w in sorted(words, key=len, reverse=True)]
    first = sorted({f.strip("[]") for f in (ls[0] for ls in letters)})
    body = "|".join("".join(ls) for ls in letters)
    return rf"(?<![^\W\d_])(?=[{''.join(first)}])(?:{body})(?![^\W\d_])"


_SP = "[ \t\u00a0\u200e\u200f]"  # spaces and bidi marks, never a line break

# The day, month and weekday of a date stand *before* its year. Python's regexes only match
# forwards, so the few characters before each year are read backwards, and these patterns are
# the dates written backwards, anchored at the year: one bounded match per year, whatever the
# text around it. (Read them from the end: weekday, day, month, year.)
_R_MONTH = _alternation(list(_MONTHS), reverse=True)
_R_WEEKDAY = (rf"{_SP}{{1,3}}[,،]?\.?(?:{_alternation(_WEEKDAYS_EN, reverse=True)}|"
              rf"{_alternation(_WEEKDAYS_AR, reverse=True)}(?:{_SP}{{1,2}}موي)?)")
_R_DAY = r"(?:ts|dn|dr|ht)?(?P<d>\d[0-3]?)(?![^\W_])"
# 9 February 2026 · 9 شباط/فبراير 2026 · 9 شباط (فبراير) 2026 · 9th of Feb., 2026 · 9-Feb-2026
_R_DMY = re.compile(
    rf"(?:{_SP}{{0,2}}[-/.])?{_SP}{{0,3}}[,،]?(?:\)?{_SP}{{0,2}}\.?(?P<m2>{_R_MONTH}){_SP}{{0,2}}[/(]{_SP}{{0,2}})?"
    rf"\.?(?P<m1>{_R_MONTH})(?:{_SP}{{1,3}}(?:fo|نم){_SP}{{1,3}}|{_SP}{{0,2}}[-/.]?{_SP}{{0,2}})"
    rf"{_R_DAY}(?:{_R_WEEKDAY})?",
    re.IGNORECASE,
)
# February 9, 2026 · Monday, Feb. 9th 2026
_R_MDY = re.compile(
    rf"{_SP}{{1,3}},?{_R_DAY}{_SP}{{1,3}}\.?(?P<m1>{_R_MONTH})(?:{_R_WEEKDAY})?",
    re.IGNORECASE,
)
# 2026-02-09 · 2026/2/9 · 2026.02.09 (year first: unambiguous; read forwards)
_YMD = re.compile(r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?!\d)")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_SEPARATORS = " \t\u00a0\u200e\u200f,،-/."
#: Characters before a year in which the rest of its date must fit (the longest form is ~60).
_WINDOW = 80

# What may stand between a dateline's place and its date, besides the place's own name.
_DATELINE_FILLER = re.compile(
    rf"(?:[\s,،:;\-–—_/|]|\([^()\n]{{0,40}}\)|\[[^\[\]\n]{{0,40}}\]|{_ar('الموافق')}|"
    rf"\d{{1,2}}{_SP}{{0,2}}{_alternation(_HIJRI_MONTHS)}{_SP}{{0,2}}1[34]\d\d{_SP}{{0,2}}هـ?)"
)
#: A dateline starts its line, within this many characters of the line's start ...
_DATELINE_MAX = 160
#: ... and comes after at most a title of this many words (a release's heading above its dateline).
_DATELINE_AFTER_WORDS = 16


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a text: ``text[start:end]`` is how it was written."""

    date: date
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class StatementDate:
    """A statement's date (``YYYY-MM-DD`` or ``None``), how it was found, and its venue (a place id)."""

    date: str | None
    source: str | None
    venue_place_id: str | None = None
    found: FoundDate | None = None


def parse_iso_date(value: str) -> str:
    """Check a ``YYYY-MM-DD`` date given by a user; returns it, or raises :class:`InputError`.

    >>> parse_iso_date("2026-02-09")
    '2026-02-09'
    """
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        return date.fromisoformat(value).isoformat()
    except (ValueError, TypeError):
        raise InputError(f"date {value!r} is not a day written YYYY-MM-DD (for example 2026-02-09)") from None


def _month(name: str) -> int:
    key = re.sub(r"[ \u00a0]+", " ", name.lower())
    key = key.translate(str.maketrans("أإآىة", "ااايه"))
    m = _MONTHS.get(key)
    if m is None:  # final ه written for ة: try the table's spelling with ة too
        m = _MONTHS.get(key[:-1] + "ة") if key.endswith("ه") else None
    if m is None:  # pragma: no cover - every alternative of _MONTH is in the table
        raise KeyError(name)
    return m


def _make(y: str, m: int, d: str, start: int, end: int) -> FoundDate | None:
    try:
        return FoundDate(date(int(y), m, int(d)), start, end)
    except ValueError:  # 31 February, day 0 ...: not a date
        return None


def find_dates(text: str) -> Iterator[FoundDate]:
    """Every date written in ``text``, in text order (lazily: the first costs only a scan to it).

    >>> [d.date.isoformat() for d in find_dates("الرياض، ٩ شباط/فبراير ٢٠٢٦ ثم 2026-03-01")]
    ['2026-02-09', '2026-03-01']
    """
    norm = text.translate(_DIGITS)
    last_end = 0
    for y in _YEARS.finditer(norm):
        ys = y.start()
        if ys < last_end:
            continue
        found: FoundDate | None = None
        lo = max(last_end, ys - _WINDOW)
        back = norm[lo:ys][::-1]  # the characters before the year, nearest first
        # Before a year comes a month (a letter, or ")" after a second name) or a day (a digit):
        # one look at the nearest such character spares most years both patterns.
        near = back.lstrip(_SEPARATORS)[:1]
        patterns = (_R_MDY,) if near.isdigit() else (_R_DMY, _R_MDY) if near.isalpha() or near == ")" else ()
        for pattern in patterns:
            mo = pattern.match(back)
            if mo is None:
                continue
            m1 = _month(mo.group("m1")[::-1])
            m2 = mo.groupdict().get("m2")
            if m2 is not None and _month(m2[::-1]) != m1:
                continue  # "شباط/مارس": two months that disagree say nothing sure
            found = _make(y.group(), m1, mo.group("d")[::-1], ys - mo.end(), y.end())
            if found:
                break
        if found is None:
            mo = _YMD.match(norm, ys)
            if mo is not None:
                found = _make(mo.group("y"), int(mo.group("m")), mo.group("d"), mo.start(), mo.end())
        if found is not None:
            last_end = found.end
            yield found


def first_date(text: str) -> FoundDate | None:
    """The first date written in ``text``, or ``None``."""
    return next(find_dates(text), None)


def _dateline_venue(text: str, found: FoundDate, mentions: Sequence[Mention]) -> tuple[bool, str | None]:
    """Whether ``found`` opens the statement as a dateline, and the place it names (a place id)."""
    lead = text.rfind("\n", 0, found.start) + 1  # the date's line
    if found.start - lead > _DATELINE_MAX or len(text[:lead].split()) > _DATELINE_AFTER_WORDS:
        return False, None
    places = [m for m in mentions if lead <= m.start and m.end <= found.start]
    # Blank out the places' names, then everything else allowed before a date; nothing may remain.
    rest = list(text[lead : found.start])
    for m in places:
        rest[m.start - lead : m.end - lead] = " " * (m.end - m.start)
    if _DATELINE_FILLER.sub("", "".join(rest)).strip():
        return False, None
    located = [m for m in places if m.place is not None]
    if not located:
        return True, None
    # "Riyadh, Saudi Arabia, 9 February": the city, not the country, is where it was said.
    venue = next((m for m in located if m.place.kind != "country"), located[0])  # type: ignore[union-attr]
    return True, venue.place_id


def statement_date(text: str, mentions: Sequence[Mention] = (), given: str | None = None) -> StatementDate:
    """The statement's date: ``given`` (``YYYY-MM-DD``) if set, else its dateline's, else its first date.

    ``mentions`` (the statement's parse) let a dateline name its venue; the venue is found
    from the dateline even when the date is given.

    >>> statement_date("Monday, 9 February 2026 — talks opened.").date
    '2026-02-09'
    """
    found = first_date(text)
    dateline, venue = _dateline_venue(text, found, mentions) if found else (False, None)
    if given is not None:
        return StatementDate(parse_iso_date(given), "given", venue, found)
    if found is None:
        return StatementDate(None, None, None, None)
    return StatementDate(found.date.isoformat(), "dateline" if dateline else "text", venue, found)
