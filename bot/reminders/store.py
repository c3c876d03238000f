"""The reminder rows: who is due, claiming them once, and what became of each send.

The database is the source of truth. A claim is a row in `reminder`, unique per athlete and
local date, committed before anything is sent: two tickers (or a restarted one) can race for
the same athlete and only one insert wins, so nobody is reminded twice on one day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Integer,
    Select,
    String,
    Time,
    bindparam,
    cast,
    column,
    exists,
    func,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session as DbSession

from bot.reminders.schedule import (
    Timing,
    ZoneWindow,
    due_instant,
    loadable,
    timing,
    zone_windows,
)
from bot.services.reminders import ReminderContent, reminder_content
from bot.services.unit_of_work import UnitOfWork
from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository
from bot.storage.tables import AthleteRow, ReminderRow, ReminderStatus

# A claim still pending this long after it was made was lost to a crash mid-send.
UNCONFIRMED_AFTER = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class DueAthlete:
    athlete_id: int
    user_id: int
    chat_id: int
    zone: str
    reminder_time: dt.time
    local_date: dt.date


@dataclass(frozen=True)
class Claim:
    """A reminder row this ticker won and must now send."""

    reminder_id: int
    athlete_id: int
    user_id: int
    chat_id: int
    local_date: dt.date
    late: bool


@dataclass(frozen=True)
class ClaimRound:
    to_send: list[Claim]
    found: int  # due athletes the query returned
    written: int  # rows inserted, including the missed ones recorded as skipped


def due_query(dialect: str) -> Select[Any]:
    """Active, unpaused athletes with a start date, a time zone and a reminder time (however
    they were set), whose reminder time has come today in their zone and who have no reminder
    row for that local date yet. Bind `zones` with `zones_param`.

    Local time is worked out once per zone in Python and joined in as one JSON parameter, so
    the database compares plain columns, never converts a time zone per athlete, and the
    statement stays the same from tick to tick (compiled once, then cached).
    """
    zone = _zone_table(dialect)
    reminded = exists().where(
        ReminderRow.athlete_id == AthleteRow.id, ReminderRow.local_date == zone.c.local_date
    )
    return (
        select(
            AthleteRow.id,
            AthleteRow.telegram_user_id,
            AthleteRow.chat_id,
            AthleteRow.timezone,
            AthleteRow.reminder_time,
            zone.c.local_date,
        )
        .join(zone, AthleteRow.timezone == zone.c.name)
        .where(
            AthleteRow.active.is_(True),
            AthleteRow.paused.is_(False),
            AthleteRow.reminder_time.between(zone.c.earliest, zone.c.latest),
            # Nothing to say before the eve of the start date.
            AthleteRow.start_date <= zone.c.tomorrow,
            ~reminded,
        )
        .limit(bindparam("limit", type_=Integer))
    )


def zones_param(windows: Sequence[ZoneWindow]) -> str:
    """The zone windows as the JSON the due query reads; dates and times written the way
    SQLite stores them, which PostgreSQL parses too."""
    return json.dumps(
        [
            {
                "name": w.zone,
                "local_date": w.local_date.isoformat(),
                "tomorrow": w.tomorrow.isoformat(),
                "earliest": w.earliest.strftime(_TIME_FORMAT),
                "latest": w.latest.strftime(_TIME_FORMAT),
            }
            for w in windows
        ]
    )


_TIME_FORMAT = "%H:%M:%S.%f"
_ZONE_COLUMNS = (
    ("name", String()),
    ("local_date", Date()),
    ("tomorrow", Date()),
    ("earliest", Time()),
    ("latest", Time()),
)


def _zone_table(dialect: str) -> Any:
    zones = bindparam("zones", type_=String)
    if dialect == "postgresql":
        return (
            func.json_to_recordset(cast(zones, JSON))
            .table_valued(*(column(name, type_) for name, type_ in _ZONE_COLUMNS))
            .render_derived(name="zone", with_types=True)
        )
    each = func.json_each(zones).table_valued("value")
    # MATERIALIZED: parse the JSON once, not once per athlete row.
    return (
        select(
            *(
                type_coerce(func.json_extract(each.c.value, f"$.{name}"), type_).label(name)
                for name, type_ in _ZONE_COLUMNS
            )
        )
        .cte("zone")
        .prefix_with("MATERIALIZED")
    )


class ReminderStore:
    """Reads and writes reminder rows. Blocking: the async tick calls it in a worker thread."""

    def __init__(self, database: Database, grace: dt.timedelta) -> None:
        self._database = database
        self._grace = grace
        self._queries: dict[str, Select[Any]] = {}

    def learn_zones(self, known: frozenset[str]) -> frozenset[str]:
        """Every zone to look at: `known` plus any other loadable name athletes have stored."""
        with self._database.session() as db:
            stored = set(
                db.scalars(
                    select(AthleteRow.timezone).where(AthleteRow.timezone.is_not(None)).distinct()
                )
            )
        return known | {name for name in stored - known if loadable(name)}

    def claim_due(
        self, now: dt.datetime, zones: frozenset[str], lookback: dt.timedelta | None, limit: int
    ) -> ClaimRound:
        """Find up to `limit` due athletes and claim them in one committed transaction.

        Those due more than the grace period ago are recorded as skipped and not returned.
        """
        with self._database.session() as db:
            due = self._due(db, now, zones, lookback, limit)
            return self._claim(db, now, due)

    def contents(self, claims: Iterable[Claim]) -> list[ReminderContent | None]:
        """What each claimed reminder is about, from the athlete's plan on that date (None
        when there is nothing to remind of any more, e.g. the athlete was deleted)."""
        with UnitOfWork(self._database) as uow:
            return [reminder_content(uow, claim.user_id, claim.local_date) for claim in claims]

    def mark_sent(
        self, reminder_id: int, sent_at: dt.datetime, message_id: int, attempts: int
    ) -> None:
        self._finish(
            reminder_id,
            status=ReminderStatus.SENT,
            sent_at=sent_at,
            telegram_message_id=message_id,
            attempts=attempts,
            error=None,
        )

    def mark_failed(self, reminder_id: int, error: str, attempts: int) -> None:
        self._finish(reminder_id, status=ReminderStatus.FAILED, error=error, attempts=attempts)

    def mark_skipped(self, reminder_id: int, reason: str) -> None:
        self._finish(reminder_id, status=ReminderStatus.SKIPPED, error=reason)

    def mark_blocked(self, reminder_id: int, user_id: int, error: str, attempts: int) -> None:
        """The athlete blocked the bot: fail this reminder and stop all the next ones."""
        with self._database.session() as db:
            AthleteRepository(db).mark_inactive(user_id=user_id)
            db.execute(
                update(ReminderRow)
                .where(ReminderRow.id == reminder_id)
                .values(status=ReminderStatus.FAILED, error=error, attempts=attempts)
            )

    def expire_unconfirmed(self, now: dt.datetime) -> int:
        """Mark claims a crash left pending as failed; they are never sent again."""
        cutoff = now - UNCONFIRMED_AFTER
        with self._database.session() as db:
            result = db.execute(
                update(ReminderRow)
                .where(
                    ReminderRow.status == ReminderStatus.PENDING,
                    ReminderRow.due_at < cutoff,
                    ReminderRow.claimed_at < cutoff,
                )
                .values(
                    status=ReminderStatus.FAILED,
                    error="claimed but never confirmed sent (the bot stopped mid-send?)",
                )
            )
            return int(result.rowcount)  # type: ignore[attr-defined]

    def _due(
        self,
        db: DbSession,
        now: dt.datetime,
        zones: frozenset[str],
        lookback: dt.timedelta | None,
        limit: int,
    ) -> list[DueAthlete]:
        windows = zone_windows(now, zones, lookback)
        if not windows or limit <= 0:
            return []
        dialect = db.get_bind().dialect.name
        statement = self._queries.get(dialect)
        if statement is None:
            statement = self._queries[dialect] = due_query(dialect)
        rows = db.execute(statement, {"zones": zones_param(windows), "limit": limit})
        return [DueAthlete(*row) for row in rows]

    def _claim(self, db: DbSession, now: dt.datetime, due: Sequence[DueAthlete]) -> ClaimRound:
        rows = []
        lateness: dict[int, bool] = {}
        for athlete in due:
            due_at = due_instant(athlete.local_date, athlete.reminder_time, athlete.zone)
            when = timing(due_at, now, self._grace)
            if when is Timing.NOT_YET:
                continue
            missed = when is Timing.MISSED
            lateness[athlete.athlete_id] = when is Timing.LATE
            rows.append(
                {
                    "athlete_id": athlete.athlete_id,
                    "local_date": athlete.local_date,
                    "status": ReminderStatus.SKIPPED if missed else ReminderStatus.PENDING,
                    "due_at": due_at,
                    "claimed_at": now,
                    "late": when is Timing.LATE,
                    "error": "missed: the bot was not running at the time" if missed else None,
                }
            )
        if not rows:
            return ClaimRound([], len(due), 0)
        insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[
            db.get_bind().dialect.name
        ]
        statement = (
            insert(ReminderRow)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["athlete_id", "local_date"])
            .returning(ReminderRow.id, ReminderRow.athlete_id, ReminderRow.status)
        )
        won = db.execute(statement).all()
        by_athlete = {athlete.athlete_id: athlete for athlete in due}
        claims = [
            Claim(
                reminder_id=reminder_id,
                athlete_id=athlete_id,
                user_id=by_athlete[athlete_id].user_id,
                chat_id=by_athlete[athlete_id].chat_id,
                local_date=by_athlete[athlete_id].local_date,
                late=lateness[athlete_id],
            )
            for reminder_id, athlete_id, status in won
            if status == ReminderStatus.PENDING
        ]
        return ClaimRound(claims, len(due), len(won))

    def _finish(self, reminder_id: int, **values: object) -> None:
        with self._database.session() as db:
            db.execute(update(ReminderRow).where(ReminderRow.id == reminder_id).values(**values))
