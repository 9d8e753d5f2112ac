"""Batch geoparsing of a corpus on Dask: folders of text files, JSONL, CSV or Parquet in, GeoParquet out.

The client reads the inputs as a stream of documents and cuts it into partitions of about a megabyte;
each partition is parsed on a Dask worker and comes back as the bytes of one GeoParquet file (one row per
mention), which the client writes atomically (temporary file, then rename). Workers therefore need no
shared file system with the client, and a rerun skips every partition whose file already exists: the
file's name carries a digest of its documents, the language and the places files.

Each worker loads the gazetteer once, when it joins (a :class:`GazetteerPlugin`), and keeps it in this
module; tasks carry only the documents and a key naming which gazetteer (base, or base plus the user's
places files). Bad documents (undecodable, too big, a parser error) are written to ``errors.jsonl`` with
their reason and never stop the run.

Output folder::

    OUT/mentions/part-00000-<digest>.parquet   GeoParquet, EPSG:4326, one row per mention (MENTION_COLUMNS)
    OUT/errors/part-00000-<digest>.jsonl       that partition's bad documents (kept for reruns)
    OUT/errors.jsonl                           every bad document of the inputs: doc_id, origin, reason
    OUT/places.parquet                         GeoParquet, one row per place: mentions, documents, dates

The row fields come from :func:`geo.export.mention_record` (the one owner of output schemas).
"""

from __future__ import annotations

import csv
import gc
import hashlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import IO, Any

from .errors import InputError

__all__ = [
    "MENTION_COLUMNS",
    "PLACE_COLUMNS",
    "DEFAULT_PARTITION_BYTES",
    "DEFAULT_MAX_DOC_BYTES",
    "Document",
    "Partition",
    "PartitionResult",
    "BatchReport",
    "PartitionHook",
    "GazetteerPlugin",
    "read_documents",
    "partitions",
    "parse_partition",
    "mention_rows",
    "run_batch",
    "write_place_summary",
    "store_hook",
    "Progress",
]

#: The columns of the mentions GeoParquet, in order (``geometry`` is the place's point, null when unlocated).
MENTION_COLUMNS: tuple[str, ...] = (
    "doc_id", "date", "source", "start", "end", "surface", "place_id", "name", "name_ar", "kind", "layer",
    "country_code", "confidence", "reason", "cue", "form", "sentence", "geometry",
)
_INT_COLUMNS = ("start", "end")
_FLOAT_COLUMNS = ("confidence",)
#: The columns of the per-place summary GeoParquet.
PLACE_COLUMNS: tuple[str, ...] = (
    "place_id", "name", "name_ar", "kind", "country_code", "mentions", "documents", "first_date", "last_date",
    "geometry",
)
#: Text per partition: about a second of one worker's time, so progress is smooth and a lost worker costs little.
DEFAULT_PARTITION_BYTES = 1_000_000
#: Larger documents are refused (the dashboard's upload limit): one huge file would hold up a whole worker.
DEFAULT_MAX_DOC_BYTES = 10 * 1024 * 1024
_MAX_PARTITION_DOCS = 2_000


@dataclass(frozen=True, slots=True)
class Document:
    """One input document; ``text`` is ``None`` and ``error`` says why when it could not be read."""

    doc_id: str
    text: str | None
    date: str | None = None
    source: str | None = None
    origin: str = ""  # the input file (and line or row) it came from, for the errors file
    error: str | None = None


@dataclass(slots=True)
class Partition:
    """Consecutive documents of the input stream, parsed as one task and written as one file."""

    number: int
    docs: list[Document]
    text_bytes: int
    digest: str = ""

    @property
    def name(self) -> str:
        """File stem of this partition: its number and the digest of its content."""
        return f"part-{self.number:05d}-{self.digest}"


@dataclass(slots=True)
class PartitionResult:
    """What a worker sends back for one partition."""

    parquet: bytes
    errors: list[dict[str, Any]]
    docs: int
    mentions: int
    text_bytes: int
    seconds: float
    situations: list[Any] | None = None  # the parsed documents, only when a hook asked for them


