"""Choose a place for each match, with a confidence and a short reason.

Evidence, in the order it usually decides:

* the match's own reading: a country's name or its nisba/demonym, a curated
  place's name, a GeoNames alternate name (weaker);
* a cue word (مخيم, camp, محافظة, province) that says what kind of place it is;
* the document's other places: a candidate in a country the statement talks
  about wins over a bigger namesake elsewhere (Tripoli, Lebanon vs Libya);
  an explicit qualifier ("Damascus, Maryland") wins over everything;
* prominence (population, kind) when nothing else decides.

A name that is also an ordinary word (صور, جدة, Reading) must have evidence
beyond prominence; tiny places need a cue or same-country context.

Every weight and threshold is read from :data:`geo.scoring.WEIGHTS`; what a decision rests on is
recorded as :class:`geo.scoring.Evidence` flags, which later decisions read (never the reason text),
and :func:`explain` writes the reason sentence from them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from .extract import NO_UNLOCATED_CUES, RawMatch
from .gazetteer import ALT, BARE, DEMONYM, NAME, NEAR_COUNTRY_DEG, Gazetteer, NameRef
from .gazetteer.sources.directions import DIRECTION_PREFIX
from .gazetteer.sources.whosonfirst import AR_CUES, COUNTRY_CUES
from .lexicon import is_name_only_en
from .model import NATURAL_KINDS, Candidate
from .scoring import CONTEXT, PINS, PINS_VALUE, STATED, WEIGHTS, Evidence
from .text import (
    AR_HOMOGRAPHS,
    ARABIC_SPEAKING,
    CA_PROVINCE_ABBREVIATIONS,
    CONTEXT_NAMES,
    CUES,
    NATURAL_HEADS_DEFINITE_AR,
    PERSON_TITLES,
    PLACE_HEADS_DEFINITE_AR,
    STATE_ACTOR_NOUNS_AR,
    STATE_ACTOR_VERBS_AR,
    STATE_BACKING_AR,
    US_STATE_ABBREVIATIONS,
    fold_name,
    is_arabic,
)
from .translit import arabic_skeleton, latin_skeleton, same_start

__all__ = ["Resolution", "resolve", "explain"]

W = WEIGHTS


# Which place kinds a cue allows.
_CUE_KINDS: dict[str, frozenset[str]] = {
    "camp": frozenset({"camp"}),
    "prison": frozenset({"prison"}),
    "crossing": frozenset({"crossing"}),
    "admin1": frozenset({"admin1", "region"}),
    "region": frozenset({"region", "admin1"}),
    "city": frozenset({"city", "town"}),
    "town": frozenset({"town", "city"}),
    "facility": frozenset({"facility", "camp", "prison"}),
}
NOT_PLACE_KINDS = frozenset({"context"})
_AREA_KINDS = frozenset({"country", "region", "admin1", "camp", "prison", "crossing", "facility"})
# The Arabic cue words a district's gazetteer name starts with (مديرية رحبة, قضاء صور, ولاية صحار): the phrase says
# what it is, as a cue word does (the gazetteer indexes it only where it can mean nothing else).
_DISTRICT_CUE_WORDS_AR = frozenset(fold_name(w) for w in (*AR_CUES, *(c for cs in COUNTRY_CUES.values() for c in cs)))
#: State and province abbreviations as matched ("que.", "pa."): written so, the name is the division, never its
#: seat ("Gatineau, Que." is Quebec, not Québec City).
_ADMIN1_ABBREVIATION_KEYS = frozenset(a.lower() for a in [*US_STATE_ABBREVIATIONS, *CA_PROVINCE_ABBREVIATIONS])


class Resolution(NamedTuple):
    """The decision for one match: a place index (or ``None`` for unlocated), its confidence, the evidence
    it rests on, the readings it weighed (best first, at most ``WEIGHTS.candidates_kept``) with the chosen
    reading's score, and the reason sentence :func:`explain` wrote from the evidence.

    A named tuple: one is made for every mention of a text, and a tuple is the cheapest immutable value."""

    match: RawMatch
    place_index: int | None
    confidence: float
    reason: str
    evidence: Evidence = Evidence.NONE
    score: float | None = None
    candidates: tuple[Candidate, ...] = ()


def _region_name(gaz: Gazetteer, index: int) -> str:
    """The name of the first-level division place ``index`` lies in (its code if we lack the division)."""
    region = _region_of(gaz, index)
    if region is None:
        return "its province"
    cc, a1 = region
    try:
        j = gaz.index_of(f"admin1:{cc}-{a1}")
    except LookupError:
        return f"{cc}-{a1}"
    return gaz.name(j) if _region_of(gaz, j) == region else f"{cc}-{a1}"


def _reading(ntype: int) -> Evidence:
    """The evidence of a name type: a nisba/demonym or an alternate name."""
    return Evidence(_READING_BITS.get(ntype, 0))


class _B:
    """The flags' integer values. Flag operators run Python code, and so does hashing a flag to look it up
    (about a microsecond each); the loops over readings and the reason writer, run for every decision,
    test and set these plain integers and make one :class:`Evidence` at the end."""

    COUNTRY_NAME: int = Evidence.COUNTRY_NAME.value
    NISBA: int = Evidence.NISBA.value
    ALTERNATE_NAME: int = Evidence.ALTERNATE_NAME.value
    CUE: int = Evidence.CUE.value
    QUALIFIER: int = Evidence.QUALIFIER.value
    NISBA_QUALIFIER: int = Evidence.NISBA_QUALIFIER.value
    QUALIFIES: int = Evidence.QUALIFIES.value
    DEFINED_IN: int = Evidence.DEFINED_IN.value
    COLOCATED: int = Evidence.COLOCATED.value
    COUNTRY_CONTEXT: int = Evidence.COUNTRY_CONTEXT.value
    OTHER_PLACES: int = Evidence.OTHER_PLACES.value
    REGION_CONTEXT: int = Evidence.REGION_CONTEXT.value
    LIST: int = Evidence.LIST.value
    LOCATIVE: int = Evidence.LOCATIVE.value
    SEAT_CITY: int = Evidence.SEAT_CITY.value
    PINNED: int = Evidence.PINNED.value
    TRANSLITERATION: int = Evidence.TRANSLITERATION.value
    CONTEXT_NAME: int = Evidence.CONTEXT_NAME.value
    EVERYDAY_WORD: int = Evidence.EVERYDAY_WORD.value
    FREQUENT_WORD: int = Evidence.FREQUENT_WORD.value
    UNKNOWN_NAME: int = Evidence.UNKNOWN_NAME.value
    OTHER_KIND: int = Evidence.OTHER_KIND.value
    ONLY_ABROAD: int = Evidence.ONLY_ABROAD.value
    CONTEXT: int = CONTEXT.value
    STATED: int = STATED.value


_READING_BITS = {DEMONYM: _B.NISBA, ALT: _B.ALTERNATE_NAME}


def _candidate(gaz: Gazetteer, i: int, score: float | None) -> Candidate:
    return _scored_candidates(gaz, ((score, i),))[0]


def _scored_candidates(gaz: Gazetteer, scored: Iterable[tuple[float | None, int]]) -> tuple[Candidate, ...]:
    """A :class:`Candidate` for each ``(score, place)`` (the score rounded), in order."""
    # The place's fields depend only on the gazetteer: read once per place and kept with it (a batch of
    # short items weighs the same few thousand places again and again).
    known: dict[int, tuple[str, str, str, str, float, float]] = _memo(gaz).setdefault("candidate", {})
    out = []
    for score, i in scored:
        fields = known.get(i)
        if fields is None:
            lat, lon = gaz.latlon(i)
            fields = known[i] = (gaz.place_id(i), gaz.name(i), gaz.kind(i), gaz.country_code(i), lat, lon)
        # tuple.__new__: the NamedTuple's own __new__ is a Python call per candidate.
        out.append(_tuple_new(Candidate, (*fields, None if score is None else round(score, 3))))
    return tuple(out)


_tuple_new = tuple.__new__


def _decided(m: RawMatch, gaz: Gazetteer, index: int | None, confidence: float, evidence: Evidence,
             score: float | None = None, candidates: tuple[Candidate, ...] = (), weighed: int = 0) -> Resolution:
    """A Resolution with its reason written from its evidence."""
    return Resolution(m, index, confidence, explain(m, gaz, index, evidence, weighed), evidence, score, candidates)


def explain(m: RawMatch, gaz: Gazetteer, index: int | None, evidence: Evidence, weighed: int = 0) -> str:
    """The reason sentence of a decision, written from its evidence (the only place reasons are written).

    ``weighed`` is how many readings were scored (the sentence says how many the choice beat).
    """
    v = evidence._value_
    if v & _B.UNKNOWN_NAME:
        return f"{m.cue} cue {m.cue_word!r} with a name not in the gazetteer"
    if v & _B.OTHER_KIND:
        return f"{m.cue} cue {m.cue_word!r}; the gazetteer knows this name only as another kind of place"
    if v & _B.ONLY_ABROAD and v & _B.QUALIFIER:
        return "the gazetteer knows this name only in another country than the one written after it"
    if v & _B.ONLY_ABROAD:
        return f"{m.cue} cue {m.cue_word!r}; the gazetteer knows this name only in countries not named here"
    assert index is not None
    name, cc = gaz.name(index), gaz.country_code(index)
    if v & _B.TRANSLITERATION:
        if v & _B.CUE:
            return (f"{m.cue} cue {m.cue_word!r}; Arabic name not in the gazetteer, read as "
                    f"{name} ({cc}, named in the statement) by its consonants")
        return f"spelling not in the gazetteer, read as {name} ({cc}, named in the statement) by its consonants"
    if v & _B.CONTEXT_NAME:
        return f"{m.key[0]!r} refers to the only such state the statement names"
    if v & _B.PINNED:
        return f"same name as an earlier mention pinned down by the text ({name})"
    if v & _B.DEFINED_IN:
        return (f"not in the gazetteer; placed approximately at {name} ({gaz.kind(index)}), where the phrase after it "
                "puts it")
    kind = "city" if v & _B.SEAT_CITY else gaz.kind(index)
    origin = None if v & _B.SEAT_CITY else gaz.origin(index)
    if origin is not None:
        # A place from the user's own file says so, and what it replaced when it took a known place's id.
        base = f"{kind} from your places file {origin[0]!r}" + (f", replacing {origin[1]}" if origin[1] else "")
    elif kind == "country":
        base = f"nisba/demonym of {name}" if v & _B.NISBA else f"name of the country {name}"
    elif kind in ("city", "town"):
        base = f"GeoNames {kind}, population {_fmt_pop(gaz.population(index))}"
    else:
        base = f"{kind} in the gazetteer"
    parts = [base]
    if v & _B.CUE:
        parts.append(f"cue {m.cue_word!r}")
    if v & _B.COUNTRY_CONTEXT:
        parts.append(f"{cc} is named in the statement")
    if v & _B.OTHER_PLACES:
        parts.append(f"other places in {cc} are named")
    if v & _B.REGION_CONTEXT:
        parts.append(f"in {_region_name(gaz, index)}, the region the statement is about")
    if v & _B.COLOCATED:
        parts.append("beside a county or town the statement names there")
    if v & _B.NISBA_QUALIFIER:
        parts.append("qualified by the nisba after it")
    elif v & _B.QUALIFIER:
        parts.append("qualified by the name after it")
    if v & _B.QUALIFIES:
        parts.append("it qualifies the place named before it, which lies there")
    if v & _B.SEAT_CITY:
        parts.append("province named after its seat city; no province cue")
    if weighed > 1:
        parts.append(f"chosen over {weighed - 1} other place{'s' if weighed > 2 else ''} of that name")
    return "; ".join(parts)


def _fmt_pop(p: int) -> str:
    return f"{p / 1e6:.1f}M" if p >= 1_000_000 else f"{p / 1e3:.0f}k" if p >= 1000 else str(p)


def _candidates(m: RawMatch) -> dict[int, int]:
    """Distinct place indices of a match with their best name type (lower = stronger reading)."""
    out: dict[int, int] = {}
    for r in m.refs:
        t = out.get(r.place_index)
        if t is None or (t == ALT and r.name_type != ALT):
            out[r.place_index] = r.name_type
    return out


def _choosable(m: RawMatch, gaz: Gazetteer) -> dict[int, int]:
    """The readings resolution may choose (and that may vouch for a country).

    A bare curated name ("Walid" of the al-Walid crossing) only with its cue. A city outside the
    Arab world never through an Arabic article taken off the word: Arabic writes سيول (Seoul) and
    باريس bare, so السيول is "the floods"; Arab places take the article freely (الموصل/موصل). A number
    is never a place's name.
    """
    # A pure function of these fields and the gazetteer, asked three times per kind of match in every
    # document (votes, regions, the decision): decided once and kept with the gazetteer. Callers only read it.
    key = (m.key, m.refs, m.cue, m.article)
    known: dict[tuple[object, ...], dict[int, int]] = _memo(gaz).setdefault("choosable", {})
    got = known.get(key)
    if got is None:
        got = known[key] = _choosable_now(m, gaz)
    return got


def _choosable_now(m: RawMatch, gaz: Gazetteer) -> dict[int, int]:
    if all(t.isdigit() for t in m.key):
        return {}  # GeoNames lists postcodes and district numbers as alternate names ("30" for Munkkiniemi)
    # A written article on a frequent word (السور "the wall", الكنائس "the churches") leads to no foreign city either.
    foreign_article = is_arabic(m.key[0]) and (m.article or (
        m.key[0].startswith("ال") and len(m.key) == 1 and gaz.commonness(m.key[0]) >= W.frequent_zipf))
    # A GeoNames alternate name abroad that is an everyday Arabic word as written (الشوط "the half" for Showţ,
    # ذرات "atoms" for Z̄arāt, هالة "halo" for Halle): Persian, Turkish or European names in Arabic letters match
    # Arabic words by coincidence. Iran and Turkey count as abroad here: their names are not Arabic words.
    written = ("ال" + m.key[0] if m.article else m.key[0]) if len(m.key) == 1 and not m.cue else ""
    # An ordinary word is one of Zipf ≥ 3 (the gazetteer's common words); a place of a million or a capital
    # is frequent as a name, and a cue or a consonant-for-consonant spelling (_exonym) says the place is meant.
    everyday_abroad = bool(written) and is_arabic(written) and gaz.is_common_word(written)
    return {i: t for i, t in _candidates(m).items()
            if (t != BARE or gaz.kind(i) in _CUE_KINDS.get(m.cue, frozenset()))
            and not (foreign_article and gaz.kind(i) in ("city", "town")
                     and gaz.country_code(i) not in ARABIC_SPEAKING)
            and not (everyday_abroad and t == ALT and gaz.country_code(i) not in _ARAB_STATES
                     and gaz.population(i) < W.frequent_name_min_pop and not gaz.is_capital(i)
                     and not _exonym(m.key[0], gaz, i) and not _arabic_exonym(written, gaz, i))}


def _arabic_exonym(written: str, gaz: Gazetteer, index: int) -> bool:
    """Whether folded ``written`` is the Arabic name of a place abroad that Arabic writers use most (its label)
    and an Arabic exonym: one with the article (الري, الأهواز), or of a city (إشبيلية, أنطاكية). A town's only
    Arabic spelling (ذرات for Z̄arāt) or a word that is its name only with an article taken off (النور for Nūr)
    is not."""
    label = gaz.place(index).name_ar
    return bool(label) and fold_name(label) == written and (
        written.startswith("ال") or gaz.population(index) >= W.accept_pop)


#: The Arab states (Arabic-speaking countries but Iran and Turkey): their places' Arabic names are Arabic words.
_ARAB_STATES = ARABIC_SPEAKING - {"IR", "TR"}

#: Countries whose own place names are written in Arabic script: there an Arabic word that spells a place's
#: Latin name may be the Arabic word the name comes from (مركزي, Markazi), so spelling proves nothing.
_ARABIC_SCRIPT_CCS = ARABIC_SPEAKING | frozenset({"AF", "PK"})


def _exonym(tok: str, gaz: Gazetteer, index: int) -> bool:
    """Whether the folded Arabic word ``tok`` writes out the Latin name of a place outside the Arabic-script
    world, consonant for consonant (مانشستر ↔ Manchester, مدريد ↔ Madrid): a transliterated name, not an everyday
    Arabic word. A word with the article or of fewer than four consonants (طراز "style" spells Taraz) proves
    too little."""
    if tok.startswith("ال") or gaz.country_code(index) in _ARABIC_SCRIPT_CCS:
        return False
    sk = arabic_skeleton(tok)
    return len(sk) >= 4 and sk == latin_skeleton(gaz.name(index))


def _is_homograph(m: RawMatch, gaz: Gazetteer, ntype: int, pop: int, index: int) -> int:
    """Whether the matched word is also an everyday word, so prominence alone proves nothing: 0 no,
    1 a frequent word read through a GeoNames alternate name (or any frequent English word), 2 an
    Arabic everyday or function word (بيان, وان) or a listed homograph."""
    if len(m.key) > 1:
        return 0
    tok = m.key[0]
    kind = gaz.kind(index)
    if is_arabic(tok):
        stem = tok[2:] if tok.startswith("ال") else tok
        if tok in AR_HOMOGRAPHS or stem in AR_HOMOGRAPHS:
            return 2
        z = gaz.commonness(tok)
        if (z >= W.everyday_ar_zipf and kind != "country") or (kind == "admin1" and z >= W.everyday_province_ar_zipf):
            return 2  # a function word (وان = وأن), or a province named like an everyday word
        # GeoNames alternate names are noisy: a frequent word read through one is suspect ...
        if ntype == ALT and z >= W.frequent_zipf and pop < W.frequent_name_min_pop and not gaz.is_capital(index):
            # ... but not the Arabic spelling of a city abroad that writes out its own name (مانشستر, ليفربول:
            # every Arabic name of a place is a GeoNames alternate name, and a famous one is frequent as a name).
            return 0 if _exonym(tok, gaz, index) else 1
        return 0
    # English word lists count "paris" as often as "nice": a big city or a capital is frequent *as a name*,
    # and so is a word that is neither an everyday word nor a common person's name (Columbus, Vancouver:
    # geo.lexicon). An alternate name that is an everyday word ("We" for Huế) is never trusted on prominence.
    if ntype == ALT:
        return int(gaz.commonness(tok) >= W.frequent_zipf)
    return int(gaz.commonness(tok) >= W.frequent_zipf and pop < W.frequent_name_min_pop
               and not gaz.is_capital(index) and not is_name_only_en(tok))


_Votes = dict[tuple[object, ...], "tuple[str, int] | None"]


def _vote_key(m: RawMatch) -> tuple[object, ...]:
    # A match's vote depends only on its name, readings, cue and position flag.
    return m.key, m.refs, m.cue, m.sentence_initial


def _votes(matches: list[RawMatch], gaz: Gazetteer, kinds: list[RawMatch] | None = None) -> _Votes:
    """Each kind of match's vote (:func:`_vote`), decided once per kind; ``kinds`` collects one match of each."""
    votes: _Votes = {}
    # A vote depends on the match's fields and the gazetteer only: kept with the gazetteer across documents.
    # Its key adds the article flag (which _choosable reads): the first match of each kind in this document
    # decides, as before.
    known: dict[tuple[object, ...], tuple[str, int] | None] = _memo(gaz).setdefault("vote", {})
    for m in matches:
        key = _vote_key(m)
        if key not in votes:
            full = (*key, m.article)
            if full in known:
                votes[key] = known[full]
            else:
                votes[key] = known[full] = _vote(m, gaz)
            if kinds is not None:
                kinds.append(m)
    return votes


