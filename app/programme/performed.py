"""A log's `performed` checked against the patient's plan: every version it names must be one
of theirs for that component, exercises must exist, doses fit how each exercise is dosed, and
`loading_stage` / `glide_type`, when sent, must match what was done. Nothing is filled in."""

from __future__ import annotations

import uuid
from typing import Any

from sqlmodel import Session

from app.core.errors import InvalidInput
from app.programme import statements
from app.programme.inputs import PerformedIn
from app.programme.library import GLIDES, Dose
from app.programme.prescriptions import (
    COMPONENTS,
    Item,
    Tendon,
    dose_problems,
    from_json,
    stage_of,
)
from app.programme.state import catalogue_for


def check_performed(
    session: Session,
    patient_id: uuid.UUID,
    performed: PerformedIn | None,
    loading_stage: int | None,
    glide_type: str | None,
) -> None:
    """422 (InvalidInput) when `performed` does not fit the patient's plan (a read only)."""
    if performed is None:
        return
    done = {c: getattr(performed, c) for c in COMPONENTS if getattr(performed, c) is not None}
    if not done:
        return
    ids = [uuid.UUID(each.version_id) for each in done.values()]
    rows = session.connection().execute(statements.VERSIONS_NAMED, {"pid": patient_id, "ids": ids})
    versions: dict[str, Any] = {str(row.id): row for row in rows}
    for component, each in done.items():
        row = versions.get(each.version_id)
        if row is None or row.component != component:
            raise InvalidInput(
                f"performed.{component}.version_id", f"must be a version of your {component} plan"
            )
    if "tendon" in done:
        _check_tendon(session, patient_id, done["tendon"], versions, loading_stage)
    neural = done.get("neural")
    if neural is not None and glide_type is not None:
        exercise = neural.exercise or versions[neural.version_id].prescription["exercise"]
        if GLIDES[exercise].glide != glide_type:
            raise InvalidInput(
                "glide_type", f"is {glide_type}, but the glide done is a {GLIDES[exercise].glide}"
            )


def _check_tendon(
    session: Session,
    patient_id: uuid.UUID,
    done: Any,
    versions: dict[str, Any],
    loading_stage: int | None,
) -> None:
    rx: Tendon
    if done.as_prescribed:
        stored = from_json("tendon", versions[done.version_id].prescription)
        assert isinstance(stored, Tendon)
        rx = stored
    else:
        rx = Tendon(
            tuple(
                Item(e.exercise, Dose(e.sets, e.reps, e.hold_s, e.load_kg)) for e in done.exercises
            )
        )
    catalogue = catalogue_for(session, patient_id, *(item.exercise for item in rx.items))
    for item in rx.items:
        exercise = catalogue.get(item.exercise)
        if exercise is None:
            raise InvalidInput("performed.tendon.exercises", f"unknown exercise {item.exercise!r}")
        for problem in dose_problems(item, exercise):
            raise InvalidInput("performed.tendon.exercises", problem)
    stage = stage_of(rx, catalogue)
    if loading_stage is not None and loading_stage != stage:
        raise InvalidInput(
            "loading_stage", f"is {loading_stage}, but the exercises done are stage {stage}"
        )
