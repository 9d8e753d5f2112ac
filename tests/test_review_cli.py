"""Review and correct from the command line, on temporary stores (real SQLite files): corrections apply to
every export of a statement, undo, scopes, re-parse, two writers at once, sharing through JSON."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest
from clirun import ROOT, run

JAN = "Baghdad, 12 January 2026 — Officials met in Baghdad and then in Erbil."
AMMAN = "Talks continued in Amman and Baghdad."
LATER = "The convoy reached Homs on 2 March 2026, and later Baghdad."
BAGHDAD, ERBIL = "geonames:98182", "geonames:95446"


def add(db: Path, tmp: Path, name: str, text: str, capsys) -> int:
    f = tmp / f"{name}.txt"
    f.write_text(text, encoding="utf-8")
    code, out, err = run(["add", str(f), "--db", str(db)], capsys)
    assert code == 0, err
    return int(out.split("\t")[0])


def correct(db: Path, capsys, *args: str) -> int:
    code, out, err = run(["correct", "--db", str(db), *args], capsys)
    assert code == 0, err
    return int(out.split()[-1])


def exports(db: Path, tmp: Path, sid: int, capsys) -> dict[str, list[dict]]:
    """Place records of statement ``sid`` in all four formats (gpkg: its places layer; csv: located rows)."""
    got: dict[str, list[dict]] = {}
    for fmt in ("geojson", "csv", "kml", "gpkg"):
        out = tmp / f"s{sid}.{fmt}"
        code, _, err = run(["export", "--db", str(db), "--statement", str(sid), "-o", str(out)], capsys)
        assert code == 0, err
        if fmt == "geojson":
            got[fmt] = [f["properties"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                        if f["properties"]["kind"] != "movement"]
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
            got[fmt] = [r for r in rows if r["place_id"]]
        elif fmt == "kml":
            ns = {"k": "http://www.opengis.net/kml/2.2"}
            got[fmt] = [{d.get("name"): d.find("k:value", ns).text for d in pm.iter("{%s}Data" % ns["k"])}
                        for pm in ET.parse(out).getroot().iter("{%s}Placemark" % ns["k"])
                        if pm.find("k:Point", ns) is not None]  # the movements' lines follow the places
        else:
            got[fmt] = pyogrio.read_dataframe(out, layer="places").to_dict("records")
    return got


def ids_in(exp: dict[str, list[dict]]) -> dict[str, set[str]]:
    return {fmt: {r["place_id"] for r in recs} for fmt, recs in exp.items()}


def test_reject_is_gone_from_every_export_and_back_after_undo(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    before = ids_in(exports(db, tmp_path, sid, capsys))
    assert all(v == {BAGHDAD, ERBIL} for v in before.values()), before
    cid = correct(db, capsys, "--statement", str(sid), "--reject", ERBIL, "--by", "ana")
    after = exports(db, tmp_path, sid, capsys)
    assert all(v == {BAGHDAD} for v in ids_in(after).values()), ids_in(after)
    # The rejected mention stays in the CSV as an unlocated row that says who rejected what.
    rows = list(csv.DictReader(io.StringIO((tmp_path / f"s{sid}.csv").read_text(encoding="utf-8-sig"))))
    (rej,) = [r for r in rows if r["text"] == "Erbil"]
    assert (rej["place_id"], rej["original_place_id"], rej["corrected_by"], rej["reviewed"]) == \
        ("", ERBIL, "ana", "True")
    code, out, _ = run(["correct", "--db", str(db), "--undo", str(cid)], capsys)
    assert code == 0 and out == f"undone {cid}\n"
    assert ids_in(exports(db, tmp_path, sid, capsys)) == before
    code, _, err = run(["correct", "--db", str(db), "--undo", str(cid)], capsys)
    assert code == 2 and "already undone" in err


def test_choose_moves_the_point_and_exports_carry_review_fields(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    start = JAN.index("Baghdad", 10)
    correct(db, capsys, "--statement", str(sid), "--choose", f"{start}:{start + 7}", ERBIL, "--by", "bob")
    exp = exports(db, tmp_path, sid, capsys)
    gj = {r["place_id"]: r for r in exp["geojson"]}
    assert gj[ERBIL]["mentions"] == 2 and gj[BAGHDAD]["mentions"] == 1  # one Baghdad now points to Erbil
    assert (gj[ERBIL]["corrected_by"], gj[ERBIL]["original_place_id"]) == ("bob", BAGHDAD)
    assert gj[ERBIL]["corrected_at"] and gj[BAGHDAD]["corrected_by"] is None
    assert gj[BAGHDAD]["reviewed"] is False and gj[ERBIL]["reviewed"] is False  # Erbil's own mention is not
    (moved,) = [r for r in exp["csv"] if r["start"] == str(start)]
    assert (moved["place_id"], moved["lat"][:5], moved["original_place_id"], moved["reviewed"]) == \
        (ERBIL, "36.19", BAGHDAD, "True")
    kml = {r["place_id"]: r for r in exp["kml"]}
    assert kml[ERBIL]["corrected_by"] == "bob" and kml[ERBIL]["original_place_id"] == BAGHDAD
    gp = {r["place_id"]: r for r in exp["gpkg"]}
    assert gp[ERBIL]["corrected_by"] == "bob"
    # Marking the statement reviewed makes every place of it reviewed.
    correct(db, capsys, "--statement", str(sid), "--reviewed")
    gj = {r["place_id"]: r for r in exports(db, tmp_path, sid, capsys)["geojson"]}
    assert gj[BAGHDAD]["reviewed"] is True and gj[ERBIL]["reviewed"] is True


def test_added_place_appears_with_its_quote(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    start = JAN.index("Officials")
    correct(db, capsys, "--statement", str(sid), "--add", f"{start}:{start + 9}", "--at", "33.31,44.37",
            "--name", "Officials' hall")
    gj = exports(db, tmp_path, sid, capsys)["geojson"]
    (mine,) = [r for r in gj if r["place_id"].startswith("user:")]
    assert (mine["name"], mine["lat"], mine["lon"]) == ("Officials' hall", 33.31, 44.37)
    assert [q["surface"] for q in mine["quotes"]] == ["Officials"] and "Officials met" in mine["quotes"][0]["text"]
    # A gazetteer place by id, over words the parser did not take as a place.
    correct(db, capsys, "--statement", str(sid), "--add", f"{start}:{start + 9}", "geonames:98182")
    gj = {r["place_id"]: r for r in exports(db, tmp_path, sid, capsys)["geojson"]}
    assert gj[BAGHDAD]["mentions"] == 3 and not any(p.startswith("user:") for p in gj)


def test_everywhere_rule_applies_to_a_statement_added_afterwards(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    start = JAN.index("Erbil")
    correct(db, capsys, "--statement", str(sid), "--choose", f"{start}:{start + 5}", BAGHDAD, "--everywhere")
    later = add(db, tmp_path, "later", "A second convoy left Erbil on 3 March 2026.", capsys)
    for s in (sid, later):
        assert ERBIL not in ids_in(exports(db, tmp_path, s, capsys))["geojson"]
    gj = {r["place_id"]: r for r in exports(db, tmp_path, later, capsys)["geojson"]}
    assert gj[BAGHDAD]["original_place_id"] == ERBIL


def test_all_in_statement_scope_and_mention_scope(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    correct(db, capsys, "--statement", str(sid), "--choose", "0:7", ERBIL)  # this mention only
    gj = {r["place_id"]: r["mentions"] for r in exports(db, tmp_path, sid, capsys)["geojson"]}
    assert gj == {BAGHDAD: 1, ERBIL: 2}
    correct(db, capsys, "--statement", str(sid), "--choose", "0:7", ERBIL, "--all-in-statement")
    gj = {r["place_id"]: r["mentions"] for r in exports(db, tmp_path, sid, capsys)["geojson"]}
    assert gj == {ERBIL: 3}


def test_corrections_survive_a_reparse(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    correct(db, capsys, "--statement", str(sid), "--reject", ERBIL)
    with sqlite3.connect(db) as c:  # as if stored by an older parser
        c.execute("UPDATE statements SET parser_version = 'p0-old'")
    code, out, err = run(["reparse", "--db", str(db)], capsys)
    assert code == 0 and out.startswith("parsed 1 statements again"), err
    with sqlite3.connect(db) as c:  # the new parse names Erbil again: the correction still removes it
        assert c.execute("SELECT COUNT(*) FROM mentions WHERE place_id = ?", (ERBIL,)).fetchone()[0] == 1
    assert ERBIL not in ids_in(exports(db, tmp_path, sid, capsys))["geojson"]
    # The same text removed and added again (a new id) meets its corrections again.
    assert run(["rm", str(sid), "--db", str(db)], capsys)[0] == 0
    again = add(db, tmp_path, "jan2", JAN, capsys)
    assert again != sid and ERBIL not in ids_in(exports(db, tmp_path, again, capsys))["geojson"]


def test_list_shows_ids_and_a_correction_that_no_longer_fits(tmp_path, capsys):
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    start = JAN.index("Erbil")
    a = correct(db, capsys, "--statement", str(sid), "--choose", f"{start}:{start + 5}", BAGHDAD)
    # Erbil was already chosen away: a later rejection of Erbil has nothing left to reject, and is listed so.
    b = correct(db, capsys, "--statement", str(sid), "--reject", ERBIL, "--by", "ana")
    code, out, _ = run(["corrections", "--db", str(db), "--format", "json"], capsys)
    rows = {r["id"]: r for r in json.loads(out)}
    assert code == 0 and set(rows) == {a, b}
    assert rows[a]["status"] == "applied"
    assert rows[b]["status"] == f"does not fit: the parse no longer gives {ERBIL}"
    code, out, _ = run(["corrections", "--db", str(db)], capsys)
    assert code == 0 and out.splitlines()[1].startswith(f"{b}\tstatement {sid}\treject")


@pytest.mark.parametrize("argv, message", [
    (["--statement", "1", "--reject", "geonames:1"], "does not name 'geonames:1'"),
    (["--statement", "9", "--reviewed"], "no statement 9"),
    (["--statement", "1", "--choose", "3:5", ERBIL], "no mention at 3:5"),
    (["--statement", "1", "--choose", "5-9", ERBIL], "not a span"),
    (["--statement", "1", "--choose", "60:999", ERBIL], "outside the statement"),
    (["--statement", "1", "--choose", "0:7", "nowhere:1"], "unknown place id 'nowhere:1'"),
    (["--statement", "1", "--add", "0:7", "--at", "95,10", "--name", "x"], "not a point on Earth"),
    (["--statement", "1", "--add", "0:7", "--at", "33,44"], "--at needs --name"),
    (["--undo", "42"], "no correction 42"),
])
def test_bad_ids_and_spans_give_a_message_and_change_nothing(tmp_path, capsys, argv, message):
    db = tmp_path / "c.db"
    add(db, tmp_path, "jan", JAN, capsys)
    code, out, err = run(["correct", "--db", str(db), *argv], capsys)
    assert code == 2 and message in err and "Traceback" not in err
    assert run(["corrections", "--db", str(db), "--format", "json"], capsys)[1] == "[]\n"


_CORRECTOR = "import sys\nfrom geo.cli import main\nfor _ in range(15):\n    assert main(sys.argv[1:]) == 0\n"


def test_two_processes_correcting_different_statements_lose_nothing(tmp_path, capsys):
    db = tmp_path / "c.db"
    one = add(db, tmp_path, "jan", JAN, capsys)
    two = add(db, tmp_path, "amman", AMMAN, capsys)
    # Each process records 15 corrections (reviewed marks) of its own statement, all at the same time.
    procs = [subprocess.Popen([sys.executable, "-c", _CORRECTOR, "correct", "--db", str(db), "--statement", str(s),
                               "--reviewed", "--by", f"p{s}"], cwd=ROOT, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for s in (one, two)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert err == "" and len(out.splitlines()) == 15, err
    code, out, _ = run(["corrections", "--db", str(db), "--format", "json"], capsys)
    rows = json.loads(out)
    assert sorted((r["statement_id"], r["by"]) for r in rows) == sorted([(one, f"p{one}")] * 15 +
                                                                       [(two, f"p{two}")] * 15)
    assert len({r["id"] for r in rows}) == 30


def test_corrections_import_from_another_store_and_a_malformed_file_changes_nothing(tmp_path, capsys):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    sa = add(a, tmp_path, "jan", JAN, capsys)
    correct(a, capsys, "--statement", str(sa), "--reject", ERBIL, "--by", "ana")
    start = JAN.index("Officials")
    correct(a, capsys, "--statement", str(sa), "--add", f"{start}:{start + 9}", "--at", "33.3,44.4", "--name", "Hall")
    shared = tmp_path / "corrections.json"
    assert run(["corrections", "--db", str(a), "--export", str(shared)], capsys)[0] == 0
    # Store b has other statements first, so the same text gets another id there.
    add(b, tmp_path, "amman", AMMAN, capsys)
    sb = add(b, tmp_path, "jan", JAN, capsys)
    assert sb != sa
    code, out, err = run(["corrections", "--db", str(b), "--import", str(shared)], capsys)
    assert code == 0 and out == "imported 2 corrections (0 were already here)\n", err
    got = ids_in(exports(b, tmp_path, sb, capsys))
    assert ERBIL not in got["geojson"] and any(p.startswith("user:hall@") for p in got["geojson"])
    assert run(["corrections", "--db", str(b), "--import", str(shared)], capsys)[1] == \
        "imported 0 corrections (2 were already here)\n"
    doc = json.loads(shared.read_text(encoding="utf-8"))
    before = (b.with_suffix(".json"))
    run(["corrections", "--db", str(b), "--export", str(before)], capsys)
    bad_docs = {
        "notjson.json": "{ not json",
        "list.json": "[]",
        "action.json": json.dumps({**doc, "corrections": [*doc["corrections"], {**doc["corrections"][0],
                                                                               "action": "explode"}]}),
        "sha.json": json.dumps({**doc, "corrections": [{**doc["corrections"][0], "created_at": "new",
                                                         "statement_sha256": "xyz"}]}),
    }
    for name, content in bad_docs.items():
        f = tmp_path / name
        f.write_text(content, encoding="utf-8")
        code, out, err = run(["corrections", "--db", str(b), "--import", str(f)], capsys)
        assert code == 2 and "nothing was imported" in err and "Traceback" not in err, (name, err)
    after = tmp_path / "after.json"
    run(["corrections", "--db", str(b), "--export", str(after)], capsys)
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")


def test_a_store_of_schema_1_is_migrated_and_keeps_its_corrections(tmp_path):
    from geo.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, open_store

    db = tmp_path / "old.db"
    with sqlite3.connect(db) as c:
        for sql in MIGRATIONS[0]:
            c.execute(sql)
        c.execute("INSERT INTO corrections (statement_sha256, scope, action, span_text, new_place_id, author, "
                  "created_at) VALUES (NULL, 'everywhere', 'choose', 'Erbil', ?, 'ana', '2026-01-01T00:00:00Z')",
                  (BAGHDAD,))
        c.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        c.execute("PRAGMA user_version = 1")
    with open_store(db) as store:
        (row,) = store.corrections()
        assert (row["span_text"], row["new_place_id"], row["new_lat"]) == ("Erbil", BAGHDAD, None)
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_reject_everywhere_is_a_rule_for_every_statement_and_undoes(tmp_path, capsys):
    """`--reject PLACE_ID --everywhere` (refused before): the place is gone from every statement, including one
    added afterwards, the other places stay, and undo brings it back everywhere."""
    db = tmp_path / "c.db"
    sid = add(db, tmp_path, "jan", JAN, capsys)
    cid = correct(db, capsys, "--statement", str(sid), "--reject", ERBIL, "--everywhere", "--by", "ana")
    later = add(db, tmp_path, "later", "A second convoy left Erbil for Baghdad on 3 March 2026.", capsys)
    for s in (sid, later):
        got = ids_in(exports(db, tmp_path, s, capsys))
        assert all(ERBIL not in ids and BAGHDAD in ids for ids in got.values()), got
    code, out, _ = run(["corrections", "--db", str(db), "--format", "json"], capsys)
    (row,) = json.loads(out)
    assert (row["id"], row["scope"], row["action"], row["old_place_id"], row["statement_id"], row["status"]) == (
        cid, "everywhere", "reject", ERBIL, None, "applied")
    code, out, _ = run(["corrections", "--db", str(db)], capsys)
    assert out.splitlines()[0].startswith(f"{cid}\tevery statement\treject {ERBIL}\teverywhere\tana")
    from geo.review import correction_from_row
    from geo.store import open_store

    with open_store(db, create=False) as store:  # the line the dashboard's review panel shows
        assert correction_from_row(store.correction(cid)).describe() == \
            f"reject {ERBIL} in every statement (also those added later)"
    # It travels in a corrections file like any rule.
    shared = tmp_path / "shared.json"
    assert run(["corrections", "--db", str(db), "--export", str(shared)], capsys)[0] == 0
    other = tmp_path / "other.db"
    osid = add(other, tmp_path, "jan", JAN, capsys)
    assert run(["corrections", "--db", str(other), "--import", str(shared)], capsys)[0] == 0
    assert ERBIL not in ids_in(exports(other, tmp_path, osid, capsys))["geojson"]
    # Undo: back in both statements.
    assert run(["correct", "--db", str(db), "--undo", str(cid)], capsys)[:2] == (0, f"undone {cid}\n")
    for s in (sid, later):
        assert all(ERBIL in ids for ids in ids_in(exports(db, tmp_path, s, capsys)).values())
