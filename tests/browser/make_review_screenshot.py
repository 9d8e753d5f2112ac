"""Take docs/review.png: the Statement view's "Review and correct" panel after a rejection and a choice.

    .venv/bin/python tests/browser/make_review_screenshot.py [--out docs/review.png]

A temporary store holds two corrections of the bundled statement (made with the CLI's library calls); the
page is opened with the panel unfolded and a place chosen. Blocks every request outside 127.0.0.1.
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

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_IFRAME, ROOT, is_local, start_server, stop_server  # noqa: E402

from geo.store import open_store, text_sha256  # noqa: E402

STATEMENT = ROOT / "data" / "statements" / "statement-2026-02-09-riyadh.ar.txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "review.png")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="review-shot-"))
    db = work / "collection.sqlite3"
    sha = text_sha256(STATEMENT.read_text(encoding="utf-8"))
    with open_store(db) as store:
        store.add_correction(scope="statement", action="reject", author="analyst", statement_sha256=sha,
                             old_place_id="country:US")
        store.add_correction(scope="statement", action="review", author="analyst", statement_sha256=sha)
    proc, url = start_server("app.py", {"GEO_DB": str(db)})
    blocked: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": 1440, "height": 1700}, device_scale_factor=1)
            ctx.route("**/*", lambda r: r.continue_() if is_local(r.request.url)
                      else (blocked.append(r.request.url), r.abort()))
            page = ctx.new_page()
            page.goto(url)
            frame = page.frame_locator(MAP_IFRAME)
            expect(frame.locator("path.geo-place").first).to_be_visible(timeout=180_000)
            expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            page.get_by_text("Review and correct").click()
            box = page.locator(".st-key-review_place")
            expect(box).to_be_visible(timeout=30_000)
            box.scroll_into_view_if_needed()
            box.click()
            page.get_by_role("option", name="(geonames:98182)").first.click()
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            box.scroll_into_view_if_needed()
            page.mouse.move(5, 5)
            page.wait_for_timeout(1000)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.locator("[data-testid='stExpander']").last.screenshot(path=str(args.out))
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
