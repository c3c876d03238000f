"""Benchmark the reminders: the due query over 100,000 athletes (SQLite and PostgreSQL), the
memory of one tick job against one `run_daily` job per athlete, and the sustained send rate
through AIORateLimiter against the local Telegram server limited to 30 messages a second.

`python -m bench.reminders` prints the figures; `run()` returns them for `make bench`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import insert, select, text

from bot.reminders.delivery import Pacer
from bot.storage import migrate
from bot.storage.database import Database, normalise_url
from bot.storage.tables import AthleteRow, ReminderRow, ReminderStatus

ATHLETES = 100_000
ZONES = (
    "Europe/Berlin",
    "Europe/London",
    "Europe/Madrid",
    "Europe/Helsinki",
    "Africa/Nairobi",
    "Asia/Dubai",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Adelaide",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Sao_Paulo",
    "America/St_Johns",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "UTC",
)
# 07:00:30 in Berlin: some athletes are due right now, many were reminded earlier today.
NOW = dt.datetime(2026, 12, 8, 6, 0, 30, tzinfo=dt.UTC)
GRACE = dt.timedelta(hours=2)
QUERY_ROUNDS = 7
SEND_MESSAGES = 450
TELEGRAM_LIMIT = 30
POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
MEMORY_SETTLE_SECONDS = 3.0


def run() -> list[str]:
    """Measure everything and return one printable figure per line."""
    lines: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        sqlite_url = f"sqlite:///{Path(folder) / 'reminders.db'}"
        lines += _due_query_lines("sqlite", sqlite_url)
        postgres = _postgres_url()
        if postgres is None:
            lines.append("reminders.due_query_ms.postgresql: skipped (no PostgreSQL reachable)")
        else:
            with _throwaway_schema(postgres) as url:
                lines += _due_query_lines("postgresql", url)
        lines += _memory_lines(sqlite_url)
        lines += _send_rate_lines(Path(folder))
    return lines


# Seeding ----------------------------------------------------------------------------------


def _athlete_rows(count: int) -> Iterator[dict[str, Any]]:
    for i in range(count):
        yield {
            "id": i + 1,
            "telegram_user_id": 10_000_000 + i,
            "chat_id": 10_000_000 + i,
            "display_name": "",
            "timezone": ZONES[i % len(ZONES)],
            # Every 5 minutes from 05:00 to 20:55, spread evenly.
            "reminder_time": dt.time(5 + (i * 7 % 192) // 12, (i * 7 % 192) % 12 * 5),
            "start_date": dt.date(2026, 9, 7) + dt.timedelta(days=i % 120),
            "paused": i % 20 == 0,
            "active": i % 50 != 1,
        }


def seed(database: Database, count: int = ATHLETES, now: dt.datetime = NOW) -> None:
    """`count` athletes over 20 zones and 192 reminder times, with yesterday's reminders and
    today's already sent, as the table looks in steady state."""
    from bot.reminders.schedule import due_instant, local_date

    athletes = list(_athlete_rows(count))
    reminders = []
    instants: dict[tuple[dt.date, dt.time, str], dt.datetime] = {}
    for athlete in athletes:
        zone, at = athlete["timezone"], athlete["reminder_time"]
        today = local_date(now, zone)
        for day in (today - dt.timedelta(days=1), today):
            due = instants.get((day, at, zone))
            if due is None:
                due = instants[(day, at, zone)] = due_instant(day, at, zone)
            if due < now - dt.timedelta(minutes=1):
                reminders.append(
                    {
                        "athlete_id": athlete["id"],
                        "local_date": day,
                        "status": ReminderStatus.SENT,
                        "due_at": due,
                        "claimed_at": due,
                        "sent_at": due,
                        "late": False,
                        "attempts": 1,
                    }
                )
    with database.engine.begin() as connection:
        for start in range(0, len(athletes), 10_000):
            connection.execute(insert(AthleteRow), athletes[start : start + 10_000])
        for start in range(0, len(reminders), 10_000):
            connection.execute(insert(ReminderRow), reminders[start : start + 10_000])
        if database.engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE athlete"))
            connection.execute(text("ANALYZE reminder"))
        else:
            connection.execute(text("ANALYZE"))


# The due query ---------------------------------------------------------------------------


