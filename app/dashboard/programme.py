"""A linked patient's plan as a clinician reads and edits it. Every read and change goes into
the patient's access log in the same transaction."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.logs.service import list_logs
from app.models import ProgrammeVersion, User
from app.programme import editor
from app.programme.inputs import CustomExerciseIn
from app.programme.prescriptions import with_custom
from app.programme.reading import names_of, read_history, read_plan
from app.programme.service import CLINICIAN
from app.programme.state import custom_rows, load_custom
from app.programme.views import lock_view, version_view
from app.sharing.service import LinkedPatient

LOAD_DAYS = 28
LOAD_NOTE = (
    "Information only: session load = effort (session RPE, 0-10) x minutes (Foster). It "
    "never changes the plan or the guidance; no acute:chronic ratio is computed."
)


def session_load(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    """Each day's session load (RPE x minutes) over 28 days, and each week's sum."""
    today = today_in(patient.timezone, now)
    days: list[dict[str, Any]] = []
    weeks: dict[date, list[int]] = defaultdict(lambda: [0, 0])
    for day in list_logs(session, patient, today - timedelta(days=LOAD_DAYS - 1), today, now):
        rpe, minutes = day.log["session_rpe"], day.log["session_min"]
        if rpe is None or minutes is None:
            continue
        logged: date = day.log["log_date"]
        days.append(
            {"date": logged, "session_rpe": rpe, "session_min": minutes, "load": rpe * minutes}
        )
        week = weeks[logged - timedelta(days=logged.weekday())]
        week[0] += rpe * minutes
        week[1] += 1
    return {
        "note": LOAD_NOTE,
        "days": days,
        "weeks": [
            {"week_start": monday, "load": load, "sessions": count}
            for monday, (load, count) in sorted(weeks.items())
        ],
    }


def read_programme(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> dict[str, Any]:
    """The plan, the patient's own exercises and the session load (information only)."""
    patient = linked.patient
    with writing(session):  # the read is recorded (and a missing plan is made)
        plan = read_plan(session, patient, now)
        plan["custom_exercises"] = [
            editor.custom_view(row) for row in custom_rows(session, patient.id)
        ]
        plan["session_load"] = session_load(session, patient, now)
        record_access(session, clinician, [patient.id], "programme_viewed", now)
    return plan


def read_programme_history(
    session: Session, clinician: User, linked: LinkedPatient, component: str | None, now: datetime
) -> dict[str, list[dict[str, Any]]]:
    with writing(session):
        history = read_history(session, linked.patient.id, component)
        record_access(session, clinician, [linked.patient.id], "programme_history_viewed", now)
    return history


def change_component(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    component: str,
    body: editor.ComponentIn,
    now: datetime,
) -> dict[str, Any]:
    """A new version of one component (422 beyond the phase's limits)."""
    patient = linked.patient
    with writing(session):
        version_id = editor.set_component(session, patient, component, body, clinician, now)
        detail = {"component": component}
        record_access(session, clinician, [patient.id], "programme_changed", now, detail)
    row = session.get(ProgrammeVersion, uuid.UUID(version_id))
    assert row is not None
    catalogue = with_custom(load_custom(session, patient.id))
    return version_view(row, catalogue, names_of(session, [row.made_by_id]))


def change_lock(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    component: str,
    locked: bool,
    now: datetime,
    reason: str | None = None,
) -> dict[str, Any]:
    """Lock or unlock; `reason` (a lock's, optional) goes into the plan's history."""
    patient = linked.patient
    with writing(session):
        state = editor.set_lock(
            session, patient, component, clinician, locked, now, reason=reason or CLINICIAN
        )
        action = "programme_locked" if locked else "programme_unlocked"
        record_access(session, clinician, [patient.id], action, now, {"component": component})
    names = names_of(session, [lock.get("by_id") for lock in state.locks.values()])
    return {"component": component, **lock_view(state, component, names)}


def list_exercises(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> list[dict[str, Any]]:
    with writing(session):
        rows = custom_rows(session, linked.patient.id)
        record_access(session, clinician, [linked.patient.id], "exercises_viewed", now)
    return [editor.custom_view(row) for row in rows]


def add_exercise(
    session: Session,
    clinician: User,
    linked: LinkedPatient,
    body: CustomExerciseIn,
    now: datetime,
) -> dict[str, Any]:
    with writing(session):
        row = editor.add_custom_exercise(session, linked.patient, body, clinician, now)
        record_access(session, clinician, [linked.patient.id], "exercise_added", now)
    return editor.custom_view(row)
