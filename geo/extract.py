"""Find place mentions in folded text.

Matching is token-based and longest-first: at each token we try the gazetteer
names that start with it (and, for Arabic, with its proclitics removed), so
``لشمال شرق سوريا`` is one region, not Syria, and an organisation's name
(``قوات سوريا الديمقراطية``) consumes its span before the country inside it can
match. Cue words (مخيم/مخيمي/مخيمات, camp/camps, province, ...) are attached to
the names they govern, including a dual head's two names (``مخيمي الهول وروج``)
and an English plural after a list (``the al-Hol and Roj camps``). A cue with an
unknown name after it is kept as an *unlocated* match.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import accumulate, compress, filterfalse, repeat
from operator import add, attrgetter, not_, or_, sub
from typing import Any, NamedTuple

from .gazetteer import ALIAS, ALT, CONTINENT_IDS, DEMONYM, NAME, ORG, Gazetteer, NameRef
from .lexicon import (
    PERSON_NAME_MIN_SHARE,
    foreign_given_names_ar,
    given_name_share,
    is_everyday_en,
    is_person_name_en,
    may_be_person_name_en,
    native_names_ar,
    recent_given_name_share,
    surname_share,
)
from .model import NATURAL_KINDS
from .text import (
    _PROCLITICS,
    _WITH_ARTICLE,
    APOLOGY_AFTER_AR,
    APOLOGY_NISBAS_AR,
    AR_DEMONSTRATIVES,
    AR_HAMZA_NAMES,
    AR_VOWELLED,
    ARABIC_SPEAKING,
    ARMED_GROUP_HEADS_EN,
    CA_PROVINCE_ABBREVIATIONS,
    CLUB_BEFORE_EN,
    CLUB_PAIRS_EN,
    CLUB_ROLES_EN,
    CLUB_SUFFIXES_EN,
    COLOUR_ADJECTIVES_AR,
    CONTEXT_NAMES,
    COUNTRYSIDE_AR,
    COUNTRYSIDES_AR,
    COUSIN_HEADS_AR,
    CUES,
    DISEASE_HEADS_AR,
    DISEASE_HEADS_EN,
    DISEASE_MODIFIERS_EN,
    DISEASE_NAMES,
    ELATIVE_NAMES_AR,
    EVENT_HEADS_EN,
    EXCHANGE_TAILS_AR,
    FACILITY_CUES_EN,
    FEATURE_HEADS_EN,
    JORDAN_RIVER_AR,
    KIN_NOUNS_EN,
    KIN_POSSESSED_AR,
    KIN_WORDS,
    KUNYA_AR,
    LANGUAGE_AFTER_EN,
    LANGUAGE_BEFORE_AR,
    LANGUAGE_BEFORE_EN,
    LANGUAGES_EN,
    LEAGUE_HEADS_AR,
    MARKET_AR,
    NASAB_WORDS,
    NEVER_PLACE_ALONE,
    NEWS_AGENCIES_EN,
    NOT_PLACE_CUES,
    ORG_HEADS_AR,
    ORG_HEADS_EN,
    ORG_OPENERS_EN,
    ORG_TAILS_AR,
    PERSON_TITLES,
    PLACE_HEADS_DEFINITE_AR,
    PLACE_OBJECT_VERBS,
    PLAYER_ROLES_AR,
    PLAYER_ROLES_EN,
    POSSESSIVES_EN,
    REPORTING_WORDS_EN,
    RIVER_WORDS_AR,
    SIDE_ADJECTIVES_AR,
    SIDE_NOUNS_AR,
    SPORTS_REPORT_EN,
    SPORTS_REPORT_MIN_WORDS,
    SPORTS_WORDS,
    STATE_ACTOR_VERBS_AR,
    US_STATE_ABBREVIATIONS,
    Folded,
    fold,
    fold_name,
    is_arabic,
    strip_proclitics,
)

__all__ = ["RawMatch", "find_matches", "word_tokens", "PLACE_EVIDENCE_WORDS", "NO_UNLOCATED_CUES", "sports_report",
           "club_at"]

#: Words (folded) that, right before a name, are evidence that it is a place: locative prepositions
#: (في, إلى, in, near), words that take a country after them (حكومة مالي, جمهورية مالي, سفارة), the
#: inhabitants of a place (سكان المغرب, أهالي صور: only a place has residents) and its parts (مناطق المغرب,
#: أنحاء المغرب, ربوع المغرب, مدن المغرب: only a place has regions, corners and towns).
PLACE_EVIDENCE_WORDS: frozenset[str] = frozenset(fold_name(w) for w in (
    "في إلى من نحو قرب داخل عبر شمال جنوب شرق غرب شمالي جنوبي شرقي غربي مدينة "
    "in to from near at into across outside inside toward towards via "
    "حكومة جمهورية دولة سفارة سكان أهالي "
    "مناطق أنحاء ربوع مدن").split()
)  # folded like the text: إلى is الي there (written الى here before, it never matched)
# One-letter Arabic proclitics that carry a locative sense when glued to a name (بدمشق = in Damascus; the Levantine ع
# "to" of عالشام).
_LOCATIVE_CLITICS = ("ب", "وب", "فب", "ل", "ول", "فل", "لل", "ولل", "فلل", "بال", "وبال", "فبال", "ع")
# Lower-case words allowed inside an English multiword name (Sharm el-Sheikh, Bosnia and Herzegovina).
_PARTICLES = frozenset(
    "al el ad ar as ash at az an ez es ed of the and de da del di du do dos das la le bin ibn bani abu umm".split()
)
_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western "
    "northeastern northwestern southeastern southwestern central occupied greater".split()
)
# Words that may be lower case inside a name: particles, directions, head words (northeast Syria, Azraq camp).
_LOWER_OK = (_PARTICLES | _DIRECTIONS | frozenset(k for k in CUES if k.isascii()) | frozenset({"border", "refugee"})
             | frozenset({"river", "lake", "mountains", "range", "desert"}))  # "the Irrawaddy river"
_LOWER_OK_NOT_REGION = _LOWER_OK - _DIRECTIONS
# Head nouns of a world region's name, written lower case in news (the Gulf states, the Nordic countries).
_LOWER_OK_REGION = _LOWER_OK | frozenset({"states", "countries", "nations", "region", "monarchies"})
_LETTERS_RE = re.compile(r"[^\W\d_]+")
#: Apostrophes (and the ayn/hamza marks transliterations write with them) inside a word: A'zaz, Ma'rib, Ta’izz.
_APOSTROPHES = "'\u2019\u2018`\u02bf\u02be"
#: A word of a name, an apostrophe inside it included: "A'zaz" is one word, capitalised, not "A" and "zaz".
_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*")
_APOSTROPHE_RE = re.compile("[" + _APOSTROPHES + "]")
# What may stand between two tokens of one name.
#: Separators that are an apostrophe inside a word, and what English writes after one (Jordan's, Gaza'll).
_APOSTROPHE_SEPS = frozenset(_APOSTROPHES)
_ENCLITICS_EN = frozenset({"s", "ll", "d", "re", "ve", "t", "m"})
_JOIN_RE = re.compile(r"[ \t\u00a0\-'.]{1,3}\Z")
_ARABIC_AND = "و"
#: Kinds of place that may follow a town's name as where it lies ("Austin Texas", "Paris France").
_CONTAINER_KINDS = frozenset({"country", "admin1", "region"})
#: Marks that may open a sentence before its first word: quotation marks (not a bracket: a caption "(Newark police)").
_OPENERS = frozenset("\"'\u201c\u2018\u00ab")
# What may stand between a cue word and its name: spaces or a hyphen, no full stop.
_CUE_JOIN_RE = re.compile(r"[ \t\u00a0\-]{1,3}\Z")
# A line that starts with a place and a dash, comma or bracket is a dateline: "حماة –", "ADRE, Chad —".
# Possessive spaces (here and below): a run of spaces followed by no dash is refused without backtracking.
_DATELINE_AFTER = re.compile(r"[ \t]*+(?:[–—\-(]|,)")
# Capitalised words that may follow a place name without making it part of a person's name.
_NOT_SURNAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december ministry minister government army forces crown prime "
    "president foreign defense defence interior national state embassy airways university city province "
    "governorate region camp prison crossing border police security council officials authorities".split()
)
#: Capitalised words that follow a place's name as the office, body or service of that place ("Ohio Senate",
#: "Mansfield Mayor Don Culliver", "Kentucky Attorney General", "Huntsville Fire Chief", "Georgia Bureau of
#: Investigation", "Minnesota Republican"): after a name they make it a place's, not a given name's.
_OFFICE_WORDS = frozenset(
    "mayor governor gov lt lieutenant senator sen rep representative congressman congresswoman delegate "
    "sheriff fire police attorney solicitor judge court supreme superior circuit district senate house "
    "assembly legislature legislative legislator legislators lawmakers board chamber bureau department dept "
    "agency commission commissioner commissioners selectman selectmen alderman aldermen trustees treasurer "
    "public regional community municipal metropolitan metro republican republicans democrat democrats "
    "democratic gop senior junior high middle elementary historical transit utilities utility water "
    "emergency highway patrol forestry wildlife parks recreation tourism economic development "
    "health hospital medical schools residents voters officials".split()
)
#: An English name that is a state's or a city this big is the place where it recurs, though the text once used it
#: as a given name ("Virginia Foxx"); a smaller town's name stays the person's.
_NOTABLE_GIVEN_NAME_POP = 100_000
_ENGLISH_LIST = frozenset({"and", ",", "the", "&"})
#: Head nouns of institutions named after a place ("Lebo High School", "Marion County Courthouse"): two
#: capitalised words before one are a name, not a given name and surname.
_INSTITUTION_HEADS = frozenset(
    "school schools academy elementary courthouse museum library center centre hall cemetery church chapel "
    "theatre theater park zoo mall plaza market fair".split())
#: Longest all-capital word read as an acronym (SUSE, ROME in a dateline is a city's own name, not an alternate).
_ACRONYM_MAX = 4
#: Longest word in capitals that is only ever an acronym, never a town's name written in capitals (a dateline's
#: "ADEN", "GAZA" are four letters and more).
_SHORT_ACRONYM_MAX = 3


#: The Arabic article as English transliterations write it: al-/el-, or assimilated to a "sun letter" that follows
#: (ash-Shaddadi, ad-Dana, ar-Raqqa, an-Nabk, az-Zawiya, at-Tall, es-Salt, ez-Zor).
_SUN_LETTERS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")
_ARTICLES_EN = frozenset({"al", "el", *(v + p for v in "ae" for p in _SUN_LETTERS)})


def _article_variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Other spellings of ``key``'s first Arabic article before a "sun letter": al-, el- and the article assimilated
    to it (ash- before sh-, ad- before d- ...), the same word however it is written; ``key`` itself left out. (Not
    al- for el- before other letters: "Ras el Ain" and "Ras al-Ain" are two places.)

    >>> _article_variants(("jisr", "al", "shughur"))
    [('jisr', 'el', 'shughur'), ('jisr', 'ash', 'shughur'), ('jisr', 'esh', 'shughur')]
    >>> _article_variants(("ras", "al", "ain"))
    []
    """
    for k in range(len(key) - 1):
        if key[k] in _ARTICLES_EN:
            nxt = key[k + 1]
            sun = next((p for p in _SUN_LETTERS if nxt.startswith(p)), None)
            if sun is None:
                return []
            return [(*key[:k], f, *key[k + 1:]) for f in ("al", "el", "a" + sun, "e" + sun) if f != key[k]]
    return []


class RawMatch(NamedTuple):
    """A matched span in folded coordinates, before resolution.

    ``refs`` are the gazetteer readings of the name (empty for an unlocated cue
    match). ``cue`` is the kind a cue word says this place is, if any.
    """

    fs: int
    fe: int
    key: tuple[str, ...]
    refs: tuple[NameRef, ...]
    cue: str
    cue_word: str
    locative: bool
    sentence_initial: bool
    token_index: int
    token_count: int
    #: The name was reached by taking an Arabic article off the word (السيول → سيول).
    article: bool = False
    #: Folded span of the name with its adjacent cue word (مخيم جنين, Jenin refugee camp), if any:
    #: what an unlocated mention shows.
    cue_span: tuple[int, int] | None = None


class _Tokens:
    """Word tokens of folded text as three flat lists: words, their start offsets, and separators.

    One ``re.split`` gives words and the text between them; start offsets are running sums of the
    pieces' lengths (C-level ``accumulate``), several times cheaper than a match object per token.
    ``seps[k]`` is the text before word ``k`` (``seps[n]`` the tail), so the gap between two words
    is read without slicing the text.
    """

    __slots__ = ("words", "starts", "seps")

    def __init__(self, text: str) -> None:
        parts = _WORD_SPLIT_RE.split(text)  # [sep0, w0, sep1, w1, ..., sepN]
        self.words: list[str] = parts[1::2]
        self.seps: list[str] = parts[0::2]
        self.starts: list[int] = list(accumulate(map(len, parts)))[0::2][: len(self.words)]

    def __len__(self) -> int:
        return len(self.words)

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        if i < 0:
            i += len(self.words)
        w = self.words[i]
        s = self.starts[i]
        return s, s + len(w), w


_WORD_SPLIT_RE = re.compile(r"([^\W_]+)")


def word_tokens(text: str) -> _Tokens:
    """The word tokens of folded ``text`` (read only), for :func:`find_matches` and
    :func:`geo.facilities.find_facilities` to share: one ``re.split`` is 5 % of a parse."""
    return _Tokens(text)
#: Distinct words whose decisions a gazetteer keeps (about 100 bytes each) before starting afresh.
_MEMO_WORDS = 500_000


def _readings(tok: str, gaz: Gazetteer) -> tuple[tuple[int, str, tuple[int, ...]], ...]:
    """``(prefix_len, first_token, lengths)`` readings of a token that start some gazetteer name."""
    r: list[tuple[int, str, tuple[int, ...]]] = []
    arabic = is_arabic(tok)
    lens = _lengths(tok, gaz, arabic)
    if lens:
        r.append((0, tok, lens))
    if r and arabic and tok[0] in "وفبلك" and gaz.commonness_any(tok[1:]) >= 5.5:
        r = []  # وإن is "and if", not Van: a proclitic on a particle beats a rare name
    if arabic:
        # A word more frequent than the name it would split into is a word of its own: كريم is not ك + ريم,
        # فرقة "team" not ف + رقة (Raqqa); a real clitic form (وبغداد, للعراق) is rarer than its name.
        whole = gaz.commonness_any(tok)
        # Fewest letters taken off first: وكسلا is و + كسلا (Kassala) before وك + سلا (Salé).
        for pl, stem in sorted(strip_proclitics(tok), key=lambda t: t[0]):
            if whole and pl and whole > gaz.commonness(stem):
                continue
            # ... and so is one after a shorter proclitic: وكمية is و + كمية "quantity", not وك + مية (Mie).
            if pl > 1 and any(gaz.commonness_any(tok[q:]) > gaz.commonness(stem) for q in range(1, pl)):
                continue
            lens = _lengths(stem, gaz, arabic)
            if lens:
                r.append((pl, stem, lens))
    return tuple(r)


def _reaching(words: list[str], hits: Iterable[Callable[[str], bool]]) -> set[str]:
    """The words of ``words`` (sorted) that some ``hits`` test accepts as they are or with an Arabic proclitic
    taken off (the stem bare or with the article restored, as :func:`geo.text.strip_proclitics` reads it).

    A superset of the words whose readings are worth computing, found in C-level passes: a text's
    tens of thousands of distinct words need no Python call each, only the few that reach a name.
    """
    out: set[str] = set()
    for hit in hits:
        out.update(filter(hit, words))
    # Arabic words are one range of the sorted list, and the words with one prefix a range of that.
    arabic = words[bisect_left(words, "\u0600") : bisect_left(words, "\u0700")]
    for p in _PROCLITICS:
        group = arabic[bisect_left(arabic, p) : bisect_left(arabic, p + "\U0010ffff")]
        if not group:
            continue
        n = len(p)
        stems = [w[n:] for w in group]
        for hit in hits:
            out.update(compress(group, map(hit, stems)))
            if p in _WITH_ARTICLE:
                out.update(compress(group, map(hit, map("ال".__add__, stems))))
    return out


