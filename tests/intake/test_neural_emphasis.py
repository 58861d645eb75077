"""A clinician-confirmed neural emphasis takes effect: sliders only and the neural component
locked, in the plan's history with the clinician named. The bare suggestion and any other
emphasis change nothing, and no guardrail decision moves."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, link, put_log, register, rules_only
from tests.intake.helpers import DASHBOARD, INTAKE, provocation, put_intake, set_phase

TODAY = datetime.now(UTC).date()
REASON = "assessment: neural emphasis"
GLIDES = {"glide_pain": 1, "glide_type": "tensioner", "paresthesia": "none"}
STEADY = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def _pair(client: TestClient, phase: int = 3) -> tuple[Account, Account]:
    patient = register(client, display_name="Ola")
    clinician = register(client, "clinician", display_name="Dr Berg")
    link(client, patient, clinician)
    if phase != 1:
        set_phase(client, clinician, patient, phase)
    return patient, clinician


def _assess(client: TestClient, clinician: Account, patient: Account, **body: Any) -> Any:
    url = f"{DASHBOARD}/{patient.id}/assessments"
    answer = client.post(url, json={"confirmed": True} | body, headers=clinician.headers)
    assert answer.status_code == 201, answer.text
    return answer.json()


def _neural(client: TestClient, patient: Account) -> dict[str, Any]:
    answer = client.get("/api/v1/me/programme", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return dict(answer.json()["components"]["neural"])


def _history(client: TestClient, patient: Account) -> list[dict[str, Any]]:
    url = "/api/v1/me/programme/history?component=neural"
    return list(client.get(url, headers=patient.headers).json()["versions"])


def _guidance(client: TestClient, patient: Account) -> dict[str, Any]:
    answer = client.get("/api/v1/me/guidance", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    return rules_only(answer.json())


def _week_of_glides(client: TestClient, patient: Account) -> None:
    for n in range(6, -1, -1):
        day = TODAY - timedelta(days=n)
        answer = put_log(client, patient, day, **STEADY, **(GLIDES if n % 2 else {}))
        assert answer.status_code in (200, 201), answer.text


def test_a_neural_assessment_puts_a_tensioner_on_the_phase_slider_and_locks_it(
    client: TestClient,
) -> None:
    patient, clinician = _pair(client)
    assert _neural(client, patient)["current"]["glide"] == "tensioner"
    _week_of_glides(client, patient)
    before = _guidance(client, patient)
    versions = len(_history(client, patient))
    assert client.get(INTAKE, headers=patient.headers).json()["emphasis"] is None

    _assess(client, clinician, patient, impression="neural")

    neural = _neural(client, patient)
    assert neural["current"]["glide"] == "slider"
    assert neural["current"]["exercise"] == "seated_slider"
    assert neural["locked"] is True and neural["decided_by"] == "clinician"
    history = _history(client, patient)
    assert len(history) == versions + 1
    newest = history[0]
    assert (newest["kind"], newest["made_by"], newest["made_by_name"], newest["reason"]) == (
        "clinician",
        "clinician",
        "Dr Berg",
        REASON,
    )
    locks = client.get("/api/v1/me/programme/history", headers=patient.headers).json()["locks"]
    assert [(e["component"], e["locked"], e["made_by_name"], e["reason"]) for e in locks] == [
        ("neural", True, "Dr Berg", REASON)
    ]
    assert _guidance(client, patient) == before  # no guardrail decision moved
    assert client.get(INTAKE, headers=patient.headers).json()["emphasis"] == "neural"
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert any(e["action"] == "assessment_recorded" for e in log)
    # locked: a good glide session proposes no slider -> tensioner step
    again = put_log(client, patient, TODAY, **STEADY, glide_pain=0, glide_type="slider")
    assert again.json()["guidance"]["components"]["neural"]["proposal_id"] is None
    plan = client.get("/api/v1/me/programme", headers=patient.headers).json()
    assert [p for p in plan["proposals"] if p["component"] == "neural"] == []
    assert plan["components"]["neural"]["current"]["glide"] == "slider"


def test_a_neural_emphasis_with_a_starting_phase_takes_that_phases_slider(
    client: TestClient,
) -> None:
    patient, clinician = _pair(client, phase=1)
    _assess(client, clinician, patient, impression="mixed", emphasis="neural", starting_phase=4)
    neural = _neural(client, patient)
    assert (neural["current"]["glide"], neural["locked"]) == ("slider", True)
    assert _history(client, patient)[0]["reason"] == REASON


def test_a_slider_already_stays_as_it_is_and_is_locked(client: TestClient) -> None:
    patient, clinician = _pair(client, phase=1)
    versions = _history(client, patient)
    _assess(client, clinician, patient, impression="neural")
    assert _history(client, patient) == versions
    assert _neural(client, patient)["locked"] is True


def test_a_tendon_assessment_leaves_the_plan_alone(client: TestClient) -> None:
    patient, clinician = _pair(client)
    _week_of_glides(client, patient)
    before = (_neural(client, patient), _history(client, patient), _guidance(client, patient))
    _assess(client, clinician, patient, impression="tendon")
    after = (_neural(client, patient), _history(client, patient), _guidance(client, patient))
    assert after == before and after[0]["locked"] is False
    assert client.get(INTAKE, headers=patient.headers).json()["emphasis"] == "tendon"


def test_the_bare_suggestion_changes_nothing(client: TestClient) -> None:
    patient, _ = _pair(client)
    _week_of_glides(client, patient)
    before = (_neural(client, patient), _history(client, patient), _guidance(client, patient))
    calm = provocation(sitting=2, sitting_minutes=None)
    nerve = {"tingling": True, "reaches": "thigh", "slump_brings_on": True}
    intake = put_intake(client, patient, provocation=calm, nerve=nerve)
    assert intake["profile"]["emphasis"] == "neural" and intake["emphasis"] is None
    after = (_neural(client, patient), _history(client, patient), _guidance(client, patient))
    assert after == before and after[0]["current"]["glide"] == "tensioner"
