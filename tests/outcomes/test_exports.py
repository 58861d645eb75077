"""Check-ins export like the logs (JSON, CSV, FHIR), and the whole record includes outcomes."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle

from tests.factories import Account, link, put_log, register
from tests.outcomes.helpers import MONDAY, TODAY, check_in, set_activities

API = "/api/v1/me/check-ins/export"


def _patient_with_check_ins(client: TestClient) -> tuple[Account, dict[str, str]]:
    patient = register(client)
    film, run = set_activities(client, patient, "=Sit through a film", "Run 5 km")
    check_in(
        client,
        patient,
        confidence=3,
        fear=7,
        global_change="slightly_better",
        scores={film["id"]: 2},
        answered_on=MONDAY - timedelta(days=7),
    )
    check_in(
        client,
        patient,
        confidence=5,
        fear=5,
        global_change="better",
        scores={film["id"]: 4, run["id"]: 3},
        answered_on=TODAY,
    )
    return patient, {"film": film["id"], "run": run["id"]}


def test_json_export_of_check_ins(client: TestClient) -> None:
    patient, _ = _patient_with_check_ins(client)
    answer = client.get(API, headers=patient.headers)
    assert answer.status_code == 200 and "attachment" in answer.headers["content-disposition"]
    body = answer.json()
    assert [c["confidence"] for c in body["check_ins"]] == [3, 5]
    assert body["questionnaire_version"] and len(body["activities"]) == 2


def test_csv_export_has_one_row_per_week_and_blanks_for_activities_not_rated(
    client: TestClient,
) -> None:
    patient, _ = _patient_with_check_ins(client)
    answer = client.get(API, params={"format": "csv"}, headers=patient.headers)
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [r["week_start"] for r in rows] == [
        (MONDAY - timedelta(days=7)).isoformat(),
        MONDAY.isoformat(),
    ]
    assert rows[0]["activity_1_label"] == "'=Sit through a film"  # never a formula
    assert rows[0]["activity_2_score"] == "" and rows[1]["activity_2_score"] == "3"
    assert rows[1]["global_change"] == "better" and rows[1]["global_change_score"] == "2"


def test_fhir_export_is_a_valid_bundle_of_questionnaire_responses(client: TestClient) -> None:
    patient, _ = _patient_with_check_ins(client)
    answer = client.get(API, params={"format": "fhir"}, headers=patient.headers)
    assert answer.headers["content-type"].startswith("application/fhir+json")
    bundle = Bundle.model_validate(answer.json())
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("QuestionnaireResponse") == 2 and "Questionnaire" in kinds
    questionnaire = next(
        e.resource for e in bundle.entry if e.resource.get_resource_type() == "Questionnaire"
    )
    response = next(
        e.resource
        for e in bundle.entry
        if e.resource.get_resource_type() == "QuestionnaireResponse"
    )
    assert response.questionnaire == f"{questionnaire.url}|{questionnaire.version}"
    assert "loinc" not in answer.text.lower()  # no LOINC code exists for these answers
    answers = {item.linkId: item.answer for item in response.item if item.answer}
    assert answers["confidence"][0].valueInteger == 3
    assert answers["global_change"][0].valueCoding.code == "slightly_better"


def test_the_whole_record_export_includes_outcomes_and_stays_a_valid_bundle(
    client: TestClient,
) -> None:
    patient, _ = _patient_with_check_ins(client)
    clinician = register(client, "clinician")
    link(client, patient, clinician)
    put_log(client, patient, TODAY, morning_pain=2)
    base = f"/api/v1/clinician/patients/{patient.id}"
    tests = [
        {"kind": "hamstring_isometric", "left": 255, "right": 300, "unit": "N", "side": "left"},
        {
            "kind": "straight_leg_raise",
            "side": "left",
            "value": 70,
            "unit": "deg",
            "result": "positive",
        },
        {"kind": "slump", "side": "right", "result": "negative", "note": "own symptoms absent"},
        {"kind": "other", "name": "Single-leg hop", "value": 1.2, "unit": "m"},
    ]
    for body in tests:
        assert client.post(f"{base}/tests", json=body, headers=clinician.headers).status_code == 201
    goal = {"text": "Sit through a film", "target_on": (TODAY + timedelta(days=30)).isoformat()}
    headers = patient.headers
    assert client.post("/api/v1/me/goals", json=goal, headers=headers).status_code == 201
    note = {"text": "Shared advice", "shared": True}
    assert client.post(f"{base}/notes", json=note, headers=clinician.headers).status_code == 201
    private = {"text": "Private thought"}
    assert client.post(f"{base}/notes", json=private, headers=clinician.headers).status_code == 201
    body = client.get("/api/v1/me/export", headers=headers).json()
    outcomes = body["outcomes"]
    assert len(outcomes["check_ins"]) == 2 and len(outcomes["tests"]) == 4
    assert [g["text"] for g in outcomes["goals"]] == ["Sit through a film"]
    assert [n["text"] for n in outcomes["shared_notes"]] == ["Shared advice"]
    assert "Private thought" not in str(body)
    fhir = client.get("/api/v1/me/export", params={"format": "fhir"}, headers=headers).json()
    bundle = Bundle.model_validate(fhir)
    kinds = [e.resource.get_resource_type() for e in bundle.entry]
    assert kinds.count("Goal") == 1 and kinds.count("QuestionnaireResponse") == 2
    tests_out = [
        e.resource
        for e in bundle.entry
        if e.resource.get_resource_type() == "Observation"
        and e.resource.code.coding[0].code
        in {"hamstring_isometric", "straight_leg_raise", "slump", "other"}
    ]
    assert len(tests_out) == 4
    strength = next(o for o in tests_out if o.code.coding[0].code == "hamstring_isometric")
    symmetry = next(c for c in strength.component if c.code.coding[0].code.endswith("symmetry"))
    assert symmetry.valueQuantity.value == 85.0
