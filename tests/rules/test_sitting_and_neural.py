"""SI-1 (sitting irritability) and NE-1..NE-3 (nerve sensitivity)."""

from __future__ import annotations

from typing import Any

import pytest

from ._support import TWO_GOOD_LOADS, days, decisions, fired, guide, rules_of


@pytest.mark.parametrize(
    ("changes", "thresholds", "fires"),
    [
        pytest.param({-1: {"sitting_pain": 4}, 0: {"sitting_pain": 4}}, {}, True, id="+2-two-days"),
        pytest.param({-1: {"sitting_pain": 4}, 0: {"sitting_pain": 3}}, {}, False, id="today+1"),
        pytest.param({-1: {"sitting_pain": 3}, 0: {"sitting_pain": 4}}, {}, False, id="yest+1"),
        pytest.param({0: {"sitting_pain": 6}}, {}, False, id="one-day-only"),
        pytest.param(
            {-1: {"sitting_pain": None}, 0: {"sitting_pain": 5}}, {}, False, id="yesterday-null"
        ),
        pytest.param(
            {-1: {"sitting_pain": 4}, 0: {"sitting_pain": 4}},
            {"morning_margin": 3},
            False,
            id="margin-3-needs-+3",
        ),
        pytest.param(
            {-1: {"sitting_pain": 5}, 0: {"sitting_pain": 5}},
            {"morning_margin": 3},
            True,
            id="margin-3-at-+3",
        ),
        pytest.param({0: {"sitting_tolerance_min": 42}}, {}, True, id="tolerance-70pct"),
        pytest.param({0: {"sitting_tolerance_min": 43}}, {}, False, id="tolerance-72pct"),
        pytest.param({0: {"sitting_tolerance_min": 0}}, {}, True, id="tolerance-zero"),
        pytest.param({0: {"sitting_tolerance_min": None}}, {}, False, id="tolerance-null"),
        pytest.param(
            {0: {"sitting_tolerance_min": 30}}, {"sitting_drop_pct": 50}, True, id="drop50-at-50pct"
        ),
        pytest.param(
            {0: {"sitting_tolerance_min": 31}}, {"sitting_drop_pct": 50}, False, id="drop50-above"
        ),
    ],
)
def test_sitting_irritability(
    changes: dict[int, dict[str, Any]], thresholds: dict[str, Any], fires: bool
) -> None:
    g = guide(days(changes), **thresholds)
    assert ("SI-1" in fired(g)) is fires
    if fires:
        assert g.components["sitting"].decision == "back_off"
        assert rules_of(g, "sitting") == ("SI-1",)


@pytest.mark.parametrize(
    "logs",
    [
        pytest.param(
            days({-1: {"sitting_pain": 4}, 0: {"sitting_pain": 4}}, calm=range(-2, 1)),
            id="pain-baseline-unknown",
        ),
        pytest.param(
            days({0: {"sitting_tolerance_min": 10}}, calm=range(-2, 1)),
            id="tolerance-baseline-unknown",
        ),
    ],
)
def test_sitting_irritability_needs_a_known_baseline(logs: list[Any]) -> None:
    assert "SI-1" not in fired(guide(logs))


def test_sitting_irritability_caps_a_tendon_progress_at_hold() -> None:
    g = guide(days({**TWO_GOOD_LOADS, 0: {"sitting_tolerance_min": 40}}))
    assert g.components["tendon"].decision == "hold"
    assert rules_of(g, "tendon") == ("SI-1",)
    assert "PR-1" not in fired(g)
    assert g.decision == "back_off"


def test_sitting_irritability_leaves_a_tendon_back_off() -> None:
    g = guide(days({0: {"sitting_tolerance_min": 40, "loading_pain": 6}}))
    assert g.components["tendon"].decision == "back_off"
    assert rules_of(g, "tendon") == ("PM-1",)


GLIDE = {"glide_pain": 2, "glide_type": "slider"}


