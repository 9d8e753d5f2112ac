"""Text normalisation for matching, with an offset map back to the original.

We *fold* for matching and never for display: diacritics, tatweel, bidi and
zero-width controls are removed; alef variants, ى/ي, ة/ه, Persian/Urdu letters,
Arabic presentation forms and Latin accents are mapped to one form; Latin is
lower-cased. Every folded position maps back to the original, so every span
found in folded text points into the text the user gave us:
``text[m.start:m.end] == m.surface``.

Language rules (clitics, nisba endings, cue words) live in tables at the end of
this module, not in branches of code.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Folded",
    "fold",
    "fold_name",
    "tokens",
    "token_spans",
    "sentences",
    "detect_lang",
    "is_arabic",
    "PROCLITICS",
    "strip_proclitics",
    "nisba_forms",
    "CUES",
    "CONTEXT_NAMES",
    "CA_PROVINCE_ABBREVIATIONS",
    "US_STATE_ABBREVIATIONS",
    "AR_HOMOGRAPHS",
    "AR_VOWELLED",
    "ARABIC_SPEAKING",
    "NOT_PLACE_CUES",
    "NOT_PLACE_PHRASES",
    "MONTHS",
    "WEEKDAYS",
    "DIALECT_WORDS",
    "LOANWORDS_AR",
    "NEVER_PLACE_ALONE",
    "DISEASE_HEADS_EN",
    "DISEASE_MODIFIERS_EN",
    "DISEASE_HEADS_AR",
    "DISEASE_NAMES",
    "PERSON_TITLES",
    "KIN_WORDS",
    "NASAB_WORDS",
    "KIN_POSSESSED_AR",
    "KUNYA_AR",
    "COUSIN_HEADS_AR",
    "KIN_NOUNS_EN",
    "POSSESSIVES_EN",
    "LANGUAGES_EN",
    "LANGUAGE_BEFORE_EN",
    "LANGUAGE_AFTER_EN",
    "LANGUAGE_BEFORE_AR",
    "ORG_HEADS_AR",
    "ORG_TAILS_AR",
    "AR_DEMONSTRATIVES",
    "PLACE_HEADS_DEFINITE_AR",
    "ORG_HEADS_EN",
    "ORG_OPENERS_EN",
    "SPORTS_WORDS",
    "FACILITY_CUES_AR",
    "FACILITY_CUES_EN",
    "FEATURE_HEADS_EN",
    "LANDFORM_HEADS_EN",
    "LANDFORM_KINDS_EN",
    "LANDFORM_KINDS_AR",
    "EVENT_HEADS_EN",
    "ARMED_GROUP_HEADS_EN",
    "SPORTS_REPORT_EN",
    "SPORTS_REPORT_MIN_WORDS",
    "CLUB_SUFFIXES_EN",
    "CLUB_BEFORE_EN",
    "CLUB_PAIRS_EN",
    "CLUB_ROLES_EN",
    "PLAYER_ROLES_EN",
    "NEWS_AGENCIES_EN",
    "REPORTING_WORDS_EN",
    "STATE_ACTOR_VERBS_AR",
    "STATE_ACTOR_NOUNS_AR",
    "STATE_BACKING_AR",
    "AR_HAMZA_NAMES",
    "COUNTRYSIDES_AR",
]

# Characters removed by folding: tashkeel, superscript alef, tatweel, Quranic marks, and every invisible
# character that can sit inside a word: all of Unicode category Cf (format: bidi controls and isolates,
# zero-width space and (non-)joiners, word joiner U+2060, invisible operators U+2061-2064, Mongolian vowel
# separator U+180E, soft hyphen, BOM, Arabic number signs, tags) and the variation selectors (Mn: U+FE00-FE0F,
# U+E0100-E01EF, Mongolian U+180B-180D, U+180F). A test checks the Cf list against unicodedata.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_VARIATION_SELECTORS = "\u180b-\u180d\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef"
_DELETE = (
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
    + _FORMAT + _VARIATION_SELECTORS
)
# Combining marks in Latin text (after NFD they'd be separate; precomposed letters are mapped 1:1 below).
_DELETE_LATIN = "\u0300-\u036f"

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
# Runs, not single letters: counting letters as the lengths of runs builds a few objects per word, not one
# per letter (detect_lang was a tenth of a batch of short news items).
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]+")
_LATIN_RE = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def _mapped_re() -> tuple[re.Pattern[str], frozenset[str]]:
    """A character class of every character the 1:1 table changes, and the characters that are
    also some other character's replacement (Ǿ → Ø, Ø → O)."""
    one = _tables()[0]
    targets = frozenset(v for v in one.values() if len(v) == 1 and ord(v) in one)
    # One character at a time equals str.translate only if replacements chain at most once.
    assert not any(ord(one[ord(t)]) in one for t in targets if len(one[ord(t)]) == 1)
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(one)) + "]"), targets


