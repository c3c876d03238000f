"""The long-hike day, sessions moved by the athlete, corrections waiting for a duration.

- athlete: `long_hike_day` (Saturday for everyone already here, who has had Saturday all
  along; null for someone new until they choose), and for a change made mid-programme the date
  it takes effect and the day before it. `awaiting_duration_checkin_id`: /edit waits for a
  typed duration for that check-in.
- adjustment: a typed `cause` (a check-in, or a move the athlete asked for, which has no
  check-in) and the day a move swapped with. One day may now have several adjustments, so the
  unique (athlete, day) pair becomes a plain index.

Revision ID: faef7403c6e4
Revises: 4a8e6d2b1f70
Create Date: 2026-12-03 09:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "faef7403c6e4"
down_revision: str | None = "4a8e6d2b1f70"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("athlete") as batch:
        batch.add_column(sa.Column("long_hike_day", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("long_hike_day_from_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("earlier_long_hike_day", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("awaiting_duration_checkin_id", sa.Integer(), nullable=True))
    athlete = sa.table("athlete", sa.column("long_hike_day", sa.String()))
    op.execute(athlete.update().values(long_hike_day="saturday"))

    with op.batch_alter_table("adjustment") as batch:
        batch.add_column(
            sa.Column("cause", sa.String(length=32), server_default="checkin", nullable=False)
        )
        batch.add_column(sa.Column("moved_to_date", sa.Date(), nullable=True))
        batch.drop_constraint("uq_adjustment_athlete_id_session_date", type_="unique")
        batch.create_index(
            "ix_adjustment_athlete_id_session_date", ["athlete_id", "session_date"], unique=False
        )


def downgrade() -> None:
    adjustment = sa.table(
        "adjustment",
        sa.column("id", sa.Integer()),
        sa.column("athlete_id", sa.Integer()),
        sa.column("session_date", sa.Date()),
        sa.column("cause", sa.String()),
    )
    # Moves did not exist before, and only one adjustment a day could: the latest is the one
    # the old upsert would have kept.
    op.execute(adjustment.delete().where(adjustment.c.cause == "move"))
    latest = sa.select(sa.func.max(adjustment.c.id)).group_by(
        adjustment.c.athlete_id, adjustment.c.session_date
    )
    op.execute(adjustment.delete().where(adjustment.c.id.not_in(latest)))
    with op.batch_alter_table("adjustment") as batch:
        batch.drop_index("ix_adjustment_athlete_id_session_date")
        batch.create_unique_constraint(
            "uq_adjustment_athlete_id_session_date", ["athlete_id", "session_date"]
        )
        batch.drop_column("moved_to_date")
        batch.drop_column("cause")

    with op.batch_alter_table("athlete") as batch:
        batch.drop_column("awaiting_duration_checkin_id")
        batch.drop_column("earlier_long_hike_day")
        batch.drop_column("long_hike_day_from_date")
        batch.drop_column("long_hike_day")
