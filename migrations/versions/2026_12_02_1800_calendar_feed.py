"""Private calendar subscriptions: the digest of each athlete's secret feed token.

Revision ID: 4a8e6d2b1f70
Revises: 9d1f3b7c2e44
Create Date: 2026-12-02 18:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "4a8e6d2b1f70"
down_revision: str | None = "9d1f3b7c2e44"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_feed",
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("token_digest", sa.String(length=64), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_calendar_feed_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("athlete_id", name=op.f("pk_calendar_feed")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_calendar_feed_token_digest")),
    )


def downgrade() -> None:
    op.drop_table("calendar_feed")
