"""FHIR R4 resources of the outcomes: the check-in as QuestionnaireResponses against Loadline's
own canonical Questionnaire (no LOINC code exists for these answers, evidence.md section 8, so
none is used), objective tests as Observations with local codes, goals as Goals."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from app.models import CheckIn, Goal, ObjectiveTest
from app.outcomes.kinds import KINDS, limb_symmetry
from app.outcomes.questionnaire import (
    GLOBAL_CHANGE_NAME,
    GLOBAL_CHANGE_TEXT,
    ITEMS,
    QUESTIONNAIRE_URL,
    QUESTIONNAIRE_VERSION,
)

NAMESPACE = uuid.UUID("8f3c2f0e-4b7a-4c1e-9a57-0d6c3b1e2a44")
GLOBAL_CHANGE_SYSTEM = "https://loadline.app/fhir/CodeSystem/global-change"
TEST_SYSTEM = "https://loadline.app/fhir/CodeSystem/objective-test"
RESULT_SYSTEM = "https://loadline.app/fhir/CodeSystem/test-result"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
UCUM = "http://unitsofmeasure.org"
UCUM_CODES = {"N": "N", "kg": "kg", "deg": "deg", "reps": "{repetitions}", "%": "%"}
GOAL_STATUS = {"active": "active", "met": "completed", "dropped": "cancelled"}


def urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(map(str, parts)))}"


def _item(item_id: str) -> dict[str, Any]:
    return next(item for item in ITEMS if item["id"] == item_id)


def questionnaire_resource() -> dict[str, Any]:
    activities = _item("activities")
    return {
        "resourceType": "Questionnaire",
        "url": QUESTIONNAIRE_URL,
        "version": QUESTIONNAIRE_VERSION,
        "name": "LoadlineWeeklyCheckIn",
        "title": "Loadline weekly check-in",
        "status": "active",
        "subjectType": ["Patient"],
        "item": [
            {
                "linkId": "activities",
                "text": activities["text"],
                "type": "group",
                "repeats": True,
                "item": [
                    {"linkId": "activities.label", "text": "Activity", "type": "string"},
                    {"linkId": "activities.score", "text": activities["help"], "type": "integer"},
                ],
            },
            *(
                {"linkId": key, "text": _item(key)["text"], "type": "integer", "required": True}
                for key in ("confidence", "fear")
            ),
            {
                "linkId": "global_change",
                "text": _item("global_change")["text"],
                "type": "choice",
                "required": True,
                "answerOption": [{"valueCoding": _coding(code)} for code in GLOBAL_CHANGE_TEXT],
            },
        ],
    }


def global_change_code_system() -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "url": GLOBAL_CHANGE_SYSTEM,
        "version": QUESTIONNAIRE_VERSION,
        "name": "LoadlineGlobalChange",
        "status": "active",
        "content": "complete",
        "concept": [{"code": code, "display": text} for code, text in GLOBAL_CHANGE_TEXT.items()],
    }


def _coding(code: str) -> dict[str, str]:
    return {"system": GLOBAL_CHANGE_SYSTEM, "code": code, "display": GLOBAL_CHANGE_TEXT[code]}


def check_in_response(row: CheckIn, patient_ref: str, labels: Mapping[str, str]) -> dict[str, Any]:
    activities = [
        {
            "linkId": "activities",
            "item": [
                {
                    "linkId": "activities.label",
                    "answer": [{"valueString": labels.get(r["activity_id"], "activity")}],
                },
                {"linkId": "activities.score", "answer": [{"valueInteger": r["score"]}]},
            ],
        }
        for r in row.ratings
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{QUESTIONNAIRE_URL}|{QUESTIONNAIRE_VERSION}",
        "status": "completed",
        "subject": {"reference": patient_ref},
        "authored": row.answered_on.isoformat(),
        "item": [
            *activities,
            {"linkId": "confidence", "answer": [{"valueInteger": row.confidence}]},
            {"linkId": "fear", "answer": [{"valueInteger": row.fear}]},
            {
                "linkId": "global_change",
                "answer": [{"valueCoding": _coding(GLOBAL_CHANGE_NAME[row.global_change])}],
            },
        ],
    }


def _quantity(value: float, unit: str | None) -> dict[str, Any]:
    quantity: dict[str, Any] = {"value": value}
    if unit:
        quantity["unit"] = unit
        if unit in UCUM_CODES:
            quantity |= {"system": UCUM, "code": UCUM_CODES[unit]}
    return quantity


def _code(code: str, display: str) -> dict[str, Any]:
    return {"coding": [{"system": TEST_SYSTEM, "code": code, "display": display}], "text": display}


def test_observation(row: ObjectiveTest, patient_ref: str, recorder: str | None) -> dict[str, Any]:
    kind = KINDS[row.kind]
    title = row.name if row.kind == "other" and row.name else kind.title
    obs: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final",
        "category": [{"coding": [{"system": CATEGORY, "code": "exam", "display": "Exam"}]}],
        "code": _code(row.kind, title),
        "subject": {"reference": patient_ref},
        "effectiveDateTime": row.tested_on.isoformat(),
    }
    if row.self_test:
        obs["performer"] = [{"reference": patient_ref}]
    elif recorder:
        obs["performer"] = [{"display": recorder}]
    if row.left_value is not None and row.right_value is not None:
        parts = [("left", row.left_value, row.unit), ("right", row.right_value, row.unit)]
        symmetry = limb_symmetry(row.left_value, row.right_value, row.side)
        if kind.symmetry and symmetry is not None:
            parts.append(("symmetry", symmetry, "%"))
        obs["component"] = [
            {
                "code": _code(f"{row.kind}.{part}", f"{title}: {part}"),
                "valueQuantity": _quantity(v, u),
            }
            for part, v, u in parts
        ]
    elif row.value is not None:
        obs["valueQuantity"] = _quantity(row.value, row.unit)
    if row.result is not None:
        if "valueQuantity" not in obs:
            obs["valueCodeableConcept"] = {
                "coding": [{"system": RESULT_SYSTEM, "code": row.result}],
                "text": row.result,
            }
        code = "POS" if row.result == "positive" else "NEG"
        obs["interpretation"] = [{"coding": [{"system": INTERPRETATION, "code": code}]}]
    if row.side and kind.sides == "one":
        obs["bodySite"] = {"text": f"{row.side} leg" if row.side != "both" else "both legs"}
    if row.note:
        obs["note"] = [{"text": row.note}]
    return obs


def goal_resource(goal: Goal, patient_ref: str) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Goal",
        "lifecycleStatus": GOAL_STATUS[goal.status],
        "description": {"text": goal.text},
        "subject": {"reference": patient_ref},
        "startDate": goal.created_at.date().isoformat(),
    }
    if goal.status == "met":
        resource["achievementStatus"] = {
            "coding": [
                {
                    "system": "http://terminology.hl7.org/CodeSystem/goal-achievement",
                    "code": "achieved",
                }
            ]
        }
    if goal.target_on is not None:
        resource["target"] = [{"dueDate": goal.target_on.isoformat()}]
    return resource
