"""Accounts and sign-in sessions."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by

ROLES = ("patient", "clinician", "coach")


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = (CheckConstraint("role IN ('patient', 'clinician', 'coach')", name="role"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    password_hash: str = Field(max_length=255)
    display_name: str = Field(max_length=100)
    role: str = Field(max_length=16)
    timezone: str = Field(default="UTC", max_length=64)
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """One sign-in: its refresh tokens rotate; revoking it ends every token it issued."""

    __tablename__ = "auth_sessions"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    user_id: uuid.UUID = owned_by("users.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    absolute_expires_at: datetime
    revoked_at: datetime | None = None


class RefreshToken(SQLModel, table=True):
    """Only the SHA-256 of each refresh token is kept; a used one presented again is reuse."""

    __tablename__ = "refresh_tokens"

    token_hash: str = Field(primary_key=True, max_length=64)
    session_id: uuid.UUID = owned_by("auth_sessions.id")
    created_at: datetime = Field(default_factory=utcnow)
    used_at: datetime | None = None


class PasswordResetToken(SQLModel, table=True):
    """A password-reset link: only the SHA-256 of its token is kept. It works once, until
    `expires_at`; a newer link, or a completed reset, deletes the account's unused ones.

    Every request stores a row, whether or not an account has the email (then `user_id` is
    empty and the token is never mailed): both answers do the same work, so their timing
    says nothing. `email_digest` (SHA-256 of the address typed) finds the earlier links of
    the same request; rows are purged once expired.
    """

    __tablename__ = "password_reset_tokens"

    token_hash: str = Field(primary_key=True, max_length=64)
    email_digest: str = Field(max_length=64, index=True)
    user_id: uuid.UUID | None = owned_by("users.id", nullable=True)
    created_at: datetime
    expires_at: datetime = Field(index=True)
    used_at: datetime | None = None