def _due_query_lines(name: str, url: str) -> list[str]:
    from bot.reminders.schedule import known_zones, zone_windows
    from bot.reminders.service import BATCH_SIZE, LOOKBACK_MARGIN
    from bot.reminders.store import ReminderStore, due_query, zones_param

    migrate.upgrade(url)
    with Database(url) as database:
        started = time.perf_counter()
        seed(database)
        seed_s = time.perf_counter() - started
        zones = ReminderStore(database, GRACE).learn_zones(known_zones())
        lookback = GRACE + LOOKBACK_MARGIN
        statement = due_query(database.engine.dialect.name)

        def due(window: dt.timedelta | None, limit: int) -> list[object]:
            """The rows the tick's claim reads, without claiming them."""
            bound = {"zones": zones_param(zone_windows(NOW, zones, window)), "limit": limit}
            with database.session() as db:
                return list(db.execute(statement, bound))

        regular = _median_ms(lambda: due(lookback, BATCH_SIZE))
        full = _median_ms(lambda: due(None, BATCH_SIZE))
        everyone = _median_ms(lambda: due(lookback, ATHLETES))
        due_now = len(due(lookback, ATHLETES))
    return [
        f"reminders.due_query_ms.{name}: {regular:.1f} ({ATHLETES} athletes, {len(zones)} "
        f"zones, one tick's batch of {BATCH_SIZE}, 2 h window; median of {QUERY_ROUNDS})",
        f"reminders.due_query_all_ms.{name}: {everyone:.1f} (all {due_now} due at once)",
        f"reminders.full_sweep_ms.{name}: {full:.1f} "
        "(whole local day so far, the first tick after a start or takeover)",
        f"reminders.seed_s.{name}: {seed_s:.1f}",
    ]


