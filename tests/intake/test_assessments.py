"""A linked clinician's assessment: the clinical tests land in the outcomes test list (one
model), the starting phase and thresholds go through the settings path, every read and write
is access-logged, and the dashboard's `needs_assessment` flag clears with a new ETag."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, link, register
from tests.intake.helpers import DASHBOARD, put_intake, row_of

TESTS = {
    "ischial_palpation": {"side": "left", "result": "positive", "note": "Familiar pain"},
    "bent_knee_stretch": {"side": "left", "result": "positive"},
    "modified_bent_knee_stretch": {"side": "left", "result": "positive"},
    "puranen_orava": {"side": "left", "result": "negative"},
    "slump": {"side": "left", "result": "negative"},
    "straight_leg_raise": {"side": "left", "result": "negative", "range_deg": 70},
    "single_leg_bridge": {"left": 12, "right": 20, "affected": "left"},
}


def _pair(client: TestClient) -> tuple[Account, Account, str]:
    patient = register(client, display_name="Ola")
    clinician = register(client, "clinician", display_name="Dr Berg")
    link(client, patient, clinician)
    return patient, clinician, f"{DASHBOARD}/{patient.id}/assessments"


def _assess(client: TestClient, clinician: Account, url: str, **overrides: Any) -> Any:
    body = {"tests": TESTS, "impression": "tendon", "confirmed": True} | overrides
    return client.post(url, json=body, headers=clinician.headers)


def test_the_clinician_sees_the_intake_and_its_starting_profile(client: TestClient) -> None:
    patient, clinician, url = _pair(client)
    empty = client.get(url, headers=clinician.headers).json()
    assert empty["intake"]["answers"] is None and empty["last"] is None
    put_intake(client, patient)
    page = client.get(url, headers=clinician.headers).json()
    assert page["intake"]["profile"]["marker"] == "sitting"
    assert page["intake"]["clinician_linked"] is True


def test_assessment_tests_are_objective_tests_in_the_outcomes_views(client: TestClient) -> None:
    patient, clinician, url = _pair(client)
    put_intake(client, patient)
    done = _assess(client, clinician, url, note="Tendon-led")
    assert done.status_code == 201, done.text
    kinds = sorted(t["kind"] for t in done.json()["tests"])
    assert kinds == sorted(TESTS)
    bridge = next(t for t in done.json()["tests"] if t["kind"] == "single_leg_bridge")
    assert bridge["symmetry_pct"] == 60.0
    outcomes = client.get(f"{DASHBOARD}/{patient.id}/tests", headers=clinician.headers).json()
    assert sorted(t["kind"] for t in outcomes["tests"]) == kinds
    mine = client.get("/api/v1/me/tests", headers=patient.headers).json()["tests"]
    assert len(mine) == len(TESTS)
    page = client.get(url, headers=clinician.headers).json()
    assert page["last"]["id"] == done.json()["id"] and page["last"]["clinician"] == "Dr Berg"
    assert page["last"]["follows_suggestion"] is True  # tendon, phase unchanged


def test_a_starting_phase_and_thresholds_go_through_the_settings_path(
    client: TestClient,
) -> None:
    patient, clinician, url = _pair(client)
    done = _assess(
        client, clinician, url, impression="neural", starting_phase=2, thresholds={"safe_pain": 2}
    )
    assert done.status_code == 201, done.text
    assert done.json()["starting_phase"] == 2 and done.json()["follows_suggestion"] is False
    # What the assessment did, in the patient's access log: no read of settings it did not show.
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    actions = sorted(e["action"] for e in log)
    expected = ["assessment_recorded", "link_created", "phase_changed", "thresholds_changed"]
    assert actions == expected, actions
    record = client.get(f"{DASHBOARD}/{patient.id}", headers=clinician.headers).json()
    assert record["profile"]["phase"] == 2 and record["thresholds"]["safe_pain"] == 2
    assert record["threshold_history"][-1]["changed_by"] == "Dr Berg"
    assert client.get("/api/v1/me/phase", headers=patient.headers).json()["phase"] == 2
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    actions = {e["action"] for e in log}
    assert {"assessment_recorded", "phase_changed", "thresholds_changed"} <= actions


def test_unsafe_thresholds_are_refused_before_anything_is_written(client: TestClient) -> None:
    _, clinician, url = _pair(client)
    refused = _assess(client, clinician, url, thresholds={"safe_pain": 6, "pain_ceiling": 5})
    assert refused.status_code == 422
    assert client.get(url, headers=clinician.headers).json()["assessments"] == []


def test_the_impression_must_be_confirmed_and_the_tests_well_formed(client: TestClient) -> None:
    _, clinician, url = _pair(client)
    future = (datetime.now(UTC).date() + timedelta(days=2)).isoformat()
    for overrides in (
        {"confirmed": False},
        {"confirmed": "yes"},
        {"impression": "muscle"},
        {"assessed_on": future},
        {"starting_phase": 7},
        {"tests": {"slump": {"side": "left"}}},
        {"tests": {"straight_leg_raise": {"side": "left", "result": "positive", "range_deg": 200}}},
        {"tests": {"single_leg_bridge": {"left": 10, "right": -1}}},
        {"tests": {"hop": {"side": "left", "result": "positive"}}},
        {"thresholds": {"bogus": 1}},
        {"extra": True},
    ):
        answer = _assess(client, clinician, url, **overrides)
        assert answer.status_code == 422, (overrides, answer.text)
        assert answer.headers["content-type"].startswith("application/problem+json")
    assert client.get(url, headers=clinician.headers).json()["assessments"] == []


def test_needs_assessment_clears_and_the_dashboard_etag_moves(client: TestClient) -> None:
    patient, clinician, url = _pair(client)
    first = client.get(DASHBOARD, headers=clinician.headers)
    assert "needs_assessment" in row_of(client, clinician, patient)["flags"]
    etag = first.headers["etag"]
    same = client.get(DASHBOARD, headers=clinician.headers | {"If-None-Match": etag})
    assert same.status_code == 304
    assert _assess(client, clinician, url).status_code == 201
    moved = client.get(DASHBOARD, headers=clinician.headers | {"If-None-Match": etag})
    assert moved.status_code == 200 and moved.headers["etag"] != etag
    assert "needs_assessment" not in row_of(client, clinician, patient)["flags"]


def test_reads_are_in_the_patients_access_log(client: TestClient) -> None:
    patient, clinician, url = _pair(client)
    client.get(url, headers=clinician.headers)
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert "assessments_viewed" in {e["action"] for e in log}
