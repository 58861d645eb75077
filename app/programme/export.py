"""The plan in the patient's exports: its state and full history as JSON, and a FHIR R4
CarePlan with one activity per prescribed item."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlmodel import Session

from app.programme.guidance import default_state
from app.programme.library import LIBRARY_VERSION
from app.programme.prescriptions import (
    COMPONENTS,
    LIBRARY,
    Neural,
    Running,
    Sitting,
    Tendon,
    describe,
    dose_text,
    exercise_name,
    with_custom,
)
from app.programme.proposals import proposal_rows
from app.programme.reading import lock_event_rows, version_rows
from app.programme.state import PlanState, load_custom, load_state

PLAN_SYSTEM = "https://loadline.app/fhir/CodeSystem/programme"
COMPONENT_TEXT = {
    "tendon": "Tendon loading",
    "running": "Running",
    "neural": "Nerve glides",
    "sitting": "Sitting",
}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def plan_state(session: Session, patient_id: uuid.UUID, phase: int) -> PlanState:
    return load_state(session, patient_id) or default_state(patient_id, phase)


def programme_record(session: Session, patient_id: uuid.UUID, phase: int) -> dict[str, Any]:
    """The plan as it stands and every version, proposal, lock event and custom exercise (JSON
    export)."""
    state = plan_state(session, patient_id, phase)
    catalogue = with_custom(load_custom(session, patient_id))
    return {
        "library_version": LIBRARY_VERSION,
        "phase": state.phase,
        "current": {
            c: {
                "version_id": state.current[c]["id"],
                "number": state.current[c]["number"],
                "text": describe(state.rx(c), catalogue),
                "prescription": state.current[c]["prescription"],
            }
            for c in COMPONENTS
        },
        "locks": {c: {"locked_at": lock["at"]} for c, lock in state.locks.items()},
        "history": [
            {
                "id": str(v.id),
                "component": v.component,
                "number": v.number,
                "kind": v.kind,
                "made_by": v.made_by,
                "reason": v.reason,
                "decision_date": v.decision_date.isoformat() if v.decision_date else None,
                "change": v.change,
                "note": v.note,
                "created_at": v.created_at.isoformat(),
                "prescription": v.prescription,
            }
            for v in version_rows(session, patient_id)
        ],
        "proposals": [
            {
                "id": str(p.id),
                "component": p.component,
                "decision_date": p.decision_date.isoformat(),
                "rule": p.rule,
                "status": p.status,
                "change": p.change,
                "prescription": p.prescription,
                "created_at": p.created_at.isoformat(),
                "resolved_at": _iso(p.resolved_at),
            }
            for p in proposal_rows(session, patient_id)
        ],
        "lock_events": [
            {
                "component": e.component,
                "locked": e.locked,
                "reason": e.reason,
                "created_at": e.created_at.isoformat(),
            }
            for e in reversed(lock_event_rows(session, patient_id))
        ],
        "custom_exercises": [
            {"key": e.key, "name": e.name, "description": e.description, "stage": e.stage}
            for key, e in catalogue.exercises.items()
            if key.startswith("custom:")
        ],
    }


def _activity(code: str, name: str, description: str) -> dict[str, Any]:
    return {
        "detail": {
            "code": {
                "coding": [{"system": PLAN_SYSTEM, "code": code, "display": name}],
                "text": name,
            },
            "status": "in-progress",
            "description": description,
        }
    }


def care_plan(
    session: Session,
    patient_id: uuid.UUID,
    phase: int,
    patient_ref: str,
    urn: Callable[..., str],
) -> dict[str, Any]:
    """A Bundle entry: the plan as a FHIR R4 CarePlan, one activity per prescribed item."""
    state = plan_state(session, patient_id, phase)
    catalogue = with_custom(load_custom(session, patient_id)) if state.custom_keys() else LIBRARY
    activities = []
    for component in COMPONENTS:
        rx = state.rx(component)
        label = COMPONENT_TEXT[component]
        if isinstance(rx, Tendon):
            for item in rx.items:
                name = exercise_name(item.exercise, catalogue)
                text = f"{label}: {name}, {dose_text(item.dose)}"
                activities.append(_activity(f"tendon:{item.exercise}", name, text))
        elif isinstance(rx, Running) and rx.band is not None:
            activities.append(_activity(f"running:{rx.band}", label, describe(rx, catalogue)))
        elif isinstance(rx, Neural | Sitting):
            activities.append(_activity(component, label, describe(rx, catalogue)))
    return {
        "fullUrl": urn("careplan", patient_id),
        "resource": {
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "title": "Loadline rehabilitation programme",
            "description": (
                f"Pain-guided loading plan for proximal hamstring tendinopathy, phase "
                f"{state.phase} (exercise library {LIBRARY_VERSION}). Each day's guidance "
                "moves it one step up (when the patient accepts) or back."
            ),
            "subject": {"reference": patient_ref},
            "activity": activities,
        },
    }
