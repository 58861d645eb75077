"""Status rows say from which day a patient's decisions may still be stale.

Reviewed by hand: one nullable column, `patient_status.decisions_pending_from`. A write that
edits an old day decides its own 28 days in its transaction and leaves the later days to short
follow-up transactions (app/logs/backlog.py); until they ran, reads of those days compute them
first. Existing rows have no backlog (NULL). The downgrade drops the column: run it with no
backlog left (every pending day is recomputed by the next read or write of the patient).

Revision ID: e3b1d0c4a9f2
Revises: 811e711a3c01
Create Date: 2026-11-30 12:00:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "e3b1d0c4a9f2"
down_revision: str | None = "811e711a3c01"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decisions_pending_from", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.drop_column("decisions_pending_from")
