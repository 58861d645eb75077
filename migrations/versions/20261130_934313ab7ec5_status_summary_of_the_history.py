"""The status row keeps a summary of the history a recompute needs (app/logs/status_inputs.py).

Reviewed by hand:
- `patient_status.episode_days_from`: the earliest flagged or "checked" day of the patient,
  filled here from `daily_logs` (has_red_flags or red_flags_reviewed), then lowered by every
  log write that is flagged or ticked;
- `patient_status.step_ups`: each component's last step up (`{component: date}`), filled here
  from the current decision records (PR-1 tendon, PR-2 running, PR-3 neural, PR-4 sitting),
  then kept by every status refresh.
A recompute reads both with the status row instead of querying the whole history each time.
The downgrade drops them (the history still holds everything they summarise).

Revision ID: 934313ab7ec5
Revises: 4d07ccbe60eb
Create Date: 2026-11-30 13:23:18+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "934313ab7ec5"
down_revision: str | None = "4d07ccbe60eb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COMPONENT_OF = {"PR-1": "tendon", "PR-2": "running", "PR-3": "neural", "PR-4": "sitting"}
STATUS = sa.table(
    "patient_status",
    sa.column("patient_id", sa.Uuid),
    sa.column("episode_days_from", sa.Date),
    sa.column("step_ups", sa.JSON),
)
LOGS = sa.table(
    "daily_logs",
    sa.column("patient_id", sa.Uuid),
    sa.column("log_date", sa.Date),
    sa.column("has_red_flags", sa.Boolean),
    sa.column("red_flags_reviewed", sa.Boolean),
)
RECORDS = sa.table(
    "decision_records",
    sa.column("patient_id", sa.Uuid),
    sa.column("decision_date", sa.Date),
    sa.column("rules", sa.String),
    sa.column("progressed", sa.Boolean),
    sa.column("superseded_at", sa.DateTime),
)


def upgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.add_column(sa.Column("episode_days_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("step_ups", sa.JSON(), server_default="{}", nullable=False))
    bind = op.get_bind()
    earliest = bind.execute(
        sa.select(LOGS.c.patient_id, sa.func.min(LOGS.c.log_date))
        .where(sa.or_(LOGS.c.has_red_flags, LOGS.c.red_flags_reviewed))
        .group_by(LOGS.c.patient_id)
    ).all()
    for patient_id, day in earliest:
        bind.execute(
            STATUS.update().where(STATUS.c.patient_id == patient_id).values(episode_days_from=day)
        )
    step_ups: dict[object, dict[str, str]] = {}
    progressed = bind.execute(
        sa.select(RECORDS.c.patient_id, RECORDS.c.decision_date, RECORDS.c.rules).where(
            RECORDS.c.progressed, RECORDS.c.superseded_at.is_(None)
        )
    ).all()
    for patient_id, day, rules in progressed:
        mine = step_ups.setdefault(patient_id, {})
        for rule in (rules or "").split():
            component = COMPONENT_OF.get(rule)
            if component is not None and day.isoformat() > mine.get(component, ""):
                mine[component] = day.isoformat()
    for patient_id, mine in step_ups.items():
        bind.execute(
            STATUS.update()
            .where(STATUS.c.patient_id == patient_id)
            .values(step_ups=dict(sorted(mine.items())))
        )


def downgrade() -> None:
    with op.batch_alter_table("patient_status", schema=None) as batch_op:
        batch_op.drop_column("step_ups")
        batch_op.drop_column("episode_days_from")
