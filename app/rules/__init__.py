"""Load guardrails (ruleset 2026.12): pure decision code, standard library only.

Frozen dataclasses in, a decision out: no clock (today is an argument), no environment, no I/O.
Earlier days' decisions and clinicians' clearances are inputs, never queries. The contract is
guardrails.md (ruleset 2026.12); each rule function's docstring names its ID and source.
Files: model (types, constants), history (window, baselines, sessions), episodes (red-flag
episodes), red_flags (RF-1..RF-5), pain_monitoring (PM-1..PM-8), sitting (SI-1..SI-4), neural
(NE-1..NE-3), flare (FL-1, FL-2), phase_limits (PH-1..PH-3, SP-1, SP-2), progression (PR-1..PR-4,
MD-1, GA-1, PR-0), combine (effects), decide (one day, precedence), engine (evaluate), phases
(PHASES), phase_ready, phase_criteria (each move-on criterion with its number, for the
phase page), readiness (coach view), messages (texts).

READINGS: where the spec is ambiguous, the reading chosen (the safer one where it matters).
 1. Baseline: median of the field's non-null values on today-7..today-1, >= 3 values, else
    unknown. An even count gives the mean of the two middle values (so x.5 is possible).
    symptom_extent uses the median rank. A rule comparing with an unknown baseline does not
    fire. Every "baseline + 2" (PM-3, PM-8, SI-1, NE-2, PM-5 and SI-3) uses morning_margin.
 2. "The last 7 days" = today-6..today. A logged day has at least one value (a red flag or the
    "checked" tick counts); an all-null log is exactly no log. Sessions: loading =
    loading_pain or loading_stage; run = sprint_pain or sprint_speed_pct; glides = glide_pain
    or glide_type. Tingling and symptom extent are asked every day and make no glide day.
 3. Counting sessions (PR-1..PR-3), as the spec defines them: days before today, at most 10
    days ago (today-10..today-1), strictly after that component's last step up (a session on
    the step-up day itself may predate the new level, so it does not count), whose next
    morning_pain is known; the last sessions_to_progress of those. "Same stage / band / glide
    type": equal values on every counted session; all unlogged counts as the same, a mix does
    not. A session with a null pain is not "<= safe_pain". "Settled" next morning = <=
    baseline + 1 and < baseline + morning_margin. sessions_to_progress below 1 counts as 1.
 4. A component progressed on a day exactly when that day's stored rules contain its PR rule
    (PR-1 tendon, PR-2 running, PR-3 neural, PR-4 sitting); PR-0, GA-1 and MD-1 holds are not
    progress. The caller passes the window's earlier decisions plus each component's last
    progress before the window, so PR-0's "oldest last progress" is exact.
 5. PM-3/PM-4/PM-8: a "session" yesterday or the day before is a logged loading session or run
    (glides do not count). A day without a log is no session (null = not done), so a 2-point
    rise after two unlogged days holds (PM-8) rather than backing off. PM-4 is baseline + 1 <=
    morning_pain < baseline + margin (empty when margin is 1). PM-5 and SI-3 compare the means
    of today-6..today and today-13..today-7 (>= 4 values each) exactly, without rounding.
 6. Bands: PM-1/PM-2/SI-2: pain > pain_ceiling; PM-6/PM-7/SI-4: safe_pain < pain <=
    pain_ceiling. FL-1: any of today's five pain fields >= severe_pain; FL-2: >= 2 of the last
    7 days with one -> referral soon, every component at most hold.
 7. Red-flag episodes: one per flagged day, at the highest level of its flags, listing them.
    The RF-4-only closure needs two consecutive calendar days after the start, up to today,
    both logged and both without any flag (a gap breaks the pair). A tick on day D closes
    episodes started before D. A clearance counts for decisions of days >= its checked_on and
    closes episodes started on or before it: on the flag day itself the episode is then
    closed (no banner), while that day's own log still fires RF-1..RF-4. RF-5 fires only for
    episodes started before today (today's flags fire RF-1..RF-4), at the highest open level,
    naming the oldest episode at that level. Episodes read every log given, not only the
    28-day window: an unreviewed flag stays open however long ago it was logged.
 8. Urgent/emergency (RF-1..RF-3 today, or RF-5 at that level) force every component to
    back_off with rules = those IDs; other rules that fired are still listed in reasons.
 9. Progress is tried for each component that no hold or back-off effect touched ("at most
    hold" caps do not stop the try, so a capped component can be named by GA-1). A day is calm
    when no RF, PM, SI, NE, FL, PH or SP rule fired. When MD-1's data condition holds, each
    would-be component holds with MD-1; when the day is not calm, with GA-1; both can apply
    (both are listed, MD-1 first, in table order). On a calm day without MD-1, PR-0 picks one.
    MD-1, GA-1 and PR-0 give one reason per component they hold (that component named).
10. Combination: component = most conservative effect; a cap turns progress (or nothing) into
    hold; rules = IDs whose effect equals the final decision (caps when it is hold), in firing
    order. Overall = most conservative among components touched by a rule other than PR-0;
    none -> hold.
11. NE-1: lasting tingling, or extent below_knee/foot with an unknown extent baseline or a
    baseline rank below today's (an x.5 median counts as below). NE-2: settled tingling, glide
    pain >= baseline + margin, or an extent rank above a known baseline. NE-3 counts days with
    extent below_knee/foot (tingling not needed; a null extent is not counted).
12. PH-1: any run in phase 1; later, a speed band above the cap (a run without speed has no
    band and is not judged). Caps: 1 none, 2 jog, 3 tempo, 4-6 sprint (phase 4's "high speed,
    then sprint" allows sprint, which its move-on criterion needs). PH-2: stage above 1 / 3 / 4.
    Speed bands: jog < 70, tempo 70-85, high speed 86-95, sprint > 95 (integers).
13. SP-1 compares with the most recent earlier run with a known speed, SP-2 with the most
    recent earlier logged stage, both within today-27..today-1.
14. PR-2: a run without speed has no band and cannot progress; at the phase cap (or at
    sprint) running holds with no rule. PR-3: phase 1 glides are sliders, so tensioner days
    never progress there; its text follows the phase and type (an unlogged type in phase 2+
    reads as sliders). PR-4: its 3 days (today included) all fall after sitting's last step up.
15. Severity: RF-1..RF-3, and RF-5 at urgent/emergency, critical; RF-4, RF-5 soon, back-off
    rules, NE-3, FL-2 warning; hold rules, MD-1, GA-1 caution; PR-0..PR-4 info.
16. Messages follow the table, with two rewordings so that no back-off says "keep": PH-1 in
    later phases says "run within it", NE-3 says "have reached below the knee on several days".
17. Two different non-empty logs for one date raise ValueError; logs after today are ignored.
18. phase_ready (a suggestion a clinician confirms) is false with any referral or a back_off
    today. Days in phase = today - phase_started_on (the start day is day 0); an unknown start
    meets the days criterion; the lookback is the 28-day window; duplicates for a date merge
    to the more conservative decision. Phase 1: morning mean needs >= 4 values. Phase 2: PR-1
    in 2 ISO weeks. Phase 3: a "PR-2 at tempo" day is one where PR-2's conditions held at
    tempo on a calm day without MD-1 (PR-2 fired, or only the cap or PR-0 stopped it), taken
    from the stored rules when present (any caution rule stored = not calm), else replayed.
    Phase 4: a run in each of the last two weeks, every run > 95%, no back_off stored in
    today-13..today-1. Phases 5, 6: never.
19. Readiness: an urgent/emergency referral is not_ready even without a recent log; any other
    referral is modified ("Keep training at the current level" replaces per-component "keep"
    phrases); a component waiting under PR-0 is held by a rule, so the day is modified;
    unknown needs no referral and no log in today..today-2. Wellness uses today-28..today-1
    and the population SD. Restrictions come from a fixed vocabulary only.
"""

