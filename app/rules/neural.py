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
    """NE-1: paresthesia "lasting", or symptom_extent reaching below_knee/foot while its
    (known) baseline is below below_knee -> neural back_off (tensioner to slider, or pause).

    Source: convention built on Coppieters & Butler 2008 (sliders strain the nerve less).
    """
    today = h.days[0]
    if today is None:
        return None
    if today.paresthesia == "lasting":
        return Fired("NE-1", NEURAL, WARNING, ((NEURAL, BACK_OFF),))
    if _reaches_below_knee(today.symptom_extent):
        baseline = h.extent_baseline()
        if baseline is not None and baseline < BELOW_KNEE:
            return Fired("NE-1", NEURAL, WARNING, ((NEURAL, BACK_OFF),))
    return None


def ne2_nerve_sensitive(h: History) -> Fired | None:
    """NE-2: paresthesia "settled", or glide_pain >= its baseline + margin -> neural hold.

    Source: convention.
    """
    today = h.days[0]
    if today is None:
        return None
    if today.paresthesia == "settled":
        return Fired("NE-2", NEURAL, CAUTION, ((NEURAL, HOLD),))
    if today.glide_pain is not None:
        baseline = h.baseline("glide_pain")
        if baseline is not None and today.glide_pain >= baseline + h.th.morning_margin:
            return Fired("NE-2", NEURAL, CAUTION, ((NEURAL, HOLD),))
    return None


def ne3_persistent_leg_symptoms(h: History) -> Fired | None:
    """NE-3: on >= 3 of the last 7 days symptom_extent below_knee/foot with paresthesia
    settled/lasting -> routine referral, neural back_off, other components at most hold.

    Source: convention.
    """
    days = 0
    for log in h.days[:7]:
        if (
            log is not None
            and log.paresthesia in ("settled", "lasting")
            and _reaches_below_knee(log.symptom_extent)
        ):
            days += 1
    if days >= PERSISTENT_DAYS:
        return Fired("NE-3", NEURAL, WARNING, _NE3_EFFECTS, ROUTINE)
    return None
