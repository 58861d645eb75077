"""The clinician's patient page in the browser: tabs kept in the URL, the plan editor and its
history, locks, refusals in words, and a phase change that asks first.

Real headless Chromium against a real server, through the UI by accessible name; the API only
registers and links the users and checks what the server holds afterwards.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import ApiUser, api_link, api_register, page_today, sign_in_ui
from tests.live import LiveServer

pytestmark = pytest.mark.browser

FIELD_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b|thresholds\.")


def open_patient(
    page: Page, server: LiveServer, name: str, **today_log: object
) -> tuple[str, ApiUser]:
    patient = api_register(server.url, "patient", display_name=name)
    clinician = api_register(server.url, "clinician", display_name="Dr Tab Plan")
    api_link(patient, clinician)
    if today_log:
        patient.put_log(page_today(page), **today_log)
    sign_in_ui(page, clinician.email, role="clinician")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", name=name, level=1)).to_be_visible()
    return patient.id, clinician


def test_tabs_switch_by_keyboard_and_survive_a_reload(page: Page, e2e_server: LiveServer) -> None:
    open_patient(
        page, e2e_server, "Tove Tabs", morning_pain=2, loading_stage=2, symptom_extent="thigh"
    )
    tabs = page.get_by_role("tablist", name="Tove Tabs’s record")
    overview = tabs.get_by_role("tab", name="Overview")
    expect(overview).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="Overview")).to_contain_text("Phase and thresholds")

    overview.focus()
    page.keyboard.press("ArrowRight")
    logs = tabs.get_by_role("tab", name="Logs")
    expect(logs).to_have_attribute("aria-selected", "true")
    expect(logs).to_be_focused()
    expect(overview).to_have_attribute("aria-selected", "false")
    expect(page).to_have_url(re.compile(r"\?tab=logs$"))
    panel = page.get_by_role("tabpanel", name="Logs")
    for title in ("Morning and sitting pain", "Loading stage", "Running speed", "Symptom extent"):
        expect(panel.get_by_role("heading", name=re.compile(title))).to_be_visible()
    stage = panel.get_by_test_id("trend-stage")
    expect(stage).to_contain_text("Loading stage: logged on 1 of 28 days. Latest stage 2")
    expect(stage.locator("canvas")).to_have_count(1)  # uPlot drew it
    expect(panel.get_by_test_id("trend-extent")).to_contain_text("Latest thigh")
    expect(panel.get_by_test_id("trend-speed")).to_contain_text(
        "Running speed (% of top speed): not logged in the last 28 days."
    )

    page.reload()
    expect(tabs.get_by_role("tab", name="Logs")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Tab")  # no throw: the page is usable after reload
    tabs.get_by_role("tab", name="Logs").focus()
    page.keyboard.press("End")  # the last tab
    expect(tabs.get_by_role("tab", name="Assessment")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowRight")  # wraps round to the first tab
    expect(overview).to_have_attribute("aria-selected", "true")


def test_plan_tab_edits_the_tendon_dose_locks_running_and_lists_both_in_the_history(
    page: Page, e2e_server: LiveServer
) -> None:
    patient_id, clinician = open_patient(page, e2e_server, "Pia Plan")
    page.get_by_role("tab", name="Plan").click()
    expect(page).to_have_url(re.compile(r"\?tab=plan$"))
    tendon = page.get_by_test_id("rx-tendon")
    expect(tendon).to_contain_text("Isometric heel dig")

    tendon.get_by_role("button", name="Edit tendon exercises").click()
    page.get_by_label("Isometric heel dig: sets").fill("4")
    page.get_by_label("Isometric heel dig: seconds per hold").fill("40")
    page.get_by_label("Why (optional, kept in the history)").fill("Tolerating holds well")
    page.get_by_role("button", name="Save tendon exercises").click()
    saved = page.get_by_role("region", name="Current plan").get_by_text("Tendon exercises saved")
    expect(saved).to_be_focused()  # the editor closed: focus goes to what happened
    expect(tendon).to_contain_text("Isometric heel dig: 4 x 40 s")

    # a stage-3 exercise in phase 1 is refused in words, and nothing says "saved"
    tendon.get_by_role("button", name="Edit tendon exercises").click()
    page.get_by_label("Add an exercise").select_option(label="Stage 3: Romanian deadlift")
    page.get_by_role("button", name="Add", exact=True).click()
    page.get_by_role("button", name="Save tendon exercises").click()
    alert = tendon.get_by_role("alert")
    expect(alert).to_contain_text("Not saved. Romanian deadlift is a stage-3 exercise")
    expect(alert).to_contain_text("phase 1 allows stage 1 at most")
    expect(tendon).not_to_contain_text("saved:")
    tendon.get_by_role("button", name="Close the tendon exercises editor").click()

    running = page.get_by_test_id("rx-running")
    running.get_by_role("button", name="Lock running").click()
    # Locking asks why (optional); Escape closes the question and focus returns.
    why = running.get_by_label("Why lock running?")
    expect(why).to_be_focused()
    page.keyboard.press("Escape")
    expect(running.get_by_role("button", name="Lock running")).to_be_focused()
    running.get_by_role("button", name="Lock running").click()
    running.get_by_label("Why lock running?").fill("Sprinting flared her last month")
    running.get_by_role("button", name="Lock running").click()
    expect(running).to_contain_text("Locked by Dr Tab Plan")
    expect(running.get_by_role("button", name="Unlock running")).to_be_focused()

    history = page.get_by_test_id("plan-history")
    first = history.locator("> li").nth(0)
    second = history.locator("> li").nth(1)
    expect(first).to_contain_text("Running locked")
    expect(first).to_contain_text("by Dr Tab Plan")
    expect(first).to_contain_text("why: Sprinting flared her last month")
    expect(second).to_contain_text("Tendon exercises, version")
    expect(second).to_contain_text("4 x 40 s")
    expect(second).to_contain_text("Dr Tab Plan, a clinician · why: clinician")
    expect(second).to_contain_text("Tolerating holds well")

    # the server holds both
    plan = clinician.get(f"/clinician/patients/{patient_id}/programme")
    assert plan["components"]["running"]["locked"] is True
    doses = plan["components"]["tendon"]["current"]["exercises"]
    assert {"exercise": "isometric_heel_dig", "sets": 4, "hold_s": 40}.items() <= doses[0].items()

    page.reload()
    expect(page.get_by_role("tab", name="Plan")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_test_id("plan-history")).to_contain_text("Running locked")

    # unlocking is history too: newest first, above the lock it lifted
    page.get_by_test_id("rx-running").get_by_role("button", name="Unlock running").click()
    expect(history.locator("> li").nth(0)).to_contain_text("Running unlocked")
    expect(history.locator("> li").nth(0)).to_contain_text("by Dr Tab Plan, a clinician")
    expect(
        page.get_by_test_id("rx-running").get_by_role("button", name="Lock running")
    ).to_be_focused()
    expect(history.locator("> li").nth(1)).to_contain_text("Running locked")


def test_a_bad_threshold_is_a_sentence_and_a_phase_change_asks_first(
    page: Page, e2e_server: LiveServer
) -> None:
    patient_id, clinician = open_patient(page, e2e_server, "Tor Thresholds")
    card = page.get_by_role("region", name="Phase and thresholds")

    page.get_by_label("Safe pain level").fill("6")
    page.get_by_label("Pain ceiling during exercise").fill("5")
    card.get_by_role("button", name="Save phase and thresholds").click()
    expect(card.get_by_role("alert")).to_contain_text("Not saved.")
    expect(card).to_contain_text(
        "The safe pain level must be below the pain ceiling, and the pain ceiling below the"
        " severe pain level."
    )
    expect(page.get_by_label("Safe pain level")).to_have_attribute("aria-invalid", "true")
    text = card.inner_text()
    assert not FIELD_NAME.search(text), text
    assert "<" not in text and "saved." not in text.replace("Not saved.", ""), text

    page.get_by_label("Safe pain level").fill("3")
    page.get_by_label("Phase", exact=True).select_option(label="2. Load")
    card.get_by_role("button", name="Save phase and thresholds").click()
    dialog = page.get_by_role("dialog", name="Move to Phase 2: Load?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("from Phase 1: Settle to Phase 2: Load")
    expect(dialog).to_contain_text("Running: Jog.")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    record = clinician.get(f"/clinician/patients/{patient_id}")
    assert record["profile"]["phase"] == 1

    card.get_by_role("button", name="Save phase and thresholds").click()
    page.get_by_role("dialog", name="Move to Phase 2: Load?").get_by_role(
        "button", name="Change phase"
    ).click()
    expect(card).to_contain_text("Saved. The change is recorded with your name")
    expect(page.get_by_role("tabpanel", name="Overview")).to_contain_text("Phase 2: Load")
    record = clinician.get(f"/clinician/patients/{patient_id}")
    assert record["profile"]["phase"] == 2
