"""phase_ready: the suggested move-on criteria of each phase (a clinician confirms)."""

from __future__ import annotations

from typing import Any

import pytest

from app.rules import PriorDecision

from ._support import days, guide, prior

Changes = dict[int, dict[str, Any] | None]

# Phase 1: two calm weeks, sitting tolerance rising from 50 to 60 minutes.
SETTLING: Changes = {k: {"sitting_tolerance_min": 50} for k in range(-13, -6)}


def _phase1(changes: Changes | None = None) -> list[Any]:
    merged: Changes = {**SETTLING}
    for k, v in (changes or {}).items():
        merged[k] = None if v is None else {**(merged.get(k) or {}), **v}
    return days(merged, calm=range(-13, 1))


@pytest.mark.parametrize(
    ("logs", "started", "priors", "ready"),
    [
        pytest.param(_phase1(), 10, [], True, id="settled-and-rising"),
        pytest.param(_phase1(), 7, [], True, id="exactly-7-days"),
        pytest.param(_phase1(), 6, [], False, id="6-days-in-phase"),
        pytest.param(_phase1(), None, [], True, id="start-unknown"),
        pytest.param(_phase1(), 10, [prior(-3, "back_off", "PM-1")], False, id="back-off-at-3"),
        pytest.param(_phase1(), 10, [prior(-6, "back_off", "PM-1")], False, id="back-off-at-6"),
        pytest.param(_phase1(), 10, [prior(-7, "back_off", "PM-1")], True, id="back-off-at-7"),
        pytest.param(_phase1(), 10, [prior(-2, "hold", "PM-6")], True, id="a-hold-is-fine"),
        pytest.param(
            _phase1({-6: None, -5: None, -4: None, -3: None}), 10, [], False, id="3-logged"
        ),
        pytest.param(_phase1({-6: None, -5: None, -4: None}), 10, [], True, id="4-logged"),
        pytest.param(
            _phase1({k: {"morning_pain": 4} for k in range(-6, 1)}), 10, [], False, id="mean-4"
        ),
        pytest.param(
            _phase1({k: {"morning_pain": 3} for k in range(-6, 1)}), 10, [], True, id="mean-3"
        ),
        pytest.param(
            _phase1({k: {"sitting_tolerance_min": 60} for k in range(-13, -6)}),
            10,
            [],
            False,
            id="tolerance-flat",
        ),
        pytest.param(
            _phase1({k: {"sitting_tolerance_min": None} for k in range(-13, -9)}),
            10,
            [],
            True,
            id="3-tolerance-values-before",
        ),
        pytest.param(
            _phase1({k: {"sitting_tolerance_min": None} for k in range(-13, -8)}),
            10,
            [],
            False,
            id="2-tolerance-values-before",
        ),
        pytest.param(_phase1({0: {"loading_pain": 6}}), 10, [], False, id="back-off-today"),
        pytest.param(
            _phase1({0: {"red_flags": ["fever_unwell"]}}), 10, [], False, id="referral-today"
        ),
    ],
)
def test_phase_1_settle(
    logs: list[Any], started: int | None, priors: list[PriorDecision], ready: bool
) -> None:
    assert guide(logs, phase=1, started=started, prior=priors).phase_ready is ready


LOADING = days(None, calm=range(-13, 1))
# TODAY is Monday 2026-11-23; -1..-7 is the previous ISO week, -8..-14 the one before.
PR1_TWO_WEEKS = [prior(-3, "progress", "PR-1"), prior(-10, "progress", "PR-1", "PR-4")]


@pytest.mark.parametrize(
    ("started", "priors", "ready"),
    [
        pytest.param(20, PR1_TWO_WEEKS, True, id="pr1-in-two-weeks"),
        pytest.param(14, PR1_TWO_WEEKS, True, id="exactly-14-days"),
        pytest.param(13, PR1_TWO_WEEKS, False, id="13-days"),
        pytest.param(None, PR1_TWO_WEEKS, True, id="start-unknown"),
        pytest.param(
            20, [prior(-3, "progress", "PR-1"), prior(-6, "progress", "PR-1")], False, id="one-week"
        ),
        pytest.param(
            20,
            [prior(-3, "progress", "PR-1"), prior(-8, "progress", "PR-1")],
            True,
            id="-8-is-week-46",
        ),
        pytest.param(
            9, [prior(-3, "progress", "PR-1"), prior(-10, "progress", "PR-1")], False, id="too-new"
        ),
        pytest.param(
            20, [*PR1_TWO_WEEKS, prior(-5, "back_off", "PM-3")], False, id="back-off-in-7-days"
        ),
        pytest.param(
            20, [*PR1_TWO_WEEKS, prior(-9, "back_off", "PM-3")], True, id="back-off-before-7-days"
        ),
        pytest.param(
            20, [prior(-3, "progress", "PR-1"), prior(-30, "progress", "PR-1")], False, id="window"
        ),
    ],
)
def test_phase_2_load(started: int | None, priors: list[PriorDecision], ready: bool) -> None:
    assert guide(LOADING, phase=2, started=started, prior=priors).phase_ready is ready


def test_phase_2_counts_pr1_fired_today() -> None:
    logs = days({-4: {"loading_pain": 2}, -2: {"loading_pain": 2}}, calm=range(-13, 1))
    # Sitting stepped up yesterday, so PR-4 cannot compete with PR-1 today (PR-0).
    priors = [prior(-10, "progress", "PR-1"), prior(-1, "progress", "PR-4")]
    g = guide(logs, phase=2, started=20, prior=priors)
    assert g.components["tendon"].rules == ("PR-1",)
    assert g.phase_ready is True


