"""A patient's settings: phase and thresholds, each row taking effect on a date."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.core.clock import utcnow
from app.core.tables import owned_by


class PatientSetting(SQLModel, table=True):
    """A phase and thresholds taking effect on a date; rows are never edited, only added."""

    __tablename__ = "patient_settings"
    __table_args__ = (Index("ix_patient_settings_patient_effective", "patient_id", "effective_on"),)

    id: int | None = Field(default=None, primary_key=True)
    patient_id: uuid.UUID = owned_by("users.id", index=False)
    effective_on: date
    phase: int
    pain_ceiling: int
    safe_pain: int
    morning_margin: int
    sessions_to_progress: int
    sitting_drop_pct: int
    severe_pain: int
    changed_by_id: uuid.UUID | None = Field(
        default=None, foreign_key="users.id", ondelete="SET NULL", nullable=True
    )
    changed_at: datetime = Field(default_factory=utcnow)
