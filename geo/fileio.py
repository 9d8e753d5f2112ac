"""Write files atomically: everything goes to a temporary file in the target's directory, which then replaces
the target in one ``os.replace``. A write that fails half-way (disk full, a file-size limit, an exception
while the content is produced) leaves the previous file exactly as it was and no temporary file behind;
a reader never sees half a file (a killed process may leave a ``.NAME.*.tmp`` beside it, never a
truncated NAME).

Every file :mod:`geo` writes goes through :func:`atomic_write` (the standalone map, the CLI's ``-o``, the
gazetteer cache).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_write", "write_text_atomic", "write_bytes_atomic"]


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` sets it: racy with other threads)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str], mode: str = "w", *, encoding: str | None = "utf-8",
                 newline: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path`` for writing (``mode`` ``"w"`` or ``"wb"``); on leaving the block
    without an exception it replaces ``path``, else it is deleted and ``path`` is untouched.

    The new file keeps the permissions of the file it replaces (a new one gets the usual ``0o666`` less the
    umask, not ``mkstemp``'s ``0o600``). A target that exists but is no regular file (``/dev/stdout``, a
    pipe) cannot be replaced and is written directly.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_write(p) as fh:
    ...     _ = fh.write("done")
    >>> p.read_text()
    'done'
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    binary = mode == "wb"
    target = Path(path)
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        with open(target, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
            yield fh
        return
    import tempfile  # here: it pulls in random, shutil and more, which `import geo` has no other use for

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else newline) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them
        os.chmod(tmp, stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write`); returns the path."""
    with atomic_write(path, "w", encoding=encoding, newline="") as fh:
        fh.write(text)
    return Path(path)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`); returns the path."""
    with atomic_write(path, "wb") as fh:
        fh.write(data)
    return Path(path)