@pytest.mark.parametrize(
    ("today", "extent_before", "expected"),
    [
        pytest.param({"paresthesia": "lasting"}, None, "NE-1", id="lasting-backs-off"),
        pytest.param({"paresthesia": "settled"}, None, "NE-2", id="settled-holds"),
        pytest.param({"paresthesia": "none"}, None, None, id="none-nothing"),
        pytest.param({"symptom_extent": "below_knee"}, "thigh", "NE-1", id="spread-below-knee"),
        pytest.param({"symptom_extent": "foot"}, "buttock", "NE-1", id="spread-to-foot"),
        pytest.param({"symptom_extent": "thigh"}, "buttock", None, id="thigh-is-not-spread"),
        pytest.param({"symptom_extent": "foot"}, "below_knee", None, id="baseline-already-there"),
        pytest.param({"symptom_extent": "below_knee"}, None, None, id="extent-baseline-unknown"),
        pytest.param({"symptom_extent": "below_knee"}, "mixed", "NE-1", id="median-between"),
        pytest.param({"glide_pain": 4}, 2, "NE-2", id="glide-pain-baseline+2"),
        pytest.param({"glide_pain": 3}, 2, None, id="glide-pain-baseline+1"),
        pytest.param({"glide_pain": 9}, None, None, id="glide-baseline-unknown"),
    ],
)
def test_nerve_rules(today: dict[str, Any], extent_before: Any, expected: str | None) -> None:
    changes: dict[int, dict[str, Any]] = {0: {**GLIDE, **today}}
    if isinstance(extent_before, str):
        extents = ["thigh", "thigh", "below_knee", "below_knee"]
        for k, extent in zip(range(-4, 0), extents, strict=True):
            changes[k] = {"symptom_extent": extent if extent_before == "mixed" else extent_before}
    elif isinstance(extent_before, int):
        for k in range(-4, 0):
            changes[k] = {**GLIDE, "glide_pain": extent_before}
    g = guide(days(changes), severe_pain=10)
    assert fired(g) & {"NE-1", "NE-2"} == ({expected} if expected else set())
    if expected:
        assert g.components["neural"].decision == ("back_off" if expected == "NE-1" else "hold")
        assert {"tendon", "running", "sitting"}.isdisjoint(
            name for name, c in g.components.items() if expected in c.rules
        )


def _leg_days(offsets: list[int], **overrides: Any) -> dict[int, dict[str, Any]]:
    day = {"paresthesia": "settled", "symptom_extent": "below_knee", **overrides}
    return {k: dict(day) for k in offsets}


@pytest.mark.parametrize(
    ("changes", "fires"),
    [
        pytest.param(_leg_days([-5, -3, 0]), True, id="three-days"),
        pytest.param(_leg_days([-6, -5, -4]), True, id="three-days-without-today"),
        pytest.param(_leg_days([-7, -3, 0]), False, id="day-minus-7-is-outside"),
        pytest.param(_leg_days([-3, 0]), False, id="two-days"),
        pytest.param(_leg_days([-5, -3, 0], paresthesia="lasting"), True, id="lasting-counts"),
        pytest.param(_leg_days([-5, -3, 0], paresthesia="none"), False, id="no-paresthesia"),
        pytest.param(_leg_days([-5, -3, 0], paresthesia=None), False, id="null-paresthesia"),
        pytest.param(_leg_days([-5, -3, 0], symptom_extent="thigh"), False, id="thigh-only"),
        pytest.param(_leg_days([-5, -3, 0], symptom_extent="foot"), True, id="foot-counts"),
    ],
)
def test_persistent_leg_symptoms_ask_for_an_assessment(
    changes: dict[int, dict[str, Any]], fires: bool
) -> None:
    g = guide(days(changes))
    assert ("NE-3" in fired(g)) is fires
    assert (g.referral == "routine") is fires
    if fires:
        assert g.components["neural"].decision == "back_off"


def test_persistent_leg_symptoms_cap_other_components_at_hold() -> None:
    g = guide(days({**TWO_GOOD_LOADS, **_leg_days([-5, -3, -1])}))
    assert "NE-3" in fired(g)
    assert decisions(g) == {
        "tendon": "hold",
        "running": "hold",
        "neural": "back_off",
        "sitting": "hold",
    }
    assert rules_of(g, "tendon") == ("NE-3",)
    assert "PR-1" not in fired(g)