def _document_countries(matches: list[RawMatch], gaz: Gazetteer, votes: _Votes | None = None) -> Counter[str]:
    """Countries the statement evidently talks about: named countries and nisbas, curated places,
    and big unambiguous places whose names are not everyday words. Weak readings never vouch."""
    if votes is None:
        votes = _votes(matches, gaz)
    cc: Counter[str] = Counter()
    for m in matches:
        vote = votes[_vote_key(m)]
        if vote is not None:
            cc[vote[0]] += vote[1]
    return cc


_Region = tuple[str, str]  # (country code, GeoNames admin1 code)


def _region_of(gaz: Gazetteer, i: int) -> _Region | None:
    """The first-level division a place is, or lies in, as ``(country, GeoNames admin1 code)``: a county lies
    in its state, so "Marion County" in a Kansas story is the Kansas one, not the largest of seventeen.

    A province's GeoNames code is its seat city's (our admin1 ids are ISO 3166-2, which equals GeoNames'
    code only in some countries, such as the US)."""
    # A pure function of the place: kept with the gazetteer (votes, views and decisions ask it for the same
    # few thousand places in every statement).
    known: dict[int, _Region | None] = gaz.memo().setdefault("region_of", {})
    got = known.get(i, _MISSING)
    if got is _MISSING:
        got = known[i] = _region_of_now(gaz, i)
    return got  # type: ignore[return-value]


def _region_of_now(gaz: Gazetteer, i: int) -> _Region | None:
    kind = gaz.kind(i)
    if kind in ("city", "town", "district"):
        a1 = gaz.admin1_code(i)  # a district's is its state's where a source gives it (US counties)
    elif kind == "admin1":
        seat = gaz.seat(i)
        a1 = gaz.admin1_code(seat) if seat is not None else ""
        if not a1:
            cc, _, sub = gaz.place_id(i).partition(":")[2].partition("-")
            a1 = sub if cc == "US" else ""
    else:
        return None
    return (gaz.country_code(i), a1) if a1 else None


def _region_vote(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str], vote: tuple[str, int] | None
                 ) -> tuple[_Region, bool] | None:
    """The first-level division a match puts the statement in, and whether it names it (Minnesota) or
    only implies it (a town whose reading there outweighs its namesakes elsewhere): ``None`` if it says
    nothing about one.

    A name that is also a country's (Georgia) names the province only when the statement's other places
    are in the province's country and none in the other; an everyday word says nothing."""
    cands = _choosable(m, gaz)
    if not cands or m.cue in NOT_PLACE_KINDS:
        return None
    regions = {i: _region_of(gaz, i) for i in cands}
    provinces = [i for i, t in cands.items() if gaz.kind(i) == "admin1" and t != ALT]
    if len(provinces) == 1 and regions[provinces[0]] is not None:
        # A province's own name (Virginia, Nebraska) names it, though small towns share the name; not
        # when a capital or a big city elsewhere does too (Washington, Victoria).
        own = regions[provinces[0]]
        mine = Counter({vote[0]: vote[1]}) if vote is not None else Counter()
        for i in cands:
            kind = gaz.kind(i)
            if kind == "country":
                cc = gaz.country_code(i)
                if doc_cc.get(cc, 0) - mine.get(cc, 0) > 0 or doc_cc.get(own[0], 0) - mine.get(own[0], 0) <= 0:
                    return None
            elif regions[i] != own and (gaz.is_capital(i) or gaz.population(i) >= W.accept_pop):
                return None
        return own, True
    if any(gaz.kind(i) == "country" for i in cands) or None in regions.values():
        return None
    if len(cands) == 1 and len(m.key) > 1 and gaz.kind(next(iter(cands))) == "district":
        # A county whose name no other county has ("Edgar County", "McMinn County") names its state as surely as
        # the state's own name: local news names its county and then its towns bare.
        return next(iter(regions.values())), True  # type: ignore[return-value]
    # A town implies its region when its reading there outweighs every namesake elsewhere (Harrisonburg,
    # Virginia, 50k, over a Louisiana village of 350; Athens implies Attica, not Georgia).
    best = max(cands, key=lambda i: (gaz.population(i), gaz.place_id(i)))
    home = regions[best]
    rival = max((gaz.population(i) for i in cands if regions[i] != home), default=0)
    top = gaz.population(best)
    if max(top, W.population_floor) < W.region_dominance * max(rival, W.population_floor):
        return None
    if cands[best] == ALT and top < W.accept_town_pop:
        return None  # a village's alternate name (وزيرا "two ministers" read as Zyrya) implies nothing
    if _is_homograph(m, gaz, cands[best], top, best) > 1:
        return None
    return home, False


#: Decisions kept with the gazetteer across texts, keyed by all they read; past this many they start afresh.
_MEMO_DECISIONS = 200_000
_MISSING = object()


#: The tables of :func:`_memo` (all filled by this module).
_WEIGHED = frozenset({"candidate", "choosable", "vote", "reading_context", "region_vote", "region_vote_static",
                      "prepared", "resolution", "division", "roles", "county", "areas"})


def _memo(gaz: Gazetteer) -> dict[str, Any]:
    """The gazetteer's cache namespace for resolution, kept only while the weights table is the one it was
    filled under: every decision kept there was weighed with ``W``, so another table starts afresh."""
    memo = gaz.memo()
    weights = memo.get("resolve_weights")
    if weights is not W:
        for name in [k for k in memo if k in _WEIGHED]:
            del memo[name]
        memo["resolve_weights"] = W
    return memo


def _shared(gaz: Gazetteer, name: str) -> dict[tuple[object, ...], object]:
    """The gazetteer's table ``name`` of decisions kept across texts (bounded: see :data:`_MEMO_DECISIONS`)."""
    memo = _memo(gaz)
    table = memo.get(name)
    if table is None or len(table) > _MEMO_DECISIONS:
        table = memo[name] = {}
    return table


def _context_view(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str],
                  regions: dict[_Region, frozenset[tuple[str, ...]]] | None = None,
                  home: frozenset[str] = frozenset()) -> tuple[object, ...]:
    """All that a decision about ``m`` reads of its statement (:func:`_region_vote`, :func:`_resolve_one`):
    how often each country its readings lie in is named; for each natural feature among them, whether a
    named country lies beside it; and, when the statement is about regions, for each region its readings
    lie in whether it is one of them (named by a name other than ``m``'s: 1, only by ``m``'s: 2), and for
    each of their countries whether a region of the statement is in it (``home``: the regions' countries).
    Two statements that agree on this
    decide ``m`` alike, so a batch of short items decides each kind of mention once, not once per item.

    Reads of ``m`` only its key, readings, cue and article: :func:`resolve` keeps one view per those fields per
    statement (a view that reads another field of the match adds it to that key too)."""
    static: dict[tuple[object, ...], tuple[tuple[str, ...], tuple[int, ...], tuple[_Region, ...]]]
    static = _memo(gaz).setdefault("reading_context", {})
    skey = (m.key, m.refs, m.cue, m.article)
    info = static.get(skey)
    if info is None:
        cands = _choosable(m, gaz)
        info = static[skey] = (tuple(sorted({gaz.country_code(i) for i in cands})),
                               tuple(i for i in cands if gaz.kind(i) in NATURAL_KINDS),
                               tuple(sorted({r for i in cands if (r := _region_of(gaz, i)) is not None})))
    ccs, naturals, own_regions = info
    counts = tuple([doc_cc.get(cc, 0) for cc in ccs])
    near = tuple([_near_named_country(gaz, i, doc_cc) for i in naturals]) if naturals else ()
    if m.cue in ("town", "city") and is_arabic(m.key[0]):
        # An Arabic town's head reads its name's consonants among every country the statement names
        # (:func:`_by_transliteration`): those countries are part of what the decision reads.
        near = (*near, tuple(sorted((cc, n) for cc, n in doc_cc.items() if n > 0)))
    if not regions:
        return counts, near
    key = m.key
    return (counts, near, tuple([0 if (names := regions.get(r)) is None else 1 if not names or names - {key} else 2
                                 for r in own_regions]), tuple([cc in home for cc in ccs]))


