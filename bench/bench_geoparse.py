"""Benchmark: cold start, seed latency, warm throughput (Arabic, English), size curve, memory,
and geotext side by side on the same English input (speed, and P/R on the annotated corpus).

Run: ``make bench`` (or ``.venv/bin/python bench/bench_geoparse.py``). Prints a markdown report
and writes it to ``bench/results.md``. Medians of repeated runs; machines here are noisy.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from corpus_eval import geoparse_predict, load_corpus, score_docs  # noqa: E402

from geo import geoparse, load_gazetteer  # noqa: E402

SEED = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def corpus_text(lang: str, size: int) -> str:
    """At least ``size`` UTF-8 bytes of real statements in ``lang``, repeated from the corpus."""
    docs = [d.text for d in load_corpus() if d.lang == lang]
    if lang == "ar":
        docs.append(SEED.read_text(encoding="utf-8"))
    base = "\n\n".join(docs)
    reps = size // len(base.encode()) + 1
    return "\n\n".join([base] * reps)


def varied_text(lang: str, size: int, gaz, seed: int = 0) -> str:
    """The repeated statements with a news-sized vocabulary: 60 % of the words that start no place name
    (in English, only lower-case ones) replaced by random words from wordfreq's 50,000 most frequent.

    Repeating 50 KB of statements gives ~1,700 distinct words per MB; real news has ~30,000, and the
    parser decides once per distinct word, so the repeated text alone would flatter it.
    """
    import random
    import re

    from wordfreq import top_n_list

    from geo.text import fold_name

    rnd = random.Random(seed)
    vocab = top_n_list(lang, 50_000)
    out = []
    for tok in re.split(r"(\s+)", corpus_text(lang, size)):
        core = tok.strip(".,;:()\"'،؛")
        if (core and not tok.isspace() and (lang == "ar" or core.islower())
                and not gaz.lengths(fold_name(core)) and rnd.random() < 0.6):
            tok = tok.replace(core, rnd.choice(vocab), 1)
        out.append(tok)
    return "".join(out)


def cold_start(repeat: int = 5) -> tuple[float, float]:
    """Median seconds for a fresh process to import geo and have the gazetteer ready (disk cache warm)."""
    code = "import time;t=time.perf_counter();import geo;geo.load_gazetteer();print(time.perf_counter()-t)"
    # As an installed package starts: with its modules' bytecode written once (PYTHONDONTWRITEBYTECODE, set in
    # some shells, would make every run compile geo from source: ~0.7 s more), after one run not counted.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True, env=env)
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                             env=env)
        runs.append(float(out.stdout.strip().splitlines()[-1]))
    imp = "import time;t=time.perf_counter();import geo;print(time.perf_counter()-t)"
    imports = [float(subprocess.run([sys.executable, "-c", imp], capture_output=True, text=True, cwd=ROOT,
                                    check=True, env=env).stdout.strip()) for _ in range(repeat)]
    return statistics.median(runs), statistics.median(imports)


_FRESH = """
import json, sys, time
sys.path[:0] = {paths!r}
from bench_geoparse import varied_text
import geo
gaz = geo.load_gazetteer()
text = varied_text({lang!r}, 1_000_000, gaz, seed={seed})
w, c = time.perf_counter(), time.process_time()
n = len(geo.geoparse(text, gazetteer=gaz).mentions)
w, c = time.perf_counter() - w, time.process_time() - c
from geotext import GeoText
GeoText("warm up Paris")
g = time.perf_counter()
GeoText(text)
g = time.perf_counter() - g
print(json.dumps({{"mb": len(text.encode()) / 1e6, "wall": w, "cpu": c, "geotext": g, "mentions": n}}))
"""


_FRESH_ITEMS = """
import json, sys, time
sys.path[:0] = {paths!r}
import geo  # first: the checkout measured is paths[0], whatever bench_geoparse puts on the path
from bench_geoparse import news_items, varied_text
gaz = geo.load_gazetteer()
items = news_items(varied_text({lang!r}, 1_000_000, gaz, seed={seed}))
c = time.process_time()
n = sum(len(geo.geoparse(t, gazetteer=gaz).mentions) for t in items)
c = time.process_time() - c
print(json.dumps({{"mb": sum(len(t.encode()) for t in items) / 1e6, "cpu": c, "items": len(items), "mentions": n}}))
"""


def news_items(text: str, size: int = 800) -> list[str]:
    """``text`` cut at paragraph breaks into items of at least ``size`` bytes (short news items)."""
    items, cur = [], ""
    for para in text.split("\n\n"):
        cur = f"{cur}\n\n{para}" if cur else para
        if len(cur.encode()) >= size:
            items.append(cur)
            cur = ""
    return items + ([cur] if cur else [])


def fresh_items_rows(runs: int = 3) -> list[str]:
    """Rows: a new process parses 1 MB of unseen news-sized text cut into ~1 KB items one by one (a batch
    worker's work per core; medians over ``runs`` processes, a new seed each)."""
    rows = []
    for lang in ("ar", "en"):
        r = _median_of_fresh(_FRESH_ITEMS, lang, 7000, runs)
        rows.append(f"| fresh process, unseen news-sized text as {r['items']:.0f} items of ~1 KB, {lang}, "
                    f"{r['mb']:.2f} MB | {r['mb'] / r['cpu']:.2f} MB per CPU-second "
                    f"({r['cpu'] / r['items'] * 1000:.1f} ms per item) | the long-text rate |")
    return rows


def fresh_first_parse(lang: str, runs: int = 3) -> dict[str, float]:
    """Medians over ``runs`` new processes, each parsing 1 MB of news-sized text it has never seen (a new
    seed each) right after loading the gazetteer: what the CLI, the dashboard's first statement and every
    batch worker meet. geotext parses the same text in the same process (after a warm-up call)."""
    return _median_of_fresh(_FRESH, lang, 9000, runs)


def _median_of_fresh(template: str, lang: str, seed_base: int, runs: int) -> dict[str, float]:
    """Run ``template`` (a script printing one JSON object last) in ``runs`` new processes, a new seed each, and
    return the median of each field."""
    import json

    out = []
    for k in range(runs):
        code = template.format(paths=[str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")], lang=lang,
                               seed=seed_base + 17 * k + (lang == "ar"))
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        out.append(json.loads(res.stdout.strip().splitlines()[-1]))
    return {key: statistics.median(r[key] for r in out) for key in out[0]}


def fresh_rows() -> list[str]:
    """Report rows for the fresh-process first parse in both languages, geotext beside it."""
    rows = []
    for lang in ("ar", "en"):
        r = fresh_first_parse(lang)
        peer = "geotext reads no Arabic; its speed on the same text" if lang == "ar" else "geotext, same text"
        rows.append(f"| fresh process, first parse of unseen news-sized text, {lang}, {r['mb']:.2f} MB | "
                    f"{r['mb'] / r['wall']:.2f} MB/s wall ({r['wall']:.2f} s), {r['mb'] / r['cpu']:.2f} MB per "
                    f"CPU-second; {peer}: {r['mb'] / r['geotext']:.2f} MB/s | ≥ 2 MB/s |")
    return rows


def geotext_predict(gaz):
    from geotext import GeoText

    def to_ids(text: str) -> set[str]:
        g = GeoText(text)
        ids = set()
        for name in g.countries:
            hits = [p for p in gaz.search(name, limit=5) if p.kind == "country"]
            if hits:
                ids.add(hits[0].place_id)
        for name in g.cities:
            hits = [p for p in gaz.search(name, limit=5) if p.kind in ("city", "town")]
            if hits:
                ids.add(hits[0].place_id)
        return ids

    return lambda d: (to_ids(d.text), set())


def stages(text: str, gaz) -> list[tuple[str, float]]:
    """Median seconds of each stage of ``geoparse`` on ``text`` (the same calls it makes, one by one)."""
    from geo.extract import _WORD_SPLIT_RE, find_matches
    from geo.resolve import resolve
    from geo.text import fold, sentences

    folded = fold(text)
    matches = find_matches(folded, gaz)
    total = median_time(lambda: geoparse(text, gazetteer=gaz), 3)
    rows = [
        ("fold (NFKC, letters, offset map)", median_time(lambda: fold(text), 3)),
        ("sentences", median_time(lambda: sentences(text), 3)),
        ("find matches (includes tokenising)", median_time(lambda: find_matches(folded, gaz), 3)),
        ("  of which: tokenise every word (one `re.split`)", median_time(lambda: _WORD_SPLIT_RE.split(folded.text), 3)),
        ("resolve", median_time(lambda: list(resolve(matches, gaz, folded.text)), 3)),
    ]
    rows.append(("mentions, offsets, sentences per mention (rest)",
                 max(0.0, total - sum(t for name, t in rows if not name.startswith(" ")))))
    rows.append(("whole `geoparse`", total))
    return rows


def floors(text: str, n_mentions: int) -> list[tuple[str, float]]:
    """What the simplest pure-Python passes cost on ``text``: lower bounds for any Python design."""
    import re
    from typing import NamedTuple

    class Rec(NamedTuple):
        start: int
        end: int
        place: int

    # geotext's own candidate regex (geotext/geotext.py), as one C-level findall.
    cap = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")
    words = re.compile(r"([^\W_]+)")
    return [
        ("geotext's capitalised-word regex alone (`re.findall`)", median_time(lambda: cap.findall(text), 3)),
        ("every word with its offset (`re.split`, no Python per word)", median_time(lambda: words.split(text), 3)),
        ("one Python loop step per word (`for w in text.split(): pass`)",
         median_time(lambda: [None for _ in text.split()], 3)),
        (f"one 3-field record per mention ({n_mentions:,} records)",
         median_time(lambda: [Rec(i, i + 1, i) for i in range(n_mentions)], 3)),
    ]


# The characters a sentence splitter scans runs of: end marks, a separator that is not one, spaces of each kind.
RUN_CLASSES = (".", "!", "?", "\u061f", "\u2026", "\u06d4", ";", "\n", " ", "\u00a0")


def punctuation_runs(size: int, run: int) -> str:
    """``size`` characters of runs of ``run`` characters, one class after another (the text a paste of dots
    or a corrupted file gives; each run of end marks is followed by a letter, so none ends a sentence)."""
    pieces = []
    total = 0
    i = 0
    while total < size:
        piece = RUN_CLASSES[i % len(RUN_CLASSES)] * run + "x"
        pieces.append(piece)
        total += len(piece)
        i += 1
    return "".join(pieces)[:size]


def hostile_runs(gaz, peers: dict[int, float]) -> list[str]:
    """Rows: ``sentences()`` and ``geoparse`` on 1 MB and 10 MB of punctuation runs, beside ``peers`` (size →
    seconds of ``geoparse`` on ordinary Arabic text of that size, from the size curve). Linear scanning keeps
    the runs below the peer; the splitter this replaced took 10 s on 30,000 "!" and did not finish 3 MB of dots."""
    from geo.text import sentences

    rows = ["| input | characters | `sentences()` | `geoparse` | peer: ordinary Arabic text, same size, `geoparse` |",
            "|---|---|---|---|---|"]
    for size in (1_000_000, 10_000_000):
        repeat = 3 if size < 10_000_000 else 1
        peer = f"{peers[size] * 1000:.0f} ms" if size in peers else "–"
        for label, text in (('one run of "!"', "!" * size),
                            ("runs of 10,000 of each class (. ! ? ؟ … ۔ ; newline space NBSP)",
                             punctuation_runs(size, 10_000))):
            sent = median_time(lambda text=text: sentences(text), repeat)
            whole = median_time(lambda text=text: geoparse(text, gazetteer=gaz), repeat)
            rows.append(f"| {label} | {len(text):,} | {sent * 1000:.0f} ms | {whole * 1000:.0f} ms | {peer} |")
    return rows

def main() -> None:
    if {"-h", "--help"} & set(sys.argv[1:]):  # a request for help must not start a run that rewrites results.md
        print("usage: bench_geoparse.py [--fresh-only]\n  (no option) the whole benchmark, written to "
              "bench/results.md\n  --fresh-only  only the fresh-process rows, printed (about a minute)")
        return
    if "--fresh-only" in sys.argv:  # just the fresh-process rows (a minute): for work on the parser's speed
        print(f"load average {os.getloadavg()[0]:.1f}")
        print("\n".join(fresh_rows() + fresh_items_rows()))
        return
    lines: list[str] = []
    say = lines.append
    say(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores; medians; load average at the start "
        f"{os.getloadavg()[0]:.1f} (the machine is shared).\n")

    cold, imp = cold_start()
    t = time.perf_counter()
    gaz = load_gazetteer()
    say("| measure | value | target |\n|---|---|---|")
    say(f"| cold start: new process, import + gazetteer ready (disk cache) | {cold * 1000:.0f} ms "
        f"(import alone {imp * 1000:.0f} ms) | ≤ 1 s |")
    rss_gaz = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    seed = SEED.read_text(encoding="utf-8")
    geoparse(seed, gazetteer=gaz)
    lat = median_time(lambda: geoparse(seed, gazetteer=gaz), 50)
    say(f"| seed statement ({len(seed.encode()) / 1024:.1f} KB), warm | {lat * 1000:.1f} ms | ≤ 20 ms |")

    from geotext import GeoText

    GeoText("warm up Paris")
    results = {}
    for lang in ("ar", "en"):
        text = corpus_text(lang, 1_000_000)
        mb = len(text.encode()) / 1e6
        secs = median_time(lambda text=text: geoparse(text, gazetteer=gaz), 3)
        results[lang] = (mb, secs)
        target = "≥ 5 MB/s" if lang == "ar" else "≥ geotext"
        say(f"| throughput, {lang}, {mb:.2f} MB | {mb / secs:.2f} MB/s ({secs:.2f} s) | {target} |")
    mb, _ = results["en"]
    text_en = corpus_text("en", 1_000_000)
    gt = median_time(lambda: GeoText(text_en), 3)
    say(f"| geotext 0.4.0, same English text | {mb / gt:.2f} MB/s ({gt:.2f} s) | peer |")
    say(f"| ratio ours / geotext, English | {(mb / results['en'][1]) / (mb / gt):.2f}× | ≥ 1 |")
    for lang in ("ar", "en"):
        text = varied_text(lang, 1_000_000, gaz)
        vmb = len(text.encode()) / 1e6
        secs = median_time(lambda text=text: geoparse(text, gazetteer=gaz), 3)
        distinct = len(set(text.split()))
        say(f"| throughput, {lang}, {vmb:.2f} MB, news-sized vocabulary ({distinct:,} distinct words) | "
            f"{vmb / secs:.2f} MB/s ({secs:.2f} s) | {'≥ 5 MB/s' if lang == 'ar' else '≥ geotext'} |")
        if lang == "en":
            vgt = median_time(lambda text=text: GeoText(text), 3)
            say(f"| geotext 0.4.0, same varied English text | {vmb / vgt:.2f} MB/s ({vgt:.2f} s); ratio ours / geotext "
                f"{vgt / secs:.2f}× | peer |")
    for row in fresh_rows() + fresh_items_rows():
        say(row)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    say(f"| peak RSS after gazetteer + runs | {peak:.0f} MB (gazetteer loaded: {rss_gaz:.0f} MB) | |")
    text_ar = corpus_text("ar", 1_000_000)
    say("\nWhere the time goes, 1 MB of each (medians of 3; the stages are `geoparse`'s own calls, run one by one):\n")
    say("| stage | English | Arabic |\n|---|---|---|")
    en_rows, ar_rows = stages(text_en, gaz), stages(text_ar, gaz)
    for (name, t_en), (_, t_ar) in zip(en_rows, ar_rows, strict=True):
        say(f"| {name} | {t_en * 1000:.0f} ms | {t_ar * 1000:.0f} ms |")
    n_en = len(geoparse(text_en, gazetteer=gaz).mentions)
    say(f"| geotext 0.4.0, whole run | {gt * 1000:.0f} ms | – |")
    say("\nFloors: the cheapest pure-Python passes over the same English text (no matching at all):\n")
    say("| pass | time | vs geotext's whole run |\n|---|---|---|")
    for name, t in floors(text_en, n_en):
        say(f"| {name} | {t * 1000:.0f} ms | {t / gt:.2f}× |")
    say("")

    docs = [d for d in load_corpus() if d.lang == "en"]
    ours, _ = score_docs(docs, geoparse_predict(gaz))
    theirs, _ = score_docs(docs, geotext_predict(gaz))
    say("\nAccuracy on the annotated English statements (place level, micro-averaged):\n")
    say("| system | precision | recall |\n|---|---|---|")
    say(f"| geo (ours) | {ours.precision:.3f} | {ours.recall:.3f} |")
    say(f"| geotext 0.4.0 | {theirs.precision:.3f} | {theirs.recall:.3f} |")
    ar_docs = [d for d in load_corpus() if d.lang == "ar"]
    ours_ar, _ = score_docs(ar_docs, geoparse_predict(gaz))
    say(f"| geo (ours), Arabic statements | {ours_ar.precision:.3f} | {ours_ar.recall:.3f} |")

    say("\nSize curve (Arabic, statements repeated; one run each size, median of 3 below 10 MB):\n")
    say("| size | time | MB/s | time ratio to previous |\n|---|---|---|---|")
    prev = None
    curve: dict[int, float] = {}
    for size in (10_000, 100_000, 1_000_000, 10_000_000):
        text = corpus_text("ar", size).encode()[:size].decode(errors="ignore")
        secs = median_time(lambda text=text: geoparse(text, gazetteer=gaz), 1 if size >= 10_000_000 else 3)
        ratio = f"{secs / prev:.1f}×" if prev else ""
        say(f"| {size / 1e6:g} MB | {secs:.3f} s | {size / 1e6 / secs:.2f} | {ratio} |")
        prev = curve[size] = secs
    say("\nPunctuation runs (linear-time sentence scanning; one run each at 10 MB, median of 3 at 1 MB):\n")
    lines.extend(hostile_runs(gaz, curve))
    report = "\n".join(lines)
    print(report)
    (ROOT / "bench" / "results.md").write_text(
        "# Latest benchmark results\n\nCommand: `make bench`\n\n" + report + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
