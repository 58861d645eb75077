"""The only place that reads the clock; everything else receives `now` or `today`."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones


def utcnow() -> datetime:
    return datetime.now(UTC)


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    return frozenset(available_timezones())


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def today_in(timezone: str, now: datetime | None = None) -> date:
    """The patient's local calendar date (their "today")."""
    return (now or utcnow()).astimezone(_zone(timezone)).date()
