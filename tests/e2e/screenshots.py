"""Phone-size screenshots of the three main screens for docs/screenshots/.

    .venv/bin/python -m tests.e2e.screenshots [--out docs/screenshots] [--scale 1]

Starts a real server on a fresh database (SQLite; PostgreSQL if TEST_DATABASE_URL is set), loads
the demo data (`python -m app.demo`: a patient with six weeks of logs, a clinician with 8
patients, a coach), then drives Chromium at 390x844:

- log-today.png: the demo patient's log for today, filled in through the UI (today's demo log
  is deleted first, so the form is shown being filled rather than already saved);
- guidance.png: the guidance card right after saving it;
- clinician-dashboard.png: the clinician's patient list (cards, with the referral queue above);
- clinician-desk.png: the same dashboard at 1280x800, the desk view (a sortable table);
- clinician-patient-plan.png: at desk size (1280x800), the Plan tab of the demo patient's page;
- phase.png: the demo patient's phase page (what the phase is for, to do, to avoid);
- visit-summary-a4.png: the clinician's visit summary of the demo patient's six weeks, as it
  prints (print media, an A4 page at 96 dpi: 794x1123);
- onboarding and settings (tests/e2e/screenshots_account.py).

`--only account` takes only the onboarding and settings screenshots.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx
from playwright.sync_api import Browser, Page, ViewportSize, expect, sync_playwright

from tests.e2e.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    ROOT,
    TIMEOUT_MS,
    api_user,
    choose,
    dist_is_built,
    sign_in_ui,
)
from tests.e2e.screenshots_account import capture_account
from tests.live import LiveServer, live_server

DEMO_EMAIL = "patient@demo.loadline.app"
DEMO_CLINICIAN = "clinician@demo.loadline.app"
DESK: dict[str, Any] = {
    "viewport": {"width": 1280, "height": 800},
    "is_mobile": False,
    "has_touch": False,
}
DEMO_PASSWORD = "loadline-demo"  # printed by `make run`; demo data only
# Scroll a heading's section to the top of the screen, just below the sticky main navigation.
SCROLL_BELOW_NAV = """h => {
  const nav = document.querySelector('nav[aria-label="Main"]');
  const below = nav ? nav.getBoundingClientRect().bottom : 0;
  const top = h.closest('section').getBoundingClientRect().top + window.scrollY;
  window.scrollTo(0, top - below - 8);
}"""


def load_demo(server: LiveServer) -> None:
    subprocess.run(
        [sys.executable, "-m", "app.demo"],
        cwd=ROOT,
        env=server.env(),
        check=True,
        capture_output=True,
    )


def clear_today(server: LiveServer) -> None:
    patient = api_user(server.url, DEMO_EMAIL, DEMO_PASSWORD)
    token = patient.token()
    headers = {"Authorization": f"Bearer {token}"}
    today = httpx.get(f"{server.url}/api/v1/me/guidance", headers=headers, timeout=10).json()
    answer = httpx.delete(
        f"{server.url}/api/v1/me/logs/{today['date']}", headers=headers, timeout=10
    )
    assert answer.status_code in (204, 404), answer.text


def shoot(page: Page, path: Path) -> None:
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


A4_96DPI: ViewportSize = {"width": 794, "height": 1123}


def shoot_summary(browser: Browser, server: LiveServer, clinician_email: str, out: Path) -> None:
    """The six-week visit summary as printed: print media on an A4-sized page."""
    kari = api_user(server.url, DEMO_EMAIL, DEMO_PASSWORD)
    today = date.today()
    period = f"from={(today - timedelta(days=41)).isoformat()}&to={today.isoformat()}"
    context = browser.new_context(base_url=server.url, viewport=A4_96DPI, locale="en-GB")
    try:
        page = context.new_page()
        sign_in_ui(page, clinician_email, DEMO_PASSWORD, role="clinician")
        page.goto(f"/clinician/patients/{kari.id}/summary?{period}")
        expect(page.get_by_role("article", name=re.compile("Visit summary"))).to_be_visible()
        page.emulate_media(media="print")
        shoot(page, out / "visit-summary-a4.png")
    finally:
        context.close()


def capture(
    server: LiveServer, clinician_email: str, out: Path, phone: dict[str, Any], only: str = "all"
) -> None:
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            if only in ("all", "account"):
                demo = (DEMO_EMAIL, DEMO_PASSWORD)
                capture_account(browser, server.url, demo, out, phone, shoot)
            if only == "account":
                return
            patient = browser.new_context(base_url=server.url, **phone)
            page = patient.new_page()
            sign_in_ui(page, DEMO_EMAIL, DEMO_PASSWORD)
            choose(page, "Morning pain", "2")
            choose(page, "Sitting pain", "3")
            page.get_by_role("spinbutton", name="Sitting tolerance (minutes)").fill("75")
            page.get_by_role("switch", name="I did loading exercises today").check()
            choose(page, "Pain during loading", "2")
            choose(page, "Loading stage", "2 · Slow strength, small hip bend")
            # the answers, not the date strip: the morning check at the top of the screen
            page.get_by_test_id("morning-check").get_by_role("heading").evaluate(SCROLL_BELOW_NAV)
            shoot(page, out / "log-today.png")

            page.get_by_role("button", name="Save log").click()
            card = page.get_by_test_id("guidance")
            expect(card).to_be_visible()
            expect(
                card.get_by_role("heading", name="Guidance for your next session")
            ).to_be_focused()
            shoot(page, out / "guidance.png")

            page.goto("/phase")
            expect(page.get_by_role("heading", name="What this phase is for")).to_be_visible()
            shoot(page, out / "phase.png")
            patient.close()

            doctor = browser.new_context(base_url=server.url, **phone)
            page = doctor.new_page()
            sign_in_ui(page, clinician_email, DEMO_PASSWORD, role="clinician")
            patients = page.get_by_role("region", name="Your patients (most urgent first)")
            expect(patients.get_by_role("heading", level=3).first).to_be_visible()
            expect(page.get_by_text("Updated ")).to_be_visible()
            shoot(page, out / "clinician-dashboard.png")
            doctor.close()

            desk = browser.new_context(base_url=server.url, **{**phone, **DESK})
            page = desk.new_page()
            sign_in_ui(page, clinician_email, DEMO_PASSWORD, role="clinician")
            table = page.get_by_role("region", name="Your patients (most urgent first)")
            expect(table.get_by_role("table").locator("tbody tr").first).to_be_visible()
            # the table itself at the top of the screen, below the referral queue
            table.get_by_role("heading", level=2).evaluate(SCROLL_BELOW_NAV)
            page.mouse.move(0, 0)  # no hover left over from signing in
            shoot(page, out / "clinician-desk.png")
            desk.close()
            shoot_summary(browser, server, clinician_email, out)
        finally:
            browser.close()


DESK: dict[str, Any] = {
    **PHONE,
    "viewport": {"width": 1280, "height": 800},
    "is_mobile": False,
    "has_touch": False,
}


def capture_patient_plan(server: LiveServer, clinician_email: str, out: Path, scale: float) -> None:
    """The demo patient's Plan tab (current plan, locks, editors) on a desk-size screen."""
    expect.set_options(timeout=TIMEOUT_MS)
    patient = api_user(server.url, DEMO_EMAIL, DEMO_PASSWORD)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            desk = browser.new_context(
                base_url=server.url, **{**DESK, "device_scale_factor": scale}
            )
            page = desk.new_page()
            sign_in_ui(page, clinician_email, DEMO_PASSWORD, role="clinician")
            page.goto(f"/clinician/patients/{patient.id}?tab=plan")
            expect(page.get_by_role("tab", name="Plan")).to_have_attribute("aria-selected", "true")
            expect(page.get_by_test_id("plan-history").locator("li").first).to_be_visible()
            shoot(page, out / "clinician-patient-plan.png")
            desk.close()
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scale", type=float, default=1, help="device scale factor (2 = retina)")
    parser.add_argument("--only", choices=["all", "account"], default="all")
    args = parser.parse_args(argv)
    if not dist_is_built():
        print("frontend/dist is not built: run `make frontend`", file=sys.stderr)
        return 1
    if not CHROMIUM.is_file():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 1
    out: Path = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="loadline-shots-") as tmp,
        live_server(Path(tmp), name="screenshots") as server,
    ):
        load_demo(server)  # includes the demo clinician and the 9 patients linked to them
        clear_today(server)
        phone = {**PHONE, "device_scale_factor": args.scale}
        capture(server, DEMO_CLINICIAN, out, phone, args.only)
        if args.only == "all":
            capture_patient_plan(server, DEMO_CLINICIAN, out, args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
