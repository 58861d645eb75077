"""A linked clinician's assessments of a patient. Outside a live clinician link it is 404,
another role is 403; every read and write goes into the patient's access log."""

from __future__ import annotations

from fastapi import APIRouter, status

from app.auth.deps import ClinicianUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.intake import assessments
from app.intake.assessment_schemas import AssessmentIn, AssessmentOut, AssessmentPage
from app.sharing.deps import LinkedDep

router = APIRouter(
    prefix="/api/v1/clinician/patients/{patient_id}",
    tags=["clinician: intake"],
    responses=problem_responses(403, 404),
)


@router.get("/assessments", response_model=AssessmentPage)
def get_assessments(
    linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> AssessmentPage:
    """The patient's intake and its starting profile (a hint to confirm or change), every
    assessment (newest first, `last` the latest) and the latest maintenance checks."""
    page = assessments.read_assessments(session, clinician, linked, utcnow())
    return AssessmentPage.model_validate(page)


@router.post("/assessments", response_model=AssessmentOut, status_code=status.HTTP_201_CREATED)
def post_assessment(
    body: AssessmentIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> AssessmentOut:
    """Record an assessment: the clinical tests (each one an objective test, shown in the
    outcomes views too), your confirmed impression, and a starting phase and thresholds,
    applied from today exactly like PATCH /clinician/patients/{id} (decisions recompute).
    It clears the dashboard's `needs_assessment` flag."""
    done = assessments.record_assessment(session, clinician, linked, body, utcnow())
    return AssessmentOut.model_validate(done)
