"""Compute and store decisions: the service side of the pure rules (replay: app/logs/replay.py).

`recompute` decides a range of days and stores what changed; `preview_guidance` decides one day
the same way without storing it (the coach's view of a day the patient has not logged yet).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.logs.decision_batch import DayBatch, Extras, Recomputed
from app.logs.decision_inputs import (
    LOOKBACK_DAYS,
    StepUps,
    last_step_ups,
    load_clearances,
    load_day_logs,
    load_episode_days,
)
from app.logs.records import RecordRow, StoredGuidance, current_rows, guidance_of
from app.logs.status_inputs import StatusInputs, read_status_inputs
from app.models import LogRevision, PatientSetting
from app.patients.settings import load_history
from app.rules import RULESET_VERSION

__all__ = [
    "LOOKBACK_DAYS",
    "Recomputed",
    "is_current",
    "load_day_logs",
    "preview_guidance",
    "recompute",
    "stale",
]


def _load(
    session: Session,
    patient_id: uuid.UUID,
    start: date,
    end: date,
    status: StatusInputs | None = None,
    history: list[PatientSetting] | None = None,
) -> tuple[Recomputed, Extras, dict[date, str]]:
    """Everything the decisions of start..end read, in a few queries (the status row tells
    whether anything older than the window is needed: app/logs/status_inputs.py)."""
    status = status or read_status_inputs(session, patient_id)
    history = history if history is not None else load_history(session, patient_id)
    window_start = start - timedelta(days=LOOKBACK_DAYS)
    logs, canonical = load_day_logs(session, patient_id, window_start, end)
    older = status.older_episode_days(window_start)
    episode_days = load_episode_days(session, patient_id, window_start, logs, canonical, older)
    clearances = load_clearances(session, patient_id) if episode_days.marked else ()
    step_ups = StepUps(
        lambda: last_step_ups(session, patient_id, window_start),
        status.known_step_ups(window_start),
    )
    records = current_rows(session, patient_id, window_start, end)
    done = Recomputed(
        window_start, end, history, logs, records, {}, episode_days, clearances, status
    )
    return done, Extras(episode_days, clearances, step_ups), canonical


def recompute(
    session: Session,
    patient_id: uuid.UUID,
    start: date,
    end: date,
    cause: str,
    now: datetime,
    *,
    include_start: bool = True,
    revision: int | None = None,
    also: date | None = None,
    status: StatusInputs | None = None,
    history: list[PatientSetting] | None = None,
) -> Recomputed:
    """Recompute `start` and every later day up to `end` that has a log or a record (and the
    day `also`, when given and in the range, even without either).

    Days are decided in order in memory, so each day's prior decisions are already up to
    date; then the replaced records are superseded in one statement and the new ones inserted
    in one more. A day whose inputs did not change keeps its record.
    `revision` is the newest log revision id if the caller just wrote one; `status` and
    `history`: the status row's inputs and the settings rows, if the caller read them.
    """
    done, extras, canonical = _load(session, patient_id, start, end, status, history)
    targets = sorted(
        {d for d in (*done.logs, *done.records) if start < d <= end}
        | ({start} if include_start else set())
        | ({also} if also is not None and start <= also <= end else set())
    )
    if revision is None:
        revision = session.execute(
            select(func.max(LogRevision.id)).where(col(LogRevision.patient_id) == patient_id)
        ).scalar_one()
    batch = DayBatch(patient_id, revision, cause, now, canonical, done, extras)
    for day in targets:
        batch.decide(day)
    batch.write(session)
    return done


def preview_guidance(
    session: Session, patient_id: uuid.UUID, day: date, now: datetime
) -> dict[str, Any]:
    """The guidance `recompute` would store for `day` now, without storing anything: the
    stored record's when its inputs are unchanged."""
    done, extras, canonical = _load(session, patient_id, day, day)
    DayBatch(patient_id, None, "preview", now, canonical, done, extras).decide(day)
    if day in done.guidance:
        return done.guidance[day]
    return guidance_of(session, done.records[day].id)


def is_current(found: StoredGuidance | None, day: date, today: date) -> bool:
    """A stored guidance that may be shown as `day`'s: made by this ruleset where it must be
    (`stale`) and not in the patient's backlog (app/logs/backlog.py)."""
    if found is None or stale(found.record, today):
        return False
    return found.pending_from is None or day < found.pending_from


def stale(record: RecordRow | None, today: date) -> bool:
    """No record, or one made by an older ruleset for today or later (which this ruleset now
    decides). Records of earlier days keep the ruleset that made them: they are not rewritten
    (guardrails.md "When decisions are made")."""
    if record is None:
        return True
    return record.ruleset != RULESET_VERSION and record.decision_date >= today
