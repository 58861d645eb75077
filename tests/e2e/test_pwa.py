"""The PWA in a real headless Chromium on a phone-sized screen, against a real server.

Every step goes through the UI by accessible name; the API is used only to set up other users
and to check what the server holds afterwards.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from datetime import date, timedelta

import httpx2 as httpx
import pytest
from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Error,
    Locator,
    Page,
    Playwright,
    expect,
)

from tests.e2e.helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LOG_FIELDS,
    PASSWORD,
    PHONE,
    api_register,
    api_user,
    choose,
    page_today,
    png_size,
    register_ui,
    sign_in_ui,
    unique_email,
    wait_for_service_worker,
)
from tests.live import LiveServer

pytestmark = pytest.mark.browser

DECISIONS = {"progress": "Progress", "hold": "Hold", "back_off": "Back off"}
READINESS = ["Ready", "Modified training", "Not ready", "Unknown"]
SADDLE = "Numbness around the back passage or genitals (saddle area)"


def guidance_card(page: Page) -> Locator:
    return page.get_by_test_id("guidance")


def test_register_log_today_and_see_guidance(page: Page, e2e_server: LiveServer) -> None:
    email = unique_email("patient")
    register_ui(page, "Ada Lovelace", email)

    choose(page, "Morning pain", "2")
    choose(page, "Sitting pain", "3")
    page.get_by_role("spinbutton", name="Sitting tolerance (minutes)").fill("60")
    page.get_by_role("switch", name="I did loading exercises today").check()
    # over the pain ceiling of 5: a rule fires, so the card has a reason to show
    choose(page, "Pain during loading", "6")
    choose(page, "Loading stage", "1 · Isometric holds")
    page.get_by_role("button", name="Save log").click()

    card = guidance_card(page)
    expect(card).to_be_visible()
    # today's session is logged: the guidance is about the next one (issue 14)
    expect(card.get_by_role("heading", name="Guidance for your next session")).to_be_visible()
    expect(page.get_by_role("region", name="Guidance for your next session")).to_be_visible()

    # The decision in words and with an icon (never colour alone), and it is the server's.
    patient = api_user(e2e_server.url, email, PASSWORD)
    day = page_today(page)
    served = patient.get(f"/me/logs/{day}")
    label = DECISIONS[served["guidance"]["decision"]]
    badge = card.locator(".guidance-decision .badge")
    expect(badge).to_have_text(label)
    expect(badge.locator("svg")).to_have_count(1)
    assert served["log"]["morning_pain"] == 2
    assert served["log"]["sitting_pain"] == 3
    assert served["log"]["sitting_tolerance_min"] == 60
    assert served["log"]["loading_pain"] == 6
    assert served["log"]["loading_stage"] == 1

    # What to do, component by component, and why.
    expect(card.get_by_role("heading", name="What to do")).to_be_visible()
    components = card.locator("ul.components > li")
    expect(components).to_have_count(4)
    for name in ("Loading exercises", "Running", "Nerve glides", "Sitting"):
        item = components.filter(has_text=name)
        expect(item).to_have_count(1)
        expect(item.locator(".badge")).to_have_text(re.compile("Progress|Hold|Back off"))
    expect(card.get_by_role("heading", name="Why")).to_be_visible()
    reasons = card.locator("ul.reasons > li")
    expect(reasons.first).to_be_visible()
    assert reasons.count() == len(served["guidance"]["reasons"])
    expect(reasons.first).to_have_text(served["guidance"]["reasons"][0]["message"])


def test_offline_log_survives_reload_and_syncs_exactly_once(
    context: BrowserContext, page: Page, e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url, "patient")
    sign_in_ui(page, patient.email)
    wait_for_service_worker(page)
    day = page_today(page)

    context.set_offline(True)
    expect(page.get_by_text("Offline", exact=True)).to_be_visible()
    choose(page, "Morning pain", "4")
    page.get_by_role("spinbutton", name="Sitting tolerance (minutes)").fill("35")
    page.get_by_role("textbox", name="Notes (optional)").fill("logged on the train, no signal")
    page.get_by_role("button", name="Save log").click()

    banner = page.get_by_test_id("sync-banner")
    expect(banner).to_contain_text("Saved on this phone — waiting to sync (1)")
    expect(banner.get_by_role("button", name="Sync now")).to_be_visible()

    # The app shell opens from the service worker's precache, with the entry still queued.
    page.reload()
    expect(page.get_by_role("heading", name="Today’s log", level=1)).to_be_visible()
    expect(banner).to_contain_text("Saved on this phone — waiting to sync (1)")
    expect(
        page.get_by_role("radiogroup", name="Morning pain").get_by_role(
            "radio", name="4", exact=True
        )
    ).to_be_checked()

    context.set_offline(False)
    expect(banner).to_have_count(0)
    expect(guidance_card(page)).to_be_visible()

    logs = patient.get("/me/logs")["logs"]
    assert [log["log_date"] for log in logs] == [day]
    sent = {field: logs[0][field] for field in LOG_FIELDS}
    expected = dict.fromkeys(LOG_FIELDS)
    expected |= {
        "morning_pain": 4,
        "sitting_tolerance_min": 35,
        "notes": "logged on the train, no signal",
        "red_flags": [],
        "red_flags_reviewed": False,
    }
    assert sent == expected
    assert logs[0]["version"] == 1, "an idempotent replay must not create a second revision"


def test_emergency_red_flag_takes_over_and_keeps_focus(page: Page, e2e_server: LiveServer) -> None:
    patient = api_register(e2e_server.url, "patient")
    sign_in_ui(page, patient.email)

    page.get_by_role("checkbox", name=SADDLE).check()
    expect(page.get_by_role("alert").filter(has_text="seek emergency care")).to_be_visible()
    page.get_by_role("button", name="Save log").click()

    dialog = page.get_by_role("alertdialog", name="Seek emergency care now")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="I understand")).to_be_visible()
    # the server's guidance arrives and adds its reasons to the takeover
    expect(dialog.get_by_role("listitem").first).to_be_visible()

    inside = "() => document.querySelector('[role=alertdialog]').contains(document.activeElement)"
    assert page.evaluate(inside), "the takeover must receive focus"
    for key in ["Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Escape"]:
        page.keyboard.press(key)
        assert page.evaluate(inside), f"focus left the takeover after {key}"
    # the rest of the app is inert: not in the accessibility tree, not reachable
    expect(page.get_by_role("button", name="Save log")).to_have_count(0)
    expect(dialog).to_be_visible()

    dialog.get_by_role("button", name="I understand").click()
    expect(dialog).to_have_count(0)
    card = guidance_card(page)
    expect(card).to_be_visible()
    expect(card.locator(".guidance-decision .badge")).to_have_text("Back off")
    expect(card.get_by_role("note")).to_contain_text("Seek emergency care now")
    expect(page.get_by_role("button", name="Save log")).to_be_enabled()


def test_clinician_redeems_code_and_opens_patient(
    page: Page, new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url, "patient", display_name="Grace Hopper")
    clinician = api_register(e2e_server.url, "clinician", display_name="Dr Ann Smith")
    sign_in_ui(page, patient.email)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sharing").click()
    page.get_by_role("button", name="Create code for a clinician").click()
    code = page.get_by_test_id("share-code").inner_text().strip()
    assert code

    doctor = new_context().new_page()
    sign_in_ui(doctor, clinician.email, role="clinician")
    doctor.get_by_role("textbox", name="Sharing code").fill(code)
    doctor.get_by_role("button", name="Add patient").click()
    patients = doctor.get_by_role("region", name="Your patients (most urgent first)")
    link = patients.get_by_role("heading", level=3).get_by_role("link", name="Grace Hopper")
    expect(link).to_be_visible()

    link.click()
    expect(doctor).to_have_url(re.compile(rf"/clinician/patients/{patient.id}$"))
    expect(doctor.get_by_role("heading", name="Grace Hopper", level=1)).to_be_visible()
    expect(doctor.get_by_role("combobox", name="Phase")).to_be_visible()
    expect(doctor.get_by_role("button", name="Save phase and thresholds")).to_be_visible()

    # the patient sees who holds access, and can take it back
    page.reload()
    expect(
        page.get_by_role("button", name="Revoke clinician access held by Dr Ann Smith")
    ).to_be_visible()


def test_coach_sees_readiness_and_restrictions_but_no_pain(
    page: Page, new_context: Callable[..., BrowserContext], e2e_server: LiveServer
) -> None:
    patient = api_register(e2e_server.url, "patient", display_name="Zola Budd")
    coach = api_register(e2e_server.url, "coach", display_name="Coach Carter")
    sign_in_ui(page, patient.email)
    choose(page, "Morning pain", "7")
    choose(page, "Sitting pain", "9")
    page.get_by_role("textbox", name="Notes (optional)").fill("zebra-note: sat through a long film")
    page.get_by_role("button", name="Save log").click()
    expect(guidance_card(page)).to_be_visible()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Sharing").click()
    page.get_by_role("button", name="Create code for a coach").click()
    code = page.get_by_test_id("share-code").inner_text().strip()

    coach_page = new_context().new_page()
    sign_in_ui(coach_page, coach.email, role="coach")
    coach_page.get_by_role("textbox", name="Sharing code").fill(code)
    with coach_page.expect_response(
        lambda r: r.url.endswith("/api/v1/coach/athletes") and r.status == 200
    ) as answer:
        coach_page.get_by_role("button", name="Add athlete").click()

    athlete = coach_page.locator("li.athlete-card").filter(
        has=coach_page.get_by_role("heading", name="Zola Budd")
    )
    expect(athlete).to_have_count(1)
    badge = athlete.locator(".badge")
    expect(badge).to_have_text(re.compile("|".join(READINESS)))
    expect(badge).not_to_have_text("Unknown")
    expect(badge.locator("svg")).to_have_count(1)
    expect(athlete.get_by_role("heading", name="Restrictions")).to_be_visible()
    expect(athlete.get_by_role("list").get_by_role("listitem").first).to_be_visible()
    expect(athlete).to_contain_text("Last logged ")

    text = coach_page.locator("body").inner_text()
    lowered = text.lower()
    for leak in ("/10", "zebra-note", "pain score", "morning pain", "sitting pain", "sat through"):
        assert leak not in lowered, f"coach page shows {leak!r}:\n{text}"
    html = coach_page.content()
    assert "zebra" not in html
    raw = json.dumps(answer.value.json())
    for key in ("pain", "notes", "zebra", "red_flag", "reasons"):
        assert key not in raw, f"coach API answer carries {key!r}: {raw}"


def test_app_is_installable(playwright: Playwright, e2e_server: LiveServer) -> None:
    # Installability is never reported in an incognito (non-persistent) context.
    with tempfile.TemporaryDirectory(prefix="loadline-profile-") as profile:
        ctx = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            base_url=e2e_server.url,
            **PHONE,
        )
        try:
            page = ctx.new_page()
            page.goto("/signin")
            expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
            wait_for_service_worker(page)
            cdp = ctx.new_cdp_session(page)
            errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
            assert errors == []
            manifest_url = cdp.send("Page.getAppManifest")["url"]
            assert manifest_url.endswith("/manifest.webmanifest")
        finally:
            ctx.close()

    manifest = httpx.get(f"{e2e_server.url}/manifest.webmanifest", timeout=10).json()
    assert manifest["name"] == "Loadline"
    assert manifest["display"] == "standalone"
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", manifest["theme_color"])
    assert manifest["start_url"] == "/"
    icons = {(icon["sizes"], icon.get("purpose", "any")): icon["src"] for icon in manifest["icons"]}
    for size in (192, 512):
        assert (f"{size}x{size}", "any") in icons, f"no {size} px icon"
    assert any(purpose == "maskable" for _, purpose in icons), "no maskable icon"
    for (sizes, _), src in icons.items():
        answer = httpx.get(f"{e2e_server.url}{src}", timeout=10)
        assert answer.status_code == 200
        assert answer.headers["content-type"] == "image/png"
        width, height = png_size(answer.content)
        assert f"{width}x{height}" == sizes, f"{src} is {width}x{height}, manifest says {sizes}"


def test_strict_csp_and_no_console_errors(page: Page, e2e_server: LiveServer) -> None:
    # Report every CSP violation, including those the console would not show.
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation', e =>"
        " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    console_errors: list[str] = []
    page_errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            console_errors.append(f"{message.text} {message.location}")

    def on_page_error(error: Error) -> None:
        page_errors.append(str(error))

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    violations: list[str] = []

    def collect() -> None:
        violations.extend(page.evaluate("window.__csp"))

    patient = api_register(e2e_server.url, "patient")
    response = page.goto("/signin")
    assert response is not None
    headers = response.headers
    csp = headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"

    # a few days of history so that the chart (uPlot, a lazy chunk) draws
    today = date.fromisoformat(page_today(page))
    for back, pain in ((3, 3), (2, 2), (1, 2)):
        patient.put_log((today - timedelta(days=back)).isoformat(), morning_pain=pain)
    collect()
    sign_in_ui(page, patient.email)
    choose(page, "Morning pain", "1")
    page.get_by_role("button", name="Save log").click()
    expect(guidance_card(page)).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    for link, heading in (("History", "History"), ("Sharing", "Sharing"), ("Settings", "Settings")):
        nav.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        if link == "History":
            expect(page.locator("canvas").first).to_be_visible()
    collect()
    page.reload()
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()
    collect()

    csp_messages = [m for m in console_errors + page_errors if "Content Security Policy" in m]
    assert csp_messages == []
    assert violations == []
    assert page_errors == []
    # "not logged yet" is a 404 by contract (GET /me/logs/{date}); Chromium logs any 4xx fetch
    expected_404 = re.compile(r"status of 404 .*'url': '[^']*/api/v1/me/logs/\d{4}-\d{2}-\d{2}'")
    assert [m for m in console_errors if not expected_404.search(m)] == []

    # Positive control: the listener does see a violation (an inline style attribute).
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>')")
    page.wait_for_function("() => window.__csp.some(v => v.startsWith('style-src'))")
