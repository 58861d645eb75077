"""phase_criteria: each move-on criterion of the patient's phase, met or not yet, with the
number behind it (the phase page shows them; a clinician confirms any move).

The same window, prior decisions and checks as phase_ready, criterion by criterion: the
criteria are all met exactly when phase_ready is true (tests/rules/test_phase_criteria.py).
Phases 5 and 6 have no automatic criteria (the return-to-sport review is a clinician's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .decide import DayResult, decide
from .engine import progress_dates
from .episodes import open_episodes
from .history import WINDOW_DAYS, History, index_by_offset, is_run
from .model import BACK_OFF, Clearance, DayLog, PatientState, PriorDecision
from .phase_ready import (
    LATER_PHASE_DAYS,
    MIN_LOGGED_OF_7,
    MIN_MORNING_VALUES,
    MIN_TOLERANCE_VALUES,
    PHASE1_DAYS,
    PR1_WEEKS_NEEDED,
    SPRINT_ABOVE_PCT,
    TEMPO_DAYS_NEEDED,
    _calm,
    _Past,
    _sum_count,
    _tempo_progress_day,
    _tempo_progress_replayed,
    phase_ready,
)


@dataclass(frozen=True, slots=True)
class PhaseCriterion:
    """One move-on criterion: `value` is the patient's number (None: not known yet)."""

    id: str
    met: bool
    value: float | None
    target: str
    text: str


@dataclass(frozen=True, slots=True)
class PhaseCheck:
    phase: int
    criteria: tuple[PhaseCriterion, ...]
    ready: bool  # the same answer as phase_ready (a suggestion; a clinician confirms)


def _mean(total: int, n: int) -> float | None:
    return round(total / n, 1) if n else None


def _days(h: History, state: PatientState, needed: int) -> tuple[PhaseCriterion, int]:
    """Days in phase (the start day is day 0) and the lookback span phase_ready uses."""
    span = WINDOW_DAYS - 1
    started = state.phase_started_on
    if started is None:
        text = "The phase start date is not known, so this counts as met."
        return PhaseCriterion("days_in_phase", True, None, f">= {needed}", text), span
    days = (h.today - started).days
    text = f"{days} days in this phase (at least {needed})."
    return PhaseCriterion("days_in_phase", days >= needed, days, f">= {needed}", text), min(
        span, days
    )


def _no_referral(today: DayResult) -> PhaseCriterion:
    met = today.referral is None
    text = "No referral today." if met else f"Today's guidance has a referral ({today.referral})."
    return PhaseCriterion("no_referral_today", met, None, "none", text)


def _count(n: int, what: str = "day") -> str:
    """ "1 back-off day", "2 back-off days": the count and its noun, in the right number."""
    return f"{n} {what}{'' if n == 1 else 's'}"


def _value(v: float | None, unit: str = "") -> str:
    """A mean in words: "not logged yet" instead of a missing number."""
    return "not logged yet" if v is None else f"{v}{unit}"


def _back_offs(past: _Past, today: DayResult, last_offset: int) -> PhaseCriterion:
    """Back-off days among today-last_offset..today (stored decisions, and today's)."""
    stored = sum(1 for k in range(1, last_offset + 1) if past.backed_off(k))
    count = stored + (today.decision == BACK_OFF)
    days = last_offset + 1
    text = f"{_count(count, 'back-off day')} in the last {days} days (none allowed)."
    return PhaseCriterion(f"no_back_off_{days}d", count == 0, count, "0", text)


def _phase1(h: History, past: _Past, today: DayResult) -> list[PhaseCriterion]:
    logged = h.logged_days(0, 6)
    morning_sum, morning_n = _sum_count(h, "morning_pain", 0, 6)
    morning_ok = morning_n >= MIN_MORNING_VALUES and morning_sum <= h.th.safe_pain * morning_n
    recent_sum, recent_n = _sum_count(h, "sitting_tolerance_min", 0, 6)
    before_sum, before_n = _sum_count(h, "sitting_tolerance_min", 7, 13)
    enough = recent_n >= MIN_TOLERANCE_VALUES and before_n >= MIN_TOLERANCE_VALUES
    rising = enough and recent_sum * before_n > before_sum * recent_n
    mean = _mean(morning_sum, morning_n)
    recent, before = _mean(recent_sum, recent_n), _mean(before_sum, before_n)
    return [
        _back_offs(past, today, 6),
        PhaseCriterion(
            "logged_4_of_7",
            logged >= MIN_LOGGED_OF_7,
            logged,
            f">= {MIN_LOGGED_OF_7}",
            f"{logged} of the last 7 days logged (at least {MIN_LOGGED_OF_7}).",
        ),
        PhaseCriterion(
            "morning_pain_mean_7d",
            morning_ok,
            mean,
            f"<= {h.th.safe_pain}",
            (
                f"Morning pain averaged {mean} over {_count(morning_n, 'morning')} this week "
                if mean is not None
                else "Morning pain: not logged yet this week "
            )
            + f"(at most {h.th.safe_pain}, from at least {MIN_MORNING_VALUES} mornings).",
        ),
        PhaseCriterion(
            "sitting_tolerance_rising",
            rising,
            recent,
            f"> {before}" if before is not None else "rising",
            f"Sitting tolerance: {_value(recent, ' min')} this week, {_value(before, ' min')} "
            f"the week before (rising, at least {MIN_TOLERANCE_VALUES} values each week).",
        ),
    ]


