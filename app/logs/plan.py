"""The programme in the log use cases (app/programme sits above logs): the hook each write
calls in its transaction, and the plan fields added to every guidance response."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from app.core.clock import today_in
from app.logs.decision_batch import Recomputed
from app.models import User
from app.patients.settings import setting_on
from app.programme.guidance import plan_guidance
from app.programme.service import follow_decisions
from app.programme.state import PlanState


def follow_plan(
    session: Session,
    patient_id: uuid.UUID,
    done: Recomputed,
    now: datetime,
    *,
    today: date,
    changed_by: uuid.UUID | None = None,
) -> PlanState:
    """Move the plan by the decisions this write re-decided (inside the caller's write)."""
    phase = setting_on(done.history, today).phase
    return follow_decisions(
        session, patient_id, done.guidance, done.logs, today, phase, now, changed_by=changed_by
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