def _shared_region_vote(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str], vote: tuple[str, int] | None
                        ) -> tuple[_Region, bool] | None:
    """:func:`_region_vote`, decided once per match kind, vote and view of the statement's countries.

    Only a province's own name reads the statement (its vote and countries); any other match's answer is
    the same in every statement, and is kept per match kind alone (no view of the statement built)."""
    static = _shared(gaz, "region_vote_static")
    skey = (m.key, m.refs, m.cue, m.article)
    hit = static.get(skey, _MISSING)
    if hit is _MISSING:
        hit = static[skey] = _region_vote_static(m, gaz)
    if hit is not _BY_CONTEXT:
        return hit  # type: ignore[return-value]
    table = _shared(gaz, "region_vote")
    key = (m.key, m.refs, m.cue, m.article, vote, _context_view(m, gaz, doc_cc)[0])
    hit = table.get(key, _MISSING)
    if hit is _MISSING:
        hit = table[key] = _region_vote(m, gaz, doc_cc, vote)
    return hit  # type: ignore[return-value]


#: :func:`_region_vote_static`'s answer when the statement decides.
_BY_CONTEXT = object()


def _region_vote_static(m: RawMatch, gaz: Gazetteer) -> object:
    """:func:`_region_vote` of ``m`` when no statement can change it, else :data:`_BY_CONTEXT`: only the
    branch of a name that is one province's own reads the statement's countries and the name's vote (a rule
    that makes another branch read them must return :data:`_BY_CONTEXT` for it too)."""
    cands = _choosable(m, gaz)
    if cands and m.cue not in NOT_PLACE_KINDS:
        provinces = [i for i, t in cands.items() if gaz.kind(i) == "admin1" and t != ALT]
        if len(provinces) == 1 and _region_of(gaz, provinces[0]) is not None:
            return _BY_CONTEXT
    return _region_vote(m, gaz, Counter(), None)  # the branches left read neither


def _document_regions(kinds: list[RawMatch], gaz: Gazetteer, doc_cc: Counter[str], votes: _Votes
                      ) -> dict[_Region, frozenset[tuple[str, ...]]]:
    """The first-level divisions the statement is about, each with the names that name it: each one it
    names (a US state, a province), and each implied by at least ``WEIGHTS.region_min_towns`` distinct
    names of towns that lie mainly in it (:func:`_region_vote`; implied regions map to no names: any name
    may use them).

    Local news names its own state's towns without the state: "Alexandria" is then the one in that state,
    not a bigger namesake elsewhere.

    ``kinds``: one match of each kind (:func:`_vote_key`); how often a name recurs does not matter here."""
    towns: Counter[_Region] = Counter()
    named: dict[_Region, set[tuple[str, ...]]] = {}
    counted: set[tuple[str, ...]] = set()
    for m in kinds:
        if not m.refs:
            continue
        vote = _shared_region_vote(m, gaz, doc_cc, votes[_vote_key(m)])
        if vote is None:
            continue
        if vote[1]:
            named.setdefault(vote[0], set()).add(m.key)
        elif m.key not in counted:
            counted.add(m.key)
            towns[vote[0]] += 1
    out = {r: frozenset(keys) for r, keys in named.items()}
    out.update((r, frozenset()) for r, n in towns.items() if n >= W.region_min_towns)
    return out


def _regional(cands: dict[int, int], gaz: Gazetteer, regions: dict[_Region, frozenset[tuple[str, ...]]],
              doc_cc: Counter[str], own: Counter[str], home: frozenset[str] | None = None,
              key: tuple[str, ...] = ()) -> bool:
    """Whether the statement's region may choose among these readings.

    It chooses among namesake towns (Alexandria, Virginia over Alexandria, Egypt), not between kinds (the
    Gaza Strip and Gaza city lie in one region), and not against a reading elsewhere that the statement
    itself makes likely: in the region's own country its national capital (Washington) or a province not
    named after a city ("England and Wales" is not a village of England); abroad, a place in a country the
    statement names (Riyadh, Saudi Arabia, beside a Sudanese village of that name).

    ``home``: the regions' countries, if the caller has them (a statement about many regions would otherwise
    build the set once per decision).

    ``key``: the name; a province that only this name makes a region of the statement is no region there ("based
    in California" in a Missouri story is the state, not California, Missouri)."""
    if home is None:
        home = frozenset(cc for cc, _ in regions)
    for i in cands:
        kind = gaz.kind(i)
        if kind not in ("city", "town", "admin1", "district"):
            return False
        if _region_of(gaz, i) in regions and (kind != "admin1" or _in_region(gaz, i, regions, key)):
            continue
        cc = gaz.country_code(i)
        if cc in home:
            if gaz.is_capital(i) or (kind == "admin1" and gaz.seat(i) is None):
                return False
        elif doc_cc.get(cc, 0) - own.get(cc, 0) > 0:
            return False
    return True


def _in_region(gaz: Gazetteer, i: int, regions: dict[_Region, frozenset[tuple[str, ...]]],
               key: tuple[str, ...]) -> bool:
    """Whether place ``i`` lies in a region of the statement named by some name other than ``key``
    (a name is not its own context: "Oklahoma" does not make itself the state)."""
    names = regions.get(_region_of(gaz, i))  # type: ignore[arg-type]
    return names is not None and (not names or bool(names - {key}))


def _vote(m: RawMatch, gaz: Gazetteer) -> tuple[str, int] | None:
    """The country one match vouches for in :func:`_document_countries`, and with what weight."""
    cands = _choosable(m, gaz)
    if not cands or m.cue in NOT_PLACE_KINDS:
        return None
    kinds = {gaz.kind(i) for i in cands}
    if "country" in kinds:
        countries = [i for i in cands if gaz.kind(i) == "country"]
        if len(countries) == 1 and not (len(m.key) == 1 and not is_arabic(m.key[0]) and m.sentence_initial
                                        and gaz.commonness(m.key[0]) >= W.vote_sentence_start_zipf):
            return gaz.country_code(countries[0]), W.vote_country
        return None
    ccs = {gaz.country_code(i) for i in cands}
    if len(ccs) != 1 or "" in ccs:
        return None  # a sea or river of several countries, or a place with no country (a user's), vouches for none
    i = max(cands, key=gaz.population)
    if _is_homograph(m, gaz, cands[i], gaz.population(i), i):
        return None
    if gaz.kind(i) in _AREA_KINDS or gaz.population(i) >= W.vote_min_pop:
        return next(iter(ccs)), W.vote_place
    return None


def _qualifier(matches: list[RawMatch], k: int, gaz: Gazetteer, gaps: list[str]) -> set[tuple[str, str]]:
    """``(country, admin1)`` pairs named right after match ``k`` as a qualifier: "Damascus, Maryland",
    "غاو (مالي)", or an Arabic nisba with nothing between: "طرابلس اللبنانية".

    ``gaps[k]`` is the stripped text between match ``k`` and the next one.
    """
    if k + 1 >= len(matches):
        return set()
    b = matches[k + 1]
    if not b.refs:
        return set()
    if not gaps[k]:
        # Arabic puts the country's nisba right after a place: بلدة مويالي الكينية, طرابلس اللبنانية.
        if not (is_arabic(matches[k].key[0]) and is_arabic(b.key[0])
                and all(r.name_type == DEMONYM for r in b.refs)):
            return set()
    elif gaps[k] not in _QUALIFIER_GAPS:
        return set()
    out = {_NISBA} if not gaps[k] else set()
    for i in _candidates(b):
        kind = gaz.kind(i)
        if kind == "country":
            out.add((gaz.country_code(i), ""))
        elif kind == "admin1":
            out.update(_admin1_pairs(gaz, i))
    return out


def _admin1_pairs(gaz: Gazetteer, i: int) -> tuple[tuple[str, str], ...]:
    """The ``(country, admin1)`` pairs a first-level division ``i`` names as a qualifier: its own code
    (admin1:US-MD → ("US", "MD")) and, where that differs, the GeoNames admin1 code its towns carry
    (:func:`_region_of`: a Philippine province's is its region's), so "a town in the province of Camarines Sur"
    prefers the towns of that part of the country, not any town of the country."""
    code = gaz.place_id(i).split(":", 1)[1]
    own = (code.split("-")[0], code.split("-", 1)[1])
    region = _region_of(gaz, i)
    return (own,) if region is None or region == own else (own, region)


#: What an English text says of a place right after naming it, up to the place it lies in: "Augusta is a city in
#: (Eau Claire County, Wisconsin)", "Ferguson, a suburb of (St. Louis)", "Augusta is an unincorporated community
#: located within (Frankford Township, in Sussex County, New Jersey)".
_DEFINING_RE = re.compile(
    # What may stand between the name and the phrase: a pronunciation or a note in brackets ("Lancaster /ˈlæn.kæstər/",
    # "Madison (formerly Cache Creek)") and a former name ("Medina, originally Young's Corner,").
    r"(?:\s*(?:\([^()]*\)|/[^/]*/|\[[^\]]*\]))*"
    r"(?:,\s*(?:originally|formerly|also)\s[^,]{1,60},)?"
    r",?\s*(?:(?:is|was|remains)\s+)?(?:a|an|the)\s+(?:[a-z'-]+\s+){0,5}?"
    r"(?:(?P<populated>city|town|village|hamlet|borough|township|community|suburb|neighbou?rhood|municipality|"
    r"commune|settlement|census-designated place|cdp|locality|capital|seat|resort|port)|"
    # ... or an area: "Washington County is a county in the U.S. state of Alabama"
    r"(?:county|parish|district|province|region|department|prefecture|governorate))"
    # "a census-designated place (CDP) in"
    r"(?:\s*\([^()]*\))?(?:\s+[a-z'-]+){0,6}?\s+(?:in|of|within)"
    r"(?:\s+the)?(?:\s+(?:north|south|east|west|central|northern|southern|eastern|western|north-?east(?:ern)?|"
    r"north-?west(?:ern)?|south-?east(?:ern)?|south-?west(?:ern)?|rural|suburban|downtown))?"
    # "a municipality in the southern part of (Puerto Rico)"
    r"(?:\s+(?:part|portion|corner|end|side)\s+of(?:\s+the)?)?"
)
#: Gaps the place it lies in may go on through: "Eau Claire County, Wisconsin", "Frankford Township, in Sussex".
_CHAIN_GAPS = frozenset((",", ", in", "in", "and"))
#: The gap between a country and its division in a defining phrase: "the U.S. (state of) Alabama".
_DIVISION_OF_RE = re.compile(r"(?:'s\s+)?(?:state|province|region|county|department|prefecture|governorate|"
                             r"commonwealth|territory)\s+of(?:\s+the)?")


def _defining_qualifier(matches: list[RawMatch], k: int, gaz: Gazetteer, gaps: list[str]) -> set[tuple[str, object]]:
    """``(country, admin1)`` pairs of the province or country a defining phrase right after match ``k`` puts it
    in ("Augusta is a city in Eau Claire County, Wisconsin"): the first one named in the chain of places after it;
    with :data:`_POPULATED` (the phrase says it is a town, a city, a village ...) and ``(_NEAR, place)`` for the
    readings of the counties and towns named before that province ("a town in Seminole County", "a suburb of
    St. Louis"), those of its country when the chain names one.

    A text that names several namesakes (Augusta, Maine and Augusta, Georgia, further on) says here which one it
    is about; the statement's regions alone would let the biggest of them win."""
    defining = _DEFINING_RE.fullmatch(gaps[k])
    if not defining:
        return set()
    out: set[tuple[str, object]] = set()
    near: list[int] = []
    divisions: list[int] = []
    town_seen = False
    j = k + 1
    while j < len(matches) and j - k <= 4:
        cands = _candidates(matches[j])
        # A state's or country's name is that area here, or its seat named after it, not a namesake town elsewhere
        # ("in the U.S. state of Alabama" is not Alabama, New York).
        areas = {gaz.country_code(i) if gaz.kind(i) == "country" else _region_of(gaz, i)
                 for i, t in cands.items() if t != ALT and gaz.kind(i) in ("country", "admin1")}
        for i, t in cands.items():
            kind = gaz.kind(i)
            if t == ALT or (areas and kind not in ("country", "admin1")
                            and gaz.country_code(i) not in areas and _region_of(gaz, i) not in areas):
                continue
            if kind == "country":
                out.add((gaz.country_code(i), ""))
            elif kind == "admin1":
                out.update(_admin1_pairs(gaz, i))
                if _region_of(gaz, i) is None:
                    divisions.append(i)  # its towns carry another code: read them by distance
            elif kind in ("city", "town") or (kind == "district" and not town_seen) or (
                    kind == "region" and gaz.country_code(i) and not town_seen):
                # (a region of one country too: "a suburb in the Hunter Region of New South Wales"; but not the
                # county or region after a town: "a suburb of Stockport, Greater Manchester" is beside Stockport)
                near.append(i)
        town_seen = town_seen or any(gaz.kind(i) in ("city", "town") for i in near)
        if j >= len(gaps):
            break
        if out:
            # "in the U.S. state of Alabama", "in the Philippine province of Cebu": the country, then its division.
            if not (all(not q[1] for q in out) and _DIVISION_OF_RE.fullmatch(gaps[j])):
                break
        elif gaps[j] not in _CHAIN_GAPS and not (gaps[j] == "of" and any(
                gaz.kind(i) == "region" and gaz.country_code(i) for i in cands)):
            break  # (a region goes on to the division it is part of: "the Hunter Region of New South Wales")
        j += 1
    # A country named before its division says no more than the division: "the U.S. state of Alabama" is Alabama.
    # (Not where the division's towns carry another code: the country is what still tells them apart.)
    if not divisions:
        out -= {(q[0], "") for q in out if q[1]}
    # The counties and towns of the chain that lie in the province it names (or its country), else all of them.
    ccs = {q[0] for q in out}
    near = ([i for i in near if _region_of(gaz, i) in out] or [i for i in near if gaz.country_code(i) in ccs]
            or ([] if out else near))
    if near and not out:
        # The chain named no state or country, but the sentence may go on to one: "the county town of Lincolnshire,
        # within the East Midlands of England" is no Lincolnshire of Illinois.
        later = _later_countries(matches, j, gaz, gaps)
        if later:
            near = [i for i in near if gaz.country_code(i) in later]
            out.update((cc, "") for cc in later)
    out.update((_NEAR, i) for i in near)
    if not near and len(divisions) == 1:
        out.add((_NEAR, divisions[0]))  # "a municipality in the province of Agusan del Norte"
    if defining.group("populated"):
        out.add(_POPULATED)
    return out


