"""Status rows keep their 28-day window as fixed-size arrays.

Reviewed by hand (data only): rewrites `patient_status.recent` from the earlier
{date: {m, l, d}} map into the packed form of app/dashboard/window.py (anchored on the most
recent date in the map). The downgrade unpacks it again.

Revision ID: 7a4c1e2f3b90
Revises: 5d2e8a1c9b74
Create Date: 2026-11-25 12:30:00+00:00
"""

from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "7a4c1e2f3b90"
down_revision: str | None = "5d2e8a1c9b74"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS = sa.table("patient_status", sa.column("patient_id"), sa.column("recent", sa.JSON))
CODES = {"progress": "P", "hold": "H", "back_off": "B"}
NAMES = {code: name for name, code in CODES.items()}


def _packed(old: dict) -> dict:
    if not old or "on" in old:
        return old
    on = max(date.fromisoformat(day) for day in old)
    days = [on - timedelta(days=27 - i) for i in range(28)]
    entries = [old.get(day.isoformat(), {}) for day in days]
    return {
        "on": on.isoformat(),
        "m": [entry.get("m") for entry in entries],
        "l": "".join("1" if entry.get("l") else "0" for entry in entries),
        "d": "".join(CODES.get(entry.get("d", ""), ".") for entry in entries),
    }


def _unpacked(new: dict) -> dict:
    if not new or "on" not in new:
        return new
    on = date.fromisoformat(new["on"])
    old = {}
    for i in range(28):
        entry = {}
        if new["l"][i] == "1":
            entry |= {"m": new["m"][i], "l": 1}
        if new["d"][i] in NAMES:
            entry["d"] = NAMES[new["d"][i]]
        if entry:
            old[(on - timedelta(days=27 - i)).isoformat()] = entry
    return old


def _rewrite(convert) -> None:  # type: ignore[no-untyped-def]
    bind = op.get_bind()
    for row in bind.execute(sa.select(STATUS.c.patient_id, STATUS.c.recent)).all():
        bind.execute(
            STATUS.update()
            .where(STATUS.c.patient_id == row.patient_id)
            .values(recent=convert(row.recent or {}))
        )


def upgrade() -> None:
    _rewrite(_packed)


def downgrade() -> None:
    _rewrite(_unpacked)
