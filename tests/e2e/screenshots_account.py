"""Phone-size screenshots of onboarding and settings, taken by tests/e2e/screenshots.py:

- onboarding.png: a new patient's first introduction screen (what Loadline does, privacy);
- onboarding-phase.png: the second screen (their phase);
- settings.png: the demo patient's Settings, from the top;
- settings-account.png: the account actions further down (sign out everywhere, the
  introduction, the export, erasing with a typed word).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, expect

from tests.e2e.helpers import PASSWORD, sign_in_ui, unique_email


def capture_account(
    browser: Browser,
    base_url: str,
    demo: tuple[str, str],
    out: Path,
    phone: dict[str, Any],
    shoot: Callable[[Page, Path], None],
) -> None:
    newcomer = browser.new_context(base_url=base_url, **phone)
    page = newcomer.new_page()
    page.goto("/register")
    page.get_by_role("textbox", name="Your name").fill("Nell Newcomer")
    page.get_by_role("textbox", name="Email").fill(unique_email("patient"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="What Loadline does", level=1)).to_be_visible()
    shoot(page, out / "onboarding.png")
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Your phase", level=1)).to_be_visible()
    shoot(page, out / "onboarding-phase.png")
    newcomer.close()

    patient = browser.new_context(base_url=base_url, **phone)
    page = patient.new_page()
    sign_in_ui(page, *demo)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    page.evaluate("() => window.scrollTo(0, 0)")
    shoot(page, out / "settings.png")
    page.get_by_role("heading", name="Sign out everywhere").scroll_into_view_if_needed()
    page.get_by_role("heading", name="Sign out everywhere").evaluate(
        "h => window.scrollTo(0, h.closest('section').getBoundingClientRect().top"
        " + window.scrollY - 60)"
    )
    shoot(page, out / "settings-account.png")
    patient.close()
