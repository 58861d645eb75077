"""PH-1..PH-3 (what the phase allows) and SP-1, SP-2 (sudden jumps), against what was done."""

from __future__ import annotations

from typing import Any

import pytest

from ._support import days, fired, guide, rules_of

Changes = dict[int, dict[str, Any] | None]


def _run(speed: int | None, pain: int | None = 1) -> dict[str, Any]:
    return {"sprint_pain": pain, "sprint_speed_pct": speed}


@pytest.mark.parametrize(
    ("phase", "today", "fires", "cap_words"),
    [
        pytest.param(1, _run(40), True, None, id="phase-1-any-run"),
        pytest.param(1, _run(None, pain=1), True, None, id="phase-1-run-without-speed"),
        pytest.param(1, _run(40, pain=None), True, None, id="phase-1-speed-only"),
        pytest.param(2, _run(69), False, None, id="phase-2-jog"),
        pytest.param(2, _run(70), True, "jog (under 70%)", id="phase-2-tempo-is-over"),
        pytest.param(3, _run(85), False, None, id="phase-3-tempo"),
        pytest.param(3, _run(86), True, "tempo (70-85%)", id="phase-3-high-speed-is-over"),
        pytest.param(4, _run(100), False, None, id="phase-4-sprint-allowed"),
        pytest.param(2, _run(None), False, None, id="phase-2-unknown-speed"),
        pytest.param(2, {}, False, None, id="no-run"),
    ],
)
def test_running_beyond_the_phase_backs_running_off(
    phase: int, today: dict[str, Any], fires: bool, cap_words: str | None
) -> None:
    g = guide(days({0: today}), phase=phase)
    assert ("PH-1" in fired(g)) is fires
    if fires:
        assert g.components["running"].decision == "back_off"
        message = next(r.message for r in g.reasons if r.rule == "PH-1")
        if phase == 1:
            assert message == "Running starts in phase 2: rest from running for now."
        else:
            assert f"(up to {cap_words})" in message
            assert "keep" not in message.lower()  # a back-off never says "keep"


@pytest.mark.parametrize(
    ("phase", "stage", "fires", "highest"),
    [
        pytest.param(1, 1, False, 1, id="phase-1-isometrics"),
        pytest.param(1, 2, True, 1, id="phase-1-stage-2"),
        pytest.param(2, 3, False, 3, id="phase-2-stage-3"),
        pytest.param(2, 4, True, 3, id="phase-2-plyometrics"),
        pytest.param(3, 4, False, 4, id="phase-3-stage-4"),
        pytest.param(6, 4, False, 4, id="phase-6-stage-4"),
    ],
)
def test_a_loading_stage_beyond_the_phase_backs_the_tendon_off(
    phase: int, stage: int, fires: bool, highest: int
) -> None:
    prior_stage = {-2: {"loading_stage": stage - 1, "loading_pain": 2}} if stage > 1 else {}
    g = guide(days({**prior_stage, 0: {"loading_stage": stage, "loading_pain": 2}}), phase=phase)
    assert ("PH-2" in fired(g)) is fires
    if fires:
        assert rules_of(g, "tendon") == ("PH-2",)
        message = next(r.message for r in g.reasons if r.rule == "PH-2")
        assert message == f"Stage {stage} comes later in your plan: go back to stage {highest}."


@pytest.mark.parametrize(
    ("phase", "glide_type", "fires"),
    [
        pytest.param(1, "tensioner", True, id="phase-1-tensioner-holds"),
        pytest.param(1, "slider", False, id="phase-1-slider"),
        pytest.param(2, "tensioner", False, id="phase-2-tensioner"),
    ],
)
def test_tensioners_in_phase_1_hold_the_glides(phase: int, glide_type: str, fires: bool) -> None:
    g = guide(days({0: {"glide_type": glide_type, "glide_pain": 1}}), phase=phase)
    assert ("PH-3" in fired(g)) is fires
    if fires:
        assert g.components["neural"].decision == "hold"
        assert rules_of(g, "neural") == ("PH-3",)


@pytest.mark.parametrize(
    ("earlier", "today", "fires"),
    [
        pytest.param({-3: _run(60)}, 90, True, id="jog-to-high-speed"),
        pytest.param({-3: _run(60)}, 80, False, id="jog-to-tempo-one-band"),
        pytest.param({-3: _run(80)}, 100, True, id="tempo-to-sprint"),
        pytest.param({-3: _run(60), -1: _run(None)}, 90, True, id="unknown-speed-run-skipped"),
        pytest.param({-27: _run(50)}, 90, True, id="day-27-is-in-the-window"),
        pytest.param({-28: _run(50)}, 90, False, id="day-28-is-not"),
        pytest.param({}, 100, False, id="no-earlier-run"),
        pytest.param({-3: _run(96)}, 60, False, id="slowing-down-is-fine"),
    ],
)
def test_a_jump_of_two_speed_bands_backs_running_off(
    earlier: Changes, today: int, fires: bool
) -> None:
    g = guide(days({**earlier, 0: _run(today)}, calm=range(-28, 1)), phase=4)
    assert ("SP-1" in fired(g)) is fires
    if fires:
        assert g.components["running"].decision == "back_off"
        assert "SP-1" in rules_of(g, "running")


@pytest.mark.parametrize(
    ("earlier", "today", "fires"),
    [
        pytest.param({-2: 1}, 3, True, id="stage-1-to-3"),
        pytest.param({-2: 2}, 3, False, id="stage-2-to-3"),
        pytest.param({-5: 1, -2: 3}, 4, False, id="the-last-stage-counts"),
        pytest.param({-2: 2}, 4, True, id="stage-2-to-4"),
        pytest.param({}, 4, False, id="no-earlier-stage"),
    ],
)
def test_a_jump_of_two_stages_backs_the_tendon_off(
    earlier: dict[int, int], today: int, fires: bool
) -> None:
    changes: Changes = {k: {"loading_stage": v, "loading_pain": 2} for k, v in earlier.items()}
    g = guide(days({**changes, 0: {"loading_stage": today, "loading_pain": 2}}), phase=3)
    assert ("SP-2" in fired(g)) is fires
    if fires:
        assert g.components["tendon"].decision == "back_off"
