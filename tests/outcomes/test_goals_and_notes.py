"""Goals set together (the current one on Today), and clinicians' notes (private unless shared)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient

from tests.factories import link, register
from tests.outcomes.helpers import TODAY

GOALS = "/api/v1/me/goals"


def _goal(client: TestClient, headers: dict[str, str], url: str, **body: object) -> dict[str, Any]:
    answer = client.post(url, json=body, headers=headers)
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def test_the_current_goal_is_the_active_one_due_soonest(client: TestClient) -> None:
    patient = register(client)
    h = patient.headers
    undated = _goal(client, h, GOALS, text="Sit through a film")
    assert client.get(GOALS, headers=h).json()["current"]["id"] == undated["id"]
    later = (TODAY + timedelta(days=60)).isoformat()
    soon = (TODAY + timedelta(days=20)).isoformat()
    _goal(client, h, GOALS, text="Run 5 km", target_on=later)
    soonest = _goal(client, h, GOALS, text="Drive to my parents", target_on=soon)
    listed = client.get(GOALS, headers=h).json()
    assert listed["current"]["id"] == soonest["id"]
    assert [g["current"] for g in listed["goals"]].count(True) == 1
    met = client.patch(f"{GOALS}/{soonest['id']}", json={"status": "met"}, headers=h)
    assert met.status_code == 200 and met.json()["status_on"] == TODAY.isoformat()
    listed = client.get(GOALS, headers=h).json()
    assert listed["current"]["text"] == "Run 5 km"
    assert [g["status"] for g in listed["goals"]] == ["active", "active", "met"]
    cleared = client.patch(f"{GOALS}/{undated['id']}", json={"target_on": None}, headers=h)
    assert cleared.json()["target_on"] is None
    reopened = client.patch(f"{GOALS}/{soonest['id']}", json={"status": "active"}, headers=h)
    assert reopened.json()["status_on"] is None


def test_the_clinician_sets_goals_with_the_patient(client: TestClient) -> None:
    patient = register(client, display_name="Pia")
    clinician = register(client, "clinician", display_name="Dr Lund")
    link(client, patient, clinician)
    url = f"/api/v1/clinician/patients/{patient.id}/goals"
    goal = _goal(client, clinician.headers, url, text="Back to five-a-side")
    assert goal["set_by"] == "Dr Lund" and goal["set_by_role"] == "clinician"
    changed = client.patch(
        f"{GOALS}/{goal['id']}", json={"text": "Back to 5-a-side"}, headers=patient.headers
    )
    assert changed.json()["changed_by"] == "Pia" and changed.json()["set_by"] == "Dr Lund"
    assert client.get(url, headers=clinician.headers).json()["current"]["text"] == (
        "Back to 5-a-side"
    )
    actions = {
        e["action"]
        for e in client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    }
    assert {"goal_set", "goals_viewed"} <= actions


def test_goal_limits_and_someone_elses_goal(client: TestClient) -> None:
    patient, other = register(client), register(client)
    for n in range(10):
        _goal(client, patient.headers, GOALS, text=f"Goal number {n}")
    full = client.post(GOALS, json={"text": "One too many"}, headers=patient.headers)
    assert full.status_code == 409
    theirs = _goal(client, other.headers, GOALS, text="Their goal")
    answer = client.patch(
        f"{GOALS}/{theirs['id']}", json={"status": "met"}, headers=patient.headers
    )
    assert answer.status_code == 404
    far = (TODAY + timedelta(days=4 * 365)).isoformat()
    assert (
        client.post(
            GOALS, json={"text": "x" * 3, "target_on": far}, headers=other.headers
        ).status_code
        == 422
    )
    assert (
        client.patch(
            f"{GOALS}/{theirs['id']}", json={"status": None}, headers=other.headers
        ).status_code
        == 422
    )


def test_notes_are_private_to_their_author_until_shared(client: TestClient) -> None:
    patient = register(client)
    author = register(client, "clinician", display_name="Dr Lund")
    colleague = register(client, "clinician")
    link(client, patient, author)
    link(client, patient, colleague)
    url = f"/api/v1/clinician/patients/{patient.id}/notes"
    private = client.post(url, json={"text": "Worried about adherence"}, headers=author.headers)
    assert private.status_code == 201 and private.json()["shared"] is False
    shared = client.post(
        url,
        json={"text": "Keep sitting spells to 30 minutes", "shared": True},
        headers=author.headers,
    )
    assert shared.json()["shared_at"] is not None
    mine = client.get("/api/v1/me/notes", headers=patient.headers).json()["notes"]
    assert [(n["text"], n["written_by"]) for n in mine] == [
        ("Keep sitting spells to 30 minutes", "Dr Lund")
    ]
    assert client.get(url, headers=colleague.headers).json()["notes"] == []
    assert len(client.get(url, headers=author.headers).json()["notes"]) == 2
    note_id = private.json()["id"]
    assert (
        client.patch(
            f"{url}/{note_id}", json={"shared": True}, headers=colleague.headers
        ).status_code
        == 404
    )
    assert (
        client.patch(f"{url}/{note_id}", json={"shared": True}, headers=author.headers).json()[
            "shared"
        ]
        is True
    )
    assert len(client.get("/api/v1/me/notes", headers=patient.headers).json()["notes"]) == 2
    unshared = client.patch(f"{url}/{note_id}", json={"shared": False}, headers=author.headers)
    assert unshared.json()["shared_at"] is None
    assert len(client.get("/api/v1/me/notes", headers=patient.headers).json()["notes"]) == 1
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert {"note_written", "note_shared", "note_unshared", "notes_viewed"} <= {
        e["action"] for e in log
    }


def test_note_bodies_are_checked(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    url = f"/api/v1/clinician/patients/{patient.id}/notes"
    for body in ({"text": ""}, {"text": "x" * 4001}, {"text": "ok", "shared": "yes"}, {}):
        assert client.post(url, json=body, headers=clinician.headers).status_code == 422
