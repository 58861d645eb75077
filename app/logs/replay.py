"""Re-run the rules on exactly what a stored decision record read (audits, the decision history).

Only records made by this build's ruleset can be replayed: a record made by an older ruleset
(2026.11) keeps its name and its stored guidance, and `replay` says plainly that it cannot
re-run it (the older rules are not carried in this build). `check_records` reports, record by
record, which ones replay to what they stored and which cannot be replayed.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlmodel import Session, col

from app.core.errors import Conflict
from app.logs.rules_input import day_log, prior_decision
from app.models import DecisionRecord, LogRevision, PatientSetting, RedFlagClearance
from app.patients.settings import state_of
from app.rules import RULESET_VERSION, Clearance, evaluate


class CannotReplay(Conflict):
    """A record made by another ruleset than the one this build carries."""

    def __init__(self, record: DecisionRecord) -> None:
        super().__init__(
            f"The decision of {record.decision_date.isoformat()} was made by ruleset "
            f"{record.ruleset}; this build carries ruleset {RULESET_VERSION} only, so it cannot "
            "replay it. The record keeps its stored guidance, inputs and ruleset name."
        )


def _current_then(created_at: datetime) -> Any:
    """Records current when a record was made (the same transaction included)."""
    return (
        col(DecisionRecord.created_at) <= created_at,
        or_(
            col(DecisionRecord.superseded_at).is_(None),
            col(DecisionRecord.superseded_at) > created_at,
        ),
    )


def replay(session: Session, record: DecisionRecord) -> dict[str, Any]:
    """Re-run the rules on exactly what a stored record read; returns the guidance it gives.

    It reads every log of the patient up to the record's date as it stood then (episodes can
    be older than the 28-day window), the earlier decisions current then, and the clearances
    recorded by then. Raises CannotReplay for a record of another ruleset.
    """
    if record.ruleset != RULESET_VERSION:
        raise CannotReplay(record)
    inputs = record.inputs
    revisions = session.execute(
        select(LogRevision)
        .where(
            col(LogRevision.patient_id) == record.patient_id,
            col(LogRevision.log_date) <= record.decision_date,
            col(LogRevision.id) <= (inputs["log_revision"] or 0),
        )
        .order_by(col(LogRevision.id))
    ).scalars()
    latest = {rev.log_date: rev.values for rev in revisions}
    logs = [
        day_log({**values, "log_date": day}) for day, values in latest.items() if values is not None
    ]
    setting = session.get(PatientSetting, inputs["settings_id"])
    assert setting is not None
    started = inputs.get("phase_started_on")
    state = state_of(setting, date.fromisoformat(started) if started else None)
    prior_records = session.execute(
        select(DecisionRecord).where(
            col(DecisionRecord.patient_id) == record.patient_id,
            col(DecisionRecord.decision_date) < record.decision_date,
            *_current_then(record.created_at),
        )
    ).scalars()
    checks = session.execute(
        select(col(RedFlagClearance.checked_on)).where(
            col(RedFlagClearance.patient_id) == record.patient_id,
            col(RedFlagClearance.created_at) <= record.created_at,
            col(RedFlagClearance.checked_on) <= record.decision_date,
        )
    ).scalars()
    prior = [prior_decision(r) for r in prior_records]
    clearances = [Clearance(day) for day in checks]
    return evaluate(logs, record.decision_date, state, prior, clearances).as_dict()


@dataclass(frozen=True, slots=True)
class ReplayReport:
    """How a patient's records replayed: counts by outcome, and the records that differ."""

    matching: int
    differing: list[int]  # record ids whose replay differs from what they stored
    not_replayable: dict[str, int]  # ruleset -> records of it (this build cannot re-run them)


def check_records(session: Session, patient_id: uuid.UUID) -> ReplayReport:
    """Replay every record (current and superseded) of one patient."""
    matching, differing, other = 0, list[int](), Counter[str]()
    records = session.execute(
        select(DecisionRecord).where(col(DecisionRecord.patient_id) == patient_id)
    ).scalars()
    for record in records:
        if record.ruleset != RULESET_VERSION:
            other[record.ruleset] += 1
        elif replay(session, record) == record.guidance:
            matching += 1
        else:
            differing.append(record.id or 0)
    return ReplayReport(matching, differing, dict(other))
