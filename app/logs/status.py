"""The per-patient status row: refreshed inside every write's transaction, read by dashboards.

A write has just recomputed the days it touched and holds their logs and decisions; the row
is rebuilt from that data (no history read again) and the change number is taken last.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import func, update
from sqlmodel import Session, select

from app.core.counters import CHANGE_SEQ, next_value
from app.logs import statements
from app.logs.decision_inputs import (
    COMPONENT_OF,
    last_step_ups,
    load_clearances,
    load_episode_days,
)
from app.logs.decisions import LOOKBACK_DAYS, Recomputed, load_day_logs
from app.logs.records import current_rows
from app.logs.status_inputs import StatusInputs, read_status_inputs, stored_step_ups
from app.logs.window import pack
from app.models import DailyLog, PatientStatus
from app.patients.settings import load_history, setting_on
from app.rules.model import PROGRESS_RULE


def create_status(session: Session, patient_id: uuid.UUID, phase: int) -> None:
    """The row of a patient just registered (nothing logged yet), numbered like any change."""
    session.add(
        PatientStatus(
            patient_id=patient_id, phase=phase, change_seq=next_value(session, CHANGE_SEQ)
        )
    )


def _window(
    session: Session, patient_id: uuid.UUID, since: date, today: date, recomputed: Recomputed | None
) -> Recomputed:
    """Logs and current decisions of the 28 days up to today (reused when already loaded)."""
    if recomputed is not None and recomputed.covers(since, today):
        return recomputed
    history = recomputed.history if recomputed else load_history(session, patient_id)
    logs, canonical = load_day_logs(session, patient_id, since, today)
    episode_days = load_episode_days(session, patient_id, since, logs, canonical)
    clearances = load_clearances(session, patient_id) if episode_days.marked else ()
    records = current_rows(session, patient_id, since, today)
    status = recomputed.status if recomputed else None
    return Recomputed(since, today, history, logs, records, {}, episode_days, clearances, status)


def _log_span(
    session: Session, patient_id: uuid.UUID, status: StatusInputs, written: date | None
) -> tuple[date | None, date | None]:
    if status.exists and written is not None:
        first = min(status.first_log_date or written, written)
        return first, max(status.last_log_date or written, written)
    first, last = session.exec(
        select(func.min(DailyLog.log_date), func.max(DailyLog.log_date)).where(
            DailyLog.patient_id == patient_id
        )
    ).one()
    return first, last


def _step_ups(
    session: Session, patient_id: uuid.UUID, status: StatusInputs, window: Recomputed
) -> dict[str, date]:
    """Each component's last step up among the current records: the latest in the window
    just decided, else the one kept before when it is older than the window (the recompute
    could not have changed it), else (rare) the history's."""
    found: dict[str, date] = {}
    for day, record in window.records.items():
        if record.progressed:
            for rule in record.rules.split():
                component = COMPONENT_OF.get(rule)
                if component is not None and day > found.get(component, date.min):
                    found[component] = day
    unknown = False
    for component in PROGRESS_RULE:
        if component in found:
            continue
        kept = status.step_ups.get(component)
        if kept is not None and kept >= window.window_start:
            unknown = True  # it was in the window and is no more: an older one, if any
        elif kept is not None:
            found[component] = kept
    if unknown or not status.exists or status.pending_from is not None:
        older = last_step_ups(session, patient_id, window.window_start)
        for component, day in older.items():
            found.setdefault(component, day)
    return found


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
    status = window.status or read_status_inputs(session, patient_id)
    first, last = _log_span(session, patient_id, status, written)
    step_ups = _step_ups(session, patient_id, status, window)
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
        "last_progress_date": max(step_ups.values(), default=None),
        "step_ups": stored_step_ups(step_ups),
        "recent": recent,
        "open_episodes": [episode.as_dict() for episode in window.episodes_on(today)],
        "updated_at": now,
        "change_seq": next_value(session, CHANGE_SEQ),  # last: holds the counter's lock briefly
    }
    if not status.exists:
        conn.execute(statements.INSERT_STATUS, {"patient_id": patient_id, **values})
    else:
        params = {f"new_{name}": value for name, value in values.items()}
        conn.execute(statements.UPDATE_STATUS, {"pid": patient_id, **params})


def touch_status(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Mark the row changed (e.g. a new display name) without recomputing it."""
    status = statements.STATUS
    session.connection().execute(
        update(status)
        .where(status.c.patient_id == patient_id)
        .values(updated_at=now, change_seq=next_value(session, CHANGE_SEQ))
    )
