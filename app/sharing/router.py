"""Patient consent: share codes, links, revocation; clinicians and coaches redeem codes; and
the patient's access log (who used that consent)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from app.audit.schemas import AccessEntryOut, AccessLog
from app.audit.service import entries_about
from app.auth.deps import CurrentUser, PatientUser
from app.core.clock import utcnow
from app.core.db import SessionDep
from app.core.errors import NotFound
from app.core.openapi import problem_responses
from app.core.ratelimit import client_address
from app.sharing import service
from app.sharing.schemas import LinkOut, RedeemIn, ShareCodeOut, ShareCreate, ShareList, ShareOut

router = APIRouter(prefix="/api/v1", tags=["sharing"])


@router.post(
    "/me/shares",
    status_code=status.HTTP_201_CREATED,
    response_model=ShareCodeOut,
    responses=problem_responses(403, 409),
)
def create_share(data: ShareCreate, patient: PatientUser, session: SessionDep) -> ShareCodeOut:
    """Create a one-time code (valid 7 days) for a clinician (full record) or coach (readiness)."""
    share, code = service.create_code(session, patient, data.scope, utcnow())
    return ShareCodeOut(id=share.id, code=code, scope=data.scope, expires_at=share.expires_at)


@router.get("/me/shares", response_model=ShareList, responses=problem_responses(403))
def list_shares(patient: PatientUser, session: SessionDep) -> ShareList:
    """Unused codes and live links, with who holds each link and since when."""
    views = service.list_shares(session, patient, utcnow())
    return ShareList(shares=[ShareOut.model_validate(v, from_attributes=True) for v in views])


@router.delete(
    "/me/shares/{share_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(403, 404),
)
def revoke_share(share_id: str, patient: PatientUser, session: SessionDep) -> Response:
    """Revoke a code or a link; it stops working on the very next request."""
    try:
        parsed = uuid.UUID(share_id)
    except ValueError:
        raise NotFound("No such code or link.") from None
    service.revoke_share(session, patient, parsed, utcnow())
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/links",
    status_code=status.HTTP_201_CREATED,
    response_model=LinkOut,
    responses=problem_responses(403, 404, 409, 429),
)
def redeem(data: RedeemIn, user: CurrentUser, request: Request, session: SessionDep) -> LinkOut:
    """A clinician or coach redeems a patient's code to create a link of the code's scope."""
    address = client_address(request.client.host if request.client else None)
    link, patient = service.redeem_code(session, user, data.code, address, utcnow())
    return LinkOut(
        id=link.id,
        patient_id=patient.id,
        patient_display_name=patient.display_name,
        scope=link.scope,
        created_at=link.created_at,
    )


@router.get("/me/access-log", response_model=AccessLog, responses=problem_responses(403))
def access_log(
    patient: PatientUser,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
) -> AccessLog:
    """Who else (a clinician or coach) read, exported or changed your data, newest first: each
    actor by stable id and role, with the name they had then and the name they have now. Your
    own actions (creating or revoking a code) are not listed."""
    rows = entries_about(session, patient.id, limit)
    return AccessLog(entries=[AccessEntryOut.model_validate(row) for row in rows])
