"""The gazetteer's disk cache: its files read back to the very tables the build made, the index's longer names
grouped by their first two tokens answer as the build's index did, and a damaged or cut-short file is made again
with a warning (the core by a build, a part from the core), never a traceback nor a wrong table.

A small gazetteer stands in for the full build here (the build takes a minute): the cache code is the same.
"""

from __future__ import annotations

import logging
import pickle
from array import array

import pytest
import shapely

from geo.gazetteer import ALIAS, ALT, NAME, NAME_AR, Gazetteer, cache, diskformat
from geo.gazetteer.builder import _Builder
from geo.gazetteer.index import _pack, _unpack


def _builder() -> _Builder:
    b = _Builder()
    sy = b.add_place("country:SY", "Syria", "سوريا", "country", "SY", 35.0, 38.0, 50_000_000, "test",
                     shapely.box(36.0, 32.5, 42.0, 37.2))
    b.add_name("Syria", sy, NAME)
    b.add_name("سوريا", sy, NAME_AR)
    ny = b.add_place("geonames:1", "New York", "", "city", "US", 40.7, -74.0, 8_000_000, "test")
    b.add_name("New York", ny, NAME)
    b.add_name("New York City", ny, ALIAS)
    mills = b.add_place("geonames:2", "New York Mills", "", "town", "US", 46.5, -95.4, 1_200, "test")
    b.add_name("New York Mills", mills, NAME)
    b.add_name("New York", mills, ALT)  # a second reading of a two-token name: a tuple of refs
    has = b.add_place("geonames:3", "Al-Hasakah", "الحسكة", "city", "SY", 36.5, 40.75, 188_000, "test")
    b.add_name("al-Hasakah", has, NAME)  # also "Hasakah" alone (the article dropped)
    b.add_name("الحسكة", has, NAME_AR)
    b.add_name("Hasake", has, ALT)
    b.add_place("geonames:4", "Hasaka", "", "town", "SY", 36.4, 40.7, 900, "test")  # same skeleton as Hasakah
    river = b.add_place("ne:1", "Khabur", "", "river", "SY", 36.0, 40.5, 1_000_000, "test",
                        shapely.LineString([(40.0, 37.0), (40.5, 36.0), (40.2, 35.2)]))
    b.add_name("Khabur River", river, NAME)
    return b


def _gazetteer() -> Gazetteer:
    return Gazetteer(_builder().state({"syria": 4.1}, frozenset({"the", "of"}), {"في": 6.5}))


def test_longer_names_grouped_by_their_first_two_tokens_read_as_the_builders_index():
    b = _builder()
    gaz = Gazetteer(b.state({}, frozenset(), {}))
    assert any(len(k) == 3 for k in b.index) and any(len(k) == 2 and len(v) > 1 for k, v in b.index.items())
    for key, bucket in b.index.items():
        assert gaz.refs(key) == _unpack(_pack(bucket)), key
    assert gaz.refs(("new", "york", "town")) == () and gaz.refs(("york", "new")) == () and gaz.refs(()) == ()
    assert gaz.has_pair("new", "york") and not gaz.has_pair("york", "mills")
    assert gaz.lengths("new") == (3, 2)
    assert "names" in repr(gaz) and f"{len(b.index)} names" in repr(gaz)


def test_every_table_reads_back_equal():
    state = _gazetteer()._state
    core = {k: v for k, v in state.items() if k not in ("town_skeletons", "near_countries")}
    back = diskformat.loads(diskformat.dumps(core))
    assert back.keys() == core.keys()
    for key, value in core.items():
        assert back[key] == value, key
        assert type(back[key]) is type(value), key
    assert isinstance(back["cols"]["lat"], array) and back["cols"]["lat"] == state["cols"]["lat"]
    parts = {k: state[k] for k in ("town_skeletons", "near_countries")}
    assert diskformat.loads_pickled(diskformat.dumps_pickled(parts)) == parts


@pytest.mark.parametrize("value", [
    [], frozenset(), {}, [""], ["a", "", "b"], ["x\0y", "z"], frozenset({"a\0b"}), {"k": (1, 2), "j": ()},
    {"k": -1}, {"a": "b\0"}, {"a": "b", "c": ""}, {1: b"\0\1"}, (array("i", [1]),), {"x": 1.5},
])
def test_odd_tables_read_back_equal(value):
    assert diskformat.loads(diskformat.dumps({"t": value})) == {"t": value}


