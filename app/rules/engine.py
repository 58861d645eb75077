"""evaluate(): today's guidance from the logs, the patient's state, earlier decisions and
clinicians' clearances."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from types import MappingProxyType

from .decide import decide
from .episodes import open_episodes
from .history import WINDOW_DAYS, History, index_by_offset
from .model import PROGRESS_RULE, Clearance, DayLog, Guidance, PatientState, PriorDecision
from .phase_ready import phase_ready

_COMPONENT_OF = {rule: component for component, rule in PROGRESS_RULE.items()}


def progress_dates(prior: Iterable[PriorDecision]) -> dict[str, tuple[dt.date, ...]]:
    """For each component, the dates on which a stored decision made it progress."""
    found: dict[str, list[dt.date]] = {}
    component_of = _COMPONENT_OF
    for p in prior:
        for rule in p.rules:  # a handful of IDs: cheaper than testing each component
            component = component_of.get(rule)
            if component is not None:
                found.setdefault(component, []).append(p.decision_date)
    return {component: tuple(days) for component, days in found.items()}


def evaluate(
    logs: Iterable[DayLog],
    today: dt.date,
    state: PatientState,
    prior: Iterable[PriorDecision] = (),
    clearances: Iterable[Clearance] = (),
) -> Guidance:
    """The guidance for `today`.

    - `logs`: the logs of today-27..today (any order; later dates are ignored), plus any older
      log that matters for red-flag episodes (flagged or reviewed days, and logged days after
      an older RF-4 flag); window rules read only the 28 days.
    - `prior`: stored decisions of earlier days: those of today-27..today-1, plus, for each
      component, the last one before that window in which it progressed (PR-0's order).
    - `clearances`: clinicians' checks; only those checked on or before today count.

    Raises ValueError if two different non-empty logs share a date.
    """
    logs = logs if isinstance(logs, Sequence) else list(logs)
    prior = prior if isinstance(prior, Sequence) else list(prior)
    episodes = open_episodes(logs, clearances, today)
    history = History(
        today,
        index_by_offset(logs, today, WINDOW_DAYS),
        state.thresholds,
        state.phase,
        progress_dates(prior),
        episodes,
    )
    result = decide(history)
    return Guidance(
        date=today,
        decision=result.decision,
        referral=result.referral,
        components=MappingProxyType(result.components),
        reasons=result.reasons,
        phase=state.phase,
        phase_ready=phase_ready(history, result, state, prior),
        open_episodes=episodes,
    )
