"""The per-patient status row: rebuilt inside every write's transaction, read by dashboards."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.core.sequence import CHANGE_SEQ, next_value
from app.logs.patient_settings import load_history, setting_on
from app.models import DailyLog, DecisionRecord, PatientStatus

RECENT_DAYS = 28


def refresh_status(session: Session, patient_id: uuid.UUID, today: date, now: datetime) -> None:
    """Recompute the patient's row from logs and current decisions, with a new change number."""
    first, last = session.exec(
        select(func.min(DailyLog.log_date), func.max(DailyLog.log_date)).where(
            DailyLog.patient_id == patient_id
        )
    ).one()
    since = today - timedelta(days=RECENT_DAYS - 1)
    logs = session.exec(
        select(DailyLog.log_date, DailyLog.morning_pain).where(
            DailyLog.patient_id == patient_id,
            col(DailyLog.log_date) >= since,
            col(DailyLog.log_date) <= today,
        )
    ).all()
    current = col(DecisionRecord.superseded_at).is_(None)
    records = session.exec(
        select(DecisionRecord)
        .where(
            DecisionRecord.patient_id == patient_id,
            current,
            col(DecisionRecord.decision_date) <= today,
        )
        .order_by(col(DecisionRecord.decision_date).desc())
        .limit(RECENT_DAYS)
    ).all()
    last_progress = session.exec(
        select(func.max(DecisionRecord.decision_date)).where(
            DecisionRecord.patient_id == patient_id, current, col(DecisionRecord.progressed)
        )
    ).one()
    recent: dict[str, dict[str, object]] = {}
    for log_date, morning in logs:
        recent[log_date.isoformat()] = {"m": morning, "l": 1}
    for record in records:
        if record.decision_date >= since:
            recent.setdefault(record.decision_date.isoformat(), {})["d"] = record.decision
    latest = records[0] if records else None
    row = session.get(PatientStatus, patient_id)
    if row is None:
        row = PatientStatus(patient_id=patient_id, phase=1, change_seq=0)
    row.phase = setting_on(load_history(session, patient_id), today).phase
    row.first_log_date, row.last_log_date = first, last
    row.decision_date = latest.decision_date if latest else None
    row.decision = latest.decision if latest else None
    row.referral = latest.referral if latest else None
    row.phase_ready = latest.phase_ready if latest else False
    row.last_progress_date = last_progress
    row.recent = recent
    row.updated_at = now
    row.change_seq = next_value(session, CHANGE_SEQ)
    session.add(row)


def touch_status(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Mark the row changed (e.g. a new display name) without recomputing it."""
    row = session.get(PatientStatus, patient_id)
    if row is not None:
        row.updated_at = now
        row.change_seq = next_value(session, CHANGE_SEQ)
        session.add(row)
