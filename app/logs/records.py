"""Decision records as the write path reads them: a few columns, no JSON parsing, Core inserts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlmodel import Session

from app.logs import statements
from app.logs.rules_input import prior_decision
from app.rules import PriorDecision


@dataclass(frozen=True, slots=True)
class RecordRow:
    """A current decision record without its JSON payloads."""

    id: int
    decision_date: date
    decision: str
    referral: str | None
    phase_ready: bool
    progressed: bool
    rules: str
    inputs_digest: str
    ruleset: str

    def prior(self) -> PriorDecision:
        return prior_decision(self)


@dataclass(frozen=True, slots=True)
class StoredGuidance:
    """A day's current record and the guidance it stored; `pending_from` is the patient's
    backlog (app/logs/backlog.py) when it was read: a record on or after it may be stale."""

    record: RecordRow
    guidance: dict[str, Any]
    pending_from: date | None = None


# The RecordRow fields of a row of statements.RECORD_COLUMNS (positions looked up by name once).
_PICK = itemgetter(*[statements.RECORD_FIELDS.index(field.name) for field in fields(RecordRow)])


def _record(row: Any) -> RecordRow:
    return RecordRow(*_PICK(row))


def _window(patient_id: uuid.UUID, start: date, end: date) -> dict[str, Any]:
    return {"pid": patient_id, "start": start, "end": end}


def current_rows(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> dict[date, RecordRow]:
    rows = (
        session.connection()
        .execute(statements.CURRENT_RECORDS, _window(patient_id, start, end))
        .all()
    )
    return {record.decision_date: record for record in map(_record, rows)}


def as_current(guidance: dict[str, Any]) -> dict[str, Any]:
    """A stored guidance in today's shape: records of ruleset 2026.11 have no `open_episodes`
    (episodes did not exist then); they keep their own ruleset name."""
    if "open_episodes" in guidance:
        return guidance
    return {**guidance, "open_episodes": []}


_LOG_ID_AT = statements.LOG_COLUMN_NAMES.index("id")
_RECORD_AT = len(statements.LOG_COLUMN_NAMES)


def log_and_record(
    session: Session, patient_id: uuid.UUID, day: date
) -> tuple[dict[str, Any] | None, RecordRow | None]:
    """The day's stored log (see app.logs.store) and its current record, each None when
    absent, in one statement (the record's guidance: `guidance_of`)."""
    params = {"pid": patient_id, "day": day}
    values = tuple(session.connection().execute(statements.LOG_AND_RECORD, params).one())
    log = None
    if values[_LOG_ID_AT] is not None:
        log = dict(zip(statements.LOG_COLUMN_NAMES, values[:_RECORD_AT], strict=True))
    record = None if values[_RECORD_AT] is None else _record(values[_RECORD_AT:])
    return log, record


def current_guidance(session: Session, patient_id: uuid.UUID, day: date) -> StoredGuidance | None:
    row = (
        session.connection()
        .execute(statements.CURRENT_WITH_GUIDANCE, _window(patient_id, day, day))
        .first()
    )
    if row is None:
        return None
    return StoredGuidance(_record(row), as_current(row.guidance), row.pending_from)


def guidance_of(session: Session, record_id: int) -> dict[str, Any]:
    """One record's stored guidance."""
    row = session.connection().execute(statements.GUIDANCE_OF_RECORD, {"record_id": record_id})
    return as_current(row.scalar_one())


def guidances_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    """The current guidance of each day in the range, by date."""
    rows = session.connection().execute(
        statements.CURRENT_GUIDANCES, _window(patient_id, start, end)
    )
    return [as_current(row.guidance) for row in rows]


def supersede(session: Session, record_id: int, now: datetime) -> None:
    supersede_all(session, [record_id], now)


def supersede_all(session: Session, record_ids: list[int], now: datetime) -> None:
    if len(record_ids) == 1:
        params = {"record_id": record_ids[0], "at": now}
        session.connection().execute(statements.SUPERSEDE_RECORD, params)
        return
    session.connection().execute(
        statements.SUPERSEDE_RECORDS, {"record_ids": record_ids, "at": now}
    )


def record_of(values: dict[str, Any], record_id: int) -> RecordRow:
    """The RecordRow of a record about to be inserted (`values`), once its id is known."""
    return RecordRow(
        **{name: values[name] for name in statements.RECORD_FIELDS if name != "id"}, id=record_id
    )


def insert_records(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert current records in one statement; returns their ids in the order given."""
    if len(rows) == 1:
        return [session.connection().execute(statements.INSERT_RECORD, rows[0]).scalar_one()]
    result = session.connection().execute(statements.INSERT_RECORDS, rows)
    ids: list[int] = result.scalars().all()  # type: ignore[assignment]
    return ids
