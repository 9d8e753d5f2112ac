"""The seed statement: exactly ten places, every mention found, quotes are the right sentences.

The table below was written by reading the statement word by word; each row is
one mention: the place, the word as written, and which occurrence of that word.
"""

from __future__ import annotations

import pytest

from geo import geoparse
from geo.text import sentences

SY, IQ, SA, US = "country:SY", "country:IQ", "country:SA", "country:US"
RIYADH, DAMASCUS, BAGHDAD = "geonames:108410", "geonames:170654", "geonames:98182"
HOL, ROJ, NES = "curated:al-hol-camp", "curated:roj-camp", "curated:northeast-syria"

# (place_id, word as written in the statement, occurrence of that word counting from 1)
EXPECTED: list[tuple[str, str, int]] = [
    (US, "الأمريكي", 1),
    (SY, "سوريا", 1),
    (SA, "السعودية", 1),
    (SA, "السعودية", 2),
    (RIYADH, "الرياض", 1),
    (SA, "السعودية", 3),
    (US, "الولايات المتحدة", 1),
    (SY, "سوريا", 2),
    (SA, "للمملكة", 1),
    (SY, "الجمهورية العربية السورية", 1),
    (NES, "شمال شرق سوريا", 1),
    (SY, "الحكومة السورية", 1),
    (IQ, "العراق", 1),
    (HOL, "الهول", 1),
    (ROJ, "روج", 1),
    (DAMASCUS, "دمشق", 1),
    (BAGHDAD, "بغداد", 1),
    (SY, "في سوريا", 1),
    (IQ, "والعراق،", 1),
    (SY, "الحكومة السورية", 2),
    (SY, "الحكومة السورية", 3),
    (SY, "للجهود السورية", 1),
    (IQ, "والعراقية", 1),
    (IQ, "بجهود العراق", 1),
    (SY, "بتولي سوريا", 1),
    (IQ, "من العراق", 1),
    (SY, "وسوريا.", 1),
    (IQ, "للعراق", 1),
    (IQ, "العراقية يُعد", 1),
    (IQ, "في العراق", 1),
    (SY, "وسوريا،", 1),
]
# Words that name a place inside an organisation's name: never a mention.
NOT_MENTIONS = ["قوات سوريا الديمقراطية"]


def _nth(text: str, word: str, n: int) -> tuple[int, int]:
    pos = -1
    for _ in range(n):
        pos = text.index(word, pos + 1)
    return pos, pos + len(word)


@pytest.fixture(scope="module")
def situation(seed_text, gaz):
    return geoparse(seed_text, gazetteer=gaz)


def test_exactly_the_ten_places(situation):
    assert {sp.place.place_id for sp in situation.places} == {p for p, _, _ in EXPECTED}
    assert len(situation.places) == 10


@pytest.mark.parametrize(("place_id", "word", "n"), EXPECTED, ids=[f"{p}-{w}-{n}" for p, w, n in EXPECTED])
def test_every_mention_found(situation, seed_text, place_id, word, n):
    ws, we = _nth(seed_text, word, n)
    hits = [m for m in situation.mentions if m.start < we and ws < m.end]
    assert [m.place_id for m in hits] == [place_id], f"{word!r} #{n}: {[(m.surface, m.place_id) for m in hits]}"


def test_no_extra_mentions(situation):
    from collections import Counter

    got = Counter(m.place_id for m in situation.mentions)
    want = Counter(p for p, _, _ in EXPECTED)
    assert got == want


@pytest.mark.parametrize("org", NOT_MENTIONS)
def test_organisation_is_not_syria(situation, seed_text, org):
    starts = [i for i in range(len(seed_text)) if seed_text.startswith(org, i)]
    assert len(starts) == 2
    for s in starts:
        assert not [m for m in situation.mentions if m.start < s + len(org) and s < m.end]


def test_offsets_round_trip(situation, seed_text):
    for m in situation.mentions:
        assert seed_text[m.start : m.end] == m.surface
        assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_quotes_are_exactly_the_sentences_that_mention_each_place(situation, seed_text):
    spans = sentences(seed_text)
    for sp in situation.places:
        quotes = sp.quotes(seed_text)
        expected_sentences = set()
        for pid, word, n in EXPECTED:
            if pid == sp.place.place_id:
                ws, _ = _nth(seed_text, word, n)
                s, e = next((s, e) for s, e in spans if s <= ws < e)
                expected_sentences.add(seed_text[s:e])
        assert {q.sentence for q in quotes} == expected_sentences
        for q in quotes:
            assert q.sentence[q.start - q.sentence_start : q.end - q.sentence_start] == q.surface


def test_kinds_and_layers(situation):
    kinds = {sp.place.place_id: sp.place.kind for sp in situation.places}
    assert kinds[SY] == kinds[IQ] == kinds[SA] == kinds[US] == "country"
    assert kinds[HOL] == kinds[ROJ] == "camp"
    assert kinds[NES] == "region"
    assert kinds[RIYADH] == kinds[DAMASCUS] == kinds[BAGHDAD] == "city"


def test_countries_are_polygons_with_a_point_inside(situation):
    from shapely.geometry import Point

    for sp in situation.places:
        p = sp.place
        if p.kind == "country":
            assert p.geometry is not None and p.geometry.geom_type in ("Polygon", "MultiPolygon")
            assert p.geometry.buffer(0.01).contains(Point(p.lon, p.lat))
