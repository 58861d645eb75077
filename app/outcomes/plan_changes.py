"""The visit summary's "plan changes" section: the programme's versions (app/programme keeps
every prescription change with who made it, when and why) made in the summary's period."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from sqlmodel import Session

from app.programme.reading import version_rows

LISTED = 8


class PlanChange(Protocol):
    """One change of one component's prescription (the programme's history row)."""

    @property
    def component(self) -> str: ...  # tendon | running | neural | sitting
    @property
    def kind(self) -> str: ...  # default | step_up | back_off | clinician | phase_change
    @property
    def made_by(self) -> str: ...  # patient | clinician | guardrails
    @property
    def reason(self) -> str: ...  # rule IDs, "clinician", ...
    @property
    def change(self) -> str | None: ...  # "Single-leg RDL: 3x8 -> 4x8"
    @property
    def created_at(self) -> datetime: ...


def plan_history_between(
    session: Session, patient_id: uuid.UUID, start: date, end: date
) -> Sequence[PlanChange]:
    """The programme's changes made in start..end (UTC dates of their making), oldest first."""
    rows = version_rows(session, patient_id, None)
    made = [row for row in rows if start <= row.created_at.date() <= end]
    return sorted(made, key=lambda row: row.created_at)


def plan_changes_section(history: Sequence[PlanChange]) -> dict[str, Any]:
    """Counts by kind and component, and the latest changes (at most 8), newest first."""
    newest = sorted(history, key=lambda c: c.created_at, reverse=True)
    return {
        "total": len(newest),
        "by_kind": dict(Counter(c.kind for c in newest)),
        "by_component": dict(Counter(c.component for c in newest)),
        "changes": [
            {
                "on": c.created_at.date(),
                "component": c.component,
                "kind": c.kind,
                "made_by": c.made_by,
                "reason": c.reason,
                "change": c.change,
            }
            for c in newest[:LISTED]
        ],
    }
