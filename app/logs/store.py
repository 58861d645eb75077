"""Daily-log rows for the write path: statements built once, run on the session's connection.

Every patient write runs these; building SQLAlchemy statements and ORM objects per request
cost more than the queries themselves (see bench/RESULTS.md). A stored log is a plain dict.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, insert, select, update
from sqlmodel import Session

from app.logs.schemas import LogFields
from app.models import DailyLog, LogRevision

LOGS = DailyLog.__table__  # type: ignore[attr-defined]
REVISIONS = LogRevision.__table__  # type: ignore[attr-defined]

_FIND = select(LOGS).where(
    LOGS.c.patient_id == bindparam("pid"), LOGS.c.log_date == bindparam("day")
)
_RANGE = (
    select(LOGS)
    .where(
        LOGS.c.patient_id == bindparam("pid"),
        LOGS.c.log_date >= bindparam("start"),
        LOGS.c.log_date <= bindparam("end"),
    )
    .order_by(LOGS.c.log_date)
)
_INSERT = insert(LOGS)
_UPDATED = (*LogFields.model_fields, "version", "updated_at")
_UPDATE = (
    update(LOGS)
    .where(LOGS.c.id == bindparam("log_id"))
    .values({name: bindparam(f"new_{name}") for name in _UPDATED})
)
_DELETE = delete(LOGS).where(LOGS.c.id == bindparam("log_id"))
_REVISION = insert(REVISIONS).returning(REVISIONS.c.id)


def find_log(session: Session, patient_id: uuid.UUID, day: date) -> dict[str, Any] | None:
    row = session.connection().execute(_FIND, {"pid": patient_id, "day": day}).first()
    return dict(row._mapping) if row else None


def logs_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    rows = session.connection().execute(_RANGE, {"pid": patient_id, "start": start, "end": end})
    return [dict(row._mapping) for row in rows]


def insert_log(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    row = {"id": uuid.uuid4(), "version": 1, **values}
    session.connection().execute(_INSERT, row)
    return row


def replace_log(session: Session, log: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Overwrite a log's values; its version goes up by one."""
    changes = {**values, "version": log["version"] + 1}
    params = {f"new_{name}": changes[name] for name in _UPDATED}
    session.connection().execute(_UPDATE, {"log_id": log["id"], **params})
    return {**log, **changes}


def delete_log(session: Session, log: dict[str, Any]) -> None:
    session.connection().execute(_DELETE, {"log_id": log["id"]})


def add_revision(
    session: Session,
    patient_id: uuid.UUID,
    day: date,
    version: int,
    values: dict[str, Any] | None,
    now: datetime,
) -> int:
    """Append to the log's history (values None = deleted); returns the revision id."""
    params = {
        "patient_id": patient_id,
        "log_date": day,
        "version": version,
        "values": values,
        "recorded_at": now,
    }
    return int(session.connection().execute(_REVISION, params).scalar_one())
