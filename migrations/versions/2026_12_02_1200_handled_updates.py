"""Remember the Telegram updates handled, so that one delivered twice is handled once.

Revision ID: 5c2e7f4a9b10
Revises: 36da323cae38
Create Date: 2026-12-02 12:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "5c2e7f4a9b10"
down_revision: str | None = "36da323cae38"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handled_update",
        sa.Column("update_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("handled_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("update_id", name=op.f("pk_handled_update")),
    )
    op.create_index(
        op.f("ix_handled_update_handled_at"), "handled_update", ["handled_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_handled_update_handled_at"), table_name="handled_update")
    op.drop_table("handled_update")
