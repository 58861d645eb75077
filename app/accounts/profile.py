"""The `/me` answer: the user, plus phase, thresholds and time zone for a patient."""

from __future__ import annotations

from dataclasses import asdict

from sqlmodel import Session

from app.accounts.schemas import PatientMeOut
from app.auth.schemas import UserOut
from app.core.clock import today_in
from app.models import User
from app.patients.schemas import ThresholdsOut
from app.patients.settings import load_history, state_on


def build_me(session: Session, user: User) -> PatientMeOut | UserOut:
    base = UserOut.model_validate(user, from_attributes=True)
    if user.role != "patient":
        return base
    state = state_on(load_history(session, user.id), today_in(user.timezone))
    assert state.phase_started_on is not None
    return PatientMeOut(
        **base.model_dump(),
        phase=state.phase,
        phase_started_on=state.phase_started_on,
        thresholds=ThresholdsOut(**asdict(state.thresholds)),
    )
