"""Severe-pain flares (FL-1, FL-2): the traffic-light red band across every pain field."""

from __future__ import annotations

from operator import attrgetter

from .combine import ALL_AT_MOST_HOLD, ALL_BACK_OFF, Fired
from .history import History
from .model import ALL, PAIN_FIELDS, SOON, WARNING, DayLog

REPEAT_DAYS = 2
_pains_of = attrgetter(*PAIN_FIELDS)


def severe_day(log: DayLog | None, severe: int) -> bool:
    """Any of the five pain fields at or above severe_pain (null is never severe)."""
    if log is not None:
        for pain in _pains_of(log):
            if pain is not None and pain >= severe:
                return True
    return False


def fl1_severe_pain_today(h: History) -> Fired | None:
    """FL-1: any of today's pain fields >= severe_pain -> every component back_off.

    Source: traffic-light convention (red band, evidence.md section 1.4).
    """
    if severe_day(h.days[0], h.th.severe_pain):
        return Fired("FL-1", ALL, WARNING, ALL_BACK_OFF)
    return None


def fl2_repeated_severe_pain(h: History) -> Fired | None:
    """FL-2: any pain field >= severe_pain on >= 2 of the last 7 days -> referral soon, every
    component at most hold (a review is pending: nothing steps up meanwhile).

    Source: NHS PHT advice (Calderdale & Huddersfield NHS FT); the count is convention.
    """
    severe = h.th.severe_pain
    days = 0
    for log in h.days[:7]:
        if severe_day(log, severe):
            days += 1
            if days >= REPEAT_DAYS:
                return Fired("FL-2", ALL, WARNING, ALL_AT_MOST_HOLD, SOON)
    return None
