"""`geo batch`: a corpus on a real Dask cluster (worker processes on loopback), GeoParquet out.

Each cluster start loads the gazetteer once per worker (about a second from the disk cache, longer on a busy
machine), so the runs share clusters where they can and the corpora are a few documents.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from geo import geoparse
from geo.batch import (
    MENTION_COLUMNS,
    PLACE_COLUMNS,
    Document,
    parse_partition,
    partitions,
    read_documents,
    run_batch,
)
from geo.cli import main
from geo.export import mention_records

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "corpus"

pytestmark = pytest.mark.timeout(600)


def _texts() -> dict[str, str]:
    names = ["en-01-al-hol-camp", "en-02-tripoli-lebanon", "ar-01-hol-roj-repatriation", "ar-03-tripoli-libya",
             "en-06-damascus-maryland", "ar-08-hama-homs-aid"]
    return {n: (CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in names}


def _expected(text: str) -> list[tuple]:
    """What `geo parse` prints for ``text`` (its jsonl records), as comparable tuples."""
    return [(r["start"], r["end"], r["text"], r["place_id"], r["confidence"], r["reason"])
            for r in mention_records(geoparse(text))]


def _got(table, doc_id: str) -> list[tuple]:
    rows = [r for r in table if r["doc_id"] == doc_id]
    return [(r["start"], r["end"], r["surface"], r["place_id"], r["confidence"], r["reason"])
            for r in sorted(rows, key=lambda r: (r["start"], r["end"]))]


def _mentions(out: Path) -> list[dict]:
    return pq.read_table(out / "mentions").to_pylist()


def _errors(out: Path) -> dict[str, str]:
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    return {e["doc_id"]: e["reason"] for e in map(json.loads, lines)}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    """One corpus in all four input kinds, each with bad documents."""
    base = tmp_path_factory.mktemp("inputs")
    texts = _texts()
    names = list(texts)
    folder = base / "folder"
    (folder / "sub").mkdir(parents=True)
    for n in names[:2]:
        (folder / f"{n}.txt").write_text(texts[n], encoding="utf-8")
    (folder / "sub" / f"{names[2]}.txt").write_text(texts[names[2]], encoding="utf-8")
    (folder / "sub" / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))  # an image named .txt
    (folder / "big.txt").write_text("Talks in Baghdad. " * 400, encoding="utf-8")  # over the test's size limit
    (folder / "notes.md").write_text("not a .txt file: ignored", encoding="utf-8")
    jsonl = base / "docs.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "j1", "text": texts[names[3]], "date": "2026-01-05", "source": "wire"},
                            ensure_ascii=False) + "\n")
        fh.write("{this is not json\n")
        fh.write(json.dumps({"id": "j-notext", "date": "2026-01-06"}) + "\n")
        fh.write("\n")
        fh.write(json.dumps({"id": "j2", "text": texts[names[4]], "date": "2026-01-07"}, ensure_ascii=False) + "\n")
    csv_path = base / "docs.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["id", "text", "date", "source"])
        w.writeheader()
        w.writerow({"id": "c1", "text": texts[names[5]], "date": "2026-02-01", "source": "ngo"})
        w.writerow({"id": "c2", "text": "Aid reached Mosul and Kirkuk, then Erbil.", "date": "", "source": ""})
    parquet = base / "docs.parquet"
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": [texts[names[0]], "لا مكان هنا."],
                             "date": ["2026-03-01", None]}), parquet)
    return {"folder": folder, "jsonl": jsonl, "csv": csv_path, "parquet": parquet, "texts": base}


def _all_good_docs(inputs: dict[str, Path]) -> dict[str, str]:
    """doc_id → text of every readable document of the four inputs (the big one is refused at 5 KB)."""
    docs = [d for d in read_documents([inputs[k] for k in ("folder", "jsonl", "csv", "parquet")],
                                      max_doc_bytes=5_000) if d.text is not None]
    return {d.doc_id: d.text for d in docs}


def test_reading_all_four_kinds_in_order_with_bad_documents(inputs):
    docs = list(read_documents([inputs[k] for k in ("folder", "jsonl", "csv", "parquet")], max_doc_bytes=5_000))
    ids = [d.doc_id for d in docs]
    assert ids[:5] == ["folder/big.txt", "folder/en-01-al-hol-camp.txt", "folder/en-02-tripoli-lebanon.txt",
                       "folder/sub/ar-01-hol-roj-repatriation.txt", "folder/sub/broken.txt"]
    assert ids[5:] == ["j1", "docs.jsonl:2", "j-notext", "j2", "c1", "c2", "p1", "p2"]
    bad = {d.doc_id: d.error for d in docs if d.error}
    assert set(bad) == {"folder/big.txt", "folder/sub/broken.txt", "docs.jsonl:2", "j-notext"}
    assert bad["folder/big.txt"].startswith("too big")
    assert bad["folder/sub/broken.txt"].startswith("undecodable")
    assert "not valid JSON" in bad["docs.jsonl:2"] and bad["j-notext"] == "no 'text' field"
    j1 = docs[5]
    assert (j1.date, j1.source, j1.origin.endswith("docs.jsonl:1")) == ("2026-01-05", "wire", True)
    c2 = next(d for d in docs if d.doc_id == "c2")
    assert (c2.date, c2.source) == (None, None)  # empty CSV cells are no date
    with pytest.raises(Exception, match="does not exist"):
        list(read_documents([inputs["texts"] / "missing"]))


def test_partitions_are_stable_and_cut_by_size():
    docs = [Document(f"d{i}", "x" * 400) for i in range(10)]
    a = list(partitions(docs, target_bytes=1_000))
    b = list(partitions(docs, target_bytes=1_000))
    assert [len(p.docs) for p in a] == [3, 3, 3, 1]
    assert [p.name for p in a] == [p.name for p in b]
    changed = list(partitions([*docs[:4], Document("d4", "y" * 400), *docs[5:]], target_bytes=1_000))
    assert [p.name == q.name for p, q in zip(a, changed, strict=True)] == [True, False, True, True]
    assert list(partitions(docs, target_bytes=1_000, fingerprint="lang=ar"))[0].name != a[0].name


def test_a_parser_error_is_reported_and_the_partition_goes_on(monkeypatch):
    import geo.pipeline

    real = geo.pipeline.geoparse

    def flaky(text, **kw):
        if "boom" in text:
            raise RecursionError("deep trouble")
        return real(text, **kw)

    monkeypatch.setattr(geo.pipeline, "geoparse", flaky)
    docs = [Document("a", "Talks in Baghdad."), Document("b", "boom in Damascus"), Document("c", "Aid to Mosul."),
            Document("d", None, origin="x.jsonl:4", error="no 'text' field")]
    res = parse_partition(docs)
    assert res.docs == 2 and res.mentions == 2
    assert res.errors == [
        {"doc_id": "b", "origin": "", "reason": "parser error: RecursionError: deep trouble"},
        {"doc_id": "d", "origin": "x.jsonl:4", "reason": "no 'text' field"},
    ]
    table = pq.read_table(io.BytesIO(res.parquet))
    assert table.column_names == list(MENTION_COLUMNS)
    assert table.column("doc_id").to_pylist() == ["a", "c"]
    assert json.loads(table.schema.metadata[b"geo"])["columns"]["geometry"]["encoding"] == "WKB"


def test_cli_one_worker_all_kinds_same_mentions_as_parse(inputs, tmp_path, capsys):
    out = tmp_path / "out"
    args = ["batch", str(inputs["folder"]), str(inputs["jsonl"]), str(inputs["csv"]), str(inputs["parquet"]),
            "-o", str(out), "--workers", "1", "--max-doc-mb", "0.005"]
    assert main(args) == 0
    cap = capsys.readouterr()
    # The progress bar (stderr is not a terminal here: one line per update, always a last one).
    assert "batch: 13 documents" in cap.err and "MB/s" in cap.err and "ETA" in cap.err
    assert "9 documents" in cap.out and "4 bad documents" in cap.out
    table = _mentions(out)
    good = _all_good_docs(inputs)
    assert len(good) == 9
    for doc_id, text in good.items():
        assert _got(table, doc_id) == _expected(text), doc_id
    # `geo parse` itself, on the folder's files: the same records.
    for path in sorted(inputs["folder"].rglob("*.txt"))[1:4]:
        buf = io.StringIO()
        assert main(["parse", str(path)], out=buf) == 0
        # Mention records only: movements follow them as records with "type": "movement".
        recs = [r for r in map(json.loads, buf.getvalue().splitlines()) if "type" not in r]
        doc_id = (Path("folder") / path.relative_to(inputs["folder"])).as_posix()
        assert _got(table, doc_id) == [(r["start"], r["end"], r["text"], r["place_id"], r["confidence"], r["reason"])
                                       for r in recs]
    j1 = [r for r in table if r["doc_id"] == "j1"]
    assert {(r["date"], r["source"]) for r in j1} == {("2026-01-05", "wire")}
    for r in table:
        assert good[r["doc_id"]][r["start"] : r["end"]] == r["surface"]
        assert r["surface"] in r["sentence"]
    errors = _errors(out)
    assert set(errors) == {"folder/big.txt", "folder/sub/broken.txt", "docs.jsonl:2", "j-notext"}
    # GeoParquet: geopandas reads the folder of partitions with its CRS and point geometries.
    import geopandas

    gdf = geopandas.read_parquet(out / "mentions")
    assert gdf.crs.to_epsg() == 4326 and list(gdf.columns) == list(MENTION_COLUMNS)
    located = gdf[gdf["place_id"].notna()]
    assert (located.geometry.geom_type == "Point").all() and gdf[gdf["place_id"].isna()].geometry.isna().all()
    damascus = gdf[gdf["place_id"] == "geonames:170654"]
    if len(damascus):
        assert abs(damascus.geometry.iloc[0].x - 36.29) < 0.1  # [lon, lat] order
    places = geopandas.read_parquet(out / "places.parquet")
    assert list(places.columns) == list(PLACE_COLUMNS)
    counts = located.groupby("place_id").size()
    assert dict(zip(places["place_id"], places["mentions"], strict=True)) == counts.to_dict()
    hol = places[places["place_id"] == "curated:al-hol-camp"].iloc[0]
    assert hol["documents"] == located[located["place_id"] == "curated:al-hol-camp"]["doc_id"].nunique() >= 3
    assert hol["first_date"] == "2026-03-01" and hol["last_date"] == "2026-03-01"


@pytest.fixture(scope="module")
def two_workers():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                           silence_logs=40)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_two_workers_resumable_with_a_partition_hook(inputs, tmp_path, two_workers):
    out = tmp_path / "out"
    seen: list[tuple[str, int]] = []

    def hook(docs, situations):
        seen.extend((d.doc_id, len(s.mentions)) for d, s in zip(docs, situations, strict=True))

    srcs = [inputs["folder"], inputs["jsonl"]]
    first = run_batch(srcs, out, client=two_workers, partition_bytes=1_500, hook=hook, max_doc_bytes=5_000)
    files = sorted((out / "mentions").glob("part-*.parquet"))
    assert first.workers == 2 and first.partitions_written == len(files) >= 3 and first.partitions_failed == 0
    # Both workers loaded the gazetteer once, when they joined (the plugin), not per task.
    infos = first.extra["workers"]
    assert len(infos) == 2 and all("base" in i["startup_seconds"] for i in infos.values())
    good = {k: v for k, v in _all_good_docs(inputs).items() if not k.startswith(("c", "p"))}
    assert sorted(seen) == sorted((k, len(geoparse(v).mentions)) for k, v in good.items())
    table = _mentions(out)
    for doc_id, text in good.items():
        assert _got(table, doc_id) == _expected(text), doc_id
    stamps = {f: f.stat().st_mtime_ns for f in files}

    again = run_batch(srcs, out, client=two_workers, partition_bytes=1_500, max_doc_bytes=5_000)
    assert (again.partitions_written, again.partitions_skipped) == (0, len(files))
    assert {f: f.stat().st_mtime_ns for f in files} == stamps
    files[1].unlink()  # as if the run had stopped before writing it
    third = run_batch(srcs, out, client=two_workers, partition_bytes=1_500, max_doc_bytes=5_000)
    assert (third.partitions_written, third.partitions_skipped) == (1, len(files) - 1)
    assert sorted((out / "mentions").glob("part-*.parquet")) == files
    assert _mentions(out) == table
    assert set(_errors(out)) == {"folder/big.txt", "folder/sub/broken.txt", "docs.jsonl:2", "j-notext"}
    assert not list(out.rglob("*.tmp"))


def test_a_failing_hook_leaves_its_partition_for_the_next_run(inputs, tmp_path, two_workers):
    out = tmp_path / "out"

    def hook(docs, situations):
        if any(d.doc_id == "j1" for d in docs):
            raise OSError("database is locked")

    srcs = [inputs["folder"], inputs["jsonl"]]
    first = run_batch(srcs, out, client=two_workers, partition_bytes=1_500, hook=hook, max_doc_bytes=5_000,
                      progress=(err := io.StringIO()))
    assert first.partitions_failed == 1 and first.partitions_written >= 2
    assert "adding its documents failed (OSError: database is locked)" in err.getvalue()
    again = run_batch(srcs, out, client=two_workers, partition_bytes=1_500, max_doc_bytes=5_000)
    assert (again.partitions_written, again.partitions_skipped) == (1, first.partitions_written)
    assert "j1" in {r["doc_id"] for r in _mentions(out)}


def _wait_for(path: Path, seconds: float) -> None:
    end = time.monotonic() + seconds
    while not path.exists():
        if time.monotonic() > end:
            raise TimeoutError(f"{path} did not appear in {seconds} s")
        time.sleep(0.2)


def test_against_a_scheduler_address(inputs, tmp_path):
    """A real `dask scheduler` and `dask worker` on loopback, as on a cluster; the batch connects by address."""
    dask = Path(sys.executable).parent / "dask"
    sched_file = tmp_path / "scheduler.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                               "--scheduler-file", str(sched_file)], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        _wait_for(sched_file, 60)
        procs.append(subprocess.Popen([str(dask), "worker", "--scheduler-file", str(sched_file), "--nthreads", "1",
                                       "--nworkers", "1", "--no-dashboard", "--host", "127.0.0.1"], cwd=ROOT,
                                      env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                      start_new_session=True))
        address = json.loads(sched_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        from distributed import Client

        with Client(address, timeout="60s") as c:
            c.wait_for_workers(1, timeout=120)
        out = tmp_path / "out"
        buf = io.StringIO()
        assert main(["batch", str(inputs["csv"]), str(inputs["parquet"]), "-o", str(out), "--scheduler", address,
                     "--quiet"], out=buf) == 0
        assert "on 1 workers" in buf.getvalue()
        table = _mentions(out)
        texts = {d.doc_id: d.text for d in read_documents([inputs["csv"], inputs["parquet"]])}
        for doc_id, text in texts.items():
            assert _got(table, doc_id) == _expected(text), doc_id
    finally:
        for p in reversed(procs):
            os.killpg(p.pid, signal.SIGTERM)  # each was started in its own session: only its own processes
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_bad_arguments_get_a_message(inputs, tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o"), "--workers", "1"]) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "file").write_text("x")
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "file"), "--workers", "1"]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "o"), "--workers", "0"]) == 2
    assert "at least 1" in capsys.readouterr().err
    bad_places = tmp_path / "p.geojson"
    bad_places.write_text("{}")
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "o"), "--places", str(bad_places)]) == 2
    assert "FeatureCollection" in capsys.readouterr().err
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def test_db_adds_every_good_document_to_the_store(inputs, tmp_path, capsys):
    from geo.store import open_store

    db = tmp_path / "s.db"
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "o"), "--db", str(db), "--workers", "1"]) == 0
    capsys.readouterr()
    good = {d.text for d in read_documents([inputs["csv"]], max_doc_bytes=5_000) if d.text is not None}
    with open_store(db, create=False) as store:
        stored = {store.text(r.id) for r in store.statements()}
    assert good and stored == good


def test_a_file_that_is_no_store_is_refused_before_any_work(inputs, tmp_path, capsys):
    db = tmp_path / "notes.db"
    db.write_bytes(b"not a database, just notes\n" * 40)
    assert main(["batch", str(inputs["csv"]), "-o", str(tmp_path / "o"), "--db", str(db)]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert db.read_bytes() == b"not a database, just notes\n" * 40  # untouched
    assert not (tmp_path / "o").exists()
