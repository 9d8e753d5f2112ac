"""Constants and small helpers shared by the browser tests, the benchmark and the screenshot script."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
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


#: Seconds a fresh Streamlit server may take to answer ``/_stcore/health`` (it imports streamlit and the app).
SERVER_START_TIMEOUT = 120


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerFailed(RuntimeError):
    """The dashboard's server exited or never became healthy; the message holds its log."""


def start_server(script: str = "app.py", env: dict[str, str] | None = None, *,
                 log_path: Path | None = None) -> tuple[subprocess.Popen, str]:
    """``streamlit run SCRIPT`` on a free 127.0.0.1 port with ``env`` added to this environment; returns the
    process and its URL once ``/_stcore/health`` answers. Output goes to ``log_path`` (else nowhere);
    :class:`ServerFailed` (with the log) if it exits or is not healthy in time. Stop it with :func:`stop_server`."""
    port = free_port()
    full_env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false", **(env or {})}
    out = open(log_path, "wb") if log_path is not None else subprocess.DEVNULL  # noqa: SIM115 (closed below)
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=full_env,
        )
    finally:
        if log_path is not None:
            out.close()  # the child keeps its own copy of the descriptor
    url = f"http://127.0.0.1:{port}"

    def log() -> str:
        return log_path.read_text(errors="replace") if log_path is not None else "(no log kept)"

    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if proc.poll() is not None:
            raise ServerFailed(f"streamlit exited with {proc.returncode}:\n{log()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return proc, url
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_server(proc)
            raise ServerFailed(f"streamlit not healthy after {SERVER_START_TIMEOUT} s:\n{log()}")
        time.sleep(0.3)


def stop_server(proc: subprocess.Popen) -> None:
    """Stop a server of :func:`start_server` (its own PID only), killing it if it does not stop in 15 s."""
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


@contextmanager
def streamlit_server(log_dir: Path, env: dict[str, str] | None = None, *,
                     forbid_traceback: bool = False) -> Iterator[str]:
    """The dashboard (:func:`start_server`) for a ``with`` block: yields its URL and stops it on exit, its log in
    ``log_dir``. ``forbid_traceback``: the server's log must hold no traceback when it stops (a test that passed
    in the page but broke the server fails)."""
    log_path = log_dir / "server.log"
    proc, url = start_server("app.py", env, log_path=log_path)
    try:
        yield url
    finally:
        stop_server(proc)
    if forbid_traceback:
        log_text = log_path.read_text(errors="replace")
        assert "Traceback" not in log_text, log_text