@dataclass(slots=True)
class BatchReport:
    """Totals of one run."""

    documents: int = 0
    text_bytes: int = 0
    mentions: int = 0
    errors: int = 0
    partitions_written: int = 0
    partitions_skipped: int = 0
    partitions_failed: int = 0
    seconds: float = 0.0
    workers: int = 0
    out: str = ""
    parse_seconds: float = 0.0  # summed over the partitions parsed in this run (worker time)
    extra: dict[str, Any] = field(default_factory=dict)


#: Called on the client for every partition written: its documents and (in the same order) their parses.
PartitionHook = Callable[[Sequence[Document], Sequence[Any]], None]


# -- reading -----------------------------------------------------------------------------------------


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN: an empty CSV/Parquet cell read by pandas
        return None
    s = str(value).strip()
    return s or None


def _record_doc(rec: Any, origin: str, fallback_id: str, max_bytes: int) -> Document:
    """A document from one JSONL/CSV/Parquet record (``id``, ``text``, optional ``date``, ``source``)."""
    if not isinstance(rec, dict):
        return Document(fallback_id, None, origin=origin, error="not a JSON object with 'id' and 'text'")
    doc_id = _text_or_none(rec.get("id")) or fallback_id
    date, source = _text_or_none(rec.get("date")), _text_or_none(rec.get("source"))
    text = rec.get("text")
    if not isinstance(text, str):
        why = "no 'text' field" if text is None else f"'text' is a {type(text).__name__}, not a string"
        return Document(doc_id, None, date, source, origin, why)
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        return Document(doc_id, None, date, source, origin,
                        f"too big: {size / 1e6:.1f} MB of text; the limit is {max_bytes / 1e6:.1f} MB")
    return Document(doc_id, text, date, source, origin)


def _read_folder(root: Path, max_bytes: int) -> Iterator[Document]:
    from .textio import decode_bytes

    for path in sorted(p for p in root.rglob("*") if p.suffix.lower() == ".txt" and p.is_file()):
        doc_id = (Path(root.name) / path.relative_to(root)).as_posix()
        yield _read_text_file(path, doc_id, max_bytes, decode_bytes)


def _read_text_file(path: Path, doc_id: str, max_bytes: int, decode: Callable[..., Any]) -> Document:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Document(doc_id, None, origin=origin,
                            error=f"too big: {size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.1f} MB")
        return Document(doc_id, decode(path.read_bytes()).text, origin=origin)
    except InputError as exc:
        return Document(doc_id, None, origin=origin, error=f"undecodable: {exc}")
    except OSError as exc:
        return Document(doc_id, None, origin=origin, error=f"unreadable: {exc.strerror or exc}")


def _read_jsonl(path: Path, max_bytes: int) -> Iterator[Document]:
    with path.open("rb") as fh:
        for n, raw in enumerate(fh, 1):
            origin = f"{path}:{n}"
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Document(f"{path.name}:{n}", None, origin=origin, error=f"not valid JSON: {exc}")
                continue
            yield _record_doc(rec, origin, f"{path.name}:{n}", max_bytes)


def _read_csv(path: Path, max_bytes: int) -> Iterator[Document]:
    # News texts are longer than the csv module's default field limit (128 KB).
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            if not reader.fieldnames or "text" not in reader.fieldnames:
                yield Document(path.name, None, origin=str(path),
                               error=f"CSV without a 'text' column (columns: {reader.fieldnames})")
                return
            for n, rec in enumerate(reader, 2):  # row 1 is the header
                yield _record_doc(rec, f"{path}:{n}", f"{path.name}:{n}", max_bytes)
    except (UnicodeDecodeError, csv.Error) as exc:
        yield Document(path.name, None, origin=str(path), error=f"unreadable CSV (the rest of the file): {exc}")


def _read_parquet(path: Path, max_bytes: int) -> Iterator[Document]:
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises its own error types for a damaged file
        yield Document(path.name, None, origin=str(path), error=f"unreadable Parquet: {exc}")
        return
    names = set(pf.schema_arrow.names)
    if "text" not in names:
        yield Document(path.name, None, origin=str(path),
                       error=f"Parquet without a 'text' column (columns: {sorted(names)})")
        return
    columns = [c for c in ("id", "text", "date", "source") if c in names]
    row = 0
    for batch in pf.iter_batches(batch_size=512, columns=columns):
        for rec in batch.to_pylist():
            row += 1
            yield _record_doc(rec, f"{path}:row {row}", f"{path.name}:row {row}", max_bytes)


