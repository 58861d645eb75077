"""Authorisation matrix: every endpoint, for each role and relationship to the patient.

World: patient P shares with clinician C (clinician scope) and coach K (coach scope); clinician
R was linked and then revoked; clinician N and coach KN were never linked; patient Q is another
patient. A record outside the caller's reach answers 404; a role that can never use an endpoint
answers 403; nobody learns anything about P without a live link of the matching scope.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.factories import Account, link, put_log, register

TODAY = datetime.now(UTC).date().isoformat()
NO_SUCH = "00000000-0000-0000-0000-000000000000"


@dataclass
class World:
    accounts: dict[str, Account]
    patient_id: str
    goal_id: str = ""
    note_id: str = ""


@pytest.fixture
def world(client: TestClient) -> World:
    accounts = {
        "P": register(client, display_name="Patient P"),
        "Q": register(client, display_name="Patient Q"),
        "C": register(client, "clinician"),
        "R": register(client, "clinician"),
        "N": register(client, "clinician"),
        "K": register(client, "coach"),
        "KN": register(client, "coach"),
    }
    p = accounts["P"]
    put_log(client, p, datetime.now(UTC).date(), morning_pain=4, notes="P's private note")
    link(client, p, accounts["C"])
    link(client, p, accounts["K"])
    revoked = link(client, p, accounts["R"])
    assert client.delete(f"/api/v1/me/shares/{revoked}", headers=p.headers).status_code == 204
    goal = client.post("/api/v1/me/goals", json={"text": "P's private goal"}, headers=p.headers)
    notes = f"/api/v1/clinician/patients/{p.id}/notes"
    note = client.post(notes, json={"text": "P's private note"}, headers=accounts["C"].headers)
    return World(accounts, p.id, goal.json()["id"], note.json()["id"])


PATIENT_ENDPOINTS = [
    ("GET", "/api/v1/me/logs"),
    ("GET", f"/api/v1/me/logs/{TODAY}"),
    ("PUT", f"/api/v1/me/logs/{TODAY}"),
    ("DELETE", f"/api/v1/me/logs/{TODAY}"),
    ("GET", "/api/v1/me/guidance"),
    ("GET", "/api/v1/me/export"),
    ("GET", "/api/v1/me/shares"),
    ("POST", "/api/v1/me/shares"),
    ("GET", "/api/v1/me/access-log"),
    ("GET", "/api/v1/me/programme"),
    ("GET", "/api/v1/me/programme/history"),
    ("POST", f"/api/v1/me/programme/proposals/{NO_SUCH}/accept"),
    ("POST", f"/api/v1/me/programme/proposals/{NO_SUCH}/decline"),
    ("GET", "/api/v1/me/check-ins"),
    ("POST", "/api/v1/me/check-ins"),
    ("PUT", "/api/v1/me/check-ins/activities"),
    ("GET", "/api/v1/me/check-ins/export"),
    ("GET", "/api/v1/me/tests"),
    ("POST", "/api/v1/me/tests"),
    ("GET", "/api/v1/me/goals"),
    ("POST", "/api/v1/me/goals"),
    ("PATCH", "/api/v1/me/goals/{goal}"),
    ("GET", "/api/v1/me/notes"),
    ("GET", "/api/v1/me/phase"),
    ("GET", "/api/v1/me/intake"),
    ("PUT", "/api/v1/me/intake"),
    ("GET", "/api/v1/me/maintenance-checks"),
    ("POST", "/api/v1/me/maintenance-checks"),
]
# Outcomes of a patient, read and written by a linked clinician (issue 15), with the answer
# the linked clinician C gets (P is in phase 1: the return-to-sport confirmation is 409).
OUTCOMES = "/api/v1/clinician/patients/{pid}"
CLINICIAN_OUTCOMES = [
    ("GET", OUTCOMES + "/check-ins", 200),
    ("GET", OUTCOMES + "/tests", 200),
    ("POST", OUTCOMES + "/tests", 201),
    ("GET", OUTCOMES + "/goals", 200),
    ("POST", OUTCOMES + "/goals", 201),
    ("PATCH", OUTCOMES + "/goals/{goal}", 200),
    ("GET", OUTCOMES + "/notes", 200),
    ("POST", OUTCOMES + "/notes", 201),
    ("PATCH", OUTCOMES + "/notes/{note}", 200),
    ("GET", OUTCOMES + "/phase", 200),
    ("GET", OUTCOMES + "/return-to-sport", 200),
    ("POST", OUTCOMES + "/return-to-sport/confirmations", 409),
    ("GET", OUTCOMES + "/summary", 200),
    ("GET", OUTCOMES + "/assessments", 200),
    ("POST", OUTCOMES + "/assessments", 201),
]
CLINICIAN_RECORD = [
    ("GET", "/api/v1/clinician/patients/{pid}"),
    ("GET", "/api/v1/clinician/patients/{pid}/logs"),
    ("PATCH", "/api/v1/clinician/patients/{pid}"),
]
CLEARANCES = "/api/v1/clinician/patients/{pid}/clearances"
REFERRALS = "/api/v1/clinician/referrals"
STRENGTH = {"kind": "hamstring_isometric", "left": 250, "right": 300, "unit": "N"}
PLAN = "/api/v1/clinician/patients/{pid}/programme"
CLINICIAN_PLAN = [
    ("GET", PLAN, 200),
    ("GET", f"{PLAN}/history", 200),
    ("PUT", f"{PLAN}/sitting", 200),
    ("PUT", f"{PLAN}/tendon/lock", 200),
    ("DELETE", f"{PLAN}/tendon/lock", 200),
    ("GET", f"{PLAN}/exercises", 200),
    ("POST", f"{PLAN}/exercises", 201),
]
BODIES: dict[str, Any] = {
    "PUT": {"morning_pain": 1},
    "POST": {"scope": "coach"},
    "PATCH": {"phase": 2},
    CLEARANCES: {"checked_on": TODAY},
    "/api/v1/me/check-ins": {"confidence": 6, "fear": 4, "global_change": "better"},
    "/api/v1/me/check-ins/activities": {"activities": ["Run 5 km"]},
    "/api/v1/me/tests": {"kind": "single_leg_bridge", "left": 20, "right": 25, "unit": "reps"},
    "/api/v1/me/goals": {"text": "Run 5 km"},
    "/api/v1/me/goals/{goal}": {"status": "met"},
    OUTCOMES + "/tests": STRENGTH,
    OUTCOMES + "/goals": {"text": "Back to football"},
    OUTCOMES + "/goals/{goal}": {"text": "Back to five-a-side"},
    OUTCOMES + "/notes": {"text": "Seen today"},
    OUTCOMES + "/notes/{note}": {"shared": True},
    OUTCOMES + "/return-to-sport/confirmations": {"note": "Not yet"},
    f"{PLAN}/sitting": {"minutes": 40},
    f"{PLAN}/tendon/lock": {"reason": "I manage the loading myself for now"},
    f"{PLAN}/exercises": {"name": "Wall press", "stage": 1, "dosing": "hold"},
    OUTCOMES + "/assessments": {"impression": "mixed", "confirmed": True},
    "/api/v1/me/intake": {
        "pain_duration": "over_12_months",
        "provocation": {
            "sitting": 5,
            "stairs_hills": 2,
            "fast_running": 3,
            "deep_hip_flexion": 2,
            "hamstring_stretch": 4,
        },
        "nerve": {"tingling": True, "slump_brings_on": True},
    },
    "/api/v1/me/maintenance-checks": {
        "pain_week": 1,
        "sitting_minutes": 60,
        "home_programme": "partly",
        "flare": False,
    },
}

MATRIX = (
    # Patient-only endpoints: other roles are refused by role.
    [(who, m, p, 403) for who in ("C", "K") for m, p in PATIENT_ENDPOINTS]
    # Clinician record endpoints, by relationship.
    + [("C", m, p, 200) for m, p in CLINICIAN_RECORD]
    + [(who, m, p, 404) for who in ("R", "N") for m, p in CLINICIAN_RECORD]
    + [(who, m, p, 403) for who in ("P", "Q", "K", "KN") for m, p in CLINICIAN_RECORD]
    # Lists: allowed to the role, refused to others.
    + [(who, "GET", "/api/v1/clinician/patients", 200) for who in ("C", "R", "N")]
    + [(who, "GET", "/api/v1/clinician/patients", 403) for who in ("P", "K")]
    + [(who, "GET", "/api/v1/coach/athletes", 200) for who in ("K", "KN")]
    + [(who, "GET", "/api/v1/coach/athletes", 403) for who in ("P", "C")]
    + [(who, "GET", REFERRALS, 200) for who in ("C", "R", "N")]
    + [(who, "GET", REFERRALS, 403) for who in ("P", "Q", "K", "KN")]
    # A red-flag check: the linked clinician reaches it (P has no open episode: 409).
    + [("C", "POST", CLEARANCES, 409)]
    + [(who, "POST", CLEARANCES, 404) for who in ("R", "N")]
    + [(who, "POST", CLEARANCES, 403) for who in ("P", "Q", "K", "KN")]
    # Outcomes: the linked clinician only; revoked and never-linked clinicians learn nothing
    # (404); patients and coaches, linked or not, are refused by role (403).
    + [("C", m, p, code) for m, p, code in CLINICIAN_OUTCOMES]
    + [(who, m, p, 404) for who in ("R", "N") for m, p, _ in CLINICIAN_OUTCOMES]
    + [(who, m, p, 403) for who in ("P", "Q", "K", "KN") for m, p, _ in CLINICIAN_OUTCOMES]
    # The plan: the patient's own (an unknown proposal is 404), a linked clinician's editor.
    + [("P", "GET", "/api/v1/me/programme", 200), ("Q", "GET", "/api/v1/me/programme", 200)]
    + [("P", "GET", "/api/v1/me/programme/history", 200)]
    + [("P", "POST", f"/api/v1/me/programme/proposals/{NO_SUCH}/accept", 404)]
    + [("C", m, p, code) for m, p, code in CLINICIAN_PLAN]
    + [(who, m, p, 404) for who in ("R", "N") for m, p, _ in CLINICIAN_PLAN]
    + [(who, m, p, 403) for who in ("P", "Q", "K", "KN") for m, p, _ in CLINICIAN_PLAN]
    + [(who, "GET", "/api/v1/programme/library", 200) for who in ("P", "C", "K")]
    # The intake and maintenance checks: the patient's own (P is in phase 1: a check is 409).
    + [(who, "GET", "/api/v1/me/intake", 200) for who in ("P", "Q")]
    + [("P", "PUT", "/api/v1/me/intake", 200), ("Q", "GET", "/api/v1/me/maintenance-checks", 200)]
    + [("P", "POST", "/api/v1/me/maintenance-checks", 409)]
)


@pytest.mark.parametrize(
    ("who", "method", "path", "expected"),
    MATRIX,
    ids=[f"{w}-{m}-{p.replace('/api/v1/', '')}" for w, m, p, _ in MATRIX],
)
def test_access_matrix(
    client: TestClient, world: World, who: str, method: str, path: str, expected: int
) -> None:
    account = world.accounts[who]
    url = path.format(pid=world.patient_id, goal=world.goal_id, note=world.note_id)
    body = BODIES.get(path, BODIES.get(method))
    answer = client.request(method, url, json=body, headers=account.headers)
    assert answer.status_code == expected, answer.text
    if expected not in (200, 201):
        assert "Patient P" not in answer.text and "private note" not in answer.text
        assert "private goal" not in answer.text


def test_an_unknown_or_malformed_patient_id_is_indistinguishable_from_an_unlinked_one(
    client: TestClient, world: World
) -> None:
    clinician = world.accounts["C"]
    for pid in ("00000000-0000-0000-0000-000000000000", "not-a-uuid", world.accounts["Q"].id):
        answer = client.get(f"/api/v1/clinician/patients/{pid}", headers=clinician.headers)
        assert answer.status_code == 404
        assert answer.json()["detail"] == "No such patient."


def test_lists_show_a_patient_only_through_a_live_link_of_the_matching_scope(
    client: TestClient, world: World
) -> None:
    def ids(who: str, path: str, key: str, field: str) -> list[str]:
        body = client.get(path, headers=world.accounts[who].headers).json()
        return [row[field] for row in body[key]]

    clinician_list = ("/api/v1/clinician/patients", "patients", "patient_id")
    coach_list = ("/api/v1/coach/athletes", "athletes", "athlete_id")
    assert ids("C", *clinician_list) == [world.patient_id]
    assert ids("R", *clinician_list) == [] and ids("N", *clinician_list) == []
    assert ids("K", *coach_list) == [world.patient_id]
    assert ids("KN", *coach_list) == []


def test_the_coach_cannot_reach_the_clinical_record_even_when_linked(
    client: TestClient, world: World
) -> None:
    coach = world.accounts["K"]
    for method, path in CLINICIAN_RECORD:
        answer = client.request(
            method,
            path.format(pid=world.patient_id),
            json=BODIES.get(method),
            headers=coach.headers,
        )
        assert answer.status_code == 403
        assert "private note" not in answer.text


def test_the_referral_queue_shows_and_acknowledges_only_live_linked_patients(
    client: TestClient, world: World
) -> None:
    p = world.accounts["P"]
    put_log(client, p, datetime.now(UTC).date(), red_flags=["new_weakness"])
    linked = client.get(REFERRALS, headers=world.accounts["C"].headers).json()["items"]
    assert [(i["patient_id"], i["level"]) for i in linked] == [(world.patient_id, "urgent")]
    item = linked[0]["id"]
    for who in ("R", "N"):  # revoked, never linked: the item is not theirs to see
        assert client.get(REFERRALS, headers=world.accounts[who].headers).json()["items"] == []
        refused = client.post(
            f"{REFERRALS}/{item}/acknowledge", headers=world.accounts[who].headers
        )
        assert refused.status_code == 404 and "Patient P" not in refused.text
    for who in ("P", "Q", "K", "KN"):
        refused = client.post(
            f"{REFERRALS}/{item}/acknowledge", headers=world.accounts[who].headers
        )
        assert refused.status_code == 403
    unknown = client.post(
        f"{REFERRALS}/00000000-0000-0000-0000-000000000000/acknowledge",
        headers=world.accounts["C"].headers,
    )
    assert unknown.status_code == 404
    done = client.post(f"{REFERRALS}/{item}/acknowledge", headers=world.accounts["C"].headers)
    assert done.status_code == 201


def test_a_patient_cannot_reach_another_patients_goal(client: TestClient, world: World) -> None:
    other = world.accounts["Q"]
    url = f"/api/v1/me/goals/{world.goal_id}"
    answer = client.patch(url, json={"status": "dropped"}, headers=other.headers)
    assert answer.status_code == 404 and "private goal" not in answer.text
    mine = client.get("/api/v1/me/goals", headers=other.headers).json()
    assert mine["goals"] == [] and mine["current"] is None


def test_the_coach_sees_no_outcome_at_all(client: TestClient, world: World) -> None:
    patient, coach = world.accounts["P"], world.accounts["K"]
    run = client.put(
        "/api/v1/me/check-ins/activities",
        json={"activities": ["Run 5 km"]},
        headers=patient.headers,
    ).json()["activities"][0]
    body = {
        "confidence": 3,
        "fear": 9,
        "global_change": "much_worse",
        "activities": [{"activity_id": run["id"], "score": 1}],
    }
    assert (
        client.post("/api/v1/me/check-ins", json=body, headers=patient.headers).status_code == 201
    )
    base = f"/api/v1/clinician/patients/{patient.id}"
    client.post(f"{base}/tests", json=STRENGTH, headers=world.accounts["C"].headers)
    athletes = client.get("/api/v1/coach/athletes", headers=coach.headers)
    assert athletes.status_code == 200
    (row,) = athletes.json()["athletes"]
    assert set(row) == {"athlete_id", "display_name", "readiness", "restrictions", "as_of"}
    for word in ("confidence", "fear", "much_worse", "Run 5 km", "goal", "symmetry", "hamstring_"):
        assert word not in athletes.text
    for method, path, _ in CLINICIAN_OUTCOMES:
        url = path.format(pid=patient.id, goal=world.goal_id, note=world.note_id)
        answer = client.request(method, url, json=BODIES.get(path), headers=coach.headers)
        assert answer.status_code == 403
        assert "private" not in answer.text and "Run 5 km" not in answer.text
    for path in (
        "/api/v1/me/check-ins",
        "/api/v1/me/goals",
        "/api/v1/me/tests",
        "/api/v1/me/phase",
    ):
        assert client.get(path, headers=coach.headers).status_code == 403


def test_every_outcome_read_by_a_clinician_is_in_the_patients_access_log(
    client: TestClient, world: World
) -> None:
    clinician, patient = world.accounts["C"], world.accounts["P"]
    reads = [p for m, p, _ in CLINICIAN_OUTCOMES if m == "GET"]
    for path in reads:
        url = path.format(pid=patient.id)
        assert client.get(url, headers=clinician.headers).status_code == 200
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    actions = {e["action"] for e in log if e["actor_role"] == "clinician"}
    assert {
        "check_ins_viewed",
        "tests_viewed",
        "goals_viewed",
        "notes_viewed",
        "phase_page_viewed",
        "rts_review_viewed",
        "summary_viewed",
    } <= actions


def test_an_intake_is_read_only_by_its_patient_and_linked_clinician(
    client: TestClient, world: World
) -> None:
    p, q = world.accounts["P"], world.accounts["Q"]
    body = BODIES["/api/v1/me/intake"] | {"sport": "Patient P's secret sport"}
    assert client.put("/api/v1/me/intake", json=body, headers=p.headers).status_code == 200
    assert client.get("/api/v1/me/intake", headers=q.headers).json()["answers"] is None
    url = f"/api/v1/clinician/patients/{world.patient_id}/assessments"
    seen = client.get(url, headers=world.accounts["C"].headers).json()
    assert seen["intake"]["answers"]["sport"] == "Patient P's secret sport"
    for who, code in (("R", 404), ("N", 404), ("K", 403), ("KN", 403)):
        answer = client.get(url, headers=world.accounts[who].headers)
        assert answer.status_code == code and "secret sport" not in answer.text
    coach = client.get("/api/v1/coach/athletes", headers=world.accounts["K"].headers)
    assert "secret sport" not in coach.text and "needs_assessment" not in coach.text
