"""Fast JSON answers for hot paths: data the services already shaped to the response model.

FastAPI would validate a returned value against the route's `response_model` and encode it
with `jsonable_encoder`; for payloads built from the model's own fields that work is repeated.
The OpenAPI document still describes `response_model`, and the schema fuzzing tests check
every answer against it.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from app.core.json_codec import dumps_bytes


class FastJSON(Response):
    """Dates, datetimes and UUIDs are written as ISO 8601 and hyphenated text."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps_bytes(content)
