"""Results computed once per Situation object (by identity), dropped when the Situation is.

A big situation (a hundred thousand mentions) is shown on every rerun of the dashboard:
its map layers and its statement pages are built once, not at every click. Keyed by
``id()`` with a weak reference, because hashing a Situation would hash its whole text and
every mention each time.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

__all__ = ["per_object"]

T = TypeVar("T")

_lock = threading.Lock()
_memo: dict[int, tuple[weakref.ref, dict[Hashable, Any]]] = {}


def _forget(key: int, lock: threading.Lock = _lock, memo: dict = _memo) -> None:
    # Bound as defaults: a weak reference may die while the interpreter shuts down, after this module's
    # globals have been cleared to None.
    with lock:
        memo.pop(key, None)


def per_object(obj: object, key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, remembered for ``(obj, key)`` as long as ``obj`` lives (``obj`` must allow weak references).

    Two threads asking at once may both compute; the values are equal, the last one is kept.
    """
    ident = id(obj)
    with _lock:
        entry = _memo.get(ident)
        if entry is not None and entry[0]() is obj and key in entry[1]:
            return entry[1][key]
    value = compute()
    with _lock:
        entry = _memo.get(ident)
        if entry is None or entry[0]() is not obj:
            entry = (weakref.ref(obj, lambda _r, ident=ident, forget=_forget: forget(ident)), {})
            _memo[ident] = entry
        entry[1][key] = value
    return value
