"""Reminders through Telegram: the Sender that maps Bot API errors to what the tick does, and
the one repeating job on python-telegram-bot's JobQueue that runs the tick."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from typing import Any, cast

from telegram import Bot
from telegram.error import BadRequest, Forbidden, RetryAfter, TimedOut
from telegram.ext import Application, ContextTypes

from bot.channels.markup import keyboard_markup
from bot.dialogue.messages import Reply
from bot.reminders.delivery import Blocked, Rejected, TryLater
from bot.reminders.service import ReminderService, TickReport

log = logging.getLogger(__name__)

JOB_NAME = "reminders"


class TelegramSender:
    """Sends through the application's Bot, so its AIORateLimiter paces and retries 429s.
    With `paid_broadcast`, every reminder is sent as a paid broadcast (up to 1000 a second)."""

    def __init__(self, bot: Bot, *, paid_broadcast: bool = False) -> None:
        self._bot = bot
        self._paid = True if paid_broadcast else None  # None: the parameter is left out

    async def send(self, chat_id: int, message: Reply) -> int:
        try:
            sent = await self._bot.send_message(
                chat_id,
                message.text,
                reply_markup=keyboard_markup(message),
                allow_paid_broadcast=self._paid,
            )
        except Forbidden as error:
            raise Blocked(error.message) from error
        except BadRequest as error:
            raise Rejected(error.message) from error
        except TimedOut as error:
            # The request may have reached Telegram; a retry could remind twice.
            raise Rejected(f"timed out, it may have arrived: {error.message}") from error
        except RetryAfter as error:
            after = error.retry_after  # seconds, or a timedelta under PTB_TIMEDELTA=true
            seconds = after.total_seconds() if isinstance(after, dt.timedelta) else float(after)
            raise TryLater(error.message, seconds) from error
        return sent.message_id


OnReport = Callable[[TickReport], None]
Tick = tuple[ReminderService[Reply], Callable[[], dt.datetime], OnReport | None]


async def _run_tick(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The repeating job: a tick at the bot's current time (more while a fan-out lasts)."""
    job = context.job
    assert job is not None
    service, now, on_report = cast(Tick, job.data)

    def reported(report: TickReport) -> None:
        if on_report is not None:
            on_report(report)
        if report.claimed or report.skipped or report.expired:
            log.info(
                "reminders: %d sent, %d failed, %d blocked, %d skipped, %d expired, %d given back",
                report.sent,
                report.failed,
                report.blocked,
                report.skipped,
                report.expired,
                report.released,
            )

    try:
        await service.run(now, reported)
    except Exception:
        log.exception("reminder tick failed; the next one tries again")


def schedule_reminders(
    application: Application[Any, Any, Any, Any, Any, Any],
    service: ReminderService[Reply],
    *,
    interval: float,
    now: Callable[[], dt.datetime],
    on_report: OnReport | None = None,
) -> bool:
    """Run the tick every `interval` seconds on the JobQueue; False when there is none."""
    queue = application.job_queue
    if queue is None:
        log.warning("no JobQueue (install python-telegram-bot[job-queue]): no reminders")
        return False
    queue.run_repeating(
        _run_tick,
        interval=interval,
        first=0.5,
        name=JOB_NAME,
        data=(service, now, on_report),
        # A slow tick lets the next start and return at once rather than log a warning.
        job_kwargs={"max_instances": 3, "coalesce": True, "misfire_grace_time": None},
    )
    return True
