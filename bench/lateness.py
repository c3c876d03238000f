"""How late (or early) reminders arrive with 100,000 athletes, many of them at 07:00 in one zone.

A simulation on a virtual clock: the real ReminderService and ReminderStore (the due query, the
claims, the lead plan, the pacer) over a real SQLite database of 100,000 athletes, ticking every
60 s as the JobQueue does, with a sender that takes 50 ms a message and never refuses. Nothing
sleeps for real: the event loop's clock jumps to its next timer, and the store's blocking calls
run inline, so the database's own time does not count (PostgreSQL answers far faster than
Telegram lets messages out). Only the wording of each message is left out (a fixed text).

The athletes: zones weighted as a European-heavy audience with the Americas and Asia-Pacific
behind; reminder times mostly the onboarding buttons (06:00, 07:00, 08:00, 12:00, 18:00,
20:00), some typed; half of those in Berlin at 07:00, a fifth of everyone. Weekly reviews at
19:00 for those whose programme week ends today (Auckland's 19:00 is Berlin's 07:00).

Three runs over 06:20–08:40 Berlin time: sending at the minute (no lead), the lead plan at
Telegram's 30 a second, and the lead plan with paid broadcasts (1000 a second).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
import statistics
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert, select, text

from bot.reminders.schedule import MAX_LEAD, due_instant, local_date
from bot.reminders.service import ReminderService
from bot.reminders.store import Claim, Content, ReminderStore
from bot.services.reminders import ReminderContent
from bot.services.reviews import week_ending_on
from bot.settings import PAID_BROADCAST_RATE
from bot.storage import migrate
from bot.storage.database import Database
from bot.storage.tables import AthleteRow, ReminderKind, ReminderRow, ReminderStatus
from coach.athletes import REVIEW_TIME
from coach.schedule import Schedule
from tests.virtual_clock import VirtualClockLoop, clock_from, inline, run_ticks

ATHLETES = 100_000
BIG_ZONE = "Europe/Berlin"
CROWD_TIME = dt.time(7)
CROWD_SHARE = 0.2  # of all athletes: 07:00 in the big zone
ZONE_WEIGHTS = {
    "Europe/Berlin": 40,
    "Europe/London": 10,
    "Europe/Madrid": 5,
    "Europe/Helsinki": 3,
    "America/New_York": 12,
    "America/Chicago": 4,
    "America/Denver": 2,
    "America/Los_Angeles": 6,
    "America/Sao_Paulo": 2,
    "Asia/Kolkata": 3,
    "Asia/Tokyo": 3,
    "Australia/Sydney": 5,
    "Pacific/Auckland": 3,
    "UTC": 2,
}
BUTTON_TIMES = {
    dt.time(6): 15,
    dt.time(7): 30,
    dt.time(8): 20,
    dt.time(12): 5,
    dt.time(18): 15,
    dt.time(20): 15,
}
TYPED_SHARE = 0.3  # the rest tap a button
# 06:20 to 08:40 in Berlin on Tuesday 8 December 2026.
SIM_START = dt.datetime(2026, 12, 8, 5, 20, tzinfo=dt.UTC)
SIM_END = dt.datetime(2026, 12, 8, 7, 40, tzinfo=dt.UTC)
TICK_SECONDS = 60.0
TELEGRAM_RATE = 30.0
SEND_LATENCY_SECONDS = 0.05
GRACE = dt.timedelta(hours=2)
RATE_WINDOW_SECONDS = 10.0
CONTENT = ReminderContent(
    schedule=Schedule(start=dt.date(2026, 12, 7)), on=dt.date(2026, 12, 8), session=None
)


def run() -> list[str]:
    """One line per figure, for `make bench`."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template.db"
        athletes = _seed(f"sqlite:///{template}")
        lines.append(
            f"reminders.lateness.athletes: {athletes} ({CROWD_SHARE:.0%} at "
            f"{CROWD_TIME:%H:%M} in {BIG_ZONE}; simulated {SIM_START:%H:%M}–{SIM_END:%H:%M} UTC, "
            f"ticks every {TICK_SECONDS:.0f} s, {SEND_LATENCY_SECONDS * 1000:.0f} ms a send)"
        )
        runs = (
            ("at_the_minute", TELEGRAM_RATE, dt.timedelta(0)),
            ("lead", TELEGRAM_RATE, MAX_LEAD),
            ("paid_broadcast", PAID_BROADCAST_RATE, MAX_LEAD),
        )
        for name, rate, lead in runs:
            copy = Path(folder) / f"{name}.db"
            copy.write_bytes(template.read_bytes())
            figures = simulate(f"sqlite:///{copy}", rate, lead)
            lines.append(f"reminders.lateness.{name}: {_describe(figures, rate, lead)}")
    return lines


def simulate(url: str, rate: float, max_lead: dt.timedelta) -> dict[str, float]:
    """Run the ticks from SIM_START to SIM_END on a virtual clock; the figures in seconds."""
    loop = VirtualClockLoop()
    try:
        return loop.run_until_complete(_simulate(url, rate, max_lead))
    finally:
        loop.close()


async def _simulate(url: str, rate: float, max_lead: dt.timedelta) -> dict[str, float]:
    now = clock_from(SIM_START)
    with Database(url) as database:
        # The database's time is not simulated, so it need not survive a power cut either.
        event.listen(database.engine, "connect", _unsynchronised)
        service = ReminderService(
            _FixedContentStore(database, GRACE),
            _Sender(),
            lambda reminder_id, content, late: "reminder",
            grace=GRACE,
            tick_seconds=TICK_SECONDS,
            send_rate=rate,
            clock=now,
            max_lead=max_lead,
            offload=inline,
        )
        await run_ticks(service, now, SIM_END, TICK_SECONDS)
        with database.session() as db:
            rows = db.execute(
                select(ReminderRow.due_at, ReminderRow.sent_at, ReminderRow.late).where(
                    ReminderRow.status == ReminderStatus.SENT,
                    ReminderRow.claimed_at >= SIM_START,
                )
            ).all()
    return _figures(rows)


