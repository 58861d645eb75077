"""Kari, the main demo patient: six weeks of realistic logs with flares, a referral and progress.

Each day is written as Kari would have written it that evening (the clock set to that day), so
her plan moves with her guidance as it would have: she logs her sessions against the plan
("done as prescribed"), takes the steps offered (she declines one), and back-offs apply at once.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.core.clock import today_in
from app.core.db import writing
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import User
from app.patients.settings import add_setting
from app.programme.library import GLIDES
from app.programme.prescriptions import LIBRARY, Neural, Tendon, stage_of
from app.programme.proposals import accept_proposal, decline_proposal
from app.programme.service import ensure_programme, follow_phase
from app.programme.state import PlanState, load_state, save_state
from app.rules import Thresholds

DAYS = 42
PHASE_2_FROM = -27  # day offset when the clinician moved Kari to phase 2
SKIPPED = {-23, -15}  # days Kari forgot to log
DECLINED = {"sitting"}  # the first step of these Kari declines ("not before the long drive")

# Scripted events on top of the everyday pattern: (offset, fields).
EVENTS: dict[int, dict[str, Any]] = {
    -36: {"sitting_pain": 6, "notes": "Long drive to my parents'. Sit bone ached all evening."},
    -35: {"sitting_pain": 6, "sitting_tolerance_min": 20},
    -32: {"red_flags": ["night_rest_pain"], "notes": "Woke at 3am with a deep ache."},
    -20: {"loading_pain": 6, "loading_stage": 2, "notes": "Tried heavier Romanian deadlifts."},
    -19: {"morning_pain": 5, "loading_pain": None, "loading_stage": None},
    -12: {"sprint_pain": 2, "sprint_speed_pct": 60},
    -10: {"sprint_pain": 2, "sprint_speed_pct": 65},
    -8: {"glide_type": "tensioner", "glide_pain": 3, "paresthesia": "settled"},
    -5: {"sitting_pain": 7, "notes": "Conference day, eight hours on hard chairs."},
}
# The fields that make a session of each component, as an event may set them.
SESSION_FIELDS = {
    "tendon": ("loading_pain", "loading_stage"),
    "neural": ("glide_type", "glide_pain"),
}


def _everyday(offset: int, rng: random.Random) -> dict[str, Any]:
    """Kari's usual day: slowly settling pain, loading every other day, glides every third."""
    progress = (offset + DAYS) / DAYS  # 0 at the start, 1 today
    morning = max(1, round(4 - 2 * progress + rng.choice((-0.4, 0, 0, 0.4))))
    log: dict[str, Any] = {
        "morning_pain": morning,
        "sitting_pain": max(1, round(4 - 2 * progress)),
        "sitting_tolerance_min": int(30 + 45 * progress) // 5 * 5,
        "sleep": rng.randint(2, 4),
        "fatigue": rng.randint(2, 4),
        "stress": rng.randint(2, 5),
        "soreness": rng.randint(2, 4),
    }
    if offset % 2 == 0:
        log |= {
            "loading_pain": rng.choice((2, 2, 3)),
            "session_rpe": rng.randint(4, 6),
            "session_min": 35,
        }
    if offset % 3 == 0:
        log |= {"glide_pain": 1, "paresthesia": "none", "symptom_extent": "buttock"}
    return log


def _against_plan(state: PlanState, log: dict[str, Any], event: dict[str, Any]) -> dict[str, Any]:
    """The day "done as prescribed": the plan's stage and glide type, and the versions done
    (not for a session the day's event changed)."""
    performed: dict[str, Any] = {}
    tendon, neural = state.rx("tendon"), state.rx("neural")
    assert isinstance(tendon, Tendon) and isinstance(neural, Neural)
    if "loading_pain" in log:
        log["loading_stage"] = stage_of(tendon, LIBRARY)
        performed["tendon"] = {"version_id": state.current["tendon"]["id"], "as_prescribed": True}
    if "glide_pain" in log:
        log["glide_type"] = GLIDES[neural.exercise].glide
        performed["neural"] = {"version_id": state.current["neural"]["id"], "as_prescribed": True}
    for component, fields in SESSION_FIELDS.items():
        if any(name in event for name in fields):
            performed.pop(component, None)
    return log | event | ({"performed": performed} if performed else {})


def _answer_steps(
    session: Session, patient: User, guidance: dict[str, Any], at: datetime, declined: set[str]
) -> None:
    for component, decision in guidance["components"].items():
        if decision["step"] != "proposed":
            continue
        if component in DECLINED and component not in declined:
            declined.add(component)
            decline_proposal(session, patient, decision["proposal_id"], at)
        else:
            accept_proposal(session, patient, decision["proposal_id"], at)


def _move_to_phase_2(session: Session, patient: User, clinician: User, at: datetime) -> None:
    with writing(session):
        state = ensure_programme(session, patient.id, 2, at)
        follow_phase(session, state, 2, at, changed_by=clinician.id)
        save_state(session, state, at)


def write_kari(session: Session, patient: User, clinician: User, now: datetime) -> None:
    rng = random.Random(42)  # noqa: S311 (repeatable demo data)
    today = today_in(patient.timezone, now)
    with writing(session):
        add_setting(
            session, patient.id, today + timedelta(days=PHASE_2_FROM), 2, Thresholds(), clinician.id
        )
    declined: set[str] = set()
    for offset in range(-DAYS + 1, 1):
        at = now + timedelta(days=offset)  # that evening, as Kari wrote it
        if offset == PHASE_2_FROM:
            _move_to_phase_2(session, patient, clinician, at)
        if offset in SKIPPED:
            continue
        state = load_state(session, patient.id)
        assert state is not None
        fields = _against_plan(state, _everyday(offset, rng), EVENTS.get(offset, {}))
        day = today + timedelta(days=offset)
        saved = save_daily_log(session, patient, day, LogIn(**fields), at)
        _answer_steps(session, patient, saved.guidance, at, declined)
