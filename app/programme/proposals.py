"""The patient's one tap: accept a proposed step (it becomes the new version) or decline it.

A proposal can be accepted only while it still stands: pending, its component not locked, the
plan still at the version it was made from, the day's current decision still naming its PR
rule, and the step within the phase. Otherwise it is withdrawn (kept, then refused: 409).
Accepting twice, or declining twice, answers as the first time (offline replays are safe).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.db import writing
from app.core.errors import Conflict, NotFound
from app.models import DecisionRecord, ProgrammeProposal, User
from app.programme.prescriptions import from_json, limit_problems
from app.programme.service import PATIENT
from app.programme.state import (
    ACCEPTED,
    DECLINED,
    PENDING,
    WITHDRAWN,
    PlanState,
    add_version,
    catalogue_for,
    load_state,
    lock_patient,
    resolve_proposal,
    save_state,
    touch_status,
)


@dataclass(frozen=True, slots=True)
class Answered:
    """A proposal after the patient's tap, and the version an acceptance made."""

    proposal: ProgrammeProposal
    version_id: uuid.UUID | None


def _find(session: Session, patient: User, proposal_id: str) -> ProgrammeProposal:
    try:
        pid = uuid.UUID(proposal_id)
    except ValueError:
        raise NotFound("No such proposal.") from None
    proposal = session.get(ProgrammeProposal, pid)
    if proposal is None or proposal.patient_id != patient.id:
        raise NotFound("No such proposal.")
    return proposal


def _still_stands(session: Session, state: PlanState, proposal: ProgrammeProposal) -> str | None:
    """Why the proposal no longer applies, or None."""
    component = proposal.component
    if component in state.locks:
        return "Your clinician now manages this part of your plan."
    if state.current[component]["id"] != str(proposal.from_version_id):
        return "Your plan changed since this step was offered."
    rules = session.exec(
        select(DecisionRecord.rules).where(
            DecisionRecord.patient_id == proposal.patient_id,
            DecisionRecord.decision_date == proposal.decision_date,
            col(DecisionRecord.superseded_at).is_(None),
        )
    ).first()
    if rules is None or proposal.rule not in rules.split():
        return f"The guidance for {proposal.decision_date} changed: this step no longer applies."
    rx = from_json(component, proposal.prescription)
    keys = [item["exercise"] for item in proposal.prescription.get("exercises", ())]
    if limit_problems(rx, state.phase, catalogue_for(session, proposal.patient_id, *keys)):
        return "This step is beyond your current phase."
    return None


def _latest_is(state: PlanState, proposal: ProgrammeProposal) -> bool:
    latest = state.proposals.get(proposal.component)
    return latest is not None and latest["id"] == str(proposal.id)


def accept_proposal(session: Session, patient: User, proposal_id: str, now: datetime) -> Answered:
    """Make the proposed step the component's new version (reason: its PR rule)."""
    refusal = None
    with writing(session):
        lock_patient(session, patient.id)
        state = load_state(session, patient.id, for_update=True)
        proposal = _find(session, patient, proposal_id)
        if proposal.status == ACCEPTED:
            return Answered(proposal, proposal.version_id)
        if proposal.status != PENDING or state is None or not _latest_is(state, proposal):
            raise Conflict(f"This step was {proposal.status}; it can no longer be accepted.")
        refusal = _still_stands(session, state, proposal)
        if refusal is not None:
            resolve_proposal(session, state, proposal.component, WITHDRAWN, now)
        else:
            version = add_version(
                session,
                state,
                proposal.component,
                from_json(proposal.component, proposal.prescription),
                now,
                kind="step_up",
                made_by=PATIENT,
                made_by_id=patient.id,
                reason=proposal.rule,
                decision_date=proposal.decision_date,
                tolerated_id=str(proposal.from_version_id),
                change=proposal.change,
            )
            resolve_proposal(session, state, proposal.component, ACCEPTED, now, version["id"])
            touch_status(session, patient.id, now)
        save_state(session, state, now)
        session.expire(proposal)
    if refusal is not None:
        raise Conflict(refusal)
    return Answered(proposal, proposal.version_id)


def decline_proposal(session: Session, patient: User, proposal_id: str, now: datetime) -> Answered:
    """Record that the patient keeps the current prescription (the plan does not change)."""
    with writing(session):
        lock_patient(session, patient.id)
        state = load_state(session, patient.id, for_update=True)
        proposal = _find(session, patient, proposal_id)
        if proposal.status == DECLINED:
            return Answered(proposal, None)
        if proposal.status != PENDING or state is None or not _latest_is(state, proposal):
            raise Conflict(f"This step was {proposal.status}; it can no longer be declined.")
        resolve_proposal(session, state, proposal.component, DECLINED, now)
        save_state(session, state, now)
        session.expire(proposal)
    return Answered(proposal, None)


def proposal_rows(
    session: Session, patient_id: uuid.UUID, since: date | None = None
) -> list[ProgrammeProposal]:
    """The patient's proposals, newest first (all of them, or decided on or after `since`)."""
    query = select(ProgrammeProposal).where(ProgrammeProposal.patient_id == patient_id)
    if since is not None:
        query = query.where(col(ProgrammeProposal.decision_date) >= since)
    order = (col(ProgrammeProposal.created_at).desc(), col(ProgrammeProposal.id))
    return list(session.exec(query.order_by(*order)).all())


def as_dict(proposal: ProgrammeProposal) -> dict[str, Any]:
    return {
        "id": str(proposal.id),
        "decision_date": proposal.decision_date.isoformat(),
        "rule": proposal.rule,
        "status": proposal.status,
        "from_version_id": str(proposal.from_version_id),
        "prescription": proposal.prescription,
        "change": proposal.change,
    }
