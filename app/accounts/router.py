"""Accounts: registration and the signed-in user's own profile (tokens: app/auth/router.py)."""

from __future__ import annotations

from fastapi import APIRouter, Request, status

from app.accounts import service
from app.accounts.profile import build_me
from app.accounts.schemas import MePatch, PatientMeOut
from app.auth.deps import CurrentUser
from app.auth.schemas import RegisterIn, UserOut
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.core.ratelimit import client_address

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.post(
    "/auth/register",
    status_code=status.HTTP_201_CREATED,
    response_model=UserOut,
    responses=problem_responses(409, 429, 503),
)
def register(data: RegisterIn, request: Request, session: SessionDep) -> UserOut:
    """Create a patient, clinician or coach account (limited per client address and hour)."""
    address = client_address(request.client.host if request.client else None)
    user = service.register_from(session, data, address, utcnow())
    return UserOut.model_validate(user, from_attributes=True)


@router.get("/me", response_model=PatientMeOut | UserOut)
def read_me(user: CurrentUser, session: SessionDep) -> PatientMeOut | UserOut:
    """The signed-in user; a patient also sees phase, thresholds and time zone."""
    return build_me(session, user)


@router.patch("/me", response_model=PatientMeOut | UserOut)
def update_me(patch: MePatch, user: CurrentUser, session: SessionDep) -> PatientMeOut | UserOut:
    """Change the display name or the IANA time zone that defines the patient's "today"."""
    return build_me(session, service.update_profile(session, user, patch, utcnow()))
