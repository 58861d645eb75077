"""The demo data `make run` loads: varied guidance, a full clinic, idempotent."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import (
    CLINICIAN_EMAIL,
    COACH_EMAIL,
    DEMO_PASSWORD,
    PATIENT_EMAIL,
    decision_counts,
    load_demo,
)
from tests.factories import sign_in


def test_the_demo_clinic_shows_every_kind_of_guidance(
    client: TestClient, db_session: Session
) -> None:
    load_demo(db_session)
    load_demo(db_session)  # a second run changes nothing
    counts = decision_counts(db_session, PATIENT_EMAIL)
    assert counts["progress"] and counts["hold"] and counts["back_off"]
    assert any(key.startswith("referral:") for key in counts)
    assert counts["rule:GA-1"] and counts["rule:PR-0"]  # Kari's weeks show both 2026.12 gates
    clinician = sign_in(client, CLINICIAN_EMAIL, DEMO_PASSWORD)["access_token"]
    rows = client.get(
        "/api/v1/clinician/patients", headers={"Authorization": f"Bearer {clinician}"}
    ).json()["patients"]
    assert len(rows) == 8
    flags = {flag for row in rows for flag in row["flags"]}
    assert {"referral", "missing_logs", "phase_ready", "back_off_streak", "open_episode"} <= flags
    assert "open_episode" in rows[0]["flags"]  # an unchecked red flag tops the list
    assert rows[0]["open_episodes"][0]["flags"] == ["new_weakness"]
    coach = sign_in(client, COACH_EMAIL, DEMO_PASSWORD)["access_token"]
    athletes = client.get(
        "/api/v1/coach/athletes", headers={"Authorization": f"Bearer {coach}"}
    ).json()["athletes"]
    assert len(athletes) == 3
    assert len({a["readiness"] for a in athletes}) >= 2
