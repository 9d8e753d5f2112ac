"""The collection at 10,000 statements: adding them to the store, reading them back, and the Collection
view's first map in headless Chromium.

* **Statements**: made from the bundled ones. Each has a dateline (a city and a day between
  January 2025 and February 2026, in English or in one of the Arabic month spellings, some with
  Arabic-Indic digits; 5 % have none and stay undated) and 3 to 6 of the bundled sentences of its
  language, in which every name of a country or a city is swapped for another place of the same
  kind taken from the gazetteer (300 cities, 120 countries), so the collection names hundreds of
  places on many days, not the same ten on one.
* **Adding**: the time to parse and store them all (``geo.collection.add_situations``, 200 per
  transaction), beside its peers in the same run: parsing alone, and storing alone (the parsed
  statements inserted into another fresh store).
* **Reading**: the queries behind the Collection view, medians of 5.
* **First map**: ``streamlit run app.py`` with ``$GEO_DB`` on that store; from ``page.goto(/collection)``
  until a place of the map is laid out in the map's iframe, warm (static files cached) and cold
  browser contexts. Peers in the same run: the same on the fresh two-statement store, the
  Statement view's first map (the seed statement), and Streamlit's own floor (a one-line app).
  Target ≤ 3 s.

Usage::

    .venv/bin/python bench/bench_store.py [--n 10000] [--runs 5] [--out bench/results_store.md] [--keep DB [--reuse]]

Requests that would leave 127.0.0.1 fail at a proxy that refuses connections, as in bench_browser.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import shutil
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "browser")]

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_IFRAME, is_local, start_server, stop_server  # noqa: E402

from geo import geoparse, load_gazetteer  # noqa: E402
from geo.collection import add_situations, new_statement, seed_bundled  # noqa: E402
from geo.store import Selection, open_store  # noqa: E402
from geo.text import sentences  # noqa: E402

TARGET_FIRST_MAP_S = 3.0
BUNDLED = sorted((ROOT / "data" / "statements").glob("*.txt"))
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
AR_MONTHS = [
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
    ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
     "تشرين الثاني", "كانون الأول"],
]
AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FIRST_DAY = dt.date(2025, 1, 1)
DAYS = 425  # to 1 March 2026


# -- the statements ----------------------------------------------------------------------------------
def vocabulary(gaz, rng: random.Random, countries: frozenset[str] | None = None) -> dict[str, list]:
    """Places to swap in, by kind: well-known cities and countries with an Arabic name (of ``countries`` only,
    when given: ISO codes)."""
    def keep(p) -> bool:
        return countries is None or p.country_code in countries

    min_pop = 300_000 if countries is None else 50_000
    cities = [p for p in gaz.places_in(["city"])
              if p.population >= min_pop and p.name_ar and " " not in p.name and keep(p)]
    states = [p for p in gaz.places_in(["country"]) if p.name_ar and p.geometry is not None and keep(p)]
    return {"city": rng.sample(cities, min(300, len(cities))), "country": rng.sample(states, min(120, len(states)))}


def sentence_templates(gaz) -> dict[str, list[tuple[str, list[tuple[int, int, str, str]]]]]:
    """The bundled sentences by language, each with the spans of the city and country names it holds."""
    out: dict[str, list] = {"ar": [], "en": []}
    for path in BUNDLED:
        text = path.read_text(encoding="utf-8")
        situation = geoparse(text, gazetteer=gaz)
        for s, e in sentences(text):
            spans = []
            for m in situation.mentions:
                p = m.place
                if p is None or not (s <= m.start and m.end <= e) or p.kind not in ("city", "country"):
                    continue
                # Only a name written as the place's own name (not a nisba, not with a clitic) is swapped.
                if m.surface in (p.name, p.name_ar):
                    spans.append((m.start - s, m.end - s, p.kind, "ar" if m.surface == p.name_ar else "en"))
            out[situation.lang].append((text[s:e], spans))
    return out


def make_statements(n: int, gaz, seed: int = 7, countries: frozenset[str] | None = None) -> list[str]:
    """``n`` statements made from the bundled ones (see the module's docstring); reproducible for a ``seed``."""
    rng = random.Random(seed)
    vocab = vocabulary(gaz, rng, countries)
    templates = sentence_templates(gaz)
    texts = []
    for i in range(n):
        lang = "ar" if i % 2 else "en"
        picked = rng.sample(templates[lang], rng.randint(3, 6))
        body = []
        for sent, spans in picked:
            for start, end, kind, script in sorted(spans, reverse=True):
                place = rng.choice(vocab[kind])
                sent = sent[:start] + (place.name_ar if script == "ar" else place.name) + sent[end:]
            body.append(sent)
        venue = rng.choice(vocab["city"])
        day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        if rng.random() < 0.05:
            head = ""
        elif lang == "en":
            head = f"{venue.name}, {day.day} {EN_MONTHS[day.month - 1]} {day.year} — "
        else:
            months = rng.choice(AR_MONTHS)
            written = f"{day.day} {months[day.month - 1]} {day.year}"
            head = f"{venue.name_ar}، {written.translate(AR_DIGITS) if rng.random() < 0.3 else written} - "
        ref = f"Ref. {i}." if lang == "en" else f"المرجع {i}."
        texts.append(head + " ".join(body) + "\n\n" + ref)
    return texts


# -- adding and reading ------------------------------------------------------------------------------
def bench_add(texts: list[str], gaz, db: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    parsed = [geoparse(t, gazetteer=gaz) for t in texts]
    parse_s = time.perf_counter() - t0

    db.unlink(missing_ok=True)
    with open_store(db) as store:
        seed_bundled(store, lambda t: geoparse(t, gazetteer=gaz))
        t0 = time.perf_counter()
        added = add_situations(store, ((geoparse(t, gazetteer=gaz), None, None) for t in texts))
        both_s = time.perf_counter() - t0
        assert sum(a.created for a in added) == len(texts), "every generated statement is new"

    other = db.with_name("store-only.sqlite3")
    other.unlink(missing_ok=True)
    news = [new_statement(s) for s in parsed]
    with open_store(other) as store:
        t0 = time.perf_counter()
        for k in range(0, len(news), 200):
            store.add_many(news[k : k + 200])
        store_s = time.perf_counter() - t0
    for p in other.parent.glob(other.name + "*"):
        p.unlink()
    return {"parse": parse_s, "parse_store": both_s, "store": store_s}


def median_of(fn, runs: int = 5) -> float:
    xs = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        xs.append(time.perf_counter() - t0)
    return statistics.median(xs)


def bench_reads(db: Path) -> list[tuple[str, float, str]]:
    with open_store(db) as s:
        lo, hi, undated = s.date_bounds()
        month = Selection(date_from="2026-01-01", date_to="2026-01-31")
        places = s.place_summaries()
        top = places[0].place.place_id
        rows = [
            ("open the store (checks done once per process)", median_of(lambda: open_store(db).close()), ""),
            ("places of all statements (`place_summaries`)", median_of(s.place_summaries), f"{len(places)} places"),
            ("places of January 2026", median_of(lambda: s.place_summaries(month)),
             f"{len(s.place_summaries(month))} places"),
            ("mentions per day and kind (`timeline`)", median_of(s.timeline), f"{len(s.timeline())} rows"),
            ("statements with counts (`statements`)", median_of(s.statements), f"{s.count()} statements"),
            (f"history of the most named place ({places[0].place.name}), its 20 newest statements "
             "(`place_history`)", median_of(lambda: s.place_history(top, limit=20)),
             f"{len(s.place_history(top, limit=20)[2])} of {places[0].mentions} quotes"),
            ("a whole-collection export's rows: every mention with its sentence (`mentions`)",
             median_of(s.mentions, 3),
             f"{len(s.mentions())} mentions"),
        ]
    return rows


# -- the browser ------------------------------------------------------------------------------------------


# Any place laid out with a size (Leaflet leaves the paths of places outside the view empty).
_JS_PLACE_VISIBLE = """(iframe) => {
  const f = document.querySelector(iframe);
  const d = f && f.contentDocument;
  if (!d) return false;
  for (const p of d.querySelectorAll('path.geo-place')) {
    const r = p.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) return true;
  }
  return false;
}"""


def time_first_map(page, url: str, whole: list[float] | None = None) -> float:
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function(_JS_PLACE_VISIBLE, arg=MAP_IFRAME, polling="raf", timeout=180_000)
    first = time.perf_counter() - t0
    if whole is not None:
        page.wait_for_selector(".st-key-coll_table table td", state="attached", timeout=120_000)
        page.wait_for_selector(IDLE, state="attached", timeout=120_000)
        whole.append(time.perf_counter() - t0)
    return first


def bench_browser(big: Path, small: Path, runs: int) -> tuple[dict[str, list[float]], list[str], int]:
    from playwright.sync_api import sync_playwright

    servers = []
    blocked: list[str] = []
    floor_dir = Path(tempfile.mkdtemp(prefix="bench-floor-"))
    (floor_dir / "hello.py").write_text('import streamlit as st\nst.title("hello")\n', encoding="utf-8")
    dead_proxy = socket.socket()
    dead_proxy.bind(("127.0.0.1", 0))
    proxy = {"server": f"http://127.0.0.1:{dead_proxy.getsockname()[1]}", "bypass": "127.0.0.1"}
    out: dict[str, list[float]] = {}
    try:
        big_proc, big_url = start_server("app.py", {"GEO_DB": str(big)})
        small_proc, small_url = start_server("app.py", {"GEO_DB": str(small)})
        floor_proc, floor_url = start_server(str(floor_dir / "hello.py"), {})
        servers = [big_proc, small_proc, floor_proc]
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

            def context():
                ctx = browser.new_context(viewport={"width": 1400, "height": 1000}, proxy=proxy)
                ctx.on("request", lambda r: None if is_local(r.url) else blocked.append(r.url))
                return ctx

            warm = context()
            for url in (big_url, small_url):  # warm-up: server imports and caches, browser cache
                p = warm.new_page()
                time_first_map(p, f"{url}/collection", [])
                p.close()
            series = {
                "big_warm": lambda: time_first_map(warm.new_page(), f"{big_url}/collection"),
                "small_warm": lambda: time_first_map(warm.new_page(), f"{small_url}/collection"),
                "statement_warm": lambda: time_first_map(warm.new_page(), f"{big_url}/"),
            }
            for name, fn in series.items():
                out[name] = []
                for _ in range(runs):
                    out[name].append(fn())
                    for p in warm.pages:
                        p.close()
            out["big_cold"] = []
            for _ in range(runs):
                ctx = context()
                out["big_cold"].append(time_first_map(ctx.new_page(), f"{big_url}/collection"))
                ctx.close()
            out["big_whole"] = []
            for _ in range(runs):
                p = warm.new_page()
                time_first_map(p, f"{big_url}/collection", out["big_whole"])
                p.close()
            out["floor"] = []
            for _ in range(runs):
                p = warm.new_page()
                t0 = time.perf_counter()
                p.goto(floor_url)
                p.wait_for_selector("h1", timeout=60_000)
                out["floor"].append(time.perf_counter() - t0)
                p.close()
            # How many places the first map draws (read once, warm).
            p = warm.new_page()
            time_first_map(p, f"{big_url}/collection")
            drawn = p.frame_locator(MAP_IFRAME).locator("path.geo-place").count()
            browser.close()
    finally:
        dead_proxy.close()
        for proc in servers:
            stop_server(proc)
        shutil.rmtree(floor_dir, ignore_errors=True)
    return out, blocked, drawn


def row(name: str, xs: list[float], target: float | None = None) -> str:
    med = statistics.median(xs)
    met = "–" if target is None else ("yes" if med <= target else "**no**")
    tgt = "–" if target is None else f"≤ {target:.0f}"
    return f"| {name} | {len(xs)} | {med:.2f} | {min(xs):.2f} | {max(xs):.2f} | {tgt} | {met} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="statements to generate")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, help="also write the report to this file")
    ap.add_argument("--keep", type=Path, help="keep the big store at this path (default: a temporary folder)")
    ap.add_argument("--reuse", action="store_true",
                    help="with --keep: measure the store already there (no generating, no adding)")
    args = ap.parse_args(argv)
    if args.reuse and not (args.keep and args.keep.exists()):
        ap.error("--reuse needs --keep PATH of an existing store")

    load0 = os.getloadavg()[0]
    work = Path(tempfile.mkdtemp(prefix="bench-store-"))
    big = args.keep or work / "big.sqlite3"
    small = work / "fresh.sqlite3"
    try:
        gaz = load_gazetteer()
        t0 = time.perf_counter()
        texts = make_statements(args.n, gaz)
        gen_s = time.perf_counter() - t0
        mb = sum(len(t.encode()) for t in texts) / 1e6
        adding = None if args.reuse else bench_add(texts, gaz, big)
        reads = bench_reads(big)
        with open_store(small) as store:
            seed_bundled(store, lambda t: geoparse(t, gazetteer=gaz))
        with open_store(big) as store:
            n_total, (lo, hi, undated) = store.count(), store.date_bounds()
            n_places = len(store.places())
        size_mb = big.stat().st_size / 1e6
        browser, blocked, drawn = bench_browser(big, small, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load1 = os.getloadavg()[0]
    n = args.n
    lines = [
        f"Collection store and view ({platform.machine()}, {os.cpu_count()} cores, load average {load0:.1f} at the "
        f"start, {load1:.1f} at the end).",
        "",
        f"{n:,} generated statements ({mb:.1f} MB of text, made in {gen_s:.1f} s) plus the 2 bundled ones: "
        f"{n_total:,} statements dated {lo} – {hi} ({undated} undated), {n_places:,} distinct places; "
        f"store file {size_mb:.0f} MB.",
        "",
        *([
            "| adding (one run each, same statements) | seconds | statements/s |",
            "| --- | ---: | ---: |",
            f"| parse and store (`add_situations`, 200 per transaction) | {adding['parse_store']:.1f} | "
            f"{n / adding['parse_store']:,.0f} |",
            f"| peer: parse only (`geoparse`) | {adding['parse']:.1f} | {n / adding['parse']:,.0f} |",
            f"| peer: store only (the parsed statements into a fresh store) | {adding['store']:.1f} | "
            f"{n / adding['store']:,.0f} |",
            "",
        ] if adding else ["(The store was reused: adding not measured in this run.)", ""]),
        "| reading the big store (what the view asks) | median ms | size |",
        "| --- | ---: | --- |",
        *[f"| {name} | {s * 1000:.0f} | {what} |" for name, s, what in reads],
        "",
        f"Collection view in headless Chromium: seconds from `page.goto` to the first place of the map laid out "
        f"({drawn} places drawn on the big store's first map).",
        "",
        "| measure | runs | median | min | max | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
        row(f"open /collection → first map, {n_total:,} statements (warm cache)", browser["big_warm"],
            TARGET_FIRST_MAP_S),
        row(f"open /collection → first map, {n_total:,} statements (cold cache)", browser["big_cold"],
            TARGET_FIRST_MAP_S),
        row("peer: open /collection → first map, 2 statements (warm cache)", browser["small_warm"]),
        row("peer: open / → first map of the Statement view, the seed statement (warm cache)",
            browser["statement_warm"]),
        row(f"open /collection → whole page: statements grid drawn, script idle, {n_total:,} statements (warm)",
            browser["big_whole"]),
        row("floor: a one-line Streamlit app, open → title (warm cache)", browser["floor"]),
    ]
    if blocked:
        lines += ["", f"Requests outside 127.0.0.1 were attempted (and failed): {sorted(set(blocked))}"]
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
    return 1 if blocked else 0


if __name__ == "__main__":
    raise SystemExit(main())
