"""Prebuilt Core statements of the daily-log write and read paths.

Every `PUT /me/logs/{date}` (and every guidance read) runs these: building SQLAlchemy
statements and ORM objects per request cost more than the queries themselves, so they are
built once at import and run on the session's connection with plain parameters
(bench/RESULTS.md, "Write path on prebuilt Core statements"). Everything else in the domain
(exports, replay, the rarer status queries) uses the ORM. A statement belongs here only when
a measurement put it here.
"""

from __future__ import annotations

from sqlalchemy import (
    Text,
    and_,
    bindparam,
    case,
    cast,
    delete,
    insert,
    literal,
    null,
    or_,
    select,
    update,
)
from sqlmodel import col

from app.logs.rules_input import DAY_LOG_COLUMNS, DAY_LOG_FIELDS
from app.logs.schemas import LogFields
from app.models import (
    DailyLog,
    DecisionRecord,
    LogRevision,
    PatientStatus,
    RedFlagClearance,
    User,
)

LOGS = DailyLog.__table__  # type: ignore[attr-defined]
REVISIONS = LogRevision.__table__  # type: ignore[attr-defined]
RECORDS = DecisionRecord.__table__  # type: ignore[attr-defined]
CLEARANCE_ROWS = RedFlagClearance.__table__  # type: ignore[attr-defined]
STATUS = PatientStatus.__table__  # type: ignore[attr-defined]

# ---------------------------------------------------------------- daily logs and revisions
FIND_LOG = select(LOGS).where(
    LOGS.c.patient_id == bindparam("pid"), LOGS.c.log_date == bindparam("day")
)
LOGS_BETWEEN = (
    select(LOGS)
    .where(
        LOGS.c.patient_id == bindparam("pid"),
        LOGS.c.log_date >= bindparam("start"),
        LOGS.c.log_date <= bindparam("end"),
    )
    .order_by(LOGS.c.log_date)
)
INSERT_LOG = insert(LOGS)
UPDATED_FIELDS = (*LogFields.model_fields, "has_red_flags", "version", "updated_at")
UPDATE_LOG = (
    update(LOGS)
    .where(LOGS.c.id == bindparam("log_id"))
    .values({name: bindparam(f"new_{name}") for name in UPDATED_FIELDS})
)
DELETE_LOG = delete(LOGS).where(LOGS.c.id == bindparam("log_id"))
INSERT_REVISION = insert(REVISIONS).returning(REVISIONS.c.id)
INSERT_REVISIONS = insert(REVISIONS)
# The columns the rules read (one per DayLog field), for the 28-day windows of a recompute.
# `red_flags` comes back NULL where it is the empty list (nearly every day): nothing to decode
# (app/logs/decision_inputs.read_logs reads NULL as []).
RED_FLAGS_AT = DAY_LOG_FIELDS.index("red_flags")
_WINDOW_COLUMNS = list(DAY_LOG_COLUMNS)
_WINDOW_COLUMNS[RED_FLAGS_AT] = case(
    (cast(LOGS.c.red_flags, Text) != "[]", LOGS.c.red_flags), else_=null()
).label("red_flags")
DAY_LOGS = select(*_WINDOW_COLUMNS).where(
    LOGS.c.patient_id == bindparam("pid"),
    LOGS.c.log_date >= bindparam("start"),
    LOGS.c.log_date <= bindparam("end"),
)
# Red-flag days before a window (flagged or ticked "checked"): the partial index
# ix_daily_logs_episode_days has exactly this condition.
EPISODE_DAYS = select(*DAY_LOG_COLUMNS).where(
    LOGS.c.patient_id == bindparam("pid"),
    LOGS.c.log_date < bindparam("before"),
    or_(LOGS.c.has_red_flags, LOGS.c.red_flags_reviewed),
)
CLEARANCES = (
    select(CLEARANCE_ROWS.c.checked_on)
    .where(CLEARANCE_ROWS.c.patient_id == bindparam("pid"))
    .order_by(CLEARANCE_ROWS.c.checked_on)
)
# One patient's writes in order (PostgreSQL row lock; SQLite's write lock already does it).
LOCK_PATIENT = select(col(User.id)).where(col(User.id) == bindparam("pid")).with_for_update()

