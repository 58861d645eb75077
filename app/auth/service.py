"""Account use cases: register, sign in, rotate and revoke tokens, change or erase the account."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.audit.service import anonymise_patient
from app.auth.schemas import MePatch, RegisterIn, TokenOut
from app.core import ratelimit
from app.core.clock import today_in
from app.core.config import get_settings
from app.core.counters import AUTH_SEQ, CHANGE_SEQ, next_value
from app.core.db import begin_write
from app.core.errors import Conflict, Forbidden, Unauthorized
from app.core.security import (
    create_access_token,
    hash_password,
    new_refresh_token,
    token_digest,
    verify_password,
)
from app.dashboard.status import touch_status
from app.logs.patient_settings import add_setting
from app.models import AuthSession, PatientStatus, RefreshToken, User
from app.rules import Thresholds

LOGIN_EMAIL, LOGIN_IP, PASSWORD_CHANGE = "login-email", "login-ip", "password-change"


def register_user(session: Session, data: RegisterIn, now: datetime) -> User:
    password_hash = hash_password(data.password)  # slow on purpose: before taking the write lock
    begin_write(session)
    if session.exec(select(User.id).where(User.email == data.email)).first():
        raise Conflict("An account with this email already exists.")
    user = User(
        email=data.email,
        password_hash=password_hash,
        display_name=data.display_name,
        role=data.role,
        created_at=now,
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise Conflict("An account with this email already exists.") from None
    if user.role == "patient":
        add_setting(session, user.id, today_in(user.timezone, now), 1, Thresholds())
        session.add(
            PatientStatus(patient_id=user.id, phase=1, change_seq=next_value(session, CHANGE_SEQ))
        )
    session.commit()
    return user


def sign_in(session: Session, email: str, password: str, ip: str, now: datetime) -> TokenOut:
    """Check credentials with the same work whether or not the email exists.

    The (deliberately slow) password check runs outside any write transaction, so a burst of
    sign-ins never holds up the writes of patients logging their day.
    """
    settings = get_settings()
    window = timedelta(minutes=settings.login_window_minutes)
    email = email.strip().lower()
    ratelimit.ensure_allowed(
        session, LOGIN_EMAIL, email, settings.login_failures_per_email, window, now
    )
    ratelimit.ensure_allowed(session, LOGIN_IP, ip, settings.login_failures_per_ip, window, now)
    user = session.exec(select(User).where(User.email == email)).first()
    session.commit()  # end the read transaction before the slow part
    valid, new_hash = verify_password(password, user.password_hash if user else None)
    begin_write(session)
    if user is None or not valid:
        ratelimit.record_failure(session, LOGIN_EMAIL, email, window, now)
        ratelimit.record_failure(session, LOGIN_IP, ip, window, now)
        session.commit()
        raise Unauthorized("Wrong email or password.")
    if new_hash:
        user.password_hash = new_hash
    ratelimit.clear_failures(session, LOGIN_EMAIL, email)
    auth_session = AuthSession(
        user_id=user.id,
        created_at=now,
        expires_at=now + timedelta(days=settings.refresh_token_days),
        absolute_expires_at=now + timedelta(days=settings.session_max_days),
    )
    session.add(auth_session)
    tokens = _issue_tokens(session, user.id, auth_session, now)
    session.commit()
    return tokens


def _issue_tokens(
    session: Session, user_id: uuid.UUID, auth_session: AuthSession, now: datetime
) -> TokenOut:
    refresh = new_refresh_token()
    session.add(
        RefreshToken(token_hash=token_digest(refresh), session_id=auth_session.id, created_at=now)
    )
    return TokenOut(
        access_token=create_access_token(user_id, auth_session.id, now),
        expires_in=get_settings().access_token_minutes * 60,
        refresh_token=refresh,
    )


def rotate_refresh_token(session: Session, token: str, now: datetime) -> TokenOut:
    """Trade a refresh token for a new pair; a token used twice ends its whole session."""
    begin_write(session)
    row = session.get(RefreshToken, token_digest(token))
    if row is None:
        raise Unauthorized("Unknown refresh token.")
    auth_session = session.get(AuthSession, row.session_id)
    if auth_session is None or not _is_live(auth_session, now):
        raise Unauthorized("This session has ended. Please sign in again.")
    if row.used_at is not None:
        auth_session.revoked_at = now
        next_value(session, AUTH_SEQ)
        session.commit()
        raise Unauthorized("This refresh token was already used; the session has been ended.")
    row.used_at = now
    auth_session.expires_at = min(
        now + timedelta(days=get_settings().refresh_token_days), auth_session.absolute_expires_at
    )
    tokens = _issue_tokens(session, auth_session.user_id, auth_session, now)
    session.commit()
    return tokens


def _is_live(auth_session: AuthSession, now: datetime) -> bool:
    return auth_session.revoked_at is None and auth_session.expires_at > now


def load_principal(
    session: Session, user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
) -> tuple[User, datetime] | None:
    """The user of a live session and when that session ends (one query), or None once the
    session is revoked or expired."""
    found = session.connection().execute(_PRINCIPAL, {"sid": session_id, "uid": user_id}).first()
    if found is None or found.revoked_at is not None or found.expires_at <= now:
        return None
    # A read-only snapshot of the caller (not attached to the session): use cases that change
    # the account load it with session.get first.
    user = User.model_construct(**{name: getattr(found, name) for name in _USER_COLUMNS})
    return user, found.expires_at


# Built once: this runs on every authenticated request.
_USERS = User.__table__  # type: ignore[attr-defined]
_USER_COLUMNS = tuple(column.name for column in _USERS.columns)
_PRINCIPAL = (
    select(_USERS, col(AuthSession.revoked_at), col(AuthSession.expires_at))
    .join(AuthSession, col(AuthSession.user_id) == _USERS.c.id)
    .where(col(AuthSession.id) == bindparam("sid"), _USERS.c.id == bindparam("uid"))
)


def end_session(session: Session, session_id: uuid.UUID, now: datetime) -> None:
    begin_write(session)
    session.execute(
        update(AuthSession)
        .where(col(AuthSession.id) == session_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=now)
    )
    next_value(session, AUTH_SEQ)
    session.commit()


def end_all_sessions(
    session: Session, user_id: uuid.UUID, now: datetime, keep: uuid.UUID | None = None
) -> None:
    """Revoke every live session of the user (except `keep`); the caller commits."""
    stmt = update(AuthSession).where(
        col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None)
    )
    if keep is not None:
        stmt = stmt.where(col(AuthSession.id) != keep)
    session.execute(stmt.values(revoked_at=now))
    next_value(session, AUTH_SEQ)


def change_password(
    session: Session, user: User, current: str, new: str, session_id: uuid.UUID, now: datetime
) -> None:
    settings = get_settings()
    window = timedelta(minutes=settings.login_window_minutes)
    key = str(user.id)
    ratelimit.ensure_allowed(
        session, PASSWORD_CHANGE, key, settings.login_failures_per_email, window, now
    )
    session.commit()  # no transaction open during the slow hashing
    valid, _ = verify_password(current, user.password_hash)
    new_hash = hash_password(new) if valid else ""
    begin_write(session)
    if not valid:
        ratelimit.record_failure(session, PASSWORD_CHANGE, key, window, now)
        session.commit()
        raise Forbidden("The current password is not correct.")
    stored = session.get(User, user.id)
    assert stored is not None
    stored.password_hash = new_hash
    session.add(stored)
    end_all_sessions(session, user.id, now, keep=session_id)
    session.commit()


def update_profile(session: Session, caller: User, patch: MePatch, now: datetime) -> User:
    begin_write(session)
    user = session.get(User, caller.id)
    assert user is not None
    changed = False
    if patch.display_name is not None and patch.display_name != user.display_name:
        user.display_name, changed = patch.display_name, True
    if patch.timezone is not None and patch.timezone != user.timezone:
        user.timezone, changed = patch.timezone, True  # the patient's "today" moves
    if changed and user.role == "patient":
        touch_status(session, user.id, now)  # dashboards and coaches must notice
    session.add(user)
    session.commit()
    return user


@dataclass(frozen=True, slots=True)
class Principal:
    user: User
    session_id: uuid.UUID
    valid_until: datetime  # the earlier of the access token's and the session's expiry


def erase_account(session: Session, user: User) -> None:
    """Delete the account; the database cascades to every row that belongs to it, and the
    access log keeps only non-personal fields of entries about a patient."""
    begin_write(session)
    if user.role == "patient":
        anonymise_patient(session, user.id)
    session.execute(delete(User).where(col(User.id) == user.id))
    next_value(session, AUTH_SEQ)  # its sessions are gone with it
    session.commit()


def end_all_sessions_now(session: Session, user_id: uuid.UUID, now: datetime) -> None:
    begin_write(session)
    end_all_sessions(session, user_id, now)
    session.commit()
