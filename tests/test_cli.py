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
