"""Notifications in the PWA, in real Chromium against a live server of their own.

What headless Chromium allows (checked): with the permission granted, a real
`pushManager.subscribe({userVisibleOnly: true, applicationServerKey: <the app's VAPID key>})`
rejects with "AbortError: Registration failed - permission denied": headless Chromium has no
push service, and no browser lets a page choose its push endpoint. So the browser side is tested
up to the API: only `PushManager.prototype.subscribe`/`getSubscription` are replaced in the page
(add_init_script), returning a subscription whose endpoint is the test's local push service and
whose keys are a real P-256 key pair and auth secret made in this test. Everything else is real:
the offer after the third log, the permission, the POST, the stored row, a real sender driven by a
test clock, Web Push encryption and VAPID, and the service worker's push and notificationclick
handlers (run inside the real worker with Playwright's service-worker evaluate).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Worker, expect
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from app.core.db import configure_sqlite
from app.models import PushSubscription
from app.notify.local_push import Device, LocalPushService, vapid_claims
from app.notify.sender import Sender
from tests.conftest import skip_or_fail
from tests.e2e.helpers import (
    CHROMIUM,
    PHONE,
    TIMEOUT_MS,
    ApiUser,
    api_register,
    choose,
    dist_is_built,
    page_today,
    sign_in_ui,
    wait_for_service_worker,
)
from tests.live import LiveServer, live_server

OFFER = "Get a reminder at 20:00 on days you haven’t logged"

# Stands in for the browser's push service only: subscribe() resolves with the test's
# subscription and remembers the key it was given; getSubscription() sees it afterwards.
STUB_SUBSCRIBE = """
(sub => {
  if (!('PushManager' in self)) return;
  const FLAG = 'e2e-stub-push-subscribed';  // survives reloads, as a real subscription does
  const make = () => ({
    endpoint: sub.endpoint,
    expirationTime: null,
    options: {},
    toJSON: () => sub,
    getKey: () => null,
    unsubscribe: async () => { localStorage.removeItem(FLAG); return true; },
  });
  PushManager.prototype.subscribe = async function (options) {
    const key = new Uint8Array(options.applicationServerKey);
    const b64 = btoa(String.fromCharCode(...key));
    self.__subscribedWith = { userVisibleOnly: options.userVisibleOnly,
      key: b64.replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '') };
    localStorage.setItem(FLAG, '1');
    return make();
  };
  PushManager.prototype.getSubscription = async function () {
    return localStorage.getItem(FLAG) ? make() : null;
  };
})(%s)
"""


@pytest.fixture(scope="module")
def notify_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of its own: the sender below takes the lease with a clock set to tomorrow."""
    if not dist_is_built():
        skip_or_fail("frontend/dist is not built; run `make frontend`")
    if not CHROMIUM.is_file():
        skip_or_fail("Chromium not found at /usr/bin/chromium; install the chromium package")
    with live_server(tmp_path_factory.mktemp("notify-e2e"), name="notify_e2e") as server:
        yield server


@pytest.fixture
def phone(browser: Browser, notify_server: LiveServer) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=notify_server.url, **PHONE)
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.grant_permissions(["notifications"], origin=notify_server.url)
    yield ctx
    ctx.close()


@pytest.fixture
def push_service() -> Iterator[LocalPushService]:
    with LocalPushService() as service:
        yield service


@pytest.fixture
def engine(notify_server: LiveServer) -> Iterator[Engine]:
    made = create_engine(notify_server.database_url)
    if notify_server.database_url.startswith("sqlite"):
        configure_sqlite(made, 10000)
    yield made
    made.dispose()


def log_days_by_api(patient: ApiUser, today: str, days_back: list[int]) -> None:
    for back in days_back:
        day = (date.fromisoformat(today) - timedelta(days=back)).isoformat()
        patient.put_log(day, morning_pain=1)


def offer(page: Page) -> Any:
    return page.get_by_role("region", name="Daily reminder")


def wait_for_logged_days(page: Page, count: int) -> None:
    """The log page has read the list from the server: the date strip marks `count` days."""
    expect(page.get_by_role("link", name=re.compile(r", logged(, [a-z ]+)?$"))).to_have_count(count)


