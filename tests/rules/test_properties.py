"""Properties that must hold for any history: safety monotonicity, nulls, determinism, shape."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rules import (
    COMPONENTS,
    PatientState,
    PriorDecision,
    Thresholds,
    assess_readiness,
    evaluate,
)
from app.rules.messages import RULE_IDS
from app.rules.model import CONSERVATISM, REFERRAL_RANK, DayLog

from ._strategies import histories, log_on, prior_decisions, thresholds
from ._support import TODAY, TWO_GOOD_LOADS, days, fired, guide

FAST = settings(
    max_examples=int(os.environ.get("LOADLINE_EXAMPLES", "120")),  # raise for a deep run
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _evaluate(logs: list[DayLog], phase: int = 2, th: Thresholds | None = None) -> Any:
    return evaluate(logs, TODAY, PatientState(phase=phase, thresholds=th or Thresholds()))


def _without_today(logs: list[DayLog]) -> list[DayLog]:
    return [log for log in logs if log.log_date != TODAY]


@FAST
@given(
    logs=histories(),
    offset=st.integers(-30, 1),
    phase=st.integers(1, 6),
    priors=prior_decisions(),
)
def test_an_all_null_log_is_exactly_no_log(
    logs: list[DayLog], offset: int, phase: int, priors: list[PriorDecision]
) -> None:
    empty = log_on(offset, {})
    others = [log for log in logs if log.log_date != empty.log_date]
    state = PatientState(phase=phase, phase_started_on=TODAY - dt.timedelta(days=30))
    with_empty = evaluate([*others, empty], TODAY, state, priors)
    assert with_empty == evaluate(others, TODAY, state, priors)
    readiness = assess_readiness(with_empty, [*others, empty], TODAY)
    assert readiness == assess_readiness(with_empty, others, TODAY)


@FAST
@given(
    logs=histories(),
    priors=prior_decisions(),
    phase=st.integers(1, 6),
    started=st.none() | st.integers(0, 40),
    seed=st.integers(0, 2**16),
)
def test_same_inputs_in_any_order_give_the_same_guidance(
    logs: list[DayLog], priors: list[PriorDecision], phase: int, started: int | None, seed: int
) -> None:
    state = PatientState(
        phase=phase,
        phase_started_on=None if started is None else TODAY - dt.timedelta(days=started),
    )
    first = evaluate(logs, TODAY, state, priors)
    shuffled_logs, shuffled_priors = list(logs), list(priors)
    random.Random(seed).shuffle(shuffled_logs)
    random.Random(seed + 1).shuffle(shuffled_priors)
    again = evaluate(tuple(shuffled_logs), TODAY, state, iter(shuffled_priors))
    assert again == first
    assert again.as_dict() == first.as_dict()


@FAST
@given(logs=histories(), phase=st.integers(1, 6), th=thresholds, priors=prior_decisions())
def test_output_always_has_all_four_components_and_a_valid_shape(
    logs: list[DayLog], phase: int, th: Thresholds, priors: list[PriorDecision]
) -> None:
    g = evaluate(logs, TODAY, PatientState(phase=phase, thresholds=th), priors)
    assert tuple(g.components) == COMPONENTS
    assert g.decision in CONSERVATISM
    assert g.referral in REFERRAL_RANK
    touched = [c for c in g.components.values() if c.rules]
    for c in g.components.values():
        assert c.decision in CONSERVATISM
        assert set(c.rules) <= {r.rule for r in g.reasons}
        if not c.rules:
            assert c.decision == "hold"
    ranks = [CONSERVATISM[c.decision] for c in touched if c.rules != ("PR-0",)]
    expected_overall = "hold" if not ranks else ("progress", "hold", "back_off")[max(ranks)]
    assert g.decision == expected_overall
    rules = [r.rule for r in g.reasons]
    assert rules == sorted(rules, key=RULE_IDS.index)  # in table order
    per_component = {"GA-1", "MD-1", "PR-0"}  # one reason per component they hold
    assert all(rules.count(rule) == 1 for rule in set(rules) - per_component)
    forced = g.referral in ("urgent", "emergency")
    for r in g.reasons:
        assert r.component in (*COMPONENTS, "all")
        assert r.severity in ("info", "caution", "warning", "critical")
        assert r.message and not r.message.startswith(" ")
        stopping = r.rule in ("RF-1", "RF-2", "RF-3") or (r.rule == "RF-5" and forced)
        assert (r.severity == "critical") == stopping
        assert (r.severity == "info") == r.rule.startswith("PR-")
    if forced:
        assert all(c.decision == "back_off" for c in g.components.values())
    if g.referral is not None or g.decision == "back_off":
        assert g.phase_ready is False
    for r in g.reasons:
        if r.rule in ("PR-1", "PR-2", "PR-3", "PR-4"):
            assert g.components[r.component].decision == "progress"
        if r.rule in per_component:
            assert g.components[r.component].decision == "hold"
    data = g.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert g.ruleset == "2026.12"


@pytest.mark.parametrize(
    ("with_zero", "with_null", "rule"),
    [
        pytest.param({0: {"sitting_pain": 0}}, {0: {"sitting_pain": None}}, "PR-4", id="sitting"),
        pytest.param(
            {**TWO_GOOD_LOADS, -4: {"loading_pain": 0, "loading_stage": 2}},
            {**TWO_GOOD_LOADS, -4: {"loading_pain": None, "loading_stage": 2}},
            "PR-1",
            id="loading-pain",
        ),
        pytest.param(
            {k: {"glide_pain": 0, "paresthesia": "none"} for k in (-4, -2)},
            {k: {"glide_pain": None, "paresthesia": "none"} for k in (-4, -2)},
            "PR-3",
            id="glide-pain",
        ),
        pytest.param(
            {k: {"sprint_pain": 0, "sprint_speed_pct": 60} for k in (-4, -2)},
            {k: {"sprint_pain": None, "sprint_speed_pct": 60} for k in (-4, -2)},
            "PR-2",
            id="sprint-pain",
        ),
        pytest.param(
            {-6: {"morning_pain": 0}, -5: {"morning_pain": 0}, -4: {"morning_pain": 0}},
            {-6: {"morning_pain": None}, -5: {"morning_pain": None}, -4: {"morning_pain": None}},
            "PM-3",
            id="morning-baseline",
        ),
    ],
)
def test_a_null_value_never_behaves_like_zero(
    with_zero: dict[int, dict[str, Any]], with_null: dict[int, dict[str, Any]], rule: str
) -> None:
    sparse: dict[int, dict[str, Any]] = {k: {"morning_pain": None} for k in (-7, -3, -2)}
    sparse |= {-1: {"morning_pain": None, "loading_pain": 2}, 0: {"morning_pain": 2}}
    calm = range(-7, 1)
    if rule == "PM-3":
        with_zero, with_null = {**sparse, **with_zero}, {**sparse, **with_null}
    phase = 3 if rule == "PR-2" else 2
    assert rule in fired(guide(days(with_zero, calm=calm), phase=phase))
    assert rule not in fired(guide(days(with_null, calm=calm), phase=phase))
