"""A linked clinician's view of a patient's outcomes: check-in trends, tests, goals, notes, the
phase page, the return-to-sport review and the visit summary. Outside a live clinician link
everything is 404; another role is 403; every read and write is in the patient's access log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from app.auth.deps import ClinicianUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.core.types import IsoDate
from app.outcomes import checkins, goals, notes, objective, phase_page, return_to_sport, summary
from app.outcomes.measure_schemas import TestIn, TestKindName, TestList, TestOut
from app.outcomes.review_schemas import (
    ConfirmationIn,
    ConfirmationOut,
    PhasePage,
    ReturnToSportReview,
)
from app.outcomes.schemas import (
    CheckInsOut,
    GoalIn,
    GoalList,
    GoalOut,
    GoalPatch,
    NoteIn,
    NoteList,
    NoteOut,
    NotePatch,
)
from app.outcomes.summary_schemas import VisitSummary
from app.sharing.deps import LinkedDep

router = APIRouter(
    prefix="/api/v1/clinician/patients/{patient_id}",
    tags=["clinician: outcomes"],
    responses=problem_responses(403, 404),
)


From = Annotated[IsoDate | None, Query(alias="from")]
To = Annotated[IsoDate | None, Query(alias="to")]


@router.get("/check-ins", response_model=CheckInsOut)
def check_ins(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    start: From = None,
    end: To = None,
) -> CheckInsOut:
    """The patient's check-ins and trends (`from`..`to`, default the last 26 weeks), for the
    patient page beside the pain charts."""
    page = checkins.read_check_in_page(session, clinician, linked.patient, start, end, utcnow())
    return CheckInsOut.model_validate(page, from_attributes=True)


@router.get("/tests", response_model=TestList)
def tests(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    kind: TestKindName | None = None,
) -> TestList:
    """Every test, yours and the patient's self-tests, newest first."""
    rows = objective.read_tests(session, clinician, linked, kind, utcnow())
    return TestList(tests=[TestOut.model_validate(r) for r in rows])


@router.post("/tests", response_model=TestOut, status_code=status.HTTP_201_CREATED)
def record_test(
    body: TestIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> TestOut:
    """Record a test (strength and bridge: both sides, giving a symmetry index)."""
    return TestOut.model_validate(objective.record_test(session, clinician, linked, body, utcnow()))


@router.get("/goals", response_model=GoalList)
def goal_list(linked: LinkedDep, clinician: ClinicianUser, session: SessionDep) -> GoalList:
    """The goals you and the patient set."""
    return GoalList.model_validate(goals.read_goals(session, clinician, linked.patient, utcnow()))


@router.post(
    "/goals",
    response_model=GoalOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
def add_goal(
    body: GoalIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> GoalOut:
    """Set a goal with the patient (409 beyond 10 active ones)."""
    done = goals.add_goal(session, linked.patient, clinician, body, utcnow())
    return GoalOut.model_validate(done)


@router.patch("/goals/{goal_id}", response_model=GoalOut, responses=problem_responses(409))
def change_goal(
    goal_id: uuid.UUID,
    body: GoalPatch,
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
) -> GoalOut:
    """Change a goal's text, target date or status."""
    done = goals.change_goal(session, linked.patient, clinician, goal_id, body, utcnow())
    return GoalOut.model_validate(done)


@router.get("/notes", response_model=NoteList)
def note_list(linked: LinkedDep, clinician: ClinicianUser, session: SessionDep) -> NoteList:
    """Your notes on this patient (another clinician's are never shown)."""
    rows = notes.read_notes(session, clinician, linked, utcnow())
    return NoteList.model_validate({"notes": rows})


@router.post(
    "/notes",
    response_model=NoteOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
def write_note(
    body: NoteIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> NoteOut:
    """Write a note: private to you unless `shared` (then the patient reads it too)."""
    done = notes.write_note(session, clinician, linked, body.text, body.shared, utcnow())
    return NoteOut.model_validate(done)


@router.patch("/notes/{note_id}", response_model=NoteOut)
def share_note(
    note_id: uuid.UUID,
    body: NotePatch,
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
) -> NoteOut:
    """Share one of your notes with the patient, or stop sharing it."""
    done = notes.share_note(session, clinician, linked, note_id, body.shared, utcnow())
    return NoteOut.model_validate(done)


@router.get("/phase", response_model=PhasePage)
def phase(linked: LinkedDep, clinician: ClinicianUser, session: SessionDep) -> PhasePage:
    """The patient's phase page: each criterion for the next phase with its live status."""
    page = phase_page.read_phase_page(session, clinician, linked, utcnow())
    return PhasePage.model_validate(page)


@router.get("/return-to-sport", response_model=ReturnToSportReview)
def return_to_sport_review(
    linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> ReturnToSportReview:
    """Every return-to-sport criterion with its number, and past confirmations."""
    answer = return_to_sport.read_review(session, clinician, linked, utcnow())
    return ReturnToSportReview.model_validate(answer)


@router.post(
    "/return-to-sport/confirmations",
    response_model=ConfirmationOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
def confirm_return_to_sport(
    body: ConfirmationIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> ConfirmationOut:
    """Confirm the review (phase 5 only, 409 otherwise; a note is required when a criterion
    is not met). It records who and when; it does not change the phase."""
    done = return_to_sport.confirm_review(session, clinician, linked, body.note, utcnow())
    return ConfirmationOut.model_validate(done)


@router.get("/summary", response_model=VisitSummary)
def visit_summary(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    start: From = None,
    end: To = None,
) -> VisitSummary:
    """The one-page visit summary of `from`..`to` (default: since your last visit, the latest
    earlier day you viewed this summary or wrote a note; else six weeks; at most 26 weeks)."""
    answer = summary.visit_summary(session, clinician, linked, start, end, utcnow())
    return VisitSummary.model_validate(answer)