def _later_countries(matches: list[RawMatch], j: int, gaz: Gazetteer, gaps: list[str]) -> set[str]:
    """The countries named by a country's or a first-level division's own name among the few matches after ``j``
    in the same sentence (an empty set if none)."""
    out: set[str] = set()
    for n in range(j, min(len(matches), j + 4)):
        if n > j and "." in gaps[n - 1]:
            break
        out.update(gaz.country_code(i) for i, t in _candidates(matches[n]).items()
                   if t != ALT and gaz.kind(i) in ("country", "admin1"))
    return out


# "(" too: "غاو (مالي)", "Adré (Chad)" name the place and then its country.
_LIST_GAPS = frozenset(("", ",", "،", "و", "and", ", and", "or", "("))
_QUALIFIER_GAPS = frozenset((",", "،", "("))
# Marks a qualifier set that came from an Arabic nisba (weaker evidence: see _resolve_one).
_NISBA = ("", "nisba")
# Marks a qualifier set from a defining phrase that says the place is a town, city, village ... (_defining_qualifier).
_POPULATED = ("", "populated")
# Tags a place a defining phrase puts the name in or beside: (_NEAR, place index).
_NEAR = "near"
_NONE: frozenset[object] = frozenset()


def _listed(matches: list[RawMatch], k: int, gaps: list[str], klass: list[str],
            division: Callable[[RawMatch], str] | None = None) -> set[str]:
    """Kinds ("area"/"populated") of the places that match ``k`` stands in a list with:
    مالي وبوركينا فاسو والنيجر; دمشق وبغداد وعمّان وبيروت; and ``"kind:admin1"`` / ``"kind:country"`` when a
    neighbour is an English name of a first-level division or of a country (``division``: :func:`_list_kind` per
    match). Empty if it is not in a list."""
    out: set[str] = set()
    if not matches[k].refs:
        return out
    if k > 0 and gaps[k - 1] in _LIST_GAPS and matches[k - 1].refs:
        out.add(klass[k - 1])
        if division is not None and (kind := division(matches[k - 1])):
            out.add(kind)
    if k + 1 < len(matches) and gaps[k] in _LIST_GAPS and matches[k + 1].refs:
        out.add(klass[k + 1])
        if division is not None and (kind := division(matches[k + 1])):
            out.add(kind)
    return out


#: :func:`_listed`'s marks of a list of first-level divisions ("Missouri, New York, North Carolina and Virginia")
#: and of countries ("Armenia, Azerbaijan, Georgia, Iraq").
_DIVISIONS = "kind:admin1"
_COUNTRIES = "kind:country"


def _areas(m: RawMatch, gaz: Gazetteer) -> tuple[frozenset[tuple[str, str]], bool]:
    """The regions of a name's first-level division readings with ``(country, "")`` of its country readings (what
    :func:`_roles` may match), and whether a division is one of its own readings (not an alternate name); kept with
    the gazetteer per name."""
    known: dict[tuple[object, ...], tuple[frozenset[tuple[str, str]], bool]] = _memo(gaz).setdefault("areas", {})
    key = (m.key, m.refs)
    got = known.get(key)
    if got is None:
        out: set[tuple[str, str]] = set()
        for r in m.refs:
            kind = gaz.kind(r.place_index)
            if kind == "country":
                out.add((gaz.country_code(r.place_index), ""))
            elif kind == "admin1" and (region := _region_of(gaz, r.place_index)) is not None:
                out.add(region)
        own = any(r.name_type != ALT and gaz.kind(r.place_index) == "admin1" for r in m.refs)
        got = known[key] = (frozenset(out) if out else _NONE, own)  # type: ignore[assignment]
    return got


def _list_kind(m: RawMatch, gaz: Gazetteer) -> str:
    """What an English name in a list says of its neighbours: :data:`_COUNTRIES` for a country's own name,
    :data:`_DIVISIONS` for a first-level division's own name that names no sizeable city by its own name
    (Missouri, North Carolina; not Washington), else ``""``. Arabic is left out: GeoNames gives Arabic city names
    as alternate names, so a governorate's name would look like a division's only."""
    if not m.refs or is_arabic(m.key[0]):
        return ""
    cands = _choosable(m, gaz)
    if any(t != ALT and gaz.kind(i) == "country" for i, t in cands.items()):
        return _COUNTRIES
    if (any(t != ALT and gaz.kind(i) == "admin1" for i, t in cands.items())
            and not any(t != ALT and gaz.kind(i) in ("city", "town") and gaz.population(i) >= W.accept_pop
                        for i, t in cands.items())):
        return _DIVISIONS
    return ""


def _klass(m: RawMatch, gaz: Gazetteer) -> str:
    """"area", "populated" or "mixed": what kinds of place a match may be."""
    classes = {"populated" if gaz.kind(r.place_index) in ("city", "town") else "area" for r in m.refs}
    return classes.pop() if len(classes) == 1 else "mixed"


def resolve(matches: list[RawMatch], gaz: Gazetteer, folded_text: str, cased: str = "") -> list[Resolution]:
    """Resolve every match; matches judged not to be places are left out.

    Parameters
    ----------
    matches
        Output of :func:`geo.extract.find_matches`, in text order.
    gaz
        The gazetteer the matches came from.
    folded_text
        The folded text (for qualifier punctuation between matches).
    cased
        The folded text with its capitals (``Folded.cased``, same offsets), for English names the
        gazetteer lacks (:func:`_latin_spellings`); without it those rules are skipped.
    """
    if len(cased) != len(folded_text):
        cased = ""
    partial, absorbed = _partial_names(matches, cased, gaz) if cased else ({}, frozenset())
    kinds: list[RawMatch] = []
    votes = _votes(matches, gaz, kinds)
    # The tail of a longer name (al-Ain of Ras al-Ain) vouches for no country or region.
    whole = matches
    if partial:
        whole = [m for k, m in enumerate(matches) if k not in partial and k not in absorbed]
        tails = {_vote_key(matches[k]) for k in partial}
        kinds = [m for m in kinds if _vote_key(m) not in tails]
    doc_cc = _document_countries(whole, gaz, votes)
    # What a name's own mentions cast, all of them: "Georgia ... Georgia ... Georgia" is not other places in Georgia.
    # (A sentence-initial "Georgia" casts no vote but is the same name: what the name casts anywhere is its own.)
    by_name: dict[tuple[str, ...], Counter[str]] = {}
    for m in whole:
        v = votes[_vote_key(m)]
        if v is not None:
            by_name.setdefault(m.key, Counter())[v[0]] += v[1]
    own_votes: _Votes = {}
    for k in votes:
        cast = by_name.get(k[0])  # type: ignore[call-overload]  # k[0] is the name (_vote_key)
        own_votes[k] = cast.most_common(1)[0] if cast else None
    regions = _document_regions(kinds, gaz, doc_cc, own_votes)
    colocated = _colocated(kinds, gaz)
    # Countries whose towns English spellings of Arabic, Kurdish and Persian names are looked up in.
    spelling_ccs = sorted(cc for cc, n in doc_cc.items() if n > 0 and cc in ARABIC_SPEAKING) if cased else []
    out: list[Resolution] = []
    # The same name in the same circumstances resolves the same way: decide once per document.
    memo: dict[tuple[object, ...], Resolution | None] = {}
    shared = _shared(gaz, "resolution")  # ... and across documents (see _context_view)
    home = frozenset(cc for cc, _ in regions)
    views: dict[tuple[object, ...], tuple[object, ...]] = {}
    # A pure function of the readings and the gazetteer: kept with it across texts.
    klass_memo: dict[tuple[object, ...], str] = gaz.memo().setdefault("klass", {})
    klass = []
    for m in matches:
        c = klass_memo.get(m.refs)
        if c is None:
            c = klass_memo[m.refs] = _klass(m, gaz)
        klass.append(c)
    # The stripped text between neighbouring matches, cut once for the qualifier and list rules.
    gaps = [folded_text[a.fe : b.fs].strip() for a, b in zip(matches, matches[1:], strict=False)]
    known_kinds: dict[tuple[object, ...], str] = _memo(gaz).setdefault("division", {})

    def division(m: RawMatch) -> str:
        """:func:`_list_kind` of a list's neighbour, decided once per name and kept with the gazetteer."""
        if is_arabic(m.key[0]):
            return ""
        key = (m.key, m.refs, m.cue, m.article)
        got = known_kinds.get(key)
        if got is None:
            got = known_kinds[key] = _list_kind(m, gaz)
        return got

    last = len(matches) - 1
    for k, m in enumerate(matches):
        if k in absorbed:
            continue  # "Ras" of "Ras al-Ain": read with the name it begins
        if m.cue == "context":
            r = _resolve_context(m, gaz, doc_cc)
        elif not m.refs:
            r = _by_transliteration(m, gaz, doc_cc) or (
                None if m.cue == "city" else _decided(m, gaz, None, W.unlocated, Evidence.UNKNOWN_NAME))
        elif k in partial:
            # "Ras al-Ain" is not al-Ain: a name after an Arabic article, right after a capitalised word, is the
            # tail of a longer name (a town, a person: Bashar al-Assad). Read the whole by its consonants, or drop.
            r = _by_spelling(m._replace(fs=partial[k]), folded_text, gaz, doc_cc, spelling_ccs, structured=True)
        else:
            # Most matches stand alone: test the gaps here before building any set.
            listed_division = False
            if k and k < last and gaps[k] == "," and gaps[k - 1] in _LIST_GAPS and not is_arabic(m.key[0]):
                # "Virginia, Washington, West Virginia": a division in a list of divisions; the name after the comma
                # is the next item, not a qualifier (Washington, West Virginia).
                listed_division = bool(_areas(matches[k - 1], gaz)[1]) and bool(_areas(m, gaz)[1])
            quals = (_NONE if listed_division
                     else _qualifier(matches, k, gaz, gaps) if k < last and (not gaps[k] or gaps[k] in _QUALIFIER_GAPS)
                     # "San Gabriel, Texas is a town in Milam County": the phrase defines San Gabriel, not Texas.
                     else _NONE if k and gaps[k - 1] == "," and matches[k - 1].refs
                     else _defining_qualifier(matches, k, gaz, gaps)
                     if k < last and len(gaps[k]) <= 120 and (" in" in gaps[k] or " of" in gaps[k])
                     else _NONE)
            if quals and k + 2 <= last and gaps[k] == "," and len(gaps[k + 1]) <= 120 and (
                    " in" in gaps[k + 1] or " of" in gaps[k + 1]):
                # ... it defines the name before the qualifier: its kind and the county it puts it in.
                defined = _defining_qualifier(matches, k + 1, gaz, gaps)
                if defined:
                    quals = quals | {q for q in defined if q is _POPULATED or q[0] == _NEAR}
            if (k > 0 and gaps[k - 1] in _LIST_GAPS) or (k < last and gaps[k] in _LIST_GAPS):
                listed = _listed(matches, k, gaps, klass, division)
                if (quals and _DIVISIONS in listed and not (k > 0 and gaps[k - 1] in _LIST_GAPS)
                        and not (k + 1 < last and gaps[k + 1] in _LIST_GAPS)):
                    # "Delaware, Ohio" is a town and its state, not a list of two states ("Delaware, Ohio and
                    # Texas" would be one).
                    listed = {x for x in listed if x != _DIVISIONS} or _NONE
            else:
                listed = _NONE
            # Only the roles this name's own divisions and countries can take part in (the decision is kept per key).
            roles = (_roles(matches[k - 1], gaz) & _areas(m, gaz)[0]
                     if k > 0 and gaps[k - 1] in _QUALIFIER_GAPS and _areas(m, gaz)[0] else _NONE)
            beside = colocated.get(m.key, _NONE) if colocated else _NONE
            key = (m.key, m.refs, m.cue, m.cue_word, m.locative, m.sentence_initial,
                   frozenset(quals) if quals else _NONE, frozenset(listed) if listed else _NONE, roles, beside,
                   m.cue_span is None)
            if key not in memo:
                # Decided as any statement with the same view of its countries and regions decided it.
                vote = own_votes[_vote_key(m)]
                # The view depends on the match only through these fields (the statement is the same): once
                # per kind of match, though its qualifiers, list and position make several decisions.
                vkey = (m.key, m.refs, m.cue, m.article)
                view = views.get(vkey)
                if view is None:
                    view = views[vkey] = _context_view(m, gaz, doc_cc, regions, home)
                full = (*key, m.article, vote, view)
                hit = shared.get(full, _MISSING)
                if hit is _MISSING:
                    hit = shared[full] = _resolve_one(m, gaz, doc_cc, vote, quals, listed, regions, home, roles,
                                                      beside)
                memo[key] = hit  # type: ignore[assignment]
            hit = memo[key]
            if hit is None:
                r = None
            else:
                # An unlocated camp or province shows its cue word: "مخيم جنين", "Jenin refugee camp",
                # not the town's name (the only unlocated result _resolve_one gives).
                if m.cue_span and (hit.place_index is None or _head_in_span(m, folded_text)):
                    m = m._replace(fs=m.cue_span[0], fe=m.cue_span[1])
                r = Resolution(m, *hit[1:])
        if r is not None:
            out.append(r)
    if spelling_ccs:
        extra = _latin_spellings(cased, folded_text, matches, gaz, doc_cc, spelling_ccs)
        if extra:
            out = sorted(out + extra, key=lambda r: r.match.fs)
    out = _head_named_in_full(matches, out, gaz)
    return _states_acting(_one_sense_per_discourse(out, gaz), gaz, folded_text)


