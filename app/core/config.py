"""One Settings object, read from the environment (and `.env`), failing fast on unsafe values."""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = ROOT / "var"
PLACEHOLDER_SECRETS = {"", "changethis", "change-me", "changeme", "secret", "dev", "test"}
MIN_SECRET_LENGTH = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = f"sqlite:///{VAR_DIR / 'loadline.db'}"
    secret_key: SecretStr | None = None

    access_token_minutes: int = 15
    # Sliding lifetime of a refresh token: a patient offline for weeks stays signed in.
    refresh_token_days: int = 60
    # Hard cap on one sign-in session, however often it is refreshed.
    session_max_days: int = 365

    # Failed sign-ins per window (app/auth/service.py, README "Security"): per account *from
    # one client address* (the owner's usual client is never locked out by someone else's
    # guesses), per client address over all accounts, and per account over the addresses it
    # has not signed in from lately (a guesser spread over many addresses).
    login_failures_per_email: int = 5
    login_failures_per_ip: int = 30
    login_failures_per_account: int = 50
    login_window_minutes: int = 15
    # A client address that signed in to an account is "known" to it for this long.
    login_known_client_days: int = 90
    # Registrations per client address per hour (each costs a 64 MiB hash); 0 turns it off.
    register_limit_per_hour: int = 20
    # Password hashes (and checks) running at once per process, and how many more may wait;
    # past that the request is answered 503 with Retry-After (a burst queues, memory holds).
    password_hash_concurrency: int = 2
    password_hash_queue: int = 16
    redeem_failures_per_user: int = 10
    redeem_window_minutes: int = 15

    # Argon2id parameters (RFC 9106 second recommendation by default).
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    argon2_parallelism: int = 4

    sqlite_busy_timeout_ms: int = 10000
    # Run database work on the event loop instead of a thread (default: on SQLite, whose calls
    # are short in-process CPU work; a thread hop per call would cost more than the call).
    db_inline: bool | None = None
    # FastAPI's OpenTelemetry instrumentation (spans, metrics); off unless you export them.
    telemetry: bool = False
    max_body_bytes: int = 64 * 1024
    cors_origins: list[str] = []
    frontend_dist: Path = ROOT / "frontend" / "dist"

    # Web Push (README "Notifications"). Off: no key is needed and nothing is sent.
    push_enabled: bool = True
    # The VAPID key pair: the private key as base64url (32 raw bytes, or DER), the public key
    # as the base64url uncompressed point the browser's applicationServerKey takes (derived
    # from the private key when not set). Generated once into var/ outside production.
    vapid_private_key: SecretStr | None = None
    vapid_public_key: str | None = None
    vapid_subject: str | None = None  # mailto: or https: contact for the push services
    # The sender: inside the app's lifespan (every worker tries; a lease lets one send), or
    # `python -m app.notify run` with NOTIFY_IN_APP=false.
    notify_in_app: bool = True
    notify_interval_seconds: float = 30.0
    notify_lease_seconds: float = 90.0
    push_timeout_seconds: float = 10.0

    # Mail (README "Password reset"). With no SMTP_HOST (development) a mail is written to
    # the log, link included, instead of being sent. SMTP_SECURITY: "starttls" (port 587),
    # "ssl" (implicit TLS, port 465) or "none" (a local relay only).
    smtp_host: str | None = None
    smtp_port: int = 587
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_security: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_timeout_seconds: float = 10.0
    mail_from: str = "Loadline <no-reply@loadline.invalid>"
    # Where the PWA is reached: links in mails point here (e.g. https://app.example.org).
    # Required in production once SMTP_HOST is set; elsewhere it defaults to the dev server.
    public_base_url: str | None = None
    # Password reset: a link works once, for this long; requests per email address and per
    # client address per window (0 turns a limit off).
    password_reset_minutes: int = 30
    password_reset_per_email: int = 3
    password_reset_per_ip: int = 20
    password_reset_window_minutes: int = 60

    @model_validator(mode="after")
    def _refuse_unsafe_secret(self) -> Settings:
        value = self.secret_key.get_secret_value() if self.secret_key else ""
        unsafe = value.lower() in PLACEHOLDER_SECRETS or len(value) < MIN_SECRET_LENGTH
        if unsafe and self.environment == "production":
            raise ValueError(
                f"SECRET_KEY must be set to a random value of at least {MIN_SECRET_LENGTH} "
                "characters outside development (e.g. `python -c 'import secrets; "
                "print(secrets.token_urlsafe(48))'`)."
            )
        if unsafe:
            self.secret_key = SecretStr(_development_secret())
        return self

    @model_validator(mode="after")
    def _vapid_keys(self) -> Settings:
        """Production with push on refuses a missing key or contact; elsewhere both default."""
        if not self.push_enabled or (self.vapid_private_key and self.vapid_subject):
            return self
        if self.environment == "production":
            raise ValueError(
                "PUSH_ENABLED needs VAPID_PRIVATE_KEY and VAPID_SUBJECT in production "
                "(generate a pair with `python -m app.notify keys`), or set PUSH_ENABLED=false."
            )
        if self.vapid_private_key is None:
            self.vapid_private_key = SecretStr(
                _development_file("vapid_private_key", new_vapid_private_key)
            )
        self.vapid_subject = self.vapid_subject or "mailto:push@loadline.invalid"
        return self

    @model_validator(mode="after")
    def _mail_links(self) -> Settings:
        """A production server that sends mail must know where its links point."""
        if self.public_base_url:
            return self
        if self.environment == "production" and self.smtp_host:
            raise ValueError(
                "SMTP_HOST needs PUBLIC_BASE_URL in production (the address of the app, e.g. "
                "https://loadline.example.org), so that links in mails lead to it."
            )
        self.public_base_url = "http://127.0.0.1:8000"
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def run_db_inline(self) -> bool:
        return self.is_sqlite if self.db_inline is None else self.db_inline

    @property
    def secret(self) -> str:
        assert self.secret_key is not None
        return self.secret_key.get_secret_value()


def _development_secret() -> str:
    """Create a random key once and keep it, so development tokens survive restarts."""
    return _development_file("secret_key", lambda: secrets.token_urlsafe(48))


def new_vapid_private_key() -> str:
    """A new VAPID private key: a P-256 scalar, 32 bytes, base64url without padding."""
    from cryptography.hazmat.primitives.asymmetric import ec

    scalar = ec.generate_private_key(ec.SECP256R1()).private_numbers().private_value
    return base64.urlsafe_b64encode(scalar.to_bytes(32, "big")).rstrip(b"=").decode()


def _development_file(name: str, make: Callable[[], str]) -> str:
    """Create a value once into var/ and keep it (development and tests only)."""
    path = VAR_DIR / name
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    value = make()
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(value)
    tmp.chmod(0o600)
    try:  # the first of several processes starting at once wins; the others read its value
        os.link(tmp, path)
    except FileExistsError:
        pass
    finally:
        tmp.unlink()
    return path.read_text().strip()


@lru_cache
def get_settings() -> Settings:
    return Settings()
