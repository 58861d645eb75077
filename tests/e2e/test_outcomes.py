"""Outcome screens in a real Chromium against a real server (issue 15): the weekly check-in on a
phone, its trend, and the clinician's visit summary printed to A4.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

import httpx2 as httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.helpers import (
    TIMEOUT_MS,
    api_link,
    api_register,
    api_user,
    choose,
    sign_in_ui,
)
from tests.e2e.screenshots import DEMO_CLINICIAN, DEMO_EMAIL, DEMO_PASSWORD, load_demo
from tests.live import LiveServer

pytestmark = pytest.mark.browser

CONFIDENCE = "How confident are you that you can go back to your sport or activity?"
FEAR = "How worried are you about hurting your hamstring again?"
CHANGE = "Since you started your rehab, how is your hamstring overall?"
CSP_LISTENER = (
    "window.__csp = [];"
    "document.addEventListener('securitypolicyviolation', e =>"
    " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
)
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF Chromium printed (its page objects are not compressed)."""
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    return len(PAGE_OBJECT.findall(pdf))


def test_pdf_page_counter_counts_the_pages_chromium_prints(browser: Browser) -> None:
    page = browser.new_page()
    try:
        page.set_content("<p>line</p>" * 300)
        assert pdf_pages(page.pdf(format="A4")) > 1
        page.set_content("<p>line</p>")
        assert pdf_pages(page.pdf(format="A4")) == 1
    finally:
        page.close()


def test_weekly_check_in_on_a_phone_then_the_trend(page: Page, e2e_server: LiveServer) -> None:
    page.add_init_script(CSP_LISTENER)
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    page.goto("/check-in")
    expect(page.get_by_role("heading", name="Weekly check-in", level=1)).to_be_visible()
    expect(page.get_by_text("never change your daily guidance").first).to_be_visible()

    # first time: name one activity, then rate it and answer the three questions
    page.get_by_role("textbox", name="Activity 1").fill("Sit through a film")
    choose(page, "Sit through a film", "4")
    choose(page, CONFIDENCE, "5")
    choose(page, FEAR, "6")
    choose(page, CHANGE, "A little better")
    page.get_by_role("button", name="Save check-in").click()
    expect(page.get_by_text("Check-in saved. Thank you.")).to_be_visible()

    held = patient.get("/me/check-ins")
    assert [a["label"] for a in held["activities"]] == ["Sit through a film"]
    this_week = held["this_week"]
    assert this_week["confidence"] == 5 and this_week["fear"] == 6
    assert this_week["global_change"] == "slightly_better"
    assert [(r["label"], r["score"]) for r in this_week["activities"]] == [
        ("Sit through a film", 4)
    ]

    # the form now offers to change the activities rather than asking for them again
    expect(page.get_by_role("button", name="Change my activities")).to_be_visible()
    expect(page.get_by_role("textbox", name="Activity 1")).to_have_count(0)

    # a week earlier (through the API): the trend has two points and says which way it goes
    activity = held["activities"][0]["id"]
    patient.post(
        "/me/check-ins",
        {
            "answered_on": (date.fromisoformat(held["week_start"]) - timedelta(days=3)).isoformat(),
            "activities": [{"activity_id": activity, "score": 2}],
            "confidence": 3,
            "fear": 8,
            "global_change": "no_change",
        },
    )
    page.reload()
    trends = page.get_by_role("region", name="Your trends")
    summary = trends.get_by_test_id("trend-summary")
    expect(summary).to_contain_text("Sit through a film: latest 4/10")
    expect(summary).to_contain_text("Confidence to return: latest 5/10")
    expect(trends.get_by_role("img", name=re.compile("over 2 weeks"))).to_be_visible()
    expect(trends.locator("canvas")).to_have_count(1)
    trends.get_by_text("Every week's answers (2)").click()
    rows = trends.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(3)
    expect(rows.nth(1)).to_contain_text("About the same")
    expect(rows.nth(2)).to_contain_text("A little better")
    assert page.evaluate("window.__csp") == []  # the chart and the pages keep the strict CSP
    assert page_errors == []


