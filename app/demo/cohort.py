"""The rest of the demo clinic: short histories that put each patient in a different state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.core.clock import today_in
from app.core.db import writing
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import User
from app.patients.settings import add_setting
from app.programme.service import ensure_programme, follow_phase
from app.programme.state import save_state
from app.rules import Thresholds

Story = Callable[[int], dict[str, Any] | None]  # day offset -> that day's log (None: not logged)
STEADY: dict[str, Any] = {"morning_pain": 2, "sitting_pain": 2, "sitting_tolerance_min": 60}


def _open_episode(offset: int) -> dict[str, Any] | None:
    """A red flag two days ago that nobody has checked yet: RF-5 every day since."""
    day = STEADY | {"loading_pain": 2, "loading_stage": 2} if offset % 2 == 0 else dict(STEADY)
    if offset == -2:
        day |= {"red_flags": ["new_weakness"], "notes": "Leg gave way on the stairs."}
    return day


def _silent(offset: int) -> dict[str, Any] | None:
    return STEADY | {"morning_pain": 3} if offset <= -6 else None


def _ready_for_phase_2(offset: int) -> dict[str, Any] | None:
    tolerance = 45 if offset < -7 else 75  # sitting tolerance rising week on week
    return {
        "morning_pain": 2,
        "sitting_pain": 2,
        "sitting_tolerance_min": tolerance,
        "loading_pain": 1,
        "loading_stage": 1,
    }


def _flaring(offset: int) -> dict[str, Any] | None:
    if offset in (-5, -3, -1):
        return {"morning_pain": 4, "sitting_pain": 8, "sitting_tolerance_min": 15}
    return STEADY | {"morning_pain": 3}


def _worsening(offset: int) -> dict[str, Any] | None:
    return STEADY | {"morning_pain": 2 if offset < -6 else 5}


def _return_to_sport(offset: int) -> dict[str, Any] | None:
    """Phase 5: full training with sprints that settle; strength is what still lags."""
    day = dict(STEADY)
    if offset % 3 == 0:
        day |= {"sprint_pain": 1, "sprint_speed_pct": 97, "session_rpe": 7, "session_min": 60}
    if offset % 3 == 1:
        day |= {"loading_pain": 2, "loading_stage": 4}
    return day | {"sleep": 2, "fatigue": 3, "stress": 2, "soreness": 3}


def _new(offset: int) -> dict[str, Any] | None:
    return STEADY | {"morning_pain": 4, "sitting_pain": 4} if offset >= -2 else None


# (display name, phase, days of history, story)
COHORT: list[tuple[str, int, int, Story]] = [
    ("Ola Nordmann (red flag, not checked yet)", 2, 14, _open_episode),
    ("Per Hansen (stopped logging)", 1, 14, _silent),
    ("Ingrid Berg (ready for phase 2)", 1, 14, _ready_for_phase_2),
    ("Jonas Lie (flaring)", 2, 14, _flaring),
    ("Sara Dahl (worsening mornings)", 2, 14, _worsening),
    ("Anders Moe (return-to-sport review)", 5, 21, _return_to_sport),
    ("Eva Strand (just started)", 1, 3, _new),
]


def write_story(
    session: Session,
    patient: User,
    clinician: User,
    phase: int,
    days: int,
    story: Story,
    now: datetime,
) -> None:
    """The clinician sets the phase (the plan follows it), then the patient logs the story."""
    today = today_in(patient.timezone, now)
    if phase != 1:
        start = today - timedelta(days=days)
        with writing(session):
            add_setting(session, patient.id, start, phase, Thresholds(), clinician.id)
            state = ensure_programme(session, patient.id, phase, now)
            follow_phase(session, state, phase, now, changed_by=clinician.id)
            save_state(session, state, now)
    for offset in range(-days + 1, 1):
        fields = story(offset)
        if fields is not None:
            save_daily_log(session, patient, today + timedelta(days=offset), LogIn(**fields), now)
