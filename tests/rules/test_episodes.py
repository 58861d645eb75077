"""RF-5 and red-flag episodes: a flag stays until a person has checked it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from app.rules import COMPONENTS, Episode, open_episodes

from ._support import TODAY, TWO_GOOD_LOADS, clearance, days, decisions, fired, guide, on, rules_of

Changes = dict[int, dict[str, Any] | None]


def _on(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


@pytest.mark.parametrize(
    ("flag", "level", "effect"),
    [
        pytest.param("saddle_numbness", "emergency", "back_off", id="emergency-stops-training"),
        pytest.param("sexual_dysfunction", "emergency", "back_off", id="sexual-function"),
        pytest.param("new_weakness", "urgent", "back_off", id="urgent-stops-training"),
        pytest.param("pop_with_bruising", "urgent", "back_off", id="pop-urgent"),
        pytest.param("fever_unwell", "soon", "hold", id="soon-holds-everything"),
        pytest.param("night_rest_pain", "soon", "hold", id="night-pain-soon"),
    ],
)
def test_an_earlier_flag_keeps_its_level_on_later_days(flag: str, level: str, effect: str) -> None:
    g = guide(days({-2: {"red_flags": [flag]}, -1: None}))  # no two quiet days since
    assert "RF-5" in fired(g)
    assert g.referral == level
    assert decisions(g) == dict.fromkeys(COMPONENTS, effect)
    assert g.open_episodes == (Episode(_on(-2), level, (flag,)),)
    reason = next(r for r in g.reasons if r.rule == "RF-5")
    assert reason.component == "all"
    assert "Sat 21 Nov 2026" in reason.message
    assert 'tick "A clinician has checked me"' in reason.message
    assert ("no training" in reason.message) is (effect == "back_off")


def test_an_episode_older_than_the_window_stays_open() -> None:
    logs = [on(-60, red_flags=["new_weakness"]), *days()]
    g = guide(logs)
    assert g.referral == "urgent"
    assert [e.started_on for e in g.open_episodes] == [_on(-60)]


@pytest.mark.parametrize(
    ("changes", "checks", "still_open"),
    [
        pytest.param({-1: {"red_flags_reviewed": True}}, [], False, id="ticked-later"),
        pytest.param({0: {"red_flags_reviewed": True}}, [], False, id="ticked-today"),
        pytest.param({-3: {"red_flags_reviewed": True}}, [], True, id="ticked-on-the-flag-day"),
        pytest.param({-5: {"red_flags_reviewed": True}}, [], True, id="ticked-before-the-flag"),
        pytest.param({}, [-3], False, id="cleared-on-the-flag-day"),
        pytest.param({}, [-1], False, id="cleared-later"),
        pytest.param({}, [-4], True, id="checked-before-the-flag"),
        pytest.param({}, [1], True, id="check-dated-tomorrow-not-yet"),
        pytest.param({}, [], True, id="nothing-keeps-it-open"),
    ],
)
def test_an_episode_closes_on_a_later_tick_or_a_clinicians_check(
    changes: Changes, checks: list[int], still_open: bool
) -> None:
    flagged: Changes = {-3: {"red_flags": ["saddle_numbness"]}}
    for k, extra in changes.items():
        flagged[k] = {**(flagged.get(k) or {}), **(extra or {})}
    g = guide(days(flagged), clearances=[clearance(k) for k in checks])
    assert ("RF-5" in fired(g)) is still_open
    assert (g.referral == "emergency") is still_open
    assert bool(g.open_episodes) is still_open


def test_ticking_checked_on_the_day_of_a_new_flag_does_not_close_the_new_flag() -> None:
    logs = days(
        {-4: {"red_flags": ["fever_unwell"]}, -1: {"red_flags": ["new_weakness"]}}
        | {0: {"red_flags_reviewed": True}}
    )
    assert guide(logs).open_episodes == ()
    same_day = days({-4: {"red_flags": ["fever_unwell"]}, 0: {"red_flags": ["new_weakness"]}})
    same_day = [*same_day[:-1], on(0, **{**vars_of(same_day[-1]), "red_flags_reviewed": True})]
    g = guide(same_day)
    assert [e.started_on for e in g.open_episodes] == [_on(0)]  # the older one is closed
    assert "RF-2" in fired(g)
    assert "RF-5" not in fired(g)


def vars_of(log: Any) -> dict[str, Any]:
    return {name: getattr(log, name) for name in log.__slots__ if name != "log_date"}


@pytest.mark.parametrize(
    ("changes", "still_open"),
    [
        pytest.param({}, False, id="two-quiet-logged-days"),
        pytest.param({-1: None}, True, id="gap-breaks-the-pair"),
        pytest.param({-1: None, -2: None}, True, id="only-today-logged"),
        pytest.param({-1: {"red_flags": ["night_rest_pain"]}}, True, id="flag-again-between"),
    ],
)
def test_a_soon_episode_closes_after_two_consecutive_quiet_logged_days(
    changes: Changes, still_open: bool
) -> None:
    g = guide(days({-3: {"red_flags": ["fever_unwell"]}, **changes}))
    assert ("RF-5" in fired(g)) is still_open
    assert (g.referral == "soon") is still_open


def test_quiet_days_do_not_close_an_urgent_or_emergency_episode() -> None:
    g = guide(days({-6: {"red_flags": ["fever_unwell", "new_weakness"]}}))
    assert g.open_episodes == (Episode(_on(-6), "urgent", ("new_weakness", "fever_unwell")),)
    assert g.referral == "urgent"


def test_rf5_takes_the_highest_open_level_and_names_its_date() -> None:
    # Days -4 and -1 not logged: no two quiet days in a row, so the soon episode stays open.
    flags = {-5: {"red_flags": ["night_rest_pain"]}, -2: {"red_flags": ["both_legs"]}}
    logs = days({**flags, -4: None, -1: None})
    g = guide(logs)
    assert [e.level for e in g.open_episodes] == ["soon", "emergency"]
    assert g.referral == "emergency"
    assert rules_of(g, "tendon") == ("RF-5",)
    assert "Sat 21 Nov 2026" in next(r.message for r in g.reasons if r.rule == "RF-5")
    assert g.open_episodes[0].started_on == _on(-5)


def test_removing_a_flag_from_its_day_removes_the_episode() -> None:
    assert guide(days({-3: {"red_flags": []}})).open_episodes == ()


def test_an_open_soon_episode_holds_a_would_be_progress_with_ga1() -> None:
    g = guide(days({**TWO_GOOD_LOADS, -1: {"red_flags": ["fever_unwell"]}}))
    assert g.referral == "soon"
    assert rules_of(g, "tendon") == ("RF-5", "GA-1")
    assert "PR-1" not in fired(g)


def test_open_episodes_is_pure_over_logs_and_clearances() -> None:
    logs = [on(-2, red_flags=["pop_with_bruising"]), on(0, morning_pain=1)]
    assert open_episodes(logs, [], TODAY) == (Episode(_on(-2), "urgent", ("pop_with_bruising",)),)
    assert open_episodes(logs, [clearance(-1)], TODAY) == ()
    assert open_episodes(logs, [clearance(-1)], _on(-2)) != ()  # not yet checked that day
