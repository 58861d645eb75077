"""The return-to-sport review: each criterion as a table, and the clinician's confirmation
(phase 5 only, never automatic, never a phase change)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.outcomes.rts_criteria import (
    RtsInputs,
    Strength,
    confidence_and_fear,
    goals_met,
    pain_stable,
    rts_criteria,
    sprinting,
    strength_symmetry,
)
from app.rules import DayLog
from tests.factories import days_ago, link, put_log, register
from tests.outcomes.helpers import TODAY, check_in

DAY = dt.date(2026, 11, 23)  # a Monday


def _logs(**changes: dict[str, Any] | None) -> dict[dt.date, DayLog]:
    """14 calm days ending DAY (morning 1), with `d<k>` overriding the day k days ago."""
    logs = {}
    for k in range(14):
        values: dict[str, Any] | None = {"morning_pain": 1, "sitting_pain": 1}
        if f"d{k}" in changes:
            extra = changes[f"d{k}"]
            values = None if extra is None else {**values, **extra}
        if values is not None:
            day = DAY - dt.timedelta(days=k)
            logs[day] = DayLog(log_date=day, **values)
    return logs


def _inputs(**overrides: Any) -> RtsInputs:
    base = RtsInputs(
        today=DAY,
        logs=_logs(**{f"d{k}": {"sprint_pain": 1, "sprint_speed_pct": 97} for k in (2, 6)}),
        decisions={DAY - dt.timedelta(days=k): ("hold", None) for k in range(14)},
        open_episodes=0,
        strength=Strength(DAY - dt.timedelta(days=5), 285, 300, "left", "N", False),
        check_ins=[(DAY, 9, 2), (DAY - dt.timedelta(days=7), 8, 3)],
        goal_statuses=["met", "dropped"],
    )
    return replace(base, **overrides)


def _backed_off(*offsets: int) -> dict[dt.date, tuple[str, str | None]]:
    decisions = {DAY - dt.timedelta(days=k): ("hold", None) for k in range(14)}
    for k in offsets:
        decisions[DAY - dt.timedelta(days=k)] = ("back_off", None)
    return decisions


def test_everything_met() -> None:
    assert all(c["met"] for c in rts_criteria(_inputs()))


@pytest.mark.parametrize(
    ("overrides", "met"),
    [
        pytest.param({}, True, id="calm-fortnight"),
        pytest.param({"logs": _logs(d3=None, d5=None, d8=None, d9=None)}, True, id="10-logged"),
        pytest.param(
            {"logs": _logs(d3=None, d5=None, d8=None, d9=None, d11=None)}, False, id="9-logged"
        ),
        pytest.param({"decisions": _backed_off(13)}, False, id="back-off-13-days-ago"),
        pytest.param({"decisions": _backed_off(14)}, True, id="back-off-before-the-14-days"),
        pytest.param(
            {"decisions": {DAY: ("hold", "routine")}}, False, id="a-referral-in-the-14-days"
        ),
        pytest.param({"open_episodes": 1}, False, id="open-red-flag-episode"),
        pytest.param(
            {"logs": _logs(**{f"d{k}": {"morning_pain": 2} for k in range(7)})},
            False,
            id="morning-up-1-point",
        ),
        pytest.param(
            {"logs": _logs(**{f"d{k}": {"morning_pain": 2} for k in range(3)})},
            True,
            id="morning-up-under-1-point",
        ),
        pytest.param(
            {"logs": _logs(**{f"d{k}": {"morning_pain": None} for k in range(7, 11)})},
            False,
            id="3-mornings-the-week-before",
        ),
    ],
)
def test_pain_stable_for_14_days(overrides: dict[str, Any], met: bool) -> None:
    assert pain_stable(_inputs(**overrides))["met"] is met


@pytest.mark.parametrize(
    ("strength", "met", "value"),
    [
        pytest.param(Strength(DAY, 270, 300, "left", "N", False), True, 90.0, id="exactly-90"),
        pytest.param(Strength(DAY, 255, 300, "left", "N", False), False, 85.0, id="85"),
        pytest.param(Strength(DAY, 300, 255, "right", "kg", True), False, 85.0, id="right-85"),
        pytest.param(Strength(DAY, 330, 300, "left", "N", False), True, 110.0, id="stronger"),
        pytest.param(
            Strength(DAY - dt.timedelta(days=43), 300, 300, None, "N", False),
            False,
            None,
            id="older-than-6-weeks",
        ),
        pytest.param(None, False, None, id="no-test"),
    ],
)
def test_strength_symmetry(strength: Strength | None, met: bool, value: float | None) -> None:
    result = strength_symmetry(_inputs(strength=strength))
    assert result["met"] is met and result["value"] == value


def _sprints(*offsets: int, speed: int = 97) -> dict[dt.date, DayLog]:
    return _logs(**{f"d{k}": {"sprint_pain": 1, "sprint_speed_pct": speed} for k in offsets})


@pytest.mark.parametrize(
    ("overrides", "met"),
    [
        pytest.param({"logs": _sprints(2, 6)}, True, id="two-sprints"),
        pytest.param({"logs": _sprints(2)}, False, id="one-sprint"),
        pytest.param({"logs": _sprints(2, 6, speed=95)}, False, id="95-is-not-full-speed"),
        pytest.param({"logs": _sprints(2, 6), "decisions": _backed_off(5)}, False, id="day-after"),
        pytest.param({"logs": _sprints(2, 6), "decisions": _backed_off(6)}, False, id="same-day"),
        pytest.param({"logs": _sprints(2, 6), "decisions": _backed_off(4)}, True, id="unrelated"),
        pytest.param({"logs": _sprints(2, 14)}, False, id="outside-the-14-days"),
    ],
)
def test_sprinting_at_full_speed_without_a_back_off(overrides: dict[str, Any], met: bool) -> None:
    assert sprinting(_inputs(**overrides))["met"] is met


LAST_WEEK = DAY - dt.timedelta(days=7)


@pytest.mark.parametrize(
    ("check_ins", "met"),
    [
        pytest.param([(DAY, 8, 3), (LAST_WEEK, 8, 3)], True, id="two-weeks-at-the-limits"),
        pytest.param([(DAY, 9, 1), (LAST_WEEK, 7, 2)], False, id="last-week-confidence-7"),
        pytest.param([(DAY, 9, 4), (LAST_WEEK, 9, 1)], False, id="this-week-fear-4"),
        pytest.param([(DAY, 9, 1)], False, id="one-check-in-is-no-trend"),
        pytest.param([(LAST_WEEK, 9, 1), (LAST_WEEK - dt.timedelta(7), 9, 1)], True, id="last"),
        pytest.param(
            [(DAY - dt.timedelta(14), 9, 1), (DAY - dt.timedelta(21), 9, 1)], False, id="stale"
        ),
        pytest.param([], False, id="none"),
    ],
)
def test_confidence_and_fear_as_a_trend(check_ins: list[Any], met: bool) -> None:
    assert confidence_and_fear(_inputs(check_ins=check_ins))["met"] is met


@pytest.mark.parametrize(
    ("statuses", "met"),
    [
        (["met"], True),
        (["met", "dropped"], True),
        (["met", "active"], False),
        (["dropped"], False),
        ([], False),
    ],
)
def test_goals_met(statuses: list[str], met: bool) -> None:
    assert goals_met(_inputs(goal_statuses=statuses))["met"] is met


def test_confirming_is_a_record_not_a_phase_change(client: TestClient) -> None:
    patient, clinician = register(client), register(client, "clinician")
    link(client, patient, clinician)
    url = f"/api/v1/clinician/patients/{patient.id}"
    confirm = f"{url}/return-to-sport/confirmations"
    assert client.post(confirm, json={}, headers=clinician.headers).status_code == 409  # phase 1
    client.patch(url, json={"phase": 5}, headers=clinician.headers)
    for n in range(13, -1, -1):
        put_log(client, patient, days_ago(TODAY, n), morning_pain=1, sitting_pain=1)
    check_in(client, patient, confidence=9, fear=2)
    review = client.get(f"{url}/return-to-sport", headers=clinician.headers).json()
    assert review["in_review_phase"] is True and review["all_met"] is False
    missing = client.post(confirm, json={}, headers=clinician.headers)
    assert missing.status_code == 422 and "Strength symmetry" in missing.text
    done = client.post(
        confirm, json={"note": "Cleared for training, not matches yet."}, headers=clinician.headers
    )
    assert done.status_code == 201, done.text
    assert done.json()["all_met"] is False and done.json()["confirmed_by"] is not None
    assert len(done.json()["criteria"]) == 5
    assert client.get(url, headers=clinician.headers).json()["profile"]["phase"] == 5
    page = client.get("/api/v1/me/phase", headers=patient.headers).json()
    assert page["criteria"]["review_confirmed_on"] == TODAY.isoformat()
    review = client.get(f"{url}/return-to-sport", headers=clinician.headers).json()
    assert len(review["confirmations"]) == 1
    log = client.get("/api/v1/me/access-log", headers=patient.headers).json()["entries"]
    assert {"rts_review_viewed", "rts_review_confirmed"} <= {e["action"] for e in log}
