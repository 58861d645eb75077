"""Builders for the intake tests, through the public API."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account

INTAKE = "/api/v1/me/intake"
CHECKS = "/api/v1/me/maintenance-checks"
DASHBOARD = "/api/v1/clinician/patients"


def provocation(**overrides: Any) -> dict[str, Any]:
    return {
        "sitting": 7,
        "sitting_minutes": 20,
        "stairs_hills": 3,
        "fast_running": 5,
        "deep_hip_flexion": 4,
        "hamstring_stretch": 4,
    } | overrides


def intake_body(**overrides: Any) -> dict[str, Any]:
    return {
        "sport": "Football",
        "weekly_running_km": 25,
        "want_back": "Play a full match",
        "pain_duration": "3_to_12_months",
        "provocation": provocation(),
        "nerve": {"tingling": False},
        "red_flags": [],
    } | overrides


def put_intake(client: TestClient, patient: Account, **overrides: Any) -> dict[str, Any]:
    answer = client.put(INTAKE, json=intake_body(**overrides), headers=patient.headers)
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def set_phase(client: TestClient, clinician: Account, patient: Account, phase: int) -> None:
    url = f"{DASHBOARD}/{patient.id}"
    answer = client.patch(url, json={"phase": phase}, headers=clinician.headers)
    assert answer.status_code == 200, answer.text


def weekly(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "weekly",
        "pain_week": 1,
        "sitting_minutes": 90,
        "home_programme": "yes",
        "flare": False,
    } | overrides


def recheck(**overrides: Any) -> dict[str, Any]:
    return weekly(kind="recheck", provocation=provocation(sitting=2, sitting_minutes=120)) | (
        overrides
    )


def row_of(client: TestClient, clinician: Account, patient: Account) -> dict[str, Any]:
    rows = client.get(DASHBOARD, headers=clinician.headers).json()["patients"]
    found: dict[str, Any] = next(r for r in rows if r["patient_id"] == patient.id)
    return found
