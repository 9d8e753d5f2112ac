"""Resolution as data: evidence flags, the readings weighed, the weights table, and the output schema."""

from __future__ import annotations

import dataclasses
import io
import json

from geo import geoparse
from geo import resolve as resolve_module
from geo.cli import main
from geo.scoring import WEIGHTS, Evidence, evidence_names, form_of


def mentions(text, gaz):
    return geoparse(text, gazetteer=gaz).mentions


def test_a_nisba_or_demonym_is_an_adjective_and_a_name_is_a_name(gaz):
    got = {(m.surface, m.form) for m in mentions("قالت الحكومة السورية إن وفدا سيزور دمشق.", gaz)}
    assert got == {("السورية", "adjective"), ("دمشق", "name")}
    got = {(m.surface, m.form) for m in mentions("The Syrian army retook Palmyra in Syria.", gaz)}
    assert ("Syrian", "adjective") in got and ("Syria", "name") in got


def test_evidence_names_the_flags_the_decision_rests_on(gaz):
    text = "Fighting spread in Kandahar province. DAMASCUS, Md. — A fair opened."
    by_surface = {m.surface: m for m in mentions(text, gaz)}
    assert {"cue", "locative"} <= set(by_surface["Kandahar"].evidence)
    assert "qualifier" in by_surface["DAMASCUS"].evidence
    assert by_surface["DAMASCUS"].place.country_code == "US"
    # A province the gazetteer lacks (Italy's are second-level units; Zambia's were, until admin1_world.csv).
    unlocated = next(m for m in mentions("نزح الآلاف إلى مقاطعة ميلانو.", gaz) if m.place is None)
    assert unlocated.evidence == ("cue", "other_kind")
    assert evidence_names(Evidence.NONE) == ()


def test_candidates_are_the_weighed_readings_best_first(gaz):
    m = next(m for m in mentions("Talks in Tripoli, Lebanon, went on.", gaz) if m.surface == "Tripoli")
    assert 2 <= len(m.candidates) <= WEIGHTS.candidates_kept
    assert m.candidates[0].place_id == m.place_id  # the scored winner is first
    scores = [c.score for c in m.candidates]
    assert scores == sorted(scores, reverse=True)
    assert {c.country_code for c in m.candidates} >= {"LB", "LY"}  # the namesake it beat is listed


def test_every_weight_is_read_from_the_one_table(gaz, monkeypatch):
    text = "Talks in Tripoli, Lebanon, went on."
    assert mentions(text, gaz)[0].place.country_code == "LB"
    # Without the weights of the qualifier and of the statement's countries, prominence takes Tripoli
    # to Libya: the table decides.
    monkeypatch.setattr(resolve_module, "W", dataclasses.replace(
        WEIGHTS, qualifier_exact=0.0, qualifier_country=0.0, context_once=0.0, context_more=0.0))
    assert mentions(text, gaz)[0].place.country_code == "LY"


def test_the_reason_is_written_from_the_evidence(gaz):
    m = next(m for m in mentions("Talks in Tripoli, Lebanon, went on.", gaz) if m.surface == "Tripoli")
    assert "qualified by the name after it" in m.reason and "qualifier" in m.evidence
    assert resolve_module.explain.__doc__  # the one writer of reasons
    assert form_of(Evidence.NISBA) == "adjective" and form_of(Evidence.CUE) == "name"


def test_jsonl_and_geojson_carry_form_evidence_and_candidates(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The Syrian government sent aid to Tripoli, Lebanon.", encoding="utf-8")
    out = io.StringIO()
    assert main(["parse", str(f)], out=out) == 0
    recs = {r["text"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert recs["Syrian"]["form"] == "adjective" and recs["Tripoli"]["form"] == "name"
    assert "qualifier" in recs["Tripoli"]["evidence"]
    first = recs["Tripoli"]["candidates"][0]
    assert set(first) == {"place_id", "name", "kind", "country_code", "lat", "lon", "score"}
    assert first["place_id"] == recs["Tripoli"]["place_id"]
    out = io.StringIO()
    assert main(["parse", str(f), "--format", "geojson"], out=out) == 0
    props = {ft["properties"]["name"]: ft["properties"] for ft in json.loads(out.getvalue())["features"]}
    syria = props["Syria"]
    assert syria["form"] == "adjective" and syria["quotes"][0]["form"] == "adjective"
    assert "nisba" in syria["evidence"] and syria["candidates"][0]["place_id"] == "country:SY"
