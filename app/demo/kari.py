"""Kari, the main demo patient: six weeks of realistic logs with flares, a referral and progress."""

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
from app.rules import Thresholds

DAYS = 42
PHASE_2_FROM = -27  # day offset when the clinician moved Kari to phase 2
SKIPPED = {-23, -15}  # days Kari forgot to log

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
            "loading_stage": 2 if offset >= PHASE_2_FROM else 1,
            "session_rpe": rng.randint(4, 6),
            "session_min": 35,
        }
    if offset % 3 == 0:
        log |= {
            "glide_type": "slider",
            "glide_pain": 1,
            "paresthesia": "none",
            "symptom_extent": "buttock",
        }
    return log


def write_kari(session: Session, patient: User, now: datetime) -> None:
    rng = random.Random(42)  # noqa: S311 (repeatable demo data)
    today = today_in(patient.timezone, now)
    with writing(session):
        add_setting(session, patient.id, today + timedelta(days=PHASE_2_FROM), 2, Thresholds())
    for offset in range(-DAYS + 1, 1):
        if offset in SKIPPED:
            continue
        fields = _everyday(offset, rng) | EVENTS.get(offset, {})
        save_daily_log(session, patient, today + timedelta(days=offset), LogIn(**fields), now)
