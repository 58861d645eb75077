"""Decision records: stored with their inputs, recomputed forward on edits, never overwritten."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.logs.replay import replay
from app.models import DecisionRecord
from tests.factories import put_log, register, rules_only

TODAY = datetime.now(UTC).date()
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def records(db: Session, patient_id: str, day: object) -> list[DecisionRecord]:
    return list(
        db.exec(
            select(DecisionRecord)
            .where(
                DecisionRecord.patient_id == uuid.UUID(patient_id),
                DecisionRecord.decision_date == day,
            )
            .order_by(col(DecisionRecord.id))
        ).all()
    )


def test_each_decision_is_stored_with_inputs_thresholds_and_ruleset(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, **STEADY)
    (record,) = records(db_session, patient.id, TODAY)
    assert record.ruleset == "2026.12" and record.superseded_at is None
    assert record.thresholds["pain_ceiling"] == 5 and record.phase == 1
    assert record.inputs["to"] == TODAY.isoformat()
    assert record.inputs["from"] == (TODAY - timedelta(days=27)).isoformat()
    assert record.cause == "log_written"


def test_editing_an_older_log_recomputes_later_days_and_keeps_the_replaced_records(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    for n in range(8, 0, -1):
        put_log(client, patient, TODAY - timedelta(days=n), **STEADY)
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY, loading_pain=2, loading_stage=2)
    put_log(client, patient, TODAY, morning_pain=4, sitting_pain=2, sitting_tolerance_min=60)
    before = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert "PM-3" in {r["rule"] for r in before["reasons"]}
    # The patient corrects yesterday: there was no loading session after all.
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY)
    after = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert "PM-3" not in {r["rule"] for r in after["reasons"]}
    today_records = records(db_session, patient.id, TODAY)
    assert [r.superseded_at is None for r in today_records] == [False, True]
    assert today_records[0].guidance == rules_only(before)
    assert today_records[1].guidance == rules_only(after)
    assert today_records[1].cause == "log_written"


def test_an_unchanged_write_creates_no_new_record(client: TestClient, db_session: Session) -> None:
    patient = register(client)
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY)
    put_log(client, patient, TODAY, **STEADY)
    put_log(client, patient, TODAY - timedelta(days=1), **STEADY)
    assert len(records(db_session, patient.id, TODAY)) == 1


def test_deleting_an_older_log_recomputes_the_days_after_it(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    put_log(client, patient, TODAY - timedelta(days=1), morning_pain=2, sitting_pain=8)
    put_log(client, patient, TODAY, morning_pain=2, sitting_pain=8)
    assert "FL-2" in {
        r["rule"]
        for r in client.get("/api/v1/me/guidance", headers=patient.headers).json()["reasons"]
    }
    client.delete(f"/api/v1/me/logs/{TODAY - timedelta(days=1)}", headers=patient.headers)
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert "FL-2" not in {r["rule"] for r in guidance["reasons"]}
    assert records(db_session, patient.id, TODAY)[-1].cause == "log_deleted"


def test_every_record_replays_to_the_guidance_it_stored_even_after_later_edits(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    for n in range(10, -1, -1):
        put_log(
            client,
            patient,
            TODAY - timedelta(days=n),
            **STEADY,
            loading_pain=n % 4,
            loading_stage=1,
        )
    put_log(client, patient, TODAY - timedelta(days=3), morning_pain=6, sitting_pain=7)
    put_log(client, patient, TODAY - timedelta(days=5), **STEADY, red_flags=["fever_unwell"])
    all_records = db_session.exec(
        select(DecisionRecord).where(DecisionRecord.patient_id == uuid.UUID(patient.id))
    ).all()
    assert any(r.superseded_at is not None for r in all_records)
    for record in all_records:
        assert replay(db_session, record) == record.guidance, record.decision_date
