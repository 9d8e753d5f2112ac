"""Identical output before and after a speed change: every mention of a fixed set of documents.

The documents are every text under ``tests/data`` and ``data/statements`` plus generated news-sized text
(the bench's ``varied_text``, several seeds, cut into news-sized documents and also parsed whole), about
700 KB in all. Each mention is written with every field of :class:`geo.model.Mention` (the place as its id),
so offsets, place, confidence, reason and cue are all compared.

    python bench/same_output.py write before.jsonl            # at the old code
    python bench/same_output.py check before.jsonl            # at the new code: exit 1 and the first
                                                              # differences if any mention differs
    python bench/same_output.py write before.jsonl --root DIR # use the geo package of another checkout

Speed is never measured here; see ``bench/bench_geoparse.py``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Documents of the held-out sets whose texts are never read (3 on): compared, but a difference is not printed.
_BLIND = re.compile(r"tests/data/heldout(?:[3-9]|\d\d)/")


def documents(gaz: object) -> list[tuple[str, str]]:
    """``(doc_id, text)`` of every document compared, in a fixed order."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_geoparse import varied_text

    docs = [(str(p.relative_to(ROOT)), p.read_text(encoding="utf-8"))
            for base in (ROOT / "tests" / "data", ROOT / "data" / "statements")
            for p in sorted(base.rglob("*.txt"))]
    for lang in ("ar", "en"):
        for seed in (11, 12, 13):
            text = varied_text(lang, 110_000, gaz, seed=seed)
            docs.append((f"varied-{lang}-{seed}", text))  # whole: one document-wide context
            paras = text.split("\n\n")
            for k in range(0, len(paras), 3):  # and as news items of a few paragraphs each
                docs.append((f"varied-{lang}-{seed}-{k}", "\n\n".join(paras[k : k + 3])))
    return docs


def mention_rows(root: Path) -> list[dict[str, object]]:
    """One row per mention of every document, parsed by the ``geo`` package found under ``root``."""
    sys.path.insert(0, str(root))
    import geo

    gaz = geo.load_gazetteer()
    rows = []
    for doc_id, text in documents(gaz):
        for m in geo.geoparse(text, gazetteer=gaz).mentions:
            row: dict[str, object] = {"doc": doc_id}
            for f in dataclasses.fields(m):
                v = getattr(m, f.name)
                row[f.name] = v.place_id if f.name == "place" and v is not None else v
            rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("write", "check"))
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--root", type=Path, default=ROOT, help="checkout whose geo package parses (default: this one)")
    args = ap.parse_args()
    rows = mention_rows(args.root.resolve())
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]
    docs = len({r["doc"] for r in rows})
    if args.mode == "write":
        args.snapshot.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {len(lines)} mentions of {docs} documents to {args.snapshot}")
        return 0
    old = args.snapshot.read_text(encoding="utf-8").splitlines()
    if old == lines:
        print(f"identical: {len(lines)} mentions of {docs} documents")
        return 0
    diffs = [(k, a, b) for k, (a, b) in enumerate(zip(old, lines, strict=False)) if a != b]
    print(f"DIFFERENT: {len(old)} mentions before, {len(lines)} now; {len(diffs)} differ position by position")
    for k, a, b in diffs[:10]:
        doc = json.loads(b if k < len(lines) else a)["doc"]
        if _BLIND.search(doc):
            # Held-out sets from 3 on are measured, never read: say where, not what.
            print(f"#{k}  {doc}: differs (a held-out text: its mentions are not shown)")
        else:
            print(f"#{k}\n  before {a}\n  now    {b}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
