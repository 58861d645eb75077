"""The access log as a patient sees it."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class AccessEntryOut(BaseModel):
    """One access by someone (or a change by the patient), named exactly: the actor's stable
    id and role, the display name they had then and the one they have now (a rename shows)."""

    at: datetime
    actor_id: uuid.UUID | None = Field(
        description="The actor's account id: stable, also shown as `holder_id` of a link "
        "(null once the actor's account is erased)."
    )
    actor_role: str
    actor_name: str | None = Field(description="The actor's display name at the time.")
    actor_current_name: str | None = Field(
        description="The actor's display name now (null once the account is erased)."
    )
    action: str
    detail: dict[str, Any]


class AccessLog(BaseModel):
    entries: list[AccessEntryOut]
