"""Daily-log rows for the write path, run on the session's connection with the prebuilt
statements of app/logs/statements.py. A stored log is a plain dict of its columns."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlmodel import Session

from app.logs import statements


def find_log(session: Session, patient_id: uuid.UUID, day: date) -> dict[str, Any] | None:
    row = session.connection().execute(statements.FIND_LOG, {"pid": patient_id, "day": day}).first()
    return dict(row._mapping) if row else None


def logs_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    params = {"pid": patient_id, "start": start, "end": end}
    rows = session.connection().execute(statements.LOGS_BETWEEN, params)
    return [dict(row._mapping) for row in rows]


def _marked(values: dict[str, Any]) -> dict[str, Any]:
    """The values with `has_red_flags` kept in step with `red_flags` (the episode index)."""
    return {**values, "has_red_flags": bool(values.get("red_flags"))}


def _note_episode_day(session: Session, row: dict[str, Any]) -> None:
    """A flagged or "checked" day lowers the status row's earliest such day (the summary a
    recompute reads instead of the whole history: app/logs/status_inputs.py)."""
    if row.get("has_red_flags") or row.get("red_flags_reviewed"):
        params = {"pid": row["patient_id"], "day": row["log_date"]}
        session.connection().execute(statements.MARK_EPISODE_DAY, params)


def insert_log(session: Session, values: dict[str, Any]) -> dict[str, Any]:
    """Insert a new log (version 1); returns it as stored."""
    row = {"id": uuid.uuid4(), "version": 1, **_marked(values)}
    session.connection().execute(statements.INSERT_LOG, row)
    _note_episode_day(session, row)
    return row


def insert_logs(session: Session, values: Sequence[dict[str, Any]]) -> None:
    """Insert many new logs (version 1) in one statement (an import of a whole history)."""
    rows = [{"id": uuid.uuid4(), "version": 1, **_marked(each)} for each in values]
    session.connection().execute(statements.INSERT_LOG, rows)
    for row in rows:
        _note_episode_day(session, row)


def replace_log(session: Session, log: dict[str, Any], values: dict[str, Any]) -> dict[str, Any]:
    """Overwrite a log's values; its version goes up by one."""
    changes = {**_marked(values), "version": log["version"] + 1}
    params = {f"new_{name}": changes[name] for name in statements.UPDATED_FIELDS}
    session.connection().execute(statements.UPDATE_LOG, {"log_id": log["id"], **params})
    stored = {**log, **changes}
    _note_episode_day(session, stored)
    return stored


def delete_log(session: Session, log: dict[str, Any]) -> None:
    session.connection().execute(statements.DELETE_LOG, {"log_id": log["id"]})


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
    return int(session.connection().execute(statements.INSERT_REVISION, params).scalar_one())


def add_revisions(session: Session, revisions: Sequence[dict[str, Any]]) -> None:
    """Append many revisions in one statement (each a dict of the log_revisions columns)."""
    session.connection().execute(statements.INSERT_REVISIONS, list(revisions))
