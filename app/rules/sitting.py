"""Sitting as the irritability marker (SI-1): tendon compression while seated."""

from __future__ import annotations

from .combine import Fired
from .history import History
from .model import BACK_OFF, CAP, SITTING, TENDON, WARNING

_EFFECTS = ((SITTING, BACK_OFF), (TENDON, CAP))


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
        return Fired("SI-1", SITTING, WARNING, _EFFECTS)
    return None
