"""The shared worked examples of ruleset 2026.12, run straight against evaluate()."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.rules import DayLog, PatientState, Thresholds, evaluate
from tests.scenarios import COPY, SHARED_FILE, load_scenarios

TODAY = dt.date(2026, 11, 23)


def _log(entry: dict[str, Any]) -> DayLog:
    values = {k: v for k, v in entry.items() if k not in ("day", "red_flags")}
    return DayLog(
        log_date=TODAY + dt.timedelta(days=entry["day"]),
        red_flags=frozenset(entry.get("red_flags") or ()),
        **values,
    )


def test_at_least_the_34_public_scenarios_are_present() -> None:
    assert len(load_scenarios()) >= 34


def test_the_copy_in_tests_data_is_in_step_with_the_shared_file() -> None:
    if not SHARED_FILE.exists():
        pytest.skip("no ../shared/scenarios next to this clone: the copy is what is read")
    assert COPY.read_bytes() == SHARED_FILE.read_bytes(), "copy the shared file to tests/data"


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s["name"])
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
