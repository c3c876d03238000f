"""Check-ins from activity files: the file's fingerprint and span, and the time moving.

Revision ID: 9d1f3b7c2e44
Revises: 5c2e7f4a9b10
Create Date: 2026-12-02 15:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "9d1f3b7c2e44"
down_revision: str | None = "5c2e7f4a9b10"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.add_column(sa.Column("track_fingerprint", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("track_started_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("track_ended_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("moving_min", sa.Integer(), nullable=True))
        batch.create_index(
            op.f("ix_checkin_track_fingerprint"), ["track_fingerprint"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("checkin") as batch:
        batch.drop_index(op.f("ix_checkin_track_fingerprint"))
        for name in ("moving_min", "track_ended_at", "track_started_at", "track_fingerprint"):
            batch.drop_column(name)
