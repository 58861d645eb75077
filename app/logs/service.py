"""The patient's daily-log use cases; each write is one short transaction with its decisions
(the decisions of days more than 27 days later follow in their own: app/logs/backlog.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import InvalidInput, NotFound, PreconditionFailed
from app.logs import store
from app.logs.backlog import continue_pending, finish_pending, pending_from, recompute_from
from app.logs.backlog import lock_patient as lock_patient  # re-exported: the dashboard's import
from app.logs.decisions import is_current, recompute, stale
from app.logs.plan import WriteInputs, follow_plan, read_write_inputs, with_plan
from app.logs.records import (
    RecordRow,
    StoredGuidance,
    current_guidance,
    current_rows,
    guidance_of,
    log_and_record,
    supersede,
)
from app.logs.schemas import LogFields, LogIn
from app.logs.status import refresh_status
from app.models import User
from app.programme.performed import check_performed
from app.programme.state import PlanState

LOG_FIELDS = tuple(LogFields.model_fields)
MAX_RANGE_DAYS = 366
# How far back a log may be dated: 2 years before the account was created (README, "Security").
# A write recomputes every later day, so the history a backfill can reach is bounded too.
BACKFILL_DAYS = 730


@dataclass(frozen=True, slots=True)
class SavedLog:
    log: dict[str, Any]  # a stored log (see app.logs.store)
    guidance: dict[str, Any]
    etag: str
    created: bool
    pending: bool = False  # later days are left to `continue_pending` (app/logs/backlog.py)


@dataclass(frozen=True, slots=True)
class LoggedDay:
    """A stored log and the day's current decision record (None until one is made)."""

    log: dict[str, Any]
    record: RecordRow | None


def log_view(log: dict[str, Any]) -> dict[str, Any]:
    """The log as the API shows it (the fields of `LogOut`)."""
    view = {name: log[name] for name in LOG_FIELDS}
    view["log_date"], view["version"], view["updated_at"] = (
        log["log_date"],
        log["version"],
        log["updated_at"],
    )
    return view


def etag_of(log: dict[str, Any], record: RecordRow) -> str:
    return f'"{log["id"].hex[:16]}-{log["version"]}-{record.id}"'


def earliest_log_date(patient: User) -> date:
    """The first date a log may have: BACKFILL_DAYS (2 years) before the day the account was
    created, in the patient's time zone."""
    created = patient.created_at
    if created.tzinfo is None:  # stored as UTC without an offset
        created = created.replace(tzinfo=UTC)
    return today_in(patient.timezone, created) - timedelta(days=BACKFILL_DAYS)


def check_log_date(patient: User, day: date, now: datetime, field: str = "log_date") -> None:
    """Refuse dates before `earliest_log_date` or after tomorrow in the patient's time zone."""
    earliest = earliest_log_date(patient)
    if day < earliest:
        raise InvalidInput(
            field,
            f"must be on or after {earliest.isoformat()} (2 years before the account was created)",
        )
    tomorrow = today_in(patient.timezone, now) + timedelta(days=1)
    if day > tomorrow:
        raise InvalidInput(field, f"must be on or before {tomorrow.isoformat()} (tomorrow)")


def _check_if_match(
    if_match: str | None, log: dict[str, Any] | None, record: RecordRow | None
) -> None:
    if if_match is None:
        return
    tags = {tag.strip() for tag in if_match.split(",")}
    if "*" in tags and log is not None:
        return
    if log is None or record is None or etag_of(log, record) not in tags:
        raise PreconditionFailed(
            "This day's log changed since you read it. Reload it and try again."
        )


def save_daily_log(
    session: Session,
    patient: User,
    log_date: date,
    data: LogIn,
    now: datetime,
    if_match: str | None = None,
) -> SavedLog:
    """Create or fully replace one day's log, then recompute that day and the 27 after it; the
    later days are left to `continue_pending` (SavedLog.pending, app/logs/backlog.py).

    The write's first read, under the patient's lock, is the status row with the plan row: a
    backlog that reaches this day (only after a crash or a race) is finished first, in its own
    short transactions, and the write starts again."""
    check_log_date(patient, log_date, now)
    today = today_in(patient.timezone, now)
    while True:
        with writing(session):
            lock_patient(session, patient.id)
            first = read_write_inputs(session, patient.id)
            pending = first.status.pending_from
            if pending is None or pending > log_date:
                saved, plan = _write_log(
                    session, patient, log_date, data, now, today, if_match, first
                )
                break
        finish_pending(session, patient.id, today, now, up_to=log_date)
    return replace(saved, guidance=with_plan(session, patient, saved.guidance, now, plan))


