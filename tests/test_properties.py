"""Property-based tests over the whole pipeline on random and adversarial text.

No exception; every mention's offsets round-trip; output is deterministic; the
GeoJSON is valid RFC 7946; the input string is left as it was.
"""

from __future__ import annotations

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import geoparse

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
