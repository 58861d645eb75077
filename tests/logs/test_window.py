"""The packed 28-day window of a status row, read on later days."""

from __future__ import annotations

from datetime import date, timedelta

from app.logs.window import Window, pack

ON = date(2026, 11, 20)


def test_a_window_reads_back_what_was_packed_and_shifts_with_the_calendar() -> None:
    morning = {ON: 3, ON - timedelta(days=1): None, ON - timedelta(days=27): 5}
    packed = pack(ON, morning, {ON: "back_off", ON - timedelta(days=1): "hold"})
    same_day = Window(packed, ON)
    assert same_day.morning(0) == 3 and same_day.logged(0) and same_day.decision_code(0) == "B"
    assert same_day.morning(1) is None and same_day.logged(1)  # logged, morning not given
    assert not same_day.logged(2) and same_day.decision_code(1) == "H"
    assert same_day.morning(27) == 5 and same_day.morning(28) is None
    three_days_later = Window(packed, ON + timedelta(days=3))
    assert three_days_later.morning(0) is None and not three_days_later.logged(0)
    assert three_days_later.morning(3) == 3 and three_days_later.decision_code(3) == "B"
    assert three_days_later.morning(27) is None  # the oldest day fell out of the window


def test_a_window_is_the_same_size_however_long_the_history() -> None:
    short = pack(ON, {ON: 1}, {})
    full = pack(ON, {ON - timedelta(days=k): k % 10 for k in range(400)}, {})
    assert len(short["morning"]) == len(full["morning"]) == 28
    assert len(short["logged"]) == len(full["logged"]) == len(full["decisions"]) == 28
