"""The reminder rows: who is due, claiming them once, and what became of each send.

The database is the source of truth. A claim is a row in `reminder`, unique per athlete, local
date and kind (the day's session, the weekly review), committed before anything is sent: two
tickers (or a restarted one) can race for the same athlete and only one insert wins, so nobody
gets the same kind twice on one day.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Integer,
    Select,
    String,
    Time,
    and_,
    bindparam,
    cast,
    column,
    delete,
    exists,
    func,
    literal,
    select,
    type_coerce,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session as DbSession

from bot.reminders.lead import Group
from bot.reminders.schedule import (
    Timing,
    ZoneWindow,
    due_instant,
    loadable,
    timing,
    zone_windows,
)
from bot.services.reminders import ReminderContent, reminder_content
from bot.services.reviews import WeeklyReview, weekly_review
from bot.services.unit_of_work import UnitOfWork
from bot.storage.database import Database
from bot.storage.repositories import AthleteRepository
from bot.storage.tables import AthleteRow, ReminderKind, ReminderRow, ReminderStatus
from coach.programme import PROGRAMME_WEEKS

# A claim still pending this long after it was made was lost to a crash mid-send.
UNCONFIRMED_AFTER = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class DueAthlete:
    athlete_id: int
    user_id: int
    chat_id: int
    zone: str
    at: dt.time  # the local time this kind is due at: the reminder or the review time
    local_date: dt.date
    kind: ReminderKind


@dataclass(frozen=True)
class Claim:
    """A reminder row this ticker won and must now send."""

    reminder_id: int
    athlete_id: int
    user_id: int
    chat_id: int
    local_date: dt.date
    late: bool
    kind: ReminderKind = ReminderKind.SESSION


@dataclass(frozen=True)
class ClaimRound:
    to_send: list[Claim]
    found: int  # due athletes the query returned
    written: int  # rows inserted, including the missed ones recorded as skipped


# What a claimed reminder is about, by kind.
Content = ReminderContent | WeeklyReview


def due_query(dialect: str) -> Select[Any]:
    """Active, unpaused athletes with a start date and a time zone whose reminder time (or, on
    the last day of a programme week, review time) has come today in their zone, and who have
    no row of that kind for that local date yet; every setting counts however it was set.
    Bind `zones` with `zones_param`.

    Local time is worked out once per zone in Python and joined in as one JSON parameter, so
    the database compares plain columns, never converts a time zone per athlete, and the
    statement stays the same from tick to tick (compiled once, then cached). The week's end is
    worked out in SQL, so LIMIT counts only athletes who are due.
    """
    zone = _zone_table(dialect)
    due = union_all(*(_due_of(kind, zone, dialect) for kind in ReminderKind)).subquery("due")
    return select(*due.c).limit(bindparam("limit", type_=Integer))


def due_counts_query(dialect: str) -> Select[Any]:
    """How many of the due query's rows share each zone, local date, time and kind: what the
    lead plan needs, without a row per athlete."""
    zone = _zone_table(dialect)
    due = union_all(*(_due_of(kind, zone, dialect) for kind in ReminderKind)).subquery("due")
    keys = (due.c.timezone, due.c.local_date, due.c.at)
    return select(*keys, func.count()).group_by(*keys)


def _due_of(kind: ReminderKind, zone: Any, dialect: str) -> Select[Any]:
    at = AthleteRow.reminder_time if kind is ReminderKind.SESSION else AthleteRow.review_time
    reminded = exists().where(
        ReminderRow.athlete_id == AthleteRow.id,
        ReminderRow.local_date == zone.c.local_date,
        ReminderRow.kind == kind,
    )
    if kind is ReminderKind.SESSION:
        # Nothing to say before the eve of the start date.
        when = AthleteRow.start_date <= zone.c.tomorrow
    else:
        # The last day of one of the 12 weeks: day 7, 14, ... 84 counted from the start.
        days = _days_between(AthleteRow.start_date, zone.c.local_date, dialect)
        when = and_(days % 7 == 6, days.between(6, PROGRAMME_WEEKS * 7 - 1))
    return (
        select(
            AthleteRow.id.label("athlete_id"),
            AthleteRow.telegram_user_id,
            AthleteRow.chat_id,
            AthleteRow.timezone,
            at.label("at"),
            zone.c.local_date,
            literal(kind.value, String()).label("kind"),
        )
        .join(zone, AthleteRow.timezone == zone.c.name)
        .where(
            AthleteRow.active.is_(True),
            AthleteRow.paused.is_(False),
            at.between(zone.c.earliest, zone.c.latest),
            when,
            ~reminded,
        )
    )


def _days_between(first: Any, last: Any, dialect: str) -> Any:
    """Whole days from `first` to `last`, as an integer, in the dialect's own date arithmetic."""
    if dialect == "postgresql":
        return type_coerce(last - first, Integer)
    return cast(func.julianday(last) - func.julianday(first), Integer)


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
        self._queries: dict[tuple[str, str], Select[Any]] = {}

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
        self,
        now: dt.datetime,
        zones: frozenset[str],
        lookback: dt.timedelta | None,
        limit: int,
        lead: dt.timedelta = dt.timedelta(0),
    ) -> ClaimRound:
        """Find up to `limit` athletes due by `lead` from now and claim them in one committed
        transaction, those due already first.

        Those due more than the grace period ago are recorded as skipped and not returned.
        """
        with self._database.session() as db:
            due = self._due(db, now, zones, lookback, limit, dt.timedelta(0))
            if lead > dt.timedelta(0) and len(due) < limit:
                found = {(athlete.athlete_id, athlete.kind) for athlete in due}
                ahead = self._due(db, now, zones, lookback, limit, lead)
                due += [a for a in ahead if (a.athlete_id, a.kind) not in found][
                    : limit - len(due)
                ]
            return self._claim(db, now, due, lead)

    def due_groups(
        self,
        now: dt.datetime,
        zones: frozenset[str],
        lookback: dt.timedelta | None,
        ahead: dt.timedelta,
    ) -> list[Group]:
        """How many reminders are still to send by due instant, from `lookback` ago (those
        past the grace period left out: they are skipped, not sent) to `ahead` from now."""
        windows = zone_windows(now, zones, lookback, ahead)
        if not windows:
            return []
        with self._database.session() as db:
            statement = self._statement(db, "counts", due_counts_query)
            rows = db.execute(statement, {"zones": zones_param(windows)}).all()
        oldest = now - self._grace
        groups = []
        for zone_name, on, at, count in rows:
            due_at = due_instant(on, at, zone_name)
            if due_at >= oldest:
                groups.append(Group(due_at, int(count)))
        return groups

    def contents(self, claims: Iterable[Claim]) -> list[Content | None]:
        """What each claimed reminder is about, from the athlete's plan on that date (None
        when there is nothing to say any more, e.g. the athlete was deleted)."""
        with UnitOfWork(self._database) as uow:
            return [self._content(uow, claim) for claim in claims]

    def release(self, reminder_id: int) -> None:
        """Give back a claim whose message was never handed to Telegram (the bot is
        stopping), so that whoever ticks next sends it."""
        with self._database.session() as db:
            db.execute(
                delete(ReminderRow).where(
                    ReminderRow.id == reminder_id, ReminderRow.status == ReminderStatus.PENDING
                )
            )

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

    def _content(self, uow: UnitOfWork, claim: Claim) -> Content | None:
        if claim.kind is ReminderKind.WEEKLY_REVIEW:
            return weekly_review(uow, claim.user_id, claim.local_date)
        return reminder_content(uow, claim.user_id, claim.local_date)

    def _statement(
        self, db: DbSession, name: str, build: Callable[[str], Select[Any]]
    ) -> Select[Any]:
        dialect = db.get_bind().dialect.name
        statement = self._queries.get((name, dialect))
        if statement is None:
            statement = self._queries[(name, dialect)] = build(dialect)
        return statement

    def _due(
        self,
        db: DbSession,
        now: dt.datetime,
        zones: frozenset[str],
        lookback: dt.timedelta | None,
        limit: int,
        lead: dt.timedelta,
    ) -> list[DueAthlete]:
        windows = zone_windows(now, zones, lookback, lead)
        if not windows or limit <= 0:
            return []
        statement = self._statement(db, "due", due_query)
        rows = db.execute(statement, {"zones": zones_param(windows), "limit": limit})
        return [DueAthlete(*row[:6], ReminderKind(row[6])) for row in rows]

    def _claim(
        self, db: DbSession, now: dt.datetime, due: Sequence[DueAthlete], lead: dt.timedelta
    ) -> ClaimRound:
        rows = []
        lateness: dict[tuple[int, ReminderKind], bool] = {}
        for athlete in due:
            due_at = due_instant(athlete.local_date, athlete.at, athlete.zone)
            when = timing(due_at, now, self._grace, lead)
            if when is Timing.NOT_YET:
                continue
            missed = when is Timing.MISSED
            lateness[(athlete.athlete_id, athlete.kind)] = when is Timing.LATE
            rows.append(
                {
                    "athlete_id": athlete.athlete_id,
                    "local_date": athlete.local_date,
                    "kind": athlete.kind,
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
            .on_conflict_do_nothing(index_elements=["athlete_id", "local_date", "kind"])
            .returning(
                ReminderRow.id, ReminderRow.athlete_id, ReminderRow.kind, ReminderRow.status
            )
        )
        won = db.execute(statement).all()
        by_key = {(athlete.athlete_id, athlete.kind): athlete for athlete in due}
        claims = [
            Claim(
                reminder_id=reminder_id,
                athlete_id=athlete_id,
                user_id=by_key[(athlete_id, kind)].user_id,
                chat_id=by_key[(athlete_id, kind)].chat_id,
                local_date=by_key[(athlete_id, kind)].local_date,
                late=lateness[(athlete_id, kind)],
                kind=kind,
            )
            for reminder_id, athlete_id, kind, status in won
            if status == ReminderStatus.PENDING
        ]
        return ClaimRound(claims, len(due), len(won))

    def _finish(self, reminder_id: int, **values: object) -> None:
        with self._database.session() as db:
            # No objects in this session to keep in step: skip the ORM's bookkeeping, which
            # costs more than the statement at a thousand sends a second.
            db.execute(
                update(ReminderRow).where(ReminderRow.id == reminder_id).values(**values),
                execution_options={"synchronize_session": False},
            )
