"""The pain-monitoring model (PM-1..PM-8): during-session pain, next morning, week to week."""

from __future__ import annotations

from .combine import Fired
from .history import History, is_loading, is_run
from .model import BACK_OFF, CAUTION, HOLD, RUNNING, TENDON, WARNING

_TENDON_RUNNING_BACK_OFF = ((TENDON, BACK_OFF), (RUNNING, BACK_OFF))
_TENDON_RUNNING_HOLD = ((TENDON, HOLD), (RUNNING, HOLD))
WEEK_MIN_VALUES = 4


def pm1_loading_over_ceiling(h: History) -> Fired | None:
    """PM-1: loading_pain > pain_ceiling -> tendon back_off.

    Source: Silbernagel 2007 (pain during exercise may reach 5/10, not more).
    """
    today = h.days[0]
    if (
        today is not None
        and today.loading_pain is not None
        and today.loading_pain > h.th.pain_ceiling
    ):
        return Fired("PM-1", TENDON, WARNING, ((TENDON, BACK_OFF),))
    return None


def pm2_running_over_ceiling(h: History) -> Fired | None:
    """PM-2: sprint_pain > pain_ceiling -> running back_off (drop one speed band).

    Source: Silbernagel 2007.
    """
    today = h.days[0]
    if (
        today is not None
        and today.sprint_pain is not None
        and today.sprint_pain > h.th.pain_ceiling
    ):
        return Fired("PM-2", RUNNING, WARNING, ((RUNNING, BACK_OFF),))
    return None


RECENT_SESSION_DAYS = 2  # PM-3/PM-4: a session yesterday or the day before


def recent_session(h: History) -> bool:
    """A loading or running session logged yesterday or the day before (glides do not count)."""
    for log in h.days[1 : RECENT_SESSION_DAYS + 1]:
        if log is not None and (is_loading(log) or is_run(log)):
            return True
    return False


def morning_rise(h: History) -> float | None:
    """Today's morning_pain minus its baseline (None when either is unknown)."""
    today = h.days[0]
    if today is None or today.morning_pain is None:
        return None
    baseline = h.baseline("morning_pain")
    if baseline is None:
        return None
    return today.morning_pain - baseline


def pm3_not_settled_next_morning(h: History) -> Fired | None:
    """PM-3: a session yesterday or the day before, and morning_pain >= baseline + margin ->
    tendon and running back_off.

    Source: Silbernagel 2007; tendon responses can lag 24-48 h; 2-point margin from the NPRS
    MCID (Farrar 2001; Childs 2005).
    """
    rise = morning_rise(h)
    if rise is not None and rise >= h.th.morning_margin and recent_session(h):
        return Fired("PM-3", TENDON, WARNING, _TENDON_RUNNING_BACK_OFF)
    return None


def pm4_slightly_sore_next_morning(h: History) -> Fired | None:
    """PM-4: as PM-3 but baseline + 1 <= morning_pain < baseline + margin -> tendon and
    running hold.

    Source: convention.
    """
    rise = morning_rise(h)
    if rise is not None and 1 <= rise < h.th.morning_margin and recent_session(h):
        return Fired("PM-4", TENDON, CAUTION, _TENDON_RUNNING_HOLD)
    return None


def pm8_unexplained_morning_rise(h: History) -> Fired | None:
    """PM-8: morning_pain >= baseline + margin with no loading or running session logged
    yesterday or the day before -> tendon and running hold.

    Source: convention (a 2-point rise is a real change whatever its cause).
    """
    rise = morning_rise(h)
    if rise is not None and rise >= h.th.morning_margin and not recent_session(h):
        return Fired("PM-8", TENDON, CAUTION, _TENDON_RUNNING_HOLD)
    return None


def _window(h: History, first: int, last: int) -> tuple[int, int] | None:
    found = h.values("morning_pain", first, last)
    if len(found) < WEEK_MIN_VALUES:
        return None
    return sum(found), len(found)


def pm5_rising_week_to_week(h: History) -> Fired | None:
    """PM-5: 7-day mean morning_pain vs the 7 days before (>= 4 values each).

    Rise >= margin -> tendon and running back_off; 1 <= rise < margin -> hold.
    Source: Silbernagel 2007 week rule (pain must not increase week to week).
    """
    recent = _window(h, 0, 6)
    if recent is None:
        return None
    before = _window(h, 7, 13)
    if before is None:
        return None
    # Exact comparison of means: rise = recent_sum/recent_n - before_sum/before_n.
    scaled_rise = recent[0] * before[1] - before[0] * recent[1]
    scale = recent[1] * before[1]
    if scaled_rise >= h.th.morning_margin * scale:
        return Fired("PM-5", TENDON, WARNING, _TENDON_RUNNING_BACK_OFF, variant="back_off")
    if scaled_rise >= scale:
        return Fired("PM-5", TENDON, CAUTION, _TENDON_RUNNING_HOLD, variant="hold")
    return None


def pm6_loading_acceptable(h: History) -> Fired | None:
    """PM-6: safe_pain < loading_pain <= pain_ceiling -> tendon hold.

    Source: pain-monitoring bands 0-3 safe / 4-5 acceptable / >5 (Silbernagel 2007 as summarised).
    """
    today = h.days[0]
    if (
        today is not None
        and today.loading_pain is not None
        and h.th.safe_pain < today.loading_pain <= h.th.pain_ceiling
    ):
        return Fired("PM-6", TENDON, CAUTION, ((TENDON, HOLD),))
    return None


def pm7_running_acceptable(h: History) -> Fired | None:
    """PM-7: safe_pain < sprint_pain <= pain_ceiling -> running hold.

    Source: the same pain-monitoring bands.
    """
    today = h.days[0]
    if (
        today is not None
        and today.sprint_pain is not None
        and h.th.safe_pain < today.sprint_pain <= h.th.pain_ceiling
    ):
        return Fired("PM-7", RUNNING, CAUTION, ((RUNNING, HOLD),))
    return None
