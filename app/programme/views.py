"""The plan as the API shows it: prescriptions with their plain text, the plan of a patient,
versions and proposals (shaped for app/programme/schemas.py)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.core.memo import Memo
from app.models import ProgrammeLockEvent
from app.programme.library import GLIDES, LIBRARY_VERSION
from app.programme.prescriptions import (
    COMPONENTS,
    CUSTOM_PREFIX,
    Catalogue,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
    describe,
    dose_text,
    exercise_name,
    from_json,
)
from app.programme.state import PlanState


def rx_view(
    component: str,
    rx: Prescription,
    catalogue: Catalogue,
    version: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A prescription for the API (`PrescriptionOut`); `version` names it when it is one."""
    view: dict[str, Any] = {
        "component": component,
        "version_id": version["id"] if version else None,
        "number": version["number"] if version else None,
        "text": describe(rx, catalogue),
        "exercises": None,
        "band": None,
        "minutes": None,
        "glide": None,
        "exercise": None,
        "exercise_name": None,
        "reps": None,
    }
    if isinstance(rx, Tendon):
        view["exercises"] = [
            {
                "exercise": item.exercise,
                "name": exercise_name(item.exercise, catalogue),
                "stage": found.stage if (found := catalogue.get(item.exercise)) else None,
                "dosing": found.dosing if found else None,
                "sets": item.dose.sets,
                "reps": item.dose.reps,
                "hold_s": item.dose.hold_s,
                "load_kg": item.dose.load_kg,
                "text": dose_text(item.dose),
            }
            for item in rx.items
        ]
    elif isinstance(rx, Running):
        view |= {"band": rx.band, "minutes": rx.minutes}
    elif isinstance(rx, Neural):
        glide = GLIDES[rx.exercise]
        view |= {
            "glide": glide.glide,
            "exercise": rx.exercise,
            "exercise_name": glide.name,
            "reps": rx.reps,
        }
    elif isinstance(rx, Sitting):
        view["minutes"] = rx.minutes
    return view


# Views of stored versions, by version id. A version is never edited, so its view only changes
# with the library, which changes with a deploy; a version with a custom exercise is not kept
# (the clinician may rename the exercise). Shared: never mutated.
_VERSION_VIEWS: Memo[str, dict[str, Any]] = Memo(4096)


def current_view(state: PlanState, component: str, catalogue: Catalogue) -> dict[str, Any]:
    """The component's current prescription (the same dict for the same version: read only)."""
    entry = state.current[component]
    version_id = entry["id"]
    cached = _VERSION_VIEWS.get(version_id) if version_id is not None else None
    if cached is not None:
        return cached
    view = rx_view(component, state.rx(component), catalogue, entry)
    if version_id is not None and not _has_custom(entry["prescription"]):
        _VERSION_VIEWS.put(version_id, view)
    return view


def _has_custom(prescription: Mapping[str, Any]) -> bool:
    items = prescription.get("exercises") or ()
    return any(item["exercise"].startswith(CUSTOM_PREFIX) for item in items)


def proposal_view(component: str, entry: Mapping[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    return {
        "id": entry["id"],
        "component": component,
        "decision_date": entry["decision_date"],
        "rule": entry["rule"],
        "status": entry["status"],
        "change": entry["change"],
        "from_version_id": entry["from_version_id"],
        "next": rx_view(component, from_json(component, entry["prescription"]), catalogue),
    }


def lock_view(state: PlanState, component: str, names: Mapping[str, str]) -> dict[str, Any]:
    lock = state.locks.get(component)
    return {
        "locked": lock is not None,
        "locked_by": names.get(lock["by_id"]) if lock and lock.get("by_id") else None,
        "locked_at": lock["at"] if lock else None,
    }


def plan_view(
    state: PlanState, catalogue: Catalogue, names: Mapping[str, str], today: date
) -> dict[str, Any]:
    """`PlanOut`: the current prescriptions, pending proposals, locks and today's plan."""
    components = {}
    for component in COMPONENTS:
        pending = state.pending(component)
        components[component] = {
            "current": current_view(state, component, catalogue),
            "pending": proposal_view(component, pending, catalogue) if pending else None,
            "decided_by": "clinician" if component in state.locks else "guardrails",
            **lock_view(state, component, names),
        }
    proposals = [c["pending"] for c in components.values() if c["pending"]]
    return {
        "library_version": LIBRARY_VERSION,
        "phase": state.phase,
        "components": components,
        "proposals": proposals,
        "today": {
            "date": today.isoformat(),
            "items": [
                {
                    "component": component,
                    "version_id": state.current[component]["id"],
                    "text": describe(state.rx(component), catalogue),
                }
                for component in COMPONENTS
            ],
        },
    }


def version_view(row: Any, catalogue: Catalogue, names: Mapping[str, str]) -> dict[str, Any]:
    """`VersionOut`: one version of the history (a ProgrammeVersion row)."""
    return {
        "id": str(row.id),
        "component": row.component,
        "number": row.number,
        "kind": row.kind,
        "made_by": row.made_by,
        "made_by_name": names.get(str(row.made_by_id)) if row.made_by_id else None,
        "reason": row.reason,
        "decision_date": row.decision_date,
        "change": row.change,
        "note": row.note,
        "created_at": row.created_at,
        "prescription": rx_view(
            row.component,
            from_json(row.component, row.prescription),
            catalogue,
            {"id": str(row.id), "number": row.number},
        ),
    }


def lock_event_view(event: ProgrammeLockEvent, names: Mapping[str, str]) -> dict[str, Any]:
    """`LockEventOut`: a component locked or unlocked (a ProgrammeLockEvent row)."""
    by = str(event.made_by_id) if event.made_by_id else None
    return {
        "component": event.component,
        "locked": event.locked,
        "made_by_name": names.get(by) if by else None,
        "reason": event.reason,
        "created_at": event.created_at,
    }
