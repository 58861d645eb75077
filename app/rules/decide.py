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
    NEURAL,
    REFERRAL_RANK,
    RUNNING,
    SITTING,
    TENDON,
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
)
from .progression import (
    md1_applies,
    md1_missing_data,
    pr1_tendon,
    pr2_running,
    pr3_neural,
    pr4_sitting,
    sessions_wanted,
)
from .red_flags import rf1_cauda_equina, rf2_new_weakness, rf3_pop_with_bruising, rf4_other_cause
from .sitting import si1_sitting_irritable

Rule = Callable[[History], Fired | None]

# Every rule that can hold or back off, in table order (RF, PM, SI, NE, FL).
GUARD_RULES: tuple[Rule, ...] = (
    rf1_cauda_equina,
    rf2_new_weakness,
    rf3_pop_with_bruising,
    rf4_other_cause,
    pm1_loading_over_ceiling,
    pm2_running_over_ceiling,
    pm3_not_settled_next_morning,
    pm4_slightly_sore_next_morning,
    pm5_rising_week_to_week,
    pm6_loading_acceptable,
    pm7_running_acceptable,
    si1_sitting_irritable,
    ne1_nerve_irritation,
    ne2_nerve_sensitive,
    ne3_persistent_leg_symptoms,
    fl1_severe_pain_today,
    fl2_repeated_severe_pain,
)
# One progress rule per component, tried only when nothing above touched that component.
PROGRESS_RULES: tuple[tuple[str, Rule], ...] = (
    (TENDON, pr1_tendon),
    (RUNNING, pr2_running),
    (NEURAL, pr3_neural),
    (SITTING, pr4_sitting),
)
_FORCING = REFERRAL_RANK[URGENT]


class DayResult(NamedTuple):
    decision: str
    referral: str | None
    components: dict[str, ComponentDecision]
    reasons: tuple[Reason, ...]
    fired: frozenset[str]


def fired_guards(h: History) -> list[Fired]:
    """The hold/back-off rules (RF, PM, SI, NE, FL) that fire on h.today, in table order."""
    return [found for rule in GUARD_RULES if (found := rule(h)) is not None]


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
        progress = [
            (c, found)
            for c, rule in PROGRESS_RULES
            if not touches[c] and (found := rule(h)) is not None
        ]
        if progress and md1_applies(h):
            candidates = [md1_missing_data([c for c, _ in progress])]
        else:
            candidates = [f for _, f in progress]
        for f in candidates:
            fired.append(f)
            for component, effect in f.effects:
                touches[component].append((f.rule, effect))
        components = {c: combine_component(touches[c]) for c in COMPONENTS}

    ceiling, sessions = h.th.pain_ceiling, sessions_wanted(h)
    reasons = tuple([reason(f.rule, f.component, f.severity, ceiling, sessions) for f in fired])
    return DayResult(
        overall_decision(components),
        referral,
        components,
        reasons,
        frozenset(f.rule for f in fired),
    )
