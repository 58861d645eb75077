"""Password hashing (pwdlib, Argon2id), access tokens (PyJWT, HS256 pinned), token digests."""

from __future__ import annotations

import hashlib
import secrets
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

import jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from app.core.config import get_settings
from app.core.errors import ServiceBusy

JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TYPE = "access"  # noqa: S105 (a claim value, not a secret)


@lru_cache
def password_hasher() -> PasswordHash:
    s = get_settings()
    return PasswordHash(
        (
            Argon2Hasher(
                time_cost=s.argon2_time_cost,
                memory_cost=s.argon2_memory_kib,
                parallelism=s.argon2_parallelism,
            ),
        )
    )


class HashGate:
    """Process-level state: how many password hashes run at once (each Argon2id call takes
    `argon2_memory_kib`, 64 MiB by default), and how many more may wait for a turn.

    Owner: this module (one instance, `HASH_GATE`, per worker process). A burst of sign-ins
    or registrations queues here instead of exhausting memory; past the queue, or after
    `WAIT_SECONDS` in it, the request gets 503 with Retry-After (ServiceBusy) rather than
    holding one of the thread pool's threads that every other request needs. Per process by
    design: memory is per process (with several workers, the bound is per worker).
    """

    WAIT_SECONDS = 30.0

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._semaphore: threading.BoundedSemaphore | None = None
        self._inside = 0  # running or waiting

    @property
    def inside(self) -> int:
        """Hashes running or waiting now."""
        return self._inside

    @contextmanager
    def turn(self) -> Iterator[None]:
        settings = get_settings()
        running = max(1, settings.password_hash_concurrency)
        with self._lock:
            if self._semaphore is None:
                self._semaphore = threading.BoundedSemaphore(running)
            if self._inside >= running + max(0, settings.password_hash_queue):
                raise ServiceBusy("Too many sign-ins at once; please try again.")
            self._inside += 1
            semaphore = self._semaphore
        try:
            if not semaphore.acquire(timeout=self.WAIT_SECONDS):
                raise ServiceBusy("Too many sign-ins at once; please try again.")
            try:
                yield
            finally:
                semaphore.release()
        finally:
            with self._lock:
                self._inside -= 1


HASH_GATE = HashGate()


@lru_cache
def _dummy_hash() -> str:
    with HASH_GATE.turn():
        return password_hasher().hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    with HASH_GATE.turn():
        return password_hasher().hash(password)


def verify_password(password: str, password_hash: str | None) -> tuple[bool, str | None]:
    """Check a password; with no account, verify against a dummy so timing is the same."""
    if password_hash is None:
        dummy = _dummy_hash()
        with HASH_GATE.turn():
            password_hasher().verify(password, dummy)
        return False, None
    with HASH_GATE.turn():
        return password_hasher().verify_and_update(password, password_hash)


def warm_up() -> None:
    """Build the dummy hash at start-up so the first unknown-email login is not faster."""
    _dummy_hash()


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: datetime


def create_access_token(user_id: uuid.UUID, session_id: uuid.UUID, now: datetime) -> str:
    settings = get_settings()
    payload = {
        "sub": str(user_id),
        "sid": str(session_id),
        "typ": ACCESS_TOKEN_TYPE,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=settings.access_token_minutes)).timestamp()),
    }
    return jwt.encode(payload, settings.secret, algorithm=JWT_ALGORITHM)


def decode_access_token(token: str, now: datetime | None = None) -> AccessClaims | None:
    """Return the claims of a valid, unexpired access token, else None (never raises).

    A token whose signature was verified once is remembered (it cannot change; the key is
    part of the memory); only its expiry is checked again. Revocation is the caller's check,
    against the session, on every request.
    """
    claims = VERIFIED_TOKENS.claims(token)
    return claims if claims is not None and claims.expires_at > (now or datetime.now(UTC)) else None


class VerifiedTokens:
    """Cache: the claims of each access token whose signature was checked, per worker process.

    Owner: this module (one instance, `VERIFIED_TOKENS`). A verified token's claims cannot
    change, and the signing key is part of the key (a new key forgets every token); expiry is
    checked by the caller on every use and revocation against the session in the database, so
    several workers need not share it. Cleared when full (MAX_ENTRIES); invalid tokens are
    not kept.
    """

    MAX_ENTRIES = 20_000

    def __init__(self) -> None:
        self._claims: dict[tuple[str, str], AccessClaims] = {}

    def claims(self, token: str) -> AccessClaims | None:
        key = (get_settings().secret, token)
        claims = self._claims.get(key)
        if claims is None:
            claims = _verify(token)
            if claims is None:
                return None
            if len(self._claims) >= self.MAX_ENTRIES:
                self._claims.clear()
            self._claims[key] = claims
        return claims


VERIFIED_TOKENS = VerifiedTokens()


def _verify(token: str) -> AccessClaims | None:
    try:
        payload = jwt.decode(
            token,
            get_settings().secret,
            algorithms=[JWT_ALGORITHM],
            options={"require": ["exp", "iat", "sub", "sid", "typ"]},
        )
        if payload.get("typ") != ACCESS_TOKEN_TYPE:
            return None
        return AccessClaims(
            uuid.UUID(str(payload["sub"])),
            uuid.UUID(str(payload["sid"])),
            datetime.fromtimestamp(int(payload["exp"]), UTC),
        )
    except (jwt.PyJWTError, ValueError, TypeError):
        return None


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()