def _median_ms(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(QUERY_ROUNDS):
        started = time.perf_counter()
        action()
        timings.append(1000 * (time.perf_counter() - started))
    return statistics.median(timings)


def _postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    with suppress(OSError), socket.create_connection(("127.0.0.1", 5432), timeout=0.5):
        return POSTGRES_URL
    return None


@contextmanager
def _throwaway_schema(url: str) -> Iterator[str]:
    schema = f"bench_reminders_{uuid.uuid4().hex[:10]}"
    libpq = normalise_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(libpq, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield (
            normalise_url(url)
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )
    finally:
        with psycopg.connect(libpq, autocommit=True) as connection:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


# Memory: one tick job against one run_daily job per athlete --------------------------------

TOKEN = "123456:bench-reminders"
# A minute before 07:00 in Berlin: the tick runs its full sweep over 100,000 athletes and
# finds everyone already reminded, so the figure is the scheduler at rest, not a fan-out.
MEMORY_CLOCK = NOW - dt.timedelta(seconds=90)


def _memory_lines(database_url: str) -> list[str]:
    from tests.emulator import EmulatorThread

    with EmulatorThread() as emulator:
        tick = _memory_child("tick", database_url, emulator.base_url)
        daily = _memory_child("daily", database_url, emulator.base_url)
    ratio = daily["rss_kb"] / tick["rss_kb"]
    per_job = 1024 * (daily["rss_kb"] - tick["rss_kb"]) / ATHLETES
    return [
        f"reminders.rss_mb.one_tick_job: {tick['rss_kb'] / 1024:.1f} (bot process, scheduler "
        f"running, {ATHLETES} athletes in the database)",
        f"reminders.rss_mb.run_daily_per_athlete: {daily['rss_kb'] / 1024:.1f} "
        f"({ATHLETES} run_daily jobs, scheduled in {daily['schedule_s']:.1f} s)",
        f"reminders.rss_ratio.run_daily_vs_tick: {ratio:.2f} (about {per_job:.0f} bytes a job)",
    ]


def _memory_child(mode: str, database_url: str, base_url: str) -> dict[str, float]:
    env = {**os.environ, "PTB_TIMEDELTA": "true"}
    result = subprocess.run(
        [sys.executable, "-m", "bench.reminders", "memory", mode, database_url, base_url],
        capture_output=True,
        text=True,
        env=env,
        timeout=150,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"memory child {mode} failed:\n{result.stderr[-3000:]}")
    figures = dict(line.split("=", 1) for line in result.stdout.split() if "=" in line)
    return {name: float(value) for name, value in figures.items()}


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


async def _memory_main(mode: str, database_url: str, base_url: str) -> None:
    from zoneinfo import ZoneInfo

    from telegram.ext import ContextTypes

    from bot.app import bootstrap
    from bot.channels.telegram import TelegramChannel
    from bot.settings import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_base_url=base_url,
        database_url=database_url,
        clock_start=MEMORY_CLOCK,
        log_level="WARNING",
    )
    services = bootstrap(settings, migrate=False)
    application = TelegramChannel(services).build(reminders=mode == "tick")

    async def remind(context: ContextTypes.DEFAULT_TYPE) -> None:
        """What a per-athlete job would do; never due while we measure."""

    schedule_s = 0.0
    async with application:
        await application.post_init(application)  # type: ignore[misc]
        if mode == "daily":
            assert application.job_queue is not None
            with services.database.session() as db:
                athletes = db.execute(
                    select(AthleteRow.id, AthleteRow.timezone, AthleteRow.reminder_time)
                ).all()
            started = time.perf_counter()
            for athlete_id, zone, at in athletes:
                application.job_queue.run_daily(
                    remind,
                    at.replace(tzinfo=ZoneInfo(zone)),
                    data=athlete_id,
                    name=str(athlete_id),
                )
            schedule_s = time.perf_counter() - started
        await application.start()
        await asyncio.sleep(MEMORY_SETTLE_SECONDS)
        rss = _rss_kb()
        await application.stop()
    if application.post_shutdown is not None:
        await application.post_shutdown(application)
    services.close()
    print(f"rss_kb={rss} schedule_s={schedule_s:.2f}")


# Sending: the sustained rate through AIORateLimiter against a 30/s Telegram ---------------


def _send_rate_lines(folder: Path) -> list[str]:
    # PTB 22 warns on every RetryAfter unless durations are opted in to timedelta.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    lines = []
    for label, paced in (("", True), (".without_pacer", False)):
        # The server runs as its own process, as Telegram would: in a thread of this one it
        # would share the GIL with the bot and time the arrivals unevenly.
        with _emulator_process() as control:
            control("POST", "rate_limit", {"per_second": TELEGRAM_LIMIT})
            url = f"sqlite:///{folder / ('send' + (label or '.paced') + '.db')}"
            report = asyncio.run(_send_all(url, control.base_url, paced=paced))
            rate, refused, delivered = _delivery_figures(
                control("GET", "requests?method=sendMessage")
            )
        share = 100 * rate / TELEGRAM_LIMIT
        lines.append(
            f"reminders.send_rate_per_s{label}: {rate:.1f} ({share:.0f}% of {TELEGRAM_LIMIT}/s; "
            f"{delivered}/{SEND_MESSAGES} delivered, {report.sent} recorded sent, "
            f"{refused} answered 429 and retried)"
        )
    return lines


class _Control:
    """Calls the emulator's /_control endpoints."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self._root = base_url.rsplit("/", 1)[0]

    def __call__(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            f"{self._root}/_control/{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["result"]


@contextmanager
def _emulator_process() -> Iterator[_Control]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.emulator", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        if "base_url=" not in line:
            raise RuntimeError(f"the emulator did not start: {line!r}")
        yield _Control(line.strip().split("base_url=", 1)[1])
    finally:
        process.terminate()
        process.wait(10)


async def _send_all(url: str, base_url: str, *, paced: bool) -> Any:
    from bot.app import bootstrap
    from bot.channels.telegram import TelegramChannel
    from bot.channels.telegram_reminders import TelegramSender
    from bot.settings import Settings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_base_url=base_url,
        database_url=url,
        clock_start=NOW,
        log_level="WARNING",
    )
    services = bootstrap(settings)
    seed(services.database, SEND_MESSAGES, NOW - dt.timedelta(days=2))
    with services.database.engine.begin() as connection:
        # Everyone due at 07:00 in Berlin, right now.
        connection.execute(
            AthleteRow.__table__.update().values(
                timezone="Europe/Berlin",
                reminder_time=dt.time(7),
                start_date=dt.date(2026, 12, 7),
                paused=False,
                active=True,
            )
        )
    application = TelegramChannel(services).build(reminders=False)
    async with application:
        service = services.reminder_service(TelegramSender(application.bot))
        if not paced:
            service._pacer = Pacer(1_000_000.0)  # only AIORateLimiter paces
        report = await service.tick(NOW)
        service.close()
    services.close()
    return report


def _delivery_figures(requests: list[dict[str, Any]]) -> tuple[float, int, int]:
    """Messages a second between the first and the last delivered, 429s, deliveries."""
    delivered = sorted(r["at"] for r in requests if r["status"] == 200)
    refused = sum(1 for r in requests if r["status"] == 429)
    rate = (len(delivered) - 1) / (delivered[-1] - delivered[0]) if len(delivered) > 1 else 0.0
    return rate, refused, len(delivered)


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[0] == "memory":
        asyncio.run(_memory_main(argv[1], argv[2], argv[3]))
        return 0
    for line in run():
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
