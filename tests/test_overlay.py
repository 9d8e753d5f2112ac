"""User places files laid over the shared gazetteer: copy-on-write layers, one read per file."""

from __future__ import annotations

import gc
import json
import pickle
import tracemalloc
from pathlib import Path

import pytest

from geo import InputError, geoparse, load_gazetteer


def _point(pid: str, name: str, lon: float, lat: float, **props: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": pid, "name": name, "kind": "facility", "country_code": "SY", **props}}


def _write(path: Path, *features: dict[str, object]) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", "features": list(features)}), encoding="utf-8")
    return path


def test_overlay_memory_grows_with_the_file_not_the_gazetteer(tmp_path, gaz):
    warm = _write(tmp_path / "warm.geojson", _point("clinic-0", "Clinic Zero", 36.0, 35.0))
    f = _write(tmp_path / "one.geojson", _point("clinic-9", "Clinic Nine", 36.1, 35.1))
    # Warm-ups that are not the overlay's own: the base's id table (built once per process and shared
    # by every overlay) and wordfreq's word lists (read once, for the commonness of new names).
    gaz.index_of("country:SY")
    gaz.with_places([warm])
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        overlay = gaz.with_places([f])
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert overlay.get("user:clinic-9").name == "Clinic Nine"
    # A copy of the ~450k-name index alone is tens of megabytes (41 MB before the layers); a layer is kilobytes.
    assert grown < 2_000_000, f"an overlay of a one-place file allocated {grown / 1e6:.1f} MB"


def test_overlay_leaves_the_base_unchanged_and_overrides_by_id(tmp_path, gaz):
    before = (len(gaz), repr(gaz), gaz.get("geonames:98182"), gaz.refs(("clinic", "nine")))
    f = _write(tmp_path / "mine.geojson",
               _point("clinic-9", "Clinic Nine", 36.1, 35.1, name_ar="عيادة تسعة"),
               # A GeoNames id redefined by the user: same storage index, the user's values.
               {"type": "Feature", "geometry": {"type": "Point", "coordinates": [44.4, 33.3]},
                "properties": {"id": "geonames:98182", "name": "Baghdad", "kind": "city", "country_code": "IQ",
                               "source": "our field team"}})
    overlay = gaz.with_places([f])
    assert len(overlay) == len(gaz) + 1
    assert overlay.index_of("geonames:98182") == gaz.index_of("geonames:98182")
    assert overlay.get("geonames:98182").source == "our field team"
    assert overlay.latlon(gaz.index_of("geonames:98182")) == (33.3, 44.4)
    assert [p.place_id for p in overlay.search("Clinic Nine")] == ["user:clinic-9"]
    assert "user:clinic-9" in {p.place_id for p in overlay.places_in(["facility"])}
    assert [m.place_id for m in geoparse("وصلت الإمدادات إلى عيادة تسعة", gazetteer=overlay).mentions] == [
        "user:clinic-9"]
    assert (len(gaz), repr(gaz), gaz.get("geonames:98182"), gaz.refs(("clinic", "nine"))) == before
    assert gaz.get("geonames:98182").source != "our field team"


def test_overlay_of_an_overlay_and_pickling(tmp_path, gaz):
    a = _write(tmp_path / "a.geojson", _point("clinic-a", "Clinic Alef", 36.0, 35.0))
    b = _write(tmp_path / "b.geojson", _point("clinic-b", "Clinic Bet", 36.2, 35.2),
               _point("clinic-a", "Clinic Alef", 36.3, 35.3, source="moved"))
    text = "Supplies reached Clinic Alef and Clinic Bet, then Damascus."

    def rows(g):
        return [(m.surface, m.place_id, m.confidence, m.reason) for m in geoparse(text, gazetteer=g).mentions]

    both = gaz.with_places([a, b])
    stacked = gaz.with_places([a]).with_places([b])
    assert rows(stacked) == rows(both)
    assert {"user:clinic-a", "user:clinic-b"} <= {r[1] for r in rows(both)}
    assert stacked.get("user:clinic-a").source == both.get("user:clinic-a").source == "moved"
    assert len(stacked) == len(both) == len(gaz) + 2
    copy = pickle.loads(pickle.dumps(both))
    assert rows(copy) == rows(both) and repr(copy) == repr(both)


def test_places_file_is_read_once_and_checked_before_the_base_loads(tmp_path, monkeypatch):
    import geo.gazetteer as gz

    reads: list[Path] = []
    real = gz._read_places_file
    monkeypatch.setattr(gz, "_read_places_file", lambda p: reads.append(p) or real(p))
    f = _write(tmp_path / "once.geojson", _point("clinic-1", "Clinic One", 36.0, 35.0))
    load_gazetteer(extra_places=[f])
    load_gazetteer(extra_places=[f])  # unchanged file: the in-memory overlay is reused
    assert reads == [f.resolve()]

    def no_base(cache_dir: str) -> None:
        raise AssertionError("the base gazetteer was loaded before the places file was checked")

    monkeypatch.setattr(gz, "_load_cached", no_base)
    cache = tmp_path / "cache"
    bad_feature = _write(tmp_path / "bad.geojson", {"type": "Feature", "properties": {"id": "x", "name": "X"}})
    with pytest.raises(InputError, match=r"feature #0 of .*bad\.geojson.* needs properties 'id', 'name' and 'kind'"):
        load_gazetteer(extra_places=[bad_feature], cache_dir=cache)
    not_a_feature = _write(tmp_path / "list.geojson", ["not", "a", "feature"])
    with pytest.raises(InputError, match="needs properties"):
        load_gazetteer(extra_places=[not_a_feature], cache_dir=cache)
    with pytest.raises(InputError, match="does not exist"):
        load_gazetteer(extra_places=[tmp_path / "gone.geojson"], cache_dir=cache)


# -- places given as data (an upload in the dashboard) ---------------------------------------------------
def _fc(*features: dict[str, object]) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)})


