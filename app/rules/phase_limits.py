"""What the phase allows (PH-1..PH-3) and sudden spikes (SP-1, SP-2), compared with what the
patient actually did today."""

from __future__ import annotations

from .combine import Fired
from .history import History, is_run
from .model import (
    BACK_OFF,
    BAND_NAMES,
    CAUTION,
    HOLD,
    NEURAL,
    PHASE_MAX_BAND,
    PHASE_MAX_STAGE,
    RUNNING,
    TENDON,
    WARNING,
    DayLog,
    speed_band,
)

SPIKE_STEPS = 2  # a jump of this many bands or stages at once is a spike


def ph1_running_beyond_phase(h: History) -> Fired | None:
    """PH-1: a run today in phase 1 (sprint_pain or sprint_speed_pct logged), or today's
    speed in a band above the phase's running cap -> running back_off.

    Source: the phase plan (guardrails.md "Phases").
    """
    today = h.days[0]
    if today is None or not is_run(today):
        return None
    cap = PHASE_MAX_BAND.get(h.phase)
    if h.phase == 1 or cap is None:
        return Fired("PH-1", RUNNING, WARNING, ((RUNNING, BACK_OFF),), variant="phase1")
    band = speed_band(today.sprint_speed_pct)
    if band is not None and band > cap:
        args = (BAND_NAMES[cap],)
        return Fired("PH-1", RUNNING, WARNING, ((RUNNING, BACK_OFF),), variant="cap", args=args)
    return None


def ph2_stage_beyond_phase(h: History) -> Fired | None:
    """PH-2: loading_stage above the phase's highest stage (phase 1: 1; phase 2: 3; phase 3
    and later: 4) -> tendon back_off.

    Source: the phase plan (Goom 2016 staging).
    """
    today = h.days[0]
    if today is None or today.loading_stage is None:
        return None
    highest = PHASE_MAX_STAGE.get(h.phase, 1)
    if today.loading_stage > highest:
        args = (str(today.loading_stage), str(highest))
        return Fired("PH-2", TENDON, WARNING, ((TENDON, BACK_OFF),), args=args)
    return None


def ph3_tensioner_in_phase1(h: History) -> Fired | None:
    """PH-3: glide_type "tensioner" in phase 1 -> neural hold.

    Source: convention on Coppieters & Butler 2008 (tensioners strain the nerve more).
    """
    today = h.days[0]
    if today is not None and h.phase == 1 and today.glide_type == "tensioner":
        return Fired("PH-3", NEURAL, CAUTION, ((NEURAL, HOLD),))
    return None


def _band_of(log: DayLog) -> int | None:
    return speed_band(log.sprint_speed_pct)


def sp1_speed_spike(h: History) -> Fired | None:
    """SP-1: today's speed band is 2 or more bands above that of the last earlier run with a
    known speed (within 28 days) -> running back_off.

    Source: the treatment plan's "avoid sudden spikes in intensity"; convention.
    """
    today = h.days[0]
    band = None if today is None else speed_band(today.sprint_speed_pct)
    if band is None:
        return None
    before = h.last_earlier(_band_of)
    if before is not None and band - before >= SPIKE_STEPS:
        return Fired("SP-1", RUNNING, WARNING, ((RUNNING, BACK_OFF),))
    return None


def sp2_stage_spike(h: History) -> Fired | None:
    """SP-2: today's loading_stage is 2 or more stages above the last earlier logged stage
    (within 28 days) -> tendon back_off.

    Source: the treatment plan's "avoid sudden spikes in intensity"; convention.
    """
    today = h.days[0]
    if today is None or today.loading_stage is None:
        return None
    before = h.last_earlier(lambda log: log.loading_stage)
    if before is not None and today.loading_stage - before >= SPIKE_STEPS:
        return Fired("SP-2", TENDON, WARNING, ((TENDON, BACK_OFF),))
    return None
