"""Reminders of kinds: the day's session and the weekly review, each once per local date.

- reminder: a typed `kind` (session, weekly_review); the unique key becomes (athlete, local
  date, kind), so a review and a session reminder on the same day do not collide.
- athlete: `review_time`, the weekly review's local time (null: off), 19:00 for everyone who
  is here already, as for anyone new.

Revision ID: 4e8a1c2d9f07
Revises: faef7403c6e4
Create Date: 2026-12-04 09:00:00.000000+00:00
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4e8a1c2d9f07"
down_revision: str | None = "faef7403c6e4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REVIEW_TIME = dt.time(19)  # coach.athletes.REVIEW_TIME when this was written


def upgrade() -> None:
    with op.batch_alter_table("reminder") as batch:
        batch.add_column(
            sa.Column("kind", sa.String(length=32), server_default="session", nullable=False)
        )
        batch.drop_constraint("uq_reminder_athlete_id_local_date", type_="unique")
        batch.create_unique_constraint(
            "uq_reminder_athlete_id_local_date_kind", ["athlete_id", "local_date", "kind"]
        )
    with op.batch_alter_table("athlete") as batch:
        batch.add_column(sa.Column("review_time", sa.Time(), nullable=True))
        batch.create_index(
            "ix_athlete_timezone_review_time", ["timezone", "review_time"], unique=False
        )
    # Bound, not a literal: each database stores a time in its own format, and the due query
    # compares them as stored.
    athlete = sa.table("athlete", sa.column("review_time", sa.Time()))
    op.execute(athlete.update().values(review_time=sa.bindparam("at", REVIEW_TIME, sa.Time())))


def downgrade() -> None:
    reminder = sa.table("reminder", sa.column("kind", sa.String()))
    op.execute(reminder.delete().where(reminder.c.kind != "session"))
    with op.batch_alter_table("athlete") as batch:
        batch.drop_index("ix_athlete_timezone_review_time")
        batch.drop_column("review_time")
    with op.batch_alter_table("reminder") as batch:
        batch.drop_constraint("uq_reminder_athlete_id_local_date_kind", type_="unique")
        batch.create_unique_constraint(
            "uq_reminder_athlete_id_local_date", ["athlete_id", "local_date"]
        )
        batch.drop_column("kind")
