"""Ruleset 2026.12 in the browser: red-flag episodes that stay until checked, and answers carried
over from an earlier day that are never sent unless the patient confirms them today.

Real headless Chromium at phone size against a real server, through the UI by accessible name;
the API only sets up other users and earlier days, and checks what the server holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import (
    api_link,
    api_register,
    choose,
    open_at,
    page_today,
    sign_in_ui,
)
from tests.live import LiveServer

pytestmark = pytest.mark.browser

SADDLE = "Numbness around the back passage or genitals (saddle area)"
CHECKED = "A clinician has checked me and I may continue"
GUIDANCE_TODAY = re.compile(r"/api/v1/me/guidance$")


def short_label(day: date) -> str:
    """The app's short date ("Sun 29 Nov"), independent of the test machine's locale."""
    weekdays = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month - 1]}"


def noon_utc(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


ANNOUNCEMENTS = """
window.__announced = [];
new MutationObserver(() => {
  const region = document.getElementById('announcer');
  const said = region && region.textContent;
  const last = window.__announced[window.__announced.length - 1];
  if (said && last !== said) window.__announced.push(said);
}).observe(document, { subtree: true, childList: true, characterData: true });
"""


def reload_with_fresh_episodes(page: Page) -> None:
    """Reload and wait for the app's own question "which episodes are open today?"."""
    with page.expect_response(lambda r: GUIDANCE_TODAY.search(r.url) is not None and r.ok):
        page.reload()


def test_red_flag_stays_next_day_until_a_linked_clinician_records_a_check(
    context: BrowserContext,
    page: Page,
    new_context: Callable[..., BrowserContext],
    e2e_server: LiveServer,
) -> None:
    """Day D is yesterday. The server runs on real time, so the browser's clock is what moves:
    Playwright's clock API fixes the page's `Date` at noon yesterday (UTC, the patient's zone)
    while its timers keep running, so the app computes "today" as D and PUTs D's log, which
    the server accepts like any earlier day. Then the clock is set to noon today and the page
    reloaded: "the next day". The clinician's browser keeps the real clock."""
    patient = api_register(e2e_server.url, "patient", display_name="Nils Red")
    clinician = api_register(e2e_server.url, "clinician", display_name="Dr Mia Check")
    api_link(patient, clinician)
    real_today = date.fromisoformat(page_today(page))
    day_d = real_today - timedelta(days=1)

    # Day D: the patient logs saddle numbness.
    context.clock.set_fixed_time(noon_utc(day_d))
    sign_in_ui(page, patient.email)
    assert page_today(page) == day_d.isoformat()
    choose(page, "Morning pain", "2")
    page.get_by_role("checkbox", name=SADDLE).check()
    with page.expect_request(lambda r: r.method == "PUT" and r.url.endswith(f"/me/logs/{day_d}")):
        page.get_by_role("button", name="Save log").click()
    dialog = page.get_by_role("alertdialog", name="Seek emergency care now")
    dialog.get_by_role("button", name="I understand").click()
    banner = page.get_by_test_id("episode-banner")
    expect(banner).to_contain_text("get emergency care now")
    expect(banner).to_contain_text(f"{short_label(day_d)} (today)")
    # the tick closes only episodes of earlier days: not offered on the day of the flag
    expect(page.get_by_role("checkbox", name=CHECKED)).to_have_count(0)

    # The next day: the banner names D and the sign, and says what to do, on every patient page.
    # Everything said through the app's live region, in order: another message (a sync) may
    # follow the banner's within a moment, so the region's current text alone would race.
    page.add_init_script(ANNOUNCEMENTS)
    open_at(context, page, noon_utc(real_today), wait_for=GUIDANCE_TODAY.pattern)
    assert page_today(page) == real_today.isoformat()
    expect(page.get_by_role("heading", name="Today’s log", level=1)).to_be_visible()
    expect(banner).to_contain_text(f"{short_label(day_d)} (yesterday)")
    expect(banner).to_contain_text("numbness around the back passage or genitals")
    expect(banner).to_contain_text("Go to an emergency department now")
    expect(page.get_by_role("region", name="Warning signs: get emergency care now")).to_be_visible()
    page.wait_for_function(
        "() => (window.__announced || []).some(t => t.includes('You reported warning signs on'))"
    )
    expect(page.get_by_role("checkbox", name=CHECKED)).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="History", level=1)).to_be_visible()
    expect(banner).to_contain_text(short_label(day_d))

    # The linked clinician sees the episode at the top of the list and on the patient's page.
    doctor = new_context().new_page()
    sign_in_ui(doctor, clinician.email, role="clinician")
    first = doctor.locator("li.patient-card").first
    expect(first).to_contain_text("Nils Red")
    expect(first).to_contain_text("Warning signs not checked")
    expect(first).to_contain_text(f"Warning signs {short_label(day_d)} · Emergency: now")
    first.get_by_role("link", name="Nils Red").click()
    episodes = doctor.get_by_role("region", name="Warning signs")
    expect(episodes).to_contain_text(f"Reported {short_label(day_d)}")
    expect(episodes).to_contain_text("numbness around the back passage or genitals")
    checked_on = doctor.get_by_label("Checked on")
    expect(checked_on).to_have_value(real_today.isoformat())
    # a date in the future is refused in words, before anything is sent
    checked_on.fill((real_today + timedelta(days=1)).isoformat())
    episodes.get_by_role("button", name="Record check").click()
    expect(episodes.get_by_role("alert")).to_contain_text("can’t be dated in the future")
    checked_on.fill(real_today.isoformat())
    doctor.get_by_label("Note (optional)").fill("Seen in clinic, no neurological signs.")
    with doctor.expect_response(lambda r: r.url.endswith("/clearances") and r.status == 201):
        episodes.get_by_role("button", name="Record check").click()
    expect(episodes).to_contain_text("1 warning-sign episode closed")
    expect(episodes).to_contain_text("No warning signs are waiting for a check")
    past = episodes.locator(".past-checks li")
    expect(past).to_have_count(1)
    expect(past.first).to_contain_text(f"Checked on {short_label(real_today)} by Dr Mia Check")
    expect(past.first).to_contain_text("Seen in clinic, no neurological signs.")

    # The patient reloads: the banner is gone.
    reload_with_fresh_episodes(page)
    expect(page.get_by_role("heading", name="History", level=1)).to_be_visible()
    expect(banner).to_have_count(0)
    assert patient.get("/me/guidance")["open_episodes"] == []


