"""Maintenance (phase 6): weekly checks and 4-weekly re-checks, compared with the intake and
the last re-check; a flare or a provocation up by 2 or more suggests stepping back (a
suggestion: the phase does not move); no daily-log nagging; the dashboard's
`maintenance_overdue` flag."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.dashboard.rows import maintenance_overdue
from app.intake.step_back import step_back_reasons
from tests.factories import Account, link, put_log, register
from tests.intake.helpers import (
    CHECKS,
    provocation,
    put_intake,
    recheck,
    row_of,
    set_phase,
    weekly,
)

TODAY = datetime.now(UTC).date()


def _phase_6(client: TestClient, linked: bool = True) -> tuple[Account, Account]:
    patient, clinician = register(client), register(client, "clinician")
    link_id = link(client, patient, clinician)
    set_phase(client, clinician, patient, 6)
    if not linked:
        ended = client.delete(f"/api/v1/me/shares/{link_id}", headers=patient.headers)
        assert ended.status_code == 204
    return patient, clinician


def _post(client: TestClient, patient: Account, body: dict[str, Any]) -> dict[str, Any]:
    answer = client.post(CHECKS, json=body, headers=patient.headers)
    assert answer.status_code == 201, answer.text
    result: dict[str, Any] = answer.json()
    return result


def test_maintenance_checks_are_for_phase_6_only(client: TestClient) -> None:
    patient = register(client)
    refused = client.post(CHECKS, json=weekly(), headers=patient.headers)
    assert refused.status_code == 409
    page = client.get(CHECKS, headers=patient.headers).json()
    assert page["in_maintenance"] is False and page["phase"] == 1


def test_a_weekly_check_makes_the_week_done(client: TestClient) -> None:
    patient, _ = _phase_6(client)
    before = client.get(CHECKS, headers=patient.headers).json()
    assert before["weekly_due"] and before["recheck_due"] and before["see_clinician"] is None
    result = _post(client, patient, weekly())
    assert result["check"]["suggest_step_back"] is False and result["comparison"] is None
    after = client.get(CHECKS, headers=patient.headers).json()
    assert after["weekly_due"] is False and len(after["checks"]) == 1


def test_a_flare_suggests_stepping_back_but_changes_no_phase(client: TestClient) -> None:
    patient, _ = _phase_6(client)
    result = _post(client, patient, weekly(flare=True, pain_week=5))
    assert result["check"]["suggest_step_back"] is True
    assert result["check"]["reasons"] == ["You had a flare-up."]
    assert client.get("/api/v1/me/phase", headers=patient.headers).json()["phase"] == 6


def test_a_recheck_compares_with_the_intake_and_the_last_recheck(client: TestClient) -> None:
    patient, clinician = _phase_6(client)
    put_intake(client, patient)  # sitting 7
    first = _post(client, patient, recheck())  # sitting 2
    against = {c["item"]: c for c in first["comparison"]["against_intake"]}
    assert against["sitting"] == {"item": "sitting", "before": 7, "now": 2, "change": -5}
    assert first["comparison"]["against_previous"] is None
    assert first["check"]["suggest_step_back"] is False
    worse = provocation(sitting=5, sitting_minutes=40)
    second = _post(client, patient, recheck(provocation=worse))
    previous = {c["item"]: c["change"] for c in second["comparison"]["against_previous"]}
    assert previous["sitting"] == 3 and second["comparison"]["previous_on"] == str(TODAY)
    assert second["check"]["suggest_step_back"] is True
    assert second["check"]["reasons"] == ["Sitting is up by 3 (2 -> 5)."]
    seen = client.get(
        f"/api/v1/clinician/patients/{patient.id}/assessments", headers=clinician.headers
    )
    assert seen.json()["maintenance"][0]["suggest_step_back"] is True


def test_a_recheck_takes_self_tests_of_the_outcomes_model(client: TestClient) -> None:
    patient, _ = _phase_6(client)
    bridge = {"kind": "single_leg_bridge", "left": 25, "right": 27, "unit": "reps"}
    result = _post(client, patient, recheck(self_tests=[bridge]))
    assert [t["kind"] for t in result["check"]["tests"]] == ["single_leg_bridge"]
    mine = client.get("/api/v1/me/tests", headers=patient.headers).json()["tests"]
    assert [(t["kind"], t["self_test"]) for t in mine] == [("single_leg_bridge", True)]


@pytest.mark.parametrize(
    "body",
    [
        recheck(provocation=None),
        weekly(provocation=provocation()),
        weekly(self_tests=[{"kind": "single_leg_bridge", "left": 1, "right": 1, "unit": "reps"}]),
        recheck(self_tests=[{"kind": "slump", "side": "left", "result": "positive"}]),
        weekly(pain_week=11),
        weekly(home_programme="sometimes"),
        weekly(kind="monthly"),
        weekly(sitting_minutes=-1),
        weekly(extra=1),
    ],
)
def test_bad_checks_are_422(client: TestClient, body: dict[str, Any]) -> None:
    patient, _ = _phase_6(client)
    answer = client.post(CHECKS, json=body, headers=patient.headers)
    assert answer.status_code == 422, answer.text
    assert client.get(CHECKS, headers=patient.headers).json()["checks"] == []


def test_without_a_clinician_the_answer_says_when_to_see_one(client: TestClient) -> None:
    patient, _ = _phase_6(client, linked=False)
    result = _post(client, patient, weekly(flare=True))
    assert result["see_clinician"]["title"] == "See a clinician if..."
    assert client.get(CHECKS, headers=patient.headers).json()["see_clinician"] is not None


def test_phase_6_is_not_flagged_for_missing_logs_but_for_a_missed_check(
    client: TestClient,
) -> None:
    patient, clinician = _phase_6(client)
    assert put_log(client, patient, TODAY - timedelta(days=20), morning_pain=1).is_success
    row = row_of(client, clinician, patient)
    assert "missing_logs" not in row["flags"] and "maintenance_overdue" in row["flags"]
    etag = client.get("/api/v1/clinician/patients", headers=clinician.headers).headers["etag"]
    _post(client, patient, weekly())
    again = client.get(
        "/api/v1/clinician/patients", headers=clinician.headers | {"If-None-Match": etag}
    )
    assert again.status_code == 200
    assert "maintenance_overdue" not in row_of(client, clinician, patient)["flags"]


def _status(phase: int, last_check: date | None, last_log: date | None) -> SimpleNamespace:
    return SimpleNamespace(phase=phase, last_maintenance_on=last_check, last_log_date=last_log)


@pytest.mark.parametrize(
    ("status", "overdue"),
    [
        (_status(6, TODAY - timedelta(days=13), None), False),
        (_status(6, TODAY - timedelta(days=14), None), True),
        (_status(6, None, TODAY - timedelta(days=3)), False),
        (_status(6, None, TODAY - timedelta(days=14)), True),
        (_status(6, None, None), True),
        (_status(5, None, None), False),
    ],
)
def test_maintenance_is_overdue_after_14_days(status: SimpleNamespace, overdue: bool) -> None:
    assert maintenance_overdue(status, TODAY) is overdue


BASE = provocation()


@pytest.mark.parametrize(
    ("flare", "now", "reasons"),
    [
        (False, BASE, []),
        (False, BASE | {"stairs_hills": BASE["stairs_hills"] + 1}, []),
        (False, BASE | {"stairs_hills": 5}, ["Stairs and hills are up by 2 (3 -> 5)."]),
        (True, BASE, ["You had a flare-up."]),
        (False, BASE | {"sitting": 0, "fast_running": 9}, ["Fast running is up by 4 (5 -> 9)."]),
        (True, None, ["You had a flare-up."]),
    ],
)
def test_when_stepping_back_is_suggested(
    flare: bool, now: dict[str, Any] | None, reasons: list[str]
) -> None:
    assert step_back_reasons(flare, now, BASE) == reasons
