"""Erasing the signed-in account."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.auth.deps import CurrentUser
from app.core.db import SessionDep
from app.erasure.service import erase_account

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.delete("/me", status_code=status.HTTP_204_NO_CONTENT)
def delete_me(user: CurrentUser, session: SessionDep) -> Response:
    """Erase the account and all its data."""
    erase_account(session, user)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
