"""The patient's daily logs and the guidance computed from them."""

from __future__ import annotations

import asyncio
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Query, Response, status
from fastapi.responses import JSONResponse
from sqlmodel import Session

from app.auth.deps import PatientUser
from app.core.clock import today_in, utcnow
from app.core.db import SessionDep, run_db
from app.core.openapi import problem_responses
from app.core.responses import FastJSON
from app.core.types import IsoDate
from app.logs import export, service
from app.logs.backlog import PAUSE_S
from app.logs.schemas import LogIn, LogList, LogWithGuidance, PlannedGuidanceOut
from app.models import User

router = APIRouter(prefix="/api/v1/me", tags=["daily logs"], responses=problem_responses(403))


async def _finish_backlog(session: Session, patient: User) -> None:
    """The later days a write left pending, one short transaction each (app/logs/backlog.py);
    this worker's other requests run between them."""
    while await run_db(service.continue_recompute, session, patient=patient, now=utcnow()):
        await asyncio.sleep(PAUSE_S)


def _envelope(saved: service.SavedLog, status_code: int = 200) -> FastJSON:
    body = {"log": service.log_view(saved.log), "guidance": saved.guidance}
    return FastJSON(body, status_code=status_code, headers={"ETag": saved.etag})


@router.put(
    "/logs/{log_date}",
    response_model=LogWithGuidance,
    responses={
        200: {"description": "Replaced"},
        201: {"description": "Created", "model": LogWithGuidance},
        **problem_responses(412),
    },
)
async def put_log(
    log_date: IsoDate,
    data: LogIn,
    patient: PatientUser,
    session: SessionDep,
    if_match: Annotated[str | None, Header(max_length=512)] = None,
) -> FastJSON:
    """Create (201) or fully replace (200) one day's log; answers with that day's guidance.

    `log_date` may be from 2 years (730 days) before the account was created, in your time
    zone, up to tomorrow; any other date is 422."""
    saved = await run_db(
        service.save_daily_log,
        session,
        patient=patient,
        log_date=log_date,
        data=data,
        now=utcnow(),
        if_match=if_match,
    )
    if saved.pending:
        await _finish_backlog(session, patient)
    return _envelope(saved, status.HTTP_201_CREATED if saved.created else status.HTTP_200_OK)


@router.get("/logs/{log_date}", response_model=LogWithGuidance, responses=problem_responses(404))
async def get_log(log_date: IsoDate, patient: PatientUser, session: SessionDep) -> FastJSON:
    """One day's log with its guidance and an `ETag` for `If-Match`."""
    saved = await run_db(
        service.read_log, session, patient=patient, log_date=log_date, now=utcnow()
    )
    return _envelope(saved)


@router.delete(
    "/logs/{log_date}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problem_responses(404),
)
async def delete_log(log_date: IsoDate, patient: PatientUser, session: SessionDep) -> Response:
    """Delete one day's log; the decisions of later days are recomputed."""
    pending = await run_db(
        service.delete_daily_log, session, patient=patient, log_date=log_date, now=utcnow()
    )
    if pending:
        await _finish_backlog(session, patient)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/logs", response_model=LogList)
async def list_logs(
    patient: PatientUser,
    session: SessionDep,
    start: Annotated[IsoDate | None, Query(alias="from")] = None,
    end: Annotated[IsoDate | None, Query(alias="to")] = None,
) -> FastJSON:
    """Logs from `from` to `to` (default: the last 28 days), by date, with each day's decision.

    Neither may be before the first day a log may have (2 years before the account was
    created): 422."""
    days = await run_db(
        service.list_logs, session, patient=patient, start=start, end=end, now=utcnow()
    )
    items = [
        service.log_view(day.log)
        | {
            "decision": day.record.decision if day.record else None,
            "referral": day.record.referral if day.record else None,
        }
        for day in days
    ]
    return FastJSON({"logs": items})


@router.get("/guidance", response_model=PlannedGuidanceOut)
async def get_guidance(
    patient: PatientUser,
    session: SessionDep,
    day: Annotated[IsoDate | None, Query(alias="date")] = None,
) -> FastJSON:
    """The guidance for a date (default: today in the patient's time zone).

    `date` may be from 2 years (730 days) before the account was created up to tomorrow, as
    a log's date; any other date is 422."""
    now = utcnow()
    target = day or today_in(patient.timezone, now)
    service.check_log_date(patient, target, now, field="date")
    found = await run_db(service.guidance_for, session, patient=patient, day=target, now=now)
    return FastJSON(found.guidance)


@router.get(
    "/export",
    response_class=Response,
    responses={
        200: {
            "description": "The whole record",
            "content": {"application/json": {}, "text/csv": {}, "application/fhir+json": {}},
        }
    },
)
def export_record(
    patient: PatientUser,
    session: SessionDep,
    fmt: Annotated[Literal["json", "csv", "fhir"], Query(alias="format")] = "json",
) -> Response:
    """Your whole record: `json` (default), `csv` (one row per day) or `fhir` (R4 Bundle)."""
    now = utcnow()
    stamp = now.date().isoformat()
    if fmt == "csv":
        body = export.export_csv(session, patient, now)
        return Response(
            body, media_type="text/csv; charset=utf-8", headers=_attachment(f"loadline-{stamp}.csv")
        )
    if fmt == "fhir":
        bundle = export.export_fhir(session, patient, now)
        return JSONResponse(
            bundle,
            media_type="application/fhir+json",
            headers=_attachment(f"loadline-{stamp}.fhir.json"),
        )
    data = export.export_json(session, patient, now)
    return JSONResponse(data, headers=_attachment(f"loadline-{stamp}.json"))


def _attachment(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }
