"""Command line: ``python -m geo parse FILE... [--format jsonl|geojson] [--lang ar|en|auto]``
and ``python -m geo map FILE -o map.html``; the collection's ``add``, ``list``, ``rm``,
``export`` and ``reparse`` live in :mod:`geo.commands.store`.

``-`` reads standard input. Offsets in jsonl are code-point offsets into the decoded
input: ``input[start:end] == text``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import GeoError
from .export import mention_records, movement_records  # re-exported: the schemas live in geo.export
from .pipeline import LANGS, geoparse

__all__ = ["main", "mention_records", "movement_records"]


def _read(name: str) -> str:
    from .textio import decode_bytes

    data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    return decode_bytes(data).text


def _gazetteer(args: argparse.Namespace) -> Any:
    from .gazetteer import load_gazetteer

    return load_gazetteer(extra_places=args.places or ())


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    many = len(args.files) > 1
    features: list[dict[str, Any]] = []
    gaz = _gazetteer(args)
    for name in args.files:
        situation = geoparse(_read(name), lang=args.lang, gazetteer=gaz)
        if args.format == "jsonl":
            # Mentions, then the statement's movements ("type": "movement").
            for rec in [*mention_records(situation, name if many else None),
                        *movement_records(situation, name if many else None)]:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            fc = situation.to_geojson(movements=True)
            for f in fc["features"]:
                if many:
                    f["properties"]["file"] = name
                features.append(f)
    if args.format == "geojson":
        json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    return 0


def _map(args: argparse.Namespace, out: TextIO) -> int:
    from .mapview import write_map_html

    situation = geoparse(_read(args.file), lang=args.lang, gazetteer=_gazetteer(args))
    write_map_html(situation, args.output)
    out.write(f"wrote {args.output} ({len(situation.places)} places)\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status (2 for bad input, with a message on stderr)."""
    out = out or sys.stdout
    ap = argparse.ArgumentParser(prog="python -m geo", description="Find the places a statement names.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="print mentions and movements (jsonl) or places and movements (geojson)")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    p.add_argument("--format", choices=("jsonl", "geojson"), default="jsonl")
    p.add_argument("--lang", choices=LANGS, default="auto")
    p.add_argument("--places", action="append", metavar="GEOJSON",
                   help="a GeoJSON file of your own places (repeatable); see data/places.geojson for the form")
    m = sub.add_parser("map", help="write a standalone HTML map that opens without internet")
    m.add_argument("file", metavar="FILE")
    m.add_argument("-o", "--output", required=True)
    m.add_argument("--lang", choices=LANGS, default="auto")
    m.add_argument("--places", action="append", metavar="GEOJSON", help="a GeoJSON file of your own places")
    from .batch_cli import add_parser as add_batch

    add_batch(sub)
    from .commands import store as store_commands  # add, list, rm, export, reparse: the collection

    store_commands.register(sub)
    from .commands import review as review_commands  # correct, corrections: the review workflow

    review_commands.register(sub)
    args = ap.parse_args(argv)
    try:
        if hasattr(args, "run"):  # a subcommand registered by a module of geo.commands
            return args.run(args, out)
        return _parse(args, out) if args.cmd == "parse" else _map(args, out)
    except (GeoError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
