"""Clinicians: a push within the sender's interval of an emergency flag, and the daily digest."""

from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient

from app.core.config import get_settings
from app.notify.local_push import LocalPushService
from app.notify.sender import Sender
from tests.factories import link, put_log, register
from tests.notify.conftest import SimClock, local, rounds, subscribe

ALERT = {
    "title": "Loadline: a patient needs attention",
    "body": "Open Loadline to see the referral queue.",
    "url": "/clinician",
    "tag": "patient_alert",
}


def test_a_linked_clinician_is_pushed_within_the_interval_of_an_emergency_flag(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    interval = timedelta(seconds=get_settings().notify_interval_seconds)
    patient = register(client, timezone="Europe/Oslo")
    clinician, other = register(client, "clinician"), register(client, "clinician")
    link(client, patient, clinician)
    put_log(client, patient, clock.now.date() - timedelta(days=1), morning_pain=2)
    linked_device = subscribe(client, clinician, push_service)
    other_device = subscribe(client, other, push_service)
    client.patch(
        "/api/v1/me/notification-settings",
        json={"kinds": {"daily_digest": False}},
        headers=clinician.headers,
    )
    clock.now = local("Europe/Oslo", clock.now.date(), 10, 0)
    assert rounds(sender, clock, push_service, clock.now + 2 * interval, interval) == {}

    flagged_at = clock.now
    answer = put_log(
        client, patient, clock.now.date(), morning_pain=6, red_flags=["saddle_numbness"]
    )
    assert answer.json()["guidance"]["referral"] == "emergency"
    seen = rounds(sender, clock, push_service, flagged_at + 10 * interval, interval)
    assert seen == {linked_device.endpoint: [flagged_at]}  # the first round after the flag
    assert seen[linked_device.endpoint][0] - flagged_at < interval
    [message] = push_service.delivered(linked_device)
    assert message == ALERT
    raw = push_service.to(linked_device)[0]
    assert raw.headers["urgency"] == "high"
    assert b"saddle" not in raw.body and push_service.to(other_device) == []

    # The next days' logs keep the episode open: still one alert for it.
    clock.now += timedelta(days=1)
    put_log(client, patient, clock.now.date(), morning_pain=5)
    rounds(sender, clock, push_service, clock.now + 4 * interval, interval)
    assert len(push_service.to(linked_device)) == 1


def test_the_digest_comes_at_the_clinicians_time_only_when_someone_needs_attention(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    busy, quiet = register(client, "clinician"), register(client, "clinician")
    for who in (busy, quiet):
        client.patch("/api/v1/me", json={"timezone": "Europe/Oslo"}, headers=who.headers)
        client.patch(
            "/api/v1/me/notification-settings",
            json={"kinds": {"patient_alert": False}, "digest_time": "07:30"},
            headers=who.headers,
        )
    flagged, fine = (
        register(client, timezone="Europe/Oslo"),
        register(client, timezone="Europe/Oslo"),
    )
    put_log(client, flagged, day - timedelta(days=3), red_flags=["fever_unwell"])
    put_log(client, fine, day - timedelta(days=1), morning_pain=1)
    put_log(client, fine, day, morning_pain=1)
    link(client, flagged, busy)
    link(client, fine, quiet)
    busy_device, quiet_device = (
        subscribe(client, busy, push_service),
        subscribe(client, quiet, push_service),
    )
    clock.now = local("Europe/Oslo", day, 6, 0)
    seen = rounds(
        sender, clock, push_service, local("Europe/Oslo", day, 12, 0), timedelta(minutes=5)
    )
    assert seen == {busy_device.endpoint: [local("Europe/Oslo", day, 7, 30)]}
    [digest] = push_service.delivered(busy_device)
    assert digest["tag"] == "daily_digest" and digest["url"] == "/clinician"
    assert push_service.to(quiet_device) == []
