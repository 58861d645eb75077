"""Consent: one-time codes and the links they create."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class ShareCode(SQLModel, table=True):
    """A one-time consent code; only its SHA-256 is kept."""

    __tablename__ = "share_codes"

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id")
    scope: str = Field(max_length=16)
    code_hash: str = Field(max_length=64, unique=True)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    redeemed_at: datetime | None = None
    revoked_at: datetime | None = None


class CareLink(SQLModel, table=True):
    """A patient's consent for one clinician or coach to see their record (or readiness)."""

    __tablename__ = "care_links"
    __table_args__ = (
        Index("ix_care_links_holder", "holder_id", "revoked_at"),
        Index("ix_care_links_patient", "patient_id", "revoked_at"),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    holder_id: uuid.UUID = owned_by("users.id", index=False)
    scope: str = Field(max_length=16)
    code_id: uuid.UUID | None = Field(
        default=None, foreign_key="share_codes.id", ondelete="SET NULL", nullable=True
    )
    created_at: datetime = Field(default_factory=utcnow)
    revoked_at: datetime | None = None
    change_seq: int = Field(index=True)