def sessions_on(engine: Engine) -> Callable[[], AbstractContextManager[Session]]:
    return lambda: Session(engine, expire_on_commit=False)


def test_reminder_offer_comes_after_the_third_log_and_its_subscription_receives_the_reminder(
    phone: BrowserContext, notify_server: LiveServer, push_service: LocalPushService, engine: Engine
) -> None:
    device: Device = push_service.new_device()  # a real P-256 key pair and auth secret
    phone.add_init_script(STUB_SUBSCRIBE % json.dumps(device.subscription()))
    page = phone.new_page()
    patient = api_register(notify_server.url, "patient")

    # First visit: nothing logged, no offer.
    sign_in_ui(page, patient.email)
    wait_for_service_worker(page)
    today = page_today(page)
    wait_for_logged_days(page, 0)
    expect(page.get_by_role("button", name="Save log")).to_be_visible()
    expect(offer(page)).to_have_count(0)

    # Two logs: still no offer.
    log_days_by_api(patient, today, [2, 1])
    page.reload()
    wait_for_logged_days(page, 2)
    expect(page.get_by_role("button", name="Save log")).to_be_visible()
    expect(offer(page)).to_have_count(0)

    # The third log, in the app: the offer appears, with its reason.
    choose(page, "Morning pain", "2")
    page.get_by_role("button", name="Save log").click()
    expect(page.get_by_test_id("guidance")).to_be_visible()
    expect(offer(page)).to_be_visible()
    expect(offer(page)).to_contain_text(OFFER)
    assert patient.get("/me/notification-settings")["subscriptions"] == 0

    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/me/push-subscriptions") and r.request.method == "POST"
    ) as posted:
        offer(page).get_by_role("button", name="Turn on reminders").click()
    assert posted.value.status == 201
    expect(offer(page)).to_contain_text("Reminders are on.")
    used = page.evaluate("() => self.__subscribedWith")
    server_key = patient.get("/me/push-key")["public_key"]
    assert used == {"userVisibleOnly": True, "key": server_key.rstrip("=")}

    # The server stored this browser's subscription for this patient.
    with Session(engine) as session:
        rows = session.exec(select(PushSubscription)).all()
        assert [(str(r.user_id), r.endpoint) for r in rows] == [(patient.id, device.endpoint)]
    assert patient.get("/me/notification-settings")["subscriptions"] == 1

    # A real sender on the server's database, clock at 20:00:30 tomorrow (UTC, the patient's
    # zone): tomorrow is not logged yet, so the reminder leaves, encrypted for this subscription.
    tomorrow = date.fromisoformat(today) + timedelta(days=1)
    at = datetime.combine(tomorrow, time(20, 0, 30), tzinfo=UTC)
    sender = Sender(lambda: at, sessions=sessions_on(engine), name="e2e-notify-sender")
    try:
        sender.round()
    finally:
        sender.stop()
    messages = push_service.delivered(device)
    reminders = [m for m in messages if m["tag"] == "daily_reminder"]
    assert reminders == [
        {
            "title": "Loadline",
            "body": "Time for today's log. It takes a minute.",
            "url": "/log",
            "tag": "daily_reminder",
        }
    ]
    got = push_service.to(device)[0]
    origin = device.endpoint.split("/push/")[0]
    assert vapid_claims(got.headers, server_key, origin)["sub"].startswith(("mailto:", "https:"))

    # Signing out stops this device's notifications: the server forgets the subscription.
    page.goto("/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_role("heading", name="Sign in", level=1)).to_be_visible()
    assert patient.get("/me/notification-settings")["subscriptions"] == 0
    assert (
        page.evaluate(
            "() => navigator.serviceWorker.ready.then(r => r.pushManager.getSubscription())"
        )
        is None
    )


def test_not_now_hides_the_offer_and_is_remembered_after_a_reload(
    phone: BrowserContext, notify_server: LiveServer
) -> None:
    page = phone.new_page()
    patient = api_register(notify_server.url, "patient")
    today = datetime.now(UTC).date().isoformat()  # the phone's zone is UTC
    log_days_by_api(patient, today, [3, 2, 1])
    sign_in_ui(page, patient.email)
    expect(offer(page)).to_be_visible()

    offer(page).get_by_role("button", name="Not now").click()
    status = offer(page).get_by_role("status")
    expect(status).to_have_text("No reminders for now. You can turn them on any time in Settings.")
    expect(status).to_be_focused()
    expect(offer(page).get_by_role("button")).to_have_count(0)
    page.reload()
    wait_for_logged_days(page, 3)
    expect(page.get_by_role("button", name="Save log")).to_be_visible()
    expect(offer(page)).to_have_count(0)
    assert patient.get("/me/notification-settings")["subscriptions"] == 0


# Run inside the real service worker: dispatch a push event, wait for its notification.
SHOW_PUSH = """async (message) => {
  for (const n of await self.registration.getNotifications()) n.close();
  self.dispatchEvent(new PushEvent('push', { data: JSON.stringify(message) }));
  for (let i = 0; i < 50; i++) {
    const list = await self.registration.getNotifications({ tag: message.tag });
    const seen = (n) => ({ title: n.title, body: n.body, tag: n.tag, data: n.data });
    if (list.length) return list.map(seen);
    await new Promise((r) => setTimeout(r, 100));
  }
  return [];
}"""
# ... and tap the notification with this tag.
TAP = """async (tag) => {
  const [n] = await self.registration.getNotifications({ tag });
  self.dispatchEvent(new NotificationEvent('notificationclick', { notification: n }));
}"""


def service_worker(context: BrowserContext, page: Page) -> Worker:
    wait_for_service_worker(page)
    workers = context.service_workers
    assert workers, "no service worker"
    return workers[0]


def test_the_service_worker_shows_a_push_and_a_tap_opens_its_page_on_this_origin_only(
    phone: BrowserContext, notify_server: LiveServer
) -> None:
    page = phone.new_page()
    patient = api_register(notify_server.url, "patient")
    sign_in_ui(page, patient.email)
    worker = service_worker(phone, page)

    page.goto("/settings")
    expect(page.get_by_role("heading", name="Settings", level=1)).to_be_visible()

    # A push event with the server's payload: the notification shows its title and body.
    payload = {
        "title": "Loadline",
        "body": "Time for today's log. It takes a minute.",
        "url": "/log",
        "tag": "daily_reminder",
    }
    shown = worker.evaluate(SHOW_PUSH, payload)
    assert shown == [
        {
            "title": "Loadline",
            "body": "Time for today's log. It takes a minute.",
            "tag": "daily_reminder",
            "data": {"url": "/log"},
        }
    ]

    # A tap: the open window is moved to the payload's page, today's log.
    worker.evaluate(TAP, "daily_reminder")
    expect(page).to_have_url(f"{notify_server.url}/log")
    expect(page.get_by_role("heading", name="Today’s log", level=1)).to_be_visible()

    # A payload naming another origin opens the app's start page instead.
    elsewhere = {"title": "Loadline", "body": "x", "url": "https://elsewhere.example/", "tag": "t"}
    assert worker.evaluate(SHOW_PUSH, elsewhere)[0]["data"] == {"url": elsewhere["url"]}
    worker.evaluate(TAP, "t")
    expect(page).to_have_url(f"{notify_server.url}/")


def test_settings_change_kinds_time_and_zone_and_turn_this_device_on_and_off(
    phone: BrowserContext, notify_server: LiveServer, push_service: LocalPushService
) -> None:
    device = push_service.new_device()
    phone.add_init_script(STUB_SUBSCRIBE % json.dumps(device.subscription()))
    page = phone.new_page()
    patient = api_register(notify_server.url, "patient")
    sign_in_ui(page, patient.email)
    wait_for_service_worker(page)
    page.goto("/settings")
    section = page.get_by_role("region", name="Notifications")
    expect(section).to_contain_text("No device of yours gets notifications yet.")

    section.get_by_role("switch", name=re.compile("^Morning check-in prompt")).uncheck()
    section.get_by_label("Reminder time").fill("21:15")
    section.get_by_role("textbox", name="Time zone for these times").fill("Europe/Oslo")
    section.get_by_role("button", name="Save notification settings").click()
    expect(section.get_by_text("Notification settings saved.")).to_be_visible()
    saved = patient.get("/me/notification-settings")
    assert saved["kinds"] == {
        "daily_reminder": True,
        "morning_prompt": False,
        "weekly_checkin": True,
    }
    assert (saved["reminder_time"], saved["timezone"]) == ("21:15", "Europe/Oslo")

    section.get_by_role("button", name="Turn on notifications on this device").click()
    expect(section.get_by_text("This device now gets notifications.")).to_be_visible()
    assert patient.get("/me/notification-settings")["subscriptions"] == 1
    section.get_by_role("button", name="Turn off notifications on this device").click()
    expect(section.get_by_text("This device will get no more notifications.")).to_be_visible()
    assert patient.get("/me/notification-settings")["subscriptions"] == 0

    # A bad time zone is a problem in words at the field, not a crash.
    section.get_by_role("textbox", name="Time zone for these times").fill("Mars/Olympus")
    section.get_by_role("button", name="Save notification settings").click()
    expect(section.locator(".error")).to_be_visible()
    assert patient.get("/me/notification-settings")["timezone"] == "Europe/Oslo"


IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)


