"""One day's decision from a History: run the table in order, gate progress, combine."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .combine import Fired, combine_component, highest_referral, overall_decision
from .flare import fl1_severe_pain_today, fl2_repeated_severe_pain
from .history import History
from .messages import reason
from .model import (
    BACK_OFF,
    COMPONENTS,
    HOLD,
    REFERRAL_RANK,
    URGENT,
    ComponentDecision,
    Reason,
)
from .neural import ne1_nerve_irritation, ne2_nerve_sensitive, ne3_persistent_leg_symptoms
from .pain_monitoring import (
    pm1_loading_over_ceiling,
    pm2_running_over_ceiling,
    pm3_not_settled_next_morning,
    pm4_slightly_sore_next_morning,
    pm5_rising_week_to_week,
    pm6_loading_acceptable,
    pm7_running_acceptable,
    pm8_unexplained_morning_rise,
)
from .phase_limits import (
    ph1_running_beyond_phase,
    ph2_stage_beyond_phase,
    ph3_tensioner_in_phase1,
    sp1_speed_spike,
    sp2_stage_spike,
)
from .progression import (
    PROGRESS_RULES,
    ga1_not_calm,
    md1_applies,
    md1_missing_data,
    next_to_step,
    pr0_one_step,
    sessions_wanted,
)
from .red_flags import (
    rf1_cauda_equina,
    rf2_new_weakness,
    rf3_pop_with_bruising,
    rf4_other_cause,
    rf5_open_episode,
)
from .sitting import (
    si1_sitting_irritable,
    si2_sitting_over_ceiling,
    si3_sitting_rising_week_to_week,
    si4_sitting_acceptable,
)

Rule = Callable[[History], Fired | None]

# Every rule that can hold or back off, in table order. Any of them firing makes the day
# "not calm" (families RF, PM, SI, NE, FL, PH, SP), so nothing progresses (GA-1).
GUARD_RULES: tuple[Rule, ...] = (
    rf1_cauda_equina,
    rf2_new_weakness,
    rf3_pop_with_bruising,
    rf4_other_cause,
    rf5_open_episode,
    pm1_loading_over_ceiling,
    pm2_running_over_ceiling,
    pm3_not_settled_next_morning,
    pm4_slightly_sore_next_morning,
    pm5_rising_week_to_week,
    pm6_loading_acceptable,
    pm7_running_acceptable,
    pm8_unexplained_morning_rise,
    si1_sitting_irritable,
    si2_sitting_over_ceiling,
    si4_sitting_acceptable,
    si3_sitting_rising_week_to_week,
    ne1_nerve_irritation,
    ne2_nerve_sensitive,
    ne3_persistent_leg_symptoms,
    fl1_severe_pain_today,
    fl2_repeated_severe_pain,
    ph1_running_beyond_phase,
    ph2_stage_beyond_phase,
    ph3_tensioner_in_phase1,
    sp1_speed_spike,
    sp2_stage_spike,
)
_FORCING = REFERRAL_RANK[URGENT]
_HOLDING = frozenset({HOLD, BACK_OFF})


class DayResult(NamedTuple):
    decision: str
    referral: str | None
    components: dict[str, ComponentDecision]
    reasons: tuple[Reason, ...]
    fired: frozenset[str]


def fired_guards(h: History) -> list[Fired]:
    """The hold/back-off rules (RF, PM, SI, NE, FL, PH, SP) that fire on h.today, in order."""
    return [found for rule in GUARD_RULES if (found := rule(h)) is not None]


def gated_progress(
    h: History, touches: dict[str, list[tuple[str, str]]], calm: bool
) -> list[Fired]:
    """The PR rules that qualify today, after MD-1, GA-1 and PR-0 (guardrails.md "Precedence").

    A PR rule is tried for each component that no hold or back-off effect touched ("at most
    hold" caps do not stop the try: such a component is gated by GA-1, as the day is not calm).
    """
    qualifying = [
        (component, found)
        for component, rule in PROGRESS_RULES
        if not any(effect in _HOLDING for _, effect in touches[component])
        and (found := rule(h)) is not None
    ]
    if not qualifying:
        return []
    names = [component for component, _ in qualifying]
    gated: list[Fired] = []
    if md1_applies(h):
        gated += [md1_missing_data(c) for c in names]
    if not calm:
        gated += [ga1_not_calm(c) for c in names]
    if gated:
        return gated
    stepping = next_to_step(h, names)
    waiting = [pr0_one_step(c, stepping) for c in names if c != stepping]
    return [*waiting, *(f for c, f in qualifying if c == stepping)]  # table order: PR-0 first


def decide(h: History) -> DayResult:
    """The decision for h.today (without phase readiness)."""
    fired = fired_guards(h)
    touches: dict[str, list[tuple[str, str]]] = {c: [] for c in COMPONENTS}
    for f in fired:
        for component, effect in f.effects:
            touches[component].append((f.rule, effect))
    referral = highest_referral(fired)

    if REFERRAL_RANK[referral] >= _FORCING:
        forcing = tuple(f.rule for f in fired if REFERRAL_RANK[f.referral] >= _FORCING)
        forced = ComponentDecision(BACK_OFF, forcing)
        components = {c: forced for c in COMPONENTS}
    else:
        for f in gated_progress(h, touches, calm=not fired):
            fired.append(f)
            for component, effect in f.effects:
                touches[component].append((f.rule, effect))
        components = {c: combine_component(touches[c]) for c in COMPONENTS}

    ceiling, sessions = h.th.pain_ceiling, sessions_wanted(h)
    reasons = tuple(
        [
            reason(f.rule, f.component, f.severity, f.variant, f.args, ceiling, sessions)
            for f in fired
        ]
    )
    return DayResult(
        overall_decision(components),
        referral,
        components,
        reasons,
        frozenset(f.rule for f in fired),
    )
