"""Coach readiness: a status and plain-word restrictions, never scores, notes or reasons.

Every restriction is one of the constant strings below, so nothing a patient logged (a pain
score, a note, a red flag) can reach the coach through this module.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from statistics import fmean, pstdev

from .history import index_by_offset, is_logged, is_run
from .model import (
    BACK_OFF,
    HIGH_SPEED,
    HOLD,
    JOG,
    NEURAL,
    PHASE_MAX_BAND,
    REFERRAL_RANK,
    RUNNING,
    SITTING,
    SPRINT,
    TEMPO,
    TENDON,
    URGENT,
    DayLog,
    Guidance,
    Readiness,
    speed_band,
)

READY, MODIFIED, NOT_READY, UNKNOWN = "ready", "modified", "not_ready", "unknown"

REST_TODAY = "Rest from training today"
NO_RUNNING = "No running today"
RUN_AT_MOST = {
    JOG: "No running above 70% speed",
    TEMPO: "No running above 85% speed",
    HIGH_SPEED: "No running above 95% speed",
}
RUN_NO_FASTER = "No faster running than last time"
RUN_SLOWER = "Run slower than last time"
LOAD_LIGHTER = "Lighter loading today"
LOAD_SAME = "Keep loading at the current level"
NO_DEEP_HIP_FLEXION = "No deep hip-flexion work"
GLIDES_GENTLE = "Gentle nerve glides only"
GLIDES_SAME = "No harder nerve glides"
SESSION_LIGHT = "Keep today's session light"
KEEP_LEVEL = "Keep training at the current level"
SITTING_SAME = "No longer sitting spells than usual"
RESTRICTIONS = frozenset(
    {
        REST_TODAY,
        KEEP_LEVEL,
        SITTING_SAME,
        NO_RUNNING,
        *RUN_AT_MOST.values(),
        RUN_NO_FASTER,
        RUN_SLOWER,
        LOAD_LIGHTER,
        LOAD_SAME,
        NO_DEEP_HIP_FLEXION,
        GLIDES_GENTLE,
        GLIDES_SAME,
        SESSION_LIGHT,
    }
)

_HOLD_PHRASES = frozenset({LOAD_SAME, GLIDES_SAME, SITTING_SAME, RUN_NO_FASTER})

RECENT_DAYS = 3
WELLNESS_DAYS = 28
WELLNESS_MIN_VALUES = 7
WELLNESS_Z = 1.0


def _hooper(log: DayLog | None) -> int | None:
    if log is None:
        return None
    items = (log.sleep, log.fatigue, log.stress, log.soreness)
    if any(v is None for v in items):
        return None
    return sum(v for v in items if v is not None)


def wellness_worse(days: list[DayLog | None]) -> bool:
    """Hooper total today vs the previous 28 days' totals (>= 7): z >= 1, or sd 0 and above."""
    total = _hooper(days[0])
    if total is None:
        return False
    totals = [t for t in map(_hooper, days[1 : WELLNESS_DAYS + 1]) if t is not None]
    if len(totals) < WELLNESS_MIN_VALUES:
        return False
    mean = fmean(totals)
    sd = pstdev(totals, mean)
    if sd == 0:
        return total > mean
    return (total - mean) / sd >= WELLNESS_Z


def _current_band(days: list[DayLog | None]) -> int | None:
    for log in days:
        if log is not None and is_run(log) and log.sprint_speed_pct is not None:
            return speed_band(log.sprint_speed_pct)
    return None


def _speed_limit(allowed: int | None) -> list[str]:
    """The running restriction for the fastest band allowed (None or below jog: no running)."""
    if allowed is None or allowed < JOG:
        return [NO_RUNNING]
    return [RUN_AT_MOST[allowed]] if allowed < SPRINT else []


def _running_restrictions(guidance: Guidance, days: list[DayLog | None]) -> list[str]:
    """The phase cap; a running hold keeps the current band, a back_off drops one band."""
    allowed = PHASE_MAX_BAND.get(guidance.phase)
    running = guidance.components[RUNNING]
    if allowed is None or not running.rules or running.decision not in (HOLD, BACK_OFF):
        return _speed_limit(allowed)
    backing_off = running.decision == BACK_OFF
    band = _current_band(days)
    if band is None:
        return [*_speed_limit(allowed), RUN_SLOWER if backing_off else RUN_NO_FASTER]
    return _speed_limit(min(allowed, band - 1 if backing_off else band))


def _component_restrictions(guidance: Guidance) -> list[str]:
    found = []
    for name, on_back_off, on_hold in (
        (TENDON, LOAD_LIGHTER, LOAD_SAME),
        (SITTING, NO_DEEP_HIP_FLEXION, SITTING_SAME),
        (NEURAL, GLIDES_GENTLE, GLIDES_SAME),
    ):
        c = guidance.components[name]
        if not c.rules:
            continue
        if c.decision == BACK_OFF:
            found.append(on_back_off)
        elif c.decision == HOLD:
            found.append(on_hold)
    return found


def assess_readiness(guidance: Guidance, logs: Iterable[DayLog], today: dt.date) -> Readiness:
    """ready | modified | not_ready | unknown, with restrictions in plain words, derived from
    the same decision the patient sees.

    not_ready: an urgent/emergency referral (today's flags or an open episode), or tendon or
    running backs off. modified: any other referral, any component a rule holds or backs off
    (PR-0's "another day" included), or wellness worse than the athlete's own normal.
    unknown: no log in the last 3 days and no referral.
    Source: guardrails.md "Coach readiness"; Hooper & Mackinnon 1995 wellness, z-score alerts
    as in athlete-monitoring practice (evidence.md section 6).
    """
    rank = REFERRAL_RANK[guidance.referral]
    if rank >= REFERRAL_RANK[URGENT]:
        return Readiness(NOT_READY, (REST_TODAY,))
    days = index_by_offset(logs, today, WELLNESS_DAYS + 1)
    if rank == 0 and not any(is_logged(log) for log in days[:RECENT_DAYS]):
        return Readiness(UNKNOWN, tuple(_speed_limit(PHASE_MAX_BAND.get(guidance.phase))))
    components = guidance.components
    restrictions = _running_restrictions(guidance, days) + _component_restrictions(guidance)
    if rank > 0:  # a review is pending: one "keep the level" instead of one per component
        restrictions = [r for r in restrictions if r not in _HOLD_PHRASES] + [KEEP_LEVEL]
    if components[TENDON].decision == BACK_OFF or components[RUNNING].decision == BACK_OFF:
        return Readiness(NOT_READY, tuple(restrictions))
    ruled = any(c.rules and c.decision in (HOLD, BACK_OFF) for c in components.values())
    worse = wellness_worse(days)
    if worse:
        restrictions.append(SESSION_LIGHT)
    status = MODIFIED if ruled or worse or rank > 0 else READY
    return Readiness(status, tuple(restrictions))
