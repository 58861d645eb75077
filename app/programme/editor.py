"""What a clinician changes in a patient's plan: a component's prescription (checked against
the phase's limits), locks, and the patient's own exercises. The caller (app/dashboard) has
checked the link and writes the access log in the same transaction."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlmodel import Session

from app.core.db import writing
from app.core.errors import InvalidInput
from app.models import CustomExercise, ProgrammeLockEvent, User
from app.programme.compare import change_text
from app.programme.inputs import (
    CustomDoseIn,
    CustomExerciseIn,
    NeuralIn,
    RunningIn,
    SittingIn,
    TendonIn,
)
from app.programme.library import HOLD, MAX_SETS, Dose
from app.programme.prescriptions import (
    Catalogue,
    Item,
    Neural,
    Prescription,
    Running,
    Sitting,
    Tendon,
    dose_problems,
    limit_problems,
)
from app.programme.reading import phase_today
from app.programme.service import CLINICIAN, ensure_programme, follow_phase
from app.programme.state import (
    PlanState,
    add_version,
    catalogue_for,
    lock_patient,
    save_state,
    touch_status,
    withdraw_pending,
)

ComponentIn = TendonIn | RunningIn | NeuralIn | SittingIn


def prescription_of(body: ComponentIn) -> Prescription:
    if isinstance(body, TendonIn):
        return Tendon(
            tuple(
                Item(e.exercise, Dose(e.sets, e.reps, e.hold_s, e.load_kg)) for e in body.exercises
            )
        )
    if isinstance(body, RunningIn):
        return Running(body.band, body.minutes)
    if isinstance(body, NeuralIn):
        return Neural(body.exercise, body.reps)
    return Sitting(body.minutes)


def check_prescription(component: str, rx: Prescription, phase: int, catalogue: Catalogue) -> None:
    """422 with every reason a prescription does not fit: unknown exercises, doses that do
    not fit how an exercise is dosed, anything above the phase's limits."""
    problems = []
    if isinstance(rx, Tendon):
        for item in rx.items:
            exercise = catalogue.get(item.exercise)
            if exercise is None:
                problems.append(f"Unknown exercise {item.exercise!r}.")
            else:
                problems += dose_problems(item, exercise)
    if not problems:
        problems = limit_problems(rx, phase, catalogue)
    if problems:
        raise InvalidInput(component, " ".join(problems))


def set_component(
    session: Session,
    patient: User,
    component: str,
    body: ComponentIn,
    clinician: User,
    now: datetime,
    *,
    reason: str = CLINICIAN,
) -> str:
    """Make `body` the component's prescription (a new version, reason "clinician" unless
    given), unless it is already; returns the current version's id."""
    rx = prescription_of(body)
    phase = phase_today(session, patient, now)
    keys = [item.exercise for item in rx.items] if isinstance(rx, Tendon) else []
    check_prescription(component, rx, phase, catalogue_for(session, patient.id, *keys))
    with writing(session):
        lock_patient(session, patient.id)
        state = ensure_programme(session, patient.id, phase, now)
        follow_phase(session, state, phase, now, changed_by=clinician.id)
        before = state.rx(component)
        if before != rx:
            catalogue = catalogue_for(session, patient.id, *keys, *state.custom_keys())
            withdraw_pending(session, state, component, now)
            add_version(
                session,
                state,
                component,
                rx,
                now,
                kind=CLINICIAN,
                made_by=CLINICIAN,
                made_by_id=clinician.id,
                reason=reason,
                change=change_text(before, rx, catalogue),
                note=body.note,
            )
            touch_status(session, patient.id, now)
        save_state(session, state, now)
    return str(state.current[component]["id"])


def set_lock(
    session: Session,
    patient: User,
    component: str,
    clinician: User,
    locked: bool,
    now: datetime,
    reason: str = CLINICIAN,
) -> PlanState:
    """Lock (only the clinician changes it: no automatic back-off, no proposals) or unlock;
    a change is kept in the plan's history (ProgrammeLockEvent)."""
    phase = phase_today(session, patient, now)
    with writing(session):
        lock_patient(session, patient.id)
        state = ensure_programme(session, patient.id, phase, now)
        changed = locked != (component in state.locks)
        if changed and locked:
            withdraw_pending(session, state, component, now)
            state.locks[component] = {"by_id": str(clinician.id), "at": now.isoformat()}
        elif changed:
            del state.locks[component]
        if changed:
            state.dirty = True
            session.add(
                ProgrammeLockEvent(
                    patient_id=patient.id,
                    component=component,
                    locked=locked,
                    made_by_id=clinician.id,
                    reason=reason,
                    created_at=now,
                )
            )
        save_state(session, state, now)
    return state


def _dose(given: CustomDoseIn | None, fallback: Dose) -> Dose:
    return fallback if given is None else Dose(given.sets, given.reps, given.hold_s, given.load_kg)


def _custom_doses(body: CustomExerciseIn) -> tuple[Dose, Dose]:
    held = body.dosing == HOLD
    start = _dose(body.start, Dose(3, hold_s=30) if held else Dose(3, reps=10))
    fallback_top = (
        Dose(MAX_SETS, hold_s=max(45, start.hold_s or 0))
        if held
        else Dose(MAX_SETS, reps=start.reps, load_kg=start.load_kg)
    )
    top = _dose(body.top, fallback_top)
    for name, dose in (("start", start), ("top", top)):
        if held and (dose.hold_s is None or dose.reps is not None or dose.load_kg is not None):
            raise InvalidInput(name, "a held exercise is dosed in hold_s, without reps or load")
        if not held and (dose.reps is None or dose.hold_s is not None):
            raise InvalidInput(name, "an exercise done in repetitions needs reps and no hold_s")
    lower = [
        f
        for f in ("sets", "hold_s", "load_kg")
        if getattr(start, f) is not None and (getattr(top, f) or 0) < getattr(start, f)
    ]
    if lower or (top.load_kg is not None and start.load_kg is None):
        raise InvalidInput("top", "the top dose must be at or above the start dose")
    return start, top


def add_custom_exercise(
    session: Session, patient: User, body: CustomExerciseIn, clinician: User, now: datetime
) -> CustomExercise:
    start, top = _custom_doses(body)
    row = CustomExercise(
        id=uuid.uuid4(),
        patient_id=patient.id,
        name=body.name,
        description=body.description,
        stage=body.stage,
        dosing=body.dosing,
        start=asdict(start),
        top=asdict(top),
        created_by_id=clinician.id,
        created_at=now,
    )
    with writing(session):
        session.add(row)
    return row


def custom_view(row: CustomExercise) -> dict[str, Any]:
    return {
        "key": f"custom:{row.id}",
        "name": row.name,
        "description": row.description,
        "stage": row.stage,
        "dosing": row.dosing,
        "start": row.start,
        "top": row.top,
        "created_at": row.created_at,
    }
