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
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import compress
from typing import NamedTuple

from .extract import RawMatch, _Tokens
from .gazetteer import Gazetteer
from .model import Place
from .text import (
    FACILITY_CUES_AR,
    FACILITY_CUES_EN,
    MONTHS,
    NEVER_PLACE_ALONE,
    Folded,
    fold_name,
    is_arabic,
    strip_proclitics,
)

__all__ = ["Facility", "find_facilities", "place_facilities", "APPROXIMATE_PREFIX"]

#: Place ids of approximate places start with this: ``approx:<kind>:<anchor place id>:<hash of the name>``.
APPROXIMATE_PREFIX = "approx:"

# Cue words whose facility is where its name says (a port, an airport, a hospital, a district's seat);
# the others (streets, bridges, stadiums, mosques ...) are placed by the statement's context first.
_NAME_FIRST = frozenset(fold_name(w) for w in (
    "مطار مطاري ميناء مرفأ مرفا مستشفى مشفى مستوصف سد قضاء أقضية مديرية مديريتي محلية ناحية لواء منطقة "
    "airport port harbour harbor hospital clinic dam district districts terminal").split())
# Cue words that govern two names (dual) or a list (plural): مديريتي الحوك والحالي, أقضية ... و... و...
_MANY = frozenset(fold_name(w) for w in "مطاري مديريتي أقضية أحياء districts counties".split())
# A district cue word that is also "area" in everyday use: only a town's name after it makes it a district.
_TOWN_ONLY = frozenset({fold_name("منطقة")})
# Cue words that are also everyday words or verbs (سد "fill", طريق "way", حي "alive", ناحية "side", قضاء
# "judiciary", لواء "brigade"): they need a name that is no common word after them.
_AMBIGUOUS = frozenset(fold_name(w) for w in (
    "سد طريق حي أحياء ساحة ميدان محور ناحية قضاء لواء جسر محطة سيطرة حاجز منطقة مديرية محلية").split())
# Words that end an Arabic name: prepositions, particles, relatives.
_STOP_AR = frozenset(fold_name(w) for w in (
    "في من إلى الى على عن مع بين قرب أمام امام بعد قبل حيث منذ خلال عند لدى الذي التي الذين اللي اللذان اللتان "
    "اللذين اللتين اللواتي اللاتي "
    "و أو ثم بل لكن إن أن قد لا لم لن ما هو هي هم كان كانت عم رح").split())
# Generic complements: a cue word followed by one of these is a description, not a name (شارع رئيسي,
# مستشفى ميداني, الطريق الرئيسي, مطار دولي).
_GENERIC_AR = frozenset(fold_name(w) for w in (
    "رئيسي رئيسية الرئيسي الرئيسية عام عامة العام العامة دولي الدولي جديد الجديد قديم القديم كبير الكبير "
    "صغير خاص الخاص حكومي الحكومي عسكري العسكري مدني ميداني الميداني مركزي المركزي سريع السريع فرعي "
    "الفرعي مؤقت المؤقت آخر اخر ثاني الثاني واحد المدينة البلدة القرية المنطقة المحافظة البلاد الحدود "
    "جوي الجوي بري البري بحري البحري").split())
# Adjectives that close a facility's name in Arabic (مطار حلب الدولي, جامع النوري الكبير).
_CLOSING_AR = frozenset(fold_name(w) for w in (
    "الدولي الدولية التعليمي التعليمية العام العامة الحكومي الحكومية الكبير الكبرى الجامعي الرياضية "
    "الرياضي الوطني الوطنية العسكري المركزي التخصصي الجديد القديم").split())
# Titles inside a name: the word after one continues the name (ملعب مدينة الأمير سلطان, مستشفى الملك فهد).
_NAME_TITLES = frozenset(fold_name(w) for w in "الأمير الملك الشيخ الإمام السلطان الشهيد الرئيس".split())
_MAX_NAME = 5
# What may stand between a facility's phrase and the town it is in, named after it: في, ب (بدمشق), in, at.
_WHERE_AFTER_MAX = 12  # characters: the longest of them with its spaces
_WHERE_AFTER = frozenset(fold_name(w) for w in "في ب بمدينة في مدينة , ، in at".split()) | {"في مدينه", ","}
# English words that may stand inside a capitalised name without a capital.
_EN_INNER = frozenset({"and", "of", "'s"})
_EN_NOT_NAME = frozenset({"the", "a", "an", "in", "at", "on", "to", "from", "near", "by"})
_DIRECTIONS = frozenset("north south east west northern southern eastern western central northeast northwest "
                        "southeast southwest upper lower greater".split())