def read_documents(inputs: Sequence[str | os.PathLike[str]], *,
                   max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES) -> Iterator[Document]:
    """Every document of ``inputs``, in a fixed order: folders (``.txt`` files, recursively, sorted),
    ``.jsonl``/``.ndjson``, ``.csv`` and ``.parquet`` files, and single ``.txt`` files.

    A document that cannot be read comes with its ``error``; a missing input raises :class:`InputError`
    at once, before anything is read.
    """
    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists():
            raise InputError(f"input {str(p)!r} does not exist")
        if p.is_file() and _kind(p) is None:
            raise InputError(f"input {str(p)!r}: unsupported file type; give a folder of .txt files, "
                             ".jsonl, .csv or .parquet")
    return _documents(paths, max_doc_bytes)


def _documents(paths: list[Path], max_doc_bytes: int) -> Iterator[Document]:
    from .textio import decode_bytes

    for p in paths:
        kind = "folder" if p.is_dir() else _kind(p)
        if kind == "folder":
            yield from _read_folder(p, max_doc_bytes)
        elif kind == "jsonl":
            yield from _read_jsonl(p, max_doc_bytes)
        elif kind == "csv":
            yield from _read_csv(p, max_doc_bytes)
        elif kind == "parquet":
            yield from _read_parquet(p, max_doc_bytes)
        else:
            yield _read_text_file(p, p.name, max_doc_bytes, decode_bytes)


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    return {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".txt": "txt"}.get(suffix)


def estimate_text_bytes(inputs: Sequence[str | os.PathLike[str]]) -> int:
    """About how many bytes of text ``inputs`` hold (file sizes; Parquet: the text column's uncompressed
    size), for the progress bar's ETA. Cheap: nothing is parsed."""
    total = 0
    for p in map(Path, inputs):
        try:
            if p.is_dir():
                total += sum(f.stat().st_size for f in p.rglob("*") if f.suffix.lower() == ".txt" and f.is_file())
            elif _kind(p) == "parquet":
                import pyarrow.parquet as pq

                meta = pq.ParquetFile(p).metadata
                for g in range(meta.num_row_groups):
                    rg = meta.row_group(g)
                    total += sum(rg.column(c).total_uncompressed_size for c in range(rg.num_columns)
                                 if rg.column(c).path_in_schema == "text")
            elif p.is_file():
                total += p.stat().st_size
        except Exception:  # an estimate only: a damaged file shows up as a bad document later
            continue
    return total


def partitions(docs: Iterable[Document], *, target_bytes: int = DEFAULT_PARTITION_BYTES,
               fingerprint: str = "") -> Iterator[Partition]:
    """Cut the document stream into partitions of about ``target_bytes`` of text (bad documents
    included, so numbering is stable). Each gets a digest of its documents and ``fingerprint``."""
    number = 0
    current: list[Document] = []
    size = 0

    def close() -> Partition:
        h = hashlib.sha256(fingerprint.encode())
        for d in current:
            h.update(json.dumps([d.doc_id, d.date, d.source, d.error], ensure_ascii=False).encode())
            h.update(hashlib.sha256((d.text or "").encode("utf-8", "surrogatepass")).digest())
        return Partition(number, list(current), size, h.hexdigest()[:12])

    for d in docs:
        current.append(d)
        size += len(d.text.encode("utf-8", "surrogatepass")) if d.text else 0
        if size >= target_bytes or len(current) >= _MAX_PARTITION_DOCS:
            yield close()
            number += 1
            current, size = [], 0
    if current:
        yield close()


# -- parsing (on a worker) ------------------------------------------------------------------------

_GAZETTEERS: dict[str, Any] = {}  # gazetteer key → gazetteer, one per worker process
_STARTUP: dict[str, float] = {}  # how long this process took to get each gazetteer ready