def _translate(text: str) -> str:
    """``text.translate(one)``, but an order of magnitude faster on real text.

    ``str.translate`` with a dict looks up every character; real statements use only a
    handful of the characters we fold, so we find which ones occur and replace each in
    one C-level pass.
    """
    one = _tables()[0]
    pattern, targets = _mapped_re()
    # Replace Ø before Ǿ: a character that another one becomes must go first, or Ǿ would end as O.
    for ch in sorted(set(pattern.findall(text)), key=lambda c: c not in targets):
        text = text.replace(ch, one[ord(ch)])
    return text


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[int, str], dict[str, str], re.Pattern[str]]:
    """Build the 1:1 translate table and the expansion table once (first use, not import)."""
    one: dict[int, str] = {}
    expand: dict[str, str] = {}
    # Arabic letter variants.
    for src, dst in {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",
        "ة": "ه", "ۀ": "ه", "ہ": "ه", "ە": "ه", "ھ": "ه",
        "ک": "ك", "ڪ": "ك", "گ": "ك",
        "ؤ": "و", "ۆ": "و",
        "پ": "ب", "چ": "ج", "ژ": "ز", "ڤ": "ف",
        "٫": ".", "،": ",", "؛": ";", "؟": "?",
    }.items():
        one[ord(src)] = dst
    # Eastern Arabic and Persian digits → ASCII.
    for i in range(10):
        one[0x0660 + i] = str(i)
        one[0x06F0 + i] = str(i)
    # Apostrophe-like characters → ASCII apostrophe; dashes → hyphen.
    for ch in "\u2018\u2019\u02bc\u02bb\u02bf\u02be\u0060\u00b4":
        one[ord(ch)] = "'"
    for ch in "\u2010\u2011\u2012\u2013\u2014\u2212":
        one[ord(ch)] = "-"
    # Latin letters with diacritics → base letter (1:1), plus a few letters NFD leaves alone.
    # Latin-1 to Extended-B, and Extended Additional (Vietnamese).
    for cp in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:
        ch = chr(cp)
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        if len(base) == 1 and base != ch:
            one[cp] = base
    for src, dst in {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h"}.items():
        one[ord(src)] = dst
    for src, dst in {"ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE"}.items():
        expand[src] = dst
    # Arabic presentation forms (FB50–FDFF, FE70–FEFF) → base letters through NFKC, then our own folding.
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        norm = unicodedata.normalize("NFKC", ch)
        if norm == ch or not norm.strip():
            continue
        norm = "".join(one.get(ord(c), c) for c in norm if not _is_deleted(c))
        if len(norm) == 1:
            one[cp] = norm
        elif norm:
            expand[ch] = norm
    special = re.compile(
        "[" + _DELETE + _DELETE_LATIN + "".join(re.escape(c) for c in expand) + "]"
    )
    return one, expand, special


def _is_deleted(c: str) -> bool:
    return bool(re.match("[" + _DELETE + _DELETE_LATIN + "]", c))


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text plus the runs that map folded offsets back to the original.

    ``runs`` is a sorted tuple of ``(folded_start, original_start)``; within a
    run, offsets advance together.
    """

    original: str
    text: str
    runs_f: tuple[int, ...]
    runs_o: tuple[int, ...]
    #: The folded text before lower-casing (same offsets as ``text``): where capitals are still visible.
    cased: str = ""

    def orig_start(self, f: int) -> int:
        """Original offset of folded offset ``f`` (a span start)."""
        i = bisect_right(self.runs_f, f) - 1
        return self.runs_o[i] + (f - self.runs_f[i])

    def orig_end(self, f: int) -> int:
        """Original offset just after folded span end ``f``, taking marks that follow the last letter."""
        if f <= 0:
            return 0
        end = self.orig_start(f - 1) + 1
        # Keep trailing tashkeel/tatweel with the word, so the surface looks whole.
        original = self.original
        n = len(original)
        while end < n and original[end] in _MARKS:
            end += 1
        return end

    def span(self, fs: int, fe: int) -> tuple[int, int]:
        """Original ``(start, end)`` for the folded span ``[fs, fe)``."""
        return self.orig_start(fs), self.orig_end(fe)


# Tashkeel, Quranic marks and tatweel (U+064B–065F, 0670, 0640, 0610–061A): a set, one membership test
# per character, cheaper than a regex call.
_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640, *range(0x0610, 0x061B)))


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping a map back to the original offsets.

    >>> f = fold("وبِدمشقَ")
    >>> f.text
    'وبدمشق'
    >>> f.span(2, 6)
    (3, 8)
    """
    one, expand, special = _tables()
    pieces: list[str] = []
    runs_f = [0]
    runs_o = [0]
    f = 0
    last = 0
    for m in special.finditer(text):
        o = m.start()
        seg = text[last:o]
        pieces.append(seg)
        f += len(seg)
        ch = m.group()
        rep = expand.get(ch, "")
        if rep:
            # Expansion: every output char maps to this original char; then a new run.
            for k in range(len(rep)):
                runs_f.append(f + k)
                runs_o.append(o)
            pieces.append(rep)
            f += len(rep)
        runs_f.append(f)
        runs_o.append(o + 1)
        last = o + 1
    pieces.append(text[last:])
    folded = _translate("".join(pieces))
    low = folded.lower()
    if len(low) != len(folded):  # e.g. 'İ' lowers to two code points: lower char by char, 1:1
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
    return Folded(text, low, tuple(runs_f), tuple(runs_o), folded)


def fold_name(name: str) -> str:
    """Fold a gazetteer name the same way as text (no offsets needed)."""
    return fold(name).text


def tokens(folded: str) -> list[str]:
    """Word tokens of folded text (letters and digits; punctuation and hyphens split)."""
    return _TOKEN_RE.findall(folded)


def token_spans(folded: str) -> list[tuple[int, int, str]]:
    """``(start, end, token)`` for each word token of folded text."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(folded)]


def is_arabic(token: str) -> bool:
    """Whether a token is in Arabic script (judged by its first character)."""
    return bool(token) and "\u0600" <= token[0] <= "\u06ff"


def detect_lang(text: str) -> str:
    """``'ar'`` if Arabic letters outnumber Latin ones, else ``'en'``.

    >>> detect_lang("قال البيان إن السعودية")
    'ar'
    """
    sample = text[:20000]
    ar = sum(map(len, _ARABIC_RE.findall(sample)))
    la = sum(map(len, _LATIN_RE.findall(sample)))
    return "ar" if ar > la else "en"


# -- sentences -------------------------------------------------------------------
# A sentence ends at . ! ? ؟ … ۔ or a line break, unless the period belongs to an
# abbreviation (U.S., Mr., single initials) or the next word starts in lower case.
#
# Every scan here is linear in the text, whatever it holds: a sentence end is a maximal run of
# end marks and then of closing quotes (two disjoint classes, so the regex never backtracks), and
# only then is the character after it checked for whitespace. A lookahead after the run (the old
# ``[.!?]+…(?=\s)``) made the regex give the run back one character at a time at every start
# position: quadratic, 10 s for 30,000 "!".
_END_MARKS = ".!?؟…۔"
_CLOSERS = r"\"'”’»)\]"
# Written as one character class and then the rest of either run (``[marks]+[closers]*`` or ``\n\s*``): a
# pattern that opens with a class lets the regex engine skip to the next candidate character in C, where an
# alternation of two runs is tried at every position of the text (a third of the pass on news).
_SENT_END_RE = re.compile(f"[{_END_MARKS}\\n](?:(?<=\\n)\\s*|[{_END_MARKS}]*[{_CLOSERS}]*)")
_ABBREV = frozenset(
    "mr mrs ms dr st gen col lt sgt maj capt adm gov sen rep prof jan feb mar apr jun jul aug sep sept "
    "oct nov dec no vs etc inc ltd co corp jr sr mt ft u.s u.k u.n e.g i.e a.m p.m".split()
)
# Possessive: a run of spaces with nothing after it fails without giving the spaces back one by one.
_NEXT_CHAR_RE = re.compile(r"\s*+(\S)")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` of ``text``, whitespace trimmed, covering every word.

    Linear time in ``len(text)`` for any text (runs of punctuation or spaces included).

    >>> t = "The U.S. envoy met them. في الرياض."
    >>> [t[s:e] for s, e in sentences(t)]
    ['The U.S. envoy met them.', 'في الرياض.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    # The last word separator (space, tab, line break) before a period, kept between matches: each
    # stretch of text is searched for one only once (an rfind back to the sentence start at every
    # period was quadratic on "A.\u00a0A.\u00a0…", where no plain space ever ends the search).
    last_sep = -1
    searched = 0
    for m in _SENT_END_RE.finditer(text):
        end = m.end()
        mark = m.group()
        if mark[0] != "\n":
            if end >= n or not text[end].isspace():  # str.isspace is the regex \s
                continue  # marks inside a word or at the very end: not a sentence end
            # Does a lower-case word follow, or is the period part of an abbreviation?
            # (Searches are anchored at positions: slicing the text here would make this quadratic.)
            nxt = _NEXT_CHAR_RE.match(text, end)
            if nxt and nxt.group(1).islower():
                continue
            if mark[0] == ".":
                pos = m.start()
                lo = max(searched, start)
                found = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos))
                if found >= 0:
                    last_sep = found
                searched = pos
                ws = last_sep if last_sep >= start else -1
                w = text[max(ws + 1, start) : pos].lower().strip("(\"'")
                if w in _ABBREV or (len(w) == 1 and w.isalpha()) or _INITIALS_RE.fullmatch(w):
                    continue
        # _push inlined for the common sentence (it starts after spaces and ends with its mark): a call per
        # sentence was a third of this pass.
        s = start
        if s < end and text[s].isspace():
            first = _NON_SPACE_RE.search(text, s, end)
            s = end if first is None else first.start()
        if s < end:
            if text[end - 1].isspace():
                _push(text, s, end, spans)
            else:
                spans.append((s, end))
        start = end
    _push(text, start, n, spans)
    return spans


_NON_SPACE_RE = re.compile(r"\S")


def _push(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Append ``(s, e)`` with surrounding whitespace trimmed, unless nothing is left."""
    # C-level scans (a regex forwards, rstrip on doubling chunks backwards): a Python loop per
    # character took a second over a 10 MB run of spaces.
    first = _NON_SPACE_RE.search(text, s, e)
    if first is None:
        return
    s = first.start()
    step = 64
    while e > s:
        lo = max(s, e - step)
        kept = len(text[lo:e].rstrip())
        if kept:
            out.append((s, lo + kept))
            return
        e = lo
        step *= 2


# -- Arabic language rules, as data ------------------------------------------------
#: Proclitic prefixes, longest first, in folded form (ال is the article; لل is ل + ال).
#: عال is the Levantine ع "on, to" (على) with the article (عالمجدل, عالشام "to Damascus"), read before a stem of three
#: letters or more only (عالم "world" is no ع + ال + م).
PROCLITICS: tuple[str, ...] = (
    "وبال", "فبال", "وكال", "فكال", "وللـ", "ولل", "فلل", "وال", "فال", "بال", "كال", "عال", "لل",
    "وب", "فب", "ول", "فل", "وك", "فك", "ال", "و", "ف", "ب", "ل", "ك",
)
_PROCLITICS = tuple(p for p in PROCLITICS if "ـ" not in p)
# The same prefixes grouped by first letter, in the same order: most words start with none of و ف ب ك ل ا,
# and a word's candidates are then a handful of startswith tests, not two dozen.
_PROCLITICS_BY_FIRST: dict[str, tuple[str, ...]] = {
    c: tuple(p for p in _PROCLITICS if p[0] == c) for c in {p[0] for p in _PROCLITICS}
}
# Which prefixes include the article (so the stem must be looked up with ال restored).
_WITH_ARTICLE = frozenset(p for p in _PROCLITICS if p.endswith(("ال", "لل")))
_DIALECT_ON = "عال"


@lru_cache(maxsize=65536)
def strip_proclitics(token: str) -> tuple[tuple[int, str], ...]:
    """Readings of an Arabic token with its proclitics removed: ``(prefix_len, stem)``.

    A prefix that contains the article yields the stem both with ``ال`` restored and bare,
    because the gazetteer holds names with and without the article (العراق, دمشق).

    >>> strip_proclitics("للعراق")[:2]
    ((0, 'العراق'), (2, 'عراق'))
    """
    out: list[tuple[int, str]] = []
    for p in _PROCLITICS_BY_FIRST.get(token[:1], ()):
        if token.startswith(p) and len(token) - len(p) >= (3 if p == _DIALECT_ON else 2):
            stem = token[len(p):]
            if p in _WITH_ARTICLE:
                # The span keeps the article (ال, or لل where the preposition ate its alef).
                keep = len(p) - 2
                out.append((keep, "ال" + stem))
            out.append((len(p), stem))
    return tuple(out)


#: Endings that turn a base nisba (سوري) into its other forms (folded: ة → ه).
NISBA_SUFFIXES: tuple[str, ...] = ("", "ه", "ين", "ون", "ان", "يين", "يون", "ات", "تين", "تان")


def nisba_forms(base: str) -> list[str]:
    """Folded surface forms of a nisba adjective, with and without the article.

    >>> sorted(nisba_forms("سوري"))[:3]
    ['السوري', 'السوريات', 'السوريان']
    """
    b = fold_name(base)
    forms = set()
    for suf in NISBA_SUFFIXES:
        if suf in ("يين", "يون") and not b.endswith("ي"):
            continue
        w = (b[:-1] + suf) if suf in ("يين", "يون") else b + suf
        forms.add(w)
        forms.add("ال" + w)
    return sorted(forms)


#: Cue words (folded) before or after a name: they say what kind of place follows.
#: value: (kind, arity) where arity 1 = singular, 2 = dual (governs two names), 3 = plural (a list).
CUES: dict[str, tuple[str, int]] = {
    # Arabic, before the name
    "مخيم": ("camp", 1), "مخيمي": ("camp", 2), "مخيمات": ("camp", 3), "مخيما": ("camp", 2),
    "سجن": ("prison", 1), "سجني": ("prison", 2), "سجون": ("prison", 3),
    "معبر": ("crossing", 1), "معبري": ("crossing", 2), "معابر": ("crossing", 3),
    "محافظه": ("admin1", 1), "محافظتي": ("admin1", 2), "محافظات": ("admin1", 3),
    "ولايه": ("admin1", 1), "ولايتي": ("admin1", 2), "ولايات": ("admin1", 3), "مقاطعه": ("admin1", 1),
    "مقاطعتي": ("admin1", 2), "مقاطعات": ("admin1", 3), "اقليم": ("region", 1),
    "اماره": ("admin1", 1), "امارتي": ("admin1", 2),  # an emirate (إمارة دبي) is the division, not its city
    "منطقه": ("region", 1),
    "مدينه": ("city", 1), "مدينتي": ("city", 2), "مدن": ("city", 3), "بلده": ("town", 1),
    "قريه": ("town", 1), "قريتي": ("town", 2), "قرى": ("town", 3), "بلدة": ("town", 1),
    "العاصمه": ("city", 1), "قاعده": ("facility", 1), "مطار": ("facility", 1), "ميناء": ("facility", 1),
    # English, before the name ("the city of X", "Camp X")
    "city": ("city", 1), "town": ("town", 1), "village": ("town", 1), "province": ("admin1", 1),
    "governorate": ("admin1", 1), "state": ("admin1", 1), "region": ("region", 1),
    "camp": ("camp", 1), "camps": ("camp", 3), "prison": ("prison", 1), "prisons": ("prison", 3),
    "crossing": ("crossing", 1), "crossings": ("crossing", 3), "provinces": ("admin1", 3),
    "governorates": ("admin1", 3), "cities": ("city", 3), "towns": ("town", 3), "villages": ("town", 3),
    "capital": ("city", 1), "base": ("facility", 1), "airport": ("facility", 1),
    "oblast": ("admin1", 1), "oblasts": ("admin1", 3),
    "department": ("admin1", 1), "departments": ("admin1", 3),  # Colombia, Peru, Bolivia, France ...
    "commonwealth": ("admin1", 1),  # "the Commonwealth of Virginia" (Kentucky, Massachusetts, Pennsylvania)
    # a governor (محافظ الجنوب, محافظ عكار) governs the governorate, not its seat city; محافظ البنك names no place
    "محافظ": ("admin1", 1),
    # the dual and plural of بلدة, as قريتي/قرى are of قرية: بين بلدتي كفركلا والعديسة
    "بلدتي": ("town", 2), "بلدات": ("town", 3),
    "states": ("admin1", 3),  # "Edo and Ondo states", "the Shan and Kachin states": each name is a state
    "prefecture": ("admin1", 1), "prefectures": ("admin1", 3),  # Japan's: "Niigata Prefecture"
    "krai": ("admin1", 1),  # Russia's: "Krasnoyarsk Krai" is the krai, not the city
    "regions": ("region", 3),  # "the Chuy and Talas regions", "the Afar and Somali regions": each name is a region
}


#: Words that name a place only through context (folded): "the Kingdom" is the one kingdom the text names.
#: value: ISO codes of the states a text may mean by it.
CONTEXT_NAMES: dict[str, tuple[str, ...]] = {
    "المملكه": ("SA", "JO", "MA", "BH"),
}

#: Arabic words (folded) that are both a place name and an everyday word: صور (pictures / Tyre),
#: جدة (grandmother / Jeddah), حماة (protectors / Hama), أمل (hope / Amol), المدينة (the city / Medina),
#: القائم (standing; chargé d'affaires / al-Qaim), العين (the eye / Al Ain), الباب (the door / al-Bab) ...
#: They count as places only with evidence: a cue word, a dateline, or a locative word plus same-country context.
AR_HOMOGRAPHS: frozenset[str] = frozenset(fold_name(w) for w in (
    "صور", "جدة", "حماة", "أمل", "الأمل", "المدينة", "مدينة", "القائم", "العين", "الباب", "السلام", "الساحل",
    "سلطات", "الرمادي", "الزرقاء", "الطيبة", "النصر", "الحرية", "الوحدة", "الشهداء", "النور", "الجزيرة",
    "الخليل", "الكرك", "الرحمة", "الأمان", "الفيحاء", "الصفا", "المنار", "الهدى", "العزيزية", "الصالحية",
    "حمص", "تي", "بني", "الحمص", "حصن", "السد", "الجسر", "البحر", "المعرة", "الضمير", "ضمير",
    "الحسنة", "الحياة", "الأمانة", "الخير", "العرب", "العربية", "المركز", "الشمال", "الجنوب", "الشرق", "الغرب",
    "مالي", "المغرب", "العاصمة", "الداخلية", "الوسطى", "الشمالية", "الجنوبية", "الشرقية", "الغربية", "الحدود",
    # scene (Mashhad), floods (Seoul), square (Medan), naval (Khartoum North), second (Thane), father (Aba)
    "مشهد", "سيول", "ميدان", "بحري", "تاني", "أبا",
    # financial (السوق المالية), also the nisba of Mali
    "المالي", "المالية",
    # the suburb (Beirut's Dahieh in Lebanese news)
    "الضاحية",
))

#: Demonstratives (MSA and dialect): a definite noun after one is a common noun pointed at (هذه المدينة "this
#: city", هذه الظاهرة "this phenomenon"), never a place's name that happens to carry the article.
AR_DEMONSTRATIVES: frozenset[str] = frozenset(fold_name(w) for w in (
    "هذا هذه هذي ذلك تلك ذاك هذان هذين هاتان هاتين هؤلاء أولئك اولئك هاد هادا هادي هيدا هيدي هيدول هاي هدول"
    ).split())

#: Folded names whose written vowels tell two places apart, as Arabic writers do when it matters:
#: ``(marks in the original spelling, kinds they mean)``, first hit wins. عمّان (shadda) is Amman,
#: عُمان (damma) is Oman; plain عمان is left to context. Folding drops these marks, so the original is read.
AR_VOWELLED: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    "عمان": (("م\u0651", frozenset({"city", "town"})), ("ع\u064f", frozenset({"country"}))),
}

