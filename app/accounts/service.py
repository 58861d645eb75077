"""Account use cases that reach past auth: registering (a patient starts with settings and a
status row) and changing the profile (a patient's dashboards must notice)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from app.accounts.schemas import MePatch
from app.auth.schemas import RegisterIn
from app.auth.service import add_user, released_when_busy
from app.core import ratelimit
from app.core.clock import today_in
from app.core.config import get_settings
from app.core.db import writing
from app.core.security import hash_password
from app.logs.status import create_status, touch_status
from app.models import User
from app.patients.settings import add_setting
from app.programme.service import start_programme
from app.rules import Thresholds

FIRST_PHASE = 1
REGISTER = "register"


def register_from(session: Session, data: RegisterIn, address: str, now: datetime) -> User:
    """Registration through the API: at most `REGISTER_LIMIT_PER_HOUR` per client address
    (each costs a 64 MiB password hash), counted before the hash; 0 turns the limit off."""
    per_hour = get_settings().register_limit_per_hour
    limit = ratelimit.Limit(REGISTER, address, per_hour, timedelta(hours=1))
    with writing(session):
        ratelimit.reserve(session, [limit], now)
    with released_when_busy(session, [limit], now):
        password_hash = hash_password(data.password)
    return register_user(session, data, now, password_hash=password_hash)


def register_user(
    session: Session, data: RegisterIn, now: datetime, *, password_hash: str | None = None
) -> User:
    """Create an account; a patient starts in phase 1 with the default thresholds and the
    default phase-1 programme.

    `password_hash`: a hash of `data.password` made earlier (a seeder that hashes once for
    many accounts); by default the password is hashed here.
    """
    if password_hash is None:
        password_hash = hash_password(data.password)  # slow on purpose: before the write lock
    with writing(session):
        user = add_user(session, data, password_hash, now)
        if user.role == "patient":
            add_setting(session, user.id, today_in(user.timezone, now), FIRST_PHASE, Thresholds())
            create_status(session, user.id, FIRST_PHASE)
            start_programme(session, user.id, FIRST_PHASE, now)
    return user


def update_profile(session: Session, caller: User, patch: MePatch, now: datetime) -> User:
    with writing(session):
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
    return user
