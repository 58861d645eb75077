"""Push subscriptions, the public key, and notification settings as the API takes and gives them."""

from __future__ import annotations

import base64
import ipaddress
import re
import uuid
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.config import get_settings
from app.models.notify import MAX_ENDPOINT

_B64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")
HHMM = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


def _decoded(value: str) -> bytes:
    if not _B64URL.fullmatch(value):
        raise ValueError("must be base64url")
    return base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))


def _p256dh(value: str) -> str:
    raw = _decoded(value)
    if len(raw) != 65 or raw[0] != 4:
        raise ValueError("must be an uncompressed P-256 public key (65 bytes, base64url)")
    return value


def _auth(value: str) -> str:
    if len(_decoded(value)) != 16:
        raise ValueError("must be a 16-byte authentication secret (base64url)")
    return value


def _endpoint(value: str) -> str:
    """https in production, to a named host (not an address or localhost: the server POSTs to
    it); outside production http is allowed too, for a local push service."""
    parts = urlsplit(value)
    production = get_settings().environment == "production"
    allowed = ("https",) if production else ("https", "http")
    if parts.scheme not in allowed or not parts.hostname:
        raise ValueError(f"must be an {' or '.join(allowed)} URL")
    local = parts.hostname == "localhost" or parts.hostname.endswith((".local", ".localhost"))
    if production and (local or _is_address(parts.hostname)):
        raise ValueError("must name a push service, not an address or a local host")
    return value


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class SubscriptionKeys(BaseModel):
    model_config = ConfigDict(extra="forbid")
    p256dh: Annotated[str, StringConstraints(max_length=128), AfterValidator(_p256dh)]
    auth: Annotated[str, StringConstraints(max_length=64), AfterValidator(_auth)]


class SubscriptionIn(BaseModel):
    """The browser's `PushSubscription.toJSON()`."""

    model_config = ConfigDict(extra="forbid")
    endpoint: Annotated[str, StringConstraints(max_length=MAX_ENDPOINT), AfterValidator(_endpoint)]
    expirationTime: Annotated[float, Field(ge=0, le=1e15)] | None = None  # noqa: N815 (browser)
    keys: SubscriptionKeys


class SubscriptionOut(BaseModel):
    id: uuid.UUID
    endpoint: str


class EndpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    endpoint: Annotated[str, StringConstraints(min_length=1, max_length=MAX_ENDPOINT)]


class PushKeyOut(BaseModel):
    enabled: bool = Field(description="False: this server sends no push at all.")
    public_key: str | None = Field(
        description="The VAPID public key: pass it as applicationServerKey to subscribe()."
    )


Kind = Literal[
    "daily_reminder", "morning_prompt", "weekly_checkin", "patient_alert", "daily_digest"
]


class NotificationSettingsOut(BaseModel):
    """Only the kinds and times of the caller's role (a coach has none)."""

    kinds: dict[Kind, bool] = Field(description="Each kind of notification, on or off.")
    reminder_time: str | None = Field(default=None, description="Patients: HH:MM, local.")
    morning_time: str | None = Field(default=None, description="Patients: HH:MM, local.")
    digest_time: str | None = Field(default=None, description="Clinicians: HH:MM, local.")
    timezone: str = Field(description="The IANA zone the times are in (PATCH /me to change).")
    subscriptions: int = Field(description="Devices of this account that receive pushes.")


class NotificationSettingsPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kinds: Annotated[dict[Kind, Annotated[bool, Field(strict=True)]], Field(max_length=5)] = {}
    reminder_time: HHMM | None = None
    morning_time: HHMM | None = None
    digest_time: HHMM | None = None
