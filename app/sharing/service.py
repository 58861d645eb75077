"""Consent: one-time codes a patient hands out, links they create, and revocation."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.audit.service import record_access
from app.core import ratelimit
from app.core.config import get_settings
from app.core.counters import CHANGE_SEQ, next_value
from app.core.db import writing
from app.core.errors import Conflict, Forbidden, NotFound
from app.core.security import token_digest
from app.models import CareLink, ShareCode, User

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
CODE_LENGTH = 12  # 60 random bits
CODE_LIFETIME = timedelta(days=7)
MAX_PENDING_CODES = 10
REDEEM_USER, REDEEM_IP = "redeem-user", "redeem-ip"


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(code: str) -> str:
    cleaned = code.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def _pending(now: datetime):  # type: ignore[no-untyped-def]
    return (
        col(ShareCode.redeemed_at).is_(None),
        col(ShareCode.revoked_at).is_(None),
        col(ShareCode.expires_at) > now,
    )


def _is_pending(code: ShareCode) -> bool:
    return code.redeemed_at is None and code.revoked_at is None


def create_code(
    session: Session, patient: User, scope: str, now: datetime
) -> tuple[ShareCode, str]:
    with writing(session):
        pending = session.exec(
            select(func.count())
            .select_from(ShareCode)
            .where(ShareCode.patient_id == patient.id, *_pending(now))
        ).one()
        if pending >= MAX_PENDING_CODES:
            raise Conflict(f"You already have {MAX_PENDING_CODES} unused codes. Revoke one first.")
        code = new_code()
        share = ShareCode(
            patient_id=patient.id,
            scope=scope,
            code_hash=token_digest(code),
            created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
        session.add(share)
        session.flush()
        record_access(session, patient, [patient.id], "code_created", now, {"scope": scope})
    return share, code


@dataclass(frozen=True, slots=True)
class ShareView:
    id: uuid.UUID
    kind: str
    scope: str
    status: str
    holder_id: uuid.UUID | None
    holder_name: str | None
    holder_role: str | None
    created_at: datetime
    expires_at: datetime | None


def list_shares(session: Session, patient: User, now: datetime) -> list[ShareView]:
    codes = session.exec(
        select(ShareCode)
        .where(ShareCode.patient_id == patient.id, *_pending(now))
        .order_by(col(ShareCode.created_at))
    ).all()
    links = session.exec(
        select(CareLink, User)
        .join(User, col(User.id) == col(CareLink.holder_id))
        .where(CareLink.patient_id == patient.id, col(CareLink.revoked_at).is_(None))
        .order_by(col(CareLink.created_at))
    ).all()
    views = [
        ShareView(c.id, "code", c.scope, "pending", None, None, None, c.created_at, c.expires_at)
        for c in codes
    ]
    views += [
        ShareView(
            link.id,
            "link",
            link.scope,
            "active",
            holder.id,
            holder.display_name,
            holder.role,
            link.created_at,
            None,
        )
        for link, holder in links
    ]
    return views


def revoke_share(session: Session, patient: User, share_id: uuid.UUID, now: datetime) -> None:
    """Revoke a pending code or a live link; the next request of its holder is refused."""
    with writing(session):
        code = session.get(ShareCode, share_id)
        if code is not None and code.patient_id == patient.id and _is_pending(code):
            code.revoked_at = now
            session.add(code)
            detail = {"scope": code.scope}
            record_access(session, patient, [patient.id], "code_revoked", now, detail)
            return
        link = session.get(CareLink, share_id)
        if link is None or link.patient_id != patient.id or link.revoked_at is not None:
            raise NotFound("No such code or link.")
        link.revoked_at = now
        link.change_seq = next_value(session, CHANGE_SEQ)
        session.add(link)
        record_access(session, patient, [patient.id], "link_revoked", now, {"scope": link.scope})


def redeem_code(
    session: Session, holder: User, code: str, address: str, now: datetime
) -> tuple[CareLink, User]:
    """A clinician or coach turns a patient's code into a link (rate-limited against guessing:
    the attempt is counted first, atomically, and given back when the code was right)."""
    settings = get_settings()
    window = timedelta(minutes=settings.redeem_window_minutes)
    most = settings.redeem_failures_per_user
    limits = [
        ratelimit.Limit(REDEEM_USER, str(holder.id), most, window),
        ratelimit.Limit(REDEEM_IP, address, most * 3, window),
    ]
    with writing(session):
        ratelimit.reserve(session, limits, now)
        share = session.exec(
            select(ShareCode).where(
                ShareCode.code_hash == token_digest(normalise_code(code)), *_pending(now)
            )
        ).first()
        if share is not None:  # a failure stays counted (committed), then refused below
            ratelimit.release(session, limits, now)
            linked = _link(session, holder, share, now)
    if share is None:
        raise NotFound("This code is unknown, already used, expired or revoked.")
    return linked


def _link(session: Session, holder: User, share: ShareCode, now: datetime) -> tuple[CareLink, User]:
    """Turn a pending code of the right scope into a link (inside redeem_code's write)."""
    if share.scope != holder.role:
        raise Forbidden(f"This code is for a {share.scope}; you are signed in as a {holder.role}.")
    patient = session.get(User, share.patient_id)
    assert patient is not None
    existing = session.exec(
        select(CareLink).where(
            CareLink.patient_id == patient.id,
            CareLink.holder_id == holder.id,
            CareLink.scope == share.scope,
            col(CareLink.revoked_at).is_(None),
        )
    ).first()
    if existing is not None:
        raise Conflict("You are already linked to this patient.")
    share.redeemed_at = now
    link = CareLink(
        patient_id=patient.id,
        holder_id=holder.id,
        scope=share.scope,
        code_id=share.id,
        created_at=now,
        change_seq=next_value(session, CHANGE_SEQ),
    )
    session.add_all([share, link])
    session.flush()
    record_access(session, holder, [patient.id], "link_created", now, {"scope": share.scope})
    return link, patient


@dataclass(frozen=True, slots=True)
class LinkedPatient:
    patient: User
    link: CareLink


def linked_patient(session: Session, holder: User, patient_id: str, scope: str) -> LinkedPatient:
    """The patient behind a live link of this scope, or 404 (never revealing that one exists)."""
    try:
        pid = uuid.UUID(patient_id)
    except ValueError:
        raise NotFound("No such patient.") from None
    found = session.exec(
        select(User, CareLink)
        .join(CareLink, col(CareLink.patient_id) == col(User.id))
        .where(
            CareLink.holder_id == holder.id,
            CareLink.patient_id == pid,
            CareLink.scope == scope,
            col(CareLink.revoked_at).is_(None),
        )
    ).first()
    if found is None:
        raise NotFound("No such patient.")
    return LinkedPatient(*found)
