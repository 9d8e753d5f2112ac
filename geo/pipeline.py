"""The pipeline in one call: text → folded → matches → resolved mentions → Situation."""

from __future__ import annotations

import gc
import re
from bisect import bisect_right
from itertools import accumulate

from .errors import InputError
from .extract import find_matches, word_tokens
from .facilities import find_facilities, place_facilities, towns_written_as_features
from .gazetteer import Gazetteer, load_gazetteer
from .model import NATURAL_KINDS, Mention, Place
from .resolve import resolve
from .scoring import evidence_names, form_of
from .situation import Situation
from .text import detect_lang, fold, sentences

__all__ = ["geoparse", "LANGS"]

#: Accepted values of ``lang``.
LANGS = ("auto", "ar", "en")
#: A surrogate code point: half of a UTF-16 pair, not a character. No encoder writes one.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def geoparse(text: str, *, lang: str = "auto", gazetteer: Gazetteer | None = None) -> Situation:
    """Find and resolve every place ``text`` names.

    Parameters
    ----------
    text
        The statement (any mix of Arabic and English).
    lang
        ``"auto"`` (detect), ``"ar"`` or ``"en"``. Both scripts are always matched;
        the language sets how quotes are shown (right-to-left for Arabic).
    gazetteer
        Defaults to :func:`geo.load_gazetteer`.

    Returns
    -------
    Situation
        Mentions in text order; ``places`` groups them per place.

    Notes
    -----
    Lone surrogates (U+D800-U+DFFF: half of a broken emoji or of a UTF-16 pair, a ``surrogateescape``
    decoding) are not characters, and no file can hold them: the map, CSV and GeoJSON exports would fail.
    Each one is replaced here, at the input, by U+FFFD REPLACEMENT CHARACTER: one code point for one, so
    every offset still points into the text as given, and ``Situation.text`` is the repaired text.

    Examples
    --------
    >>> s = geoparse("Talks in Baghdad and Damascus.")
    >>> [p.place.place_id for p in s.places]
    ['geonames:98182', 'geonames:170654']
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__!r}; decode bytes first (geo.textio)")
    if lang not in LANGS:
        raise InputError(f"lang must be one of {', '.join(map(repr, LANGS))}, not {lang!r}")
    if _SURROGATE_RE.search(text):
        text = _SURROGATE_RE.sub("\ufffd", text)
    gaz = gazetteer if gazetteer is not None else load_gazetteer()
    if lang == "auto":
        lang = detect_lang(text)
    # A parse allocates hundreds of thousands of short-lived objects and makes no garbage cycles worth
    # collecting mid-parse, while each full collection the allocations trigger walks every object of the
    # loaded gazetteer (about a million): 10-20 % of a parse's CPU. The collector is paused for the parse
    # and resumed as it was (the gazetteer's own loading does the same).
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        return _geoparse(text, lang, gaz)
    finally:
        if enabled:
            gc.enable()


def _geoparse(text: str, lang: str, gaz: Gazetteer) -> Situation:
    """:func:`geoparse` on checked input: ``text`` repaired, ``lang`` decided."""
    folded = fold(text)
    sents = sentences(text)
    s_starts = [s for s, _ in sents]
    # Folded offsets where sentences start, for the capital-at-sentence-start rule.
    f_sorted = _folded_offsets(folded, s_starts)
    f_starts = frozenset(f_sorted)
    toks = word_tokens(folded.text)  # read by the matcher and the facilities alike
    matches = find_matches(folded, gaz, f_starts, toks)
    mentions = []
    # One Place (and one decoded polygon) per place, not per mention; kept with the gazetteer for the next
    # texts (a Place is immutable), so a batch of short items does not rebuild the same places per item.
    places: dict[int, Place] = gaz.memo().setdefault("places", {})
    # Folding that deleted or expanded nothing keeps every offset: skip the offset map then.
    identity = len(folded.runs_f) == 1
    resolved = resolve(matches, gaz, folded.text, folded.cased)
    # Natural features read by name with their head noun ("the Red River", نهر العاصي) that resolution left
    # out (a minor feature far from the statement's countries): the facilities module places them.
    kept = {r.match.token_index for r in resolved}
    dropped = [m for m in matches if m.refs and m.token_index not in kept
               and all(gaz.kind(x.place_index) in NATURAL_KINDS for x in m.refs)]
    towns_as_features = towns_written_as_features(folded.text, matches, ((r.match, r.place_index) for r in resolved),
                                                  kept, gaz)
    found = find_facilities(folded, matches, gaz, toks, {m.token_index for m in dropped} | towns_as_features)
    inside: set[int] = set()
    if found:
        # Facilities, streets and districts (cue + name) the gazetteer lacks: placed at the place named in
        # them or near them; the name inside is then no mention of its own.
        located = [(r.match.fs, r.match.fe, _place(gaz, r.place_index, places), r.confidence)
                   for r in resolved if r.place_index is not None]
        at = [k for k, r in enumerate(resolved) if r.place_index is not None]
        placed, inner = place_facilities(found, located, folded,
                                         lambda fs: bisect_right(f_sorted, fs) - 1, gaz,
                                         [(m.fs, m.fe, tuple(x.place_index for x in m.refs)) for m in dropped])
        inside = {at[k] for k in inner}
        # An unlocated cue match inside a facility's phrase (ناحية القيارة's cue) gives way to it too.
        # Inside some phrase: of the phrases starting at or before it, the furthest end reaches past its end
        # (sorted starts and a running maximum of ends: a look-up per match, not a scan of every phrase).
        spans = sorted((p.fs, p.fe) for p in placed)
        span_starts = [a for a, _ in spans]
        reach = list(accumulate((b for _, b in spans), max))
        inside |= {k for k, r in enumerate(resolved) if r.place_index is None
                   and (j := bisect_right(span_starts, r.match.fs)) and reach[j - 1] >= r.match.fe}
    for k, r in enumerate(resolved):
        if k in inside:
            continue
        m = r.match
        start, end = (m.fs, m.fe) if identity else folded.span(m.fs, m.fe)
        k = bisect_right(s_starts, start) - 1
        ss, se = sents[k] if k >= 0 else (0, len(text))
        index = r.place_index
        mentions.append(Mention(
            start, end, text[start:end], ss, se,
            None if index is None else _place(gaz, index, places),
            r.confidence, r.reason, m.cue if m.cue != "context" else "",
            form_of(r.evidence), r.candidates, evidence_names(r.evidence),
        ))
    if found:
        for p in placed:
            start, end = (p.fs, p.fe) if identity else folded.span(p.fs, p.fe)
            k = bisect_right(s_starts, start) - 1
            ss, se = sents[k] if k >= 0 else (0, len(text))
            mentions.append(Mention(start, end, text[start:end], ss, se, p.place, p.confidence, p.reason, p.kind))
        mentions.sort(key=lambda m: m.start)
    return Situation(text=text, lang=lang, mentions=tuple(mentions))


def _place(gaz: Gazetteer, index: int, memo: dict[int, Place]) -> Place:
    p = memo.get(index)
    if p is None:
        p = memo[index] = gaz.place(index)
    return p


def _folded_offsets(folded: object, originals: list[int]) -> list[int]:
    """Map original offsets to folded ones (inverse of Folded.orig_start, for sentence starts)."""
    runs_f = folded.runs_f  # type: ignore[attr-defined]
    runs_o = folded.runs_o  # type: ignore[attr-defined]
    out = []
    for o in originals:
        i = bisect_right(runs_o, o) - 1
        out.append(runs_f[i] + (o - runs_o[i]))
    return out
