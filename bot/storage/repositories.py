"""Repositories: rows in, coach models out. They flush but never commit; the caller does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.columns import utc_now
from bot.storage.records import DialogueState, ReminderRecord, UnansweredQuestion
from bot.storage.tables import (
    AdjustmentRow,
    AthleteRow,
    Base,
    CalendarFeedRow,
    CheckinRow,
    HandledUpdateRow,
    InjuryRow,
    ReminderKind,
    ReminderRow,
    ReminderStatus,
    UnansweredQuestionRow,
)
from coach.adjustments import Adjustment, AdjustmentCause
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin, PainSite, RecordedTrack
from coach.safety import Injury

RowT = TypeVar("RowT", bound=Base)


class UnknownAthlete(LookupError):
    """No athlete has this Telegram user id."""


def _athlete_id(session: Session, user_id: int) -> int:
    athlete_id = session.scalar(
        select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
    )
    if athlete_id is None:
        raise UnknownAthlete(f"no athlete with user id {user_id}")
    return athlete_id


def _upsert(
    session: Session, row_type: type[RowT], keys: Sequence[str], values: dict[str, Any]
) -> RowT:
    """Insert the row or update the one with the same `keys`, atomically on both databases.

    A second replica may write the same row at the same moment; ON CONFLICT settles it in the
    database instead of failing one of them on the unique constraint.
    """
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    changes = {name: value for name, value in values.items() if name not in keys}
    statement = (
        insert(row_type)
        .values(**values)
        .on_conflict_do_update(index_elements=list(keys), set_=changes)
        .returning(row_type)
    )
    return session.scalars(statement, execution_options={"populate_existing": True}).one()


class AthleteRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, user_id: int) -> Athlete | None:
        row = self._session.scalar(
            select(AthleteRow).where(AthleteRow.telegram_user_id == user_id)
        )
        return None if row is None else _athlete(row)

    def save(self, athlete: Athlete) -> Athlete:
        """Insert the athlete, or update the one with the same Telegram user id."""
        values = {
            "telegram_user_id": athlete.user_id,
            "chat_id": athlete.chat_id,
            "display_name": athlete.display_name,
            "timezone": athlete.timezone,
            "reminder_time": athlete.reminder_time,
            "review_time": athlete.review_time,
            "start_date": athlete.start_date,
            "long_hike_day": athlete.long_hike_day,
            "long_hike_day_from_date": athlete.long_hike_day_changed_on,
            "earlier_long_hike_day": athlete.earlier_long_hike_day,
            "experience": athlete.experience,
            "paused": athlete.paused,
            "paused_on_date": athlete.paused_on,
            "active": athlete.active,
            "updated_at": utc_now(),
        }
        return _athlete(_upsert(self._session, AthleteRow, ["telegram_user_id"], values))

    def state(self, user_id: int) -> DialogueState:
        """Where the conversation stands; an unknown athlete is at the very beginning."""
        row = self._session.scalar(
            select(AthleteRow).where(AthleteRow.telegram_user_id == user_id)
        )
        if row is None:
            return DialogueState()
        return DialogueState(
            onboarding=row.onboarding_step,
            awaiting_setting=row.awaiting_setting,
            awaiting_rpe_for=row.awaiting_rpe_checkin_id,
            awaiting_duration_for=row.awaiting_duration_checkin_id,
        )

    def save_state(self, user_id: int, state: DialogueState) -> None:
        """Store the conversation state of an athlete who exists."""
        self._session.execute(
            update(AthleteRow)
            .where(AthleteRow.telegram_user_id == user_id)
            .values(
                onboarding_step=state.onboarding,
                awaiting_setting=state.awaiting_setting,
                awaiting_rpe_checkin_id=state.awaiting_rpe_for,
                awaiting_duration_checkin_id=state.awaiting_duration_for,
                updated_at=utc_now(),
            )
        )

    def mark_inactive(self, *, user_id: int | None = None, chat_id: int | None = None) -> bool:
        """Stop writing to an athlete who blocked the bot; False when no one matched."""
        if (user_id is None) == (chat_id is None):
            raise ValueError("give exactly one of user_id and chat_id")
        where = (
            AthleteRow.telegram_user_id == user_id
            if user_id is not None
            else AthleteRow.chat_id == chat_id
        )
        result = self._session.execute(
            update(AthleteRow).where(where).values(active=False, updated_at=utc_now())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def count_by_start(self) -> list[tuple[dt.date | None, bool, bool, int]]:
        """How many athletes share each (start date, paused, active): a few hundred rows at
        most, however many athletes there are."""
        keys = (AthleteRow.start_date, AthleteRow.paused, AthleteRow.active)
        rows = self._session.execute(select(*keys, func.count()).group_by(*keys))
        return [(start, bool(paused), bool(active), int(n)) for start, paused, active, n in rows]

    def forget(self, user_id: int) -> int:
        """Delete the athlete and every row about them; the number of rows removed, 0 if none."""
        athlete_id = self._session.scalar(
            select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        )
        if athlete_id is None:
            return 0
        owned = (
            CheckinRow,
            AdjustmentRow,
            InjuryRow,
            ReminderRow,
            UnansweredQuestionRow,
            CalendarFeedRow,
        )
        rows = 1 + sum(
            self._session.scalar(
                select(func.count()).select_from(table).where(table.athlete_id == athlete_id)
            )
            or 0
            for table in owned
        )
        # The database's ON DELETE CASCADE removes the rest in the same statement.
        self._session.execute(delete(AthleteRow).where(AthleteRow.id == athlete_id))
        return rows


class CheckinRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, user_id: int, checkin: LoggedCheckin) -> LoggedCheckin:
        """Store a new check-in; the result carries its id and created_at."""
        row = CheckinRow(athlete_id=_athlete_id(self._session, user_id))
        _copy_checkin(checkin, row)
        if checkin.created_at is not None:
            row.created_at = checkin.created_at
        self._session.add(row)
        self._session.flush()
        return _checkin(row)

    def get(self, user_id: int, checkin_id: int) -> LoggedCheckin | None:
        row = self._row(user_id, checkin_id)
        return None if row is None else _checkin(row)

    def for_reminder(self, user_id: int, reminder_id: int) -> LoggedCheckin | None:
        """The check-in that answered one of the athlete's reminders, if any."""
        statement = self._of(user_id).where(CheckinRow.reminder_id == reminder_id).limit(1)
        row = self._session.scalar(statement)
        return None if row is None else _checkin(row)

    def tracks_since(self, user_id: int, first: dt.date) -> list[tuple[dt.date, RecordedTrack]]:
        """The activity files logged from `first` on, with the day each was logged for."""
        statement = self._of(user_id).where(
            CheckinRow.checkin_date >= first, CheckinRow.track_fingerprint.is_not(None)
        )
        found = []
        for row in self._session.scalars(statement.order_by(CheckinRow.id)):
            track = _track(row)
            if track is not None:
                found.append((row.checkin_date, track))
        return found

    def latest(self, user_id: int) -> LoggedCheckin | None:
        """The check-in received last."""
        statement = self._of(user_id).order_by(CheckinRow.id.desc()).limit(1)
        row = self._session.scalar(statement)
        return None if row is None else _checkin(row)

    def list_between(self, user_id: int, first: dt.date, last: dt.date) -> list[LoggedCheckin]:
        """Check-ins for days from `first` to `last` inclusive, by day then arrival."""
        statement = self._of(user_id).where(CheckinRow.checkin_date.between(first, last))
        return self._ordered(statement)

    def list_since(self, user_id: int, first: dt.date) -> list[LoggedCheckin]:
        """Check-ins for `first` and every day after it, by day then arrival."""
        return self._ordered(self._of(user_id).where(CheckinRow.checkin_date >= first))

    def update(self, user_id: int, checkin: LoggedCheckin) -> LoggedCheckin:
        """Overwrite a stored check-in with `checkin` (matched by its id)."""
        row = None if checkin.id is None else self._row(user_id, checkin.id)
        if row is None:
            raise LookupError(f"no check-in {checkin.id} for user id {user_id}")
        _copy_checkin(checkin, row)
        self._session.flush()
        return _checkin(row)

    def delete(self, user_id: int, checkin_id: int) -> bool:
        """Delete a check-in and, through the cascade, the adjustments it caused."""
        athlete = select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        result = self._session.execute(
            delete(CheckinRow).where(
                CheckinRow.id == checkin_id, CheckinRow.athlete_id == athlete.scalar_subquery()
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def count_between(self, first: dt.date, last: dt.date) -> int:
        """Check-ins of every athlete for days from `first` to `last` inclusive."""
        statement = (
            select(func.count())
            .select_from(CheckinRow)
            .where(CheckinRow.checkin_date.between(first, last))
        )
        return int(self._session.scalar(statement) or 0)

    def _of(self, user_id: int) -> Select[CheckinRow]:
        return (
            select(CheckinRow)
            .join(AthleteRow, CheckinRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
        )

    def _row(self, user_id: int, checkin_id: int) -> CheckinRow | None:
        return self._session.scalar(self._of(user_id).where(CheckinRow.id == checkin_id))

    def _ordered(self, statement: Select[CheckinRow]) -> list[LoggedCheckin]:
        rows = self._session.scalars(statement.order_by(CheckinRow.checkin_date, CheckinRow.id))
        return [_checkin(row) for row in rows]


class AdjustmentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def replace_for_checkin(
        self,
        user_id: int,
        checkin_id: int,
        adjustments: Sequence[Adjustment],
        from_date: dt.date = dt.date.min,
    ) -> list[Adjustment]:
        """Make `adjustments` the set caused by one check-in for `from_date` and later; the
        ones it made for days before `from_date` stay, as what was planned then."""
        athlete_id = _athlete_id(self._session, user_id)
        self._session.execute(
            delete(AdjustmentRow).where(
                AdjustmentRow.athlete_id == athlete_id,
                AdjustmentRow.checkin_id == checkin_id,
                AdjustmentRow.session_date >= from_date,
            )
        )
        return [
            self._add(
                athlete_id,
                adjustment.model_copy(
                    update={"checkin_id": checkin_id, "cause": AdjustmentCause.CHECKIN}
                ),
            )
            for adjustment in adjustments
            if adjustment.session_date >= from_date
        ]

    def add_move(self, user_id: int, move: Adjustment) -> Adjustment:
        """Store a move the athlete asked for."""
        if move.cause is not AdjustmentCause.MOVE:
            raise ValueError("only a move is stored this way")
        return self._add(_athlete_id(self._session, user_id), move)

    def latest_move(self, user_id: int) -> Adjustment | None:
        """The move made last."""
        statement = (
            self._of(user_id)
            .where(AdjustmentRow.cause == AdjustmentCause.MOVE)
            .order_by(AdjustmentRow.id.desc())
            .limit(1)
        )
        row = self._session.scalar(statement)
        return None if row is None else _adjustment(row)

    def delete_move(self, user_id: int, move_id: int) -> bool:
        athlete = select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        result = self._session.execute(
            delete(AdjustmentRow).where(
                AdjustmentRow.id == move_id,
                AdjustmentRow.cause == AdjustmentCause.MOVE,
                AdjustmentRow.athlete_id == athlete.scalar_subquery(),
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def list_between(self, user_id: int, first: dt.date, last: dt.date) -> list[Adjustment]:
        """Adjustments for days from `first` to `last` inclusive (a move when either of its
        days is), by day, then in the order they were made."""
        statement = (
            self._of(user_id)
            .where(
                or_(
                    AdjustmentRow.session_date.between(first, last),
                    AdjustmentRow.moved_to_date.between(first, last),
                )
            )
            .order_by(AdjustmentRow.session_date, AdjustmentRow.id)
        )
        return [_adjustment(row) for row in self._session.scalars(statement)]

    def _add(self, athlete_id: int, adjustment: Adjustment) -> Adjustment:
        row = AdjustmentRow(
            athlete_id=athlete_id,
            cause=adjustment.cause,
            checkin_id=adjustment.checkin_id,
            session_date=adjustment.session_date,
            moved_to_date=adjustment.moved_to,
            from_kind=adjustment.from_kind,
            to_kind=adjustment.to_kind,
            minutes_min=adjustment.minutes_min,
            minutes_max=adjustment.minutes_max,
            title=adjustment.title,
            details=adjustment.details,
            reason=adjustment.reason,
            created_at=utc_now(),
        )
        self._session.add(row)
        self._session.flush()
        return _adjustment(row)

    def _of(self, user_id: int) -> Select[AdjustmentRow]:
        return (
            select(AdjustmentRow)
            .join(AthleteRow, AdjustmentRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
        )


class InjuryRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def open(self, user_id: int) -> list[Injury]:
        """The athlete's open injuries, oldest first."""
        statement = self._of(user_id).where(InjuryRow.cleared_date.is_(None))
        return [_injury(row) for row in self._session.scalars(statement.order_by(InjuryRow.id))]

    def history(self, user_id: int) -> list[Injury]:
        """Every injury the athlete has had, open or cleared, oldest first."""
        statement = self._of(user_id).order_by(InjuryRow.id)
        return [_injury(row) for row in self._session.scalars(statement)]

    def report(self, user_id: int, site: PainSite, on: dt.date, checkin_id: int) -> Injury:
        """Open an injury at `site`, reported on `on` by check-in `checkin_id`."""
        row = InjuryRow(
            athlete_id=_athlete_id(self._session, user_id),
            site=site,
            reported_date=on,
            opened_by_checkin_id=checkin_id,
        )
        self._session.add(row)
        self._session.flush()
        return _injury(row)

    def clear(self, user_id: int, site: PainSite, on: dt.date, checkin_id: int) -> bool:
        """Close the open injury at `site`; False when none was open."""
        athlete = select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        result = self._session.execute(
            update(InjuryRow)
            .where(
                InjuryRow.athlete_id == athlete.scalar_subquery(),
                InjuryRow.site == site,
                InjuryRow.cleared_date.is_(None),
            )
            .values(cleared_date=on, cleared_by_checkin_id=checkin_id)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def reopen_cleared_by(self, user_id: int, checkin_id: int) -> list[PainSite]:
        """Open again the injuries check-in `checkin_id` cleared, as if it had never come.

        Where the same site has been reported again since, the earlier injury is the one that
        stays open, with its earlier date.
        """
        rows = list(
            self._session.scalars(
                self._of(user_id).where(InjuryRow.cleared_by_checkin_id == checkin_id)
            )
        )
        for row in rows:
            self._session.execute(
                delete(InjuryRow).where(
                    InjuryRow.athlete_id == row.athlete_id,
                    InjuryRow.site == row.site,
                    InjuryRow.cleared_date.is_(None),
                )
            )
            row.cleared_date = None
            row.cleared_by_checkin_id = None
        self._session.flush()
        return [row.site for row in rows]

    def _of(self, user_id: int) -> Select[InjuryRow]:
        return (
            select(InjuryRow)
            .join(AthleteRow, InjuryRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
        )


class ReminderRepository:
    """The reminder rows as the conversation sees them; the tick has its own store."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def history(self, user_id: int) -> list[ReminderRecord]:
        """Every reminder claimed for the athlete, by day."""
        statement = (
            select(ReminderRow)
            .join(AthleteRow, ReminderRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
            .order_by(ReminderRow.local_date, ReminderRow.id)
        )
        return [
            ReminderRecord(
                local_date=row.local_date,
                status=row.status,
                due_at=row.due_at,
                sent_at=row.sent_at,
                late=row.late,
            )
            for row in self._session.scalars(statement)
        ]

    def session_reminder_sent(self, user_id: int, local_date: dt.date) -> bool:
        """Whether the athlete was sent the reminder of that day's session."""
        statement = (
            select(ReminderRow.id)
            .join(AthleteRow, ReminderRow.athlete_id == AthleteRow.id)
            .where(
                AthleteRow.telegram_user_id == user_id,
                ReminderRow.local_date == local_date,
                ReminderRow.kind == ReminderKind.SESSION,
                ReminderRow.status == ReminderStatus.SENT,
            )
        )
        return self._session.scalar(statement) is not None

    def local_date(self, user_id: int, reminder_id: int) -> dt.date | None:
        """The local date of one of this athlete's reminders; the row is locked where the
        database can, so two presses on the same reminder are answered one after the other."""
        statement = (
            select(ReminderRow.local_date)
            .join(AthleteRow, ReminderRow.athlete_id == AthleteRow.id)
            .where(ReminderRow.id == reminder_id, AthleteRow.telegram_user_id == user_id)
            .with_for_update(of=ReminderRow)
        )
        return self._session.scalar(statement)

    def counts_due_between(
        self, first: dt.datetime, last: dt.datetime
    ) -> list[tuple[ReminderKind, ReminderStatus, bool, int]]:
        """How many reminder rows due from `first` (inclusive) to `last` (exclusive) there are
        by kind, status and lateness."""
        keys = (ReminderRow.kind, ReminderRow.status, ReminderRow.late)
        rows = self._session.execute(
            select(*keys, func.count())
            .where(ReminderRow.due_at >= first, ReminderRow.due_at < last)
            .group_by(*keys)
        )
        return [(kind, status, bool(late), int(n)) for kind, status, late, n in rows]


class HandledUpdateRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def claim(self, update_id: int, at: dt.datetime) -> bool:
        """Record that update `update_id` is being handled; False when it was already. Another
        transaction claiming the same id at the same moment waits for this one to end."""
        dialect = self._session.get_bind().dialect.name
        insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
        statement = (
            insert(HandledUpdateRow)
            .values(update_id=update_id, handled_at=at)
            .on_conflict_do_nothing(index_elements=["update_id"])
            .returning(HandledUpdateRow.update_id)
        )
        return self._session.scalar(statement) is not None

    def forget_before(self, before: dt.datetime) -> int:
        """Drop the records of updates handled before `before`; how many went."""
        result = self._session.execute(
            delete(HandledUpdateRow).where(HandledUpdateRow.handled_at < before)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]


class CalendarFeedRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def set(self, user_id: int, token_digest: str) -> None:
        """Give the athlete a feed with this token digest, replacing any earlier one."""
        athlete_id = _athlete_id(self._session, user_id)
        self._session.execute(
            delete(CalendarFeedRow).where(CalendarFeedRow.athlete_id == athlete_id)
        )
        self._session.add(CalendarFeedRow(athlete_id=athlete_id, token_digest=token_digest))
        self._session.flush()

    def owner(self, token_digest: str) -> int | None:
        """The user id whose feed has this token digest."""
        return self._session.scalar(
            select(AthleteRow.telegram_user_id)
            .join(CalendarFeedRow, CalendarFeedRow.athlete_id == AthleteRow.id)
            .where(CalendarFeedRow.token_digest == token_digest)
        )

    def revoke(self, user_id: int) -> bool:
        """Delete the athlete's feed; False when they had none."""
        athlete = select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        result = self._session.execute(
            delete(CalendarFeedRow).where(CalendarFeedRow.athlete_id == athlete.scalar_subquery())
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]


class UnansweredQuestionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, text: str, score: float, *, user_id: int | None = None) -> UnansweredQuestion:
        """Keep a question. An unknown user id (not onboarded yet) is stored as no athlete."""
        athlete_id = None
        if user_id is not None:
            athlete_id = self._session.scalar(
                select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
            )
        row = UnansweredQuestionRow(athlete_id=athlete_id, text=text, score=score)
        self._session.add(row)
        self._session.flush()
        return UnansweredQuestion(
            id=row.id,
            user_id=user_id if athlete_id is not None else None,
            text=row.text,
            score=row.score,
            created_at=row.created_at,
        )

    def asked_by(self, user_id: int) -> list[UnansweredQuestion]:
        """The questions one athlete asked that were declined, oldest first."""
        statement = (
            select(UnansweredQuestionRow)
            .join(AthleteRow, UnansweredQuestionRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
            .order_by(UnansweredQuestionRow.id)
        )
        return [
            UnansweredQuestion(
                id=row.id,
                user_id=user_id,
                text=row.text,
                score=row.score,
                created_at=row.created_at,
            )
            for row in self._session.scalars(statement)
        ]

    def count(self) -> int:
        return int(
            self._session.scalar(select(func.count()).select_from(UnansweredQuestionRow)) or 0
        )

    def list_recent(self, limit: int = 50) -> list[UnansweredQuestion]:
        """The newest questions first."""
        statement = (
            select(UnansweredQuestionRow, AthleteRow.telegram_user_id)
            .outerjoin(AthleteRow, UnansweredQuestionRow.athlete_id == AthleteRow.id)
            .order_by(UnansweredQuestionRow.created_at.desc(), UnansweredQuestionRow.id.desc())
            .limit(limit)
        )
        return [
            UnansweredQuestion(
                id=row.id,
                user_id=user_id,
                text=row.text,
                score=row.score,
                created_at=row.created_at,
            )
            for row, user_id in self._session.execute(statement)
        ]


def _athlete(row: AthleteRow) -> Athlete:
    return Athlete(
        user_id=row.telegram_user_id,
        chat_id=row.chat_id,
        display_name=row.display_name,
        timezone=row.timezone,
        reminder_time=row.reminder_time,
        review_time=row.review_time,
        start_date=row.start_date,
        long_hike_day=row.long_hike_day,
        long_hike_day_changed_on=row.long_hike_day_from_date,
        earlier_long_hike_day=row.earlier_long_hike_day,
        experience=row.experience,
        paused=row.paused,
        paused_on=row.paused_on_date,
        active=row.active,
    )


def _copy_checkin(checkin: LoggedCheckin, row: CheckinRow) -> None:
    row.raw_text = checkin.raw_text
    row.checkin_date = checkin.date
    row.activity = checkin.activity
    row.duration_min = checkin.duration_min
    row.rpe = checkin.rpe
    row.rpe_estimated = checkin.rpe_estimated
    row.hard = checkin.hard
    row.pain = [site.value for site in checkin.pain]
    row.skipped = checkin.skipped
    row.pain_cleared = checkin.pain_cleared
    row.cleared = [site.value for site in checkin.cleared]
    row.illness = checkin.illness
    row.climb_m = checkin.climb_m
    row.pack_kg = checkin.pack_kg
    row.distance_km = checkin.distance_km
    row.session_load = checkin.load
    row.source = checkin.source
    row.reminder_id = checkin.reminder_id
    track = checkin.track
    row.track_fingerprint = track.fingerprint if track else None
    row.track_started_at = track.started_at if track else None
    row.track_ended_at = track.ended_at if track else None
    row.moving_min = track.moving_min if track else None


def _checkin(row: CheckinRow) -> LoggedCheckin:
    return LoggedCheckin(
        id=row.id,
        raw_text=row.raw_text,
        date=row.checkin_date,
        activity=row.activity,
        duration_min=row.duration_min,
        rpe=row.rpe,
        rpe_estimated=row.rpe_estimated,
        hard=row.hard,
        pain=[PainSite(site) for site in row.pain],
        skipped=row.skipped,
        pain_cleared=row.pain_cleared,
        cleared=[PainSite(site) for site in row.cleared],
        illness=row.illness,
        climb_m=row.climb_m,
        pack_kg=row.pack_kg,
        distance_km=row.distance_km,
        load=row.session_load,
        source=row.source,
        reminder_id=row.reminder_id,
        track=_track(row),
        created_at=row.created_at,
    )


def _track(row: CheckinRow) -> RecordedTrack | None:
    if (
        row.track_fingerprint is None
        or row.track_started_at is None
        or row.track_ended_at is None
        or row.moving_min is None
    ):
        return None
    return RecordedTrack(
        fingerprint=row.track_fingerprint,
        started_at=row.track_started_at,
        ended_at=row.track_ended_at,
        moving_min=row.moving_min,
    )


def _injury(row: InjuryRow) -> Injury:
    return Injury(
        id=row.id,
        site=row.site,
        reported_on=row.reported_date,
        cleared_on=row.cleared_date,
        opened_by=row.opened_by_checkin_id,
    )


def _adjustment(row: AdjustmentRow) -> Adjustment:
    return Adjustment(
        id=row.id,
        cause=row.cause,
        moved_to=row.moved_to_date,
        created_at=row.created_at,
        session_date=row.session_date,
        from_kind=row.from_kind,
        to_kind=row.to_kind,
        minutes_min=row.minutes_min,
        minutes_max=row.minutes_max,
        title=row.title,
        details=row.details,
        reason=row.reason,
        checkin_id=row.checkin_id,
    )
