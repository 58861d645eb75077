"""Trends of the weekly check-in: series by week, the change over about four weeks, and a
direction with a 2-point margin (a convention: no MCID is known for these scales; evidence.md
3.4 gives ~2 points for pain). Pure functions of stored check-ins."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from app.models import CheckIn, CheckInActivity

MARGIN = 2
CHANGE_WEEKS = 4
Point = tuple[date, int]


def measure_trend(points: Sequence[Point], higher_is_better: bool = True) -> dict[str, Any]:
    """{latest, change, direction, points}: change = latest minus the earliest value in the
    four weeks before the latest week (None with a single point)."""
    ordered = sorted(points)
    if not ordered:
        return {"latest": None, "change": None, "direction": None, "points": []}
    last_week, latest = ordered[-1]
    since = last_week - timedelta(weeks=CHANGE_WEEKS)
    earlier = [value for week, value in ordered[:-1] if week >= since]
    change = latest - earlier[0] if earlier else None
    return {
        "latest": latest,
        "change": change,
        "direction": direction_of(change, higher_is_better),
        "points": [{"week_start": week, "value": value} for week, value in ordered],
    }


def direction_of(change: int | None, higher_is_better: bool = True) -> str | None:
    if change is None:
        return None
    better = change if higher_is_better else -change
    if better >= MARGIN:
        return "improving"
    if better <= -MARGIN:
        return "worsening"
    return "stable"


def _series(check_ins: Sequence[CheckIn], value: Callable[[CheckIn], int]) -> list[Point]:
    return [(row.week_start, value(row)) for row in check_ins]


def check_in_trends(
    check_ins: Sequence[CheckIn], activities: Sequence[CheckInActivity]
) -> dict[str, Any]:
    """Trends of every measure; activities in the order of the current form, then retired
    ones that have scores in the range."""
    by_activity: dict[str, list[Point]] = {}
    for row in check_ins:
        for rating in row.ratings:
            by_activity.setdefault(rating["activity_id"], []).append(
                (row.week_start, rating["score"])
            )
    ordered = sorted(activities, key=lambda a: (a.retired_at is not None, a.position))
    return {
        "confidence": measure_trend(_series(check_ins, lambda r: r.confidence)),
        "fear": measure_trend(_series(check_ins, lambda r: r.fear), higher_is_better=False),
        "global_change": measure_trend(_series(check_ins, lambda r: r.global_change)),
        "activities": [
            {
                "activity_id": a.id,
                "label": a.label,
                "current": a.retired_at is None,
                **measure_trend(by_activity.get(str(a.id), [])),
            }
            for a in ordered
            if a.retired_at is None or str(a.id) in by_activity
        ],
    }
