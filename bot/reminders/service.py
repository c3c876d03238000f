"""The reminder tick: one repeating job asks the database who is due, claims, then sends.

No job per athlete: the database says who is due, so a restart, a settings change or a second
replica needs no re-sync, and memory stays flat however many athletes there are.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from bot.dialogue.messages import Reply
from bot.reminders.delivery import Blocked, Pacer, Rejected, Sender, TryLater
from bot.reminders.leadership import AdvisoryLockLeadership, Leadership, SoleLeader
from bot.reminders.schedule import known_zones
from bot.reminders.store import Claim, Outgoing, ReminderStore

if TYPE_CHECKING:
    from telegram.ext import Application, ContextTypes

    from bot.app import Services

log = logging.getLogger(__name__)

# Reminders may use this share of the sending budget; the rest stays free for replies.
REMINDER_SHARE = 0.97
MAX_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 2.0
BATCH_SIZE = 50
# Beyond the grace period, a regular tick also looks back this far so that a reminder which
# went stale between two ticks is still recorded as skipped.
LOOKBACK_MARGIN = dt.timedelta(minutes=10)


SENT, FAILED, BLOCKED, SKIPPED = "sent", "failed", "blocked", "skipped"


@dataclass(frozen=True)
class Outcome:
    status: str  # one of the four above, named like the TickReport counter it adds to
    attempts: int
    message_id: int | None = None
    error: str | None = None


@dataclass
class TickReport:
    leader: bool = True
    sent: int = 0
    failed: int = 0
    blocked: int = 0
    skipped: int = 0  # rows written as skipped: missed, or nothing to say
    expired: int = 0
    claimed: list[int] = field(default_factory=list)


class ReminderService:
    """Runs ticks. `now` is passed in; `clock` only stamps when each message actually went."""

    def __init__(
        self,
        store: ReminderStore,
        sender: Sender,
        *,
        grace: dt.timedelta,
        tick_seconds: float,
        send_rate: float,
        clock: Callable[[], dt.datetime],
        leadership: Leadership | None = None,
        max_attempts: int = MAX_ATTEMPTS,
        retry_delay: float = RETRY_DELAY_SECONDS,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        self._store = store
        self._sender = sender
        self._grace = grace
        self._clock = clock
        self._leadership = leadership or SoleLeader()
        self._pacer = Pacer(send_rate * REMINDER_SHARE)
        # One tick sends about what the rate allows until the next, so ticks rarely overlap
        # and a crash can lose at most one tick's worth of claimed reminders.
        self._budget = max(1, int(send_rate * REMINDER_SHARE * tick_seconds))
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay
        self._batch = batch_size
        self._zones: frozenset[str] = known_zones()
        self._last_tick: dt.datetime | None = None
        self._running = False

    async def tick(self, now: dt.datetime) -> TickReport:
        """Send every reminder due at `now` (up to this tick's budget), each at most once."""
        if self._running:  # the previous tick is still sending
            return TickReport()
        self._running = True
        try:
            if not await asyncio.to_thread(self._leadership.is_leader):
                self._last_tick = None  # whoever leads next starts with a full sweep
                return TickReport(leader=False)
            report = await self._tick(now)
            self._last_tick = now
            return report
        finally:
            self._running = False

    def close(self) -> None:
        self._leadership.release()

    async def _tick(self, now: dt.datetime) -> TickReport:
        report = TickReport()
        # After a restart, a takeover or a long stall, look at the whole local day once.
        full = self._last_tick is None or now - self._last_tick > self._grace
        if full:
            self._zones = await asyncio.to_thread(self._store.learn_zones, known_zones())
        lookback = None if full else self._grace + LOOKBACK_MARGIN
        report.expired = await asyncio.to_thread(self._store.expire_unconfirmed, now)
        remaining = self._budget
        in_flight: set[asyncio.Task[None]] = set()
        while remaining > 0:
            if len(in_flight) >= self._batch:
                _, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                continue
            limit = min(self._batch, remaining)
            claimed = await asyncio.to_thread(
                self._store.claim_due, now, self._zones, lookback, limit
            )
            report.skipped += claimed.written - len(claimed.to_send)
            outgoing = await asyncio.to_thread(self._store.compose, claimed.to_send)
            remaining -= len(outgoing)
            for item in outgoing:
                report.claimed.append(item.claim.reminder_id)
                in_flight.add(asyncio.create_task(self._deliver(item, report)))
            if claimed.found < limit or claimed.written == 0:
                break
        if in_flight:
            await asyncio.wait(in_flight)
        return report

    async def _deliver(self, item: Outgoing, report: TickReport) -> None:
        claim = item.claim
        try:
            if item.reply is None:
                outcome = Outcome(SKIPPED, 0, error="nothing to say that day")
            else:
                outcome = await self._send(claim, item.reply)
            await asyncio.to_thread(self._record, claim, outcome, self._clock())
        except Exception:
            # The claim stays pending and expires as failed; it is never sent twice.
            log.exception("reminder %s: could not record what happened", claim.reminder_id)
            return
        setattr(report, outcome.status, getattr(report, outcome.status) + 1)

    async def _send(self, claim: Claim, reply: Reply) -> Outcome:
        """Send at the pace, trying again after a transient failure, a bounded number of times."""
        attempts = 0
        while True:
            attempts += 1
            await self._pacer.wait()
            try:
                message_id = await self._sender.send(claim.chat_id, reply)
                return Outcome(SENT, attempts, message_id=message_id)
            except Blocked as error:
                return Outcome(BLOCKED, attempts, error=f"blocked: {error}")
            except Exception as error:
                if isinstance(error, Rejected) or attempts >= self._max_attempts:
                    return Outcome(FAILED, attempts, error=f"{type(error).__name__}: {error}")
                log.info("reminder %s: %s; trying again", claim.reminder_id, error)
                delay = self._retry_delay * attempts
                if isinstance(error, TryLater):
                    delay = max(delay, error.after_seconds)
                await asyncio.sleep(delay)

    def _record(self, claim: Claim, outcome: Outcome, at: dt.datetime) -> None:
        store, reminder_id, error = self._store, claim.reminder_id, (outcome.error or "")[:500]
        if outcome.status == SENT:
            assert outcome.message_id is not None
            store.mark_sent(reminder_id, at, outcome.message_id, outcome.attempts)
        elif outcome.status == BLOCKED:
            store.mark_blocked(reminder_id, claim.user_id, error, outcome.attempts)
        elif outcome.status == FAILED:
            store.mark_failed(reminder_id, error, outcome.attempts)
        else:
            store.mark_skipped(reminder_id, error)


def build_service(services: Services, sender: Sender) -> ReminderService:
    """The reminder service for this process, with leadership to match the database."""
    settings = services.settings
    database = services.database
    leadership: Leadership = SoleLeader()
    if database.engine.dialect.name == "postgresql":
        leadership = AdvisoryLockLeadership(database.engine)
    return ReminderService(
        ReminderStore(database, dt.timedelta(minutes=settings.reminder_grace_minutes)),
        sender,
        grace=dt.timedelta(minutes=settings.reminder_grace_minutes),
        tick_seconds=settings.reminder_tick_seconds,
        send_rate=settings.send_rate_per_second,
        clock=services.clock.now,
        leadership=leadership,
    )


async def _run_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job: one tick at the bot's current time."""
    job = context.job
    assert job is not None
    service, now, on_report = cast(
        tuple[ReminderService, Callable[[], dt.datetime], ReportHook | None], job.data
    )
    try:
        report = await service.tick(now())
    except Exception:
        log.exception("reminder tick failed; the next one tries again")
        return
    if on_report is not None:
        try:
            await on_report(report)
        except Exception:
            log.exception("reminder tick report hook failed")
    if report.claimed or report.skipped or report.expired:
        log.info(
            "reminders: %d sent, %d failed, %d blocked, %d skipped, %d expired",
            report.sent,
            report.failed,
            report.blocked,
            report.skipped,
            report.expired,
        )


ReportHook = Callable[[TickReport], Awaitable[None]]


def reminder_startup(
    services: Services, on_report: ReportHook | None = None
) -> Callable[[Application], Awaitable[None]]:
    """The post_init hook that schedules the one repeating reminder job on the JobQueue.

    `on_report` is given every tick's report (metrics count them).
    """

    async def start(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        from bot.reminders.telegram import TelegramSender

        queue = application.job_queue
        if queue is None:
            log.warning("no JobQueue (install python-telegram-bot[job-queue]): no reminders")
            return
        service = build_service(services, TelegramSender(application.bot))
        queue.run_repeating(
            _run_tick,
            interval=services.settings.reminder_tick_seconds,
            first=0.5,
            name="reminders",
            data=(service, services.clock.now, on_report),
            # A slow tick lets the next start and return at once rather than log a warning.
            job_kwargs={"max_instances": 3, "coalesce": True, "misfire_grace_time": None},
        )
        previous = application.post_shutdown

        async def shutdown(app: Application[Any, Any, Any, Any, Any, Any]) -> None:
            if previous is not None:
                await previous(app)
            await asyncio.to_thread(service.close)

        application.post_shutdown = shutdown

    return start
