"""Onboarding and the account actions, in a real Chromium on a phone-sized screen against a
real server (issue 14, items 1 and 4): the three-screen introduction after registering, deleting
a day, signing out everywhere, changing the password, erasing the account with a typed word,
downloading the export, several sharing codes, confirming a revoke, and the notice that a
clinician changed the plan. The API is used only to set up and to check what the server holds.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.helpers import (
    PASSWORD,
    api_link,
    api_register,
    day_loaded,
    sign_in_ui,
    unique_email,
)
from tests.live import LiveServer

pytestmark = pytest.mark.browser


def go(page: Page, link: str) -> None:
    page.get_by_role("navigation", name="Main").get_by_role("link", name=link).click()


def token_status(base: str, email: str, password: str) -> int:
    answer = httpx.post(
        f"{base}/api/v1/auth/token", data={"username": email, "password": password}, timeout=10
    )
    return int(answer.status_code)


def me_status(base: str, token: str) -> int:
    answer = httpx.get(
        f"{base}/api/v1/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    )
    return int(answer.status_code)


def test_a_new_patient_gets_three_intro_screens_with_the_privacy_notice_then_the_intake(
    page: Page, e2e_server: LiveServer
) -> None:
    email = unique_email("patient")
    page.goto("/register")
    page.get_by_role("textbox", name="Your name").fill("Nell Newcomer")
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    expect(page).to_have_url(re.compile(r"/welcome$"))
    expect(page.get_by_role("heading", name="What Loadline does", level=1)).to_be_visible()
    expect(page.get_by_text("Introduction, step 1 of 3")).to_be_visible()
    expect(page.get_by_text("it does not replace your clinician")).to_be_visible()
    privacy = page.get_by_role("heading", name="Your privacy", level=2)
    expect(privacy).to_be_visible()
    expect(page.get_by_text("Loadline stores:")).to_be_visible()
    expect(page.get_by_text("never your pain scores or notes")).to_be_visible()

    page.get_by_role("button", name="Next").click()
    expect(page.get_by_role("heading", name="Your phase", level=1)).to_be_visible()
    expect(page.get_by_text("Phase 1: Settle")).to_be_visible()
    page.get_by_role("button", name="Next").click()
    expect(
        page.get_by_role("heading", name="Share with your clinician or coach", level=1)
    ).to_be_visible()
    expect(page.get_by_role("link", name="Sharing").last).to_be_visible()
    page.get_by_role("button", name="Fill in your intake").click()
    expect(page).to_have_url(re.compile(r"/intake$"))

    # reachable again from Settings, and skippable
    page.goto("/settings")
    page.get_by_role("link", name="Show the introduction again").click()
    expect(page.get_by_role("heading", name="What Loadline does", level=1)).to_be_visible()
    with day_loaded(page):
        page.get_by_role("button", name="Skip the introduction").click()
    expect(page.get_by_role("heading", name="Today’s log", level=1)).to_be_visible()


def test_signing_in_again_does_not_show_the_introduction_again(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)  # lands on Today's log, not /welcome
    expect(page).not_to_have_url(re.compile(r"/welcome"))


def test_deleting_a_day_on_history_asks_first_and_removes_only_that_day(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    today = date.today()
    older, newer = (today - timedelta(days=2)).isoformat(), (today - timedelta(days=1)).isoformat()
    patient.put_log(older, morning_pain=2)
    patient.put_log(newer, morning_pain=4)
    sign_in_ui(page, patient.email)
    go(page, "History")
    deletes = page.get_by_role("button", name=re.compile(r"^Delete the log for "))
    expect(deletes).to_have_count(2)

    deletes.first.click()
    keep = page.get_by_role("button", name="Keep it")
    expect(keep).to_be_focused()  # the safe answer first: a stray Enter deletes nothing
    keep.click()  # changing one's mind deletes nothing
    expect(deletes.first).to_be_focused()  # focus goes back where it was
    deletes.first.click()
    expect(keep).to_be_focused()
    page.keyboard.press("Escape")  # so does Escape
    expect(page.get_by_role("button", name="Keep it")).to_have_count(0)
    expect(deletes.first).to_be_focused()
    deletes.first.click()
    page.get_by_role("button", name=re.compile(r"^Yes, delete ")).click()
    expect(page.get_by_role("button", name=re.compile(r"^Delete the log for "))).to_have_count(1)
    done = page.get_by_test_id("day-deleted")
    expect(done).to_contain_text("was deleted")
    expect(done).to_be_focused()  # what happened, not the page's top

    logs = {log["log_date"] for log in patient.get("/me/logs")["logs"]}
    assert logs == {older}


def test_after_a_day_is_deleted_history_shows_the_later_days_new_guidance(
    page: Page, e2e_server: LiveServer
) -> None:
    """A red flag two days ago rules yesterday's guidance (RF-5); deleting that day changes it,
    and the list says so without a reload."""
    patient = api_register(e2e_server.url)
    today = date.today()
    flagged, later = today - timedelta(days=2), today - timedelta(days=1)
    patient.put_log(flagged.isoformat(), morning_pain=2, red_flags=["new_weakness"])
    patient.put_log(later.isoformat(), morning_pain=2)
    before = patient.get(f"/me/logs/{later}")["guidance"]["decision"]
    sign_in_ui(page, patient.email)
    for dialog in ("Contact your clinician today",):
        answer = page.get_by_role("alertdialog", name=dialog)
        if answer.count():
            answer.get_by_role("button", name="I understand").click()
    go(page, "History")
    rows = page.locator("ul.historylist > li")
    expect(rows).to_have_count(2)
    later_row = rows.first  # newest first
    shown_before = later_row.locator(".hl-head").inner_text()

    rows.nth(1).get_by_role("button", name=re.compile(r"^Delete the log for ")).click()
    page.get_by_role("button", name=re.compile(r"^Yes, delete ")).click()
    expect(rows).to_have_count(1)
    after = patient.get(f"/me/logs/{later}")["guidance"]["decision"]
    assert after != before, (before, after)  # the deletion did change the later day
    expect(rows.first.locator(".hl-head")).not_to_have_text(shown_before)
    # The changed day is marked, with the decision it had, and the notice counts it.
    expect(rows.first.get_by_test_id("decision-changed")).to_contain_text("Changed by the deletion")
    expect(page.get_by_test_id("day-deleted")).to_contain_text("1 later day changed")


def test_history_says_once_that_days_older_than_14_can_be_deleted_not_edited(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    today = date.today()
    for n in (1, 15, 20):
        patient.put_log((today - timedelta(days=n)).isoformat(), morning_pain=2)
    sign_in_ui(page, patient.email)
    go(page, "History")
    rows = page.locator("ul.historylist > li")
    expect(rows).to_have_count(3)
    expect(rows.first.get_by_role("link", name=re.compile(r"^Edit the log for "))).to_be_visible()
    for old in (rows.nth(1), rows.nth(2)):
        expect(old.get_by_role("link", name=re.compile(r"^Edit "))).to_have_count(0)
        expect(old.get_by_role("button", name=re.compile(r"^Delete the log for "))).to_be_visible()
    hint = page.get_by_test_id("older-days")
    expect(hint).to_have_count(1)  # once, at the first older day
    expect(rows.nth(1).get_by_test_id("older-days")).to_contain_text("only the last 14 days")


def test_sign_out_everywhere_ends_every_session_of_the_account(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    other_device = patient.token()
    assert me_status(e2e_server.url, other_device) == 200
    sign_in_ui(page, patient.email)
    go(page, "Settings")
    page.get_by_role("button", name="Sign out on every device").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert me_status(e2e_server.url, other_device) == 401


def test_changing_the_password_lets_the_new_one_in_and_not_the_old(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    sign_in_ui(page, patient.email)
    go(page, "Settings")
    page.get_by_label("Current password").fill(PASSWORD)
    page.get_by_label("New password").fill("a brand new passphrase")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed.")).to_be_visible()
    assert token_status(e2e_server.url, patient.email, "a brand new passphrase") == 200
    assert token_status(e2e_server.url, patient.email, PASSWORD) == 401


def test_erasing_the_account_needs_the_typed_word_then_the_account_is_gone(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    patient.put_log(date.today().isoformat(), morning_pain=3)
    sign_in_ui(page, patient.email)
    go(page, "Settings")
    confirm = page.get_by_role("textbox", name="Type ERASE to confirm")
    confirm.fill("erase")
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_role("alert")).to_contain_text("Type ERASE in capitals")
    assert token_status(e2e_server.url, patient.email, PASSWORD) == 200

    confirm.fill("ERASE")
    page.get_by_role("button", name="Erase my account").click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert token_status(e2e_server.url, patient.email, PASSWORD) == 401


def test_settings_downloads_the_export_as_json_csv_and_fhir(
    page: Page, e2e_server: LiveServer, tmp_path: Path
) -> None:
    patient = api_register(e2e_server.url)
    today = date.today().isoformat()
    patient.put_log(today, morning_pain=3)
    sign_in_ui(page, patient.email)
    go(page, "Settings")
    files: dict[str, str] = {}
    for fmt in ("JSON", "CSV", "FHIR"):
        with page.expect_download() as info:
            page.get_by_role("button", name=f"Download {fmt}").click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        files[fmt] = target.read_text(encoding="utf-8")
    assert today in files["JSON"] and json.loads(files["JSON"])
    rows = list(csv.reader(io.StringIO(files["CSV"])))
    assert len(rows) >= 2 and any(today in cell for row in rows for cell in row)
    assert json.loads(files["FHIR"])["resourceType"] == "Bundle"


def test_a_second_code_keeps_the_first_visible_and_revoking_access_asks_first(
    page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url)
    clinician = api_register(e2e_server.url, "clinician", display_name="Dr Kit Lane")
    api_link(patient, clinician)
    sign_in_ui(page, patient.email)
    go(page, "Sharing")
    page.get_by_role("button", name="Create code for a clinician").click()
    first = page.get_by_test_id("share-code").inner_text().strip()
    page.get_by_role("button", name="Create code for a coach").click()
    expect(page.get_by_test_id("share-code")).not_to_have_text(first)
    expect(page.get_by_test_id("earlier-share-code")).to_have_text(first)
    assert page.get_by_test_id("share-code").evaluate("e => getComputedStyle(e).whiteSpace") == (
        "nowrap"
    )
    expect(page.get_by_role("button", name=re.compile(r"^Copy code "))).to_have_count(2)

    page.get_by_role("button", name="Revoke clinician access held by Dr Kit Lane").click()
    expect(page.get_by_text("Stop Dr Kit Lane’s access?")).to_be_visible()
    page.get_by_role("button", name="Keep access").click()
    assert any(s["kind"] == "link" for s in patient.get("/me/shares")["shares"])
    page.get_by_role("button", name="Revoke clinician access held by Dr Kit Lane").click()
    page.get_by_role("button", name="Yes, stop access").click()
    expect(page.get_by_role("button", name=re.compile("held by Dr Kit Lane"))).to_have_count(0)
    assert not any(s["kind"] == "link" for s in patient.get("/me/shares")["shares"])

    # the patient's own codes and revokes are not "who looked at your data"
    log = page.get_by_role("region", name="Who looked at your data")
    expect(log).to_contain_text("Dr Kit Lane")
    expect(log).not_to_contain_text(patient.display_name)


def test_the_patient_is_told_when_a_clinician_changed_the_phase_until_they_dismiss_it(
    page: Page, e2e_server: LiveServer, new_context: Callable[..., BrowserContext]
) -> None:
    patient = api_register(e2e_server.url)
    clinician = api_register(e2e_server.url, "clinician", display_name="Dr Ida Ray")
    api_link(patient, clinician)
    changed = httpx.patch(
        f"{e2e_server.url}/api/v1/clinician/patients/{patient.id}",
        json={"phase": 2},
        headers={"Authorization": f"Bearer {clinician.token()}"},
        timeout=10,
    )
    assert changed.status_code == 200, changed.text
    sign_in_ui(page, patient.email)
    notice = page.get_by_role("region", name="Your clinician changed your plan")
    expect(notice).to_contain_text("Dr Ida Ray moved you from phase 1 to phase 2")
    notice.get_by_role("button", name="Got it").click()
    expect(notice).to_have_count(0)
    page.reload()
    expect(page.get_by_role("heading", name="Today’s log", level=1)).to_be_visible()
    expect(page.get_by_role("region", name="Your clinician changed your plan")).to_have_count(0)
