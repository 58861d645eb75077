"""axe-core on every page a patient, a clinician and a coach can reach, in a real Chromium on a
phone-sized screen: zero serious or critical violations (issue 14, item 6).

Each test walks one role's pages and checks each once its content has loaded; failures are
gathered, so one run names every page that fails, not just the first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import date, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import (
    api_link,
    api_register,
    assert_no_serious_axe_violations,
    day_loaded,
    sign_in_ui,
)
from tests.live import LiveServer

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    # axe-core is added as a script tag; the app's CSP (rightly) forbids that, so bypass it here
    return new_context(bypass_csp=True).new_page()


class Checks:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.failures: list[str] = []

    def check(self, name: str) -> None:
        try:
            assert_no_serious_axe_violations(self.page)
        except AssertionError as failure:
            self.failures.append(f"{name}: {failure}")

    def done(self) -> None:
        assert not self.failures, "\n".join(self.failures)


@pytest.fixture
def axe(page: Page) -> Iterator[Checks]:
    checks = Checks(page)
    yield checks


def heading(page: Page, name: str, level: int = 1) -> None:
    expect(page.get_by_role("heading", name=name, level=level)).to_be_visible()


def nav(page: Page, link: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()


def test_sign_in_register_and_onboarding_have_no_serious_axe_violations(
    page: Page, axe: Checks, e2e_server: LiveServer
) -> None:
    page.goto("/signin")
    heading(page, "Sign in")
    axe.check("sign-in")
    page.get_by_role("link", name="Forgot password?").click()
    heading(page, "Forgot your password?")
    axe.check("forgot password")
    page.goto("/reset-password?token=not-a-real-token")
    heading(page, "Choose a new password")
    axe.check("reset password")
    page.goto("/signin")
    heading(page, "Sign in")
    page.get_by_role("link", name="Create an account").click()
    heading(page, "Create an account")
    axe.check("register")
    page.get_by_role("textbox", name="Your name").fill("Axe Patient")
    page.get_by_role("textbox", name="Email").fill(
        f"axe-{date.today():%j}-{id(page)}@e2e.example.org"
    )
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Create account").click()
    for step in ("What Loadline does", "Your phase", "Share with your clinician or coach"):
        heading(page, step)
        axe.check(f"onboarding: {step}")
        if step != "Share with your clinician or coach":
            page.get_by_role("button", name="Next").click()
    axe.done()


def test_every_patient_page_has_no_serious_axe_violations(
    page: Page, axe: Checks, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    clinician = api_register(e2e_server.url, "clinician", display_name="Dr Axe")
    api_link(patient, clinician)
    today = date.today()
    for back in range(1, 5):
        patient.put_log(
            (today - timedelta(days=back)).isoformat(), morning_pain=back, sitting_pain=2
        )
    sign_in_ui(page, patient.email)
    axe.check("today's log")
    with day_loaded(page):
        page.goto(f"/log/{(today - timedelta(days=1)).isoformat()}")
    axe.check("an earlier day's log")
    nav(page, "History")
    heading(page, "History")
    expect(page.locator(".historylist li").first).to_be_visible()
    axe.check("history")
    nav(page, "Sharing")
    heading(page, "Sharing")
    expect(page.get_by_text("Dr Axe").first).to_be_visible()
    page.get_by_role("button", name="Create code for a clinician").click()
    expect(page.get_by_test_id("share-code")).to_be_visible()
    axe.check("sharing")
    nav(page, "Settings")
    heading(page, "Settings")
    axe.check("settings")
    nav(page, "Progress")
    heading(page, "Progress")
    axe.check("progress")
    for path, title in (
        ("/check-in", "Weekly check-in"),
        ("/goals", "Your goals"),
        ("/learn", "Learn"),
        ("/me/tests", "Self-tests"),
        ("/intake", "Your intake"),
    ):
        page.goto(path)
        heading(page, title)
        axe.check(path)
    page.goto("/phase")
    expect(page.get_by_role("heading", name="What this phase is for")).to_be_visible()
    axe.check("/phase")
    axe.done()


def test_every_clinician_and_coach_page_has_no_serious_axe_violations(
    page: Page, axe: Checks, e2e_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    patient = api_register(e2e_server.url, display_name="Pat Axe")
    clinician = api_register(e2e_server.url, "clinician")
    coach = api_register(e2e_server.url, "coach")
    api_link(patient, clinician)
    api_link(patient, coach, "coach")
    patient.put_log(date.today().isoformat(), morning_pain=3, sitting_pain=2)

    sign_in_ui(page, clinician.email, role="clinician")
    expect(page.get_by_role("link", name="Pat Axe")).to_be_visible()
    axe.check("clinician list")
    page.get_by_role("link", name="Pat Axe").click()
    heading(page, "Pat Axe")
    expect(page.get_by_role("combobox", name="Phase")).to_be_visible()
    axe.check("clinician: patient page")
    for tab in ("Logs", "Plan", "Outcomes", "Assessment"):
        page.get_by_role("tab", name=tab).click()
        expect(page.get_by_role("tabpanel", name=tab)).to_be_visible()
        page.wait_for_load_state("networkidle")
        axe.check(f"clinician: patient page, {tab} tab")
    page.get_by_role("tab", name="Outcomes").click()
    page.get_by_role("link", name="Visit summary (printable)").click()
    expect(page.get_by_role("article", name=re.compile("Visit summary"))).to_be_visible()
    axe.check("clinician: visit summary")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/clinician")
    expect(page.get_by_role("table")).to_be_visible()
    axe.check("clinician: desk view (1280 px)")
    page.set_viewport_size({"width": 390, "height": 844})
    nav(page, "Settings")
    heading(page, "Settings")
    axe.check("clinician settings")

    coach_page = new_context(bypass_csp=True).new_page()
    coach_checks = Checks(coach_page)
    sign_in_ui(coach_page, coach.email, role="coach")
    expect(coach_page.get_by_role("heading", name="Pat Axe")).to_be_visible()
    coach_checks.check("coach athletes")
    axe.failures += coach_checks.failures
    axe.done()


def test_the_axe_check_fails_on_a_page_with_a_serious_violation(
    page: Page, e2e_server: LiveServer
) -> None:
    page.goto("/signin")
    heading(page, "Sign in")
    page.evaluate(
        "() => { const b = document.createElement('button'); document.querySelector('main')"
        ".appendChild(b); }"
    )  # a button with no name: axe's button-name, critical
    with pytest.raises(AssertionError, match="button-name"):
        assert_no_serious_axe_violations(page)


def test_the_date_strips_coloured_marks_are_read_out_as_the_days_decision(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    decided = {}
    for back, pain in ((1, 1), (2, 9)):
        day = (date.today() - timedelta(days=back)).isoformat()
        decided[day] = patient.put_log(day, morning_pain=pain, sitting_pain=pain)["guidance"]
    sign_in_ui(page, patient.email)
    strip = page.get_by_role("navigation", name="Choose a day to log")
    for day, guidance in decided.items():
        words = guidance["decision"].replace("_", " ")
        link = strip.locator(f'a[href="/log/{day}"]')
        expect(link).to_have_accessible_name(re.compile(rf", logged, {words}$"))
    assert {g["decision"] for g in decided.values()} - {"hold"}, "one day must not be a hold"


def test_the_skip_link_lands_on_the_first_question_of_the_log_form(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    with day_loaded(page):
        page.reload()  # a fresh load: the first Tab reaches the skip link
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    where = page.evaluate(
        "() => { const a = document.activeElement; return {"
        " inForm: !!a.closest('#main form'), inStrip: !!a.closest('.datestrip'),"
        " first: a === document.querySelector('#main form :is(input, select, textarea)') } }"
    )
    assert where == {"inForm": True, "inStrip": False, "first": True}


FOCUS_BOX = """() => {
  const a = document.activeElement;
  const sticky = ['.savebar', 'nav[aria-label="Main"]'].map((q) => document.querySelector(q))
    .filter(Boolean);
  if (!a || a === document.body || sticky.some((s) => s.contains(a))) return null;
  const r = a.getBoundingClientRect();
  // hidden: the focused control's box overlaps a sticky bar drawn over it
  const under = sticky.filter((s) => {
    const b = s.getBoundingClientRect();
    return r.top < b.bottom - 0.5 && r.bottom > b.top + 0.5;
  });
  return under.length ? { label: a.getAttribute('aria-label') || a.id || a.tagName,
    top: r.top, bottom: r.bottom, under: under.map((s) => s.className) } : null;
}"""


def test_keyboard_focus_is_never_hidden_under_the_sticky_save_bar_or_navigation(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    expect(page.locator(".savebar")).to_be_visible()
    hidden = []
    for _ in range(80):
        page.keyboard.press("Tab")
        box = page.evaluate(FOCUS_BOX)
        if box:
            hidden.append(box)
    assert not hidden, hidden
