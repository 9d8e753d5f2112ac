"""Command line: ``python -m geo parse FILE... [--format jsonl|geojson] [--lang ar|en|auto] [-o OUT]``
and ``python -m geo map FILE -o map.html``; the collection's ``add``, ``list``, ``rm``,
``export`` and ``reparse`` live in :mod:`geo.commands.store`, ``correct`` and ``corrections`` in
:mod:`geo.commands.review`, ``batch`` in :mod:`geo.batch_cli`.

``-`` reads standard input. Offsets in jsonl are code-point offsets into the decoded
input: ``input[start:end] == text``.

Several files: a file that cannot be read or parsed is reported on stderr with its name
(``error: bad.txt: the file is empty``) and the others are still parsed. Exit status: 0 when every
file was parsed; 1 when some were not (the output holds the others); 2 when nothing was (every file
failed, a bad argument, a broken places file, an output that cannot be written). ``-o`` files are
written atomically: a failed run leaves an existing file as it was.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import GeoError, InputError
from .export import mention_records, movement_records  # re-exported: the schemas live in geo.export
from .pipeline import LANGS, geoparse

__all__ = ["main", "mention_records", "movement_records"]


def _shown(name: str) -> str:
    """A file name as it can be printed: undecodable bytes of a name (surrogate escapes) as ``\\xff``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _read(name: str) -> str:
    from .textio import decode_bytes

    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read it: {exc.strerror or exc}") from None
    return decode_bytes(data).text


def _failed(name: str, exc: Exception) -> None:
    print(f"error: {_shown(name)}: {exc}", file=sys.stderr)


def _emit(args: argparse.Namespace, out: TextIO, write: Callable[[TextIO], None]) -> None:
    """Write the output to ``args.output`` atomically when given, else to ``out``."""
    if getattr(args, "output", None):
        from .fileio import atomic_write

        with atomic_write(args.output) as fh:
            write(fh)
    else:
        write(out)


def _gazetteer(args: argparse.Namespace) -> Any:
    from .gazetteer import load_gazetteer

    gaz = load_gazetteer(extra_places=args.places or ())
    for warning in gaz.warnings:  # replaced places, everyday-word names read only after a cue
        print(f"warning: {warning}", file=sys.stderr)
    return gaz


def _parse(args: argparse.Namespace, out: TextIO) -> int:
    many = len(args.files) > 1
    lines: list[str] = []
    features: list[dict[str, Any]] = []
    gaz = _gazetteer(args)
    failed = 0
    for name in args.files:
        try:
            situation = geoparse(_read(name), lang=args.lang, gazetteer=gaz)
        except GeoError as exc:  # this file only: say which, and go on with the others
            _failed(name, exc)
            failed += 1
            continue
        label = _shown(name) if many else None
        if args.format == "jsonl":
            # Mentions, then the statement's movements ("type": "movement").
            for rec in [*mention_records(situation, label), *movement_records(situation, label)]:
                lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            fc = situation.to_geojson(movements=True)
            for f in fc["features"]:
                if many:
                    f["properties"]["file"] = label
                features.append(f)
    if failed == len(args.files):
        return 2

    def write(fh: TextIO) -> None:
        if args.format == "jsonl":
            fh.writelines(lines)
        else:
            json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False, indent=1)
            fh.write("\n")

    _emit(args, out, write)
    return 1 if failed else 0


def _map(args: argparse.Namespace, out: TextIO) -> int:
    from .mapview import write_map_html

    gaz = _gazetteer(args)
    try:
        situation = geoparse(_read(args.file), lang=args.lang, gazetteer=gaz)
    except GeoError as exc:
        _failed(args.file, exc)
        return 2
    write_map_html(situation, args.output)  # atomic: a map already there stays whole if this fails
    out.write(f"wrote {args.output} ({len(situation.places)} places)\n")
    return 0


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status (0 all parsed, 1 some files failed, 2 nothing parsed; see the
    module docstring), with a message naming the file of each error on stderr."""
    out = out or sys.stdout
    ap = argparse.ArgumentParser(prog="python -m geo", description="Find the places a statement names.")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("parse", help="print mentions and movements (jsonl) or places and movements (geojson)")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    p.add_argument("--format", choices=("jsonl", "geojson"), default="jsonl")
    p.add_argument("--lang", choices=LANGS, default="auto")
    p.add_argument("--places", action="append", metavar="GEOJSON",
                   help="a GeoJSON file of your own places (repeatable); see data/places.geojson for the form")
    p.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of standard output")
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
    except GeoError as exc:  # a broken places file: the whole run fails
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        target = getattr(args, "output", None) if args.cmd in ("parse", "map") else None
        if target is None:
            print(f"error: {exc}", file=sys.stderr)
        else:  # the output file (its previous content, if any, is intact: atomic writes)
            print(f"error: {_shown(str(target))}: cannot write it: {exc.strerror or exc}", file=sys.stderr)
        return 2
