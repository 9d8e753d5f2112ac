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

from collections.abc import Iterator

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, block_outside_requests, streamlit_server


@pytest.fixture(scope="session")
def app_url(tmp_path_factory) -> Iterator[str]:
    with streamlit_server(tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="session")
def base_url() -> None:
    """No base URL: every test opens ``app_url`` or a file itself.

    Defined here because pytest-playwright's own fallback ``base_url`` is a session fixture written as an
    instance method, which pytest 9 warns about (PytestRemovedIn10Warning) on every browser run.
    """
    return None


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