def _phase2(h: History, past: _Past, today: DayResult, span: int) -> list[PhaseCriterion]:
    origin = h.today.toordinal() - 1  # ordinal 1 is a Monday: (ordinal - 1) // 7 is the week
    weeks = {origin // 7} if "PR-1" in today.fired else set()
    weeks |= {(origin - k) // 7 for k in range(1, span + 1) if "PR-1" in past.rules(k)}
    return [
        _back_offs(past, today, 6),
        PhaseCriterion(
            "pr1_in_2_weeks",
            len(weeks) >= PR1_WEEKS_NEEDED,
            len(weeks),
            f">= {PR1_WEEKS_NEEDED}",
            f"Tendon loading stepped up (PR-1) in {len(weeks)} separate week(s) of this phase "
            f"(at least {PR1_WEEKS_NEEDED}).",
        ),
    ]


def _phase3(h: History, past: _Past, today: DayResult, span: int) -> list[PhaseCriterion]:
    log = h.days[0]
    baseline = h.baseline("morning_pain")
    morning = log.morning_pain if log is not None else None
    at_baseline = morning is not None and baseline is not None and morning <= baseline
    tempo_days = 1 if _tempo_progress_day(h, today) else 0
    for k in range(1, span + 1):
        stored = past.rules(k)
        replay = not past.has(k) or _calm(stored)
        if "PR-2" in stored or (replay and _tempo_progress_replayed(h.shifted(k))):
            tempo_days += 1
    back_off_today = today.decision == BACK_OFF
    return [
        PhaseCriterion(
            "no_back_off_today",
            not back_off_today,
            int(back_off_today),
            "0",
            "Today's guidance backs off." if back_off_today else "No back-off today.",
        ),
        PhaseCriterion(
            "morning_pain_at_baseline",
            at_baseline,
            morning,
            f"<= {baseline}" if baseline is not None else "<= baseline",
            f"Morning pain today {morning}, your usual level {baseline} "
            "(today at or below it; the usual level needs 3 mornings of the last 7).",
        ),
        PhaseCriterion(
            "tempo_progress_twice",
            tempo_days >= TEMPO_DAYS_NEEDED,
            tempo_days,
            f">= {TEMPO_DAYS_NEEDED}",
            f"{_count(tempo_days)} ready to step up from tempo running in this phase "
            f"(at least {TEMPO_DAYS_NEEDED}).",
        ),
    ]


def _phase4(h: History, past: _Past, today: DayResult) -> list[PhaseCriterion]:
    slow, weeks = 0, set()
    for k in range(14):
        log = h.days[k]
        if log is not None and is_run(log):
            if log.sprint_speed_pct is None or log.sprint_speed_pct <= SPRINT_ABOVE_PCT:
                slow += 1
            weeks.add(k // 7)
    return [
        _back_offs(past, today, 13),
        PhaseCriterion(
            "runs_above_95",
            slow == 0,
            slow,
            "0",
            f"{slow} run(s) in the last 14 days at or below {SPRINT_ABOVE_PCT}% "
            "(or without a speed): every run should be faster.",
        ),
        PhaseCriterion(
            "runs_each_week",
            weeks == {0, 1},
            len(weeks),
            "2",
            f"Runs in {len(weeks)} of the last 2 weeks (a run each week).",
        ),
    ]


def phase_criteria(
    logs: Iterable[DayLog],
    today: dt.date,
    state: PatientState,
    prior: Iterable[PriorDecision] = (),
    clearances: Iterable[Clearance] = (),
) -> PhaseCheck:
    """The move-on criteria of state.phase on `today`, read from the inputs evaluate() takes.

    Source: guardrails.md "Phases" (Goom 2016: by symptom response, not by date).
    """
    logs = logs if isinstance(logs, Sequence) else list(logs)
    prior = prior if isinstance(prior, Sequence) else list(prior)
    history = History(
        today,
        index_by_offset(logs, today, WINDOW_DAYS),
        state.thresholds,
        state.phase,
        progress_dates(prior),
        open_episodes(logs, clearances, today),
    )
    result = decide(history)
    ready = phase_ready(history, result, state, prior)
    phase = state.phase
    if phase not in (1, 2, 3, 4):
        return PhaseCheck(phase, (), ready)
    days, span = _days(history, state, PHASE1_DAYS if phase == 1 else LATER_PHASE_DAYS)
    past = _Past(today, prior)
    if phase == 1:
        own = _phase1(history, past, result)
    elif phase == 2:
        own = _phase2(history, past, result, span)
    elif phase == 3:
        own = _phase3(history, past, result, span)
    else:
        own = _phase4(history, past, result)
    return PhaseCheck(phase, (days, _no_referral(result), *own), ready)
