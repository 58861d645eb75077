"""The plan in the exports (JSON with its history, a valid FHIR CarePlan) and in the coach's
view (restrictions from a fixed vocabulary only, never doses)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle

from app.readiness.schemas import VOCABULARY
from tests.factories import link, put_log, register
from tests.programme.helpers import STEADY, TODAY, answer, ready_to_step


def test_the_json_export_holds_the_plan_and_its_history(client: TestClient) -> None:
    patient = register(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    answer(client, patient, proposal_id, "accept")
    body = client.get("/api/v1/me/export", headers=patient.headers).json()
    programme = body["programme"]
    assert programme["library_version"] == "2026.12" and programme["phase"] == 1
    assert programme["current"]["tendon"]["number"] == 2
    assert programme["current"]["tendon"]["text"].startswith("Isometric heel dig 3 x 35 s")
    assert [v["reason"] for v in programme["history"] if v["component"] == "tendon"] == [
        "PR-1",
        "default",
    ]
    assert [p["status"] for p in programme["proposals"]] == ["accepted"]
    assert programme["lock_events"] == []


def test_the_json_export_holds_the_locks_a_clinician_set_and_lifted(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    lock = f"/api/v1/clinician/patients/{patient.id}/programme/running/lock"
    client.put(lock, headers=clinician.headers)
    client.delete(lock, headers=clinician.headers)
    events = client.get("/api/v1/me/export", headers=patient.headers).json()["programme"]
    assert [(e["component"], e["locked"]) for e in events["lock_events"]] == [
        ("running", True),
        ("running", False),
    ]


def test_the_fhir_export_has_a_valid_care_plan_with_activities(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY, **STEADY)
    raw = client.get("/api/v1/me/export?format=fhir", headers=patient.headers).json()
    bundle = Bundle.model_validate(raw)
    (plan,) = [e.resource for e in bundle.entry if e.resource.get_resource_type() == "CarePlan"]
    assert plan.status == "active" and plan.intent == "plan"
    assert plan.subject.reference == bundle.entry[0].fullUrl
    activities = [a.detail for a in plan.activity]
    assert [a.code.coding[0].code for a in activities] == [
        "tendon:isometric_heel_dig",
        "tendon:prone_knee_bent_hold",
        "neural",
        "sitting",
    ]
    assert activities[0].description == "Tendon loading: Isometric heel dig, 3 x 30 s"
    assert all(a.status == "in-progress" for a in activities)


def test_the_coach_sees_only_the_restrictions_that_follow_from_the_plan(
    client: TestClient,
) -> None:
    coach, clinician = register(client, "coach"), register(client, "clinician")
    athlete = register(client, display_name="Runner")
    link(client, athlete, coach)
    link(client, athlete, clinician)
    client.patch(
        f"/api/v1/clinician/patients/{athlete.id}", json={"phase": 3}, headers=clinician.headers
    )
    put_log(client, athlete, TODAY, **STEADY)
    (row,) = client.get("/api/v1/coach/athletes", headers=coach.headers).json()["athletes"]
    # Phase 3's default plan: tempo running, stage-3 hip hinges, no jumping yet.
    assert "No running above 85% speed" in row["restrictions"]
    assert "No jumping or bounding drills" in row["restrictions"]
    assert "No deep hip-flexion work" not in row["restrictions"]
    etag = client.get("/api/v1/coach/athletes", headers=coach.headers).headers["etag"]
    jog = {"band": "jog", "minutes": 20}
    client.put(
        f"/api/v1/clinician/patients/{athlete.id}/programme/running",
        json=jog,
        headers=clinician.headers,
    )
    seen = client.get("/api/v1/coach/athletes", headers={**coach.headers, "If-None-Match": etag})
    assert seen.status_code == 200  # a plan change moves the coach's ETag
    (row,) = seen.json()["athletes"]
    running = [r for r in row["restrictions"] if "running" in r.lower()]
    assert running == ["No running above 70% speed"]  # one running limit, the stricter
    assert set(row["restrictions"]) <= VOCABULARY
    assert "20" not in str(row["restrictions"]) and "min" not in str(row["restrictions"])
