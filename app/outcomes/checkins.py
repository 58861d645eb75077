"""The weekly check-in: the patient's activities, one answer per ISO week (sending the same
week again replaces it, the same answer twice changes nothing), and the status row's latest
check-in so that dashboards notice. No decision is read or written here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.counters import CHANGE_SEQ, next_value
from app.core.db import writing
from app.core.errors import InvalidInput
from app.logs.service import lock_patient
from app.models import CheckIn, CheckInActivity, PatientStatus, User
from app.outcomes.due import is_check_in_due, is_check_in_overdue, week_start
from app.outcomes.questionnaire import GLOBAL_CHANGE, GLOBAL_CHANGE_NAME, questionnaire
from app.outcomes.schemas import CheckInIn
from app.outcomes.trends import check_in_trends

ANSWER_WINDOW_DAYS = 28
DEFAULT_WEEKS = 26
MAX_RANGE_DAYS = 366


@dataclass(frozen=True, slots=True)
class SavedCheckIn:
    check_in: dict[str, Any]
    created: bool


def activities_of(
    session: Session, patient_id: uuid.UUID, current_only: bool = True
) -> list[CheckInActivity]:
    query = select(CheckInActivity).where(CheckInActivity.patient_id == patient_id)
    if current_only:
        query = query.where(col(CheckInActivity.retired_at).is_(None))
    return list(session.exec(query.order_by(col(CheckInActivity.position))).all())


def set_activities(
    session: Session, patient: User, labels: list[str], now: datetime
) -> list[CheckInActivity]:
    """Replace the current activities: a label kept (same words, any case) keeps its id."""
    with writing(session):
        lock_patient(session, patient.id)
        current = {a.label.casefold(): a for a in activities_of(session, patient.id)}
        kept: list[CheckInActivity] = []
        for position, label in enumerate(labels, start=1):
            activity = current.pop(label.casefold(), None)
            if activity is None:
                activity = CheckInActivity(
                    patient_id=patient.id, position=position, label=label, created_at=now
                )
            activity.position, activity.label = position, label
            session.add(activity)
            kept.append(activity)
        for retired in current.values():
            retired.retired_at = now
            session.add(retired)
        session.flush()
    return kept


def _answer_date(patient: User, answered_on: date | None, now: datetime) -> date:
    today = today_in(patient.timezone, now)
    day = answered_on or today
    if day > today + timedelta(days=1):
        raise InvalidInput("answered_on", "must not be after tomorrow")
    if day < today - timedelta(days=ANSWER_WINDOW_DAYS):
        raise InvalidInput("answered_on", f"must be within the last {ANSWER_WINDOW_DAYS} days")
    return day


def _ratings(session: Session, patient_id: uuid.UUID, body: CheckInIn) -> list[dict[str, Any]]:
    """Scores for current activities only, each at most once, in the form's order."""
    position = {a.id: a.position for a in activities_of(session, patient_id)}
    seen: set[uuid.UUID] = set()
    for rating in body.activities:
        if rating.activity_id not in position:
            raise InvalidInput("activities", "rate only your current activities")
        if rating.activity_id in seen:
            raise InvalidInput("activities", "rate each activity once")
        seen.add(rating.activity_id)
    ordered = sorted(body.activities, key=lambda r: position[r.activity_id])
    return [{"activity_id": str(r.activity_id), "score": r.score} for r in ordered]


def save_check_in(session: Session, patient: User, body: CheckInIn, now: datetime) -> SavedCheckIn:
    """Create (created=True) or replace this week's check-in; an identical answer is a no-op."""
    day = _answer_date(patient, body.answered_on, now)
    week = week_start(day)
    with writing(session):
        lock_patient(session, patient.id)
        values: dict[str, Any] = {
            "answered_on": day,
            "ratings": _ratings(session, patient.id, body),
            "confidence": body.confidence,
            "fear": body.fear,
            "global_change": GLOBAL_CHANGE[body.global_change],
        }
        row = session.exec(
            select(CheckIn).where(CheckIn.patient_id == patient.id, CheckIn.week_start == week)
        ).first()
        if row is not None and all(getattr(row, k) == v for k, v in values.items()):
            return SavedCheckIn(check_in_view(row, _labels(session, patient.id)), created=False)
        created = row is None
        if row is None:
            row = CheckIn(patient_id=patient.id, week_start=week, created_at=now, **values)
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.version += 1
        row.updated_at = now
        session.add(row)
        session.flush()
        refresh_latest_check_in(session, patient.id, now)
    return SavedCheckIn(check_in_view(row, _labels(session, patient.id)), created=created)


