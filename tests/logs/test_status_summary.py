"""The status row's summary of the history (app/logs/status_inputs.py): a recompute reads it
instead of querying the whole history, and decides exactly as it would from the history."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event, text
from sqlmodel import Session, col, select

from app.core.db import get_engine
from app.models import DecisionRecord, PatientStatus
from tests.factories import Account, put_log, register

TODAY = datetime.now(UTC).date()
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}
SESSION = {"loading_pain": 2, "loading_stage": 1}


def _status(db: Session, patient: Account) -> PatientStatus:
    db.expire_all()
    return db.exec(
        select(PatientStatus).where(PatientStatus.patient_id == uuid.UUID(patient.id))
    ).one()


def _history_with_an_old_flag_and_old_step_ups(client: TestClient) -> Account:
    """Ten weeks: steady days with sessions (so components step up), a fever flag 50 days ago
    that two quiet days closed, and a new-weakness flag 40 days ago nobody has checked."""
    patient = register(client)
    for n in range(70, -1, -1):
        day = TODAY - timedelta(days=n)
        fields: dict[str, Any] = dict(STEADY)
        if n % 3 == 0:
            fields |= SESSION
        if n == 50:
            fields["red_flags"] = ["fever_unwell"]
        if n == 40:
            fields["red_flags"] = ["new_weakness"]
        assert put_log(client, patient, day, **fields).status_code == 201
    return patient


def test_the_row_keeps_the_earliest_flagged_day_and_each_components_last_step_up(
    client: TestClient, db_session: Session
) -> None:
    patient = _history_with_an_old_flag_and_old_step_ups(client)
    status = _status(db_session, patient)
    assert status.episode_days_from == TODAY - timedelta(days=50)
    progressed = db_session.exec(
        select(DecisionRecord.decision_date, DecisionRecord.rules).where(
            DecisionRecord.patient_id == uuid.UUID(patient.id),
            col(DecisionRecord.superseded_at).is_(None),
            col(DecisionRecord.progressed),
        )
    ).all()
    expected: dict[str, str] = {}
    for day, rules in progressed:
        for rule, component in (("PR-1", "tendon"), ("PR-4", "sitting")):
            if rule in rules.split() and day.isoformat() > expected.get(component, ""):
                expected[component] = day.isoformat()
    assert expected and {k: v for k, v in status.step_ups.items() if k in expected} == expected
    # Editing the flag away leaves the earliest day where it was (only ever too early).
    put_log(client, patient, TODAY - timedelta(days=50), **STEADY)
    assert _status(db_session, patient).episode_days_from == TODAY - timedelta(days=50)


def test_a_write_reads_the_summary_instead_of_the_whole_history(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    for n in range(40, 0, -1):
        fields = STEADY | (SESSION if n % 3 == 0 else {})
        put_log(client, patient, TODAY - timedelta(days=n), **fields)
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(get_engine(), "before_cursor_execute", record)
    try:
        assert put_log(client, patient, TODAY, **STEADY).status_code == 201
    finally:
        event.remove(get_engine(), "before_cursor_execute", record)
    history_reads = [
        s
        for s in seen
        if "has_red_flags OR" in s or "ORDER BY decision_records.decision_date DESC" in s
    ]
    assert history_reads == []  # no flagged day and no step up older than the window needed


def test_decisions_from_the_summary_equal_decisions_from_the_whole_history(
    client: TestClient, db_session: Session
) -> None:
    patient = _history_with_an_old_flag_and_old_step_ups(client)
    pid = uuid.UUID(patient.id)
    current = {
        r.decision_date: (r.id, r.inputs_digest)
        for r in db_session.exec(
            select(DecisionRecord).where(
                DecisionRecord.patient_id == pid, col(DecisionRecord.superseded_at).is_(None)
            )
        ).all()
    }
    # A pending backlog from the first day makes the row untrusted: every day is decided again
    # from the whole history (older flagged days and step ups queried), as without the summary.
    first = TODAY - timedelta(days=70)
    db_session.execute(
        text("UPDATE patient_status SET decisions_pending_from = :d WHERE patient_id = :p"),
        {"d": first, "p": pid.hex if db_session.get_bind().dialect.name == "sqlite" else pid},
    )
    db_session.flush()
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers)
    assert guidance.status_code == 200 and guidance.json()["referral"] == "urgent"
    db_session.expire_all()
    again = {
        r.decision_date: (r.id, r.inputs_digest)
        for r in db_session.exec(
            select(DecisionRecord).where(
                DecisionRecord.patient_id == pid, col(DecisionRecord.superseded_at).is_(None)
            )
        ).all()
    }
    assert again == current  # same inputs, same digests: not one record made anew
    assert _status(db_session, patient).decisions_pending_from is None
