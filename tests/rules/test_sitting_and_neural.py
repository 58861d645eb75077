"""SI-1..SI-4 (sitting) and NE-1..NE-3 (nerve sensitivity, asked every day)."""

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
    assert rules_of(g, "tendon") == ("SI-1", "GA-1")
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
        pytest.param({"symptom_extent": "thigh"}, "buttock", "NE-2", id="thigh-spread-holds"),
        pytest.param({"symptom_extent": "thigh"}, "thigh", None, id="thigh-as-usual"),
        pytest.param({"symptom_extent": "buttock"}, "thigh", None, id="less-far-than-usual"),
        pytest.param({"symptom_extent": "foot"}, "below_knee", "NE-1", id="further-below-knee"),
        pytest.param(
            {"symptom_extent": "below_knee"}, "below_knee", None, id="baseline-already-there"
        ),
        pytest.param({"symptom_extent": "below_knee"}, None, "NE-1", id="extent-baseline-unknown"),
        pytest.param({"symptom_extent": "thigh"}, None, None, id="thigh-baseline-unknown"),
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
        pytest.param(_leg_days([-5, -3, 0], paresthesia="none"), True, id="without-tingling"),
        pytest.param(_leg_days([-5, -3, 0], paresthesia=None), True, id="tingling-not-logged"),
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
    assert rules_of(g, "tendon") == ("NE-3", "GA-1")
    assert "PR-1" not in fired(g)


@pytest.mark.parametrize(
    ("pain", "thresholds", "expected"),
    [
        pytest.param(6, {}, "SI-2", id="6-over-ceiling-backs-off"),
        pytest.param(5, {}, "SI-4", id="5-at-ceiling-holds"),
        pytest.param(4, {}, "SI-4", id="4-acceptable-holds"),
        pytest.param(3, {}, None, id="3-safe"),
        pytest.param(None, {}, None, id="not-logged"),
        pytest.param(5, {"pain_ceiling": 4}, "SI-2", id="ceiling-4"),
        pytest.param(3, {"safe_pain": 2}, "SI-4", id="safe-2"),
    ],
)
def test_sitting_pain_bands_today(
    pain: int | None, thresholds: dict[str, Any], expected: str | None
) -> None:
    g = guide(days({0: {"sitting_pain": pain}}), **thresholds)
    assert fired(g) & {"SI-2", "SI-4"} == ({expected} if expected else set())
    if expected == "SI-2":
        assert g.components["sitting"].decision == "back_off"
        assert g.components["tendon"].decision == "hold"  # at most hold
    if expected == "SI-4":
        assert rules_of(g, "sitting") == ("SI-4",)


def _weeks(before: list[int | None], recent: list[int | None]) -> dict[int, dict[str, Any]]:
    values = dict(zip(range(-13, -6), before, strict=True))
    values |= dict(zip(range(-6, 1), recent, strict=True))
    return {k: {"sitting_pain": v} for k, v in values.items()}


@pytest.mark.parametrize(
    ("before", "recent", "fires"),
    [
        pytest.param([1] * 7, [3] * 7, True, id="mean-up-2"),
        pytest.param([1] * 7, [2, 2, 3, 3, 3, 2, 3], False, id="mean-up-1.6"),
        pytest.param([1, 1, 1, None, None, None, None], [3] * 7, False, id="three-values-before"),
        pytest.param([1] * 7, [3, 3, 3, 3, None, None, None], True, id="four-values-enough"),
        pytest.param([3] * 7, [1] * 7, False, id="falling"),
    ],
)
def test_sitting_pain_rising_week_to_week_backs_sitting_off(
    before: list[int | None], recent: list[int | None], fires: bool
) -> None:
    g = guide(days(_weeks(before, recent), calm=range(-13, 1)), safe_pain=3)
    assert ("SI-3" in fired(g)) is fires
    if fires:
        assert g.components["sitting"].decision == "back_off"
        assert "SI-3" in rules_of(g, "sitting")
