"""Fast JSON answers for hot paths: data the services already shaped to the response model.

FastAPI would validate a returned value against the route's `response_model` and encode it
with `jsonable_encoder`; for payloads built from the model's own fields that work is repeated.
The OpenAPI document still describes `response_model`, and the schema fuzzing tests check
every answer against it.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime
from typing import Any

from starlette.responses import Response


def _default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


class FastJSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return json.dumps(
            content, default=_default, ensure_ascii=False, separators=(",", ":")
        ).encode()
