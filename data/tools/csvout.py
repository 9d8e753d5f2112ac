"""The CSV tail every data tool shares: rows written as UTF-8 with ``\\n`` line ends and a header."""

from __future__ import annotations

import csv
from collections.abc import Mapping, Sequence
from pathlib import Path

__all__ = ["write_rows"]


def write_rows(path: Path, rows: Sequence[Mapping[str, object]], fields: Sequence[str] | None = None) -> None:
    """Write ``rows`` to ``path`` with a header of ``fields`` (default: the first row's keys, in order).

    ``\\n`` line ends whatever the platform, so a derived file is byte-identical wherever it is made.
    """
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(fields if fields is not None else rows[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
