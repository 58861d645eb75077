"""evaluate(): window, combination, reasons, output shape and the exported tables."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from app.rules import (
    COMPONENTS,
    PHASES,
    RULESET_VERSION,
    THRESHOLD_LIMITS,
    Guidance,
    Thresholds,
)
from app.rules.messages import RULE_IDS

from ._support import TODAY, TWO_GOOD_LOADS, days, decisions, fired, guide, on, rules_of


def test_reasons_follow_the_table_order() -> None:
    logs = days(
        {
            -5: {"sitting_pain": 8},
            -1: {"sitting_pain": 4, "loading_pain": 2},
            0: {
                "red_flags": ["fever_unwell"],
                "morning_pain": 3,
                "loading_pain": 4,
                "sprint_pain": 5,
                "sitting_pain": 7,
                "paresthesia": "settled",
            },
        }
    )
    g = guide(logs)
    order = [r.rule for r in g.reasons]
    assert order == ["RF-4", "PM-4", "PM-6", "PM-7", "SI-1", "SI-2", "NE-2", "FL-1", "FL-2"]
    assert order == sorted(order, key=RULE_IDS.index)


def test_component_rules_are_those_that_set_its_decision() -> None:
    g = guide(days({0: {"loading_pain": 6, "sitting_tolerance_min": 40}}))
    assert g.components["tendon"].decision == "back_off"
    assert rules_of(g, "tendon") == ("PM-1",)  # SI-1's cap did not decide it
    assert rules_of(g, "sitting") == ("SI-1",)


def test_several_rules_of_the_same_effect_are_all_listed() -> None:
    g = guide(days({-1: {"loading_pain": 2}, 0: {"morning_pain": 4, "loading_pain": 6}}))
    assert rules_of(g, "tendon") == ("PM-1", "PM-3")
    assert rules_of(g, "running") == ("PM-3",)


def test_untouched_and_waiting_components_hold_and_do_not_set_the_overall() -> None:
    g = guide(days(TWO_GOOD_LOADS))
    assert decisions(g) == {
        "tendon": "progress",
        "running": "hold",
        "neural": "hold",
        "sitting": "hold",
    }
    assert rules_of(g, "running") == ()
    assert rules_of(g, "sitting") == ("PR-0",)  # ready, waiting: not a reason to hold overall
    assert g.decision == "progress"


def test_no_rule_at_all_holds() -> None:
    g = guide([])
    assert g.decision == "hold"
    assert g.reasons == ()
    assert decisions(g) == dict.fromkeys(COMPONENTS, "hold")
    assert g.referral is None


def test_the_overall_is_the_most_conservative_touched_component() -> None:
    g = guide(days({**TWO_GOOD_LOADS, 0: {"paresthesia": "settled"}}))
    assert rules_of(g, "tendon") == ("GA-1",)
    assert rules_of(g, "neural") == ("NE-2",)
    assert g.decision == "hold"
    g = guide(days({**TWO_GOOD_LOADS, 0: {"paresthesia": "lasting"}}))
    assert decisions(g)["tendon"] == "hold"
    assert g.decision == "back_off"


def test_logs_outside_the_window_and_after_today_are_ignored() -> None:
    base = days(TWO_GOOD_LOADS)
    noise = [
        on(1, loading_pain=9, red_flags=["saddle_numbness"]),
        on(30, morning_pain=10),
        on(-28, sitting_pain=10),
        on(-40, morning_pain=9),
    ]
    assert guide(base + noise) == guide(base)


def test_the_order_of_logs_does_not_matter() -> None:
    base = days(TWO_GOOD_LOADS)
    assert guide(list(reversed(base))) == guide(base)
    assert guide(iter(base)) == guide(base)


def test_two_different_logs_for_one_date_are_refused() -> None:
    with pytest.raises(ValueError, match="two different logs"):
        guide([*days(None), on(0, morning_pain=5)])


def test_a_repeated_identical_log_or_an_empty_duplicate_is_harmless() -> None:
    base = days(TWO_GOOD_LOADS)
    assert guide([*base, base[-1]]) == guide(base)
    assert guide([on(0), *base, on(-2)]) == guide(base)


def test_without_todays_log_the_decision_comes_from_history() -> None:
    g = guide(days({**TWO_GOOD_LOADS, -1: {"loading_pain": 2}, 0: None}))
    assert g.date == TODAY
    assert "MD-1" in fired(g)
    assert g.components["tendon"].decision == "hold"


def test_as_dict_has_exactly_the_api_shape() -> None:
    g = guide(days({**TWO_GOOD_LOADS, 0: {"sprint_pain": 4}}), phase=3)
    data = g.as_dict()
    assert list(data) == [
        "date",
        "decision",
        "referral",
        "components",
        "reasons",
        "open_episodes",
        "phase",
        "phase_ready",
        "ruleset",
    ]
    assert data["date"] == "2026-11-23"
    assert list(data["components"]) == list(COMPONENTS)
    assert data["components"]["running"] == {"decision": "hold", "rules": ["PM-7"]}
    assert data["components"]["tendon"] == {"decision": "hold", "rules": ["GA-1"]}
    for reason in data["reasons"]:
        assert list(reason) == ["rule", "component", "severity", "message"]
    assert data["open_episodes"] == []
    assert data["ruleset"] == RULESET_VERSION == "2026.12"
    assert data["phase"] == 3
    assert data["phase_ready"] is False
    assert json.loads(json.dumps(data)) == data


def test_guidance_is_immutable() -> None:
    g = guide([])
    with pytest.raises(dataclasses.FrozenInstanceError):
        g.decision = "progress"  # type: ignore[misc]
    with pytest.raises(TypeError):
        g.components["tendon"] = g.components["running"]  # type: ignore[index]


def test_threshold_limits_cover_every_threshold_and_contain_the_defaults() -> None:
    defaults = Thresholds()
    assert set(THRESHOLD_LIMITS) == {f.name for f in dataclasses.fields(Thresholds)}
    for name, (low, high) in THRESHOLD_LIMITS.items():
        assert low <= getattr(defaults, name) <= high
    assert THRESHOLD_LIMITS["pain_ceiling"] == (1, 9)
    assert THRESHOLD_LIMITS["severe_pain"] == (2, 10)


def test_phase_table_lists_six_phases_for_the_ui() -> None:
    assert list(PHASES) == [1, 2, 3, 4, 5, 6]
    assert [p.name for p in PHASES.values()] == [
        "Settle",
        "Load",
        "Integrate",
        "Perform",
        "Return",
        "Maintain",
    ]
    assert PHASES[2].running_cap == "jog"
    assert set(PHASES[1].as_dict()) == {
        "number",
        "name",
        "loading",
        "running_cap",
        "neural",
        "move_on",
    }


def test_today_is_an_argument_not_the_clock() -> None:
    other_day = dt.date(2031, 1, 6)
    g = guide([], today=other_day)
    assert g.date == other_day


def test_a_stored_guidance_reads_back_into_the_same_guidance() -> None:
    logs = days({-3: {"red_flags": ["fever_unwell"]}, -1: None, 0: {"loading_pain": 4}})
    g = guide(logs)
    assert g.open_episodes and g.reasons
    assert Guidance.from_dict(json.loads(json.dumps(g.as_dict()))).as_dict() == g.as_dict()
