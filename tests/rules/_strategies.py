"""Hypothesis strategies: realistic-but-random daily logs, thresholds and prior decisions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import strategies as st

from app.rules import THRESHOLD_LIMITS, DayLog, PriorDecision, Thresholds
from app.rules.messages import RULE_IDS
from app.rules.model import RED_FLAGS

from ._support import TODAY

PAIN = st.none() | st.integers(0, 10)
PAIN_FIELDS = ("morning_pain", "sitting_pain", "loading_pain", "sprint_pain", "glide_pain")


def _maybe(values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | values


FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "morning_pain": PAIN,
    "sitting_pain": PAIN,
    "sitting_tolerance_min": _maybe(st.sampled_from([0, 20, 40, 42, 43, 60, 61, 90])),
    "loading_pain": PAIN,
    "loading_stage": _maybe(st.integers(1, 4)),
    "sprint_pain": PAIN,
    "sprint_speed_pct": _maybe(st.sampled_from([50, 69, 70, 80, 85, 86, 95, 96, 100])),
    "glide_pain": PAIN,
    "glide_type": _maybe(st.sampled_from(["slider", "tensioner"])),
    "paresthesia": _maybe(st.sampled_from(["none", "settled", "lasting"])),
    "symptom_extent": _maybe(st.sampled_from(["none", "buttock", "thigh", "below_knee", "foot"])),
    "red_flags": st.just(frozenset())
    | st.frozensets(st.sampled_from(sorted(RED_FLAGS)), max_size=2),
    "sleep": _maybe(st.integers(1, 7)),
    "fatigue": _maybe(st.integers(1, 7)),
    "stress": _maybe(st.integers(1, 7)),
    "soreness": _maybe(st.integers(1, 7)),
}


def log_on(offset: int, values: dict[str, Any]) -> DayLog:
    return DayLog(log_date=TODAY + dt.timedelta(days=offset), **values)


day_values = st.fixed_dictionaries({}, optional=FIELDS)


@st.composite
def random_histories(draw: st.DrawFn, first: int = -30, last: int = 1) -> list[DayLog]:
    """Up to 24 logs on distinct dates from TODAY+first to TODAY+last (some outside the window)."""
    by_offset = draw(st.dictionaries(st.integers(first, last), day_values, max_size=24))
    return [log_on(k, v) for k, v in by_offset.items()]


LOW_PAIN = st.sampled_from([0, 1, 2, 2, 2, 3, 3] * 3 + [4, 5, 6, 7, 9])  # mostly safe


@st.composite
def rehab_day(draw: st.DrawFn) -> dict[str, Any]:
    """A plausible rehab day: mostly low pain, sometimes loading, a run or glides."""
    day: dict[str, Any] = {
        "morning_pain": draw(_maybe(LOW_PAIN)),
        "sitting_pain": draw(LOW_PAIN),
        "sitting_tolerance_min": draw(st.sampled_from([40, 55, 60, 60, 75, 90])),
    }
    if draw(st.booleans()):
        day |= {"loading_pain": draw(_maybe(LOW_PAIN)), "loading_stage": 2}
    if draw(st.booleans()):
        speed = draw(st.sampled_from([60, 65, 80, 90, 97]))
        day |= {"sprint_pain": draw(LOW_PAIN), "sprint_speed_pct": speed}
    if draw(st.booleans()):
        paresthesia = draw(st.sampled_from(["none", "none", "settled", "lasting", None]))
        day |= {"glide_pain": draw(LOW_PAIN), "glide_type": "slider", "paresthesia": paresthesia}
        day["symptom_extent"] = draw(st.sampled_from(["buttock", "thigh", "below_knee"]))
    return day


@st.composite
def rehab_histories(draw: st.DrawFn) -> list[DayLog]:
    """Three weeks of mostly logged, mostly calm days (rules of every kind get to fire)."""
    logs = []
    for k in range(-20, 1):
        if draw(st.integers(0, 9)) < 8:
            logs.append(log_on(k, draw(rehab_day())))
    return logs


def histories() -> st.SearchStrategy[list[DayLog]]:
    return random_histories() | rehab_histories()


thresholds = st.builds(
    Thresholds, **{name: st.integers(low, high) for name, (low, high) in THRESHOLD_LIMITS.items()}
)


@st.composite
def prior_decisions(draw: st.DrawFn) -> list[PriorDecision]:
    offsets = draw(st.sets(st.integers(-30, 0), max_size=27))
    return [
        PriorDecision(
            TODAY + dt.timedelta(days=k),
            draw(st.sampled_from(["progress", "hold", "back_off"])),
            draw(st.frozensets(st.sampled_from(RULE_IDS), max_size=3)),
        )
        for k in sorted(offsets)
    ]
