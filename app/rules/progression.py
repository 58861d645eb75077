"""Progress (PR-1..PR-4), and what gates it: missing data (MD-1), the calm day (GA-1) and one
step up a day (PR-0).

The PR functions test only their own conditions; the engine tries them for components no
hold or back-off rule touched, then gates them. Sessions that count are those before today,
at most 10 days old, after that component's last step up, whose next morning_pain is known:
today's session never progresses by itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from .combine import Fired
from .history import History, is_glide, is_loading, is_run, is_training, settled
from .model import (
    CAUTION,
    COMPONENTS,
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
    """PR-1: the last sessions_to_progress counting loading sessions, all at the same stage
    (equal loading_stage; all unlogged counts as the same), had loading_pain <= safe_pain and
    a settled next morning -> tendon progress.

    Source: Silbernagel 2007 pain-monitoring model; "2 sessions" is convention.
    """
    baseline = h.baseline("morning_pain")
    if baseline is None:
        return None
    wanted = sessions_wanted(h)
    sessions = h.counting_sessions(is_loading, wanted, TENDON)
    if len(sessions) < wanted:
        return None
    stage = sessions[0][1].loading_stage
    safe = h.th.safe_pain
    for _, log, next_morning in sessions:
        pain = log.loading_pain
        if log.loading_stage != stage:
            return None
        if pain is None or pain > safe or not settled(next_morning, baseline, h.th):
            return None
    return Fired("PR-1", TENDON, INFO, ((TENDON, PROGRESS),))


def pr2_assessment(h: History) -> tuple[int | None, bool]:
    """(current band, whether PR-2's conditions hold apart from the phase cap).

    The current band is that of the most recent counting run; the last sessions_to_progress
    counting runs must all be in it, with sprint_pain <= safe_pain and settled next mornings.
    """
    wanted = sessions_wanted(h)
    runs = h.counting_sessions(is_run, wanted, RUNNING)
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
    """PR-3: the last sessions_to_progress counting glide days, all with the same glide type
    (equal glide_type; never tensioners in phase 1), had paresthesia "none" and glide_pain <=
    safe_pain -> neural progress: more sliders in phase 1; later, sliders (or an unlogged
    type) to tensioners, or more tensioners.

    Source: convention.
    """
    wanted = sessions_wanted(h)
    glides = h.counting_sessions(is_glide, wanted, NEURAL)
    if len(glides) < wanted:
        return None
    kind = glides[0][1].glide_type
    if h.phase == 1 and kind == "tensioner":
        return None
    safe = h.th.safe_pain
    for _, log, _ in glides:
        if log.glide_type != kind or log.paresthesia != "none":
            return None
        if log.glide_pain is None or log.glide_pain > safe:
            return None
    variant = "phase1" if h.phase == 1 else (kind or "slider")
    return Fired("PR-3", NEURAL, INFO, ((NEURAL, PROGRESS),), variant=variant)


def pr4_sitting(h: History) -> Fired | None:
    """PR-4: on each of the last 3 days (today included, all after sitting's last step up)
    sitting_pain <= safe_pain and sitting_tolerance_min >= its baseline -> sitting progress.

    Source: convention.
    """
    baseline = h.baseline("sitting_tolerance_min")
    if baseline is None:
        return None
    last = h.last_progress(SITTING)
    if last is not None and (h.today - last).days < SITTING_DAYS:
        return None
    safe = h.th.safe_pain
    for log in h.days[:SITTING_DAYS]:
        if log is None or log.sitting_pain is None or log.sitting_tolerance_min is None:
            return None
        if log.sitting_pain > safe or log.sitting_tolerance_min < baseline:
            return None
    return Fired("PR-4", SITTING, INFO, ((SITTING, PROGRESS),))


PROGRESS_RULES = (
    (TENDON, pr1_tendon),
    (RUNNING, pr2_running),
    (NEURAL, pr3_neural),
    (SITTING, pr4_sitting),
)


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


def md1_missing_data(component: str) -> Fired:
    """MD-1: a progress that would otherwise be given holds instead (the PR rule is dropped).

    Source: the 24-hour response is the key signal (Silbernagel 2007); convention.
    """
    return Fired("MD-1", component, CAUTION, ((component, HOLD),))


def ga1_not_calm(component: str) -> Fired:
    """GA-1: a progress that would otherwise be given holds on a day that is not calm (a rule
    of the RF, PM, SI, NE, FL, PH or SP families fired).

    Source: the treatment plan's "one thing at a time"; clinical review of 2026.11.
    """
    return Fired("GA-1", component, CAUTION, ((component, HOLD),))


def pr0_one_step(component: str, stepping: str) -> Fired:
    """PR-0: more than one component qualifies on a calm day: this one holds ("ready; another
    day") while `stepping` progresses.

    Source: the treatment plan's "one thing at a time"; clinical review of 2026.11.
    """
    return Fired("PR-0", component, INFO, ((component, HOLD),), args=(stepping,))


def next_to_step(h: History, qualifying: Sequence[str]) -> str:
    """The qualifying component whose last progress is oldest (never counts as oldest); ties
    in the order tendon, running, neural, sitting."""

    def age(component: str) -> tuple[int, int]:
        last = h.last_progress(component)
        return (0 if last is None else 1, last.toordinal() if last else 0)

    order = sorted(qualifying, key=lambda c: (age(c), COMPONENTS.index(c)))
    return order[0]
