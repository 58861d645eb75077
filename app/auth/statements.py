"""Prebuilt Core statements of the auth hot path: loading the caller runs on every
authenticated request, so it is built once at import (bench/RESULTS.md)."""

from __future__ import annotations

from sqlalchemy import bindparam
from sqlmodel import col, select

from app.models import AuthSession, User

USERS = User.__table__  # type: ignore[attr-defined]
USER_COLUMNS = tuple(column.name for column in USERS.columns)
# The caller and their sign-in session, in one query.
PRINCIPAL = (
    select(USERS, col(AuthSession.revoked_at), col(AuthSession.expires_at))
    .join(AuthSession, col(AuthSession.user_id) == USERS.c.id)
    .where(col(AuthSession.id) == bindparam("sid"), USERS.c.id == bindparam("uid"))
)
