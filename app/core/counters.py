"""Monotonic counters in the database, handed out in commit order: the table and its one use.

Core owns them because several domains number their changes from the same counter (status
rows, links, sessions) and the polled views compare those numbers.
"""

from __future__ import annotations

from sqlalchemy import bindparam, update
from sqlmodel import Field, Session, SQLModel, col

import app.core.tables  # noqa: F401  (the naming convention, before any table)

CHANGE_SEQ = "change_seq"  # any change a dashboard or coach view shows
ACCESS_LOG = "access_log"  # serialises appends to the access log's hash chain
AUTH_SEQ = "auth_seq"  # any sign-in session ended early (logout, reuse, password, erasure)


class Counter(SQLModel, table=True):
    """Monotonic counters; an increment locks the row until commit, so values commit in order."""

    __tablename__ = "counters"

    name: str = Field(primary_key=True, max_length=32)
    value: int = 0


def next_value(session: Session, name: str) -> int:
    """Increment and return a counter. The row stays locked until commit, so a reader that
    sees value N has also seen every change numbered below N: cursors never skip one.
    Take it as the last step of a write, to hold the lock briefly."""
    return int(session.connection().execute(_NEXT, {"counter": name}).scalar_one())


_NEXT = (
    update(Counter)
    .where(col(Counter.name) == bindparam("counter"))
    .values(value=col(Counter.value) + 1)
    .returning(col(Counter.value))
)
