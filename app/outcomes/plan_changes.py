"""The visit summary's "plan changes" section.

The programme (issue 13, app/programme) keeps every prescription change with who made it, when
and why; it is not on this branch. `plan_changes_section` takes that history as input and is
complete; `plan_history_between` is the one place to wire at merge: return the programme's
versions of the patient created in start..end (e.g. ProgrammeVersion rows, which have these
attributes), oldest first. Until then it returns None and the section says so.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Protocol

from sqlmodel import Session

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
) -> Sequence[PlanChange] | None:
    """The programme's changes in start..end, oldest first. WIRE AT MERGE (issue 13): until
    the programme is merged there is no history to read, so None."""
    del session, patient_id, start, end
    return None


def plan_changes_section(history: Sequence[PlanChange] | None) -> dict[str, Any]:
    """Counts by kind and component, and the latest changes (at most 8), newest first."""
    if history is None:
        return {
            "available": False,
            "note": "Plan changes appear here once the programme (issue 13) is in place.",
            "total": 0,
            "by_kind": {},
            "by_component": {},
            "changes": [],
        }
    newest = sorted(history, key=lambda c: c.created_at, reverse=True)
    return {
        "available": True,
        "note": None,
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
