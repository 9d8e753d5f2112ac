"""Folding, offsets, clitics, nisba, sentences: tables of cases."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text import detect_lang, fold, nisba_forms, sentences, strip_proclitics


@pytest.mark.parametrize(("raw", "folded"), [
    ("دِمَشْقُ", "دمشق"),                 # tashkeel
    ("بغـــداد", "بغداد"),                # tatweel
    ("أإآٱ", "اااا"),                    # alef variants
    ("مستشفى", "مستشفي"),                # alef maqsura
    ("السورية", "السوريه"),              # taa marbuta
    ("ﺩﻣﺸﻖ", "دمشق"),                    # presentation forms
    ("ﻻ", "لا"),                          # lam-alef ligature expands to two letters
    ("\u200fسوريا\u200e", "سوريا"),      # bidi marks
    ("ی ک", "ي ك"),                       # Persian letters
    ("٢٠٢٦", "2026"),                     # Eastern Arabic digits
    ("Şanlıurfa", "sanliurfa"),          # Latin accents, dotless i, case
    ("İstanbul", "istanbul"),            # capital dotted I stays one code point
])
def test_fold_table(raw, folded):
    assert fold(raw).text == folded


@pytest.mark.parametrize("raw", ["وبِدِمَشْقَ", "ﻻذقية", "a\u200bb\u200cc", "İİİ", "ß straße", "", "x"])
def test_fold_offsets_point_into_original(raw):
    f = fold(raw)
    for fs in range(len(f.text) + 1):
        o = f.orig_start(fs) if fs < len(f.text) else len(raw)
        assert 0 <= o <= len(raw)
    # Every folded char maps to an original char that folds to something containing it.
    for fs, ch in enumerate(f.text):
        o = f.orig_start(fs)
        assert ch in fold(raw[o]).text or raw[o] in "ßﻻ"


@pytest.mark.parametrize(("token", "stem"), [
    ("والعراق", "العراق"), ("للعراق", "العراق"), ("بدمشق", "دمشق"), ("وبغداد", "بغداد"),
    ("فالرياض", "الرياض"), ("كالقاهره", "القاهره"), ("وبالعراق", "العراق"), ("لشمال", "شمال"),
])
def test_proclitics(token, stem):
    assert stem in [s for _, s in strip_proclitics(token)]


@pytest.mark.parametrize("form", ["سوري", "السوري", "السوريه", "السوريين", "سوريون", "السوريان"])
def test_nisba_forms(form):
    assert form in nisba_forms("سوري")


@pytest.mark.parametrize(("text", "expected"), [
    ("The U.S. envoy arrived. He met Iraqi officials.", ["The U.S. envoy arrived.", "He met Iraqi officials."]),
    ("قال البيان. وأكد الوزير؟ نعم", ["قال البيان.", "وأكد الوزير؟", "نعم"]),
    ("Line one\nLine two", ["Line one", "Line two"]),
    ("Gen. Smith spoke in Washington. Then left.", ["Gen. Smith spoke in Washington.", "Then left."]),
])
def test_sentences(text, expected):
    assert [text[s:e] for s, e in sentences(text)] == expected


@pytest.mark.parametrize(("text", "lang"), [("قال البيان", "ar"), ("The statement said", "en"), ("", "en")])
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


# -- sentences in linear time ------------------------------------------------------------------------------------
# The sentence splitter as it was before the linear scanner (regex with a lookahead after a run of marks, an rfind
# back to the sentence start): quadratic on runs, kept here as the reference for what a sentence is.
_REF_END_RE = re.compile(r"[.!?؟…۔]+[\"'”’»)\]]*(?=\s)|\n\s*")
_REF_ABBREV = frozenset(
    "mr mrs ms dr st gen col lt sgt maj capt adm gov sen rep prof jan feb mar apr jun jul aug sep sept "
    "oct nov dec no vs etc inc ltd co corp jr sr mt ft u.s u.k u.n e.g i.e a.m p.m".split()
)


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    def push(s: int, e: int) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))

    spans: list[tuple[int, int]] = []
    start = 0
    for m in _REF_END_RE.finditer(text):
        end, mark = m.end(), m.group()
        if "\n" not in mark:
            nxt = re.compile(r"\s*(\S)").match(text, end)
            if nxt and nxt.group(1).islower():
                continue
            if mark[0] == ".":
                pos = m.start()
                ws = max(text.rfind(" ", start, pos), text.rfind("\n", start, pos), text.rfind("\t", start, pos))
                w = text[max(ws + 1, start) : pos].lower().strip("(\"'")
                if w in _REF_ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", w):
                    continue
        push(start, end)
        start = end
    push(start, len(text))
    return spans


# Every character that ends a sentence, closes a quote, or is a space of some kind (NBSP, ideographic, line
# separator, information separators, which str.isspace() counts), and a few that are neither.
_END_MARKS = [".", "!", "?", "؟", "…", "۔"]
_SPACES = [" ", "\n", "\t", "\r", "\u00a0", "\u2028", "\u3000", "\x1c", "\u202f"]
_OTHERS = [";", "\"", "»", ")", "'", "(", ",", "،"]
_WORDS = ["Damascus", "aleppo", "Mr", "U.S", "e.g", "A", "b", "دمشق", "في", "Gen", "x.y",
          "He met Mr. Smith", " J. ", "U.S. "]
_RUN_CHARS = _END_MARKS + _SPACES + _OTHERS


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_RUN_CHARS + _WORDS), max_size=30).map("".join))
def test_sentences_equal_the_reference_on_short_texts(text):
    assert sentences(text) == _reference_sentences(text)


_STRETCH = 4  # runs longer than this behave alike: the reference is run on runs cut to this length


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(
    st.tuples(st.sampled_from(_RUN_CHARS), st.integers(1, 50_000)),
    st.tuples(st.sampled_from(_WORDS), st.just(1)),
), min_size=1, max_size=8))
def test_sentences_over_long_runs_of_every_class(segments):
    """Runs of up to 50,000 marks or spaces give the sentences the reference gives with the runs cut short.

    The reference is quadratic on such runs (10 s for 30,000 "!"), so it is run on the cut text and its
    offsets are stretched back; the scanner under test reads the whole text.
    """
    text = "".join(piece * count for piece, count in segments)
    short = "".join(piece * min(count, _STRETCH) for piece, count in segments)
    # Map the short text's offsets to the long one's: a character keeps its distance from its run's start; a span
    # that ends with a cut run ends where the whole run ends.
    first: list[int] = []  # long offset of each short character
    last: list[int] = []  # long end offset when a span ends just after that short character
    pos = 0
    for piece, count in segments:
        kept = len(piece) * min(count, _STRETCH)
        first.extend(range(pos, pos + kept))
        last.extend(range(pos + 1, pos + kept + 1))
        pos += len(piece) * count
        if kept:
            last[-1] = pos
    expected = [(first[s], last[e - 1]) for s, e in _reference_sentences(short)]
    assert sentences(text) == expected


@pytest.mark.parametrize("unit", [
    *_SPACES, ";", ".!?؟…۔; \u00a0\n", "A.\u00a0", "Mr.\u00a0", "U.S.\u00a0", ". ", "a. ", ".\"", "ب.",
    "met Mr.\u00a0Jo\u00a0", "x\tA. ",
])
def test_sentences_over_50000_characters_of_one_pattern(unit):
    """50,000 characters of one repeated pattern: the same spans as the reference (whose runs of end marks are
    short here, so it finishes; long ones are the test above), and every word inside some span."""
    text = (unit * (50_000 // len(unit) + 1))[:50_000]
    spans = sentences(text)
    assert spans == _reference_sentences(text)
    covered = sum(e - s for s, e in spans)
    assert covered >= len(text) - sum(c.isspace() for c in text)
