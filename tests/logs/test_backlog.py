"""An edit to the first day of a year of logs: decided in short write transactions of at most
28 calendar days each (app/logs/backlog.py), ending with exactly the records one long
recompute leaves, and never read as current while a later transaction still has to run.

Speed is measured in bench/backfill.py (bench/RESULTS.md); here only the structure is asserted.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.core.db import writing
from app.logs.backlog import CHUNK_DAYS, pending_from
from app.logs.decisions import recompute
from app.logs.history_import import ImportedDay, import_history
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import DecisionRecord, PatientStatus, User
from tests.factories import link, register

NOW = datetime.now(UTC)
TODAY = NOW.date()
FIRST = TODAY - timedelta(days=364)  # a year of logs, today included
URGENT = {"red_flags": ["new_weakness"]}  # opens an episode every later day carries (RF-5)
MOST_DAYS_PER_TRANSACTION = 28  # the written day and the 27 days that read it directly


def _day(n: int) -> dict[str, Any]:
    """A steady story: loading every other day, so steps up happen and PR-0 orders them."""
    log: dict[str, Any] = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}
    if n % 2 == 0:
        log |= {"loading_stage": 1, "loading_pain": 2}
    return log


@pytest.fixture
def year(client: TestClient, db_session: Session) -> tuple[Any, User]:
    patient = register(client)
    user = db_session.get(User, uuid.UUID(patient.id))
    assert user is not None
    days = [
        ImportedDay(FIRST + timedelta(days=n), LogIn(**_day(n)), NOW - timedelta(days=364 - n))
        for n in range(365)
    ]
    import_history(db_session, user, days, NOW, decide_from=FIRST)
    return patient, user


def _current(db: Session, patient_id: uuid.UUID) -> dict[date, DecisionRecord]:
    rows = db.exec(
        select(DecisionRecord).where(
            DecisionRecord.patient_id == patient_id, col(DecisionRecord.superseded_at).is_(None)
        )
    ).all()
    return {row.decision_date: row for row in rows}


def _days_by_transaction(db: Session, patient_id: uuid.UUID, since: datetime) -> list[list[date]]:
    """The days each write transaction decided: one use case's records share its `now`."""
    made: dict[datetime, list[date]] = defaultdict(list)
    for row in _current(db, patient_id).values():
        created = row.created_at.replace(tzinfo=None)  # UTC, with or without its offset
        if created >= since.replace(tzinfo=None):
            made[created].append(row.decision_date)
    return [sorted(days) for _, days in sorted(made.items())]


def _nothing_left_to_change(db: Session, user: User) -> bool:
    """One long recompute of the whole history finds every stored record up to date."""
    with writing(db):
        done = recompute(db, user.id, FIRST, TODAY + timedelta(days=1), "check", NOW)
    return not done.guidance


def test_an_edit_of_the_first_day_of_a_year_is_decided_28_days_per_transaction(
    client: TestClient, db_session: Session, year: tuple[Any, User]
) -> None:
    patient, user = year
    before = datetime.now(UTC)
    answer = client.put(f"/api/v1/me/logs/{FIRST}", json=_day(0) | URGENT, headers=patient.headers)
    assert answer.status_code == 200, answer.text
    assert answer.json()["guidance"]["referral"] == "urgent"

    chunks = _days_by_transaction(db_session, user.id, before)
    assert sum(map(len, chunks)) == 365  # the episode changes every later day
    assert len(chunks) >= 365 // MOST_DAYS_PER_TRANSACTION
    for days in chunks:
        assert (days[-1] - days[0]).days < MOST_DAYS_PER_TRANSACTION, (days[0], days[-1])
    assert chunks[0][0] == FIRST  # the written day is decided by the write itself
    assert pending_from(db_session, user.id) is None
    assert _nothing_left_to_change(db_session, user)
    today = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert today["referral"] == "urgent" and today["open_episodes"][0]["started_on"] == str(FIRST)


