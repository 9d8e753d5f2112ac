"""``python -m geo add | list | rm | export | reparse``: the collection's store from the command line.

The same operations as the dashboard's Collection view. The store is ``--db PATH``, else
``$GEO_DB``, else ``collection.sqlite3`` in the user's data directory. ``add`` prints one
line per file, tab-separated: id, date (or ``undated``), the places, the file (and
``already stored`` when the same text was there). Errors name the file and never show a
traceback; files that were added before an error stay added.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import GeoError, InputError
from ..pipeline import LANGS

__all__ = ["register"]


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH",
                   help="the store (default: $GEO_DB, else collection.sqlite3 in your data directory)")


def register(sub: Any) -> None:
    """Add the store's subcommands to ``python -m geo``'s subparsers; each sets ``run``."""
    p = sub.add_parser("add", help="parse statements and keep them in the store (the same text is kept once)")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    _db(p)
    p.add_argument("--date", metavar="YYYY-MM-DD", help="the statements' date (default: found in the text)")
    p.add_argument("--source", metavar="TEXT", help="where the statements come from (a ministry, an agency ...)")
    p.add_argument("--lang", choices=[x for x in LANGS], default="auto")
    p.add_argument("--places", action="append", metavar="GEOJSON", help="a GeoJSON file of your own places")
    p.set_defaults(run=_add)

    p = sub.add_parser("list", help="list the stored statements")
    _db(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(run=_list)

    p = sub.add_parser("rm", help="remove statements from the store")
    p.add_argument("ids", nargs="+", metavar="ID", type=_statement_id)
    _db(p)
    p.set_defaults(run=_rm)

    p = sub.add_parser("export", help="write the places and mentions of stored statements as GIS data")
    _db(p)
    p.add_argument("--statement", action="append", type=_statement_id, metavar="ID",
                   help="only this statement (repeatable; default: all)")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only statements dated from this day")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only statements dated up to this day")
    p.add_argument("--format", choices=("geojson", "gpkg", "csv", "kml"),
                   help="default: from the output's suffix")
    p.add_argument("-o", "--output", required=True, metavar="OUT")
    p.set_defaults(run=_export)

    p = sub.add_parser("reparse", help="parse again the statements stored by an older version of the parser")
    _db(p)
    p.add_argument("--places", action="append", metavar="GEOJSON", help="a GeoJSON file of your own places")
    p.set_defaults(run=_reparse)


def _statement_id(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a statement id (a whole number; see `list`)") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a statement id (ids start at 1)")
    return n


def _read(name: str) -> str:
    from ..textio import decode_bytes, read_text_file

    if name == "-":
        return decode_bytes(sys.stdin.buffer.read()).text
    return read_text_file(name).text


def _add(args: argparse.Namespace, out: TextIO) -> int:
    from ..collection import add_situation
    from ..dates import parse_iso_date
    from ..gazetteer import load_gazetteer
    from ..pipeline import geoparse
    from ..store import open_store

    date = parse_iso_date(args.date) if args.date else None  # a bad date fails before any work
    failed = 0
    with open_store(args.db) as store:
        gaz = load_gazetteer(extra_places=args.places or ())
        for name in args.files:
            try:
                text = _read(name)
                if not text.strip():
                    raise InputError("the file has only whitespace; nothing to add")
                added = add_situation(store, geoparse(text, lang=args.lang, gazetteer=gaz), date=date,
                                      source=args.source)
            except GeoError as e:
                print(f"error: {name}: {e}", file=sys.stderr)
                failed += 1
                continue
            note = "" if added.created else "\talready stored"
            places = ", ".join(added.places) or "no places"
            out.write(f"{added.id}\t{added.date or 'undated'}\t{places}\t{name}{note}\n")
    return 2 if failed else 0


def _rows(store: Any) -> list[dict[str, Any]]:
    return [{"id": r.id, "date": r.date, "date_source": r.date_source, "source": r.source, "lang": r.lang,
             "places": r.places, "mentions": r.mentions, "added_at": r.added_at, "venue_place_id": r.venue_place_id,
             "place_ids": list(r.place_ids), "title": r.title, "sha256": r.sha256,
             "parser_version": r.parser_version}
            for r in store.statements(with_place_ids=True)]


def _list(args: argparse.Namespace, out: TextIO) -> int:
    from ..store import open_store

    with open_store(args.db, create=False) as store:
        rows = _rows(store)
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    cols = ("id", "date", "date_source", "lang", "places", "mentions", "added_at", "source", "title")
    table = [[("" if r[c] is None else str(r[c])) for c in cols] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in table)]) for i, c in enumerate(cols)]
    widths[-1] = 0  # the title is last and not padded
    for row in [list(cols), *table]:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
    if not rows:
        out.write("(no statements yet: python -m geo add FILE)\n")
    return 0


def _rm(args: argparse.Namespace, out: TextIO) -> int:
    from ..store import open_store

    with open_store(args.db, create=False) as store:
        removed = store.remove(args.ids)
    for sid in args.ids:
        if sid in removed:
            out.write(f"removed {sid}\n")
        else:
            print(f"error: there is no statement {sid} in the store", file=sys.stderr)
    return 0 if len(removed) == len(set(args.ids)) else 2


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from ..collection import export_collection
    from ..dates import parse_iso_date
    from ..export import COLLECTION_FORMATS
    from ..store import Selection, open_store

    fmt = args.format
    if fmt is None:
        suffix = Path(args.output).suffix.lower()
        fmt = next((f for f, s in COLLECTION_FORMATS.items() if s == suffix or (f == "geojson" and suffix == ".json")),
                   None)
        if fmt is None:
            raise InputError(f"{args.output!r}: say which format with --format "
                             f"({', '.join(COLLECTION_FORMATS)}), or end the file name with one of "
                             f"{', '.join(COLLECTION_FORMATS.values())}")
    lo = parse_iso_date(args.date_from) if args.date_from else None
    hi = parse_iso_date(args.date_to) if args.date_to else None
    if lo and hi and lo > hi:
        raise InputError(f"--from {lo} is after --to {hi}: no day is in that range")
    selection = Selection(ids=tuple(args.statement) if args.statement else None, date_from=lo, date_to=hi)
    with open_store(args.db, create=False) as store:
        if args.statement:
            missing = [i for i in args.statement if store.statement(i) is None]
            if missing:
                raise InputError(f"there is no statement {', '.join(map(str, missing))} in the store (see `list`)")
        places, mentions = export_collection(store, args.output, fmt, selection)
    out.write(f"wrote {args.output} ({fmt}: {places} places, {mentions} mentions)\n")
    return 0


def _reparse(args: argparse.Namespace, out: TextIO) -> int:
    from ..collection import parser_version, reparse
    from ..gazetteer import load_gazetteer
    from ..pipeline import geoparse
    from ..store import open_store

    with open_store(args.db, create=False) as store:
        if not store.stale_statements(parser_version()):
            out.write(f"every statement is parsed by this version ({parser_version()})\n")
            return 0
        gaz = load_gazetteer(extra_places=args.places or ())
        n = reparse(store, lambda text: geoparse(text, gazetteer=gaz))
    out.write(f"parsed {n} statements again ({parser_version()})\n")
    return 0
