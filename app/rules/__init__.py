"""Load guardrails (ruleset 2026.11): pure decision code, standard library only.

Frozen dataclasses in, a decision out: no clock (today is an argument), no environment, no I/O.
The contract is /docs/guardrails.md; each rule function's docstring names its ID and source.
Files: model (types, constants), history (window, baselines, sessions), red_flags, pain_monitoring,
sitting, neural, flare, progression (PR-*, MD-1), combine (precedence), decide (one day),
phases (PHASES), phase_ready, engine (evaluate), readiness (coach view), messages (texts).

READINGS: where the spec is ambiguous, the reading chosen (the safer one where it matters).
 1. Baseline: median of the field's non-null values on today-7..today-1, >= 3 values, else
    unknown. An even count gives the mean of the two middle values (so x.5 is possible).
    symptom_extent uses the median rank. Today's baseline is used everywhere, including PR-1's
    next mornings and both days of SI-1. A rule comparing with an unknown baseline does not fire.
    Every "baseline + 2" (PM-3, SI-1, NE-2, and PM-5's week rise) uses morning_margin.
 2. "The last 7 days" = today-6..today. A logged day has at least one value (a red flag counts);
    an all-null log is exactly no log. Sessions: loading = loading_pain or loading_stage; run =
    sprint_pain or sprint_speed_pct; glides = glide_pain, glide_type or paresthesia.
 3. Counting sessions (PR-1..PR-3): session days before today whose next morning_pain is known,
    the last sessions_to_progress of them in the 28-day window. A session with a null pain
    (e.g. only loading_stage) is not "<= safe_pain": it cannot progress. "Settled" next morning
    = <= baseline + 1 and < baseline + morning_margin. sessions_to_progress below 1 counts as 1.
 4. PM-3/PM-4 need a loading or running session yesterday (glides do not count). PM-4 is
    baseline + 1 <= morning_pain < baseline + margin (empty when margin is 1). PM-5 compares
    the means of today-6..today and today-13..today-7 (>= 4 values each) exactly (no rounding):
    rise >= margin back_off, 1 <= rise < margin hold; the table's +1 holds win over the noise rule.
 5. PM-1/PM-2: pain > pain_ceiling; PM-6/PM-7: safe_pain < pain <= pain_ceiling. FL-1: any of
    today's five pain fields >= severe_pain. FL-2: >= 2 of the last 7 days with any pain field
    >= severe_pain -> referral soon only: it touches no component, so (as decided) a component
    may still progress while that review is pending; coach readiness is not_ready meanwhile.
 6. Red flags are read from today's log only (rules with a window say so; yesterday's flag was
    yesterday's decision). Unknown flag, extent or paresthesia strings are ignored (the API
    validates enums). Referral = the most severe among fired rules.
 7. Urgent/emergency (RF-1..RF-3) force every component to back_off with rules = those RF IDs;
    other rules that fired are still listed in reasons; no progress rule can fire.
 8. "No rule above fired" for a PR rule = no rule touched that component today, counting
    "at most hold" caps and whole-body rules. MD-1: a component would progress and (yesterday
    was a training day and today's morning_pain is null, or < 4 of the last 7 days logged);
    then every would-progress component holds with rules ["MD-1"], the PR rules are dropped,
    and one MD-1 reason is given whose component is the first blocked one in COMPONENTS order.
 9. A rule touching several components gives one reason; its component is the primary one:
    tendon for PM-3/PM-4/PM-5, sitting for SI-1, neural for NE-3; "all" for RF-* and FL-*.
10. Severity: RF-1..RF-3 critical; RF-4, PM-1/2/3, PM-5 back_off, SI-1, NE-1, NE-3, FL-1, FL-2
    warning; PM-4, PM-5 hold, PM-6/7, NE-2, MD-1 caution; PR-* info.
11. PR-2: speed bands jog < 70, tempo 70-85, high speed 86-95, sprint > 95 (integers); a run
    without speed has no band and cannot progress. Phase caps: 1 no band, 2 jog, 3 tempo,
    4-6 sprint; at the cap (or at sprint) running holds with no rule ID.
12. PR-3: paresthesia null is not "none"; glide_pain must be known. No next-morning test beyond
    the glide day having to count (known next morning), as the table asks none.
13. PR-4: exactly 3 days (not sessions_to_progress); each needs both values; tolerance
    baseline must be known. SI-1's tolerance test is tolerance * 100 <= (100 - drop) * baseline,
    exact; a 0-minute baseline with 0 today fires (literal and safer).
14. NE-1 fires on extent below_knee/foot only with a known extent baseline < below_knee (an
    x.5 median between thigh and below_knee counts as below). NE-3 counts days with extent
    below_knee/foot and paresthesia settled or lasting (null is not counted).
15. Combination: component = most conservative effect; a cap turns progress (or nothing) into
    hold; rules = IDs whose effect equals the final decision (caps when it is hold), table
    order. Overall = most conservative among components with rules; none -> hold.
16. Two different non-empty logs for one date in the window raise ValueError (one log per
    day is the input contract); an all-null duplicate is ignored. Logs after today are ignored.
17. phase_ready (a suggestion a clinician confirms) is false with any referral or a back_off
    today. Days in phase = today - phase_started_on (the start day is day 0); an unknown start
    meets the days criterion in every phase (the spec says so for phase 1; kept consistent)
    and the lookback is the 28-day window. Prior decisions outside today-27..today-1 are
    ignored; a day without a stored decision has none (not a back_off, no rules: it is not
    replayed, which would cost a full evaluation per day); duplicates for a date merge to the
    more conservative decision with only the rules they share.
    Phase 1: morning mean needs >= 4 values. Phase 2: PR-1 in 2 ISO weeks (year, week).
    Phase 3: a "PR-2 at tempo" day is one where PR-2 fired with the current band tempo, or
    where its conditions held at tempo and only the phase cap (tempo) stopped it (replayed
    from the window's logs with today's thresholds; MD-1 must not apply); otherwise phase 3
    could never be ready. PR-2's conditions hold on every day after two comfortable runs
    until the next run, so one good pair can make two such days (as PR-1's can for phase 2
    across a week boundary). Phase 4: a run in each of today-13..today-7 and today-6..today,
    every run > 95% (a run without speed fails), no back_off stored in today-13..today-1.
    Phases 5, 6 and unknown phases: never.
18. Readiness: recent = today..today-2; wellness uses today-28..today-1 and the population SD
    (smaller, so it flags sooner). Restrictions come from a fixed vocabulary: the phase's
    running cap; a running hold keeps the current band, a back_off drops one (the current band
    is that of the most recent run with a speed, today included); not_ready with a referral
    gives only "Rest from training today"; unknown gives the phase restrictions only.
"""

from .engine import evaluate
from .model import (
    COMPONENTS,
    RULESET_VERSION,
    THRESHOLD_LIMITS,
    ComponentDecision,
    DayLog,
    Guidance,
    PatientState,
    PriorDecision,
    Readiness,
    Reason,
    Thresholds,
)
from .phases import PHASES, PhaseInfo
from .readiness import assess_readiness

__all__ = [
    "COMPONENTS",
    "PHASES",
    "RULESET_VERSION",
    "THRESHOLD_LIMITS",
    "ComponentDecision",
    "DayLog",
    "Guidance",
    "PatientState",
    "PhaseInfo",
    "PriorDecision",
    "Readiness",
    "Reason",
    "Thresholds",
    "assess_readiness",
    "evaluate",
]