#: Countries where places are named in Arabic and may carry the article (الموصل, الأهواز, الرها):
#: elsewhere an article taken off a word never leads to a city (السيول is not Seoul).
ARABIC_SPEAKING: frozenset[str] = frozenset(
    "SA IQ SY JO LB PS IL EG LY TN DZ MA EH MR SD SO DJ KM YE OM AE QA BH KW TD ER IR TR".split()
)

#: Cue words after which a place name is *not* a mention of the place: water bodies named after
#: a country (Gulf of Mexico, خليج عدن), the evening prayer (صلاة المغرب).
NOT_PLACE_CUES: frozenset[str] = frozenset(fold_name(w) for w in (
    "gulf", "sea", "bay", "strait", "straits", "خليج", "بحر", "مضيق", "صلاة", "صلاه",
))

#: Multiword expressions that contain a place name but do not refer to it; indexed like organisations.
#: (Seas named after a country, "Gulf of Aden", خليج عمان, are places of their own: data/natural_features.geojson.)
NOT_PLACE_PHRASES: tuple[str, ...] = (
    "New York Times", "Washington Post",
    # مسقط رأسه "his birthplace" (literally "where his head fell"), with each possessive ending: not Muscat
    *(f"مسقط {w}" for w in "رأس رأسه رأسها رأسي رأسك رأسهم رأسهما رأسنا رأسكم رأسهن".split()),
    # Dishes named after a place, served anywhere ("Danish pastries", "Turkey sandwiches"): no mention of it.
    "Danish pastry", "Danish pastries", "French fries", "French toast", "Swiss cheese", "Brussels sprouts",
    "Turkish delight", "Brazil nut", "Brazil nuts", "Buffalo wings", "Dijon mustard", "Peking duck",
    "Turkey sandwich", "Turkey sandwiches", "Turkey dinner", "Turkey breast",
    # Oil benchmarks and winds named after a place: "Brent crude" trades in London, "Santa Ana winds" blow anywhere.
    "Brent crude", "Brent oil", "Santa Ana winds",
)

