"""The safety properties of ruleset 2026.12, checked on random histories (hypothesis).
(test_properties.py holds the structural ones: shape, nulls, determinism.)

- On any day at most one component progresses (PR-0).
- No component progresses on a day any caution rule (RF, PM, SI, NE, FL, PH, SP) fires (GA-1).
- A red-flag day keeps every later day's referral at least at its level until it is reviewed
  (a later "checked" tick), cleared by a clinician, or, for RF-4 flags only, followed by two
  consecutive logged days without flags.
- Raising any of today's pain values never loosens any component; adding a red flag never
  lowers the referral (with earlier decisions and clearances as inputs too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.rules import COMPONENTS, Clearance, DayLog, PatientState, PriorDecision, evaluate
from app.rules.model import CONSERVATISM, FLAG_LEVEL, REFERRAL_RANK, SOON, Thresholds

from ._strategies import PAIN_FIELDS, day_values, histories, log_on, prior_decisions, thresholds
from ._support import TODAY

FAST = settings(
    max_examples=int(os.environ.get("LOADLINE_EXAMPLES", "150")),  # raise for a deep run
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
GUARD_FAMILIES = ("RF-", "PM-", "SI-", "NE-", "FL-", "PH-", "SP-")

clearance_lists = st.lists(
    st.builds(lambda k: Clearance(TODAY + dt.timedelta(days=k)), st.integers(-40, 2)), max_size=2
)


def _state(phase: int, th: Thresholds | None = None) -> PatientState:
    return PatientState(phase=phase, thresholds=th or Thresholds())


@FAST
@given(
    logs=histories(),
    priors=prior_decisions(),
    phase=st.integers(1, 6),
    th=thresholds,
    clearances=clearance_lists,
)
def test_at_most_one_component_progresses_and_only_on_a_calm_day(
    logs: list[DayLog],
    priors: list[PriorDecision],
    phase: int,
    th: Thresholds,
    clearances: list[Clearance],
) -> None:
    g = evaluate(logs, TODAY, _state(phase, th), priors, clearances)
    progressing = [name for name, c in g.components.items() if c.decision == "progress"]
    assert len(progressing) <= 1
    cautions = [r.rule for r in g.reasons if r.rule.startswith(GUARD_FAMILIES)]
    if cautions:
        assert progressing == [], cautions
    if progressing:
        assert g.decision == "progress"


@st.composite
def flagged_histories(draw: st.DrawFn) -> tuple[list[DayLog], int, str, list[Clearance]]:
    """A history with one red flag on an earlier day, later days with or without the reviewed
    tick, more flags or gaps, and some clearances."""
    flag_day = draw(st.integers(-35, -1))
    flag = draw(st.sampled_from(sorted(FLAG_LEVEL)))
    logs = [log_on(flag_day, {**draw(day_values), "red_flags": frozenset({flag})})]
    for k in range(flag_day + 1, 1):
        if draw(st.integers(0, 4)) == 0:
            continue  # not logged
        values: dict[str, Any] = draw(day_values)
        values["red_flags_reviewed"] = draw(st.integers(0, 9)) == 0
        logs.append(log_on(k, values))
    for k in draw(st.sets(st.integers(-45, flag_day - 1), max_size=6)):
        logs.append(log_on(k, draw(day_values)))
    clearances = draw(clearance_lists)
    return logs, flag_day, flag, clearances


def _logged(log: DayLog) -> bool:
    """Some value was logged (an all-null log is no log)."""
    values = (getattr(log, f.name) for f in dataclasses.fields(log) if f.name != "log_date")
    return any(v is not None and v is not False and v != frozenset() for v in values)


def _closed_by(
    logs: list[DayLog], flag_day: int, flag: str, checks: list[Clearance], day: int
) -> bool:
    """The spec's closure conditions, written out independently of app.rules."""
    start, today = TODAY + dt.timedelta(days=flag_day), TODAY + dt.timedelta(days=day)
    later = {log.log_date: log for log in logs if start < log.log_date <= today}
    if any(log.red_flags_reviewed for log in later.values()):
        return True
    if any(start <= c.checked_on <= today for c in checks):
        return True
    if FLAG_LEVEL[flag] != SOON:
        return False
    quiet = {d for d, log in later.items() if not log.red_flags and _logged(log)}
    return any(d + dt.timedelta(days=1) in quiet for d in quiet)


