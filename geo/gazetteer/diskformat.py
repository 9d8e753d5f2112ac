"""The on-disk form of the built gazetteer's tables, made for a fast cold start (:mod:`geo.gazetteer.cache`).

Loading the tables is most of a fresh process's start, and most of that is making half a million small
strings and putting them in dicts and sets. Pickle writes and reads each string on its own (an opcode, a
length, a memo entry); here a list, set or dict of strings is kept as one NUL-joined string that a single C-level
``str.split`` cuts up, numbers as flat machine arrays (``array``), and the whole as one ``marshal`` payload
behind a short header (magic, length): a file cut short or not of this form is :class:`CorruptCacheError`, never
a wrong table. Values of any other form are written as ``marshal`` writes them (or pickled), so a table added
to the build later needs no change here.

``marshal``'s format belongs to the Python version: the cache key (:func:`geo.gazetteer.cache._fingerprint`)
includes it.
"""

from __future__ import annotations

import marshal
import struct
from array import array
from collections.abc import Mapping
from typing import Any

__all__ = ["CorruptCacheError", "dumps", "loads", "dumps_pickled", "loads_pickled"]

_MAGIC = b"GEOGAZ2\n"
_PICKLED_MAGIC = b"GEOGAZP\n"
_HEADER = struct.Struct("<8sQ")
_SEP = "\0"


class CorruptCacheError(ValueError):
    """A cache file that is cut short, damaged, or not of this form."""


def _joinable(strings: Any) -> bool:
    return all(type(s) is str and _SEP not in s for s in strings)


