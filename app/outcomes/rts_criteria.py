"""The return-to-sport criteria (phase 5), computed from what is stored; a clinician confirms.

Definitions (conventions where evidence.md gives no number for PHT):
- pain stable for 14 days: today-13..today has >= 10 logged days, no back-off, no referral and
  no open red-flag episode, and the mean morning pain of the last 7 days is less than 1 point
  above the 7 days before (>= 4 mornings each);
- strength symmetry >= 90%: the latest isometric hamstring test of the last 6 weeks (an ACL
  convention used here [S48]; hamstring Delphi: within 10% [S46]);
- sprinting at full speed without a back-off: >= 2 runs above 95% in the 14 days (the sprint
  band), and no back-off on any of those days or the day after;
- confidence >= 8/10 and fear <= 3/10 as a trend: the two latest weekly check-ins both, the
  latest from this week or last;
- goals met: at least one goal met and none still active (dropped ones do not count).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean
from typing import Any

from app.outcomes.due import week_start
from app.outcomes.kinds import limb_symmetry
from app.rules import DayLog
from app.rules.history import is_logged

STABLE_DAYS, MIN_LOGGED, MIN_MORNINGS, RISE_LIMIT = 14, 10, 4, 1.0
SYMMETRY_TARGET, STRENGTH_MAX_AGE_DAYS = 90.0, 42
SPRINT_ABOVE_PCT, SPRINTS_NEEDED = 95, 2
CONFIDENCE_MIN, FEAR_MAX, CHECK_INS_NEEDED = 8, 3, 2
LABELS = {
    "pain_stable_14d": "Pain stable for 14 days",
    "strength_symmetry": "Strength symmetry at least 90%",
    "sprint_without_back_off": "Sprinting at full speed without a back-off",
    "confidence_and_fear": "Confidence 8/10 or more and fear of re-injury 3/10 or less",
    "goals_met": "Goals met",
}


@dataclass(frozen=True, slots=True)
class Strength:
    tested_on: date
    left: float
    right: float
    side: str | None
    unit: str | None
    self_test: bool


@dataclass(frozen=True, slots=True)
class RtsInputs:
    today: date
    logs: Mapping[date, DayLog]
    decisions: Mapping[date, tuple[str, str | None]]  # date -> (decision, referral)
    open_episodes: int
    strength: Strength | None
    check_ins: Sequence[tuple[date, int, int]]  # (week_start, confidence, fear), newest first
    goal_statuses: Sequence[str]


def _criterion(key: str, met: bool, value: float | None, target: str, text: str) -> dict[str, Any]:
    return {
        "id": key,
        "label": LABELS[key],
        "met": met,
        "value": value,
        "target": target,
        "text": text,
    }


def _days(today: date) -> list[date]:
    return [today - timedelta(days=k) for k in range(STABLE_DAYS)]


def pain_stable(i: RtsInputs) -> dict[str, Any]:
    days = _days(i.today)
    logged = sum(1 for d in days if is_logged(i.logs.get(d)))
    decided = [i.decisions[d] for d in days if d in i.decisions]
    back_offs = sum(1 for decision, _ in decided if decision == "back_off")
    referrals = sum(1 for _, referral in decided if referral is not None)

    def mornings(first: int, last: int) -> list[int]:
        logs = (i.logs.get(d) for d in days[first : last + 1])
        return [log.morning_pain for log in logs if log and log.morning_pain is not None]

    this, before = mornings(0, 6), mornings(7, 13)
    enough = len(this) >= MIN_MORNINGS and len(before) >= MIN_MORNINGS
    rise = fmean(this) - fmean(before) if enough else None
    met = (
        logged >= MIN_LOGGED
        and back_offs == 0
        and referrals == 0
        and i.open_episodes == 0
        and rise is not None
        and rise < RISE_LIMIT
    )
    this_mean = round(fmean(this), 1) if this else None
    before_mean = round(fmean(before), 1) if before else None
    text = (
        f"{logged} of 14 days logged, {back_offs} back-off day(s), {referrals} day(s) with a "
        f"referral, {i.open_episodes} open warning sign(s); morning pain {this_mean} this week "
        f"and {before_mean} the week before (needs at least {MIN_MORNINGS} mornings each)."
    )
    return _criterion("pain_stable_14d", met, this_mean, "stable", text)


def strength_symmetry(i: RtsInputs) -> dict[str, Any]:
    test = i.strength
    if test is None or test.tested_on < i.today - timedelta(days=STRENGTH_MAX_AGE_DAYS):
        text = "No isometric strength test in the last 6 weeks: test both sides."
        return _criterion("strength_symmetry", False, None, ">= 90%", text)
    symmetry = limb_symmetry(test.left, test.right, test.side)
    met = symmetry is not None and symmetry >= SYMMETRY_TARGET
    who = "self-test" if test.self_test else "clinician"
    unit = test.unit or ""
    text = (
        f"{symmetry}% on {test.tested_on.isoformat()} ({who}): left {test.left:g} {unit}, "
        f"right {test.right:g} {unit}."
    )
    return _criterion("strength_symmetry", met, symmetry, ">= 90%", text)


def sprinting(i: RtsInputs) -> dict[str, Any]:
    days = set(_days(i.today))
    sprints = sorted(
        d
        for d in days
        if (log := i.logs.get(d)) is not None
        and log.sprint_speed_pct is not None
        and log.sprint_speed_pct > SPRINT_ABOVE_PCT
    )
    watched = {d + timedelta(days=n) for d in sprints for n in (0, 1)} & days
    backed = sorted(d for d in watched if i.decisions.get(d, ("", None))[0] == "back_off")
    met = len(sprints) >= SPRINTS_NEEDED and not backed
    text = (
        f"{len(sprints)} run(s) above {SPRINT_ABOVE_PCT}% in the last 14 days (at least "
        f"{SPRINTS_NEEDED}); {len(backed)} back-off(s) on those days or the day after."
    )
    return _criterion("sprint_without_back_off", met, len(sprints), f">= {SPRINTS_NEEDED}", text)


def confidence_and_fear(i: RtsInputs) -> dict[str, Any]:
    latest = list(i.check_ins[:CHECK_INS_NEEDED])
    if not latest:
        text = "No weekly check-in yet."
        return _criterion("confidence_and_fear", False, None, ">= 8 and <= 3", text)
    recent = latest[0][0] >= week_start(i.today) - timedelta(days=7)
    good = [c >= CONFIDENCE_MIN and f <= FEAR_MAX for _, c, f in latest]
    met = recent and len(latest) == CHECK_INS_NEEDED and all(good)
    shown = "; ".join(f"week of {w.isoformat()}: confidence {c}, fear {f}" for w, c, f in latest)
    more = "" if len(latest) == CHECK_INS_NEEDED else " One more weekly check-in shows a trend."
    stale = "" if recent else " The latest check-in is older than last week."
    text = f"{shown}.{more}{stale}"
    return _criterion("confidence_and_fear", met, latest[0][1], ">= 8 and <= 3", text)


def goals_met(i: RtsInputs) -> dict[str, Any]:
    met_n = sum(1 for s in i.goal_statuses if s == "met")
    active = sum(1 for s in i.goal_statuses if s == "active")
    met = met_n >= 1 and active == 0
    text = f"{met_n} goal(s) met, {active} still active."
    return _criterion("goals_met", met, met_n, "all met", text)


def rts_criteria(i: RtsInputs) -> list[dict[str, Any]]:
    """Every return-to-sport criterion, met or not yet, with its number (none is a gate)."""
    return [
        pain_stable(i),
        strength_symmetry(i),
        sprinting(i),
        confidence_and_fear(i),
        goals_met(i),
    ]
