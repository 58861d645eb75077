"""When the weekly check-in is due: one per ISO week (Monday to Sunday, the patient's local
calendar). Public for reminders (app/notify) and the dashboard."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from sqlmodel import Session, col, select

from app.models import PatientStatus

OVERDUE_AFTER_DAYS = 7


def week_start(day: date) -> date:
    """The Monday of `day`'s ISO week: the week a check-in answered on `day` counts for."""
    return day - timedelta(days=day.weekday())


def is_check_in_due(last_week: date | None, today: date) -> bool:
    """Due when this week (today's ISO week) has no check-in yet."""
    return last_week is None or last_week < week_start(today)


def is_check_in_overdue(last_week: date | None, first_log_date: date | None, today: date) -> bool:
    """Overdue when a whole ISO week went by without one: the last check-in is older than
    last week's, or there was never one and the first log is at least 7 days old."""
    if last_week is not None:
        return last_week < week_start(today) - timedelta(days=7)
    return first_log_date is not None and first_log_date <= today - timedelta(
        days=OVERDUE_AFTER_DAYS
    )


def check_in_due(session: Session, patient_id: uuid.UUID, today: date) -> bool:
    """Is the patient's weekly check-in due on `today` (their local date)? One primary-key
    read of the status row; the hook app/notify calls before a weekly reminder."""
    last_week = session.exec(
        select(col(PatientStatus.last_check_in_week)).where(PatientStatus.patient_id == patient_id)
    ).first()
    return is_check_in_due(last_week, today)
