"""The patient's view of who looked at or changed their data."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel
from sqlmodel import col, select

from app.auth.deps import PatientUser
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.models import AccessLogEntry

router = APIRouter(prefix="/api/v1/me", tags=["sharing"], responses=problem_responses(403))


class AccessEntryOut(BaseModel):
    at: datetime
    actor_name: str | None
    actor_role: str
    action: str
    detail: dict[str, Any]


class AccessLog(BaseModel):
    entries: list[AccessEntryOut]


@router.get("/access-log", response_model=AccessLog)
def access_log(
    patient: PatientUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> AccessLog:
    """Who (clinician or coach, by name) read, exported or changed your data, newest first."""
    rows = session.exec(
        select(AccessLogEntry)
        .where(AccessLogEntry.patient_id == patient.id)
        .order_by(col(AccessLogEntry.id).desc())
        .limit(limit)
    ).all()
    return AccessLog(entries=[AccessEntryOut.model_validate(r, from_attributes=True) for r in rows])
