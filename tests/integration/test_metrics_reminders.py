"""The reminder tick's counts reach the metrics: sent, late (also sent), skipped, blocked, and
the athletes gauge counts in the database (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import datetime as dt

from bot.metrics import Metrics, count_active_athletes, for_database
from bot.reminders.delivery import Blocked
from bot.storage.database import Database
from tests.integration.athletes import seed
from tests.integration.test_reminders import TUESDAY_7_BERLIN, FakeSender, service


def _value(metrics: Metrics, sample: str) -> float:
    for line in metrics.exposition().decode().splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"no sample {sample}")


async def test_a_ticks_report_is_counted_by_outcome_with_late_sends_apart(
    database: Database,
) -> None:
    seed(database, 1)  # 07:00: an hour and a half overdue, sent marked late
    seed(database, 2, reminder_time=dt.time(8, 25))  # five minutes ago: on time
    seed(database, 3, reminder_time=dt.time(8, 20))  # blocked the bot
    seed(database, 4, reminder_time=dt.time(6, 0))  # beyond the grace period: skipped
    sender = FakeSender()
    sender.failures[3] = [Blocked("bot was blocked by the user")]
    metrics = Metrics()

    now = TUESDAY_7_BERLIN + dt.timedelta(hours=1, minutes=30)
    report = await service(database, sender).tick(now)
    metrics.record_tick(report)

    counts = {
        outcome: _value(metrics, f'trailcoach_reminders_total{{outcome="{outcome}"}}')
        for outcome in ("sent", "late", "blocked", "skipped", "failed")
    }
    assert counts == {"sent": 2, "late": 1, "blocked": 1, "skipped": 1, "failed": 0}


def test_the_athletes_gauge_counts_those_who_have_not_blocked_the_bot(
    database: Database,
) -> None:
    seed(database, 1)
    seed(database, 2, active=False)
    seed(database, 3, paused=True)
    assert count_active_athletes(database) == 2
    assert _value(for_database(database), "trailcoach_athletes_active") == 2
