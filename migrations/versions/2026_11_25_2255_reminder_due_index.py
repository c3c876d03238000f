"""Index athletes by time zone and reminder time, for the reminder tick's due query.

Revision ID: 8b41d6c0e5a3
Revises: 3f0c1a9e2b7d
Create Date: 2026-11-25 22:55:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "8b41d6c0e5a3"
down_revision: str | None = "3f0c1a9e2b7d"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_athlete_timezone_reminder_time",
        "athlete",
        ["timezone", "reminder_time"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_athlete_timezone_reminder_time", table_name="athlete")
