"""Coach API: readiness of the athletes who consented, never clinical values."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response

from app.auth.deps import TokenDep, authenticate
from app.core.clock import utcnow
from app.core.db import SessionDep, run_db
from app.core.openapi import problem_responses
from app.core.responses import FastJSON
from app.readiness.schemas import Athletes
from app.readiness.service import readiness_answer

router = APIRouter(prefix="/api/v1/coach", tags=["coach"], responses=problem_responses(403))


@router.get(
    "/athletes",
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
    principal = await authenticate(session, token, "coach")
    etag, body = await run_db(readiness_answer, session, principal, token or "", if_none_match, now)
    if body is None:
        return Response(status_code=304, headers={"ETag": etag})
    return FastJSON(body, headers={"ETag": etag, "Cache-Control": "private, no-cache"})