def places_key(places: Sequence[tuple[str, bytes]]) -> str:
    """The key of the base gazetteer plus these places files (name, content): their content's digest."""
    if not places:
        return "base"
    h = hashlib.sha256()
    for name, data in places:
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return "places-" + h.hexdigest()[:16]


def worker_gazetteer(places: Sequence[tuple[str, bytes]] = ()) -> Any:
    """The gazetteer of this process for ``places`` (loaded once, then kept): what a worker's tasks use."""
    key = places_key(places)
    gaz = _GAZETTEERS.get(key)
    if gaz is None:
        from .gazetteer import load_gazetteer

        t = time.perf_counter()
        gaz = load_gazetteer()
        for name, data in places:
            gaz = gaz.with_places_geojson(data, name=name)
        _STARTUP[key] = time.perf_counter() - t
        _GAZETTEERS[key] = gaz
        # The index (about a million objects) lives as long as the worker and holds no garbage: out of the
        # collector's generations, each full collection that parsing, rows and GeoParquet writing trigger
        # no longer walks it (as geo.worker_preload does for the parse workers).
        gc.freeze()
    return gaz


def _plugin_base() -> type:
    try:
        from distributed.diagnostics.plugin import WorkerPlugin
    except ImportError:  # distributed missing: the class still exists, run_batch says what to install
        return object
    return WorkerPlugin


class GazetteerPlugin(_plugin_base()):  # type: ignore[misc]
    """Loads the gazetteer (and the user's places files, sent once as bytes) on every worker as it starts,
    so no task ever carries it and the first partition is not slowed by the load."""

    name = "geo-gazetteer"

    def __init__(self, places: Sequence[tuple[str, bytes]] = ()) -> None:
        self.places = tuple(places)

    def setup(self, worker: Any) -> None:
        """Load the gazetteer into this worker's process (the disk cache makes it about a second)."""
        worker_gazetteer(self.places)