def test_the_checked_tick_closes_an_earlier_episode(page: Page, e2e_server: LiveServer) -> None:
    patient = api_register(e2e_server.url, "patient")
    today = date.fromisoformat(page_today(page))
    two_days_ago = today - timedelta(days=2)
    patient.put_log(two_days_ago.isoformat(), morning_pain=3, red_flags=["new_weakness"])

    sign_in_ui(page, patient.email)
    banner = page.get_by_test_id("episode-banner")
    expect(banner).to_contain_text("see a clinician today")
    expect(banner).to_contain_text(f"{short_label(two_days_ago)}: new weakness in the leg")
    # Saving without the tick: the episode still rules the day (RF-5), at the top of the card.
    choose(page, "Morning pain", "1")
    page.get_by_role("button", name="Save log").click()
    page.get_by_role("alertdialog", name="Contact your clinician today").get_by_role(
        "button", name="I understand"
    ).click()
    card = page.get_by_test_id("guidance")
    expect(card.get_by_test_id("rf5")).to_contain_text(
        f"You reported warning signs on {short_label(two_days_ago)}"
    )
    expect(card.locator(".guidance-summary")).to_contain_text("No training today")
    expect(banner).to_be_visible()

    tick = page.get_by_role("checkbox", name=CHECKED)
    expect(tick).not_to_be_checked()
    tick.check()
    with page.expect_request(lambda r: r.method == "PUT" and "/me/logs/" in r.url) as put:
        page.get_by_role("button", name="Save log").click()
    assert json.loads(put.value.post_data or "{}")["red_flags_reviewed"] is True
    expect(page.get_by_test_id("guidance")).to_be_visible()
    expect(banner).to_have_count(0)
    stored = patient.get(f"/me/logs/{today}")
    assert stored["log"]["red_flags_reviewed"] is True
    assert stored["guidance"]["open_episodes"] == []
    assert "RF-5" not in {r["rule"] for r in stored["guidance"]["reasons"]}


def test_a_carried_over_answer_is_sent_only_when_confirmed(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url, "patient")
    today = date.fromisoformat(page_today(page))
    yesterday = today - timedelta(days=1)
    patient.put_log(
        yesterday.isoformat(),
        morning_pain=2,
        sitting_tolerance_min=60,
        loading_pain=2,
        loading_stage=2,
        glide_pain=1,
        glide_type="slider",
    )
    sign_in_ui(page, patient.email)

    # Nothing is filled in: the earlier answers are offered, one tap each.
    tolerance = page.get_by_role("spinbutton", name="Sitting tolerance (minutes)")
    expect(tolerance).to_have_value("")
    same_tolerance = page.get_by_role(
        "button", name="Sitting tolerance (minutes): Same as yesterday: 60 minutes"
    )
    expect(same_tolerance).to_be_visible()
    choose(page, "Morning pain", "3")
    page.get_by_role("switch", name="I did loading exercises today").check()
    choose(page, "Pain during loading", "2")
    stage = page.get_by_role("radiogroup", name="Loading stage")
    expect(stage.get_by_role("radio", checked=True)).to_have_count(0)
    expect(
        page.get_by_role(
            "button", name="Loading stage: Same as yesterday: 2 · Slow strength, small hip bend"
        )
    ).to_be_visible()
    # tingling and how far down the leg are asked without the glides switch
    choose(page, "Tingling or pins and needles in the leg today", "None")
    choose(page, "How far down the leg did symptoms reach today?", "Buttock")

    same_tolerance.click()
    expect(tolerance).to_have_value("60")
    expect(same_tolerance).to_have_count(0)
    with page.expect_request(lambda r: r.method == "PUT" and "/me/logs/" in r.url) as put:
        page.get_by_role("button", name="Save log").click()
    sent = json.loads(put.value.post_data or "{}")
    assert sent["sitting_tolerance_min"] == 60, "confirmed with one tap: sent"
    assert sent["loading_stage"] is None, "offered but not confirmed: never sent"
    assert sent["glide_type"] is None
    assert sent["paresthesia"] == "none"
    assert sent["symptom_extent"] == "buttock"
    expect(page.get_by_test_id("guidance")).to_be_visible()
    stored = patient.get(f"/me/logs/{today}")["log"]
    assert stored["loading_stage"] is None
    assert stored["sitting_tolerance_min"] == 60
