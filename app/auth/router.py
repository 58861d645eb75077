"""Accounts: tokens, sign-in sessions and the password (registration and `/me`: app/accounts)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status
from fastapi.security import OAuth2PasswordRequestForm

from app.auth import password_reset, service
from app.auth.deps import CurrentPrincipal
from app.auth.schemas import (
    PasswordChangeIn,
    PasswordResetConfirmIn,
    PasswordResetIn,
    PasswordResetRequestedOut,
    RefreshIn,
    TokenOut,
)
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.mail import send_later
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


@router.post(
    "/auth/password-reset",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=PasswordResetRequestedOut,
    responses=problem_responses(429),
)
def request_password_reset(
    data: PasswordResetIn, request: Request, background: BackgroundTasks, session: SessionDep
) -> PasswordResetRequestedOut:
    """Ask for a link to choose a new password. The answer is the same whether or not an
    account has this email; the mail is sent after the answer."""
    address = client_address(request.client.host if request.client else None)
    mail = password_reset.request_reset(session, data.email, address, utcnow())
    if mail is not None:
        background.add_task(send_later, mail)  # handed to the mail thread once answered
    return PasswordResetRequestedOut(detail=password_reset.REQUESTED)


@router.post(
    "/auth/password-reset/confirm",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(400, 503),
)
def confirm_password_reset(
    data: PasswordResetConfirmIn, request: Request, session: SessionDep
) -> Response:
    """Choose a new password with the token from the mailed link. The link then stops
    working, and every session of the account ends (sign in again with the new password)."""
    address = client_address(request.client.host if request.client else None)
    password_reset.confirm_reset(session, data.token, data.new_password, address, utcnow())
    return Response(status_code=status.HTTP_204_NO_CONTENT)
