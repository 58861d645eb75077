"""The push API: the public key, storing and removing subscriptions, notification settings."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.core.config import get_settings
from app.notify.local_push import LocalPushService
from app.notify.push import public_key
from tests.factories import register

SUBS = "/api/v1/me/push-subscriptions"
SETTINGS = "/api/v1/me/notification-settings"


def test_the_push_key_is_the_servers_vapid_public_key(client: TestClient) -> None:
    patient = register(client)
    answer = client.get("/api/v1/me/push-key", headers=patient.headers)
    assert answer.status_code == 200
    assert answer.json() == {"enabled": True, "public_key": public_key()}
    assert client.get("/api/v1/me/push-key").status_code == 401


@pytest.mark.parametrize("role", ["patient", "clinician", "coach"])
def test_any_role_stores_and_removes_a_subscription(
    client: TestClient, push_service: LocalPushService, role: str
) -> None:
    account = register(client, role)
    device = push_service.new_device()
    body = device.subscription()
    assert client.post(SUBS, json=body, headers=account.headers).status_code == 201
    assert client.post(SUBS, json=body, headers=account.headers).status_code == 200  # same one
    settings = client.get(SETTINGS, headers=account.headers).json()
    assert settings["subscriptions"] == 1
    gone = client.request(
        "DELETE", SUBS, json={"endpoint": device.endpoint}, headers=account.headers
    )
    assert gone.status_code == 204
    again = client.request(
        "DELETE", SUBS, json={"endpoint": device.endpoint}, headers=account.headers
    )
    assert again.status_code == 404


def test_an_endpoint_moves_to_the_account_that_subscribed_last(
    client: TestClient, push_service: LocalPushService
) -> None:
    first, second = register(client), register(client)
    body = push_service.new_device().subscription()
    assert client.post(SUBS, json=body, headers=first.headers).status_code == 201
    assert client.post(SUBS, json=body, headers=second.headers).status_code == 201
    assert client.get(SETTINGS, headers=first.headers).json()["subscriptions"] == 0
    assert client.get(SETTINGS, headers=second.headers).json()["subscriptions"] == 1


def _with(body: dict, **changes: object) -> dict:
    out = {**body, "keys": dict(body["keys"])}
    for name, value in changes.items():
        if name in ("p256dh", "auth"):
            out["keys"][name] = value
        else:
            out[name] = value
    return out


def test_a_subscription_is_validated(client: TestClient, push_service: LocalPushService) -> None:
    patient = register(client)
    body = push_service.new_device().subscription()
    bad = [
        _with(body, endpoint="not a url"),
        _with(body, endpoint="ftp://push.example/x"),
        _with(body, endpoint="https://push.example/" + "x" * 1100),
        _with(body, p256dh="AAAA"),  # not a 65-byte point
        _with(body, p256dh="!!notbase64!!"),
        _with(body, auth="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),  # 30 bytes, not 16
        _with(body, extra="field"),
        {"endpoint": body["endpoint"]},
    ]
    for payload in bad:
        answer = client.post(SUBS, json=payload, headers=patient.headers)
        assert answer.status_code == 422, payload


def test_production_takes_only_https_endpoints_of_named_hosts(
    client: TestClient, push_service: LocalPushService, monkeypatch: pytest.MonkeyPatch
) -> None:
    patient = register(client)
    body = push_service.new_device().subscription()
    monkeypatch.setattr(get_settings(), "environment", "production")
    for endpoint in (
        body["endpoint"],  # http, and an address
        "https://127.0.0.1/push/x",
        "https://10.0.0.8/push/x",
        "https://localhost/push/x",
    ):
        answer = client.post(SUBS, json=_with(body, endpoint=endpoint), headers=patient.headers)
        assert answer.status_code == 422, endpoint
    ok = _with(body, endpoint="https://fcm.googleapis.com/fcm/send/abc:def")
    assert client.post(SUBS, json=ok, headers=patient.headers).status_code == 201


def test_settings_have_defaults_per_role_and_change_in_part(client: TestClient) -> None:
    patient = register(client, timezone="Europe/Oslo")
    clinician, coach = register(client, "clinician"), register(client, "coach")
    assert client.get(SETTINGS, headers=patient.headers).json() == {
        "kinds": {"daily_reminder": True, "morning_prompt": True, "weekly_checkin": True},
        "reminder_time": "20:00",
        "morning_time": "08:00",
        "digest_time": None,
        "timezone": "Europe/Oslo",
        "subscriptions": 0,
    }
    assert client.get(SETTINGS, headers=clinician.headers).json()["kinds"] == {
        "patient_alert": True,
        "daily_digest": True,
    }
    assert client.get(SETTINGS, headers=coach.headers).json()["kinds"] == {}
    changed = client.patch(
        SETTINGS,
        json={"kinds": {"morning_prompt": False}, "reminder_time": "21:30"},
        headers=patient.headers,
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert body["kinds"]["morning_prompt"] is False and body["kinds"]["daily_reminder"] is True
    assert body["reminder_time"] == "21:30" and body["morning_time"] == "08:00"
    for wrong in (
        {"reminder_time": "24:00"},
        {"reminder_time": "8pm"},
        {"kinds": {"daily_reminder": "yes"}},
        {"kinds": {"patient_alert": True}},  # not a patient's
        {"digest_time": "07:00"},
        {"unknown": 1},
    ):
        assert client.patch(SETTINGS, json=wrong, headers=patient.headers).status_code == 422
    assert (
        client.patch(SETTINGS, json={"digest_time": "07:15"}, headers=clinician.headers).json()[
            "digest_time"
        ]
        == "07:15"
    )
