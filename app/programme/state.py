"""A patient's plan as it stands (the `programmes` row), and the writes that keep it in step
with its history: a new version, a proposal and its outcome. Every function that writes does
so inside its caller's write."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.counters import CHANGE_SEQ, next_value
from app.models import CustomExercise
from app.programme import statements
from app.programme.library import Dose, Exercise
from app.programme.prescriptions import (
    CUSTOM_PREFIX,
    LIBRARY,
    Catalogue,
    Prescription,
    from_json,
    to_json,
    with_custom,
)

PENDING, ACCEPTED, DECLINED, WITHDRAWN = "pending", "accepted", "declined", "withdrawn"


@dataclass
class PlanState:
    """The plan row of one patient, changed in memory during a write and saved once."""

    patient_id: uuid.UUID
    phase: int
    current: dict[str, dict[str, Any]]  # component -> current version
    locks: dict[str, dict[str, Any]] = field(default_factory=dict)
    proposals: dict[str, dict[str, Any]] = field(default_factory=dict)  # the latest each
    back_offs: dict[str, dict[str, Any]] = field(default_factory=dict)  # the latest each
    stored: bool = True
    dirty: bool = False

    def rx(self, component: str) -> Prescription:
        return from_json(component, self.current[component]["prescription"])

    def pending(self, component: str) -> dict[str, Any] | None:
        latest = self.proposals.get(component)
        return latest if latest and latest["status"] == PENDING else None

    def custom_keys(self) -> set[str]:
        found: set[str] = set()
        entries = [self.current, self.proposals, self.back_offs]
        for entry in (e for each in entries for e in each.values()):
            for item in (entry.get("prescription") or {}).get("exercises", ()):
                if item["exercise"].startswith(CUSTOM_PREFIX):
                    found.add(item["exercise"])
        return found


def lock_patient(session: Session, patient_id: uuid.UUID) -> None:
    """Take the patient's write lock (as app/logs does) before the plan row: for a plan change
    that is not part of a log write (inside the caller's write)."""
    if session.get_bind().dialect.name != "sqlite":
        session.connection().execute(statements.LOCK_PATIENT, {"pid": patient_id}).one()


def load_state(
    session: Session, patient_id: uuid.UUID, *, for_update: bool = False
) -> PlanState | None:
    query = statements.HEAD_FOR_UPDATE if for_update else statements.HEAD
    row = session.connection().execute(query, {"pid": patient_id}).first()
    return None if row is None else state_from(patient_id, *row)


def state_from(
    patient_id: uuid.UUID,
    phase: int,
    current: dict[str, dict[str, Any]],
    locks: dict[str, dict[str, Any]],
    proposals: dict[str, dict[str, Any]],
    back_offs: dict[str, dict[str, Any]],
) -> PlanState:
    """A PlanState from the row's values in statements.HEAD_FIELDS order."""
    return PlanState(patient_id, phase, current, locks, proposals, back_offs)


def save_state(session: Session, state: PlanState, now: datetime) -> None:
    """Write the row if it changed (inside the caller's write)."""
    if not state.dirty:
        return
    values = {name: getattr(state, name) for name in statements.HEAD_FIELDS}
    if state.stored:
        params = {f"new_{name}": value for name, value in values.items()}
        session.connection().execute(
            statements.UPDATE_HEAD, {"pid": state.patient_id, "new_updated_at": now, **params}
        )
    else:
        session.connection().execute(
            statements.INSERT_HEAD, {"patient_id": state.patient_id, "updated_at": now, **values}
        )
        state.stored = True
    state.dirty = False


def add_version(
    session: Session,
    state: PlanState,
    component: str,
    rx: Prescription,
    now: datetime,
    *,
    kind: str,
    made_by: str,
    reason: str,
    made_by_id: uuid.UUID | None = None,
    decision_date: date | None = None,
    tolerated_id: str | None = None,
    change: str | None = None,
    note: str | None = None,
) -> dict[str, Any]:
    """Append a version and make it the component's current one (inside the caller's write)."""
    previous = state.current.get(component)
    version_id = uuid.uuid4()
    row = {
        "id": version_id,
        "patient_id": state.patient_id,
        "component": component,
        "number": previous["number"] + 1 if previous else 1,
        "kind": kind,
        "prescription": to_json(rx),
        "made_by": made_by,
        "made_by_id": made_by_id,
        "reason": reason,
        "decision_date": decision_date,
        "tolerated_id": uuid.UUID(tolerated_id) if tolerated_id else None,
        "change": change,
        "note": note,
        "created_at": now,
    }
    session.connection().execute(statements.INSERT_VERSION, row)
    entry = {
        "id": str(version_id),
        "number": row["number"],
        "kind": kind,
        "made_by": made_by,
        "reason": reason,
        "prescription": row["prescription"],
        "tolerated_id": tolerated_id,
        "created_at": now.isoformat(),
    }
    state.current[component] = entry
    state.dirty = True
    return entry


def tolerated_of(
    session: Session, state: PlanState, component: str
) -> tuple[Prescription, str | None] | None:
    """The current version's last tolerated prescription and that version's own tolerated id."""
    tolerated = state.current[component].get("tolerated_id")
    if not tolerated:
        return None
    params = {"pid": state.patient_id, "version_id": uuid.UUID(tolerated)}
    row = session.connection().execute(statements.TOLERATED, params).first()
    if row is None:
        return None
    return from_json(component, row.prescription), (
        str(row.tolerated_id) if row.tolerated_id else None
    )


def add_proposal(
    session: Session,
    state: PlanState,
    component: str,
    day: date,
    rule: str,
    rx: Prescription,
    change: str,
    now: datetime,
) -> dict[str, Any]:
    proposal_id = uuid.uuid4()
    row = {
        "id": proposal_id,
        "patient_id": state.patient_id,
        "component": component,
        "decision_date": day,
        "rule": rule,
        "from_version_id": uuid.UUID(state.current[component]["id"]),
        "prescription": to_json(rx),
        "change": change,
        "status": PENDING,
        "created_at": now,
    }
    session.connection().execute(statements.INSERT_PROPOSAL, row)
    entry = {
        "id": str(proposal_id),
        "decision_date": day.isoformat(),
        "rule": rule,
        "status": PENDING,
        "from_version_id": state.current[component]["id"],
        "prescription": row["prescription"],
        "change": change,
    }
    state.proposals[component] = entry
    state.dirty = True
    return entry


def resolve_proposal(
    session: Session,
    state: PlanState,
    component: str,
    status: str,
    now: datetime,
    version_id: str | None = None,
) -> None:
    """Accept, decline or withdraw the component's latest proposal (inside the caller's write)."""
    entry = state.proposals[component]
    params = {
        "proposal_id": uuid.UUID(entry["id"]),
        "new_status": status,
        "at": now,
        "new_version_id": uuid.UUID(version_id) if version_id else None,
    }
    session.connection().execute(statements.RESOLVE_PROPOSAL, params)
    state.proposals[component] = {**entry, "status": status}
    state.dirty = True


def withdraw_pending(session: Session, state: PlanState, component: str, now: datetime) -> None:
    if state.pending(component):
        resolve_proposal(session, state, component, WITHDRAWN, now)


def touch_status(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Move the patient's status row so polled views notice a plan change (inside a write)."""
    seq = next_value(session, CHANGE_SEQ)
    session.connection().execute(
        statements.TOUCH_STATUS, {"pid": patient_id, "at": now, "seq": seq}
    )


def custom_exercise(row: CustomExercise) -> Exercise:
    return Exercise(
        f"{CUSTOM_PREFIX}{row.id}",
        row.name,
        row.description,
        row.stage,
        row.dosing,
        Dose(**row.start),
        Dose(**row.top),
    )


def custom_rows(session: Session, patient_id: uuid.UUID) -> list[CustomExercise]:
    """The patient's own exercises, oldest first."""
    return list(
        session.exec(
            select(CustomExercise)
            .where(CustomExercise.patient_id == patient_id)
            .order_by(col(CustomExercise.created_at), col(CustomExercise.name))
        ).all()
    )


def load_custom(session: Session, patient_id: uuid.UUID) -> dict[str, Exercise]:
    rows = custom_rows(session, patient_id)
    return {f"{CUSTOM_PREFIX}{row.id}": custom_exercise(row) for row in rows}


def catalogue_for(session: Session, patient_id: uuid.UUID, *keys: str) -> Catalogue:
    """The library, plus this patient's own exercises when one of `keys` names one."""
    if not any(key.startswith(CUSTOM_PREFIX) for key in keys):
        return LIBRARY
    return with_custom(load_custom(session, patient_id))
