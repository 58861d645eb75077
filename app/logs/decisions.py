"""Compute and store decisions: the service side of the pure rules, and their replay."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.logs.patient_settings import load_history, setting_on, state_on, thresholds_of
from app.logs.records import RecordRow, current_rows, insert_record, supersede
from app.models import DailyLog, DecisionRecord, LogRevision, PatientSetting
from app.rules import RULESET_VERSION, DayLog, PatientState, PriorDecision, evaluate

LOOKBACK_DAYS = 27  # the rules read the decision date and the 27 days before it
RULE_FIELDS = tuple(f for f in DayLog.__dataclass_fields__ if f != "log_date")
RULE_COLUMNS = (col(DailyLog.log_date), *(col(getattr(DailyLog, f)) for f in RULE_FIELDS))
RED_FLAGS_AT = RULE_FIELDS.index("red_flags")


def to_day_log(row: Any) -> DayLog:
    """A DayLog from a DailyLog (or a row of RULE_COLUMNS)."""
    values = {name: getattr(row, name) for name in RULE_FIELDS}
    values["red_flags"] = frozenset(row.red_flags or ())
    return DayLog(log_date=row.log_date, **values)


def load_day_logs(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> dict[date, DayLog]:
    """The logs the rules read, as plain columns (no ORM objects)."""
    rows = session.execute(
        select(*RULE_COLUMNS).where(
            col(DailyLog.patient_id) == patient_id,
            col(DailyLog.log_date) >= start,
            col(DailyLog.log_date) <= end,
        )
    ).all()
    return {row.log_date: to_day_log(row) for row in rows}


def _canonical_log(log: DayLog) -> str:
    values = [getattr(log, name) for name in RULE_FIELDS]
    values[RED_FLAGS_AT] = sorted(log.red_flags)
    return json.dumps([log.log_date.isoformat(), values], separators=(",", ":"))


def _digest(logs: Sequence[str], state: PatientState, prior: Sequence[PriorDecision]) -> str:
    payload = {
        "ruleset": RULESET_VERSION,
        "logs": list(logs),
        "state": [state.phase, str(state.phase_started_on), asdict(state.thresholds)],
        "prior": [[p.decision_date.isoformat(), p.decision, sorted(p.rules)] for p in prior],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Recomputed:
    """What a recompute loaded and decided, for the status row to reuse without re-reading."""

    window_start: date
    end: date
    history: list[PatientSetting]
    logs: dict[date, DayLog]
    records: dict[date, RecordRow]  # current records in the window, after recomputing
    guidance: dict[date, dict[str, Any]]  # the guidance of each day this run decided anew

    def covers(self, start: date, end: date) -> bool:
        return self.window_start <= start and end <= self.end


def recompute(
    session: Session,
    patient_id: uuid.UUID,
    start: date,
    end: date,
    cause: str,
    now: datetime,
    *,
    include_start: bool = True,
    revision: int | None = None,
) -> Recomputed:
    """Recompute `start` and every later day up to `end` that has a log or a record.

    Days are computed in order, so each day's prior decisions are already up to date. A day
    whose inputs did not change keeps its record; a changed one supersedes the old record.
    `revision` is the newest log revision id if the caller just wrote one.
    """
    history = load_history(session, patient_id)
    window_start = start - timedelta(days=LOOKBACK_DAYS)
    logs = load_day_logs(session, patient_id, window_start, end)
    records = current_rows(session, patient_id, window_start, end)
    targets = sorted(
        {d for d in (*logs, *records) if start < d <= end} | ({start} if include_start else set())
    )
    if revision is None:
        revision = session.execute(
            select(func.max(LogRevision.id)).where(col(LogRevision.patient_id) == patient_id)
        ).scalar_one()
    canonical = {day: _canonical_log(log) for day, log in logs.items()}
    done = Recomputed(window_start, end, history, logs, records, {})
    for day in targets:
        _decide(session, patient_id, day, done, canonical, revision, cause, now)
    return done


def _decide(
    session: Session,
    patient_id: uuid.UUID,
    day: date,
    done: Recomputed,
    canonical: dict[date, str],
    revision: int | None,
    cause: str,
    now: datetime,
) -> None:
    window = [day - timedelta(days=i) for i in range(LOOKBACK_DAYS, -1, -1)]
    records = done.records
    prior_records = [records[d] for d in window[:-1] if d in records]
    prior = [r.prior() for r in prior_records]
    state = state_on(done.history, day)
    digest = _digest([canonical[d] for d in window if d in canonical], state, prior)
    existing = records.get(day)
    if existing is not None and existing.inputs_digest == digest:
        return
    guidance = evaluate([done.logs[d] for d in window if d in done.logs], day, state, prior)
    rules = sorted({reason.rule for reason in guidance.reasons})
    if existing is not None:
        supersede(session, existing.id, now)
    as_dict = guidance.as_dict()
    records[day] = insert_record(
        session,
        {
            "patient_id": patient_id,
            "decision_date": day,
            "decision": guidance.decision,
            "referral": guidance.referral,
            "phase_ready": guidance.phase_ready,
            "progressed": any(rule.startswith("PR-") for rule in rules),
            "rules": " ".join(rules),
            "guidance": as_dict,
            "thresholds": asdict(state.thresholds),
            "phase": state.phase,
            "ruleset": guidance.ruleset,
            "inputs": {
                "from": window[0].isoformat(),
                "to": day.isoformat(),
                "log_revision": revision,
                "settings_id": setting_on(done.history, day).id,
                "phase_started_on": str(state.phase_started_on) if state.phase_started_on else None,
                "prior_record_ids": [r.id for r in prior_records],
            },
            "inputs_digest": digest,
            "cause": cause,
            "created_at": now,
        },
    )
    done.guidance[day] = as_dict


def stale(record: RecordRow | None) -> bool:
    return record is None or record.ruleset != RULESET_VERSION


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
        DayLog(
            log_date=day,
            **{name: values.get(name) for name in RULE_FIELDS if name != "red_flags"},
            red_flags=frozenset(values.get("red_flags") or ()),
        )
        for day, values in latest.items()
        if values is not None
    ]
    setting = session.get(PatientSetting, inputs["settings_id"])
    assert setting is not None
    started = inputs.get("phase_started_on")
    state = PatientState(
        phase=setting.phase,
        phase_started_on=date.fromisoformat(started) if started else None,
        thresholds=thresholds_of(setting),
    )
    prior_ids = inputs.get("prior_record_ids", [])
    prior_records = (
        session.execute(select(DecisionRecord).where(col(DecisionRecord.id).in_(prior_ids)))
        .scalars()
        .all()
    )
    prior = [
        PriorDecision(r.decision_date, r.decision, frozenset(r.rules.split()))
        for r in prior_records
    ]
    return evaluate(logs, record.decision_date, state, prior).as_dict()