def _lengths(first: str, gaz: Gazetteer, arabic: bool) -> tuple[int, ...]:
    """Token lengths of the names starting with ``first``, without the one-word name when that word
    is an Arabic particle (في, إلى, على: Zipf ≥ 6) and no country: resolution never accepts those,
    and as matches they would only stand between real places and split their lists. Likewise an
    Arabic cue word (بلدة, مدينة, مخيم): it announces the name after it (بلدة مويالي), and matched
    as a place of its own (GeoNames has a Baldah) it would hide that name. Months, weekdays and dialect
    words (:data:`geo.text.NEVER_PLACE_ALONE`) and indefinite colour adjectives (زرقاء, بيضاء) never are a
    one-word place."""
    lens = gaz.lengths(first)
    if (first in NEVER_PLACE_ALONE or first in COLOUR_ADJECTIVES_AR) and 1 in lens:
        return tuple(L for L in lens if L != 1)  # a month, a weekday, a dialect word: never a place alone
    if arabic and 1 in lens and (first in CUES or (gaz.commonness(first) >= 6.0 and not any(
            gaz.kind(ref.place_index) == "country" for ref in gaz.refs((first,))))):
        lens = tuple(L for L in lens if L != 1)
    return lens


def _context_name(tok: str) -> tuple[int, str] | None:
    """``(prefix_len, word)`` if the token is a context name such as المملكة (with proclitics)."""
    if tok in CONTEXT_NAMES:
        return 0, tok
    if is_arabic(tok):
        for pl, stem in strip_proclitics(tok):
            if stem in CONTEXT_NAMES:
                return pl, stem
    return None


@lru_cache(maxsize=65536)
def _cue_of(tok: str) -> tuple[str, str, int] | None:
    """The cue a token is (with proclitics stripped for Arabic): ``(word, kind, arity)``."""
    hit = CUES.get(tok)
    if hit:
        return tok, hit[0], hit[1]
    if is_arabic(tok):
        for _, stem in strip_proclitics(tok):
            hit = CUES.get(stem)
            if hit:
                return stem, hit[0], hit[1]
    return None


@lru_cache(maxsize=65536)
def _word_facts(prev: str) -> tuple[bool, bool]:
    """``(locative, not_place)`` for the word before a name: a locative preposition (في, from), or a
    cue that makes the name something else (Gulf of, صلاة) — with Arabic proclitics looked through."""
    stem = prev[1:] if prev[:1] in ("و", "ف") and len(prev) > 2 else prev
    locative = prev in PLACE_EVIDENCE_WORDS or stem in PLACE_EVIDENCE_WORDS
    stems = [prev] + [st for _, st in strip_proclitics(prev)] if is_arabic(prev) else [prev]
    return locative, any(st in NOT_PLACE_CUES for st in stems)


def _case_ok(original: str, key: tuple[str, ...], gaz: Gazetteer, refs: tuple[NameRef, ...]) -> bool:
    """English names count only when written as names: capitalised words, or capitals for acronyms.

    A lower-case direction may open a region's or a division's name (northeast Syria, southern Lebanon), not a
    country's (south Georgia).
    """
    # A transliteration's apostrophe is inside its word (A'zaz, Sina'a: judged by the first letter); a French or
    # Italian elision is not (Côte d'Ivoire, L'Aquila: judged after it).
    if _APOSTROPHE_RE.search(original) is None:
        words = [w for w in _LETTERS_RE.findall(original) if len(w) > 1]
    else:
        words = [w[2:] if len(w) > 2 and w[1] in _APOSTROPHES and w[0].islower() else w
                 for w in _NAME_WORD_RE.findall(original)]
        words = [w for w in words if len(w) > 1]
    if not words:
        return True
    if gaz.needs_upper(key):
        return original.replace(".", "").replace(" ", "").isupper()
    if original.isupper() or (len(key) > 1 and words[-1].islower() and all(r.name_type == ORG for r in refs)):
        return True  # a phrase that is no place, a name and a common noun ("Danish pastries", "Santa Ana winds")
    if len(key) > 1 and key[-1] in ("city", "town") and words[-1].islower() and any(
            r.name_type != ALT and gaz.kind(r.place_index) == "admin1" for r in gaz.refs(key[:-1])):
        return False  # "a Texas city of 45,000" is a city in Texas, not Texas City
    # A lower-case direction opens a region's or division's name (northern Iraq, southern Lebanon: the South
    # Governorate), and a region's head noun may be lower case (the Gulf states, the Nordic countries).
    lower_ok = _LOWER_OK_REGION if any(gaz.kind(r.place_index) in ("region", "admin1") for r in refs) \
        else _LOWER_OK_NOT_REGION
    # A name of nothing but directions and head words ("Northern State") is judged by its directions.
    content = ([w for w in words if w.lower() not in lower_ok]
               or [w for w in words if w.lower() not in _LOWER_OK_NOT_REGION] or words)
    return all(w[0].isupper() for w in content)


def find_matches(folded: Folded, gaz: Gazetteer, sentence_starts: frozenset[int] = frozenset(),
                 toks: _Tokens | None = None) -> list[RawMatch]:
    """All place-name and cue matches in ``folded``, in text order, non-overlapping.

    ``sentence_starts`` are folded offsets where sentences begin (for the
    capitalisation rule: a capital at a sentence start proves nothing). ``toks``: the folded text's
    tokens if the caller has them (:func:`word_tokens`; the pipeline shares them with the facilities).

    Work per word *occurrence* is kept to list indexing and dict lookups; everything that
    depends only on a word or a name (its readings, its case, the cue it is) is decided once
    per distinct word or name in the text and looked up afterwards.
    """
    text = folded.text
    # Written tanween marks an indefinite noun (ً ٌ ٍ). News writes it on adverbs (دولياً, أيضاً), so only
    # words written somewhere with tanween are checked, each occurrence then on its own spelling.
    tanween = _tanween_words(folded.original)
    if toks is None:
        toks = _Tokens(text)
    words, starts, seps = toks.words, toks.starts, toks.seps
    cased = folded.cased if folded.cased and len(folded.cased) == len(text) else text
    n = len(words)
    out: list[RawMatch] = []
    # Decide once per distinct word whether it can start a name; then visit only those positions.
    # The decisions depend only on the word and the gazetteer, so they are kept with the gazetteer for the
    # next texts (a batch's documents, a dashboard's statements): only words never seen before are looked
    # at, and of those only the ones that reach a name, a context word or a cue (C-level passes).
    memo = gaz.memo()
    seen: dict[str, None] = memo.setdefault("words", {})  # every word decided so far
    if len(seen) > _MEMO_WORDS:
        memo = gaz.memo(reset=True)  # a fresh namespace: calls running now keep the one they hold
        seen = memo.setdefault("words", {})
    # word → (readings, context name, is a cue, first words if it only begins longer names), for the
    # words that are any of those
    facts: dict[str, tuple[tuple[tuple[int, str, tuple[int, ...]], ...], tuple[int, str] | None, bool,
                            tuple[str, ...] | None]]
    facts = memo.setdefault("facts", {})
    distinct = set(words)
    new = sorted(filterfalse(seen.__contains__, distinct))
    if new:
        found = {}
        for w in _reaching(new, (*gaz.starter_tests(), CONTEXT_NAMES.__contains__, CUES.__contains__)):
            r, c, cue = _readings(w, gaz), _context_name(w), _cue_of(w) is not None
            if r or c is not None or cue:
                # Words that only begin longer names ("the", "of", "al" of "the Hague", "al-Hol") matter
                # only where the next word continues one of those names: their positions are checked
                # apart (below), by the first words of their readings.
                multi = (tuple(first for _, first, _ in r) if r and c is None
                         and all(1 not in lens for _, _, lens in r) else None)
                found[w] = (r, c, cue, multi)
        facts.update(found)  # before `seen`: a thread that finds a word in `seen` finds its facts too
        seen.update(dict.fromkeys(new))
    readings: dict[str, tuple[tuple[int, str, tuple[int, ...]], ...]] = {}
    contexts: dict[str, tuple[int, str]] = {}
    cue_words: set[str] = set()
    multi_only: dict[str, tuple[str, ...]] = {}
    for w in filter(facts.__contains__, distinct):
        r, c, cue, multi = facts[w]
        if r:
            readings[w] = r
        if c is not None:
            contexts[w] = c
        if cue:
            cue_words.add(w)
        if multi is not None:
            multi_only[w] = multi
    # A Latin name starts with a capital (or a particle/direction: al-Hol, northeast Syria): skip
    # "the", "in", "of" ... written in lower case without building anything for them.
    starter = (readings.keys() | contexts.keys()) - multi_only.keys()
    positions = list(compress(range(n), map(starter.__contains__, words)))  # C-level: no Python per word
    if cased is not text:
        # Kept: a word that does not start in lower case, or one of _LOWER_OK (C-level passes, no Python per word).
        upper = map(not_, map(str.islower, map(cased.__getitem__, map(starts.__getitem__, positions))))
        positions = list(compress(positions, map(or_, upper, map(_LOWER_OK.__contains__,
                                                                 map(words.__getitem__, positions)))))
    if multi_only:
        # Which occurrences the next word continues into a name: for a word read only as itself (the, of,
        # al) one C-level pass over "word next" strings; words with proclitic readings one by one.
        plain = {w for w, firsts in multi_only.items() if firsts == (w,)}
        at = list(compress(range(n - 1), map(plain.__contains__, words)))
        nexts = map(words.__getitem__, [k + 1 for k in at])
        more = list(compress(at, gaz.pairs_present(map(" ".join, zip(map(words.__getitem__, at), nexts, strict=True)))))
        if len(plain) < len(multi_only):
            more += [k for k in compress(range(n - 1), map(multi_only.__contains__, words)) if words[k] not in plain
                     and any(gaz.has_pair(first, words[k + 1]) for first in multi_only[words[k]])]
            more.sort()
        if cased is not text:
            more = [k for k in more if not cased[starts[k]].islower() or words[k] in _LOWER_OK]
        positions = sorted(positions + more)
    # Pure functions of their keys and the gazetteer, kept with it like the word decisions above.
    refs_memo: dict[tuple[str, ...], tuple[NameRef, ...]] = memo.setdefault("refs", {})
    case_memo: dict[tuple[str, tuple[str, ...]], bool] = memo.setdefault("case", {})
    join_memo: dict[str, bool] = memo.setdefault("join", {})
    cue_join_memo: dict[str, bool] = memo.setdefault("cue_join", {})
    orgs: set[tuple[str, ...]] = memo.setdefault("orgs", set())  # names with an organisation reading
    notable_memo: dict[tuple[str, ...], bool] = memo.setdefault("notable", {})
    org_spans: list[tuple[int, int]] = []  # (first token, length) of organisations' names
    persons: set[tuple[str, ...]] = set()  # names the text uses for a person
    surnames: set[tuple[str, ...]] = set()  # ... of them, the ones read as a surname after a given name
    next_free = 0
    # Words read only as the start of longer names whose one-word reading a written hamza restores (إب, وإب):
    # their positions too (rare: most texts have none, and this is one set test per distinct word).
    hamza_words = {w for w, firsts in multi_only.items() if not AR_HAMZA_NAMES.keys().isdisjoint(firsts)}
    hamza_names = bool(hamza_words)
    if hamza_names:
        positions = sorted(set(positions) | set(compress(range(n), map(hamza_words.__contains__, words))))
    for i in positions:
        if i < next_free:
            continue  # inside a name already matched
        next_free_at_start = next_free
        tok = words[i]
        s = starts[i]
        best: tuple[int, int, tuple[str, ...], tuple[NameRef, ...]] | None = None  # (L, prefix, key, refs)
        if i > 1 and seps[i] == "-" and words[i - 1] in _ARTICLES_EN and seps[i - 1] == " " \
                and cased[starts[i - 2]].isupper() and not is_arabic(tok):
            continue  # "Salam" of "Bab al-Salam": the end of a longer name the gazetteer lacks, no name of its own
        for pl, first, lens in readings.get(tok, ()):
            pair = lens[0] > 1 and i + 1 < n and gaz.has_pair(first, words[i + 1])
            for L in lens:
                if best is not None and L <= best[0]:
                    break
                if i + L > n or (L > 1 and not pair):
                    continue
                key = (first, *words[i + 1 : i + L]) if L > 1 else (first,)
                refs = refs_memo.get(key)
                if refs is None:
                    refs = refs_memo[key] = gaz.refs(key)
                    if ORG in [r.name_type for r in refs]:
                        orgs.add(key)
                if not refs and L > 1 and not _ARTICLES_EN.isdisjoint(key):
                    # "Jisr al-Shughur" for the gazetteer's "Jisr ash Shughur", "ar-Raqqa" for "al-Raqqa": the
                    # Arabic article written with or without its assimilation to the next word's first letter.
                    for alt in _article_variants(key):
                        refs = refs_memo.get(alt)
                        if refs is None:
                            refs = refs_memo[alt] = gaz.refs(alt)
                        if refs:
                            key = alt
                            break
                if not refs:
                    continue
                if L > 1:
                    joined = True
                    for k in range(i + 1, i + L):
                        sep = seps[k]
                        ok = join_memo.get(sep)
                        if ok is None:
                            ok = join_memo[sep] = _JOIN_RE.match(sep) is not None
                        if not ok:
                            joined = False
                            break
                    if not joined:
                        continue
                if not "\u0600" <= first[0] <= "\u06ff":  # not Arabic (is_arabic, inlined: once per candidate)
                    if i + L < n and seps[i + L] in _APOSTROPHE_SEPS and words[i + L] not in _ENCLITICS_EN:
                        continue  # "Ta" of "Ta'izz": a name ends with its word, not at an apostrophe
                    if i + L + 1 < n and words[i + L] in _ARTICLES_EN and seps[i + L + 1] == "-" \
                            and seps[i + L] == " " and cased[starts[i + L + 1]].isupper():
                        continue  # "Bab" of "Bab al-Salam": an article and a name after it continue a longer name
                    # The cased fold has the same offsets as the folded text: no mapping needed.
                    surface = cased[s : starts[i + L - 1] + len(words[i + L - 1])]
                    ok = case_memo.get((surface, key))
                    if ok is None:
                        ok = case_memo[(surface, key)] = _case_ok(surface, key, gaz, refs)
                    if not ok:
                        continue
                best = (L, pl, key, refs)
                break
        if best is None and hamza_names:
            # إب (Ibb) folds onto آب "August", which is never a place alone: the written hamza says the name.
            for pl, first, _ in readings.get(tok, ()):
                if first in AR_HAMZA_NAMES and _spelling(folded, s + pl, s + len(tok))[:1] == AR_HAMZA_NAMES[first]:
                    refs = refs_memo.get((first,))
                    if refs is None:
                        refs = refs_memo[(first,)] = gaz.refs((first,))
                    if refs:
                        best = (1, pl, (first,), refs)
                        break
        if best is None:
            ctx = contexts.get(tok)
            if ctx is not None:
                pl, stem = ctx
                out.append(RawMatch(s + pl, s + len(tok), (stem,), (), "context", stem, False,
                                    s in sentence_starts, i, 1))
            continue
        L, pl, key, refs = best
        if L == 1 and len(tok) <= _ACRONYM_MAX and cased[s].isupper() and cased[s : s + len(tok)].isupper():
            # An acronym (SRT, DOH, ROM, PWR) is a place only by a name the gazetteer gives as one (US, UAE,
            # NSW), never by a GeoNames alternate name: those hold airport, station and postal codes.
            # A two- or three-letter word in capitals (UN, EU) is an acronym too: a town's own name written so (Un in
            # India, Eu in France) is not what it says; a country's or a division's short name is (UK, NSW).
            short = 1 < len(tok) <= _SHORT_ACRONYM_MAX
            kept = tuple(r for r in refs if r.name_type != ALT and not (
                short and r.name_type == NAME and gaz.kind(r.place_index) in ("city", "town")))
            if len(kept) < len(refs):
                refs = kept
                if not refs:
                    continue
        if key in orgs:
            if L > 1:
                next_free = i + L  # an organisation's name: its span is not a place mention
                org_spans.append((i, L))
                continue
            refs = tuple(r for r in refs if r.name_type != ORG)
            if not refs:
                continue
        if L == 1 and _first_ar(key[0]) and _inside_longer_name(words, seps, i, pl, key, refs, next_free_at_start, gaz):
            continue
        if L > 1 and key[0] in _HEAD_KINDS and _first_ar(key[0]):
            # A name that begins with its head noun (محافظة غزة: Natural Earth's Arabic name of Mozambique's Gaza
            # Province) is also that head and a name: every province called غزة is a reading (the Gaza Governorate).
            kinds = _HEAD_KINDS[key[0]]
            rest = refs_memo.get(key[1:])
            if rest is None:
                rest = refs_memo[key[1:]] = gaz.refs(key[1:])
            extra = tuple(r for r in rest if r.name_type != ORG and r not in refs and gaz.kind(r.place_index) in kinds)
            if extra:
                refs = refs + extra
            if "admin1" in kinds:
                # ... and a division's head names the division where there is one: إمارة الشارقة, which GeoNames
                # also lists as a name of the city, is the emirate.
                divisions = tuple(r for r in refs if gaz.kind(r.place_index) == "admin1")
                if divisions:
                    refs = divisions
        # Keep a written article in the span (الخرطوم, not خرطوم) even when the name is stored without it.
        fs = s + (pl - 2 if pl >= 2 and tok[pl - 2 : pl] == "ال" else pl)
        fe = starts[i + L - 1] + len(words[i + L - 1])
        if L > 1 and text[fe : fe + 1] == "." and seps[i + L - 1] == "." and len(words[i + L - 1]) <= 2:
            fe += 1  # a name written with periods (U.S., D.C., N.J.) keeps its last one, as it keeps the others
        next_free = i + L
        cue = None
        cue_fs = -1  # where an adjacent cue word starts (-1: none, or not adjacent)
        locative = False
        if i > 0:
            prev = words[i - 1]
            locative, not_place = _word_facts(prev)
            # A cue word governs the name right after it, not across punctuation ("the town. In Paris").
            sep = seps[i]
            cue_ok = cue_join_memo.get(sep)
            if cue_ok is None:
                cue_ok = cue_join_memo[sep] = _CUE_JOIN_RE.match(sep) is not None
            if (not_place and cue_ok) or (prev == "of" and i > 1 and words[i - 2] in NOT_PLACE_CUES):
                continue  # Gulf of Mexico, صلاة المغرب; not "the Bab el-Mandeb strait. Kuwait's bourse"
            cue = _cue_of(prev) if cue_ok else None
            if cue is not None and cue[1] in ("city", "town") and cased[starts[i - 1]].isupper() \
                    and not is_arabic(prev):
                cue = None  # "City Hall", "SOS Children's Villages Sudan": a capitalised word of a longer name
            if cue is not None:
                cue_fs = starts[i - 1] + len(prev) - len(cue[0])  # the cue word without its proclitics
            # "the city of X": the cue stands two tokens back. Not "the capital of X": X is the country.
            if cue is None and prev == "of" and i > 1 and words[i - 2] != "capital":
                cue = _cue_of(words[i - 2])
                if cue is not None and cue[2] == 3 and not is_arabic(cue[0]) and i > 2 and seps[i - 2] == " " \
                        and cased[starts[i - 3]].isupper() and words[i - 3] not in _DETERMINERS:
                    # "the Afar and Somali regions of Ethiopia": a plural head after its names, and X holds them
                    # (while "the villages of X, Y and Z" are villages)
                    cue = None
        if (L == 1 and i + 1 < n and seps[i + 1] == " " and cased[starts[i + 1]].isupper()
                and _given_name(words, starts, cased, i, gaz, refs, notable_memo)):
            if words[i + 1] not in FEATURE_HEADS_EN and words[i + 1] not in FACILITY_CUES_EN \
                    and gaz.commonness(key[0]) < 5.0:  # "In Sinjar": GeoNames has a place called In
                persons.add(key)  # "Washington Sundar" (not "Sulu Sea"): the name stays a person where it recurs
                next_free = i + 2  # ... and the surname after the given name is no place either: "Jordan Hale"
            continue
        g = (_after_given_name(words, seps, starts, cased, i, sentence_starts)
             if L == 1 and i > 0 and not cue and not "\u0600" <= key[0][0] <= "\u06ff" else -1)
        # After a title ("Mayor Austin Banda", "substitute Jordan Whitby") a notable place that is also a given name
        # is the person's given name, unless the name after it is where that place lies (a division, a country).
        titled = g > 0 and (words[g - 1] in PERSON_TITLES or words[g - 1] in PLAYER_ROLES_EN) and not any(
            gaz.kind(r.place_index) in _CONTAINER_KINDS and r.name_type != ALT for r in refs)
        paired = False
        if g == i - 1 and not titled and out and out[-1].token_index == g and out[-1].token_count == 1 \
                and not (is_everyday_en(key[0]) and not is_person_name_en(key[0])) \
                and not cased[s:fe].isupper() and not _holds(refs, out[-1].refs, gaz):
            # Two place names with nothing between are two places where the second holds the first ("Austin Texas",
            # "Paris Texas"); a town after a given name that is also a place is a surname ("Jordan Whitby", a
            # person, not Jordan and Whitby). (An everyday word after one is no surname: "Alexandria Zoo",
            # "Cleveland Alliance", "Lowell Town Court", nor an acronym: "London EMS".)
            titled = paired = True
        if g >= 0 and not (out and out[-1].token_index + out[-1].token_count - 1 == g and not titled
                           and _is_notable_name(words, out[-1].token_index, gaz, notable_memo)) \
                and not _surname_is_a_states(refs, key[0], gaz):
            # "Austin Texas" is two places; "Mark Lincoln", "Greg Taylor" a given name and a surname.
            if not (paired and any(o.key == key for o in out)):
                # (a town after a given name that is a place is the person's where it recurs only if the text named
                # no place so before: an article on Dallas "named for George Dallas" is still about the town)
                persons.add(key)  # "Greg Taylor", "Isaac Jackson": a surname, and the person's where it recurs alone
                surnames.add(key)
            if titled and out and out[-1].token_index == g and out[-1].token_count == 1:
                out.pop()  # ... and the given name before it is the person's too ("substitute Jordan Whitby")
            continue
        if pl and tok[:pl].rstrip("ال") in _LOCATIVE_CLITICS:
            locative = True
        elif s > 0 and text[s - 1] == "#":
            # A hashtag (#المغرب) tags what a post is about: a name that opens one is meant as the place, as after
            # "in", even where the word is also an everyday one (المغرب is also the evening prayer).
            locative = True
        # A sentence may open with a quotation mark: the name after it is still the sentence's first word.
        initial = s in sentence_starts or (s > 0 and text[s - 1] in _OPENERS and s - 1 in sentence_starts)
        dateline = _DATELINE_AFTER.match(text, fe) if initial else None
        if dateline and fs > 0 and dateline.group().endswith(",") \
                and cased[dateline.end():dateline.end() + 2].lstrip()[:1].islower():
            # "Everton, who had led ..." opening a paragraph: a comma and a lower-case word open a clause, not a
            # dateline (the text's own first name keeps the dateline's reading: "Victoria, also known as Rabat").
            dateline = None
        if dateline and (fs == 0 or text[fs - 1] == "\n" or (fe - fs >= 4 and cased[fs:fe].isupper())):
            # A dateline names where the story is: at a line's start, or in capitals at a sentence's start
            # ("... residential area. ARLINGTON — The City Council"); its capital is the dateline's, not a
            # sentence's that proves nothing.
            locative, initial = True, False
        if i + L < n and seps[i + L] == " " and words[i + L] in _RESIDENT_NOUNS and cased[starts[i + L]].islower() \
                and not "\u0600" <= key[0][0] <= "\u06ff" and not (L == 1 and is_everyday_en(key[0])):
            # "Gainesville man charged", "a Columbus woman", "Springfield residents": the place's people, which
            # says it is a place as "in" does, at a headline's start too.
            locative, initial = True, False
        if L == 1 and key[0] in AR_VOWELLED:
            refs = _by_vowels(folded, fs, fe, AR_VOWELLED[key[0]], refs, gaz)
        if L == 1 and tok in tanween and _has_tanween(folded, fs, fe):
            continue  # بيراً, كوخاً: an indefinite common noun; a place's name takes no tanween
        prefix = tok[:pl]
        out.append(RawMatch(fs, fe, key, refs, cue[1] if cue else "", cue[0] if cue else "",
                            locative, initial, i, L,
                            bool(pl) and not key[0].startswith("ال") and prefix.endswith(("ال", "لل")),
                            (cue_fs, fe) if cue is not None and cue_fs >= 0 else None))
    out.extend(_state_abbreviations(out, folded, gaz))
    lone, shadowed = _lone_state_abbreviations(out, text, cased, starts, gaz)
    if lone or shadowed:
        out = [m for m in out if (m.fs, m.fe) not in shadowed] + lone
    if "#" in text:
        out.extend(_camel_hashtags(toks, cased, gaz, {m.token_index for m in out}))
    out.sort(key=lambda m: m.fs)
    out = _not_places(out, toks, text, cased, gaz, persons, surnames)
    out = _inside_event_names_en(out, toks, cased, gaz)
    out = _territories(out, toks)
    out = _countryside(out, toks, gaz, distinct, text)
    out = _country_capital(out, toks, gaz)
    out = _propagate_cues(out, toks, text, cased, gaz)
    out = _city_districts(out, text, gaz)
    if "other" in distinct:
        out = _and_other_en(out, toks)
    out.extend(_unlocated(toks, text, folded, gaz, out, org_spans, cue_words))
    out.sort(key=lambda m: m.fs)
    return out


