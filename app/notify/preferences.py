"""A user's notification settings: what to send and at which local time (defaults when unset)."""

from __future__ import annotations

import uuid
from datetime import datetime, time
from typing import Any

from sqlmodel import Session

from app.core.db import writing
from app.models import NotificationSetting, User
from app.notify.texts import CLINICIAN_KINDS, PATIENT_KINDS

TIMES = ("reminder_time", "morning_time", "digest_time")


def defaults(user_id: uuid.UUID) -> NotificationSetting:
    """Every kind on; the reminder at 20:00, the morning prompt and the digest at 08:00."""
    return NotificationSetting(user_id=user_id)


def settings_of(session: Session, user_id: uuid.UUID) -> NotificationSetting:
    return session.get(NotificationSetting, user_id) or defaults(user_id)


def fields_for(role: str) -> tuple[str, ...]:
    """The settings that mean something for a role (the others are kept but unused)."""
    if role == "patient":
        return (*PATIENT_KINDS, "reminder_time", "morning_time")
    if role == "clinician":
        return (*CLINICIAN_KINDS, "digest_time")
    return ()


def view_of(user: User, row: NotificationSetting) -> dict[str, Any]:
    names = fields_for(user.role)
    return {
        "kinds": {name: getattr(row, name) for name in names if name not in TIMES},
        **{name: getattr(row, name).strftime("%H:%M") for name in names if name in TIMES},
    }


def parse_time(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


def change_settings(
    session: Session, user: User, changes: dict[str, object], now: datetime
) -> NotificationSetting:
    """Apply a partial change (only the user's own role's fields; see `fields_for`)."""
    with writing(session):
        row = session.get(NotificationSetting, user.id)
        if row is None:
            row = defaults(user.id)
        for name, value in changes.items():
            setattr(row, name, value)
        row.updated_at = now
        session.add(row)
    return row
