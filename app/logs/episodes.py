"""Red-flag episodes as the app stores and closes them: the rules derive which are open (from
the logs and clearances); a clearance is a linked clinician's check, kept with who made it."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from app.logs.decision_inputs import load_clearances, load_episode_days
from app.logs.decisions import LOOKBACK_DAYS, Recomputed, load_day_logs, recompute
from app.logs.plan import follow_plan
from app.logs.status import refresh_status
from app.models import RedFlagClearance
from app.rules import Episode


def episodes_on(session: Session, patient_id: uuid.UUID, day: date) -> tuple[Episode, ...]:
    """The episodes open on `day`, oldest first (read only: nothing is recomputed)."""
    since = day - timedelta(days=LOOKBACK_DAYS)
    logs, canonical = load_day_logs(session, patient_id, since, day)
    episode_days = load_episode_days(session, patient_id, since, logs, canonical)
    if not episode_days.marked:
        return ()
    clearances = load_clearances(session, patient_id)
    window = Recomputed(since, day, [], logs, {}, {}, episode_days, clearances)
    return window.episodes_on(day)


def add_clearance(
    session: Session,
    patient_id: uuid.UUID,
    clinician_id: uuid.UUID,
    checked_on: date,
    note: str | None,
    today: date,
    now: datetime,
) -> RedFlagClearance:
    """Store a check and recompute the decisions from its date (inside the caller's write)."""
    clearance = RedFlagClearance(
        patient_id=patient_id,
        clinician_id=clinician_id,
        checked_on=checked_on,
        note=note,
        created_at=now,
    )
    session.add(clearance)
    session.flush()
    done = recompute(session, patient_id, checked_on, today, "clearance_recorded", now)
    follow_plan(session, patient_id, done, now, today=today)
    refresh_status(session, patient_id, today, now, recomputed=done)
    return clearance


def list_clearances(session: Session, patient_id: uuid.UUID) -> list[RedFlagClearance]:
    """The patient's clearances, newest first."""
    return list(
        session.exec(
            select(RedFlagClearance)
            .where(RedFlagClearance.patient_id == patient_id)
            .order_by(col(RedFlagClearance.created_at).desc())
        ).all()
    )