_CAMEL_RE = re.compile(r"[A-Z][a-z]+")


def _camel_hashtags(toks: _Tokens, cased: str, gaz: Gazetteer, taken: set[int]) -> list[RawMatch]:
    """Names inside CamelCase hashtags (#BeirutBlast, #PrayForNewYork): each capitalised part, or a run of
    parts, that is a name of the gazetteer, with offsets inside the hashtag. (An underscore already splits
    a hashtag into words: #لبنان_ينهار.)"""
    out: list[RawMatch] = []
    words, starts = toks.words, toks.starts
    # The words right after a "#" (their separator ends with it), found from the text's few "#" (a test of
    # every separator was a Python step per word).
    text_len = len(cased)
    at = []
    p = cased.find("#")
    while p >= 0:
        k = bisect_left(starts, p + 1)
        if k < len(words) and starts[k] == p + 1:
            at.append(k)
        p = cased.find("#", p + 1, text_len)
    for k in at:
        if k in taken:
            continue
        s = starts[k]
        original = cased[s : s + len(words[k])]
        parts = [(p.start(), p.end()) for p in _CAMEL_RE.finditer(original)]
        if len(parts) < 2:
            continue
        a = 0
        while a < len(parts):
            for b in range(min(len(parts), a + 3), a, -1):  # longest run first: #NewYorkStrong
                key = tuple(original[x:y].lower() for x, y in parts[a:b])
                refs = tuple(r for r in gaz.refs(key) if r.name_type != ORG)
                if refs:
                    out.append(RawMatch(s + parts[a][0], s + parts[b - 1][1], key, refs, "", "", False, False, k, 1))
                    a = b - 1
                    break
            a += 1
    return out


_TANWEEN = ("\u064b", "\u064c", "\u064d")
_TANWEEN_RE = re.compile("[\u064b-\u064d]")
# A word with its marks (tashkeel, tatweel).
_MARKED_WORD_RE = re.compile("[\\w\u064b-\u065f\u0640]+")


def _tanween_words(original: str) -> frozenset[str]:
    """Folded forms of the words that carry tanween somewhere in ``original`` (a few dozen distinct).

    Found from the marks outwards (a regex over every word would cost a pass over the text).
    """
    if not any(mark in original for mark in _TANWEEN):
        return frozenset()
    words: set[str] = set()
    done = 0  # end of the last word taken: a mark inside it is that word's again (a run of marks is one word)
    for hit in _TANWEEN_RE.finditer(original):
        o = hit.start()
        if o < done:
            continue
        # The word starts after the last space before the mark (looked for within 64 characters, longer than
        # any word: an unbounded rfind would scan back to the text's start); glued punctuation is skipped below.
        lo = max(0, o - 64)
        start = max(original.rfind(" ", lo, o), original.rfind("\n", lo, o), original.rfind("\t", lo, o), lo - 1) + 1
        # Words before the last one taken were stepped over already: start after it.
        word = _MARKED_WORD_RE.search(original, max(start, done))
        while word is not None and word.end() <= o:
            word = _MARKED_WORD_RE.search(original, word.end())
        if word is not None and word.start() <= o:
            words.add(word.group())
            done = word.end()
    return frozenset(fold(w).text for w in words)


def _spelling(folded: Folded, fs: int, fe: int) -> str:
    """The original spelling of a folded span, with the marks folding took out."""
    os_, oe = folded.span(fs, fe)
    return folded.original[os_:oe]


def _has_tanween(folded: Folded, fs: int, fe: int) -> bool:
    """Whether the original spelling of the folded span carries tanween (on its last letter or alef)."""
    spelling = _spelling(folded, fs, fe)
    return any(mark in spelling for mark in _TANWEEN)


def _by_vowels(folded: Folded, fs: int, fe: int, table: tuple[tuple[str, frozenset[str]], ...],
              refs: tuple[NameRef, ...], gaz: Gazetteer) -> tuple[NameRef, ...]:
    """The readings the written vowels allow (عمّان: the city, not Oman); all of them if none are written."""
    surface = _spelling(folded, fs, fe)
    for marks, kinds in table:
        if marks in surface:
            kept = tuple(r for r in refs if gaz.kind(r.place_index) in kinds)
            return kept or refs
    return refs


#: US state and Canadian province abbreviations, to the admin1 place each names.
_ADMIN1_ABBREVIATIONS: dict[str, str] = {**{a: f"admin1:US-{c}" for a, c in US_STATE_ABBREVIATIONS.items()},
                                         **{a: f"admin1:CA-{c}" for a, c in CA_PROVINCE_ABBREVIATIONS.items()}}
_ABBREV_ALT = "|".join(re.escape(a) for a in sorted(_ADMIN1_ABBREVIATIONS, key=len, reverse=True))
_ABBREV_RE = re.compile(r",[ \t]++(" + _ABBREV_ALT + r")")


def _state_abbreviations(found: list[RawMatch], folded: Folded, gaz: Gazetteer) -> list[RawMatch]:
    """US state and Canadian province abbreviations right after a place ("DAMASCUS, Md.", "Kamloops, B.C."), as
    admin1 matches."""
    out = []
    orig = folded.original
    text = folded.text
    taken = {m.fs for m in found}  # "Washington, D.C.": D.C. is matched as a name already, once is enough
    for m in found:
        if not text.startswith(",", m.fe):
            continue  # the comma survives folding right after the name, so this skips no hit
        _, oe = folded.span(m.fs, m.fe)
        hit = _ABBREV_RE.match(orig, oe)
        if not hit:
            continue
        try:
            idx = gaz.index_of(_ADMIN1_ABBREVIATIONS[hit.group(1)])
        except LookupError:
            continue
        # Back to folded offsets: the abbreviation is plain ASCII, so it is as long there.
        fs = m.fe + (hit.start(1) - oe)
        fe = fs + len(hit.group(1))
        if fs in taken:
            continue
        out.append(RawMatch(fs, fe, (hit.group(1).lower(),), (NameRef(idx, ALIAS),), "", "", False, False,
                            m.token_index + m.token_count, 1))
    return out


