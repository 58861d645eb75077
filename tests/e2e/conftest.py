"""Browser-test fixtures: one live server and one Chromium for the whole session, a fresh
phone-sized context per test.

Chromium is Debian's /usr/bin/chromium driven by Playwright for Python (no `playwright install`).
Without it the tests skip on a laptop and fail in CI (LOADLINE_REQUIRE_ALL=1), through
`skip_or_fail` from tests/conftest.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from tests.conftest import skip_or_fail
from tests.e2e.helpers import CHROMIUM, CHROMIUM_ARGS, PHONE, TIMEOUT_MS, dist_is_built
from tests.live import LiveServer, live_server

# On a 2-core CI machine server, browser and test share the CPU: wait longer, never sleep.
expect.set_options(timeout=TIMEOUT_MS)


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One real uvicorn server on a fresh migrated database (SQLite, or PostgreSQL when
    TEST_DATABASE_URL is set) for all browser tests; each test registers its own users."""
    if not dist_is_built():
        skip_or_fail("frontend/dist is not built; run `make frontend`")
    # every test registers its own users, all from 127.0.0.1: no registrations-per-hour cap
    # (the cap itself is tested in tests/auth/test_limits.py)
    no_cap = {"REGISTER_LIMIT_PER_HOUR": "0"}
    with live_server(tmp_path_factory.mktemp("e2e"), name="e2e", env=no_cap) as server:
        yield server


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    if not CHROMIUM.is_file():
        skip_or_fail("Chromium not found at /usr/bin/chromium; install the chromium package")
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def new_context(
    browser: Browser, e2e_server: LiveServer
) -> Iterator[Callable[..., BrowserContext]]:
    """Factory for extra contexts (a second user on another phone); all closed afterwards."""
    contexts: list[BrowserContext] = []

    def make(**overrides: Any) -> BrowserContext:
        ctx = browser.new_context(base_url=e2e_server.url, **{**PHONE, **overrides})
        ctx.set_default_timeout(TIMEOUT_MS)
        contexts.append(ctx)
        return ctx

    yield make
    for ctx in contexts:
        ctx.close()


@pytest.fixture
def context(new_context: Callable[..., BrowserContext]) -> BrowserContext:
    """A fresh phone (390x844, touch, service workers allowed) for each test."""
    return new_context()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
