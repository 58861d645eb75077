"""The patient's intake: read it (an empty answer before the first PUT), replace it, and let
`want_back` become a goal. The starting profile is computed on read, never stored as a setting."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.db import writing
from app.intake.emphasis import confirmed_emphasis
from app.intake.profile import starting_profile
from app.intake.schemas import IntakeIn
from app.logs.backlog import lock_patient
from app.models import CareLink, Goal, PatientIntake, User
from app.outcomes.goals import MAX_ACTIVE

CLINICIAN = "clinician"


def has_clinician(session: Session, patient_id: uuid.UUID) -> bool:
    """Whether the patient has a live link to a clinician."""
    found = session.exec(
        select(CareLink.id).where(
            CareLink.patient_id == patient_id,
            CareLink.scope == CLINICIAN,
            col(CareLink.revoked_at).is_(None),
        )
    ).first()
    return found is not None


def intake_of(session: Session, patient_id: uuid.UUID) -> PatientIntake | None:
    return session.get(PatientIntake, patient_id)


def intake_view(
    row: PatientIntake | None, clinician_linked: bool, emphasis: str | None = None
) -> dict[str, Any]:
    return {
        "answers": row.answers if row else None,
        "profile": starting_profile(row.answers) if row else None,
        "goal_id": str(row.goal_id) if row and row.goal_id else None,
        "version": row.version if row else 0,
        "updated_at": row.updated_at if row else None,
        "clinician_linked": clinician_linked,
        "emphasis": emphasis,
    }


def read_intake(session: Session, patient: User) -> dict[str, Any]:
    return intake_view(
        intake_of(session, patient.id),
        has_clinician(session, patient.id),
        confirmed_emphasis(session, patient.id),
    )


def _goal_for(
    session: Session, patient: User, row: PatientIntake | None, text: str, now: datetime
) -> uuid.UUID | None:
    """The goal `want_back` feeds (inside the caller's write): the intake's own goal gets the
    new text while it is active; otherwise a new goal, unless 10 are already active."""
    goal = session.get(Goal, row.goal_id) if row and row.goal_id else None
    if goal is not None and goal.status == "active":
        if goal.text != text:
            goal.text, goal.changed_by_id, goal.updated_at = text, patient.id, now
            session.add(goal)
        return goal.id
    if goal is not None and goal.text == text:
        return goal.id  # met or dropped: the same words do not start it again
    active = session.exec(
        select(Goal.id).where(Goal.patient_id == patient.id, Goal.status == "active")
    ).all()
    if len(active) >= MAX_ACTIVE:
        return goal.id if goal else None
    new = Goal(
        patient_id=patient.id,
        text=text,
        set_by_id=patient.id,
        changed_by_id=patient.id,
        created_at=now,
        updated_at=now,
    )
    session.add(new)
    session.flush()
    return new.id


def save_intake(session: Session, patient: User, body: IntakeIn, now: datetime) -> dict[str, Any]:
    """Replace the intake (the first PUT creates it). Same answers again change nothing."""
    answers = body.model_dump(mode="json", exclude={"make_goal"})
    with writing(session):
        lock_patient(session, patient.id)
        row = intake_of(session, patient.id)
        goal_id = row.goal_id if row else None
        if body.want_back and body.make_goal:
            goal_id = _goal_for(session, patient, row, body.want_back, now)
        if row is None:
            row = PatientIntake(
                patient_id=patient.id, answers=answers, goal_id=goal_id, created_at=now
            )
            row.updated_at = now
        elif row.answers != answers or row.goal_id != goal_id:
            row.answers, row.goal_id = answers, goal_id
            row.version += 1
            row.updated_at = now
        session.add(row)
        session.flush()
        emphasis = confirmed_emphasis(session, patient.id)
        view = intake_view(row, has_clinician(session, patient.id), emphasis)
    return view
