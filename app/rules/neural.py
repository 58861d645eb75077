"""Sciatic-nerve sensitivity (NE-1..NE-3): glides, pins and needles, how far symptoms reach."""

from __future__ import annotations

from .combine import Fired
from .history import History
from .model import (
    BACK_OFF,
    BELOW_KNEE,
    CAP,
    CAUTION,
    EXTENT_RANK,
    HOLD,
    NEURAL,
    ROUTINE,
    RUNNING,
    SITTING,
    TENDON,
    WARNING,
)

PERSISTENT_DAYS = 3
_NE3_EFFECTS = ((NEURAL, BACK_OFF), (TENDON, CAP), (RUNNING, CAP), (SITTING, CAP))


def _reaches_below_knee(extent: str | None) -> bool:
    return extent is not None and EXTENT_RANK.get(extent, -1) >= BELOW_KNEE


def ne1_nerve_irritation(h: History) -> Fired | None:
    """NE-1: paresthesia "lasting", or symptom_extent below_knee/foot while its baseline is
    unknown or nearer the buttock than today -> neural back_off (tensioner to slider, or pause).
    Asked every day, with or without glides.

    Source: convention built on Coppieters & Butler 2008 (sliders strain the nerve less).
    """
    today = h.days[0]
    if today is None:
        return None
    if today.paresthesia == "lasting":
        return Fired("NE-1", NEURAL, WARNING, ((NEURAL, BACK_OFF),))
    if _reaches_below_knee(today.symptom_extent):
        baseline = h.extent_baseline()
        if baseline is None or baseline < EXTENT_RANK[today.symptom_extent or ""]:
            return Fired("NE-1", NEURAL, WARNING, ((NEURAL, BACK_OFF),))
    return None


def ne2_nerve_sensitive(h: History) -> Fired | None:
    """NE-2: NE-1 did not fire, and paresthesia "settled", or glide_pain >= its baseline +
    margin, or symptom_extent further down the leg than its (known) baseline -> neural hold.

    Source: convention.
    """
    today = h.days[0]
    if today is None or ne1_nerve_irritation(h) is not None:
        return None
    if today.paresthesia == "settled":
        return Fired("NE-2", NEURAL, CAUTION, ((NEURAL, HOLD),))
    if today.glide_pain is not None:
        baseline = h.baseline("glide_pain")
        if baseline is not None and today.glide_pain >= baseline + h.th.morning_margin:
            return Fired("NE-2", NEURAL, CAUTION, ((NEURAL, HOLD),))
    rank = EXTENT_RANK.get(today.symptom_extent or "")
    if rank is not None:
        baseline = h.extent_baseline()
        if baseline is not None and rank > baseline:
            return Fired("NE-2", NEURAL, CAUTION, ((NEURAL, HOLD),))
    return None


def ne3_persistent_leg_symptoms(h: History) -> Fired | None:
    """NE-3: symptom_extent below_knee/foot on >= 3 of the last 7 days (with or without
    tingling) -> routine referral, neural back_off, other components at most hold.

    Source: convention.
    """
    days = 0
    for log in h.days[:7]:
        if log is not None and _reaches_below_knee(log.symptom_extent):
            days += 1
    if days >= PERSISTENT_DAYS:
        return Fired("NE-3", NEURAL, WARNING, _NE3_EFFECTS, ROUTINE)
    return None
