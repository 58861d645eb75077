"""Trends, never gates: no check-in, test, goal or note changes a guardrail decision. And the
dashboard notices a check-in through the status row alone (ETag moves, no per-patient query)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.models import DecisionRecord
from app.outcomes.due import check_in_due
from tests.factories import days_ago, link, put_log, register
from tests.outcomes.helpers import TODAY, check_in, set_activities

DASHBOARD = "/api/v1/clinician/patients"


def _records(db: Session, patient_id: str) -> list[tuple[Any, ...]]:
    rows = db.exec(
        select(DecisionRecord).where(col(DecisionRecord.patient_id) == uuid.UUID(patient_id))
    ).all()
    return sorted(
        (r.id, r.decision_date, r.decision, r.rules, r.superseded_at, r.inputs_digest) for r in rows
    )


def test_outcomes_change_no_decision_record_and_no_guidance(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    for n in range(9, -1, -1):
        put_log(client, patient, days_ago(TODAY, n), morning_pain=2, sitting_pain=6)
    before = _records(db_session, patient.id)
    assert len(before) == 10
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    (run,) = set_activities(client, patient, "Run 5 km")
    # The most alarming answers possible, then every other outcome there is.
    check_in(
        client, patient, confidence=0, fear=10, global_change="much_worse", scores={run["id"]: 0}
    )
    base = f"{DASHBOARD}/{patient.id}"
    strength = {"kind": "hamstring_isometric", "left": 100, "right": 300, "unit": "N"}
    assert client.post(f"{base}/tests", json=strength, headers=clinician.headers).status_code == 201
    goal = {"text": "Run a marathon next week"}
    assert client.post("/api/v1/me/goals", json=goal, headers=patient.headers).status_code == 201
    note = {"text": "Very worried", "shared": True}
    assert client.post(f"{base}/notes", json=note, headers=clinician.headers).status_code == 201
    assert client.get(f"{base}/summary", headers=clinician.headers).status_code == 200
    assert client.get("/api/v1/me/phase", headers=patient.headers).status_code == 200
    assert _records(db_session, patient.id) == before
    assert client.get("/api/v1/me/guidance", headers=patient.headers).json() == guidance


def test_the_rules_adapter_reads_no_outcome_field() -> None:
    from app.logs.rules_input import DAY_LOG_FIELDS

    outcome_words = ("confidence", "fear", "global_change", "goal", "symmetry", "check_in")
    assert not [f for f in DAY_LOG_FIELDS if any(w in f for w in outcome_words)]


def test_a_check_in_moves_the_dashboard_etag_and_its_row(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    put_log(client, patient, TODAY, morning_pain=2)
    first = client.get(DASHBOARD, headers=clinician.headers)
    etag, cursor = first.headers["etag"], first.json()["cursor"]
    assert first.json()["patients"][0]["latest_confidence"] is None
    polled = {**clinician.headers, "If-None-Match": etag}
    assert client.get(DASHBOARD, headers=polled).status_code == 304
    check_in(client, patient, confidence=7, expected=201)
    changed = client.get(DASHBOARD, headers=polled)
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    row = changed.json()["patients"][0]
    assert row["latest_confidence"] == 7 and "check_in_overdue" not in row["flags"]
    since = client.get(DASHBOARD, params={"since": cursor}, headers=clinician.headers).json()
    assert [r["patient_id"] for r in since["patients"]] == [patient.id]
    # The same answer again writes nothing: the ETag stays.
    check_in(client, patient, confidence=7, expected=200)
    polled = {**clinician.headers, "If-None-Match": changed.headers["etag"]}
    assert client.get(DASHBOARD, headers=polled).status_code == 304


def test_check_in_overdue_after_a_whole_week_without_one(client: TestClient) -> None:
    clinician = register(client, "clinician")
    fresh, old, checked = register(client), register(client), register(client)
    for patient in (fresh, old, checked):
        link(client, patient, clinician)
    put_log(client, fresh, days_ago(TODAY, 3), morning_pain=2)
    put_log(client, old, days_ago(TODAY, 9), morning_pain=2)
    put_log(client, checked, days_ago(TODAY, 20), morning_pain=2)
    check_in(client, checked, answered_on=TODAY - timedelta(days=7))
    rows = client.get(DASHBOARD, headers=clinician.headers).json()["patients"]
    overdue = {r["patient_id"]: "check_in_overdue" in r["flags"] for r in rows}
    assert overdue == {fresh.id: False, old.id: True, checked.id: False}


def test_the_public_due_function_for_reminders(client: TestClient, db_session: Session) -> None:
    patient = register(client)
    pid = uuid.UUID(patient.id)
    assert check_in_due(db_session, pid, TODAY) is True
    check_in(client, patient)
    assert check_in_due(db_session, pid, TODAY) is False
    assert check_in_due(db_session, pid, TODAY + timedelta(days=7)) is True
