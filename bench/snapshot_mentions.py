"""Every mention the parser gives on every text we have, for checking that a refactor changes nothing.

    python bench/snapshot_mentions.py before.jsonl            # snapshot (tests/data, statements, public-dev)
    python bench/snapshot_mentions.py after.jsonl
    python bench/snapshot_mentions.py --compare before.jsonl after.jsonl

A snapshot line is one document: its id and each mention's offsets, place, confidence and reason.
``--compare`` prints how many documents differ and the first differences, and exits 1 if any do.
The public development corpora are read from ``--data`` (default ``../shared/public-dev``) when present;
snapshots quote no text, but keep them outside the repository anyway (they are large).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_GAZ: Any = None


def _init() -> None:
    global _GAZ
    if _GAZ is None:
        from geo import load_gazetteer

        _GAZ = load_gazetteer()


def texts(data: Path, limit: int) -> list[tuple[str, str]]:
    """(id, text) of the in-repo corpora, the bundled statements, and the public-dev corpora if present."""
    out = []
    for folder in ("corpus", "heldout", "heldout2"):
        for p in sorted((ROOT / "tests" / "data" / folder).glob("*.txt")):
            out.append((f"{folder}/{p.name}", p.read_text(encoding="utf-8")))
    for p in sorted((ROOT / "data" / "statements").glob("*.txt")):
        out.append((f"statements/{p.name}", p.read_text(encoding="utf-8")))
    for p in sorted(data.glob("*.jsonl")) if data.is_dir() else ():
        with p.open(encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if limit and k >= limit:
                    break
                d = json.loads(line)
                out.append((d["id"], d["text"]))
    return out


def snapshot(item: tuple[str, str]) -> dict[str, Any]:
    """One document's mentions: offsets, place, confidence and reason."""
    from geo import geoparse

    _init()
    did, text = item
    s = geoparse(text, gazetteer=_GAZ)
    return {"id": did, "mentions": [[m.start, m.end, m.place_id, m.confidence, m.reason, m.cue]
                                    for m in s.mentions]}


def compare(a: Path, b: Path, show: int = 20) -> int:
    """Print the documents whose mentions differ; 1 if any do."""
    def load(p: Path) -> dict[str, list[Any]]:
        with p.open(encoding="utf-8") as fh:
            return {o["id"]: o["mentions"] for o in map(json.loads, fh)}

    before, after = load(a), load(b)
    ids = sorted(before.keys() | after.keys())
    diff = [i for i in ids if before.get(i) != after.get(i)]
    n_mentions = sum(len(v) for v in before.values())
    print(f"{len(ids)} documents, {n_mentions} mentions before; {len(diff)} documents differ")
    for i in diff[:show]:
        x, y = before.get(i) or [], after.get(i) or []
        sx, sy = {tuple(map(str, m)) for m in x}, {tuple(map(str, m)) for m in y}
        print(f"- {i}:")
        for m in sorted(sx - sy)[:5]:
            print(f"    before {m}")
        for m in sorted(sy - sx)[:5]:
            print(f"    after  {m}")
    return 1 if diff else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("GEO_PUBLIC_DEV",
                                                                     ROOT.parent / "shared" / "public-dev")))
    ap.add_argument("--limit", type=int, default=0, help="at most N documents per public-dev file (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    if a.compare:
        return compare(*a.compare)
    if a.out is None:
        ap.error("give an output file, or --compare BEFORE AFTER")
    items = texts(a.data, a.limit)
    _init()
    with multiprocessing.get_context("fork").Pool(a.jobs, initializer=_init) as pool:
        rows = pool.map(snapshot, items, chunksize=16)
    with a.out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} documents, {sum(len(r['mentions']) for r in rows)} mentions → {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