#: AP-style abbreviations of US states (as in datelines: "DAMASCUS, Md."), to their ISO 3166-2 suffix.
#: Read only right after "Place, ", where they cannot be anything else.
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT", "Del.": "DE",
    "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS", "Ky.": "KY", "La.": "LA",
    "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN", "Miss.": "MS", "Mo.": "MO", "Mont.": "MT",
    "Neb.": "NE", "Nev.": "NV", "N.H.": "NH", "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC",
    "N.D.": "ND", "Okla.": "OK", "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD",
    "Tenn.": "TN", "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY", "D.C.": "DC",
}

#: The Canadian Press abbreviations of provinces ("Kamloops, B.C."), to their ISO 3166-2 suffix; read as the US
#: ones are.
CA_PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "B.C.": "BC", "Alta.": "AB", "Sask.": "SK", "Man.": "MB", "Ont.": "ON", "Que.": "QC", "N.S.": "NS",
    "N.B.": "NB", "Nfld.": "NL", "P.E.I.": "PE",
}


# -- words that are never a place on their own ------------------------------------------------
def _with_article(words: str) -> frozenset[str]:
    """Folded forms of space-separated words; Arabic ones also with and without the article."""
    out: set[str] = set()
    for w in words.split():
        f = fold_name(w)
        out.add(f)
        if is_arabic(f):
            out.add(f[2:] if f.startswith("ال") else "ال" + f)
    return frozenset(out)


#: Month names: Syriac (Levant, Iraq), Gregorian (Egypt, the Gulf, the Maghreb's French forms) and Hijri;
#: English months. A place name spelled like one (تموز, آب, Mayo's May) is the month when it stands alone.
MONTHS: frozenset[str] = _with_article(
    "كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين "
    "يناير فبراير مارس أبريل إبريل مايو يونيو يونيه يوليو يوليه أغسطس اغسطس سبتمبر أكتوبر نوفمبر ديسمبر "
    "جانفي فيفري أفريل ماي جوان جويلية أوت "
    "محرم صفر ربيع جمادى رجب شعبان رمضان شوال "
    "january february march april may june july august september october november december"
)
#: Weekday names, Arabic (with and without the article) and English.
WEEKDAYS: frozenset[str] = _with_article(
    "الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "monday tuesday wednesday thursday friday saturday sunday"
)
#: Everyday words of the spoken dialects that social-media posts are written in (Levantine, Gulf, Iraqi,
#: Egyptian, Maghrebi): function words, adverbs and common verbs, from the dialects' grammars, not from
#: any text we parse. Some are spelled like places elsewhere (كاين "there is" is an Arabic name of Caen);
#: words that also name Arab towns (هون "here" is Hun in Libya, خالص "at all" al-Khalis in Iraq) are left out.
DIALECT_WORDS: frozenset[str] = _with_article(
    # Levantine
    "شو هيك هلق هلأ كتير منيح بدي بدك بدو بدها عم مبارح هونيك ليش وين قديش كمان لسا لسه يلا حدا "
    "منشان مشان شوي تبع تبعي هيدا هيدي هيدول "
    # Gulf
    "وايد شلون شنو جذي هالحين الحين زين يبي أبي ترى حيل عيل اشلون "
    # Iraqi
    "ماكو اكو شكو هواية هسة هسه يمعود كلش اكيد "
    # Egyptian
    "إزاي ازاي ليه إمتى امتى فين كده كدا دلوقتي النهارده بكره أوي اوي بتاع عايز عاوز حاجة "
    # Maghrebi
    "واش كاين كاينة كاينين بزاف دابا ديال تاع راه راهي راني راك هاد هادي كيفاش علاش شحال مزيان بغيت "
    "خويا والو باش برشا توا برك شوية"
)
#: English words written in Arabic letters, as posts use them (لايف, أونلاين, الستوري). سوري ("sorry") is
#: left out: it is also "Syrian" (see :data:`INDEFINITE_NISBA_OPENS`).
LOANWORDS_AR: frozenset[str] = _with_article(
    "أوكي اوكي لايف أونلاين اونلاين بوست ستوري لايك شير فولو فيديو موبايل لابتوب ويكند ميتنج أوفر اوفر "
    "ترافيك لوكيشن نورمال برافو ميرسي سيلفي تريند هاشتاغ هاشتاج كاش جيم ماتش أوبر اوبر كافيه مول تاكسي "
    "سيمانة طوموبيل ميساج فيسبوك انستا تيك توك سناب واتساب"
)


# -- diseases named after places ----------------------------------------------------------------
#: Words that make the place name before them (English: "Lassa fever", "West Nile virus", "German measles")
#: or after them (Arabic: حمى لاسا, فيروس زيكا, الحصبة الألمانية) the name of a disease.
DISEASE_HEADS_EN: frozenset[str] = frozenset(
    "virus viruses fever disease flu influenza measles encephalitis syndrome pox".split())
#: Words that may stand between the name and its English head: "Crimean-Congo haemorrhagic fever".
DISEASE_MODIFIERS_EN: frozenset[str] = frozenset(
    "haemorrhagic hemorrhagic spotted equine virus valley forest".split())
DISEASE_HEADS_AR: frozenset[str] = _with_article(
    "حمى حمي فيروس فايروس مرض داء إنفلونزا انفلونزا أنفلونزا إنفلونزة حصبة متلازمة التهاب")
