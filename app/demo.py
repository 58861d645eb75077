"""Demo data for `make run`: a patient with six weeks of realistic logs, written through the
same service code as the API (so every day has its real guidance). Safe to run again."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, select

from app.auth.schemas import RegisterIn
from app.auth.service import register_user
from app.core.clock import today_in, utcnow
from app.core.db import get_engine
from app.logs.patient_settings import add_setting
from app.logs.schemas import LogIn
from app.logs.service import save_daily_log
from app.models import DecisionRecord, User
from app.rules import Thresholds

DEMO_PASSWORD = "loadline-demo"  # noqa: S105 (printed for the demo)
PATIENT_EMAIL = "patient@demo.loadline.app"
DAYS = 42
PHASE_2_FROM = -27  # day offset when the clinician moved the demo patient to phase 2
SKIPPED = {-23, -15}  # days the patient forgot to log

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
    """The patient's usual day: slowly settling pain, loading every other day."""
    progress = (offset + DAYS) / DAYS  # 0 at the start, 1 today
    morning = max(1, round(4 - 2 * progress + rng.choice((-0.4, 0, 0, 0.4))))
    phase_2 = offset >= PHASE_2_FROM
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
            "loading_stage": 2 if phase_2 else 1,
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


def _write_story(session: Session, patient: User, now: datetime) -> None:
    rng = random.Random(42)  # noqa: S311 (repeatable demo data)
    today = today_in(patient.timezone, now)
    add_setting(session, patient.id, today + timedelta(days=PHASE_2_FROM), 2, Thresholds())
    session.commit()
    for offset in range(-DAYS + 1, 1):
        if offset in SKIPPED:
            continue
        fields = _everyday(offset, rng) | EVENTS.get(offset, {})
        save_daily_log(session, patient, today + timedelta(days=offset), LogIn(**fields), now)


def _register(
    session: Session, email: str, name: str, role: str, now: datetime
) -> tuple[User, bool]:
    existing = session.exec(select(User).where(User.email == email)).first()
    if existing is not None:
        return existing, False
    data = RegisterIn(email=email, password=DEMO_PASSWORD, display_name=name, role=role)  # type: ignore[arg-type]
    user = register_user(session, data, now - timedelta(days=DAYS))
    return user, True


def decision_counts(session: Session, patient: User) -> Counter[str]:
    rows = session.exec(
        select(DecisionRecord).where(
            DecisionRecord.patient_id == patient.id,
            DecisionRecord.superseded_at == None,  # noqa: E711
        )
    ).all()
    counts = Counter(row.decision for row in rows)
    counts.update(f"referral:{row.referral}" for row in rows if row.referral)
    return counts


def load_demo(session: Session, now: datetime | None = None) -> dict[str, str]:
    now = now or utcnow()
    patient, created = _register(session, PATIENT_EMAIL, "Demo Patient (Kari)", "patient", now)
    if created:
        _write_story(session, patient, now)
    return {"patient": PATIENT_EMAIL}


def main() -> None:
    with Session(get_engine(), expire_on_commit=False) as session:
        accounts = load_demo(session)
        patient = session.exec(select(User).where(User.email == PATIENT_EMAIL)).one()
        counts = decision_counts(session, patient)
    print("\nLoadline demo data is ready. Sign in at http://127.0.0.1:8000 with:")
    for role, email in accounts.items():
        print(f"  {role:10} {email:34} password: {DEMO_PASSWORD}")
    print("  guidance over six weeks:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("  API docs: http://127.0.0.1:8000/docs\n")


if __name__ == "__main__":
    main()
