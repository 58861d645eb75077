"""The patient's access log answers "who looked at your data": a clinician's or coach's reads,
exports and changes, never the patient's own actions (creating or revoking a code or a link),
which stay in the hash chain."""

from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.models import AccessLogEntry
from tests.factories import link, register, share_code

API = "/api/v1"


def test_the_patients_own_code_and_revoke_actions_are_not_listed_but_stay_in_the_chain(
    client: TestClient, db_session: Session
) -> None:
    patient = register(client)
    clinician = register(client, "clinician", display_name="Dr Gray")
    share_code(client, patient, "coach")
    share_code(client, patient, "coach")
    link_id = link(client, patient, clinician)
    client.get(f"{API}/clinician/patients/{patient.id}", headers=clinician.headers)
    revoked = client.delete(f"{API}/me/shares/{link_id}", headers=patient.headers)
    assert revoked.status_code == 204, revoked.text

    answer = client.get(f"{API}/me/access-log", headers=patient.headers)
    assert answer.status_code == 200, answer.text
    listed = answer.json()["entries"]
    assert listed, "the clinician's link and read must be listed"
    assert {e["actor_id"] for e in listed} == {str(clinician.id)}
    assert [e["action"] for e in listed] == ["record_viewed", "link_created"]

    stored = db_session.exec(
        select(AccessLogEntry.action).where(AccessLogEntry.actor_id == uuid.UUID(patient.id))
    ).all()
    assert "code_created" in stored and "link_revoked" in stored