@FAST
@given(case=flagged_histories(), phase=st.integers(1, 6))
def test_a_red_flag_day_keeps_later_referrals_until_reviewed_or_cleared(
    case: tuple[list[DayLog], int, str, list[Clearance]], phase: int
) -> None:
    logs, flag_day, flag, checks = case
    level = REFERRAL_RANK[FLAG_LEVEL[flag]]
    for day in range(flag_day, 1):
        today = TODAY + dt.timedelta(days=day)
        g = evaluate(logs, today, _state(phase), (), checks)
        closed = _closed_by(logs, flag_day, flag, checks, day)
        if day == flag_day or not closed:  # the flag day itself always refers (RF-1..RF-4)
            assert REFERRAL_RANK[g.referral] >= level, (day, g.referral, flag)
        start = TODAY + dt.timedelta(days=flag_day)
        assert any(e.started_on == start for e in g.open_episodes) is (not closed), day


@FAST
@given(
    logs=histories(),
    today=day_values,
    field=st.sampled_from(PAIN_FIELDS),
    value=st.integers(0, 9),
    rise=st.integers(1, 10),
    phase=st.integers(1, 6),
    th=thresholds,
    priors=prior_decisions(),
    clearances=clearance_lists,
)
def test_raising_a_pain_value_today_never_loosens_anything(
    logs: list[DayLog],
    today: dict[str, Any],
    field: str,
    value: int,
    rise: int,
    phase: int,
    th: Thresholds,
    priors: list[PriorDecision],
    clearances: list[Clearance],
) -> None:
    history = [log for log in logs if log.log_date != TODAY]
    state = _state(phase, th)
    before = evaluate(
        [*history, log_on(0, {**today, field: value})], TODAY, state, priors, clearances
    )
    raised = {**today, field: min(10, value + rise)}
    after = evaluate([*history, log_on(0, raised)], TODAY, state, priors, clearances)
    for name in COMPONENTS:
        rank_before = CONSERVATISM[before.components[name].decision]
        assert CONSERVATISM[after.components[name].decision] >= rank_before, name
    assert REFERRAL_RANK[after.referral] >= REFERRAL_RANK[before.referral]


@FAST
@given(
    logs=histories(),
    today=day_values,
    flag=st.sampled_from(sorted(FLAG_LEVEL)),
    phase=st.integers(1, 6),
    priors=prior_decisions(),
    clearances=clearance_lists,
)
def test_adding_a_red_flag_never_lowers_the_referral_nor_loosens_anything(
    logs: list[DayLog],
    today: dict[str, Any],
    flag: str,
    phase: int,
    priors: list[PriorDecision],
    clearances: list[Clearance],
) -> None:
    history = [log for log in logs if log.log_date != TODAY]
    state = _state(phase)
    before = evaluate([*history, log_on(0, today)], TODAY, state, priors, clearances)
    flagged = {**today, "red_flags": frozenset(today.get("red_flags", ())) | {flag}}
    after = evaluate([*history, log_on(0, flagged)], TODAY, state, priors, clearances)
    assert REFERRAL_RANK[after.referral] >= max(
        REFERRAL_RANK[before.referral], REFERRAL_RANK[FLAG_LEVEL[flag]]
    )
    for name in COMPONENTS:
        rank_before = CONSERVATISM[before.components[name].decision]
        assert CONSERVATISM[after.components[name].decision] >= rank_before, name
    if REFERRAL_RANK[FLAG_LEVEL[flag]] >= REFERRAL_RANK["urgent"]:
        assert all(c.decision == "back_off" for c in after.components.values())
