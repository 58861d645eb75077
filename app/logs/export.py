"""The patient's whole record, as JSON, as CSV (one row per day) or as a FHIR R4 Bundle."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from app.core.clock import today_in
from app.core.db import begin_snapshot
from app.logs.backlog import finish_pending
from app.logs.fhir import fhir_bundle, urn
from app.logs.records import current_rows, guidances_between
from app.logs.service import LOG_FIELDS
from app.models import AccessLogEntry, CareLink, DailyLog, ShareCode, User
from app.patients.settings import load_history, setting_on, thresholds_of
from app.programme.export import care_plan, programme_record

CSV_COLUMNS = ["date", *LOG_FIELDS, "decision", "referral"]
# Parts of the whole record kept by domains below this one (which it cannot import): each
# registers here when imported (app/outcomes/export.py), like a polled view's path.
JSON_SECTIONS: dict[str, Callable[[Session, User], Any]] = {}
FHIR_SECTIONS: list[Callable[[Session, User, str], list[dict[str, Any]]]] = []


def _logs(session: Session, patient: User) -> list[DailyLog]:
    return list(
        session.exec(
            select(DailyLog)
            .where(DailyLog.patient_id == patient.id)
            .order_by(col(DailyLog.log_date))
        ).all()
    )


def export_json(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    finish_pending(session, patient.id, today_in(patient.timezone, now), now)
    begin_snapshot(session)
    logs = _logs(session, patient)
    decisions = guidances_between(session, patient.id, logs[0].log_date, date.max) if logs else []
    shares = session.exec(select(ShareCode).where(ShareCode.patient_id == patient.id)).all()
    links = session.exec(select(CareLink).where(CareLink.patient_id == patient.id)).all()
    access = session.exec(
        select(AccessLogEntry)
        .where(AccessLogEntry.patient_id == patient.id)
        .order_by(col(AccessLogEntry.id))
    ).all()
    settings = load_history(session, patient.id)
    return {
        "exported_at": now.isoformat(),
        "patient": {
            "id": str(patient.id),
            "email": patient.email,
            "display_name": patient.display_name,
            "timezone": patient.timezone,
            "created_at": patient.created_at.isoformat(),
        },
        "settings": [
            {
                "effective_on": s.effective_on.isoformat(),
                "phase": s.phase,
                "thresholds": asdict(thresholds_of(s)),
            }
            for s in settings
        ],
        "programme": programme_record(session, patient.id, _phase(settings, patient, now)),
        "logs": [{"log_date": log.log_date.isoformat(), **_values(log)} for log in logs],
        "decisions": decisions,
        "shares": [
            {
                "scope": s.scope,
                "created_at": s.created_at.isoformat(),
                "redeemed_at": _iso(s.redeemed_at),
                "revoked_at": _iso(s.revoked_at),
            }
            for s in shares
        ],
        "links": [
            {
                "scope": link.scope,
                "created_at": link.created_at.isoformat(),
                "revoked_at": _iso(link.revoked_at),
            }
            for link in links
        ],
        "access_log": [
            {
                "at": e.at.isoformat(),
                "actor_name": e.actor_name,
                "actor_role": e.actor_role,
                "action": e.action,
                "detail": e.detail,
            }
            for e in access
        ],
    } | {name: section(session, patient) for name, section in JSON_SECTIONS.items()}


def _phase(settings: list[Any], patient: User, now: datetime) -> int:
    return setting_on(settings, today_in(patient.timezone, now)).phase


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _values(log: DailyLog) -> dict[str, Any]:
    return {name: getattr(log, name) for name in LOG_FIELDS}


def export_csv(session: Session, patient: User, now: datetime) -> str:
    """One row per logged day; a value not logged is an empty cell, never 0."""
    finish_pending(session, patient.id, today_in(patient.timezone, now), now)
    begin_snapshot(session)
    logs = _logs(session, patient)
    records = current_rows(session, patient.id, logs[0].log_date, date.max) if logs else {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for log in logs:
        values = _values(log)
        values["red_flags"] = ";".join(values["red_flags"] or [])
        if values["performed"] is not None:
            values["performed"] = json.dumps(values["performed"], separators=(",", ":"))
        record = records.get(log.log_date)
        row = [log.log_date.isoformat(), *(values[name] for name in LOG_FIELDS)]
        row += [record.decision if record else None, record.referral if record else None]
        writer.writerow(["" if value is None else neutralise_formula(value) for value in row])
    return out.getvalue()


# What starts a formula in a spreadsheet (OWASP "CSV injection"), in ASCII and the fullwidth
# and small forms some spreadsheets fold to ASCII; tab and carriage return as in OWASP's list.
FORMULA_STARTS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b")
# Characters a spreadsheet skips, or a reader does not see, before a formula: every Unicode
# space and line break (str.isspace: NBSP, ideographic space, ...), the byte order mark and the
# zero-width characters (not spaces to Python).
_SKIPPED = "\ufeff\u200b\u200c\u200d\u2060\u180e"


def neutralise_formula(value: Any) -> Any:
    """Text that a spreadsheet could run as a formula gets a leading apostrophe (read as text).

    The first character that counts is the first one that is neither a space of any kind nor
    one of the invisible characters in `_SKIPPED`: " \u00a0=1" and "\ufeff\uff0b1" are formulas too.
    """
    if not isinstance(value, str):
        return value
    for char in value:
        if char in FORMULA_STARTS:
            return "'" + value
        if not (char.isspace() or char in _SKIPPED):
            return value
    return value


def export_fhir(session: Session, patient: User, now: datetime) -> dict[str, Any]:
    """The Bundle of pain Observations, with the plan as a CarePlan and the other domains'
    sections."""
    begin_snapshot(session)
    bundle = fhir_bundle(patient, _logs(session, patient), now)
    patient_ref = bundle["entry"][0]["fullUrl"]
    phase = _phase(load_history(session, patient.id), patient, now)
    bundle["entry"].append(care_plan(session, patient.id, phase, patient_ref, urn))
    for section in FHIR_SECTIONS:
        bundle["entry"] += section(session, patient, patient_ref)
    return bundle