def test_places_given_as_bytes_are_found_like_a_file(gaz):
    data = _fc(_point("tal-abyad-school", "Tal Abyad School Shelter", 38.95, 36.69,
                      name_ar="مدرسة تل أبيض", aliases_en="Nour Shelter")).encode("utf-8-sig")
    layered = gaz.with_places_geojson(data, name="my-places.geojson")
    text = "Families moved to the Nour Shelter; others reached مدرسة تل أبيض."
    got = [(m.surface, m.place_id) for m in geoparse(text, gazetteer=layered).mentions]
    assert ("Nour Shelter", "user:tal-abyad-school") in got  # one alias written as a string, not a list
    assert ("مدرسة تل أبيض", "user:tal-abyad-school") in got
    assert layered.get("user:tal-abyad-school").source == "my-places.geojson"
    with pytest.raises(LookupError):
        gaz.get("user:tal-abyad-school")  # the shared gazetteer is unchanged


@pytest.mark.parametrize(("data", "message"), [
    (b"\xff\xfe\x00garbage", r"'up\.geojson' is not UTF-8 text"),
    ("{not json", r"'up\.geojson' is not a GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection"}', r"is not a GeoJSON FeatureCollection"),
    ('{"type": "FeatureCollection", "features": {}}', r"'features' is not a list"),
    (_fc(_point("a", 42, 36.0, 35.0)), r"feature #0 of 'up\.geojson' needs properties 'id', 'name' and 'kind'"),
    (_fc(_point("a", "A", 36.0, 35.0, kind="castle")), r"needs properties 'id', 'name' and 'kind' \(one of"),
    (_fc(_point("a", "A", 36.0, 35.0, aliases_en=[1, 2])), r"'aliases_en' must be a list of names"),
    (_fc(_point("a", "A", 36.0, 35.0, name_ar=["x"])), r"'name_ar' must be a string"),
    (_fc(_point("a", "A", 36.0, 135.0)), r"outside the world; GeoJSON positions are \[longitude, latitude\]"),
    (_fc({"type": "Feature", "geometry": None, "properties": {"id": "a", "name": "A", "kind": "town"}}),
     r"feature 'a' of 'up\.geojson' has an invalid geometry"),
    (_fc({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []},
          "properties": {"id": "a", "name": "A", "kind": "region"}}), r"has an invalid geometry"),
])
def test_bad_places_data_is_refused_with_a_message(gaz, data, message):
    with pytest.raises(InputError, match=message):
        gaz.with_places_geojson(data, name="up.geojson")
