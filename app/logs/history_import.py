"""Import a patient's history in one write: settings changes and many days of logs, decided once.

For histories that come from elsewhere (another system; the benchmarks' seeder, bench/seed.py):
each day is stored exactly as `save_daily_log` stores it (validated by `LogIn`, version 1, one
revision), but the days are decided in one forward pass instead of one recompute per day. The
records are the same a day-by-day import would leave: each day's decision reads only its own
28-day window and the earlier decisions.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import Conflict
from app.logs import store
from app.logs.backlog import lock_patient
from app.logs.decisions import recompute
from app.logs.schemas import LogIn
from app.logs.status import refresh_status
from app.models import DailyLog, User
from app.patients.settings import add_setting
from app.rules import Thresholds


@dataclass(frozen=True, slots=True)
class ImportedDay:
    log_date: date
    data: LogIn
    written_at: datetime  # when the patient wrote it (created_at, updated_at, the revision)


@dataclass(frozen=True, slots=True)
class ImportedSetting:
    effective_on: date
    phase: int
    thresholds: Thresholds = field(default_factory=Thresholds)


def import_history(
    session: Session,
    patient: User,
    days: Sequence[ImportedDay],
    now: datetime,
    *,
    settings: Sequence[ImportedSetting] = (),
    changed_by: uuid.UUID | None = None,
    decide_from: date | None = None,
) -> int:
    """Store `settings` and `days` for a patient with no logs on those days, then decide every
    day from `decide_from` (default: the first imported day) to the patient's today.

    Returns the number of decisions made.
    """
    today = today_in(patient.timezone, now)
    dates = [day.log_date for day in days]
    with writing(session):
        lock_patient(session, patient.id)
        if dates and _logged_between(session, patient.id, min(dates), max(dates)):
            raise Conflict("The patient already has logs in the imported range.")
        for setting in settings:
            add_setting(
                session,
                patient.id,
                setting.effective_on,
                setting.phase,
                setting.thresholds,
                changed_by,
            )
        session.flush()
        rows, revisions = [], []
        for day in days:
            incoming = day.data.model_dump()
            written = {"created_at": day.written_at, "updated_at": day.written_at}
            rows.append({"patient_id": patient.id, "log_date": day.log_date, **written, **incoming})
            revisions.append(
                {
                    "patient_id": patient.id,
                    "log_date": day.log_date,
                    "version": 1,
                    "values": incoming,
                    "recorded_at": day.written_at,
                }
            )
        if rows:
            store.insert_logs(session, rows)
            store.add_revisions(session, revisions)
        start = decide_from or (min(dates) if dates else today)
        done = recompute(session, patient.id, start, today, "log_written", now)
        refresh_status(session, patient.id, today, now, recomputed=done)
    return len(done.guidance)


def _logged_between(session: Session, patient_id: uuid.UUID, start: date, end: date) -> bool:
    found = session.execute(
        select(func.count())
        .select_from(DailyLog)
        .where(
            col(DailyLog.patient_id) == patient_id,
            col(DailyLog.log_date) >= start,
            col(DailyLog.log_date) <= end,
        )
    ).scalar_one()
    return bool(found)
