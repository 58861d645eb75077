"""PR-1..PR-4 (one step forward) and MD-1 (no progress without the data to judge it)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from app.rules.model import speed_band

from ._support import CALM, TWO_GOOD_LOADS, days, fired, guide, on, rules_of

Changes = dict[int, dict[str, Any] | None]


def _with(*parts: Mapping[int, Mapping[str, Any] | None]) -> Changes:
    merged: Changes = {}
    for part in parts:
        for k, v in part.items():
            current = merged.get(k)
            merged[k] = None if v is None else {**(current or {}), **v}
    return merged


@pytest.mark.parametrize(
    ("changes", "thresholds", "fires"),
    [
        pytest.param(TWO_GOOD_LOADS, {}, True, id="two-good-sessions"),
        pytest.param(_with(TWO_GOOD_LOADS, {-3: {"morning_pain": 3}}), {}, True, id="next+1"),
        pytest.param(_with(TWO_GOOD_LOADS, {-3: {"morning_pain": 4}}), {}, False, id="next+2"),
        pytest.param(_with(TWO_GOOD_LOADS, {-1: {"morning_pain": None}}), {}, False, id="no-next"),
        pytest.param(_with(TWO_GOOD_LOADS, {-4: {"loading_pain": 4}}), {}, False, id="pain-4"),
        pytest.param(_with(TWO_GOOD_LOADS, {-4: {"loading_pain": 0}}), {}, True, id="pain-0"),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-4: {"loading_pain": None}}), {}, False, id="pain-null-stage-2"
        ),
        pytest.param({-2: {"loading_pain": 2}}, {}, False, id="one-session"),
        pytest.param({-2: {"loading_pain": 2}}, {"sessions_to_progress": 1}, True, id="n=1"),
        pytest.param(TWO_GOOD_LOADS, {"sessions_to_progress": 3}, False, id="n=3-two-sessions"),
        pytest.param(TWO_GOOD_LOADS, {"safe_pain": 2}, False, id="safe-2-rejects-3"),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-6: {"loading_pain": 5}}), {}, True, id="older-bad-session"
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"loading_pain": 2, "loading_stage": 2}}),
            {},
            True,
            id="yesterday-counts-too",
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"loading_pain": 4}}), {}, False, id="yesterday-too-painful"
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {0: {"loading_pain": 2}}), {}, True, id="today-safe-session"
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {0: {"loading_pain": 4}}), {}, False, id="today-acceptable-holds"
        ),
    ],
)
def test_tendon_progress(changes: Changes, thresholds: dict[str, Any], fires: bool) -> None:
    g = guide(days(changes), **thresholds)
    assert ("PR-1" in fired(g)) is fires
    if fires:
        assert g.components["tendon"].decision == "progress"
        assert rules_of(g, "tendon") == ("PR-1",)
        assert next(r for r in g.reasons if r.rule == "PR-1").severity == "info"


def test_tendon_progress_needs_a_known_morning_baseline() -> None:
    logs = days(TWO_GOOD_LOADS, calm=range(-4, 1))
    logs = [log for log in logs if log.log_date.day != 20]  # drop -3: baseline from 2 values
    assert "PR-1" not in fired(guide(logs))


@pytest.mark.parametrize(
    ("first", "fires"),
    [pytest.param(-10, True, id="ten-days-ago-counts"), pytest.param(-11, False, id="eleven-not")],
)
def test_sessions_count_only_within_ten_days(first: int, fires: bool) -> None:
    changes = {first: {"loading_pain": 2}, -5: {"loading_pain": 2}}
    g = guide(days(changes, calm=range(-12, 1)))
    assert ("PR-1" in fired(g)) is fires


RUNS = {
    -4: {"sprint_pain": 2, "sprint_speed_pct": 60},
    -2: {"sprint_pain": 1, "sprint_speed_pct": 65},
}


def _runs(speed: int, **overrides: Any) -> Changes:
    runs = {k: {"sprint_pain": 1, "sprint_speed_pct": speed} for k in (-4, -2)}
    runs[-4].update(overrides)
    return dict(runs)


@pytest.mark.parametrize(
    ("changes", "phase", "fires"),
    [
        pytest.param(RUNS, 3, True, id="jog-to-tempo-in-phase-3"),
        pytest.param(RUNS, 2, False, id="jog-is-phase-2-cap"),
        pytest.param(RUNS, 1, False, id="phase-1-no-running"),
        pytest.param(_runs(80), 3, False, id="tempo-is-phase-3-cap"),
        pytest.param(_runs(80), 4, True, id="tempo-to-high-speed-in-phase-4"),
        pytest.param(_runs(90), 4, True, id="high-speed-to-sprint-in-phase-4"),
        pytest.param(_runs(96), 5, False, id="sprint-is-the-top"),
        pytest.param(_runs(80, sprint_speed_pct=60), 4, False, id="mixed-bands"),
        pytest.param(_runs(80, sprint_speed_pct=None), 4, False, id="unknown-speed"),
        pytest.param(_runs(80, sprint_pain=4), 4, False, id="pain-4"),
        pytest.param(_runs(80, sprint_pain=None), 4, False, id="pain-null"),
        pytest.param(_with(_runs(80), {-3: {"morning_pain": 4}}), 4, False, id="not-settled"),
        pytest.param(_with(RUNS, {0: {"sprint_pain": 4}}), 3, False, id="today-holds"),
    ],
)
def test_running_progress(changes: Changes, phase: int, fires: bool) -> None:
    g = guide(days(changes), phase=phase)
    assert ("PR-2" in fired(g)) is fires
    expected = "progress" if fires else "hold"
    assert g.components["running"].decision == expected


def test_running_at_the_phase_cap_holds_without_a_rule() -> None:
    g = guide(days(RUNS), phase=2)
    assert g.components["running"].rules == ()


@pytest.mark.parametrize(
    ("pct", "band"),
    [(None, None), (0, 0), (69, 0), (70, 1), (85, 1), (86, 2), (95, 2), (96, 3), (100, 3)],
)
def test_speed_bands(pct: int | None, band: int | None) -> None:
    assert speed_band(pct) == band


GLIDES = {k: {"glide_pain": 2, "glide_type": "slider", "paresthesia": "none"} for k in (-4, -2)}


@pytest.mark.parametrize(
    ("changes", "fires"),
    [
        pytest.param(GLIDES, True, id="two-comfortable-glide-days"),
        pytest.param(_with(GLIDES, {-4: {"paresthesia": None}}), False, id="null-is-not-none"),
        pytest.param(_with(GLIDES, {-2: {"paresthesia": "settled"}}), False, id="settled"),
        pytest.param(_with(GLIDES, {-4: {"glide_pain": 4}}), False, id="glide-pain-4"),
        pytest.param(_with(GLIDES, {-4: {"glide_pain": None}}), False, id="glide-pain-null"),
        pytest.param(_with(GLIDES, {-3: {"morning_pain": None}}), False, id="unknown-next-morning"),
        pytest.param({-2: GLIDES[-2]}, False, id="one-glide-day"),
    ],
)
def test_neural_progress(changes: Changes, fires: bool) -> None:
    g = guide(days(changes))
    assert ("PR-3" in fired(g)) is fires
    assert g.components["neural"].decision == ("progress" if fires else "hold")


@pytest.mark.parametrize(
    ("changes", "fires"),
    [
        pytest.param({}, True, id="three-calm-days-at-baseline"),
        pytest.param({-2: {"sitting_tolerance_min": 59}}, False, id="below-baseline"),
        pytest.param({0: {"sitting_tolerance_min": 90}}, True, id="above-baseline"),
        pytest.param({-1: {"sitting_pain": 4}}, False, id="sitting-pain-4"),
        pytest.param({-1: {"sitting_pain": None}}, False, id="sitting-pain-null"),
        pytest.param({-2: None}, False, id="a-day-missing"),
        pytest.param({0: {"sitting_tolerance_min": None}}, False, id="today-tolerance-null"),
    ],
)
def test_sitting_progress(changes: Changes, fires: bool) -> None:
    g = guide(days(changes))
    assert ("PR-4" in fired(g)) is fires


def test_sitting_progress_needs_a_tolerance_baseline() -> None:
    assert "PR-4" not in fired(guide(days(None, calm=range(-2, 1))))


_SPARSE = dict.fromkeys(range(-7, 1))
FOUR_OF_SEVEN = _with(
    _SPARSE,
    {k: dict(CALM) for k in range(-3, 1)},
    {-3: {"loading_pain": 2}, -1: {"loading_pain": 2}},
)
THREE_OF_SEVEN = _with(
    _SPARSE,
    {k: dict(CALM) for k in (-7, -2, -1, 0)},
    {-2: {"loading_pain": 2}, -1: {"loading_pain": 2}},
)


@pytest.mark.parametrize(
    ("changes", "blocked"),
    [
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"loading_pain": 2}, 0: {"morning_pain": None}}),
            True,
            id="loading-yesterday-no-morning-score",
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"sprint_pain": 1}, 0: {"morning_pain": None}}),
            True,
            id="run-yesterday-no-morning-score",
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"glide_type": "slider"}, 0: {"morning_pain": None}}),
            True,
            id="glides-yesterday-no-morning-score",
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {-1: {"loading_pain": 2}, 0: None}),
            True,
            id="no-log-today-after-training",
        ),
        pytest.param(
            _with(TWO_GOOD_LOADS, {0: {"morning_pain": None}}),
            False,
            id="rest-day-yesterday-no-morning-score",
        ),
        pytest.param(FOUR_OF_SEVEN, False, id="four-of-seven-logged"),
        pytest.param(THREE_OF_SEVEN, True, id="three-of-seven-logged"),
    ],
)
def test_missing_data_blocks_progress(changes: Changes, blocked: bool) -> None:
    g = guide(days(changes))
    assert ("MD-1" in fired(g)) is blocked
    assert ("PR-1" in fired(g)) is not blocked
    assert g.components["tendon"].decision == ("hold" if blocked else "progress")
    if blocked:
        assert rules_of(g, "tendon") == ("MD-1",)
        reason = next(r for r in g.reasons if r.rule == "MD-1")
        assert (reason.component, reason.severity) == ("tendon", "caution")


def test_all_null_logs_do_not_count_as_logged_days() -> None:
    empty = [on(k) for k in (-6, -5, -4, -3)]
    g = guide(days(THREE_OF_SEVEN) + empty)
    assert "MD-1" in fired(g)


def test_missing_data_does_nothing_when_nothing_would_progress() -> None:
    g = guide(days({-1: {"loading_pain": 2}, 0: {"morning_pain": None}}, calm=range(-2, 1)))
    assert "MD-1" not in fired(g)


def test_missing_data_holds_every_would_be_progress_and_names_the_first() -> None:
    g = guide(days(_with(RUNS, {-1: {"glide_type": "slider"}, 0: {"morning_pain": None}})), phase=3)
    assert fired(g) == {"MD-1"}
    assert rules_of(g, "running") == ("MD-1",)
    assert rules_of(g, "sitting") == ("MD-1",)
    assert g.components["tendon"].rules == ()
    assert g.reasons[0].component == "running"


def test_progress_messages_count_the_sessions() -> None:
    g = guide(days({-2: {"loading_pain": 2}}), sessions_to_progress=1)
    assert next(r for r in g.reasons if r.rule == "PR-1").message.startswith(
        "One good session with"
    )
    g = guide(days(TWO_GOOD_LOADS))
    assert next(r for r in g.reasons if r.rule == "PR-1").message.startswith("Two good sessions")
