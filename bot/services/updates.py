"""Updates handled once: a Telegram update delivered twice changes nothing the second time."""

from __future__ import annotations

import datetime as dt

from bot.services.unit_of_work import UnitOfWork

# Telegram gives up retrying a webhook call within a day; a little more is kept.
RETENTION = dt.timedelta(days=2)


def first_delivery(uow: UnitOfWork, update_id: int | None, now: dt.datetime) -> bool:
    """True the first time an update is seen (or for input without an update id). The record
    is part of the turn's transaction: if handling fails, the retry is a first delivery."""
    return update_id is None or uow.updates.claim(update_id, now)


def forget_old_updates(uow: UnitOfWork, now: dt.datetime) -> int:
    """Drop the records of updates older than the retention; how many went."""
    return uow.updates.forget_before(now - RETENTION)