#: Heads of religious sites named by a definite adjective after the head with the article: الجامع الأموي, الحرم
#: الإبراهيمي. Only with a definite name after them (المسجد جميل is "the mosque is beautiful") that is no everyday
#: adjective, and حرم only so (حرم الرئيس is the president's wife; الحرم الجامعي a campus).
_DEFINITE_HEADS_AR = frozenset(fold_name(w) for w in "مسجد جامع حرم".split())
_NOT_SITE_NAMES_AR = frozenset(fold_name(w) for w in "الجامعي الجامعية الشريف الشريفة المبارك".split())
_CUE_ENDINGS = frozenset(w[-2:] for w in (*FACILITY_CUES_AR, *_DEFINITE_HEADS_AR))
_CUES_EN = frozenset(FACILITY_CUES_EN) | {"port", "highway", "route", "interstate"}


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


def _cue_ar(tok: str) -> tuple[str, str] | None:
    """``(cue word, kind)`` for an Arabic token that is a facility cue, its proclitics (not the article) taken off."""
    hit = FACILITY_CUES_AR.get(tok)
    if hit:
        return tok, hit
    for pl, stem in strip_proclitics(tok):
        # Not through the article: المرفأ "the port" is no construct head (مرفأ بيروت is) ...
        if pl and "ال" not in tok[:pl] and tok[:pl] not in ("لل", "ولل", "فلل") and stem in FACILITY_CUES_AR:
            return stem, FACILITY_CUES_AR[stem]
        # ... but المسجد الأقصى is a mosque's name: the head keeps its article in the phrase.
        if stem.startswith("ال") and stem[2:] in _DEFINITE_HEADS_AR:
            return stem, "facility"
    return None


def find_facilities(folded: Folded, matches: Sequence[RawMatch], gaz: Gazetteer,
                    toks: _Tokens | None = None) -> list[Facility]:
    """Every cue-and-name phrase in ``folded`` that is not already one gazetteer match, in text order
    (``toks``: the folded text's tokens, :func:`geo.extract.word_tokens`, if the caller has them)."""
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
    if not cues_ar and not cues_en:
        return []
    cues = cues_ar | cues_en
    match_at = {m.token_index: m for m in matches}
    covered = {t for m in matches if m.token_count > 1 for t in range(m.token_index, m.token_index + m.token_count)}
    cased = folded.cased if len(folded.cased) == len(text) else text
    out: list[Facility] = []
    for c in compress(range(n), map(cues.__contains__, words)):  # C-level: no Python work per word
        w = words[c]
        if w in cues_ar and c not in covered:
            out.extend(_arabic(c, words, seps, starts, match_at, gaz))
        elif w in cues_en and c not in covered and not is_arabic(w):
            out.extend(_english(c, words, seps, starts, cased, match_at))
    return out


