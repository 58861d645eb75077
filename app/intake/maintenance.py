"""Maintenance (phase 6): a short weekly check replaces the daily log (optional now), and every
4 weeks a re-check repeats the intake's provocation map with self-tests. A return of symptoms
(a flare, or a provocation up by 2 or more) suggests stepping back; only a clinician changes
the phase. Without a linked clinician the answer carries a "see a clinician if..." card."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any, Protocol

from sqlmodel import Session, col, select

from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import Conflict, InvalidInput
from app.intake.maintenance_schemas import MaintenanceIn
from app.intake.service import has_clinician, intake_of
from app.intake.status import refresh_intake_status
from app.intake.step_back import SEE_A_CLINICIAN, changes, step_back_reasons
from app.logs.backlog import lock_patient
from app.models import MaintenanceCheck, ObjectiveTest, User
from app.outcomes.kinds import check_test
from app.outcomes.objective import names_of, test_row, test_view
from app.programme.reading import phase_today
from app.rules import MAINTENANCE_PHASE

RECHECK_EVERY_DAYS = 28
LIST_LIMIT = 60


class HasTests(Protocol):
    """A row naming objective tests by id (a maintenance check, an assessment)."""

    @property
    def test_ids(self) -> list[str]: ...


def checks_of(
    session: Session, patient_id: uuid.UUID, limit: int = LIST_LIMIT
) -> list[MaintenanceCheck]:
    """Newest first."""
    return list(
        session.exec(
            select(MaintenanceCheck)
            .where(MaintenanceCheck.patient_id == patient_id)
            .order_by(
                col(MaintenanceCheck.checked_on).desc(), col(MaintenanceCheck.created_at).desc()
            )
            .limit(limit)
        ).all()
    )


def check_view(
    row: MaintenanceCheck, tests: dict[str, ObjectiveTest], names: dict[Any, str]
) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "checked_on": row.checked_on,
        "pain_week": row.pain_week,
        "sitting_minutes": row.sitting_minutes,
        "home_programme": row.home_programme,
        "flare": row.flare,
        "provocation": row.provocation,
        "tests": [test_view(tests[i], names) for i in row.test_ids if i in tests],
        "suggest_step_back": row.suggest_step_back,
        "reasons": row.reasons,
        "created_at": row.created_at,
    }


def tests_by_id(session: Session, rows: Iterable[HasTests]) -> dict[str, ObjectiveTest]:
    """The objective tests the rows name (maintenance re-checks, assessments), by id."""
    ids = {uuid.UUID(i) for row in rows for i in row.test_ids}
    if not ids:
        return {}
    found = session.exec(select(ObjectiveTest).where(col(ObjectiveTest.id).in_(ids))).all()
    return {str(t.id): t for t in found}


def _card(session: Session, patient_id: uuid.UUID) -> dict[str, Any] | None:
    return None if has_clinician(session, patient_id) else SEE_A_CLINICIAN


def maintenance_page(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    today = today_in(patient.timezone, now)
    phase = phase_today(session, patient, now)
    rows = checks_of(session, patient.id)
    tests = tests_by_id(session, rows)
    names = names_of(session, {t.recorded_by_id for t in tests.values()})
    monday = today - timedelta(days=today.weekday())
    last_recheck = next((r.checked_on for r in rows if r.kind == "recheck"), None)
    return {
        "phase": phase,
        "in_maintenance": phase == MAINTENANCE_PHASE,
        "weekly_due": not any(r.checked_on >= monday for r in rows),
        "recheck_due": last_recheck is None
        or last_recheck <= today - timedelta(days=RECHECK_EVERY_DAYS),
        "checks": [check_view(r, tests, names) for r in rows],
        "see_clinician": _card(session, patient.id),
    }


def _check_body(body: MaintenanceIn) -> None:
    if body.kind == "recheck" and body.provocation is None:
        raise InvalidInput("provocation", "a re-check repeats the provocation map")
    if body.kind == "weekly" and body.provocation is not None:
        raise InvalidInput("provocation", "only a re-check takes the provocation map")
    if body.kind == "weekly" and body.self_tests:
        raise InvalidInput("self_tests", "only a re-check takes self-tests")
    for test in body.self_tests:
        check_test(test.model_dump(), True)


def save_check(
    session: Session, patient: User, body: MaintenanceIn, now: datetime
) -> dict[str, Any]:
    """409 outside phase 6. The comparison is against the intake and the last re-check."""
    today = today_in(patient.timezone, now)
    _check_body(body)
    provocation = body.provocation.model_dump() if body.provocation else None
    with writing(session):
        lock_patient(session, patient.id)
        if phase_today(session, patient, now) != MAINTENANCE_PHASE:
            raise Conflict("Maintenance checks are for phase 6; keep to the daily log for now.")
        intake = intake_of(session, patient.id)
        start = intake.answers["provocation"] if intake else None
        previous = next((r for r in checks_of(session, patient.id) if r.kind == "recheck"), None)
        last = previous.provocation if previous else None
        reasons = step_back_reasons(body.flare, provocation, last or start)
        tests = [
            test_row(t.model_dump(), patient.id, patient.id, today, True, now)
            for t in body.self_tests
        ]
        for test in tests:
            session.add(test)
        row = MaintenanceCheck(
            patient_id=patient.id,
            kind=body.kind,
            checked_on=today,
            pain_week=body.pain_week,
            sitting_minutes=body.sitting_minutes,
            home_programme=body.home_programme,
            flare=body.flare,
            provocation=provocation,
            test_ids=[str(t.id) for t in tests],
            suggest_step_back=bool(reasons),
            reasons=reasons,
            created_at=now,
        )
        session.add(row)
        session.flush()
        refresh_intake_status(session, patient.id, now)
        card = _card(session, patient.id)
    comparison = None
    if provocation is not None:
        comparison = {
            "against_intake": changes(start, provocation) if start else None,
            "against_previous": changes(last, provocation) if last else None,
            "previous_on": previous.checked_on if previous else None,
        }
    by_id = {str(t.id): t for t in tests}
    view = check_view(row, by_id, {patient.id: patient.display_name})
    return {"check": view, "comparison": comparison, "see_clinician": card}
