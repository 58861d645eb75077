"""Attempt limits counted in the database: shared by every worker process, no extra service.

One row per (bucket, key): a counter of attempts and the moment its window ends. An attempt
is *reserved* before the work it limits (the slow password check, a code lookup) with one
atomic `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` on SQLite and PostgreSQL alike: the
row is locked (PostgreSQL) or the write lock held (SQLite) until commit, so N parallel
attempts see N different counts and at most `limit` of them go ahead, on any number of
workers. Reading a count, checking, then recording (the old order) let a parallel burst
through (issue 12). A use case releases its reservation when the attempt succeeded.

Windows are fixed: they start at the first attempt and end `window` later (Retry-After).
Keys are stored as SHA-256 digests (no email or address in clear).

What a "client address" is (`client_address`): the peer address that uvicorn gives the app.
Behind a reverse proxy that is the proxy's address, unless uvicorn runs with
`--proxy-headers` and `FORWARDED_ALLOW_IPS` (or `--forwarded-allow-ips`) naming the proxy:
then uvicorn takes the client from `X-Forwarded-For`, trusting only those proxies. The app
never reads `X-Forwarded-For` itself (anyone can send one). An IPv6 client counts as its /64
network, since one host usually holds a whole /64.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Index, case, delete, literal, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Field, Session, SQLModel, col, select

import app.core.tables  # noqa: F401  (the naming convention, before any table)
from app.core.errors import RateLimited
from app.core.security import token_digest

PURGE_BATCH = 200


class RateCounter(SQLModel, table=True):
    """Attempts of one key in one bucket within the current window (see the module docstring)."""

    __tablename__ = "rate_counters"
    __table_args__ = (Index("ix_rate_counters_resets_at", "resets_at"),)

    bucket: str = Field(primary_key=True, max_length=32)
    key_hash: str = Field(primary_key=True, max_length=64)
    hits: int = 0
    resets_at: datetime


@dataclass(frozen=True, slots=True)
class Limit:
    """At most `limit` attempts of `key` in `bucket` per `window`."""

    bucket: str
    key: str
    limit: int
    window: timedelta

    @property
    def digest(self) -> str:
        return token_digest(f"{self.bucket}:{self.key}")


def client_address(host: str | None) -> str:
    """The address limits count by: IPv4 as is, IPv6 as its /64, anything else as given."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def _upsert(session: Session) -> Any:
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(RateCounter)


def reserve(session: Session, limits: Iterable[Limit], now: datetime) -> None:
    """Count one attempt against each limit, or raise RateLimited if any is used up.

    Inside the caller's write, which must end right after (the rows stay locked until it
    commits). Raising inside that write rolls the counts back: a refused attempt is not
    counted. Limits of 0 or less are off.
    """
    table: Any = RateCounter.__table__  # type: ignore[attr-defined]
    started = False
    for limit in sorted(limits, key=lambda item: (item.bucket, item.digest)):  # one lock order
        if limit.limit <= 0:
            continue
        expired = table.c.resets_at <= now
        statement = _upsert(session).values(
            bucket=limit.bucket, key_hash=limit.digest, hits=1, resets_at=now + limit.window
        )
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.bucket, table.c.key_hash],
            set_={
                "hits": case((expired, 1), else_=table.c.hits + 1),
                "resets_at": case(
                    (expired, literal(now + limit.window, table.c.resets_at.type)),
                    else_=table.c.resets_at,
                ),
            },
        ).returning(table.c.hits, table.c.resets_at)
        hits, resets_at = session.execute(statement).one()
        if hits > limit.limit:
            retry = int((_aware(resets_at, now) - now).total_seconds()) + 1
            raise RateLimited("Too many attempts. Wait a few minutes and try again.", retry)
        started = started or hits == 1
    if started:  # a new window began: a good moment to drop windows that have ended
        _purge(session, now)


def release(session: Session, limits: Iterable[Limit], now: datetime) -> None:
    """Give back one reserved attempt of each limit (the attempt succeeded), inside the
    caller's write."""
    for limit in sorted(limits, key=lambda item: (item.bucket, item.digest)):
        session.execute(
            update(RateCounter)
            .where(
                col(RateCounter.bucket) == limit.bucket,
                col(RateCounter.key_hash) == limit.digest,
                col(RateCounter.resets_at) > now,
                col(RateCounter.hits) > 0,
            )
            .values(hits=col(RateCounter.hits) - 1)
        )


def clear(session: Session, limit: Limit) -> None:
    """Forget every attempt of this key (inside the caller's write)."""
    session.execute(
        delete(RateCounter).where(
            col(RateCounter.bucket) == limit.bucket, col(RateCounter.key_hash) == limit.digest
        )
    )


def remember(session: Session, limit: Limit, now: datetime) -> None:
    """Mark `key` in `bucket` for `limit.window` from now (inside the caller's write): a
    counter used as a flag, e.g. "this client signed in to this account"."""
    table: Any = RateCounter.__table__  # type: ignore[attr-defined]
    until = now + limit.window
    statement = _upsert(session).values(
        bucket=limit.bucket, key_hash=limit.digest, hits=1, resets_at=until
    )
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[table.c.bucket, table.c.key_hash],
            set_={"hits": 1, "resets_at": until},
        )
    )


def remembered(session: Session, limit: Limit, now: datetime) -> bool:
    """True while a mark set by `remember` holds."""
    found = session.exec(
        select(RateCounter.resets_at).where(
            RateCounter.bucket == limit.bucket, RateCounter.key_hash == limit.digest
        )
    ).first()
    return found is not None and _aware(found, now) > now


def _purge(session: Session, now: datetime) -> None:
    """Delete some rows whose window has ended. Rows another transaction holds are skipped
    (PostgreSQL: SKIP LOCKED), so the purge never waits for, or deadlocks with, a reserver."""
    ended = (
        select(RateCounter.bucket, RateCounter.key_hash)
        .where(col(RateCounter.resets_at) <= now)
        .limit(PURGE_BATCH)
        .with_for_update(skip_locked=True)
    )
    session.execute(
        delete(RateCounter).where(
            tuple_(col(RateCounter.bucket), col(RateCounter.key_hash)).in_(ended)
        )
    )


def _aware(moment: datetime, like: datetime) -> datetime:
    """SQLite returns naive UTC datetimes; compare them with the aware `now`."""
    return moment.replace(tzinfo=like.tzinfo) if moment.tzinfo is None else moment
