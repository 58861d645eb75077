"""The clinician's referral queue: acknowledgements ("seen, acting"), distinct from clearances."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class ReferralAcknowledgement(SQLModel, table=True):
    """A linked clinician saw a queue item (an open red-flag episode, or a referral of the
    latest decision) and is acting on it. It closes nothing: a clearance does that."""

    __tablename__ = "referral_acknowledgements"
    __table_args__ = (Index("ix_referral_acknowledgements_item", "patient_id", "kind", "since"),)

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    kind: str = Field(max_length=16)  # episode | referral
    since: date  # the episode's start, or the referral's decision date
    level: str = Field(max_length=16)
    clinician_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    acknowledged_at: datetime = Field(default_factory=utcnow)
