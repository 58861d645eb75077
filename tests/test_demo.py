"""The demo data `make run` loads: varied guidance, a full clinic, idempotent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

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


def _criteria(items: list[dict[str, object]]) -> dict[object, dict[str, object]]:
    return {c["id"]: c for c in items}


def test_the_demo_outcomes_fit_each_story(client: TestClient, db_session: Session) -> None:
    load_demo(db_session)
    clinician = sign_in(client, CLINICIAN_EMAIL, DEMO_PASSWORD)["access_token"]
    h = {"Authorization": f"Bearer {clinician}"}
    rows = client.get("/api/v1/clinician/patients", headers=h).json()["patients"]
    by_name = {row["display_name"].split()[0]: row for row in rows}
    assert by_name["Kari"]["latest_confidence"] == 6
    assert "check_in_overdue" in by_name["Per"]["flags"]
    assert "check_in_overdue" not in by_name["Eva"]["flags"]  # started 3 days ago
    base = "/api/v1/clinician/patients/{}".format

    # Ingrid is ready for her phase review: every phase-1 criterion met.
    ingrid = client.get(base(by_name["Ingrid"]["patient_id"]) + "/phase", headers=h).json()
    assert ingrid["phase"] == 1 and ingrid["criteria"]["all_met"] is True
    assert "phase_ready" in by_name["Ingrid"]["flags"]

    # Anders is in phase 5 with strength at 85%: not ready for return to sport.
    anders = client.get(base(by_name["Anders"]["patient_id"]) + "/return-to-sport", headers=h)
    review = anders.json()
    assert review["phase"] == 5 and review["all_met"] is False
    criteria = _criteria(review["criteria"])
    assert criteria["strength_symmetry"]["value"] == 85.0
    assert criteria["strength_symmetry"]["met"] is False
    assert criteria["pain_stable_14d"]["met"] is True
    assert criteria["sprint_without_back_off"]["met"] is True
    assert criteria["confidence_and_fear"]["met"] is True
    assert criteria["goals_met"]["met"] is False  # the full match is still ahead

    # Kari: six weekly check-ins, strength symmetry from 70% to 82%, one goal met, and a visit
    # (a note) three weeks ago that the summary starts from.
    kari = base(by_name["Kari"]["patient_id"])
    check_ins = client.get(kari + "/check-ins", headers=h).json()
    assert len(check_ins["check_ins"]) == 6
    assert check_ins["trends"]["confidence"]["direction"] == "improving"
    assert check_ins["trends"]["fear"]["direction"] == "improving"
    strength = client.get(kari + "/tests?kind=hamstring_isometric", headers=h).json()["tests"]
    assert [t["symmetry_pct"] for t in strength] == [82.0, 70.0]
    goals = client.get(kari + "/goals", headers=h).json()
    assert goals["current"]["text"] == "Run 5 km easy"
    assert [g["status"] for g in goals["goals"]] == ["active", "met"]
    summary = client.get(kari + "/summary", headers=h).json()
    assert summary["period"]["basis"] == "since_last_visit" and summary["period"]["days"] == 22
    start = (datetime.now(UTC).date() - timedelta(days=41)).isoformat()
    six_weeks = client.get(kari + "/summary", params={"from": start}, headers=h).json()
    assert six_weeks["logs"]["days_logged"] == 40 and len(six_weeks["weeks"]) <= 7
    assert six_weeks["check_ins"]["count"] == 6 and len(six_weeks["tests"]) == 5