#: Diseases and viruses named after the place they were first described in, written bare ("an Ebola
#: outbreak", إيبولا وماربورغ): the disease unless a locative word or a cue says the place is meant ("in
#: Marburg"). From the lists of infectious diseases named after places (ICD-11 names, ICTV virus names);
#: names that are mostly the place (Sudan, Congo, Nile, Rift Valley, Crimea) count only with a head word.
DISEASE_NAMES: frozenset[str] = frozenset(fold_name(w) for w in (
    "Ebola", "Marburg", "Lassa", "Zika", "Hendra", "Nipah", "Lyme", "Coxsackie", "Norwalk", "Hantaan",
    "Bundibugyo", "Junin", "Machupo", "Guanarito", "Oropouche", "Mayaro", "Usutu", "Powassan", "Sindbis",
    "Semliki", "Reston", "Chapare", "Lujo", "West Nile",
    "إيبولا", "ايبولا", "إبولا", "ماربورغ", "ماربورج", "ماربورك", "لاسا", "زيكا", "هندرا", "نيباه", "نيبا",
    "لايم", "غرب النيل",
))


# -- persons --------------------------------------------------------------------------------------
#: Titles and forms of address: a name right after one is a person's (الأمير تركي, الدكتورة دارين, "Dr.
#: Austin Reyes", "Nurse Florence"), unless the name itself begins with the title (الشيخ زايد, Prince George:
#: the longer name is matched first). A definite nisba after a title is still the state (الرئيس السوري), and
#: Arabic titles count only with the article: a bare one heads a construct, رئيس لبنان "the president of Lebanon".
PERSON_TITLES: frozenset[str] = frozenset(fold_name(w) for w in (
    "الرئيس الوزير الوزيرة السفير السفيرة السيد السيدة الآنسة الشيخ الشيخة الأمير الأميرة الملك "
    "الملكة السلطان الدكتور الدكتورة د المهندس المهندسة الطبيب الطبيبة الطالب الطالبة الحاج الحاجة الأستاذ "
    "الأستاذة المحامي المحامية الفنان الفنانة اللاعب اللاعبة المدرب الكابتن النائب النائبة العقيد العميد "
    "الجنرال المطران الإمام القس الممرض الممرضة الصحفي الصحفية الناشط الناشطة المواطن المواطنة الشاب الشابة "
    "الطفل الطفلة السيدة "
    # ranks and titles of history (الإمبراطور فريدريك, الكونت رينو, البابا أوربان), and a person's trade before
    # the name (الشاعر, المؤرخ, الفيزيائي)
    "الإمبراطور الإمبراطورة القيصر الكونت الكونتيسة الدوق الدوقة البارون البارونة البابا الكاردينال القديس "
    "القديسة الخليفة الوالي القائد المشير النقيب الملازم الرقيب "
    "الشاعر الشاعرة الكاتب الكاتبة الروائي الروائية المؤرخ الفيلسوف الرسام الرسامة المخرج المخرجة الممثل "
    "الممثلة المغني المغنية الفيزيائي الكيميائي المهاجم المدافع الحارس "
    # counsellors, attachés, consuls and their female forms (المستشار عدن الصالح, الملحقة الثقافية ...)
    "المستشار المستشارة الملحق الملحقة القنصل القنصلة العداء العداءة البديل الهداف "
    "president minister mr mrs ms miss dr doctor prof professor gov governor sen senator rep gen general col "
    "capt captain sgt lt judge mayor rev nurse coach prince princess king queen sheikh emir sultan pope lord "
    "lady sir dame ambassador chancellor premier officer"
).split())
#: Verbs whose object is a place (visit, leave, reach, enter): in verb–subject–object order a title between
#: the verb and a name is the subject, and the name is the place (زار الرئيس وهران: "the president visited Oran");
#: not for a name that is also a nisba or a country's name, which after a title is a given name (الأمير تركي).
PLACE_OBJECT_VERBS: frozenset[str] = frozenset(fold_name(w) for w in (
    "زار زارت يزور تزور غادر غادرت يغادر تغادر دخل دخلت يدخل تدخل بلغ بلغت يبلغ تبلغ قصد قصدت يقصد تقصد "
    "وصل وصلت يصل تصل اقتحم اقتحمت يقتحم تقتحم"
).split())
#: Kin words with a possessive ending (my sister, my aunt's ...): the name after one is a person's
#: (أختي سيناء). Levantine, Gulf, Egyptian and Maghrebi forms.
KIN_WORDS: frozenset[str] = frozenset(fold_name(w) for w in (
    "أختي اختي أخي اخوي اخويا خويا أخوي خالتي خالي عمتي عمي ابني بنتي ابنتي زوجتي زوجي مرتي جوزي صديقي "
    "صديقتي صاحبي صاحبتي جدتي جدي ستي أمي امي أبوي ابوي بابا ماما"
).split())
#: Words of a patronymic chain: a name right before one is a person's (تركي بن طلال, جنين بنت خالتي).
NASAB_WORDS: frozenset[str] = frozenset(fold_name(w) for w in "بن بنت ابن ابنة".split())
#: Kin nouns with a third person's possessive (his daughter, her husband ...): a name right after one is that
#: relative's (ابنته بيسان, زوجها حيفا), not a place. Left out: forms that fold like another word (أمه like أمة
#: "nation", جده like جدة, Jeddah).
KIN_POSSESSED_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "ابنه ابنها ابنهما ابنهم ابنته ابنتها ابنتهما ابنتهم بنته بنتها زوجته زوجها شقيقه شقيقها شقيقته شقيقتها "
    "أخوه أخيه أخاه أخوها أخته أختها والده والدها والدته والدتها أمها أبوه أبيه أباه أبوها حفيده حفيدها "
    "حفيدته حفيدتها جدها جدته جدتها عمه عمها عمته عمتها خاله خالها خالته خالتها طفله طفلها طفلته طفلتها "
    "صديقه صديقها صديقته صديقتها زميله زميلها زميلته زميلتها نجله نجلها نجلته كريمته خطيبته خطيبها"
).split())
#: "Father of": a name right after أبو is a kunya, a person's (أبو ريحانة), or the second word of a longer name
#: (أبو ظبي, matched whole); the word alone is not the place.
KUNYA_AR: frozenset[str] = frozenset(fold_name(w) for w in "أبو".split())
#: Uncles and aunts after ابن/ابنة/بنت: ابن عم, بنت خالة "cousin"; the name after them is the cousin's relative.
COUSIN_HEADS_AR: frozenset[str] = frozenset(fold_name(w) for w in "عم خال عمة خالة".split())
#: English kin nouns: after a possessive ("her daughter Jordan", "their son Austin", "his granddaughter, Florence,")
#: the name is the relative's.
KIN_NOUNS_EN: frozenset[str] = frozenset(
    "daughter son wife husband mother father sister brother niece nephew cousin grandson granddaughter "
    "grandmother grandfather aunt uncle stepdaughter stepson fiancee fiance partner twin baby "
    # ... and other persons one has (her colleague Madison, his friend Austin)
    "colleague friend neighbour neighbor classmate roommate boss assistant mentor student pupil".split())
#: Possessive determiners before an English kin noun.
POSSESSIVES_EN: frozenset[str] = frozenset("her his their my our your whose".split())

