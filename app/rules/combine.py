"""A fired rule's effects, and how effects combine into component and overall decisions.

Precedence (guardrails.md "Precedence"): an urgent or emergency referral forces every component
to back_off; otherwise each component takes the most conservative decision of the rules touching
it, "at most hold" turns progress into hold, and an untouched component holds with no rules. The
overall decision ignores components that only PR-0 touched (they are ready, waiting their turn).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import NamedTuple

from .model import (
    BACK_OFF,
    CAP,
    COMPONENTS,
    CONSERVATISM,
    HOLD,
    PROGRESS,
    REFERRAL_RANK,
    ComponentDecision,
)

Effects = tuple[tuple[str, str], ...]  # (component, progress | hold | back_off | CAP)

ALL_BACK_OFF: Effects = tuple((c, BACK_OFF) for c in COMPONENTS)
ALL_AT_MOST_HOLD: Effects = tuple((c, CAP) for c in COMPONENTS)
UNTOUCHED = ComponentDecision(HOLD, ())


class Fired(NamedTuple):
    """A rule that fired today: the reason's component label, severity, effects, referral, and
    the message variant and arguments its reason is written with (see messages.py)."""

    rule: str
    component: str
    severity: str
    effects: Effects
    referral: str | None = None
    variant: str = ""
    args: tuple[str, ...] = ()


def combine_component(touches: list[tuple[str, str]]) -> ComponentDecision:
    """The most conservative decision of the (rule, effect) pairs touching one component."""
    if not touches:
        return UNTOUCHED
    effects = {effect for _, effect in touches}
    if BACK_OFF in effects:
        final = BACK_OFF
    elif HOLD in effects or CAP in effects:
        final = HOLD
    else:
        final = PROGRESS
    capped_hold = final == HOLD
    rules = tuple(
        [rule for rule, effect in touches if effect == final or (capped_hold and effect == CAP)]
    )
    return _component_decision(final, rules)


@lru_cache(maxsize=1024)
def _component_decision(decision: str, rules: tuple[str, ...]) -> ComponentDecision:
    return ComponentDecision(decision, rules)


WAITING = ("PR-0",)


def overall_decision(components: Mapping[str, ComponentDecision]) -> str:
    """Most conservative decision among components touched by a rule other than PR-0; else hold."""
    worst = -1
    for c in components.values():
        if c.rules and c.rules != WAITING and CONSERVATISM[c.decision] > worst:
            worst = CONSERVATISM[c.decision]
    if worst < 0:
        return HOLD
    return next(d for d, rank in CONSERVATISM.items() if rank == worst)


def highest_referral(fired: Iterable[Fired]) -> str | None:
    referral: str | None = None
    for f in fired:
        if REFERRAL_RANK[f.referral] > REFERRAL_RANK[referral]:
            referral = f.referral
    return referral