_ACTOR_KINDS = frozenset({"country", "admin1", "region"})
#: Characters read on each side of a country's mention for the word next to it (longer than any verb or noun there).
_ACTOR_WINDOW = 24


def _states_acting(rs: list[Resolution], gaz: Gazetteer, text: str) -> list[Resolution]:
    """Flag ``Evidence.STATE_ACTOR`` on the Arabic mentions of a country (or its capital) written as the state
    acting: right after or right before a verb of saying or deciding (أعلنت روسيا, موسكو ترفض), or after a noun whose
    genitive is the state (موقف روسيا, حكومة فلسطين; for a region's government too, حكومة إقليم كردستان). Only the
    flag changes (the decision and its reason do not): the mention stays where it was, a place on the map. Reads
    the words around each country's mention only (a few per statement)."""
    out = rs
    prev_end = -1  # where the last flagged mention ends: a state joined to it by و acts with it (روسيا وتركيا)
    for k, r in enumerate(rs):
        i = r.place_index
        if i is None:
            continue
        # (the kind first: most mentions are towns, and a flag test costs more than a table look-up)
        kind = gaz.kind(i)
        if kind not in _ACTOR_KINDS and not (kind == "city" and gaz.is_capital(i)):
            continue
        m = r.match
        if r.evidence & Evidence.NISBA or not is_arabic(m.key[0]):
            continue
        # The whole words right before and after (a line break separates words too): a short window, not the text.
        left = text[max(0, m.fs - _ACTOR_WINDOW) : m.fs].split()
        right = text[m.fe : m.fe + _ACTOR_WINDOW].split()
        bare = m.fs > 0 and text[m.fs - 1].isspace()
        before = left[-1] if left and bare else ""
        after = right[0] if right and m.fe < len(text) and text[m.fe].isspace() else ""
        if after == _MAY_AR and len(right) > 1:
            after = right[1]  # الولايات المتحدة قد واصلت "had continued"
        state = kind != "admin1" and kind != "region"
        if before in STATE_ACTOR_NOUNS_AR or (state and (
                before in STATE_ACTOR_VERBS_AR or after in STATE_ACTOR_VERBS_AR
                or (before == _FROM_AR and len(left) > 1 and left[-2] in STATE_BACKING_AR)
                or (prev_end >= 0 and text[prev_end : m.fs].strip() == "و"))):
            ev = r.evidence | Evidence.STATE_ACTOR
            if out is rs:
                out = list(rs)
            out[k] = r._replace(evidence=ev)
            prev_end = m.fe
    return out


_MAY_AR = fold_name("قد")
_FROM_AR = fold_name("من")


def _head_named_in_full(matches: list[RawMatch], rs: list[Resolution], gaz: Gazetteer) -> list[Resolution]:
    """A head noun with the article that is also the first word of a city's full name the text gives (المدينة of
    المدينة المنورة, Medina) is that city where it recurs alone: "the city" of a text about Medina is Medina's own
    short name, as Arabic writes it (هاجر إلى المدينة), once the text has given the full name. Not a head that
    announces the name after it."""
    full: dict[str, set[int]] = {}
    first: dict[str, int] = {}  # where the text first gives the full name: only later "the city"s point back to it
    for r in rs:
        k = r.match.key
        if r.place_index is not None and len(k) > 1 and k[0] in PLACE_HEADS_DEFINITE_AR \
                and gaz.kind(r.place_index) in ("city", "town"):
            full.setdefault(k[0], set()).add(r.place_index)
            first[k[0]] = min(first.get(k[0], r.match.fs), r.match.fs)
    if not full:
        return rs
    taken = {r.match.fs for r in rs}
    cued = {m.cue_word for m in matches if m.cue_word}
    added = []
    for m in matches:
        places = (full.get(m.key[0]) if len(m.key) == 1 and not m.cue and m.fs not in taken
                  and m.fs > first.get(m.key[0], m.fs) else None)
        if not places or len(places) != 1 or m.key[0] in cued and any(
                n.cue_word == m.key[0] and 0 < n.fs - m.fe <= 2 for n in matches):
            continue
        (i,) = places
        if any(ref.place_index == i for ref in m.refs):
            added.append(_decided(m, gaz, i, W.context_name, Evidence.PINNED | _reading(NAME), None, ()))
    return sorted(rs + added, key=lambda r: r.match.fs) if added else rs


def _colocated(kinds: list[RawMatch], gaz: Gazetteer) -> dict[tuple[str, ...], frozenset[int]]:
    """For each name, its readings that lie within ``WEIGHTS.colocated_km`` of a reading of a county the statement
    names (and the county's readings beside such a town), when the name has namesakes elsewhere: local news names
    a town and its county ("Huntsville ... Walker County"), and of the namesake pairs only the Texan one lies
    together. ``kinds``: one match of each kind. Empty when the statement names no county with namesakes."""
    counties = []
    known: dict[tuple[object, ...], bool] = _memo(gaz).setdefault("county", {})
    for m in kinds:
        if m.refs and len(m.key) > 1:
            key = (m.key, m.refs, m.cue, m.article)
            county = known.get(key)
            if county is None:
                cands = _choosable(m, gaz)
                county = known[key] = len(cands) > 1 and all(gaz.kind(i) == "district" for i in cands)
            if county:
                counties.append((m.key, list(_choosable(m, gaz))))
    if not counties:
        return {}
    out: dict[tuple[str, ...], set[int]] = {}
    # The counties' readings in grid cells as wide as the distance in degrees (a degree of latitude is 111 km
    # everywhere, a degree of longitude less): a town reading is compared with the readings of the cells around
    # it only, so a long statement naming hundreds of towns and counties stays linear in them (comparing every
    # pair took seconds per MB of news).
    deg = W.colocated_km / 111.0
    cells: dict[tuple[int, int], list[tuple[tuple[str, ...], int, float]]] = {}
    for key, readings in counties:
        for j in readings:
            jlat, jlon = gaz.latlon(j)
            cells.setdefault((math.floor(jlat / deg), math.floor(jlon / deg)), []).append((key, j, jlat))
    by_key: dict[tuple[str, ...], RawMatch] = {}
    for m in kinds:
        by_key.setdefault(m.key, m)
        if not m.refs:
            continue
        towns = [i for i, t in _choosable(m, gaz).items() if t != ALT and gaz.kind(i) in ("city", "town")]
        if len(towns) < 2:
            continue
        for i in towns:
            lat, lon = gaz.latlon(i)
            b, c = math.floor(lat / deg), math.floor(lon / deg)
            # Cells of longitude narrow towards the poles: as many as the distance spans there (up to 80°).
            span = math.ceil(1.0 / max(math.cos(math.radians(min(abs(lat) + deg, 80.0))), 0.17))
            for row in (b - 1, b, b + 1):
                for col in range(c - span, c + span + 1):
                    for key, j, jlat in cells.get((row, col), ()):
                        if abs(lat - jlat) <= deg and _km(gaz, i, j) <= W.colocated_km:
                            out.setdefault(m.key, set()).add(i)
                            out.setdefault(key, set()).add(j)
    # A name all of whose readings lie by the county learns nothing from it.
    return {k: frozenset(v) for k, v in out.items() if len(v) < len(_choosable(by_key[k], gaz))}


def _roles(before: RawMatch, gaz: Gazetteer) -> frozenset[tuple[str, str]]:
    """The regions (and ``(country, "")``) of the towns and counties a match may be, for the name after it and a
    comma, which then qualifies it ("Buffalo, New York", "Seminole County, Oklahoma"); kept with the gazetteer."""
    known: dict[tuple[object, ...], frozenset[tuple[str, str]]] = _memo(gaz).setdefault("roles", {})
    key = (before.key, before.refs, before.cue, before.article)
    got = known.get(key)
    if got is None:
        out: set[tuple[str, str]] = set()
        for i, t in _choosable(before, gaz).items():
            if t != ALT and gaz.kind(i) in ("city", "town", "district"):
                region = _region_of(gaz, i)
                if region is not None:
                    out.add(region)
                out.add((gaz.country_code(i), ""))
        got = known[key] = frozenset(out) if out else _NONE
    return got


_TOWN_KINDS = frozenset({"city", "town"})


def _km(gaz: Gazetteer, i: int, j: int) -> float:
    """Great-circle distance between two places' points, in km."""
    (a, b), (c, d) = gaz.latlon(i), gaz.latlon(j)
    p1, p2 = math.radians(a), math.radians(c)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _head_in_span(m: RawMatch, text: str) -> bool:
    """Whether a located Arabic mention shows the head noun written before its name: محافظة غزة, مدينة جنين,
    قرية بيت لاهيا, مخيم الهول are how the text names the place (the quote a user reads in the popup; the Arabic
    corpora annotate them so), and the head says which of the namesakes it is. Not a dual or plural head, which
    governs several names (محافظتي نينوى والأنبار), nor العاصمة, which stands in apposition (العاصمة دمشق), nor a
    governor (محافظ البصرة: a person's title, which tells the governorate but is no part of its name), nor a
    head with the article (المدينة مدريد "the city, Madrid") or one the name follows only after a conjunction."""
    a = m.cue_span[0]
    return (a < m.fs and is_arabic(m.key[0]) and CUES.get(m.cue_word, ("", 0))[1] == 1
            and m.cue_word not in ("العاصمه", "محافظ")
            and a + len(m.cue_word) + 1 == m.fs and text[max(0, a - 2) : a] != "ال")


def _one_sense_per_discourse(rs: list[Resolution], gaz: Gazetteer) -> list[Resolution]:
    """A name the text pins down once (a cue, a qualifier) means the same place where it recurs bare:
    "PARIS, Texas — ... the southern edge of Paris" is Paris, Texas both times."""
    pinned: dict[tuple[str, ...], Resolution] = {}
    for r in rs:
        if r.place_index is not None and r.evidence._value_ & PINS_VALUE:  # once per mention: int, not Flag
            pinned.setdefault(r.match.key, r)
    if not pinned:
        return rs
    out = []
    for r in rs:
        p = pinned.get(r.match.key)
        if (p is not None and r.place_index != p.place_index and r.place_index is not None
                and not r.evidence & PINS
                # A country's own name stays the country: "SOS Children's Villages Sudan" (a town cue) once does
                # not make every "Sudan" a village in Texas.
                and not (gaz.kind(r.place_index) == "country" and gaz.kind(p.place_index) != "country")
                and (any(ref.place_index == p.place_index for ref in r.match.refs)
                     or p.evidence._value_ & _B.DEFINED_IN)  # a place we lack, placed where the text put it
                # "Sagaing region ... near Sagaing": a province and its namesake city are both real
                # places of one text; only a namesake elsewhere (Paris, Texas) yields to the pin.
                and not (gaz.kind(p.place_index) in ("admin1", "region") and gaz.kind(r.place_index) in ("city", "town")
                         and gaz.country_code(p.place_index) == gaz.country_code(r.place_index))):
            ntype = min((ref.name_type for ref in r.match.refs if ref.place_index == p.place_index), default=NAME)
            pid = gaz.place_id(p.place_index)
            score = next((c.score for c in r.candidates if c.place_id == pid), None)
            r = _decided(r.match, gaz, p.place_index, round(min(r.confidence, p.confidence), 3),
                         Evidence.PINNED | _reading(ntype), score, r.candidates)
        out.append(r)
    return out