def _first_ar(word: str) -> bool:
    """Whether a folded word is Arabic (its first letter; inlined :func:`geo.text.is_arabic`)."""
    return "\u0600" <= word[:1] <= "\u06ff"


#: Arabic head nouns of divisions and towns (folded), to the kinds of place a name after them may be.
_HEAD_KINDS: dict[str, frozenset[str]] = {
    w: frozenset({"admin1"} if kind == "admin1" else {"city", "town"})
    for w, (kind, arity) in CUES.items() if arity == 1 and kind in ("admin1", "city", "town") and _first_ar(w)}


#: Common words that begin many Arabic place names (عين "spring", دير "monastery", بيت "house", كفر "village",
#: تل "mound", خربة "ruin", بئر "well", جبل "mountain", رأس "cape", أبو/أم/بني): the folded forms of
#: :data:`_NAME_STARTERS_AR`. One followed by another word is the first word of a longer name (عين الحلوة,
#: دير ياسين, كفر سوسة), not a place of its own, and the word after it is not the place it may also name
#: (سوسة is not Sousse there). جبل and رأس are left out of the second test: a mountain or a cape is named
#: after the place it overlooks (جبل سنجار), which is then a fair place for it.
_SETTLEMENT_STARTERS_AR = frozenset("ابو ام عين تل بئر دير بني بيت كفر خربه".split())


def _definite_word(word: str) -> bool:
    """Whether an Arabic word carries the article, perhaps after a conjunction or preposition (والفترة, بالطرد)."""
    return _first_ar(word) and any(pl >= 2 and word[pl - 2 : pl] == "ال" or (pl == 0 and st.startswith("ال"))
                                   for pl, st in ((0, word), *strip_proclitics(word)))


def _inside_longer_name(words: list[str], seps: list[str], i: int, pl: int, key: tuple[str, ...],
                        refs: tuple[NameRef, ...], free_from: int, gaz: Gazetteer) -> bool:
    """Whether the one-word Arabic name at ``i`` is part of a longer name or phrase the gazetteer lacks: a
    common first word of place names followed by another word (قرية دير ياسين: not دير alone), a name right
    after such a word (كفر سوسة), or a definite noun after a demonstrative (هذه المدينة "this city", هذه
    الإمارات "these emirates": a noun pointed at, not a name)."""
    n = len(words)
    name = key[0]
    if (name in _NAME_STARTERS_AR and i + 1 < n and _JOIN_RE.match(seps[i + 1])
            and _first_ar(words[i + 1]) and gaz.commonness_any(words[i + 1]) < _PARTICLE_ZIPF):
        return True
    if (name in PLACE_HEADS_DEFINITE_AR and i + 1 < n and _JOIN_RE.match(seps[i + 1])
            and words[i + 1].startswith("ال") and gaz.commonness_any(words[i + 1]) < _PARTICLE_ZIPF):
        return True  # المدينة العريقة "the ancient city": the head noun and its adjective, neither a place
    if i == 0 or i - 1 < free_from or not _JOIN_RE.match(seps[i]):
        return False
    prev = words[i - 1]
    if pl == 0 and prev in _SETTLEMENT_STARTERS_AR:
        return True
    if pl in (0, 2) and words[i].startswith("ال") and any(st in PLACE_HEADS_DEFINITE_AR for st in _stems(prev)):
        return True  # المدينة العريقة "the ancient city", القرية الشمالية: an adjective of the head noun
    if (pl in (0, 2) and words[i].startswith("ال") and name.endswith(("ي", "يه")) and _definite_word(prev)
            and prev not in PLACE_EVIDENCE_WORDS and gaz.commonness_any(prev) < _PARTICLE_ZIPF  # الى is إلى
            # (a masculine sound plural takes no feminine adjective: فتح العثمانيون القسطنطينية is subject, object)
            and not (name.endswith("يه") and prev.endswith(("ون", "ين")))
            and not any(r.name_type == DEMONYM or gaz.kind(r.place_index) == "country" for r in refs)):
        # A definite nisba after a definite noun agrees with it: الفترة العثمانية "the Ottoman period", الطرد
        # المركزي "centrifugal", المحافظات الجنوبية "the southern governorates" (not Osmaniye, Markazi, Bahrain's
        # Southern Governorate). A nisba that names a country is kept: it is read as the adjective it is.
        return True
    # كذلك "likewise", لذلك "therefore", بذلك "thereby" are adverbs: ذلك there points at nothing after it.
    if not name.startswith("ال") or prev.endswith("ذلك") and prev[:-3][-1:] in ("ك", "ل", "ب"):
        return False
    return any(st in AR_DEMONSTRATIVES for st in _stems(prev))


#: Abbreviations that are also everyday words, titles or other abbreviations ("ill.", "Miss.", "Pa." for a father,
#: "Man.", "Que.", "300 B.C.", "N.B." for nota bene): a state or province only after a place and a comma or a
#: party letter ("D-Pa."), never on their own.
_AMBIGUOUS_ABBREVIATIONS = frozenset({"Ill.", "Ind.", "Miss.", "Mass.", "Wash.", "Del.", "La.", "Pa.", "Mo.", "Va.",
                                      "Colo.", "Ore.", "Kan.", "Mont.", "Neb.", "Nev.", "Mich.",
                                      "B.C.", "Alta.", "Man.", "Que.", "N.S.", "N.B."})
_LONE_ABBREV_RE = re.compile(r"(?<![\w.])(" + _ABBREV_ALT + r")(?!\w)")
# The same without the look-behind, which is tested on each hit (:func:`_lone_abbreviation_hits`): a pattern
# that opens with a look-behind is tried at every position of the text, one that opens with the
# abbreviations' first letters is skipped through in C (five times faster on news).
_LONE_ABBREV_SCAN_RE = re.compile(r"(" + _ABBREV_ALT + r")(?!\w)")
_WORD_CHAR_RE = re.compile(r"[\w.]")
_LONGEST_NAME_CHARS = 200  # how far before an abbreviation a name that covers it may start
_PARTY_RE = re.compile(r"(?<!\w)[DRI]-\Z")
_PLACE_COMMA_RE = re.compile(r"[A-Z][\w'’.-]*,[ \t]+\Z")


_WORD_BEFORE_RE = re.compile(r"(?<![\w.])([A-Za-z]+)[ \t]+\Z")
_LOWER_NOUN_AFTER_RE = re.compile(r"[ \t]+[a-z]")
_LOCATIVE_EN = frozenset("in from near at into across outside inside toward towards throughout".split())


def _abbreviation_as_a_name(before: str, cased: str, fe: int) -> bool:
    """Whether an ambiguous state or province abbreviation stands where a place's name does: after a locative word
    or a direction ("in B.C.", "northeastern B.C."), or between "the" and a lower-case noun ("the B.C. government").
    Never after a number ("300 B.C.": the word before is no locative word then)."""
    hit = _WORD_BEFORE_RE.search(before)
    if hit is None:
        return False
    word = hit.group(1).lower()
    if word in _LOCATIVE_EN or word in _DIRECTIONS:
        return True
    return word == "the" and _LOWER_NOUN_AFTER_RE.match(cased, fe) is not None


def _lone_state_abbreviations(found: list[RawMatch], text: str, cased: str, starts: list[int], gaz: Gazetteer
                              ) -> tuple[list[RawMatch], set[tuple[int, int]]]:
    """US state (and Canadian province) abbreviations the place before them does not announce: after a party
    letter ("Sen. Bob Casey, D-Pa."), after any capitalised name and a comma (a town the gazetteer lacks:
    "Friedensburg, Pa."), and, for the ones that are no everyday word, on their own ("the S.C. Highway Patrol",
    "Ga. pastor").

    Returns the new matches and the spans of the matches they replace: an abbreviation with its period is the
    state, not a namesake read from the letters before the period (Pa, a town in Burkina Faso)."""
    if "." not in cased:
        return [], set()
    out: list[RawMatch] = []
    shadowed: set[tuple[int, int]] = set()
    by_start: list[RawMatch] | None = None
    for hit in _lone_abbreviation_hits(cased):
        fs, fe = hit.span(1)
        a = hit.group(1)
        if by_start is None:
            by_start = sorted(found, key=lambda m: m.fs)
            firsts = [m.fs for m in by_start]
        # The matches overlapping the abbreviation start before its end and not far before it (names are short).
        q = bisect_left(firsts, fe) - 1
        over = []
        while q >= 0 and firsts[q] >= fs - _LONGEST_NAME_CHARS:
            if fs < by_start[q].fe:
                over.append(by_start[q])
            q -= 1
        if any(m.fs != fs or m.fe not in (fe - 1, fe) or m.token_count != 1 for m in over):
            continue  # inside a longer name, or a name of its own (D.C.)
        if any(m.fe == fe and m.refs and m.key == (a.lower(),) for m in over):
            shadowed.update((m.fs, m.fe) for m in over if m.fe == fe - 1)  # "Harrisburg, Pa.": announced already
            continue
        before = cased[max(0, fs - 40) : fs]
        if a in _AMBIGUOUS_ABBREVIATIONS and not _PARTY_RE.search(before) and not _PLACE_COMMA_RE.search(before) \
                and not _abbreviation_as_a_name(before, cased, fe):
            continue
        try:
            idx = gaz.index_of(_ADMIN1_ABBREVIATIONS[a])
        except LookupError:
            continue
        shadowed.update((m.fs, m.fe) for m in over)
        out.append(RawMatch(fs, fe, (text[fs:fe],), (NameRef(idx, ALIAS),), "", "", False, False,
                            bisect_left(starts, fs), 1))
    return out, shadowed


def _lone_abbreviation_hits(cased: str) -> Iterator[re.Match[str]]:
    """The hits of ``_LONE_ABBREV_RE.finditer(cased)``, found with the look-behind tested per hit: a hit whose
    look-behind fails is searched again from the next character, as the regex engine would."""
    search, behind = _LONE_ABBREV_SCAN_RE.search, _WORD_CHAR_RE.match
    pos = 0
    while (hit := search(cased, pos)) is not None:
        q = hit.start()
        if q and behind(cased, q - 1):
            pos = q + 1
            continue
        yield hit
        pos = hit.end()


def _given_name(words: list[str], starts: list[int], cased: str, i: int, gaz: Gazetteer,
                refs: tuple[NameRef, ...], memo: dict[tuple[str, ...], bool]) -> bool:
    """Whether the one-word name at ``i`` is an English given name: a capitalised word that is no
    notable place follows it after one space (Chad Whitfield, Jordan Ellis)."""
    j = i + 1
    nw = words[j]
    if is_arabic(nw) or all(r.name_type == DEMONYM for r in refs):
        return False  # "Saudi Crown Prince": an adjective, not a given name
    if is_everyday_en(nw) and (not (may_be_person_name_en(words[i])
                                    or recent_given_name_share(words[i]) >= PERSON_NAME_MIN_SHARE)
                               or not is_person_name_en(nw)):
        # "Dublin Singers", "Columbus Investigator": nobody is called Dublin; "Georgia Educators", "Virginia
        # Freedom of Information Act": an everyday word that is no common surname follows: the place's name.
        return False
    nxt = cased[starts[j] : starts[j] + len(nw)]
    if not nxt[:1].isupper() or nxt.isupper():
        return False
    if cased[starts[i] : starts[i] + len(words[i])].isupper() or nw in _NOT_SURNAMES or nw in CUES \
            or nw in FACILITY_CUES_EN or nw in FEATURE_HEADS_EN or nw == "international":
        return False  # "Entebbe International Airport", "Wythenshawe Hospital", "Trinity River": a place's name
    if nw in _OFFICE_WORDS or nw in ORG_HEADS_EN or nw in _INSTITUTION_HEADS:
        return False  # "Ohio Senate", "Mansfield Mayor", "Ohio Association of ...": the place's office or body
    after = words[j + 1] if j + 1 < len(words) else ""
    if after in FACILITY_CUES_EN or after in FEATURE_HEADS_EN or after in ORG_HEADS_EN or after in _INSTITUTION_HEADS:
        return False  # "Lebo High School", "Reading Grade School", "Lancaster City Council": a name, not a person's
    return not _is_notable_name(words, j, gaz, memo)


#: Lower-case English nouns for a place's people: right after a name they make it a place ("Gainesville man"),
#: unless the name is an everyday word ("Many women", "Young men").
_RESIDENT_NOUNS = frozenset(
    "man men woman women boy boys girl girls teen teens teenager teenagers youth resident residents native natives "
    "couple homeowners motorist driver".split())  # not "family", "student": the Jones family, a Bruton student
#: Longest English title written with a period before a name (Mr., Gov., Capt., Prof.); a longer word and a
#: period ("Judge. Columbus") end a sentence.
_TITLE_ABBREVIATION_MAX = 4
#: A given name borne by at least this share of people (percent) makes the capitalised name after it a surname.
_GIVEN_NAME_MIN_SHARE = 0.01
#: A surname this common is no state's name where it recurs ("George Washington" does not make "Washington"
#: of the story his): below it, the state's name (Carolina, Nevada) stays the state.
_STATE_SURNAME_MIN_SHARE = 0.005


def _after_given_name(words: list[str], seps: list[str], starts: list[int], cased: str, i: int,
                      sentence_starts: frozenset[int]) -> int:
    """The token of the common given name that the one-word English name at ``i`` follows, maybe with a middle
    initial between ("Sheriff Greg Taylor", "Doris Jackson", "Kodie L. Tyler"): the name is then a surname.
    -1 if none. The given name is no month, and an everyday word ("Will", "Mark") only mid-sentence."""
    g = i - 1
    if g >= 1 and len(words[g]) == 1 and seps[i] == ". " and cased[starts[g]].isupper():
        g -= 1  # a middle initial
    elif seps[i] != " ":
        return -1
    if g < 0 or (g < i - 1 and seps[g + 1] != " "):
        return -1
    given = words[g]
    if not cased[starts[g]].isupper() or is_arabic(given) or given in _NOT_SURNAMES:
        return -1
    if recent_given_name_share(given) < _GIVEN_NAME_MIN_SHARE \
            or (is_everyday_en(given) and starts[g] in sentence_starts):
        return -1  # (a name common since 1950, as the Census of 1990 knew it or not: Madison, Savannah)
    return g


def _holds(refs: tuple[NameRef, ...], inner: tuple[NameRef, ...], gaz: Gazetteer) -> bool:
    """Whether a reading of ``refs`` is a country, division or region in which a reading of ``inner`` may lie (the
    same country): "Texas" after "Austin"."""
    ccs = {gaz.country_code(r.place_index) for r in inner}
    return any(gaz.kind(r.place_index) in _CONTAINER_KINDS and r.name_type != ALT
               and gaz.country_code(r.place_index) in ccs for r in refs)


def _surname_is_a_states(refs: tuple[NameRef, ...], word: str, gaz: Gazetteer) -> bool:
    """Whether a name read after a given name is still a country's or a state's: always a country's, a state's
    unless the word is a common surname (Washington); not a demonym ("Monica French" is a person)."""
    kinds = {gaz.kind(r.place_index) for r in refs if r.name_type not in (ALT, DEMONYM)}
    return "country" in kinds or ("admin1" in kinds and surname_share(word) < _STATE_SURNAME_MIN_SHARE)


def _is_notable_name(words: list[str], j: int, gaz: Gazetteer, memo: dict[tuple[str, ...], bool]) -> bool:
    """Whether token ``j`` starts a name of a country, region or sizeable city (so not a surname)."""
    lengths = gaz.lengths(words[j])
    if not lengths:
        return False
    key = tuple(words[j : j + lengths[0]])
    hit = memo.get(key)
    if hit is None:
        # (A natural feature's population is a prominence, not people: "Brooks" of the Brooks Range is a surname.)
        hit = memo[key] = any(
            r.name_type != ALT and (gaz.kind(r.place_index) in ("country", "admin1", "region")
                                    or (gaz.population(r.place_index) >= 100_000
                                        and gaz.kind(r.place_index) not in NATURAL_KINDS))
            for L in gaz.lengths(words[j]) for r in gaz.refs(key[:L]))
    return hit


@lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """A word and, for Arabic, its readings with proclitics taken off (بحمى → حمى). Cached: the words
    around each Arabic match are looked through several times (30,000 calls per MB of news)."""
    return (word, *(st for _, st in strip_proclitics(word))) if is_arabic(word) else (word,)


def _org_head_two_back(words: list[str], seps: list[str], i: int, gaz: Gazetteer) -> bool:
    """Whether an Arabic organisation's head noun stands two words before word ``i``, with one word of its name
    between that is no particle: بلدية مدينة البيرة, مجلس محلي البيرة, إذاعة صوت فلسطين, شركة نفط البصرة. The name
    after it is inside the organisation's name; a preposition between (بنك في بيروت) leaves it a place."""
    if i < 2 or not (_JOIN_RE.match(seps[i]) and _JOIN_RE.match(seps[i - 1])):
        return False
    mid = words[i - 1]
    particle = mid in PLACE_EVIDENCE_WORDS or gaz.commonness_any(mid) >= _PARTICLE_ZIPF
    if not is_arabic(mid) or (particle and mid not in CUES):
        return False
    if mid.startswith("ال") and mid.endswith(("ي", "يه")) and any(r.name_type == DEMONYM for r in gaz.refs((mid,))):
        # a state's nisba closes the name: قصف الطيران الروسي إدلب ("Russian aviation shelled Idlib"); not any
        # adjective (الهيئة الملكية للجبيل, "the Royal Commission for Jubail")
        return False
    return any(st in ORG_HEADS_AR for st in _stems(words[i - 2]))


#: An Arabic word this frequent among all words is a particle (في, من, على), never part of a name.
_PARTICLE_ZIPF = 5.5
#: ... though the commonest given names are nearly as frequent (أحمد 5.65, محمد): between a title and a surname a word
#: is a given name below this (particles and verbs such as في, أن, قال are above it).
_GIVEN_NAME_MAX_ZIPF = 6.0
#: Folded Arabic spellings of common foreign given names (geo.lexicon): a name after one is a surname.
_GIVEN_AR = foreign_given_names_ar()
#: Folded Arabic given names of the Arabic-speaking world, and those with its family names (geo.lexicon): a given
#: name that is a place's, before another given name (the father's) or a family name, is a person's
#: (:func:`_named_as_kin`).
_GIVEN_NATIVE_AR, _NAMES_NATIVE_AR, _FREQUENT_GIVEN_AR = native_names_ar()
#: Verbs of saying before a person's name (folded): the states-acting verbs and a few more.
_SAYING_AR = STATE_ACTOR_VERBS_AR | frozenset(fold_name(w) for w in (
    "أضاف أضافت سأل سألت ذكر ذكرت صرح صرحت أشار أشارت تساءل تساءلت أجاب أجابت كتب كتبت").split())
#: "of the religion", the second word of the compound given names صلاح الدين, نور الدين, عز الدين (folded).
_AL_DIN = fold_name("الدين")
_AR_DIRECTIONS = frozenset(fold_name(w) for w in "شمال جنوب شرق غرب وسط".split())
_HYPHENS = frozenset("-–")
#: "over", "with" between a match report's verb and the other side (folded: على is written علي once folded).
_AGAINST_WORDS = frozenset({fold_name("على"), "مع", "with"})
#: The UK's nations, which field national teams (الفوز على إنجلترا): sides of a match report like countries.
_HOME_NATIONS = frozenset({"admin1:GB-ENG", "admin1:GB-SCT", "admin1:GB-WLS", "admin1:GB-NIR"})
#: English words that, right before a continent, make a world region of part of it (North Africa, Central Asia).
_CONTINENT_PARTS_EN = frozenset(
    "north south east west northeast northwest southeast southwest northern southern eastern western "
    "northeastern northwestern southeastern southwestern central".split())


#: "the home game against Everton", "the match v Leeds": a game's opponent is a club, in any text.
_AGAINST = {"against": frozenset("game games match matches fixture fixtures derby".split())}
_AGAINST["v"] = _AGAINST["vs"] = _AGAINST["versus"] = _AGAINST["against"]
#: In a match report, the words before a name (one or two back) and right after it that the club and player rules
#: (:func:`club_at`, :func:`_player_name_at`) read: a name with none of them there, and no capital or possessive
#: after it, is no club, so the report's other names keep the fast path of :func:`_not_places`.
_SPORTS_BEFORE = CLUB_BEFORE_EN | SPORTS_WORDS | frozenset(CLUB_PAIRS_EN) | PLAYER_ROLES_EN
_SPORTS_AFTER = CLUB_ROLES_EN | SPORTS_WORDS
#: Every word (or, in Arabic, proclitic-stripped stem) that a rule of :func:`_not_places` reads right before a
#: name, save the ones read only with something the name itself must have ("in" before a language, "of"
#: after an organisation's opener, which are tested apart): a name with none of them there, no
#: organisation's head two words back (:func:`_hot_two_back`), none of :data:`_HOT_AFTER` in the three words
#: after it, and no key a rule reads, keeps its place reading, and skips the rules.
_HOT_BEFORE = (DISEASE_HEADS_AR | _AR_DIRECTIONS | PERSON_TITLES | KIN_WORDS | NASAB_WORDS | LANGUAGE_BEFORE_AR
               | ORG_HEADS_AR | SPORTS_WORDS | _CONTINENT_PARTS_EN | _AGAINST_WORDS | _GIVEN_AR
               | LEAGUE_HEADS_AR | PLAYER_ROLES_AR | MARKET_AR | frozenset(_AGAINST)
               | KIN_POSSESSED_AR | KUNYA_AR | COUSIN_HEADS_AR | KIN_NOUNS_EN)
#: Words that make an "of" right before a name matter: "Bank of England", "the Horn of Africa".
_OF_OPENERS = ORG_OPENERS_EN | frozenset({"horn"})
#: Every word a rule of :func:`_not_places` reads in the three words after a name, as written (the name's own
#: words, languages and openers, are tested on its key).
_HOT_AFTER = NASAB_WORDS | SPORTS_WORDS | DISEASE_MODIFIERS_EN | DISEASE_HEADS_EN | ORG_HEADS_EN | ORG_TAILS_AR
#: Names of diseases as keys (tuples of folded words), so a key is tested without joining it.
_DISEASE_KEYS = frozenset(tuple(name.split(" ")) for name in DISEASE_NAMES)


@lru_cache(maxsize=65536)
def _hot_before(word: str) -> bool:
    """Whether ``word``, or a stem of it, is one of :data:`_HOT_BEFORE`."""
    return any(st in _HOT_BEFORE for st in _stems(word))


@lru_cache(maxsize=65536)
def _title_two_back(word: str) -> bool:
    """Whether ``word``, or a stem of it, is an Arabic person's title (:data:`geo.text.PERSON_TITLES`)."""
    return is_arabic(word) and any(st in PERSON_TITLES for st in _stems(word))


@lru_cache(maxsize=65536)
def _hot_two_back(word: str) -> bool:
    """Whether ``word``, or a stem of it, heads an Arabic organisation's name (:func:`_org_head_two_back`)."""
    return any(st in ORG_HEADS_AR for st in _stems(word))


def _definite_noun(word: str) -> bool:
    """Whether an Arabic word is definite: with the article (after a proclitic: الحد, بالحد) or a pronoun suffix
    (حدها, حده, حدهم)."""
    return any(st.startswith("ال") for st in _stems(word)) or word.endswith(("ها", "هم", "هما", "نا", "كم"))


def _arabic_not_a_place(m: RawMatch, words: list[str], seps: list[str], definite_nisba: bool) -> bool:
    """Arabic words around a match that make it no place (tables in :mod:`geo.text`): the loanword سوري "sorry"
    opening an apology; a definite nisba that ends a league's name (الدوري المصري); an elative after a definite
    noun (الحد الأقصى); a side of water or land with a direction or a river after it (الضفة الشرقية, الضفة الغربية
    لنهر دجلة: a bank, not the West Bank)."""
    i, j = m.token_index, m.token_index + m.token_count
    n = len(words)
    nxt = words[j] if j < n and _JOIN_RE.match(seps[j]) else ""
    if m.key[0] in APOLOGY_NISBAS_AR and m.token_count == 1:
        opens = i == 0 or seps[i].strip(" \t\u00a0") not in ("", "-", "'")
        if opens and (nxt in APOLOGY_AFTER_AR or nxt.startswith("عال")):
            return True
    if definite_nisba and m.token_count == 1 and i > 0 and _JOIN_RE.match(seps[i]) and (
            words[i - 1] in LEAGUE_HEADS_AR
            or (i > 1 and words[i - 2] in LEAGUE_HEADS_AR and _JOIN_RE.match(seps[i - 1]))):
        return True
    if i > 0 and _JOIN_RE.match(seps[i]) and any(st in MARKET_AR for st in _stems(words[i - 1])) \
            and nxt in EXCHANGE_TAILS_AR:
        return True  # سوق دبي المالي, سوق أبوظبي للأوراق المالية: a stock exchange, no mention of the city
    if m.key[0] in ELATIVE_NAMES_AR and m.token_count == 1 and i > 0 and _JOIN_RE.match(seps[i]) \
            and words[i] == m.key[0] and _definite_noun(words[i - 1]):
        # الحد الأقصى "the maximum": an elative after a definite noun is its adjective (والأقصى, with و, is listed)
        return True
    if m.key[0] in SIDE_NOUNS_AR:
        if m.token_count == 1 and nxt in SIDE_ADJECTIVES_AR:
            return True
        river = words[j + 1] if nxt in RIVER_WORDS_AR and j + 1 < n else None
        if nxt in RIVER_WORDS_AR and (m.token_count == 1 or river not in JORDAN_RIVER_AR):
            return True
    return False


@lru_cache(maxsize=65536)
def _given_name_ar(word: str) -> str:
    """The given name of :data:`_GIVEN_NATIVE_AR` that an Arabic ``word`` is, maybe after و or ف (وأحمد); "" if
    none (a word with the article or another proclitic is none: الرئيس, برئيس)."""
    for st in (word, word[1:] if word[:1] in ("و", "ف") else ""):
        if st in _GIVEN_NATIVE_AR and not st.startswith("ال"):
            return st
    return ""


def _named_as_kin(m: RawMatch, words: list[str], seps: list[str], starts: list[int], cased: str, arabic: bool,
                  country: bool, around: tuple[int, int], gaz: Gazetteer) -> bool:
    """Whether the one-word name ``m`` is a person's by kinship. Arabic (no proclitic on the name; not a country's
    name): after a kin noun with a third person's possessive (ابنته بيسان "his daughter Beisan"), after أبو (a
    kunya), or after ابن عم / بنت خالة (a cousin's relative), not after a kin noun that is the subject of a verb
    whose object is a place (زارت ابنته دمشق "his daughter visited Damascus"); a given name before another given
    name, the father's, or a family name, at a clause's start or after a verb of saying (وأضافت رياض سلامة), with
    no cue or locative word. English: after a possessive and a kin noun ("her daughter Jordan", "his granddaughter,
    Florence,"), or as either half of a double surname after a given name ("Ada Kamau-Dubai", "Victoria
    Lagos-Mensah": the other half no place). ``around`` is (where the previous match ends, where the next one
    starts). A definite nisba right after a frequent Arabic given name is a family name (سعاد التونسي: an indefinite
    name takes no definite adjective). And a frequent Arabic given name that is only a GeoNames alternate name of a
    place outside the Arabic-speaking world, not its Arabic label (ريم for Rome, لمياء for Lamía), is the person's,
    with no cue or locative word."""
    i = m.token_index
    bare = m.fs == starts[i]
    prev_end, next_start = around
    given = _given_name_ar(words[i - 1]) if arabic and bare and i > 0 and seps[i] == " " else ""
    # (a frequent given name: a rare one may be a noun with a pronoun once folded, نظيره "his counterpart")
    if given in _FREQUENT_GIVEN_AR and m.key[0].startswith("ال") and gaz.commonness_any(given) < _GIVEN_NAME_MAX_ZIPF \
            and m.refs and all(r.name_type == DEMONYM for r in m.refs):
        return True  # أحمد المصري: a definite nisba cannot qualify an indefinite given name: the family's name
    if arabic and not m.cue and not m.locative and m.key[0] in _FREQUENT_GIVEN_AR and all(
            r.name_type == ALT and gaz.country_code(r.place_index) not in ARABIC_SPEAKING
            and fold_name(gaz.place(r.place_index).name_ar or "") != m.key[0] for r in m.refs):
        return True
    if arabic and bare and not country and not m.locative and not m.cue and m.key[0] in _GIVEN_NATIVE_AR \
            and i + 1 < len(words) and seps[i + 1] == " " and words[i + 1] in _NAMES_NATIVE_AR and (
                i == 0 or not _JOIN_RE.match(seps[i]) or any(st in _SAYING_AR for st in _stems(words[i - 1]))):
        return True  # رياض سلامة, عدن محمود, ريم حداد: a nasab chain or a family name
    if i == 0:
        return False
    if not arabic:
        j = i + 1
        if words[i - 1] in KIN_NOUNS_EN and (seps[i] == " " or (seps[i] == ", " and j <= len(words) and (
                j == len(words) or seps[j].startswith((",", ".", " (", "—"))))):
            return i >= 2 and seps[i - 1] == " " and words[i - 2] in POSSESSIVES_EN
        if j < len(words) and seps[j] == "-" and next_start != j and cased[starts[j]].isupper() and seps[i] == " " \
                and cased[starts[i - 1]].isupper() and recent_given_name_share(words[i - 1]) >= _GIVEN_NAME_MIN_SHARE:
            return True  # the first half of a double surname after a given name: "Victoria Lagos-Mensah"
        return seps[i] == "-" and i >= 2 and prev_end < i and seps[i - 1] == " " and cased[starts[i - 1]].isupper() \
            and cased[starts[i - 2]].isupper() and recent_given_name_share(words[i - 2]) >= _GIVEN_NAME_MIN_SHARE
    if not bare or country or not _JOIN_RE.match(seps[i]):
        return False
    prev = _stems(words[i - 1])
    if any(st in KIN_POSSESSED_AR for st in prev):
        return not (i >= 2 and any(st in PLACE_OBJECT_VERBS for st in _stems(words[i - 2])))
    if any(st in KUNYA_AR for st in prev):
        return True
    return words[i - 1] in COUSIN_HEADS_AR and i >= 2 and _JOIN_RE.match(seps[i - 1]) is not None \
        and any(st in NASAB_WORDS for st in _stems(words[i - 2]))


def _under_plural_head(matches: list[RawMatch], k: int, text: str) -> bool:
    """Whether match ``k`` is in a list joined by و after a name a dual or plural head governs (محافظات نينوى وصلاح
    الدين): the head names it a place of its kind, as :func:`_propagate_cues` will give it (that runs later)."""
    while k > 0:
        a, b = matches[k - 1], matches[k]
        b_start = b.fs - 1 if text[b.fs - 1 : b.fs] == _ARABIC_AND else b.fs
        if b_start == b.fs or not _gap_is_list(text, a.fe, b_start):
            return False
        if a.cue:
            return CUES.get(a.cue_word, ("", 1))[1] > 1
        k -= 1
    return False


