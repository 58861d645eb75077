"""Prebuilt Core statements of the patients domain's hot path.

Built once at import: every log write and every guidance read loads the patient's settings
history, and building a statement per request cost more than running it (bench/RESULTS.md).
The rest of the domain uses the ORM.
"""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import col, select

from app.models import PatientSetting

SETTINGS = PatientSetting.__table__  # type: ignore[attr-defined]

# The patient's settings rows, oldest first (plain rows with the model's attributes).
HISTORY = (
    select(SETTINGS)
    .where(col(PatientSetting.patient_id) == bindparam("pid"))
    .order_by(col(PatientSetting.effective_on), col(PatientSetting.id))
)
