"""Status rows name the parts of their 28-day window.

Reviewed by hand (data only): `patient_status.recent` was {"on", "m", "l", "d"}; it becomes
{"on", "morning", "logged", "decisions"} (app/logs/window.py, `PackedWindow`), values unchanged.
Rows not written yet hold {} and stay so. The downgrade renames the keys back.

Revision ID: c498f7aa05eb
Revises: 7a4c1e2f3b90
Create Date: 2026-11-30 10:55:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c498f7aa05eb"
down_revision: str | None = "7a4c1e2f3b90"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUS = sa.table("patient_status", sa.column("patient_id"), sa.column("recent", sa.JSON))
NAMES = {"m": "morning", "l": "logged", "d": "decisions"}


def _rename(packed: dict, names: dict[str, str]) -> dict:
    return {names.get(key, key): value for key, value in packed.items()}


def _rewrite(names: dict[str, str]) -> None:
    bind = op.get_bind()
    for row in bind.execute(sa.select(STATUS.c.patient_id, STATUS.c.recent)).all():
        if not row.recent:
            continue
        bind.execute(
            STATUS.update()
            .where(STATUS.c.patient_id == row.patient_id)
            .values(recent=_rename(row.recent, names))
        )


def upgrade() -> None:
    _rewrite(NAMES)


def downgrade() -> None:
    _rewrite({name: key for key, name in NAMES.items()})
