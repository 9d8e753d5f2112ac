"""Browser-test fixtures: the dashboard under `streamlit run`, Debian's Chromium, and an offline guard.

* ``app_url``: one Streamlit server per session on a free 127.0.0.1 port, polled on
  ``/_stcore/health`` and stopped by its own PID.
* ``browser_type_launch_args``: pytest-playwright drives ``/usr/bin/chromium``
  (never ``playwright install``) with background networking switched off.
* ``offline_guard`` (autouse): every request that is not to 127.0.0.1 (or a
  ``file:``/``data:``/``blob:`` URL) is aborted and recorded; a test that attempted
  one fails. ``dialog_guard`` (autouse): any alert/confirm/prompt fails the test.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, ROOT, block_outside_requests

SERVER_START_TIMEOUT = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> str:
    port = free_port()
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    env = {**os.environ, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--server.fileWatcherType", "none",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT}s:\n{log_path.read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()  # our own PID only
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 1000}, "accept_downloads": True,
            "locale": "en-US"}


@pytest.fixture(autouse=True)
def offline_guard(context):
    attempted = block_outside_requests(context)
    yield attempted
    assert attempted == [], f"requests outside 127.0.0.1 were attempted: {attempted}"


@pytest.fixture(autouse=True)
def dialog_guard(context):
    opened: list[str] = []

    def on_page(page):
        page.on("dialog", lambda d: (opened.append(f"{d.type}: {d.message}"), d.dismiss()))

    for page in context.pages:
        on_page(page)
    context.on("page", on_page)
    yield opened
    assert opened == [], f"dialogs opened: {opened}"
