"""What a frequent English word is besides a place's name: an everyday word, a given name, a surname.

Read from ``data/lexicon_en.csv`` (derived by ``data/tools/english_lexicon.py`` from the SCOWL word list and the
US Census name files; see data/README.md), once, on first use: parsing Arabic never loads it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

__all__ = ["is_everyday_en", "given_name_share", "surname_share", "is_person_name_en", "is_name_only_en",
           "may_be_person_name_en", "foreign_given_names_ar", "recent_given_name_share",
           "PERSON_NAME_MIN_SHARE"]

_PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon_en.csv"
_GIVEN_AR_PATH = _PATH.with_name("given_names_ar.csv")
_RECENT_PATH = _PATH.with_name("given_names_recent.csv")
_GIVEN_NATIVE_AR_PATH = _PATH.with_name("given_names_native_ar.csv")
#: A name that this many persons of the Arab states bear as a given name is one (عدن: 3, in Wikidata).
_MIN_GIVEN_PERSONS = 3
#: ... and one that this many bear is a frequent given name (ريم 124, سلمى 125, لمياء 73).
_FREQUENT_GIVEN_PERSONS = 20
#: A given name or surname borne by at least this share of people (percent; 1 in 5,000) is a common person's
#: name: Houston (0.026 as a surname), Kent (0.048 as a given name), Bush; Richmond (0.016), London (0.007),
#: Columbus (0.005) are not.
PERSON_NAME_MIN_SHARE = 0.02


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[bool, float, float]]:
    """word → (everyday word, share as a given name, share as a surname); empty when the file is missing."""
    try:
        lines = _PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    # Plain splitting (the words hold no commas or quotes): a third of csv.DictReader's time, paid by the first
    # English statement a process parses.
    out: dict[str, tuple[bool, float, float]] = {}
    for line in lines[1:]:
        word, everyday, given, surname = line.split(",")
        out[word] = (everyday == "1", float(given) if given != "0" else 0.0, float(surname) if surname != "0" else 0.0)
    return out


def is_everyday_en(word: str) -> bool:
    """Whether lower-case ``word`` is an everyday English word (a dictionary writes it lower case)."""
    got = _table().get(word)
    return got is not None and got[0]


def given_name_share(word: str) -> float:
    """Percent of people in the US with lower-case ``word`` as a given name (0 if none)."""
    got = _table().get(word)
    return got[1] if got is not None else 0.0


@lru_cache(maxsize=1)
def _recent() -> dict[str, float]:
    """word → share (percent) of the babies of its sex born since 1950 (``data/given_names_recent.csv``, derived by
    ``data/tools/given_names_recent.py`` from the SSA's baby names); empty when the file is missing."""
    try:
        lines = _RECENT_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return {}
    return {word: float(share) for word, share in (line.split(",") for line in lines[1:])}


def recent_given_name_share(word: str) -> float:
    """Percent of people born in the US since 1950 with lower-case ``word`` as a given name, where that is more than
    the 1990 Census says (Madison, Savannah, Lincoln: rare in 1990, common since); else the Census share.

    Asked only whether a word is a given name before a surname, never to make a place's bare name suspect.
    """
    return max(_recent().get(word, 0.0), given_name_share(word))


def surname_share(word: str) -> float:
    """Percent of people in the US with lower-case ``word`` as a surname (0 if rare)."""
    got = _table().get(word)
    return got[2] if got is not None else 0.0


def is_person_name_en(word: str, min_share: float = PERSON_NAME_MIN_SHARE) -> bool:
    """Whether lower-case ``word`` is a common given name or surname."""
    got = _table().get(word)
    return got is not None and max(got[1], got[2]) >= min_share


def is_name_only_en(word: str) -> bool:
    """Whether lower-case ``word`` is known to be neither an everyday word nor a common person's name: a word
    frequent in text only as a place's (or another thing's) name (Columbus, Vancouver, London). False when
    the table is missing, so every frequent word stays suspect then."""
    table = _table()
    if not table:
        return False
    got = table.get(word)
    return got is None or (not got[0] and max(got[1], got[2]) < PERSON_NAME_MIN_SHARE)


def may_be_person_name_en(word: str) -> bool:
    """Whether lower-case ``word`` may be a person's name: a common given name or surname, or anything when the
    table is missing (the rules that ask then behave as they did without it)."""
    return not _table() or is_person_name_en(word)


@lru_cache(maxsize=1)
def foreign_given_names_ar() -> frozenset[str]:
    """Folded Arabic spellings of common foreign given names (جاك, لويس, ريكاردو), from ``data/given_names_ar.csv``
    (derived by ``data/tools/given_names_ar.py``); empty when the file is missing."""
    from .text import fold_name

    try:
        lines = _GIVEN_AR_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(fold_name(line.split(",", 1)[0]) for line in lines[1:] if line)


@lru_cache(maxsize=1)
def native_names_ar() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(given names, given names and family names, frequent given names), folded, borne by persons of the
    Arabic-speaking countries (رياض, ريم, محمود; حداد), from ``data/given_names_native_ar.csv`` (derived by
    ``data/tools/given_names_native_ar.py`` from Wikidata, stored folded); empty when the file is missing."""
    try:
        lines = _GIVEN_NATIVE_AR_PATH.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset(), frozenset(), frozenset()
    rows = [line.split(",") for line in lines[1:] if line]
    return (frozenset(r[0] for r in rows if int(r[1]) >= _MIN_GIVEN_PERSONS), frozenset(r[0] for r in rows),
            frozenset(r[0] for r in rows if int(r[1]) >= _FREQUENT_GIVEN_PERSONS))
