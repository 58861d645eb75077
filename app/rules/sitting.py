"""Sitting as the irritability marker (SI-1..SI-4): tendon compression while seated."""

from __future__ import annotations

from .combine import Fired
from .history import History
from .model import BACK_OFF, CAP, CAUTION, HOLD, SITTING, TENDON, WARNING

_BACK_OFF_CAP_TENDON = ((SITTING, BACK_OFF), (TENDON, CAP))
WEEK_MIN_VALUES = 4


def _sitting_pain_up_two_days(h: History) -> bool:
    today, yesterday = h.days[0], h.days[1]
    if today is None or yesterday is None:
        return False
    if today.sitting_pain is None or yesterday.sitting_pain is None:
        return False
    baseline = h.baseline("sitting_pain")
    if baseline is None:
        return False
    limit = baseline + h.th.morning_margin
    return today.sitting_pain >= limit and yesterday.sitting_pain >= limit


def _tolerance_dropped(h: History) -> bool:
    today = h.days[0]
    if today is None or today.sitting_tolerance_min is None:
        return False
    baseline = h.baseline("sitting_tolerance_min")
    if baseline is None:
        return False
    # tolerance <= (100 - drop)% of baseline, compared exactly in hundredths.
    return today.sitting_tolerance_min * 100 <= (100 - h.th.sitting_drop_pct) * baseline


def si1_sitting_irritable(h: History) -> Fired | None:
    """SI-1: sitting_pain >= baseline + margin today and yesterday, or sitting tolerance
    <= (100 - sitting_drop_pct)% of its baseline -> sitting back_off, tendon at most hold.

    Source: Goom 2016 (sitting = tendon compression); the numbers are convention.
    """
    if _sitting_pain_up_two_days(h) or _tolerance_dropped(h):
        return Fired("SI-1", SITTING, WARNING, _BACK_OFF_CAP_TENDON)
    return None


def _sitting_pain_today(h: History) -> int | None:
    today = h.days[0]
    return None if today is None else today.sitting_pain


def si2_sitting_over_ceiling(h: History) -> Fired | None:
    """SI-2: sitting_pain > pain_ceiling -> sitting back_off, tendon at most hold.

    Source: convention on the pain-monitoring ceiling.
    """
    pain = _sitting_pain_today(h)
    if pain is not None and pain > h.th.pain_ceiling:
        return Fired("SI-2", SITTING, WARNING, _BACK_OFF_CAP_TENDON)
    return None


def si4_sitting_acceptable(h: History) -> Fired | None:
    """SI-4: safe_pain < sitting_pain <= pain_ceiling -> sitting hold.

    Source: pain-monitoring bands 0-3 / 4-5 / >5, as PM-6.
    """
    pain = _sitting_pain_today(h)
    if pain is not None and h.th.safe_pain < pain <= h.th.pain_ceiling:
        return Fired("SI-4", SITTING, CAUTION, ((SITTING, HOLD),))
    return None


def _week(h: History, first: int, last: int) -> tuple[int, int] | None:
    found = h.values("sitting_pain", first, last)
    if len(found) < WEEK_MIN_VALUES:
        return None
    return sum(found), len(found)


def si3_sitting_rising_week_to_week(h: History) -> Fired | None:
    """SI-3: mean sitting_pain of the last 7 days >= mean of the 7 days before + margin (each
    window >= 4 values) -> sitting back_off, tendon at most hold.

    Source: convention mirroring PM-5.
    """
    recent = _week(h, 0, 6)
    if recent is None:
        return None
    before = _week(h, 7, 13)
    if before is None:
        return None
    # Exact comparison of means, as PM-5: recent/rn - before/bn >= margin.
    if recent[0] * before[1] - before[0] * recent[1] >= h.th.morning_margin * recent[1] * before[1]:
        return Fired("SI-3", SITTING, WARNING, _BACK_OFF_CAP_TENDON)
    return None
