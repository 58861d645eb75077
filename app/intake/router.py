"""The patient's intake and maintenance checks (phase 6)."""

from __future__ import annotations

from fastapi import APIRouter, status

import app.intake.export  # noqa: F401  (registers the intake's part of GET /me/export)
from app.auth.deps import PatientUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.intake import maintenance, service
from app.intake.maintenance_schemas import MaintenanceIn, MaintenancePage, MaintenanceResult
from app.intake.schemas import IntakeIn, IntakeOut

router = APIRouter(prefix="/api/v1/me", tags=["intake"], responses=problem_responses(403))


@router.get("/intake", response_model=IntakeOut)
def get_intake(patient: PatientUser, session: SessionDep) -> IntakeOut:
    """Your intake and the starting profile suggested from it. Before your first answer this
    is 200 with `answers`, `profile` and `updated_at` null (not 404)."""
    return IntakeOut.model_validate(service.read_intake(session, patient))


@router.put("/intake", response_model=IntakeOut)
def put_intake(body: IntakeIn, patient: PatientUser, session: SessionDep) -> IntakeOut:
    """Answer (or change) your intake: activity history, how long it has hurt, what provokes
    it (0-10 each), nerve signs and the warning signs. `want_back` becomes a goal (changing it
    later changes that goal while it is active). The starting profile is a hint for your
    clinician: it changes no setting and no guidance."""
    return IntakeOut.model_validate(service.save_intake(session, patient, body, utcnow()))


@router.get("/maintenance-checks", response_model=MaintenancePage)
def get_maintenance(patient: PatientUser, session: SessionDep) -> MaintenancePage:
    """Your maintenance checks (newest first), whether this week's check and the 4-weekly
    re-check are due, and, without a linked clinician, a "see a clinician if..." card."""
    page = maintenance.maintenance_page(session, patient, utcnow())
    return MaintenancePage.model_validate(page)


@router.post(
    "/maintenance-checks",
    response_model=MaintenanceResult,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
def post_maintenance(
    body: MaintenanceIn, patient: PatientUser, session: SessionDep
) -> MaintenanceResult:
    """A weekly check or a 4-weekly re-check (phase 6 only: 409 before). A re-check is
    compared with the intake and the last re-check; a flare, or a provocation up by 2 or
    more, sets `suggest_step_back` with reasons. Nothing changes by itself: a clinician
    decides any change of phase."""
    done = maintenance.save_check(session, patient, body, utcnow())
    return MaintenanceResult.model_validate(done)
