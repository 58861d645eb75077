"""Shared pieces for the browser tests and the screenshot script: Chromium launch settings, a
phone-sized context, API shortcuts against a live server (httpx2) and a few UI steps.

The UI steps use accessible names only (get_by_role / get_by_label), as a screen-reader user
would find the controls.
"""

from __future__ import annotations

import re
import struct
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx2 as httpx
from playwright.sync_api import BrowserContext, Page, Response, expect

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend" / "dist"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
    "locale": "en-GB",
    "timezone_id": "UTC",
    "service_workers": "allow",
}
PASSWORD = "correct horse battery"
TIMEOUT_MS = 15_000

# The exact log fields of the API contract (api.md): everything else in a log is metadata.
LOG_FIELDS = (
    "morning_pain",
    "sitting_pain",
    "sitting_tolerance_min",
    "loading_pain",
    "loading_stage",
    "sprint_pain",
    "sprint_speed_pct",
    "glide_pain",
    "glide_type",
    "paresthesia",
    "symptom_extent",
    "red_flags",
    "red_flags_reviewed",
    "sleep",
    "fatigue",
    "stress",
    "soreness",
    "session_rpe",
    "session_min",
    "notes",
)


def dist_is_built() -> bool:
    return (DIST / "index.html").is_file() and (DIST / "sw.js").is_file()


def unique_email(role: str) -> str:
    return f"{role}-{uuid.uuid4().hex[:10]}@e2e.example.org"


# ------------------------------------------------------------------ API (live server)


@dataclass
class ApiUser:
    base_url: str
    id: str
    email: str
    password: str
    role: str
    display_name: str

    def token(self) -> str:
        """A fresh access token (its own session, independent of the browser's)."""
        answer = httpx.post(
            f"{self.base_url}/api/v1/auth/token",
            data={"username": self.email, "password": self.password},
            timeout=10,
        )
        assert answer.status_code == 200, answer.text
        return str(answer.json()["access_token"])

    def get(self, path: str, **params: Any) -> Any:
        answer = httpx.get(
            f"{self.base_url}/api/v1{path}",
            params=params or None,
            headers={"Authorization": f"Bearer {self.token()}"},
            timeout=10,
        )
        assert answer.status_code == 200, f"{path}: {answer.status_code} {answer.text}"
        return answer.json()

    def post(self, path: str, body: dict[str, Any]) -> Any:
        answer = httpx.post(
            f"{self.base_url}/api/v1{path}",
            json=body,
            headers={"Authorization": f"Bearer {self.token()}"},
            timeout=10,
        )
        assert answer.status_code in (200, 201), f"{path}: {answer.status_code} {answer.text}"
        return answer.json()

    def put_log(self, day: str, **fields: Any) -> Any:
        answer = httpx.put(
            f"{self.base_url}/api/v1/me/logs/{day}",
            json=fields,
            headers={"Authorization": f"Bearer {self.token()}"},
            timeout=10,
        )
        assert answer.status_code in (200, 201), answer.text
        return answer.json()


def api_register(
    base_url: str, role: str = "patient", display_name: str | None = None, email: str | None = None
) -> ApiUser:
    email = email or unique_email(role)
    name = display_name or f"E2E {role.title()} {uuid.uuid4().hex[:4]}"
    answer = httpx.post(
        f"{base_url}/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "display_name": name, "role": role},
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    return ApiUser(base_url, str(answer.json()["id"]), email, PASSWORD, role, name)


def api_link(patient: ApiUser, other: ApiUser, scope: str = "clinician") -> None:
    """The patient shares with a clinician (or coach) through the API: a code, then redeemed."""
    code = patient.post("/me/shares", {"scope": scope})["code"]
    other.post("/links", {"code": code})


def api_user(base_url: str, email: str, password: str) -> ApiUser:
    """An ApiUser for an existing account (e.g. the demo patient)."""
    token = httpx.post(
        f"{base_url}/api/v1/auth/token", data={"username": email, "password": password}, timeout=10
    )
    assert token.status_code == 200, token.text
    me = httpx.get(
        f"{base_url}/api/v1/me",
        headers={"Authorization": f"Bearer {token.json()['access_token']}"},
        timeout=10,
    ).json()
    return ApiUser(base_url, str(me["id"]), email, password, me["role"], me["display_name"])


# ------------------------------------------------------------------ UI steps

DAY_LOG = re.compile(r"/api/v1/me/logs/\d{4}-\d{2}-\d{2}$")


@contextmanager
def day_loaded(page: Page, role: str = "patient") -> Iterator[None]:
    """For a patient, wait until the log page has read the day from the server.

    Until then the log page (frontend/src/log/useDayLog.ts) may still replace the form with
    what it read from IndexedDB (that step does not check whether the user already answered),
    so an answer picked in that window can silently vanish. A test clicks within milliseconds;
    wait, so the tests check the behaviour they are about.
    """
    if role != "patient":
        yield
        return
    with page.expect_response(
        lambda r: r.request.method == "GET" and DAY_LOG.search(r.url) is not None
    ):
        yield


HOME_HEADING = {"patient": "Today’s log", "clinician": "Patients", "coach": "Athletes"}


def sign_in_ui(page: Page, email: str, password: str = PASSWORD, role: str = "patient") -> None:
    page.goto("/signin")
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_label("Password").fill(password)
    with day_loaded(page, role):
        page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name=HOME_HEADING[role], level=1)).to_be_visible()


