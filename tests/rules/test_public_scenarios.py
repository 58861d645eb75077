"""The shared worked examples (scenarios/guardrails.json), run straight against evaluate()."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from app.rules import DayLog, PatientState, Thresholds, evaluate

SCENARIOS = Path(__file__).resolve().parents[3] / "shared/scenarios/guardrails.json"
TODAY = dt.date(2026, 11, 23)


def _load() -> list[dict[str, Any]]:
    if not SCENARIOS.exists():
        return []
    scenarios: list[dict[str, Any]] = json.loads(SCENARIOS.read_text())["scenarios"]
    return scenarios


def _log(entry: dict[str, Any]) -> DayLog:
    values = {k: v for k, v in entry.items() if k not in ("day", "red_flags")}
    return DayLog(
        log_date=TODAY + dt.timedelta(days=entry["day"]),
        red_flags=frozenset(entry.get("red_flags") or ()),
        **values,
    )


@pytest.mark.skipif(not SCENARIOS.exists(), reason=f"shared scenarios not found at {SCENARIOS}")
def test_all_nineteen_public_scenarios_are_present() -> None:
    assert len(_load()) == 19


@pytest.mark.skipif(not SCENARIOS.exists(), reason=f"shared scenarios not found at {SCENARIOS}")
@pytest.mark.parametrize("scenario", _load(), ids=lambda s: s["name"])
def test_public_scenario(scenario: dict[str, Any]) -> None:
    state = PatientState(
        phase=scenario["phase"], thresholds=Thresholds(**scenario.get("thresholds", {}))
    )
    guidance = evaluate([_log(e) for e in scenario["logs"]], TODAY, state)
    expect = scenario["expect"]
    if "decision" in expect:
        assert guidance.decision == expect["decision"]
    if "referral" in expect:
        assert guidance.referral == expect["referral"]
    for component, decision in expect.get("components", {}).items():
        assert guidance.components[component].decision == decision, component
    fired = {reason.rule for reason in guidance.reasons}
    for rule in expect.get("rules_include", []):
        assert rule in fired
    for rule in expect.get("rules_exclude", []):
        assert rule not in fired
