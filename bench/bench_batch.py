"""Benchmark of `geo batch`: a 50 MB corpus on 1 and 2 Dask worker processes.

Run: ``make bench-batch`` (or ``.venv/bin/python bench/bench_batch.py [--mb 50]``). Writes the report to
``bench/results_batch.md``.

The corpus: every document of ``../shared/public-dev`` when it is there (read at bench time into a temporary
folder, never into the repository), topped up to the size asked for with news-sized text generated from the
bundled statements (``bench_geoparse.varied_text``: 60 % of the words that start no place name replaced by
random frequent words, a new seed per document, so no two documents repeat). Without public-dev, all of it
is generated.

Measured per run: wall time of the whole run (reading, partitioning, parsing, writing GeoParquet and the
summary) with the cluster already up, MB/s of text, the workers' CPU seconds (MB per CPU-second is the
per-core speed, which other load on the machine changes less than wall time), peak RSS per worker, and the
start-up cost of a worker (cluster start to every worker holding the gazetteer).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

PUBLIC_DEV = ROOT.parent / "shared" / "public-dev"
for candidate in (ROOT.parent / "shared" / "public-dev", Path("/work/shared/public-dev")):
    if candidate.is_dir():
        PUBLIC_DEV = candidate
        break


def build_corpus(path: Path, mb: float) -> dict[str, float]:
    """Write a JSONL corpus of about ``mb`` MB of text to ``path``; returns MB per origin."""
    from bench_geoparse import varied_text

    from geo import load_gazetteer

    target = int(mb * 1e6)
    sizes = {"public-dev": 0.0, "generated en": 0.0, "generated ar": 0.0}
    total = 0
    with path.open("w", encoding="utf-8") as out:
        if PUBLIC_DEV.is_dir():
            for f in sorted(PUBLIC_DEV.glob("*.jsonl")):
                with f.open(encoding="utf-8") as fh:
                    for line in fh:
                        rec = json.loads(line)
                        text = rec.get("text") or ""
                        if not text or total >= target:
                            continue
                        out.write(json.dumps({"id": rec["id"], "text": text, "source": f.stem},
                                             ensure_ascii=False) + "\n")
                        n = len(text.encode())
                        total += n
                        sizes["public-dev"] += n / 1e6
        gaz = load_gazetteer()
        rnd = random.Random(0)
        seed = 1000
        while total < target:
            lang = "ar" if seed % 2 else "en"
            # ~200 KB of varied text per seed, cut into news items of three paragraphs.
            paras = varied_text(lang, 200_000, gaz, seed=seed).split("\n\n")
            rnd.shuffle(paras)
            for k in range(0, len(paras), 3):
                text = "\n\n".join(paras[k : k + 3])
                out.write(json.dumps({"id": f"gen-{lang}-{seed}-{k}", "text": text,
                                      "date": f"2026-{1 + k % 12:02d}-{1 + k % 28:02d}"}, ensure_ascii=False) + "\n")
                n = len(text.encode())
                total += n
                sizes[f"generated {lang}"] += n / 1e6
                if total >= target:
                    break
            seed += 1
    return sizes


def run(corpus: Path, out: Path, workers: int) -> dict[str, float]:
    """One batch run on a fresh LocalCluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    from geo.batch import GazetteerPlugin, run_batch

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0",
                           silence_logs=40)
    client = Client(cluster)
    client.register_plugin(GazetteerPlugin(()), name="geo-gazetteer-base")
    startup = time.perf_counter() - t
    try:
        cpu0 = sum(client.run(_cpu).values())
        t = time.perf_counter()
        report = run_batch([corpus], out, client=client, progress=sys.stderr)
        wall = time.perf_counter() - t
        cpu = sum(client.run(_cpu).values()) - cpu0
        infos = report.extra["workers"]
    finally:
        client.close()
        cluster.close()
    mb = report.text_bytes / 1e6
    return {
        "workers": workers, "mb": mb, "docs": report.documents, "mentions": report.mentions, "wall": wall,
        "mb_s": mb / wall, "cpu": cpu, "mb_per_cpu_s": mb / cpu if cpu else float("nan"),
        "parse_s": report.parse_seconds, "startup": startup,
        "load_s": statistics.median(s for i in infos.values() for s in i["startup_seconds"].values()),
        "peak_rss": max(i["peak_rss_mb"] for i in infos.values()),
        "errors": report.errors, "partitions": report.partitions_written,
    }


