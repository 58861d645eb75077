"""Records made under ruleset 2026.11 keep that name and are not rewritten; from the upgrade on,
today's and later decisions are made with 2026.12; replay says plainly what it cannot re-run."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.logs.replay import CannotReplay, check_records, replay
from app.models import DecisionRecord
from tests.factories import Account, put_log, register

TODAY = datetime.now(UTC).date()
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def _records(db: Session, patient: Account) -> list[DecisionRecord]:
    query = (
        select(DecisionRecord)
        .where(DecisionRecord.patient_id == uuid.UUID(patient.id))
        .order_by(col(DecisionRecord.decision_date), col(DecisionRecord.id))
    )
    return list(db.exec(query).all())


def _made_before_the_upgrade(db: Session, patient: Account) -> None:
    """Turn the patient's records into what 2026.11 stored (no episodes, its name)."""
    for record in _records(db, patient):
        old = {k: v for k, v in record.guidance.items() if k != "open_episodes"}
        record.guidance = old | {"ruleset": "2026.11"}
        record.ruleset = "2026.11"
        db.add(record)
    db.flush()


def test_older_records_keep_their_ruleset_and_today_is_decided_by_the_new_one(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    for n in range(3, -1, -1):
        put_log(client, patient, TODAY - timedelta(days=n), **STEADY)
    _made_before_the_upgrade(db_session, patient)
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    old = client.get(f"/api/v1/me/guidance?date={yesterday}", headers=patient.headers).json()
    assert old["ruleset"] == "2026.11" and old["open_episodes"] == []
    today = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert today["ruleset"] == "2026.12"
    records = _records(db_session, patient)
    by_day = {(r.decision_date, r.ruleset, r.superseded_at is None) for r in records}
    assert (TODAY - timedelta(days=1), "2026.11", True) in by_day  # not rewritten
    assert (TODAY, "2026.11", False) in by_day  # kept, superseded, with its name
    assert (TODAY, "2026.12", True) in by_day


def test_replay_re_runs_this_rulesets_records_and_names_those_it_cannot(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    for n in range(2, -1, -1):
        put_log(client, patient, TODAY - timedelta(days=n), **STEADY)
    _made_before_the_upgrade(db_session, patient)
    put_log(client, patient, TODAY, **STEADY, loading_pain=2, loading_stage=1)  # a 2026.12 record
    old = next(r for r in _records(db_session, patient) if r.ruleset == "2026.11")
    with pytest.raises(CannotReplay, match=r"made by ruleset 2026\.11; this build carries"):
        replay(db_session, old)
    report = check_records(db_session, uuid.UUID(patient.id))
    assert report.matching == 1 and report.differing == []
    assert report.not_replayable == {"2026.11": 3}
