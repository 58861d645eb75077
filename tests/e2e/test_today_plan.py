"""The Today page against the plan (issues 13 and 14), in a real Chromium on a phone-sized page:
today's plan and the phase, the morning check then the session log with guidance said of what it
applies to, "done as prescribed" recorded in `performed`, the next step accepted with one tap and
the new dose on the plan, and the taps a full and a minimal day take (every click, check and fill
the test makes is counted)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import httpx2 as httpx
import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.e2e.helpers import ApiUser, api_link, api_register, open_at, page_today, sign_in_ui
from tests.live import LiveServer

pytestmark = pytest.mark.browser

STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}
SESSION = {"loading_pain": 2, "loading_stage": 1}
FULL_DAY_BUDGET = 20
MINIMAL_DAY_BUDGET = 8


class Taps:
    """Every tap the test makes goes through here: the count is what a patient does."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def click(self, target: Locator) -> None:
        self.count += 1
        target.click()

    def button(self, name: str, scope: Locator | None = None) -> None:
        self.click((scope or self.page).get_by_role("button", name=name, exact=True))

    def choose(self, group: str, option: str) -> None:
        radio = self.page.get_by_role("radiogroup", name=group, exact=True).get_by_role(
            "radio", name=option, exact=True
        )
        self.count += 1
        radio.check()
        expect(radio).to_be_checked()

    def switch(self, name: str) -> None:
        self.count += 1
        self.page.get_by_role("switch", name=name).check()


def ready_to_step(base_url: str) -> ApiUser:
    """A calm week with two good loading sessions (3 days ago and yesterday), each followed by
    a settled morning: once today's morning is logged, the tendon earns a step (PR-1)."""
    patient = api_register(base_url)
    today = datetime.now(UTC).date()
    for n in range(6, 0, -1):
        day = (today - timedelta(days=n)).isoformat()
        patient.put_log(day, **STEADY, **(SESSION if n in (3, 1) else {}))
    return patient


def morning_check(taps: Taps, page: Page, score: str) -> None:
    card = page.get_by_test_id("morning-check")
    expect(
        card.get_by_role(
            "heading", name="How does it feel this morning, after yesterday’s session?"
        )
    ).to_be_visible()
    taps.choose("Morning pain", score)
    taps.button("Save morning check")
    expect(card).to_contain_text("Morning check saved.")


def test_done_as_prescribed_progress_accept_and_the_new_dose_on_the_plan(
    context: BrowserContext, page: Page, e2e_server: LiveServer
) -> None:
    patient = ready_to_step(e2e_server.url)
    sign_in_ui(page, patient.email)
    taps = Taps(page)
    day = page_today(page)

    # The phase and today's plan, per component, before anything is logged.
    expect(page.get_by_test_id("phase-line")).to_contain_text("Phase 1: Settle")
    plan = page.get_by_test_id("today-plan")
    expect(plan.get_by_role("heading", name="Today’s plan")).to_be_visible()
    tendon = page.get_by_test_id("plan-tendon")
    expect(tendon).to_contain_text("Isometric heel dig: 3 x 30 s")
    expect(page.get_by_test_id("plan-running")).to_contain_text("No running for now")
    expect(page.get_by_test_id("plan-sitting")).to_contain_text("30")
    # nothing is carried over: no component is marked done before the patient says so
    expect(
        plan.get_by_role("button", name="Loading exercises: Done as prescribed")
    ).to_have_attribute("aria-pressed", "false")

    # 1. The morning check alone: guidance for today's session.
    morning_check(taps, page, "2")
    card = page.get_by_test_id("guidance")
    expect(card.get_by_role("heading", name="Guidance for today’s session")).to_be_visible()
    expect(page.locator(".save-status")).to_have_text(
        "Saved. Guidance for today’s session: Progress."
    )

    # 2. The session: done as prescribed (one tap), its pain, save.
    taps.button("Loading exercises: Done as prescribed")
    expect(
        plan.get_by_role("button", name="Loading exercises: Done as prescribed")
    ).to_have_attribute("aria-pressed", "true")
    # the one question the plan cannot answer is pointed at, and the link lands on it
    plan.get_by_role("link", name="Now add your pain during loading").click()
    pain = page.get_by_role("radiogroup", name="Pain during loading", exact=True)
    expect(pain.get_by_role("radio").first).to_be_focused()
    taps.choose("Pain during loading", "2")
    expect(plan.get_by_role("link", name="Now add your pain during loading")).to_have_count(0)
    taps.button("Save log")
    expect(card.get_by_role("heading", name="Guidance for your next session")).to_be_visible()
    expect(page.locator(".save-status")).to_have_text(
        "Saved. Guidance for your next session: Progress."
    )
    expect(card).not_to_contain_text("today")

    served = patient.get(f"/me/logs/{day}")
    log, guidance = served["log"], served["guidance"]
    current = guidance["components"]["tendon"]["current"]
    assert log["morning_pain"] == 2 and log["loading_pain"] == 2
    assert log["loading_stage"] == 1, "done as prescribed fills the stage of the exercises"
    assert log["performed"]["tendon"]["version_id"] == current["version_id"]
    assert log["performed"]["tendon"]["as_prescribed"] is True
    assert log["performed"].get("running") is None and log["performed"].get("neural") is None

    # 3. The concrete next step, accepted with one tap.
    change = guidance["components"]["tendon"]["change"]
    assert guidance["components"]["tendon"]["step"] == "proposed", guidance["components"]["tendon"]
    step = page.get_by_test_id("next-tendon")
    expect(step).to_contain_text(change.replace("->", "→"))
    taps.button("Accept the step for loading exercises")
    expect(step).to_contain_text("Accepted: this is your plan now.")
    new_dose = patient.get("/me/programme")["components"]["tendon"]["current"]
    assert new_dose["version_id"] != current["version_id"]
    assert new_dose["text"] != current["text"]

    # 4. The plan shows the new dose at once, and on the next day's Today page (the page's clock
    # moved to noon tomorrow), where nothing of today is carried over.
    first = new_dose["exercises"][0]
    expect(tendon).to_contain_text(f"{first['name']}: {first['text']}")
    assert taps.count == 6
    tomorrow = date.fromisoformat(day) + timedelta(days=1)
    open_at(context, page, datetime.combine(tomorrow, time(12), UTC))
    assert page_today(page) == tomorrow.isoformat()
    expect(page.get_by_role("heading", name="Today’s plan")).to_be_visible()
    expect(page.get_by_test_id("plan-tendon")).to_contain_text(f"{first['name']}: {first['text']}")
    expect(
        page.get_by_role("button", name="Loading exercises: Done as prescribed")
    ).to_have_attribute("aria-pressed", "false")
    expect(page.get_by_role("button", name="Save morning check")).to_be_visible()


