"""A counter bumped whenever a sign-in session ends early.

Reviewed by hand (data only): together with `change_seq` it tells a worker, with one read,
that nothing a cached dashboard ETag depends on has changed (see app/dashboard/revalidation.py).

Revision ID: 5d2e8a1c9b74
Revises: 10681cd5dbe5
Create Date: 2026-11-25 12:05:00+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5d2e8a1c9b74"
down_revision: str | None = "10681cd5dbe5"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTERS = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.Integer))


def upgrade() -> None:
    op.bulk_insert(COUNTERS, [{"name": "auth_seq", "value": 0}])


def downgrade() -> None:
    op.execute(COUNTERS.delete().where(COUNTERS.c.name == "auth_seq"))
