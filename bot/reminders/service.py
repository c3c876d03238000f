"""The reminder tick: one repeating job asks the database who is due, claims, then sends.

No job per athlete: the database says who is due, so a restart, a settings change or a second
replica needs no re-sync, and memory stays flat however many athletes there are.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from bot.reminders.delivery import Blocked, Pacer, Rejected, Sender, TryLater
from bot.reminders.lead import LOOKAHEAD_FACTOR, ReleasePlan, plan_releases
from bot.reminders.leadership import Leadership, SoleLeader
from bot.reminders.schedule import known_zones
from bot.reminders.store import Claim, Content, ReminderStore

M = TypeVar("M")
# How a reminder is worded is the channel's business: (reminder id, content, late) -> message,
# or None when there is nothing to say that day. The content's type says its kind.
Render = Callable[[int, Content, bool], M | None]
# Blocking store calls go through this; the simulation in bench/ runs them inline.
Offload = Callable[..., Awaitable[Any]]

log = logging.getLogger(__name__)

# Reminders may use this share of the sending budget; the rest stays free for replies.
REMINDER_SHARE = 0.97
MAX_ATTEMPTS = 3
RETRY_DELAY_SECONDS = 2.0
BATCH_SIZE = 50
# Beyond the grace period, a regular tick also looks back this far so that a reminder which
# went stale between two ticks is still recorded as skipped.
LOOKBACK_MARGIN = dt.timedelta(minutes=10)


SENT, FAILED, BLOCKED, SKIPPED, RELEASED = "sent", "failed", "blocked", "skipped", "released"


@dataclass(frozen=True)
class Outgoing(Generic[M]):
    claim: Claim
    message: M | None  # None: nothing to say after all (e.g. the start date moved)


@dataclass(frozen=True)
class Outcome:
    status: str  # one of the five above, named like the TickReport counter it adds to
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
    released: int = 0  # claims given back unsent because the service was stopping
    claimed: list[int] = field(default_factory=list)
    more: bool = False  # a fan-out was still going when the tick's time or budget ran out


class ReminderService(Generic[M]):
    """Runs ticks. `now` is passed in; `clock` stamps when each message actually went and how
    far a tick has got since its `now`.

    With `max_lead`, a crowded minute starts early enough that its reminders go as close to
    their time as the rate allows, none more than `max_lead` before it (see lead.py).
    """

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
        max_lead: dt.timedelta = dt.timedelta(0),
        offload: Offload = asyncio.to_thread,
    ) -> None:
        self._store = store
        self._sender = sender
        self._render = render
        self._grace = grace
        self._clock = clock
        self._leadership = leadership or SoleLeader()
        self._rate = send_rate * REMINDER_SHARE
        self._pacer = Pacer(self._rate)
        # One tick sends about what the rate allows until the next; a fan-out that needs more
        # runs on in further ticks at once (see `run`), so a report comes every tick's worth.
        self._budget = max(1, int(self._rate * tick_seconds))
        self._tick_seconds = tick_seconds
        self._max_attempts = max_attempts
        self._retry_delay = retry_delay
        self._batch = batch_size
        self._max_lead = max_lead
        self._offload = offload
        self._zones: frozenset[str] = known_zones()
        self._last_tick: dt.datetime | None = None
        self._running = False
        self._idle = asyncio.Event()
        self._idle.set()
        self._stopping = asyncio.Event()

    async def tick(self, now: dt.datetime) -> TickReport:
        """Send every reminder due at `now`, and those due (or released by the lead plan)
        until the tick's time is up, up to its budget; each at most once."""
        if self._running or self._stopping.is_set():  # the previous tick is still sending
            return TickReport()
        self._running = True
        self._idle.clear()
        try:
            if not await self._offload(self._leadership.is_leader):
                self._last_tick = None  # whoever leads next starts with a full sweep
                return TickReport(leader=False)
            report = await self._tick(now)
            self._last_tick = now
            return report
        finally:
            self._running = False
            self._idle.set()

    async def run(
        self,
        now: Callable[[], dt.datetime],
        on_report: Callable[[TickReport], None] | None = None,
    ) -> None:
        """Tick, and tick again straight away while a fan-out outlasts one tick's time or
        budget; each tick's report goes to `on_report`. What the JobQueue's job runs."""
        while True:
            report = await self.tick(now())
            if on_report is not None:
                on_report(report)
            if not report.more or self._stopping.is_set():
                return

    async def stop(self) -> None:
        """Claim nothing more; the sends in flight finish and are recorded, claims not yet
        handed to Telegram are given back. Returns once the running tick has ended."""
        self._stopping.set()
        await self._idle.wait()

    def close(self) -> None:
        self._leadership.release()

    async def _tick(self, now: dt.datetime) -> TickReport:
        report = TickReport()
        started = self._clock()
        # After a restart, a takeover or a long stall, look at the whole local day once.
        full = self._last_tick is None or now - self._last_tick > self._grace
        if full:
            self._zones = await self._offload(self._store.learn_zones, known_zones())
        lookback = None if full else self._grace + LOOKBACK_MARGIN
        report.expired = await self._offload(self._store.expire_unconfirmed, now)
        plan = ReleasePlan()
        if self._max_lead > dt.timedelta(0):
            groups = await self._offload(
                self._store.due_groups,
                now,
                self._zones,
                lookback,
                self._max_lead * LOOKAHEAD_FACTOR,
            )
            plan = plan_releases(groups, now, self._rate, self._max_lead)
        remaining = self._budget
        deadline = now + dt.timedelta(seconds=self._tick_seconds)
        in_flight: set[asyncio.Task[None]] = set()
        while not self._stopping.is_set():
            at = now + (self._clock() - started)
            if remaining <= 0 or at >= deadline:
                report.more = True  # a fan-out still going: the next tick follows at once
                break
            if len(in_flight) >= self._batch:
                _, in_flight = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
                continue
            limit = min(self._batch, remaining)
            claimed = await self._offload(
                self._store.claim_due,
                at,
                self._zones,
                lookback,
                limit,
                plan.lead(at, self._max_lead),
            )
            report.skipped += claimed.written - len(claimed.to_send)
            outgoing = await self._offload(self._compose, claimed.to_send)
            remaining -= len(outgoing)
            for item in outgoing:
                report.claimed.append(item.claim.reminder_id)
                in_flight.add(asyncio.create_task(self._deliver(item, report)))
            if claimed.found < limit or claimed.written == 0:
                # Nothing more due yet. Wait here for the plan's next group rather than for
                # the next tick, which could come up to a tick later.
                wake = plan.next_release(at)
                if wake is None or wake - at >= dt.timedelta(seconds=self._tick_seconds):
                    break
                if wake >= deadline:
                    report.more = True
                    break
                await self._pause((wake - at).total_seconds())
        if in_flight:
            await asyncio.wait(in_flight)
        return report

    async def _pause(self, seconds: float) -> None:
        """Sleep, unless the service is told to stop first."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)

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
            await self._offload(self._record, claim, outcome, self._clock())
        except Exception:
            # The claim stays pending and expires as failed; it is never sent twice.
            log.exception("reminder %s: could not record what happened", claim.reminder_id)
            return
        setattr(report, outcome.status, getattr(report, outcome.status) + 1)
        if outcome.status == SENT and claim.late:
            report.late += 1

    async def _send(self, claim: Claim, message: M) -> Outcome:
        """Send at the pace, trying again after a transient failure, a bounded number of times;
        once stopping, a message not yet handed over is given back instead."""
        attempts = 0
        while True:
            if not await self._paced():
                return Outcome(RELEASED, attempts, error="the bot was stopping")
            attempts += 1
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
                await self._pause(delay)

    async def _paced(self) -> bool:
        """Wait for the next sending slot; False when the service is stopping."""
        if self._stopping.is_set():
            return False
        slot = asyncio.ensure_future(self._pacer.wait())
        stop = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait({slot, stop}, return_when=asyncio.FIRST_COMPLETED)
        for waiting in (slot, stop):
            waiting.cancel()
        return not self._stopping.is_set()

    def _record(self, claim: Claim, outcome: Outcome, at: dt.datetime) -> None:
        store, reminder_id, error = self._store, claim.reminder_id, (outcome.error or "")[:500]
        if outcome.status == SENT:
            assert outcome.message_id is not None
            store.mark_sent(reminder_id, at, outcome.message_id, outcome.attempts)
        elif outcome.status == BLOCKED:
            store.mark_blocked(reminder_id, claim.user_id, error, outcome.attempts)
        elif outcome.status == FAILED:
            store.mark_failed(reminder_id, error, outcome.attempts)
        elif outcome.status == RELEASED:
            store.release(reminder_id)
        else:
            store.mark_skipped(reminder_id, error)
