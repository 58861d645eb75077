"""Clinician API for a linked patient's plan: read it and its history, set a component (422
beyond the phase's limits), lock or unlock a component, add the patient's own exercises."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.auth.deps import ClinicianUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.dashboard import programme
from app.dashboard.schemas import ClinicianPlanOut
from app.programme.editor import ComponentIn
from app.programme.inputs import (
    CustomExerciseIn,
    LockIn,
    NeuralIn,
    RunningIn,
    SittingIn,
    TendonIn,
)
from app.programme.schemas import (
    Component,
    CustomExerciseOut,
    CustomExercisesOut,
    HistoryOut,
    LockOut,
    VersionOut,
)
from app.sharing.deps import LinkedDep

router = APIRouter(
    prefix="/api/v1/clinician/patients/{patient_id}",
    tags=["clinician: programme"],
    responses=problem_responses(403, 404),
)


@router.get("/programme", response_model=ClinicianPlanOut)
def patient_programme(
    linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> ClinicianPlanOut:
    """The plan (current prescriptions, pending proposals, locks, today's plan), the patient's
    own exercises, and the session load (information only)."""
    plan = programme.read_programme(session, clinician, linked, utcnow())
    return ClinicianPlanOut.model_validate(plan)


@router.get("/programme/history", response_model=HistoryOut)
def patient_programme_history(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    component: Annotated[Component | None, Query()] = None,
) -> HistoryOut:
    """Every version of the plan, and each lock or unlock, newest first: who changed it,
    when and why."""
    history = programme.read_programme_history(session, clinician, linked, component, utcnow())
    return HistoryOut.model_validate(history)


def _set(
    component: str,
    body: ComponentIn,
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
) -> VersionOut:
    view = programme.change_component(session, clinician, linked, component, body, utcnow())
    return VersionOut.model_validate(view)


@router.put("/programme/tendon", response_model=VersionOut)
def set_tendon(
    body: TendonIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> VersionOut:
    """Set the tendon exercises and doses (422: unknown exercise, a dose that does not fit the
    exercise, or a stage above the phase's highest)."""
    return _set("tendon", body, linked, clinician, session)


@router.put("/programme/running", response_model=VersionOut)
def set_running(
    body: RunningIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> VersionOut:
    """Set the running band and minutes (422 above the phase's cap; none in phase 1)."""
    return _set("running", body, linked, clinician, session)


@router.put("/programme/neural", response_model=VersionOut)
def set_neural(
    body: NeuralIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> VersionOut:
    """Set the nerve glide and its repetitions (422: a tensioner in phase 1)."""
    return _set("neural", body, linked, clinician, session)


@router.put("/programme/sitting", response_model=VersionOut)
def set_sitting(
    body: SittingIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> VersionOut:
    """Set the sitting target (the longest spell, in minutes)."""
    return _set("sitting", body, linked, clinician, session)


@router.put("/programme/{component}/lock", response_model=LockOut)
def lock(
    component: Component,
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    body: LockIn | None = None,
) -> LockOut:
    """Only you change this component: no automatic back-off, no proposals (the guidance
    still says what the rules say). A pending proposal is withdrawn. The body is optional:
    `reason`, up to 200 characters, goes into the plan's history (else "clinician")."""
    reason = body.reason if body else None
    view = programme.change_lock(
        session, clinician, linked, component, True, utcnow(), reason=reason
    )
    return LockOut.model_validate(view)


@router.delete("/programme/{component}/lock", response_model=LockOut)
def unlock(
    component: Component, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> LockOut:
    """Let the guidance move this component again."""
    view = programme.change_lock(session, clinician, linked, component, False, utcnow())
    return LockOut.model_validate(view)


@router.get("/programme/exercises", response_model=CustomExercisesOut)
def exercises(
    linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> CustomExercisesOut:
    """The exercises you (or another clinician) added for this patient."""
    rows = programme.list_exercises(session, clinician, linked, utcnow())
    return CustomExercisesOut.model_validate({"exercises": rows})


@router.post("/programme/exercises", status_code=201, response_model=CustomExerciseOut)
def add_exercise(
    body: CustomExerciseIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> CustomExerciseOut:
    """Add a tendon exercise to this patient's library; name it by its `key` in a tendon
    prescription."""
    return CustomExerciseOut.model_validate(
        programme.add_exercise(session, clinician, linked, body, utcnow())
    )
