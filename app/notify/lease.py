"""One sender at a time: a lease row taken by an UPDATE that only matches an expired lease (or
one this holder already has), so of several processes exactly one gets it. Renewed every round,
released on shutdown; a holder that dies loses it when it expires.

The lease keeps the work in one place; it is not what prevents a double send. That is the
unique message key and the claim of each delivery (app/notify/outbox.py), which hold even if a
paused holder wakes up after its lease was taken over.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import case, update
from sqlmodel import Session, col

from app.core.db import writing
from app.models import SenderLease
from app.notify.upsert import insert_ignoring_conflicts

NAME = "notify"
NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def _take(session: Session, holder: str, now: datetime, ttl: timedelta) -> bool:
    taken = session.connection().execute(
        update(SenderLease)
        .where(
            col(SenderLease.name) == NAME,
            (col(SenderLease.holder) == holder) | (col(SenderLease.expires_at) <= now),
        )
        .values(
            holder=holder,
            expires_at=now + ttl,
            acquired_at=case(
                (col(SenderLease.holder) == holder, col(SenderLease.acquired_at)), else_=now
            ),
        )
        .returning(col(SenderLease.name))
    )
    return taken.first() is not None


def acquire(session: Session, holder: str, now: datetime, ttl: timedelta) -> bool:
    """Take or renew the lease until `now + ttl`; False while another holder's is live."""
    with writing(session):
        if _take(session, holder, now, ttl):
            return True
        if session.get(SenderLease, NAME) is not None:
            return False
        row = {"name": NAME, "holder": None, "expires_at": NEVER}
        session.connection().execute(insert_ignoring_conflicts(session, SenderLease).values(row))
        return _take(session, holder, now, ttl)


def release(session: Session, holder: str) -> None:
    """Give the lease up at once (if still held), so another process can take over."""
    with writing(session):
        session.connection().execute(
            update(SenderLease)
            .where(col(SenderLease.name) == NAME, col(SenderLease.holder) == holder)
            .values(holder=None, expires_at=NEVER)
        )


def holder_of(session: Session) -> str | None:
    row = session.get(SenderLease, NAME)
    return row.holder if row else None
