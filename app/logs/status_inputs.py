"""What the patient's status row tells a recompute before it loads anything, in one read.

Two facts a decision needs reach back over the whole history: the days red-flag episodes are
made of (flagged or "checked" days, any age) and each component's last step up (PR-0's order).
Reading them from the history on every write costs two statements that almost always answer
"nothing older than the window". The status row keeps a summary instead:

- `episode_days_from`: the earliest day that was ever flagged or ticked (lowered by the log
  write itself, never raised: an edit that removes a flag leaves it early, which only costs a
  query). Older episode days are read only when it is before the window.
- `step_ups`: each component's last progress among the current records, as of the last
  complete refresh. Trusted only when no backlog is pending (app/logs/backlog.py: while one is,
  earlier chunks may have changed records the row has not seen yet).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session

from app.logs import statements
from app.rules.model import PROGRESS_RULE


@dataclass(frozen=True, slots=True)
class StatusInputs:
    exists: bool
    pending_from: date | None = None
    first_log_date: date | None = None
    last_log_date: date | None = None
    episode_days_from: date | None = None
    step_ups: Mapping[str, date] = field(default_factory=dict)

    def older_episode_days(self, window_start: date) -> bool:
        """Whether a flagged or ticked day may lie before `window_start`."""
        if not self.exists:
            return True
        return self.episode_days_from is not None and self.episode_days_from < window_start

    def known_step_ups(self, window_start: date) -> dict[str, date | None]:
        """component -> its last step up before `window_start` (None: never), for the
        components the row can tell (its step up is older than the window, or it never had
        one); nothing while a backlog is pending (the row may be behind the records)."""
        if not self.exists or self.pending_from is not None:
            return {}
        known: dict[str, date | None] = {}
        for component in PROGRESS_RULE:
            day = self.step_ups.get(component)
            if day is None or day < window_start:
                known[component] = day
        return known


def read_status_inputs(session: Session, patient_id: uuid.UUID) -> StatusInputs:
    row = session.connection().execute(statements.READ_STATUS, {"pid": patient_id}).first()
    return status_from_row(row)


def status_from_row(row: Any) -> StatusInputs:
    """StatusInputs from a row with statements.READ_STATUS's columns (None: no status row)."""
    if row is None:
        return StatusInputs(exists=False)
    return StatusInputs(
        exists=True,
        pending_from=row.decisions_pending_from,
        first_log_date=row.first_log_date,
        last_log_date=row.last_log_date,
        episode_days_from=row.episode_days_from,
        step_ups=_dates(row.step_ups),
    )


def _dates(stored: Any) -> dict[str, date]:
    return {name: date.fromisoformat(day) for name, day in (stored or {}).items()}


def stored_step_ups(step_ups: Mapping[str, date]) -> dict[str, str]:
    return {name: day.isoformat() for name, day in sorted(step_ups.items())}
