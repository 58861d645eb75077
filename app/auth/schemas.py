"""Request and response models of accounts and tokens (the patient's `/me`: app/accounts)."""

from __future__ import annotations

import unicodedata
import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from app.core.clock import known_timezones
from app.core.types import safe_text

Role = Literal["patient", "clinician", "coach"]


def _email(value: str) -> str:
    local, _, domain = value.rpartition("@")
    if not local or "." not in domain or " " in value or domain.startswith("."):
        raise ValueError("must be an email address such as name@example.org")
    return value.lower()


# Letters that render as blank space (Hangul fillers, the braille blank, Khmer inherent vowels).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u17b4\u17b5")
# Format (bidi controls, zero-width characters, BOM, soft hyphen, tags), controls, line and
# paragraph separators, private use and surrogates.
_REFUSED_CATEGORIES = frozenset({"Cf", "Cc", "Zl", "Zp", "Co", "Cs"})


def _visible_name(value: str) -> str:
    """A display name shows exactly what it is: no character that is invisible or reorders the
    text around it (a clinician renamed "Dr\u202eSmith" must not read as someone else).

    This refuses the zero-width joiner and non-joiner too, which some scripts and emoji use:
    a name is shown to patients in their access log, and there exactness wins. Look-alike
    letters of other scripts cannot be refused this way; the access log therefore also
    shows the actor's stable id and current name (app/audit).
    """
    for char in value:
        if unicodedata.category(char) in _REFUSED_CATEGORIES or char in _BLANK_LETTERS:
            raise ValueError(
                "must not contain invisible, formatting or text-direction characters "
                f"(found U+{ord(char):04X})"
            )
    return value


def _timezone(value: str) -> str:
    if value not in known_timezones():
        raise ValueError("must be an IANA time zone such as Europe/Oslo")
    return value


Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=3, max_length=254),
    AfterValidator(safe_text),
    AfterValidator(_email),
]
Password = Annotated[
    str, StringConstraints(min_length=8, max_length=256), AfterValidator(safe_text)
]
DisplayName = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=100),
    AfterValidator(safe_text),
    AfterValidator(_visible_name),
]
TimeZone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_timezone)]


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterIn(StrictModel):
    email: Email
    password: Password
    display_name: DisplayName
    role: Role


class UserOut(BaseModel):
    id: uuid.UUID
    email: str
    display_name: str
    role: Role
    timezone: str


class PasswordChangeIn(StrictModel):
    current_password: Annotated[str, StringConstraints(max_length=256), AfterValidator(safe_text)]
    new_password: Password


class RefreshIn(StrictModel):
    refresh_token: Annotated[str, StringConstraints(min_length=1, max_length=512)]


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105
    expires_in: int = Field(description="Seconds until the access token expires.")
    refresh_token: str


class PasswordResetIn(StrictModel):
    email: Email


class PasswordResetConfirmIn(StrictModel):
    token: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password


class PasswordResetRequestedOut(BaseModel):
    """The same answer whether or not an account has this email."""

    detail: str