@pytest.fixture
def built(monkeypatch):
    """The small gazetteer in place of the full build; the number of builds made."""
    import geo.gazetteer.build as build_module

    count = []

    def build(extra_places=()):
        count.append(1)
        return _gazetteer()

    monkeypatch.setattr(build_module, "build_gazetteer", build)
    return count


def _load(directory):
    return cache._load_cached.__wrapped__(str(directory))  # past the in-process cache: from disk every time


def _core(directory):
    (path,) = directory.glob("gazetteer-*.core")
    return path


def test_the_cache_reads_back_what_the_build_made(tmp_path, built):
    first = _load(tmp_path)
    names = sorted(p.suffix for p in tmp_path.iterdir())
    assert names == [".core", ".near", ".skeletons"] and len(built) == 1
    again = _load(tmp_path)
    assert len(built) == 1  # read, not built
    assert isinstance(again._state, cache._LazyState) and "town_skeletons" not in again._state  # not read yet
    keys = list(_builder().index)
    assert ("new", "york", "city") in keys and ("khabur", "river") in keys
    for key in keys:
        assert again.refs(key) == first.refs(key) != ()
    assert again.towns_by_skeleton("SY") == first.towns_by_skeleton("SY") != {}
    river = again.index_of("ne:1")
    assert again.near_countries(river) == first.near_countries(river) == {"SY": 0.0}
    # Sent to another process, it carries every table.
    copy = pickle.loads(pickle.dumps(again))
    assert type(copy._state) is dict and copy.towns_by_skeleton("SY") == first.towns_by_skeleton("SY")


@pytest.mark.parametrize("damage", ["cut", "garbage", "empty", "other"])
def test_a_damaged_core_is_rebuilt_with_a_warning(tmp_path, built, caplog, damage):
    _load(tmp_path)
    path = _core(tmp_path)
    data = path.read_bytes()
    path.write_bytes({"cut": data[: len(data) // 2], "garbage": data[:16] + bytes(range(256)) * 64, "empty": b"",
                      "other": pickle.dumps({"version": 1})}[damage])
    with caplog.at_level(logging.WARNING, logger="geo.gazetteer.cache"):
        gaz = _load(tmp_path)
    assert "unreadable" in caplog.text and "rebuilding" in caplog.text
    assert len(built) == 2 and gaz.refs(("syria",))
    assert _load(tmp_path).refs(("syria",)) and len(built) == 2  # written again whole


@pytest.mark.parametrize("part", ["skeletons", "near"])
@pytest.mark.parametrize("damage", ["cut", "garbage", "missing", "wrong"])
def test_a_damaged_part_is_made_again_from_the_core(tmp_path, built, caplog, part, damage):
    good = _load(tmp_path)
    path = _core(tmp_path).with_suffix(f".{part}")
    data = path.read_bytes()
    if damage == "missing":
        path.unlink()
    else:
        path.write_bytes({"cut": data[:-5], "garbage": data[:16] + b"\x80\x05junk" * 50,
                          "wrong": diskformat.dumps_pickled({"other": 1})}[damage])
    gaz = _load(tmp_path)
    with caplog.at_level(logging.WARNING, logger="geo.gazetteer.cache"):
        assert gaz.towns_by_skeleton("SY") == good.towns_by_skeleton("SY")
        river = gaz.index_of("ne:1")
        assert gaz.near_countries(river) == good.near_countries(river)
    assert "unreadable" in caplog.text and "making it again" in caplog.text and len(built) == 1
    assert diskformat.loads_pickled(path.read_bytes())  # written again, readable
    caplog.clear()
    fresh = _load(tmp_path)
    with caplog.at_level(logging.WARNING, logger="geo.gazetteer.cache"):
        assert fresh.towns_by_skeleton("SY") == good.towns_by_skeleton("SY")
    assert "unreadable" not in caplog.text


def test_a_core_of_the_wrong_shape_is_rebuilt(tmp_path, built, caplog):
    good = _load(tmp_path)
    path = _core(tmp_path)
    state = diskformat.loads(path.read_bytes())
    for broken in ({**state, "cols": [1, 2]}, {**state, "cols": {"id": [1], "name": [1, 2]}},
                   {k: v for k, v in state.items() if k != "index"}, {**state, "version": -1}):
        path.write_bytes(diskformat.dumps(broken))
        with caplog.at_level(logging.WARNING, logger="geo.gazetteer.cache"):
            gaz = _load(tmp_path)
        assert "rebuilding" in caplog.text and gaz.refs(("syria",)) == good.refs(("syria",))
        caplog.clear()
    assert len(built) == 5
