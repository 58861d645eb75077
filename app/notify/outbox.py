"""Messages and their deliveries: the exactly-once part.

1. A message is a row whose key (user, kind, local date, subject) is unique. It is inserted,
   with one pending delivery per subscription of the user, before anything is sent; a second
   process planning the same message inserts nothing (ON CONFLICT DO NOTHING).
2. A delivery is claimed (pending -> sending, attempts + 1) by one conditional UPDATE in its
   own committed transaction before its request leaves: of two claimers, one wins.
3. Its outcome is recorded after the answer: sent; gone (404/410: the subscription is deleted);
   pending again at the next back-off step (no answer, 408, 429, 5xx); given up after
   MAX_ATTEMPTS, on any other answer, or when the message would arrive too late.
4. A delivery still `sending` STALE_AFTER after its claim belongs to a sender that died
   mid-request: it is marked `abandoned`, never sent again (it may have left).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, delete, select

from app.core.db import writing
from app.models import Notification, PushDelivery, PushSubscription
from app.notify.push import Outcome, Target, origin_of
from app.notify.texts import TEXTS
from app.notify.upsert import insert_ignoring_conflicts

log = logging.getLogger("loadline.notify")

MAX_ATTEMPTS = 5
BACKOFF = (
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(minutes=30),
)
MAX_RETRY_AFTER = timedelta(hours=1)
STALE_AFTER = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Due:
    """A message that should exist: its unique key."""

    user_id: uuid.UUID
    kind: str
    local_date: date
    subject: str = ""

    @property
    def key(self) -> str:
        return f"{self.user_id}/{self.kind}/{self.local_date.isoformat()}/{self.subject}"


@dataclass(frozen=True, slots=True)
class Claimed:
    delivery_id: int
    attempts: int
    message: Due
    created_at: datetime
    target: Target | None  # None: the subscription was deleted meanwhile
    subscription_id: uuid.UUID | None


def enqueue(session: Session, dues: Iterable[Due], now: datetime) -> int:
    """Store the messages not stored yet, each with its deliveries; returns how many are new."""
    wanted = {d.key: d for d in dues}
    if not wanted:
        return 0
    users = {d.user_id for d in wanted.values()}
    first_day = min(d.local_date for d in wanted.values())
    stored = session.exec(
        select(
            col(Notification.user_id),
            col(Notification.kind),
            col(Notification.local_date),
            col(Notification.subject),
        ).where(col(Notification.user_id).in_(users), col(Notification.local_date) >= first_day)
    ).all()
    for user_id, kind, local_date, subject in stored:
        wanted.pop(Due(user_id, kind, local_date, subject).key, None)
    if not wanted:
        return 0
    new = 0
    with writing(session):
        subscriptions = session.exec(
            select(PushSubscription).where(
                col(PushSubscription.user_id).in_({d.user_id for d in wanted.values()})
            )
        ).all()
        conn = session.connection()
        for due in wanted.values():
            row = {
                "user_id": due.user_id,
                "kind": due.kind,
                "local_date": due.local_date,
                "subject": due.subject,
                "created_at": now,
            }
            inserted = conn.execute(
                insert_ignoring_conflicts(session, Notification)
                .values(row)
                .returning(col(Notification.id))
            ).scalar_one_or_none()
            if inserted is None:
                continue  # another process stored it first
            new += 1
            for sub in (s for s in subscriptions if s.user_id == due.user_id):
                session.add(
                    PushDelivery(
                        notification_id=inserted,
                        subscription_id=sub.id,
                        push_origin=origin_of(sub.endpoint)[:255],
                        next_attempt_at=now,
                        created_at=now,
                    )
                )
    return new


def due_deliveries(session: Session, now: datetime, limit: int = 200) -> list[int]:
    """Pending deliveries whose time has come, oldest first."""
    found = session.exec(
        select(col(PushDelivery.id))
        .where(PushDelivery.status == "pending", col(PushDelivery.next_attempt_at) <= now)
        .order_by(col(PushDelivery.next_attempt_at), col(PushDelivery.id))
        .limit(limit)
    ).all()
    return [int(i) for i in found if i is not None]


def claim(session: Session, delivery_id: int, sender: str, now: datetime) -> Claimed | None:
    """Take one pending delivery for this sender (committed before sending); None if taken."""
    with writing(session):
        won = (
            session.connection()
            .execute(
                update(PushDelivery)
                .where(col(PushDelivery.id) == delivery_id, col(PushDelivery.status) == "pending")
                .values(
                    status="sending",
                    attempts=col(PushDelivery.attempts) + 1,
                    claimed_by=sender[:64],
                    claimed_at=now,
                )
                .returning(
                    col(PushDelivery.attempts),
                    col(PushDelivery.notification_id),
                    col(PushDelivery.subscription_id),
                )
            )
            .first()
        )
        if won is None:
            return None
        attempts, notification_id, subscription_id = won
        message = session.get(Notification, notification_id)
        sub = session.get(PushSubscription, subscription_id) if subscription_id else None
    assert message is not None
    due = Due(message.user_id, message.kind, message.local_date, message.subject)
    target = Target(sub.endpoint, sub.p256dh, sub.auth) if sub else None
    return Claimed(delivery_id, attempts, due, message.created_at, target, subscription_id)


def next_attempt(claimed: Claimed, outcome: Outcome, now: datetime) -> datetime | None:
    """When to try again, or None to give up (the back-off policy)."""
    if not outcome.retriable or claimed.attempts >= MAX_ATTEMPTS:
        return None
    delay = BACKOFF[min(claimed.attempts, len(BACKOFF)) - 1]
    if outcome.retry_after is not None:
        delay = max(delay, min(timedelta(seconds=outcome.retry_after), MAX_RETRY_AFTER))
    late = claimed.created_at + timedelta(seconds=TEXTS[claimed.message.kind].ttl_seconds)
    return None if now + delay > late else now + delay


def record(session: Session, claimed: Claimed, outcome: Outcome, now: datetime) -> str:
    """Store what the push service answered; returns the delivery's new status."""
    values: dict[str, object] = {"last_status": outcome.status, "last_error": outcome.error}
    retry_at = None
    if claimed.target is None:
        status = "gone"
    elif outcome.sent:
        status, values["sent_at"] = "sent", now
    elif outcome.gone:
        status = "gone"
    elif (retry_at := next_attempt(claimed, outcome, now)) is not None:
        status = "pending"
    else:
        status = "given_up"
    values.update(status=status, next_attempt_at=retry_at)
    with writing(session):
        session.connection().execute(
            update(PushDelivery)
            .where(
                col(PushDelivery.id) == claimed.delivery_id, col(PushDelivery.status) == "sending"
            )
            .values(**values)
        )
        if status == "gone" and claimed.subscription_id is not None:
            session.exec(
                delete(PushSubscription).where(col(PushSubscription.id) == claimed.subscription_id)
            )
    _log(claimed, outcome, status, retry_at)
    return status


