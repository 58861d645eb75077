"""The 28-day window: logs indexed by day offset once per call, baselines, counts and sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter

from .model import EXTENT_RANK, DayLog, Thresholds

WINDOW_DAYS = 28  # today-27 .. today
BASELINE_DAYS = 7  # today-7 .. today-1
BASELINE_MIN_VALUES = 3

_VALUE_FIELDS = (
    "morning_pain",
    "sitting_pain",
    "sitting_tolerance_min",
    "loading_pain",
    "loading_stage",
    "sprint_pain",
    "sprint_speed_pct",
    "glide_pain",
    "glide_type",
    "paresthesia",
    "symptom_extent",
    "sleep",
    "fatigue",
    "stress",
    "soreness",
    "session_rpe",
    "session_min",
)
_values_of = attrgetter(*_VALUE_FIELDS)
_NO_VALUES = (None,) * len(_VALUE_FIELDS)


def is_logged(log: DayLog | None) -> bool:
    """A logged day has at least one value; an all-null log is the same as no log."""
    if log is None:
        return False
    if log.morning_pain is not None or log.red_flags:
        return True
    return _values_of(log) != _NO_VALUES


def is_loading(log: DayLog) -> bool:
    return log.loading_pain is not None or log.loading_stage is not None


def is_run(log: DayLog) -> bool:
    return log.sprint_pain is not None or log.sprint_speed_pct is not None


def is_glide(log: DayLog) -> bool:
    return log.glide_pain is not None or log.glide_type is not None or log.paresthesia is not None


def is_training(log: DayLog) -> bool:
    return is_loading(log) or is_run(log) or is_glide(log)


def index_by_offset(logs: Iterable[DayLog], today: dt.date, span: int) -> list[DayLog | None]:
    """days[k] is the log of today-k for k < span; other dates are ignored.

    Two different non-empty logs for one date break the one-log-per-day contract: ValueError.
    """
    days: list[DayLog | None] = [None] * span
    origin = today.toordinal()
    for log in logs:
        k = origin - log.log_date.toordinal()
        if 0 <= k < span:
            held = days[k]
            if held is None or not is_logged(held):
                days[k] = log
            elif held != log and is_logged(log):
                raise ValueError(f"two different logs for {log.log_date.isoformat()}")
    return days


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[mid]
    return (ordered[mid - 1] + ordered[mid]) / 2


def settled(next_morning: int, baseline: float, th: Thresholds) -> bool:
    """A settled next morning: <= baseline + 1 and below baseline + morning_margin."""
    return next_morning <= baseline + 1 and next_morning < baseline + th.morning_margin


class History:
    """What one decision reads: the logs of today-27..today by offset, with cached baselines."""

    __slots__ = ("_baselines", "days", "phase", "th", "today")

    def __init__(
        self, today: dt.date, days: list[DayLog | None], th: Thresholds, phase: int
    ) -> None:
        self.today = today
        self.days = days
        self.th = th
        self.phase = phase
        self._baselines: dict[str, float | None] = {}

    def shifted(self, offset: int) -> History:
        """The history as it stood `offset` days ago (days before the window stay unknown)."""
        return History(
            self.today - dt.timedelta(days=offset),
            self.days[offset:] + [None] * offset,
            self.th,
            self.phase,
        )

    def values(self, name: str, first: int, last: int) -> list[int]:
        """Non-null values of a numeric field on offsets first..last (inclusive)."""
        found = []
        for log in self.days[first : last + 1]:
            if log is not None:
                value = getattr(log, name)
                if value is not None:
                    found.append(value)
        return found

    def baseline(self, name: str) -> float | None:
        """Median of the field over today-7..today-1 with >= 3 values, else unknown (None)."""
        cache = self._baselines
        if name in cache:
            return cache[name]
        found = self.values(name, 1, BASELINE_DAYS)
        value = median(found) if len(found) >= BASELINE_MIN_VALUES else None
        cache[name] = value
        return value

    def extent_baseline(self) -> float | None:
        """Median rank of symptom_extent over today-7..today-1 with >= 3 values."""
        ranks: list[float] = []
        for log in self.days[1 : BASELINE_DAYS + 1]:
            if log is not None and log.symptom_extent is not None:
                rank = EXTENT_RANK.get(log.symptom_extent)
                if rank is not None:
                    ranks.append(rank)
        return median(ranks) if len(ranks) >= BASELINE_MIN_VALUES else None

    def logged_days(self, first: int, last: int) -> int:
        return sum(1 for log in self.days[first : last + 1] if is_logged(log))

    def counting_sessions(
        self, is_session: Callable[[DayLog], bool], wanted: int
    ) -> list[tuple[int, DayLog, int]]:
        """The most recent sessions before today whose next morning_pain is known, newest first.

        At most `wanted` (offset, session log, next morning_pain) triples from the window.
        """
        found: list[tuple[int, DayLog, int]] = []
        days = self.days
        for k in range(1, len(days)):
            log = days[k]
            if log is None or not is_session(log):
                continue
            after = days[k - 1]
            if after is None or after.morning_pain is None:
                continue
            found.append((k, log, after.morning_pain))
            if len(found) == wanted:
                break
        return found
