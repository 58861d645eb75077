"""FL-1 (severe pain today) and FL-2 (severe pain twice in a week)."""

from __future__ import annotations

from typing import Any

import pytest

from app.rules import COMPONENTS

from ._support import TWO_GOOD_LOADS, days, decisions, fired, guide, rules_of

PAIN_FIELDS = ["morning_pain", "sitting_pain", "loading_pain", "sprint_pain", "glide_pain"]


@pytest.mark.parametrize("field", PAIN_FIELDS)
@pytest.mark.parametrize(
    ("pain", "thresholds", "fires"),
    [
        pytest.param(7, {}, True, id="7-is-severe"),
        pytest.param(10, {}, True, id="10-is-severe"),
        pytest.param(6, {}, False, id="6-is-not"),
        pytest.param(6, {"severe_pain": 6}, True, id="override-6"),
        pytest.param(7, {"severe_pain": 8}, False, id="override-8"),
    ],
)
def test_severe_pain_today_backs_everything_off(
    field: str, pain: int, thresholds: dict[str, Any], fires: bool
) -> None:
    g = guide(days({0: {field: pain}}), **thresholds)
    assert ("FL-1" in fired(g)) is fires
    if fires:
        assert decisions(g) == dict.fromkeys(COMPONENTS, "back_off")
        assert all("FL-1" in rules_of(g, name) for name in COMPONENTS)
        assert g.referral is None
        reason = next(r for r in g.reasons if r.rule == "FL-1")
        assert (reason.component, reason.severity) == ("all", "warning")


@pytest.mark.parametrize(
    ("changes", "thresholds", "fires"),
    [
        pytest.param({-6: {"sitting_pain": 7}, 0: {"sitting_pain": 8}}, {}, True, id="-6-and-0"),
        pytest.param({-7: {"sitting_pain": 7}, 0: {"sitting_pain": 8}}, {}, False, id="-7-is-out"),
        pytest.param({-3: {"morning_pain": 9}, -1: {"glide_pain": 7}}, {}, True, id="past-days"),
        pytest.param({-3: {"loading_pain": 7, "sprint_pain": 8}}, {}, False, id="one-day-twice"),
        pytest.param(
            {-3: {"sprint_pain": 6}, 0: {"sprint_pain": 6}}, {"severe_pain": 6}, True, id="override"
        ),
    ],
)
def test_repeated_severe_pain_asks_for_a_review_soon(
    changes: dict[int, dict[str, Any]], thresholds: dict[str, Any], fires: bool
) -> None:
    g = guide(days(changes), **thresholds)
    assert ("FL-2" in fired(g)) is fires
    assert (g.referral == "soon") is fires


def test_repeated_severe_pain_holds_every_component_and_asks_for_a_review() -> None:
    g = guide(days({-5: {"sitting_pain": 8}, -3: {"sitting_pain": 7}, 0: {"sitting_pain": None}}))
    assert fired(g) == {"FL-2"}
    assert g.referral == "soon"
    assert decisions(g) == dict.fromkeys(COMPONENTS, "hold")
    assert all(rules_of(g, name) == ("FL-2",) for name in COMPONENTS)
    assert g.decision == "hold"
    assert g.phase_ready is False


def test_repeated_severe_pain_holds_a_would_be_progress_with_ga1() -> None:
    g = guide(days({**TWO_GOOD_LOADS, -5: {"sitting_pain": 8}, -3: {"sitting_pain": 7}}))
    assert "FL-2" in fired(g)
    assert "PR-1" not in fired(g)
    assert rules_of(g, "tendon") == ("FL-2", "GA-1")
    assert decisions(g) == dict.fromkeys(COMPONENTS, "hold")
