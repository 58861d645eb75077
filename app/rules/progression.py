"""Progress (PR-1..PR-4) and the missing-data guard (MD-1).

A progress rule is only tried for a component that no other rule touched today; the engine
does that, these functions only test their own conditions. Sessions that count are sessions
before today whose next-morning morning_pain is known; today's session never progresses.
"""

from __future__ import annotations

from .combine import Fired
from .history import History, is_glide, is_loading, is_run, is_training, settled
from .model import (
    CAUTION,
    HOLD,
    INFO,
    NEURAL,
    PHASE_MAX_BAND,
    PROGRESS,
    RUNNING,
    SITTING,
    SPRINT,
    TENDON,
    speed_band,
)

SITTING_DAYS = 3
MIN_LOGGED_OF_7 = 4


def sessions_wanted(h: History) -> int:
    """sessions_to_progress, never below 1 (0 would progress on no evidence at all)."""
    return max(1, h.th.sessions_to_progress)


def pr1_tendon(h: History) -> Fired | None:
    """PR-1: the last sessions_to_progress counting loading sessions had loading_pain <=
    safe_pain and a settled next morning (<= baseline + 1) -> tendon progress (one step).

    Source: Silbernagel 2007 pain-monitoring model; "2 sessions" is convention.
    """
    baseline = h.baseline("morning_pain")
    if baseline is None:
        return None
    wanted = sessions_wanted(h)
    sessions = h.counting_sessions(is_loading, wanted)
    if len(sessions) < wanted:
        return None
    safe = h.th.safe_pain
    for _, log, next_morning in sessions:
        pain = log.loading_pain
        if pain is None or pain > safe or not settled(next_morning, baseline, h.th):
            return None
    return Fired("PR-1", TENDON, INFO, ((TENDON, PROGRESS),))


def pr2_assessment(h: History) -> tuple[int | None, bool]:
    """(current band, whether PR-2's conditions hold apart from the phase cap).

    The current band is that of the most recent counting run; the last sessions_to_progress
    counting runs must all be in it, with sprint_pain <= safe_pain and settled next mornings.
    """
    wanted = sessions_wanted(h)
    runs = h.counting_sessions(is_run, wanted)
    if not runs:
        return None, False
    band = speed_band(runs[0][1].sprint_speed_pct)
    baseline = h.baseline("morning_pain")
    if band is None or baseline is None or len(runs) < wanted:
        return band, False
    safe = h.th.safe_pain
    for _, log, next_morning in runs:
        if speed_band(log.sprint_speed_pct) != band:
            return band, False
        if log.sprint_pain is None or log.sprint_pain > safe:
            return band, False
        if not settled(next_morning, baseline, h.th):
            return band, False
    return band, True


def pr2_running(h: History) -> Fired | None:
    """PR-2: the last sessions_to_progress counting runs, all in the current speed band, had
    sprint_pain <= safe_pain and settled next mornings, and the phase allows the next band ->
    running progress (next band). At the phase cap running simply holds (no rule).

    Source: hamstring return-to-run progressions (evidence.md section 7; Aspetar, Heiderscheit).
    """
    band, ok = pr2_assessment(h)
    if not ok or band is None or band >= SPRINT:
        return None
    cap = PHASE_MAX_BAND.get(h.phase)
    if cap is None or band + 1 > cap:
        return None
    return Fired("PR-2", RUNNING, INFO, ((RUNNING, PROGRESS),))


def pr3_neural(h: History) -> Fired | None:
    """PR-3: the last sessions_to_progress counting glide days had paresthesia "none" and
    glide_pain <= safe_pain -> neural progress (e.g. slider to tensioner).

    Source: convention.
    """
    wanted = sessions_wanted(h)
    glides = h.counting_sessions(is_glide, wanted)
    if len(glides) < wanted:
        return None
    safe = h.th.safe_pain
    for _, log, _ in glides:
        if log.paresthesia != "none" or log.glide_pain is None or log.glide_pain > safe:
            return None
    return Fired("PR-3", NEURAL, INFO, ((NEURAL, PROGRESS),))


def pr4_sitting(h: History) -> Fired | None:
    """PR-4: on each of the last 3 days (today included) sitting_pain <= safe_pain and
    sitting_tolerance_min >= today's tolerance baseline -> sitting progress.

    Source: convention.
    """
    baseline = h.baseline("sitting_tolerance_min")
    if baseline is None:
        return None
    safe = h.th.safe_pain
    for log in h.days[:SITTING_DAYS]:
        if log is None or log.sitting_pain is None or log.sitting_tolerance_min is None:
            return None
        if log.sitting_pain > safe or log.sitting_tolerance_min < baseline:
            return None
    return Fired("PR-4", SITTING, INFO, ((SITTING, PROGRESS),))


def md1_applies(h: History) -> bool:
    """MD-1's data condition: morning_pain missing today after a training day (loading, run or
    glides) yesterday, or fewer than 4 of the last 7 days (today included) logged.

    Source: the 24-hour response is the key signal (Silbernagel 2007).
    """
    today, yesterday = h.days[0], h.days[1]
    missing_morning = today is None or today.morning_pain is None
    if missing_morning and yesterday is not None and is_training(yesterday):
        return True
    return h.logged_days(0, 6) < MIN_LOGGED_OF_7


def md1_missing_data(blocked: list[str]) -> Fired:
    """MD-1: a progress that would otherwise be given holds instead (the PR rule is dropped).

    Source: the 24-hour response is the key signal (Silbernagel 2007); convention.
    """
    return Fired("MD-1", blocked[0], CAUTION, tuple((c, HOLD) for c in blocked))
