"""Repositories: rows in, coach models out. They flush but never commit; the caller does."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.storage.columns import utc_now
from bot.storage.records import UnansweredQuestion
from bot.storage.tables import (
    AdjustmentRow,
    AthleteRow,
    Base,
    CheckinRow,
    ReminderRow,
    UnansweredQuestionRow,
)
from coach.adjustments import Adjustment
from coach.athletes import Athlete
from coach.checkins import LoggedCheckin, PainSite

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
            "start_date": athlete.start_date,
            "experience": athlete.experience,
            "paused": athlete.paused,
            "paused_on_date": athlete.paused_on,
            "active": athlete.active,
            "onboarding_step": athlete.onboarding_step,
            "updated_at": utc_now(),
        }
        return _athlete(_upsert(self._session, AthleteRow, ["telegram_user_id"], values))

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

    def forget(self, user_id: int) -> int:
        """Delete the athlete and every row about them; the number of rows removed, 0 if none."""
        athlete_id = self._session.scalar(
            select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        )
        if athlete_id is None:
            return 0
        owned = (CheckinRow, AdjustmentRow, ReminderRow, UnansweredQuestionRow)
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

    def delete_everything(self, user_id: int) -> bool:
        """Delete the athlete and everything about them; False when there was no such athlete."""
        return self.forget(user_id) > 0


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

    def upsert(self, user_id: int, adjustment: Adjustment) -> Adjustment:
        """Store the adjustment, replacing any other one for the same day."""
        athlete_id = _athlete_id(self._session, user_id)
        return self._upsert(athlete_id, adjustment)

    def replace_for_checkin(
        self, user_id: int, checkin_id: int, adjustments: Sequence[Adjustment]
    ) -> list[Adjustment]:
        """Make `adjustments` the whole set caused by one check-in; earlier ones are dropped."""
        athlete_id = _athlete_id(self._session, user_id)
        self._session.execute(
            delete(AdjustmentRow).where(
                AdjustmentRow.athlete_id == athlete_id, AdjustmentRow.checkin_id == checkin_id
            )
        )
        return [
            self._upsert(athlete_id, adjustment.model_copy(update={"checkin_id": checkin_id}))
            for adjustment in adjustments
        ]

    def get(self, user_id: int, session_date: dt.date) -> Adjustment | None:
        row = self._session.scalar(
            self._of(user_id).where(AdjustmentRow.session_date == session_date)
        )
        return None if row is None else _adjustment(row)

    def list_between(self, user_id: int, first: dt.date, last: dt.date) -> list[Adjustment]:
        """Adjustments for days from `first` to `last` inclusive, by day."""
        statement = (
            self._of(user_id)
            .where(AdjustmentRow.session_date.between(first, last))
            .order_by(AdjustmentRow.session_date)
        )
        return [_adjustment(row) for row in self._session.scalars(statement)]

    def delete(self, user_id: int, session_date: dt.date) -> bool:
        athlete = select(AthleteRow.id).where(AthleteRow.telegram_user_id == user_id)
        result = self._session.execute(
            delete(AdjustmentRow).where(
                AdjustmentRow.athlete_id == athlete.scalar_subquery(),
                AdjustmentRow.session_date == session_date,
            )
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    def _upsert(self, athlete_id: int, adjustment: Adjustment) -> Adjustment:
        values = {
            "athlete_id": athlete_id,
            "session_date": adjustment.session_date,
            "checkin_id": adjustment.checkin_id,
            "from_kind": adjustment.from_kind,
            "to_kind": adjustment.to_kind,
            "minutes_min": adjustment.minutes_min,
            "minutes_max": adjustment.minutes_max,
            "title": adjustment.title,
            "details": adjustment.details,
            "reason": adjustment.reason,
            "created_at": utc_now(),
        }
        row = _upsert(self._session, AdjustmentRow, ["athlete_id", "session_date"], values)
        return _adjustment(row)

    def _of(self, user_id: int) -> Select[AdjustmentRow]:
        return (
            select(AdjustmentRow)
            .join(AthleteRow, AdjustmentRow.athlete_id == AthleteRow.id)
            .where(AthleteRow.telegram_user_id == user_id)
        )


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
        start_date=row.start_date,
        experience=row.experience,
        paused=row.paused,
        paused_on=row.paused_on_date,
        active=row.active,
        onboarding_step=row.onboarding_step,
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
    row.session_load = checkin.load


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
        load=row.session_load,
        created_at=row.created_at,
    )


def _adjustment(row: AdjustmentRow) -> Adjustment:
    return Adjustment(
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
