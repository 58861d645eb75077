"""Red-flag episodes (guardrails.md "Red-flag episodes"): derived from the logs and clearances.

A day whose log has any red flag opens one episode, dated that day, at the highest level of
its flags, listing them. It stays open until the first of: a later day's log ticks
`red_flags_reviewed`; a clearance whose `checked_on` is on or after its start (and not after
the day being decided); for an episode of RF-4 flags only, two consecutive calendar days after
it, both logged, neither with a red flag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from .history import is_logged
from .model import FLAG_LEVEL, REFERRAL_RANK, SOON, Clearance, DayLog, Episode

_FLAG_ORDER = {flag: i for i, flag in enumerate(FLAG_LEVEL)}


def episode_of(log: DayLog) -> Episode | None:
    """The episode a day's flags open (unknown flag names are ignored), or None."""
    flags = sorted((f for f in log.red_flags if f in FLAG_LEVEL), key=_FLAG_ORDER.__getitem__)
    if not flags:
        return None
    level = max((FLAG_LEVEL[f] for f in flags), key=REFERRAL_RANK.__getitem__)
    return Episode(log.log_date, level, tuple(flags))


def _calm_pair_after(start: dt.date, quiet: set[dt.date], today: dt.date) -> bool:
    """Two consecutive days after `start`, up to today, both logged without any red flag."""
    return any(start < day < today and day + dt.timedelta(days=1) in quiet for day in quiet)


def open_episodes(
    logs: Iterable[DayLog], clearances: Iterable[Clearance], today: dt.date
) -> tuple[Episode, ...]:
    """The episodes open on `today`, oldest first (one opened today included).

    Reads every log given up to today (not only the 28-day window: an episode stays open
    however long ago it started), and the clearances checked on or before today.
    """
    logs = [log for log in logs if log.log_date <= today]
    opened = [e for log in logs if log.red_flags and (e := episode_of(log)) is not None]
    if not opened:
        return ()
    reviewed = [log.log_date for log in logs if log.red_flags_reviewed]
    quiet = {log.log_date for log in logs if not log.red_flags and is_logged(log)}
    last_review = max(reviewed, default=None)
    last_check = max((c.checked_on for c in clearances if c.checked_on <= today), default=None)
    still_open = []
    for episode in sorted(opened, key=lambda e: e.started_on):
        start = episode.started_on
        if last_review is not None and last_review > start:
            continue
        if last_check is not None and last_check >= start:
            continue
        rf4_only = all(FLAG_LEVEL[f] == SOON for f in episode.flags)
        if rf4_only and _calm_pair_after(start, quiet, today):
            continue
        still_open.append(episode)
    return tuple(still_open)


def earlier_episode_level(episodes: Iterable[Episode], today: dt.date) -> Episode | None:
    """The open episode that sets RF-5 today: among those started before today, the highest
    level, and at that level the oldest (its date is the one the patient is reminded of)."""
    found: Episode | None = None
    for episode in episodes:
        if episode.started_on >= today:
            continue
        if found is None or REFERRAL_RANK[episode.level] > REFERRAL_RANK[found.level]:
            found = episode
    return found
