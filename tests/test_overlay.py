"""User places files laid over the shared gazetteer: copy-on-write layers, one read per file."""

from __future__ import annotations

import gc
import json
import pickle
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    import geo.gazetteer.cache as cache_module
    import geo.gazetteer.layers as layers

    reads: list[Path] = []
    real = layers._read_places_file
    monkeypatch.setattr(layers, "_read_places_file", lambda p: reads.append(p) or real(p))
    f = _write(tmp_path / "once.geojson", _point("clinic-1", "Clinic One", 36.0, 35.0))
    load_gazetteer(extra_places=[f])
    load_gazetteer(extra_places=[f])  # unchanged file: the in-memory overlay is reused
    assert reads == [f.resolve()]

    def no_base(cache_dir: str) -> None:
        raise AssertionError("the base gazetteer was loaded before the places file was checked")

    monkeypatch.setattr(cache_module, "_load_cached", no_base)
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
    (_fc(_point("a", "A", 36.0, 135.0)), r"latitude 135\.0 is outside \[-90, 90\] \(is the position \[lat, lon\]\?\)"),
    (_fc({"type": "Feature", "geometry": None, "properties": {"id": "a", "name": "A", "kind": "town"}}),
     r"feature #0 \(id 'a'\) of 'up\.geojson' has an invalid geometry"),
    (_fc({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []},
          "properties": {"id": "a", "name": "A", "kind": "region"}}), r"has an invalid geometry"),
])
def test_bad_places_data_is_refused_with_a_message(gaz, data, message):
    with pytest.raises(InputError, match=message):
        gaz.with_places_geojson(data, name="up.geojson")


# -- places files are read in bounded time and checked field by field (issue 14) -------------------------------
def _feature(geometry: object, **props: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": geometry,
            "properties": {"id": "x", "name": "Clinic Nine", "kind": "facility", **props}}


def _polygon(ring: list[list[float]]) -> dict[str, object]:
    return {"type": "Polygon", "coordinates": [ring]}


def _zigzag(n: int) -> list[list[float]]:
    """A ring of ``n`` positions around a circle whose last two positions are swapped: one self-crossing."""
    import math

    ring = [[36 + math.cos(2 * math.pi * k / n), 33 + math.sin(2 * math.pi * k / n)] for k in range(n)]
    ring[-2], ring[-3] = ring[-3], ring[-2]
    return [*ring, ring[0]]


@pytest.mark.parametrize(("data", "message"), [
    ("[" * 100_000 + "]" * 100_000, r"'up\.geojson' nests arrays or objects more than 64 deep"),
    ('{"a":' * 100_000 + "1" + "}" * 100_000, r"nests arrays or objects more than 64 deep"),
    # A GeometryCollection inside GeometryCollections: the checks that recurse never get near Python's limit.
    (_fc(_feature(json.loads('{"type": "GeometryCollection", "geometries": [' * 70 + "]}" * 70))),
     r"more than 64 deep"),
    (_fc(_feature(_polygon([[36, 33], [37, 33], [float("inf"), 34], [36, 33]]))),
     r"feature #0 \(id 'x'\) of 'up\.geojson' has an invalid geometry: geometry\.coordinates\[0\]\[2\]: "
     r"coordinates must be finite numbers, got \[inf, 34\]"),
    (_fc(_feature({"type": "Point", "coordinates": [float("nan"), 33]})), r"must be finite numbers, got \[nan, 33\]"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": '
     '[1e400, 33]}, "properties": {"id": "x", "name": "Clinic Nine", "kind": "facility"}}]}', r"must be finite"),
    (_fc(_feature({"type": "Point", "coordinates": [400, 33]})),
     r"feature #0 \(id 'x'\).*longitude 400 is outside \[-180, 180\]"),
    (_fc(_feature(_polygon([[36, 33], [37, 33], [37, -91], [36, 33]]))), r"latitude -91 is outside \[-90, 90\]"),
    (_fc(_feature({"type": "Point", "coordinates": [True, False]})), r"a position must be \[lon, lat\]"),
    (_fc(_feature({"type": "Point", "coordinates": ["36", "33"]})), r"a position must be \[lon, lat\]"),
    (_fc(_feature(_polygon([[36, 33], [37, 33], [36, 33]]))), r"the exterior ring has 3 positions"),
    (_fc(_feature(_polygon([[36, 33], [37, 33], [37, 34], [36, 34]]))), r"the exterior ring is not closed"),
    (_fc(_feature({"type": "LineString", "coordinates": [[36, 33]]})), r"a LineString needs 2 or more positions"),
    (_fc(_feature({"type": "Circle", "coordinates": [36, 33]})), r"'type' is 'Circle'; valid geometry types"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, id={"x": 1})),
     r"feature #0 of 'up\.geojson': 'id' must be a string, got dict"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, id=["x"])), r"'id' must be a string, got list"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, id=7)),
     r"'id' must be a string, got int 7; write it as \"7\""),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, id=True)), r"'id' must be a string, got bool"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, id="x\ny")), r"'id' must be at most 200 printable"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}), _feature({"type": "Point", "coordinates": [37, 34]})),
     r"feature #1 \(id 'x'\) of 'up\.geojson': id 'user:x' is also the id of feature #0"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}),
         _feature({"type": "Point", "coordinates": [37, 34]}, id="user:x")), r"is also the id of feature #0"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, population=-5)), r"'population' must be a whole number"),
    (_fc(_feature({"type": "Point", "coordinates": [36, 33]}, population=1.5)), r"'population' must be a whole number"),
    (_fc("not a feature"), r"feature #0 of 'up\.geojson' must be a GeoJSON Feature object, got str"),
    ("[1, 2]", r"is not a GeoJSON FeatureCollection: a JSON list"),
])
def test_places_data_is_checked_field_by_field(gaz, data, message):
    with pytest.raises(InputError, match=message):
        gaz.with_places_geojson(data, name="up.geojson")


