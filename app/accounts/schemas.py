"""The signed-in user's profile (`/me`): a patient's also carries phase and thresholds."""

from __future__ import annotations

from datetime import date

from app.auth.schemas import DisplayName, StrictModel, TimeZone, UserOut
from app.patients.schemas import ThresholdsOut


class PatientMeOut(UserOut):
    phase: int
    phase_started_on: date
    thresholds: ThresholdsOut


class MePatch(StrictModel):
    display_name: DisplayName | None = None
    timezone: TimeZone | None = None
