"""Failing safe on hostile input (issue 14): linear-time scanning of runs, checked places files, atomic writes,
lone surrogates. Each test names the failure it guards against."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import InputError, geoparse

# -- every regex over user text or user names scans runs in linear time --------------------------------------------
# Run characters: sentence marks, separators, spaces of each kind, marks that folding deletes, format characters.
RUN_CLASSES = [".", "!", "?", "؟", "…", "۔", " ", "\n", "\t", "\u00a0", "\u2028", ";", '"', ",", "،", "-",
               "\u064b", "\u0640", "\u200b", "\u2060"]


@pytest.mark.parametrize("run", RUN_CLASSES)
@pytest.mark.parametrize(("before", "after"), [("Refugees fled Damascus", " for Aleppo"),
                                                ("وصل النازحون إلى دمشق", " ثم حلب")])
def test_a_run_of_50000_finds_what_a_run_of_4_finds(gaz, run, before, after):
    """Stretching a run from 4 to 50,000 characters moves the mentions after it and changes nothing else.

    Before the fix a run of 30,000 "!" took 10 s in the sentence splitter, and 160,000 tanween marks did not
    finish in two minutes (each mark searched its whole run again).
    """
    def rows(n: int) -> list[tuple[int, int, str | None, str]]:
        s = geoparse(before + run * n + after, gazetteer=gaz)
        shift = lambda o: o if o <= len(before) else o - n  # noqa: E731
        return [(shift(m.start), shift(m.end), m.place_id, m.reason) for m in s.mentions]

    short = rows(4)
    assert short and short == rows(50_000)


# The head-word patterns as they were: a space run before an end-anchored alternative made them cubic
# (500 spaces in a user's place name took 12 s).
_OLD_HEAD_RE = re.compile(
    r"(?:\s+(?:refugee|displacement|detention|IDP)?\s*(?:camp|prison|border crossing|crossing|"
    r"rehabilitation centre|gate)s?$)"
    r"|^(?:the\s+)|^(?:مخي[ّ]?م|سجن|معبر|منفذ|مركز)\s+|\s+(?:الحدودي|المركزي|البري)$",
    re.IGNORECASE,
)
_OLD_ADMIN1_HEAD_RE = re.compile(
    r"\s+(?:Department|Province|Governorate|State|Region|County|District|Oblast)$"
    r"|^(?:مقاطعة|محافظة|ولاية|إقليم|منطقة)\s+",
)
_NAME_PIECES = [" ", "  ", "\t", "\n", "\u00a0", "x", "Azraq", "camp", "Camps", "refugee", "IDP", "the", "gate",
                "border crossing", "s", "مخيم", "الحدودي", "Province", "محافظة", "Oblast"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=10).map("".join))
def test_head_word_patterns_equal_their_old_form(name):
    from geo.gazetteer.builder import _ADMIN1_HEAD_RE, _HEAD_RE

    assert _HEAD_RE.sub("", name) == _OLD_HEAD_RE.sub("", name)
    assert _ADMIN1_HEAD_RE.sub("", name) == _OLD_ADMIN1_HEAD_RE.sub("", name)


@pytest.mark.parametrize("name", [" " * 100_000 + "x", " " * 100_000 + "camp x", "x" + "\t" * 100_000,
                                  "Azraq refugee" + " " * 100_000 + "x"])
def test_a_place_name_of_100000_spaces_is_read(gaz, name):
    import json

    fc = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {
        "type": "Point", "coordinates": [36.0, 32.0]}, "properties": {"id": "p", "name": name, "kind": "camp"}}]}
    assert gaz.with_places_geojson(json.dumps(fc)).get("user:p").name == name


_TANWEEN_PIECES = ["\u064b", "\u064c", "\u064d", "\u064e", "\u0640", " ", ".", "\n", "\t", "\u00a0", "،", "ب", "دمشق",
                   "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TANWEEN_PIECES), max_size=30).map("".join))
def test_tanween_words_equal_a_word_by_word_reading(text):
    """The words with tanween, found from the marks outwards, are the words (runs of letters and marks) that
    carry one: the skipping that made it linear loses none."""
    from geo.extract import _MARKED_WORD_RE, _tanween_words
    from geo.text import fold

    expected = frozenset(fold(w).text for w in _MARKED_WORD_RE.findall(text) if re.search("[\u064b-\u064d]", w))
    assert _tanween_words(text) == expected


# -- JSON nesting depth of a places file, measured before json.loads ------------------------------------------------
_JSON = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{}"\\ab,:\n', max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet='[]{}"\\k', max_size=3), inner,
                                                                  max_size=3),
    max_leaves=40,
)


def _depth(value: object) -> int:
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    return 0


@settings(max_examples=400, deadline=None)
@given(value=_JSON, limit=st.integers(0, 8))
def test_json_depth_is_measured_outside_strings(value, limit):
    """Brackets and escaped quotes inside strings do not count; the depth is exact for any valid JSON."""
    from geo.placesfile import _too_deep

    assert _too_deep(json.dumps(value), limit) == (_depth(value) > limit)


@pytest.mark.parametrize("text", ['["' + "[" * 1000, '"\\"' * 10_000 + "[" * 100, '["\\' + "[" * 100,
                                  "[" * 65 + '"' + "]" * 65])
def test_json_depth_of_broken_text_is_measured_in_linear_time(text):
    """An open string runs to the end (no backtracking over the escaped quotes after it): what json.loads would
    recurse through before the broken string is what counts."""
    from geo.placesfile import _too_deep

    assert _too_deep(text, 64) == (text.startswith("[" * 65))


# -- files are written atomically -------------------------------------------------------------------------------------
def test_a_write_that_fails_half_way_leaves_the_previous_file_whole(tmp_path):
    from geo.fileio import atomic_write, write_text_atomic

    target = tmp_path / "map.html"
    write_text_atomic(target, "the previous map")
    target.chmod(0o640)
    with pytest.raises(OSError, match="No space left"), atomic_write(target) as fh:
        fh.write("<html>half of the new ma")
        fh.flush()
        raise OSError(28, "No space left on device")  # what a full disk raises part-way through
    assert target.read_text() == "the previous map"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.html"]  # no temporary file left
    write_text_atomic(target, "the new map")
    assert target.read_text() == "the new map"
    assert target.stat().st_mode & 0o777 == 0o640  # the replaced file's permissions are kept


def test_an_atomic_write_to_a_device_writes_through(tmp_path):
    from geo.fileio import write_bytes_atomic

    write_bytes_atomic("/dev/null", b"x")  # no temporary file can replace a device: written directly
    assert write_bytes_atomic(tmp_path / "new.bin", b"\x00\x01").read_bytes() == b"\x00\x01"


def _limit_file_size(limit: int) -> None:
    import resource
    import signal

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit then fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize("command", [["map", "STATEMENT", "-o", "OUT"], ["parse", "STATEMENT", "-o", "OUT"]])
def test_the_cli_keeps_the_previous_output_when_the_disk_fills(tmp_path, command):
    """A real failure half-way: a file-size limit of 4 KB makes the write fail with EFBIG (a full disk fails the
    same way). Before, `geo map ... -o prev.html` left a truncated prev.html."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "prev.out"
    out.write_text("previous output\n" * 10)
    statement = root / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"
    argv = [str(statement) if a == "STATEMENT" else str(out) if a == "OUT" else a for a in command]
    proc = subprocess.run([sys.executable, "-m", "geo", *argv], cwd=root, capture_output=True, text=True,
                          timeout=300, preexec_fn=lambda: _limit_file_size(4096))
    assert proc.returncode == 2, proc.stderr
    assert f"error: {out}: cannot write it: File too large" in proc.stderr and "Traceback" not in proc.stderr
    assert out.read_text() == "previous output\n" * 10
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prev.out"]


