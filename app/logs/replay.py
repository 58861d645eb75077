"""Re-run the rules on exactly what a stored decision record read (audits, the decision history)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlmodel import Session, col

from app.logs.rules_input import day_log, prior_decision
from app.models import DecisionRecord, LogRevision, PatientSetting
from app.patients.settings import state_of
from app.rules import evaluate


def replay(session: Session, record: DecisionRecord) -> dict[str, Any]:
    """Re-run the rules on exactly what a stored record read; returns the guidance it gives."""
    inputs = record.inputs
    start, end = date.fromisoformat(inputs["from"]), date.fromisoformat(inputs["to"])
    revisions = (
        session.execute(
            select(LogRevision)
            .where(
                col(LogRevision.patient_id) == record.patient_id,
                col(LogRevision.log_date) >= start,
                col(LogRevision.log_date) <= end,
                col(LogRevision.id) <= (inputs["log_revision"] or 0),
            )
            .order_by(col(LogRevision.id))
        )
        .scalars()
        .all()
    )
    latest = {rev.log_date: rev.values for rev in revisions}
    logs = [
        day_log({**values, "log_date": day}) for day, values in latest.items() if values is not None
    ]
    setting = session.get(PatientSetting, inputs["settings_id"])
    assert setting is not None
    started = inputs.get("phase_started_on")
    state = state_of(setting, date.fromisoformat(started) if started else None)
    # The prior decisions current when this record was made (same transaction included).
    prior_records = (
        session.execute(
            select(DecisionRecord).where(
                col(DecisionRecord.patient_id) == record.patient_id,
                col(DecisionRecord.decision_date) >= start,
                col(DecisionRecord.decision_date) < record.decision_date,
                col(DecisionRecord.created_at) <= record.created_at,
                or_(
                    col(DecisionRecord.superseded_at).is_(None),
                    col(DecisionRecord.superseded_at) > record.created_at,
                ),
            )
        )
        .scalars()
        .all()
    )
    prior = [prior_decision(r) for r in prior_records]
    return evaluate(logs, record.decision_date, state, prior).as_dict()