def worker_info() -> dict[str, Any]:
    """This worker process's pid, peak memory (MB) and gazetteer load times (run on a worker)."""
    import resource

    return {"pid": os.getpid(), "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "startup_seconds": dict(_STARTUP)}


def mention_rows(doc: Document, situation: Any) -> list[dict[str, Any]]:
    """The rows of one parsed document: :func:`geo.export.mention_record` fields plus the document's
    id, date and source, the mention's sentence, and ``lat``/``lon`` for the point (dropped at writing)."""
    from .export import mention_core_record, place_fields

    text = situation.text
    rows = []
    # A document names few places, each often: their fields are read once (the records' weighed readings,
    # which a row does not keep, are never built).
    fields: dict[int, tuple[Any, ...]] = {}
    for m in situation.mentions:
        p = m.place
        f = fields.get(id(p))
        if f is None:
            f = fields[id(p)] = place_fields(p)
        rec = mention_core_record(m, f)
        rows.append({
            "doc_id": doc.doc_id, "date": doc.date, "source": doc.source,
            "start": rec["start"], "end": rec["end"], "surface": rec["text"],
            "place_id": rec["place_id"], "name": rec["name"], "name_ar": rec["name_ar"], "kind": rec["kind"],
            "layer": rec["layer"], "country_code": rec["country_code"], "confidence": rec["confidence"],
            "reason": rec["reason"], "cue": rec["cue"] or None,
            "form": rec.get("form"),  # "name" or "adjective" (a nisba or demonym)
            "sentence": text[rec["sentence_start"] : rec["sentence_end"]],
            "lat": rec["lat"], "lon": rec["lon"],
        })
    return rows


def _new_columns() -> dict[str, list[Any]]:
    """Empty columns of mention rows (:data:`MENTION_COLUMNS` but the geometry, with ``lat`` and ``lon``)."""
    return {c: [] for c in (*MENTION_COLUMNS[:-1], "lat", "lon")}


def _add_rows(cols: dict[str, list[Any]], doc: Document, situation: Any,
              known: dict[int, tuple[Any, tuple[Any, ...]]] | None = None) -> int:
    """Append the rows of one parsed document to ``cols`` (:func:`_new_columns`), column by column: the same
    values as :func:`mention_rows`, without a dict per mention (a tenth of a partition's time went to
    building rows and then reading them back by column). ``known``: each place's fields already read, by
    ``id`` of the place (kept with it, so the id stays its own), shared by a partition's documents: the
    parser shares one Place per place across texts. Returns the number of rows added."""
    from .export import place_fields

    ms = situation.mentions
    n = len(ms)
    if not n:
        return 0
    text = situation.text
    cols["doc_id"] += [doc.doc_id] * n
    cols["date"] += [doc.date] * n
    cols["source"] += [doc.source] * n
    cols["start"] += map(_START, ms)
    cols["end"] += map(_END, ms)
    cols["surface"] += map(_SURFACE, ms)
    # Each place's fields are read once.
    if known is None:
        known = {}
    places = list(map(_PLACE, ms))
    for p in places:
        if id(p) not in known:
            known[id(p)] = (p, place_fields(p))
    f = [known[id(p)][1] for p in places]
    cols["place_id"] += map(itemgetter(0), f)
    cols["name"] += map(itemgetter(1), f)
    cols["name_ar"] += map(itemgetter(2), f)
    # An unlocated mention's kind is the cue that announced it (camp, province ...).
    cols["kind"] += [k if m.place else (m.cue or None) for k, m in zip(map(itemgetter(3), f), ms, strict=True)]
    cols["layer"] += map(itemgetter(4), f)
    cols["country_code"] += map(itemgetter(5), f)
    cols["lat"] += map(itemgetter(6), f)
    cols["lon"] += map(itemgetter(7), f)
    cols["confidence"] += map(round, map(_CONFIDENCE, ms), repeat(3))
    cols["reason"] += map(_REASON, ms)
    cols["cue"] += [c or None for c in map(_CUE, ms)]
    cols["form"] += map(_FORM, ms)
    cols["sentence"] += map(text.__getitem__, map(slice, map(_SENTENCE_START, ms), map(_SENTENCE_END, ms)))
    return n


_START, _END, _SURFACE, _PLACE, _CONFIDENCE, _REASON, _CUE, _FORM, _SENTENCE_START, _SENTENCE_END = (
    attrgetter(f) for f in ("start", "end", "surface", "place", "confidence", "reason", "cue", "form",
                            "sentence_start", "sentence_end"))


def _geoparquet_bytes(cols: dict[str, list[Any]]) -> bytes:
    """One GeoParquet file (EPSG:4326, point geometry) of mention rows given by column (:func:`_add_rows`);
    the same schema when empty."""
    import geopandas
    import pandas as pd
    import shapely

    df = pd.DataFrame({c: pd.Series(cols[c], dtype="int64" if c in _INT_COLUMNS else "float64"
                                    if c in _FLOAT_COLUMNS else "string") for c in MENTION_COLUMNS[:-1]})
    lat, lon = cols["lat"], cols["lon"]
    points = [None if y is None else p for y, p in zip(lat, shapely.points(
        [(x if x is not None else 0.0, y if y is not None else 0.0) for x, y in zip(lon, lat, strict=True)])
        if lat else [], strict=True)]
    gdf = geopandas.GeoDataFrame(df, geometry=geopandas.GeoSeries(points, crs="EPSG:4326"))
    buf = io.BytesIO()
    gdf.to_parquet(buf, index=False, compression="zstd")
    return buf.getvalue()


def parse_partition(docs: Sequence[Document], *, lang: str = "auto", places: str = "base",
                    keep_situations: bool = False) -> PartitionResult:
    """Parse the documents of one partition with this process's gazetteer ``places`` (a key of
    :func:`places_key`; loaded by :class:`GazetteerPlugin`). A document that fails is reported, not raised."""
    from .pipeline import geoparse

    gaz = _GAZETTEERS.get(places)
    if gaz is None:
        if places != "base":
            raise RuntimeError("this worker has not loaded the places files (GazetteerPlugin missing)")
        gaz = worker_gazetteer(())
    t = time.perf_counter()
    cols = _new_columns()
    known: dict[int, tuple[Any, tuple[Any, ...]]] = {}
    rows = 0
    errors: list[dict[str, Any]] = []
    situations: list[Any] = []
    parsed = size = 0
    # The collector is paused for the whole partition, not only inside each parse (geoparse): re-enabled
    # between documents, each document's first allocation after its parse paid a collection of what the parse
    # allocated, and every tenth or hundredth a deeper one over the decisions kept with the gazetteer (charged
    # to the rows: 2.1 of 26 CPU-s for 4 MB of news; one collection per partition is left, ~0.2 s). Parsing
    # makes no garbage cycles worth collecting mid-partition.
    enabled = gc.isenabled()
    gc.disable()
    try:
        for d in docs:
            if d.text is None:
                errors.append({"doc_id": d.doc_id, "origin": d.origin, "reason": d.error})
                continue
            try:
                s = geoparse(d.text, lang=lang, gazetteer=gaz)
            except Exception as exc:  # one bad document never stops the run: it is reported with its reason
                errors.append({"doc_id": d.doc_id, "origin": d.origin,
                               "reason": f"parser error: {type(exc).__name__}: {exc}"})
                continue
            parsed += 1
            size += len(d.text.encode("utf-8", "surrogatepass"))
            rows += _add_rows(cols, d, s, known)
            if keep_situations:
                situations.append((d, s))
    finally:
        if enabled:
            gc.enable()
    data = _geoparquet_bytes(cols)
    return PartitionResult(data, errors, parsed, rows, size, time.perf_counter() - t,
                           situations if keep_situations else None)


# -- the client ---------------------------------------------------------------------------------------


class Progress:
    """A progress line on stderr: documents, MB of text, MB/s and ETA. Redrawn in place on a terminal,
    else a line at most every ``every`` seconds, and always a last line."""

    def __init__(self, stream: IO[str] | None, total_bytes: int, every: float = 1.0) -> None:
        self.stream = stream
        self.total = max(total_bytes, 1)
        self.every = every
        self.t0 = time.perf_counter()
        self.last = 0.0
        self.docs = 0
        self.bytes = 0
        self.skipped = 0  # bytes of partitions written by an earlier run: done, but not this run's speed
        self.tty = bool(stream is not None and getattr(stream, "isatty", lambda: False)())

    def line(self) -> str:
        """The current progress line."""
        secs = max(time.perf_counter() - self.t0, 1e-9)
        rate = (self.bytes - self.skipped) / 1e6 / secs
        left = max(self.total - self.bytes, 0) / 1e6
        eta = f"{left / rate:.0f} s" if rate > 0 else "?"
        return (f"batch: {self.docs:,} documents, {self.bytes / 1e6:.1f} / {max(self.total, self.bytes) / 1e6:.1f} MB, "
                f"{rate:.2f} MB/s, ETA {eta}")

    def update(self, docs: int, text_bytes: int, *, final: bool = False, skipped: bool = False) -> None:
        """Count a finished (or ``skipped``: already written) partition and redraw when due."""
        self.docs += docs
        self.bytes += text_bytes
        if skipped:
            self.skipped += text_bytes
        if final:
            self.total = self.bytes
        if self.stream is None:
            return
        now = time.perf_counter()
        if not final and now - self.last < self.every:
            return
        self.last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self.line() + ("\n" if final else ""))
        else:
            self.stream.write(self.line() + "\n")
        self.stream.flush()

    def say(self, message: str) -> None:
        """A message line (not overwritten by the bar)."""
        if self.stream is not None:
            self.stream.write(("\r\x1b[K" if self.tty else "") + message + "\n")
            self.stream.flush()


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def store_hook(db: str | os.PathLike[str]) -> PartitionHook:
    """``--db``: each written partition's documents are added to the store, one transaction per partition.

    The store is opened (and its file checked) before any document is parsed, so a foreign file stops the
    run at once with a clear message.
    """
    from .collection import add_situations
    from .store import open_store

    store = open_store(db)

    def hook(docs: Sequence[Document], situations: Sequence[Any]) -> None:
        add_situations(store, [(s, d.date, d.source) for d, s in zip(docs, situations, strict=True)],
                       batch=max(len(docs), 1))

    hook.close = store.close  # type: ignore[attr-defined]  # called by the CLI when the run ends
    return hook


