"""The access log: who saw or changed a patient's data."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow


class AccessLogEntry(SQLModel, table=True):
    """Who saw or changed what. Entries form a hash chain over their non-personal fields, so
    erasing a patient (nulling the personal columns) keeps the chain verifiable."""

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_patient_at", "patient_id", "at"),
        Index("ix_access_log_actor_action_day", "actor_id", "action", "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow)
    day: date
    patient_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    actor_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    actor_name: str | None = Field(default=None, max_length=100)
    actor_role: str = Field(max_length=16)
    action: str = Field(max_length=32)
    detail: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    subject_digest: str = Field(max_length=64)
    actor_digest: str = Field(max_length=64)
    prev_hash: str = Field(max_length=64)
    entry_hash: str = Field(max_length=64, unique=True)
