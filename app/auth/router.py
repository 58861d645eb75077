"""Accounts: tokens, sign-in sessions and the password (registration and `/me`: app/accounts)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from app.auth import service
from app.auth.deps import CurrentPrincipal
from app.auth.schemas import PasswordChangeIn, RefreshIn, TokenOut
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.core.ratelimit import client_address

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.post("/auth/token", response_model=TokenOut, responses=problem_responses(401, 429, 503))
def token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], request: Request, session: SessionDep
) -> TokenOut:
    """Sign in with email (as `username`) and password; returns an access and a refresh token."""
    address = client_address(request.client.host if request.client else None)
    return service.sign_in(session, form.username[:254], form.password[:256], address, utcnow())


@router.post("/auth/refresh", response_model=TokenOut, responses=problem_responses(401))
def refresh(data: RefreshIn, session: SessionDep) -> TokenOut:
    """Trade a refresh token for a new pair; the old refresh token stops working."""
    return service.rotate_refresh_token(session, data.refresh_token, utcnow())


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(principal: CurrentPrincipal, session: SessionDep) -> Response:
    """End this session: its access and refresh tokens stop working at once."""
    service.end_session(session, principal.session_id, utcnow())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/auth/logout-all", status_code=status.HTTP_204_NO_CONTENT)
def logout_all(principal: CurrentPrincipal, session: SessionDep) -> Response:
    """End every session of this account, on every device."""
    service.end_all_sessions_now(session, principal.user.id, utcnow())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 429, 503),
)
def change_password(
    data: PasswordChangeIn, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    """Change the password; every other session of the account is signed out."""
    service.change_password(
        session,
        principal.user,
        data.current_password,
        data.new_password,
        principal.session_id,
        utcnow(),
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)
