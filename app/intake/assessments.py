"""A linked clinician's assessments: the clinical tests (objective tests, the outcomes model),
the impression they confirm, and the starting phase and thresholds, applied through the
settings history exactly like a PATCH of the patient. Every read and write is access-logged."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import InvalidInput
from app.dashboard.patient_record import apply_settings
from app.intake.assessment_schemas import AssessmentIn, ClinicalTests
from app.intake.emphasis import apply_emphasis
from app.intake.maintenance import checks_of, tests_by_id
from app.intake.profile import starting_profile
from app.intake.service import has_clinician, intake_of, intake_view
from app.intake.status import refresh_intake_status
from app.logs.backlog import finish_pending, lock_patient
from app.models import Assessment, ObjectiveTest, User
from app.outcomes.kinds import check_test
from app.outcomes.objective import checked_date, names_of, test_row, test_view
from app.sharing.service import LinkedPatient

LIST_LIMIT = 50
MAINTENANCE_SHOWN = 6


def test_values(tests: ClinicalTests) -> list[dict[str, Any]]:
    """Each test given, as the outcomes model's values (checked by its `check_test`)."""
    values: list[dict[str, Any]] = []
    for kind in ("ischial_palpation", "bent_knee_stretch", "modified_bent_knee_stretch"):
        values += _side_test(kind, getattr(tests, kind))
    values += _side_test("puranen_orava", tests.puranen_orava)
    values += _side_test("slump", tests.slump)
    if tests.straight_leg_raise is not None:
        slr = tests.straight_leg_raise
        values.append(
            {
                "kind": "straight_leg_raise",
                "side": slr.side,
                "result": slr.result,
                "value": float(slr.range_deg),
                "unit": "deg",
                "note": slr.note,
            }
        )
    if tests.single_leg_bridge is not None:
        bridge = tests.single_leg_bridge
        values.append(
            {
                "kind": "single_leg_bridge",
                "side": bridge.affected,
                "left": float(bridge.left),
                "right": float(bridge.right),
                "unit": "reps",
                "note": bridge.note,
            }
        )
    return values


def _side_test(kind: str, test: Any) -> list[dict[str, Any]]:
    if test is None:
        return []
    return [{"kind": kind, "side": test.side, "result": test.result, "note": test.note}]


def assessment_view(
    row: Assessment, tests: list[ObjectiveTest], names: dict[Any, str]
) -> dict[str, Any]:
    return {
        "id": row.id,
        "assessed_on": row.assessed_on,
        "clinician": names.get(row.clinician_id) if row.clinician_id else None,
        "impression": row.impression,
        "emphasis": row.emphasis,
        "starting_phase": row.starting_phase,
        "thresholds": row.thresholds,
        "follows_suggestion": row.follows_suggestion,
        "tests": [test_view(t, names) for t in tests],
        "note": row.note,
        "created_at": row.created_at,
    }


def assessments_of(session: Session, patient_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = list(
        session.exec(
            select(Assessment)
            .where(Assessment.patient_id == patient_id)
            .order_by(col(Assessment.assessed_on).desc(), col(Assessment.created_at).desc())
            .limit(LIST_LIMIT)
        ).all()
    )
    tests = tests_by_id(session, rows)
    names = names_of(
        session,
        {row.clinician_id for row in rows} | {t.recorded_by_id for t in tests.values()},
    )
    return [
        assessment_view(row, [tests[i] for i in row.test_ids if i in tests], names) for row in rows
    ]


def _maintenance(session: Session, patient_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = checks_of(session, patient_id, MAINTENANCE_SHOWN)
    return [
        {
            "checked_on": r.checked_on,
            "kind": r.kind,
            "suggest_step_back": r.suggest_step_back,
            "reasons": r.reasons,
        }
        for r in rows
    ]


def assessment_page(session: Session, patient_id: uuid.UUID) -> dict[str, Any]:
    assessments = assessments_of(session, patient_id)
    return {
        "intake": intake_view(
            intake_of(session, patient_id),
            has_clinician(session, patient_id),
            assessments[0]["emphasis"] if assessments else None,
        ),
        "assessments": assessments,
        "last": assessments[0] if assessments else None,
        "maintenance": _maintenance(session, patient_id),
    }


def read_assessments(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> dict[str, Any]:
    with writing(session):
        page = assessment_page(session, linked.patient.id)
        record_access(session, clinician, [linked.patient.id], "assessments_viewed", now)
    return page


def record_assessment(
    session: Session, clinician: User, linked: LinkedPatient, body: AssessmentIn, now: datetime
) -> dict[str, Any]:
    """Check everything, then in one transaction apply a starting phase or thresholds (the
    settings path: decisions are recomputed) and write the tests and the assessment; a neural
    emphasis puts the plan on sliders only and locks its neural component in it. Only the
    days the settings change beyond the first chunk are decided after it (app/logs/backlog.py)."""
    patient = linked.patient
    today = today_in(patient.timezone, now)
    on = checked_date("assessed_on", body.assessed_on, today)
    if not body.confirmed:
        raise InvalidInput("confirmed", "confirm the impression as your own")
    values = test_values(body.tests)
    for each in values:
        check_test(each, False)
    thresholds = body.thresholds.model_dump(exclude_none=True) if body.thresholds else {}
    emphasis = body.emphasis or body.impression
    with writing(session):  # the settings and the assessment together, or neither
        lock_patient(session, patient.id)
        complete = True
        if body.starting_phase is not None or thresholds:
            complete = apply_settings(
                session, clinician, patient, body.starting_phase, thresholds, today, today, now
            )
        intake = intake_of(session, patient.id)
        suggestion = starting_profile(intake.answers) if intake else None
        follows = bool(
            suggestion
            and suggestion["emphasis"] == emphasis
            and body.starting_phase in (None, suggestion["suggested_phase"])
        )
        tests = [test_row(v, patient.id, clinician.id, on, False, now) for v in values]
        for test in tests:
            session.add(test)
        row = Assessment(
            patient_id=patient.id,
            clinician_id=clinician.id,
            assessed_on=on,
            impression=body.impression,
            emphasis=emphasis,
            starting_phase=body.starting_phase,
            thresholds=thresholds,
            suggestion=suggestion,
            follows_suggestion=follows,
            test_ids=[str(t.id) for t in tests],
            note=body.note,
            created_at=now,
        )
        session.add(row)
        session.flush()
        refresh_intake_status(session, patient.id, now)
        detail = {"assessment": str(row.id), "impression": body.impression}
        if apply_emphasis(session, clinician, patient, emphasis, now):
            detail["plan"] = "neural: sliders only, locked"
        record_access(session, clinician, [patient.id], "assessment_recorded", now, detail)
    if not complete:  # later days' decisions, in short transactions (app/logs/backlog.py)
        finish_pending(session, patient.id, today, now)
    return assessment_view(row, tests, {clinician.id: clinician.display_name})