def _log(claimed: Claimed, outcome: Outcome, status: str, retry_at: datetime | None) -> None:
    what = (
        f"push {claimed.message.kind} delivery={claimed.delivery_id} status={status} "
        f"attempts={claimed.attempts} http={outcome.status}"
    )
    if status == "sent":
        log.info(what)
    elif status == "pending":
        log.warning(
            "%s next_attempt=%s error=%s",
            what,
            retry_at.isoformat() if retry_at else None,
            outcome.error,
        )
    elif status == "gone":
        log.info("%s: subscription removed", what)
    else:
        log.error("%s: given up, error=%s", what, outcome.error)


def abandon_stale(session: Session, now: datetime) -> int:
    """Deliveries a dead sender claimed and never reported: abandoned, not sent again."""
    stale = session.exec(
        select(PushDelivery.id).where(
            PushDelivery.status == "sending", col(PushDelivery.claimed_at) < now - STALE_AFTER
        )
    ).all()
    if not stale:
        return 0
    with writing(session):
        done = session.connection().execute(
            update(PushDelivery)
            .where(col(PushDelivery.id).in_(stale), col(PushDelivery.status) == "sending")
            .values(status="abandoned", last_error="the sender stopped before the answer")
        )
    for delivery_id in stale:
        log.error("push delivery=%s abandoned: its sender stopped mid-request", delivery_id)
    return int(done.rowcount or 0)