def register_ui(page: Page, name: str, email: str, role: str = "Patient") -> None:
    page.goto("/signin")
    page.get_by_role("link", name="Create an account").click()
    page.get_by_role("textbox", name="Your name").fill(name)
    page.get_by_role("textbox", name="Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("radiogroup", name="I am a").get_by_role("radio", name=role).check()
    if role.lower() == "patient":
        # a new patient sees the introduction first (frontend/src/pages/Welcome.tsx)
        page.get_by_role("button", name="Create account").click()
        expect(page.get_by_role("heading", name="What Loadline does", level=1)).to_be_visible()
        with day_loaded(page):
            page.get_by_role("button", name="Skip the introduction").click()
    else:
        page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name=HOME_HEADING[role.lower()], level=1)).to_be_visible()


def choose(page: Page, group: str, option: str) -> None:
    """Pick one radio of a radiogroup (exact: "1" must not match "10")."""
    radio = page.get_by_role("radiogroup", name=group, exact=True).get_by_role(
        "radio", name=option, exact=True
    )
    radio.check()
    expect(radio).to_be_checked()


def wait_for_service_worker(page: Page) -> None:
    """The worker controls the page, so the app shell is precached (install finished)."""
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")


def open_at(
    context: BrowserContext, page: Page, when: datetime, wait_for: str | None = None
) -> Response | None:
    """Reopen the page's current address with the page's clock fixed at `when`.

    A clock moved a day on under a live page makes the app's own 60-second timer see its access
    token as expired and refresh it; a reload at that moment drops the rotated token in flight,
    and the next page presents the old one, which the server treats as reuse and ends the
    session. So the page leaves first (nothing of the app is running), the clock moves, and the
    page comes back. `wait_for` (a URL regex) also waits for that response, which must be OK.
    """
    url = page.url
    page.goto("about:blank")
    context.clock.set_fixed_time(when)
    if wait_for is None:
        return page.goto(url)
    pattern = re.compile(wait_for)
    with page.expect_response(lambda r: pattern.search(r.url) is not None and r.ok) as answer:
        page.goto(url)
    return answer.value


def page_today(page: Page, timezone: str = "UTC") -> str:
    """Today's date as the app computes it for a user in `timezone` (en-CA gives YYYY-MM-DD)."""
    return str(
        page.evaluate(
            "tz => new Intl.DateTimeFormat('en-CA', {timeZone: tz, year: 'numeric',"
            " month: '2-digit', day: '2-digit'}).format(new Date())",
            timezone,
        )
    )


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# ------------------------------------------------------------------ accessibility (axe-core)

AXE_SCRIPT = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}"""


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Every axe-core violation on the page as it is now (axe-core from frontend/node_modules,
    added as a script tag: the page's context needs bypass_csp=True, as the app's CSP forbids
    inline scripts)."""
    assert AXE_SCRIPT.is_file(), "axe-core is missing: run `cd frontend && npm ci`"
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    return list(page.evaluate(RUN_AXE))


def assert_no_serious_axe_violations(page: Page) -> None:
    """Zero serious or critical axe-core violations on the page as it is now."""
    serious = [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]
    assert not serious, f"{page.url}: " + "; ".join(
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in serious
    )