def test_a_backlog_left_by_a_crash_is_never_read_as_current(
    client: TestClient, db_session: Session, year: tuple[Any, User]
) -> None:
    patient, user = year
    clinician = register(client, "clinician")
    link(client, patient, clinician)
    row_before = db_session.get(PatientStatus, user.id)
    assert row_before is not None and row_before.referral is None
    # Only the write's own transaction runs (as if the process died right after it).
    saved = save_daily_log(db_session, user, FIRST, LogIn(**_day(0) | URGENT), NOW)
    assert saved.pending
    pending = pending_from(db_session, user.id)
    assert pending == FIRST + timedelta(days=CHUNK_DAYS)
    stale_today = _current(db_session, user.id)[TODAY]
    assert stale_today.referral is None  # the stored record of today is stale...
    db_session.expire_all()
    dashboard = client.get("/api/v1/clinician/patients", headers=clinician.headers).json()
    assert dashboard["patients"][0]["referral"] is None  # ...and the status row not rebuilt yet

    # ...but no read presents it: each computes the backlog up to the day it shows first.
    middle = FIRST + timedelta(days=100)
    logs = client.get(
        f"/api/v1/me/logs?from={middle}&to={middle + timedelta(days=3)}", headers=patient.headers
    ).json()["logs"]
    assert {log["referral"] for log in logs} == {"urgent"}
    assert pending_from(db_session, user.id) is not None  # only what that read needed
    today = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert today["referral"] == "urgent"
    assert pending_from(db_session, user.id) is None
    assert _nothing_left_to_change(db_session, user)
    db_session.expire_all()
    dashboard = client.get("/api/v1/clinician/patients", headers=clinician.headers).json()
    assert dashboard["patients"][0]["referral"] == "urgent"  # rebuilt by the last transaction


@pytest.mark.parametrize(
    "read",
    [
        lambda c, p, d: c.get(f"/api/v1/me/logs/{d}", headers=p.headers).json()["guidance"],
        lambda c, p, d: c.get(f"/api/v1/me/guidance?date={d}", headers=p.headers).json(),
        lambda c, p, d: next(
            row
            for row in c.get("/api/v1/me/export", headers=p.headers).json()["decisions"]
            if row["date"] == str(d)
        ),
    ],
    ids=["log", "guidance", "export"],
)
def test_every_read_of_a_pending_day_computes_it_first(
    client: TestClient, db_session: Session, year: tuple[Any, User], read: Any
) -> None:
    patient, user = year
    save_daily_log(db_session, user, FIRST, LogIn(**_day(0) | URGENT), NOW)
    day = FIRST + timedelta(days=200)
    guidance = read(client, patient, day)
    assert guidance["referral"] == "urgent", guidance
    assert "RF-5" in {reason["rule"] for reason in guidance["reasons"]}


def test_the_clinician_and_the_coach_never_read_a_pending_day_as_current(
    client: TestClient, db_session: Session, year: tuple[Any, User]
) -> None:
    patient, user = year
    clinician, coach = register(client, "clinician"), register(client, "coach")
    link(client, patient, clinician)
    link(client, patient, coach)
    save_daily_log(db_session, user, FIRST, LogIn(**_day(0) | URGENT), NOW)
    assert pending_from(db_session, user.id) is not None
    athletes = client.get("/api/v1/coach/athletes", headers=coach.headers).json()["athletes"]
    assert athletes[0]["readiness"] == "not_ready"
    record = client.get(f"/api/v1/clinician/patients/{patient.id}", headers=clinician.headers)
    assert {d["referral"] for d in record.json()["decisions"]} == {"urgent"}
    history = client.get(
        f"/api/v1/clinician/patients/{patient.id}/decisions?date={TODAY}",
        headers=clinician.headers,
    ).json()["records"]
    current = [r for r in history if r["superseded_at"] is None]
    assert [r["guidance"]["referral"] for r in current] == ["urgent"]


def test_a_write_to_a_day_inside_a_backlog_finishes_the_backlog_first(
    client: TestClient, db_session: Session, year: tuple[Any, User]
) -> None:
    patient, user = year
    saved = save_daily_log(db_session, user, FIRST, LogIn(**_day(0) | URGENT), NOW)
    assert saved.pending  # the process "died" here: a backlog from FIRST + 28 days is left
    day = FIRST + timedelta(days=120)
    answer = client.put(f"/api/v1/me/logs/{day}", json=_day(1), headers=patient.headers)
    assert answer.status_code == 200, answer.text
    guidance = answer.json()["guidance"]
    assert guidance["referral"] == "urgent"  # the episode of FIRST reached the written day
    assert guidance["open_episodes"][0]["started_on"] == str(FIRST)
    assert pending_from(db_session, user.id) is None
    assert _nothing_left_to_change(db_session, user)