def _by_transliteration(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str]) -> Resolution | None:
    """An Arabic town or city name the gazetteer lacks, found among the Latin names of the places in the
    countries the statement names by their consonant skeletons (بلدة أمزميز → Amizmiz), when one
    place matches. Only after a town/city cue word, which says a place follows."""
    if CUES.get(m.key[0], ("", 1))[1] > 1:
        # A dual or plural head (بلدتي مونغدو وبوثيدونغ) says only that towns follow, not which country's: the
        # skeleton of one of several names matches a namesake anywhere (Mangga Dua) as readily as the town.
        return None
    if m.cue == "admin1" and is_arabic(m.key[0]) and len(m.key) >= 2:
        return _province_by_transliteration(m, gaz, doc_cc)
    if m.cue not in ("town", "city") or not is_arabic(m.key[0]) or len(m.key) < 2:
        return None
    skeleton = arabic_skeleton(" ".join(m.key[1:]))  # key[0] is the cue word
    if len(skeleton) < 2:
        return None
    hits = [i for cc in sorted(c for c, n in doc_cc.items() if n > 0)
            for i in gaz.towns_by_skeleton(cc).get(skeleton, ())]
    if len(hits) != 1:
        return None  # none, or several: the statement does not say which
    i = hits[0]
    return _decided(m, gaz, i, W.transliteration, Evidence.TRANSLITERATION | Evidence.CUE | Evidence.COUNTRY_CONTEXT,
                    None, (_candidate(gaz, i, None),))


def _province_by_transliteration(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str]) -> Resolution | None:
    """A first-level division the gazetteer lacks in this Arabic spelling, after a province's head (ولاية كيرالا
    الهندية: the gazetteer writes كيرلا), found among the divisions of the countries the statement names by the
    consonants of their English names, when one fits. Only a singular head (the caller's test): a plural one lists
    several."""
    skeleton = arabic_skeleton(" ".join(m.key[1:]))
    if len(skeleton) < 3:
        return None  # (two consonants fit too many divisions)
    hits = [i for cc in sorted(c for c, n in doc_cc.items() if n > 0)
            for i in _admin1_skeletons(gaz, cc).get(skeleton, ())]
    if len(hits) != 1:
        return None
    i = hits[0]
    return _decided(m, gaz, i, W.transliteration, Evidence.TRANSLITERATION | Evidence.CUE | Evidence.COUNTRY_CONTEXT,
                    None, (_candidate(gaz, i, None),))


def _admin1_skeletons(gaz: Gazetteer, cc: str) -> dict[str, tuple[int, ...]]:
    """The first-level divisions of country ``cc`` by the consonant skeleton of their English names, made once per
    gazetteer and country (a fresh process reads only the countries its statements name, not every division)."""
    memo = gaz.memo()
    by_cc: dict[str, list[tuple[int, str]]] | None = memo.get("admin1_by_country")
    if by_cc is None:
        by_cc = {}
        for p in gaz.places_in(("admin1",)):
            by_cc.setdefault(p.country_code, []).append((gaz.index_of(p.place_id), p.name))
        memo["admin1_by_country"] = by_cc
    key = f"admin1_skeletons:{cc}"
    table: dict[str, tuple[int, ...]] | None = memo.get(key)
    if table is None:
        found: dict[str, list[int]] = {}
        for i, name in by_cc.get(cc, ()):
            found.setdefault(latin_skeleton(name), []).append(i)
        table = memo[key] = {k: tuple(v) for k, v in found.items()}
    return table


#: Arabic articles as English writes them before a name (al-Ain, el-Arish, ash-Sham, ez-Zor).
_LATIN_ARTICLES = frozenset("al el ad ar as ash at az an ed es et ez er en".split())
#: Words that begin Arabic place names (Ras al-Ain, Tell Abyad, Deir Hafer, Ain Issa, Kafr Nabl): a name
#: led by one is a place's, so its consonants may be read even when short.
_TOPONYM_HEADS = frozenset(
    "ras tell tel tal tall deir dayr der ain ayn ein bir jabal jebel jabel kafr kfar beit bayt khirbet khirbat "
    "wadi umm abu bab hammam qasr marj jisr maarat maarrat".split())
_CAP_WORD = r"[A-Z][a-z'’]*[a-z]"
_PARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ed|es|et|ez|er|en)"
#: A capitalised name of up to three words (articles between them) right after a word that introduces a
#: place ("at the Roseires dam" names a structure: a town's name takes no "the").
_SPELLING_RE = re.compile(
    r"(?<![\w-])(?:[Ii]n|[Nn]ear|[Ff]rom|[Tt]o|[Aa]t|[Oo]utside|[Aa]round|[Ii]nto|[Tt]owards?|[Vv]ia"
    r"|(?:town|city|village|district|camp)s? of) "
    rf"({_CAP_WORD}(?:(?:[ -]{_PARTICLE})?[ -]{_CAP_WORD}){{0,2}})(?![\w-])")
# _SPELLING_RE in two parts, found from the name's capital back (:func:`_spelling_hits`): a pattern that opens
# with a look-behind and an alternation of words is tried at every position of the text; a space before a capital
# after the last letters of one of those words is skipped to in C, and few are.
_SPELLING_AT_RE = re.compile(r" (?<=(?:in|In|ar|om|to|To|at|At|de|nd|rd|ds|ia|of) )[A-Z]")
_SPELLING_WORD_RE = re.compile(_SPELLING_RE.pattern.split(" (", 1)[0] + r"\Z")
_SPELLING_NAME_RE = re.compile("(" + _SPELLING_RE.pattern.split(" (", 1)[1])
_HEAD_RE = re.compile(r"(?<![\w'’-])([A-Z][a-z'’]*[a-z])[ -]\Z")
_WORDS_RE = re.compile(r"[^\W_]+")


def _partial_names(matches: list[RawMatch], cased: str, gaz: Gazetteer) -> tuple[dict[int, int], frozenset[int]]:
    """English matches that are the tail of a longer name: ``{index: where the whole name starts}``, and the
    indices of head words matched on their own ("Ras" of "Ras al-Ain"), which the whole name takes in."""
    partial: dict[int, int] = {}
    absorbed: set[int] = set()
    for k, m in enumerate(matches):
        if not m.refs or m.key[0] not in _LATIN_ARTICLES or len(m.key) < 2:
            continue
        floor = 0
        if k:
            prev = matches[k - 1]
            if (len(prev.key) == 1 and prev.key[0] in _TOPONYM_HEADS and m.fs - prev.fe == 1
                    and cased[prev.fe] in " -" and cased[prev.fs].isupper()):
                partial[k] = prev.fs
                absorbed.add(k - 1)
                continue
            floor = prev.fe
        head = _head_before(cased, m.fs, floor, gaz)
        if head is not None:
            partial[k] = head
    return partial, frozenset(absorbed)


def _spelling_hits(cased: str) -> Iterator[re.Match[str]]:
    """The hits of ``_SPELLING_RE.finditer(cased)`` (as matches of the name alone: group 1 is the same): each
    capital after a space is a hit where the introducing word ends right before that space and the name
    matches from the capital on, unless it starts inside the hit before."""
    word_before, name_at = _SPELLING_WORD_RE.search, _SPELLING_NAME_RE.match
    end = 0
    for at in _SPELLING_AT_RE.finditer(cased):
        p = at.start()  # the space; no introducing word is longer than 16 characters
        word = word_before(cased, max(0, p - 16), p)
        if word is None or word.start() < end:
            continue
        hit = name_at(cased, p + 1)
        if hit is not None:
            end = hit.end()
            yield hit


def _head_before(cased: str, fs: int, floor: int, gaz: Gazetteer) -> int | None:
    """Where a capitalised word right before ``fs`` starts, when it begins a longer name (not a function
    word such as a sentence's "In", unless it is a toponym's head word such as "Tell"); else ``None``."""
    hit = _HEAD_RE.search(cased, max(floor, fs - 30), fs)
    if hit is None:
        return None
    word = hit.group(1).lower()
    if word not in _TOPONYM_HEADS and gaz.is_common_word(word):
        return None
    return hit.start(1)


def _by_spelling(m: RawMatch, folded_text: str, gaz: Gazetteer, doc_cc: Counter[str], ccs: list[str], *,
                 structured: bool) -> Resolution | None:
    """An English spelling the gazetteer lacks (Qamishlo, Ras al-Ain), read by its consonant skeleton among
    the towns of the statement's Arabic-, Kurdish- and Persian-speaking countries: the hits of the most
    named such country, when there is exactly one. ``structured``: the name has a toponym's shape (a head
    word, or an article inside), so three consonants suffice; a bare word needs four and a town of some size.

    Skeletons drop vowels, h, w and y, articles and hyphens, so Tell/Tall/Tal, Deir/Dayr and Ain/Ayn/Ein agree."""
    if not ccs:
        return None
    words = _WORDS_RE.findall(folded_text[m.fs : m.fe])
    skeleton = latin_skeleton(" ".join(words))
    if len(skeleton) < (W.spelling_min_consonants_named if structured else W.spelling_min_consonants):
        return None
    found = [(doc_cc[cc], cc, hits) for cc in ccs if (hits := gaz.towns_by_skeleton(cc).get(skeleton))]
    if not found:
        return None
    found.sort(key=lambda t: -t[0])
    if len(found) > 1 and found[1][0] == found[0][0]:
        return None  # as named as each other: the statement does not say which
    hits = found[0][2]
    if len(hits) != 1:
        return None
    i = hits[0]
    if not structured and gaz.population(i) < W.spelling_min_pop:
        return None
    m = m._replace(key=tuple(words), refs=(NameRef(i, ALT),), cue="", cue_word="")
    return _decided(m, gaz, i, W.transliteration, Evidence.TRANSLITERATION | Evidence.COUNTRY_CONTEXT, None,
                    (_candidate(gaz, i, None),))


def _latin_spellings(cased: str, folded_text: str, matches: list[RawMatch], gaz: Gazetteer, doc_cc: Counter[str],
                     ccs: list[str]) -> list[Resolution]:
    """English spellings the gazetteer lacks of towns in the statement's Arabic-, Kurdish- and Persian-speaking
    countries, where a word introduces a place: "in Qamishlo", "the town of Tell Abyad" (:func:`_by_spelling`)."""
    starts = [m.fs for m in matches]
    out: list[Resolution] = []
    for hit in _spelling_hits(cased):
        fs, fe = hit.span(1)
        k = bisect_right(starts, fe - 1) - 1
        if k >= 0 and matches[k].fe > fs:
            continue  # a name the gazetteer knows (or part of one)
        first = folded_text[fs : fs + len(hit.group(1).split()[0].split("-")[0])]
        if first not in _TOPONYM_HEADS and gaz.is_common_word(first):
            continue  # "in March", "from Monday"
        m = RawMatch(fs, fe, (), (), "", "", True, False, -1, 0)
        r = _by_spelling(m, folded_text, gaz, doc_cc, ccs,
                         structured=first in _TOPONYM_HEADS or bool(re.search(rf"[ -]{_PARTICLE}[ -]", hit.group(1))))
        if r is not None:
            out.append(r)
    return out


def _resolve_context(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str]) -> Resolution | None:
    options = [cc for cc in CONTEXT_NAMES.get(m.key[0], ()) if doc_cc.get(cc)]
    if len(options) != 1:
        return None  # which kingdom? Only the text can say; with none or several, say nothing
    i = gaz.country_index(options[0])
    if i is None:
        return None
    return _decided(m, gaz, i, W.context_name, Evidence.CONTEXT_NAME | Evidence.COUNTRY_CONTEXT, None,
                    (_candidate(gaz, i, None),))


def _short_form_or_spelling(primary: str, written: str) -> bool:
    """Whether ``written`` (folded) is a short form or another spelling of a place's primary name."""
    folded = fold_name(primary)
    return folded.startswith(written) or (
        folded.count(" ") == written.count(" ") and same_start(folded, written))


def _near_named_country(gaz: Gazetteer, i: int, doc_cc: Counter[str]) -> bool:
    """Whether place ``i`` (a natural feature's area or line) lies in or beside a country the statement names."""
    near = gaz.near_countries(i) if W.minor_feature_near_deg <= NEAR_COUNTRY_DEG else None
    if near is not None:  # distances computed with the gazetteer: no shapely, no areas decoded
        return any(near.get(cc, math.inf) <= W.minor_feature_near_deg for cc, n in doc_cc.items() if n > 0 and cc)
    geom = gaz.place(i).geometry
    if geom is None:
        return False
    for cc, n in doc_cc.items():
        j = gaz.country_index(cc) if n > 0 and cc else None
        area = gaz.place(j).geometry if j is not None else None
        if area is not None and area.distance(geom) <= W.minor_feature_near_deg:
            return True
    return False


#: :func:`_prepare`'s result: cue, cue word, readings, ``(place, name type, kind, country, population, score,
#: evidence bits, class)`` per reading, and the readings of an unlocated mention (or ``None``).
_Prepared = tuple[str, str, dict[int, int], tuple[tuple[int, int, str, str, int, float, int, str], ...],
                  "tuple[int, ...] | None"]


def _prepared(m: RawMatch, gaz: Gazetteer, unqualified: bool) -> object:
    """:func:`_prepare` of ``m``, kept per match kind with the gazetteer (every statement that names it asks
    again), or :data:`_BY_CONTEXT` when natural features among its readings make it read the statement.
    ``unqualified``: the statement gives this name no qualifier (a country or province beside it)."""
    table = _shared(gaz, "prepared")
    key = (m.key, m.refs, m.cue, m.cue_word, m.article, unqualified)
    got = table.get(key, _MISSING)
    if got is _MISSING:
        cands = _choosable(m, gaz)
        got = table[key] = (_BY_CONTEXT if any(gaz.kind(i) in NATURAL_KINDS for i in cands)
                            else _prepare(m, gaz, None, unqualified))
    return got


