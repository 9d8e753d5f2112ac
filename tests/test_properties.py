"""Property-based tests over the whole pipeline on random and adversarial text.

No exception; every mention's offsets round-trip; output is deterministic; the
GeoJSON is valid RFC 7946; the input string is left as it was.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import geoparse
from geo.extract import _tanween_words
from geo.text import _PROCLITICS, _WITH_ARTICLE, _tables, _translate, fold, strip_proclitics

# Pieces that stress the folding and matching: names with clitics, marks, controls, ligatures.
PIECES = [
    "سوريا", "والعراق", "للعراق", "بدمشق", "مخيمي الهول وروج", "شمال شرق سوريا", "قوات سوريا الديمقراطية",
    "السورية", "الرياض", "Baghdad", "the al-Hol and Roj camps", "U.S.", "Syrian Democratic Forces",
    "Tripoli", "Damascus, Maryland", "\u064e", "\u0640", "\u200f", "\u202e", "\u2066", "\u200d", "\u200c",
    "ﻻ", "ﺩﻣﺸﻖ", "ی", "ک", "٢٠٢٦", "İ", "ß", "<script>", "`", "${x}", " ", "\n", "،", ".", "?", "؟",
    "مخيم", "camp", "Jeddah 5 camp", "مخيم العريشة",
]
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=40).map("".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(text=TEXT)
def test_offsets_round_trip_and_no_exception(gaz, text):
    before = copy.copy(text)
    s = geoparse(text, gazetteer=gaz)
    assert text == before
    for m in s.mentions:
        assert text[m.start : m.end] == m.surface
        assert m.surface.strip()
        assert 0 <= m.sentence_start <= m.start < m.end <= m.sentence_end <= len(text)
        assert 0.0 <= m.confidence <= 1.0


@SETTINGS
@given(text=TEXT)
def test_deterministic(gaz, text):
    a = geoparse(text, gazetteer=gaz).to_geojson()
    b = geoparse(text, gazetteer=gaz).to_geojson()
    assert a == b


@SETTINGS
@given(text=TEXT)
def test_geojson_valid(gaz, text):
    from geo.validate import validate_feature_collection

    fc = geoparse(text, gazetteer=gaz).to_geojson()
    assert validate_feature_collection(fc) == []


# Folding replaces characters one kind at a time (fast on real text); it must equal one
# str.translate pass, including characters whose replacement is itself folded (Ǿ → Ø, Ø → O).
_FOLDED_CHARS = "".join(chr(c) for c in sorted(_tables()[0]))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(_FOLDED_CHARS + "abc ØǾøǿ أإآىة،"), max_size=60) | TEXT)
def test_fast_translate_equals_str_translate(text):
    assert _translate(text) == text.translate(_tables()[0])


def _strip_proclitics_reference(token):
    # The plain reading of the rule: every prefix in order, longest first.
    out = []
    for p in _PROCLITICS:
        if token.startswith(p) and len(token) - len(p) >= 2:
            if p in _WITH_ARTICLE:
                out.append((len(p) - 2, "ال" + token[len(p):]))
            out.append((len(p), token[len(p):]))
    return tuple(out)


@given(st.text(alphabet="وفبكلالعراقدمشقم", min_size=0, max_size=9))
@settings(max_examples=400, deadline=None)
def test_strip_proclitics_by_first_letter_equals_the_plain_rule(token):
    assert strip_proclitics(token) == _strip_proclitics_reference(token)


_MARKED_WORD = "[\\w\u064b-\u065f\u0640]"


@given(st.text(alphabet="بيراجدو \n\t،(«\u064b\u064c\u064d\u0651\u0640a1", max_size=80))
@settings(max_examples=400, deadline=None)
def test_tanween_words_equal_a_regex_over_every_word(text):
    import re

    every_word = re.findall(f"(?<!{_MARKED_WORD}){_MARKED_WORD}*[\u064b-\u064d]{_MARKED_WORD}*", text)
    assert _tanween_words(text) == frozenset(fold(w).text for w in every_word)


def test_fold_offsets_are_identity_when_nothing_is_deleted():
    f = fold("Ǿslo, «Ḑamascus» – ØRJAN")
    assert f.runs_f == (0,) and len(f.text) == len(f.original)
    assert f.text == "øslo, «damascus» - orjan"
    assert fold("Hồ Chí Minh").text == "ho chi minh"
