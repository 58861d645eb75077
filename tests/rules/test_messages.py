"""Every reason text matches its effect, and names the patient's own numbers."""

from __future__ import annotations

import pytest

from app.rules.messages import RULE_IDS, VARIANTS, reason, spoken_date

HOLD_RULES = {"PM-4", "PM-6", "PM-7", "PM-8", "SI-4", "NE-2", "PH-3", "MD-1", "GA-1", "PR-0"}
CAP_RULES = {"RF-4", "FL-2"}  # every component at most hold
BACK_OFF_RULES = {
    "RF-1", "RF-2", "RF-3", "PM-1", "PM-2", "PM-3", "SI-1", "SI-2", "SI-3",
    "NE-1", "NE-3", "FL-1", "PH-1", "PH-2", "SP-1", "SP-2",
}  # fmt: skip
VARIANT_EFFECT = {("PM-5", "back_off"): "back_off", ("PM-5", "hold"): "hold"}
VARIANT_EFFECT |= {("RF-5", "stop"): "back_off", ("RF-5", "hold"): "hold"}
ARGS = {
    "RF-5": ("2026-11-21",),
    "PH-1": ("jog (under 70%)",),
    "PH-2": ("4", "3"),
    "PR-0": ("tendon",),
}


def _effect(rule: str, variant: str) -> str:
    if (rule, variant) in VARIANT_EFFECT:
        return VARIANT_EFFECT[rule, variant]
    if rule in BACK_OFF_RULES:
        return "back_off"
    if rule in HOLD_RULES | CAP_RULES:
        return "hold"
    assert rule.startswith("PR-"), rule
    return "progress"


CASES = [(rule, variant) for rule in RULE_IDS for variant in VARIANTS[rule]]


@pytest.mark.parametrize(("rule", "variant"), CASES, ids=[f"{r}-{v or 'text'}" for r, v in CASES])
def test_a_message_never_contradicts_its_effect(rule: str, variant: str) -> None:
    args = ARGS.get(rule, ()) if variant != "phase1" or rule != "PH-1" else ()
    text = reason(rule, "all", "info", variant, args, 5, 2).message.lower()
    effect = _effect(rule, variant)
    if effect == "hold":
        assert "ease off" not in text and "reduce" not in text and "drop back" not in text
    if effect == "back_off":
        assert "keep" not in text and "add" not in text
    if effect == "progress":
        assert "reduce" not in text and "ease off" not in text
    assert "{" not in text  # every placeholder filled


def test_every_rule_has_a_text_for_every_variant_it_fires_with() -> None:
    assert set(VARIANTS["PR-3"]) == {"phase1", "slider", "tensioner"}
    assert set(VARIANTS["PH-1"]) == {"phase1", "cap"}
    assert set(VARIANTS["PM-5"]) == {"back_off", "hold"}


def test_the_patients_own_numbers_and_dates_are_written_in() -> None:
    assert "over 4/10" in reason("PM-1", "tendon", "warning", "", (), 4, 2).message
    assert reason("PR-1", "tendon", "info", "", (), 5, 3).message.startswith("Three good sessions")
    assert reason("PR-2", "running", "info", "", (), 5, 1).message.startswith(
        "One comfortable run:"
    )
    assert spoken_date("2026-11-21") == "Sat 21 Nov 2026"
    rf5 = reason("RF-5", "all", "critical", "stop", ("2026-11-21",), 5, 2).message
    assert rf5.startswith("You reported warning signs on Sat 21 Nov 2026.")
