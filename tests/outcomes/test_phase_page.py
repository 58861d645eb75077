"""The phase page: purpose, do and avoid, the live criteria with numbers, the timeline, cards."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import Account, days_ago, link, put_log, register
from tests.outcomes.helpers import TODAY


def settling_patient(client: TestClient, clinician: Account) -> Account:
    """Two calm weeks of phase 1 with sitting tolerance rising (Ingrid's story)."""
    patient = register(client)
    link(client, patient, clinician)
    started = {"phase": 1, "effective_on": days_ago(TODAY, 20).isoformat()}
    url = f"/api/v1/clinician/patients/{patient.id}"
    assert client.patch(url, json=started, headers=clinician.headers).status_code == 200
    for n in range(13, -1, -1):
        put_log(
            client,
            patient,
            days_ago(TODAY, n),
            morning_pain=2,
            sitting_pain=2,
            sitting_tolerance_min=45 if n > 6 else 75,
            loading_pain=1,
            loading_stage=1,
        )
    return patient


def items(page: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in page["criteria"]["items"]}


def test_a_settled_phase_1_patient_sees_every_criterion_met_with_its_number(
    client: TestClient,
) -> None:
    clinician = register(client, "clinician")
    patient = settling_patient(client, clinician)
    page = client.get("/api/v1/me/phase", headers=patient.headers).json()
    assert page["phase"] == 1 and page["name"] == "Settle" and page["days_in_phase"] == 20
    assert page["next_phase"] == {"number": 2, "name": "Load"}
    criteria = items(page)
    assert page["criteria"]["kind"] == "automatic" and page["criteria"]["all_met"] is True
    assert set(criteria) == {
        "days_in_phase",
        "no_referral_today",
        "no_back_off_7d",
        "logged_4_of_7",
        "morning_pain_mean_7d",
        "sitting_tolerance_rising",
    }
    assert criteria["morning_pain_mean_7d"]["value"] == 2.0
    assert criteria["sitting_tolerance_rising"]["value"] == 75.0
    assert criteria["sitting_tolerance_rising"]["target"] == "> 45.0"
    assert criteria["logged_4_of_7"]["value"] == 7
    guidance = client.get("/api/v1/me/guidance", headers=patient.headers).json()
    assert guidance["phase_ready"] is True  # the same answer as the rules' phase_ready
    avoid = " ".join(page["avoid"]).lower()
    assert "stretching" in avoid and "sitting" in avoid
    assert [row["status"] for row in page["timeline"]] == ["current"] + ["ahead"] * 5
    assert page["timeline"][0]["typical"] == "2-6 weeks"
    assert page["timeline"][5]["typical"] == "ongoing"
    assert "3 to 6 months" in page["total_typical"]
    assert "sitting" in page["cards"] and "does not replace" in page["disclaimer"]
    assert {s["id"] for s in page["sources"]} >= {"S17", "S23"}


def test_a_criterion_not_met_says_so_with_the_number(client: TestClient) -> None:
    clinician = register(client, "clinician")
    patient = settling_patient(client, clinician)
    put_log(client, patient, TODAY, morning_pain=2, loading_pain=7, loading_stage=1)
    page = client.get("/api/v1/me/phase", headers=patient.headers).json()
    criteria = items(page)
    assert page["criteria"]["all_met"] is False
    assert criteria["no_back_off_7d"]["met"] is False and criteria["no_back_off_7d"]["value"] == 1
    assert criteria["logged_4_of_7"]["met"] is True


def test_the_clinician_reads_the_same_page_and_it_is_logged(client: TestClient) -> None:
    clinician = register(client, "clinician")
    patient = settling_patient(client, clinician)
    url = f"/api/v1/clinician/patients/{patient.id}/phase"
    theirs = client.get(url, headers=clinician.headers).json()
    mine = client.get("/api/v1/me/phase", headers=patient.headers).json()
    assert theirs == mine
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert "phase_page_viewed" in {e["action"] for e in log}


def test_phase_5_shows_the_return_to_sport_review_and_phase_6_nothing(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    url = f"/api/v1/clinician/patients/{patient.id}"
    client.patch(url, json={"phase": 5}, headers=clinician.headers)
    page = client.get("/api/v1/me/phase", headers=patient.headers).json()
    assert page["criteria"]["kind"] == "review" and len(page["criteria"]["items"]) == 5
    assert page["criteria"]["review_confirmed_on"] is None
    assert [r["status"] for r in page["timeline"]][3:] == ["done", "current", "ahead"]
    client.patch(url, json={"phase": 6}, headers=clinician.headers)
    page = client.get("/api/v1/me/phase", headers=patient.headers).json()
    assert page["criteria"]["kind"] == "none" and page["next_phase"] is None


def test_education_cards_for_any_signed_in_user(client: TestClient) -> None:
    patient = register(client)
    cards = client.get("/api/v1/education", headers=patient.headers).json()
    assert [c["id"] for c in cards["cards"]] == [
        "sitting",
        "flare",
        "sleep",
        "pacing",
        "breathing",
        "why-load",
    ]
    assert all(c["minutes"] == 1 and c["sources"] for c in cards["cards"])
    assert client.get("/api/v1/education").status_code == 401


def test_the_page_is_read_only(client: TestClient) -> None:
    patient = register(client)
    put_log(client, patient, TODAY - timedelta(days=1), morning_pain=2)
    before = client.get("/api/v1/me/logs", headers=patient.headers).json()
    client.get("/api/v1/me/phase", headers=patient.headers)
    assert client.get("/api/v1/me/logs", headers=patient.headers).json() == before
