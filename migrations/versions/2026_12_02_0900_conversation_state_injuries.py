"""Typed conversation state, injuries as stored state, where each check-in came from.

- athlete: `onboarding_step` holds only onboarding questions; what the coach waits for outside
  onboarding moves to `awaiting_setting` (the old "edit:<setting>" values), beside a new
  `awaiting_rpe_checkin_id`. `timezone` may be null: chosen by the athlete or not yet.
- checkin: `source` (text, reminder button, file), the `reminder_id` a button answered, and the
  new reading fields (cleared sites, illness, climb, pack, distance).
- injury: one row per blocking pain, open until the athlete clears it; rebuilt here from the
  check-ins already stored, the way the coach read them until now.

Revision ID: 36da323cae38
Revises: 8b41d6c0e5a3
Create Date: 2026-12-02 09:00:00.000000+00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "36da323cae38"
down_revision: str | None = "8b41d6c0e5a3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

EDIT_PREFIX = "edit:"
SETTINGS = ("start_date", "timezone", "reminder", "experience")
# The sites that blocked running when these rows were written (coach.safety.BLOCKING_SITES).
BLOCKING_SITES = frozenset({"achilles", "it_band", "knee", "shin"})


def upgrade() -> None:
    with op.batch_alter_table("athlete") as batch:
        batch.add_column(sa.Column("awaiting_setting", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("awaiting_rpe_checkin_id", sa.Integer(), nullable=True))
    athlete = sa.table(
        "athlete",
        sa.column("onboarding_step", sa.String()),
        sa.column("awaiting_setting", sa.String()),
    )
    op.execute(
        athlete.update()
        .where(athlete.c.onboarding_step.startswith(EDIT_PREFIX))
        .values(
            awaiting_setting=sa.func.substr(athlete.c.onboarding_step, len(EDIT_PREFIX) + 1),
            onboarding_step=None,
        )
    )
    with op.batch_alter_table("athlete") as batch:
        batch.alter_column(
            "onboarding_step",
            existing_type=sa.String(length=64),
            type_=sa.String(length=32),
            existing_nullable=True,
        )
        batch.alter_column(
            "timezone",
            existing_type=sa.String(length=64),
            nullable=True,
            server_default=None,
            existing_server_default="UTC",
        )

    with op.batch_alter_table("checkin") as batch:
        batch.add_column(sa.Column("cleared", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("illness", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch.add_column(sa.Column("climb_m", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("pack_kg", sa.Double(), nullable=True))
        batch.add_column(sa.Column("distance_km", sa.Double(), nullable=True))
        batch.add_column(
            sa.Column("source", sa.String(length=32), server_default="text", nullable=False)
        )
        batch.add_column(sa.Column("reminder_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_checkin_reminder_id_reminder"),
            "reminder",
            ["reminder_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_checkin_reminder_id"), ["reminder_id"], unique=False)
    checkin = sa.table(
        "checkin",
        sa.column("id", sa.Integer()),
        sa.column("athlete_id", sa.Integer()),
        sa.column("checkin_date", sa.Date()),
        sa.column("raw_text", sa.Text()),
        sa.column("pain", sa.JSON()),
        sa.column("pain_cleared", sa.Boolean()),
        sa.column("cleared", sa.JSON()),
        sa.column("source", sa.String()),
        sa.column("reminder_id", sa.Integer()),
    )
    op.execute(checkin.update().values(cleared=[]))
    with op.batch_alter_table("checkin") as batch:
        batch.alter_column("cleared", existing_type=sa.JSON(), nullable=False)
    # Until now a reminder button's check-in was marked only by its text.
    reminder = sa.table(
        "reminder",
        sa.column("id", sa.Integer()),
        sa.column("athlete_id", sa.Integer()),
        sa.column("local_date", sa.Date()),
    )
    answered = (
        sa.select(reminder.c.id)
        .where(
            reminder.c.athlete_id == checkin.c.athlete_id,
            reminder.c.local_date == checkin.c.checkin_date,
        )
        .scalar_subquery()
    )
    op.execute(
        checkin.update()
        .where(checkin.c.raw_text.like("% (reminder button)"))
        .values(source="reminder", reminder_id=answered)
    )

    op.create_table(
        "injury",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("site", sa.String(length=32), nullable=False),
        sa.Column("reported_date", sa.Date(), nullable=False),
        sa.Column("cleared_date", sa.Date(), nullable=True),
        sa.Column("opened_by_checkin_id", sa.Integer(), nullable=True),
        sa.Column("cleared_by_checkin_id", sa.Integer(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.now(),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_injury_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opened_by_checkin_id"],
            ["checkin.id"],
            name=op.f("fk_injury_opened_by_checkin_id_checkin"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cleared_by_checkin_id"],
            ["checkin.id"],
            name=op.f("fk_injury_cleared_by_checkin_id_checkin"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_injury")),
    )
    op.create_index(
        op.f("ix_injury_opened_by_checkin_id"), "injury", ["opened_by_checkin_id"], unique=False
    )
    op.create_index(
        op.f("ix_injury_cleared_by_checkin_id"),
        "injury",
        ["cleared_by_checkin_id"],
        unique=False,
    )
    op.create_index(
        "uq_injury_athlete_id_site_open",
        "injury",
        ["athlete_id", "site"],
        unique=True,
        sqlite_where=sa.text("cleared_date IS NULL"),
        postgresql_where=sa.text("cleared_date IS NULL"),
    )
    _rebuild_injuries(checkin)


def _rebuild_injuries(checkin: sa.TableClause) -> None:
    """Replay the stored check-ins: blocking pain opens a site, "pain gone" clears all."""
    rows = op.get_bind().execute(
        sa.select(
            checkin.c.id,
            checkin.c.athlete_id,
            checkin.c.checkin_date,
            checkin.c.pain,
            checkin.c.pain_cleared,
        ).order_by(checkin.c.athlete_id, checkin.c.checkin_date, checkin.c.id)
    )
    injuries: list[dict[str, object]] = []
    open_now: dict[tuple[int, str], dict[str, object]] = {}
    for checkin_id, athlete_id, on, pain, pain_cleared in rows:
        reported = [site for site in (pain or []) if site in BLOCKING_SITES]
        if pain_cleared:
            for (owner, site), injury in list(open_now.items()):
                if owner == athlete_id and site not in reported:
                    injury.update(cleared_date=on, cleared_by_checkin_id=checkin_id)
                    del open_now[(owner, site)]
        for site in reported:
            if (athlete_id, site) not in open_now:
                injury = {
                    "athlete_id": athlete_id,
                    "site": site,
                    "reported_date": on,
                    "cleared_date": None,
                    "opened_by_checkin_id": checkin_id,
                    "cleared_by_checkin_id": None,
                }
                injuries.append(injury)
                open_now[(athlete_id, site)] = injury
    if injuries:
        table = sa.table(
            "injury",
            *(
                sa.column(name, type_)
                for name, type_ in (
                    ("athlete_id", sa.Integer()),
                    ("site", sa.String()),
                    ("reported_date", sa.Date()),
                    ("cleared_date", sa.Date()),
                    ("opened_by_checkin_id", sa.Integer()),
                    ("cleared_by_checkin_id", sa.Integer()),
                )
            ),
        )
        op.bulk_insert(table, injuries)


def downgrade() -> None:
    op.drop_index("uq_injury_athlete_id_site_open", table_name="injury")
    op.drop_index(op.f("ix_injury_cleared_by_checkin_id"), table_name="injury")
    op.drop_index(op.f("ix_injury_opened_by_checkin_id"), table_name="injury")
    op.drop_table("injury")

    with op.batch_alter_table("checkin") as batch:
        batch.drop_index(op.f("ix_checkin_reminder_id"))
        batch.drop_constraint(op.f("fk_checkin_reminder_id_reminder"), type_="foreignkey")
        for name in (
            "reminder_id",
            "source",
            "distance_km",
            "pack_kg",
            "climb_m",
            "illness",
            "cleared",
        ):
            batch.drop_column(name)

    athlete = sa.table(
        "athlete",
        sa.column("onboarding_step", sa.String()),
        sa.column("awaiting_setting", sa.String()),
        sa.column("timezone", sa.String()),
    )
    op.execute(
        athlete.update()
        .where(athlete.c.onboarding_step.is_(None), athlete.c.awaiting_setting.in_(SETTINGS))
        .values(onboarding_step=sa.literal(EDIT_PREFIX) + athlete.c.awaiting_setting)
    )
    op.execute(athlete.update().where(athlete.c.timezone.is_(None)).values(timezone="UTC"))
    with op.batch_alter_table("athlete") as batch:
        batch.alter_column(
            "timezone",
            existing_type=sa.String(length=64),
            nullable=False,
            server_default="UTC",
        )
        batch.alter_column(
            "onboarding_step",
            existing_type=sa.String(length=32),
            type_=sa.String(length=64),
            existing_nullable=True,
        )
        batch.drop_column("awaiting_rpe_checkin_id")
        batch.drop_column("awaiting_setting")
