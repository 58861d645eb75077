"""Coach readiness: status, plain-word restrictions, and nothing that could carry a score."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, get_type_hints

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rules import DayLog, Readiness, assess_readiness
from app.rules.readiness import RESTRICTIONS, RUN_AT_MOST

from ._strategies import histories
from ._support import TODAY, TWO_GOOD_LOADS, days, guide, on, prior

Changes = dict[int, dict[str, Any] | None]


# Sitting stepped up yesterday, so on a calm day it does not compete with (or wait for) the
# component under test: a lone step up is "ready".
SITTING_STEPPED = [prior(-1, "progress", "PR-4")]


def _assess(logs: list[DayLog], phase: int = 2) -> Readiness:
    return assess_readiness(guide(logs, phase=phase, prior=SITTING_STEPPED), logs, TODAY)


def test_a_component_waiting_its_turn_pr0_is_a_modification() -> None:
    logs = days(TWO_GOOD_LOADS)
    guidance = guide(logs, phase=4)  # tendon steps up; sitting qualifies too and waits (PR-0)
    assert guidance.components["sitting"].rules == ("PR-0",)
    readiness = assess_readiness(guidance, logs, TODAY)
    assert readiness == Readiness("modified", ("No longer sitting spells than usual",))


@pytest.mark.parametrize(
    ("changes", "phase", "status", "restrictions"),
    [
        pytest.param({}, 2, "ready", ("No running above 70% speed",), id="calm-phase-2"),
        pytest.param({}, 1, "ready", ("No running today",), id="calm-phase-1"),
        pytest.param({}, 3, "ready", ("No running above 85% speed",), id="calm-phase-3"),
        pytest.param({}, 4, "ready", (), id="calm-phase-4"),
        pytest.param(TWO_GOOD_LOADS, 4, "ready", (), id="progress-alone-is-ready"),
        pytest.param(
            {0: {"red_flags": ["fever_unwell"]}},
            2,
            "modified",
            ("No running above 70% speed", "Keep training at the current level"),
            id="referral-soon-is-modified",
        ),
        pytest.param(
            {0: {"red_flags": ["new_weakness"]}},
            2,
            "not_ready",
            ("Rest from training today",),
            id="referral-urgent",
        ),
        pytest.param(
            {0: {"red_flags": ["saddle_numbness"]}},
            4,
            "not_ready",
            ("Rest from training today",),
            id="emergency",
        ),
        pytest.param(
            {0: {"loading_pain": 6}}, 4, "not_ready", ("Lighter loading today",), id="tendon-back"
        ),
        pytest.param(
            {0: {"sprint_pain": 6, "sprint_speed_pct": 80}},
            4,
            "not_ready",
            ("No running above 70% speed",),
            id="running-back-off-drops-a-band",
        ),
        pytest.param(
            {0: {"sprint_pain": 6, "sprint_speed_pct": 60}},
            4,
            "not_ready",
            ("No running today",),
            id="running-back-off-from-jog",
        ),
        pytest.param(
            {0: {"sprint_pain": 6}},
            4,
            "not_ready",
            ("Run slower than last time",),
            id="running-back-off-speed-unknown",
        ),
        pytest.param(
            {0: {"sprint_pain": 4, "sprint_speed_pct": 90}},
            4,
            "modified",
            ("No running above 95% speed",),
            id="running-hold-keeps-the-band",
        ),
        pytest.param(
            {0: {"loading_pain": 4}},
            4,
            "modified",
            ("Keep loading at the current level",),
            id="tendon-hold",
        ),
        pytest.param(
            {0: {"sitting_tolerance_min": 30}},
            4,
            "modified",
            ("Keep loading at the current level", "No deep hip-flexion work"),
            id="sitting-back-off",
        ),
        pytest.param(
            {0: {"paresthesia": "lasting"}},
            4,
            "modified",
            ("Gentle nerve glides only",),
            id="neural-back-off-is-not-not-ready",
        ),
        pytest.param(
            {0: {"paresthesia": "settled"}},
            4,
            "modified",
            ("No harder nerve glides",),
            id="neural-hold",
        ),
        pytest.param(
            {
                **TWO_GOOD_LOADS,
                -1: {"loading_pain": 2, "loading_stage": 2},
                0: {"morning_pain": None},
            },
            4,
            "modified",
            ("Keep loading at the current level",),
            id="missing-data-hold",
        ),
    ],
)
def test_readiness_status_and_restrictions(
    changes: Changes, phase: int, status: str, restrictions: tuple[str, ...]
) -> None:
    readiness = _assess(days(changes), phase=phase)
    assert readiness == Readiness(status, restrictions)


@pytest.mark.parametrize(
    "logs",
    [
        pytest.param([], id="no-logs"),
        pytest.param(days(None, calm=range(-10, -2)), id="last-log-three-days-ago"),
        pytest.param([*days(None, calm=range(-10, -2)), on(0), on(-1)], id="empty-logs-only"),
    ],
)
def test_no_log_in_the_last_three_days_is_unknown(logs: list[DayLog]) -> None:
    readiness = _assess(logs, phase=3)
    assert readiness == Readiness("unknown", ("No running above 85% speed",))


def test_a_log_two_days_ago_is_recent_enough() -> None:
    assert _assess(days(None, calm=range(-10, -1))).status != "unknown"


HOOPER = ("sleep", "fatigue", "stress", "soreness")


def _wellness(totals: list[int], today: int | None) -> list[DayLog]:
    """Calm logs whose Hooper totals are `totals` (oldest first, ending yesterday) and `today`."""
    changes: Changes = {}
    offsets = range(-len(totals), 0)
    for k, total in [*zip(offsets, totals, strict=True), (0, today)]:
        if total is not None:
            changes[k] = {"sleep": total - 3, "fatigue": 1, "stress": 1, "soreness": 1}
    return days(changes, calm=range(-len(totals), 1))


@pytest.mark.parametrize(
    ("totals", "today", "status"),
    [
        pytest.param([12] * 10, 13, "modified", id="sd-0-and-above"),
        pytest.param([12] * 10, 12, "ready", id="sd-0-and-equal"),
        pytest.param([12] * 10, 11, "ready", id="better-than-normal"),
        pytest.param([10, 14] * 5, 14, "modified", id="z-exactly-1-population-sd"),
        pytest.param([10, 14] * 5, 13, "ready", id="z-0.5"),
        pytest.param([12] * 6, 20, "ready", id="six-values-are-too-few"),
        pytest.param([12] * 7, 13, "modified", id="seven-values-are-enough"),
        pytest.param([12] * 10, None, "ready", id="no-wellness-today"),
    ],
)
def test_wellness_worse_than_the_athletes_own_normal_modifies(
    totals: list[int], today: int | None, status: str
) -> None:
    readiness = _assess(_wellness(totals, today), phase=4)
    assert readiness.status == status
    if status == "modified":
        assert readiness.restrictions == ("Keep today's session light",)


def test_wellness_needs_all_four_items_today() -> None:
    logs = _wellness([12] * 10, None)
    logs[-1] = dataclasses.replace(logs[-1], sleep=7, fatigue=7, stress=7)
    assert _assess(logs, phase=4).status == "ready"


def test_readiness_has_no_field_that_could_carry_a_score() -> None:
    hints = get_type_hints(Readiness)
    assert [f.name for f in dataclasses.fields(Readiness)] == ["status", "restrictions"]
    assert hints == {"status": str, "restrictions": tuple[str, ...]}


_SPEEDS = {f"{pct}%" for pct in (70, 85, 95)}


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(logs=histories(), phase=st.integers(1, 6))
def test_restrictions_come_from_a_fixed_vocabulary_without_pain_numbers(
    logs: list[DayLog], phase: int
) -> None:
    readiness = _assess(logs, phase=phase)
    assert readiness.status in {"ready", "modified", "not_ready", "unknown"}
    for text in readiness.restrictions:
        assert text in RESTRICTIONS
        without_speed = re.sub(r"\b(70|85|95)%", "", text)
        assert not re.search(r"\d", without_speed)
    assert len(set(readiness.restrictions)) == len(readiness.restrictions)
    assert {t for t in RUN_AT_MOST.values()} <= RESTRICTIONS
    assert all(any(s in t for s in _SPEEDS) for t in RUN_AT_MOST.values())
