"""What gates a step up in 2026.12: the calm day (GA-1), one step a day (PR-0), and fresh
sessions at the current level (after the last step up, within 10 days, same stage/band/type)."""

from __future__ import annotations

from typing import Any

import pytest

from app.rules import COMPONENTS

from ._support import TWO_GOOD_LOADS, days, decisions, fired, guide, prior, rules_of

Changes = dict[int, dict[str, Any] | None]
RUNS: Changes = {k: {"sprint_pain": 1, "sprint_speed_pct": 60} for k in (-4, -2)}
GLIDES: Changes = {
    k: {"glide_pain": 1, "glide_type": "slider", "paresthesia": "none"} for k in (-4, -2)
}


def _merge(*parts: Changes) -> Changes:
    merged: Changes = {}
    for part in parts:
        for k, v in part.items():
            merged[k] = {**(merged.get(k) or {}), **(v or {})}
    return merged


@pytest.mark.parametrize(
    ("today", "caution"),
    [
        pytest.param({"loading_pain": 4}, "PM-6", id="acceptable-loading-pain"),
        pytest.param({"sitting_pain": 4}, "SI-4", id="acceptable-sitting-pain"),
        pytest.param({"paresthesia": "settled"}, "NE-2", id="tingling-that-settled"),
        pytest.param({"glide_type": "tensioner", "glide_pain": 1}, "PH-3", id="phase-limit"),
        pytest.param({"morning_pain": 3}, "PM-4", id="slightly-sore-morning"),
    ],
)
def test_any_caution_rule_holds_every_would_be_step_up_with_ga1(
    today: dict[str, Any], caution: str
) -> None:
    g = guide(days(_merge(TWO_GOOD_LOADS, RUNS, {0: today})), phase=1 if caution == "PH-3" else 3)
    assert caution in fired(g)
    assert not fired(g) & {"PR-0", "PR-1", "PR-2", "PR-3", "PR-4"}
    assert all(c.decision != "progress" for c in g.components.values())
    gated = [name for name in COMPONENTS if "GA-1" in rules_of(g, name)]
    assert gated, "a would-be step up is named as held by GA-1"
    for r in g.reasons:
        if r.rule == "GA-1":
            assert r.component in gated
            assert r.severity == "caution"


def test_on_a_calm_day_only_one_component_steps_up_and_the_others_wait() -> None:
    g = guide(days(_merge(TWO_GOOD_LOADS, RUNS, GLIDES)), phase=3)
    assert decisions(g) == {
        "tendon": "progress",
        "running": "hold",
        "neural": "hold",
        "sitting": "hold",
    }
    for name in ("running", "neural", "sitting"):
        assert rules_of(g, name) == ("PR-0",)
    waiting = [r for r in g.reasons if r.rule == "PR-0"]
    assert [r.component for r in waiting] == ["running", "neural", "sitting"]
    assert all(r.message.endswith("step up is in tendon loading.") for r in waiting)
    assert g.decision == "progress"


@pytest.mark.parametrize(
    ("priors", "stepping"),
    [
        pytest.param([], "tendon", id="never-progressed-tie-goes-in-table-order"),
        pytest.param([prior(-20, "progress", "PR-1")], "running", id="tendon-stepped-before"),
        pytest.param(
            [prior(-20, "progress", "PR-1"), prior(-25, "progress", "PR-2")],
            "neural",
            id="never-progressed-is-oldest",
        ),
        pytest.param(
            [
                prior(-12, "progress", "PR-1"),
                prior(-25, "progress", "PR-2"),
                prior(-15, "progress", "PR-3"),
                prior(-11, "progress", "PR-4"),
            ],
            "running",
            id="oldest-last-step-up",
        ),
        pytest.param(
            [
                prior(-40, "progress", "PR-1"),
                prior(-90, "progress", "PR-2"),
                prior(-12, "progress", "PR-3"),
                prior(-11, "progress", "PR-4"),
            ],
            "running",
            id="step-ups-before-the-window-count",
        ),
    ],
)
def test_pr0_steps_up_the_component_whose_last_step_up_is_oldest(
    priors: list[Any], stepping: str
) -> None:
    g = guide(days(_merge(TWO_GOOD_LOADS, RUNS, GLIDES), calm=range(-10, 1)), phase=3, prior=priors)
    progressing = [name for name, c in g.components.items() if c.decision == "progress"]
    assert progressing == [stepping]


