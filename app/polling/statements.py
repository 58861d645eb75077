"""Prebuilt Core statements of the polled views: they run on every poll (bench/RESULTS.md,
"304 shortcut"), so they are built once at import."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, func
from sqlmodel import col, select

from app.core.counters import Counter
from app.models import CareLink, PatientStatus, User


def live_links(holder_id: Any, scope: Any) -> tuple[Any, ...]:
    """The conditions of a holder's live links of one scope."""
    return (
        col(CareLink.holder_id) == holder_id,
        col(CareLink.scope) == scope,
        col(CareLink.revoked_at).is_(None),
    )


# The change numbers behind a view's ETag, in one query: the newest status row of a linked
# patient, the number of live links, and the newest link change (removals included)...
STATE = (
    select(
        func.max(PatientStatus.change_seq),
        func.count(),
        select(func.max(CareLink.change_seq))
        .where(
            col(CareLink.holder_id) == bindparam("holder"),
            col(CareLink.scope) == bindparam("scope"),
        )
        .scalar_subquery(),
    )
    .select_from(CareLink)
    .join(PatientStatus, col(PatientStatus.patient_id) == col(CareLink.patient_id))
    .where(*live_links(bindparam("holder"), bindparam("scope")))
)
# ...and the linked patients' time zones, which only change with those numbers.
ZONES = (
    select(col(User.timezone))
    .distinct()
    .join(CareLink, col(CareLink.patient_id) == col(User.id))
    .where(*live_links(bindparam("holder"), bindparam("scope")))
)
# The two counters a remembered answer is checked against (through a session).
COUNTERS = select(col(Counter.name), col(Counter.value))
# The same, for the shortcut's own connection (plain DB-API, no SQLAlchemy).
RAW_COUNTERS = "SELECT name, value FROM counters"
