"""Password reset by email: a single-use link that works for a while, then a new password.

Asking (`request_reset`) answers the same whether or not an account has the email, and runs
the same statements (a row is stored either way; for an unknown address it has no account
and its token is never mailed); the mail itself goes out on the mail thread after the answer
(app/core/mail.py), so neither the body nor the time of the answer says whether the account
exists (bench/reset_timing.py measures it). Requests are limited per
email address and per client address, like sign-ins.

Only the SHA-256 of a link's token is stored. A link works once, for
PASSWORD_RESET_MINUTES; a newer link, or a completed reset, deletes the account's unused
ones. Completing a reset (`confirm_reset`) sets the password and ends every session of the
account, on every device.

The access log (app/audit) records who looked at a patient's data, not sign-in events, so a
reset is written to the `loadline.auth` log (account id only), not to the access log.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import datetime, timedelta
from urllib.parse import urlencode

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.auth.service import end_all_sessions, login_limits
from app.core import ratelimit
from app.core.config import get_settings
from app.core.db import end_reads, writing
from app.core.errors import AppError
from app.core.mail import Mail
from app.core.security import hash_password, token_digest
from app.models import PasswordResetToken, User

log = logging.getLogger("loadline.auth")

RESET_EMAIL, RESET_ADDRESS = "reset-email", "reset-address"
REQUESTED = (
    "If an account uses this email address, a link to choose a new password is on its way. "
    "Check your inbox (and spam folder)."
)


class InvalidResetLink(AppError):
    status, slug, title = 400, "invalid-reset-link", "Reset link not valid"


def reset_limits(email: str, address: str) -> list[ratelimit.Limit]:
    settings = get_settings()
    window = timedelta(minutes=settings.password_reset_window_minutes)
    return [
        ratelimit.Limit(RESET_EMAIL, email, settings.password_reset_per_email, window),
        ratelimit.Limit(RESET_ADDRESS, address, settings.password_reset_per_ip, window),
    ]


def request_reset(session: Session, email: str, address: str, now: datetime) -> Mail | None:
    """Count the request and store a new link, deleting the unused ones asked for the same
    address and every expired one; returns the mail to send after answering, or None when
    no account has the email.

    The same statements run either way (for an unknown address the row has no account and
    its token is never mailed), so the time of the answer does not tell them apart.
    RateLimited (429) when this email or this client asked too often: counted by the address
    typed, so it says nothing about whether an account exists either.
    """
    settings = get_settings()
    email = email.strip().lower()
    token = secrets.token_urlsafe(32)  # 32 random bytes
    email_digest = token_digest(f"reset-email:{email}")
    with writing(session):
        ratelimit.reserve(session, reset_limits(email, address), now)
        user_id = session.exec(select(User.id).where(User.email == email)).first()
        asked, used_at = col(PasswordResetToken.email_digest), col(PasswordResetToken.used_at)
        session.execute(  # the expired links, and the unused ones asked for this address
            delete(PasswordResetToken).where(
                (col(PasswordResetToken.expires_at) <= now)
                | ((asked == email_digest) & used_at.is_(None))
            )
        )
        session.add(
            PasswordResetToken(
                token_hash=token_digest(token),
                email_digest=email_digest,
                user_id=user_id,
                created_at=now,
                expires_at=now + timedelta(minutes=settings.password_reset_minutes),
            )
        )
    if user_id is None:
        return None
    log.info("Password reset link issued for account %s", user_id)
    return reset_mail(email, token, settings.password_reset_minutes)


def reset_link(token: str) -> str:
    base = (get_settings().public_base_url or "").rstrip("/")
    return f"{base}/reset-password?{urlencode({'token': token})}"


def reset_mail(email: str, token: str, minutes: int) -> Mail:
    body = (
        "Hello,\n\n"
        "Someone (we hope you) asked to choose a new password for your Loadline account.\n"
        f"Open this link to choose one. It works once, for {minutes} minutes:\n\n"
        f"{reset_link(token)}\n\n"
        "If you did not ask, you can ignore this mail: your password stays as it is.\n\n"
        "Loadline\n"
    )
    return Mail(to=email, subject="Choose a new Loadline password", body=body)


def confirm_reset(
    session: Session, token: str, new_password: str, address: str, now: datetime
) -> None:
    """Set a new password through a valid link; the link is used up and every session of
    the account ends. InvalidResetLink (400) for an unknown, used or expired link.

    Whoever holds the link holds the mailbox: the account's failed sign-ins from this client
    and from unknown clients are forgotten, so the new password works at once.
    """
    digest = token_digest(token)
    _check(session.get(PasswordResetToken, digest), now)
    end_reads(session)  # before the slow hash
    new_hash = hash_password(new_password)
    with writing(session):
        row = _check(
            session.get(PasswordResetToken, digest, populate_existing=True, with_for_update=True),
            now,
        )
        row.used_at = now
        session.add(row)
        session.flush()  # used before the unused ones are deleted
        assert row.user_id is not None  # _check
        _delete_unused(session, row.user_id)
        user = session.get(User, row.user_id, populate_existing=True)
        assert user is not None  # the link is deleted with its account
        user.password_hash = new_hash
        session.add(user)
        end_all_sessions(session, user.id, now)
        pair, _, account = login_limits(user.email, address, known=False)
        ratelimit.clear(session, pair)
        ratelimit.clear(session, account)
    log.info("Password reset completed for account %s; every session ended", row.user_id)


def _check(row: PasswordResetToken | None, now: datetime) -> PasswordResetToken:
    if row is None or row.user_id is None:
        raise InvalidResetLink(
            "This reset link is not valid (a newer link replaces older ones). Ask for a new link."
        )
    if row.used_at is not None:
        raise InvalidResetLink("This reset link was already used. Ask for a new link.")
    if row.expires_at <= now:
        raise InvalidResetLink("This reset link has expired. Ask for a new link.")
    return row


def _delete_unused(session: Session, user_id: uuid.UUID) -> None:
    """Delete the account's links not yet used (inside the caller's write)."""
    session.execute(
        delete(PasswordResetToken).where(
            col(PasswordResetToken.user_id) == user_id,
            col(PasswordResetToken.used_at).is_(None),
        )
    )
