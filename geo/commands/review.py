"""``python -m geo correct | corrections``: review and correct the stored statements from the command line.

``correct`` records one correction (who: ``--by``, default the local user) and prints its id;
``correct --undo ID`` undoes one. ``corrections`` lists them (with the statement each belongs to
and whether it still fits the current parse), exports them to JSON and imports such a file, all
or nothing. What a correction does is :mod:`geo.review`'s business; the rows are :mod:`geo.store`'s.
"""

from __future__ import annotations

import argparse
import getpass
import json
import re
from pathlib import Path
from typing import Any, TextIO

from ..errors import InputError

__all__ = ["register"]


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH",
                   help="the store (default: $GEO_DB, else collection.sqlite3 in your data directory)")


def _positive(value: str) -> int:
    if not re.fullmatch(r"\d+", value.strip()) or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not an id (a whole number from 1)")
    return int(value)


def register(sub: Any) -> None:
    """Add ``correct`` and ``corrections`` to ``python -m geo``'s subparsers; each sets ``run``."""
    p = sub.add_parser("correct", help="correct a stored statement's places (reject, choose, add) or undo one")
    _db(p)
    p.add_argument("--statement", type=_positive, metavar="ID", help="the statement (see `list`)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--reject", metavar="PLACE_ID",
                      help="this place is wrong here (every mention of it); with --everywhere, in every statement")
    what.add_argument("--choose", nargs=2, metavar=("START:END", "PLACE_ID"),
                      help="the words at START:END are this place")
    what.add_argument("--add", nargs="+", metavar="START:END [PLACE_ID]",
                      help="the parser missed the words at START:END: they are PLACE_ID (or --at/--name)")
    what.add_argument("--reviewed", action="store_true", help="mark the statement reviewed")
    what.add_argument("--undo", type=_positive, metavar="CORRECTION_ID", help="undo a correction")
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--all-in-statement", action="store_true", help="every mention of these words in the statement")
    scope.add_argument("--everywhere", action="store_true",
                       help="these words in every statement, including statements added later")
    p.add_argument("--at", metavar="LAT,LON", help="with --add: a point of your own")
    p.add_argument("--name", metavar="NAME", help="with --at: its name")
    p.add_argument("--kind", default="facility", help="with --at: its kind (default: facility)")
    p.add_argument("--by", metavar="NAME", help="who corrects (default: the local user)")
    p.add_argument("--places", action="append", metavar="GEOJSON", help="a GeoJSON file of your own places")
    p.set_defaults(run=_correct)

    p = sub.add_parser("corrections", help="list, export or import the corrections")
    _db(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--all", action="store_true", help="undone ones too")
    io = p.add_mutually_exclusive_group()
    io.add_argument("--export", metavar="FILE", help="write every correction to a JSON file")
    io.add_argument("--import", dest="import_", metavar="FILE", help="add the corrections of a JSON file")
    p.set_defaults(run=_corrections)


def _author(args: argparse.Namespace) -> str:
    if args.by and args.by.strip():
        return args.by.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment (a container)
        return "local user"


def _place(store: Any, place_id: str, args: argparse.Namespace) -> Any:
    """The snapshot of ``place_id``: from the store if it has it, else from the gazetteer."""
    rows = store.places([place_id])
    if rows:
        return rows[0]
    from ..collection import place_row
    from ..gazetteer import load_gazetteer

    return place_row(load_gazetteer(extra_places=args.places or ()).get(place_id))


def _latlon(value: str) -> tuple[float, float]:
    try:
        lat, lon = (float(x) for x in value.split(","))
    except ValueError:
        raise InputError(f"--at {value!r}: write LAT,LON in degrees, e.g. --at 33.51,36.29") from None
    return lat, lon


def _correct(args: argparse.Namespace, out: TextIO) -> int:
    from ..review import parse_span, user_place
    from ..store import open_store

    who = _author(args)
    with open_store(args.db, create=False) as store:
        if args.undo is not None:
            row = store.correction(args.undo)
            if row is None:
                raise InputError(f"there is no correction {args.undo} (see `python -m geo corrections`)")
            if not store.undo_correction(args.undo, author=who):
                raise InputError(f"correction {args.undo} was already undone "
                                 f"({row['undone_at']} by {row['undone_by']})")
            out.write(f"undone {args.undo}\n")
            return 0
        if args.statement is None:
            raise InputError("say which statement with --statement ID (see `python -m geo list`)")
        st = store.statement(args.statement)
        if st is None:
            raise InputError(f"there is no statement {args.statement} in the store (see `python -m geo list`)")
        scope = "everywhere" if args.everywhere else "statement" if args.all_in_statement else "mention"
        sha = None if scope == "everywhere" else st.sha256
        if (args.at or args.name) and args.add is None:
            raise InputError("--at and --name go with --add")
        if args.reviewed:
            cid = store.add_correction(scope="statement", action="review", author=who, statement_sha256=st.sha256)
        elif args.reject is not None:
            if args.reject not in st.place_ids:
                named = ", ".join(st.place_ids) or "no place"
                raise InputError(f"statement {args.statement} does not name {args.reject!r} (it names {named})")
            # --everywhere: a rule that the place is wrong in every statement (also those added later), as
            # --choose --everywhere is one for the words; without it, every mention of it in this statement.
            cid = store.add_correction(scope="everywhere" if scope == "everywhere" else "statement", action="reject",
                                       author=who, statement_sha256=sha, old_place_id=args.reject)
        else:
            text = store.text(args.statement) or ""
            span_arg = args.choose[0] if args.choose else args.add[0]
            start, end, words = parse_span(span_arg, text)
            if args.choose:
                stored = [m for m in store.mentions(_only(args.statement)) if m.mention.start == start
                          and m.mention.end == end]
                if not stored:
                    raise InputError(f"the parse has no mention at {start}:{end} (“{words}”); to add one the parser "
                                     "missed, use --add")
                old = stored[0].mention.place_id
                place = _place(store, args.choose[1], args)
                action = "choose"
            else:
                rest = args.add[1:]
                if args.at is not None:
                    if rest:
                        raise InputError("--add START:END takes either a PLACE_ID or --at LAT,LON --name NAME")
                    if not args.name:
                        raise InputError("--at needs --name NAME")
                    place = user_place(*_latlon(args.at), args.name, args.kind)
                elif len(rest) == 1:
                    place = _place(store, rest[0], args)
                else:
                    raise InputError("--add START:END needs a PLACE_ID, or --at LAT,LON --name NAME")
                old, action = None, "add"
            cid = store.add_correction(scope=scope, action=action, author=who, statement_sha256=sha, start=start,
                                       end=end, span_text=words, old_place_id=old, place=place)
    out.write(f"correction {cid}\n")
    return 0


def _only(sid: int) -> Any:
    from ..store import Selection

    return Selection(ids=(sid,))


def _listing(store: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from ..collection import reviewed_view

    ids = store.statement_ids_by_sha(r["statement_sha256"] for r in rows if r["statement_sha256"])
    unfit = {u.correction.id: u.reason for _sid, u in reviewed_view(store).unfit}  # type: ignore[attr-defined]
    out = []
    for r in rows:
        sha = r["statement_sha256"]
        sid = ids.get(sha) if sha else None
        if r["undone_at"]:
            status = f"undone {r['undone_at']} by {r['undone_by']}"
        elif sha and sid is None:
            status = "waiting: its statement is not in this store"
        elif r["id"] in unfit:
            status = f"does not fit: {unfit[r['id']]}"
        else:
            status = "applied"
        out.append({"id": r["id"], "statement_id": sid, "scope": r["scope"], "action": r["action"],
                    "span": r["span_text"], "start": r["start"], "end": r["end"], "old_place_id": r["old_place_id"],
                    "new_place_id": r["new_place_id"], "new_name": r["new_name"], "by": r["author"],
                    "at": r["created_at"], "status": status})
    return out


def _corrections(args: argparse.Namespace, out: TextIO) -> int:
    from ..export import write_atomic
    from ..review import corrections_file, read_corrections_file
    from ..store import open_store

    if args.import_:
        try:
            doc = json.loads(Path(args.import_).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise InputError(f"{args.import_}: not a JSON corrections file ({e}); nothing was imported") from None
        try:
            rows = read_corrections_file(doc)
        except InputError as e:
            raise InputError(f"{args.import_}: {e}; nothing was imported") from None
        with open_store(args.db) as store:
            added, same = store.import_corrections(rows)
        out.write(f"imported {added} corrections ({same} were already here)\n")
        return 0
    with open_store(args.db, create=False) as store:
        rows = store.corrections(active_only=not (args.all or args.export))
        if args.export:
            data = json.dumps(corrections_file(rows), ensure_ascii=False, indent=1) + "\n"
            write_atomic(args.export, data.encode("utf-8"))
            out.write(f"wrote {args.export} ({len(rows)} corrections)\n")
            return 0
        listing = _listing(store, rows)
    if args.format == "json":
        json.dump(listing, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return 0
    if not listing:
        out.write("(no corrections yet: python -m geo correct --statement ID ...)\n")
        return 0
    for r in listing:
        where = f"statement {r['statement_id']}" if r["statement_id"] else "every statement" \
            if r["scope"] == "everywhere" else "statement (not here)"
        span = f" “{r['span']}” {r['start']}:{r['end']}" if r["span"] else ""
        new = f" → {r['new_place_id']} ({r['new_name']})" if r["new_place_id"] else ""
        old = f" {r['old_place_id']}" if r["old_place_id"] else ""
        out.write(f"{r['id']}\t{where}\t{r['action']}{span}{old}{new}\t{r['scope']}\t{r['by']}\t{r['at']}\t"
                  f"{r['status']}\n")
    return 0
