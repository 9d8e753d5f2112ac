"""Speed work that must not change a result: tables built with the gazetteer, decisions kept with it."""

from __future__ import annotations

import json

import pytest

from geo import geoparse
from geo.translit import latin_skeleton


def _scan(gaz, cc: str) -> dict[str, tuple[int, ...]]:
    """The table as it used to be made on first use: every city and town of ``cc``, in storage order."""
    groups: dict[str, list[int]] = {}
    for i in range(len(gaz)):
        if gaz.country_code(i) == cc and gaz.kind(i) in ("city", "town"):
            groups.setdefault(latin_skeleton(gaz.name(i)), []).append(i)
    return {k: tuple(v) for k, v in groups.items()}


def test_built_table_equals_a_scan_of_the_places(gaz):
    for cc in ("MA", "AM", "LB", "XK", "ZZ"):
        assert gaz.towns_by_skeleton(cc) == _scan(gaz, cc), cc
    assert gaz.towns_by_skeleton("MA")["mzmz"] == (gaz.index_of("geonames:2558052"),)  # Amizmiz


def test_a_users_towns_are_in_the_layered_table(tmp_path, gaz):
    assert "tmzrt" not in gaz.towns_by_skeleton("MA")
    amizmiz = gaz.index_of("geonames:2558052")
    places = tmp_path / "towns.geojson"
    places.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-8.1, 31.2]},
         "properties": {"id": "tamzirt", "name": "Tamzirt", "kind": "town", "country_code": "MA"}},
        # A base town renamed by the user: it leaves its old skeleton and joins the new one.
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [-8.24, 31.21]},
         "properties": {"id": "geonames:2558052", "name": "Oukaimeden", "kind": "town", "country_code": "MA"}},
    ]}), encoding="utf-8")
    layered = gaz.with_places([places])
    table = layered.towns_by_skeleton("MA")
    assert table == _scan(layered, "MA")
    assert table["tmzrt"] == (layered.index_of("user:tamzirt"),)
    assert "mzmz" not in table and amizmiz in table[latin_skeleton("Oukaimeden")]
    assert gaz.towns_by_skeleton("MA")["mzmz"] == (amizmiz,)  # the base is unchanged
    got = [(m.surface, m.place_id) for m in geoparse("تضررت بلدة تامزيرت في المغرب.", gazetteer=layered).mentions]
    assert ("بلدة تامزيرت", "user:tamzirt") in got


def test_decisions_kept_with_the_gazetteer_do_not_depend_on_what_was_parsed_before(gaz):
    """The parser keeps per-word and per-name decisions with the gazetteer for later texts (gaz.memo()):
    each text must come out the same whatever was parsed before it, and with nothing kept at all."""
    from pathlib import Path

    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data").rglob("*.txt"))[:40]]
    texts += ["Aid reached the al-Hol and Roj camps, then Damascus.", "وصل الوفد إلى بلدة أمزميز في المغرب"]

    def rows(text):
        return [(m.start, m.end, m.place_id, m.confidence, m.reason, m.cue)
                for m in geoparse(text, gazetteer=gaz).mentions]

    forward = [rows(t) for t in texts]
    backward = [rows(t) for t in reversed(texts)][::-1]
    fresh = []
    for t in texts:
        gaz.memo(reset=True)  # nothing kept from the text before
        fresh.append(rows(t))
    assert forward == backward == fresh
    assert len(gaz.memo()["words"]) > 0  # the decisions are kept


def test_natural_features_near_countries_as_shapely_measures_them(gaz):
    """The build's table of countries beside each natural feature gives the distances resolution measured
    live before (country area to feature), for every feature and country within the table's reach."""
    import math

    from geo.gazetteer import NEAR_COUNTRY_DEG
    from geo.model import NATURAL_KINDS

    countries = {p.country_code: p.geometry for p in gaz.places_in(["country"]) if p.geometry is not None}
    naturals = [i for i in range(len(gaz)) if gaz.kind(i) in NATURAL_KINDS]
    assert len(naturals) > 1000
    for i in naturals[::7]:  # a seventh of them: every country's distance each
        geom = gaz.place(i).geometry
        near = gaz.near_countries(i)
        if geom is None:
            assert near == {}
            continue
        for cc, area in countries.items():
            d = float(area.distance(geom))
            assert math.isclose(near.get(cc, math.inf), d) if d <= NEAR_COUNTRY_DEG else cc not in near, (i, cc)


def test_a_layer_of_user_places_measures_natural_features_live(tmp_path, gaz):
    places = tmp_path / "p.geojson"
    places.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.3, 33.5]},
         "properties": {"id": "x", "name": "Xanadu Spring", "kind": "town", "country_code": "SY"}}]}),
        encoding="utf-8")
    layered = gaz.with_places([places])
    assert layered.near_countries(0) is None  # the user's file may move areas: measured live
    with pytest.raises(LookupError):
        gaz.index_of("admin1:SY-NOWHERE")  # an unknown province: refused without the whole id table
    assert gaz.country_index("ZZ") is None
