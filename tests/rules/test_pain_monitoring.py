"""PM-1..PM-8: pain during sessions, the next-morning response and the week-to-week trend."""

from __future__ import annotations

from typing import Any

import pytest

from ._support import days, fired, guide, rules_of

LOADED_YESTERDAY = {-1: {"loading_pain": 2, "loading_stage": 2}}


@pytest.mark.parametrize(
    ("pain", "thresholds", "expected"),
    [
        pytest.param(6, {}, "PM-1", id="6-over-ceiling-backs-off"),
        pytest.param(6, {"severe_pain": 9}, "PM-1", id="6-backs-off-below-severe"),
        pytest.param(5, {}, "PM-6", id="5-at-ceiling-holds"),
        pytest.param(4, {}, "PM-6", id="4-acceptable-holds"),
        pytest.param(3, {}, None, id="3-safe-nothing"),
        pytest.param(0, {}, None, id="0-safe-nothing"),
        pytest.param(None, {}, None, id="no-session-nothing"),
        pytest.param(5, {"pain_ceiling": 4}, "PM-1", id="ceiling-4-makes-5-back-off"),
        pytest.param(3, {"safe_pain": 2}, "PM-6", id="safe-2-makes-3-hold"),
        pytest.param(4, {"safe_pain": 4}, None, id="safe-4-makes-4-safe"),
    ],
)
@pytest.mark.parametrize(
    ("field", "component", "over", "acceptable"),
    [
        pytest.param("loading_pain", "tendon", "PM-1", "PM-6", id="loading"),
        pytest.param("sprint_pain", "running", "PM-2", "PM-7", id="running"),
    ],
)
def test_session_pain_bands(
    field: str,
    component: str,
    over: str,
    acceptable: str,
    pain: int | None,
    thresholds: dict[str, Any],
    expected: str | None,
) -> None:
    g = guide(days({0: {field: pain}}), **thresholds)
    rule = {"PM-1": over, "PM-6": acceptable, None: None}[expected]
    session_rules = fired(g) & {over, acceptable}
    assert session_rules == ({rule} if rule else set())
    if rule:
        assert g.components[component].decision == ("back_off" if rule == over else "hold")
        assert rules_of(g, component) == (rule,)


def test_over_ceiling_message_names_the_patients_ceiling() -> None:
    g = guide(days({0: {"loading_pain": 5}}), pain_ceiling=4)
    assert g.reasons[0].message.startswith("Pain went over 4/10 during loading")
    assert g.reasons[0].severity == "warning"


@pytest.mark.parametrize(
    ("changes", "thresholds", "expected"),
    [
        pytest.param({0: {"morning_pain": 4}}, {}, "PM-3", id="baseline+2-backs-off"),
        pytest.param({0: {"morning_pain": 6}}, {}, "PM-3", id="far-above-backs-off"),
        pytest.param({0: {"morning_pain": 3}}, {}, "PM-4", id="baseline+1-holds"),
        pytest.param({0: {"morning_pain": 2}}, {}, None, id="at-baseline-nothing"),
        pytest.param({0: {"morning_pain": 0}}, {}, None, id="below-baseline-nothing"),
        pytest.param({0: {"morning_pain": None}}, {}, None, id="no-morning-score-nothing"),
        pytest.param({0: {"morning_pain": 4}}, {"morning_margin": 3}, "PM-4", id="margin3-4-holds"),
        pytest.param({0: {"morning_pain": 5}}, {"morning_margin": 3}, "PM-3", id="margin3-5-backs"),
        pytest.param({0: {"morning_pain": 3}}, {"morning_margin": 1}, "PM-3", id="margin1-3-backs"),
        pytest.param(
            {-1: {"loading_pain": None, "loading_stage": 3}, 0: {"morning_pain": 4}},
            {},
            "PM-3",
            id="stage-only-is-a-session",
        ),
        pytest.param(
            {
                -1: {"loading_pain": None, "loading_stage": None, "sprint_speed_pct": 60},
                0: {"morning_pain": 4},
            },
            {},
            "PM-3",
            id="a-run-yesterday-counts",
        ),
        pytest.param(
            {
                -1: {"loading_pain": None, "loading_stage": None, "glide_pain": 1},
                0: {"morning_pain": 4},
            },
            {},
            None,
            id="glides-yesterday-do-not-count",
        ),
        pytest.param(
            {
                -1: {"loading_pain": None, "loading_stage": None},
                -2: {"loading_pain": 2},
                0: {"morning_pain": 4},
            },
            {},
            "PM-3",
            id="session-two-days-ago-counts",
        ),
        pytest.param(
            {
                -1: {"loading_pain": None, "loading_stage": None},
                -2: {"sprint_pain": 1},
                0: {"morning_pain": 3},
            },
            {},
            "PM-4",
            id="run-two-days-ago-slightly-sore",
        ),
        pytest.param(
            {
                -1: {"loading_pain": None, "loading_stage": None},
                -3: {"loading_pain": 2},
                0: {"morning_pain": 4},
            },
            {},
            None,
            id="session-three-days-ago-does-not-count",
        ),
    ],
)
def test_next_morning_response(
    changes: dict[int, dict[str, Any]], thresholds: dict[str, Any], expected: str | None
) -> None:
    merged = {-1: dict(LOADED_YESTERDAY[-1])}
    for k, v in changes.items():
        merged.setdefault(k, {}).update(v)
    g = guide(days(merged), **thresholds)
    assert fired(g) & {"PM-3", "PM-4"} == ({expected} if expected else set())
    if expected:
        effect = "back_off" if expected == "PM-3" else "hold"
        for component in ("tendon", "running"):
            assert g.components[component].decision == effect
            assert expected in rules_of(g, component)
        assert g.components["neural"].rules == ()