@pytest.mark.parametrize(
    ("last_step_up", "fires"),
    [
        pytest.param(-5, True, id="both-sessions-after-the-step-up"),
        pytest.param(-4, False, id="a-session-on-the-step-up-day-does-not-count"),
        pytest.param(-3, False, id="one-session-after"),
        pytest.param(-1, False, id="stepped-up-yesterday"),
    ],
)
def test_only_sessions_after_the_last_step_up_count(last_step_up: int, fires: bool) -> None:
    priors = [prior(last_step_up, "progress", "PR-1"), prior(-1, "progress", "PR-4")]
    g = guide(days(TWO_GOOD_LOADS), prior=priors)
    assert ("PR-1" in fired(g)) is fires


def test_a_step_up_of_another_component_does_not_reset_the_count() -> None:
    g = guide(days(TWO_GOOD_LOADS), prior=[prior(-3, "progress", "PR-4")])
    assert rules_of(g, "tendon") == ("PR-1",)


@pytest.mark.parametrize(
    ("stages", "fires"),
    [
        pytest.param((2, 2), True, id="same-stage"),
        pytest.param((2, 3), False, id="stage-changed"),
        pytest.param((None, None), True, id="stage-not-logged-on-both"),
        pytest.param((2, None), False, id="stage-logged-on-one"),
    ],
)
def test_tendon_sessions_count_at_one_stage(
    stages: tuple[int | None, int | None], fires: bool
) -> None:
    changes = {
        -4: {"loading_pain": 2, "loading_stage": stages[0]},
        -2: {"loading_pain": 2, "loading_stage": stages[1]},
    }
    assert ("PR-1" in fired(guide(days(changes)))) is fires


@pytest.mark.parametrize(
    ("phase", "kinds", "fires", "words"),
    [
        pytest.param(1, ("slider", "slider"), True, "add a few more sliders", id="phase-1"),
        pytest.param(2, ("slider", "slider"), True, "move on to tensioners", id="phase-2-sliders"),
        pytest.param(
            2, ("tensioner", "tensioner"), True, "add a few more tensioners", id="tensioners"
        ),
        pytest.param(2, ("slider", "tensioner"), False, None, id="type-changed"),
        pytest.param(1, ("tensioner", "tensioner"), False, None, id="phase-1-never-tensioners"),
    ],
)
def test_glide_progress_says_what_the_next_step_is(
    phase: int, kinds: tuple[str, str], fires: bool, words: str | None
) -> None:
    changes = {
        k: {"glide_pain": 1, "glide_type": kind, "paresthesia": "none"}
        for k, kind in zip((-4, -2), kinds, strict=True)
    }
    g = guide(days(changes), phase=phase, prior=[prior(-1, "progress", "PR-4")])
    assert ("PR-3" in fired(g)) is fires
    if fires:
        assert words in next(r.message for r in g.reasons if r.rule == "PR-3")


def test_glides_on_a_day_without_glides_do_not_count_tingling_alone() -> None:
    changes = {k: {"paresthesia": "none"} for k in (-4, -2)}
    g = guide(days(changes), prior=[prior(-1, "progress", "PR-4")])
    assert "PR-3" not in fired(g)


@pytest.mark.parametrize(
    ("last_step_up", "fires"),
    [
        pytest.param(None, True, id="never"),
        pytest.param(-3, True, id="three-days-before-all-three"),
        pytest.param(-2, False, id="the-three-days-include-the-step-up-day"),
    ],
)
def test_sitting_steps_up_only_on_three_days_after_its_last_step_up(
    last_step_up: int | None, fires: bool
) -> None:
    priors = [] if last_step_up is None else [prior(last_step_up, "progress", "PR-4")]
    assert ("PR-4" in fired(guide(days(), prior=priors))) is fires


def test_missing_data_and_a_caution_both_explain_a_held_step_up() -> None:
    changes = _merge(TWO_GOOD_LOADS, {-1: {"loading_pain": 2, "loading_stage": 2}})
    changes[0] = {"morning_pain": None, "sitting_pain": 4}
    g = guide(days(changes))
    assert rules_of(g, "tendon") == ("MD-1", "GA-1")
    assert rules_of(g, "sitting") == ("SI-4",)