@pytest.mark.parametrize(
    ("overrides", "script", "says"),
    [
        ({"user_agent": IPHONE_SAFARI}, "", "reminders work only in the installed app"),
        ({}, "delete window.PushManager;", "This browser cannot receive notifications"),
    ],
    ids=["ios-safari-not-installed", "no-push-manager"],
)
def test_settings_say_plainly_where_this_browser_cannot_push_and_the_log_page_never_asks(
    browser: Browser,
    notify_server: LiveServer,
    overrides: dict[str, Any],
    script: str,
    says: str,
) -> None:
    ctx = browser.new_context(base_url=notify_server.url, **{**PHONE, **overrides})
    ctx.set_default_timeout(TIMEOUT_MS)
    try:
        if script:
            ctx.add_init_script(script)
        page = ctx.new_page()
        patient = api_register(notify_server.url, "patient")
        log_days_by_api(patient, datetime.now(UTC).date().isoformat(), [3, 2, 1])
        sign_in_ui(page, patient.email)
        wait_for_logged_days(page, 3)
        expect(offer(page)).to_have_count(0)
        page.goto("/settings")
        section = page.get_by_role("region", name="Notifications")
        expect(section).to_contain_text(says)
        expect(
            section.get_by_role("button", name=re.compile("notifications on this device"))
        ).to_have_count(0)
    finally:
        ctx.close()


