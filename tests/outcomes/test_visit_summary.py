"""The visit summary: since the last visit by default, aggregated per week (six weeks fit one
A4 page), every section present, the plan-changes section behind one function."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.models import User
from app.outcomes.notes import write_note
from app.outcomes.plan_changes import plan_changes_section
from app.sharing.service import linked_patient
from tests.factories import days_ago, link, put_log, register
from tests.outcomes.helpers import MONDAY, TODAY, check_in, set_activities


def _url(patient_id: str) -> str:
    return f"/api/v1/clinician/patients/{patient_id}/summary"


def test_six_weeks_in_one_page_of_weekly_rows(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    for n in range(41, -1, -1):
        fields = {"morning_pain": 3 if n > 20 else 2, "sitting_pain": 2}
        if n % 2 == 0:
            fields |= {"loading_pain": 2, "loading_stage": 1}
        if n == 30:
            fields["red_flags"] = ["night_rest_pain"]
        put_log(client, patient, days_ago(TODAY, n), **fields)
    (run,) = set_activities(client, patient, "Run 5 km")
    for weeks_ago in (3, 2, 1, 0):
        check_in(
            client,
            patient,
            confidence=4 + weeks_ago,
            scores={run["id"]: 5},
            answered_on=MONDAY - timedelta(weeks=weeks_ago),
        )
    base = f"/api/v1/clinician/patients/{patient.id}"
    strength = {
        "kind": "hamstring_isometric",
        "left": 240,
        "right": 300,
        "unit": "N",
        "side": "left",
    }
    client.post(f"{base}/tests", json=strength, headers=clinician.headers)
    client.post(f"{base}/goals", json={"text": "Sit through a film"}, headers=clinician.headers)
    answer = client.get(_url(patient.id), headers=clinician.headers)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    period = body["period"]
    assert period["basis"] == "last_six_weeks" and period["days"] == 42
    assert period["from"] == days_ago(TODAY, 41).isoformat() and period["to"] == TODAY.isoformat()
    assert len(body["weeks"]) in (6, 7)  # the ISO weeks the 42 days touch
    assert sum(w["days_logged"] for w in body["weeks"]) == 42 == body["logs"]["days_logged"]
    assert sum(w["red_flag_days"] for w in body["weeks"]) == 1
    assert body["decisions"]["decided"] == 42
    assert sum(body["decisions"][k] for k in ("progress", "hold", "back_off")) == 42
    assert body["episodes"]["started"][0]["flags"] == ["night_rest_pain"]
    assert body["check_ins"]["count"] == 4 and body["check_ins"]["change"]["confidence"] == -3
    assert body["weeks"][-1]["check_in"]["confidence"] == 4
    assert body["tests"][0]["symmetry_pct"] == 80.0
    assert body["goals"]["current"]["text"] == "Sit through a film"
    plan = body["plan_changes"]  # the default plan made at registration, and what moved it
    assert plan["total"] >= 1 and plan["by_kind"].get("default", 0) >= 1
    assert {c["kind"] for c in plan["changes"]} <= {
        "default",
        "step_up",
        "back_off",
        "clinician",
        "phase_change",
    }
    assert all(len(v) <= 12 for v in body.values() if isinstance(v, list))  # no daily rows
    assert len(json.dumps(body)) < 16_000
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert "summary_viewed" in {e["action"] for e in log}


def test_the_default_period_starts_at_the_last_visit(
    client: TestClient, db_session: Session
) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    put_log(client, patient, days_ago(TODAY, 1), morning_pain=2)
    doctor = db_session.get(User, uuid.UUID(clinician.id))
    assert doctor is not None
    linked = linked_patient(db_session, doctor, patient.id, "clinician")
    ten_days_ago = datetime.now(UTC) - timedelta(days=10)
    write_note(db_session, doctor, linked, "Visit: reviewed sitting", False, ten_days_ago)
    body = client.get(_url(patient.id), headers=clinician.headers).json()
    assert body["period"]["basis"] == "since_last_visit"
    assert body["period"]["from"] == ten_days_ago.date().isoformat()
    assert body["period"]["last_visit_on"] == ten_days_ago.date().isoformat()
    assert [n["text"] for n in body["notes"]] == ["Visit: reviewed sitting"]
    # Viewing it today does not make today the last visit (the period stays).
    again = client.get(_url(patient.id), headers=clinician.headers).json()
    assert again["period"]["from"] == ten_days_ago.date().isoformat()
    # Another clinician's visits are their own.
    other = register(client, "clinician")
    link(client, patient, other)
    theirs = client.get(_url(patient.id), headers=other.headers).json()
    assert theirs["period"]["basis"] == "last_six_weeks" and theirs["notes"] == []


def test_a_requested_period_is_checked(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    url, h = _url(patient.id), clinician.headers
    asked = {"from": days_ago(TODAY, 13).isoformat(), "to": TODAY.isoformat()}
    body = client.get(url, params=asked, headers=h).json()
    assert body["period"]["basis"] == "requested" and body["period"]["days"] == 14
    too_long = {"from": days_ago(TODAY, 200).isoformat()}
    assert client.get(url, params=too_long, headers=h).status_code == 422
    backwards = {"from": TODAY.isoformat(), "to": days_ago(TODAY, 1).isoformat()}
    assert client.get(url, params=backwards, headers=h).status_code == 422


@dataclass
class FakeChange:
    component: str
    kind: str
    made_by: str
    reason: str
    change: str | None
    created_at: datetime


def test_the_plan_changes_section_summarises_the_programme_history() -> None:
    at = datetime(2026, 11, 2, 9, tzinfo=UTC)
    history = [
        FakeChange("tendon", "step_up", "patient", "PR-1", "Bridge hold: 30 s -> 35 s", at),
        FakeChange(
            "tendon", "back_off", "guardrails", "PM-1", "back to 30 s", at + timedelta(days=3)
        ),
        FakeChange(
            "running", "clinician", "clinician", "clinician", "Jog 20 min", at + timedelta(days=5)
        ),
    ]
    section = plan_changes_section(history)
    assert section["total"] == 3
    assert section["by_kind"] == {"clinician": 1, "back_off": 1, "step_up": 1}
    assert section["by_component"] == {"running": 1, "tendon": 2}
    assert [c["kind"] for c in section["changes"]] == ["clinician", "back_off", "step_up"]
    many = [FakeChange("tendon", "step_up", "patient", "PR-1", None, at)] * 20
    assert len(plan_changes_section(many)["changes"]) == 8
