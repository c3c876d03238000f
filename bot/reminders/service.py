"""The reminder tick: one repeating job asks the database who is due, claims, then sends.

No job per athlete: the database says who is due, so a restart, a settings change or a second
replica needs no re-sync, and memory stays flat however many athletes there are.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.reminders.delivery import Blocked, Pacer, Rejected, Sender, TryLater
from bot.reminders.leadership import Leadership, SoleLeader
from bot.reminders.schedule import known_zones
from bot.reminders.store import Claim, ReminderStore
from bot.services.reminders import ReminderContent

M = TypeVar("M")
# How a reminder is worded is the channel's business: (reminder id, content, late) -> message,
# or None when there is nothing to say that day.
Render = Callable[[int, ReminderContent, bool], M | None]

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
class Outgoing(Generic[M]):
    claim: Claim
    message: M | None  # None: nothing to say after all (e.g. the start date moved)


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
    late: int = 0  # of those sent, how many after their time (also counted as sent)
    expired: int = 0
    claimed: list[int] = field(default_factory=list)


class ReminderService(Generic[M]):
    """Runs ticks. `now` is passed in; `clock` only stamps when each message actually went."""

    def __init__(
        self,
        store: ReminderStore,
        sender: Sender[M],
        render: Render[M],
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
        self._render = render
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
            outgoing = await asyncio.to_thread(self._compose, claimed.to_send)
            remaining -= len(outgoing)
            for item in outgoing:
                report.claimed.append(item.claim.reminder_id)
                in_flight.add(asyncio.create_task(self._deliver(item, report)))
            if claimed.found < limit or claimed.written == 0:
                break
        if in_flight:
            await asyncio.wait(in_flight)
        return report

    def _compose(self, claims: list[Claim]) -> list[Outgoing[M]]:
        contents = self._store.contents(claims)
        return [
            Outgoing(
                claim,
                None if content is None else self._render(claim.reminder_id, content, claim.late),
            )
            for claim, content in zip(claims, contents, strict=True)
        ]

    async def _deliver(self, item: Outgoing[M], report: TickReport) -> None:
        claim = item.claim
        try:
            if item.message is None:
                outcome = Outcome(SKIPPED, 0, error="nothing to say that day")
            else:
                outcome = await self._send(claim, item.message)
            await asyncio.to_thread(self._record, claim, outcome, self._clock())
        except Exception:
            # The claim stays pending and expires as failed; it is never sent twice.
            log.exception("reminder %s: could not record what happened", claim.reminder_id)
            return
        setattr(report, outcome.status, getattr(report, outcome.status) + 1)
        if outcome.status == SENT and claim.late:
            report.late += 1

    async def _send(self, claim: Claim, message: M) -> Outcome:
        """Send at the pace, trying again after a transient failure, a bounded number of times."""
        attempts = 0
        while True:
            attempts += 1
            await self._pacer.wait()
            try:
                message_id = await self._sender.send(claim.chat_id, message)
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
