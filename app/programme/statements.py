"""Prebuilt Core statements of the programme's share of the hot paths.

Every `PUT /me/logs/{date}` reads the patient's plan row (locked, so an acceptance and a log
write of the same patient follow one another) and every guidance read reads it once more to
show the plan next to the decision; both are built once here, as the logs domain does
(bench/RESULTS.md "Programme"). The rarer writes use them too, since they are as simple.
"""

from __future__ import annotations

from sqlalchemy import bindparam, insert, select, update

from app.models import PatientStatus, Programme, ProgrammeProposal, ProgrammeVersion, User

HEADS = Programme.__table__  # type: ignore[attr-defined]
VERSIONS = ProgrammeVersion.__table__  # type: ignore[attr-defined]
PROPOSALS = ProgrammeProposal.__table__  # type: ignore[attr-defined]
STATUS = PatientStatus.__table__  # type: ignore[attr-defined]

# One patient's writes in order: the lock app/logs takes (PostgreSQL; SQLite's write lock does
# it). A plan change outside a log write takes it first, then the plan row: every path locks
# user row -> plan row -> counters, so a tap and a log write never deadlock (a version's
# foreign key to the user needs the user row not held by another writer).
USERS = User.__table__  # type: ignore[attr-defined]
LOCK_PATIENT = select(USERS.c.id).where(USERS.c.id == bindparam("pid")).with_for_update()
HEAD_FIELDS = ("phase", "current", "locks", "proposals", "back_offs")
HEAD = select(*(HEADS.c[name] for name in HEAD_FIELDS)).where(
    HEADS.c.patient_id == bindparam("pid")
)
HEAD_FOR_UPDATE = HEAD.with_for_update()
INSERT_HEAD = insert(HEADS)
UPDATE_HEAD = (
    update(HEADS)
    .where(HEADS.c.patient_id == bindparam("pid"))
    .values(
        {name: bindparam(f"new_{name}") for name in (*HEAD_FIELDS, "updated_at")},
    )
)
INSERT_VERSION = insert(VERSIONS)
TOLERATED = select(VERSIONS.c.prescription, VERSIONS.c.tolerated_id).where(
    VERSIONS.c.patient_id == bindparam("pid"), VERSIONS.c.id == bindparam("version_id")
)
INSERT_PROPOSAL = insert(PROPOSALS)
RESOLVE_PROPOSAL = (
    update(PROPOSALS)
    .where(PROPOSALS.c.id == bindparam("proposal_id"))
    .values(
        status=bindparam("new_status"),
        resolved_at=bindparam("at"),
        version_id=bindparam("new_version_id"),
    )
)
# A plan change outside a log write moves the patient's status row, so polled views (the
# coach's restrictions come from the plan) answer with a new ETag.
TOUCH_STATUS = (
    update(STATUS)
    .where(STATUS.c.patient_id == bindparam("pid"))
    .values(updated_at=bindparam("at"), change_seq=bindparam("seq"))
)
# The versions a log's `performed` names (only when it names some).
VERSIONS_NAMED = select(VERSIONS.c.id, VERSIONS.c.component, VERSIONS.c.prescription).where(
    VERSIONS.c.patient_id == bindparam("pid"),
    VERSIONS.c.id.in_(bindparam("ids", expanding=True)),
)