def _write_log(
    session: Session,
    patient: User,
    log_date: date,
    data: LogIn,
    now: datetime,
    today: date,
    if_match: str | None,
    first: WriteInputs,
) -> tuple[SavedLog, PlanState | None]:
    """`save_daily_log` inside its write, with no backlog on or before `log_date`: the saved
    log with its guidance still without the plan fields, and the plan as the write left it."""
    log, record = log_and_record(session, patient.id, log_date)
    _check_if_match(if_match, log, record)
    incoming = data.model_dump()
    unchanged = log is not None and all(log[name] == value for name, value in incoming.items())
    # (no backlog reaches this day here, so a record not stale is current)
    if log is not None and unchanged and record is not None and not stale(record, today):
        guidance = guidance_of(session, record.id)
        return SavedLog(log, guidance, etag_of(log, record), created=False), first.plan
    check_performed(session, patient.id, data.performed, data.loading_stage, data.glide_type)
    values = {**incoming, "updated_at": now}
    if log is None:
        created = True
        base = {"patient_id": patient.id, "log_date": log_date, "created_at": now}
        log = store.insert_log(session, base | values)
    else:
        created = False
        log = store.replace_log(session, log, values)
    revision = store.add_revision(session, patient.id, log_date, log["version"], incoming, now)
    progress = recompute_from(
        session,
        patient.id,
        log_date,
        today,
        "log_written",
        now,
        force_start=True,
        revision=revision,
        status=first.status,
        plan=first.plan,
        history=first.history,
    )
    done = progress.done
    if progress.complete:
        refresh_status(session, patient.id, today, now, recomputed=done, written=log_date)
    # Unchanged rule inputs (e.g. only the notes changed) keep the day's record and guidance.
    guidance = done.guidance.get(log_date) or (guidance_of(session, record.id) if record else {})
    etag = etag_of(log, done.records[log_date])
    saved = SavedLog(log, guidance, etag, created=created, pending=not progress.complete)
    return saved, progress.plan


def continue_recompute(session: Session, patient: User, now: datetime) -> bool:
    """One follow-up transaction of the patient's backlog; True while more remain."""
    return continue_pending(session, patient.id, today_in(patient.timezone, now), now)


def delete_daily_log(session: Session, patient: User, log_date: date, now: datetime) -> bool:
    """Delete one day's log and recompute the days after it; True when later days are left to
    `continue_recompute`."""
    today = today_in(patient.timezone, now)
    finish_pending(session, patient.id, today, now, up_to=log_date)
    with writing(session):
        lock_patient(session, patient.id)
        log = store.find_log(session, patient.id, log_date)
        if log is None:
            raise NotFound("No log for this date.")
        store.delete_log(session, log)
        store.add_revision(session, patient.id, log_date, log["version"] + 1, None, now)
        record = current_rows(session, patient.id, log_date, log_date).get(log_date)
        if record is not None:
            supersede(session, record.id, now)
        progress = recompute_from(session, patient.id, log_date, today, "log_deleted", now)
        if progress.complete:
            refresh_status(session, patient.id, today, now, recomputed=progress.done)
    return not progress.complete


def guidance_for(session: Session, patient: User, day: date, now: datetime) -> StoredGuidance:
    """The decision for `day` (computed from the history first if there is none yet), with
    the plan next to it."""
    found = _stored_guidance(session, patient, day, now)
    return StoredGuidance(found.record, with_plan(session, patient, found.guidance, now))


def _stored_guidance(session: Session, patient: User, day: date, now: datetime) -> StoredGuidance:
    """The stored decision for `day`, computed from the history first if there is none yet (or
    if it is in the patient's backlog: the backlog is decided up to `day` first)."""
    today = today_in(patient.timezone, now)
    found = current_guidance(session, patient.id, day)
    if is_current(found, day, today):
        assert found is not None
        return found
    if finish_pending(session, patient.id, today, now, up_to=day):
        found = current_guidance(session, patient.id, day)
        if is_current(found, day, today):
            assert found is not None
            return found
    with writing(session):
        lock_patient(session, patient.id)
        pending = pending_from(session, patient.id)
        if pending is not None and pending <= day:  # a write came in between: decide from it
            progress = recompute_from(
                session, patient.id, day, today, "requested", now, force_start=True
            )
            done, complete = progress.done, progress.complete
        else:
            done = recompute(session, patient.id, day, day, "requested", now)
            follow_plan(session, patient.id, done, now, today=today)
            complete = pending is None
        if complete:
            refresh_status(session, patient.id, today, now, recomputed=done)
    if day in done.guidance:
        return StoredGuidance(done.records[day], done.guidance[day])
    again = current_guidance(session, patient.id, day)
    assert again is not None
    return again


def read_log(session: Session, patient: User, log_date: date, now: datetime) -> SavedLog:
    log = store.find_log(session, patient.id, log_date)
    if log is None:
        raise NotFound("No log for this date.")
    found = guidance_for(session, patient, log_date, now)
    return SavedLog(log, found.guidance, etag_of(log, found.record), created=False)


def list_logs(
    session: Session, patient: User, start: date | None, end: date | None, now: datetime
) -> list[LoggedDay]:
    today = today_in(patient.timezone, now)
    earliest = earliest_log_date(patient)
    for name, day in (("from", start), ("to", end)):
        if day is not None and day < earliest:
            raise InvalidInput(
                name, f"must be on or after {earliest.isoformat()} (the first day a log may have)"
            )
    end = end or today
    start = start or max(end - timedelta(days=27), earliest)
    if start > end:
        raise InvalidInput("from", "must be on or before `to`")
    if (end - start).days >= MAX_RANGE_DAYS:
        raise InvalidInput("from", f"the range may span at most {MAX_RANGE_DAYS} days")
    finish_pending(session, patient.id, today, now, up_to=end)
    logs = store.logs_between(session, patient.id, start, end)
    records = current_rows(session, patient.id, start, end)
    return [LoggedDay(log, records.get(log["log_date"])) for log in logs]
