"""Reading a patient's plan and its history (the patient's screens and the clinician's)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.clock import today_in
from app.core.db import writing
from app.models import ProgrammeLockEvent, ProgrammeVersion, User
from app.patients.settings import load_history, setting_on
from app.programme.library import (
    EXERCISES,
    GLIDES,
    LIBRARY_VERSION,
    RUN_SESSIONS,
    SITTING_DESCRIPTION,
    SITTING_START_MIN,
    SITTING_STEP_MIN,
    SITTING_TOP_MIN,
)
from app.programme.prescriptions import with_custom
from app.programme.proposals import Answered, as_dict
from app.programme.service import ensure_programme, follow_phase
from app.programme.state import (
    PlanState,
    catalogue_for,
    load_custom,
    load_state,
    lock_patient,
    save_state,
)
from app.programme.views import lock_event_view, plan_view, proposal_view, version_view


def phase_today(session: Session, patient: User, now: datetime) -> int:
    return setting_on(load_history(session, patient.id), today_in(patient.timezone, now)).phase


def names_of(session: Session, ids: Iterable[Any]) -> dict[str, str]:
    wanted = {uuid.UUID(str(i)) for i in ids if i}
    if not wanted:
        return {}
    rows = session.exec(select(User.id, User.display_name).where(col(User.id).in_(wanted)))
    return {str(user_id): name for user_id, name in rows.all()}


def current_state(session: Session, patient: User, now: datetime) -> PlanState:
    """The plan row; made (the phase's default) or fitted to today's phase when needed."""
    state = load_state(session, patient.id)
    phase = phase_today(session, patient, now)
    if state is not None and state.phase == phase:
        return state
    with writing(session):
        lock_patient(session, patient.id)
        state = ensure_programme(session, patient.id, phase, now)
        follow_phase(session, state, phase, now)
        save_state(session, state, now)
    return state


def read_plan(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    state = current_state(session, patient, now)
    catalogue = catalogue_for(session, patient.id, *state.custom_keys())
    names = names_of(session, (lock.get("by_id") for lock in state.locks.values()))
    return plan_view(state, catalogue, names, today_in(patient.timezone, now))


def version_rows(
    session: Session, patient_id: uuid.UUID, component: str | None = None
) -> list[ProgrammeVersion]:
    query = select(ProgrammeVersion).where(ProgrammeVersion.patient_id == patient_id)
    if component is not None:
        query = query.where(ProgrammeVersion.component == component)
    order = (col(ProgrammeVersion.created_at).desc(), col(ProgrammeVersion.number).desc())
    return list(session.exec(query.order_by(*order)).all())


def lock_event_rows(
    session: Session, patient_id: uuid.UUID, component: str | None = None
) -> list[ProgrammeLockEvent]:
    """Newest first."""
    query = select(ProgrammeLockEvent).where(ProgrammeLockEvent.patient_id == patient_id)
    if component is not None:
        query = query.where(ProgrammeLockEvent.component == component)
    return list(session.exec(query.order_by(col(ProgrammeLockEvent.created_at).desc())).all())


def read_history(
    session: Session, patient_id: uuid.UUID, component: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Every version and every lock or unlock, newest first, with who made it, when and why
    (`HistoryOut`)."""
    rows = version_rows(session, patient_id, component)
    events = lock_event_rows(session, patient_id, component)
    catalogue = with_custom(load_custom(session, patient_id))
    made_by = [*(row.made_by_id for row in rows), *(event.made_by_id for event in events)]
    names = names_of(session, made_by)
    return {
        "versions": [version_view(row, catalogue, names) for row in rows],
        "locks": [lock_event_view(event, names) for event in events],
    }


def answered_view(session: Session, patient: User, answered: Answered) -> dict[str, Any]:
    proposal = answered.proposal
    keys = [e["exercise"] for e in proposal.prescription.get("exercises", ())]
    catalogue = catalogue_for(session, patient.id, *keys)
    version = None
    if answered.version_id is not None:
        row = session.get(ProgrammeVersion, answered.version_id)
        if row is not None:
            version = version_view(row, catalogue, {str(patient.id): patient.display_name})
    return {
        "proposal": proposal_view(proposal.component, as_dict(proposal), catalogue),
        "version": version,
    }


def library_view() -> dict[str, Any]:
    return {
        "version": LIBRARY_VERSION,
        "exercises": [
            {
                "key": e.key,
                "name": e.name,
                "description": e.description,
                "stage": e.stage,
                "dosing": e.dosing,
                "start": asdict(e.start),
                "top": asdict(e.top),
            }
            for e in EXERCISES.values()
        ],
        "glides": [
            {
                "key": g.key,
                "name": g.name,
                "description": g.description,
                "glide": g.glide,
                "start_reps": g.start_reps,
                "top_reps": g.top_reps,
            }
            for g in GLIDES.values()
        ],
        "running": [
            {"band": r.band, "description": r.description, "start_minutes": r.start_minutes}
            for r in RUN_SESSIONS.values()
        ],
        "sitting": {
            "description": SITTING_DESCRIPTION,
            "start_minutes": SITTING_START_MIN,
            "step_minutes": SITTING_STEP_MIN,
            "top_minutes": SITTING_TOP_MIN,
        },
    }
