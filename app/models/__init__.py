"""Every table, one module per domain, re-exported here: `from app.models import X` works for
any table, and importing this package registers all of them on `SQLModel.metadata` (Alembic's
autogenerate and the drift test read that). A new table goes into its domain's module (or a new
one, imported below) and into `__all__`.

The two tables core owns live with the code that uses them: `Counter` in app/core/counters.py,
`RateCounter` in app/core/ratelimit.py.
"""

from __future__ import annotations

import app.core.tables  # noqa: F401  (the naming convention, before any table)
from app.core.counters import Counter
from app.core.ratelimit import RateCounter
from app.models.audit import AccessLogEntry
from app.models.auth import ROLES, AuthSession, PasswordResetToken, RefreshToken, User
from app.models.dashboard import ReferralAcknowledgement
from app.models.intake import Assessment, MaintenanceCheck, PatientIntake
from app.models.logs import (
    DailyLog,
    DecisionRecord,
    LogRevision,
    PatientStatus,
    RedFlagClearance,
)
from app.models.notify import (
    Notification,
    NotificationSetting,
    PushDelivery,
    PushSubscription,
    SenderLease,
)
from app.models.outcomes import (
    CheckIn,
    CheckInActivity,
    ClinicianNote,
    Goal,
    ObjectiveTest,
    ReturnToSportReview,
)
from app.models.patients import PatientSetting
from app.models.programme import (
    CustomExercise,
    Programme,
    ProgrammeLockEvent,
    ProgrammeProposal,
    ProgrammeVersion,
)
from app.models.sharing import CareLink, ShareCode

__all__ = [
    "ROLES",
    "AccessLogEntry",
    "Assessment",
    "AuthSession",
    "CareLink",
    "CheckIn",
    "CheckInActivity",
    "ClinicianNote",
    "Counter",
    "CustomExercise",
    "DailyLog",
    "DecisionRecord",
    "Goal",
    "LogRevision",
    "MaintenanceCheck",
    "Notification",
    "NotificationSetting",
    "ObjectiveTest",
    "PasswordResetToken",
    "PatientIntake",
    "PatientSetting",
    "PatientStatus",
    "Programme",
    "ProgrammeLockEvent",
    "ProgrammeProposal",
    "ProgrammeVersion",
    "PushDelivery",
    "PushSubscription",
    "RateCounter",
    "RedFlagClearance",
    "ReferralAcknowledgement",
    "RefreshToken",
    "ReturnToSportReview",
    "SenderLease",
    "ShareCode",
    "User",
]
