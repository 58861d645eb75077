"""A clinician-confirmed neural emphasis takes effect in the plan: sliders only, and the neural
component locked (only the clinician moves it on: no automatic slider -> tensioner step). The
starting profile's bare suggestion never does; nor does an assessment with another emphasis.
Nothing here reaches the guardrails: the plan changes, the decisions do not.

A later assessment with another emphasis does not lift the neural lock: automatic neural steps
resume only when the clinician unlocks the component in the plan (the cautious reading; the
plan tab shows the lock and its unlock button).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from app.models import Assessment, User
from app.programme.defaults import default_for, default_slider
from app.programme.editor import set_component, set_lock
from app.programme.inputs import NeuralIn
from app.programme.library import GLIDES, TENSIONER
from app.programme.prescriptions import Neural
from app.programme.reading import phase_today
from app.programme.state import load_state
from app.rules.model import NEURAL

NEURAL_EMPHASIS = "neural"
NEURAL_REASON = "assessment: neural emphasis"


def confirmed_emphasis(session: Session, patient_id: uuid.UUID) -> str | None:
    """The emphasis of the latest assessment (null before the first)."""
    found = session.exec(
        select(Assessment.emphasis)
        .where(Assessment.patient_id == patient_id)
        .order_by(col(Assessment.assessed_on).desc(), col(Assessment.created_at).desc())
        .limit(1)
    ).first()
    return found


def apply_emphasis(
    session: Session, clinician: User, patient: User, emphasis: str, now: datetime
) -> bool:
    """A neural emphasis: a tensioner becomes the phase's default slider (the clinician named,
    reason "assessment: neural emphasis") and the neural component is locked. Any other
    emphasis changes nothing. Inside the caller's write; True when the plan was touched."""
    if emphasis != NEURAL_EMPHASIS:
        return False
    phase = phase_today(session, patient, now)
    state = load_state(session, patient.id)
    rx = state.rx(NEURAL) if state is not None else default_for(phase, NEURAL)
    if isinstance(rx, Neural) and GLIDES[rx.exercise].glide == TENSIONER:
        slider = default_slider(phase)
        body = NeuralIn(exercise=slider.exercise, reps=slider.reps, note=None)
        set_component(session, patient, NEURAL, body, clinician, now, reason=NEURAL_REASON)
    set_lock(session, patient, NEURAL, clinician, True, now, reason=NEURAL_REASON)
    return True
