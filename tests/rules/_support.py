"""Builders for rule tests: logs by day offset from a fixed Monday, and short evaluate calls."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from app.rules import (
    Clearance,
    DayLog,
    Guidance,
    PatientState,
    PriorDecision,
    Thresholds,
    evaluate,
)

TODAY = dt.date(2026, 11, 23)  # a Monday (ISO week 48)
CALM: Mapping[str, Any] = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def on(offset: int, **values: Any) -> DayLog:
    """The log of TODAY + offset; red_flags may be given as any iterable."""
    flags = frozenset(values.pop("red_flags", ()))
    return DayLog(log_date=TODAY + dt.timedelta(days=offset), red_flags=flags, **values)


def days(
    changes: Mapping[int, Mapping[str, Any] | None] | None = None,
    calm: Iterable[int] = range(-7, 1),
) -> list[DayLog]:
    """Calm days (morning 2, sitting 2, tolerance 60) on `calm` offsets, fields overridden or
    added per offset by `changes`; an offset mapped to None is left out (not logged)."""
    changes = changes or {}
    by_offset: dict[int, dict[str, Any]] = {k: dict(CALM) for k in calm}
    for k, extra in changes.items():
        if extra is None:
            by_offset.pop(k, None)
        else:
            by_offset.setdefault(k, {}).update(extra)
    return [on(k, **fields) for k, fields in sorted(by_offset.items())]


def guide(
    logs: Iterable[DayLog],
    phase: int = 2,
    started: int | None = None,
    prior: Iterable[PriorDecision] = (),
    today: dt.date = TODAY,
    clearances: Iterable[Clearance] = (),
    **thresholds: int,
) -> Guidance:
    """evaluate() with a phase, a start offset (days before TODAY) and threshold overrides."""
    state = PatientState(
        phase=phase,
        phase_started_on=None if started is None else today - dt.timedelta(days=started),
        thresholds=Thresholds(**thresholds),
    )
    return evaluate(logs, today, state, prior, clearances)


def prior(offset: int, decision: str, *rules: str) -> PriorDecision:
    return PriorDecision(TODAY + dt.timedelta(days=offset), decision, frozenset(rules))


def clearance(offset: int) -> Clearance:
    return Clearance(TODAY + dt.timedelta(days=offset))


def fired(g: Guidance) -> set[str]:
    return {r.rule for r in g.reasons}


def decisions(g: Guidance) -> dict[str, str]:
    return {name: c.decision for name, c in g.components.items()}


def rules_of(g: Guidance, component: str) -> tuple[str, ...]:
    return tuple(g.components[component].rules)


# Two loading sessions at one stage with settled next mornings (PR-1 on a calm week).
TWO_GOOD_LOADS = {
    -4: {"loading_pain": 2, "loading_stage": 2},
    -2: {"loading_pain": 3, "loading_stage": 2},
}
