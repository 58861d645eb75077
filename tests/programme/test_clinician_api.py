"""The clinician's side of the plan: the editor (phase limits: 422 with a clear message),
locks, custom exercises, a phase change that fits the plan, session load as information."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, link, put_log, register
from tests.programme.helpers import STEADY, TODAY, current, day, history, plan, ready_to_step

API = "/api/v1/clinician/patients"


def pair(client: TestClient) -> tuple[Account, Account]:
    patient, clinician = register(client), register(client, "clinician", display_name="Dr Lee")
    link(client, patient, clinician)
    return patient, clinician


def put(client: TestClient, clinician: Account, patient: Account, path: str, body: Any) -> Any:
    return client.put(f"{API}/{patient.id}/programme/{path}", json=body, headers=clinician.headers)


def test_the_editor_sets_a_component_as_a_new_version_by_the_clinician(client: TestClient) -> None:
    patient, clinician = pair(client)
    body = {"exercises": [{"exercise": "long_lever_bridge_hold", "sets": 3, "hold_s": 20}]}
    answer = put(client, clinician, patient, "tendon", body | {"note": "gentler start"})
    assert answer.status_code == 200, answer.text
    version = answer.json()
    assert (version["number"], version["kind"], version["made_by"], version["reason"]) == (
        2,
        "clinician",
        "clinician",
        "clinician",
    )
    assert version["made_by_name"] == "Dr Lee" and version["note"] == "gentler start"
    assert current(client, patient, "tendon")["text"] == "Long-lever bridge hold 3 x 20 s"
    same = put(client, clinician, patient, "tendon", body)  # nothing changes: no new version
    assert same.status_code == 200 and same.json()["id"] == version["id"]
    assert put(client, clinician, patient, "sitting", {"minutes": 45}).json()["number"] == 2
    seen = client.get(f"{API}/{patient.id}/programme/history", headers=clinician.headers).json()
    assert [v["component"] for v in seen["versions"][:2]] == ["sitting", "tendon"]
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()
    assert "programme_changed" in str(log)


def test_the_editor_refuses_what_exceeds_the_phase_with_a_clear_message(
    client: TestClient,
) -> None:
    patient, clinician = pair(client)
    cases = [
        (
            "tendon",
            {
                "exercises": [
                    {"exercise": "romanian_deadlift", "sets": 3, "reps": 10, "load_kg": 10}
                ]
            },
            "Romanian deadlift is a stage-3 exercise; phase 1 allows stage 1 at most.",
        ),
        ("running", {"band": "jog", "minutes": 20}, "Phase 1 allows no running."),
        (
            "neural",
            {"exercise": "seated_tensioner", "reps": 6},
            "Tensioners start in phase 2: phase 1 uses sliders only.",
        ),
        (
            "tendon",
            {"exercises": [{"exercise": "isometric_heel_dig", "sets": 3, "reps": 10}]},
            "Isometric heel dig is held: give hold_s (seconds) and no reps.",
        ),
        ("tendon", {"exercises": [{"exercise": "nordic", "sets": 3, "reps": 5}]}, "Unknown"),
    ]
    for component, body, message in cases:
        answer = put(client, clinician, patient, component, body)
        assert answer.status_code == 422, answer.text
        assert message in answer.json()["detail"], answer.json()
    for body in ({"band": "jog"}, {"band": None, "minutes": 20}, {"band": "fast", "minutes": 9}):
        assert put(client, clinician, patient, "running", body).status_code == 422
    assert put(client, clinician, patient, "sitting", {"minutes": 2}).status_code == 422
    assert len(history(client, patient)) == 4  # nothing was written


def test_a_phase_change_fits_the_plan_to_the_new_limits(client: TestClient) -> None:
    patient, clinician = pair(client)
    client.patch(f"{API}/{patient.id}", json={"phase": 3}, headers=clinician.headers)
    body = plan(client, patient)
    assert body["phase"] == 3
    assert body["components"]["running"]["current"]["band"] == "tempo"  # phase 3's default
    rdl = {"exercises": [{"exercise": "romanian_deadlift", "sets": 4, "reps": 10, "load_kg": 20}]}
    assert put(client, clinician, patient, "tendon", rdl).status_code == 200
    assert (
        put(client, clinician, patient, "running", {"band": "jog", "minutes": 30}).status_code
        == 200
    )
    client.patch(f"{API}/{patient.id}", json={"phase": 1}, headers=clinician.headers)
    body = plan(client, patient)
    assert body["components"]["tendon"]["current"]["text"] == "Long-lever bridge hold 3 x 30 s"
    assert body["components"]["running"]["current"]["band"] is None
    assert body["components"]["neural"]["current"]["glide"] == "slider"
    clamped = history(client, patient, "tendon")[0]
    assert (clamped["kind"], clamped["made_by"], clamped["reason"]) == (
        "phase_change",
        "clinician",
        "phase change",
    )
    assert clamped["made_by_name"] == "Dr Lee"


def test_a_locked_component_is_changed_only_by_the_clinician(client: TestClient) -> None:
    patient, clinician = pair(client)
    locked = client.put(f"{API}/{patient.id}/programme/tendon/lock", headers=clinician.headers)
    assert locked.status_code == 200, locked.text
    assert locked.json()["locked"] is True and locked.json()["locked_by"] == "Dr Lee"
    guidance = ready_to_step(client, patient)
    tendon = guidance["components"]["tendon"]
    assert tendon["decision"] == "progress"  # the guidance still says what the rules say
    assert (tendon["step"], tendon["locked"], tendon["proposal_id"]) == ("locked", True, None)
    component = plan(client, patient)["components"]["tendon"]
    assert component["decided_by"] == "clinician" and component["pending"] is None
    sore = put_log(client, patient, TODAY, **STEADY, loading_pain=6, loading_stage=1)
    assert sore.json()["guidance"]["components"]["tendon"]["step"] == "locked"
    assert len(history(client, patient, "tendon")) == 1  # no automatic back-off
    unlocked = client.delete(f"{API}/{patient.id}/programme/tendon/lock", headers=clinician.headers)
    assert unlocked.status_code == 200 and unlocked.json()["locked"] is False
    again = put_log(client, patient, TODAY, **STEADY, loading_pain=7, loading_stage=1)
    assert again.json()["guidance"]["components"]["tendon"]["step"] == "applied"


def test_a_lock_keeps_the_clinicians_reason_in_the_history_and_refuses_an_overlong_one(
    client: TestClient,
) -> None:
    patient, clinician = pair(client)
    lock = f"{API}/{patient.id}/programme/running/lock"
    too_long = client.put(lock, json={"reason": "x" * 201}, headers=clinician.headers)
    assert too_long.status_code == 422, too_long.text
    assert too_long.headers["content-type"].startswith("application/problem+json")
    unknown = client.put(lock, json={"why": "x"}, headers=clinician.headers)
    assert unknown.status_code == 422, unknown.text
    why = "  Hamstring strain last week: I hold running myself  "
    locked = client.put(lock, json={"reason": why}, headers=clinician.headers)
    assert locked.status_code == 200 and locked.json()["locked"] is True, locked.text
    seen = client.get(f"{API}/{patient.id}/programme/history", headers=clinician.headers).json()
    assert [(e["locked"], e["reason"]) for e in seen["locks"]] == [(True, why.strip())]
    client.delete(lock, headers=clinician.headers)
    blank = client.put(lock, json={"reason": "   "}, headers=clinician.headers)
    assert blank.status_code == 200, blank.text
    seen = client.get(f"{API}/{patient.id}/programme/history", headers=clinician.headers).json()
    assert seen["locks"][0]["reason"] == "clinician"  # a blank reason is no reason


def test_each_lock_and_unlock_is_in_the_plan_history_with_who_and_why(
    client: TestClient,
) -> None:
    patient, clinician = pair(client)
    lock = f"{API}/{patient.id}/programme/neural/lock"
    assert client.put(lock, headers=clinician.headers).status_code == 200
    assert client.put(lock, headers=clinician.headers).status_code == 200  # already: no event
    assert client.delete(lock, headers=clinician.headers).status_code == 200
    assert client.delete(lock, headers=clinician.headers).status_code == 200  # no event either
    seen = client.get(f"{API}/{patient.id}/programme/history", headers=clinician.headers).json()
    events = [(e["component"], e["locked"], e["made_by_name"], e["reason"]) for e in seen["locks"]]
    assert events == [
        ("neural", False, "Dr Lee", "clinician"),  # newest first
        ("neural", True, "Dr Lee", "clinician"),
    ]
    mine = client.get("/api/v1/me/programme/history", headers=patient.headers).json()
    assert mine["locks"] == seen["locks"]  # the patient sees the same history
    only_tendon = client.get(
        "/api/v1/me/programme/history", params={"component": "tendon"}, headers=patient.headers
    ).json()
    assert only_tendon["locks"] == []


def test_locking_withdraws_a_pending_proposal(client: TestClient) -> None:
    patient, clinician = pair(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    client.put(f"{API}/{patient.id}/programme/tendon/lock", headers=clinician.headers)
    accepted = client.post(
        f"/api/v1/me/programme/proposals/{proposal_id}/accept", headers=patient.headers
    )
    assert accepted.status_code == 409


def test_a_clinicians_own_exercise_can_be_prescribed_and_stepped(client: TestClient) -> None:
    patient, clinician = pair(client)
    created = client.post(
        f"{API}/{patient.id}/programme/exercises",
        json={
            "name": "Wall press",
            "description": "Heel into the wall.",
            "stage": 1,
            "dosing": "hold",
        },
        headers=clinician.headers,
    )
    assert created.status_code == 201, created.text
    key = created.json()["key"]
    assert created.json()["start"]["hold_s"] == 30 and created.json()["top"]["sets"] == 4
    listed = client.get(f"{API}/{patient.id}/programme/exercises", headers=clinician.headers)
    assert [e["key"] for e in listed.json()["exercises"]] == [key]
    body = {"exercises": [{"exercise": key, "sets": 3, "hold_s": 30}]}
    assert put(client, clinician, patient, "tendon", body).status_code == 200
    assert current(client, patient, "tendon")["exercises"][0]["name"] == "Wall press"
    step = ready_to_step(client, patient)["components"]["tendon"]
    assert step["change"] == "Wall press: 3 x 30 s -> 3 x 35 s"
    late = client.post(
        f"{API}/{patient.id}/programme/exercises",
        json={"name": "Hill walk", "stage": 3, "dosing": "reps"},
        headers=clinician.headers,
    ).json()["key"]
    refused = put(
        client,
        clinician,
        patient,
        "tendon",
        {"exercises": [{"exercise": late, "sets": 3, "reps": 10}]},
    )
    assert refused.status_code == 422 and "stage-3" in refused.json()["detail"]
    bad = {"name": "X", "stage": 2, "dosing": "reps", "start": {"sets": 3, "hold_s": 30}}
    assert (
        client.post(
            f"{API}/{patient.id}/programme/exercises", json=bad, headers=clinician.headers
        ).status_code
        == 422
    )


def test_the_clinicians_plan_view_shows_session_load_as_information(client: TestClient) -> None:
    patient, clinician = pair(client)
    put_log(client, patient, day(8), session_rpe=5, session_min=40)
    put_log(client, patient, day(1), session_rpe=6, session_min=30)
    put_log(client, patient, TODAY, session_rpe=4, session_min=20, morning_pain=2)
    answer = client.get(f"{API}/{patient.id}/programme", headers=clinician.headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["components"]["tendon"]["current"]["version_id"]
    load = body["session_load"]
    assert [d["load"] for d in load["days"]] == [200, 180, 80]
    assert sum(w["load"] for w in load["weeks"]) == 460
    assert sum(w["sessions"] for w in load["weeks"]) == 3
    assert "Information only" in load["note"] and "acute:chronic" in load["note"]
    assert "ratio" not in {k for d in load["days"] for k in d}
