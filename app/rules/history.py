"""The 28-day window: logs indexed by day offset once per call, baselines, counts and sessions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import attrgetter

from .model import EXTENT_RANK, DayLog, Episode, Thresholds

WINDOW_DAYS = 28  # today-27 .. today
BASELINE_DAYS = 7  # today-7 .. today-1
BASELINE_MIN_VALUES = 3
SESSION_DAYS = 10  # sessions counted for PR-1..PR-3 are at most 10 days old

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
_NEVER: tuple[dt.date, ...] = ()
_EXTENT_KEY = "symptom_extent rank"  # not a field name, so it cannot clash in the cache


def is_logged(log: DayLog | None) -> bool:
    """A logged day has at least one value (a red flag or the reviewed tick counts); an
    all-null log is the same as no log."""
    if log is None:
        return False
    if log.morning_pain is not None or log.red_flags or log.red_flags_reviewed:
        return True
    return _values_of(log) != _NO_VALUES


def is_loading(log: DayLog) -> bool:
    return log.loading_pain is not None or log.loading_stage is not None


def is_run(log: DayLog) -> bool:
    return log.sprint_pain is not None or log.sprint_speed_pct is not None


def is_glide(log: DayLog) -> bool:
    """Glides were done: a glide pain or type (tingling is asked every day, glides or not)."""
    return log.glide_pain is not None or log.glide_type is not None


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
    """What one decision reads: the logs of today-27..today by offset, with cached baselines,
    and the dates on which each component progressed (from the stored earlier decisions)."""

    __slots__ = ("_baselines", "days", "episodes", "phase", "progressed_on", "th", "today")

    def __init__(
        self,
        today: dt.date,
        days: list[DayLog | None],
        th: Thresholds,
        phase: int,
        progressed_on: Mapping[str, tuple[dt.date, ...]] | None = None,
        episodes: tuple[Episode, ...] = (),
    ) -> None:
        self.today = today
        self.days = days
        self.th = th
        self.phase = phase
        self.progressed_on = progressed_on or {}
        self.episodes = episodes  # the red-flag episodes open today
        self._baselines: dict[str, float | None] = {}

    def shifted(self, offset: int) -> History:
        """The history as it stood `offset` days ago (days before the window stay unknown;
        episodes are not carried: the shifted history serves progress checks only)."""
        return History(
            self.today - dt.timedelta(days=offset),
            self.days[offset:] + [None] * offset,
            self.th,
            self.phase,
            self.progressed_on,
        )

    def last_progress(self, component: str) -> dt.date | None:
        """The latest earlier day on which `component` progressed (None: never, as far as known)."""
        latest = None
        for day in self.progressed_on.get(component, _NEVER):
            if day < self.today and (latest is None or day > latest):
                latest = day
        return latest

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
        cache = self._baselines
        if _EXTENT_KEY in cache:
            return cache[_EXTENT_KEY]
        ranks: list[float] = []
        for log in self.days[1 : BASELINE_DAYS + 1]:
            if log is not None and log.symptom_extent is not None:
                rank = EXTENT_RANK.get(log.symptom_extent)
                if rank is not None:
                    ranks.append(rank)
        value = median(ranks) if len(ranks) >= BASELINE_MIN_VALUES else None
        cache[_EXTENT_KEY] = value
        return value

    def logged_days(self, first: int, last: int) -> int:
        return sum(1 for log in self.days[first : last + 1] if is_logged(log))

    def counting_sessions(
        self, is_session: Callable[[DayLog], bool], wanted: int, component: str
    ) -> list[tuple[int, DayLog, int]]:
        """The sessions that count for a progress rule, newest first: days before today, at
        most SESSION_DAYS ago, after `component`'s last progress, whose next morning_pain is
        known. At most `wanted` (offset, session log, next morning_pain) triples."""
        found: list[tuple[int, DayLog, int]] = []
        days = self.days
        last = self.last_progress(component)
        oldest = SESSION_DAYS if last is None else min(SESSION_DAYS, (self.today - last).days - 1)
        for k in range(1, min(oldest, len(days) - 1) + 1):
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

    def last_earlier(self, value_of: Callable[[DayLog], int | None]) -> int | None:
        """The most recent known value before today within the window (for SP-1, SP-2)."""
        for log in self.days[1:]:
            if log is not None:
                value = value_of(log)
                if value is not None:
                    return value
        return None