# -- languages ------------------------------------------------------------------------------------
#: Language names: the one-word names of ISO 639-1 (pycountry), and a few common other names. "Spanish",
#: "Hindi" and "Tonga" are also demonyms or places; read as a language only where the words around say so
#: (:data:`LANGUAGE_BEFORE_EN`, :data:`LANGUAGE_AFTER_EN`, a list of languages).
LANGUAGES_EN: frozenset[str] = frozenset(w.lower() for w in (
    "Abkhazian Afar Afrikaans Akan Albanian Amharic Arabic Aragonese Armenian Assamese Avaric Avestan Aymara "
    "Azerbaijani Bambara Bashkir Basque Belarusian Bengali Bislama Bosnian Breton Bulgarian Burmese Catalan "
    "Chamorro Chechen Chichewa Chinese Chuvash Cornish Corsican Cree Croatian Czech Danish Divehi Dutch "
    "Dzongkha English Esperanto Estonian Ewe Faroese Fijian Finnish French Fulah Galician Ganda Georgian "
    "German Guarani Gujarati Haitian Hausa Hebrew Herero Hindi Hungarian Icelandic Ido Igbo Indonesian "
    "Interlingua Interlingue Inuktitut Inupiaq Irish Italian Japanese Javanese Kalaallisut Kannada Kanuri "
    "Kashmiri Kazakh Khmer Kikuyu Kinyarwanda Kirghiz Komi Kongo Korean Kuanyama Kurdish Lao Latin Latvian "
    "Limburgan Lingala Lithuanian Luba-Katanga Luxembourgish Macedonian Malagasy Malay Malayalam Maltese Manx "
    "Maori Marathi Marshallese Mongolian Nauru Navajo Ndonga Nepali Norwegian Occitan Ojibwa Oriya Oromo "
    "Ossetian Pali Panjabi Persian Polish Portuguese Pushto Quechua Romanian Romansh Rundi Russian Samoan "
    "Sango Sanskrit Sardinian Serbian Serbo-Croatian Shona Sindhi Sinhala Slovak Slovenian Somali Spanish "
    "Sundanese Swahili Swati Swedish Tagalog Tahitian Tajik Tamil Tatar Telugu Thai Tibetan Tigrinya Tonga "
    "Tsonga Tswana Turkish Turkmen Twi Uighur Ukrainian Urdu Uzbek Venda Vietnamese Volapük Walloon Welsh "
    "Wolof Xhosa Yiddish Yoruba Zhuang Zulu"
).split()) | frozenset("greek punjabi pashto farsi dari mandarin cantonese filipino gaelic kurmanji sorani".split())
#: English words before a language name: "speaks Spanish", "in Spanish", "translated into Hindi".
LANGUAGE_BEFORE_EN: frozenset[str] = frozenset(
    "in into speak speaks spoke spoken speaking learn learns learning learned learnt teach teaches taught "
    "teaching study studies studied translate translated translates translation fluent native".split())
#: English words after a language name: "Spanish-language", "Spanish-speaking", "Hindi speakers".
LANGUAGE_AFTER_EN: frozenset[str] = frozenset(
    "language languages speaking speaker speakers speak translation translations translator subtitles "
    "dub dubbed version lessons classes class course courses teacher teachers".split())
#: Arabic words before a language, which Arabic names by the nisba: "يتكلم التركية", "بحكي عربي",
#: "اللغة الكردية", "تتعلم تركي"; verbs of speaking, learning, writing and translating in MSA and dialect.
LANGUAGE_BEFORE_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "لغة اللغة لغات اللغات يتكلم تتكلم أتكلم نتكلم يتكلمون يتحدث تتحدث أتحدث يتحدثون يحكي تحكي بحكي بتحكي "
    "أحكي نحكي يحكو يتعلم تتعلم أتعلم نتعلم بتعلم بتتعلم يدرس تدرس أدرس يجيد تجيد أجيد يتقن تتقن أتقن "
    "يكتب تكتب أكتب يترجم تترجم ترجم ترجمة مترجم مترجمة يفهم تفهم أفهم يهدر تهدر نهدر"
).split())

# -- organisations ----------------------------------------------------------------------------
#: Arabic head nouns of organisations, markets and companies: the name right after one is inside the
#: organisation's name (بنك مصر, بورصة الكويت, نادي الزمالك, بلدية نابلس, البنك المركزي), and the word itself
#: is never a place (بورصة is also an Arabic spelling of Bursa). A nisba after one is the state (مجموعة
#: إماراتية, a company's nationality). A team is an organisation too: منتخب البرتغال (Portugal's national team)
#: and فريق برشلونة play where the match is, not in the country or city they are named after (the corpora's
#: convention: sports teams are organisations; a nisba stays the state: المنتخب البرتغالي).
ORG_HEADS_AR: frozenset[str] = _with_article(
    "بنك مصرف بورصة شركة مجموعة نادي بلدية موانئ مصافي مؤسسة هيئة صندوق وكالة اتحاد رابطة جمعية جامعة "
    "كلية معهد صحيفة جريدة قناة إذاعة تلفزيون مصنع مصانع مجلس منتخب منتخبات فريق "
    # committees, parliamentary blocs, courts, parties named after a place: لجنة القدس, كتلة القدس, محكمة نابلس
    # (not جبهة: "the Aleppo front" is where the fighting is)
    "لجنة لجان كتلة محكمة حزب "
    # competitions named after a place: دوري أبطال أوروبا (the Champions League), كأس إسبانيا (the Spanish cup)
    "دوري كأس بطولة أبطال "
    # clubs named "Real X", "Atlético X" (ريال مدريد); ريال the currency takes a nisba (ريال سعودي), kept as the state;
    # the other words that open European clubs' names in Arabic (سبورتنغ لشبونة, إنتر ميلان, أولمبيك مرسيليا)
    "ريال أتلتيكو اتلتيكو أتلتكو اتلتكو سبورتنغ سبورتينغ سبورتنج سبورتينج إنتر أولمبيك بوروسيا ديبورتيفو "
    # airlines named after their state or city (طيران الإمارات, طيران الخليج); a nisba after it stays the state's
    "طيران")
#: Words that close a club's name after the city's, as Arabic writes English and other clubs' names (مانشستر
#: يونايتد, بولتون واندررز, مانشستر سيتي, توتنهام هوتسبير): the city before one is inside the club's name.
ORG_TAILS_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "يونايتد يونايتيد سيتي واندررز وندررز روفرز هوتسبير هوتسبر ألبيون البيون أتلتيك اتلتيك").split())
#: English head nouns that end an organisation's name: "Qatar National Bank", "Abu Dhabi Securities
#: Exchange", "Trafford Council", "Manchester United"; a place inside such a name is not a mention.
ORG_HEADS_EN: frozenset[str] = frozenset(
    "bank exchange bourse airways airlines university college council authority ports steel motors power "
    "health securities group holdings corporation corp company inc ltd plc petroleum properties telecom "
    "united fc rovers wanderers athletic albion hotspur club league federation association institute "
    "foundation times post herald tribune school academy "
    "agency news daily journal gazette star llc laboratories cartel "  # Xinhua News Agency, China Daily
    "declaration accord accords agreement protocol treaty "  # the Damascus Declaration, the Minsk Protocol
    "networks software technologies ceramics global elementary".split())  # Red Sea Global, Palo Alto Networks
#: English head nouns that open an organisation's name: "Bank of England", "University of Reading".
ORG_OPENERS_EN: frozenset[str] = frozenset("bank university college council".split())

# -- sports ---------------------------------------------------------------------------------------
#: Words of a match report that make a city's name its club: "Brighton beat Wolves", "host Tottenham",
#: فاز الحسين إربد على ضيفه الرمثا. A country's name there is its national team, and so the country. Only
#: words of a result between two sides: "against", "host", أمام are said of places too.
SPORTS_WORDS: frozenset[str] = frozenset(fold_name(w) for w in (
    "beat beats beaten beating drew defeated defeats thrashed edged routed outlasted trounced "
    "فاز يفوز فوز فوزه فوزها تعادل يتعادل خسر يخسر هزم يهزم تغلب يتغلب ضيفه ضيفها مضيفه مضيفها "
    # "to meet" a side in a fixture (يسافر الزمالك لملاقاة ...): said of teams, not of places
    "ملاقاة"
).split())
#: Words of an English sports report. A text with at least :data:`SPORTS_REPORT_MIN_WORDS` distinct ones is a match
#: report, where the words below make a town's name next to them its club's (geo.extract.club_at): there "host
#: Tottenham", "against Liverpool", "Manchester City" and "the Hobart Hurricanes" are clubs, as "Brighton beat
#: Wolves" is anywhere. A country's name stays the country (its national team).
SPORTS_REPORT_EN: frozenset[str] = frozenset(
    "match matches goal goals scored scorer minute league season coach manager striker goalkeeper midfielder "
    "defender winger substitute penalty fixture derby relegation wickets innings bowled batting rebounds assists "
    "halftime playoff playoffs touchdown quarterback pitcher inning homer referee kickoff".split())
SPORTS_REPORT_MIN_WORDS = 3
#: Capitalised words after a town's name that make it a club's in a match report: Aston Villa, Manchester City,
#: Ipswich Town, Glasgow Rangers (United, Rovers, Athletic ... are organisations' heads anywhere: ORG_HEADS_EN).
CLUB_SUFFIXES_EN: frozenset[str] = frozenset("villa city town forest rangers celtic wanderers".split())
#: Words right before a town's name (an article may stand between) that make it a club in a match report.
CLUB_BEFORE_EN: frozenset[str] = frozenset(
    "host hosts hosted hosting face faces faced facing against versus vs v play plays played playing".split())
