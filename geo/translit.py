"""Consonant skeletons, to match an Arabic spelling of a place with the Latin names the gazetteer has.

GeoNames gives Arabic names for big places only: بلدة أمزميز, بلدة غوريس, بلدة صحم name towns the
gazetteer knows only as Amizmiz, Goris, Saham. Both scripts agree on a name's consonants far more than on
its vowels, so each spelling is reduced to a coarse consonant skeleton (``mzmz``, ``grs``, ``sm``) and
skeletons are compared. Arabic short vowels are not written and its long vowels (ا و ي) double as
consonants, Latin transliterations differ in vowels and in ``h``: all of those are dropped, and letters
that transliterations confuse share one class (ق ك k c q → k; ج غ j g → g; س ش ص s sh → s ...).

A skeleton match is weak evidence: :mod:`geo.resolve` uses it only for a name announced by a town or city
cue word, among the places of the countries the statement names, and only when one place matches.

>>> arabic_skeleton("امزميز"), latin_skeleton("Amizmiz")
('mzmz', 'mzmz')
>>> arabic_skeleton("غوريس") == latin_skeleton("Goris")
True
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["arabic_skeleton", "latin_skeleton", "same_start"]

#: Folded Arabic letters → consonant classes; letters not listed (ا و ي ء ع ه, marks) are dropped.
AR_CONSONANTS: dict[str, str] = {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ط": "t", "ج": "g", "چ": "g", "غ": "g", "گ": "g",
    "خ": "k", "ق": "k", "ك": "k", "ک": "k", "د": "d", "ذ": "d", "ض": "d", "ظ": "z", "ز": "z", "ر": "r",
    "س": "s", "ش": "s", "ص": "s", "ف": "f", "ڤ": "f", "ل": "l", "م": "m", "ن": "n",
}
#: Latin spellings → the same classes, digraphs first; vowels, h, w and y are dropped.
LATIN_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tch", "g"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"),
    ("dj", "g"), ("dz", "z"), ("ts", "s"), ("ck", "k"), ("x", "ks"),
)
LATIN_CONSONANTS: dict[str, str] = {
    "b": "b", "p": "b", "t": "t", "d": "d", "j": "g", "g": "g", "k": "k", "c": "k", "q": "k", "f": "f",
    "v": "f", "l": "l", "m": "m", "n": "n", "r": "r", "s": "s", "z": "z",
}
_ARTICLE_RE = re.compile(r"(?:^|(?<=\s))(?:ال|al[- ]|el[- ]|ad[- ]|ar[- ]|as[- ]|ash[- ]|at[- ]|az[- ]|an[- ])")


def arabic_skeleton(folded: str) -> str:
    """The consonant skeleton of a folded Arabic name (see :func:`geo.text.fold_name`), articles left out."""
    letters = [AR_CONSONANTS.get(c, "") for c in _ARTICLE_RE.sub("", folded)]
    return _squeeze("".join(letters))


def latin_skeleton(name: str) -> str:
    """The consonant skeleton of a Latin-script name, accents and articles (al-, el- ...) left out."""
    s = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    s = _ARTICLE_RE.sub("", s)
    for digraph, klass in LATIN_DIGRAPHS:
        s = s.replace(digraph, klass.upper())  # upper case: already a class, not read again below
    return _squeeze("".join(c.lower() if c.isupper() else LATIN_CONSONANTS.get(c, "") for c in s))


def _squeeze(s: str) -> str:
    """Doubled consonants count once (shadda is not written, Latin doubles freely: Mosul/Mossoul)."""
    return "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])


def same_start(a: str, b: str) -> bool:
    """Whether two folded Latin names begin with the same consonants (an article aside): spellings
    of one name (Jenin, Janin; Nabatieh, Nabatiye et Tahta), not two names (Bahia, Salvador).

    Stricter than :func:`latin_skeleton` on purpose (letters are not merged into classes, only the
    first three count): it decides which GeoNames alternate names are spellings of a city's name,
    where the skeleton's looser classes would accept other names."""
    def skeleton(s: str) -> str:
        return "".join(c for c in s.removeprefix("al ") if c.isalpha() and c not in "aeiouy")[:3]

    return skeleton(a) == skeleton(b)
