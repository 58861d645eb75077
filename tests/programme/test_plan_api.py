"""The patient's plan through the API: the default plan, the plan on every guidance, a step
accepted or declined with one tap, stale proposals, and back-offs applied at once and once."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import put_log, register
from tests.programme.helpers import (
    STEADY,
    TODAY,
    YESTERDAY,
    answer,
    current,
    day,
    history,
    plan,
    ready_to_step,
)

PLAN_FIELDS = {"current", "next", "change", "step", "proposal_id", "locked"}


def test_a_new_patient_gets_the_default_phase_1_plan(client: TestClient) -> None:
    patient = register(client)
    body = plan(client, patient)
    assert body["phase"] == 1 and body["library_version"] == "2026.12"
    tendon = body["components"]["tendon"]["current"]
    assert [e["exercise"] for e in tendon["exercises"]] == [
        "isometric_heel_dig",
        "prone_knee_bent_hold",
    ]
    assert tendon["text"] == "Isometric heel dig 3 x 30 s; Prone knee-bent hamstring hold 3 x 30 s"
    running = body["components"]["running"]["current"]
    assert running["band"] is None and running["text"] == "No running for now"
    assert body["components"]["neural"]["current"]["glide"] == "slider"
    assert body["components"]["sitting"]["current"]["minutes"] == 30
    assert body["proposals"] == [] and body["today"]["date"] == TODAY.isoformat()
    assert {item["component"] for item in body["today"]["items"]} == {
        "tendon",
        "running",
        "neural",
        "sitting",
    }
    versions = history(client, patient)
    assert len(versions) == 4
    assert {(v["number"], v["kind"], v["made_by"], v["reason"]) for v in versions} == {
        (1, "default", "guardrails", "default")
    }


def test_every_guidance_response_carries_the_plan_of_each_component(client: TestClient) -> None:
    patient = register(client)
    put = put_log(client, patient, TODAY, **STEADY).json()["guidance"]
    got = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    log = client.get(f"/api/v1/me/logs/{TODAY}", headers=patient.headers).json()["guidance"]
    for guidance in (put, got, log):
        for component in guidance["components"].values():
            assert set(component) >= PLAN_FIELDS
            assert component["current"]["version_id"] and component["current"]["text"]
            assert component["step"] == "none" and component["next"] is None
    assert put == got == log


def test_a_step_up_waits_for_the_patients_tap_and_accepting_makes_it_the_plan(
    client: TestClient,
) -> None:
    patient = register(client)
    guidance = ready_to_step(client, patient)
    tendon = guidance["components"]["tendon"]
    assert tendon["decision"] == "progress" and tendon["rules"] == ["PR-1"]
    assert tendon["step"] == "proposed" and tendon["proposal_id"]
    assert tendon["change"] == "Isometric heel dig: 3 x 30 s -> 3 x 35 s"
    assert tendon["next"]["exercises"][0]["hold_s"] == 35
    assert current(client, patient, "tendon")["exercises"][0]["hold_s"] == 30  # not yet
    pending = plan(client, patient)["proposals"]
    assert [p["id"] for p in pending] == [tendon["proposal_id"]]

    accepted = answer(client, patient, tendon["proposal_id"], "accept")
    assert accepted.status_code == 200, accepted.text
    version = accepted.json()["version"]
    assert (version["number"], version["kind"], version["made_by"], version["reason"]) == (
        2,
        "step_up",
        "patient",
        "PR-1",
    )
    assert accepted.json()["proposal"]["status"] == "accepted"
    assert current(client, patient, "tendon")["exercises"][0]["hold_s"] == 35
    assert plan(client, patient)["proposals"] == []
    again = answer(client, patient, tendon["proposal_id"], "accept")  # a replayed tap
    assert again.status_code == 200 and again.json()["version"]["id"] == version["id"]
    assert answer(client, patient, tendon["proposal_id"], "decline").status_code == 409
    after = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert after["components"]["tendon"]["step"] == "accepted"
    assert after["components"]["tendon"]["current"]["version_id"] == version["id"]
    # Saving the day again does not propose a second step for the same decision.
    put_log(client, patient, TODAY, **STEADY, notes="felt good")
    assert plan(client, patient)["proposals"] == []


def test_declining_keeps_the_plan_and_records_the_refusal(client: TestClient) -> None:
    patient = register(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    declined = answer(client, patient, proposal_id, "decline")
    assert declined.status_code == 200, declined.text
    assert declined.json()["proposal"]["status"] == "declined"
    assert declined.json()["version"] is None
    assert answer(client, patient, proposal_id, "decline").status_code == 200  # replayed
    assert answer(client, patient, proposal_id, "accept").status_code == 409
    assert current(client, patient, "tendon")["number"] == 1
    assert len(history(client, patient, "tendon")) == 1
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert guidance["components"]["tendon"]["step"] == "declined"


def test_a_proposal_whose_decision_changes_is_withdrawn_and_cannot_be_accepted(
    client: TestClient,
) -> None:
    patient = register(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    # Today's own session was a little painful: the tendon holds (PM-6) instead.
    held = put_log(client, patient, TODAY, **STEADY, loading_pain=4, loading_stage=1)
    assert held.json()["guidance"]["components"]["tendon"]["decision"] == "hold"
    refused = answer(client, patient, proposal_id, "accept")
    assert refused.status_code == 409
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert current(client, patient, "tendon")["number"] == 1
    assert plan(client, patient)["proposals"] == []


def test_someone_elses_or_an_unknown_proposal_is_404(client: TestClient) -> None:
    patient, other = register(client), register(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    assert answer(client, other, proposal_id, "accept").status_code == 404
    assert answer(client, other, proposal_id, "decline").status_code == 404
    assert answer(client, patient, "not-a-uuid", "accept").status_code == 404
    zero = "00000000-0000-0000-0000-000000000000"
    assert answer(client, patient, zero, "accept").status_code == 404


def test_a_back_off_applies_at_once_and_only_once_per_decision(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, YESTERDAY, **STEADY)
    first = put_log(client, patient, TODAY, **STEADY, loading_pain=6, loading_stage=1)
    tendon = first.json()["guidance"]["components"]["tendon"]
    assert tendon["decision"] == "back_off" and tendon["step"] == "applied"
    assert tendon["change"] == (
        "Isometric heel dig: 3 x 30 s -> 3 x 25 s; "
        "Prone knee-bent hamstring hold: 3 x 30 s -> 3 x 25 s"
    )
    assert tendon["current"]["exercises"][0]["hold_s"] == 25  # the next session already
    backed = history(client, patient, "tendon")[0]
    assert (backed["kind"], backed["made_by"], backed["reason"]) == (
        "back_off",
        "guardrails",
        "PM-1",
    )
    assert backed["decision_date"] == TODAY.isoformat()
    # The same day decided again (worse pain, another rule): not backed off twice.
    put_log(client, patient, TODAY, **STEADY, loading_pain=7, loading_stage=1)
    put_log(client, patient, TODAY, **STEADY, loading_pain=6, loading_stage=1, notes="again")
    assert len(history(client, patient, "tendon")) == 2
    # A corrected log does not undo it (the safer choice).
    corrected = put_log(client, patient, TODAY, **STEADY, loading_pain=2, loading_stage=1)
    assert corrected.json()["guidance"]["components"]["tendon"]["decision"] != "back_off"
    assert current(client, patient, "tendon")["exercises"][0]["hold_s"] == 25


def test_a_back_off_returns_to_the_last_tolerated_prescription(client: TestClient) -> None:
    patient = register(client)
    proposal_id = ready_to_step(client, patient)["components"]["tendon"]["proposal_id"]
    assert answer(client, patient, proposal_id, "accept").status_code == 200
    sore = put_log(client, patient, TODAY, **STEADY, loading_pain=6, loading_stage=1)
    tendon = sore.json()["guidance"]["components"]["tendon"]
    assert tendon["step"] == "applied"
    assert tendon["change"] == "Isometric heel dig: 3 x 35 s -> 3 x 30 s"
    assert [v["reason"] for v in history(client, patient, "tendon")] == ["PM-1", "PR-1", "default"]


def test_a_late_log_of_yesterday_moves_the_plan_and_an_older_one_does_not(
    client: TestClient,
) -> None:
    patient = register(client)
    late = put_log(client, patient, YESTERDAY, **STEADY, loading_pain=6, loading_stage=1)
    assert late.json()["guidance"]["components"]["tendon"]["step"] == "applied"
    other = register(client)
    old = put_log(client, other, day(5), **STEADY, loading_pain=6, loading_stage=1)
    assert old.json()["guidance"]["components"]["tendon"]["decision"] == "back_off"
    assert old.json()["guidance"]["components"]["tendon"]["step"] == "none"
    assert current(client, other, "tendon")["number"] == 1


def test_several_back_off_days_about_one_session_reduce_the_plan_once(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, YESTERDAY, **STEADY, loading_pain=6, loading_stage=1)  # PM-1
    # This morning is worse after yesterday's session (PM-3): no new session since, no new cut.
    today = put_log(client, patient, TODAY, morning_pain=8, sitting_pain=2).json()["guidance"]
    assert today["components"]["tendon"]["decision"] == "back_off"
    assert len(history(client, patient, "tendon")) == 2