def _prepare(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str] | None, unqualified: bool) -> _Prepared | None:
    """What :func:`_resolve_one` decides before it reads the statement: the readings it weighs (``None``:
    none), the cue it reads them with, and each reading's score and evidence from the reading alone, in
    the order they are added (so the sums are the same floats); or, for a cue of another kind, the
    readings to list for an unlocated mention. ``doc_cc`` is read only for natural features.

    Kept per :func:`_prepared`'s key: a rule added here reads only the match's key, readings, cue, cue word,
    article and ``unqualified`` (whether the statement qualifies the name); anything else that reads the
    statement belongs in :func:`_resolve_one`'s loop."""
    cands = _choosable(m, gaz)
    # A natural feature is never what a cue word announces ("the town of Shire" is not Malawi's river). Read by
    # one word (Nile, Ebola, الفرات), or when minor, it needs a country the statement names beside it: else the
    # word is a namesake, a disease ("West Nile virus" in Phoenix, Ebola), an everyday phrase or a wrong name
    # (الرمال البيضاء "the white sands" in Libya is not White Sands, New Mexico; Natural Earth gives the Arabic
    # الليطاني to a river of Suriname).
    cands = {i: t for i, t in cands.items() if gaz.kind(i) not in NATURAL_KINDS
             or (not m.cue and ((len(m.key) > 1 and gaz.population(i) >= W.minor_feature_pop)
                                or _near_named_country(gaz, i, doc_cc)))}
    if (len(m.key) == 1 and not m.cue and unqualified and is_arabic(m.key[0])
            and gaz.commonness(m.key[0]) >= W.everyday_foreign_ar_zipf):
        # نفس "same", دون "without", لبنان: one of Arabic's most frequent words is no small town abroad (Neffs,
        # Dunn, Lebanon in Tennessee) whatever the statement says of that country; a cue or a qualifier must say so.
        cands = {i: t for i, t in cands.items() if not (
            gaz.kind(i) in ("city", "town") and gaz.country_code(i) not in ARABIC_SPEAKING
            and gaz.population(i) < W.frequent_name_min_pop and not gaz.is_capital(i))}
    if not cands:
        if m.cue == "town" and is_arabic(m.key[0]) and CUES.get(m.cue_word, ("", 1))[1] == 1 \
                and not (len(m.key) == 1 and gaz.commonness(m.key[0]) >= W.other_kind_word_zipf):
            # قرية الكروم "the vineyards": a village's head before a name none of whose readings may be meant (only
            # a town abroad, through an article taken off a word): a village the gazetteer lacks, kept unlocated.
            return m.cue, m.cue_word, {}, (), ()
        return None
    if not is_arabic(m.key[0]) and any(t != ALT and gaz.kind(i) == "country" for i, t in cands.items()):
        # A country's own English name outranks other places' GeoNames alternate names ("Iraq" is
        # listed for Arak in Iran): with Iran named nearby, the alternate would otherwise win.
        # Not for Arabic, where GeoNames gives every city's Arabic name as an alternate name.
        cands = {i: t for i, t in cands.items() if t != ALT}
    elif not is_arabic(m.key[0]) and any(t != ALT and gaz.kind(i) == "admin1" for i, t in cands.items()):
        # Likewise a province's own name outranks a city's alternate name that is another name altogether
        # (GeoNames lists "Bahia" for Salvador, "Rio Grande do Sul" for Rio Grande), but not a short form
        # of the city's name ("New York" for New York City, "Oklahoma" for Oklahoma City) or a spelling
        # of it ("Jenin" for Janīn).
        written = " ".join(m.key)
        cands = {i: t for i, t in cands.items() if t != ALT or _short_form_or_spelling(gaz.name(i), written)}
    if m.cue_word in NO_UNLOCATED_CUES and not any(gaz.kind(i) in _CUE_KINDS.get(m.cue, ()) for i in cands):
        # "Justice Department", "Islamic State": a cue word too general to make a name a place we lack;
        # when the name is no such place, read it as if the word were not there.
        m = m._replace(cue="", cue_word="")
    if (m.cue in ("camp", "prison", "crossing", "admin1", "region") or (
            m.cue == "town" and is_arabic(m.key[0]) and CUES.get(m.cue_word, ("", 1))[1] == 1)) and not any(
        gaz.kind(i) in _CUE_KINDS[m.cue] or gaz.kind(i) == "country" for i in cands
    ) and not (len(m.key) == 1 and is_arabic(m.key[0]) and gaz.commonness(m.key[0]) >= W.other_kind_word_zipf):
        # "مخيم جنين", "Jenin refugee camp": a camp named after a town is not the town, and we do
        # not know where it is: keep it as unlocated rather than pin it on the town. Likewise a
        # province of a country whose provinces we lack ("ولاية القضارف", "Gedaref state"), and a village
        # (قرية/بلدة X) whose name the gazetteer knows only as a district or a feature elsewhere: a village we lack.
        known = sorted(cands, key=lambda i: (-gaz.population(i), gaz.place_id(i)))[: W.candidates_kept]
        return m.cue, m.cue_word, cands, (), tuple(known)
    arabic = is_arabic(m.key[0])
    rows = []
    for i, ntype in cands.items():
        kind = gaz.kind(i)
        cc = gaz.country_code(i)
        pop = gaz.population(i)
        ev = _READING_BITS.get(ntype, 0)
        score = math.log10(max(pop, W.population_floor))
        if ntype == ALT:
            # GeoNames alternate names include history and other languages (Alexandria for Mashhad).
            score += W.alternate_name_ar if arabic else W.alternate_name_latin
        if kind == "admin1" and m.cue not in ("admin1", "region") and any(
            gaz.kind(j) in ("city", "town") and gaz.country_code(j) == cc
            and gaz.population(j) >= W.province_vs_city_min_pop
            and (t != ALT or arabic or gaz.population(j) >= W.province_vs_city_alt_min_pop)  # Arabic names are all ALT
            and (arabic or gaz.seat(i) is not None or gaz.population(j) >= W.province_vs_town_min_pop)
            for j, t in cands.items()
        ):
            score += W.province_vs_city  # "Tripoli" is the city unless the text says province/governorate
        if m.cue:
            if kind in _CUE_KINDS.get(m.cue, frozenset()):
                score += W.cue_agrees
                ev |= _B.CUE
            else:
                score += W.cue_disagrees
        klass = "populated" if kind in ("city", "town") else "area"
        rows.append((i, ntype, kind, cc, pop, score, ev, klass))
    return m.cue, m.cue_word, cands, tuple(rows), None