def _not_places(matches: list[RawMatch], toks: _Tokens, text: str, cased: str, gaz: Gazetteer,
                persons: set[tuple[str, ...]], surnames: set[tuple[str, ...]] | None = None) -> list[RawMatch]:
    """Drop names that the words around them make something other than a place (each rule's table is in
    :mod:`geo.text`): a disease named after a place ("Lassa fever", حمى القرم-الكونغو, a bare "Ebola"); a
    person's name (after a title or a kin word, before بن/بنت, or a name the text uses for a person); a
    language ("speaks Spanish", بحكي تركي); a name inside an organisation's ("Qatar National Bank", بورصة
    الكويت); a city's club in a match report ("Brighton beat Wolves", فاز ... على ضيفه الرمثا).

    ``persons`` holds the names already read as a person's (given names: "Washington Sundar"); ``surnames`` those
    of them read as a surname after a given name ("Isaac Jackson"), which stay the person's where they recur
    whatever the size of the namesake town (not a country's or a state's name).

    A rule added here that reads a word around the name adds that word's table to :data:`_HOT_BEFORE` or
    :data:`_HOT_AFTER` (or tests the name's key in the fast path): names with none of them skip the rules.
    """
    if not matches:
        return matches
    words, seps, starts = toks.words, toks.seps, toks.starts
    n = len(words)
    drop = [False] * len(matches)
    # A pure function of the readings and the gazetteer: kept with it across texts.
    kinds_memo: dict[tuple[NameRef, ...], tuple[bool, bool]] = gaz.memo().setdefault("refs_kinds", {})

    def facts(m: RawMatch) -> tuple[bool, bool]:
        """(has a country reading, every reading is a nisba/demonym)."""
        got = kinds_memo.get(m.refs)
        if got is None:
            got = kinds_memo[m.refs] = (any(gaz.kind(r.place_index) == "country" for r in m.refs),
                                        bool(m.refs) and all(r.name_type == DEMONYM for r in m.refs))
        return got

    language = [False] * len(matches)
    team = [False] * len(matches)
    sports = sports_report(words)  # an English match report: its towns' names next to a club's words are clubs
    # Tokens of names that are surely places: not a nisba, and known by their own name or big (a word between a
    # title and a surname is neither; GeoNames gives سامي to two villages as an alternate name). Built on first use.
    placed_memo: list[set[int]] = []

    def placed(t: int) -> bool:
        if not placed_memo:
            placed_memo.append({u for m in matches if m.refs and not facts(m)[1] and any(
                r.name_type != ALT or gaz.population(r.place_index) >= _NOTABLE_GIVEN_NAME_POP for r in m.refs)
                for u in range(m.token_index, m.token_index + m.token_count)})
        return t in placed_memo[0]
    for k, m in enumerate(matches):
        if m.cue == "context":
            continue
        if len(m.key) == 2 and m.key[1] == _AL_DIN and not m.locative and not m.cue \
                and not _under_plural_head(matches, k, text):
            # A compound given name "X al-Din" (صلاح الدين, نور الدين, عز الدين): a person's, unless a locative word or
            # a cue says the place named so (في صلاح الدين, محافظة صلاح الدين); it stays the person's where it recurs.
            drop[k] = True
            persons.add(m.key)
            continue
        i, j = m.token_index, m.token_index + m.token_count
        # Most names stand among words that no rule below reads: then none can drop the name (see
        # _hot_before and _HOT_AFTER), and the rules are not read one by one.
        if not ((i > 0 and (_hot_before(words[i - 1])
                            or (i > 1 and _title_two_back(words[i - 2]))
                            or (i > 1 and words[i - 1] == "of" and words[i - 2] in _OF_OPENERS)))
                or (i > 1 and _hot_two_back(words[i - 2]))
                or (j < n and words[j] in _HOT_AFTER) or (j + 1 < n and words[j + 1] in _HOT_AFTER)
                or (j + 2 < n and words[j + 2] in _HOT_AFTER)
                or m.key[0] in LANGUAGES_EN or m.key[-1] in ORG_OPENERS_EN
                or (not m.locative and not m.cue and m.key in _DISEASE_KEYS)
                or (sports and ((i > 0 and words[i - 1] in _SPORTS_BEFORE) or (i > 1 and words[i - 2] in _SPORTS_BEFORE)
                                or (j < n and (words[j] in _SPORTS_AFTER or seps[j] == "'"
                                               or (seps[j] == " " and cased[starts[j]].isupper())))))
                or m.key[0] in NEWS_AGENCIES_EN or (i > 1 and seps[i] == "-") or (j < n and seps[j] == "-")
                or m.key[0] in _GIVEN_NATIVE_AR
                or (i > 0 and m.key[0].startswith("ال") and _given_name_ar(words[i - 1]))
                or m.key[0] in APOLOGY_NISBAS_AR or m.key[0] in SIDE_NOUNS_AR or m.key[0] in ELATIVE_NAMES_AR
                or (i > 1 and words[i - 2] in LEAGUE_HEADS_AR)
                or (m.fs != starts[i] and m.key[0].startswith("ال") and m.key[0].endswith("يه"))):
            continue
        arabic = is_arabic(m.key[0])
        joined_prev = i > 0 and _JOIN_RE.match(seps[i]) is not None
        prev = _stems(words[i - 1]) if joined_prev else ()
        nxt = words[j] if j < n and _JOIN_RE.match(seps[j]) else ""
        single = m.token_count == 1
        # A disease: an Arabic head word before the name (a direction may stand between: فيروس غرب النيل) ...
        p = i - 1
        if p >= 1 and words[p] in _AR_DIRECTIONS:
            p -= 1
        if p >= 0 and arabic and any(st in DISEASE_HEADS_AR for st in _stems(words[p])):
            drop[k] = True
            continue
        # ... an English head word after it ("Marburg virus disease", "Crimean-Congo haemorrhagic fever") ...
        q = j
        while q < n and q - j < 2 and words[q] in DISEASE_MODIFIERS_EN and words[q] not in DISEASE_HEADS_EN:
            q += 1
        if q < n and words[q] in DISEASE_HEADS_EN and _JOIN_RE.match(seps[q]) and not arabic:
            drop[k] = True
            continue
        # ... or a disease's own name, unless a locative word or a cue says the place is meant.
        if not m.locative and not m.cue and (" ".join(m.key) in DISEASE_NAMES or (
                joined_prev and not arabic and f"{words[i - 1]} {' '.join(m.key)}" in DISEASE_NAMES)):
            drop[k] = True  # ("West Nile" without "virus": the direction's word completes the disease's name)
            continue
        # A continent after a compass word or "Horn of" names a world region the gazetteer lacks (North Africa,
        # the Horn of Africa, جنوب شرق آسيا): the continent's point would put it thousands of km away.
        # (the words first: reading every namesake's id is the dearer test)
        if joined_prev and (words[i - 1] in _CONTINENT_PARTS_EN or any(st in _AR_DIRECTIONS for st in prev)
                            or (i >= 2 and words[i - 2] == "horn" and words[i - 1] == "of")) \
                and any(gaz.place_id(r.place_index) in CONTINENT_IDS for r in m.refs):
            drop[k] = True
            continue
        if single and m.key[0] in NEWS_AGENCIES_EN and not m.cue and (
                nxt in REPORTING_WORDS_EN or (i > 1 and words[i - 1] == "to" and words[i - 2] == "according")
                or (joined_prev and words[i - 1] in ("agency", "told"))):
            drop[k] = True  # "Xinhua said", "according to Xinhua", "the state news agency Xinhua": the agency
            continue
        country, nisba = facts(m)
        definite_nisba = nisba and arabic and m.key[0].startswith("ال")
        if sports and single and not arabic and not nisba:
            # A match report's player or coach after the role: "coach Phoenix Grant", "substitute Jordan Whitby".
            role = _player_name_at(words, seps, starts, cased, i)
            if role and not (country and given_name_share(m.key[0]) < _GIVEN_NAME_MIN_SHARE):
                drop[k] = True
                persons.add(m.key)
                if role == 2 and surnames is not None:
                    surnames.add(m.key)
                continue
        if arabic and _arabic_not_a_place(m, words, seps, definite_nisba):
            drop[k] = True
            continue
        if single and _named_as_kin(m, words, seps, starts, cased, arabic, country, (
                matches[k - 1].token_index + matches[k - 1].token_count if k else -1,
                matches[k + 1].token_index if k + 1 < len(matches) else n), gaz):
            drop[k] = True  # ابنته بيسان, أبو حيفا, "her son Austin", "Ada Kamau-Dubai": a person's name
            if seps[i] != "-":
                persons.add(m.key)  # (the half of a double surname may be the place elsewhere in the text)
            continue
        # A person: after a title (الأمير تركي, "Dr. Austin"; not الرئيس السوري) or a kin word (أختي سيناء),
        # or before بن/بنت (تركي بن طلال), or after one: the father's name (أحمد بن طولون is not Toulon).
        bare = m.fs == starts[i]  # no proclitic: صديقي بالرياض is "my friend, in Riyadh"
        titled = any(st in PERSON_TITLES for st in prev) and not definite_nisba
        if titled and arabic and not country and not nisba and i >= 2 and _JOIN_RE.match(seps[i - 1]) and any(
                st in PLACE_OBJECT_VERBS for st in _stems(words[i - 2])):
            titled = False  # verb, subject, object: the title is the subject and the name the place visited
        if titled and not arabic and not (cased[starts[i - 1]].isupper() and (
                seps[i] == " " or (seps[i] == ". " and len(words[i - 1]) <= _TITLE_ABBREVIATION_MAX))):
            titled = False  # "to miss Rochester", "Municipal Court Judge. Columbus attorney ...": no title of a name
        # ... or two words after one, past a given name or a nisba (الدكتور سامي عمان, العداءة الأردنية جنين حداد): a
        # surname, unless a verb before the title, or in place of the given name, makes the name its object (زار الرئيس
        # عون عمان, الوزير زار دمشق).
        if not titled and arabic and single and i >= 2 and joined_prev and _JOIN_RE.match(seps[i - 1]) \
                and _title_two_back(words[i - 2]) and not definite_nisba and is_arabic(words[i - 1]) \
                and gaz.commonness_any(words[i - 1]) < _GIVEN_NAME_MAX_ZIPF and not placed(i - 1) \
                and not any(st in PLACE_OBJECT_VERBS for st in _stems(words[i - 1])) \
                and not (i >= 3 and any(st in PLACE_OBJECT_VERBS for st in _stems(words[i - 3]))):
            titled = True
        # ... or after a foreign given name in Arabic letters (لويس فيغو, جاك شيراك): a surname, when no reading
        # is a country or a place of the Arabic-speaking world (whose names are Arabic words and given names).
        foreign_surname = (arabic and single and joined_prev and not country and words[i - 1] in _GIVEN_AR
                           and not any(gaz.country_code(r.place_index) in ARABIC_SPEAKING for r in m.refs))
        if bare and (titled or foreign_surname
                     or any(st in KIN_WORDS for st in prev) or (arabic and nxt in NASAB_WORDS)
                     or (arabic and not country and any(st in NASAB_WORDS for st in prev))):
            drop[k] = True
            if not country:
                persons.add(m.key)
                if titled and not arabic and surnames is not None and not (nxt and cased[starts[j]].isupper()):
                    surnames.add(m.key)  # "Mayor Durant said": a surname, the person's where it recurs alone
            continue
        # A language: "speaks Spanish", "in Hindi", "Spanish-language"; Arabic names it by the nisba after a
        # verb of speaking or learning (بحكي عربي) or اللغة, or with بال (بالتركية).
        if arabic:
            if nisba and (any(st in LANGUAGE_BEFORE_AR for st in prev)
                          or (words[i][: m.fs - starts[i]].endswith("ب") and m.key[0].startswith("ال")
                              and m.key[0].endswith("يه"))
                          # ... and one joined by و to such a word (بالعربية والفرنسية والأمازيغية): a list of languages
                          or (words[i][: m.fs - starts[i]] == "و" and m.key[0].startswith("ال")
                              and m.key[0].endswith("يه") and joined_prev and words[i - 1].startswith("بال")
                              and words[i - 1].endswith("يه"))):
                drop[k] = language[k] = True
                continue
        elif single and m.key[0] in LANGUAGES_EN and (
                (joined_prev and words[i - 1] in LANGUAGE_BEFORE_EN) or (nxt and nxt in LANGUAGE_AFTER_EN)):
            drop[k] = language[k] = True
            continue
        # Inside an organisation's name: after an Arabic head (بنك مصر; a nisba stays the state: مجموعة
        # إماراتية), or before capitalised words ending in an English head ("Qatar National Bank") ...
        if arabic:
            if not nisba and (any(st in ORG_HEADS_AR for st in prev) or nxt in ORG_TAILS_AR
                              or (bare and _org_head_two_back(words, seps, i, gaz))):
                drop[k] = True
                continue
        else:
            q = j
            while q < n and q - j < 3 and seps[q] == " " and cased[starts[q]].isupper():
                if words[q] in ORG_HEADS_EN:
                    drop[k] = True
                    break
                q += 1
            if drop[k]:
                continue
            if (i > 1 and words[i - 1] == "of" and words[i - 2] in ORG_OPENERS_EN and cased[starts[i - 2]].isupper()) \
                    or (m.key[-1] in ORG_OPENERS_EN and nxt == "of"):
                drop[k] = True  # "Bank of England", "University of Reading"; "the Bank" of "the Bank of Canada"
                continue
        # ... and a city's club in a match report (a country there is its national team: the country), or after a
        # player's role (مهاجم الرمثا); a club named by a nisba (فاز الإسماعيلي على المصري) is one too, but not a
        # nisba after a role with the article or a pronoun (المهاجم المصري, مهاجمه الفرنسي: the player's nationality).
        if not country or (definite_nisba and bare):
            back = list(prev) if not country else ([words[i - 1]] if joined_prev else [])
            if i > 1 and words[i - 1] in _AGAINST_WORDS and _JOIN_RE.match(seps[i - 1]):
                back += _stems(words[i - 2])
                # فاز الإسماعيلي على المصري: the verb stands before the winner's name, one or two words back.
                q = i - 3
                while arabic and q >= 0 and q >= i - 4 and _JOIN_RE.match(seps[q + 1]) and seps[q + 1] == " ":
                    back += _stems(words[q])
                    q -= 1
            # (in Arabic a club is a town's: a role or a result before a continent or England is a rank among its
            # players or a national team: أفضل لاعبي أوروبا, الفوز على إنجلترا)
            club = not arabic or country or not any(
                gaz.kind(r.place_index) in ("continent", "region") or gaz.place_id(r.place_index) in _HOME_NATIONS
                for r in m.refs)
            if club and (any(st in SPORTS_WORDS for st in back) or (not arabic and nxt in SPORTS_WORDS) or (
                    arabic and joined_prev and any(st in PLAYER_ROLES_AR for st in back))
                    or (not arabic and i > 1 and words[i - 1] in _AGAINST and joined_prev and seps[i - 1] == " "
                        and words[i - 2] in _AGAINST[words[i - 1]] and not _is_division(m, gaz))
                    or (sports and not arabic and not (j < n and seps[j] == "-")
                        and club_at(words, seps, starts, cased, i, j, partial(_is_division, m, gaz)))):
                drop[k] = team[k] = True
                continue
    # A name the text uses for a person stays a person where it recurs without a locative word or a cue; not a
    # country's or a state's own name ("Virginia Foxx" once does not make every "Virginia" of a story hers).
    if persons:
        abroad: dict[tuple[str, ...], bool] = {}
        tops: dict[str, Any] = {}
        for k, m in enumerate(matches):
            if not drop[k] and m.key in persons and not m.locative and not m.cue \
                    and (((not facts(m)[0] or (surnames and m.key in surnames))
                          and (is_arabic(m.key[0]) or not any(
                              r.name_type != ALT and (gaz.kind(r.place_index) == "admin1" or (
                                  gaz.population(r.place_index) >= _NOTABLE_GIVEN_NAME_POP
                                  and not (surnames and m.key in surnames))) for r in m.refs)))
                         or (not is_arabic(m.key[0]) and _nowhere_else(m, matches, drop, gaz, abroad, tops))):
                drop[k] = True
    if sports and any(team):
        # A name a match report uses for a club stays the club where it recurs without a locative word or a cue
        # ("Everton, who had led", "Boston led by 11"); "trip to Newcastle", a dateline and a country stay places.
        clubs = {m.key for m, t in zip(matches, team, strict=True) if t}
        for k, m in enumerate(matches):
            if not drop[k] and m.key in clubs and not m.locative and not m.cue and not facts(m)[0] \
                    and not _is_division(m, gaz):
                drop[k] = team[k] = True
    for k in range(len(matches) - 1):
        a, b = matches[k], matches[k + 1]
        gap = text[a.fe : b.fs]
        # The name joined to a disease's by a hyphen is part of it: Crimean-Congo, القرم-الكونغو.
        if drop[k] != drop[k + 1] and gap in _HYPHENS and not (language[k] or language[k + 1]):
            drop[k] = drop[k + 1] = True
        # A language listed with a language is one: بحكي عربي وإنجليزي, "in Spanish and Navajo".
        elif language[k] and not drop[k + 1] and facts(b)[1] == facts(a)[1] and gap.strip() in _LIST_JOINS:
            drop[k + 1] = language[k + 1] = True
        # A club listed with a club in a match report is one: "have beaten Utah and Sacramento".
        elif team[k] and not drop[k + 1] and not facts(b)[0] and not b.locative and gap.strip() in _LIST_JOINS:
            drop[k + 1] = team[k + 1] = True
    return [m for m, d in zip(matches, drop, strict=True) if not d] if any(drop) else matches