def test_a_bracket_inside_a_string_is_not_nesting(gaz):
    name = "Clinic " + "[" * 500 + "Nine" + "]" * 500
    layered = gaz.with_places_geojson(_fc(_feature({"type": "Point", "coordinates": [36, 33]}, name=name)))
    assert layered.get("user:x").name == name


def test_a_places_file_over_the_size_limit_is_refused_before_parsing(tmp_path, gaz):
    from geo.placesfile import MAX_PLACES_BYTES

    big = tmp_path / "big.geojson"
    big.write_bytes(b" " * (MAX_PLACES_BYTES + 1))
    with pytest.raises(InputError, match=r"big\.geojson.* is larger than 20 MB \(the limit for a places file\)"):
        gaz.with_places([big])
    with pytest.raises(InputError, match=r"'up\.geojson' is larger than 20 MB"):
        gaz.with_places_geojson(b" " * (MAX_PLACES_BYTES + 1), name="up.geojson")


def test_a_self_crossing_polygon_is_refused_quickly_by_its_vertex_count(gaz):
    """200,000 positions: refused on the count, before shapely (make_valid took 39 s and 1.47 GB on this)."""
    with pytest.raises(InputError, match=r"feature #0 \(id 'x'\).*has 200,001 positions; the limit is 100,000"):
        gaz.with_places_geojson(_fc(_feature(_polygon(_zigzag(200_000)))), name="up.geojson")


def test_an_invalid_polygon_too_large_to_repair_is_refused_with_where_it_crosses(gaz):
    with pytest.raises(InputError, match=r"feature #0 \(id 'x'\) of 'up\.geojson' has an invalid geometry: "
                                         r"Self-intersection\[.*with 50,001 positions it is too large to repair"):
        gaz.with_places_geojson(_fc(_feature(_polygon(_zigzag(50_000)))), name="up.geojson")


def test_a_small_self_crossing_polygon_is_repaired(gaz):
    import shapely
    from shapely.geometry import Point

    bow_tie = [[36, 33], [40, 35], [40, 33], [36, 34], [36, 33]]  # its two edges from the left cross
    assert not shapely.Polygon(bow_tie).is_valid
    layered = gaz.with_places_geojson(_fc(_feature(_polygon(bow_tie), kind="region")), name="up.geojson")
    place = layered.get("user:x")
    assert place.geometry.is_valid and place.geometry.geom_type == "MultiPolygon"  # the two triangles
    assert place.geometry.area == pytest.approx(8 / 3 + 2 / 3)  # both lobes kept (buffer(0) would drop one)
    assert place.geometry.contains(Point(place.lon, place.lat))


