"""Movements in the collection (issue 13): kept in the store with their statement, exported as a `movements`
layer of lines in the GeoPackage and as LineString Features in the GeoJSON, with the fields of
geo.export.movement_record plus the statement's id and date; re-parse, removal and old stores."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyogrio
import pytest
from clirun import SEED_AR, SEED_EN, run

from geo import geoparse
from geo.export import COLLECTION_MOVEMENT_FIELDS, movement_feature, movement_record
from geo.validate import validate_feature_collection

OTHER = "Families returned from Beirut to Damascus on 3 March 2026."


@pytest.fixture()
def store(tmp_path, capsys) -> tuple[Path, dict[str, int]]:
    """A store with the Arabic seed statement (five movements, 9 February 2026) and a short one (March)."""
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    db = tmp_path / "c.db"
    code, out, err = run(["add", str(SEED_AR), str(other), "--db", str(db)], capsys)
    assert code == 0, err
    ids = [int(line.split("\t")[0]) for line in out.splitlines()]
    return db, {"seed": ids[0], "other": ids[1]}


def _expected(gaz, path_or_text: Path | str) -> list[dict]:
    text = path_or_text.read_text(encoding="utf-8") if isinstance(path_or_text, Path) else path_or_text
    return [movement_feature(mv) for mv in geoparse(text, gazetteer=gaz).movements]


def test_the_gpkg_has_a_movements_layer_of_lines_with_the_parse_fields(store, gaz, tmp_path, capsys):
    db, ids = store
    out = tmp_path / "all.gpkg"
    code, _, err = run(["export", "--db", str(db), "-o", str(out)], capsys)
    assert code == 0, err
    assert {tuple(x) for x in pyogrio.list_layers(out)} == {
        ("places", "Point"), ("mentions", "Point"), ("movements", "LineString")}
    df = pyogrio.read_dataframe(out, layer="movements")
    assert list(df.columns) == [*COLLECTION_MOVEMENT_FIELDS, "geometry"]
    assert pyogrio.read_info(out, layer="movements")["crs"] == "EPSG:4326"
    expected = [(ids["seed"], "2026-02-09", f) for f in _expected(gaz, SEED_AR)]
    expected += [(ids["other"], "2026-03-03", f) for f in _expected(gaz, OTHER)]
    assert len(df) == len(expected) == 6  # five in the seed statement, one in the other
    for (_, row), (sid, date, feature) in zip(df.iterrows(), expected, strict=True):
        props = feature["properties"]
        assert (row["statement_id"], row["date"]) == (sid, date)
        for field in ("kind", "trigger", "ends", "from_place_id", "to_place_id", "what", "quote", "sentence_start",
                      "sentence_end", "stub", "line"):
            got = None if row[field] != row[field] else row[field]  # NaN/None: an empty end
            assert got == props[field] or (got is None and props[field] is None), field
        # The line is the one `geo parse --format geojson` draws, origin first.
        assert [list(c) for c in row["geometry"].coords] == feature["geometry"]["coordinates"]
    assert sorted(df["ends"]) == ["both", "from", "from", "from", "from", "to"]


def test_the_geojson_export_has_the_movement_features_and_the_selection_applies(store, gaz, tmp_path, capsys):
    db, ids = store

    def export(*args: str) -> dict:
        out = tmp_path / "sel.geojson"
        code, _, err = run(["export", "--db", str(db), "-o", str(out), *args], capsys)
        assert code == 0, err
        return json.loads(out.read_text(encoding="utf-8"))

    fc = export()
    assert validate_feature_collection(fc) == []  # RFC 7946
    lines = [f for f in fc["features"] if f["properties"]["kind"] == "movement"]
    places = [f for f in fc["features"] if f["properties"]["kind"] != "movement"]
    assert fc["features"] == places + lines  # the places first, then the movements
    assert len({f["id"] for f in fc["features"]}) == len(fc["features"])
    seed = [f for f in lines if f["properties"]["statement_id"] == ids["seed"]]
    want = _expected(gaz, SEED_AR)
    assert [f["geometry"] for f in seed] == [f["geometry"] for f in want]
    assert [{k: v for k, v in f["properties"].items() if k not in ("statement_id", "date")} for f in seed] == \
        [f["properties"] for f in want]
    assert {f["properties"]["date"] for f in seed} == {"2026-02-09"}
    # --statement and dates select the movements as they select the places.
    only = [f for f in export("--statement", str(ids["other"]))["features"] if f["properties"]["kind"] == "movement"]
    assert [(f["properties"]["from_name"], f["properties"]["to_name"]) for f in only] == [("Beirut", "Damascus")]
    march = export("--from", "2026-03-01")["features"]
    assert {f["properties"]["statement_id"] for f in march if f["properties"]["kind"] == "movement"} == {ids["other"]}


def test_movements_follow_reparse_and_removal(store, gaz, capsys):
    from geo.collection import new_statement
    from geo.store import open_store

    db, ids = store
    with open_store(db) as s:
        before = s.movements()
        assert [m.record for m in before if m.statement_id == ids["seed"]] == \
            [movement_record(mv) for mv in geoparse(SEED_AR.read_text(encoding="utf-8"), gazetteer=gaz).movements]
        text = s.text(ids["seed"])
        s.replace_parse(ids["seed"], new_statement(geoparse(text, gazetteer=gaz)))
        assert s.movements() != [] and sorted(s.movements(), key=lambda m: m.statement_id) == \
            sorted(before, key=lambda m: m.statement_id)  # replaced, not added twice
        assert s.remove([ids["seed"]]) == [ids["seed"]]
        assert {m.statement_id for m in s.movements()} == {ids["other"]}


def test_a_store_from_before_movements_is_migrated_and_reparse_fills_them(tmp_path, gaz, capsys):
    from geo.collection import add_situation, parser_version, reparse
    from geo.store import SCHEMA_VERSION, open_store

    db = tmp_path / "old.db"
    with open_store(db) as s:
        sid = add_situation(s, geoparse(SEED_EN.read_text(encoding="utf-8"), gazetteer=gaz)).id
    # Make it a store of schema 2: no movements table, statements parsed by a version that kept none.
    with sqlite3.connect(db) as c:
        c.execute("DROP TABLE movements")
        c.execute("PRAGMA user_version = 2")
    with open_store(db) as s:
        assert s.movements() == [] and [i for i, _, _ in s.stale_statements(parser_version())] == [sid]
        assert reparse(s, lambda t: geoparse(t, gazetteer=gaz)) == 1
        assert len(s.movements()) == 5 and s.stale_statements(parser_version()) == []
    with sqlite3.connect(db) as c:
        assert c.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3


def test_corrections_repoint_and_drop_the_ends_of_exported_movements(gaz, tmp_path):
    """A movement is stored with its parse and a correction is applied on reading: the export's movement
    follows the correction of the mention at its end (choose: the new place and a redrawn line; reject: the
    end is gone; both ends rejected: no movement)."""
    from geo.collection import add_situation, export_collection, place_row
    from geo.store import open_store, text_sha256

    sha = text_sha256(OTHER)
    elsewhere = gaz.get("geonames:98182")  # Baghdad, as the analyst's choice for "Damascus"
    start = OTHER.index("Damascus")

    def movements(db: Path) -> list[dict]:
        out = tmp_path / "m.geojson"
        with open_store(db) as store:
            export_collection(store, out, "geojson")
        return [f for f in json.loads(out.read_text(encoding="utf-8"))["features"]
                if f["properties"]["kind"] == "movement"]

    db = tmp_path / "c.db"
    with open_store(db) as store:
        add_situation(store, geoparse(OTHER, gazetteer=gaz))
    [before] = movements(db)
    damascus = before["properties"]["to_place_id"]
    with open_store(db) as store:
        store.add_correction(scope="mention", action="choose", author="ana", statement_sha256=sha, start=start,
                             end=start + 8, span_text="Damascus", old_place_id=damascus,
                             place=place_row(elsewhere))
    [chosen] = movements(db)
    props = chosen["properties"]
    assert (props["to_place_id"], props["to_name"]) == (elsewhere.place_id, elsewhere.name)
    assert props["from_place_id"] == before["properties"]["from_place_id"]  # the other end untouched
    assert chosen["geometry"]["coordinates"][-1] == [round(elsewhere.lon, 6), round(elsewhere.lat, 6)]
    assert chosen["geometry"]["coordinates"][0] == before["geometry"]["coordinates"][0]

    beirut = before["properties"]["from_place_id"]
    with open_store(db) as store:
        store.add_correction(scope="statement", action="reject", author="ana", statement_sha256=sha,
                             span_text="Beirut", old_place_id=beirut)
    [one_end] = movements(db)
    assert (one_end["properties"]["from_place_id"], one_end["properties"]["ends"]) == (None, "to")
    assert one_end["properties"]["stub"] is True

    with open_store(db) as store:
        store.add_correction(scope="statement", action="reject", author="ana", statement_sha256=sha,
                             span_text="Damascus", old_place_id=elsewhere.place_id)
    assert movements(db) == []  # neither end is a place any more


def test_the_kml_export_has_a_line_per_movement_after_the_places(store, gaz, tmp_path, capsys):
    """Google Earth and QGIS read KML lines: each movement is a Placemark with a LineString (origin first, the
    GeoJSON export's coordinates), its fields as ExtendedData, after the places' points."""
    import xml.etree.ElementTree as ET

    db, ids = store
    out, gj = tmp_path / "all.kml", tmp_path / "all.geojson"
    for path in (out, gj):
        code, _, err = run(["export", "--db", str(db), "-o", str(path)], capsys)
        assert code == 0, err
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.parse(out).getroot()
    marks = root.findall(".//k:Placemark", ns)
    lines = [m for m in marks if m.find(".//k:LineString", ns) is not None]
    points = [m for m in marks if m.find("k:Point", ns) is not None]
    assert marks == points + lines and len(lines) == 6
    folders = root.findall(".//k:Folder", ns)
    assert [f.find("k:name", ns).text for f in folders] == ["Places", "Movements"]
    assert folders[1].findall("k:Placemark", ns) == lines
    want = [f for f in json.loads(gj.read_text(encoding="utf-8"))["features"]
            if f["properties"]["kind"] == "movement"]
    for mark, feature in zip(lines, want, strict=True):
        coords = [[float(x) for x in pair.split(",")]
                  for pair in mark.find(".//k:coordinates", ns).text.split()]
        assert coords == feature["geometry"]["coordinates"]
        data = {d.get("name"): d.find("k:value", ns).text for d in mark.findall(".//k:Data", ns)}
        assert data["trigger"] == feature["properties"]["trigger"]
        assert int(data["statement_id"]) == feature["properties"]["statement_id"]
