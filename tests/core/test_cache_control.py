"""Every API answer carrying health data or tokens says `Cache-Control: no-store` (RFC 6749
section 5.1 for tokens); the polled lists keep `private, no-cache` (revalidated with ETags).

The test walks the OpenAPI document: every operation must have a request below that answers
2xx, so a new route is checked as soon as it is documented."""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.testclient import TestClient

from app.main import app as application
from app.notify.local_push import Device
from tests.factories import PASSWORD, Account, link, put_log, register, share_code, sign_in

TODAY = datetime.now(UTC).date()
POLLED = {("GET", "/api/v1/clinician/patients"), ("GET", "/api/v1/coach/athletes")}


@dataclass
class World:
    patient: Account
    clinician: Account
    coach: Account


Request = Callable[[TestClient, World], tuple[str, str, Account | None, dict[str, Any]]]


def _share_id(client: TestClient, w: World) -> str:
    return str(share_code(client, w.patient, "coach")["id"])


REQUESTS: dict[tuple[str, str], Request] = {
    ("POST", "/api/v1/auth/register"): lambda c, w: (
        "POST",
        "/api/v1/auth/register",
        None,
        {
            "json": {
                "email": f"new-{w.patient.id}@example.org",
                "password": PASSWORD,
                "display_name": "New",
                "role": "patient",
            }
        },
    ),
    ("POST", "/api/v1/auth/token"): lambda c, w: (
        "POST",
        "/api/v1/auth/token",
        None,
        {"data": {"username": w.patient.email, "password": PASSWORD}},
    ),
    ("POST", "/api/v1/auth/refresh"): lambda c, w: (
        "POST",
        "/api/v1/auth/refresh",
        None,
        {"json": {"refresh_token": w.patient.refresh_token}},
    ),
    ("POST", "/api/v1/auth/logout"): lambda c, w: ("POST", "/api/v1/auth/logout", w.patient, {}),
    ("POST", "/api/v1/auth/logout-all"): lambda c, w: (
        "POST",
        "/api/v1/auth/logout-all",
        w.patient,
        {},
    ),
    ("GET", "/api/v1/me"): lambda c, w: ("GET", "/api/v1/me", w.patient, {}),
    ("PATCH", "/api/v1/me"): lambda c, w: (
        "PATCH",
        "/api/v1/me",
        w.patient,
        {"json": {"display_name": "Renamed"}},
    ),
    ("DELETE", "/api/v1/me"): lambda c, w: ("DELETE", "/api/v1/me", w.patient, {}),
    ("POST", "/api/v1/me/password"): lambda c, w: (
        "POST",
        "/api/v1/me/password",
        w.patient,
        {"json": {"current_password": PASSWORD, "new_password": PASSWORD + " 2"}},
    ),
    ("PUT", "/api/v1/me/logs/{log_date}"): lambda c, w: (
        "PUT",
        f"/api/v1/me/logs/{TODAY}",
        w.patient,
        {"json": {"morning_pain": 3}},
    ),
    ("GET", "/api/v1/me/logs/{log_date}"): lambda c, w: (
        "GET",
        f"/api/v1/me/logs/{TODAY - timedelta(days=1)}",
        w.patient,
        {},
    ),
    ("DELETE", "/api/v1/me/logs/{log_date}"): lambda c, w: (
        "DELETE",
        f"/api/v1/me/logs/{TODAY - timedelta(days=1)}",
        w.patient,
        {},
    ),
    ("GET", "/api/v1/me/logs"): lambda c, w: ("GET", "/api/v1/me/logs", w.patient, {}),
    ("GET", "/api/v1/me/guidance"): lambda c, w: ("GET", "/api/v1/me/guidance", w.patient, {}),
    ("GET", "/api/v1/me/export"): lambda c, w: (
        "GET",
        "/api/v1/me/export?format=csv",
        w.patient,
        {},
    ),
    ("GET", "/api/v1/me/shares"): lambda c, w: ("GET", "/api/v1/me/shares", w.patient, {}),
    ("POST", "/api/v1/me/shares"): lambda c, w: (
        "POST",
        "/api/v1/me/shares",
        w.patient,
        {"json": {"scope": "clinician"}},
    ),
    ("DELETE", "/api/v1/me/shares/{share_id}"): lambda c, w: (
        "DELETE",
        f"/api/v1/me/shares/{_share_id(c, w)}",
        w.patient,
        {},
    ),
    ("POST", "/api/v1/links"): lambda c, w: (
        "POST",
        "/api/v1/links",
        register(c, "clinician"),  # one not linked yet
        {"json": {"code": share_code(c, w.patient, "clinician")["code"]}},
    ),
    ("GET", "/api/v1/me/access-log"): lambda c, w: (
        "GET",
        "/api/v1/me/access-log",
        w.patient,
        {},
    ),
    ("GET", "/api/v1/clinician/patients"): lambda c, w: (
        "GET",
        "/api/v1/clinician/patients",
        w.clinician,
        {},
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}"): lambda c, w: (
        "GET",
        f"/api/v1/clinician/patients/{w.patient.id}",
        w.clinician,
        {},
    ),
    ("PATCH", "/api/v1/clinician/patients/{patient_id}"): lambda c, w: (
        "PATCH",
        f"/api/v1/clinician/patients/{w.patient.id}",
        w.clinician,
        {"json": {"phase": 2}},
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}/logs"): lambda c, w: (
        "GET",
        f"/api/v1/clinician/patients/{w.patient.id}/logs",
        w.clinician,
        {},
    ),
    ("GET", "/api/v1/clinician/patients/{patient_id}/decisions"): lambda c, w: (
        "GET",
        f"/api/v1/clinician/patients/{w.patient.id}/decisions?date={TODAY - timedelta(days=1)}",
        w.clinician,
        {},
    ),
    ("POST", "/api/v1/clinician/patients/{patient_id}/clearances"): lambda c, w: (
        "POST",
        f"/api/v1/clinician/patients/{w.patient.id}/clearances",
        w.clinician,
        {"json": {"checked_on": TODAY.isoformat()}},
    ),
    ("GET", "/api/v1/coach/athletes"): lambda c, w: ("GET", "/api/v1/coach/athletes", w.coach, {}),
    ("GET", "/api/v1/me/push-key"): lambda c, w: ("GET", "/api/v1/me/push-key", w.patient, {}),
    ("POST", "/api/v1/me/push-subscriptions"): lambda c, w: (
        "POST",
        "/api/v1/me/push-subscriptions",
        w.patient,
        {"json": _device().subscription()},
    ),
    ("DELETE", "/api/v1/me/push-subscriptions"): lambda c, w: (
        "DELETE",
        "/api/v1/me/push-subscriptions",
        w.patient,
        {"json": {"endpoint": _subscribed(c, w)}},
    ),
    ("GET", "/api/v1/me/notification-settings"): lambda c, w: (
        "GET",
        "/api/v1/me/notification-settings",
        w.patient,
        {},
    ),
    ("PATCH", "/api/v1/me/notification-settings"): lambda c, w: (
        "PATCH",
        "/api/v1/me/notification-settings",
        w.patient,
        {"json": {"reminder_time": "21:30"}},
    ),
    ("GET", "/api/v1/clinician/referrals"): lambda c, w: (
        "GET",
        "/api/v1/clinician/referrals",
        w.clinician,
        {},
    ),
    ("POST", "/api/v1/clinician/referrals/{item_id}/acknowledge"): lambda c, w: (
        "POST",
        f"/api/v1/clinician/referrals/{_first_referral(c, w)}/acknowledge",
        w.clinician,
        {},
    ),
}