def test_a_file_with_more_than_a_million_positions_is_refused(gaz):
    many = {"type": "MultiPoint", "coordinates": [[36, 33]] * 95_000}
    features = [_feature(many, id=f"p{k}") for k in range(11)]
    with pytest.raises(InputError, match=r"feature #10 \(id 'p10'\).*more than 1,000,000 positions in all"):
        gaz.with_places_geojson(_fc(*features), name="up.geojson")


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-500, 500) | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from(["Point", "Polygon", "MultiPolygon", "LineString", "GeometryCollection", "x"]),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["type", "coordinates", "geometries", "id"]), inner, max_size=3),
    max_leaves=30,
)
_GEOMETRIES = st.one_of(
    _JSON_VALUES,
    st.builds(lambda t, c: {"type": t, "coordinates": c},
              st.sampled_from(["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]),
              _JSON_VALUES),
    st.builds(lambda ring: _polygon(ring), st.lists(st.lists(st.floats(-200, 200), min_size=2, max_size=2),
                                                    max_size=12)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(geometry=_GEOMETRIES, pid=_JSON_VALUES | st.text(max_size=5))
def test_any_geometry_or_id_gives_a_place_or_an_input_error(gaz, geometry, pid):
    """Never a GEOSException, TypeError or RecursionError: a place, or a message naming the feature."""
    data = json.dumps({"type": "FeatureCollection", "features": [_feature(geometry, id=pid)]})
    try:
        layered = gaz.with_places_geojson(data, name="up.geojson")
    except InputError as exc:
        assert "feature #0" in str(exc) and "'up.geojson'" in str(exc)
        return
    place = layered.get(pid if ":" in pid else f"user:{pid.strip()}")
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


# -- your places are found like the gazetteer's own; a reused id replaces, and says so -----------------------
def _place(pid: str, name: str, kind: str, lon: float, lat: float, **props: object) -> dict[str, object]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": pid, "name": name, "kind": kind, **props}}


def _mentions(text: str, gazetteer) -> list[tuple[str, str | None, str]]:
    return [(m.surface, m.place_id, m.reason) for m in geoparse(text, gazetteer=gazetteer).mentions]


@pytest.mark.parametrize("kind", ["city", "town"])
def test_a_city_or_town_of_yours_is_found_without_a_cue_word(gaz, kind):
    layered = gaz.with_places_geojson(_fc(
        _place("qasr", "Qasr Jabal", kind, 36.5, 35.6, name_ar="قصر الجبل"),
        _place("nimra", "Nimrawiya", kind, 36.6, 35.7)), name="mine.geojson")
    got = _mentions("Shelling hit Qasr Jabal at dawn; families fled to Nimrawiya. ووصل الجرحى إلى قصر الجبل.", layered)
    assert [(s, p) for s, p, _ in got] == [("Qasr Jabal", "user:qasr"), ("Nimrawiya", "user:nimra"),
                                           ("قصر الجبل", "user:qasr")]
    assert all(r.startswith(f"{kind} from your places file 'mine.geojson'") for _, _, r in got)
    # Before: found only after a cue ("the town of Qasr Jabal"), as a hamlet of 10,000 would be.
    assert not _mentions("Shelling hit Qasr Jabal at dawn.", gaz)


def test_a_population_given_in_the_file_is_used(gaz):
    layered = gaz.with_places_geojson(_fc(_place("h", "Nimrawiya", "town", 36.6, 35.7, population=800)))
    assert layered.get("user:h").population == 800
    assert not _mentions("Shelling hit Nimrawiya at dawn.", layered)  # a hamlet of 800 needs context, like GeoNames'


def test_a_known_id_reused_replaces_the_place_and_the_reason_says_so(gaz):
    layered = gaz.with_places_geojson(_fc(
        _place("geonames:98182", "Baghdad", "city", 44.40, 33.30, source="our field team"),
        _place("country:SY", "Syria Camp", "camp", 36.0, 35.0)), name="mine.geojson")
    got = _mentions("Aid reached Baghdad and بغداد. Families fled Syria, سوريا and Syria Camp.", layered)
    assert [(s, p) for s, p, _ in got] == [("Baghdad", "geonames:98182"), ("بغداد", "geonames:98182"),
                                           ("Syria", "country:SY"), ("سوريا", "country:SY"),
                                           ("Syria Camp", "country:SY")]
    reasons = {s: r for s, _, r in got}
    assert reasons["Baghdad"].startswith("city from your places file 'mine.geojson', replacing the city Baghdad (IQ)")
    assert reasons["Syria"].startswith("camp from your places file 'mine.geojson', replacing the country Syria")
    baghdad = layered.get("geonames:98182")
    # It keeps what the file does not say: country, population; takes what it does: place, source.
    assert (baghdad.country_code, baghdad.population, baghdad.lat, baghdad.source) == (
        "IQ", gaz.get("geonames:98182").population, 33.30, "our field team")
    camp = layered.get("country:SY")
    assert (camp.kind, camp.country_code, camp.geometry) == ("camp", "SY", None)  # the country's outline is gone
    assert layered.warnings == (
        "mine.geojson: place 'geonames:98182' replaces the city Baghdad (IQ) (same id)",
        "mine.geojson: place 'country:SY' replaces the country Syria (same id)",
    )
    assert gaz.warnings == () and gaz.get("country:SY").kind == "country"


def test_a_second_file_with_the_same_id_replaces_the_first_and_says_so(tmp_path, gaz):
    a = _write(tmp_path / "a.geojson", _place("clinic", "Clinic Alef", "facility", 36.0, 35.0))
    b = _write(tmp_path / "b.geojson", _place("clinic", "Clinic Alef", "facility", 36.3, 35.3))
    layered = gaz.with_places([a, b])
    assert layered.warnings == ("b.geojson: place 'user:clinic' replaces the facility Clinic Alef from your places "
                                "file 'a.geojson' (same id)",)
    (m,) = _mentions("Supplies reached Clinic Alef.", layered)
    assert m[1:] == ("user:clinic", "facility from your places file 'b.geojson', replacing the facility Clinic Alef "
                                    "from your places file 'a.geojson'")


def test_places_without_a_country_do_not_vouch_for_an_empty_one(gaz):
    """The reason read "camp in the gazetteer;  is named in the statement": two places with no country were each
    other's "country context"."""
    layered = gaz.with_places_geojson(_fc(_place("a", "Camp Alef", "camp", 36.1, 33.5),
                                          _place("b", "Camp Bet", "camp", 36.2, 33.6)), name="mine.geojson")
    got = _mentions("Families moved from Camp Alef to Camp Bet.", layered)
    assert [r for _, _, r in got] == ["camp from your places file 'mine.geojson'"] * 2


# -- a places file cannot poison parsing with everyday words ---------------------------------------------------
@pytest.mark.parametrize("name", ["the", "The", "في", "من", "إلى", "and", "of the", "said"])
@pytest.mark.parametrize("field", ["name", "name_ar", "aliases_en"])
def test_a_name_made_of_function_words_is_refused(gaz, name, field):
    props = {"name": "Clinic Nine", field: [name] if field.startswith("aliases") else name}
    with pytest.raises(InputError, match=r"feature #0 \(id 'x'\) of 'up\.geojson': the name .* is made of everyday "
                                         r"words .* is among the most frequent words, Zipf [67]\.\d"):
        gaz.with_places_geojson(_fc(_feature({"type": "Point", "coordinates": [36, 33]}, **props)), name="up.geojson")


@pytest.mark.parametrize("kind", ["region", "country", "camp", "town"])
def test_an_everyday_word_is_your_place_only_after_a_cue_word(gaz, kind):
    layered = gaz.with_places_geojson(_fc(_place("h", "Hope", kind, 36.6, 35.7, name_ar="أمل", country_code="SY")),
                                      name="mine.geojson")
    text = "We hope for peace; Hope is a word. الأمل كبير وأمل الناس في السلام."
    assert not [m for m in _mentions(text, layered) if m[1] == "user:h"]
    assert len(layered.warnings) == 2 and all("is also an everyday word" in w for w in layered.warnings)
    assert "'Hope'" in layered.warnings[0] and "'أمل'" in layered.warnings[1]
    if kind in ("camp", "town"):
        cued = _mentions(f"Families reached the {kind} of Hope. ووصلوا إلى {'مخيم' if kind == 'camp' else 'بلدة'} أمل.",
                         layered)
        assert [p for _, p, _ in cued] == ["user:h", "user:h"]


def test_a_name_that_is_a_well_known_place_is_no_everyday_word(gaz):
    layered = gaz.with_places_geojson(_fc(_place("l", "London", "camp", 36.6, 35.7, aliases_en=["Syria Camp"])))
    assert layered.warnings == ()
