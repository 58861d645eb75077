"""Every worked example of ruleset 2026.12 (tests/scenarios.py finds the file), through the API.

Each scenario: register a patient, have a linked clinician set its phase and thresholds from the
first day, PUT the logs (days relative to today), then GET today's guidance. Scenarios added to
the file later are picked up without code changes.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import link, register
from tests.scenarios import load_scenarios


@pytest.mark.parametrize("scenario", load_scenarios(), ids=lambda s: s["name"])
def test_scenario_through_the_api(client: TestClient, scenario: dict[str, Any]) -> None:
    patient = register(client)
    today = datetime.now(UTC).date()
    first_day = today + timedelta(days=min((log["day"] for log in scenario["logs"]), default=0))
    phase, thresholds = scenario.get("phase", 1), scenario.get("thresholds") or {}
    if phase != 1 or thresholds:
        clinician = register(client, "clinician")
        link(client, patient, clinician)
        answer = client.patch(
            f"/api/v1/clinician/patients/{patient.id}",
            json={"phase": phase, "thresholds": thresholds, "effective_on": first_day.isoformat()},
            headers=clinician.headers,
        )
        assert answer.status_code == 200, answer.text
    for log in sorted(scenario["logs"], key=lambda item: item["day"]):
        fields = {k: v for k, v in log.items() if k != "day"}
        day = (today + timedelta(days=log["day"])).isoformat()
        answer = client.put(f"/api/v1/me/logs/{day}", json=fields, headers=patient.headers)
        assert answer.status_code in (200, 201), answer.text
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    expect = scenario["expect"]
    fired = {reason["rule"] for reason in guidance["reasons"]}
    context = json.dumps(guidance, indent=1)
    if "decision" in expect:
        assert guidance["decision"] == expect["decision"], context
    if "referral" in expect:
        assert guidance["referral"] == expect["referral"], context
    for component, decision in expect.get("components", {}).items():
        assert guidance["components"][component]["decision"] == decision, (component, context)
    assert set(expect.get("rules_include", [])) <= fired, context
    assert not set(expect.get("rules_exclude", [])) & fired, context
    assert guidance["phase"] == phase
    assert guidance["ruleset"] == "2026.12"
