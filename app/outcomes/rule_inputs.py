"""What the rules read for one day, loaded the way a recompute loads it (app/logs/decisions.py),
for the phase page's live criteria. Read only: nothing is decided or stored here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from app.logs.decision_inputs import (
    LOOKBACK_DAYS,
    StepUps,
    last_step_ups,
    load_clearances,
    load_day_logs,
    load_episode_days,
)
from app.logs.records import RecordRow, current_rows
from app.patients.settings import load_history, state_on
from app.rules import Clearance, DayLog, PatientState, PhaseCheck, PriorDecision, phase_criteria


@dataclass(frozen=True, slots=True)
class RuleInputs:
    today: date
    logs: list[DayLog]  # the 28-day window plus older red-flag days
    state: PatientState
    prior: list[PriorDecision]  # the window's earlier decisions plus the last step ups
    clearances: list[Clearance]
    records: dict[date, RecordRow]  # current records of the window (today's too, if any)
    window: dict[date, DayLog]  # the window's own logs, by date


def load_rule_inputs(session: Session, patient_id: uuid.UUID, today: date) -> RuleInputs:
    since = today - timedelta(days=LOOKBACK_DAYS)
    state = state_on(load_history(session, patient_id), today)
    logs, canonical = load_day_logs(session, patient_id, since, today)
    episode_days = load_episode_days(session, patient_id, since, logs, canonical)
    clearances = load_clearances(session, patient_id) if episode_days.marked else ()
    records = current_rows(session, patient_id, since, today)
    priors = [r.prior() for d, r in records.items() if d < today]
    step_ups = StepUps(lambda: last_step_ups(session, patient_id, since)).before(since, priors)
    return RuleInputs(
        today,
        [*episode_days.before(since), *logs.values()],
        state,
        [*priors, *step_ups],
        [c for c in clearances if c.checked_on <= today],
        records,
        logs,
    )


def phase_check(inputs: RuleInputs) -> PhaseCheck:
    return phase_criteria(inputs.logs, inputs.today, inputs.state, inputs.prior, inputs.clearances)
