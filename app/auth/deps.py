"""Typed dependencies: who is calling, and in which role."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session

from app.auth.service import Principal, load_principal
from app.core.clock import utcnow
from app.core.db import SessionDep, run_db
from app.core.errors import Forbidden, Unauthorized
from app.core.security import decode_access_token
from app.models import User

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token", auto_error=False)


TokenDep = Annotated[str | None, Depends(oauth2_scheme)]


async def current_principal(session: SessionDep, token: TokenDep) -> Principal:
    if not token or len(token) > 4096:
        raise Unauthorized()
    claims = decode_access_token(token)
    if claims is None:
        raise Unauthorized()
    live = await run_db(
        load_principal,
        session,
        user_id=claims.user_id,
        session_id=claims.session_id,
        now=utcnow(),
    )
    if live is None:
        raise Unauthorized("This session has ended. Please sign in again.")
    return Principal(live.user, claims.session_id, min(claims.expires_at, live.expires_at))


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


async def current_user(principal: CurrentPrincipal) -> User:
    return principal.user


def _role(role: str) -> Callable[[Session, str | None], Coroutine[Any, Any, User]]:
    # One dependency, not one per step (token, principal, user, role): FastAPI's per-node
    # work is a measurable share of a log write (bench/RESULTS.md).
    async def dependency(session: SessionDep, token: TokenDep) -> User:
        return (await authenticate(session, token, role)).user

    dependency.__name__ = f"require_{role}"
    return dependency


CurrentUser = Annotated[User, Depends(current_user)]
PatientUser = Annotated[User, Depends(_role("patient"))]
ClinicianUser = Annotated[User, Depends(_role("clinician"))]
CoachUser = Annotated[User, Depends(_role("coach"))]


async def authenticate(session: SessionDep, token: str | None, role: str) -> Principal:
    """What the dependencies above do, for a route that first tries a cheaper path."""
    principal = await current_principal(session, token)
    if principal.user.role != role:
        raise Forbidden(f"Only a {role} account can do this.")
    return principal
