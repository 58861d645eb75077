"""Erasing a patient erases their outcomes; erasing a clinician leaves the patient's outcomes,
without the clinician's name."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, col, func, select

from app.models import (
    CheckIn,
    CheckInActivity,
    ClinicianNote,
    Goal,
    ObjectiveTest,
    ReturnToSportReview,
)
from tests.factories import Account, link, register
from tests.outcomes.helpers import check_in, set_activities

TABLES = (CheckIn, CheckInActivity, ClinicianNote, Goal, ObjectiveTest, ReturnToSportReview)


def _counts(db: Session, patient_id: str) -> dict[str, int]:
    pid = uuid.UUID(patient_id)
    return {
        table.__name__: db.exec(
            select(func.count()).select_from(table).where(col(table.patient_id) == pid)
        ).one()
        for table in TABLES
    }


def _outcomes(client: TestClient) -> tuple[Account, Account]:
    patient, clinician = register(client), register(client, "clinician", display_name="Dr Lund")
    link(client, patient, clinician)
    (run,) = set_activities(client, patient, "Run 5 km")
    check_in(client, patient, scores={run["id"]: 3})
    base = f"/api/v1/clinician/patients/{patient.id}"
    h = clinician.headers
    client.patch(base, json={"phase": 5}, headers=h)
    strength = {"kind": "hamstring_isometric", "left": 250, "right": 300, "unit": "N"}
    assert client.post(f"{base}/tests", json=strength, headers=h).status_code == 201
    assert client.post(f"{base}/goals", json={"text": "Play again"}, headers=h).status_code == 201
    note = {"text": "Shared", "shared": True}
    assert client.post(f"{base}/notes", json=note, headers=h).status_code == 201
    confirm = {"note": "Training only"}
    answer = client.post(f"{base}/return-to-sport/confirmations", json=confirm, headers=h)
    assert answer.status_code == 201, answer.text
    return patient, clinician


def test_erasing_a_patient_erases_every_outcome(client: TestClient, db_session: Session) -> None:
    patient, _ = _outcomes(client)
    assert all(_counts(db_session, patient.id).values())
    assert client.delete("/api/v1/me", headers=patient.headers).status_code == 204
    assert not any(_counts(db_session, patient.id).values())


def test_erasing_a_clinician_keeps_the_patients_outcomes_without_the_name(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = _outcomes(client)
    assert client.delete("/api/v1/me", headers=clinician.headers).status_code == 204
    assert all(_counts(db_session, patient.id).values())
    h = patient.headers
    tests = client.get("/api/v1/me/tests", headers=h).json()["tests"]
    assert tests[0]["recorded_by"] is None
    notes = client.get("/api/v1/me/notes", headers=h).json()["notes"]
    assert notes[0]["written_by"] is None and notes[0]["text"] == "Shared"
    assert client.get("/api/v1/me/goals", headers=h).json()["goals"][0]["set_by"] is None