def _arabic(c: int, words: list[str], seps: list[str], starts: list[int], match_at: dict[int, RawMatch],
            gaz: Gazetteer) -> list[Facility]:
    cue, kind = _cue_ar(words[c])  # type: ignore[misc]
    n = len(words)
    if c + 1 >= n or seps[c + 1] != " ":
        return []
    # The cue word without its proclitics starts the phrase.
    fs = starts[c] + len(words[c]) - len(cue)
    names: list[tuple[int, int]] = []  # (first token, last token) of each name
    t = c + 1
    while t < n:
        first = words[t]
        if names:
            # A dual or plural head governs names joined by و: مديريتي الحوك والحالي.
            if first[:1] != "و" or len(first) < 4:
                break
        elif first in _GENERIC_AR or first in _STOP_AR or not is_arabic(first) or len(first) < 2:
            return []
        elif cue.startswith("ال") and (not first.startswith("ال") or first in _CLOSING_AR
                                       or first in _NOT_SITE_NAMES_AR or gaz.is_common_word(first[2:])):
            # المسجد الكبير "the big mosque", المسجد جميل, الجامع القديم: an everyday adjective (its form without
            # the article is a common word: كبير, قديم, داخلي) describes the mosque; الأموي, الإبراهيمي name it.
            return []
        m = match_at.get(t)
        if not names and m is None and cue in _AMBIGUOUS and first not in MONTHS and (
                gaz.is_common_word(first) or (not first.startswith("ال") and first.endswith("ه"))):
            # سد "fills", طريق "way", حي "alive", أحياء متضررة "damaged neighbourhoods": only a name that is no
            # common word (nor an indefinite feminine adjective) makes a place of them
            return []
        if m is not None and m.token_count > 1:
            last = t + m.token_count - 1
        else:
            if not names and gaz.commonness_any(first) >= 5.5 and first not in NEVER_PLACE_ALONE:
                return []  # a particle: عن طريق, سد فجوة is not هذا
            last = t
            # More words of the name: definite ones (محمد الخامس), ones that are no common word, the word
            # after a title (الأمير سلطان); a preposition or a line end stops it.
            while last + 1 < n and last + 1 - t < _MAX_NAME and seps[last + 1] == " ":
                nxt = words[last + 1]
                if nxt in _STOP_AR or not is_arabic(nxt) or nxt[:1] == "و" or nxt in _CLOSING_AR:
                    break
                if nxt.startswith("ال") or words[last] in _NAME_TITLES or not gaz.is_common_word(nxt):
                    last += 1
                    continue
                break
        # Adjectives that close the name: الدولي, التعليمي, الكبير.
        while last + 1 < n and seps[last + 1] == " " and words[last + 1] in _CLOSING_AR:
            last += 1
        names.append((t, last))
        if cue not in _MANY:
            break
        t = last + 1
        if t >= n or seps[t] != " ":
            break
    out = []
    for k, (a, b) in enumerate(names):
        name_fs = starts[a] + (1 if k and words[a][:1] == "و" else 0)
        name_fe = starts[b] + len(words[b])
        out.append(Facility(fs if k == 0 else name_fs, name_fe, name_fs, name_fe, kind, cue,
                            cue in _NAME_FIRST, cue in _TOWN_ONLY))
    return out


def _english(c: int, words: list[str], seps: list[str], starts: list[int], cased: str,
             match_at: dict[int, RawMatch]) -> list[Facility]:
    w = words[c]
    n = len(words)
    # "the port of Jebel Ali": the name after "of".
    if w == "port" and c + 2 < n and words[c + 1] == "of" and cased[starts[c + 2]].isupper():
        m = match_at.get(c + 2)
        last = c + 2 + (m.token_count - 1 if m is not None else 0)
        while m is None and last + 1 < n and seps[last + 1] == " " and cased[starts[last + 1]].isupper():
            last += 1
        return [Facility(starts[c], starts[last] + len(words[last]), starts[c + 2], starts[last] + len(words[last]),
                         "facility", w, True, False)]
    # "Highway 79", "U.S. Highway 79", "Route 66": a road's number.
    if w in ("highway", "route", "interstate") and c + 1 < n and words[c + 1].isdigit() and seps[c + 1] == " " \
            and cased[starts[c]].isupper():
        return [Facility(starts[c], starts[c + 1] + len(words[c + 1]), starts[c], starts[c + 1] + len(words[c + 1]),
                         "street", w, False, False)]
    if w not in FACILITY_CUES_EN or c == 0 or seps[c] != " ":
        return []
    kind = FACILITY_CUES_EN[w]
    # The capitalised run before the cue: "Wythenshawe", "Entebbe International", "Royal Brisbane and Women's".
    first = c
    while first - 1 >= 0 and c - first < 5 and seps[first] in (" ", "-", "'"):
        prev = words[first - 1]
        if cased[starts[first - 1]].isupper():
            if prev in _EN_NOT_NAME:
                break
            first -= 1
        elif prev in _EN_INNER and first - 2 >= 0 and cased[starts[first - 2]].isupper():
            first -= 1
        else:
            break
    while first < c and words[first] in _EN_INNER:
        first += 1
    if first == c or all(words[t] in _DIRECTIONS or words[t] in _EN_INNER for t in range(first, c)):
        return []  # "Eastern District" (a court), "North County": a direction is no name
    name_fe = starts[c - 1] + len(words[c - 1])
    out = [Facility(starts[first], starts[c] + len(w), starts[first], name_fe, kind, w, w in _NAME_FIRST, False)]
    if w in _MANY:
        # "Ratnagiri and Raigad districts": one district per name.
        parts: list[tuple[int, int]] = []
        a = first
        for t in range(first, c):
            if words[t] == "and":
                parts.append((a, t - 1))
                a = t + 1
        parts.append((a, c - 1))
        if len(parts) > 1:
            out = [Facility(starts[a], starts[b] + len(words[b]), starts[a], starts[b] + len(words[b]), kind, w,
                            w in _NAME_FIRST, False) for a, b in parts if a <= b]
    return out


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
    kind = "district" if f.kind == "district" or f.cue_word in ("حي", "احياء") else "facility"
    return Place(f"{APPROXIMATE_PREFIX}{kind}:{anchor.place_id}:{h}", surface, surface if is_arabic(surface) else "",
                 kind, anchor.country_code, anchor.lat, anchor.lon, 0,
                 f"approximate: not in the gazetteer; placed at {anchor.name} ({anchor.place_id})",
                 within=anchor.place_id)


