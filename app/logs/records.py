"""Decision records as the write path reads them: a few columns, no JSON parsing, Core inserts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update
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


def _current(patient_id: uuid.UUID, start: date, end: date) -> Any:
    return (
        col(R.patient_id) == patient_id,
        col(R.superseded_at).is_(None),
        col(R.decision_date) >= start,
        col(R.decision_date) <= end,
    )


def current_rows(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> dict[date, RecordRow]:
    rows = session.execute(select(*COLUMNS).where(*_current(patient_id, start, end))).all()
    return {row[1]: RecordRow(*row) for row in rows}


def current_guidance(
    session: Session, patient_id: uuid.UUID, day: date
) -> tuple[RecordRow, dict[str, Any]] | None:
    row = session.execute(
        select(*COLUMNS, col(R.guidance)).where(*_current(patient_id, day, day))
    ).first()
    return (RecordRow(*row[:-1]), row[-1]) if row else None


def guidances_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> list[dict[str, Any]]:
    """The current guidance of each day in the range, by date."""
    rows = session.execute(
        select(col(R.guidance))
        .where(*_current(patient_id, start, end))
        .order_by(col(R.decision_date))
    ).all()
    return [row[0] for row in rows]


def supersede(session: Session, record_id: int, now: datetime) -> None:
    session.execute(update(R).where(col(R.id) == record_id).values(superseded_at=now))


def insert_record(session: Session, values: dict[str, Any]) -> RecordRow:
    """Insert a current record and return its row (one statement, no ORM object)."""
    record_id = session.execute(insert(R).values(**values).returning(col(R.id))).scalar_one()
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
