"""A reminder service as the tests drive it: the real store and renderer, a fake sender, a
fixed clock, ticks by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from bot.app import render_reminder
from bot.dialogue.messages import Reply
from bot.reminders.delivery import Sender
from bot.reminders.service import ReminderService
from bot.reminders.store import ReminderStore
from bot.storage.database import Database

GRACE = dt.timedelta(hours=2)


def reminder_service(
    database: Database,
    sender: Sender[Reply],
    clock: Callable[[], dt.datetime],
    *,
    send_rate: float = 10_000,
    **options: Any,
) -> ReminderService[Reply]:
    return ReminderService(
        ReminderStore(database, GRACE),
        sender,
        render_reminder,
        grace=GRACE,
        tick_seconds=60,
        send_rate=send_rate,
        clock=clock,
        **options,
    )
