"""Coach API: readiness of the athletes who consented, never clinical values."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from app.auth.deps import TokenDep, authenticate
from app.core.clock import utcnow
from app.core.db import SessionDep, run_db
from app.core.openapi import problem_responses
from app.core.responses import FastJSON
from app.polling.views import POLLED_VIEWS, read_versions
from app.readiness.schemas import Athletes
from app.readiness.service import SCOPE, readiness_answer

router = APIRouter(prefix="/api/v1/coach", tags=["coach"], responses=problem_responses(403))
ATHLETES_PATH = "/athletes"
POLLED_VIEWS.register(router.prefix + ATHLETES_PATH, SCOPE)


@router.get(
    ATHLETES_PATH,
    response_model=Athletes,
    responses={304: {"description": "Not modified (If-None-Match matched the ETag)"}},
)
async def athletes(
    session: SessionDep,
    token: TokenDep,
    if_none_match: Annotated[str | None, Header(max_length=512)] = None,
) -> Response:
    """Ready / modified / not ready / unknown for each athlete, with plain-word restrictions."""
    now = utcnow()
    versions = await run_db(read_versions, session)  # before the session check (polling/views)
    principal = await authenticate(session, token, "coach")
    polled = await run_db(
        readiness_answer,
        session,
        principal=principal,
        token=token or "",
        if_none_match=if_none_match,
        versions=versions,
        now=now,
    )
    if polled.body is None:
        return Response(status_code=304, headers={"ETag": polled.etag})
    headers = {"ETag": polled.etag, "Cache-Control": "private, no-cache"}
    return FastJSON(polled.body, headers=headers)
