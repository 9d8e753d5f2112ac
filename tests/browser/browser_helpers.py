"""Constants and small helpers shared by the browser tests, the benchmark and the screenshot script."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'
#: The first page load builds or loads the gazetteer (seconds on a warm disk cache, ~1 min cold).
FIRST_LOAD_TIMEOUT_MS = 180_000
_LOCAL_SCHEMES = {"data", "blob", "about", "file"}


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (127.0.0.1, or a file/data/blob URL)."""
    u = urlparse(url)
    return u.scheme in _LOCAL_SCHEMES or u.hostname == "127.0.0.1"


def block_outside_requests(ctx: object) -> list[str]:
    """Abort every request of a Playwright context that leaves this machine; returns the list it records."""
    attempted: list[str] = []

    def handle(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if is_local(url):
            route.continue_()  # type: ignore[attr-defined]
        else:
            attempted.append(url)
            route.abort()  # type: ignore[attr-defined]

    ctx.route("**/*", handle)  # type: ignore[attr-defined]
    return attempted
