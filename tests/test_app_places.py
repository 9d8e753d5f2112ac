"""The user's own places file in the dashboard (AppTest): found in every statement, bad files refused
with a message that keeps what was in use, removing the file removes its places."""

from __future__ import annotations

import json

from streamlit.testing.v1 import AppTest
from test_app import app, caption, errors, paste, place_ids, place_names  # noqa: F401

SHELTER = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [38.95, 36.69]},
           "properties": {"id": "nour-shelter", "name": "Nour Shelter", "name_ar": "مأوى النور",
                          "kind": "facility", "country_code": "SY"}}
TEXT = "Families from Raqqa reached the Nour Shelter on Monday."


def places_file(*features: dict) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode("utf-8")


def upload_places(at: AppTest, name: str, data: bytes) -> None:
    generation = at.session_state["places_generation"] if "places_generation" in at.session_state else 0
    key = f"places_upload_{generation}"  # the app empties the uploader by giving it a new key
    at.file_uploader(key=key).upload(name, data, "application/geo+json").run()
    assert not at.exception, at.exception


def test_a_places_file_adds_its_places_to_every_statement(app):
    paste(app, TEXT)
    assert "user:nour-shelter" not in place_ids(app)
    upload_places(app, "my places.geojson", places_file(SHELTER))
    assert "user:nour-shelter" in place_ids(app) and "Nour Shelter" in place_names(app)  # the statement shown
    assert any("my-places.geojson: 1 new place in use" in c.value.replace("\\", "") for c in app.sidebar.caption)
    paste(app, "وصلت العائلات إلى مأوى النور قرب الرقة.")  # and the next one, in Arabic
    assert "user:nour-shelter" in place_ids(app)
    assert not errors(app)


def test_a_bad_places_file_is_refused_and_the_places_in_use_stay(app):
    paste(app, TEXT)
    upload_places(app, "good.geojson", places_file(SHELTER))
    before = place_ids(app)
    bad = {**SHELTER, "properties": {**SHELTER["properties"], "id": "x", "kind": "<img src=x onerror=alert(1)>"}}
    upload_places(app, "bad.geojson", places_file(bad))
    (message,) = errors(app)
    assert "Your places" in message and "bad.geojson" in message and "needs properties" in message
    assert place_ids(app) == before and "user:nour-shelter" in before
    upload_places(app, "broken.geojson", b"{not json")
    assert "is not a GeoJSON FeatureCollection" in errors(app)[0]
    assert place_ids(app) == before


def test_stop_using_the_places_removes_them_and_empties_the_uploader(app):
    paste(app, TEXT)
    upload_places(app, "good.geojson", places_file(SHELTER))
    assert "user:nour-shelter" in place_ids(app)
    # Clearing the uploader alone keeps them: the browser reports None while one file replaces another.
    app.file_uploader(key="places_upload_0").clear().run()
    assert "user:nour-shelter" in place_ids(app)
    app.button(key="places_clear").click().run()
    assert not app.exception
    assert "user:nour-shelter" not in place_ids(app) and "Pasted text" in caption(app)
    assert not [b for b in app.sidebar.button if b.key == "places_clear"]
    upload_places(app, "good.geojson", places_file(SHELTER))  # and a file can be loaded again
    assert "user:nour-shelter" in place_ids(app)


def _point(pid: str, name: str, kind: str, **props) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.6, 35.7]},
            "properties": {"id": pid, "name": name, "kind": kind, **props}}


def test_the_places_files_warnings_are_shown_and_the_statement_is_as_before(app):
    """Gazetteer.warnings (an everyday-word name read only after a cue, a known id replaced) reach the user in
    the dashboard as they do on the command line (issue 14); the places found do not change."""
    paste(app, "We hope for peace. الأمل كبير. Families fled Raqqa for Damascus.")
    before = place_ids(app)
    upload_places(app, "hope.geojson", places_file(_point("h", "Hope", "camp", name_ar="أمل", country_code="SY")))
    assert not errors(app) and place_ids(app) == before
    (warning,) = [w.value.replace("\\", "") for w in app.sidebar.warning]
    assert "hope.geojson" in warning and "'Hope'" in warning and "'أمل'" in warning
    assert warning.count("is also an everyday word") == 2
    # A file that reuses a known id: the replacement is said, and the place is still found.
    upload_places(app, "mine.geojson", places_file(_point("country:SY", "Syria", "camp")))
    (warning,) = [w.value.replace("\\", "") for w in app.sidebar.warning]
    assert "mine.geojson: place 'country:SY' replaces the country Syria (same id)" in warning
    # A file without anything to say shows no warning.
    upload_places(app, "good.geojson", places_file(SHELTER))
    assert not app.sidebar.warning and "user:nour-shelter" not in place_ids(app)


def test_a_places_file_naming_the_or_min_is_refused_and_nothing_changes(app):
    paste(app, TEXT)
    upload_places(app, "good.geojson", places_file(SHELTER))
    before = place_ids(app)
    for name in ("the", "من"):
        upload_places(app, "words.geojson", places_file(_point("w", name, "region")))
        (message,) = errors(app)
        assert "words.geojson" in message and "everyday" in message and repr(name) in message.replace("\\", "")
        assert place_ids(app) == before and not app.sidebar.warning
