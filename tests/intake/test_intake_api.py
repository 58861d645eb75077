"""The patient's intake through the API: an empty answer before the first PUT, a PUT that
replaces, `want_back` feeding a goal, and ugly input refused with problem details."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import link, put_log, register
from tests.intake.helpers import INTAKE, intake_body, provocation, put_intake


def test_before_the_first_answer_the_intake_is_empty_not_404(client: TestClient) -> None:
    patient = register(client)
    answer = client.get(INTAKE, headers=patient.headers)
    assert answer.status_code == 200
    body = answer.json()
    assert body["answers"] is None and body["profile"] is None and body["version"] == 0
    assert answer.headers["cache-control"] == "no-store"


def test_a_put_stores_the_answers_and_suggests_a_starting_profile(client: TestClient) -> None:
    patient = register(client)
    saved = put_intake(client, patient)
    assert saved["answers"]["provocation"]["sitting"] == 7
    assert saved["profile"]["marker"] == "sitting"
    assert saved["clinician_linked"] is False
    again = client.get(INTAKE, headers=patient.headers).json()
    assert again["answers"] == saved["answers"] and again["version"] == 1


def test_the_intake_changes_no_setting_and_no_guidance(client: TestClient) -> None:
    patient = register(client)
    today = datetime.now(UTC).date()
    assert put_log(client, patient, today, morning_pain=2, sitting_pain=3).is_success
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    before = client.get("/api/v1/me/phase", headers=patient.headers).json()["phase"]
    calm = provocation(
        sitting=0, sitting_minutes=None, fast_running=0, deep_hip_flexion=1, hamstring_stretch=0
    )
    assert put_intake(client, patient, provocation=calm)["profile"]["suggested_phase"] == 2
    after = client.get("/api/v1/me/phase", headers=patient.headers).json()["phase"]
    assert before == after == 1
    assert client.get("/api/v1/me/guidance", headers=patient.headers).json() == guidance


def test_what_they_want_back_becomes_a_goal_and_an_edit_changes_it(client: TestClient) -> None:
    patient = register(client)
    first = put_intake(client, patient)
    goals = client.get("/api/v1/me/goals", headers=patient.headers).json()["goals"]
    assert [(g["id"], g["text"]) for g in goals] == [(first["goal_id"], "Play a full match")]
    second = put_intake(client, patient, want_back="Run 10 km again")
    goals = client.get("/api/v1/me/goals", headers=patient.headers).json()["goals"]
    assert [(g["id"], g["text"]) for g in goals] == [(first["goal_id"], "Run 10 km again")]
    assert second["version"] == 2


def test_the_same_answers_again_change_nothing(client: TestClient) -> None:
    patient = register(client)
    put_intake(client, patient)
    assert put_intake(client, patient)["version"] == 1


def test_no_goal_when_the_patient_says_so(client: TestClient) -> None:
    patient = register(client)
    saved = put_intake(client, patient, make_goal=False)
    assert saved["goal_id"] is None
    assert client.get("/api/v1/me/goals", headers=patient.headers).json()["goals"] == []


def test_a_linked_clinician_is_reported(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    assert put_intake(client, patient)["clinician_linked"] is True


UGLY: list[tuple[str, dict[str, Any]]] = [
    ("unknown field", intake_body(favourite_colour="blue")),
    ("unknown provocation", intake_body(provocation=provocation(cycling=3))),
    ("rating above 10", intake_body(provocation=provocation(sitting=11))),
    ("negative rating", intake_body(provocation=provocation(stairs_hills=-1))),
    ("rating as a string", intake_body(provocation=provocation(sitting="7"))),
    ("rating as a float", intake_body(provocation=provocation(sitting=7.5))),
    ("sitting minutes too long", intake_body(provocation=provocation(sitting_minutes=100000))),
    ("missing provocation", {k: v for k, v in intake_body().items() if k != "provocation"}),
    ("unknown duration", intake_body(pain_duration="forever")),
    ("unknown red flag", intake_body(red_flags=["sore_toe"])),
    ("unknown nerve reach", intake_body(nerve={"tingling": True, "reaches": "ear"})),
    ("negative running", intake_body(weekly_running_km=-5)),
    ("absurd running", intake_body(weekly_running_km=5000)),
    ("control characters", intake_body(sport="Foot\u0000ball")),
    ("a goal too long", intake_body(want_back="x" * 201)),
    ("a list instead of an object", [intake_body()]),  # type: ignore[list-item]
]


@pytest.mark.parametrize(("body",), [(u[1],) for u in UGLY], ids=[u[0] for u in UGLY])
def test_ugly_input_is_refused_with_problem_details(client: TestClient, body: Any) -> None:
    patient = register(client)
    answer = client.put(INTAKE, json=body, headers=patient.headers)
    assert answer.status_code == 422, answer.text
    assert answer.headers["content-type"].startswith("application/problem+json")
    assert client.get(INTAKE, headers=patient.headers).json()["answers"] is None


def test_not_json_is_refused_with_problem_details(client: TestClient) -> None:
    patient = register(client)
    headers = patient.headers | {"Content-Type": "application/json"}
    answer = client.put(INTAKE, content=b"{not json", headers=headers)
    assert answer.status_code == 400
    assert answer.headers["content-type"].startswith("application/problem+json")


def test_another_role_cannot_use_the_patient_intake(client: TestClient) -> None:
    for role in ("clinician", "coach"):
        other = register(client, role)
        assert client.get(INTAKE, headers=other.headers).status_code == 403
        assert client.put(INTAKE, json=intake_body(), headers=other.headers).status_code == 403


def test_the_whole_record_export_carries_the_intake(client: TestClient) -> None:
    patient = register(client)
    put_intake(client, patient)
    exported = client.get("/api/v1/me/export", headers=patient.headers)
    assert exported.status_code == 200, exported.text
    section = exported.json()["intake"]
    assert section["intake"]["answers"]["sport"] == "Football"
    assert section["assessments"] == [] and section["maintenance_checks"] == []
    # Times as ISO 8601, as in the rest of the export ("T" between date and time).
    updated_at = section["intake"]["updated_at"]
    assert "T" in updated_at and datetime.fromisoformat(updated_at).tzinfo is not None
