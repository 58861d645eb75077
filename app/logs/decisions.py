"""Compute and store decisions: the service side of the pure rules (replay: app/logs/replay.py)."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.logs import statements
from app.logs.records import RecordRow, current_rows, insert_records, record_of, supersede_all
from app.logs.rules_input import day_log_reader
from app.models import LogRevision, PatientSetting
from app.patients.settings import load_history, phase_started_on, setting_on, state_on
from app.rules import RULESET_VERSION, DayLog, PatientState, PriorDecision, evaluate

LOOKBACK_DAYS = 27  # the rules read the decision date and the 27 days before it
_READ_DAY_LOG = day_log_reader(list(statements.DAY_LOGS.selected_columns.keys()))


def load_day_logs(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> tuple[dict[date, DayLog], dict[date, str]]:
    """The logs the rules read (plain columns, no ORM objects), and each one's canonical text
    for the inputs digest (the row's repr, columns in DayLog's field order: stored red flags
    are already sorted)."""
    params = {"pid": patient_id, "start": start, "end": end}
    logs, canonical = {}, {}
    for row in session.connection().execute(statements.DAY_LOGS, params):
        log = _READ_DAY_LOG(row)
        logs[log.log_date] = log
        canonical[log.log_date] = repr(tuple(row))
    return logs, canonical


def _digest(logs: Sequence[str], state: PatientState, prior: Sequence[str]) -> str:
    """A fingerprint of everything the rules read: same inputs, same digest, same decision."""
    parts = [RULESET_VERSION, repr(state), *logs, *prior]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


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

    Days are decided in order in memory, so each day's prior decisions are already up to
    date; then the replaced records are superseded in one statement and the new ones inserted
    in one more. A day whose inputs did not change keeps its record.
    `revision` is the newest log revision id if the caller just wrote one.
    """
    history = load_history(session, patient_id)
    window_start = start - timedelta(days=LOOKBACK_DAYS)
    logs, canonical = load_day_logs(session, patient_id, window_start, end)
    records = current_rows(session, patient_id, window_start, end)
    targets = sorted(
        {d for d in (*logs, *records) if start < d <= end} | ({start} if include_start else set())
    )
    if revision is None:
        revision = session.execute(
            select(func.max(LogRevision.id)).where(col(LogRevision.patient_id) == patient_id)
        ).scalar_one()
    done = Recomputed(window_start, end, history, logs, records, {})
    batch = _Batch(patient_id, revision, cause, now, canonical, done)
    for day in targets:
        batch.decide(day)
    batch.write(session)
    return done


class _Batch:
    """Decisions made in memory during one recompute, written with two statements."""

    def __init__(
        self,
        patient_id: uuid.UUID,
        revision: int | None,
        cause: str,
        now: datetime,
        canonical: dict[date, str],
        done: Recomputed,
    ) -> None:
        self.patient_id, self.revision, self.cause, self.now = patient_id, revision, cause, now
        self.canonical, self.done = canonical, done
        self.priors = {d: _prior_entry(r) for d, r in done.records.items()}
        self.states: dict[tuple[Any, date], tuple[PatientState, dict[str, int]]] = {}
        self.superseded: list[int] = []
        self.new: list[dict[str, Any]] = []

    def _state(self, day: date) -> tuple[PatientState, dict[str, int], Any]:
        setting = setting_on(self.done.history, day)
        started = phase_started_on(self.done.history, day)
        key = (setting.id, started)
        if key not in self.states:
            state = state_on(self.done.history, day)
            self.states[key] = (state, asdict(state.thresholds))
        return (*self.states[key], setting)

    def decide(self, day: date) -> None:
        window = [day - timedelta(days=i) for i in range(LOOKBACK_DAYS, -1, -1)]
        priors = [self.priors[d] for d in window[:-1] if d in self.priors]
        state, thresholds, setting = self._state(day)
        logs = [self.canonical[d] for d in window if d in self.canonical]
        digest = _digest(logs, state, [text for _, text in priors])
        existing = self.done.records.get(day)
        if existing is not None and existing.inputs_digest == digest:
            return
        day_logs = [self.done.logs[d] for d in window if d in self.done.logs]
        guidance = evaluate(day_logs, day, state, [prior for prior, _ in priors])
        rules = sorted({reason.rule for reason in guidance.reasons})
        as_dict = guidance.as_dict()
        values = {
            "patient_id": self.patient_id,
            "decision_date": day,
            "decision": guidance.decision,
            "referral": guidance.referral,
            "phase_ready": guidance.phase_ready,
            "progressed": any(rule.startswith("PR-") for rule in rules),
            "rules": " ".join(rules),
            "guidance": as_dict,
            "thresholds": thresholds,
            "phase": state.phase,
            "ruleset": guidance.ruleset,
            "inputs": {
                "from": window[0].isoformat(),
                "to": day.isoformat(),
                "log_revision": self.revision,
                "settings_id": setting.id,
                "phase_started_on": str(state.phase_started_on) if state.phase_started_on else None,
            },
            "inputs_digest": digest,
            "cause": self.cause,
            "created_at": self.now,
        }
        if existing is not None:
            self.superseded.append(existing.id)
        row = record_of(values, record_id=0)  # the id is known once written
        self.done.records[day] = row
        self.priors[day] = _prior_entry(row)
        self.done.guidance[day] = as_dict
        self.new.append(values)

    def write(self, session: Session) -> None:
        if self.superseded:
            supersede_all(session, self.superseded, self.now)
        if self.new:
            ids = insert_records(session, self.new)
            for values, record_id in zip(self.new, ids, strict=True):
                self.done.records[values["decision_date"]] = record_of(values, record_id)


def _prior_entry(record: RecordRow) -> tuple[PriorDecision, str]:
    """A prior decision for the rules, and its text for the inputs digest."""
    prior = record.prior()
    return prior, repr((prior.decision_date, prior.decision, record.rules))


def stale(record: RecordRow | None) -> bool:
    return record is None or record.ruleset != RULESET_VERSION