# ---------------------------------------------------------------- decision records
# A current record without its JSON payloads (what app.logs.records.RecordRow holds).
RECORD_FIELDS = (
    "id",
    "decision_date",
    "decision",
    "referral",
    "phase_ready",
    "progressed",
    "rules",
    "inputs_digest",
    "ruleset",
)
RECORD_COLUMNS = tuple(RECORDS.c[name] for name in RECORD_FIELDS)
_CURRENT = (
    RECORDS.c.patient_id == bindparam("pid"),
    RECORDS.c.superseded_at.is_(None),
    RECORDS.c.decision_date >= bindparam("start"),
    RECORDS.c.decision_date <= bindparam("end"),
)
CURRENT_RECORDS = select(*RECORD_COLUMNS).where(*_CURRENT)
# The patient's pending day (app/logs/backlog.py) comes with the record: a read of a day the
# backlog still covers computes it first, at no extra query on the hot path.
PENDING_FROM = (
    select(STATUS.c.decisions_pending_from)
    .where(STATUS.c.patient_id == bindparam("pid"))
    .scalar_subquery()
)
CURRENT_WITH_GUIDANCE = select(
    *RECORD_COLUMNS, RECORDS.c.guidance, PENDING_FROM.label("pending_from")
).where(*_CURRENT)
# A log write's read of its day: the log and the day's current record (either may be absent),
# in one statement: both are outer-joined to a one-row select. The record's guidance is read
# only when the write needs it (records.guidance_of).
_ONE_ROW = select(literal(1).label("one")).subquery("one_row")
LOG_COLUMN_NAMES = tuple(LOGS.c.keys())
LOG_AND_RECORD = select(
    *(LOGS.c[name].label(f"log_{name}") for name in LOG_COLUMN_NAMES),
    *(RECORDS.c[name].label(f"record_{name}") for name in RECORD_FIELDS),
).select_from(
    _ONE_ROW.outerjoin(
        LOGS, and_(LOGS.c.patient_id == bindparam("pid"), LOGS.c.log_date == bindparam("day"))
    ).outerjoin(
        RECORDS,
        and_(
            RECORDS.c.patient_id == bindparam("pid"),
            RECORDS.c.decision_date == bindparam("day"),
            RECORDS.c.superseded_at.is_(None),
        ),
    )
)
CURRENT_GUIDANCES = select(RECORDS.c.guidance).where(*_CURRENT).order_by(RECORDS.c.decision_date)
GUIDANCE_OF_RECORD = select(RECORDS.c.guidance).where(RECORDS.c.id == bindparam("record_id"))
# Step ups before a window, newest first (read until every component's last one is found).
PROGRESSED_BEFORE = (
    select(RECORDS.c.decision_date, RECORDS.c.rules)
    .where(
        RECORDS.c.patient_id == bindparam("pid"),
        RECORDS.c.superseded_at.is_(None),
        RECORDS.c.progressed,
        RECORDS.c.decision_date < bindparam("before"),
    )
    .order_by(RECORDS.c.decision_date.desc())
)
SUPERSEDE_RECORDS = (
    update(RECORDS)
    .where(RECORDS.c.id.in_(bindparam("record_ids", expanding=True)))
    .values(superseded_at=bindparam("at"))
)
# The usual case, one record: no expanding IN to render on every execution.
SUPERSEDE_RECORD = (
    update(RECORDS)
    .where(RECORDS.c.id == bindparam("record_id"))
    .values(superseded_at=bindparam("at"))
)
INSERT_RECORDS = insert(RECORDS).returning(RECORDS.c.id, sort_by_parameter_order=True)
# The usual case, one record: a plain INSERT ... RETURNING (no batched "insertmanyvalues").
INSERT_RECORD = insert(RECORDS).returning(RECORDS.c.id)

# ---------------------------------------------------------------- the status row
READ_STATUS = select(
    STATUS.c.decisions_pending_from,
    STATUS.c.first_log_date,
    STATUS.c.last_log_date,
    STATUS.c.episode_days_from,
    STATUS.c.step_ups,
).where(STATUS.c.patient_id == bindparam("pid"))
# A flagged or "checked" day lowers the earliest such day (never raises it).
MARK_EPISODE_DAY = (
    update(STATUS)
    .where(
        STATUS.c.patient_id == bindparam("pid"),
        or_(
            STATUS.c.episode_days_from.is_(None),
            STATUS.c.episode_days_from > bindparam("day"),
        ),
    )
    .values(episode_days_from=bindparam("day"))
)
STATUS_FIELDS = (
    "phase",
    "first_log_date",
    "last_log_date",
    "decision_date",
    "decision",
    "referral",
    "phase_ready",
    "last_progress_date",
    "step_ups",
    "recent",
    "open_episodes",
    "updated_at",
    "change_seq",
)
UPDATE_STATUS = (
    update(STATUS)
    .where(STATUS.c.patient_id == bindparam("pid"))
    .values({name: bindparam(f"new_{name}") for name in STATUS_FIELDS})
)
INSERT_STATUS = insert(STATUS)
READ_PENDING = select(STATUS.c.decisions_pending_from).where(
    STATUS.c.patient_id == bindparam("pid")
)
SET_PENDING = (
    update(STATUS)
    .where(STATUS.c.patient_id == bindparam("pid"))
    .values(decisions_pending_from=bindparam("pending_from"))
)
