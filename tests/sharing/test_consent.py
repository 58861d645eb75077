"""Consent codes and links: one-time, 7 days, hashed, revocable at once, not guessable."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models import ShareCode
from tests.factories import link, register, share_code

API = "/api/v1"


def test_a_code_is_one_time_valid_7_days_and_stored_only_as_a_hash(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    created = share_code(client, patient, "clinician")
    expires = datetime.fromisoformat(created["expires_at"])
    assert timedelta(days=6, hours=23) < expires - datetime.now(UTC) <= timedelta(days=7)
    assert len(created["code"].replace("-", "")) == 12
    stored = db_session.exec(select(ShareCode)).all()
    assert created["code"] not in {row.code_hash for row in stored}
    clinician = register(client, "clinician")
    assert (
        client.post(
            f"{API}/links", json={"code": created["code"]}, headers=clinician.headers
        ).status_code
        == 201
    )
    other = register(client, "clinician")
    again = client.post(f"{API}/links", json={"code": created["code"]}, headers=other.headers)
    assert again.status_code == 404


def test_codes_are_read_forgivingly_lowercase_and_without_dashes(client: TestClient) -> None:
    patient, coach = register(client), register(client, "coach")
    code = share_code(client, patient, "coach")["code"]
    typed = code.replace("-", " ").lower()
    assert (
        client.post(f"{API}/links", json={"code": typed}, headers=coach.headers).status_code == 201
    )


def test_a_code_for_a_coach_cannot_be_redeemed_by_a_clinician(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    code = share_code(client, patient, "coach")["code"]
    answer = client.post(f"{API}/links", json={"code": code}, headers=clinician.headers)
    assert answer.status_code == 403
    coach = register(client, "coach")
    assert (
        client.post(f"{API}/links", json={"code": code}, headers=coach.headers).status_code == 201
    )


def test_an_expired_code_answers_404(client: TestClient, db_session: Session) -> None:
    patient, clinician = register(client), register(client, "clinician")
    code = share_code(client, patient, "clinician")
    row = db_session.get(ShareCode, uuid.UUID(code["id"]))
    assert row is not None
    row.expires_at = datetime.now(UTC) - timedelta(seconds=1)
    db_session.add(row)
    db_session.commit()
    assert (
        client.post(
            f"{API}/links", json={"code": code["code"]}, headers=clinician.headers
        ).status_code
        == 404
    )


def test_guessing_codes_is_rate_limited(client: TestClient) -> None:
    clinician = register(client, "clinician")
    answers = [
        client.post(
            f"{API}/links", json={"code": f"AAAA-BBBB-{i:04d}"}, headers=clinician.headers
        ).status_code
        for i in range(12)
    ]
    assert answers[:10] == [404] * 10
    assert answers[10:] == [429, 429]


def test_the_patient_lists_pending_codes_and_live_links_with_their_holders(
    client: TestClient,
) -> None:
    patient = register(client)
    clinician = register(client, "clinician", display_name="Dr Hamstring")
    link(client, patient, clinician)
    share_code(client, patient, "coach")
    shares = client.get(f"{API}/me/shares", headers=patient.headers).json()["shares"]
    kinds = sorted((s["kind"], s["scope"], s["status"], s["holder_name"]) for s in shares)
    assert kinds == [
        ("code", "coach", "pending", None),
        ("link", "clinician", "active", "Dr Hamstring"),
    ]


def test_revoking_a_link_takes_effect_on_the_very_next_request(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link_id = link(client, patient, clinician)
    url = f"{API}/clinician/patients/{patient.id}"
    assert client.get(url, headers=clinician.headers).status_code == 200
    assert client.delete(f"{API}/me/shares/{link_id}", headers=patient.headers).status_code == 204
    assert client.get(url, headers=clinician.headers).status_code == 404
    rows = client.get(f"{API}/clinician/patients", headers=clinician.headers).json()["patients"]
    assert rows == []
    assert client.delete(f"{API}/me/shares/{link_id}", headers=patient.headers).status_code == 404


def test_revoking_a_pending_code_makes_it_unredeemable(client: TestClient) -> None:
    patient, coach = register(client), register(client, "coach")
    code = share_code(client, patient, "coach")
    assert (
        client.delete(f"{API}/me/shares/{code['id']}", headers=patient.headers).status_code == 204
    )
    assert (
        client.post(f"{API}/links", json={"code": code["code"]}, headers=coach.headers).status_code
        == 404
    )


def test_a_patient_cannot_revoke_another_patients_share(client: TestClient) -> None:
    alice, mallory, clinician = register(client), register(client), register(client, "clinician")
    link_id = link(client, alice, clinician)
    assert client.delete(f"{API}/me/shares/{link_id}", headers=mallory.headers).status_code == 404
    assert (
        client.get(f"{API}/clinician/patients/{alice.id}", headers=clinician.headers).status_code
        == 200
    )


def test_linking_twice_to_the_same_patient_is_a_conflict(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    code = share_code(client, patient, "clinician")["code"]
    assert (
        client.post(f"{API}/links", json={"code": code}, headers=clinician.headers).status_code
        == 409
    )
