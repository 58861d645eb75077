"""Consent codes and links as the API shows them."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Scope = Literal["clinician", "coach"]


class ShareCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    scope: Scope


class ShareCodeOut(BaseModel):
    id: uuid.UUID
    code: str
    scope: Scope
    expires_at: datetime


class ShareOut(BaseModel):
    """A pending code or a live link, as the patient sees it."""

    id: uuid.UUID
    kind: Literal["code", "link"]
    scope: Scope
    status: Literal["pending", "active"]
    holder_id: uuid.UUID | None = Field(
        description="The holder's account id (a link's), as `actor_id` in the access log."
    )
    holder_name: str | None
    holder_role: str | None
    created_at: datetime
    expires_at: datetime | None


class ShareList(BaseModel):
    shares: list[ShareOut]


class RedeemIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class LinkOut(BaseModel):
    id: uuid.UUID
    patient_id: uuid.UUID
    patient_display_name: str
    scope: Scope
    created_at: datetime
