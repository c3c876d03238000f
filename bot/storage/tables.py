"""The tables: one typed SQLAlchemy model per table, on one `Base`."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Enum,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, mapped_column

from bot.storage.columns import UTCDateTime, utc_now
from bot.storage.records import ReminderKind, ReminderStatus, Setting
from coach.adjustments import AdjustmentCause
from coach.athletes import REVIEW_TIME, Experience
from coach.checkins import Activity, CheckinSource, PainSite
from coach.schedule import Weekday
from coach.sessions import SessionKind

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _string_enum(enum: type[StrEnum]) -> Enum:
    # Stored as the plain value in a VARCHAR with no CHECK constraint, so a new member in the
    # coach needs no migration and both databases hold exactly the same text.
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=32,
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dt.datetime: UTCDateTime()}


def _created_at() -> MappedColumn[Any]:
    return mapped_column(default=utc_now, server_default=func.now())


def _athlete_fk(*, nullable: bool = False) -> MappedColumn[Any]:
    return mapped_column(ForeignKey("athlete.id", ondelete="CASCADE"), nullable=nullable)


class AthleteRow(Base):
    __tablename__ = "athlete"
    __table_args__ = (
        Index("ix_athlete_active_paused", "active", "paused"),
        # The reminder tick looks athletes up per time zone and band of reminder times.
        Index("ix_athlete_timezone_reminder_time", "timezone", "reminder_time"),
        Index("ix_athlete_timezone_review_time", "timezone", "review_time"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_user_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    display_name: Mapped[str] = mapped_column(String(256), default="", server_default="")
    # Null until the athlete chooses one: reminders wait for a zone they picked themselves.
    timezone: Mapped[str | None] = mapped_column(String(64))
    reminder_time: Mapped[dt.time | None]
    # The weekly review's local time (null: off); written by the application, so that both
    # databases store it in their own time format.
    review_time: Mapped[dt.time | None] = mapped_column(default=REVIEW_TIME)
    start_date: Mapped[dt.date | None]
    # Null until chosen (the guide's Saturday holds). A change made mid-programme takes effect
    # on long_hike_day_from_date; the days before it keep earlier_long_hike_day.
    long_hike_day: Mapped[Weekday | None] = mapped_column(_string_enum(Weekday))
    long_hike_day_from_date: Mapped[dt.date | None]
    earlier_long_hike_day: Mapped[Weekday | None] = mapped_column(_string_enum(Weekday))
    experience: Mapped[Experience | None] = mapped_column(_string_enum(Experience))
    paused: Mapped[bool] = mapped_column(default=False, server_default=false())
    paused_on_date: Mapped[dt.date | None]
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    # The onboarding question being asked (null: not onboarding), and apart from it what the
    # coach waits for: a typed value for one setting, or an RPE or a duration for one check-in.
    onboarding_step: Mapped[Setting | None] = mapped_column(_string_enum(Setting))
    awaiting_setting: Mapped[Setting | None] = mapped_column(_string_enum(Setting))
    awaiting_rpe_checkin_id: Mapped[int | None]
    awaiting_duration_checkin_id: Mapped[int | None]
    created_at: Mapped[dt.datetime] = _created_at()
    updated_at: Mapped[dt.datetime] = mapped_column(
        default=utc_now, onupdate=utc_now, server_default=func.now()
    )


class CheckinRow(Base):
    __tablename__ = "checkin"
    __table_args__ = (Index("ix_checkin_athlete_id_checkin_date", "athlete_id", "checkin_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    raw_text: Mapped[str] = mapped_column(Text)
    checkin_date: Mapped[dt.date]
    activity: Mapped[Activity | None] = mapped_column(_string_enum(Activity))
    duration_min: Mapped[int | None]
    rpe: Mapped[int | None]
    rpe_estimated: Mapped[bool] = mapped_column(default=False, server_default=false())
    hard: Mapped[bool] = mapped_column(default=False, server_default=false())
    pain: Mapped[list[str]] = mapped_column(JSON, default=list)
    skipped: Mapped[bool] = mapped_column(default=False, server_default=false())
    pain_cleared: Mapped[bool] = mapped_column(default=False, server_default=false())
    cleared: Mapped[list[str]] = mapped_column(JSON, default=list)
    illness: Mapped[bool] = mapped_column(default=False, server_default=false())
    climb_m: Mapped[int | None]
    pack_kg: Mapped[float | None]
    distance_km: Mapped[float | None]
    session_load: Mapped[int | None]
    source: Mapped[CheckinSource] = mapped_column(
        _string_enum(CheckinSource), default=CheckinSource.TEXT, server_default="text"
    )
    # The reminder a button answered; the check-in is that day's answer to it.
    reminder_id: Mapped[int | None] = mapped_column(
        ForeignKey("reminder.id", ondelete="SET NULL"), index=True
    )
    # From an activity file: its fingerprint and span (the same activity is logged once) and
    # the time spent moving.
    track_fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)
    track_started_at: Mapped[dt.datetime | None]
    track_ended_at: Mapped[dt.datetime | None]
    moving_min: Mapped[int | None]
    created_at: Mapped[dt.datetime] = _created_at()


class InjuryRow(Base):
    """A blocking pain, open from the day it was reported until the athlete says it has gone."""

    __tablename__ = "injury"
    __table_args__ = (
        # One open injury per site: a second report of the same pain keeps the first date.
        Index(
            "uq_injury_athlete_id_site_open",
            "athlete_id",
            "site",
            unique=True,
            sqlite_where=text("cleared_date IS NULL"),
            postgresql_where=text("cleared_date IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    site: Mapped[PainSite] = mapped_column(_string_enum(PainSite))
    reported_date: Mapped[dt.date]
    cleared_date: Mapped[dt.date | None]
    # Undoing the check-in that reported it removes the injury; undoing the one that cleared it
    # opens it again (done by the service, which also clears cleared_date).
    opened_by_checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    cleared_by_checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[dt.datetime] = _created_at()


class AdjustmentRow(Base):
    __tablename__ = "adjustment"
    # Several may concern one day (a hard Saturday and a hard Sunday, a move): the coach
    # composes them, and each goes with its own cause.
    __table_args__ = (
        Index("ix_adjustment_athlete_id_session_date", "athlete_id", "session_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    cause: Mapped[AdjustmentCause] = mapped_column(
        _string_enum(AdjustmentCause),
        default=AdjustmentCause.CHECKIN,
        server_default=AdjustmentCause.CHECKIN.value,
    )
    # For a check-in's adjustment: deleting or correcting the check-in takes it back.
    checkin_id: Mapped[int | None] = mapped_column(
        ForeignKey("checkin.id", ondelete="CASCADE"), index=True
    )
    session_date: Mapped[dt.date]
    # For a move: the day the session of session_date swapped with.
    moved_to_date: Mapped[dt.date | None]
    from_kind: Mapped[SessionKind] = mapped_column(_string_enum(SessionKind))
    to_kind: Mapped[SessionKind] = mapped_column(_string_enum(SessionKind))
    minutes_min: Mapped[int | None]
    minutes_max: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(200))
    details: Mapped[str] = mapped_column(Text, default="", server_default="")
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = _created_at()


class ReminderRow(Base):
    __tablename__ = "reminder"
    # The unique key is what makes "never twice a day" enforceable across replicas.
    __table_args__ = (
        UniqueConstraint("athlete_id", "local_date", "kind"),
        Index("ix_reminder_status_due_at", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _athlete_fk()
    local_date: Mapped[dt.date]
    kind: Mapped[ReminderKind] = mapped_column(
        _string_enum(ReminderKind), default=ReminderKind.SESSION, server_default="session"
    )
    status: Mapped[ReminderStatus] = mapped_column(
        _string_enum(ReminderStatus), default=ReminderStatus.PENDING, server_default="pending"
    )
    due_at: Mapped[dt.datetime]
    claimed_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    late: Mapped[bool] = mapped_column(default=False, server_default=false())
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(Text)


class UnansweredQuestionRow(Base):
    __tablename__ = "unanswered_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Null for questions asked from the command line rather than by an athlete.
    athlete_id: Mapped[int | None] = _athlete_fk(nullable=True)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float]
    created_at: Mapped[dt.datetime] = _created_at()


class HandledUpdateRow(Base):
    """A Telegram update already handled, so that one delivered twice (a webhook retry, or a
    retry landing on another replica) changes nothing the second time. Kept for a few days."""

    __tablename__ = "handled_update"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    handled_at: Mapped[dt.datetime] = mapped_column(default=utc_now, index=True)


class CalendarFeedRow(Base):
    """An athlete's private calendar subscription: the digest of its secret token, never the
    token itself. Revoking deletes the row."""

    __tablename__ = "calendar_feed"

    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athlete.id", ondelete="CASCADE"), primary_key=True
    )
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = _created_at()
