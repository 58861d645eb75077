"""The return-to-sport review (phase 5): every criterion on one screen, and the clinician's
confirmation. Nothing is automatic: a confirmation is a record of who and when, with the
criteria as they stood; it does not change the phase (a clinician does that separately)."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import Conflict, InvalidInput
from app.logs.decision_inputs import load_day_logs
from app.logs.episodes import episodes_on
from app.logs.records import current_rows
from app.logs.service import lock_patient
from app.models import CheckIn, Goal, ReturnToSportReview, User
from app.outcomes.objective import latest_test, names_of
from app.outcomes.rts_criteria import STABLE_DAYS, RtsInputs, Strength, rts_criteria
from app.patients.settings import load_history, state_on
from app.sharing.service import LinkedPatient

REVIEW_PHASE = 5


def rts_inputs(session: Session, patient_id: uuid.UUID, today: date) -> RtsInputs:
    start = today - timedelta(days=STABLE_DAYS - 1)
    logs, _ = load_day_logs(session, patient_id, start, today)
    records = current_rows(session, patient_id, start, today)
    test = latest_test(session, patient_id, "hamstring_isometric", today)
    strength = None
    if test is not None and test.left_value is not None and test.right_value is not None:
        strength = Strength(
            test.tested_on, test.left_value, test.right_value, test.side, test.unit, test.self_test
        )
    check_ins = session.exec(
        select(col(CheckIn.week_start), col(CheckIn.confidence), col(CheckIn.fear))
        .where(CheckIn.patient_id == patient_id, col(CheckIn.week_start) <= today)
        .order_by(col(CheckIn.week_start).desc())
        .limit(2)
    ).all()
    statuses = session.exec(select(Goal.status).where(Goal.patient_id == patient_id)).all()
    return RtsInputs(
        today=today,
        logs=logs,
        decisions={d: (r.decision, r.referral) for d, r in records.items()},
        open_episodes=len(episodes_on(session, patient_id, today)),
        strength=strength,
        check_ins=[(w, c, f) for w, c, f in check_ins],
        goal_statuses=list(statuses),
    )


def current_criteria(session: Session, patient_id: uuid.UUID, today: date) -> list[dict[str, Any]]:
    return rts_criteria(rts_inputs(session, patient_id, today))


def _confirmations(session: Session, patient_id: uuid.UUID) -> list[dict[str, Any]]:
    rows = session.exec(
        select(ReturnToSportReview)
        .where(ReturnToSportReview.patient_id == patient_id)
        .order_by(col(ReturnToSportReview.confirmed_at).desc())
    ).all()
    names = names_of(session, {row.clinician_id for row in rows})
    return [
        {
            "id": row.id,
            "confirmed_on": row.confirmed_on,
            "confirmed_at": row.confirmed_at,
            "confirmed_by": names.get(row.clinician_id) if row.clinician_id else None,
            "all_met": row.all_met,
            "criteria": row.criteria,
            "note": row.note,
        }
        for row in rows
    ]


def review(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    today = today_in(patient.timezone, now)
    phase = state_on(load_history(session, patient.id), today).phase
    criteria = current_criteria(session, patient.id, today)
    return {
        "phase": phase,
        "in_review_phase": phase == REVIEW_PHASE,
        "as_of": today,
        "criteria": criteria,
        "all_met": all(c["met"] for c in criteria),
        "met": sum(1 for c in criteria if c["met"]),
        "confirmations": _confirmations(session, patient.id),
    }


def read_review(
    session: Session, clinician: User, linked: LinkedPatient, now: datetime
) -> dict[str, Any]:
    with writing(session):
        answer = review(session, linked.patient, now)
        record_access(session, clinician, [linked.patient.id], "rts_review_viewed", now)
    return answer


def confirm_review(
    session: Session, clinician: User, linked: LinkedPatient, note: str | None, now: datetime
) -> dict[str, Any]:
    """409 outside phase 5; 422 without a note when a criterion is not met (say why)."""
    patient = linked.patient
    today = today_in(patient.timezone, now)
    with writing(session):
        lock_patient(session, patient.id)
        if state_on(load_history(session, patient.id), today).phase != REVIEW_PHASE:
            raise Conflict("The return-to-sport review is confirmed in phase 5.")
        criteria = current_criteria(session, patient.id, today)
        all_met = all(c["met"] for c in criteria)
        if not all_met and not note:
            missing = ", ".join(c["label"] for c in criteria if not c["met"])
            raise InvalidInput("note", f"not met yet: {missing}. Add a note to confirm anyway.")
        row = ReturnToSportReview(
            patient_id=patient.id,
            clinician_id=clinician.id,
            criteria=criteria,
            all_met=all_met,
            note=note,
            confirmed_on=today,
            confirmed_at=now,
        )
        session.add(row)
        session.flush()
        detail = {"all_met": all_met}
        record_access(session, clinician, [patient.id], "rts_review_confirmed", now, detail)
    return next(c for c in _confirmations(session, patient.id) if c["id"] == row.id)
