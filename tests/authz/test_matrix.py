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
    return World(accounts, p.id)


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
]
CLINICIAN_RECORD = [
    ("GET", "/api/v1/clinician/patients/{pid}"),
    ("GET", "/api/v1/clinician/patients/{pid}/logs"),
    ("PATCH", "/api/v1/clinician/patients/{pid}"),
]
CLEARANCES = "/api/v1/clinician/patients/{pid}/clearances"
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
    f"{PLAN}/sitting": {"minutes": 40},
    f"{PLAN}/exercises": {"name": "Wall press", "stage": 1, "dosing": "hold"},
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
    # A red-flag check: the linked clinician reaches it (P has no open episode: 409).
    + [("C", "POST", CLEARANCES, 409)]
    + [(who, "POST", CLEARANCES, 404) for who in ("R", "N")]
    + [(who, "POST", CLEARANCES, 403) for who in ("P", "Q", "K", "KN")]
    # The plan: the patient's own (an unknown proposal is 404), a linked clinician's editor.
    + [("P", "GET", "/api/v1/me/programme", 200), ("Q", "GET", "/api/v1/me/programme", 200)]
    + [("P", "GET", "/api/v1/me/programme/history", 200)]
    + [("P", "POST", f"/api/v1/me/programme/proposals/{NO_SUCH}/accept", 404)]
    + [("C", m, p, code) for m, p, code in CLINICIAN_PLAN]
    + [(who, m, p, 404) for who in ("R", "N") for m, p, _ in CLINICIAN_PLAN]
    + [(who, m, p, 403) for who in ("P", "Q", "K", "KN") for m, p, _ in CLINICIAN_PLAN]
    + [(who, "GET", "/api/v1/programme/library", 200) for who in ("P", "C", "K")]
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
    url = path.format(pid=world.patient_id)
    body = BODIES.get(path, BODIES.get(method))
    answer = client.request(method, url, json=body, headers=account.headers)
    assert answer.status_code == expected, answer.text
    if expected != 200:
        assert "Patient P" not in answer.text and "private note" not in answer.text


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
