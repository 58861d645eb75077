"""The browser's push subscriptions, stored per user (any role)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, delete, select

from app.core.db import writing
from app.core.errors import NotFound
from app.models import PushSubscription, User


def save_subscription(
    session: Session, user: User, endpoint: str, p256dh: str, auth: str, now: datetime
) -> tuple[PushSubscription, bool]:
    """Store it (True) or refresh its keys (False). An endpoint held by another account (a
    shared device signed in as someone else) moves to this one: only one user gets its pushes."""
    with writing(session):
        row = session.exec(
            select(PushSubscription).where(PushSubscription.endpoint == endpoint)
        ).first()
        created = row is None or row.user_id != user.id
        if row is not None and created:
            session.delete(row)
            session.flush()
        if created:
            row = PushSubscription(
                user_id=user.id, endpoint=endpoint, p256dh=p256dh, auth=auth, created_at=now
            )
        assert row is not None
        row.p256dh, row.auth = p256dh, auth
        session.add(row)
    return row, created


def remove_subscription(session: Session, user: User, endpoint: str) -> None:
    """Delete the caller's subscription with this endpoint (404 when there is none)."""
    with writing(session):
        gone = session.exec(
            delete(PushSubscription).where(
                col(PushSubscription.user_id) == user.id,
                col(PushSubscription.endpoint) == endpoint,
            )
        )
        if not gone.rowcount:
            raise NotFound("No such push subscription.")


def count_subscriptions(session: Session, user: User) -> int:
    return len(
        session.exec(select(PushSubscription.id).where(PushSubscription.user_id == user.id)).all()
    )
