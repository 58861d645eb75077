"""What a decision reads besides its 28-day window (guardrails.md "When decisions are made"):
older red-flag days (an episode stays open however old), clinicians' clearances, and each
component's last step up before the window (PR-0's order). Loaded once per recompute, with
queries that stay cheap however long the history: the episode days have a partial index, the
rare extras are read only when needed.
"""

from __future__ import annotations

import uuid
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlmodel import Session

from app.logs import statements
from app.logs.rules_input import day_log_reader
from app.rules import Clearance, DayLog, PriorDecision
from app.rules.model import FLAG_LEVEL, PROGRESS_RULE, SOON

LOOKBACK_DAYS = 27  # the rules read the decision date and the 27 days before it
_READ_DAY_LOG = day_log_reader(list(statements.DAY_LOGS.selected_columns.keys()))
COMPONENT_OF = {rule: component for component, rule in PROGRESS_RULE.items()}


def read_logs(rows: Iterable[Any]) -> tuple[dict[date, DayLog], dict[date, str]]:
    """DayLogs from rows of statements.DAY_LOG columns, and each one's canonical text for the
    inputs digest (the row's repr, in DayLog's field order: stored flags are already sorted)."""
    logs, canonical = {}, {}
    flags_at = statements.RED_FLAGS_AT
    for row in rows:
        log = _READ_DAY_LOG(row)
        logs[log.log_date] = log
        values = tuple(row)
        if values[flags_at] is None:  # statements.DAY_LOGS: no flags come back as NULL
            values = (*values[:flags_at], [], *values[flags_at + 1 :])
        canonical[log.log_date] = repr(values)
    return logs, canonical


def load_day_logs(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> tuple[dict[date, DayLog], dict[date, str]]:
    """The logs of start..end the rules read (plain columns, no ORM objects), with texts."""
    params = {"pid": patient_id, "start": start, "end": end}
    return read_logs(session.connection().execute(statements.DAY_LOGS, params).all())


def marks_episode(log: DayLog) -> bool:
    """A day an episode is made of: flagged, or ticked "a clinician has checked me"."""
    return bool(log.red_flags) or log.red_flags_reviewed


def _soon_only(log: DayLog) -> bool:
    return bool(log.red_flags) and all(FLAG_LEVEL.get(f) == SOON for f in log.red_flags)


@dataclass
class EpisodeDays:
    """The days before each decision's window that its episodes read: every flagged or ticked
    day, and, after an RF-4 flag (closed by two quiet logged days in a row), every logged day."""

    marked: list[DayLog]  # oldest first
    quiet_from: date | None  # the oldest RF-4-only flag: logged days after it matter too
    logs: dict[date, DayLog]  # every log known to this recompute (older extras included)
    canonical: dict[date, str]
    _dates: list[date] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._dates = [log.log_date for log in self.marked]

    def before(self, first: date) -> list[DayLog]:
        """The extra logs of a decision whose window starts on `first`."""
        found = self.marked[: bisect_left(self._dates, first)]
        if self.quiet_from is not None and self.quiet_from < first:
            marked = {log.log_date for log in found}
            found = found + [
                log
                for day, log in self.logs.items()
                if self.quiet_from < day < first and day not in marked
            ]
        return found


def load_episode_days(
    session: Session,
    patient_id: uuid.UUID,
    window_start: date,
    logs: dict[date, DayLog],
    canonical: dict[date, str],
    older_days: bool = True,
) -> EpisodeDays:
    """Episode days before `window_start` (one indexed query, skipped when the status row says
    there are none: `older_days` False), joined to the loaded `logs`."""
    older: dict[date, DayLog] = {}
    older_text: dict[date, str] = {}
    if older_days:
        params = {"pid": patient_id, "before": window_start}
        rows = session.connection().execute(statements.EPISODE_DAYS, params)
        older, older_text = read_logs(rows)
    every = {**older, **logs}
    texts = {**older_text, **canonical}
    marked = sorted((log for log in every.values() if marks_episode(log)), key=_date)
    soon = [log.log_date for log in marked if _soon_only(log)]
    quiet_from = min(soon, default=None)
    if quiet_from is not None and quiet_from < window_start - timedelta(days=1):
        between = {"pid": patient_id, "start": quiet_from, "end": window_start - timedelta(days=1)}
        rows = session.connection().execute(statements.DAY_LOGS, between)
        quiet, quiet_text = read_logs(rows)
        every, texts = {**quiet, **every}, {**quiet_text, **texts}
    return EpisodeDays(marked, quiet_from, every, texts)


def _date(log: DayLog) -> date:
    return log.log_date


def load_clearances(session: Session, patient_id: uuid.UUID) -> tuple[Clearance, ...]:
    """Every clearance of the patient (a handful), oldest check first."""
    rows = session.connection().execute(statements.CLEARANCES, {"pid": patient_id})
    return tuple(Clearance(row.checked_on) for row in rows)


class StepUps:
    """Each component's last step up before a decision's window, when the rules need it: only
    for a component with no step up inside the window (otherwise the window's is the latest),
    from the decisions loaded for the recompute, else from what the status row keeps
    (`known_older`: component -> its last step up before the loaded range, None for never; a
    component it leaves out is unknown), else one query of the older progressed records."""

    def __init__(
        self,
        fetch_older: Callable[[], dict[str, date]],
        known_older: Mapping[str, date | None] | None = None,
    ) -> None:
        self._fetch_older = fetch_older
        self._known: Mapping[str, date | None] = known_older or {}
        self._fetched: dict[str, date] | None = None

    def _older(self, component: str) -> date | None:
        if component in self._known:
            return self._known[component]
        if self._fetched is None:
            self._fetched = self._fetch_older()
        return self._fetched.get(component)

    def before(
        self, first: date, loaded: Iterable[PriorDecision], day: date | None = None
    ) -> list[PriorDecision]:
        """A PriorDecision for each component whose last step up before `first` matters on
        `day` (default: every component), found among `loaded` or before the loaded range."""
        last: dict[str, date] = {}
        inside: set[str] = set()
        for prior in loaded:
            for rule in prior.rules:
                component = COMPONENT_OF.get(rule)
                if component is None:
                    continue
                when = prior.decision_date
                if when < first:
                    if when > last.get(component, date.min):
                        last[component] = when
                elif day is not None and when < day:
                    inside.add(component)
        for component in PROGRESS_RULE:
            if component not in inside and component not in last:
                older = self._older(component)
                if older is not None:
                    last[component] = older
        return [
            PriorDecision(when, "progress", frozenset({PROGRESS_RULE[component]}))
            for component, when in sorted(last.items())
            if component not in inside
        ]


def last_step_ups(session: Session, patient_id: uuid.UUID, before: date) -> dict[str, date]:
    """Each component's last progress among the current records dated before `before`."""
    found: dict[str, date] = {}
    rows = session.connection().execute(
        statements.PROGRESSED_BEFORE, {"pid": patient_id, "before": before}
    )
    for row in rows:
        for rule in row.rules.split():
            component = COMPONENT_OF.get(rule)
            if component is not None:
                found.setdefault(component, row.decision_date)
        if len(found) == len(PROGRESS_RULE):
            break
    return found
