"""Patient reminders through a real sender to a local push service: decrypted, VAPID checked."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient

from app.core.config import get_settings
from app.notify.checkin import weekly_checkin_due
from app.notify.local_push import LocalPushService, vapid_claims
from app.notify.push import public_key
from app.notify.sender import Sender
from app.notify.texts import TEXTS
from tests.factories import put_log, register
from tests.notify.conftest import SimClock, local, rounds, subscribe

FIVE_MIN = timedelta(minutes=5)
REMINDER = {
    "title": "Loadline",
    "body": "Time for today's log. It takes a minute.",
    "url": "/log",
    "tag": "daily_reminder",
}


def test_the_reminder_leaves_at_each_patients_local_20_00_unless_today_is_logged(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    oslo = register(client, timezone="Europe/Oslo")
    new_york = register(client, timezone="America/New_York")
    logged = register(client, timezone="Europe/Oslo")
    devices = {
        name: subscribe(client, who, push_service)
        for name, who in (("oslo", oslo), ("new_york", new_york), ("logged", logged))
    }
    assert put_log(client, logged, day, morning_pain=2).status_code == 201

    clock.now = local("Europe/Oslo", day, 18, 0)
    seen = rounds(sender, clock, push_service, local("America/New_York", day, 22, 0), FIVE_MIN)

    assert seen.get(devices["oslo"].endpoint) == [local("Europe/Oslo", day, 20, 0)]
    assert seen.get(devices["new_york"].endpoint) == [local("America/New_York", day, 20, 0)]
    assert devices["logged"].endpoint not in seen
    for name in ("oslo", "new_york"):
        device = devices[name]
        assert push_service.delivered(device) == [REMINDER]
        request = push_service.to(device)[0]
        assert request.headers["content-encoding"] == "aes128gcm"
        assert request.headers["ttl"] == str(TEXTS["daily_reminder"].ttl_seconds)
        assert request.headers["urgency"] == "normal" and len(request.headers["topic"]) <= 32
        claims = vapid_claims(request.headers, public_key(), audience=push_service.origin)
        assert claims["sub"] == get_settings().vapid_subject
        assert claims["aud"] == push_service.origin
        assert claims["exp"] > datetime.now(UTC).timestamp()


def test_a_reminder_is_not_sent_once_the_patient_logs_before_its_time(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    patient = register(client, timezone="America/New_York")
    device = subscribe(client, patient, push_service)
    clock.now = local("America/New_York", day, 19, 0)
    assert (
        rounds(sender, clock, push_service, local("America/New_York", day, 19, 55), FIVE_MIN) == {}
    )
    assert put_log(client, patient, day, sitting_pain=3).status_code == 201
    assert (
        rounds(sender, clock, push_service, local("America/New_York", day, 23, 55), FIVE_MIN) == {}
    )
    assert push_service.to(device) == []


def test_the_chosen_time_and_the_switch_are_respected(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    late, off = register(client, timezone="Europe/Oslo"), register(client, timezone="Europe/Oslo")
    late_device, off_device = (
        subscribe(client, late, push_service),
        subscribe(client, off, push_service),
    )
    settings = "/api/v1/me/notification-settings"
    client.patch(settings, json={"reminder_time": "21:35"}, headers=late.headers)
    client.patch(settings, json={"kinds": {"daily_reminder": False}}, headers=off.headers)
    clock.now = local("Europe/Oslo", day, 19, 0)
    seen = rounds(sender, clock, push_service, local("Europe/Oslo", day, 23, 55), FIVE_MIN)
    assert seen == {late_device.endpoint: [local("Europe/Oslo", day, 21, 35)]}
    assert push_service.to(off_device) == []


def test_the_morning_prompt_follows_a_training_day_until_the_morning_is_logged(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock
) -> None:
    day = clock.now.date()
    yesterday = day - timedelta(days=1)
    trained, rested, answered = (register(client, timezone="Europe/Oslo") for _ in range(3))
    devices = {who.id: subscribe(client, who, push_service) for who in (trained, rested, answered)}
    put_log(client, trained, yesterday, loading_pain=3, loading_stage=2)
    put_log(client, answered, yesterday, sprint_pain=2, sprint_speed_pct=60)
    put_log(client, rested, yesterday, morning_pain=2)
    put_log(client, answered, day, morning_pain=1)
    clock.now = local("Europe/Oslo", day, 6, 0)
    seen = rounds(sender, clock, push_service, local("Europe/Oslo", day, 12, 55), FIVE_MIN)
    assert seen == {devices[trained.id].endpoint: [local("Europe/Oslo", day, 8, 0)]}
    [prompt] = push_service.delivered(devices[trained.id])
    assert prompt["body"].startswith("How does it feel this morning?")
    assert prompt["tag"] == "morning_prompt"


def test_the_weekly_check_in_reminder_goes_on_thursday_evening_only_while_it_is_due(
    client: TestClient, push_service: LocalPushService, sender: Sender, clock: SimClock, db_session
) -> None:
    due, answered = register(client, timezone="UTC"), register(client, timezone="UTC")
    devices = {who.id: subscribe(client, who, push_service) for who in (due, answered)}
    today = datetime.now(UTC).date()  # the API's clock (check-ins are dated up to tomorrow)
    thursday = today - timedelta(days=(today.weekday() - 3) % 7)  # the latest Thursday
    for who in (due, answered):  # logged, so no daily reminder gets in the way
        put_log(client, who, thursday, morning_pain=1)
    activities = client.put(
        "/api/v1/me/check-ins/activities",
        json={"activities": ["Run 5 km"]},
        headers=answered.headers,
    ).json()["activities"]
    body = {
        "answered_on": thursday.isoformat(),
        "confidence": 6,
        "fear": 3,
        "global_change": "better",
        "activities": [{"activity_id": activities[0]["id"], "score": 5}],
    }
    created = client.post("/api/v1/me/check-ins", json=body, headers=answered.headers)
    assert created.status_code in (200, 201), created.text
    assert weekly_checkin_due(db_session, uuid.UUID(due.id), thursday)
    assert not weekly_checkin_due(db_session, uuid.UUID(due.id), thursday - timedelta(days=1))
    assert not weekly_checkin_due(db_session, uuid.UUID(answered.id), thursday)
    clock.now = local("UTC", thursday, 19, 0)
    seen = rounds(sender, clock, push_service, local("UTC", thursday, 23, 0), FIVE_MIN)
    assert seen == {devices[due.id].endpoint: [local("UTC", thursday, 20, 0)]}
    [nudge] = push_service.delivered(devices[due.id])
    assert nudge["tag"] == "weekly_checkin" and nudge["url"] == "/check-in"
    off = client.patch(
        "/api/v1/me/notification-settings",
        json={"kinds": {"weekly_checkin": False}},
        headers=due.headers,
    )
    assert off.json()["kinds"]["weekly_checkin"] is False


def test_no_text_carries_a_number_a_red_flag_or_a_pain_word() -> None:
    flags = ("saddle", "bladder", "bowel", "numb", "weak", "fever", "sexual", "legs", "bruis")
    for kind, text in TEXTS.items():
        words = f"{text.title} {text.body}".lower()
        assert not re.search(r"\d", words), kind
        assert not any(flag in words for flag in flags), kind
        assert "pain" not in words and "emergency" not in words and "urgent" not in words, kind