# -- lone surrogates: repaired at the input, so every export can be written ---------------------------------------
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(["Riyadh", " ", "دمشق", "\ud800", "\udfff", "\ud83d", "\ude00", ". ", "Aleppo",
                                        "في"]), min_size=1, max_size=12))
def test_lone_surrogates_become_replacement_characters_and_every_export_encodes(gaz, tmp_path, pieces):
    from geo.mapview import write_map_html
    from geo.report import mentions_csv, places_csv, statement_html

    text = "".join(pieces)
    s = geoparse(text, gazetteer=gaz)
    assert len(s.text) == len(text)  # one code point for one: offsets into the text as given still hold
    assert s.text == "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)
    for m in s.mentions:
        assert s.text[m.start : m.end] == m.surface == text[m.start : m.end]  # no place name holds a surrogate
    json.dumps(s.to_geojson(), ensure_ascii=False).encode("utf-8")
    for export in (mentions_csv(s), places_csv(s), statement_html(s)):
        export.encode("utf-8")
    path = write_map_html(s, tmp_path / "map.html")
    assert path.stat().st_size > 1000  # before: UnicodeEncodeError and a 0-byte file


def test_a_surrogate_in_a_places_file_is_refused(gaz):
    data = ('{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", '
            '"coordinates": [36, 33]}, "properties": {"id": "x", "name": "Clinic \\ud800 Nine", "kind": "facility"}}]}')
    with pytest.raises(InputError, match=r"feature #0 \(id 'x'\) of 'up\.geojson': 'name' holds U\+D800, half of a "
                                         r"UTF-16 surrogate pair"):
        gaz.with_places_geojson(data, name="up.geojson")
