"""The visit summary's aggregates, as pure functions of what was loaded: one row per ISO week,
counts and trends, never one row per day (six weeks fit one A4 page)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from statistics import fmean
from typing import Any

from app.logs.records import RecordRow
from app.models import CheckIn
from app.outcomes.due import week_start
from app.outcomes.questionnaire import GLOBAL_CHANGE_NAME
from app.rules import DayLog, Episode
from app.rules.episodes import episode_of
from app.rules.history import is_glide, is_loading, is_logged, is_run

TOP_RULES = 8


def _mean(values: Sequence[int]) -> float | None:
    return round(fmean(values), 1) if values else None


def _values(logs: Sequence[DayLog], name: str) -> list[int]:
    return [v for log in logs if (v := getattr(log, name)) is not None]


def week_rows(
    start: date,
    end: date,
    logs: Mapping[date, DayLog],
    records: Mapping[date, RecordRow],
    check_ins: Sequence[CheckIn],
    labels: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One row per ISO week overlapping start..end, oldest first."""
    by_week = {row.week_start: row for row in check_ins}
    rows = []
    monday = week_start(start)
    while monday <= end:
        first, last = max(monday, start), min(monday + timedelta(days=6), end)
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        week_logs = [log for d in days if (log := logs.get(d)) is not None and is_logged(log)]
        decided = Counter(records[d].decision for d in days if d in records)
        loads = [log for log in week_logs if is_loading(log)]
        runs = [log for log in week_logs if is_run(log)]
        speeds, stages = _values(runs, "sprint_speed_pct"), _values(loads, "loading_stage")
        mornings = _values(week_logs, "morning_pain")
        check_in = by_week.get(monday)
        rows.append(
            {
                "week_start": monday,
                "days": len(days),
                "days_logged": len(week_logs),
                "morning_pain_mean": _mean(mornings),
                "morning_pain_max": max(mornings, default=None),
                "sitting_pain_mean": _mean(_values(week_logs, "sitting_pain")),
                "sitting_tolerance_mean": _mean(_values(week_logs, "sitting_tolerance_min")),
                "loading_sessions": len(loads),
                "top_stage": max(stages, default=None),
                "runs": len(runs),
                "top_speed_pct": max(speeds, default=None),
                "glide_days": sum(1 for log in week_logs if is_glide(log)),
                "progress": decided["progress"],
                "hold": decided["hold"],
                "back_off": decided["back_off"],
                "referral_days": sum(1 for d in days if d in records and records[d].referral),
                "red_flag_days": sum(1 for log in week_logs if log.red_flags),
                "check_in": check_in_brief(check_in, labels) if check_in else None,
            }
        )
        monday += timedelta(days=7)
    return rows


def check_in_brief(row: CheckIn, labels: Mapping[str, str]) -> dict[str, Any]:
    return {
        "week_start": row.week_start,
        "confidence": row.confidence,
        "fear": row.fear,
        "global_change": GLOBAL_CHANGE_NAME[row.global_change],
        "activities": [
            {"label": labels.get(r["activity_id"], ""), "score": r["score"]} for r in row.ratings
        ],
    }


def decisions_part(records: Mapping[date, RecordRow], days: int) -> dict[str, Any]:
    decided = Counter(r.decision for r in records.values())
    rules = Counter(rule for r in records.values() for rule in r.rules.split())
    levels: dict[str, list[date]] = {}
    for day, r in sorted(records.items()):
        if r.referral:
            levels.setdefault(r.referral, []).append(day)
    return {
        "days": days,
        "decided": len(records),
        "progress": decided["progress"],
        "hold": decided["hold"],
        "back_off": decided["back_off"],
        "steps_up": sum(1 for r in records.values() if r.progressed),
        "phase_ready_days": sum(1 for r in records.values() if r.phase_ready),
        "top_rules": [{"rule": k, "days": n} for k, n in rules.most_common(TOP_RULES)],
        "referrals": [
            {"level": level, "days": len(found), "first_on": found[0], "last_on": found[-1]}
            for level, found in levels.items()
        ],
    }


def episodes_part(
    logs: Mapping[date, DayLog],
    open_now: Sequence[Episode],
    checks: Sequence[dict[str, Any]],
) -> dict[str, Any]:
    """Red-flag episodes that started in the period, those open today, and the checks."""
    still_open = {e.started_on for e in open_now}
    started = [e for d in sorted(logs) if (e := episode_of(logs[d])) is not None]
    return {
        "started": [{**e.as_dict(), "open_now": e.started_on in still_open} for e in started],
        "open_now": [e.as_dict() for e in open_now],
        "checks": list(checks),
    }


def check_ins_part(rows: Sequence[CheckIn], labels: Mapping[str, str]) -> dict[str, Any]:
    """First and latest check-in of the period, with the change between them."""
    if not rows:
        return {"count": 0, "first": None, "latest": None, "change": None}
    first, latest = rows[0], rows[-1]
    return {
        "count": len(rows),
        "first": check_in_brief(first, labels),
        "latest": check_in_brief(latest, labels),
        "change": {
            "confidence": latest.confidence - first.confidence,
            "fear": latest.fear - first.fear,
            "global_change": latest.global_change - first.global_change,
        },
    }


def logs_part(logs: Mapping[date, DayLog], days: int) -> dict[str, Any]:
    logged = [d for d, log in logs.items() if is_logged(log)]
    return {
        "days": days,
        "days_logged": len(logged),
        "adherence_pct": round(100 * len(logged) / days) if days else 0,
        "first_log_on": min(logged, default=None),
        "last_log_on": max(logged, default=None),
    }
