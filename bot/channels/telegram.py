"""The Telegram adapter: updates in, the conversation's replies out, Telegram's errors handled."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.app import Services
from bot.channels.flood import FloodGuard, Verdict
from bot.dialogue.messages import Incoming, InputKind, Reply
from bot.dialogue.render import BOT_COMMANDS
from bot.logs import Outcome, current_scope, update_scope
from bot.metrics import Metrics, UpdateKind
from bot.storage.repositories import AthleteRepository

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = "Something went wrong on my side, sorry. Please try again in a moment."
PRIVATE_ONLY = "I coach one-to-one. Send me a private message and we'll get started."
SLOW_DOWN = "That's a lot of messages at once! I'll catch up in a few seconds."

Startup = Callable[[Application], Awaitable[None]]
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class TelegramChannel:
    """Turns Telegram updates into `Incoming` and the replies into Telegram messages."""

    def __init__(
        self, services: Services, flood: FloodGuard | None = None, metrics: Metrics | None = None
    ) -> None:
        self._services = services
        self._flood = flood or FloodGuard()
        self.metrics = metrics or Metrics()

    def build(self, on_startup: Sequence[Startup] = (), *, updater: bool = True) -> Application:
        """The python-telegram-bot Application, with its handlers and rate limiter.

        `updater=False` builds it for a webhook server of our own, which feeds it updates.
        """
        settings = self._services.settings
        assert settings.telegram_bot_token is not None

        async def post_init(application: Application) -> None:
            await self._register_commands(application)
            for hook in on_startup:
                await hook(application)

        builder = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token.get_secret_value())
            .base_url(settings.telegram_base_url)
            .base_file_url(settings.telegram_base_file_url)
            .request(CountingRequest(self.metrics.record_telegram_error))
            .rate_limiter(
                AIORateLimiter(overall_max_rate=settings.send_rate_per_second, max_retries=5)
            )
            .post_init(post_init)
        )
        if not updater:
            builder = builder.updater(None)
        application = builder.build()
        private = filters.ChatType.PRIVATE
        new_message = filters.UpdateType.MESSAGE
        observed = self._observed
        application.add_handlers(
            [
                MessageHandler(
                    private & filters.UpdateType.EDITED_MESSAGE, observed(self.on_edited)
                ),
                MessageHandler(private & new_message & filters.TEXT, observed(self.on_text)),
                MessageHandler(private & new_message, observed(self.on_unsupported)),
                MessageHandler(
                    filters.ChatType.GROUPS & new_message & filters.COMMAND,
                    observed(self.on_group),
                ),
                CallbackQueryHandler(observed(self.on_button)),
                # Last: whatever no handler above took, so that it is counted too.
                TypeHandler(Update, observed(self.on_other)),
            ]
        )
        application.add_error_handler(self.on_error)
        return application

    def _observed(self, callback: Callback) -> Callback:
        """The handler, timed and counted by kind and outcome, its log lines naming the update."""

        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            kind = update_kind(update)
            user = update.effective_user
            started = time.perf_counter()
            with update_scope(update.update_id, user.id if user else None) as scope:
                try:
                    await callback(update, context)
                except Exception:
                    scope.outcome = Outcome.ERROR
                    raise
                finally:
                    seconds = time.perf_counter() - started
                    self.metrics.record_update(kind, scope.outcome, seconds)
                    log.info(
                        "update %s: %s, %s in %.3f s",
                        update.update_id,
                        kind,
                        scope.outcome,
                        seconds,
                    )

        handle.__doc__ = callback.__doc__
        return handle

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

    async def on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An update no other handler takes (a member change, a group message): ignored."""
        _mark(Outcome.DROPPED)

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Log any unhandled error with its update, and tell the athlete something went wrong."""
        update_id = update.update_id if isinstance(update, Update) else None
        user = update.effective_user if isinstance(update, Update) else None
        with update_scope(update_id, user.id if user else None) as scope:
            scope.outcome = Outcome.ERROR
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
            _mark(Outcome.DROPPED)
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


def update_kind(update: Update) -> UpdateKind:
    """What kind of update this is, for the metrics."""
    if update.callback_query is not None:
        return UpdateKind.BUTTON
    chat = update.effective_chat
    if chat is not None and chat.type in (chat.GROUP, chat.SUPERGROUP):
        return UpdateKind.GROUP
    if update.edited_message is not None:
        return UpdateKind.EDITED
    message = update.message
    if message is None:
        return UpdateKind.OTHER
    if message.text is None:
        return UpdateKind.UNSUPPORTED
    return UpdateKind.COMMAND if message.text.startswith("/") else UpdateKind.TEXT


def _mark(outcome: Outcome) -> None:
    scope = current_scope()
    if scope is not None:
        scope.outcome = outcome


class CountingRequest(HTTPXRequest):
    """PTB's HTTP client, reporting every failed Bot API call (replies and reminders alike)."""

    def __init__(self, on_error: Callable[[str], None]) -> None:
        super().__init__(connection_pool_size=256)
        self._on_error = on_error

    async def do_request(self, *args: Any, **kwargs: Any) -> tuple[int, bytes]:
        try:
            code, payload = await super().do_request(*args, **kwargs)
        except TimedOut:
            self._on_error("timeout")
            raise
        except NetworkError:
            self._on_error("network")
            raise
        if not 200 <= code < 300:
            self._on_error(str(code))
        return code, payload


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


def run_polling(
    services: Services, metrics: Metrics | None = None, on_startup: Sequence[Startup] = ()
) -> int:
    """Long-poll Telegram until stopped (SIGINT/SIGTERM)."""
    application = TelegramChannel(services, metrics=metrics).build(on_startup)
    application.run_polling(
        allowed_updates=Update.ALL_TYPES,
        timeout=services.settings.poll_timeout_seconds,
        poll_interval=0.0,
    )
    return 0
