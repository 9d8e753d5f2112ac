"""The collection from the command line: add, list, rm, export on temporary stores (real SQLite files)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pyogrio
import pytest
from clirun import ROOT, SEED_AR, SEED_EN, run

from geo.validate import validate_feature_collection

HOSTILE = "<script>alert(1)</script> ]]> & \"q\" 'a' =cmd"


@pytest.fixture()
def texts(tmp_path) -> dict[str, Path]:
    """Three dated statements (two datelines, one date in the text) and an undated one."""
    files = {
        "jan": "Baghdad, 12 January 2026 — Officials met in Baghdad and then in Erbil.",
        "feb": f"الرياض، 9 فبراير 2026 - اجتمع الوفد في الرياض ثم في بغداد {HOSTILE} وانتهى.",
        "mar": "The convoy reached Homs on 2 March 2026, and later Baghdad.",
        "undated": "Talks continued in Amman and Baghdad.",
    }
    out = {}
    for name, text in files.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        out[name] = p
    return out


def add_all(db: Path, texts: dict[str, Path], capsys) -> dict[str, int]:
    code, out, err = run(["add", *map(str, texts.values()), "--db", str(db)], capsys)
    assert code == 0, err
    lines = [line.split("\t") for line in out.splitlines()]
    assert len(lines) == len(texts)
    return {Path(f).stem: int(i) for i, _date, _places, f, *_ in lines}


def test_add_prints_id_date_places_and_the_same_file_twice_is_one_statement(tmp_path, capsys):
    db = tmp_path / "c.db"
    code, out, err = run(["add", str(SEED_AR), "--db", str(db), "--source", "SPA"], capsys)
    assert code == 0, err
    sid, date, places, name = out.rstrip("\n").split("\t")
    assert (sid, date, name) == ("1", "2026-02-09", str(SEED_AR))
    assert places.split(", ")[:4] == ["United States", "Syria", "Saudi Arabia", "Riyadh"]
    code, out, _ = run(["add", str(SEED_AR), "--db", str(db)], capsys)
    assert code == 0 and out.rstrip("\n").split("\t")[0] == "1" and out.rstrip("\n").endswith("already stored")
    code, out, _ = run(["list", "--db", str(db), "--format", "json"], capsys)
    (row,) = json.loads(out)
    assert {"id", "date", "date_source", "source", "lang", "places", "mentions", "added_at"} <= set(row)
    assert (row["id"], row["date"], row["date_source"], row["source"], row["lang"]) == \
        (1, "2026-02-09", "text", "SPA", "ar")
    assert (row["places"], row["mentions"]) == (10, 31)


def test_dates_venues_and_undated_statements_in_the_list(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    ids = add_all(db, texts, capsys)
    _, out, _ = run(["list", "--db", str(db), "--format", "json"], capsys)
    rows = {r["id"]: r for r in json.loads(out)}
    got = {name: (rows[i]["date"], rows[i]["date_source"], rows[i]["venue_place_id"]) for name, i in ids.items()}
    assert got == {
        "jan": ("2026-01-12", "dateline", "geonames:98182"),  # Baghdad
        "feb": ("2026-02-09", "dateline", "geonames:108410"),  # Riyadh
        "mar": ("2026-03-02", "text", None),
        "undated": (None, None, None),  # listed, not dropped
    }
    _, table, _ = run(["list", "--db", str(db)], capsys)
    assert table.splitlines()[0].split() == ["id", "date", "date_source", "lang", "places", "mentions", "added_at",
                                             "source", "title"]
    assert len(table.splitlines()) == 5


def test_a_given_date_wins(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    code, out, _ = run(["add", str(texts["undated"]), "--db", str(db), "--date", "2025-12-31"], capsys)
    assert code == 0 and out.split("\t")[1] == "2025-12-31"
    code, _, err = run(["add", str(texts["jan"]), "--db", str(db), "--date", "31/12/2025"], capsys)
    assert code == 2 and "YYYY-MM-DD" in err and "Traceback" not in err


def test_rm_removes_and_names_unknown_ids(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    ids = add_all(db, texts, capsys)
    code, out, err = run(["rm", str(ids["jan"]), "999", "--db", str(db)], capsys)
    assert code == 2 and out == f"removed {ids['jan']}\n" and "no statement 999" in err
    _, out, _ = run(["list", "--db", str(db), "--format", "json"], capsys)
    assert sorted(r["id"] for r in json.loads(out)) == sorted(i for n, i in ids.items() if n != "jan")


_CLI_WRITER = """
import sys
from geo.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_two_processes_adding_20_files_each_end_with_40(tmp_path):
    db = tmp_path / "shared.db"
    batches = []
    for who in ("a", "b"):
        files = []
        for i in range(20):
            p = tmp_path / f"{who}{i}.txt"
            p.write_text(f"Report {i} from desk {who}: the delegation travelled from Amman to Baghdad.", "utf-8")
            files.append(str(p))
        batches.append(files)
    procs = [subprocess.Popen([sys.executable, "-c", _CLI_WRITER, "add", *files, "--db", str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for files in batches]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0 and err == "", err
        assert len(out.splitlines()) == 20
    listed = subprocess.run([sys.executable, "-m", "geo", "list", "--db", str(db), "--format", "json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    rows = json.loads(listed.stdout)
    assert len(rows) == 40 and len({r["id"] for r in rows}) == 40
    assert all(r["places"] == 2 for r in rows)


@pytest.mark.parametrize("make", [
    lambda p: p.write_text("my notes\n", encoding="utf-8"),
    lambda p: p.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20),
])
@pytest.mark.parametrize("command", [["add", str(SEED_EN)], ["list"], ["rm", "1"], ["export", "-o", "{out}"]])
def test_a_corrupt_store_is_a_message_and_stays_untouched(tmp_path, capsys, make, command):
    db = tmp_path / "c.db"
    make(db)
    before = db.read_bytes()
    argv = [a.replace("{out}", str(tmp_path / "x.geojson")) for a in command]
    code, out, err = run([*argv, "--db", str(db)], capsys)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and str(db) in err and "Traceback" not in err
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.db"]  # no export, no -wal, no -shm


def test_a_missing_store_is_not_created_by_list_rm_or_export(tmp_path, capsys):
    db = tmp_path / "typo.db"
    for argv in (["list"], ["rm", "1"], ["export", "-o", str(tmp_path / "x.csv")]):
        code, _, err = run([*argv, "--db", str(db)], capsys)
        assert code == 2 and "there is no store" in err
    assert not db.exists()


def test_bad_files_are_named_and_the_others_still_added(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n", encoding="utf-8")
    code, out, err = run(["add", str(png), str(texts["jan"]), str(blank), str(tmp_path / "absent.txt"),
                          "--db", str(db)], capsys)
    assert code == 2 and "Traceback" not in err
    assert f"{png}: this is a PNG image" in err and f"{blank}: the file has only whitespace" in err
    assert "absent.txt" in err
    assert len(out.splitlines()) == 1 and out.split("\t")[0] == "1"


# -- exports ---------------------------------------------------------------------------------------------
PLACE_PROPERTIES = {"place_id", "name", "name_ar", "kind", "country_code", "mentions", "statements", "first_seen",
                    "last_seen", "quotes"}


def test_export_geojson_one_feature_per_place_with_quotes_across_statements(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    ids = add_all(db, texts, capsys)
    out = tmp_path / "all.geojson"
    code, msg, err = run(["export", "--db", str(db), "--format", "geojson", "-o", str(out)], capsys)
    assert code == 0, err
    assert msg.startswith(f"wrote {out} (geojson:")
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert validate_feature_collection(fc) == []  # RFC 7946, checked as every export is
    places = [f for f in fc["features"] if f["properties"]["kind"] != "movement"]  # movements: test_store_movements
    by_id = {f["properties"]["place_id"]: f for f in places}
    assert len(by_id) == len(places)  # one Feature per place
    baghdad = by_id["geonames:98182"]["properties"]
    assert PLACE_PROPERTIES <= set(baghdad)
    assert (baghdad["name"], baghdad["name_ar"], baghdad["kind"], baghdad["country_code"]) == \
        ("Baghdad", "بغداد", "city", "IQ")
    assert baghdad["statements"] == 4 and baghdad["mentions"] == 5
    assert (baghdad["first_seen"], baghdad["last_seen"]) == ("2026-01-12", "2026-03-02")
    quotes = baghdad["quotes"]
    assert all({"text", "statement_id", "date"} <= set(q) for q in quotes)
    # Newest first, the undated statement last.
    assert [q["date"] for q in quotes] == ["2026-03-02", "2026-02-09", "2026-01-12", "2026-01-12", None]
    assert quotes[-1]["statement_id"] == ids["undated"]
    feb = next(q for q in quotes if q["statement_id"] == ids["feb"])
    assert HOSTILE in texts["feb"].read_text(encoding="utf-8") and feb["text"].startswith("الرياض، 9 فبراير 2026")
    iraq = by_id["country:IQ"] if "country:IQ" in by_id else None
    assert iraq is None or iraq["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_export_selects_by_statement_and_by_dates(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    ids = add_all(db, texts, capsys)

    def places(*args: str) -> set[str]:
        out = tmp_path / "sel.geojson"
        code, _, err = run(["export", "--db", str(db), "-o", str(out), *args], capsys)
        assert code == 0, err
        return {f["properties"]["place_id"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                if f["properties"]["kind"] != "movement"}

    assert places("--statement", str(ids["mar"])) == {"geonames:169577", "geonames:98182"}  # Homs, Baghdad
    assert places("--from", "2026-02-01", "--to", "2026-02-28") == {"geonames:108410", "geonames:98182"}
    assert "geonames:250441" not in places("--from", "2026-01-01")  # Amman is only in the undated statement
    assert "geonames:250441" in places()
    code, _, err = run(["export", "--db", str(db), "-o", str(tmp_path / "x.csv"), "--from", "2026-03-01",
                        "--to", "2026-01-01"], capsys)
    assert code == 2 and "after --to" in err
    code, _, err = run(["export", "--db", str(db), "-o", str(tmp_path / "x.csv"), "--statement", "77"], capsys)
    assert code == 2 and "no statement 77" in err


def test_export_gpkg_has_places_and_mentions_layers(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    ids = add_all(db, texts, capsys)
    out = tmp_path / "all.gpkg"
    code, _, err = run(["export", "--db", str(db), "-o", str(out)], capsys)  # format from the suffix
    assert code == 0, err
    assert {tuple(x) for x in pyogrio.list_layers(out)} == {("places", "Point"), ("mentions", "Point"),
                                                            ("movements", "LineString")}
    places = pyogrio.read_dataframe(out, layer="places")
    mentions = pyogrio.read_dataframe(out, layer="mentions")
    assert PLACE_PROPERTIES <= set(places.columns)
    assert {"statement_id", "date", "place_id", "name", "start", "end", "sentence"} <= set(mentions.columns)
    assert places.crs.to_epsg() == 4326
    baghdad = places[places.place_id == "geonames:98182"].iloc[0]
    assert baghdad.mentions == 5 and len(json.loads(baghdad.quotes)) == 5
    assert (baghdad.geometry.x, baghdad.geometry.y) == pytest.approx((44.400880, 33.340582), abs=1e-3)  # lon, lat
    assert len(mentions) == int(places.mentions.sum())  # one point per located mention
    row = mentions[(mentions.statement_id == ids["mar"]) & (mentions.place_id == "geonames:169577")].iloc[0]
    text = texts["mar"].read_text(encoding="utf-8")
    assert (row.date, text[row.start : row.end], row.sentence) == ("2026-03-02", "Homs", text)


def test_export_csv_one_row_per_mention_with_its_date(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    add_all(db, texts, capsys)
    out = tmp_path / "all.csv"
    code, _, err = run(["export", "--db", str(db), "--format", "csv", "-o", str(out)], capsys)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    _, listed, _ = run(["list", "--db", str(db), "--format", "json"], capsys)
    assert len(rows) == sum(r["mentions"] for r in json.loads(listed))
    assert {"statement_id", "date", "place_id", "name", "start", "end", "text", "sentence"} <= set(rows[0])
    assert {r["date"] for r in rows} == {"2026-01-12", "2026-02-09", "2026-03-02", ""}
    hostile = [r for r in rows if HOSTILE in r["sentence"]]
    assert hostile  # the text is kept byte for byte (only a leading = + - @ would be neutralised)


def test_export_kml_one_placemark_per_place_with_escaped_quotes(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    add_all(db, texts, capsys)
    out = tmp_path / "all.kml"
    code, _, err = run(["export", "--db", str(db), "-o", str(out)], capsys)
    assert code == 0, err
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.parse(out).getroot()  # well-formed XML, or this raises
    marks = root.findall(".//k:Folder[k:name='Places']/k:Placemark", ns)  # the movements' lines have a folder
    gj = tmp_path / "all.geojson"
    run(["export", "--db", str(db), "-o", str(gj)], capsys)
    assert len(marks) == len([f for f in json.loads(gj.read_text(encoding="utf-8"))["features"]
                              if f["properties"]["kind"] != "movement"])  # a placemark per place
    riyadh = next(m for m in marks if m.get("id") == "geonames:108410")
    description = riyadh.find("k:description", ns).text
    # The quote is HTML-escaped inside the description: a viewer shows it, never runs it.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in description and "<script>" not in description
    assert "2026-02-09" in description
    lon, lat = map(float, riyadh.find(".//k:coordinates", ns).text.split(","))
    assert (lat, lon) == pytest.approx((24.69, 46.72), abs=0.05)
    assert len(pyogrio.read_dataframe(out, layer="Places")) == len(marks)  # GDAL reads it too


def test_export_is_atomic_and_names_a_bad_output(tmp_path, texts, capsys):
    db = tmp_path / "c.db"
    add_all(db, texts, capsys)
    out = tmp_path / "keep.geojson"
    out.write_text("the previous export", encoding="utf-8")
    code, _, err = run(["export", "--db", str(db), "-o", str(tmp_path / "no" / "x.geojson")], capsys)
    assert code == 2 and "does not exist" in err and str(tmp_path / "no" / "x.geojson") in err
    code, _, err = run(["export", "--db", str(db), "-o", str(out)], capsys)
    assert code == 0 and json.loads(out.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary file left
