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
from unittest.mock import patch

import pytest
from cryptography.hazmat.primitives.asymmetric import ec
from fastapi.testclient import TestClient

from app.auth import router as auth_router
from app.core.mail import Mail
from app.main import app as application
from app.notify.local_push import Device
from tests.factories import PASSWORD, Account, link, put_log, register, share_code, sign_in
from tests.mailbox import LINK, token_of
from tests.programme.helpers import ready_to_step

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


def _reset_token(client: TestClient, w: World) -> str:
    """The token of a reset link mailed to the patient (the mail is caught, not sent)."""
    mails: list[Mail] = []
    with patch.object(auth_router, "send_later", mails.append):
        asked = client.post("/api/v1/auth/password-reset", json={"email": w.patient.email})
    assert asked.status_code == 202
    found = LINK.search(mails[0].body)
    assert found is not None
    return token_of(found.group(0))


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
    ("POST", "/api/v1/auth/password-reset"): lambda c, w: (
        "POST",
        "/api/v1/auth/password-reset",
        None,
        {"json": {"email": w.patient.email}},
    ),
    ("POST", "/api/v1/auth/password-reset/confirm"): lambda c, w: (
        "POST",
        "/api/v1/auth/password-reset/confirm",
        None,
        {"json": {"token": _reset_token(c, w), "new_password": "a new passphrase"}},
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


PATIENT_BASE = "/api/v1/clinician/patients/{patient_id}"


def _simple(method: str, path: str, who: str, body: dict[str, Any] | None = None) -> Request:
    """A request needing only the world's ids: `who` is patient, clinician or coach."""

    def build(c: TestClient, w: World) -> tuple[str, str, Account | None, dict[str, Any]]:
        url = path.format(patient_id=w.patient.id)
        return method, url, getattr(w, who), ({"json": body} if body is not None else {})

    return build


def _goal(c: TestClient, w: World, caller: Account, base: str) -> str:
    answer = c.post(f"{base}/goals", json={"text": "Run 5 km"}, headers=caller.headers)
    assert answer.is_success, answer.text
    return str(answer.json()["id"])


def _note(c: TestClient, w: World) -> str:
    url = PATIENT_BASE.format(patient_id=w.patient.id) + "/notes"
    answer = c.post(url, json={"text": "Seen today"}, headers=w.clinician.headers)
    assert answer.is_success, answer.text
    return str(answer.json()["id"])


def _phase_5_patient(c: TestClient, w: World) -> str:
    """Another patient of the clinician, in phase 5 (the return-to-sport review's phase)."""
    other = register(c)
    link(c, other, w.clinician)
    url = PATIENT_BASE.format(patient_id=other.id)
    assert c.patch(url, json={"phase": 5}, headers=w.clinician.headers).is_success
    return url


def _check_in_body(c: TestClient, w: World) -> dict[str, Any]:
    url = "/api/v1/me/check-ins/activities"
    named = c.put(url, json={"activities": ["Run 5 km"]}, headers=w.patient.headers)
    activity = named.json()["activities"][0]["id"]
    return {
        "confidence": 6,
        "fear": 4,
        "global_change": "better",
        "activities": [{"activity_id": activity, "score": 5}],
    }


STRENGTH = {"kind": "hamstring_isometric", "left": 250, "right": 300, "unit": "N"}
OUTCOME_REQUESTS: dict[tuple[str, str], Request] = {
    ("PUT", "/api/v1/me/check-ins/activities"): _simple(
        "PUT", "/api/v1/me/check-ins/activities", "patient", {"activities": ["Run 5 km"]}
    ),
    ("POST", "/api/v1/me/check-ins"): lambda c, w: (
        "POST",
        "/api/v1/me/check-ins",
        w.patient,
        {"json": _check_in_body(c, w)},
    ),
    ("GET", "/api/v1/me/check-ins"): _simple("GET", "/api/v1/me/check-ins", "patient"),
    ("GET", "/api/v1/me/check-ins/export"): _simple(
        "GET", "/api/v1/me/check-ins/export", "patient"
    ),
    ("GET", "/api/v1/me/tests"): _simple("GET", "/api/v1/me/tests", "patient"),
    ("POST", "/api/v1/me/tests"): _simple(
        "POST",
        "/api/v1/me/tests",
        "patient",
        {"kind": "single_leg_bridge", "left": 20, "right": 25, "unit": "reps"},
    ),
    ("GET", "/api/v1/test-kinds"): _simple("GET", "/api/v1/test-kinds", "patient"),
    ("GET", "/api/v1/me/goals"): _simple("GET", "/api/v1/me/goals", "patient"),
    ("POST", "/api/v1/me/goals"): _simple(
        "POST", "/api/v1/me/goals", "patient", {"text": "Sit through a film"}
    ),
    ("PATCH", "/api/v1/me/goals/{goal_id}"): lambda c, w: (
        "PATCH",
        f"/api/v1/me/goals/{_goal(c, w, w.patient, '/api/v1/me')}",
        w.patient,
        {"json": {"status": "met"}},
    ),
    ("GET", "/api/v1/me/notes"): _simple("GET", "/api/v1/me/notes", "patient"),
    ("GET", "/api/v1/me/phase"): _simple("GET", "/api/v1/me/phase", "patient"),
    ("GET", "/api/v1/education"): _simple("GET", "/api/v1/education", "patient"),
    **{
        ("GET", PATIENT_BASE + tail): _simple("GET", PATIENT_BASE + tail, "clinician")
        for tail in (
            "/check-ins",
            "/tests",
            "/goals",
            "/notes",
            "/phase",
            "/return-to-sport",
            "/summary",
        )
    },
    ("POST", PATIENT_BASE + "/tests"): _simple(
        "POST", PATIENT_BASE + "/tests", "clinician", STRENGTH
    ),
    ("POST", PATIENT_BASE + "/goals"): _simple(
        "POST", PATIENT_BASE + "/goals", "clinician", {"text": "Back to football"}
    ),
    ("PATCH", PATIENT_BASE + "/goals/{goal_id}"): lambda c, w: (
        "PATCH",
        PATIENT_BASE.format(patient_id=w.patient.id)
        + f"/goals/{_goal(c, w, w.clinician, PATIENT_BASE.format(patient_id=w.patient.id))}",
        w.clinician,
        {"json": {"text": "Back to five-a-side"}},
    ),
    ("POST", PATIENT_BASE + "/notes"): _simple(
        "POST", PATIENT_BASE + "/notes", "clinician", {"text": "Seen today"}
    ),
    ("PATCH", PATIENT_BASE + "/notes/{note_id}"): lambda c, w: (
        "PATCH",
        PATIENT_BASE.format(patient_id=w.patient.id) + f"/notes/{_note(c, w)}",
        w.clinician,
        {"json": {"shared": True}},
    ),
    ("POST", PATIENT_BASE + "/return-to-sport/confirmations"): lambda c, w: (
        "POST",
        _phase_5_patient(c, w) + "/return-to-sport/confirmations",
        w.clinician,
        {"json": {"note": "Not every criterion is met yet; agreed with the patient."}},
    ),
}
REQUESTS.update(OUTCOME_REQUESTS)


def _proposal(c: TestClient, w: World) -> tuple[Account, str]:
    """A patient whose calm week with two good sessions makes today a step up: the proposal."""
    patient = register(c)
    guidance = ready_to_step(c, patient)
    return patient, str(guidance["components"]["tendon"]["proposal_id"])


def _answer(verb: str) -> Request:
    def build(c: TestClient, w: World) -> tuple[str, str, Account | None, dict[str, Any]]:
        patient, proposal = _proposal(c, w)
        return "POST", f"/api/v1/me/programme/proposals/{proposal}/{verb}", patient, {}

    return build


def _phase_2_plan(c: TestClient, w: World) -> str:
    """Another linked patient in phase 2 (running is allowed from phase 2)."""
    other = register(c)
    link(c, other, w.clinician)
    url = PATIENT_BASE.format(patient_id=other.id)
    assert c.patch(url, json={"phase": 2}, headers=w.clinician.headers).is_success
    return url + "/programme"


PLAN = PATIENT_BASE + "/programme"
HOLD = {"exercises": [{"exercise": "long_lever_bridge_hold", "sets": 3, "hold_s": 20}]}
PROGRAMME_REQUESTS: dict[tuple[str, str], Request] = {
    ("GET", "/api/v1/me/programme"): _simple("GET", "/api/v1/me/programme", "patient"),
    ("GET", "/api/v1/me/programme/history"): _simple(
        "GET", "/api/v1/me/programme/history", "patient"
    ),
    ("GET", "/api/v1/programme/library"): _simple("GET", "/api/v1/programme/library", "patient"),
    ("POST", "/api/v1/me/programme/proposals/{proposal_id}/accept"): _answer("accept"),
    ("POST", "/api/v1/me/programme/proposals/{proposal_id}/decline"): _answer("decline"),
    ("GET", PLAN): _simple("GET", PLAN, "clinician"),
    ("GET", PLAN + "/history"): _simple("GET", PLAN + "/history", "clinician"),
    ("GET", PLAN + "/exercises"): _simple("GET", PLAN + "/exercises", "clinician"),
    ("POST", PLAN + "/exercises"): _simple(
        "POST",
        PLAN + "/exercises",
        "clinician",
        {"name": "Wall press", "stage": 1, "dosing": "hold"},
    ),
    ("PUT", PLAN + "/tendon"): _simple("PUT", PLAN + "/tendon", "clinician", HOLD),
    ("PUT", PLAN + "/sitting"): _simple("PUT", PLAN + "/sitting", "clinician", {"minutes": 45}),
    ("PUT", PLAN + "/neural"): _simple(
        "PUT", PLAN + "/neural", "clinician", {"exercise": "seated_slider", "reps": 10}
    ),
    ("PUT", PLAN + "/running"): lambda c, w: (
        "PUT",
        _phase_2_plan(c, w) + "/running",
        w.clinician,
        {"json": {"band": "jog", "minutes": 20}},
    ),
    ("PUT", PLAN + "/{component}/lock"): _simple("PUT", PLAN + "/tendon/lock", "clinician"),
    ("DELETE", PLAN + "/{component}/lock"): _simple("DELETE", PLAN + "/tendon/lock", "clinician"),
}
REQUESTS.update(PROGRAMME_REQUESTS)


def _phase_6_patient(c: TestClient, w: World) -> Account:
    """Another linked patient, in phase 6 (maintenance checks)."""
    other = register(c)
    link(c, other, w.clinician)
    url = PATIENT_BASE.format(patient_id=other.id)
    assert c.patch(url, json={"phase": 6}, headers=w.clinician.headers).is_success
    return other


INTAKE_BODY = {
    "pain_duration": "3_to_12_months",
    "provocation": {
        "sitting": 6,
        "sitting_minutes": 20,
        "stairs_hills": 2,
        "fast_running": 4,
        "deep_hip_flexion": 3,
        "hamstring_stretch": 5,
    },
    "nerve": {"tingling": False},
}
WEEKLY = {"pain_week": 1, "sitting_minutes": 60, "home_programme": "yes", "flare": False}
INTAKE_REQUESTS: dict[tuple[str, str], Request] = {
    ("GET", "/api/v1/me/intake"): _simple("GET", "/api/v1/me/intake", "patient"),
    ("PUT", "/api/v1/me/intake"): _simple("PUT", "/api/v1/me/intake", "patient", INTAKE_BODY),
    ("GET", "/api/v1/me/maintenance-checks"): _simple(
        "GET", "/api/v1/me/maintenance-checks", "patient"
    ),
    ("POST", "/api/v1/me/maintenance-checks"): lambda c, w: (
        "POST",
        "/api/v1/me/maintenance-checks",
        _phase_6_patient(c, w),
        {"json": WEEKLY},
    ),
    ("GET", PATIENT_BASE + "/assessments"): _simple(
        "GET", PATIENT_BASE + "/assessments", "clinician"
    ),
    ("POST", PATIENT_BASE + "/assessments"): _simple(
        "POST",
        PATIENT_BASE + "/assessments",
        "clinician",
        {"impression": "tendon", "confirmed": True},
    ),
}
REQUESTS.update(INTAKE_REQUESTS)


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
