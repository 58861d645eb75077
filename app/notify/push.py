"""Sending one Web Push message: VAPID (RFC 8292) and aes128gcm encryption (RFC 8291), both by
pywebpush; this module only builds the call and classifies the push service's answer."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

import requests
from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid
from pywebpush import WebPushException, webpush

from app.core.config import get_settings
from app.notify.texts import TEXTS, payload


@dataclass(frozen=True, slots=True)
class Target:
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """`status` is the HTTP status (None: no answer); `retry_after` in seconds when given."""

    status: int | None
    error: str | None = None
    retry_after: float | None = None

    @property
    def sent(self) -> bool:
        return self.status is not None and 200 <= self.status < 300

    @property
    def gone(self) -> bool:
        """The subscription no longer exists (RFC 8030: 404 or 410): delete it."""
        return self.status in (404, 410)

    @property
    def retriable(self) -> bool:
        """No answer, too many requests, or the push service's own error: try again later."""
        return self.status is None or self.status in (408, 429) or self.status >= 500


@lru_cache(maxsize=4)
def _vapid(private_key: str) -> Vapid:
    return Vapid.from_string(private_key=private_key)


def vapid_key() -> Vapid:
    """The VAPID key pair from settings (parsed once)."""
    secret = get_settings().vapid_private_key
    assert secret is not None, "push is off"
    return _vapid(secret.get_secret_value())


def b64_public(key: Vapid) -> str:
    raw = key.public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def public_key() -> str:
    """The applicationServerKey the browser subscribes with: base64url, uncompressed point."""
    configured = get_settings().vapid_public_key
    derived = b64_public(vapid_key())
    if configured and configured.rstrip("=") != derived:
        raise ValueError("VAPID_PUBLIC_KEY does not belong to VAPID_PRIVATE_KEY")
    return derived


def origin_of(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


def topic_of(key: str) -> str:
    """RFC 8030 Topic (<= 32 base64url characters): a retried message replaces its earlier
    copy if the push service still holds it, instead of arriving twice."""
    return base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()[:24]).decode()


def send(http: requests.Session, target: Target, kind: str, key: str) -> Outcome:
    """POST the encrypted message to the subscription's push service; never raises."""
    settings = get_settings()
    text = TEXTS[kind]
    claims: dict[str, str | int] = {
        "sub": settings.vapid_subject or "",
        "aud": origin_of(target.endpoint),
    }  # pywebpush adds exp (12 hours from the real clock, as push services check it)
    info = {"endpoint": target.endpoint, "keys": {"p256dh": target.p256dh, "auth": target.auth}}
    try:
        answer = webpush(
            info,
            data=payload(kind).decode(),
            vapid_private_key=vapid_key(),
            vapid_claims=claims,
            ttl=text.ttl_seconds,
            headers={"Urgency": text.urgency, "Topic": topic_of(key)},
            timeout=settings.push_timeout_seconds,
            requests_session=http,
        )
    except WebPushException as exc:
        response = exc.response
        if response is None:
            return Outcome(None, _short(str(exc)))
        status = int(getattr(response, "status_code", 0) or 0)
        retry = _retry_after(response.headers.get("Retry-After"))
        return Outcome(status, f"HTTP {status}: {_short(getattr(response, 'text', ''))}", retry)
    except (requests.RequestException, OSError, ValueError) as exc:
        return Outcome(None, _short(f"{type(exc).__name__}: {exc}"))
    assert not isinstance(answer, str)
    return Outcome(answer.status_code)


def _retry_after(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: the back-off applies


def _short(text: str) -> str:
    return " ".join(text.split())[:300]
