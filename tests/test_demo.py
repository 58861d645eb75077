"""The demo data `make run` loads: varied guidance, a full clinic, idempotent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.demo import (
    CLINICIAN_EMAIL,
    COACH_EMAIL,
    DEMO_PASSWORD,
    PATIENT_EMAIL,
    decision_counts,
    load_demo,
)
from app.models import ProgrammeVersion, User
from app.programme.prescriptions import limit_problems, with_custom
from app.programme.state import load_custom, load_state
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
    assert len(rows) == 9  # with Maja, in maintenance (app/demo/intake.py)
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
    # 5 tests, and the 7 of her assessment (the same model: app/demo/intake.py)
    assert six_weeks["check_ins"]["count"] == 6 and len(six_weeks["tests"]) == 12


def test_each_demo_patients_plan_fits_their_phase_and_karis_moves_with_her_guidance(
    client: TestClient, db_session: Session
) -> None:
    load_demo(db_session)
    patients = db_session.exec(select(User).where(User.role == "patient")).all()
    assert len(patients) == 9
    for patient in patients:
        token = sign_in(client, patient.email, DEMO_PASSWORD)["access_token"]
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
        state = load_state(db_session, patient.id)
        assert state is not None and state.phase == me["phase"], patient.display_name
        catalogue = with_custom(load_custom(db_session, patient.id))
        for component in state.current:
            assert limit_problems(state.rx(component), state.phase, catalogue) == []
    kari = next(p for p in patients if p.email == PATIENT_EMAIL)
    versions = db_session.exec(
        select(ProgrammeVersion).where(ProgrammeVersion.patient_id == kari.id)
    ).all()
    accepted = [v for v in versions if v.kind == "step_up" and v.made_by == "patient"]
    backed_off = [v for v in versions if v.kind == "back_off" and v.made_by == "guardrails"]
    assert len(accepted) >= 4 and len(backed_off) >= 1
    assert {v.reason for v in accepted} >= {"PR-1", "PR-4"}
    token = sign_in(client, PATIENT_EMAIL, DEMO_PASSWORD)["access_token"]
    history = client.get(
        "/api/v1/me/programme/history", headers={"Authorization": f"Bearer {token}"}
    ).json()["versions"]
    assert sum(v["kind"] == "step_up" for v in history) == len(accepted)
    new = next(p for p in patients if p.display_name.startswith("Eva"))  # just started
    eva = load_state(db_session, new.id)
    assert eva is not None and eva.phase == 1
    assert all(entry["kind"] == "default" for entry in eva.current.values())


def test_the_demo_has_each_impression_and_a_patient_in_maintenance(
    client: TestClient, db_session: Session
) -> None:
    load_demo(db_session)
    h = {
        "Authorization": f"Bearer {sign_in(client, CLINICIAN_EMAIL, DEMO_PASSWORD)['access_token']}"
    }
    rows = client.get("/api/v1/clinician/patients", headers=h).json()["patients"]
    by_name = {row["display_name"].split()[0]: row for row in rows}
    impressions = {}
    for name in ("Kari", "Jonas", "Sara"):
        page = client.get(
            f"/api/v1/clinician/patients/{by_name[name]['patient_id']}/assessments", headers=h
        ).json()
        assert page["intake"]["profile"] is not None and len(page["last"]["tests"]) == 7
        impressions[name] = page["last"]["impression"]
        assert "needs_assessment" not in by_name[name]["flags"]
    assert impressions == {"Kari": "tendon", "Jonas": "neural", "Sara": "mixed"}
    assert "needs_assessment" in by_name["Eva"]["flags"]
    maja = by_name["Maja"]
    assert maja["phase"] == 6
    assert not {"missing_logs", "maintenance_overdue"} & set(maja["flags"])
    maja_token = sign_in(client, "patient-maintenance@demo.loadline.app", DEMO_PASSWORD)
    mine = client.get(
        "/api/v1/me/maintenance-checks",
        headers={"Authorization": f"Bearer {maja_token['access_token']}"},
    ).json()
    rechecks = [c for c in mine["checks"] if c["kind"] == "recheck"]
    assert len(rechecks) == 3
    assert [c["suggest_step_back"] for c in rechecks] == [False, True, False]
    assert mine["in_maintenance"] and mine["see_clinician"] is None
