"""Coach API: readiness of the athletes who consented, never clinical values."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Response
from fastapi.responses import Response as PlainResponse

from app.auth.deps import CoachUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.openapi import problem_responses
from app.dashboard.service import dashboard_state, log_list_view
from app.readiness.schemas import AthleteReadiness, Athletes
from app.readiness.service import SCOPE, athletes_readiness

router = APIRouter(prefix="/api/v1/coach", tags=["coach"], responses=problem_responses(403))


@router.get(
    "/athletes",
    response_model=Athletes,
    responses={304: {"description": "Not modified (If-None-Match matched the ETag)"}},
)
def athletes(
    coach: CoachUser,
    session: SessionDep,
    response: Response,
    if_none_match: Annotated[str | None, Header(max_length=512)] = None,
) -> Athletes | PlainResponse:
    """Ready / modified / not ready / unknown for each athlete, with plain-word restrictions."""
    now = utcnow()
    etag = dashboard_state(session, coach, SCOPE, now).etag(None)
    if if_none_match and etag in {tag.strip() for tag in if_none_match.split(",")}:
        return PlainResponse(status_code=304, headers={"ETag": etag})
    rows = athletes_readiness(session, coach, now)
    log_list_view(session, coach, [row["athlete_id"] for row in rows], "readiness_viewed", now)
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = "private, no-cache"
    return Athletes(athletes=[AthleteReadiness.model_validate(row) for row in rows])
