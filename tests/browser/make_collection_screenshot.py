"""Take docs/collection.png: the Collection view over 400 generated statements about the Middle East,
a date range chosen and a city's history open.

    .venv/bin/python tests/browser/make_collection_screenshot.py [--out docs/collection.png]

The statements are made as in bench/bench_store.py (the bundled sentences with other places of the
region and datelines over 14 months), in a temporary store. Blocks every request outside 127.0.0.1.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "bench"), str(HERE.parents[1])]

from bench_store import make_statements  # noqa: E402
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_IFRAME, ROOT, is_local, start_server, stop_server  # noqa: E402

from geo import geoparse, load_gazetteer  # noqa: E402
from geo.collection import add_situations, seed_bundled  # noqa: E402
from geo.store import open_store  # noqa: E402

REGION = frozenset({"SY", "IQ", "LB", "JO", "SA", "TR", "YE", "EG", "KW", "AE", "QA", "BH", "OM", "IR", "PS"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "collection.png")
    ap.add_argument("--n", type=int, default=400)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="collection-shot-"))
    db = work / "collection.sqlite3"
    gaz = load_gazetteer()
    with open_store(db) as store:
        seed_bundled(store, lambda t: geoparse(t, gazetteer=gaz))
        add_situations(store, ((geoparse(t, gazetteer=gaz), None, None)
                               for t in make_statements(args.n, gaz, seed=3, countries=REGION)))
    proc, url = start_server("app.py", {"GEO_DB": str(db)})
    blocked: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": 1440, "height": 1500}, device_scale_factor=1)
            ctx.route("**/*", lambda r: r.continue_() if is_local(r.request.url)
                      else (blocked.append(r.request.url), r.abort()))
            page = ctx.new_page()
            page.goto(f"{url}/collection")
            frame = page.frame_locator(MAP_IFRAME)
            expect(frame.locator("path.geo-place").first).to_be_visible(timeout=180_000)
            expect(page.locator(".st-key-coll_table table td").first).to_be_attached(timeout=60_000)
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            start = page.locator(".st-key-coll_range input[type=range]").first
            start.focus()
            for _ in range(300):  # the last four months or so
                start.press("ArrowRight")
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            page.wait_for_timeout(1500)
            # Baghdad (named in the bundled statements), chosen in the list beside the map.
            page.locator(".st-key-coll_place").click()
            page.keyboard.type("Baghdad")
            page.keyboard.press("Enter")
            expect(page.locator(".st-key-coll_history .geo-history-date").first).to_be_visible(timeout=30_000)
            expect(page.locator(IDLE)).to_be_attached()
            page.mouse.move(5, 5)
            page.wait_for_timeout(1000)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    finally:
        stop_server(proc)
        shutil.rmtree(work, ignore_errors=True)
    if blocked:
        print(f"blocked requests: {blocked}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
