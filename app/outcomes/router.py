"""The patient's outcomes: weekly check-in, self-tests, goals, shared notes, the phase page;
and the education cards and test kinds for any signed-in user."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import JSONResponse

from app.auth.deps import CurrentUser, PatientUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.core.types import IsoDate
from app.outcomes import checkins, export, goals, notes, objective, phase_page
from app.outcomes.kinds import KINDS
from app.outcomes.measure_schemas import TestIn, TestKindList, TestKindName, TestList, TestOut
from app.outcomes.review_schemas import Education, PhasePage
from app.outcomes.schemas import (
    ActivitiesIn,
    ActivityList,
    ActivityOut,
    CheckInIn,
    CheckInOut,
    CheckInsOut,
    GoalIn,
    GoalList,
    GoalOut,
    GoalPatch,
    SharedNoteList,
)

router = APIRouter(prefix="/api/v1", tags=["outcomes"], responses=problem_responses(403))
content_router = APIRouter(prefix="/api/v1", tags=["education"])


@router.get("/me/check-ins", response_model=CheckInsOut)
def get_check_ins(
    patient: PatientUser,
    session: SessionDep,
    start: Annotated[IsoDate | None, Query(alias="from")] = None,
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
) -> CheckInsOut:
    """The form, your activities, whether this week is due, and your check-ins with trends
    (`from`..`to`, default the last 26 weeks). Trends only: they never change guidance."""
    page = checkins.check_in_page(session, patient, start, end, utcnow())
    return CheckInsOut.model_validate(page, from_attributes=True)


@router.post(
    "/me/check-ins",
    response_model=CheckInOut,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"description": "Replaced this week's check-in", "model": CheckInOut}},
)
def post_check_in(body: CheckInIn, patient: PatientUser, session: SessionDep) -> Response:
    """This week's check-in: 201 when new, 200 when it replaces the week's earlier answer
    (sending the same answer again changes nothing)."""
    saved = checkins.save_check_in(session, patient, body, utcnow())
    data = CheckInOut.model_validate(saved.check_in).model_dump(mode="json")
    return JSONResponse(data, status_code=201 if saved.created else 200)


@router.put("/me/check-ins/activities", response_model=ActivityList)
def put_activities(body: ActivitiesIn, patient: PatientUser, session: SessionDep) -> ActivityList:
    """Name (or change) the up to 3 activities you rate each week."""
    rows = checkins.set_activities(session, patient, body.activities, utcnow())
    return ActivityList(
        activities=[ActivityOut.model_validate(r, from_attributes=True) for r in rows]
    )


@router.get(
    "/me/check-ins/export",
    response_class=Response,
    responses={
        200: {
            "description": "Your check-ins",
            "content": {"application/json": {}, "text/csv": {}, "application/fhir+json": {}},
        }
    },
)
def export_check_ins(
    patient: PatientUser,
    session: SessionDep,
    fmt: Annotated[Literal["json", "csv", "fhir"], Query(alias="format")] = "json",
) -> Response:
    """`json` (default), `csv` (one row per week) or `fhir` (R4 Bundle: QuestionnaireResponses
    against Loadline's own Questionnaire)."""
    now = utcnow()
    stamp = now.date().isoformat()
    headers = {"Cache-Control": "no-store"}
    if fmt == "csv":
        name = f"loadline-check-ins-{stamp}.csv"
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
        body = export.check_ins_csv(session, patient)
        return Response(body, media_type="text/csv; charset=utf-8", headers=headers)
    if fmt == "fhir":
        headers["Content-Disposition"] = (
            f'attachment; filename="loadline-check-ins-{stamp}.fhir.json"'
        )
        bundle = export.check_ins_fhir(session, patient, now)
        return JSONResponse(bundle, media_type="application/fhir+json", headers=headers)
    headers["Content-Disposition"] = f'attachment; filename="loadline-check-ins-{stamp}.json"'
    return JSONResponse(export.check_ins_json(session, patient), headers=headers)


@router.get("/me/tests", response_model=TestList)
def get_tests(
    patient: PatientUser, session: SessionDep, kind: TestKindName | None = None
) -> TestList:
    """Your test results, by your clinician and your own self-tests, newest first."""
    rows = objective.list_tests(session, patient.id, kind)
    return TestList(tests=[TestOut.model_validate(r) for r in rows])


@router.post("/me/tests", response_model=TestOut, status_code=status.HTTP_201_CREATED)
def post_self_test(body: TestIn, patient: PatientUser, session: SessionDep) -> TestOut:
    """Record a self-test (strength, bridge or another test; slump and straight-leg raise are
    recorded by a clinician)."""
    return TestOut.model_validate(objective.record_self_test(session, patient, body, utcnow()))


@router.get("/me/goals", response_model=GoalList)
def get_goals(patient: PatientUser, session: SessionDep) -> GoalList:
    """Your goals; `current` is the one the Today page shows."""
    return GoalList.model_validate(goals.goal_list(session, patient.id))


@router.post(
    "/me/goals",
    response_model=GoalOut,
    status_code=status.HTTP_201_CREATED,
    responses=problem_responses(409),
)
def post_goal(body: GoalIn, patient: PatientUser, session: SessionDep) -> GoalOut:
    """Add a goal (409 beyond 10 active ones)."""
    return GoalOut.model_validate(goals.add_goal(session, patient, patient, body, utcnow()))


@router.patch("/me/goals/{goal_id}", response_model=GoalOut, responses=problem_responses(404, 409))
def patch_goal(
    goal_id: uuid.UUID, body: GoalPatch, patient: PatientUser, session: SessionDep
) -> GoalOut:
    """Change a goal's text, target date or status (active, met, dropped)."""
    done = goals.change_goal(session, patient, patient, goal_id, body, utcnow())
    return GoalOut.model_validate(done)


@router.get("/me/notes", response_model=SharedNoteList)
def get_shared_notes(patient: PatientUser, session: SessionDep) -> SharedNoteList:
    """Notes your clinicians chose to share with you."""
    return SharedNoteList.model_validate({"notes": notes.shared_notes(session, patient)})


@router.get("/me/phase", response_model=PhasePage)
def get_phase(patient: PatientUser, session: SessionDep) -> PhasePage:
    """Your phase: what it is for, what to do and avoid, your live status against the next
    phase's criteria, the six phases' timeline and the cards to read."""
    return PhasePage.model_validate(phase_page.phase_page(session, patient, utcnow()))


@content_router.get("/education", response_model=Education)
def get_education(_: CurrentUser) -> Education:
    """Education cards, each readable in a minute, with their sources (versioned content)."""
    return Education.model_validate(phase_page.education())


@content_router.get("/test-kinds", response_model=TestKindList)
def get_test_kinds(_: CurrentUser) -> TestKindList:
    """The objective tests Loadline records and what each one takes."""
    kinds = [
        {
            "kind": k.key,
            "title": k.title,
            "sides": k.sides,
            "units": list(k.units),
            "result": k.result_required,
            "self_test": k.self_test,
            "hint": k.hint,
            "sources": list(k.sources),
        }
        for k in KINDS.values()
    ]
    return TestKindList.model_validate({"kinds": kinds})
