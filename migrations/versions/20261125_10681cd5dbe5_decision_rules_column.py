"""Decision records keep their fired rule IDs in a plain column.

Reviewed by hand: the write path reads earlier decisions' rule IDs for every recompute; parsing
the whole guidance JSON for that dominated the profile. Backfilled from the stored guidance.

Revision ID: 10681cd5dbe5
Revises: 4b7c998038fa
Create Date: 2026-11-25 11:10:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "10681cd5dbe5"
down_revision: str | None = "4b7c998038fa"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("decision_records", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "rules",
                sqlmodel.sql.sqltypes.AutoString(length=255),
                nullable=False,
                server_default="",
            )
        )
    records = sa.table(
        "decision_records",
        sa.column("id", sa.Integer),
        sa.column("guidance", sa.JSON),
        sa.column("rules", sa.String),
    )
    bind = op.get_bind()
    for row in bind.execute(sa.select(records.c.id, records.c.guidance)):
        reasons = (row.guidance or {}).get("reasons", [])
        rules = " ".join(sorted({str(r.get("rule", "")) for r in reasons}))
        bind.execute(records.update().where(records.c.id == row.id).values(rules=rules))


def downgrade() -> None:
    with op.batch_alter_table("decision_records", schema=None) as batch_op:
        batch_op.drop_column("rules")
