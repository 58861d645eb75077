"""Coach readiness: today's guidance for each consenting athlete, reduced to a traffic light."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_list_view
from app.auth.service import Principal
from app.core.clock import today_in
from app.logs.decisions import LOOKBACK_DAYS
from app.logs.rules_input import DAY_LOG_COLUMNS, day_log_reader, prior_decision
from app.models import CareLink, DailyLog, DecisionRecord, PatientSetting, User
from app.patients.settings import state_on
from app.polling.etag import matches
from app.polling.views import Polled, current_etag
from app.readiness.schemas import Athletes
from app.rules import DayLog, assess_readiness, evaluate
from app.rules.readiness import WELLNESS_DAYS

SCOPE = "coach"


def _grouped(rows: Any, key: str) -> dict[uuid.UUID, list[Any]]:
    groups: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for row in rows:
        groups[getattr(row, key)].append(row)
    return groups


def athletes_readiness(session: Session, coach: User, now: datetime) -> list[dict[str, Any]]:
    """One row per athlete with a live coach link: a few queries, whatever the team size."""
    athletes = session.exec(
        select(User)
        .join(CareLink, col(CareLink.patient_id) == col(User.id))
        .where(
            CareLink.holder_id == coach.id,
            CareLink.scope == SCOPE,
            col(CareLink.revoked_at).is_(None),
        )
        .order_by(col(User.display_name))
    ).all()
    if not athletes:
        return []
    ids = [a.id for a in athletes]
    earliest = min(today_in(a.timezone, now) for a in athletes) - timedelta(days=WELLNESS_DAYS + 1)
    log_rows = session.execute(
        select(col(DailyLog.patient_id), *DAY_LOG_COLUMNS).where(
            col(DailyLog.patient_id).in_(ids), col(DailyLog.log_date) >= earliest
        )
    )
    read_day_log = day_log_reader(list(log_rows.keys()))
    logs: dict[uuid.UUID, list[DayLog]] = defaultdict(list)
    for row in log_rows:
        logs[row.patient_id].append(read_day_log(row))
    records = _grouped(
        session.execute(
            select(
                col(DecisionRecord.patient_id),
                col(DecisionRecord.decision_date),
                col(DecisionRecord.decision),
                col(DecisionRecord.rules),
            ).where(
                col(DecisionRecord.patient_id).in_(ids),
                col(DecisionRecord.superseded_at).is_(None),
                col(DecisionRecord.decision_date) >= earliest,
            )
        ).all(),
        "patient_id",
    )
    settings = _grouped(
        session.exec(
            select(PatientSetting)
            .where(col(PatientSetting.patient_id).in_(ids))
            .order_by(col(PatientSetting.effective_on), col(PatientSetting.id))
        ).all(),
        "patient_id",
    )
    return [
        _readiness_row(a, logs[a.id], records[a.id], settings[a.id], today_in(a.timezone, now))
        for a in athletes
    ]


def _readiness_row(
    athlete: User,
    logs: list[DayLog],
    records: list[Any],
    settings: list[PatientSetting],
    today: date,
) -> dict[str, Any]:
    day_logs = [log for log in logs if log.log_date <= today]
    window_start = today - timedelta(days=LOOKBACK_DAYS)
    prior = [prior_decision(r) for r in records if window_start <= r.decision_date < today]
    guidance = evaluate(day_logs, today, state_on(settings, today), prior)
    readiness = assess_readiness(guidance, day_logs, today)
    return {
        "athlete_id": athlete.id,
        "display_name": athlete.display_name,
        "readiness": readiness.status,
        "restrictions": list(readiness.restrictions),
        "as_of": max((log.log_date for log in day_logs), default=None),
    }


def readiness_answer(
    session: Session, principal: Principal, token: str, if_none_match: str | None, now: datetime
) -> Polled:
    """The ETag, and the athletes' readiness unless `If-None-Match` is current (then None)."""
    coach = principal.user
    etag, _ = current_etag(session, principal, token, SCOPE, None, now)
    if matches(etag, if_none_match):
        return Polled(etag, None)
    rows = athletes_readiness(session, coach, now)
    record_list_view(session, coach, [row["athlete_id"] for row in rows], "readiness_viewed", now)
    # The response model is the privacy filter: validate against it even on this fast path.
    return Polled(etag, Athletes.model_validate({"athletes": rows}).model_dump(mode="json"))
