"""Failure counting in the database: shared by every worker process, no extra service.

The table and the functions that use it live together here: sign-in, password changes and
code redemption count their failures with them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Index, delete, func
from sqlmodel import Field, Session, SQLModel, col, select

import app.core.tables  # noqa: F401  (the naming convention, before any table)
from app.core.clock import utcnow
from app.core.errors import RateLimited
from app.core.security import token_digest


class RateEvent(SQLModel, table=True):
    """Failed attempts counted in the database, so limits hold across worker processes."""

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_bucket_key_at", "bucket", "key_hash", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    bucket: str = Field(max_length=32)
    key_hash: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow)


def ensure_allowed(
    session: Session, bucket: str, key: str, limit: int, window: timedelta, now: datetime
) -> None:
    """Raise RateLimited when `key` already failed `limit` times within `window`."""
    since = now - window
    count, oldest = session.exec(
        select(func.count(), func.min(RateEvent.at)).where(
            RateEvent.bucket == bucket,
            RateEvent.key_hash == token_digest(key),
            col(RateEvent.at) > since,
        )
    ).one()
    if count >= limit:
        retry = int(((oldest or now) + window - now).total_seconds()) + 1
        raise RateLimited("Too many failed attempts. Wait a few minutes and try again.", retry)


def record_failure(
    session: Session, bucket: str, key: str, window: timedelta, now: datetime
) -> None:
    digest = token_digest(key)
    session.execute(
        delete(RateEvent).where(
            col(RateEvent.bucket) == bucket,
            col(RateEvent.key_hash) == digest,
            col(RateEvent.at) <= now - window,
        )
    )
    session.add(RateEvent(bucket=bucket, key_hash=digest, at=now))


def clear_failures(session: Session, bucket: str, key: str) -> None:
    session.execute(
        delete(RateEvent).where(
            col(RateEvent.bucket) == bucket, col(RateEvent.key_hash) == token_digest(key)
        )
    )
