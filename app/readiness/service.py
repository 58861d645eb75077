"""Coach readiness: today's guidance for each consenting athlete, reduced to a traffic light,
with the restrictions that follow from the guidance and from the athlete's plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_list_view
from app.auth.service import Principal
from app.core.clock import today_in
from app.logs.backlog import finish_pending, pending_from
from app.logs.decisions import is_current, load_day_logs, preview_guidance
from app.logs.records import current_guidance
from app.models import CareLink, User
from app.polling.etag import matches
from app.polling.views import Polled, current_etag
from app.programme.guidance import default_state
from app.programme.restrictions import merged, plan_restrictions
from app.programme.state import catalogue_for, load_state
from app.readiness.schemas import Athletes
from app.rules import WELLNESS_DAYS, Guidance, assess_readiness
from app.rules.readiness import REST_TODAY

SCOPE = "coach"


def athletes_readiness(session: Session, coach: User, now: datetime) -> list[dict[str, Any]]:
    """One row per athlete with a live coach link, from the very decision the athlete sees
    today (stored, or decided the same way without storing when not made yet)."""
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
    return [_readiness_row(session, athlete, now) for athlete in athletes]


def _todays_guidance(session: Session, athlete: User, today: date, now: datetime) -> Guidance:
    found = current_guidance(session, athlete.id, today)
    pending = found.pending_from if found else pending_from(session, athlete.id)
    if pending is not None and pending <= today:  # decide the athlete's backlog first
        finish_pending(session, athlete.id, today, now, up_to=today)
        found = current_guidance(session, athlete.id, today)
    if found is not None and is_current(found, today, today):
        return Guidance.from_dict(found.guidance)
    return Guidance.from_dict(preview_guidance(session, athlete.id, today, now))


def _plan_restrictions(session: Session, athlete: User, guidance: Guidance) -> list[str]:
    """The restrictions that follow from the athlete's plan (none when training is off)."""
    state = load_state(session, athlete.id) or default_state(athlete.id, guidance.phase)
    return plan_restrictions(state, catalogue_for(session, athlete.id, *state.custom_keys()))


def _readiness_row(session: Session, athlete: User, now: datetime) -> dict[str, Any]:
    today = today_in(athlete.timezone, now)
    guidance = _todays_guidance(session, athlete, today, now)
    logs, _ = load_day_logs(session, athlete.id, today - timedelta(days=WELLNESS_DAYS), today)
    readiness = assess_readiness(guidance, logs.values(), today)
    restrictions = list(readiness.restrictions)
    if restrictions != [REST_TODAY]:
        restrictions = merged(restrictions, _plan_restrictions(session, athlete, guidance))
    return {
        "athlete_id": athlete.id,
        "display_name": athlete.display_name,
        "readiness": readiness.status,
        "restrictions": restrictions,
        "as_of": max(logs, default=None),
    }


def readiness_answer(
    session: Session,
    principal: Principal,
    token: str,
    if_none_match: str | None,
    versions: tuple[int, int],
    now: datetime,
) -> Polled:
    """The ETag, and the athletes' readiness unless `If-None-Match` is current (then None).
    `versions`: the change counters read before the caller's session was checked."""
    coach = principal.user
    etag, _ = current_etag(session, principal, token, SCOPE, None, versions, now)
    if matches(etag, if_none_match):
        return Polled(etag, None)
    rows = athletes_readiness(session, coach, now)
    record_list_view(session, coach, [row["athlete_id"] for row in rows], "readiness_viewed", now)
    # The response model is the privacy filter: validate against it even on this fast path.
    return Polled(etag, Athletes.model_validate({"athletes": rows}).model_dump(mode="json"))
