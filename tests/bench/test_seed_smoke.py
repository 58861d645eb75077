"""The benchmarks' seeder still runs against the app: 2 patients x 7 days, into the test database.

bench/seed.py goes through the app's public use cases only; this fails as soon as one of them
moves or changes shape (mypy checks bench/ too), instead of on the next benchmark run.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import col, func, select

from app.core.security import hash_password
from app.models import DailyLog, DecisionRecord, LogRevision, PatientStatus
from bench.common import PASSWORD
from bench.seed import link, register, seed_patient, sign_in

DAYS = 7


def _count(db_session: Any, model: Any, patient_id: str) -> int:
    query = (
        select(func.count())
        .select_from(model)
        .where(col(model.patient_id) == uuid.UUID(patient_id))
    )
    return int(db_session.exec(query).one())


def test_the_seeder_seeds_two_patients_for_a_week_and_links_them(
    db_session: Any, client: TestClient
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    password_hash = hash_password(PASSWORD)
    clinician = register(
        db_session, "clinician@bench.example.org", "C", "clinician", now, password_hash
    )
    seeded = [
        seed_patient(db_session, index, DAYS, 1, now, clinician.id, password_hash)
        for index in range(2)
    ]
    for row in seeded:
        link(db_session, row["id"], clinician, "clinician", now)
    clinician_token = sign_in(db_session, clinician.id, now)

    for row in seeded:
        assert 1 <= row["logs"] <= DAYS
        assert _count(db_session, DailyLog, row["id"]) == row["logs"]
        assert _count(db_session, LogRevision, row["id"]) == row["logs"]
        # every day from the first to today is decided (today's guidance included)
        assert _count(db_session, DecisionRecord, row["id"]) >= DAYS
        status = db_session.get(PatientStatus, uuid.UUID(row["id"]))
        assert status is not None and status.last_log_date is not None
        first = datetime.fromisoformat(row["first_day"]).date()
        assert first == datetime.fromisoformat(row["today"]).date() - timedelta(days=DAYS - 1)
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {row['token']}"})
        assert me.status_code == 200 and me.json()["timezone"] == row["timezone"]

    dashboard = client.get(
        "/api/v1/clinician/patients", headers={"Authorization": f"Bearer {clinician_token}"}
    )
    assert dashboard.status_code == 200
    assert {p["patient_id"] for p in dashboard.json()["patients"]} == {r["id"] for r in seeded}
