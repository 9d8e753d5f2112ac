"""Library edge cases: sizes, many places, threads, languages, bad arguments."""

from __future__ import annotations

import random
from concurrent.futures import ThreadPoolExecutor

import pytest

from geo import InputError, geoparse


@pytest.mark.parametrize("text", ["", "   \n\t ", "x", "س", ".", "\u200f", "ﻻ"])
def test_tiny_inputs_give_an_empty_result(gaz, text):
    s = geoparse(text, gazetteer=gaz)
    assert s.places == () and s.to_geojson() == {"type": "FeatureCollection", "features": []}


@pytest.mark.parametrize(("arg", "kwargs", "match"), [
    (b"bytes", {}, "decode bytes first"),
    (None, {}, "text must be a str"),
    ("text", {"lang": "fr"}, "lang must be one of"),
])
def test_bad_arguments(gaz, arg, kwargs, match):
    with pytest.raises(InputError, match=match):
        geoparse(arg, gazetteer=gaz, **kwargs)


def test_language_override_changes_only_the_language(gaz, seed_text):
    auto = geoparse(seed_text, gazetteer=gaz)
    forced = geoparse(seed_text, lang="en", gazetteer=gaz)
    assert auto.lang == "ar" and forced.lang == "en"
    assert [m.place_id for m in auto.mentions] == [m.place_id for m in forced.mentions]


def test_ten_megabytes(gaz, seed_text):
    text = (seed_text + "\n\n") * (10_000_000 // len((seed_text + "\n\n").encode()) + 1)
    s = geoparse(text, gazetteer=gaz)
    assert len(s.places) == 10
    assert len(s.mentions) == 31 * text.count(seed_text)


def test_a_statement_naming_five_thousand_places(gaz):
    # Countries and large cities with English names: a list the parser must get through whole.
    cities = [p for p in gaz.places_in(["city"]) if p.population >= 150_000 and p.name.isascii()
              and p.name.replace(" ", "").isalpha()]
    rng = random.Random(7)
    rng.shuffle(cities)
    names = [p.name for p in cities][:5000]
    text = ". ".join(f"Aid reached {n}" for n in names) + "."
    s = geoparse(text, gazetteer=gaz)
    assert len(s.mentions) >= 0.9 * len(names)
    for m in s.mentions:
        assert text[m.start : m.end] == m.surface


def test_twenty_threads_agree_with_one(gaz, seed_text):
    texts = [seed_text, "Talks in Baghdad, Damascus and Amman.", "مخيمي الهول وروج", "Tripoli, Lebanon"] * 5
    expected = [geoparse(t, gazetteer=gaz).to_geojson() for t in texts]
    with ThreadPoolExecutor(max_workers=20) as pool:
        got = list(pool.map(lambda t: geoparse(t, gazetteer=gaz).to_geojson(), texts))
    assert got == expected


def test_user_places_file(tmp_path):
    import json

    from geo import load_gazetteer

    f = tmp_path / "mine.geojson"
    f.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "geometry": {"type": "Point", "coordinates": [36.0, 35.0]},
        "properties": {"id": "clinic-7", "name": "Clinic Seven", "name_ar": "عيادة سبعة", "kind": "facility",
                       "country_code": "SY", "source": "our field team"}}]}), encoding="utf-8")
    gaz = load_gazetteer(extra_places=[f])  # the cached base plus this file, laid over it in memory
    s = geoparse("Supplies reached Clinic Seven on Monday.", gazetteer=gaz)
    assert [sp.place.place_id for sp in s.places] == ["user:clinic-7"]
    assert (s.places[0].place.lat, s.places[0].place.lon) == (35.0, 36.0)
    assert [m.place_id for m in geoparse("وصلت الإمدادات إلى عيادة سبعة", gazetteer=gaz).mentions] == ["user:clinic-7"]
    # The shared base is untouched.
    assert not geoparse("Supplies reached Clinic Seven on Monday.", gazetteer=load_gazetteer()).mentions


