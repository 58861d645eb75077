"""phase_ready: the suggested move-on check of each phase (a clinician confirms).

It reads the 28-day window of logs and the prior decisions of today-27..today-1, and is false
whenever today has a referral or backs off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .decide import DayResult, fired_guards
from .history import WINDOW_DAYS, History, is_run
from .model import BACK_OFF, CONSERVATISM, TEMPO, PatientState, PriorDecision
from .progression import md1_applies, pr2_assessment

PHASE1_DAYS = 7
LATER_PHASE_DAYS = 14
MIN_LOGGED_OF_7 = 4
MIN_MORNING_VALUES = 4
MIN_TOLERANCE_VALUES = 3
TEMPO_DAYS_NEEDED = 2
PR1_WEEKS_NEEDED = 2
SPRINT_ABOVE_PCT = 95
_NO_RULES: frozenset[str] = frozenset()


def _merged(held: PriorDecision, other: PriorDecision) -> PriorDecision:
    """Two records for one date: the more conservative decision, with only the rules both have."""
    worse = max(held.decision, other.decision, key=lambda d: (CONSERVATISM.get(d, -1), d))
    return PriorDecision(held.decision_date, worse, frozenset(held.rules & other.rules))


class _Past:
    """Stored decisions of today-27..today-1 by offset; a day without one has no decision."""

    __slots__ = ("_stored",)

    def __init__(self, today: dt.date, prior: Iterable[PriorDecision]) -> None:
        stored: dict[int, PriorDecision] = {}
        origin = today.toordinal()
        for p in prior:
            k = origin - p.decision_date.toordinal()
            if 0 < k < WINDOW_DAYS:
                stored[k] = _merged(stored[k], p) if k in stored else p
        self._stored = stored

    def rules(self, k: int) -> frozenset[str]:
        return self._stored[k].rules if k in self._stored else _NO_RULES

    def has(self, k: int) -> bool:
        return k in self._stored

    def backed_off(self, k: int) -> bool:
        return k in self._stored and self._stored[k].decision == BACK_OFF

    def no_back_off(self, last_offset: int) -> bool:
        stored = self._stored
        return all(stored[k].decision != BACK_OFF for k in range(1, last_offset + 1) if k in stored)


def _sum_count(h: History, name: str, first: int, last: int) -> tuple[int, int]:
    found = h.values(name, first, last)
    return sum(found), len(found)


def _phase1_ready(h: History, past: _Past) -> bool:
    if not past.no_back_off(6) or h.logged_days(0, 6) < MIN_LOGGED_OF_7:
        return False
    morning_sum, morning_n = _sum_count(h, "morning_pain", 0, 6)
    if morning_n < MIN_MORNING_VALUES or morning_sum > h.th.safe_pain * morning_n:
        return False
    recent_sum, recent_n = _sum_count(h, "sitting_tolerance_min", 0, 6)
    before_sum, before_n = _sum_count(h, "sitting_tolerance_min", 7, 13)
    if recent_n < MIN_TOLERANCE_VALUES or before_n < MIN_TOLERANCE_VALUES:
        return False
    return recent_sum * before_n > before_sum * recent_n


def _phase2_ready(h: History, today: DayResult, past: _Past, span: int) -> bool:
    if not past.no_back_off(6):
        return False
    # Ordinal 1 (0001-01-01) is a Monday, so (ordinal - 1) // 7 numbers the ISO weeks.
    origin = h.today.toordinal() - 1
    weeks = {origin // 7} if "PR-1" in today.fired else set()
    for k in range(1, span + 1):
        if "PR-1" in past.rules(k):
            weeks.add((origin - k) // 7)
            if len(weeks) >= PR1_WEEKS_NEEDED:
                return True
    return len(weeks) >= PR1_WEEKS_NEEDED


_NOT_GUARDS = frozenset({"PR-0", "PR-1", "PR-2", "PR-3", "PR-4", "MD-1", "GA-1"})


def _calm(rules: frozenset[str]) -> bool:
    """No rule of the RF, PM, SI, NE, FL, PH or SP families among a day's rules."""
    return rules <= _NOT_GUARDS


def _tempo_progress_day(h: History, result: DayResult) -> bool:
    """PR-2's conditions held at tempo on a calm day without MD-1 (PR-2 fired, or only the
    phase cap or PR-0 stopped it)."""
    return _calm(result.fired) and pr2_assessment(h) == (TEMPO, True) and not md1_applies(h)


def _tempo_progress_replayed(past: History) -> bool:
    """_tempo_progress_day for an earlier day, replayed from the window's logs."""
    if pr2_assessment(past) != (TEMPO, True) or md1_applies(past):
        return False
    return not fired_guards(past)


def _phase3_ready(h: History, today: DayResult, past: _Past, span: int) -> bool:
    log = h.days[0]
    baseline = h.baseline("morning_pain")
    if log is None or log.morning_pain is None or baseline is None:
        return False
    if log.morning_pain > baseline:
        return False
    tempo_days = 1 if _tempo_progress_day(h, today) else 0
    for k in range(1, span + 1):
        if tempo_days >= TEMPO_DAYS_NEEDED:
            break
        stored = past.rules(k)
        replay = not past.has(k) or _calm(stored)
        if "PR-2" in stored or (replay and _tempo_progress_replayed(h.shifted(k))):
            tempo_days += 1
    return tempo_days >= TEMPO_DAYS_NEEDED


def _phase4_ready(h: History, past: _Past) -> bool:
    if not past.no_back_off(13):
        return False
    weeks_with_runs = set()
    for k in range(14):
        log = h.days[k]
        if log is not None and is_run(log):
            if log.sprint_speed_pct is None or log.sprint_speed_pct <= SPRINT_ABOVE_PCT:
                return False
            weeks_with_runs.add(k // 7)
    return weeks_with_runs == {0, 1}


def phase_ready(
    h: History, today: DayResult, state: PatientState, prior: Iterable[PriorDecision]
) -> bool:
    """Whether the suggested criteria to move on from state.phase are met today.

    Source: guardrails.md "Phases" (Goom 2016 staging: by symptom response, not by date).
    """
    if today.referral is not None or today.decision == BACK_OFF:
        return False
    phase = state.phase
    if phase not in (1, 2, 3, 4):
        return False  # phases 5 and 6 move on only by a clinician's review
    needed = PHASE1_DAYS if phase == 1 else LATER_PHASE_DAYS
    started = state.phase_started_on
    span = WINDOW_DAYS - 1
    if started is not None:
        days_in_phase = (h.today - started).days
        if days_in_phase < needed:
            return False
        span = min(span, days_in_phase)
    past = _Past(h.today, prior)
    if phase == 1:
        return _phase1_ready(h, past)
    if phase == 2:
        return _phase2_ready(h, today, past, span)
    if phase == 3:
        return _phase3_ready(h, today, past, span)
    return _phase4_ready(h, past)
