"""Goals the patient and their clinician set together: a text, an optional target date and a
status (active, met, dropped). Either of them may add or change one; each goal says who set it
and who changed it last. A clinician's reads and changes go into the patient's access log."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core.clock import today_in
from app.core.db import writing
from app.core.errors import Conflict, InvalidInput, NotFound
from app.logs.service import lock_patient
from app.models import Goal, User
from app.outcomes.schemas import GoalIn, GoalPatch

MAX_ACTIVE = 10
MAX_GOALS = 200
TARGET_PAST_DAYS = 365
TARGET_FUTURE_DAYS = 3 * 365


def goals_of(session: Session, patient_id: uuid.UUID) -> list[Goal]:
    return list(
        session.exec(
            select(Goal)
            .where(Goal.patient_id == patient_id)
            .order_by(col(Goal.created_at).desc())
            .limit(MAX_GOALS)
        ).all()
    )


def current_goal(goals: list[Goal]) -> Goal | None:
    """The active goal with the nearest target date (undated after dated), then the newest."""
    active = [g for g in goals if g.status == "active"]
    if not active:
        return None
    newest_first = sorted(active, key=lambda g: g.created_at, reverse=True)
    return min(newest_first, key=lambda g: (g.target_on is None, g.target_on or date.max))


def goal_list(session: Session, patient_id: uuid.UUID) -> dict[str, Any]:
    goals = goals_of(session, patient_id)
    current = current_goal(goals)
    ids = {g.set_by_id for g in goals} | {g.changed_by_id for g in goals}
    users = _people(session, ids)
    ordered = sorted(goals, key=lambda g: g.status != "active")  # stable: newest first within
    views = [_view(g, users, g is current) for g in ordered]
    return {"current": _view(current, users, True) if current else None, "goals": views}


def _people(session: Session, ids: set[Any]) -> dict[Any, tuple[str, str]]:
    ids.discard(None)
    if not ids:
        return {}
    rows = session.exec(
        select(User.id, User.display_name, User.role).where(col(User.id).in_(ids))
    ).all()
    return {user_id: (name, role) for user_id, name, role in rows}


def _view(goal: Goal, people: dict[Any, tuple[str, str]], current: bool) -> dict[str, Any]:
    set_by = people.get(goal.set_by_id)
    changed_by = people.get(goal.changed_by_id)
    return {
        "id": goal.id,
        "text": goal.text,
        "target_on": goal.target_on,
        "status": goal.status,
        "status_on": goal.status_on,
        "current": current,
        "set_by": set_by[0] if set_by else None,
        "set_by_role": set_by[1] if set_by else None,
        "changed_by": changed_by[0] if changed_by else None,
        "created_at": goal.created_at,
        "updated_at": goal.updated_at,
    }


def _check_target(target_on: date | None, today: date) -> None:
    if target_on is None:
        return
    earliest = today - timedelta(days=TARGET_PAST_DAYS)
    latest = today + timedelta(days=TARGET_FUTURE_DAYS)
    if not earliest <= target_on <= latest:
        raise InvalidInput("target_on", f"must be between {earliest} and {latest}")


def _active_count(session: Session, patient_id: uuid.UUID) -> int:
    return len(
        session.exec(
            select(Goal.id).where(Goal.patient_id == patient_id, Goal.status == "active")
        ).all()
    )


def add_goal(
    session: Session, patient: User, actor: User, body: GoalIn, now: datetime
) -> dict[str, Any]:
    """409 beyond 10 active goals (or 200 in all)."""
    _check_target(body.target_on, today_in(patient.timezone, now))
    with writing(session):
        lock_patient(session, patient.id)
        if _active_count(session, patient.id) >= MAX_ACTIVE:
            raise Conflict(f"At most {MAX_ACTIVE} goals can be active: mark one met or dropped.")
        if len(goals_of(session, patient.id)) >= MAX_GOALS:
            raise Conflict(f"At most {MAX_GOALS} goals can be kept.")
        goal = Goal(
            patient_id=patient.id,
            text=body.text,
            target_on=body.target_on,
            set_by_id=actor.id,
            changed_by_id=actor.id,
            created_at=now,
            updated_at=now,
        )
        session.add(goal)
        session.flush()
        if actor.id != patient.id:
            record_access(session, actor, [patient.id], "goal_set", now, {"goal": str(goal.id)})
        view = goal_list(session, patient.id)
    return next(g for g in view["goals"] if g["id"] == goal.id)


def change_goal(
    session: Session,
    patient: User,
    actor: User,
    goal_id: uuid.UUID,
    patch: GoalPatch,
    now: datetime,
) -> dict[str, Any]:
    """Change the text, target date or status; 404 for a goal of someone else."""
    today = today_in(patient.timezone, now)
    given = patch.model_fields_set
    if "target_on" in given:
        _check_target(patch.target_on, today)
    if "text" in given and patch.text is None:
        raise InvalidInput("text", "a goal needs a text")
    if "status" in given and patch.status is None:
        raise InvalidInput("status", "active, met or dropped")
    with writing(session):
        lock_patient(session, patient.id)
        goal = session.get(Goal, goal_id)
        if goal is None or goal.patient_id != patient.id:
            raise NotFound("No such goal.")
        reactivated = patch.status == "active" and goal.status != "active"
        if reactivated and _active_count(session, patient.id) >= MAX_ACTIVE:
            raise Conflict(f"At most {MAX_ACTIVE} goals can be active.")
        if patch.text is not None:
            goal.text = patch.text
        if "target_on" in given:
            goal.target_on = patch.target_on
        if patch.status is not None and patch.status != goal.status:
            goal.status = patch.status
            goal.status_on = None if patch.status == "active" else today
        goal.changed_by_id, goal.updated_at = actor.id, now
        session.add(goal)
        session.flush()
        if actor.id != patient.id:
            detail = {"goal": str(goal.id), "changed": sorted(given)}
            record_access(session, actor, [patient.id], "goal_changed", now, detail)
        view = goal_list(session, patient.id)
    return next(g for g in view["goals"] if g["id"] == goal.id)


def read_goals(session: Session, clinician: User, patient: User, now: datetime) -> dict[str, Any]:
    with writing(session):
        view = goal_list(session, patient.id)
        record_access(session, clinician, [patient.id], "goals_viewed", now)
    return view