_SPLIT = """
import json, pickle, sys, time
c0 = time.process_time()
sys.path.insert(0, {root!r})
import geo.batch as B
import geo.pipeline as P
from pathlib import Path
c1 = time.process_time()
B.worker_gazetteer(())
c2 = time.process_time()
cpu = {{"import": c1 - c0, "gazetteer load": c2 - c1}}
def timed(mod, name, label):
    f = getattr(mod, name)
    def g(*a, **k):
        c = time.process_time()
        try:
            return f(*a, **k)
        finally:
            cpu[label] = cpu.get(label, 0.0) + time.process_time() - c
    setattr(mod, name, g)
timed(P, "geoparse", "parse (geoparse)")
timed(B, "mention_rows", "rows")
if hasattr(B, "_add_rows"):  # rows built by column (session 8); mention_rows is then not called by a partition
    timed(B, "_add_rows", "rows")
timed(B, "_geoparquet_bytes", "GeoParquet")
parts = list(B.partitions(B.read_documents([Path({corpus!r})])))
size = 0
c = time.process_time()
for p in parts:
    t = time.process_time()
    docs = pickle.loads(pickle.dumps(p.docs))  # a task's documents arrive pickled ...
    cpu["pickling"] = cpu.get("pickling", 0.0) + time.process_time() - t
    r = B.parse_partition(docs)
    t = time.process_time()
    pickle.dumps(r)  # ... and its result leaves pickled
    cpu["pickling"] += time.process_time() - t
    size += r.text_bytes
cpu["partitions (all of the above but start)"] = time.process_time() - c
print(json.dumps({{"mb": size / 1e6, "cpu": cpu}}))
"""


def worker_split(corpus: Path, root: Path = ROOT) -> dict[str, object]:
    """A batch worker's CPU seconds by part, in one new process running the checkout at ``root``: start
    (imports, gazetteer load), then every partition of ``corpus`` as a task runs it (documents unpickled,
    :func:`geo.batch.parse_partition`: parse, rows, GeoParquet; result pickled). Dask's own share is the
    rest of a real run's worker CPU (see ``run``)."""
    import subprocess

    code = _SPLIT.format(root=str(root), corpus=str(corpus))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _cpu() -> float:
    u = resource.getrusage(resource.RUSAGE_SELF)
    return u.ru_utime + u.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=50.0, help="corpus size in MB of text (default 50)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results_batch.md")
    ap.add_argument("--split", type=Path, nargs="*", metavar="CHECKOUT",
                    help="only print a worker's CPU split by part (start, parse, rows, GeoParquet, pickling) on a "
                         "corpus of --mb MB, in a new process per checkout given (default: this one), in turn")
    args = ap.parse_args()
    if args.split is not None:
        tmp = Path(tempfile.mkdtemp(prefix="geo-bench-split-"))
        try:
            corpus = tmp / "corpus.jsonl"
            build_corpus(corpus, args.mb)
            for root in args.split or [ROOT]:
                r = worker_split(corpus, root.resolve())
                cpu = r["cpu"]
                print(f"{root}: {r['mb']:.2f} MB, load average {os.getloadavg()[0]:.1f}")
                for k, v in cpu.items():
                    print(f"  {k:42s} {v:7.2f} CPU-s")
                print(f"  MB per CPU-second: parse alone {r['mb'] / cpu['parse (geoparse)']:.2f}, the partitions "
                      f"{r['mb'] / cpu['partitions (all of the above but start)']:.2f}")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    tmp = Path(tempfile.mkdtemp(prefix="geo-bench-batch-"))
    try:
        corpus = tmp / "corpus.jsonl"
        t = time.perf_counter()
        sizes = build_corpus(corpus, args.mb)
        print(f"corpus: {sum(sizes.values()):.1f} MB ({', '.join(f'{k} {v:.1f} MB' for k, v in sizes.items())}) "
              f"in {time.perf_counter() - t:.0f} s", file=sys.stderr)
        rows = []
        for n in args.workers:
            load = os.getloadavg()[0]
            r = run(corpus, tmp / f"out-{n}", n)
            r["load"] = load
            rows.append(r)
            print(r, file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = [
        "# `geo batch` benchmark\n",
        "Command: `make bench-batch`\n",
        f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, shared with other work (load average at "
        "each run's start in the table). Corpus: "
        + ", ".join(f"{k} {v:.1f} MB" for k, v in sizes.items() if v) + " of text (JSONL).\n",
        "| workers | MB | documents | mentions | wall | MB/s | worker CPU s | MB per CPU-s (per core) | "
        "worker start-up (cluster start → gazetteer on all) | gazetteer load per worker | peak RSS per worker | "
        "load avg |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(f"| {r['workers']} | {r['mb']:.1f} | {r['docs']:,} | {r['mentions']:,} | {r['wall']:.0f} s | "
                     f"{r['mb_s']:.2f} | {r['cpu']:.0f} | {r['mb_per_cpu_s']:.2f} | {r['startup']:.1f} s | "
                     f"{r['load_s']:.1f} s | {r['peak_rss']:.0f} MB | {r['load']:.1f} |")
    by = {r["workers"]: r for r in rows}
    if 1 in by and 2 in by:
        lines.append(f"\nScaling, 2 workers over 1 (wall MB/s): {by[2]['mb_s'] / by[1]['mb_s']:.2f}× (goal ≥ 1.7× on "
                     "two cores).")
    report = "\n".join(lines) + "\n"
    print(report)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
