"""The plan next to a decision: each component of a guidance response gets `current`, `next`,
`change`, `step`, `proposal_id` and `locked`, added when the response is made (the stored
decision records keep only the rules' output).

`step` says what this decision did to the plan:
- `proposed`: a step up waits for the patient's tap (`proposal_id`, `next`, `change`);
  `accepted` / `declined` / `withdrawn`: what became of it;
- `applied`: a back-off changed the plan at once (`next` is the backed-off prescription);
- `locked`: a clinician manages the component; the guidance still says what the rules say;
- `at_limit`: a step up is due but the plan is at the top of what the phase allows;
- `none`: no change (a hold, nothing left to reduce, or a date before yesterday).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from app.programme.defaults import default_for
from app.programme.prescriptions import COMPONENTS, Catalogue, describe, from_json, to_json
from app.programme.state import PENDING, PlanState, catalogue_for, load_state
from app.programme.steps import step_up
from app.programme.views import current_view, rx_view
from app.rules.model import BACK_OFF, PROGRESS

LOCKED_TEXT = "Your clinician decides changes to this part of your plan."


def default_state(patient_id: uuid.UUID, phase: int) -> PlanState:
    """The default plan of a phase, not stored yet (a patient from before the programme)."""
    current = {
        c: {
            "id": None,
            "number": None,
            "kind": "default",
            "prescription": to_json(default_for(phase, c)),
        }
        for c in COMPONENTS
    }
    return PlanState(patient_id, phase, current, stored=False)


def _progress_fields(
    state: PlanState, component: str, day: date, recent: bool, catalogue: Catalogue
) -> dict[str, Any]:
    latest = state.proposals.get(component)
    if latest is not None and latest["decision_date"] == day.isoformat():
        rx = from_json(component, latest["prescription"])
        status = latest["status"]
        return {
            "step": "proposed" if status == PENDING else status,
            "next": rx_view(component, rx, catalogue),
            "change": latest["change"],
            "proposal_id": latest["id"] if status == PENDING else None,
        }
    if recent and component in state.locks:
        return {"step": "locked", "change": LOCKED_TEXT}
    if recent and step_up(state.rx(component), state.phase, catalogue) is None:
        text = describe(state.rx(component), catalogue)
        return {"step": "at_limit", "change": f"The top of this phase's plan: keep {text}."}
    return {}


def _back_off_fields(
    state: PlanState, component: str, day: date, recent: bool, catalogue: Catalogue
) -> dict[str, Any]:
    mark = state.back_offs.get(component)
    if mark is not None and mark["decision_date"] == day.isoformat() and mark["version_id"]:
        rx = from_json(component, mark["prescription"])
        version = {"id": mark["version_id"], "number": None}
        return {
            "step": "applied",
            "next": rx_view(component, rx, catalogue, version),
            "change": mark["change"],
        }
    if recent and component in state.locks:
        return {"step": "locked", "change": LOCKED_TEXT}
    return {}


def with_plan(
    guidance: Mapping[str, Any], state: PlanState, today: date, catalogue: Catalogue
) -> dict[str, Any]:
    """A copy of a guidance whose components carry the plan fields."""
    day = date.fromisoformat(guidance["date"])
    recent = today - timedelta(days=1) <= day <= today
    components = {}
    for component, decision in guidance["components"].items():
        fields: dict[str, Any] = {
            "current": current_view(state, component, catalogue),
            "next": None,
            "change": None,
            "step": "none",
            "proposal_id": None,
            "locked": component in state.locks,
        }
        if decision["decision"] == PROGRESS:
            fields |= _progress_fields(state, component, day, recent, catalogue)
        elif decision["decision"] == BACK_OFF:
            fields |= _back_off_fields(state, component, day, recent, catalogue)
        components[component] = {**decision, **fields}
    return {**guidance, "components": components}


def plan_guidance(
    session: Session,
    patient_id: uuid.UUID,
    guidance: Mapping[str, Any],
    today: date,
    state: PlanState | None = None,
) -> dict[str, Any]:
    """`with_plan` for a patient: the plan as it stands (read once unless given)."""
    if state is None:
        state = load_state(session, patient_id) or default_state(patient_id, guidance["phase"])
    catalogue = catalogue_for(session, patient_id, *state.custom_keys())
    return with_plan(guidance, state, today, catalogue)