#: Two words before a town's name in a match report: "lost to Inter", "a win over Leeds", "drew with Palace",
#: "joined from Sunderland" (a transfer: the player's former club).
CLUB_PAIRS_EN: dict[str, frozenset[str]] = {prep: frozenset(ws.split()) for prep, ws in {
    "to": "lost lose loses losing fell falls loss defeat defeats",
    "over": "win wins won victory victories triumph",
    "with": "drew draw draws drawn tied",
    "from": "joined signed loan",
}.items()}
#: A club's people and record after its name or its possessive, in a match report: "the Newcastle manager",
#: "Chelsea's Spanish goalkeeper", "Boston's seven-game winning streak".
CLUB_ROLES_EN: frozenset[str] = frozenset(
    "manager coach boss goalkeeper keeper striker winger defender midfielder captain skipper fans supporters "
    "squad players lineup streak".split())
#: News agencies that share a name with a place (Xinhua, towns of China; Anadolu, Anatolia; Petra, Jordan's agency and
#: the ancient city; Antara; Wafa): before a word of reporting or after "according to" the agency, not the place.
NEWS_AGENCIES_EN: frozenset[str] = frozenset("xinhua anadolu petra antara wafa bernama kyodo yonhap".split())
#: Words of reporting after a news agency's name ("Xinhua said", "Xinhua reported", "Anadolu quoted ...").
REPORTING_WORDS_EN: frozenset[str] = frozenset(
    "said says reported reports reporting quoted quotes cited cites news agency".split())
#: Roles written before a player's or coach's name in a match report: "substitute Jordan Whitby", "coach Phoenix
#: Grant", "winger Caio Santos". The two capitalised words after one are a person's given name and surname.
PLAYER_ROLES_EN: frozenset[str] = frozenset(
    "manager coach boss goalkeeper keeper striker winger defender midfielder captain skipper substitute opener "
    "guard center centre forward rookie batsman batter bowler pitcher quarterback player teammate".split())


# -- facilities, streets and districts: a cue word and a name -------------------------------------
#: Arabic cue words before a facility's, street's or district's name (مرفأ بيروت, مستشفى نبيه بري, شارع
#: الحمرا, قضاء صور), to the kind of place they announce. Camps, prisons and crossings keep :data:`CUES`;
#: checkpoints (سيطرة "control", حاجز "barrier") are left out: the words are far more often everyday nouns.
#: منطقة ("area") makes a district only of a town's name (منطقة عفرين; see geo.facilities).
FACILITY_CUES_AR: dict[str, str] = {fold_name(w): kind for kind, ws in {
    "facility": "مطار مطاري ميناء مرفأ مرفا مستشفى مشفى مستوصف جسر كوبري سد نفق محطة ملعب ستاد استاد جامع مسجد "
                "كنيسة فندق قلعة",
    "street": "شارع طريق ساحة ميدان محور كورنيش جادة أوتوستراد اوتوستراد",
    "district": "قضاء أقضية مديرية مديريتي محلية ناحية لواء منطقة",
    "locality": "حي أحياء",
}.items() for w in ws.split()}
#: Head nouns of places (the Arabic cue words: مدينة, بلدة, قرية, منطقة, مطار, ميدان, جسر ...) with the article,
#: folded: alone, each is the common noun ("the city"), whatever places GeoNames calls so (Medina, al-Madina); a
#: definite word right after one is its adjective (المدينة العريقة "the ancient city"), not a place.
PLACE_HEADS_DEFINITE_AR: frozenset[str] = frozenset(
    "ال" + w for w in (*CUES, *FACILITY_CUES_AR) if is_arabic(w) and not w.startswith("ال"))

#: English cue words after a facility's, street's or district's name ("Wythenshawe Hospital", "Oxford
#: Road", "Anderson County", "Mundra port"), to the kind of place they announce.
FACILITY_CUES_EN: dict[str, str] = {w: kind for kind, ws in {
    "facility": "airport port hospital clinic bridge dam tunnel station stadium ground arena mosque church "
                "cathedral hotel harbour harbor terminal checkpoint cemetery shrine palace refinery museum "
                "park forest plant",
    "street": "street st road rd avenue ave boulevard blvd square highway expressway motorway freeway lane "
              "drive parkway",
    "district": "district districts county counties parish borough municipality township",
}.items() for w in ws.split()}
#: English words that head a natural feature's name ("Trinity River", "Sulu Sea"): with the cue words
#: above, a capitalised word before one is part of a place's name, not a person's given name.
FEATURE_HEADS_EN: frozenset[str] = frozenset(
    "river rivers lake lakes sea bay gulf strait creek island islands mountain mountains range valley desert "
    "forest park peninsula cape coast canal falls plains plain highlands lowlands hills heights marshes steppe "
    "basin plateau".split())
#: Heads of landform names ("the Nineveh Plains", "the Bekaa Valley", "the Golan Heights"): after a name they
#: are the rest of it, and alone they are no place, whatever towns GeoNames calls so (Plains, Texas; Valley,
#: Alabama): a capitalised one alone is the landform of a name just said, or a sentence's first word.
LANDFORM_HEADS_EN: frozenset[str] = frozenset(
    "plains plain valley highlands lowlands hills heights marshes steppe basin plateau mountains desert".split())
#: Heads of a landform's or an island's name after a place's name, to the kind of place the whole name is ("the
#: Zambezi Valley", "the Nineveh Plains", "the Mekong Delta", "Victoria Island", "the Salang Pass"): the name
#: before one names the landform, not the province, country or town it shares its name with. A landform the
#: gazetteer lacks is placed approximately, as a facility is (geo.facilities), in the regions' layer; a sea it lacks
#: ("the Salton Sea") is listed unlocated, never put at a town.
LANDFORM_KINDS_EN: dict[str, str] = {w: "region" for w in (
    "valley plains plain highlands lowlands hills heights marshes steppe basin plateau delta peninsula "
    "island islands oasis pass").split()} | {"desert": "desert", "sea": "sea"}
#: The same in Arabic, before the name (حوض سرت "the Sirte Basin", سهل نينوى "the Nineveh Plains", دلتا النيل, واحة
#: سيوة): the head and the name are the landform, not the town or province of that name (a sea, a lake or a river
#: after one stays the water: حوض المتوسط "the Mediterranean basin" is the sea, as the corpora read it).
LANDFORM_KINDS_AR: dict[str, str] = {fold_name(w): "region" for w in "حوض سهل دلتا واحة".split()}
#: Heads of an event's, a process's or an armed group's name after a place's name ("the Tigray War", "the Berlin
#: Process", "the Normandy Format", "the Minsk Protocols", "the Kigali Brigade", "the Mosul Choir"): capitalised,
#: they end a longer name and the place inside it is no mention (talks, a conference, a summit are held at the
#: place they are named after: not here). The first three are also read in lower case after "the" ("the Luanda
#: process").
EVENT_HEADS_EN: frozenset[str] = frozenset(
    "process format protocols war wars uprising massacre brigade brigades battalion battalions choir".split())
#: Heads that end an armed group's name a few capitalised words after a place's name ("the Sudan Liberation Army",
#: "the Darfur Joint Force", "the Benghazi Defence Brigades", "the U.S. Air Force"): the place inside is no mention.
#: Not "Guard": a state's National Guard is counted as the state by the corpora.
ARMED_GROUP_HEADS_EN: frozenset[str] = frozenset(
    "army armies front brigade brigades battalion battalions militia militias force forces corps".split())


#: Words that are never a place on their own, whatever the gazetteer says (a longer name that holds one,
#: خميس مشيط, العاشر من رمضان, Council Bluffs, is still matched whole), and the head nouns of organisations and
#: facilities (بورصة "stock exchange" is also an Arabic spelling of Bursa; "Council" a town in Idaho).
NEVER_PLACE_ALONE: frozenset[str] = (MONTHS | WEEKDAYS | DIALECT_WORDS | LOANWORDS_AR | ORG_HEADS_AR | ORG_TAILS_AR
                                     # "the Council", "Street": English heads of organisations' and facilities' names
                                     | ORG_HEADS_EN | FACILITY_CUES_EN.keys() | LANDFORM_HEADS_EN)


