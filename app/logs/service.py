"""The patient's daily-log use cases; each write is one transaction with its decisions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.core.clock import today_in
from app.core.db import begin_write
from app.core.errors import InvalidInput, NotFound, PreconditionFailed
from app.dashboard.status import refresh_status
from app.logs.decisions import recompute, stale
from app.logs.records import RecordRow, current_guidance, current_rows, supersede
from app.logs.schemas import LogFields, LogIn
from app.models import DailyLog, LogRevision, User

LOG_FIELDS = tuple(LogFields.model_fields)
MAX_RANGE_DAYS = 366


@dataclass(frozen=True, slots=True)
class SavedLog:
    log: DailyLog
    guidance: dict[str, Any]
    etag: str
    created: bool


def log_view(log: DailyLog) -> dict[str, Any]:
    """The log as the API shows it (the fields of `LogOut`)."""
    view = {name: getattr(log, name) for name in LOG_FIELDS}
    view["log_date"], view["version"], view["updated_at"] = (
        log.log_date,
        log.version,
        log.updated_at,
    )
    return view


def etag_of(log: DailyLog, record: RecordRow) -> str:
    return f'"{log.id.hex[:16]}-{log.version}-{record.id}"'


def lock_patient(session: Session, patient_id: uuid.UUID) -> None:
    """Serialise one patient's writes (PostgreSQL row lock; SQLite's write lock already does)."""
    if session.get_bind().dialect.name != "sqlite":
        session.exec(select(User.id).where(User.id == patient_id).with_for_update()).one()


def check_log_date(patient: User, day: date, now: datetime, field: str = "log_date") -> None:
    """Refuse dates after tomorrow in the patient's time zone."""
    tomorrow = today_in(patient.timezone, now) + timedelta(days=1)
    if day > tomorrow:
        raise InvalidInput(field, f"must be on or before {tomorrow.isoformat()} (tomorrow)")


def _find_log(session: Session, patient_id: uuid.UUID, log_date: date) -> DailyLog | None:
    return session.exec(
        select(DailyLog).where(DailyLog.patient_id == patient_id, DailyLog.log_date == log_date)
    ).first()


def _check_if_match(if_match: str | None, log: DailyLog | None, record: RecordRow | None) -> None:
    if if_match is None:
        return
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" in tags and log is not None:
        return
    if log is None or record is None or etag_of(log, record) not in tags:
        raise PreconditionFailed(
            "This day's log changed since you read it. Reload it and try again."
        )


def _values(log: DailyLog) -> dict[str, Any]:
    return {name: getattr(log, name) for name in LOG_FIELDS}


def save_daily_log(
    session: Session,
    patient: User,
    log_date: date,
    data: LogIn,
    now: datetime,
    if_match: str | None = None,
) -> SavedLog:
    """Create or fully replace one day's log, then recompute that day and the days after it."""
    check_log_date(patient, log_date, now)
    begin_write(session)
    lock_patient(session, patient.id)
    log = _find_log(session, patient.id, log_date)
    found = current_guidance(session, patient.id, log_date)
    record = found[0] if found else None
    _check_if_match(if_match, log, record)
    incoming = data.model_dump()
    created = log is None
    if log is not None and found is not None and _values(log) == incoming and not stale(record):
        session.commit()
        return SavedLog(log, found[1], etag_of(log, found[0]), created=False)
    if log is None:
        log = DailyLog(patient_id=patient.id, log_date=log_date, created_at=now, **incoming)
    else:
        for name, value in incoming.items():
            setattr(log, name, value)
        log.version += 1
    log.updated_at = now
    session.add(log)
    revision = LogRevision(
        patient_id=patient.id,
        log_date=log_date,
        version=log.version,
        values=incoming,
        recorded_at=now,
    )
    session.add(revision)
    session.flush()
    today = today_in(patient.timezone, now)
    end = max(today, log_date)
    done = recompute(session, patient.id, log_date, end, "log_written", now, revision=revision.id)
    refresh_status(session, patient.id, today, now, recomputed=done, written=log_date)
    session.commit()
    record = done.records[log_date]
    # Unchanged rule inputs (e.g. only the notes changed) keep the day's record and guidance.
    guidance = done.guidance.get(log_date) or (found[1] if found else {})
    return SavedLog(log, guidance, etag_of(log, record), created=created)


def delete_daily_log(session: Session, patient: User, log_date: date, now: datetime) -> None:
    begin_write(session)
    lock_patient(session, patient.id)
    log = _find_log(session, patient.id, log_date)
    if log is None:
        raise NotFound("No log for this date.")
    session.delete(log)
    session.add(
        LogRevision(
            patient_id=patient.id,
            log_date=log_date,
            version=log.version + 1,
            values=None,
            recorded_at=now,
        )
    )
    record = current_rows(session, patient.id, log_date, log_date).get(log_date)
    if record is not None:
        supersede(session, record.id, now)
    session.flush()
    today = today_in(patient.timezone, now)
    end = max(today, log_date)
    done = recompute(session, patient.id, log_date, end, "log_deleted", now, include_start=False)
    refresh_status(session, patient.id, today, now, recomputed=done)
    session.commit()


def guidance_for(
    session: Session, patient: User, day: date, now: datetime
) -> tuple[RecordRow, dict[str, Any]]:
    """The stored decision for `day`, computed from the history first if there is none yet."""
    found = current_guidance(session, patient.id, day)
    if found is not None and not stale(found[0]):
        return found
    begin_write(session)
    lock_patient(session, patient.id)
    done = recompute(session, patient.id, day, day, "requested", now)
    refresh_status(session, patient.id, today_in(patient.timezone, now), now, recomputed=done)
    session.commit()
    if day in done.guidance:
        return done.records[day], done.guidance[day]
    again = current_guidance(session, patient.id, day)
    assert again is not None
    return again


def read_log(session: Session, patient: User, log_date: date, now: datetime) -> SavedLog:
    log = _find_log(session, patient.id, log_date)
    if log is None:
        raise NotFound("No log for this date.")
    record, guidance = guidance_for(session, patient, log_date, now)
    return SavedLog(log, guidance, etag_of(log, record), created=False)


def list_logs(
    session: Session, patient: User, start: date | None, end: date | None, now: datetime
) -> list[tuple[DailyLog, RecordRow | None]]:
    today = today_in(patient.timezone, now)
    end = end or today
    start = start or end - timedelta(days=27)
    if start > end:
        raise InvalidInput("from", "must be on or before `to`")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidInput("from", f"the range may span at most {MAX_RANGE_DAYS} days")
    logs = session.exec(
        select(DailyLog)
        .where(
            DailyLog.patient_id == patient.id,
            col(DailyLog.log_date) >= start,
            col(DailyLog.log_date) <= end,
        )
        .order_by(col(DailyLog.log_date))
    ).all()
    records = current_rows(session, patient.id, start, end)
    return [(log, records.get(log.log_date)) for log in logs]
