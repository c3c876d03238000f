"""The Telegram side of sending a reminder: Bot API errors mapped to what the tick does."""

from __future__ import annotations

import datetime as dt

from telegram import Bot
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter, TimedOut

from bot.channels.telegram import keyboard_markup
from bot.dialogue.messages import Reply
from bot.reminders.delivery import Blocked, Rejected, TryLater


class TelegramSender:
    """Sends through the application's Bot, so its AIORateLimiter paces and retries 429s."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    async def send(self, chat_id: int, reply: Reply) -> int:
        try:
            message = await self._bot.send_message(
                chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard_markup(reply)
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
        return message.message_id