def test_user_places_overlay_equals_a_full_build(tmp_path, gaz):
    import json

    from geo import load_gazetteer
    from geo.gazetteer import build_gazetteer

    f = tmp_path / "mine.geojson"
    features = [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [40.9, 36.4]},
         "properties": {"id": "hope-camp", "name": "Hope camp", "aliases_en": ["Hope"], "kind": "camp",
                        "country_code": "SY"}},
        # A user file may correct a curated place (an id with a prefix overrides it).
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [41.0, 36.5]},
         "properties": {"id": "curated:al-hol-camp", "name": "al-Hol camp", "name_ar": "مخيم الهول",
                        "kind": "camp", "country_code": "SY", "source": "our field team"}},
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[40, 36], [41, 36], [41, 37], [40, 36]]]},
         "properties": {"id": "zone-a", "name": "Zone Alpha", "name_ar": "المنطقة ألفا", "kind": "region"}},
    ]
    f.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    overlay = load_gazetteer(extra_places=[f])
    full = build_gazetteer([f])
    text = ("Supplies reached the Hope camp and Zone Alpha on Monday. We hope to return to al-Hol camp. "
            "وصلت قافلة إلى المنطقة ألفا ومخيم الهول.")
    def rows(g):
        return [(m.surface, m.place_id, m.confidence, m.reason) for m in geoparse(text, gazetteer=g).mentions]
    assert rows(overlay) == rows(full)
    assert {"user:hope-camp", "user:zone-a", "curated:al-hol-camp"} <= {r[1] for r in rows(overlay)}
    assert overlay.get("curated:al-hol-camp").source == "our field team"
    assert gaz.get("curated:al-hol-camp").source != "our field team"
    assert overlay.commonness("hope") == full.commonness("hope") > 4  # "we hope" is not the camp
    # An edited file is read again (its mtime is part of the in-memory cache key).
    features[0]["properties"]["name"] = "Hope Valley camp"
    f.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    import os
    os.utime(f, ns=(os.stat(f).st_atime_ns, os.stat(f).st_mtime_ns + 1_000_000))
    again = load_gazetteer(extra_places=[f])
    assert [m.place_id for m in geoparse("They reached Hope Valley camp.", gazetteer=again).mentions] == [
        "user:hope-camp"]


def test_user_places_file_errors(tmp_path):
    from geo import load_gazetteer

    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="is not a GeoJSON FeatureCollection"):
        load_gazetteer(extra_places=[bad], cache_dir=tmp_path / "cache")
    with pytest.raises(InputError, match="does not exist"):
        load_gazetteer(extra_places=[tmp_path / "missing.geojson"], cache_dir=tmp_path / "cache")


def test_lower_case_city_after_a_name_is_a_cue_capitalised_city_is_part_of_a_name(gaz):
    # "al-Hasakah city" says what the place is; "Hasakah City" is written as a name of its own.
    cue = geoparse("Aid reached al-Hasakah city on Monday.", gazetteer=gaz).mentions
    name = geoparse("Aid reached Hasakah City on Monday.", gazetteer=gaz).mentions
    assert [(m.surface, m.cue) for m in cue] == [("al-Hasakah", "city")]
    assert [(m.surface, m.cue) for m in name] == [("Hasakah", "")]


def test_a_bare_curated_name_without_its_cue_vouches_for_no_country(gaz):
    # "Walid" is also the bare name of the al-Walid crossing (Iraq); without "crossing" resolution
    # never chooses that reading, so it must not count as the statement talking about Iraq either.
    from geo.extract import find_matches
    from geo.resolve import _document_countries
    from geo.text import fold

    for text in ("Walid said the talks would go on.", "Officials said al-Walid was closed."):
        assert not _document_countries(find_matches(fold(text), gaz), gaz)
    crossing = find_matches(fold("Trucks waited at the al-Walid crossing."), gaz)
    assert _document_countries(crossing, gaz) == {"IQ": 2}
