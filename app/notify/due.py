"""Which patient messages are due at an instant: the evening reminder, the morning prompt after
a training day, the weekly check-in. Only users with a push subscription are considered."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, col, select

from app.models import DailyLog, NotificationSetting, PatientStatus, PushSubscription, User
from app.notify.checkin import weekly_checkin_due
from app.notify.outbox import Due
from app.notify.preferences import defaults
from app.notify.texts import DAILY_REMINDER, MORNING_PROMPT, WEEKLY_CHECKIN
from app.rules import MAINTENANCE_PHASE

# How late after the chosen time a message still goes (e.g. after a restart), within the day.
REMINDER_WINDOW = timedelta(hours=2)
MORNING_WINDOW = timedelta(hours=4)


@dataclass(frozen=True, slots=True)
class Recipient:
    user_id: uuid.UUID
    today: date
    clock: time  # local wall-clock time now
    settings: NotificationSetting


def in_window(clock: time, start: time, width: timedelta) -> bool:
    """`clock` is at or after `start` and less than `width` later (the same local day)."""
    elapsed = (clock.hour * 60 + clock.minute) - (start.hour * 60 + start.minute)
    return 0 <= elapsed < width.total_seconds() / 60


def recipients(session: Session, role: str, now: datetime) -> Iterator[Recipient]:
    """Users of a role with at least one subscription, with their local date, time, settings."""
    subscribed = select(PushSubscription.user_id).distinct()
    rows = session.exec(
        select(User.id, User.timezone, NotificationSetting)
        .outerjoin(NotificationSetting, col(NotificationSetting.user_id) == col(User.id))
        .where(User.role == role, col(User.id).in_(subscribed))
    ).all()
    for user_id, timezone, settings in rows:
        local = now.astimezone(ZoneInfo(timezone))
        yield Recipient(user_id, local.date(), local.time(), settings or defaults(user_id))


def trained(log: Any) -> bool:
    """A loading session or a run (what the next morning's check reads, rules reading 5)."""
    return any(
        getattr(log, name) is not None
        for name in ("loading_pain", "loading_stage", "sprint_pain", "sprint_speed_pct")
    )


def due_for_patients(session: Session, now: datetime) -> list[Due]:
    candidates: list[tuple[Recipient, str]] = []
    for who in recipients(session, "patient", now):
        s = who.settings
        if s.daily_reminder and in_window(who.clock, s.reminder_time, REMINDER_WINDOW):
            candidates.append((who, DAILY_REMINDER))
        if s.weekly_checkin and in_window(who.clock, s.reminder_time, REMINDER_WINDOW):
            candidates.append((who, WEEKLY_CHECKIN))
        if s.morning_prompt and in_window(who.clock, s.morning_time, MORNING_WINDOW):
            candidates.append((who, MORNING_PROMPT))
    if not candidates:
        return []
    first = min(who.today for who, _ in candidates) - timedelta(days=1)
    logs = {
        (log.patient_id, log.log_date): log
        for log in session.exec(
            select(DailyLog).where(
                col(DailyLog.patient_id).in_({who.user_id for who, _ in candidates}),
                col(DailyLog.log_date) >= first,
            )
        ).all()
    }
    maintenance = set(
        session.exec(
            select(PatientStatus.patient_id).where(
                col(PatientStatus.patient_id).in_({who.user_id for who, _ in candidates}),
                PatientStatus.phase == MAINTENANCE_PHASE,
            )
        ).all()
    )
    due = []
    for who, kind in candidates:
        today_log = logs.get((who.user_id, who.today))
        if kind == DAILY_REMINDER and (today_log is not None or who.user_id in maintenance):
            continue  # already logged today, or in maintenance (the daily log is optional)
        if kind == MORNING_PROMPT:
            yesterday = logs.get((who.user_id, who.today - timedelta(days=1)))
            if yesterday is None or not trained(yesterday):
                continue
            if today_log is not None and today_log.morning_pain is not None:
                continue
        if kind == WEEKLY_CHECKIN and not weekly_checkin_due(session, who.user_id, who.today):
            continue
        due.append(Due(who.user_id, kind, who.today))
    return due
