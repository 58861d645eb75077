"""Decision records as the write path reads them: a few columns, no JSON parsing, Core inserts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlmodel import Session, col

from app.models import DecisionRecord
from app.rules import PriorDecision

R = DecisionRecord


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
        return PriorDecision(self.decision_date, self.decision, frozenset(self.rules.split()))


COLUMNS = (
    col(R.id),
    col(R.decision_date),
    col(R.decision),
    col(R.referral),
    col(R.phase_ready),
    col(R.progressed),
    col(R.rules),
    col(R.inputs_digest),
    col(R.ruleset),
)


_CURRENT = (
    col(R.patient_id) == bindparam("pid"),
    col(R.superseded_at).is_(None),
    col(R.decision_date) >= bindparam("start"),
    col(R.decision_date) <= bindparam("end"),
)
# Built once: these run on every write and read of a log.
_ROWS = select(*COLUMNS).where(*_CURRENT)
_WITH_GUIDANCE = select(*COLUMNS, col(R.guidance)).where(*_CURRENT)
_GUIDANCES = select(col(R.guidance)).where(*_CURRENT).order_by(col(R.decision_date))
_SUPERSEDE = (
    update(R)
    .where(col(R.id).in_(bindparam("record_ids", expanding=True)))
    .values(superseded_at=bindparam("at"))
)
_INSERT = insert(R).returning(col(R.id), sort_by_parameter_order=True)


def _record(row: Any) -> RecordRow:
    return RecordRow(*row)


def _window(patient_id: uuid.UUID, start: date, end: date) -> dict[str, Any]:
    return {"pid": patient_id, "start": start, "end": end}


def current_rows(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> dict[date, RecordRow]:
    rows = session.connection().execute(_ROWS, _window(patient_id, start, end))
    return {row[1]: _record(row) for row in rows}


def current_guidance(
    session: Session, patient_id: uuid.UUID, day: date
) -> tuple[RecordRow, dict[str, Any]] | None:
    row = session.connection().execute(_WITH_GUIDANCE, _window(patient_id, day, day)).first()
    return (_record(row[:-1]), row[-1]) if row else None


def guidances_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    """The current guidance of each day in the range, by date."""
    rows = session.connection().execute(_GUIDANCES, _window(patient_id, start, end))
    return [row[0] for row in rows]


def supersede(session: Session, record_id: int, now: datetime) -> None:
    supersede_all(session, [record_id], now)


def supersede_all(session: Session, record_ids: list[int], now: datetime) -> None:
    session.connection().execute(_SUPERSEDE, {"record_ids": record_ids, "at": now})


def record_of(values: dict[str, Any], record_id: int) -> RecordRow:
    return RecordRow(
        record_id,
        values["decision_date"],
        values["decision"],
        values["referral"],
        values["phase_ready"],
        values["progressed"],
        values["rules"],
        values["inputs_digest"],
        values["ruleset"],
    )


def insert_records(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert current records in one statement; returns their ids in the order given."""
    result = session.connection().execute(_INSERT, rows)
    ids: list[int] = result.scalars().all()  # type: ignore[assignment]
    return ids
