"""The gazetteer's disk cache does not pile up: each upgrade writes a new 40 MB file, and the files of other
builds go once newer ones exist and they went unused for a day; a file loaded is marked as used."""

from __future__ import annotations

import os
import time
from pathlib import Path

from geo.gazetteer import cache

DAY = 24 * 3600


def _file(d: Path, name: str, age_s: float, now: float) -> Path:
    p = d / name
    p.write_bytes(b"x")
    os.utime(p, (now - age_s, now - age_s))
    return p


def test_old_unused_files_of_other_builds_go_and_the_newest_stay(tmp_path):
    now = time.time()
    keep = _file(tmp_path, "gazetteer-current.pickle", 0, now)
    recent = _file(tmp_path, "gazetteer-other-checkout.pickle", 3600, now)  # used an hour ago: stays
    old = [_file(tmp_path, f"gazetteer-old{k}.pickle", (k + 2) * DAY, now) for k in range(4)]
    dead_tmp = _file(tmp_path, ".gazetteer-x.pickle.abc.tmp", 3 * DAY, now)
    live_tmp = _file(tmp_path, ".gazetteer-y.pickle.def.tmp", 10, now)  # a write under way
    other = _file(tmp_path, "notes.txt", 30 * DAY, now)  # not ours
    removed = cache._prune(tmp_path, keep=keep, now=now)
    # The two most recently used files besides the current one stay, however old; older unused ones go.
    assert sorted(removed) == sorted([*old[1:], dead_tmp])
    assert keep.exists() and recent.exists() and old[0].exists() and live_tmp.exists() and other.exists()


def test_a_fresh_cache_of_several_checkouts_is_left_alone(tmp_path):
    now = time.time()
    files = [_file(tmp_path, f"gazetteer-{k}.pickle", k * 600, now) for k in range(8)]
    assert cache._prune(tmp_path, keep=files[0], now=now) == []  # all used today: side-by-side checkouts
    assert all(p.exists() for p in files)


def test_loading_marks_the_file_used(tmp_path):
    p = _file(tmp_path, "gazetteer-a.pickle", 5 * DAY, time.time())
    cache._mark_used(p)
    assert time.time() - p.stat().st_mtime < 60


def test_a_builds_files_go_together_and_its_newest_file_dates_it(tmp_path):
    now = time.time()
    keep = _file(tmp_path, "gazetteer-current.core", 0, now)
    _file(tmp_path, "gazetteer-current.skeletons", 9 * DAY, now)  # the current build's part: never removed
    # Two recent builds stay; the older builds go whole (core and parts), an old single-file build too.
    _file(tmp_path, "gazetteer-a.core", 2 * DAY, now)
    _file(tmp_path, "gazetteer-b.core", 3 * DAY, now)
    c = [_file(tmp_path, f"gazetteer-c.{s}", 4 * DAY, now) for s in ("core", "skeletons", "near")]
    old_pickle = _file(tmp_path, "gazetteer-d.pickle", 5 * DAY, now)
    # A build whose part was read yesterday-but-one and core long ago is dated by the part: the newest two.
    e = [_file(tmp_path, "gazetteer-e.core", 20 * DAY, now), _file(tmp_path, "gazetteer-e.near", 1.5 * DAY, now)]
    removed = cache._prune(tmp_path, keep=keep, now=now)
    assert sorted(removed) == sorted([*c, old_pickle, tmp_path / "gazetteer-b.core"])
    assert all(p.exists() for p in e) and (tmp_path / "gazetteer-a.core").exists()
    assert (tmp_path / "gazetteer-current.skeletons").exists()