# -- Arabic words around a name (session 9) ------------------------------------------------------
#: Natural features' head nouns with the article (folded): البحيرة "the lake", النهر, الوادي, الجبل. Alone each is
#: the common noun ("the lake" of a dam), whatever division or town is named so (Egypt's البحيرة governorate): a
#: place only after a locative word (في البحيرة), with a cue or a qualifier, or in a list.
NATURAL_HEADS_DEFINITE_AR: frozenset[str] = frozenset(
    fold_name("ال" + w) for w in "بحيرة نهر وادي جبل هضبة".split())
#: Nouns of a side of water or land (folded, with the article): الضفة "the bank", الساحل "the coast". Followed by
#: a direction adjective (الضفة الشرقية "the east bank") or a river (الضفة الغربية لنهر دجلة) they are a river's
#: bank or a coast, not the West Bank or the Sahel the gazetteer names by them.
SIDE_NOUNS_AR: frozenset[str] = frozenset(fold_name(w) for w in "الضفة الساحل".split())
SIDE_ADJECTIVES_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "الشرقية الغربية الشمالية الجنوبية اليمنى اليسرى الشرقي الغربي الشمالي الجنوبي الأيمن الأيسر").split())
#: "river" as the word after a bank: نهر, لنهر, النهر, للنهر (folded); the river that is the West Bank's own (the
#: Jordan) is read apart.
RIVER_WORDS_AR: frozenset[str] = frozenset(fold_name(w) for w in "نهر لنهر النهر للنهر".split())
JORDAN_RIVER_AR: frozenset[str] = frozenset(fold_name(w) for w in "الأردن الاردن".split())
#: Loanwords of dialect posts spelled like a nisba: سوري "sorry" (also "Syrian"). The loanword opens its sentence
#: or clause and an apology goes on after it: a vocative (سوري يا جماعة), a negation (سوري ما قدرت), the fault
#: after the dialect's ع (سوري ع التأخير, سوري عالإزعاج), an intensifier or a pronoun; not على ("a Syrian on ...").
APOLOGY_NISBAS_AR: frozenset[str] = frozenset({fold_name("سوري")})
APOLOGY_AFTER_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "يا ما ع كتير كثير جدا انا أنا والله بس اذا إذا لو للتأخير").split())
#: Nouns of a sports league (folded, with and without the article): a definite nisba right after one, or after one
#: word of its name (دوري روشن السعودي, الدوري المصري), ends the league's name, no mention of the state.
LEAGUE_HEADS_AR: frozenset[str] = _with_article("دوري")
#: Players' roles before a club's name (مهاجم الرمثا "al-Ramtha's striker", لاعبو الوحدات): a city's name after one
#: is its club; a country's name there is its national team, and so the country (see SPORTS_WORDS).
PLAYER_ROLES_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "مهاجم مهاجمو مهاجمي مدافع مدافعو مدافعي لاعب لاعبو لاعبي هداف").split())
#: Indefinite colour adjectives (folded): زرقاء "blue", بيضاء "white" (عباية لونها زرقاء). Places named by a colour
#: carry the article (الزرقاء, البيضاء, الحمراء) or a head noun (البحر الأحمر, تل أبيض, matched whole): the bare
#: adjective is never a place alone.
COLOUR_ADJECTIVES_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "أزرق زرقاء أبيض بيضاء أحمر حمراء أخضر خضراء أسود سوداء أصفر صفراء رمادي رمادية بني بنية وردي وردية "
    "برتقالي برتقالية بنفسجي بنفسجية").split())
#: Names that are also elative adjectives (folded): الأقصى "the farthest" (al-Aqsa). After a definite noun, or a
#: noun with a pronoun, the word is that noun's adjective (الحد الأقصى "the maximum", المغرب الأقصى, حدها الأقصى).
ELATIVE_NAMES_AR: frozenset[str] = frozenset(fold_name(w) for w in "الأقصى".split())
#: "Countryside" (folded): ريف حلب, ريف الرقة name the province around a seat city (the governorate), not the city.
COUNTRYSIDE_AR: frozenset[str] = frozenset(fold_name(w) for w in "ريف أرياف ريفي".split())
#: ... its dual and plural (ريفي حلب وإدلب "the countrysides of Aleppo and Idlib", أرياف حماة وحمص): each province of
#: the list after it.
COUNTRYSIDES_AR: frozenset[str] = frozenset(fold_name(w) for w in "أرياف ريفي".split())
#: Words that end a stock exchange's name after سوق "market" and a place (سوق دبي المالي, سوق أبوظبي للأوراق المالية,
#: سوق مسقط للأوراق المالية): the whole is an organisation, neither a market place nor a mention of the city.
EXCHANGE_TAILS_AR: frozenset[str] = frozenset(fold_name(w) for w in "المالي المالية للأوراق للاوراق".split())
MARKET_AR: frozenset[str] = frozenset(fold_name(w) for w in "سوق".split())

# -- states acting --------------------------------------------------------------------------------
#: Verbs of saying, deciding and negotiating (folded; perfect and imperfect, feminine and masculine): a country's
#: name (or its capital's) right after one in Arabic's verb-first order (أعلنت روسيا, تسعى الولايات المتحدة) or right
#: before one (موسكو ترفض) is the state acting, a political actor, as the Wojood corpus tags it (ORG). The mention
#: stays a place on the map; ``Evidence.STATE_ACTOR`` only says so, for a reader or a scorer that counts actors apart.
STATE_ACTOR_VERBS_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "قال قالت يقول تقول أعلن أعلنت يعلن تعلن أكد أكدت يؤكد تؤكد رفض رفضت يرفض ترفض قرر قررت يقرر تقرر "
    "طالب طالبت يطالب تطالب دعا دعت يدعو تدعو أوضح أوضحت يوضح توضح سعى سعت يسعى تسعى تعاون تعاونت يتعاون "
    "تتعاون تفاوض تفاوضت يتفاوض تتفاوض اعترض اعترضت يعترض تعترض حرص حرصت يحرص تحرص أدان أدانت يدين تدين "
    "هدد هددت يهدد تهدد اتهم اتهمت يتهم تتهم وافق وافقت يوافق توافق عارض عارضت يعارض تعارض اقترح اقترحت يقترح "
    "تقترح طلب طلبت يطلب تطلب أيد أيدت يؤيد تؤيد نفى نفت ينفي تنفي حذر حذرت يحذر تحذر واصل واصلت يواصل تواصل "
    "فرض فرضت يفرض تفرض وقع وقعت اعتبر اعتبرت يعتبر تعتبر ترى يرى رأت أرادت تريد يريد أبدت تبدي يبدي "
    "استخدمت اعترفت يعترف تعترف ردت يرد ترد تملك يملك تستطيع يستطيع استطاعت تستمر يستمر استمرت").split())
#: Words before من that make the name after it the state backing something (الميليشيات المدعومة من روسيا, بدعم من
#: الولايات المتحدة): the state acting too.
STATE_BACKING_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "المدعومة المدعوم مدعومة مدعوم بدعم وبدعم").split())
#: Nouns whose genitive is the state acting (موقف روسيا "Russia's position", قرار موسكو, جهود الولايات المتحدة,
#: حكومة فلسطين "the government of Palestine").
STATE_ACTOR_NOUNS_AR: frozenset[str] = frozenset(fold_name(w) for w in (
    "موقف وموقف فموقف قرار وقرار جهود وجهود سياسة وسياسة مقاربة حكومة وحكومة لحكومة بحكومة استراتيجية دبلوماسية "
    "تعهد تعهدات مبادرة وزارة سفارة وزير").split())
#: Names that fold onto a month or an everyday word and are told apart by their written hamza (folded word → the
#: letter the name begins with): إب, Yemen's Ibb (a governorate and its city), is neither آب "August" nor أب
#: "father". Read as a one-word name only when written so; resolution still wants a cue or a list for it.
AR_HAMZA_NAMES: dict[str, str] = {fold_name("إب"): "إ"}
