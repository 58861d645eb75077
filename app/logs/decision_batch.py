"""One recompute's decisions, made in memory day by day and written with two statements.

Each day reads its 28-day window of logs, the older red-flag days and the clearances dated that
day or earlier, the earlier decisions of its window and each component's last step up before
it; all of it goes into the inputs digest, so a day whose inputs did not change keeps its record.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.logs.decision_inputs import LOOKBACK_DAYS, EpisodeDays, StepUps
from app.logs.records import RecordRow, insert_records, record_of, supersede_all
from app.logs.status_inputs import StatusInputs
from app.models import PatientSetting
from app.patients.settings import phase_started_on, setting_on, state_on
from app.rules import (
    RULESET_VERSION,
    Clearance,
    DayLog,
    Episode,
    PatientState,
    PriorDecision,
    Thresholds,
    evaluate,
    open_episodes,
)
from app.rules.model import PROGRESS_RULE

_STEP_RULES = frozenset(PROGRESS_RULE.values())  # PR-1..PR-4 (PR-0 is waiting, not a step)


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
    episode_days: EpisodeDays
    clearances: tuple[Clearance, ...]
    status: StatusInputs | None = None  # the status row as the recompute read it

    def covers(self, start: date, end: date) -> bool:
        return self.window_start <= start and end <= self.end

    def episodes_on(self, day: date) -> tuple[Episode, ...]:
        """The red-flag episodes open on `day` (a day this recompute covers)."""
        first = day - timedelta(days=LOOKBACK_DAYS)
        window = [log for d, log in self.logs.items() if first <= d <= day]
        checks = [c for c in self.clearances if c.checked_on <= day]
        return open_episodes([*self.episode_days.before(first), *window], checks, day)


@dataclass(frozen=True, slots=True)
class Extras:
    """What the decisions of one recompute read beyond their windows."""

    episode_days: EpisodeDays
    clearances: tuple[Clearance, ...]
    step_ups: StepUps


class DayBatch:
    """Decisions made in memory during one recompute, written with two statements."""

    def __init__(
        self,
        patient_id: uuid.UUID,
        revision: int | None,
        cause: str,
        now: datetime,
        canonical: dict[date, str],
        done: Recomputed,
        extras: Extras,
    ) -> None:
        self.patient_id, self.revision, self.cause, self.now = patient_id, revision, cause, now
        self.canonical, self.done, self.extras = canonical, done, extras
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
            self.states[key] = (state, _numbers(state.thresholds))
        return (*self.states[key], setting)

    def decide(self, day: date) -> None:
        window = [day - timedelta(days=i) for i in range(LOOKBACK_DAYS, -1, -1)]
        priors = [self.priors[d][0] for d in window[:-1] if d in self.priors]
        prior_texts = [self.priors[d][1] for d in window[:-1] if d in self.priors]
        loaded = (entry[0] for entry in self.priors.values())
        step_ups = self.extras.step_ups.before(window[0], loaded, day)
        older = self.extras.episode_days.before(window[0])
        clearances = [c for c in self.extras.clearances if c.checked_on <= day]
        state, thresholds, setting = self._state(day)
        texts = self.extras.episode_days.canonical
        logs = [texts[log.log_date] for log in older]
        logs += [self.canonical[d] for d in window if d in self.canonical]
        read = [*prior_texts, *map(repr, step_ups), *map(repr, clearances)]
        digest = _digest(logs, state, read)
        existing = self.done.records.get(day)
        if existing is not None and existing.inputs_digest == digest and _current(existing):
            return
        day_logs = [*older, *(self.done.logs[d] for d in window if d in self.done.logs)]
        guidance = evaluate(day_logs, day, state, [*priors, *step_ups], clearances)
        rules = sorted({reason.rule for reason in guidance.reasons})
        as_dict = guidance.as_dict()
        values = {
            "patient_id": self.patient_id,
            "decision_date": day,
            "decision": guidance.decision,
            "referral": guidance.referral,
            "phase_ready": guidance.phase_ready,
            "progressed": not _STEP_RULES.isdisjoint(rules),
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


_THRESHOLD_FIELDS = tuple(f.name for f in fields(Thresholds))


def _numbers(thresholds: Thresholds) -> dict[str, int]:
    """The thresholds as stored with a record (dataclasses.asdict, without its deep copies)."""
    return {name: getattr(thresholds, name) for name in _THRESHOLD_FIELDS}


def _current(record: RecordRow) -> bool:
    """Made by this ruleset (the digest names the ruleset too; this does not rely on it)."""
    return record.ruleset == RULESET_VERSION


def _prior_entry(record: RecordRow) -> tuple[PriorDecision, str]:
    """A prior decision for the rules, and its text for the inputs digest."""
    prior = record.prior()
    return prior, repr((prior.decision_date, prior.decision, record.rules))
