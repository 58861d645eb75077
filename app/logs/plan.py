"""The programme in the log use cases (app/programme sits above logs): what a log write reads
first, the hook each write calls in its transaction, and the plan fields added to every
guidance response."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlmodel import Session

from app.core.clock import today_in
from app.logs import statements
from app.logs.decision_batch import Recomputed
from app.logs.status_inputs import StatusInputs, status_from_row
from app.models import PatientSetting, User
from app.patients import statements as patient_statements
from app.patients.settings import history_as_of, setting_on
from app.programme import statements as plan_statements
from app.programme.guidance import plan_guidance
from app.programme.service import follow_decisions
from app.programme.state import PlanState, state_from

_HEADS = plan_statements.HEADS
_PLAN_COLUMNS = [_HEADS.c[name].label(f"plan_{name}") for name in plan_statements.HEAD_FIELDS]
_SETTINGS = patient_statements.SETTINGS
# The id of the patient's newest settings row: the history is read again only when it moved
# (app/patients/settings.py, history_as_of).
_NEWEST_SETTING = (
    select(func.max(_SETTINGS.c.id))
    .where(_SETTINGS.c.patient_id == statements.STATUS.c.patient_id)
    .scalar_subquery()
    .label("newest_setting")
)
# A log write's first read, under the patient's lock: the status row's inputs, the newest
# settings row's id and the plan row, in one statement (three before; bench/RESULTS.md). The
# plan row is not locked on its own: every path that changes it holds the patient's lock first
# (app/programme/statements.py).
READ_STATUS_AND_PLAN = (
    select(
        *statements.READ_STATUS.selected_columns,
        _NEWEST_SETTING,
        _HEADS.c.patient_id.label("plan_of"),
        *_PLAN_COLUMNS,
    )
    .select_from(
        statements.STATUS.outerjoin(_HEADS, _HEADS.c.patient_id == statements.STATUS.c.patient_id)
    )
    .where(statements.STATUS.c.patient_id == bindparam("pid"))
)
_PLAN_AT = len(statements.READ_STATUS.selected_columns) + 2  # after newest_setting, plan_of


@dataclass(frozen=True, slots=True)
class WriteInputs:
    """What a log write reads first, under the patient's lock."""

    status: StatusInputs
    plan: PlanState | None  # None: no plan row yet
    history: list[PatientSetting]  # the settings rows (app/patients/settings.py)


def read_write_inputs(session: Session, patient_id: uuid.UUID) -> WriteInputs:
    """The status row's inputs, the plan row and the settings history, inside a write that
    holds the patient's lock (one statement; a second only when the settings changed)."""
    params = {"pid": patient_id}
    row = session.connection().execute(READ_STATUS_AND_PLAN, params).first()
    history = history_as_of(session, patient_id, row.newest_setting if row else None)
    if row is None or row.plan_of is None:
        return WriteInputs(status_from_row(row), None, history)
    return WriteInputs(status_from_row(row), state_from(patient_id, *row[_PLAN_AT:]), history)


def follow_plan(
    session: Session,
    patient_id: uuid.UUID,
    done: Recomputed,
    now: datetime,
    *,
    today: date,
    changed_by: uuid.UUID | None = None,
    plan: PlanState | None = None,
) -> PlanState:
    """Move the plan by the decisions this write re-decided (inside the caller's write;
    `plan`: the plan row as the write already read it)."""
    phase = setting_on(done.history, today).phase
    return follow_decisions(
        session,
        patient_id,
        done.guidance,
        done.logs,
        today,
        phase,
        now,
        changed_by=changed_by,
        state=plan,
    )


def with_plan(
    session: Session,
    patient: User,
    guidance: dict[str, Any],
    now: datetime,
    state: PlanState | None = None,
) -> dict[str, Any]:
    """The guidance as the patient's responses give it: each component with its plan."""
    if not guidance:
        return guidance
    return plan_guidance(session, patient.id, guidance, today_in(patient.timezone, now), state)
