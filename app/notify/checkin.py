"""When the weekly check-in reminder goes: once a week, on the patient's Thursday evening (at
their reminder time), and only while this week's check-in is still missing (issue 15's "is it
due", app/outcomes/due.py). The check-in is offered in the app all week; the push is a single
nudge mid-week, not a daily one.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlmodel import Session

from app.outcomes.due import check_in_due

REMINDER_WEEKDAY = 3  # Thursday (Monday = 0): late enough to leave room, early enough to act


def weekly_checkin_due(session: Session, patient_id: uuid.UUID, today: date) -> bool:
    """Should the weekly check-in reminder go to this patient today?"""
    return today.weekday() == REMINDER_WEEKDAY and check_in_due(session, patient_id, today)
