"""Notifications: push subscriptions, per-user settings, the messages (one per unique key), their
deliveries to each subscription, and the lease that lets one process send at a time."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time

from sqlalchemy import Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by

MAX_ENDPOINT = 1024


class PushSubscription(SQLModel, table=True):
    """A browser's PushSubscription (endpoint and keys), owned by one user; an endpoint the
    push service answers 404 or 410 for is deleted."""

    __tablename__ = "push_subscriptions"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = owned_by("users.id")
    endpoint: str = Field(max_length=MAX_ENDPOINT, unique=True)
    p256dh: str = Field(max_length=128)
    auth: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class NotificationSetting(SQLModel, table=True):
    """A user's choices; no row means the defaults (app/notify/preferences.py)."""

    __tablename__ = "notification_settings"

    user_id: uuid.UUID = Field(primary_key=True, foreign_key="users.id", ondelete="CASCADE")
    daily_reminder: bool = True
    reminder_time: time = time(20, 0)
    morning_prompt: bool = True
    morning_time: time = time(8, 0)
    weekly_checkin: bool = True
    patient_alert: bool = True
    daily_digest: bool = True
    digest_time: time = time(8, 0)
    updated_at: datetime = Field(default_factory=utcnow)


class Notification(SQLModel, table=True):
    """One message, inserted before anything is sent: its key (user, kind, local date, subject)
    is unique, so however many processes plan it, it exists once."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("user_id", "kind", "local_date", "subject"),)

    id: int | None = Field(default=None, primary_key=True)
    user_id: uuid.UUID = owned_by("users.id", index=False)
    kind: str = Field(max_length=32)
    local_date: date
    # What the message is about, when one user can get several of a kind on one date (a
    # clinician's alert names the patient); "" otherwise. Never shown in the message.
    subject: str = Field(default="", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class PushDelivery(SQLModel, table=True):
    """One message to one subscription: claimed (pending -> sending) by one sender before the
    request leaves, then sent, retried later (pending again), gone, given up or abandoned."""

    __tablename__ = "push_deliveries"
    __table_args__ = (
        UniqueConstraint("notification_id", "subscription_id"),
        Index("ix_push_deliveries_due", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    notification_id: int = owned_by("notifications.id", index=False)
    subscription_id: uuid.UUID | None = Field(
        default=None, foreign_key="push_subscriptions.id", ondelete="SET NULL", index=True
    )
    push_origin: str = Field(max_length=255)  # for the log once the subscription is gone
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    next_attempt_at: datetime | None = None
    claimed_by: str | None = Field(default=None, max_length=64)
    claimed_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = Field(default=None, sa_type=Text)
    sent_at: datetime | None = None
    created_at: datetime = Field(default_factory=utcnow)


class SenderLease(SQLModel, table=True):
    """Who may send now: taken by an UPDATE that only succeeds on an expired lease (or one
    already held), renewed each round, released on shutdown."""

    __tablename__ = "sender_leases"

    name: str = Field(primary_key=True, max_length=32)
    holder: str | None = Field(default=None, max_length=64)
    expires_at: datetime
    acquired_at: datetime | None = None
