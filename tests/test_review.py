"""geo.review.apply on hand-made mentions: a newer parse that cuts spans differently, whole words, scopes,
what no longer fits; the corrections file checker."""

from __future__ import annotations

import pytest

from geo.errors import InputError
from geo.review import Correction, apply, parse_span, read_corrections_file, user_place
from geo.store import MentionOut, MentionRow, PlaceRow

TEXT = "Forces left Homs for Hama. Homs was quiet; Homsi traders stayed."
SHA = "a" * 64
HOMS = PlaceRow("geonames:169577", "Homs", "حمص", "city", "SY", 34.73, 36.72)
HAMA = PlaceRow("geonames:170017", "Hama", "حماة", "city", "SY", 35.13, 36.76)
LEB = PlaceRow("geonames:1", "Homs (Lebanon)", "", "town", "LB", 34.0, 35.9)


def mention(start: int, end: int, place: PlaceRow | None) -> MentionOut:
    return MentionOut(1, None, None, "en", MentionRow(start, end, TEXT[start:end], place.place_id if place else None,
                                                      0.9, "", "", 0, len(TEXT)), TEXT, place)


def parse() -> list[MentionOut]:
    return [mention(12, 16, HOMS), mention(21, 25, HAMA), mention(27, 31, HOMS)]


def corr(cid: int, action: str, scope: str = "mention", **kw) -> Correction:
    return Correction(cid, "ana", f"2026-01-0{cid}T00:00:00Z", scope, action,
                      None if scope == "everywhere" else SHA, **kw)


def places(res) -> list[tuple[int, str | None]]:
    return [(m.mention.start, m.mention.place_id) for m in res.mentions]


def test_choose_this_mention_only_or_every_mention_in_the_statement():
    one = apply(SHA, TEXT, parse(), [corr(1, "choose", start=12, end=16, span_text="Homs", new_place=LEB)])
    assert places(one) == [(12, LEB.place_id), (21, HAMA.place_id), (27, HOMS.place_id)]
    assert one.mentions[0].original_place_id == HOMS.place_id and one.mentions[0].corrected_by == "ana"
    every = apply(SHA, TEXT, parse(), [corr(1, "choose", "statement", start=12, end=16, span_text="Homs",
                                            new_place=LEB)])
    assert places(every) == [(12, LEB.place_id), (21, HAMA.place_id), (27, LEB.place_id)]


def test_a_newer_parse_with_other_offsets_still_meets_the_correction():
    newer = [mention(5, 16, HOMS), mention(21, 25, HAMA)]  # "left Homs" taken as one span by a new parser
    res = apply(SHA, TEXT, newer, [corr(1, "choose", start=12, end=16, span_text="Homs", new_place=LEB)])
    assert places(res) == [(5, LEB.place_id), (21, HAMA.place_id)] and res.unfit == ()


def test_what_no_longer_fits_is_listed_and_rules_wait_quietly():
    gone = [mention(21, 25, HAMA)]
    cs = [corr(1, "reject", old_place_id=HOMS.place_id, span_text="Homs", start=12, end=16),
          corr(2, "add", start=0, end=6, span_text="Forcez", new_place=HAMA),
          corr(3, "choose", "everywhere", span_text="Aleppo", new_place=HAMA)]
    res = apply(SHA, TEXT, gone, cs)
    assert [(u.correction.id, u.reason) for u in res.unfit] == [
        (1, "the parse no longer gives “Homs” as geonames:169577"), (2, "the text has no “Forcez”")]
    assert places(res) == [(21, HAMA.place_id)]


def test_add_takes_whole_words_only_and_replaces_an_overlapping_mention():
    res = apply(SHA, TEXT, parse(), [corr(1, "add", "statement", start=12, end=16, span_text="Homs", new_place=LEB)])
    # "Homsi" is another word: two additions, not three.
    assert places(res) == [(12, LEB.place_id), (21, HAMA.place_id), (27, LEB.place_id)]
    assert all(m.original_place_id is None for m in res.mentions if m.corrected_by)
    other = apply("b" * 64, TEXT, parse(), [corr(1, "reject", old_place_id=HOMS.place_id)])
    assert places(other) == places(apply(SHA, TEXT, parse(), []))  # another statement's correction: no effect


def test_review_marks_every_mention_and_later_corrections_win():
    cs = [corr(1, "choose", start=12, end=16, span_text="Homs", new_place=LEB),
          corr(2, "choose", start=12, end=16, span_text="Homs", new_place=HAMA), corr(3, "review", "statement")]
    res = apply(SHA, TEXT, parse(), cs)
    assert res.reviewed and all(m.reviewed for m in res.mentions)
    assert res.mentions[0].mention.place_id == HAMA.place_id
    assert res.mentions[0].original_place_id == HOMS.place_id  # the parser's, not the first correction's


@pytest.mark.parametrize("value, message", [("3", "not a span"), ("5:2", "START must be below"),
                                            ("0:999", "outside"), ("4:5", "only whitespace")])
def test_parse_span_messages(value, message):
    with pytest.raises(InputError, match=message):
        parse_span(value, "Homs and Hama")


def test_user_place_and_file_checks():
    assert user_place(34.5, 36.5, "Our camp").place_id == "user:our-camp@34.50000,36.50000"
    with pytest.raises(InputError, match="needs a name"):
        user_place(1, 1, " ")
    with pytest.raises(InputError, match="not a corrections file"):
        read_corrections_file({"corrections": []})
    row = {"statement_sha256": SHA, "scope": "mention", "action": "choose", "span_text": "Homs",
           "new_place_id": "x", "author": "a", "created_at": "t", "start": "12"}
    with pytest.raises(InputError, match="start must be a number"):
        read_corrections_file({"format": "geo-situation-map corrections", "version": 1, "corrections": [row]})