_LIST_JOINS = frozenset({"و", ",", "and", "or", "او"})
#: Words before "X city" that make X a modifier ("a Texas city", "the Ohio town of Athens"), not X the city.
_DETERMINERS = frozenset("a an the another one every".split())


def _player_name_at(words: list[str], seps: list[str], starts: list[int], cased: str, i: int) -> int:
    """1 if word ``i`` is the given name of a two-word capitalised name after a player's role (coach Phoenix
    Grant), 2 if it is the surname (substitute Jordan Whitby), else 0."""
    n = len(words)

    def cap(t: int) -> bool:
        return 0 <= t < n and cased[starts[t]].isupper() and not cased[starts[t]:starts[t] + len(words[t])].isupper()

    if i >= 1 and seps[i] == " " and words[i - 1] in PLAYER_ROLES_EN and cap(i + 1) and seps[i + 1] == " " \
            and not cap(i + 2):
        return 1
    if i >= 2 and seps[i] == " " and seps[i - 1] == " " and words[i - 2] in PLAYER_ROLES_EN and cap(i - 1) \
            and not (i + 1 < n and seps[i + 1] == " " and cap(i + 1)):
        return 2
    return 0


def _nowhere_else(m: RawMatch, matches: list[RawMatch], drop: list[bool], gaz: Gazetteer,
                  memo: dict[tuple[str, ...], bool], tops: dict[str, Any]) -> bool:
    """Whether a country's or a state's name that the text also uses as a person's given name (Georgia, Washington)
    lies in none of the countries of the text's other places (each read by its biggest own-name reading): a girl
    called Georgia in a story about Alberta, not the state or the country, where her name recurs.

    ``tops`` (empty at first, filled on the first call) holds each distinct name's matches and its country, so that a
    call reads the text's names, not every match: once per match it was quadratic in a long statement.
    """
    got = memo.get(m.key)
    if got is None:
        if not tops:
            # by name and readings: two matches of one name may keep different readings (a cue, a vowel mark)
            where: dict[tuple[tuple[str, ...], tuple[NameRef, ...]], list[int]] = {}
            for k, o in enumerate(matches):
                if o.refs:
                    where.setdefault((o.key, o.refs), []).append(k)
            by_cc: dict[str, list[tuple[tuple[str, ...], tuple[NameRef, ...]]]] = {}
            for group in where:
                top = max((r for r in group[1] if r.name_type != ALT), key=lambda r: gaz.population(r.place_index),
                          default=None)
                if top is not None:
                    by_cc.setdefault(gaz.country_code(top.place_index), []).append(group)
            tops.update(where=where, by_cc=by_cc)
        where, by_cc = tops["where"], tops["by_cc"]

        def live(group: tuple[tuple[str, ...], tuple[NameRef, ...]]) -> bool:
            # another name with a match not dropped (so far)
            return group[0] != m.key and not all(drop[k] for k in where[group])

        own = {gaz.country_code(r.place_index) for r in m.refs if r.name_type != ALT}
        others = any(live(group) for groups in by_cc.values() for group in groups)
        got = memo[m.key] = others and not any(live(group) for cc in own for group in by_cc.get(cc, ()))
    return got


def sports_report(words: Iterable[str]) -> bool:
    """Whether a text of these folded words is an English match report: at least
    :data:`geo.text.SPORTS_REPORT_MIN_WORDS` distinct words of :data:`geo.text.SPORTS_REPORT_EN`."""
    return len(_SPORTS_REPORT_WORDS.intersection(words)) >= SPORTS_REPORT_MIN_WORDS


#: Words that count for :func:`sports_report`: a report's own words and the result verbs (beat, drew).
_SPORTS_REPORT_WORDS = SPORTS_REPORT_EN | frozenset(w for w in SPORTS_WORDS if w.isascii())


#: Most words between a possessive and a club's role noun ("Boston's seven-game winning streak").
_ROLE_REACH = 4


def _is_division(m: RawMatch, gaz: Gazetteer) -> bool:
    """Whether a name is a first-level division's own name (Minnesota, Utah)."""
    return any(r.name_type != ALT and gaz.kind(r.place_index) == "admin1" for r in m.refs)


def club_at(words: list[str], seps: list[str], starts: list[int], cased: str, i: int, j: int,
            division: bool | Callable[[], bool] = False) -> bool:
    """Whether the English name on tokens ``i`` .. ``j - 1`` of a match report is a club's by the words around it
    (:mod:`geo.text`'s club tables): a club's suffix or a capitalised plural after it (Aston Villa, the Hobart
    Hurricanes), a result verb or a word of playing before it (host Tottenham, against the Lakers, lost to Inter,
    joined from Sunderland), or a club's people after it or its possessive (the Newcastle manager, Chelsea's
    Spanish goalkeeper). The caller leaves countries alone: there they are national teams, and so the country.
    A first-level division's name (``division``) is a club's only by its name's shape (the Minnesota Twins): "a win
    over Minnesota's top team" is the state's best, and a compound joined by a hyphen (Watertown-Mayer, a school
    district of two towns) is left to the caller. ``division`` may be a function that tells, asked only when a
    suffix does not already decide (reading a name's every namesake is most of this test's cost)."""
    n = len(words)
    if j < n and seps[j] == " " and cased[starts[j]].isupper():
        nw = words[j]
        if nw in CLUB_SUFFIXES_EN:
            return True
        if len(nw) > 3 and nw[-1] == "s" and nw[-2] != "s" and not cased[starts[j]:starts[j] + len(nw)].isupper() \
                and nw not in FEATURE_HEADS_EN and nw not in FACILITY_CUES_EN and nw not in CUES \
                and nw not in ORG_HEADS_EN and nw not in _OFFICE_WORDS:
            return True  # "the Denver Nuggets", "the Perth Scorchers": a capitalised plural names the side
    if division is True or (callable(division) and division()):
        return False
    if j < n and _JOIN_RE.match(seps[j]) and (words[j] in CLUB_ROLES_EN or words[j] in SPORTS_WORDS):
        return True  # "the Newcastle manager", "Nottingham Forest drew with ..."
    if j + 1 < n and seps[j] == "'" and words[j] == "s":
        for q in range(j + 1, min(n, j + 1 + _ROLE_REACH)):
            if seps[q] not in (" ", "-"):
                break
            if words[q] in CLUB_ROLES_EN:
                return True
    p = i - 1
    if p >= 0 and words[p] == "the" and seps[i] == " ":
        p -= 1
    if p < 0 or not _JOIN_RE.match(seps[p + 1]):
        return False
    before = words[p]
    if before in CLUB_BEFORE_EN or before in SPORTS_WORDS:
        return True
    return p >= 1 and before in CLUB_PAIRS_EN and seps[p] == " " and words[p - 1] in CLUB_PAIRS_EN[before]


def _gap_is_list(text: str, a_end: int, b_start: int) -> bool:
    """Whether only a coordinator (و, and, a comma) separates two matches."""
    gap = text[a_end:b_start].strip()
    return gap in ("", ",", "and", "&", ", and", "و") or gap.replace(",", "").strip() in ("and", "the", "and the")


#: Definite nouns of a country's land (folded): before a country's definite nisba they name the country's
#: territory (الأراضي السورية "Syrian territory", على الأرض اللبنانية), a place, not an adjective of a noun.
_TERRITORY_NOUNS_AR = frozenset({"الاراضي", "الارض"})


#: Landform heads written before "of" and a name ("the Vale of York"): a place called "The Vale" or "Valley" read
#: there is the head of the landform's name (geo.facilities reads the landform).
_OF_LANDFORMS_EN = frozenset({"vale", "valley"})
#: Event heads read in lower case too, after "the" and the name: "the Luanda process", "the Normandy format".
_EVENT_HEADS_LOWER_EN = frozenset({"process", "format", "protocols"})


#: How many capitalised words may stand between a place's name and the head of an armed group's name.
_ARMED_GROUP_REACH = 3


#: Words of a state's armed service between a country's name and the head ("the Indian Air Force", "the Lebanese
#: Armed Forces"): a state's army is the state's, and the corpora count the country there.
_STATE_SERVICE_WORDS = frozenset("air armed national royal naval marine ground special border".split())


def _armed_group_after(j: int, words: list[str], seps: list[str], starts: list[int], cased: str) -> int:
    """Whether the capitalised words from token ``j`` on end in an armed group's head (:data:`ARMED_GROUP_HEADS_EN`)
    that closes the run: "[Sudan] Liberation Army attacked", not "[Texas] Army National Guard". 0: no such head; 1: a
    head after a word of the group's own name; 2: a head right after the name or after a state's service words only
    ("the Lebanese Army", "the Indian Air Force"), which after a country's name are the state's."""
    n = len(words)
    q = j
    while q < n and q - j < _ARMED_GROUP_REACH and seps[q] == " " and cased[starts[q]].isupper():
        if words[q] in ARMED_GROUP_HEADS_EN:
            if q + 1 < n and seps[q + 1] == " " and cased[starts[q + 1]].isupper():
                return 0
            return 2 if all(words[t] in _STATE_SERVICE_WORDS for t in range(j, q)) else 1
        q += 1
    return 0


def _inside_event_names_en(matches: list[RawMatch], toks: _Tokens, cased: str, gaz: Gazetteer) -> list[RawMatch]:
    """Drop an English name that opens an event's, a process's or an armed group's name (:data:`EVENT_HEADS_EN`):
    "the Tigray War", "the Berlin Process", "the Kigali Brigade" name no place; "the Luanda process" neither, with
    "the" before it; nor one a few capitalised words before an armed group's head ("the Sudan Liberation Army"); a cue
    (a camp, a province) keeps the name. And a place called "The Vale" in "the Vale of York"
    is the head of the landform's name (:data:`_OF_LANDFORMS_EN`)."""
    words, seps, starts = toks.words, toks.seps, toks.starts
    n = len(words)
    keep = []
    for m in matches:
        j = m.token_index + m.token_count
        if m.key[-1] in _OF_LANDFORMS_EN and j + 1 < n and words[j] == "of" and seps[j] == " " and seps[j + 1] == " " \
                and cased[starts[j + 1]].isupper() and cased[m.fe - len(m.key[-1])].isupper():
            continue
        group = 0 if m.cue or is_arabic(m.key[0]) else _armed_group_after(j, words, seps, starts, cased)
        if group == 1 or (group == 2 and not any(gaz.kind(r.place_index) == "country" for r in m.refs)):
            continue
        if j < n and words[j] in EVENT_HEADS_EN and seps[j] == " " and not m.cue and not is_arabic(m.key[0]) \
                and (cased[starts[j]].isupper() or (
                    words[j] in _EVENT_HEADS_LOWER_EN and m.token_index > 0 and words[m.token_index - 1] == "the")):
            continue
        keep.append(m)
    return keep if len(keep) < len(matches) else matches


def _territories(matches: list[RawMatch], toks: _Tokens) -> list[RawMatch]:
    """A country's definite nisba after a noun of its land (الأراضي اليمنية, بالأرض السورية) is the country named:
    the match takes the noun into its span (without its proclitics, as any name) and reads as the country's name,
    so it is a place on the map (``form`` "name"), not an adjective."""
    words, starts, seps = toks.words, toks.starts, toks.seps
    out = matches
    for k, m in enumerate(matches):
        i = m.token_index
        if i == 0 or m.token_count != 1 or m.fs != starts[i] or not m.key[0].startswith("ال") \
                or not m.key[0].endswith("يه") or not m.refs or seps[i] != " ":
            continue
        prev = words[i - 1]
        stem = next((st for st in _stems(prev) if st in _TERRITORY_NOUNS_AR), None)
        if stem is None or not all(r.name_type == DEMONYM for r in m.refs):
            continue
        # ل before the article drops its alif (للأراضي): the word is quoted whole, as for any name (للقدس).
        fs = starts[i - 1] + (0 if prev.startswith("لل") else len(prev) - len(stem))
        if out is matches:
            out = list(matches)
        out[k] = m._replace(fs=fs, refs=tuple(dict.fromkeys(NameRef(r.place_index, NAME) for r in m.refs)),
                            token_index=i - 1, token_count=2)
    return out


def _countryside(matches: list[RawMatch], toks: _Tokens, gaz: Gazetteer, distinct: set[str],
                 toks_text: str) -> list[RawMatch]:
    """The countryside of a province's seat (ريف الرقة, بريف حلب الشمالي, "rural Hama", "the Idlib countryside") is the
    province around it, not the city: a name after ريف or "rural", or before "countryside", that is also a first-level
    division's takes that division's cue (the quote stays the name). ``distinct``: the text's distinct words;
    ``toks_text`` is the folded text the tokens come from."""
    words, seps = toks.words, toks.seps
    n = len(words)
    # The text's countryside words, decided once per distinct word (most texts have none: no loop over the matches).
    # (ريف and أرياف with their proclitics: a C-level substring test picks the few words to look through)
    before = (distinct & _COUNTRYSIDE_BEFORE_EN) | {
        w for w in distinct if ("ريف" in w or "ارياف" in w) and any(st in COUNTRYSIDE_AR for st in _stems(w))}
    after = _COUNTRYSIDE_AFTER_EN & distinct
    if not before and not after:
        return matches
    out = matches
    # Only the matches with such a word before or after them reach Python (C-level passes).
    firsts = list(map(attrgetter("token_index"), matches))
    hits = set(compress(range(len(matches)), map(before.__contains__, map(words.__getitem__, map(sub, firsts,
                                                                                              repeat(1))))))
    if after:
        ends = map(min, map(add, firsts, map(attrgetter("token_count"), matches)), repeat(n - 1))
        hits.update(compress(range(len(matches)), map(after.__contains__, map(words.__getitem__, ends))))
    for k in sorted(hits):
        m = matches[k]
        i = m.token_index
        if m.cue or not m.refs:
            continue
        j = i + m.token_count
        if i > 0 and seps[i] == " " and m.fs == toks.starts[i] and words[i - 1] in before \
                and words[i - 1] not in _COUNTRYSIDE_BEFORE_EN:
            word = words[i - 1]
        elif i > 0 and seps[i] == " " and words[i - 1] in _COUNTRYSIDE_BEFORE_EN:
            word = words[i - 1]  # "eastern rural Hama", "in rural Idlib": the governorate around the city
        elif j < n and seps[j] == " " and words[j] in _COUNTRYSIDE_AFTER_EN:
            word = words[j]  # "the Hama countryside", "western Aleppo countryside"
        else:
            continue
        if word in _COUNTRYSIDE_EN and any(gaz.kind(r.place_index) == "country" and r.name_type != ALT
                                           for r in m.refs):
            continue  # ("rural Mexico" is the country's countryside, not the State of Mexico)
        if _is_division(m, gaz):
            if out is matches:
                out = list(matches)
            out[k] = _with_cue(m, "admin1", word)
            if any(st in COUNTRYSIDES_AR for st in _stems(word)):
                # A dual or plural head (ريفي حلب وإدلب): the provinces joined to the first by و share its cue.
                q = k + 1
                while q < len(out) and not out[q].cue and out[q].fs > 0 and toks_text[out[q].fs - 1] == _ARABIC_AND \
                        and _gap_is_list(toks_text, out[q - 1].fe, out[q].fs - 1) \
                        and _is_division(out[q], gaz):
                    out[q] = _with_cue(out[q], "admin1", word)
                    q += 1
    return out


