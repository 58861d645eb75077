"""FHIR R4 export: a collection Bundle with the Patient and one Observation per pain score.

Pain scores are coded LOINC 72514-3 (pain severity 0-10, reported); the context (morning,
sitting, loading, running, nerve glide) is a second coding from a local code system.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from app.models import DailyLog, User

LOINC = "http://loinc.org"
PAIN_CODE = "72514-3"
PAIN_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported"
CONTEXT_SYSTEM = "https://loadline.app/fhir/CodeSystem/pain-context"
TOLERANCE_SYSTEM = "https://loadline.app/fhir/CodeSystem/observation"
PAIN_CONTEXTS = {
    "morning_pain": ("morning", "Morning pain or stiffness (24-hour response)"),
    "sitting_pain": ("sitting", "Worst pain while sitting"),
    "loading_pain": ("loading", "Worst pain during tendon loading"),
    "sprint_pain": ("running", "Worst pain during running or sprinting"),
    "glide_pain": ("nerve-glide", "Pain provoked by nerve-glide exercise"),
}
NAMESPACE = uuid.UUID("5b0b4a56-8d0e-4d7e-9d55-3f7f1c0b6a11")


def urn(*parts: object) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(map(str, parts)))}"


def _observation(patient_ref: str, log: DailyLog, field: str, value: int) -> dict[str, Any]:
    context, display = PAIN_CONTEXTS[field]
    return {
        "resourceType": "Observation",
        "status": "final",
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "survey",
                        "display": "Survey",
                    }
                ]
            }
        ],
        "code": {
            "coding": [
                {"system": LOINC, "code": PAIN_CODE, "display": PAIN_DISPLAY},
                {"system": CONTEXT_SYSTEM, "code": context, "display": display},
            ],
            "text": display,
        },
        "subject": {"reference": patient_ref},
        "effectiveDateTime": log.log_date.isoformat(),
        "valueInteger": value,
    }


def _tolerance(patient_ref: str, log: DailyLog, minutes: int) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "status": "final",
        "code": {
            "coding": [
                {
                    "system": TOLERANCE_SYSTEM,
                    "code": "sitting-tolerance",
                    "display": "Minutes of sitting before pain rises",
                }
            ],
            "text": "Sitting tolerance",
        },
        "subject": {"reference": patient_ref},
        "effectiveDateTime": log.log_date.isoformat(),
        "valueQuantity": {
            "value": minutes,
            "unit": "min",
            "system": "http://unitsofmeasure.org",
            "code": "min",
        },
    }


def fhir_bundle(patient: User, logs: list[DailyLog], now: datetime) -> dict[str, Any]:
    patient_ref = urn("patient", patient.id)
    entries: list[dict[str, Any]] = [
        {
            "fullUrl": patient_ref,
            "resource": {
                "resourceType": "Patient",
                "name": [{"text": patient.display_name}],
                "telecom": [{"system": "email", "value": patient.email}],
            },
        }
    ]
    for log in logs:
        for field in PAIN_CONTEXTS:
            value = getattr(log, field)
            if value is not None:
                entries.append(
                    {
                        "fullUrl": urn("obs", log.id, field),
                        "resource": _observation(patient_ref, log, field, value),
                    }
                )
        if log.sitting_tolerance_min is not None:
            entries.append(
                {
                    "fullUrl": urn("obs", log.id, "sitting_tolerance_min"),
                    "resource": _tolerance(patient_ref, log, log.sitting_tolerance_min),
                }
            )
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": entries,
    }
