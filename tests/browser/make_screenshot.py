"""Take docs/screenshot.png: the dashboard on the seed statement with al-Hol camp selected.

    .venv/bin/python tests/browser/make_screenshot.py [--url http://127.0.0.1:8501] [--out docs/screenshot.png]

Starts its own server unless ``--url`` is given; blocks every request outside 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "bench"))

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, IDLE, MAP_IFRAME, ROOT, is_local, start_server, stop_server  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=1900)
    args = ap.parse_args(argv)
    proc, url = (None, args.url) if args.url else start_server()
    blocked: list[str] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": args.width, "height": args.height}, device_scale_factor=1)
            ctx.route("**/*", lambda r: r.continue_() if is_local(r.request.url)
                      else (blocked.append(r.request.url), r.abort()))
            page = ctx.new_page()
            page.goto(url)
            frame = page.frame_locator(MAP_IFRAME)
            expect(frame.locator("path.geo-place-geonames-98182")).to_be_visible(timeout=180_000)
            # The rest of the page comes with the run that the drawn map triggers (app.py, main()).
            expect(page.locator(".st-key-places_table table td").first).to_be_attached(timeout=60_000)
            expect(page.locator(IDLE)).to_be_attached(timeout=60_000)
            page.wait_for_timeout(800)  # let setView finish
            frame.locator("path.geo-place-curated-al-hol-camp").click()
            expect(page.locator(".st-key-quotes_panel p.geo-quote")).to_have_count(1, timeout=30_000)
            expect(page.locator(IDLE)).to_be_attached()
            page.mouse.move(5, 5)  # no hover tooltip in the picture
            page.wait_for_timeout(800)
            args.out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(args.out), full_page=True)
            browser.close()
    finally:
        if proc is not None:
            stop_server(proc)
    if blocked:
        print(f"blocked requests: {blocked}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
