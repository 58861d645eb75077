"""The intake's part of the whole-record JSON export (`GET /me/export`): the intake with its
starting profile, the assessments and the maintenance checks. Registered below, on import
of this module (app/intake/router.py imports it)."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app.core.json_codec import plain
from app.intake.assessments import assessments_of
from app.intake.maintenance import check_view, checks_of, tests_by_id
from app.intake.service import read_intake
from app.logs.export import JSON_SECTIONS
from app.models import User


def intake_json(session: Session, patient: User) -> dict[str, Any]:
    checks = checks_of(session, patient.id, limit=10_000)
    tests = tests_by_id(session, checks)
    names = {patient.id: patient.display_name}
    data = {
        "intake": read_intake(session, patient),
        "assessments": assessments_of(session, patient.id),
        "maintenance_checks": [check_view(row, tests, names) for row in checks],
    }
    found: dict[str, Any] = plain(data)
    return found


JSON_SECTIONS["intake"] = intake_json