def test_another_day_says_its_date_changed_doses_are_recorded_and_a_lock_is_marked(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    clinician = api_register(e2e_server.url, role="clinician")
    api_link(patient, clinician)
    locked = httpx.put(
        f"{e2e_server.url}/api/v1/clinician/patients/{patient.id}/programme/tendon/lock",
        headers={"Authorization": f"Bearer {clinician.token()}"},
        timeout=10,
    )
    assert locked.status_code == 200, locked.text
    sign_in_ui(page, patient.email)
    # a component the clinician manages is marked in words
    expect(page.get_by_test_id("plan-tendon")).to_contain_text("Set by your clinician")
    expect(page.get_by_test_id("plan-neural")).not_to_contain_text("Set by your clinician")
    yesterday = (date.fromisoformat(page_today(page)) - timedelta(days=1)).isoformat()
    page.goto(f"/log/{yesterday}")
    expect(page.get_by_role("heading", name="Morning check for", exact=False)).to_be_visible()
    page.get_by_role("radiogroup", name="Morning pain").get_by_role(
        "radio", name="1", exact=True
    ).check()
    page.get_by_role("button", name="Nerve glides: Changed").click()
    page.get_by_label("Seated nerve slider: repetitions").fill("6")
    page.get_by_role("radiogroup", name="Pain from the glides").get_by_role(
        "radio", name="1", exact=True
    ).check()
    page.get_by_role("button", name="Save log").click()
    status = page.locator(".save-status")
    expect(status).to_contain_text("Saved. Guidance for ")
    label = page.evaluate(
        "d => new Date(d + 'T12:00:00Z').toLocaleDateString('en-GB',"
        " {weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC'})",
        yesterday,
    )
    card = page.get_by_test_id("guidance")
    expect(card.get_by_role("heading", level=2)).to_have_text(f"Guidance for {label}")
    expect(status).not_to_contain_text("Today")
    log = patient.get(f"/me/logs/{yesterday}")["log"]
    assert log["performed"]["neural"]["as_prescribed"] is False
    assert log["performed"]["neural"]["reps"] == 6
    assert log["glide_type"] == "slider", "the plan's glide type is filled in"


def _to_phase_2(base_url: str, patient: ApiUser) -> None:
    clinician = api_register(base_url, role="clinician")
    api_link(patient, clinician)
    answer = httpx.patch(
        f"{base_url}/api/v1/clinician/patients/{patient.id}",
        json={"phase": 2},
        headers={"Authorization": f"Bearer {clinician.token()}"},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text


def _saved(page: Page, taps: Taps) -> None:
    taps.button("Save log")
    expect(page.locator(".save-status")).to_contain_text("Saved. Guidance for your next session")


def test_a_full_day_takes_at_most_20_taps(page: Page, e2e_server: LiveServer) -> None:
    """Everything: the morning check, the session against every component of a phase-2 plan
    (loading, running, glides), sitting, leg symptoms and all the optional questions."""
    patient = api_register(e2e_server.url)
    _to_phase_2(e2e_server.url, patient)
    yesterday = (datetime.now(UTC).date() - timedelta(days=1)).isoformat()
    patient.put_log(yesterday, **STEADY)
    sign_in_ui(page, patient.email)
    expect(page.get_by_test_id("phase-line")).to_contain_text("Phase 2")
    expect(page.get_by_test_id("plan-running")).not_to_contain_text("No running")
    taps = Taps(page)

    morning_check(taps, page, "2")  # 2 taps: the morning flow
    taps.button("Loading exercises: Done as prescribed")
    taps.choose("Pain during loading", "2")
    taps.button("Running: Done as prescribed")
    taps.choose("Pain while running", "1")
    # the speed starts at the plan's band (no earlier run): one confirming tap, never 12 "+5"s
    taps.click(page.get_by_role("button", name="As planned", exact=False))
    expect(page.get_by_role("spinbutton", name="Top speed (% of your fastest)")).to_have_value("60")
    taps.button("Nerve glides: Done as prescribed")
    taps.choose("Pain from the glides", "0")
    taps.choose("Sitting pain", "2")
    taps.click(
        page.get_by_role(
            "button", name="Sitting tolerance (minutes): Same as yesterday: 60 minutes"
        )
    )
    taps.button("No tingling and no leg symptoms today")
    taps.click(page.get_by_role("button", name="Sleep, fatigue, stress and training"))
    for group in ("Sleep", "Fatigue", "Stress", "Muscle soreness"):
        taps.choose(group, "2")
    taps.choose("How hard was today’s training?", "5")
    taps.count += 1
    page.get_by_role("spinbutton", name="Training time (minutes)").fill("45")
    _saved(page, taps)

    log: dict[str, Any] = patient.get(f"/me/logs/{page_today(page)}")["log"]
    assert set(log["performed"]) >= {"tendon", "running", "neural"}
    assert all(log["performed"][c]["as_prescribed"] for c in ("tendon", "running", "neural"))
    assert log["sprint_speed_pct"] == 60 and log["glide_type"] == "slider"
    assert log["loading_stage"] is not None and log["session_min"] == 45
    assert log["paresthesia"] == "none" and log["symptom_extent"] == "none"
    print(f"\nfull day: {taps.count} taps")
    assert taps.count <= FULL_DAY_BUDGET, taps.count


def test_a_minimal_day_takes_at_most_8_taps(page: Page, e2e_server: LiveServer) -> None:
    """The morning check, one loading session done as prescribed, leg symptoms, save; the
    sections not done today stay closed."""
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    taps = Taps(page)
    morning_check(taps, page, "1")
    taps.button("Loading exercises: Done as prescribed")
    taps.choose("Pain during loading", "1")
    taps.button("No tingling and no leg symptoms today")
    for closed in ("I ran today", "I did nerve glides today"):
        expect(page.get_by_role("switch", name=closed)).not_to_be_checked()
    expect(page.get_by_role("radiogroup", name="Sleep")).to_have_count(0)
    _saved(page, taps)
    log = patient.get(f"/me/logs/{page_today(page)}")["log"]
    assert log["morning_pain"] == 1 and log["loading_pain"] == 1 and log["loading_stage"] == 1
    assert log["sprint_pain"] is None and log["glide_pain"] is None
    print(f"\nminimal day: {taps.count} taps")
    assert taps.count <= MINIMAL_DAY_BUDGET, taps.count


def test_a_back_off_is_shown_as_already_applied_with_nothing_to_tap(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = ready_to_step(e2e_server.url)
    sign_in_ui(page, patient.email)
    before = patient.get("/me/programme")["components"]["tendon"]["current"]
    taps = Taps(page)
    morning_check(taps, page, "2")
    taps.button("Loading exercises: Done as prescribed")
    taps.choose("Pain during loading", "6")  # over the pain ceiling of 5: back off
    taps.button("Save log")
    card = page.get_by_test_id("guidance")
    expect(card.get_by_role("heading", name="Guidance for your next session")).to_be_visible()
    expect(card).to_contain_text("reduce the next session")
    expect(card).not_to_contain_text("Ease off today")
    step = page.get_by_test_id("next-tendon")
    expect(step).to_contain_text("already applied")
    expect(step.get_by_role("button")).to_have_count(0)
    after = patient.get("/me/programme")["components"]["tendon"]["current"]
    assert after["version_id"] != before["version_id"]
    first = after["exercises"][0]
    expect(page.get_by_test_id("plan-tendon")).to_contain_text(f"{first['name']}: {first['text']}")
