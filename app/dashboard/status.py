"""The per-patient status row: refreshed inside every write's transaction, read by dashboards.

A write has just recomputed the days it touched and holds their logs and decisions; the row
is rebuilt from that data (no history read again) and the change number is taken last.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, update
from sqlmodel import Session, col, select

from app.core.counters import CHANGE_SEQ, next_value
from app.dashboard.window import pack
from app.logs.decisions import LOOKBACK_DAYS, Recomputed, load_day_logs
from app.logs.patient_settings import load_history, setting_on
from app.logs.records import current_rows
from app.models import DailyLog, DecisionRecord, PatientStatus


def _window(
    session: Session, patient_id: uuid.UUID, since: date, today: date, recomputed: Recomputed | None
) -> Recomputed:
    """Logs and current decisions of the 28 days up to today (reused when already loaded)."""
    if recomputed is not None and recomputed.covers(since, today):
        return recomputed
    history = recomputed.history if recomputed else load_history(session, patient_id)
    logs, _ = load_day_logs(session, patient_id, since, today)
    records = current_rows(session, patient_id, since, today)
    return Recomputed(since, today, history, logs, records, {})


def _log_span(
    session: Session, patient_id: uuid.UUID, row: Any, written: date | None
) -> tuple[date | None, date | None]:
    if row is not None and written is not None:
        first = min(row.first_log_date or written, written)
        return first, max(row.last_log_date or written, written)
    span = session.exec(
        select(func.min(DailyLog.log_date), func.max(DailyLog.log_date)).where(
            DailyLog.patient_id == patient_id
        )
    ).one()
    return span[0], span[1]


def _last_progress(
    session: Session, patient_id: uuid.UUID, row: Any, window: Recomputed
) -> date | None:
    progressed = [d for d, r in window.records.items() if r.progressed]
    if progressed:
        return max(progressed)
    previous = row.last_progress_date if row else None
    if previous is None or previous < window.window_start:
        return previous  # the recomputed days cannot have changed it
    return session.exec(
        select(func.max(DecisionRecord.decision_date)).where(
            DecisionRecord.patient_id == patient_id,
            col(DecisionRecord.superseded_at).is_(None),
            col(DecisionRecord.progressed),
        )
    ).one()


STATUS = PatientStatus.__table__  # type: ignore[attr-defined]
_READ = select(STATUS.c.first_log_date, STATUS.c.last_log_date, STATUS.c.last_progress_date).where(
    STATUS.c.patient_id == bindparam("pid")
)
_FIELDS = (
    "phase",
    "first_log_date",
    "last_log_date",
    "decision_date",
    "decision",
    "referral",
    "phase_ready",
    "last_progress_date",
    "recent",
    "updated_at",
    "change_seq",
)
_UPDATE = (
    update(STATUS)
    .where(STATUS.c.patient_id == bindparam("pid"))
    .values({name: bindparam(f"new_{name}") for name in _FIELDS})
)


def refresh_status(
    session: Session,
    patient_id: uuid.UUID,
    today: date,
    now: datetime,
    *,
    recomputed: Recomputed | None = None,
    written: date | None = None,
) -> None:
    """Rebuild the patient's row and give it a new change number.

    `recomputed` is what the write just loaded and decided; `written` the date of a log just
    created or replaced (so the first and last log dates need no query).
    """
    since = today - timedelta(days=LOOKBACK_DAYS)
    window = _window(session, patient_id, since, today, recomputed)
    conn = session.connection()
    row = conn.execute(_READ, {"pid": patient_id}).first()
    first, last = _log_span(session, patient_id, row, written)
    morning = {day: log.morning_pain for day, log in window.logs.items() if since <= day <= today}
    in_window = {d: r for d, r in window.records.items() if since <= d <= today}
    recent = pack(today, morning, {day: r.decision for day, r in in_window.items()})
    latest = in_window[max(in_window)] if in_window else None
    values = {
        "phase": setting_on(window.history, today).phase,
        "first_log_date": first,
        "last_log_date": last,
        "decision_date": latest.decision_date if latest else None,
        "decision": latest.decision if latest else None,
        "referral": latest.referral if latest else None,
        "phase_ready": latest.phase_ready if latest else False,
        "last_progress_date": _last_progress(session, patient_id, row, window),
        "recent": recent,
        "updated_at": now,
        "change_seq": next_value(session, CHANGE_SEQ),  # last: holds the counter's lock briefly
    }
    if row is None:
        conn.execute(insert(STATUS), {"patient_id": patient_id, **values})
    else:
        conn.execute(_UPDATE, {"pid": patient_id, **{f"new_{k}": v for k, v in values.items()}})


def touch_status(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Mark the row changed (e.g. a new display name) without recomputing it."""
    session.connection().execute(
        update(STATUS)
        .where(STATUS.c.patient_id == patient_id)
        .values(updated_at=now, change_seq=next_value(session, CHANGE_SEQ))
    )
