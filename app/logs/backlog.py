"""Recompute a long tail of decisions in short write transactions, never showing a stale one.

A write to day D (a log, a deletion, a clinician's settings or clearance) changes the decision
of D and may change every later day: the 27 days after D read D's log in their 28-day window,
and beyond them a day reads earlier decisions (PR-0's last step up), red-flag days of any age
and clearances. Deciding them all in the write's transaction held SQLite's database-wide
write lock for the whole tail (about 190 ms to 750 ms for the first day of a year of logs,
bench/RESULTS.md), and a tail can be years long. So:

1. The write's own transaction decides D and the 27 days after it (`CHUNK_DAYS`), exactly as
   before, and, when later days exist up to tomorrow, stores the first of them in
   `patient_status.decisions_pending_from` (the backlog) instead of deciding them.
2. Each follow-up transaction (`continue_pending`) takes the patient's lock, decides the next
   `CHUNK_DAYS` calendar days from the pending day and moves the mark on, or clears it. The
   request that made the backlog runs them one by one before it answers, pausing `PAUSE_S`
   between two so that other writers take the lock in between; a crash leaves the mark, and
   the next read or write of those days finishes it.
3. Every read of a decision on or after the mark computes the backlog up to that day first
   (`finish_pending(up_to=day)`): the guidance and a day's log (the mark comes with the record,
   in the same statement), log lists, the clinician's record, logs and decision history, the
   coach's view, exports. So no reader is ever shown a record of the backlog as current.
4. The status row (what dashboards read) is rebuilt by the transaction that empties the backlog,
   not before: until then it keeps the last complete state, decided from one consistent history
   (for at most the few transactions the request runs; a write or read of the patient's recent
   days finishes the backlog after a crash).

Each chunk reads exactly what a one-pass recompute reads: the days before the chunk are already
decided and committed (earlier chunks, or untouched), and the days after it are never read by
it. So the records left at the end are the ones one long transaction would have left (tested:
tests/logs/test_backlog.py recomputes the whole history afterwards and finds nothing to change).
A write that meets a backlog starting before its own day decides from the backlog's first day
in its own transaction (correct, longer; only after a crash or a race of two writes).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session

from app.core.db import writing
from app.logs import statements
from app.logs.decisions import Recomputed, recompute
from app.logs.plan import follow_plan
from app.logs.status import refresh_status
from app.logs.status_inputs import StatusInputs, read_status_inputs
from app.models import PatientSetting
from app.programme.state import PlanState

CHUNK_DAYS = 28  # a written day and the 27 days that read it in their window
CONTINUED = "recompute_continued"  # the cause of the records a follow-up transaction makes
# Between two follow-up transactions the request waits this long: a writer of another worker
# polls for SQLite's lock at most every 20 ms (app.core.db.run_db), so it finds it free.
PAUSE_S = 0.02
_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Progress:
    """What one transaction decided, and whether the patient's backlog is now empty."""

    done: Recomputed
    complete: bool
    plan: PlanState  # the plan after the decisions this transaction made moved it


def lock_patient(session: Session, patient_id: uuid.UUID) -> None:
    """Serialise one patient's writes (PostgreSQL row lock; SQLite's write lock already does)."""
    if session.get_bind().dialect.name != "sqlite":
        session.connection().execute(statements.LOCK_PATIENT, {"pid": patient_id}).one()


def pending_from(session: Session, patient_id: uuid.UUID) -> date | None:
    """The first day of the patient's backlog (decisions that may be stale), or None."""
    row = session.connection().execute(statements.READ_PENDING, {"pid": patient_id}).first()
    return row.decisions_pending_from if row else None


def recompute_from(
    session: Session,
    patient_id: uuid.UUID,
    start: date,
    today: date,
    cause: str,
    now: datetime,
    *,
    force_start: bool = False,
    revision: int | None = None,
    changed_by: uuid.UUID | None = None,
    status: StatusInputs | None = None,
    plan: PlanState | None = None,
    history: list[PatientSetting] | None = None,
) -> Progress:
    """Inside the caller's write (after `lock_patient`): decide `start` and the days after it
    up to `start + CHUNK_DAYS - 1` that have a log or a record (`start` itself even without,
    with `force_start`), from an earlier backlog day if there is one; leave the days after the
    chunk, up to tomorrow, in the backlog. The caller rebuilds the status row when `complete`,
    and runs `continue_pending` after its transaction otherwise. `status` and `plan`: the
    status row's inputs, the plan row and the settings history, when the caller read them
    under the lock already."""
    status = status or read_status_inputs(session, patient_id)
    pending = status.pending_from
    first = start if pending is None or pending >= start else pending
    last = max(start, today + _DAY)  # tomorrow: the latest date a log or a guidance may have
    chunk_end = min(start + timedelta(days=CHUNK_DAYS - 1), last)
    done = recompute(
        session,
        patient_id,
        first - _DAY,
        chunk_end,
        cause,
        now,
        include_start=False,
        revision=revision,
        also=start if force_start else None,
        status=status,
        history=history,
    )
    plan = follow_plan(
        session, patient_id, done, now, today=today, changed_by=changed_by, plan=plan
    )
    remaining = chunk_end + _DAY if chunk_end < last else None
    if remaining != pending:
        params = {"pid": patient_id, "pending_from": remaining}
        session.connection().execute(statements.SET_PENDING, params)
    return Progress(done, remaining is None, plan)


def continue_pending(session: Session, patient_id: uuid.UUID, today: date, now: datetime) -> bool:
    """One follow-up transaction: the next CHUNK_DAYS of the backlog. True while more remain."""
    with writing(session):
        lock_patient(session, patient_id)
        pending = pending_from(session, patient_id)
        if pending is None:
            return False
        progress = recompute_from(session, patient_id, pending, today, CONTINUED, now)
        if progress.complete:
            refresh_status(session, patient_id, today, now, recomputed=progress.done)
    return not progress.complete


def finish_pending(
    session: Session,
    patient_id: uuid.UUID,
    today: date,
    now: datetime,
    up_to: date | None = None,
) -> bool:
    """Run the backlog's transactions until it is empty, or has no day on or before `up_to`;
    True if any ran. Without a backlog this is one read. Safe to run again after an
    interruption."""
    ran = False
    while True:
        pending = pending_from(session, patient_id)
        if pending is None or (up_to is not None and pending > up_to):
            return ran
        ran = True
        if not continue_pending(session, patient_id, today, now):
            return ran
