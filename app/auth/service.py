"""Account use cases: create an account, sign in, rotate and revoke tokens, change the password.

Use cases that reach other domains (registration with a patient's first settings, `/me`,
erasure) are composed above them, in app/accounts and app/erasure.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.auth import statements
from app.auth.schemas import RegisterIn, TokenOut
from app.core import ratelimit
from app.core.config import get_settings
from app.core.counters import AUTH_SEQ, next_value
from app.core.db import end_reads, writing
from app.core.errors import Conflict, Forbidden, ServiceBusy, Unauthorized
from app.core.security import (
    create_access_token,
    hash_password,
    new_refresh_token,
    token_digest,
    verify_password,
)
from app.models import AuthSession, RefreshToken, User

LOGIN_PAIR, LOGIN_IP, LOGIN_ACCOUNT = "login-account-address", "login-address", "login-account"
KNOWN_CLIENT, PASSWORD_CHANGE = "login-known-client", "password-change"


@dataclass(frozen=True, slots=True)
class Principal:
    user: User
    session_id: uuid.UUID
    valid_until: datetime  # the earlier of the access token's and the session's expiry


class LiveSession(NamedTuple):
    """The user of a live sign-in session, and when that session ends."""

    user: User
    expires_at: datetime


def add_user(session: Session, data: RegisterIn, password_hash: str, now: datetime) -> User:
    """Store a new account (inside the caller's write); Conflict if the email is taken."""
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
    except IntegrityError:  # a concurrent registration won (`writing` rolls back)
        raise Conflict("An account with this email already exists.") from None
    return user


def sign_in(session: Session, email: str, password: str, address: str, now: datetime) -> TokenOut:
    """Check credentials with the same work whether or not the email exists.

    The attempt is counted (reserved) before the deliberately slow password check, in a write
    of its own, so parallel guesses cannot all slip past the limit; a successful sign-in gives
    its reservation back. The check itself runs outside any transaction, so a burst of
    sign-ins never holds up the writes of patients logging their day.

    Limits (README, "Security"): 5 failures per account from one client address, so that
    someone guessing elsewhere cannot lock the owner's usual client out; 30 per client address
    over all accounts; and 50 per account from the addresses it has not signed in from in the
    last 90 days (a guesser spread over many addresses), which the owner's known clients skip.
    """
    email = email.strip().lower()
    known = ratelimit.remembered(session, known_client(email, address), now)
    limits = login_limits(email, address, known)
    with writing(session):
        ratelimit.reserve(session, limits, now)
    user = session.exec(select(User).where(User.email == email)).first()
    end_reads(session)  # before the slow part
    with released_when_busy(session, limits, now):
        valid, new_hash = verify_password(password, user.password_hash if user else None)
    if user is None or not valid:  # counted above
        raise Unauthorized("Wrong email or password.")
    with writing(session):
        if new_hash:
            stored = session.get(User, user.id)
            assert stored is not None
            stored.password_hash = new_hash
        ratelimit.clear(session, limits[0])
        ratelimit.release(session, limits[1:], now)
        ratelimit.remember(session, known_client(email, address), now)
        tokens = open_session(session, user.id, now)
    return tokens


@contextmanager
def released_when_busy(
    session: Session, limits: Sequence[ratelimit.Limit], now: datetime
) -> Iterator[None]:
    """Around a password hash: if the hash gate turns the request away (503), the attempt
    was never checked, so its reservation is given back (a burst must not lock anyone out)."""
    try:
        yield
    except ServiceBusy:
        with writing(session):
            ratelimit.release(session, limits, now)
        raise


def login_limits(email: str, address: str, known: bool) -> list[ratelimit.Limit]:
    """The limits one sign-in attempt counts against; the first is the (account, address) one."""
    settings = get_settings()
    window = timedelta(minutes=settings.login_window_minutes)
    per_pair = settings.login_failures_per_email
    limits = [
        ratelimit.Limit(LOGIN_PAIR, f"{email}|{address}", per_pair, window),
        ratelimit.Limit(LOGIN_IP, address, settings.login_failures_per_ip, window),
    ]
    if not known:
        limits.append(
            ratelimit.Limit(LOGIN_ACCOUNT, email, settings.login_failures_per_account, window)
        )
    return limits


def known_client(email: str, address: str) -> ratelimit.Limit:
    """The mark of an address that signed in to this account lately."""
    days = timedelta(days=get_settings().login_known_client_days)
    return ratelimit.Limit(KNOWN_CLIENT, f"{email}|{address}", 1, days)


def open_session(session: Session, user_id: uuid.UUID, now: datetime) -> TokenOut:
    """A new sign-in session and its first tokens, inside the caller's write (sign-in, or a
    seeder that created the account itself: bench/seed.py)."""
    settings = get_settings()
    auth_session = AuthSession(
        user_id=user_id,
        created_at=now,
        expires_at=now + timedelta(days=settings.refresh_token_days),
        absolute_expires_at=now + timedelta(days=settings.session_max_days),
    )
    session.add(auth_session)
    return _issue_tokens(session, user_id, auth_session, now)


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
    reused = False
    with writing(session):
        row = session.get(RefreshToken, token_digest(token))
        if row is None:
            raise Unauthorized("Unknown refresh token.")
        auth_session = session.get(AuthSession, row.session_id)
        if auth_session is None or not _is_live(auth_session, now):
            raise Unauthorized("This session has ended. Please sign in again.")
        if row.used_at is not None:  # the session ends (committed), then refused below
            auth_session.revoked_at = now
            next_value(session, AUTH_SEQ)
            reused = True
        else:
            row.used_at = now
            auth_session.expires_at = min(
                now + timedelta(days=get_settings().refresh_token_days),
                auth_session.absolute_expires_at,
            )
            tokens = _issue_tokens(session, auth_session.user_id, auth_session, now)
    if reused:
        raise Unauthorized("This refresh token was already used; the session has been ended.")
    return tokens


def _is_live(auth_session: AuthSession, now: datetime) -> bool:
    return auth_session.revoked_at is None and auth_session.expires_at > now


def load_principal(
    session: Session, user_id: uuid.UUID, session_id: uuid.UUID, now: datetime
) -> LiveSession | None:
    """The user of a live session and when that session ends (one query), or None once the
    session is revoked or expired."""
    found = (
        session.connection()
        .execute(statements.PRINCIPAL, {"sid": session_id, "uid": user_id})
        .first()
    )
    if found is None or found.revoked_at is not None or found.expires_at <= now:
        return None
    # A read-only snapshot of the caller (not attached to the session): use cases that change
    # the account load it with session.get first.
    values = {name: getattr(found, name) for name in statements.USER_COLUMNS}
    return LiveSession(User.model_construct(**values), found.expires_at)


def end_session(session: Session, session_id: uuid.UUID, now: datetime) -> None:
    with writing(session):
        session.execute(
            update(AuthSession)
            .where(col(AuthSession.id) == session_id, col(AuthSession.revoked_at).is_(None))
            .values(revoked_at=now)
        )
        next_value(session, AUTH_SEQ)


def end_all_sessions(
    session: Session, user_id: uuid.UUID, now: datetime, keep: uuid.UUID | None = None
) -> None:
    """Revoke every live session of the user (except `keep`), inside the caller's write."""
    stmt = update(AuthSession).where(
        col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None)
    )
    if keep is not None:
        stmt = stmt.where(col(AuthSession.id) != keep)
    session.execute(stmt.values(revoked_at=now))
    next_value(session, AUTH_SEQ)


def end_all_sessions_now(session: Session, user_id: uuid.UUID, now: datetime) -> None:
    with writing(session):
        end_all_sessions(session, user_id, now)


def change_password(
    session: Session, user: User, current: str, new: str, session_id: uuid.UUID, now: datetime
) -> None:
    """Change the password (5 wrong current passwords per window, counted before the check)."""
    settings = get_settings()
    window = timedelta(minutes=settings.login_window_minutes)
    most = settings.login_failures_per_email
    limit = ratelimit.Limit(PASSWORD_CHANGE, str(user.id), most, window)
    with writing(session):
        ratelimit.reserve(session, [limit], now)
    with released_when_busy(session, [limit], now):  # no transaction open: slow
        valid, _ = verify_password(current, user.password_hash)
        if not valid:  # counted above
            raise Forbidden("The current password is not correct.")
        new_hash = hash_password(new)
    with writing(session):
        stored = session.get(User, user.id)
        assert stored is not None
        stored.password_hash = new_hash
        session.add(stored)
        end_all_sessions(session, user.id, now, keep=session_id)
        ratelimit.clear(session, limit)