def _device() -> Device:
    key = ec.generate_private_key(ec.SECP256R1())
    return Device(f"https://push.example.org/{uuid.uuid4()}", key, secrets.token_bytes(16))


def _subscribed(client: TestClient, w: World) -> str:
    subscription = _device().subscription()
    answer = client.post(
        "/api/v1/me/push-subscriptions", json=subscription, headers=w.patient.headers
    )
    assert answer.is_success, answer.text
    return str(subscription["endpoint"])


def _first_referral(client: TestClient, w: World) -> str:
    items = client.get("/api/v1/clinician/referrals", headers=w.clinician.headers).json()["items"]
    return str(items[0]["id"])


def _operations() -> list[tuple[str, str]]:
    paths = application.openapi()["paths"]
    return sorted(
        (method.upper(), path)
        for path, operations in paths.items()
        if path.startswith("/api/")
        for method in operations
    )


def test_every_documented_api_operation_is_walked() -> None:
    assert set(_operations()) == set(REQUESTS)


@pytest.fixture
def world(client: TestClient) -> World:
    patient = register(client)
    clinician, coach = register(client, "clinician"), register(client, "coach")
    link(client, patient, clinician)
    link(client, patient, coach)
    # yesterday's red flag opens an episode (the clearance has one to close)
    assert put_log(
        client, patient, TODAY - timedelta(days=1), red_flags=["fever_unwell"]
    ).is_success
    return World(patient, clinician, coach)


@pytest.mark.parametrize("operation", _operations(), ids=" ".join)
def test_each_api_answer_says_how_it_may_be_cached(
    client: TestClient, world: World, operation: tuple[str, str]
) -> None:
    method, url, caller, kwargs = REQUESTS[operation](client, world)
    headers = caller.headers if caller else {}
    if operation == ("POST", "/api/v1/auth/token"):
        sign_in(client, world.patient.email)  # a second sign-in: still no-store
    answer = client.request(method, url, headers=headers, **kwargs)
    assert answer.is_success, (operation, answer.status_code, answer.text)
    expected = "private, no-cache" if operation in POLLED else "no-store"
    assert answer.headers.get("cache-control") == expected, (operation, answer.headers)


def test_errors_of_the_api_are_not_stored_either(client: TestClient) -> None:
    answer = client.get("/api/v1/me")
    assert answer.status_code == 401
    assert answer.headers["cache-control"] == "no-store"