def _encode(value: Any) -> Any:
    """A marshal-able form of ``value`` (see :func:`_decode`)."""
    if isinstance(value, array):
        return ("a", value.typecode, value.tobytes())
    if type(value) is list and value and _joinable(value):
        if len({id(s) for s in value}) * 2 < len(value):
            return ("m", value)  # few distinct (interned) values: marshal writes each once and refers back
        return ("L", len(value), _SEP.join(value))
    if type(value) is frozenset and value and _joinable(value):
        return ("F", len(value), _SEP.join(value))
    if type(value) is dict and value and _joinable(value):
        if all(type(k) is str for k in value) and all(
                (type(v) is int and 0 <= v < 1 << 62) or (type(v) is tuple and all(type(x) is int for x in v))
                for v in value.values()):
            # Keys joined; ints in one array, a tuple's place marked -1 and the tuples kept apart.
            vals = list(value.values())
            at = [k for k, v in enumerate(vals) if type(v) is tuple]
            ints = array("q", [-1 if type(v) is tuple else v for v in vals])
            return ("I", len(vals), _SEP.join(value), ints.tobytes(), array("q", at).tobytes(),
                    tuple(vals[k] for k in at))
        if _joinable(value.values()):
            return ("S", len(value), _SEP.join(value), _SEP.join(value.values()))  # str → str: two strings
    if type(value) is dict and value and all(type(k) is str for k in value) and all(
            type(v) in (dict, list, array, frozenset) for v in value.values()):
        return ("C", {k: _encode(v) for k, v in value.items()})  # a table of columns: each on its own
    try:
        # marshal writes any buffer (an array inside a tuple) as bytes: only what reads back equal is marshalled.
        same = marshal.loads(marshal.dumps(value)) == value
    except ValueError:
        same = False
    if same:
        return ("m", value)
    import pickle  # here and below, not at the top: a start that reads only marshalled tables never needs it

    return ("p", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def _split(n: int, blob: str) -> list[str]:
    out = blob.split(_SEP) if n else []
    if len(out) != n:
        raise CorruptCacheError(f"{n} strings expected, {len(out)} found")
    return out


def _decode(enc: Any) -> Any:
    tag = enc[0]
    if tag == "m":
        return enc[1]
    if tag == "L":
        return _split(enc[1], enc[2])
    if tag == "F":
        return frozenset(_split(enc[1], enc[2]))
    if tag == "a":
        out = array(enc[1])
        out.frombytes(enc[2])
        return out
    if tag == "I":
        n, blob, ints, at, tuples = enc[1:]
        keys = _split(n, blob)
        numbers = array("q")
        numbers.frombytes(ints)
        vals: list[Any] = numbers.tolist()
        where = array("q")
        where.frombytes(at)
        if len(vals) != n or len(where) != len(tuples):
            raise CorruptCacheError("a table's values do not match its keys")
        for k, t in zip(where, tuples, strict=True):
            vals[k] = t
        return dict(zip(keys, vals, strict=True))
    if tag == "S":
        return dict(zip(_split(enc[1], enc[2]), _split(enc[1], enc[3]), strict=True))
    if tag == "C":
        return {k: _decode(v) for k, v in enc[1].items()}
    if tag == "p":
        import pickle

        return pickle.loads(enc[1])
    raise CorruptCacheError(f"unknown table form {tag!r}")


def dumps(state: Mapping[str, Any]) -> bytes:
    """The file content for ``state`` (a dict of tables keyed by name): a list of the tables' names and sizes,
    then each table on its own, so a reader holds one table's raw form at a time (a lower peak of memory)."""
    chunks = [marshal.dumps(_encode(v)) for v in state.values()]
    toc = marshal.dumps([(k, len(c)) for k, c in zip(state, chunks, strict=True)])
    payload = b"".join([_LENGTH.pack(len(toc)), toc, *chunks])
    return _HEADER.pack(_MAGIC, len(payload)) + payload


_LENGTH = struct.Struct("<Q")


def _tables(payload: memoryview) -> dict[str, Any]:
    (size,) = _LENGTH.unpack(payload[: _LENGTH.size])
    at = _LENGTH.size + size
    toc = marshal.loads(payload[_LENGTH.size : at])
    if type(toc) is not list or sum(n for _, n in toc) != len(payload) - at:
        raise CorruptCacheError("the list of tables does not match the file")
    out = {}
    for name, n in toc:
        out[name] = _decode(marshal.loads(payload[at : at + n]))
        at += n
    return out


def _payload(view: memoryview, magic: bytes) -> memoryview:
    if len(view) < _HEADER.size:
        raise CorruptCacheError("file too short")
    got, length = _HEADER.unpack(view[: _HEADER.size])
    if got != magic:
        raise CorruptCacheError("not a gazetteer cache file of this version")
    if len(view) - _HEADER.size != length:
        raise CorruptCacheError(f"{length} bytes expected, {len(view) - _HEADER.size} found (cut short?)")
    return view[_HEADER.size:]


def _unwrap(data: Any, magic: bytes, read: Any) -> Any:
    """``read`` applied to the payload of ``data`` (bytes or a memory map: every view of it released after, so a
    map can be closed); :class:`CorruptCacheError` for any failure, since damaged bytes can fail in many ways
    inside marshal, pickle, array and str, and all of them mean "rebuild"."""
    try:
        with memoryview(data) as view, _payload(view, magic) as payload:
            return read(payload)
    except CorruptCacheError:
        raise
    except Exception as exc:
        raise CorruptCacheError(f"{type(exc).__name__}: {exc}") from None


def loads(data: Any) -> dict[str, Any]:
    """The tables written by :func:`dumps` (``data``: bytes or a memory map of the file); :class:`CorruptCacheError`
    if it is not such a file."""
    return _unwrap(data, _MAGIC, _tables)


def dumps_pickled(state: Mapping[str, Any]) -> bytes:
    """The file content for tables of any picklable form (the parts loaded on first use)."""
    import pickle

    payload = pickle.dumps(dict(state), protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(_PICKLED_MAGIC, len(payload)) + payload


def loads_pickled(data: Any) -> dict[str, Any]:
    """The tables written by :func:`dumps_pickled`; :class:`CorruptCacheError` if ``data`` is not such a file."""
    import pickle

    out = _unwrap(data, _PICKLED_MAGIC, pickle.loads)
    if type(out) is not dict:
        raise CorruptCacheError("not a table of tables")
    return out
