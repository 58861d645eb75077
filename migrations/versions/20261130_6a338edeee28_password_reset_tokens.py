"""Password-reset links: the SHA-256 of each token, the digest of the address asked for, the
account (empty when no account has that address), expiry and use.

Reviewed by hand: a new table only (no stored data changes); the downgrade drops it (links
not yet used stop working, nothing else is lost).

Revision ID: 6a338edeee28
Revises: 7e0058e008e0
Create Date: 2026-11-30 14:10:10+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "6a338edeee28"
down_revision: str | None = "7e0058e008e0"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXED = ("email_digest", "expires_at", "user_id")


def upgrade() -> None:
    op.create_table(
        "password_reset_tokens",
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("email_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_password_reset_tokens_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_password_reset_tokens")),
    )
    with op.batch_alter_table("password_reset_tokens", schema=None) as batch_op:
        for column in INDEXED:
            batch_op.create_index(
                batch_op.f(f"ix_password_reset_tokens_{column}"), [column], unique=False
            )


def downgrade() -> None:
    with op.batch_alter_table("password_reset_tokens", schema=None) as batch_op:
        for column in reversed(INDEXED):
            batch_op.drop_index(batch_op.f(f"ix_password_reset_tokens_{column}"))
    op.drop_table("password_reset_tokens")
