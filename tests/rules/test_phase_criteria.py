"""phase_criteria: every move-on criterion with its number; all met exactly when phase_ready.

The cases of test_phase_ready.py are replayed here: for each, the criteria must agree with the
phase_ready answer that file pins down, and a property test checks the same on random input.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rules import (
    DayLog,
    PatientState,
    PhaseCheck,
    PriorDecision,
    Thresholds,
    evaluate,
    phase_criteria,
)

from . import test_phase_ready as pr
from ._strategies import histories, prior_decisions, thresholds
from ._support import TODAY, days, prior

FAST = settings(
    max_examples=int(os.environ.get("LOADLINE_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def check(
    logs: Iterable[DayLog],
    phase: int,
    started: int | None = 20,
    priors: Iterable[PriorDecision] = (),
    **th: int,
) -> PhaseCheck:
    start = None if started is None else TODAY - dt.timedelta(days=started)
    state = PatientState(phase=phase, phase_started_on=start, thresholds=Thresholds(**th))
    return phase_criteria(list(logs), TODAY, state, list(priors))


def by_id(result: PhaseCheck) -> dict[str, Any]:
    return {c.id: c for c in result.criteria}


def _cases(test: Callable[..., Any]) -> list[Any]:
    mark = next(m for m in test.pytestmark if m.name == "parametrize")  # type: ignore[attr-defined]
    return [pytest.param(*p.values, id=p.id) for p in mark.args[1]]


def _agrees(result: PhaseCheck, ready: bool) -> None:
    assert result.ready is ready
    assert all(c.met for c in result.criteria) is ready, [
        (c.id, c.text) for c in result.criteria if not c.met
    ]


@pytest.mark.parametrize(("logs", "started", "priors", "ready"), _cases(pr.test_phase_1_settle))
def test_phase_1_criteria_agree_with_phase_ready(
    logs: list[DayLog], started: int | None, priors: list[PriorDecision], ready: bool
) -> None:
    _agrees(check(logs, 1, started, priors), ready)


@pytest.mark.parametrize(("started", "priors", "ready"), _cases(pr.test_phase_2_load))
def test_phase_2_criteria_agree_with_phase_ready(
    started: int | None, priors: list[PriorDecision], ready: bool
) -> None:
    _agrees(check(pr.LOADING, 2, started, priors), ready)


@pytest.mark.parametrize(("changes", "priors", "ready"), _cases(pr.test_phase_3_integrate))
def test_phase_3_criteria_agree_with_phase_ready(
    changes: pr.Changes, priors: list[PriorDecision], ready: bool
) -> None:
    logs = days({k: {**(v or {})} for k, v in changes.items()}, calm=range(-13, 1))
    _agrees(check(logs, 3, 20, priors), ready)


@pytest.mark.parametrize(("changes", "priors", "started", "ready"), _cases(pr.test_phase_4_perform))
def test_phase_4_criteria_agree_with_phase_ready(
    changes: pr.Changes, priors: list[PriorDecision], started: int, ready: bool
) -> None:
    _agrees(check(days(changes, calm=range(-14, 1)), 4, started, priors), ready)


def test_phase_1_shows_the_numbers_behind_each_criterion() -> None:
    result = by_id(check(pr._phase1({-6: None, -5: None, -4: None, -3: None}), 1, 10))
    assert result["days_in_phase"].value == 10 and result["days_in_phase"].met
    assert result["logged_4_of_7"].value == 3 and not result["logged_4_of_7"].met
    assert result["morning_pain_mean_7d"].value == 2.0
    assert not result["morning_pain_mean_7d"].met  # 3 mornings: at least 4 are needed
    assert result["sitting_tolerance_rising"].value == 60.0
    assert result["sitting_tolerance_rising"].target == "> 50.0"
    assert result["no_back_off_7d"].value == 0 and result["no_referral_today"].met


def test_phase_1_counts_back_off_days_including_today() -> None:
    logs = pr._phase1({0: {"loading_pain": 6}})
    result = by_id(check(logs, 1, 10, [prior(-3, "back_off", "PM-1")]))
    assert result["no_back_off_7d"].value == 2 and not result["no_back_off_7d"].met


def test_phase_2_counts_the_weeks_with_a_tendon_step() -> None:
    three_weeks = [*pr.PR1_TWO_WEEKS, prior(-17, "progress", "PR-1")]
    assert by_id(check(pr.LOADING, 2, 20, three_weeks))["pr1_in_2_weeks"].value == 3
    assert by_id(check(pr.LOADING, 2, 12, three_weeks))["pr1_in_2_weeks"].value == 2


def test_phase_3_and_4_numbers() -> None:
    tempo = days({**pr.TEMPO_RUNS, 0: {"morning_pain": 1}}, calm=range(-13, 1))
    result = by_id(check(tempo, 3))
    assert result["tempo_progress_twice"].value == 2
    assert result["morning_pain_at_baseline"].value == 1
    sprints = days({**pr._sprints(-12, -5), **pr._sprints(-9, speed=90)}, calm=range(-14, 1))
    result = by_id(check(sprints, 4))
    assert result["runs_above_95"].value == 1 and result["runs_each_week"].value == 2


def test_an_unknown_start_counts_as_met_without_a_number() -> None:
    days_in_phase = by_id(check(pr._phase1(), 1, None))["days_in_phase"]
    assert days_in_phase.met and days_in_phase.value is None


@pytest.mark.parametrize("phase", [5, 6])
def test_phases_5_and_6_have_no_automatic_criteria(phase: int) -> None:
    result = check(days(None, calm=range(-20, 1)), phase, 60)
    assert result.criteria == () and result.ready is False


@FAST
@given(
    logs=histories(),
    phase=st.integers(1, 4),
    started=st.none() | st.integers(0, 40),
    th=thresholds,
    priors=prior_decisions(),
)
def test_criteria_are_all_met_exactly_when_phase_ready(
    logs: list[DayLog],
    phase: int,
    started: int | None,
    th: Thresholds,
    priors: list[PriorDecision],
) -> None:
    start = None if started is None else TODAY - dt.timedelta(days=started)
    state = PatientState(phase=phase, phase_started_on=start, thresholds=th)
    result = phase_criteria(logs, TODAY, state, priors)
    guidance = evaluate(logs, TODAY, state, priors)
    assert result.ready is guidance.phase_ready
    assert all(c.met for c in result.criteria) is guidance.phase_ready
    assert len({c.id for c in result.criteria}) == len(result.criteria)
