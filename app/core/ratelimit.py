"""Failure counting in the database: shared by every worker process, no extra service."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from app.core.errors import RateLimited
from app.core.security import token_digest
from app.models import RateEvent


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