def refresh_latest_check_in(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Copy the newest week's check-in to the status row and give the row a new change
    number, so a polled dashboard's ETag moves (inside the caller's write)."""
    latest = session.exec(
        select(col(CheckIn.week_start), col(CheckIn.confidence))
        .where(CheckIn.patient_id == patient_id)
        .order_by(col(CheckIn.week_start).desc())
        .limit(1)
    ).first()
    session.execute(
        update(PatientStatus)
        .where(col(PatientStatus.patient_id) == patient_id)
        .values(
            last_check_in_week=latest[0] if latest else None,
            latest_confidence=latest[1] if latest else None,
            updated_at=now,
            change_seq=next_value(session, CHANGE_SEQ),  # last: holds the counter briefly
        )
    )


def _labels(session: Session, patient_id: uuid.UUID) -> dict[str, str]:
    return {str(a.id): a.label for a in activities_of(session, patient_id, current_only=False)}


def check_in_view(row: CheckIn, labels: dict[str, str]) -> dict[str, Any]:
    return {
        "id": row.id,
        "week_start": row.week_start,
        "answered_on": row.answered_on,
        "activities": [
            {"activity_id": r["activity_id"], "label": labels.get(r["activity_id"], ""), **r}
            for r in row.ratings
        ],
        "confidence": row.confidence,
        "fear": row.fear,
        "global_change": GLOBAL_CHANGE_NAME[row.global_change],
        "global_change_score": row.global_change,
        "version": row.version,
        "updated_at": row.updated_at,
    }


def check_ins_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[CheckIn]:
    """Check-ins whose week starts in start..end, oldest first."""
    return list(
        session.exec(
            select(CheckIn)
            .where(
                CheckIn.patient_id == patient_id,
                col(CheckIn.week_start) >= week_start(start),
                col(CheckIn.week_start) <= end,
            )
            .order_by(col(CheckIn.week_start))
        ).all()
    )


def check_in_page(
    session: Session,
    patient: User,
    start: date | None,
    end: date | None,
    now: datetime,
) -> dict[str, Any]:
    """The form, the current activities, whether this week is due, and the check-ins of
    `start`..`end` (default: the last 26 weeks) with their trends."""
    today = today_in(patient.timezone, now)
    end = end or today
    start = start or week_start(end) - timedelta(weeks=DEFAULT_WEEKS - 1)
    if start > end:
        raise InvalidInput("from", "must be on or before `to`")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidInput("from", f"the range may span at most {MAX_RANGE_DAYS} days")
    rows = check_ins_between(session, patient.id, start, end)
    every = activities_of(session, patient.id, current_only=False)
    labels = {str(a.id): a.label for a in every}
    latest = session.exec(
        select(CheckIn)
        .where(CheckIn.patient_id == patient.id)
        .order_by(col(CheckIn.week_start).desc())
        .limit(1)
    ).first()
    last_week = latest.week_start if latest else None
    status = session.get(PatientStatus, patient.id)
    first_log_date = status.first_log_date if status else None
    this_week = latest if latest and latest.week_start == week_start(today) else None
    return {
        "questionnaire": questionnaire(),
        "activities": [a for a in every if a.retired_at is None],
        "week_start": week_start(today),
        "due": is_check_in_due(last_week, today),
        "overdue": is_check_in_overdue(last_week, first_log_date, today),
        "this_week": check_in_view(this_week, labels) if this_week else None,
        "check_ins": [check_in_view(row, labels) for row in reversed(rows)],
        "trends": check_in_trends(rows, every),
    }


def read_check_in_page(
    session: Session,
    clinician: User,
    patient: User,
    start: date | None,
    end: date | None,
    now: datetime,
) -> dict[str, Any]:
    """check_in_page, read by a linked clinician (recorded in the patient's access log)."""
    with writing(session):
        page = check_in_page(session, patient, start, end, now)
        record_access(session, clinician, [patient.id], "check_ins_viewed", now)
    return page
