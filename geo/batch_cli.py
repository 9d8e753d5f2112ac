"""``python -m geo batch INPUT... -o OUT``: geoparse a corpus on Dask (see :mod:`geo.batch`).

Kept apart from :mod:`geo.cli`, which only registers the subcommand (:func:`add_parser`).
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from .errors import GeoError
from .pipeline import LANGS

__all__ = ["add_parser", "run"]


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``batch`` subcommand to the CLI's subparsers."""
    b = sub.add_parser("batch", help="geoparse a corpus on Dask into GeoParquet (resumable)",
                       description="Geoparse folders of .txt files, JSONL, CSV or Parquet (fields id, text, "
                                   "optional date, source) into GeoParquet partitions of mentions and a "
                                   "per-place summary. A rerun skips the partitions already written.")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="folder of .txt files, .jsonl, .csv or .parquet")
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    b.add_argument("--workers", type=int, default=None, metavar="N",
                   help="worker processes on this machine (default: one per core)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask cluster, e.g. tcp://10.0.0.5:8786")
    b.add_argument("--db", metavar="PATH", help="also add every document to this store")
    b.add_argument("--lang", choices=LANGS, default="auto")
    b.add_argument("--places", action="append", metavar="GEOJSON", help="a GeoJSON file of your own places")
    b.add_argument("--partition-mb", type=float, default=1.0, metavar="MB", help="text per partition (default 1)")
    b.add_argument("--max-doc-mb", type=float, default=10.0, metavar="MB",
                   help="larger documents go to the errors file (default 10)")
    b.add_argument("--quiet", action="store_true", help="no progress bar")
    b.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """Run ``geo batch``; 0 when every partition was written (bad documents are listed, not fatal)."""
    from .batch import run_batch, store_hook

    if args.workers is not None and args.workers < 1:
        print(f"error: --workers must be at least 1, not {args.workers}", file=sys.stderr)
        return 2
    if args.partition_mb <= 0 or args.max_doc_mb <= 0:
        print("error: --partition-mb and --max-doc-mb must be positive", file=sys.stderr)
        return 2
    hook = None
    try:
        hook = store_hook(args.db) if args.db else None
        report = run_batch(args.inputs, args.output, workers=args.workers, scheduler=args.scheduler,
                           lang=args.lang, places=args.places or (), hook=hook,
                           progress=None if args.quiet else sys.stderr,
                           partition_bytes=int(args.partition_mb * 1e6), max_doc_bytes=int(args.max_doc_mb * 1e6))
    except (GeoError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if hook is not None:
            hook.close()  # type: ignore[attr-defined]
    mb = report.text_bytes / 1e6
    out.write(f"wrote {report.out}: "
              f"{report.documents:,} documents ({mb:.1f} MB) parsed, {report.mentions:,} mentions, "
              f"{report.partitions_written} partitions written, {report.partitions_skipped} skipped, "
              f"{report.errors} bad documents (errors.jsonl) in {report.seconds:.1f} s on {report.workers} workers\n")
    if report.partitions_failed:
        print(f"error: {report.partitions_failed} partitions failed; run the same command again to retry them",
              file=sys.stderr)
        return 1
    return 0