def _resolve_one(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str], vote: tuple[str, int] | None,
                 qualifiers: set[tuple[str, Any]], listed_with: set[str],
                 regions: dict[_Region, frozenset[tuple[str, ...]]] | None = None,
                 home: frozenset[str] | None = None, roles: frozenset[tuple[str, str]] = frozenset(),
                 beside: frozenset[int] = frozenset()) -> Resolution | None:
    """One match's decision from its readings and what the statement says around it: its countries and regions
    (``doc_cc``, ``regions``, ``home``), the name's own vote, the qualifiers after it, the kinds of its list
    neighbours, and ``roles``: the regions (and ``(country, "")``) of the town or county it qualifies, when it
    follows one after a comma ("Buffalo, New York"); ``beside``: its readings that lie by a county or town the
    statement names (:func:`_colocated`)."""
    pre = _prepared(m, gaz, not qualifiers)
    if pre is _BY_CONTEXT:
        # Natural features among the readings: the statement's countries decide.
        pre = _prepare(m, gaz, doc_cc, not qualifiers)
    if pre is None:
        return None
    cue, cue_word, cands, rows, unlocated = pre  # type: ignore[misc]
    if cue != m.cue or cue_word != m.cue_word:
        m = m._replace(cue=cue, cue_word=cue_word)
    # Don't let a name be its own context: take back the vote this name cast (none for a homograph).
    own = Counter({vote[0]: vote[1]}) if vote is not None else Counter()
    if unlocated is not None:
        if m.cue == "town" and is_arabic(m.key[0]):
            # A village's head before a name the gazetteer knows only elsewhere or as another kind (بلدة البروج, a
            # Moroccan town GeoNames spells only in Latin): read its consonants among the statement's countries' towns
            # first, as for a name the gazetteer lacks.
            r = _town_by_consonants(m, gaz, doc_cc - own)
            if r is not None:
                return r
        return _decided(m, gaz, None, W.unlocated,
                        Evidence.OTHER_KIND | Evidence.CUE if unlocated else Evidence.UNKNOWN_NAME | Evidence.CUE, None,
                        _scored_candidates(gaz, [(None, i) for i in unlocated]))
    arabic = is_arabic(m.key[0])
    regional = bool(regions) and _regional(cands, gaz, regions, doc_cc, own, home, m.key)  # type: ignore[arg-type]
    near = [q[1] for q in qualifiers if q[0] == _NEAR] if qualifiers else []
    near_hit = False
    has_populated = any(row[7] == "populated" for row in rows)
    scored: list[tuple[float, int, int]] = []  # (score, place, evidence bits)
    for i, ntype, kind, cc, pop, score, ev, klass in rows:
        ctx = doc_cc.get(cc, 0) - own.get(cc, 0)
        if ctx > 0 and kind != "country":
            score += W.context_once if ctx == 1 else W.context_more
            ev |= _B.COUNTRY_CONTEXT
        elif kind == "country" and len(cands) > 1:
            if ctx > 1:
                score += W.country_with_places  # Georgia with Tbilisi nearby is the country, not the US state
                ev |= _B.OTHER_PLACES
            elif ctx <= 0 and not (arabic and ntype != ALT and all(
                    cands[j] == ALT and gaz.country_code(j) == cc for j in cands if j != i)):
                # (not to its own capital known by the same Arabic word only through GeoNames: الجزائر is Algeria
                # unless a cue says the city, الجزائر العاصمة, مدينة الجزائر)
                score += W.country_untouched  # a country the statement never touches yields to a namesake it does
        if regional and (ntype != ALT or pop >= W.accept_town_pop) and _in_region(gaz, i, regions, m.key):  # type: ignore[arg-type]
            score += W.region_context  # "Alexandria" in a Minnesota story is Alexandria, Minnesota
            ev |= _B.REGION_CONTEXT
        if qualifiers:
            a1 = gaz.admin1_code(i)
            said = _B.NISBA_QUALIFIER if _NISBA in qualifiers else _B.QUALIFIER
            if (cc, a1) in qualifiers or (kind != "country" and (cc, "") in qualifiers):
                score += W.qualifier_exact
                ev |= said
            elif cc and any(cc == q[0] for q in qualifiers) and not (
                    kind == "admin1" and any(q[0] == cc and q[1] for q in qualifiers)):
                # (A state is no place in another state: "Delaware, Ohio" is the town, not the state.)
                score += W.qualifier_country
                ev |= said
            if _POPULATED in qualifiers:
                if klass == "area" and has_populated:
                    score += W.defining_kind_disagrees  # "Florida is a town in Berkshire County": not the state
                if near and any(_km(gaz, i, j) <= W.defining_near_km for j in near):
                    score += W.defining_near  # "a town in Seminole County, Oklahoma": beside that county
                    ev |= said
                    near_hit = True
        if roles and kind in ("admin1", "country") and (
                (kind == "country" and (cc, "") in roles) or (kind == "admin1" and _region_of(gaz, i) in roles)):
            score += W.qualifier_role  # "Buffalo, New York": the state Buffalo lies in, not New York City
            ev |= _B.QUALIFIES
        if i in beside:
            score += W.colocated  # Huntsville beside Walker County: the Texan pair, not Huntsville, Alabama
            ev |= _B.COLOCATED
        if len(cands) > 1 and ((kind == "admin1" and _DIVISIONS in listed_with)
                               or (kind == "country" and _COUNTRIES in listed_with)):
            score += W.listed_division  # "Missouri, New York, North Carolina and Virginia": states, like its neighbours
        if klass in listed_with and len(cands) > 1:
            score += W.listed  # in "دمشق وبغداد وعمّان" the ambiguous name is a city like its neighbours
        scored.append((score, i, ev))
    scored.sort(key=lambda t: (-t[0], gaz.place_id(t[1])))
    if len(near) == 1 and not near_hit and near[0] not in cands and gaz.kind(near[0]) != "admin1":
        # "Lima is a town in Seminole County, Oklahoma": none of the Limas we know lies there, so this is one we
        # lack; the county (or town) the text puts it in is where it is, approximately.
        return _decided(m, gaz, near[0], W.defined_in, Evidence.DEFINED_IN | Evidence.QUALIFIER, None,
                        _scored_candidates(gaz, [(s, i) for s, i, _ in scored[: W.candidates_kept]]), len(scored))
    best_score, best, ev = scored[0]  # ev: the flags' integer value until the decision is made
    if cands[best] == ALT and not arabic and gaz.kind(best) in _TOWN_KINDS:
        # The place GeoNames files under the written name itself, right beside the one that lists it as another name,
        # is the one meant: "Ikorodu" is Ikorodu, not the bigger Ebute Ikorodu 3 km away.
        own_name = next(((s2, j, e2) for s2, j, e2 in scored[1:] if cands[j] != ALT and gaz.kind(j) in _TOWN_KINDS
                         and gaz.country_code(j) == gaz.country_code(best) and _km(gaz, best, j) <= W.same_place_km),
                        None)
        if own_name is not None:
            best_score, best, ev = own_name
    if arabic and len(scored) > 1 and not qualifiers and gaz.kind(best) in ("city", "town") \
            and _is_homograph(m, gaz, cands[best], gaz.population(best), best) == 1:
        # The statement's countries chose a small namesake known by this spelling only through a GeoNames alternate
        # name (Mesquite, Texas for موسكو beside واشنطن; a village Ar Riyāḑ in Egypt for الرياض beside القاهرة), which
        # a frequent word never proves: the city of this name that needs no proof is meant, if there is one.
        big = next((t for t in scored[1:]
                    if gaz.kind(t[1]) == "city" and gaz.population(t[1]) >= W.frequent_name_min_pop
                    and _is_homograph(m, gaz, cands[t[1]], gaz.population(t[1]), t[1]) == 0), None)
        if big is not None and fold_name(gaz.name(big[1])) != fold_name(gaz.name(best)):
            # (a namesake by its own name, Tripoli of Lebanon beside Tripoli of Libya, stays the context's choice)
            best_score, best, ev = big
    kind, pop, cc = gaz.kind(best), gaz.population(best), gaz.country_code(best)
    ntype = cands[best]
    if kind == "district" and not arabic and not m.cue and all(gaz.kind(j) == "district" for j in cands):
        qual_ccs = {q[0] for q in qualifiers if isinstance(q, tuple) and len(q) == 2 and isinstance(q[1], str)
                    and q[0] != _NEAR} if qualifiers else set()
        if qual_ccs and not any(gaz.country_code(j) in qual_ccs for j in cands) \
                and doc_cc.get(cc, 0) - own.get(cc, 0) <= 0:
            # "Kent County, Ontario": a county of the name we know only in another country (the US) than the one its
            # qualifier names, in a statement that names nothing else of that country, is one the gazetteer lacks
            # there: kept unlocated, not placed abroad. (A qualifier read wrongly, "South Central Pennsylvania" as a
            # region of Lebanon, leaves the county alone where the statement names its state.)
            return _decided(m, gaz, None, W.unlocated, Evidence.ONLY_ABROAD | Evidence.QUALIFIER, None,
                            _scored_candidates(gaz, [(s, i) for s, i, _ in scored[: W.candidates_kept]]))
    if kind == "country" and ntype != DEMONYM:
        ev |= _B.COUNTRY_NAME
    if listed_with:
        ev |= _B.LIST
    if m.locative:
        ev |= _B.LOCATIVE
    # 0: no; 1: a frequent alternate name; 2: an everyday word (see _is_homograph). English country names never.
    homograph = _is_homograph(m, gaz, ntype, pop, best) if kind != "country" or arabic else 0
    if homograph:
        ev |= _B.EVERYDAY_WORD if homograph == 2 else _B.FREQUENT_WORD
    # In Arabic, where every word is a candidate, the region chooses among namesakes but is no context.
    context = bool(ev & (_B.CONTEXT & ~_B.REGION_CONTEXT if arabic else _B.CONTEXT))
    if homograph and kind != "country":
        # An everyday word (بيان "statement", a town in Kuwait) needs the country named more than once.
        context = context and doc_cc.get(cc, 0) - own.get(cc, 0) >= W.everyday_context_min
    # A nisba follows any noun (الحكومة اليمنية): it tells which country's place, and that a frequent
    # alternate name is the place (طرابلس اللبنانية), but not that an everyday word is one (homograph 2).
    strong = bool(ev & (_B.CUE | _B.QUALIFIER)) or (homograph != 2 and bool(ev & _B.NISBA_QUALIFIER))
    if strong and not context and m.cue_span is None and arabic and CUES.get(m.cue_word, ("", 1))[1] > 1 \
            and not ev & (_B.QUALIFIER | _B.NISBA_QUALIFIER):
        # A name that took its cue from a dual or plural head before another name (بلدتي X وY) is vouched for by
        # the head only in a country the statement names: the head says what Y is, not where (a namesake abroad).
        # Without other evidence it is then a place of the head's kind we cannot place: kept unlocated.
        strong = False
        if not _accept(kind, pop, m, homograph=homograph, context=context, strong=False, listed=bool(listed_with),
                       zipf=0.0):
            return _decided(m, gaz, None, W.unlocated, Evidence.ONLY_ABROAD | Evidence.CUE, None,
                            _scored_candidates(gaz, [(s, i) for s, i, _ in scored[: W.candidates_kept]]))
    zipf = gaz.commonness(m.key[0]) if len(m.key) == 1 else 0.0
    if arabic and len(m.key) == 1 and not strong:
        if m.key[0] in PLACE_HEADS_DEFINITE_AR and not listed_with:
            # المدينة "the city", الميدان "the square": a head noun with the article points back at a place the
            # text named ("the city"); alone it is a place's name only with a qualifier, a cue or in a list
            # (المدينة ومكة والطائف).
            return None
        if m.key[0] in NATURAL_HEADS_DEFINITE_AR and not listed_with and not m.locative:
            # البحيرة "the lake" (of a dam), الوادي "the valley": a natural feature's head noun with the article is
            # the common noun; Egypt's البحيرة governorate is named so after a locative word, a cue or in a list.
            return None
    word = m.key[1:] if m.key[0] == "the" else m.key
    if ntype == ALT and not arabic and len(word) > 1 and word[0] in PERSON_TITLES:
        return None  # "Sen. Mark Warner" is no "Sen Mak" (Saint-Marc): a title opens a person's name
    if ntype == ALT and not arabic and len(word) == 1 and not ev & (_B.QUALIFIER | _B.NISBA_QUALIFIER):
        # An English word read only through another name of a place (GeoNames keeps history, other languages and
        # nicknames: "Hamas" for Hamm, "Hammersmith" for Saugus, "Hall" for Schwäbisch Hall, "the Center" for
        # Windham) is that place only after a locative word; a very short one ("Kan", "Lu") only with a qualifier.
        if len(word[0]) <= W.alternate_short_max_len or (
                not m.locative and not _short_form_or_spelling(gaz.name(best), " ".join(m.key))):
            return None
        # A spelling of a town abroad in a statement about other countries ("between Kurla and Thane" in a Mumbai
        # story is no Korla, China): a suburb the gazetteer lacks, not a town of a country nobody named.
        if not context and pop < W.alternate_abroad_max_pop and not gaz.is_capital(best) and any(
                n > 0 for c, n in doc_cc.items() if c != gaz.country_code(best) and n - own.get(c, 0) > 0):
            return None
    if not _accept(kind, pop, m, homograph=homograph, context=context, strong=strong, listed=bool(listed_with),
                   zipf=zipf,
                   region=bool(ev & (_B.REGION_CONTEXT | _B.COLOCATED)) and not arabic and ntype != ALT,
                   labelled=arabic and len(m.key) == 1 and not homograph and cc in _ARAB_STATES
                   and zipf < W.frequent_zipf and _own_label(m, gaz, best)):
        return None
    if (kind == "admin1" and m.cue not in ("admin1", "region") and gaz.seat(best) is not None
            and not ev & _B.QUALIFIES  # "Seminole County, Oklahoma" is the state, not Oklahoma City
            and _DIVISIONS not in listed_with  # "Georgia, Oklahoma, Pennsylvania": states
            and not any(CUES.get(t, ("",))[0] in ("admin1", "region") for t in m.key)
            and not (len(m.key) == 1 and m.key[0] in _ADMIN1_ABBREVIATION_KEYS)):
        # ... unless the name itself holds the head word: "Damascus Governorate", "محافظة دمشق".
        # A province named after its seat, without "province"/"محافظة", is the city: النبطية, Idlib.
        best, kind = gaz.seat(best), "city"
        pop, ntype = gaz.population(best), NAME
        ev = (ev & ~(_B.NISBA | _B.ALTERNATE_NAME)) | _B.SEAT_CITY
    # Confidence.
    if len(scored) > 1:
        margin = best_score - scored[1][0]
        conf = W.margin_base + W.margin_span * min(1.0, margin / W.margin_scale)
    else:
        conf = W.only_reading
    if kind == "country" and ntype != ALT:
        conf = max(conf, W.country_name_floor if ntype != DEMONYM else W.demonym_floor)
    if ntype == ALT:
        conf -= W.alternate_name_penalty
    if kind == "region" and gaz.place_id(best).startswith(DIRECTION_PREFIX):
        conf -= W.derived_region_penalty  # approximate by construction
    stated = bool(ev & _B.STATED)
    if homograph or (zipf >= W.bare_frequent_zipf and kind not in ("country", "region") and not stated):
        conf -= W.everyday_word_penalty
    if stated:
        conf += W.stated_evidence_bonus
    if arabic and m.cue in ("town", "city") and kind in _TOWN_KINDS and doc_cc.get(cc, 0) - own.get(cc, 0) <= 0 \
            and cc not in ARABIC_SPEAKING and pop < W.frequent_name_min_pop and not gaz.is_capital(best) \
            and any(n - own.get(c, 0) > 0 for c, n in doc_cc.items()):
        # بلدة أروما in a statement about Sudan: the reading is a small namesake in a country the statement does not
        # name (a Japanese town), while a town of a named country, spelt in Latin only, has the name's consonants. The
        # cue says a town is meant; the statement's countries say which one. (A capital or a city of a million abroad,
        # العاصمة بلغراد, is meant as written; a town of the Arabic-speaking world is named in Arabic: مدينة رام الله is
        # Ramallah whichever countries the statement names.)
        r = _town_by_consonants(m, gaz, doc_cc - own)
        if r is not None:
            return r
    candidates = _scored_candidates(gaz, [(s, i) for s, i, _ in scored[: W.candidates_kept]])
    return _decided(m, gaz, best, round(min(W.max_confidence, max(W.min_confidence, conf)), 3), Evidence(ev),
                    round(best_score, 3), candidates, len(scored))


def _town_by_consonants(m: RawMatch, gaz: Gazetteer, doc_cc: Counter[str]) -> Resolution | None:
    """A town's head ``m`` (its cue word apart from its key) read by its name's consonants among the towns of the
    countries in ``doc_cc`` (:func:`_by_transliteration`, which reads the cue word as the key's first); the
    resolution keeps ``m`` as its match."""
    r = _by_transliteration(m._replace(key=(m.cue_word, *m.key)), gaz, doc_cc)
    return r._replace(match=m) if r is not None else None


def _own_label(m: RawMatch, gaz: Gazetteer, index: int) -> bool:
    """Whether the one word ``m`` is written as is the Arabic name the gazetteer labels the place with (بعلبك for
    Baalbek, عكا for Acre): its own name, not one of the alternate names GeoNames gathers from everywhere."""
    label = gaz.place(index).name_ar
    return bool(label) and fold_name(label) == ("ال" + m.key[0] if m.article else m.key[0])


def _accept(kind: str, pop: int, m: RawMatch, *, homograph: int, context: bool, strong: bool,
            listed: bool, zipf: float, region: bool = False, labelled: bool = False) -> bool:
    """Whether the best reading is good enough to call this a place.

    ``strong``: a cue word or a qualifier agrees; ``context``: the statement names other places
    in the same country; ``region``: it lies in the first-level division the statement is about;
    ``m.locative``: a preposition, locative clitic or dateline introduces it.
    """
    latin = not is_arabic(m.key[0])
    multi = len(m.key) > 1
    if not latin and len(m.key) == 1 and kind != "country" and zipf >= W.particle_zipf:
        return False  # a particle (إلى, على) is never a place, whatever a cue says
    if strong or (kind == "district" and multi and m.key[0] in _DISTRICT_CUE_WORDS_AR):
        return True
    if homograph:
        # An everyday word needs more than prominence: a place-introducing word and the country's presence,
        # or (for a country) a list of other places around it.
        if kind == "admin1":
            return False
        if kind == "country":
            return m.locative or listed or context
        if latin and m.locative and pop >= W.locative_homograph_pop and not m.sentence_initial:
            return True  # "from Geneva", "in Reading": a capitalised name after a preposition
        if latin and region and homograph == 1 and not m.sentence_initial and zipf < W.region_frequent_max_zipf:
            return True  # "Richmond", "Atlanta" mid-sentence in a story about the state they lie in
        if not latin and homograph == 1 and not listed and (m.key[0].startswith("ال") or m.article) \
                and pop < W.accept_pop:
            # A frequent Arabic noun with its article, read only through a GeoNames alternate name of a small town
            # (في الدور "in the round", بالثورة "in the revolution"): a preposition and the country's presence are
            # what any noun has; a list of places around it, or a cue or qualifier (above), must say it is a place.
            return False
        return context and m.locative
    if latin and m.sentence_initial and not multi and kind not in ("country",) and not context:
        return pop >= W.sentence_start_pop  # a capital at a sentence start proves nothing by itself
    if region:
        return True  # a town of the statement's own state or province: local news names them bare
    if kind == "district" and latin and not multi and not context and not m.locative and not listed:
        return False  # "Angus beef" in a Missouri story: a county's one-word name abroad needs "in" or its country
    if kind in _AREA_KINDS or kind in NATURAL_KINDS:  # a minor feature already had to be near a named country
        return True
    if pop >= W.accept_pop:
        return True
    if pop >= W.accept_town_pop:
        # ... or, in Arabic, the town's own Arabic name (no everyday word) after a locative word: في بعلبك, من عكا
        # name a town of the Arabic-speaking world where no other place of the statement says which country.
        return context or multi or (labelled and m.locative)
    return context and m.locative