@pytest.mark.parametrize(
    ("baseline_days", "today", "expected"),
    [
        pytest.param({-3: 2, -2: 2}, 4, None, id="two-values-baseline-unknown"),
        pytest.param({-7: 2, -5: 2, -3: 2}, 4, "PM-3", id="three-values-baseline-known"),
        pytest.param({-8: 2, -5: 2, -3: 2}, 4, None, id="day-minus-8-is-not-in-baseline"),
        pytest.param({-4: 2, -3: 2, -2: 3, -1: 3}, 4, "PM-4", id="median-2.5-rise-1.5-holds"),
        pytest.param({-4: 2, -3: 2, -2: 3, -1: 3}, 5, "PM-3", id="median-2.5-rise-2.5-backs"),
        pytest.param({-4: 0, -3: 0, -2: 0}, 2, "PM-3", id="zero-baseline-is-a-baseline"),
    ],
)
def test_morning_baseline_is_the_median_of_the_previous_seven_days(
    baseline_days: dict[int, int], today: int, expected: str | None
) -> None:
    logs = days(
        {k: {"morning_pain": v} for k, v in baseline_days.items()}
        | {
            -1: {"morning_pain": baseline_days.get(-1), "loading_pain": 2},
            0: {"morning_pain": today},
        },
        calm=(),
    )
    g = guide(logs)
    assert fired(g) & {"PM-3", "PM-4"} == ({expected} if expected else set())


def _weeks(before: list[int | None], recent: list[int | None]) -> list[Any]:
    """Morning scores for today-13..today-7 and today-6..today (None = no log)."""
    values = dict(zip(range(-13, -6), before, strict=True)) | dict(
        zip(range(-6, 1), recent, strict=True)
    )
    return days({k: {"morning_pain": v} for k, v in values.items() if v is not None}, calm=())


@pytest.mark.parametrize(
    ("before", "recent", "thresholds", "expected", "effect"),
    [
        pytest.param([2] * 7, [4] * 7, {}, "PM-5", "back_off", id="up-2-backs-off"),
        pytest.param([2] * 7, [3] * 7, {}, "PM-5", "hold", id="up-1-holds"),
        pytest.param([2] * 7, [2] * 6 + [3], {}, None, None, id="up-a-seventh-nothing"),
        pytest.param([2] * 7, [4] * 7, {"morning_margin": 3}, "PM-5", "hold", id="margin-3"),
        pytest.param([2] * 4 + [None] * 3, [4] * 4 + [None] * 3, {}, "PM-5", "back_off", id="4+4"),
        pytest.param([2] * 3 + [None] * 4, [4] * 7, {}, None, None, id="3-values-before-unknown"),
        pytest.param([2] * 7, [None] * 4 + [4] * 3, {}, None, None, id="3-recent-values-unknown"),
        pytest.param(
            [1] * 6 + [2], [2] * 6 + [3], {}, "PM-5", "hold", id="exactly-1-with-sevenths"
        ),
        pytest.param(
            [1] * 6 + [2], [3] * 6 + [4], {}, "PM-5", "back_off", id="exactly-2-with-sevenths"
        ),
        pytest.param([4] * 7, [2] * 7, {}, None, None, id="falling-nothing"),
        pytest.param(
            [2] * 4 + [None] * 3,
            [4, 4, 4, 4, None, None, None],
            {},
            "PM-5",
            "back_off",
            id="missing-days-are-not-zero",
        ),
    ],
)
def test_week_to_week_morning_trend(
    before: list[int | None],
    recent: list[int | None],
    thresholds: dict[str, Any],
    expected: str | None,
    effect: str | None,
) -> None:
    g = guide(_weeks(before, recent), **thresholds)
    assert ("PM-5" in fired(g)) == (expected is not None)
    if effect:
        assert g.components["tendon"].decision == effect
        assert g.components["running"].decision == effect
        reason = next(r for r in g.reasons if r.rule == "PM-5")
        assert reason.severity == ("warning" if effect == "back_off" else "caution")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        pytest.param({0: {"morning_pain": 4}}, "PM-8", id="rise-2-no-session-holds"),
        pytest.param({0: {"morning_pain": 6}}, "PM-8", id="rise-4-no-session-still-holds"),
        pytest.param(
            {-3: {"loading_pain": 2}, 0: {"morning_pain": 4}}, "PM-8", id="session-3-days-ago"
        ),
        pytest.param(
            {-1: {"glide_pain": 1, "glide_type": "slider"}, 0: {"morning_pain": 4}},
            "PM-8",
            id="glides-are-not-a-session",
        ),
        pytest.param({-1: None, -2: None, 0: {"morning_pain": 4}}, "PM-8", id="unlogged-days"),
        pytest.param({0: {"morning_pain": 3}}, None, id="rise-1-is-noise"),
        pytest.param({-2: {"loading_pain": 2}, 0: {"morning_pain": 4}}, "PM-3", id="a-session"),
    ],
)
def test_an_unexplained_morning_rise_holds_tendon_and_running(
    changes: dict[int, dict[str, Any] | None], expected: str | None
) -> None:
    g = guide(days(changes))
    found = fired(g) & {"PM-3", "PM-8"}
    assert found == ({expected} if expected else set())
    if expected == "PM-8":
        for component in ("tendon", "running"):
            assert g.components[component].decision == "hold"
            assert "PM-8" in rules_of(g, component)
        reason = next(r for r in g.reasons if r.rule == "PM-8")
        assert (reason.component, reason.severity) == ("tendon", "caution")
        assert "without a training cause" in reason.message