def _fingerprint(lang: str, places: Sequence[tuple[str, bytes]]) -> str:
    """What besides the documents decides a partition's content: the language option and places files."""
    return f"lang={lang};{places_key(places)};columns={','.join(MENTION_COLUMNS)}"


def _start_client(workers: int | None, scheduler: str | None) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise InputError("batch needs Dask's distributed package: pip install -r requirements.txt") from None
    if scheduler:
        try:
            return Client(scheduler, timeout="10s"), None
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
    n = workers or os.cpu_count() or 1
    # Processes, one thread each: the parser is pure Python, so threads would share one core. Dask's status
    # page still starts with ``dashboard_address=None`` (on port 8787, clashing with any other cluster running):
    # a free port on loopback instead.
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                           silence_logs=40)
    return Client(cluster), cluster


def run_batch(inputs: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *,
              workers: int | None = None, scheduler: str | None = None, lang: str = "auto",
              places: Sequence[str | os.PathLike[str]] = (), hook: PartitionHook | None = None,
              progress: IO[str] | None = None, partition_bytes: int = DEFAULT_PARTITION_BYTES,
              max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES, client: Any = None) -> BatchReport:
    """Geoparse every document of ``inputs`` on Dask and write the mentions to ``out`` (see the module).

    ``workers`` processes on this machine (default: one per core), or the cluster at ``scheduler``
    (``tcp://host:8786``), or an existing ``client``. Partitions already in ``out`` are skipped.
    """
    from .pipeline import LANGS

    if lang not in LANGS:
        raise InputError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    out_dir = Path(out)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError(f"output {str(out_dir)!r} exists and is not a folder")
    place_files: list[tuple[str, bytes]] = []
    for p in places:
        try:
            data = Path(p).read_bytes()
        except OSError as exc:
            raise InputError(f"places file {str(p)!r} cannot be read: {exc.strerror or exc}") from None
        from .gazetteer.layers import _read_places

        _read_places(Path(p), curated=False)  # checked here, once: a broken file fails before any worker starts
        place_files.append((Path(p).name, data))
    docs = read_documents(inputs, max_doc_bytes=max_doc_bytes)  # checks that every input exists
    mentions_dir, errors_dir = out_dir / "mentions", out_dir / "errors"
    mentions_dir.mkdir(parents=True, exist_ok=True)
    errors_dir.mkdir(exist_ok=True)
    done = {p.name[: -len(".parquet")] for p in mentions_dir.glob("part-*.parquet")}
    bar = Progress(progress, estimate_text_bytes(inputs))
    report = BatchReport(out=str(out_dir))
    t0 = time.perf_counter()
    own_client = client is None
    cluster = None
    if own_client:
        client, cluster = _start_client(workers, scheduler)
    try:
        from distributed import as_completed

        key = places_key(place_files)
        client.register_plugin(GazetteerPlugin(place_files), name=f"geo-gazetteer-{key}")
        n_workers = max(len(client.scheduler_info(n_workers=-1)["workers"]), 1)
        report.workers = n_workers
        fp = _fingerprint(lang, place_files)
        parts = partitions(docs, target_bytes=partition_bytes, fingerprint=fp)
        pending = as_completed()
        in_flight: dict[Any, Partition] = {}
        limit = 2 * n_workers  # enough queued to keep every worker busy, few texts held in memory

        def submit_next() -> bool:
            for part in parts:
                if part.name in done:
                    report.partitions_skipped += 1
                    bar.update(len(part.docs), part.text_bytes, skipped=True)
                    continue
                fut = client.submit(parse_partition, part.docs, lang=lang, places=key,
                                    keep_situations=hook is not None, key=f"geo-{part.name}-{id(report)}",
                                    pure=False)
                in_flight[fut] = part
                pending.add(fut)
                return True
            return False

        while len(in_flight) < limit and submit_next():
            pass
        for fut in pending:
            part = in_flight.pop(fut)
            try:
                res: PartitionResult = fut.result()
            except Exception as exc:  # a lost worker or a broken task: this partition is retried next run
                report.partitions_failed += 1
                bar.say(f"batch: partition {part.number} failed ({type(exc).__name__}: {exc}); "
                        "run again to retry it")
                fut.release()
                while len(in_flight) < limit and submit_next():
                    pass
                continue
            fut.release()
            # The errors first, then the mentions: a partition whose file exists is complete.
            _atomic_write(errors_dir / f"{part.name}.jsonl",
                          "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in res.errors).encode())
            if hook is not None and res.situations:
                try:
                    hook([d for d, _ in res.situations], [s for _, s in res.situations])
                except Exception as exc:  # e.g. the store is locked or full: retried next run, like a lost task
                    report.partitions_failed += 1
                    bar.say(f"batch: partition {part.number}: adding its documents failed ({type(exc).__name__}: "
                            f"{exc}); its mentions are not written, run again to retry it")
                    while len(in_flight) < limit and submit_next():
                        pass
                    continue
            _atomic_write(mentions_dir / f"{part.name}.parquet", res.parquet)
            report.partitions_written += 1
            report.documents += res.docs
            report.mentions += res.mentions
            report.text_bytes += res.text_bytes
            report.parse_seconds += res.seconds
            bar.update(len(part.docs), part.text_bytes)
            while len(in_flight) < limit and submit_next():
                pass
        report.extra["workers"] = client.run(worker_info)
    finally:
        if own_client:
            client.close()
            if cluster is not None:
                cluster.close()
    report.errors = _collect_errors(out_dir)
    write_place_summary(out_dir)
    report.seconds = time.perf_counter() - t0
    bar.update(0, 0, final=True)
    if report.partitions_skipped:
        bar.say(f"batch: {report.partitions_skipped} partitions were already written and were skipped")
    return report


def _collect_errors(out_dir: Path) -> int:
    """Write ``errors.jsonl``: every partition's bad documents, in partition order. Returns how many."""
    lines: list[str] = []
    for p in sorted((out_dir / "errors").glob("part-*.jsonl")):
        if (out_dir / "mentions" / (p.stem + ".parquet")).exists():
            lines.extend(line for line in p.read_text(encoding="utf-8").splitlines() if line.strip())
    _atomic_write(out_dir / "errors.jsonl", "".join(line + "\n" for line in lines).encode())
    return len(lines)


def write_place_summary(out_dir: str | os.PathLike[str]) -> Path:
    """``places.parquet`` in ``out_dir``: one row per place of every partition written (GeoParquet,
    EPSG:4326): its mentions, the documents that name it, and the first and last dates among them."""
    import geopandas
    import pandas as pd
    import pyarrow.parquet as pq

    out = Path(out_dir)
    files = sorted((out / "mentions").glob("part-*.parquet"))
    wanted = ["doc_id", "date", "place_id", "name", "name_ar", "kind", "country_code", "geometry"]
    frames = [pq.read_table(f, columns=wanted).to_pandas() for f in files]
    df = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=wanted)
    df = df[df["place_id"].notna()]
    if len(df):
        grouped = df.groupby("place_id", sort=True)
        summary = grouped.agg(name=("name", "first"), name_ar=("name_ar", "first"), kind=("kind", "first"),
                              country_code=("country_code", "first"), mentions=("doc_id", "count"),
                              documents=("doc_id", "nunique"), first_date=("date", "min"),
                              last_date=("date", "max"), geometry=("geometry", "first")).reset_index()
        summary = summary.astype({"mentions": "int64", "documents": "int64"})
        summary = summary.sort_values(["mentions", "place_id"], ascending=[False, True], kind="stable")
        geometry = geopandas.GeoSeries.from_wkb(summary["geometry"].tolist(), crs="EPSG:4326")
    else:
        summary = pd.DataFrame({c: pd.Series([], dtype="string") for c in PLACE_COLUMNS if c != "geometry"})
        geometry = geopandas.GeoSeries([], crs="EPSG:4326")
    gdf = geopandas.GeoDataFrame(summary.drop(columns=["geometry"], errors="ignore").reset_index(drop=True),
                                 geometry=geometry.reset_index(drop=True))
    gdf = gdf[list(PLACE_COLUMNS)]
    buf = io.BytesIO()
    gdf.to_parquet(buf, index=False)
    path = out / "places.parquet"
    _atomic_write(path, buf.getvalue())
    return path