def place_facilities(found: Sequence[Facility], located: Sequence[tuple[int, int, Place, float]],
                     folded: Folded, sentence_of: Callable[[int], int]) -> tuple[list[Placed], set[int]]:
    """Place each facility, and say which located mentions (indices into ``located``: folded start, end,
    place, confidence, in text order) were names inside a facility and are no mentions of their own.
    ``sentence_of`` gives the sentence number of a folded offset."""
    out: list[Placed] = []
    inside: set[int] = set()
    starts = [fs for fs, _, _, _ in located]  # in text order
    towns = [k for k, (_, _, p, _) in enumerate(located) if p.kind in ("city", "town")]
    town_starts = [located[k][0] for k in towns]
    # The town the statement names most (ties: the first named, as a dateline is): computed once.
    counts: dict[str, list[int]] = {}
    for k in towns:
        counts.setdefault(located[k][2].place_id, []).append(k)
    main = located[max(counts.values(), key=lambda ks: (len(ks), -ks[0]))[0]] if counts else None
    for f in found:
        lo = bisect_left(starts, f.name_fs)
        inner = [k for k in range(lo, bisect_left(starts, f.name_fe)) if located[k][1] <= f.name_fe]
        os_, oe = folded.span(f.fs, f.fe)
        surface = folded.original[os_:oe]
        if inner and located[inner[0]][2].kind not in ("city", "town"):
            if f.town_only or located[inner[0]][2].kind in ("country", "admin1", "region"):
                continue  # منطقة عسير is the province; منطقة الخليج a region: resolution has them
        if f.town_only and not inner:
            continue
        inside.update(inner)
        own = located[inner[0]] if inner and located[inner[0]][2].kind in ("city", "town") else None
        # The statement's most specific place near it: the nearest town before it in its sentence, else the
        # town the statement names most.
        t = bisect_left(town_starts, f.fs) - 1
        while t >= 0 and towns[t] in inner:
            t -= 1
        near = located[towns[t]] if t >= 0 and sentence_of(town_starts[t]) == sentence_of(f.fs) else main
        # ... unless the phrase is followed by where it is: الجامع الأموي بدمشق, "the hospital in Gaza".
        after = bisect_left(town_starts, f.fe)
        if after < len(towns) and towns[after] not in inner and town_starts[after] - f.fe <= _WHERE_AFTER_MAX \
                and folded.text[f.fe : town_starts[after]].strip() in _WHERE_AFTER:
            near = located[towns[after]]
        anchor, how = None, ""
        if own is not None and (f.name_first or near is None):
            anchor, how = own, "the place named in it"
        elif near is not None:
            anchor, how = near, "the nearest place the statement names"
        elif own is not None:
            anchor, how = own, "the place named in it"
        word = f"{f.kind} cue {f.cue_word!r}"
        if anchor is None:
            out.append(Placed(f.fs, f.fe, None, 0.5, f"{word} with a name not in the gazetteer", f.kind))
            continue
        place = _approximate(f, surface, anchor[2])
        conf = round(min(anchor[3], 0.5 if how.startswith("the place named") else 0.4), 3)
        out.append(Placed(f.fs, f.fe, place, conf,
                          f"{word}; not in the gazetteer; placed approximately at {anchor[2].name}, {how}", f.kind))
    return out, inside
