"""Clinician API: the dashboard (ETag/304, change cursor), a patient's record, settings."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Header, Query, Response

from app.auth.deps import ClinicianUser, TokenDep, authenticate
from app.core.clock import utcnow
from app.core.db import SessionDep, run_db
from app.core.openapi import problem_responses
from app.core.responses import FastJSON
from app.core.types import IsoDate
from app.dashboard import service
from app.dashboard.clearances import record_clearance
from app.dashboard.patient_record import (
    change_settings,
    read_decision_history,
    read_patient_logs,
    read_patient_record,
)
from app.dashboard.referrals import QueueItem, acknowledge, referral_queue
from app.dashboard.schemas import (
    ClearanceCreated,
    ClearanceIn,
    Dashboard,
    DecisionHistory,
    DecisionRecordOut,
    PatientPatch,
    PatientRecord,
    PatientSettingsOut,
    ReferralItemOut,
    ReferralQueue,
)
from app.logs.schemas import LogList, LogListItem
from app.polling.cursor import open_cursor
from app.polling.views import POLLED_VIEWS, read_versions
from app.sharing.deps import LinkedDep

router = APIRouter(prefix="/api/v1/clinician", tags=["clinician"], responses=problem_responses(403))
DASHBOARD_PATH = "/patients"
POLLED_VIEWS.register(router.prefix + DASHBOARD_PATH, service.SCOPE)


@router.get(
    DASHBOARD_PATH,
    response_model=Dashboard,
    responses={304: {"description": "Not modified (If-None-Match matched the ETag)"}},
)
async def dashboard(
    session: SessionDep,
    token: TokenDep,
    # Checked after authentication (app/polling/cursor.py), so without a token it is 401.
    since: Annotated[str | None, Query()] = None,
    if_none_match: Annotated[str | None, Header(max_length=512)] = None,
) -> Response:
    """Linked patients, most urgent first. Poll with If-None-Match (304) or `since=<cursor>`
    (an opaque cursor from an earlier answer to the same clinician; any other is 422)."""
    now = utcnow()
    versions = await run_db(read_versions, session)  # before the session check (polling/views)
    principal = await authenticate(session, token, "clinician")  # then 401 before 422
    cursor = open_cursor(principal.user.id, since) if since is not None else None
    polled = await run_db(
        service.dashboard_answer,
        session,
        principal=principal,
        token=token or "",
        since=since,
        cursor=cursor,
        if_none_match=if_none_match,
        versions=versions,
        now=now,
    )
    if polled.body is None:
        return Response(status_code=304, headers={"ETag": polled.etag})
    headers = {"ETag": polled.etag, "Cache-Control": "private, no-cache"}
    return FastJSON(polled.body, headers=headers)


@router.get(
    "/patients/{patient_id}", response_model=PatientRecord, responses=problem_responses(404)
)
def patient_record(
    linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> PatientRecord:
    """Profile, thresholds with their history, and the last 28 days of logs and decisions."""
    return PatientRecord.model_validate(read_patient_record(session, clinician, linked, utcnow()))


@router.get("/patients/{patient_id}/logs", response_model=LogList, responses=problem_responses(404))
def patient_logs(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    start: Annotated[IsoDate | None, Query(alias="from")] = None,
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
) -> LogList:
    """Logs from `from` to `to` (default: the last 28 days), each with that day's decision."""
    items = read_patient_logs(session, clinician, linked, start, end, utcnow())
    return LogList(logs=[LogListItem.model_validate(item) for item in items])


@router.patch(
    "/patients/{patient_id}",
    response_model=PatientSettingsOut,
    responses=problem_responses(404),
)
def change_patient(
    patch: PatientPatch, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> PatientSettingsOut:
    """Change phase and/or thresholds from a date (default today); each change is kept."""
    thresholds = patch.thresholds.model_dump(exclude_none=True) if patch.thresholds else {}
    profile = change_settings(
        session, clinician, linked, patch.phase, thresholds, patch.effective_on, utcnow()
    )
    return PatientSettingsOut.model_validate(profile)


@router.get(
    "/patients/{patient_id}/decisions",
    response_model=DecisionHistory,
    responses=problem_responses(404),
)
def decision_history(
    linked: LinkedDep,
    clinician: ClinicianUser,
    session: SessionDep,
    day: Annotated[IsoDate, Query(alias="date")],
) -> DecisionHistory:
    """Every decision made for one date, current and superseded, to replay what was said."""
    rows = read_decision_history(session, clinician, linked, day, utcnow())
    return DecisionHistory(
        records=[DecisionRecordOut.model_validate(r, from_attributes=True) for r in rows]
    )


@router.post(
    "/patients/{patient_id}/clearances",
    status_code=201,
    response_model=ClearanceCreated,
    responses=problem_responses(404, 409),
)
def create_clearance(
    body: ClearanceIn, linked: LinkedDep, clinician: ClinicianUser, session: SessionDep
) -> ClearanceCreated:
    """Record that you checked the patient on `checked_on`: closes every red-flag episode that
    started on or before it (422 in the future or before the oldest open one; 409 if none)."""
    done = record_clearance(session, clinician, linked, body.checked_on, body.note, utcnow())
    return ClearanceCreated.model_validate(
        {"id": done.id, "checked_on": done.checked_on, "closed": [e.as_dict() for e in done.closed]}
    )


def _item_out(item: QueueItem) -> ReferralItemOut:
    return ReferralItemOut(
        id=item.id,
        patient_id=item.patient_id,
        display_name=item.display_name,
        kind=item.kind,
        level=item.level,
        since=item.since,
        flags=list(item.flags),
        acknowledged_by=item.acknowledged_by,
        acknowledged_at=item.acknowledged_at,
    )


@router.get("/referrals", response_model=ReferralQueue)
def referrals(clinician: ClinicianUser, session: SessionDep) -> ReferralQueue:
    """Open red-flag episodes and referrals of your linked patients, most urgent first."""
    return ReferralQueue(items=[_item_out(i) for i in referral_queue(session, clinician, utcnow())])


@router.post(
    "/referrals/{item_id}/acknowledge",
    status_code=201,
    response_model=ReferralItemOut,
    responses=problem_responses(404),
)
def acknowledge_referral(
    item_id: uuid.UUID, clinician: ClinicianUser, session: SessionDep
) -> ReferralItemOut:
    """Say "seen, acting" on an item of your queue (it stays open until a clearance)."""
    return _item_out(acknowledge(session, clinician, item_id, utcnow()))
