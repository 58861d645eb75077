"""The access log as a patient sees it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class AccessEntryOut(BaseModel):
    at: datetime
    actor_name: str | None
    actor_role: str
    action: str
    detail: dict[str, Any]


class AccessLog(BaseModel):
    entries: list[AccessEntryOut]
