"""The Telegram adapter: updates in, the conversation's replies out, Telegram's errors handled."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.app import Services
from bot.channels.flood import FloodGuard, Verdict
from bot.dialogue.messages import Incoming, InputKind, Reply
from bot.dialogue.render import BOT_COMMANDS
from bot.storage.repositories import AthleteRepository

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = "Something went wrong on my side, sorry. Please try again in a moment."
PRIVATE_ONLY = "I coach one-to-one. Send me a private message and we'll get started."
SLOW_DOWN = "That's a lot of messages at once! I'll catch up in a few seconds."

Startup = Callable[[Application], Awaitable[None]]


class TelegramChannel:
    """Turns Telegram updates into `Incoming` and the replies into Telegram messages."""

    def __init__(self, services: Services, flood: FloodGuard | None = None) -> None:
        self._services = services
        self._flood = flood or FloodGuard()

    def build(self, on_startup: Sequence[Startup] = ()) -> Application:
        """The python-telegram-bot Application, with its handlers and rate limiter."""
        settings = self._services.settings
        assert settings.telegram_bot_token is not None

        async def post_init(application: Application) -> None:
            await self._register_commands(application)
            for hook in on_startup:
                await hook(application)

        application = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token.get_secret_value())
            .base_url(settings.telegram_base_url)
            .base_file_url(settings.telegram_base_file_url)
            .rate_limiter(
                AIORateLimiter(overall_max_rate=settings.send_rate_per_second, max_retries=5)
            )
            .post_init(post_init)
            .build()
        )
        private = filters.ChatType.PRIVATE
        new_message = filters.UpdateType.MESSAGE
        application.add_handlers(
            [
                MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, self.on_edited),
                MessageHandler(private & new_message & filters.TEXT, self.on_text),
                MessageHandler(private & new_message, self.on_unsupported),
                MessageHandler(
                    filters.ChatType.GROUPS & new_message & filters.COMMAND, self.on_group
                ),
                CallbackQueryHandler(self.on_button),
            ]
        )
        application.add_error_handler(self.on_error)
        return application

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Typed text or a command from a private chat."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        incoming = Incoming.typed(user.id, message.chat_id, message.text, user.full_name)
        await self._answer(incoming, context)

    async def on_unsupported(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stickers, photos, voice notes and files: a kind word that only text works."""
        await self._simple(update, context, InputKind.UNSUPPORTED)

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message: logged check-ins are not rewritten behind the athlete's back."""
        await self._simple(update, context, InputKind.EDITED)

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A command in a group: the coach only works in private chats."""
        if update.effective_chat is not None:
            await self._send(context, update.effective_chat.id, None, [Reply(text=PRIVATE_ONLY)])

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A press on one of the coach's buttons."""
        query = update.callback_query
        if query is None or query.message is None:
            return
        incoming = Incoming(
            user_id=query.from_user.id,
            chat_id=query.message.chat.id,
            kind=InputKind.BUTTON,
            button=query.data or "",
            display_name=query.from_user.full_name,
            message_id=query.message.message_id,
        )
        replies = await self._converse(incoming)
        toast = next((reply.toast for reply in replies if reply.toast), None)
        try:
            await query.answer(toast)
        except BadRequest as error:  # a press older than Telegram's answer window
            log.info("callback query %s not answered: %s", query.id, error)
        await self._send(context, incoming.chat_id, query, replies)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log any unhandled error with its update, and tell the athlete something went wrong."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("error while handling update %s", update_id, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            try:
                await context.bot.send_message(update.effective_chat.id, SOMETHING_WENT_WRONG)
            except TelegramError:
                log.warning("could not tell chat %s about the error", update.effective_chat.id)

    async def _simple(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, kind: InputKind
    ) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        incoming = Incoming(user_id=user.id, chat_id=message.chat_id, kind=kind)
        await self._answer(incoming, context)

    async def _answer(self, incoming: Incoming, context: ContextTypes.DEFAULT_TYPE) -> None:
        verdict = self._flood.check(incoming.user_id, time.monotonic())
        if verdict is Verdict.DROP:
            return
        if verdict is Verdict.WARN:
            await self._send(context, incoming.chat_id, None, [Reply(text=SLOW_DOWN)])
            return
        await self._send(context, incoming.chat_id, None, await self._converse(incoming))

    async def _converse(self, incoming: Incoming) -> list[Reply]:
        # The conversation does blocking database work: keep it off the event loop.
        services = self._services
        return await asyncio.to_thread(
            services.conversation.handle, incoming, services.clock.now()
        )

    async def _send(
        self,
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        query: CallbackQuery | None,
        replies: Sequence[Reply],
    ) -> None:
        for reply in replies:
            markup = keyboard_markup(reply)
            try:
                if reply.edit and query is not None:
                    await _edit(query, reply, markup)
                else:
                    await context.bot.send_message(
                        chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=markup
                    )
            except Forbidden:
                await asyncio.to_thread(self._mark_inactive, chat_id)
                return

    def _mark_inactive(self, chat_id: int) -> None:
        log.info("chat %s blocked the bot; marking the athlete inactive", chat_id)
        with self._services.database.session() as db:
            AthleteRepository(db).mark_inactive(chat_id=chat_id)

    async def _register_commands(self, application: Application) -> None:
        commands = [BotCommand(name, description) for name, description in BOT_COMMANDS]
        try:
            await application.bot.set_my_commands(commands)
        except TelegramError as error:
            log.warning("could not register the command menu: %s", error)


async def _edit(query: CallbackQuery, reply: Reply, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_text(reply.text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


def keyboard_markup(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(button.label, callback_data=button.data) for button in row]
            for row in reply.buttons
        ]
    )


def run_webhook(services: Services, on_startup: Sequence[Startup] = ()) -> None:
    """Serve Telegram's webhook calls until stopped; several replicas can share one URL."""
    settings = services.settings
    assert settings.webhook_url is not None
    application = TelegramChannel(services).build(on_startup)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    application.run_webhook(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
        webhook_url=settings.webhook_url,
        secret_token=secret,
        allowed_updates=Update.ALL_TYPES,
    )


def run_polling(services: Services, on_startup: Sequence[Startup] = ()) -> None:
    """Long-poll Telegram until stopped (SIGINT/SIGTERM)."""
    application = TelegramChannel(services).build(on_startup)
    application.run_polling(
        allowed_updates=Update.ALL_TYPES,
        timeout=services.settings.poll_timeout_seconds,
        poll_interval=0.0,
    )
