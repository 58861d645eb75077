"""Objective tests: a linked clinician records them, a patient may record self-tests; both
read the whole list. Clinicians' reads and writes go into the patient's access log."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import InvalidInput
from app.models import ObjectiveTest, User
from app.outcomes.kinds import KINDS, check_test, limb_symmetry
from app.outcomes.measure_schemas import TestIn
from app.sharing.service import LinkedPatient

BACKDATE_LIMIT_DAYS = 365
LIST_LIMIT = 200


def test_view(row: ObjectiveTest, names: dict[Any, str]) -> dict[str, Any]:
    kind = KINDS[row.kind]
    both = row.left_value is not None and row.right_value is not None
    symmetry = None
    if kind.symmetry and both:
        assert row.left_value is not None and row.right_value is not None
        symmetry = limb_symmetry(row.left_value, row.right_value, row.side)
    return {
        "id": row.id,
        "kind": row.kind,
        "title": row.name if row.kind == "other" else kind.title,
        "name": row.name,
        "tested_on": row.tested_on,
        "side": row.side,
        "left": row.left_value,
        "right": row.right_value,
        "value": row.value,
        "unit": row.unit,
        "result": row.result,
        "symmetry_pct": symmetry,
        "note": row.note,
        "self_test": row.self_test,
        "recorded_by": names.get(row.recorded_by_id) if row.recorded_by_id else None,
        "created_at": row.created_at,
    }


def names_of(session: Session, ids: set[Any]) -> dict[Any, str]:
    ids.discard(None)
    if not ids:
        return {}
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(ids))).all()
    return dict(rows)


def tests_of(
    session: Session, patient_id: uuid.UUID, kind: str | None = None, limit: int = LIST_LIMIT
) -> list[ObjectiveTest]:
    """Newest first."""
    query = select(ObjectiveTest).where(ObjectiveTest.patient_id == patient_id)
    if kind is not None:
        query = query.where(ObjectiveTest.kind == kind)
    query = query.order_by(
        col(ObjectiveTest.tested_on).desc(), col(ObjectiveTest.created_at).desc()
    ).limit(limit)
    return list(session.exec(query).all())


def test_row(
    values: dict[str, Any],
    patient_id: uuid.UUID,
    actor_id: uuid.UUID,
    tested_on: date,
    self_test: bool,
    now: datetime,
) -> ObjectiveTest:
    """The one way a test becomes a row (self-tests, clinicians' tests, assessments, re-checks):
    `values` holds a test's fields by their API names (kind, name, side, left, right, value,
    unit, result, note)."""
    return ObjectiveTest(
        patient_id=patient_id,
        kind=values["kind"],
        name=values.get("name"),
        tested_on=tested_on,
        side=values.get("side"),
        left_value=values.get("left"),
        right_value=values.get("right"),
        value=values.get("value"),
        unit=values.get("unit"),
        result=values.get("result"),
        note=values.get("note"),
        recorded_by_id=actor_id,
        self_test=self_test,
        created_at=now,
    )


def checked_date(field: str, given: date | None, today: date) -> date:
    """The date a test or an assessment was done (today when not given): 422 in the future or
    more than BACKDATE_LIMIT_DAYS ago."""
    day = given or today
    if day > today:
        raise InvalidInput(field, "must not be in the future")
    if day < today - timedelta(days=BACKDATE_LIMIT_DAYS):
        raise InvalidInput(field, f"must be within the last {BACKDATE_LIMIT_DAYS} days")
    return day


def _add(
    session: Session, patient: User, actor: User, body: TestIn, self_test: bool, now: datetime
) -> ObjectiveTest:
    """Check, then build the row (the caller writes it)."""
    today = today_in(patient.timezone, now)
    tested_on = checked_date("tested_on", body.tested_on, today)
    values = body.model_dump()
    check_test(values, self_test)
    return test_row(values, patient.id, actor.id, tested_on, self_test, now)


def record_self_test(
    session: Session, patient: User, body: TestIn, now: datetime
) -> dict[str, Any]:
    row = _add(session, patient, patient, body, True, now)
    with writing(session):
        session.add(row)
        session.flush()
    return test_view(row, {patient.id: patient.display_name})


def record_test(
    session: Session, clinician: User, linked: LinkedPatient, body: TestIn, now: datetime
) -> dict[str, Any]:
    row = _add(session, linked.patient, clinician, body, False, now)
    with writing(session):
        session.add(row)
        session.flush()
        detail = {"kind": body.kind, "tested_on": row.tested_on.isoformat()}
        record_access(session, clinician, [linked.patient.id], "test_recorded", now, detail)
    return test_view(row, {clinician.id: clinician.display_name})


def list_tests(session: Session, patient_id: uuid.UUID, kind: str | None) -> list[dict[str, Any]]:
    rows = tests_of(session, patient_id, kind)
    names = names_of(session, {row.recorded_by_id for row in rows})
    return [test_view(row, names) for row in rows]


def read_tests(
    session: Session, clinician: User, linked: LinkedPatient, kind: str | None, now: datetime
) -> list[dict[str, Any]]:
    with writing(session):
        tests = list_tests(session, linked.patient.id, kind)
        record_access(session, clinician, [linked.patient.id], "tests_viewed", now)
    return tests


def latest_test(
    session: Session, patient_id: uuid.UUID, kind: str, on_or_before: date
) -> ObjectiveTest | None:
    found = session.exec(
        select(ObjectiveTest)
        .where(
            ObjectiveTest.patient_id == patient_id,
            ObjectiveTest.kind == kind,
            col(ObjectiveTest.tested_on) <= on_or_before,
        )
        .order_by(col(ObjectiveTest.tested_on).desc(), col(ObjectiveTest.created_at).desc())
        .limit(1)
    ).first()
    return found