TEMPO_RUNS: Changes = {k: {"sprint_pain": 1, "sprint_speed_pct": 80} for k in (-4, -2)}


@pytest.mark.parametrize(
    ("changes", "priors", "ready"),
    [
        pytest.param(TEMPO_RUNS, [], True, id="comfortable-tempo-twice"),
        pytest.param({-2: TEMPO_RUNS[-2]}, [], False, id="one-tempo-run"),
        pytest.param(
            {-2: TEMPO_RUNS[-2]},
            [prior(-1, "hold"), prior(-9, "progress", "PR-2")],
            False,
            id="pr2-record-without-tempo-runs",
        ),
        pytest.param(
            {k: {"sprint_pain": 1, "sprint_speed_pct": 60} for k in (-4, -2)},
            [],
            False,
            id="jogs-are-not-tempo",
        ),
        pytest.param({**TEMPO_RUNS, 0: {"morning_pain": 3}}, [], False, id="morning-above"),
        pytest.param({**TEMPO_RUNS, 0: {"morning_pain": 1}}, [], True, id="morning-below"),
        pytest.param({**TEMPO_RUNS, 0: {"morning_pain": None}}, [], False, id="morning-unknown"),
        pytest.param({**TEMPO_RUNS, 0: {"sprint_pain": 4}}, [], False, id="held-today-no-count"),
        pytest.param(
            {**TEMPO_RUNS, -6: TEMPO_RUNS[-4], 0: {"sprint_pain": 4}},
            [],
            True,
            id="held-today-two-earlier-days",
        ),
    ],
)
def test_phase_3_integrate(changes: Changes, priors: list[PriorDecision], ready: bool) -> None:
    logs = days({k: {**(v or {})} for k, v in changes.items()}, calm=range(-13, 1))
    assert guide(logs, phase=3, started=20, prior=priors).phase_ready is ready


def test_phase_3_counts_recorded_pr2_days_at_tempo() -> None:
    # The runs would not progress under today's thresholds, but PR-2 was recorded at tempo.
    runs = {k: {"sprint_pain": 4, "sprint_speed_pct": 80} for k in (-8, -6)}
    logs = days(runs, calm=range(-13, 1))
    recorded = [prior(-5, "progress", "PR-2"), prior(-3, "progress", "PR-2")]
    assert guide(logs, phase=3, started=20, prior=recorded).phase_ready is True
    assert guide(logs, phase=3, started=20).phase_ready is False
    assert guide(logs, phase=3, started=20, prior=recorded[:1]).phase_ready is False


def _sprints(*offsets: int, speed: int | None = 97) -> Changes:
    return {k: {"sprint_pain": 1, "sprint_speed_pct": speed} for k in offsets}


@pytest.mark.parametrize(
    ("changes", "priors", "started", "ready"),
    [
        pytest.param(_sprints(-12, -9, -5, -2), [], 20, True, id="sprints-both-weeks"),
        pytest.param(_sprints(-13, 0), [], 20, True, id="edges-of-14-days"),
        pytest.param(_sprints(-5, -2), [], 20, False, id="no-run-in-older-week"),
        pytest.param(_sprints(-12, -9), [], 20, False, id="no-run-in-last-week"),
        pytest.param({**_sprints(-12, -5), **_sprints(-9, speed=95)}, [], 20, False, id="95"),
        pytest.param({**_sprints(-12, -5), **_sprints(-9, speed=None)}, [], 20, False, id="null"),
        pytest.param({**_sprints(-12, -5), **_sprints(-14, speed=80)}, [], 20, True, id="-14"),
        pytest.param(_sprints(-12, -5), [prior(-10, "back_off", "PM-2")], 20, False, id="back-off"),
        pytest.param(_sprints(-12, -5), [prior(-14, "back_off")], 20, True, id="old-back-off"),
        pytest.param(_sprints(-12, -5), [], 13, False, id="13-days-in-phase"),
    ],
)
def test_phase_4_perform(
    changes: Changes, priors: list[PriorDecision], started: int, ready: bool
) -> None:
    logs = days(changes, calm=range(-14, 1))
    assert guide(logs, phase=4, started=started, prior=priors).phase_ready is ready


@pytest.mark.parametrize("phase", [5, 6, 7, 0])
def test_later_or_unknown_phases_are_never_ready_automatically(phase: int) -> None:
    assert guide(days(None, calm=range(-20, 1)), phase=phase, started=60).phase_ready is False


def test_duplicate_prior_records_merge_to_the_safer_one() -> None:
    shared = [prior(-10, "progress", "PR-1")]
    conflicting_rules = [prior(-3, "progress", "PR-1"), prior(-3, "hold", "PM-6")]
    conflicting_decision = [prior(-3, "progress", "PR-1"), prior(-3, "back_off", "PR-1")]
    assert (
        guide(LOADING, phase=2, started=20, prior=shared + conflicting_rules).phase_ready is False
    )
    assert (
        guide(LOADING, phase=2, started=20, prior=conflicting_decision + shared).phase_ready
        is False
    )
    assert guide(LOADING, phase=2, started=20, prior=shared + conflicting_rules[:1]).phase_ready


def test_only_stored_decisions_count_as_earlier_decisions() -> None:
    logs = _phase1({-3: {"loading_pain": 6}})  # a back_off day, but no decision was stored
    assert guide(logs, phase=1, started=10).phase_ready is True
    stored = [prior(-3, "back_off", "PM-1")]
    assert guide(logs, phase=1, started=10, prior=stored).phase_ready is False
