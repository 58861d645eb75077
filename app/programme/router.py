"""The patient's plan: what to do, its history, and the one-tap answer to a proposed step."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.auth.deps import CurrentUser, PatientUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.programme import proposals, reading
from app.programme.schemas import AnsweredOut, Component, HistoryOut, LibraryOut, PlanOut

router = APIRouter(prefix="/api/v1", tags=["programme"], responses=problem_responses(403))


@router.get("/me/programme", response_model=PlanOut)
def my_programme(patient: PatientUser, session: SessionDep) -> PlanOut:
    """Your plan: the current prescription of each component, steps waiting for your answer,
    what a clinician locked, and today's plan."""
    return PlanOut.model_validate(reading.read_plan(session, patient, utcnow()))


@router.get("/me/programme/history", response_model=HistoryOut)
def my_programme_history(
    patient: PatientUser,
    session: SessionDep,
    component: Annotated[Component | None, Query()] = None,
) -> HistoryOut:
    """Every version of your plan, and each lock or unlock, newest first: who changed it,
    when and why."""
    history = reading.read_history(session, patient.id, component)
    return HistoryOut.model_validate(history)


@router.post(
    "/me/programme/proposals/{proposal_id}/accept",
    response_model=AnsweredOut,
    responses=problem_responses(404, 409),
)
def accept(proposal_id: str, patient: PatientUser, session: SessionDep) -> AnsweredOut:
    """Take the proposed step: it becomes your plan now. 409 when it no longer applies (the
    day's guidance changed, the plan changed, or it was declined)."""
    answered = proposals.accept_proposal(session, patient, proposal_id, utcnow())
    return AnsweredOut.model_validate(reading.answered_view(session, patient, answered))


@router.post(
    "/me/programme/proposals/{proposal_id}/decline",
    response_model=AnsweredOut,
    responses=problem_responses(404, 409),
)
def decline(proposal_id: str, patient: PatientUser, session: SessionDep) -> AnsweredOut:
    """Keep your current prescription; the refusal is recorded. 409 when already answered."""
    answered = proposals.decline_proposal(session, patient, proposal_id, utcnow())
    return AnsweredOut.model_validate(reading.answered_view(session, patient, answered))


@router.get("/programme/library", response_model=LibraryOut)
def library(_: CurrentUser) -> LibraryOut:
    """The exercise library: tendon exercises by stage, nerve glides, running bands, sitting."""
    return LibraryOut.model_validate(reading.library_view())
