"""The command line: jsonl offsets into the decoded input, geojson, several files, stdin, bad input."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from geo.cli import main

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


def test_jsonl_offsets_point_into_the_decoded_input():
    code, out = run(["parse", str(SEED)])
    assert code == 0
    text = SEED.read_text(encoding="utf-8")
    lines = [json.loads(line) for line in out.splitlines()]
    recs = [r for r in lines if "type" not in r]  # mentions; movements follow them with "type": "movement"
    assert [r["type"] for r in lines[len(recs):]] == ["movement"] * 5
    assert len(recs) == 31
    assert [r["start"] for r in recs] == sorted(r["start"] for r in recs)  # text order
    for r in recs:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["sentence_start"] <= r["start"] < r["end"] <= r["sentence_end"]
        assert set(r) >= {"place_id", "name", "name_ar", "kind", "country_code", "lat", "lon", "confidence"}
    assert {r["place_id"] for r in recs} >= {"country:SY", "curated:al-hol-camp", "geonames:98182"}


def test_geojson_format_and_several_files(tmp_path):
    other = tmp_path / "en.txt"
    other.write_text("Talks were held in Baghdad and Damascus.", encoding="utf-8")
    code, out = run(["parse", str(SEED), str(other), "--format", "geojson"])
    assert code == 0
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection"
    files = {f["properties"]["file"] for f in fc["features"]}
    assert files == {str(SEED), str(other)}


def test_jsonl_file_field_only_with_several_files(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("in Baghdad", encoding="utf-8")
    _, one = run(["parse", str(a)])
    _, two = run(["parse", str(a), str(a)])
    assert "file" not in json.loads(one.splitlines()[0])
    assert json.loads(two.splitlines()[0])["file"] == str(a)


def test_stdin_and_utf16(tmp_path):
    data = "اجتماع في الرياض".encode("utf-16")
    proc = subprocess.run([sys.executable, "-m", "geo", "parse", "-"], input=data, capture_output=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    rec = json.loads(proc.stdout.decode().splitlines()[0])
    assert rec["place_id"] == "geonames:108410" and rec["text"] == "الرياض"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG"),
])
def test_bad_input_is_a_message_not_a_traceback(tmp_path, capsys, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    code, _ = run(["parse", str(p)])
    err = capsys.readouterr().err
    assert code == 2
    assert message.lower() in err.lower() and "Traceback" not in err


def test_missing_file(capsys):
    code, _ = run(["parse", "/nonexistent/statement.txt"])
    assert code == 2
    assert "nonexistent" in capsys.readouterr().err


def test_several_files_each_error_names_its_file_and_the_others_are_parsed(tmp_path, capsys):
    """Before, the first bad file stopped the run without naming itself; the files after it were never read."""
    good_a = tmp_path / "a.txt"
    good_a.write_text("Talks were held in Baghdad.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "image.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good_b = tmp_path / "b.txt"
    good_b.write_text("وصل الوفد إلى دمشق.", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    code, out = run(["parse", str(good_a), str(empty), str(png), str(missing), str(good_b)])
    err = capsys.readouterr().err
    assert code == 1  # some files failed: 1; the others are in the output
    assert err.splitlines() == [
        f"error: {empty}: the file is empty",
        f"error: {png}: this is a PNG image, not a text file (it starts with b'\\x89PNG\\r\\n\\x1a\\n'); upload the "
        f"statement as plain text (UTF-8, UTF-16, Windows-1256 or ISO-8859-6)",
        f"error: {missing}: cannot read it: No such file or directory",
    ]
    recs = [json.loads(line) for line in out.splitlines() if '"type"' not in line]
    assert [(r["file"], r["place_id"]) for r in recs] == [(str(good_a), "geonames:98182"),
                                                          (str(good_b), "geonames:170654")]


def test_when_every_file_fails_the_status_is_2_and_an_output_file_is_kept(tmp_path, capsys):
    out = tmp_path / "out.jsonl"
    out.write_text("kept\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, _ = run(["parse", str(empty), str(tmp_path / "gone.txt"), "-o", str(out)])
    assert code == 2 and out.read_text() == "kept\n"
    assert capsys.readouterr().err.count("error: ") == 2


def test_output_file_and_geojson_with_a_bad_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Talks were held in Baghdad.", encoding="utf-8")
    out = tmp_path / "out.geojson"
    code, printed = run(["parse", str(good), str(tmp_path / "gone.txt"), "--format", "geojson", "-o", str(out)])
    assert code == 1 and printed == ""
    fc = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["file"] for f in fc["features"]] == [str(good)]
    assert "gone.txt: cannot read it" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path, capsys):
    import os

    raw = os.fsencode(tmp_path) + b"/bad\xff.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Talks were held in Baghdad.")
    name = os.fsdecode(raw)  # a surrogate escape stands for the byte 0xff
    code, out = run(["parse", name, name])
    assert code == 0
    assert json.loads(out.splitlines()[0])["file"].endswith("/bad\\xff.txt")
    out.encode("utf-8")  # printable: no lone surrogate reaches standard output
