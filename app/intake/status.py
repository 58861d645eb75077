"""The two status-row columns this domain keeps (the dashboard's `needs_assessment` and
`maintenance_overdue` read them), each write giving the row a new change number."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from app.core.counters import CHANGE_SEQ, next_value
from app.models import Assessment, MaintenanceCheck, PatientStatus


def refresh_intake_status(session: Session, patient_id: uuid.UUID, now: datetime) -> None:
    """Copy the latest assessment and maintenance dates to the status row, so a polled
    dashboard's ETag moves (inside the caller's write)."""
    assessed = session.exec(
        select(func.max(col(Assessment.assessed_on))).where(Assessment.patient_id == patient_id)
    ).one()
    checked = session.exec(
        select(func.max(col(MaintenanceCheck.checked_on))).where(
            MaintenanceCheck.patient_id == patient_id
        )
    ).one()
    session.execute(
        update(PatientStatus)
        .where(col(PatientStatus.patient_id) == patient_id)
        .values(
            last_assessed_on=assessed,
            last_maintenance_on=checked,
            updated_at=now,
            change_seq=next_value(session, CHANGE_SEQ),  # last: holds the counter briefly
        )
    )