def test_a_clinician_sets_alerts_and_the_summary_time_and_a_coach_is_told_there_are_none(
    browser: Browser, phone: BrowserContext, notify_server: LiveServer
) -> None:
    page = phone.new_page()
    clinician = api_register(notify_server.url, "clinician")
    sign_in_ui(page, clinician.email, role="clinician")
    page.goto("/settings")
    section = page.get_by_role("region", name="Notifications")
    expect(section.get_by_role("switch")).to_have_count(2)
    expect(section).to_contain_text("They say only that a patient needs attention")
    section.get_by_role("switch", name=re.compile("^Daily summary")).uncheck()
    section.get_by_label("Daily summary time").fill("07:30")
    section.get_by_role("button", name="Save notification settings").click()
    expect(section.get_by_text("Notification settings saved.")).to_be_visible()
    saved = clinician.get("/me/notification-settings")
    assert saved["kinds"] == {"patient_alert": True, "daily_digest": False}
    assert saved["digest_time"] == "07:30"

    coach = api_register(notify_server.url, "coach")
    other = browser.new_context(base_url=notify_server.url, **PHONE)
    other.set_default_timeout(TIMEOUT_MS)
    try:
        coach_page = other.new_page()
        sign_in_ui(coach_page, coach.email, role="coach")
        coach_page.goto("/settings")
        coach_section = coach_page.get_by_role("region", name="Notifications")
        expect(coach_section).to_contain_text("Your account gets no notifications.")
        expect(coach_section.get_by_role("switch")).to_have_count(0)
    finally:
        other.close()
