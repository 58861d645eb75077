"""Dashboard rows derived at read time from a status row and today's date (no history read)."""

from __future__ import annotations

from datetime import date, timedelta
from statistics import fmean
from typing import Any

from app.logs.window import Window
from app.outcomes.due import is_check_in_overdue
from app.rules import MAINTENANCE_PHASE

REFERRAL_RANK = {None: 0, "routine": 1, "soon": 2, "urgent": 3, "emergency": 4}
TREND_MARGIN = 2.0
MISSING_AFTER_DAYS = 3
NO_PROGRESS_DAYS = 42
MAINTENANCE_OVERDUE_DAYS = 14


def maintenance_overdue(status: Any, today: date) -> bool:
    """Phase 6 and no maintenance check for 14 days (before the first: the last log)."""
    if status.phase != MAINTENANCE_PHASE:
        return False
    last = status.last_maintenance_on or status.last_log_date
    return last is None or last <= today - timedelta(days=MAINTENANCE_OVERDUE_DAYS)


def trend_of(window: Window) -> str | None:
    """7-day mean morning pain against the 7 days before, with a 2-point margin."""
    this_week = [v for v in (window.morning(k) for k in range(7)) if v is not None]
    last_week = [v for v in (window.morning(k) for k in range(7, 14)) if v is not None]
    if not this_week or not last_week:
        return None
    change = fmean(this_week) - fmean(last_week)
    if change <= -TREND_MARGIN:
        return "improving"
    if change >= TREND_MARGIN:
        return "worsening"
    return "stable"


def dashboard_row(status: Any, display_name: str, today: date) -> dict[str, Any]:
    """One row from a status row (an ORM object or a plain row with the same columns)."""
    window = Window(status.recent or {}, today)
    back_offs = sum(1 for k in range(7) if window.decision_code(k) == "B")
    logged_14 = sum(1 for k in range(14) if window.logged(k))
    days_since = (today - status.last_log_date).days if status.last_log_date else None
    referral_live = (
        status.referral is not None
        and status.decision_date is not None
        and status.decision_date >= today - timedelta(days=6)
    )
    episodes = list(status.open_episodes or ())
    referral = status.referral if referral_live else None
    for episode in episodes:  # an open episode refers at its level every day until closed
        if REFERRAL_RANK[episode["level"]] > REFERRAL_RANK.get(referral, 0):
            referral = episode["level"]
    flags = []
    if episodes:
        flags.append("open_episode")
    if referral is not None:
        flags.append("referral")
    if back_offs >= 3:
        flags.append("back_off_streak")
    missing = days_since is None or days_since >= MISSING_AFTER_DAYS
    if missing and status.phase != MAINTENANCE_PHASE:
        flags.append("missing_logs")
    if status.phase_ready:
        flags.append("phase_ready")
    long_enough = status.first_log_date and status.first_log_date <= today - timedelta(
        days=NO_PROGRESS_DAYS
    )
    cutoff = today - timedelta(days=NO_PROGRESS_DAYS - 1)
    if long_enough and (status.last_progress_date is None or status.last_progress_date < cutoff):
        flags.append("no_progress_6w")
    if is_check_in_overdue(status.last_check_in_week, status.first_log_date, today):
        flags.append("check_in_overdue")
    if status.last_assessed_on is None:
        flags.append("needs_assessment")
    if maintenance_overdue(status, today):
        flags.append("maintenance_overdue")
    return {
        "patient_id": status.patient_id,
        "display_name": display_name,
        "phase": status.phase,
        "last_log_date": status.last_log_date,
        "days_since_log": days_since,
        "decision": status.decision,
        "decision_date": status.decision_date,
        "referral": referral,
        "flags": flags,
        "open_episodes": episodes,
        "morning_pain_7d": [window.morning(k) for k in range(6, -1, -1)],
        "trend": trend_of(window),
        "adherence_14d": round(logged_14 / 14, 2),
        "latest_confidence": status.latest_confidence,
        "last_check_in_week": status.last_check_in_week,
        "updated_at": status.updated_at,
        "_back_offs": back_offs,
    }


def urgency_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Most urgent first: an open red-flag episode (by level, oldest first), then referral
    level, back_off streak, missing logs, worsening, name."""
    episodes = row["open_episodes"]
    episode_rank = max((REFERRAL_RANK[e["level"]] for e in episodes), default=0)
    oldest = min((e["started_on"] for e in episodes), default="")
    return (
        -episode_rank,
        str(oldest),
        -REFERRAL_RANK.get(row["referral"], 0),
        -int("back_off_streak" in row["flags"]),
        -int("missing_logs" in row["flags"]),
        -(row["days_since_log"] if row["days_since_log"] is not None else 10_000),
        -int(row["trend"] == "worsening"),
        -row["_back_offs"],
        -int("phase_ready" in row["flags"]),
        row["display_name"].lower(),
    )