from .engine import evaluate, progress_dates
from .episodes import open_episodes
from .model import (
    COMPONENTS,
    RULESET_VERSION,
    THRESHOLD_LIMITS,
    Clearance,
    ComponentDecision,
    DayLog,
    Episode,
    Guidance,
    PatientState,
    PriorDecision,
    Readiness,
    Reason,
    Thresholds,
)
from .phase_criteria import PhaseCheck, PhaseCriterion, phase_criteria
from .phases import MAINTENANCE_PHASE, PHASES, PhaseInfo
from .readiness import RESTRICTIONS, WELLNESS_DAYS, assess_readiness

__all__ = [
    "COMPONENTS",
    "MAINTENANCE_PHASE",
    "PHASES",
    "RESTRICTIONS",
    "RULESET_VERSION",
    "THRESHOLD_LIMITS",
    "WELLNESS_DAYS",
    "Clearance",
    "ComponentDecision",
    "DayLog",
    "Episode",
    "Guidance",
    "PatientState",
    "PhaseCheck",
    "PhaseCriterion",
    "PhaseInfo",
    "PriorDecision",
    "Readiness",
    "Reason",
    "Thresholds",
    "assess_readiness",
    "evaluate",
    "open_episodes",
    "phase_criteria",
    "progress_dates",
]