def _figures(rows: Iterable[Any]) -> dict[str, float]:
    offsets = sorted((sent - due).total_seconds() for due, sent, _ in rows)
    sent_at = sorted(sent for _, sent, _ in rows)
    span = (sent_at[-1] - sent_at[0]).total_seconds() if len(sent_at) > 1 else 0.0
    busiest = _busiest(sent_at, RATE_WINDOW_SECONDS)
    return {
        "sent": len(offsets),
        "p50": statistics.median(offsets),
        "p95": offsets[int(0.95 * (len(offsets) - 1))],
        "max": offsets[-1],
        "earliest": offsets[0],
        "late_marked": sum(1 for *_, late in rows if late),
        "over_5_min": sum(1 for o in offsets if abs(o) > 300),
        "rate": busiest / RATE_WINDOW_SECONDS,
        "span": span,
    }


def _busiest(sent_at: list[dt.datetime], seconds: float) -> int:
    """The most messages that went in any `seconds`."""
    most, first = 0, 0
    for last, instant in enumerate(sent_at):
        while (instant - sent_at[first]).total_seconds() >= seconds:
            first += 1
        most = max(most, last - first + 1)
    return most


def _describe(figures: dict[str, float], rate: float, lead: dt.timedelta) -> str:
    def minutes(seconds: float) -> str:
        sign = "-" if seconds < 0 else "+"
        return f"{sign}{abs(seconds) / 60:.1f} min"

    return (
        f"p50 {minutes(figures['p50'])}, p95 {minutes(figures['p95'])}, "
        f"max {minutes(figures['max'])}, earliest {minutes(figures['earliest'])} "
        f"(minus: before its time); {figures['rate']:.0f} messages/s at the peak; "
        f"{figures['sent']:.0f} sent, {figures['over_5_min']:.0f} more than 5 min off, "
        f"{figures['late_marked']:.0f} marked late "
        f"(budget {rate:.0f}/s, lead up to {lead.total_seconds() / 60:.0f} min)"
    )


class _FixedContentStore(ReminderStore):
    """The real store, but every message's content is one fixed value: the wording is not
    what is measured, and reading each athlete's plan would only slow the simulation."""

    def contents(self, claims: Iterable[Claim]) -> list[Content | None]:
        return [CONTENT for _ in claims]


class _Sender:
    async def send(self, chat_id: int, message: str) -> int:
        await asyncio.sleep(SEND_LATENCY_SECONDS)
        return chat_id


def _unsynchronised(connection: Any, _record: Any) -> None:
    connection.execute("PRAGMA synchronous = OFF")


# Seeding -----------------------------------------------------------------------------------


def _seed(url: str) -> int:
    """100,000 athletes as described above, and today's reminders sent that were due before
    the simulation starts, as the table looks in steady state."""
    migrate.upgrade(url)
    chooser = random.Random(20261208)
    zones = list(ZONE_WEIGHTS)
    athletes, reminders = [], []
    crowd = int(ATHLETES * CROWD_SHARE)
    for index in range(ATHLETES):
        if index < crowd:
            zone, at = BIG_ZONE, CROWD_TIME
        else:
            zone = chooser.choices(zones, weights=list(ZONE_WEIGHTS.values()))[0]
            at = _reminder_time(chooser)
        # Start dates over the last twelve weeks: a seventh end a programme week today.
        start = dt.date(2026, 9, 15) + dt.timedelta(days=chooser.randrange(84))
        athletes.append(
            {
                "id": index + 1,
                "telegram_user_id": 50_000_000 + index,
                "chat_id": 50_000_000 + index,
                "display_name": "",
                "timezone": zone,
                "reminder_time": at,
                "review_time": REVIEW_TIME,
                "start_date": start,
            }
        )
        today = local_date(SIM_START, zone)
        due = {ReminderKind.SESSION: due_instant(today, at, zone)}
        if week_ending_on(Schedule(start=start), today) is not None:
            due[ReminderKind.WEEKLY_REVIEW] = due_instant(today, REVIEW_TIME, zone)
        reminders += [
            {
                "athlete_id": index + 1,
                "local_date": today,
                "kind": kind,
                "status": ReminderStatus.SENT,
                "due_at": instant,
                "claimed_at": instant,
                "sent_at": instant,
                "attempts": 1,
            }
            for kind, instant in due.items()
            if instant < SIM_START
        ]
    with Database(url) as database, database.engine.begin() as connection:
        for first in range(0, len(athletes), 10_000):
            connection.execute(insert(AthleteRow), athletes[first : first + 10_000])
        for first in range(0, len(reminders), 10_000):
            connection.execute(insert(ReminderRow), reminders[first : first + 10_000])
        connection.execute(text("ANALYZE"))
    return len(athletes)


def _reminder_time(chooser: random.Random) -> dt.time:
    if chooser.random() >= TYPED_SHARE:
        return chooser.choices(list(BUTTON_TIMES), weights=list(BUTTON_TIMES.values()))[0]
    # Typed: between 05:00 and 21:45, mostly on the quarter hour.
    minutes = chooser.randrange(5 * 60, 22 * 60)
    if chooser.random() < 0.7:
        minutes -= minutes % 15
    return dt.time(minutes // 60, minutes % 60)


def main() -> int:
    for line in run():
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
