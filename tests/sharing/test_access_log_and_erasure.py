"""The access log the patient sees, its hash chain, and what erasing an account removes."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.service import verify_chain
from app.models import AccessLogEntry, CareLink, DailyLog, DecisionRecord, LogRevision, ShareCode
from tests.factories import link, put_log, register, share_code

TODAY = datetime.now(UTC).date()


def actions(client: TestClient, patient: object) -> list[tuple[str, str | None]]:
    entries = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]  # type: ignore[attr-defined]
    return [(e["action"], e["actor_name"]) for e in entries]


def test_reads_exports_and_changes_by_others_appear_in_the_patients_access_log(
    client: TestClient,
) -> None:
    patient = register(client)
    clinician = register(client, "clinician", display_name="Dr Gray")
    coach = register(client, "coach", display_name="Coach Lee")
    put_log(client, patient, TODAY, morning_pain=2)
    link(client, patient, clinician)
    link(client, patient, coach)
    client.get("/api/v1/clinician/patients", headers=clinician.headers)
    client.get("/api/v1/clinician/patients", headers=clinician.headers)  # same day: logged once
    client.get(f"/api/v1/clinician/patients/{patient.id}", headers=clinician.headers)
    client.get(f"/api/v1/clinician/patients/{patient.id}/logs", headers=clinician.headers)
    client.patch(
        f"/api/v1/clinician/patients/{patient.id}", json={"phase": 2}, headers=clinician.headers
    )
    client.get("/api/v1/coach/athletes", headers=coach.headers)
    seen = actions(client, patient)
    assert seen[:7] == [
        ("readiness_viewed", "Coach Lee"),
        ("settings_viewed", "Dr Gray"),  # the PATCH answers with the settings: a read
        ("phase_changed", "Dr Gray"),
        ("logs_viewed", "Dr Gray"),
        ("record_viewed", "Dr Gray"),
        ("dashboard_viewed", "Dr Gray"),
        ("link_created", "Coach Lee"),
    ]
    assert seen.count(("dashboard_viewed", "Dr Gray")) == 1


def test_the_access_log_is_a_verifiable_hash_chain_that_detects_tampering(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    client.get(f"/api/v1/clinician/patients/{patient.id}", headers=clinician.headers)
    report = verify_chain(db_session)
    assert report.first_broken_id is None and report.entries >= 3
    entry = db_session.exec(select(AccessLogEntry).order_by(AccessLogEntry.id)).all()[1]  # type: ignore[arg-type]
    entry.action = "nothing_to_see"
    db_session.add(entry)
    db_session.flush()
    assert verify_chain(db_session).first_broken_id == entry.id


def test_erasing_a_patient_removes_logs_decisions_shares_and_links_and_anonymises_the_log(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = register(client), register(client, "clinician", display_name="Dr Gray")
    put_log(client, patient, TODAY, morning_pain=2, notes="private")
    link(client, patient, clinician)
    share_code(client, patient, "coach")
    client.get(f"/api/v1/clinician/patients/{patient.id}", headers=clinician.headers)
    pid = uuid.UUID(patient.id)
    assert client.delete("/api/v1/me", headers=patient.headers).status_code == 204
    for model in (DailyLog, DecisionRecord, LogRevision, ShareCode):
        assert db_session.exec(select(model).where(model.patient_id == pid)).all() == []  # type: ignore[attr-defined]
    assert db_session.exec(select(CareLink).where(CareLink.patient_id == pid)).all() == []
    assert (
        db_session.exec(select(AccessLogEntry).where(AccessLogEntry.patient_id == pid)).all() == []
    )
    assert db_session.exec(select(AccessLogEntry).where(AccessLogEntry.actor_id == pid)).all() == []
    assert verify_chain(db_session).first_broken_id is None  # the chain survives erasure
    assert (
        client.get("/api/v1/clinician/patients", headers=clinician.headers).json()["patients"] == []
    )
