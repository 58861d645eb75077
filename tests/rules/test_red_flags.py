"""RF-1..RF-4: today's red flags call a clinician; urgent and emergency stop all training.

RF-5 (episodes that stay open on later days) is in test_episodes.py."""

from __future__ import annotations

import pytest

from app.rules import COMPONENTS

from ._support import TWO_GOOD_LOADS, days, decisions, fired, guide, rules_of


@pytest.mark.parametrize(
    ("flag", "rule", "referral"),
    [
        pytest.param("saddle_numbness", "RF-1", "emergency", id="saddle-numbness-emergency"),
        pytest.param("bladder_bowel_change", "RF-1", "emergency", id="bladder-bowel-emergency"),
        pytest.param("both_legs", "RF-1", "emergency", id="both-legs-emergency"),
        pytest.param("sexual_dysfunction", "RF-1", "emergency", id="sexual-function-emergency"),
        pytest.param("new_weakness", "RF-2", "urgent", id="new-weakness-urgent"),
        pytest.param("pop_with_bruising", "RF-3", "urgent", id="pop-with-bruising-urgent"),
        pytest.param("fever_unwell", "RF-4", "soon", id="fever-soon"),
        pytest.param("night_rest_pain", "RF-4", "soon", id="night-pain-soon"),
    ],
)
def test_each_red_flag_fires_its_rule_and_referral(flag: str, rule: str, referral: str) -> None:
    g = guide(days({0: {"red_flags": [flag]}}))
    # A calm week would step sitting up (PR-4): a flag day is never calm, so GA-1 holds it.
    assert fired(g) == ({rule, "GA-1"} if referral == "soon" else {rule})
    assert g.referral == referral
    reason = g.reasons[0]
    assert reason.rule == rule
    assert reason.component == "all"
    assert reason.severity == ("warning" if referral == "soon" else "critical")


@pytest.mark.parametrize(
    ("flags", "rules"),
    [
        pytest.param(["saddle_numbness"], ("RF-1",), id="emergency"),
        pytest.param(["new_weakness", "pop_with_bruising"], ("RF-2", "RF-3"), id="two-urgent"),
        pytest.param(["both_legs", "fever_unwell"], ("RF-1",), id="emergency-beats-soon"),
    ],
)
def test_urgent_or_emergency_backs_off_every_component_with_the_rf_ids(
    flags: list[str], rules: tuple[str, ...]
) -> None:
    g = guide(days({**TWO_GOOD_LOADS, 0: {"red_flags": flags, "loading_pain": 4}}))
    assert g.decision == "back_off"
    for name in COMPONENTS:
        assert g.components[name].decision == "back_off"
        assert rules_of(g, name) == rules
    assert "PM-6" in fired(g)  # other rules that fired are still explained
    assert "PR-1" not in fired(g)


def test_fever_caps_a_would_be_progress_at_hold_with_ga1() -> None:
    g = guide(days({**TWO_GOOD_LOADS, 0: {"red_flags": ["fever_unwell"]}}))
    assert decisions(g) == dict.fromkeys(COMPONENTS, "hold")
    assert rules_of(g, "tendon") == ("RF-4", "GA-1")
    assert rules_of(g, "running") == ("RF-4",)
    assert "PR-1" not in fired(g)
    assert "MD-1" not in fired(g)


def test_fever_leaves_a_back_off_alone() -> None:
    g = guide(days({0: {"red_flags": ["night_rest_pain"], "loading_pain": 6}}))
    assert g.components["tendon"].decision == "back_off"
    assert rules_of(g, "tendon") == ("PM-1",)
    assert rules_of(g, "running") == ("RF-4",)
    assert g.decision == "back_off"
    assert g.referral == "soon"


@pytest.mark.parametrize("offset", [-1, -3], ids=["yesterday", "three-days-ago"])
def test_red_flags_of_earlier_days_fire_rf5_not_their_own_rule(offset: int) -> None:
    logs = days({offset: {"red_flags": ["saddle_numbness"]}}, calm=range(-7, 2))
    g = guide(logs)
    assert not fired(g) & {"RF-1", "RF-2", "RF-3", "RF-4"}
    assert "RF-5" in fired(g)
    assert g.referral == "emergency"


def test_red_flags_logged_for_tomorrow_do_not_count_today() -> None:
    logs = days({1: {"red_flags": ["saddle_numbness"]}}, calm=range(-7, 2))
    g = guide(logs)
    assert not fired(g) & {"RF-1", "RF-5"}
    assert g.referral is None
    assert g.open_episodes == ()


def test_unknown_flag_strings_are_ignored() -> None:
    g = guide(days({0: {"red_flags": ["something_else"]}}))
    assert g.referral is None