#: English words for a city's countryside, before ("rural Hama") and after ("the Idlib countryside") its name: the
#: first-level division of that name, as ريف X is.
_COUNTRYSIDE_BEFORE_EN = frozenset({"rural"})
_COUNTRYSIDE_AFTER_EN = frozenset({"countryside"})
_COUNTRYSIDE_EN = _COUNTRYSIDE_BEFORE_EN | _COUNTRYSIDE_AFTER_EN


_CAPITAL_AR = fold_name("العاصمة")


def _country_capital(matches: list[RawMatch], toks: _Tokens, gaz: Gazetteer) -> list[RawMatch]:
    """A country's name followed by العاصمة "the capital" (تونس العاصمة, الكويت العاصمة) is its capital city, named
    like the country: the match keeps only the capital's readings and takes the word into its quote."""
    words, seps, starts = toks.words, toks.seps, toks.starts
    n = len(words)
    out = matches
    for k, m in enumerate(matches):
        j = m.token_index + m.token_count
        if j >= n or words[j] != _CAPITAL_AR or seps[j] != " " or not m.refs:
            continue
        if not any(gaz.kind(r.place_index) == "country" for r in m.refs):
            continue
        capitals = tuple(r for r in m.refs if gaz.is_capital(r.place_index))
        if capitals:
            if out is matches:
                out = list(matches)
            out[k] = m._replace(refs=capitals, fe=starts[j] + len(words[j]), token_count=m.token_count + 1)
    return out


def _propagate_cues(matches: list[RawMatch], toks: _Tokens, text: str, cased: str,
                    gaz: Gazetteer) -> list[RawMatch]:
    """Give a dual/plural head's kind to the names it governs; read English cues after the name.

    ``cased`` is the folded text with its capitals (same offsets as ``text``); with ``gaz``, a first-level division's
    own name before "city" or "town" ("a Texas city") keeps its reading: the city is one in that state.
    """
    out = list(matches)
    # Arabic dual/plural before: مخيمي الهول وروج, محافظتي نينوى والأنبار. Only a match with a cue can pass
    # one on: those are found in a C-level pass (most matches have none), and a name given a cue passes it on.
    for k in compress(range(1, len(out)), map(attrgetter("cue"), out)):
        while k < len(out):
            a, b = out[k - 1], out[k]
            if not a.cue or b.cue or CUES.get(a.cue_word, ("", 1))[1] <= 1:
                break
            b_start = b.fs - 1 if text[b.fs - 1 : b.fs] == _ARABIC_AND else b.fs
            if not _gap_is_list(text, a.fe, b_start):
                break
            out[k] = _with_cue(b, a.cue, a.cue_word)
            k += 1
    # English cue after the name (X camp, X province, X and Y camps). Only a name whose next word is a cue or
    # a cue's modifier can take one: those are found in C-level passes, the rest never reach Python.
    words, starts, seps = toks.words, toks.starts, toks.seps
    n = len(words)
    after = list(map(add, map(attrgetter("token_index"), out), map(attrgetter("token_count"), out)))
    for k in reversed(list(compress(range(len(out)), map(_CUE_OR_MODIFIER.__contains__,
                                                           map(words.__getitem__, map(min, after, repeat(n - 1))))))):
        m = out[k]
        j = m.token_index + m.token_count
        if m.cue or j >= n or is_arabic(m.key[0]):
            continue
        word = words[j]
        if not _JOIN_RE.match(seps[j]):
            continue  # "near Savannah.\n\nState officials": a cue reads only within the phrase
        if word in _CUE_MODIFIERS and j + 1 < n:
            j += 1  # "Jenin refugee camp", "al-Walid border crossing"
            word = words[j]
            if not _JOIN_RE.match(seps[j]):
                continue
        hit = CUES.get(word)
        if hit is None or hit[0] == "facility":
            continue
        if hit[0] in ("city", "town") and not cased[starts[j]].islower():
            continue  # "Kuwait City" is a name of its own; "al-Hasakah city" is a cue
        d = m.token_index - 1
        while d > 0 and words[d] in _DIRECTIONS:
            d -= 1  # "the north Texas city"
        if hit[0] in ("city", "town") and d >= 0 and words[d] in _DETERMINERS \
                and _is_division(m, gaz):
            continue  # "a Texas city of 45,000", "the Idlib city of Saraqeb": a town in the state ("Idlib city" is one)
        if word in ("states", "regions") and all(r.name_type == DEMONYM for r in m.refs):
            continue  # "the Indian states": a country's states, not a state called so
        i = m.token_index
        if hit[1] == 1 and i > 1 and m.token_count == 1 and words[i - 1] in _DIRECTIONS and seps[i] == " " \
                and is_everyday_en(m.key[0]) \
                and cased[starts[i - 1]].isupper() and not cased[starts[i - 2]].isupper() \
                and not all(r.name_type == DEMONYM for r in m.refs):  # ("a Northern Irish town": Ireland's)
            # "the Northern Rivers region": a capitalised compass word before a name that is an everyday word makes a
            # longer name the gazetteer lacks (not Rivers State): the cue's place, unlocated. ("Southern California"
            # stays the state, as directional phrases do.)
            out[k] = _with_cue(m, hit[0], word)._replace(
                refs=(), fs=starts[i - 1], key=(words[i - 1], *m.key), token_index=i - 1,
                token_count=m.token_count + 1, cue_span=(starts[i - 1], starts[j] + len(word)))
            continue
        out[k] = _with_cue(m, hit[0], word)._replace(cue_span=(m.fs, starts[j] + len(word)))
        if hit[1] == 3:  # plural: the list before it shares the cue (a coordinator between: not "Northern Indian")
            q = k
            ccs = {gaz.country_code(r.place_index) for r in m.refs} if m.refs else set()
            while q > 0 and not out[q - 1].cue and text[out[q - 1].fe : out[q].fs].strip() \
                    and _gap_is_list(text, out[q - 1].fe, out[q].fs):
                if ccs and out[q - 1].refs and hit[0] in ("admin1", "region") and ccs.isdisjoint(
                        gaz.country_code(r.place_index) for r in out[q - 1].refs):  # type: ignore[union-attr]
                    break  # "the Central Plateau and Artibonite regions": no region of another country's name
                out[q - 1] = _with_cue(out[q - 1], hit[0], word)
                q -= 1
    return out


#: How near (degrees) a first-level division's point must be to its seat city's for the two to be one place written
#: twice ("Washington, D.C."): a federal district or a city-state, not a state named like its city (New York).
_CITY_DISTRICT_DEG = 0.2


def _city_districts(matches: list[RawMatch], text: str, gaz: Gazetteer) -> list[RawMatch]:
    """"Washington, D.C.": a first-level division written after its own seat city, where the two are one place (a
    federal district or a city-state), names that city a second time, not a division of its own."""
    out = matches
    # (C-level: only the matches with one reading reach Python)
    for k in compress(range(len(matches)), map((1).__eq__, map(len, map(attrgetter("refs"), matches)))):
        if k == 0:
            continue
        m, a = out[k], out[k - 1]
        if m.cue or text[a.fe:m.fs] != ", " or gaz.kind(m.refs[0].place_index) != "admin1":
            continue
        seat = gaz.seat(m.refs[0].place_index)
        if seat is None or not any(r.place_index == seat for r in a.refs):
            continue
        (la, lo), (lb, lob) = gaz.latlon(seat), gaz.latlon(m.refs[0].place_index)
        if abs(la - lb) <= _CITY_DISTRICT_DEG and abs(lo - lob) <= _CITY_DISTRICT_DEG:
            if out is matches:
                out = list(matches)
            out[k] = m._replace(refs=(NameRef(seat, NAME),))
    return out


def _and_other_en(matches: list[RawMatch], toks: _Tokens) -> list[RawMatch]:
    """"Lismore and other towns", "Kassala and other states": a name before "and other" and a plural head is a place
    of that head's kind, as the head right after it would make it."""
    words, seps = toks.words, toks.seps
    n = len(words)
    at = [t for t in compress(range(2, n - 1), map("other".__eq__, words[2:n - 1]))
          if words[t - 1] == "and" and CUES.get(words[t + 1], ("", 1))[1] == 3]
    if not at:
        return matches
    end_at = {m.token_index + m.token_count: k for k, m in enumerate(matches)}
    out = matches
    for t in at:
        hit = CUES[words[t + 1]]
        k = end_at.get(t - 1)
        if k is None or seps[t - 1] != " " or seps[t] != " " or seps[t + 1] != " " or out[k].cue \
                or is_arabic(out[k].key[0]):
            continue
        if out is matches:
            out = list(matches)
        out[k] = _with_cue(out[k], hit[0], words[t + 1])
    return out


def _with_cue(m: RawMatch, kind: str, word: str) -> RawMatch:
    return m._replace(cue=kind, cue_word=word)


#: Cue words too general to announce a place name the gazetteer lacks: منطقة آمنة is "a safe area",
#: "the region" any region; "state" and "department" head too many names that are no place (Islamic
#: State, Justice Department). Resolution also ignores them before a name that is no place of their kind.
NO_UNLOCATED_CUES = frozenset({"منطقه", "region", "regions", "state", "base", "capital", "department", "departments",
                               "commonwealth", "states", "prefecture", "prefectures", "محافظ"})
_CUE_MODIFIERS = frozenset({"refugee", "displacement", "displaced", "idp", "border", "detention", "transit"})
#: The words after a name that :func:`_propagate_cues` reads on (any other word gives the name no cue).
_CUE_OR_MODIFIER = frozenset(CUES) | _CUE_MODIFIERS
_NAME_STARTERS_AR = frozenset("ابو ام عين تل بئر دير راس جبل بني بيت كفر خربه".split())


# Articles and determiners, capitalised at a sentence's start: no word of a name before an English cue.
_DETERMINERS_EN = frozenset("the a an this these those".split())  # (not _ARTICLES_EN: the Arabic article in English)


def _unlocated(toks: _Tokens, text: str, folded: Folded, gaz: Gazetteer,
               found: list[RawMatch], org_spans: list[tuple[int, int]], cue_words: set[str]) -> list[RawMatch]:
    """Cue words followed (Arabic) or preceded (English) by a name the gazetteer lacks.

    ``org_spans`` (first token, length) are organisations' names: "Islamic State Khorasan
    Province" ends in a cue word but names no place. ``cue_words`` are the text's words that are cues.
    """
    n = len(toks)
    cue_positions = list(compress(range(n), map(cue_words.__contains__, toks.words)))
    if not cue_positions:
        return []
    covered = set()
    for i, L in org_spans:
        covered.update(range(i, i + L))
    for m in found:
        covered.update(range(m.token_index, m.token_index + m.token_count))
        if m.cue_word:
            covered.add(m.token_index - 1)
            covered.add(m.token_index + m.token_count)
    out: list[RawMatch] = []
    for i in cue_positions:
        s, e, tok = toks[i]
        if i in covered:
            continue
        cue = _cue_of(tok)
        if cue is None or cue[1] == "facility" or cue[0] in NO_UNLOCATED_CUES \
                or (cue[1] == "city" and not is_arabic(tok)):
            continue
        if is_arabic(tok):
            # (مدينة + a name the gazetteer lacks is read by its consonants among the statement's countries, and
            # dropped when they fit no town there: مدينة is also any "city" of a phrase, مدينة الألعاب.)
            if i + 1 >= n or (i + 1) in covered or not _JOIN_RE.match(toks.seps[i + 1]):
                continue
            nxt = toks[i + 1][2]
            last = i + 1
            if nxt in _NAME_STARTERS_AR and i + 2 < n and (i + 2) not in covered:
                last = i + 2  # رأس جدير, تل أبيض: a common first word that begins many names
            else:
                stem = nxt[2:] if nxt.startswith("ال") else nxt
                if not is_arabic(nxt) or len(nxt) < 3 or gaz.is_common_word(nxt) or gaz.is_common_word(stem):
                    continue
            fs = s + len(tok) - len(cue[0])  # keep the cue word, drop its proclitics
            out.append(RawMatch(fs, toks[last][1], (cue[0], *toks.words[i + 1 : last + 1]), (),
                                cue[1], cue[0], False, False, i, last - i + 1))
        else:
            # English, name after the cue: "the village of Baghouz".
            if i + 2 < n and toks[i + 1][2] == "of" and (i + 2) not in covered:
                os_, oe = folded.span(toks[i + 2][0], toks[i + 2][1])
                w = folded.original[os_:oe]
                if w[:1].isupper() and not gaz.is_common_word(toks[i + 2][2]):
                    out.append(RawMatch(s, toks[i + 2][1], (tok, "of", toks[i + 2][2]), (), cue[1], tok,
                                        False, False, i, 3))
                    continue
            # English: a capitalised run (or digits) right before the cue: "the Jeddah 5 camp"; under a plural cue,
            # names joined by "and" are one place each ("the Kalma and Otash camps").
            j = i - 1
            joins: list[int] = []
            while j >= 0 and (i - j) <= (8 if cue[2] == 3 else 4):
                if not _JOIN_RE.match(toks.seps[j + 1]):
                    break  # the name stops at a line break or punctuation ("0\nCAMP" is no "0 camp")
                w = _spelling(folded, toks[j][0], toks[j][1])
                if cue[2] == 3 and w == "and" and j + 1 < i and j > 0 and j + 1 not in joins:
                    joins.append(j)
                    j -= 1
                    continue
                if w in _ARTICLES_EN and toks.seps[j + 1] == "-" and j + 1 < i:
                    j -= 1  # "the Bab al-Salam crossing": an Arabic article inside the name
                    continue
                if not (w[:1].isupper() or w.isdigit()) or toks[j][2] in _DETERMINERS_EN:
                    break  # ("The Rohingya camps": the article, capitalised at a sentence's start, starts no name)
                if not w.isdigit() and gaz.is_common_word(toks[j][2]) and j == i - 1 \
                        and not (j > 0 and toks.seps[j] == "-" and toks.words[j - 1] in _ARTICLES_EN):
                    break  # (after an article the word is a name's: "the Bab al-Salam crossing")
                if j == i - 1 and len(w) > 1 and w.isalpha() and w.isupper():
                    j = i  # "IDP camps", "UN camp": an acronym before the cue describes it (no name)
                    break
                j -= 1
            first = j + 1
            if 0 < first < i and toks[first - 1][2] in ("al", "el") and toks.seps[first] == "-":
                first -= 1  # "the al-Wadiah crossing": the Arabic article, in lower case, opens the name
            joins = [k for k in joins if k >= first]
            if first in joins:
                first += 1  # (a dangling "and": "Zaatari and Azraq camps" starts at Zaatari)
                joins.remove(first - 1)
            if first >= i:
                continue
            if joins:
                # One unlocated place per name, quoted bare (the plural cue is the list's).
                bounds = [first, *(k + 1 for k in sorted(joins))]
                ends = [*(k - 1 for k in sorted(joins)), i - 1]
                for a, b in zip(bounds, ends, strict=True):
                    if a <= b and covered.isdisjoint(range(a, b + 1)):
                        out.append(RawMatch(toks[a][0], toks[b][1], tuple(toks.words[a : b + 1]), (),
                                            cue[1], tok, False, False, a, b - a + 1))
                continue
            # A known name followed by digits (Jeddah 5 camp) is a different place: drop that match.
            out.append(RawMatch(toks[first][0], e, tuple(toks.words[first : i + 1]), (),
                                cue[1], tok, False, False, first, i - first + 1))
    if out:
        # Drop matches inside an unlocated span (Jeddah of "Jeddah 5 camp"); bisect keeps this linear-ish.
        from bisect import bisect_right

        spans = sorted((m.fs, m.fe) for m in out)
        starts = [a for a, _ in spans]

        def inside(pos: int) -> bool:
            k = bisect_right(starts, pos) - 1
            return k >= 0 and spans[k][0] <= pos < spans[k][1]

        found[:] = [m for m in found if not inside(m.fs)]
    return out
