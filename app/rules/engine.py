"""evaluate(): today's guidance from the logs, the patient's state and prior decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from types import MappingProxyType

from .decide import decide
from .history import WINDOW_DAYS, History, index_by_offset
from .model import DayLog, Guidance, PatientState, PriorDecision
from .phase_ready import phase_ready


def evaluate(
    logs: Iterable[DayLog],
    today: dt.date,
    state: PatientState,
    prior: Iterable[PriorDecision] = (),
) -> Guidance:
    """The guidance for `today`: reads only the logs of today-27..today (any order; later
    dates are ignored) and, for phase_ready, the prior decisions of today-27..today-1.

    Raises ValueError if two different non-empty logs share a date.
    """
    history = History(
        today, index_by_offset(logs, today, WINDOW_DAYS), state.thresholds, state.phase
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
    )