def test_visit_summary_of_six_weeks_prints_on_one_a4_page(
    browser: Browser, e2e_server: LiveServer
) -> None:
    load_demo(e2e_server)
    kari = api_user(e2e_server.url, DEMO_EMAIL, DEMO_PASSWORD)
    doctor = api_user(e2e_server.url, DEMO_CLINICIAN, DEMO_PASSWORD)
    assert kari.role == "patient" and doctor.role == "clinician"
    context: BrowserContext = browser.new_context(
        base_url=e2e_server.url, viewport={"width": 1024, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        sign_in_ui(page, DEMO_CLINICIAN, DEMO_PASSWORD, role="clinician")
        today = date.today()  # the server's clock (UTC); Kari's demo runs up to today
        six_weeks = f"from={(today - timedelta(days=41)).isoformat()}&to={today.isoformat()}"
        page.goto(f"/clinician/patients/{kari.id}/summary?{six_weeks}")
        summary = page.get_by_role("article", name=re.compile("Visit summary: Kari"))
        expect(summary).to_be_visible()
        expect(summary).to_contain_text("(42 days)")
        weeks = summary.get_by_role("table").get_by_role("row")
        expect(weeks.first).to_be_visible()
        assert weeks.count() >= 7  # a header and six or seven ISO weeks
        expect(
            summary.get_by_role("heading", name=re.compile(r"Weekly check-ins \(\d+\)"))
        ).to_be_visible()
        expect(summary.get_by_role("heading", name=re.compile(r"Tests \(\d+\)"))).to_be_visible()
        expect(
            summary.get_by_role("heading", name=re.compile(r"Plan changes \(\d+\)"))
        ).to_be_visible()
        expect(summary).to_contain_text("Change: confidence +")

        page.emulate_media(media="print")
        expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
        pdf = page.pdf(format="A4", print_background=True)
        assert pdf_pages(pdf) == 1
    finally:
        context.close()


def test_clinician_records_strength_and_shares_a_note_the_patient_reads(
    page: Page, e2e_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    patient = api_register(e2e_server.url)
    doctor = api_register(e2e_server.url, role="clinician")
    api_link(patient, doctor)
    sign_in_ui(page, doctor.email, role="clinician")
    page.goto(f"/clinician/patients/{patient.id}?tab=outcomes")
    expect(page.get_by_role("tab", name="Outcomes")).to_have_attribute("aria-selected", "true")

    tests = page.get_by_role("region", name="Objective tests")
    tests.get_by_label("Test", exact=True).select_option(label="Isometric hamstring strength")
    tests.get_by_label(re.compile("^Left")).fill("180")
    tests.get_by_label(re.compile("^Right")).fill("240")
    tests.get_by_label("Affected side (for the limb symmetry index)").select_option("left")
    tests.get_by_role("button", name="Save test").click()
    expect(tests.get_by_test_id("tests")).to_contain_text("limb symmetry 75%")

    notes = page.get_by_role("region", name="Your notes")
    notes.get_by_label("New note").fill("Private: watch the sitting tolerance.")
    notes.get_by_role("button", name="Save note").click()
    expect(notes.get_by_text("Note saved. Only you can read it.")).to_be_visible()
    notes.get_by_label("New note").fill("Keep sitting spells to about 30 minutes.")
    notes.get_by_label("Share this note with the patient").check()
    notes.get_by_role("button", name="Save note").click()
    expect(notes.get_by_text("Note saved and shared with the patient.")).to_be_visible()

    goals = page.get_by_role("region", name="Goals with the patient")
    goals.get_by_label("Goal", exact=True).fill("Sit through a two-hour drive")
    goals.get_by_role("button", name="Add goal").click()
    expect(goals.get_by_text("Sit through a two-hour drive", exact=True)).to_be_visible()
    assert [g["text"] for g in patient.get("/me/goals")["goals"]] == [
        "Sit through a two-hour drive"
    ]

    review = page.get_by_role("region", name="Return-to-sport review")
    expect(review.get_by_test_id("criteria").get_by_role("listitem")).to_have_count(5)
    expect(review.get_by_role("button", name="Confirm the review")).to_have_count(0)

    phone = new_context().new_page()
    sign_in_ui(phone, patient.email)
    phone.goto("/progress")
    current = phone.get_by_role("region", name="Your goal")
    expect(current).to_contain_text("Sit through a two-hour drive")
    current.get_by_role("link", name="See all goals").click()
    mine = phone.get_by_role("region", name="Goals")
    mine.get_by_role("button", name="Mark as met").click()
    expect(mine).to_contain_text("Met on")
    expect(mine.get_by_role("button", name="Make active again")).to_be_visible()
    assert patient.get("/me/goals")["goals"][0]["status"] == "met"
    phone.go_back()
    shared = phone.get_by_role("region", name="Notes from your clinician")
    expect(shared).to_contain_text("Keep sitting spells to about 30 minutes.")
    expect(shared).not_to_contain_text("Private: watch")


def test_phase_page_shows_live_criteria_and_all_six_phases(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress").click()
    page.get_by_role("link", name="Your phase").click()
    phase = patient.get("/me/phase")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Phase {phase['phase']}: {phase['name']}"
    )
    criteria = page.get_by_test_id("criteria").get_by_role("listitem")
    expect(criteria).to_have_count(len(phase["criteria"]["items"]))
    for item, criterion in zip(criteria.all(), phase["criteria"]["items"], strict=True):
        expect(item).to_contain_text(criterion["label"])
        expect(item).to_contain_text("Met" if criterion["met"] else "Not yet")
    progress = page.get_by_role("navigation", name="Main").get_by_role("link", name="Progress")
    expect(progress).to_have_attribute("aria-current", "page")
    steps = page.get_by_role("region", name="All six phases").get_by_role("listitem")
    expect(steps).to_have_count(6)
    expect(steps.nth(phase["phase"] - 1)).to_contain_text("You are here")
    expect(page.get_by_text("3 to 6 months")).to_be_visible()


def test_return_to_sport_review_is_confirmed_by_the_clinician_and_changes_no_phase(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    doctor = api_register(e2e_server.url, role="clinician")
    api_link(patient, doctor)
    moved = httpx.patch(
        f"{e2e_server.url}/api/v1/clinician/patients/{patient.id}",
        json={"phase": 5},
        headers={"Authorization": f"Bearer {doctor.token()}"},
        timeout=10,
    )
    assert moved.status_code == 200, moved.text
    sign_in_ui(page, doctor.email, role="clinician")
    page.goto(f"/clinician/patients/{patient.id}?tab=outcomes")
    review = page.get_by_role("region", name="Return-to-sport review")
    expect(review).to_contain_text("0 of 5 criteria met")
    expect(review.get_by_test_id("criteria").get_by_text("Not yet")).to_have_count(5)

    # not every criterion is met: the clinician must say why before confirming
    review.get_by_role("button", name="Confirm the review").click()
    expect(review.get_by_role("alert")).to_contain_text("write a note")
    assert doctor.get(f"/clinician/patients/{patient.id}/return-to-sport")["confirmations"] == []
    review.get_by_label(re.compile("^Note")).fill("Discussed with the patient; a gradual return.")
    review.get_by_role("button", name="Confirm the review").click()
    expect(review.get_by_text(re.compile("Review confirmed"))).to_be_visible()
    expect(review.get_by_text("Earlier confirmations (1)")).to_be_visible()

    held = doctor.get(f"/clinician/patients/{patient.id}/return-to-sport")
    assert len(held["confirmations"]) == 1
    assert held["confirmations"][0]["all_met"] is False
    assert patient.get("/me/phase")["phase"] == 5  # confirming moved nothing


def test_patient_records_a_self_test_and_cannot_pick_a_clinicians_test(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    page.goto("/me/tests")
    form = page.get_by_role("region", name="Record a test")
    kinds = form.get_by_label("Test", exact=True)
    expect(kinds.locator("option").first).to_be_attached()
    options = kinds.locator("option").all_inner_texts()
    assert "Single-leg hamstring bridge" in options
    assert not any("Slump" in o or "straight" in o.lower() for o in options)
    kinds.select_option(label="Single-leg hamstring bridge")
    form.get_by_label(re.compile("^Left")).fill("14")
    form.get_by_label(re.compile("^Right")).fill("20")
    form.get_by_role("button", name="Save test").click()
    expect(form.get_by_text("Single-leg hamstring bridge saved.")).to_be_visible()
    mine = page.get_by_role("region", name="Your tests").get_by_test_id("tests")
    expect(mine).to_contain_text("Left 14 reps, right 20 reps · limb symmetry 70%")
    expect(mine).to_contain_text("self-test")
    [held] = patient.get("/me/tests")["tests"]
    assert (held["kind"], held["left"], held["right"], held["self_test"]) == (
        "single_leg_bridge",
        14,
        20,
        True,
    )
