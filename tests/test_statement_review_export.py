"""The Statement view's downloads carry the review fields (issue 11): `reviewed`, `corrected_by`, `corrected_at`,
`original_place_id` of each place (GeoJSON, CSV per place) and mention (CSV per mention), with the values the
collection's exports give the same statement and corrections: both come from geo.export."""

from __future__ import annotations

import csv
import io
import json

from geo import geoparse
from geo.collection import add_situation, reviewed_view
from geo.export import (
    REVIEW_FIELDS,
    collection_csv,
    collection_feature_collection,
    review_index,
    reviewed_feature_collection,
)
from geo.report import mentions_csv, places_csv
from geo.review import apply_to_situation, correction_from_row
from geo.store import open_store, text_sha256
from geo.validate import validate_feature_collection

JAN = "Baghdad, 12 January 2026 — Officials met in Baghdad and then in Erbil."
BAGHDAD, ERBIL = "geonames:98182", "geonames:95446"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _both(gaz, tmp_path, *corrections: dict):
    """The statement view's files and the store's, for the statement JAN with ``corrections``."""
    situation = geoparse(JAN, gazetteer=gaz)
    with open_store(tmp_path / "c.db") as store:
        sid = add_situation(store, situation).id
        for c in corrections:
            store.add_correction(author="ana", statement_sha256=text_sha256(JAN), **c)
        rows = store.corrections()
        view = reviewed_view(store)
        stored = collection_feature_collection(view.summaries, view.mentions)
        stored_csv = collection_csv(view.mentions)
    shown, applied = apply_to_situation(situation, [correction_from_row(r) for r in rows], gaz.get)
    return sid, shown, review_index(applied.mentions), stored, stored_csv


def test_the_statement_downloads_carry_the_review_fields_as_the_store_export_does(gaz, tmp_path):
    place = gaz.get(BAGHDAD)
    from geo.collection import place_row

    start = JAN.index("Erbil")
    _sid, shown, review, stored, stored_csv = _both(
        gaz, tmp_path, {"scope": "mention", "action": "choose", "start": start, "end": start + 5,
                        "span_text": "Erbil", "old_place_id": ERBIL, "place": place_row(place)})
    fc = reviewed_feature_collection(shown, review)
    assert validate_feature_collection(fc) == []
    mine = {f["properties"]["place_id"]: f["properties"] for f in fc["features"]}
    theirs = {f["properties"]["place_id"]: f["properties"] for f in stored["features"]}
    assert set(mine) == set(theirs) == {BAGHDAD}  # Erbil was chosen away
    assert list(mine[BAGHDAD])[-5:] == [*REVIEW_FIELDS, "quotes"]  # before the quotes, as the store has them
    assert {k: mine[BAGHDAD][k] for k in REVIEW_FIELDS} == {k: theirs[BAGHDAD][k] for k in REVIEW_FIELDS}
    assert (mine[BAGHDAD]["reviewed"], mine[BAGHDAD]["corrected_by"], mine[BAGHDAD]["original_place_id"]) == (
        False, "ana", ERBIL)  # two of its three mentions are the parser's, unreviewed
    # The CSVs: per place, and per mention with the same values as the store's CSV for the same spans.
    (row,) = _rows(places_csv(shown, review))
    assert (row["place_id"], row["reviewed"], row["corrected_by"], row["original_place_id"]) == (
        BAGHDAD, "False", "ana", ERBIL) and row["corrected_at"] == mine[BAGHDAD]["corrected_at"]
    per_mention = {(r["start"], r["end"]): r for r in _rows(mentions_csv(shown, review))}
    stored_rows = {(r["start"], r["end"]): r for r in _rows(stored_csv.lstrip("\ufeff"))}
    assert set(per_mention) == set(stored_rows) and len(per_mention) == 3
    for span, r in per_mention.items():
        assert {k: r[k] for k in REVIEW_FIELDS} == {k: stored_rows[span][k] for k in REVIEW_FIELDS}, span
    assert per_mention[(str(start), str(start + 5))]["corrected_by"] == "ana"
    # Without a review index the files are as before (the library's own CSVs have no review columns).
    assert "reviewed" not in _rows(places_csv(shown))[0]


def test_a_statement_marked_reviewed_is_reviewed_in_every_place_and_mention(gaz, tmp_path):
    _sid, shown, review, stored, _ = _both(gaz, tmp_path, {"scope": "statement", "action": "review"})
    fc = reviewed_feature_collection(shown, review)
    assert all(f["properties"]["reviewed"] is True and f["properties"]["corrected_by"] is None
               for f in fc["features"])
    assert [f["properties"]["reviewed"] for f in stored["features"]] == [True] * len(stored["features"])
    assert {r["reviewed"] for r in _rows(mentions_csv(shown, review))} == {"True"}
    assert json.loads(json.dumps(fc, ensure_ascii=False)) == fc
