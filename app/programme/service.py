"""How decisions move the plan: called by the log write use cases inside their transaction.

Definitions (README "The programme"):
- **Recent decision dates** of a write: the patient's today and yesterday (their time zone, at
  the time of the write). Only a decision of one of those dates, made anew by this write,
  moves the plan: yesterday counts so that a session logged late (yesterday's log written
  this morning) still moves the plan before the next session; older dates never do.
- **A back-off** (a component's decision `back_off` on a recent date) applies at once, unless a
  clinician locked the component: the plan returns to the last tolerated prescription (the
  version the current one was stepped up from; a back-off to it inherits that version's own
  tolerated one), else takes ~20% off (app/programme/steps.py). It is applied once per
  component and decision date, never for a date before the last one applied, and not again
  until the patient has logged a session of that component after the last one applied (so
  several back-off days about the same session reduce the plan once). Once applied it stays,
  even if the log is later corrected: the safer choice (a new decision can step up again).
- **A step up** (a `progress`) becomes a pending proposal of the next prescription; the patient
  accepts or declines it (app/programme/proposals.py). It is made once per component and
  decision date. A pending proposal is withdrawn when its decision is recomputed to anything
  else, when a newer decision proposes again, or when the plan changes under it.
- **A phase change** fits the plan to the new phase: a component still on a default takes the
  new phase's default, any other is clamped to the phase's limits (reason "phase change").
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.programme.compare import change_text
from app.programme.defaults import default_for
from app.programme.prescriptions import COMPONENTS
from app.programme.state import (
    WITHDRAWN,
    PlanState,
    add_proposal,
    add_version,
    catalogue_for,
    load_state,
    save_state,
    tolerated_of,
    withdraw_pending,
)
from app.programme.steps import back_off, clamp, step_up
from app.rules import DayLog
from app.rules.model import BACK_OFF, PROGRESS, PROGRESS_RULE

GUARDRAILS, CLINICIAN, PATIENT = "guardrails", "clinician", "patient"
DEFAULT = "default"
PHASE_CHANGE = "phase change"
# The fields whose value makes a day a session of each component (as the rules count them).
SESSION_FIELDS = {
    "tendon": ("loading_pain", "loading_stage"),
    "running": ("sprint_pain", "sprint_speed_pct"),
    "neural": ("glide_pain", "glide_type"),
    "sitting": ("sitting_pain", "sitting_tolerance_min"),
}


def start_programme(
    session: Session, patient_id: uuid.UUID, phase: int, now: datetime
) -> PlanState:
    """The default programme of the phase, as version 1 of each component (inside a write)."""
    state = PlanState(patient_id, phase, {}, stored=False)
    for component in COMPONENTS:
        rx = default_for(phase, component)
        add_version(
            session, state, component, rx, now, kind=DEFAULT, made_by=GUARDRAILS, reason=DEFAULT
        )
    save_state(session, state, now)
    return state


def ensure_programme(
    session: Session, patient_id: uuid.UUID, phase: int, now: datetime
) -> PlanState:
    """The patient's plan row, locked for this write; a patient from before the programme
    existed gets the default of their phase now (inside the caller's write)."""
    state = load_state(session, patient_id, for_update=True)
    return state if state is not None else start_programme(session, patient_id, phase, now)


def follow_phase(
    session: Session,
    state: PlanState,
    phase: int,
    now: datetime,
    changed_by: uuid.UUID | None = None,
) -> None:
    """Fit the plan to a new phase (inside the caller's write): a component on a default (and
    not locked) takes the new default; any other is clamped to the phase's limits."""
    if phase == state.phase:
        return
    made_by = CLINICIAN if changed_by else GUARDRAILS
    catalogue = catalogue_for(session, state.patient_id, *state.custom_keys())
    for component in COMPONENTS:
        rx = state.rx(component)
        on_default = state.current[component]["kind"] == DEFAULT
        if on_default and component not in state.locks:
            new, kind = default_for(phase, component), DEFAULT
        else:
            new, kind = clamp(rx, phase, catalogue), "phase_change"
        if new == rx:
            continue
        withdraw_pending(session, state, component, now)
        add_version(
            session,
            state,
            component,
            new,
            now,
            kind=kind,
            made_by=made_by,
            made_by_id=changed_by,
            reason=PHASE_CHANGE,
            change=change_text(rx, new, catalogue),
        )
    state.phase = phase
    state.dirty = True


def follow_decisions(
    session: Session,
    patient_id: uuid.UUID,
    decided: Mapping[date, Mapping[str, Any]],
    logs: Mapping[date, DayLog],
    today: date,
    phase: int,
    now: datetime,
    *,
    changed_by: uuid.UUID | None = None,
    state: PlanState | None = None,
) -> PlanState:
    """Move the plan after a write re-decided the days in `decided` (their guidance by date);
    `logs` are the logs the write loaded, `phase` the phase in force today (`changed_by`: the
    clinician who changed it, if this write did; `state`: the plan row as this write already
    read it, under the patient's lock). Inside the caller's write; returns the plan as it now
    stands."""
    if state is None:
        state = ensure_programme(session, patient_id, phase, now)
    follow_phase(session, state, phase, now, changed_by)
    for component in COMPONENTS:
        pending = state.pending(component)
        if pending is not None:
            day = date.fromisoformat(pending["decision_date"])
            if day in decided and _decision(decided[day], component) != PROGRESS:
                withdraw_pending(session, state, component, now)
    for day in (today - timedelta(days=1), today):
        guidance = decided.get(day)
        if guidance is None:
            continue
        for component in COMPONENTS:
            decision = guidance["components"][component]
            if component in state.locks:
                continue
            if decision["decision"] == BACK_OFF:
                _apply_back_off(session, state, component, day, decision["rules"], logs, now)
            elif decision["decision"] == PROGRESS:
                _propose(session, state, component, day, now)
    save_state(session, state, now)
    return state


def _decision(guidance: Mapping[str, Any], component: str) -> str:
    return str(guidance["components"][component]["decision"])


def _session_since(logs: Mapping[date, DayLog], component: str, after: date, day: date) -> bool:
    """A session of the component logged on a day in (after, day]; a mark older than the
    loaded logs cannot be checked and counts as one."""
    if not logs or after < min(logs):
        return True
    names = SESSION_FIELDS[component]
    return any(
        after < d <= day and any(getattr(log, name) is not None for name in names)
        for d, log in logs.items()
    )


def _apply_back_off(
    session: Session,
    state: PlanState,
    component: str,
    day: date,
    rules: list[str],
    logs: Mapping[date, DayLog],
    now: datetime,
) -> None:
    mark = state.back_offs.get(component)
    if mark is not None:
        marked = date.fromisoformat(mark["decision_date"])
        if marked >= day or not _session_since(logs, component, marked, day):
            return
    rx = state.rx(component)
    catalogue = catalogue_for(session, state.patient_id, *state.custom_keys())
    found = tolerated_of(session, state, component)
    tolerated, inherited = found if found else (None, None)
    new = back_off(rx, state.phase, catalogue, tolerated=tolerated, drop_band="PM-2" in rules)
    entry: dict[str, Any] = {"decision_date": day.isoformat(), "version_id": None, "change": None}
    if new != rx:
        withdraw_pending(session, state, component, now)
        back_to_tolerated = tolerated is not None and new == clamp(
            tolerated, state.phase, catalogue
        )
        text = change_text(rx, new, catalogue)
        version = add_version(
            session,
            state,
            component,
            new,
            now,
            kind="back_off",
            made_by=GUARDRAILS,
            reason=" ".join(rules),
            decision_date=day,
            tolerated_id=inherited if back_to_tolerated else None,
            change=text,
        )
        entry |= {
            "version_id": version["id"],
            "change": text,
            "prescription": version["prescription"],
        }
    state.back_offs[component] = entry
    state.dirty = True


def _propose(session: Session, state: PlanState, component: str, day: date, now: datetime) -> None:
    latest = state.proposals.get(component)
    if latest is not None:
        latest_day = date.fromisoformat(latest["decision_date"])
        if latest_day > day:
            return
        stale = latest["from_version_id"] != state.current[component]["id"]
        if (
            latest_day == day
            and latest["status"] != WITHDRAWN
            and not (state.pending(component) and stale)
        ):
            return  # already proposed (and maybe answered) for this decision
        withdraw_pending(session, state, component, now)
    rx = state.rx(component)
    catalogue = catalogue_for(session, state.patient_id, *state.custom_keys())
    new = step_up(rx, state.phase, catalogue)
    if new is None:
        return  # the top of the plan for this phase: the component holds
    rule = PROGRESS_RULE[component]
    add_proposal(session, state, component, day, rule, new, change_text(rx, new, catalogue), now)
