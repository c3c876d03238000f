"""The Telegram adapter: updates in, the conversation's replies out, Telegram's errors handled."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine, Sequence
from typing import TYPE_CHECKING, Any, cast

from telegram import BotCommand, CallbackQuery, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError, TimedOut
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.channels.documents import fetch_document
from bot.channels.flood import FloodGuard, Verdict
from bot.channels.markup import keyboard_markup
from bot.channels.ordering import ChatOrderedProcessor
from bot.channels.telegram_reminders import TelegramSender, schedule_reminders
from bot.dialogue.messages import (
    AttachmentKind,
    Incoming,
    IncomingDocument,
    InputKind,
    Reply,
    addressed_to,
)
from bot.dialogue.render import BOT_COMMANDS
from bot.logs import Outcome, current_scope, update_scope
from bot.metrics import Metrics, UpdateKind
from bot.reminders.service import ReminderService
from bot.services.athletes import mark_unreachable
from bot.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = "Something went wrong on my side, sorry. Please try again in a moment."
PRIVATE_ONLY = "I coach one-to-one. Send me a private message and we'll get started."
SLOW_DOWN = "That's a lot of messages at once! I'll catch up in a few seconds."

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
# How long a shutdown waits for the progress picture's warm-up to end.
WARMING_SECONDS = 10.0
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class TelegramChannel:
    """Turns Telegram updates into `Incoming` and the replies into Telegram messages."""

    def __init__(
        self, app: App, flood: FloodGuard | None = None, metrics: Metrics | None = None
    ) -> None:
        self._app = app
        self._flood = flood or FloodGuard()
        self.metrics = metrics or Metrics()
        self._reminders: ReminderService[Reply] | None = None
        self._warming: asyncio.Task[None] | None = None

    def build(self, *, reminders: bool = True, updater: bool = True) -> AnyApplication:
        """The python-telegram-bot Application: handlers, rate limiter, HTML replies, and (with
        `reminders`) the reminder tick, started after start-up and released on shutdown.
        `updater=False` builds it for a webhook server of our own, which feeds it updates."""
        settings = self._app.settings
        assert settings.telegram_bot_token is not None

        async def post_init(application: AnyApplication) -> None:
            await self._register_commands(application)
            # The progress picture's first drawing builds matplotlib's font cache: do it now,
            # off the event loop, rather than in the first athlete's /progress.
            self._warming = asyncio.create_task(asyncio.to_thread(self._app.renderer.warm))
            if reminders:
                sender = TelegramSender(application.bot, paid_broadcast=settings.paid_broadcast)
                self._reminders = self._app.reminder_service(sender)
                schedule_reminders(
                    application,
                    self._reminders,
                    interval=settings.reminder_tick_seconds,
                    now=self._app.clock.now,
                    on_report=self.metrics.record_tick,
                )

        async def post_shutdown(application: AnyApplication) -> None:
            if self._warming is not None:  # a thread: it cannot be cancelled, only awaited
                await asyncio.wait({self._warming}, timeout=WARMING_SECONDS)
            if self._reminders is not None:
                await asyncio.to_thread(self._reminders.close)

        builder = (
            ApplicationBuilder()
            .token(settings.telegram_bot_token.get_secret_value())
            .base_url(settings.telegram_base_url)
            .base_file_url(settings.telegram_base_file_url)
            .request(CountingRequest(self.metrics.record_telegram_error))
            .defaults(Defaults(parse_mode=ParseMode.HTML))
            .rate_limiter(AIORateLimiter(overall_max_rate=settings.sending_rate, max_retries=5))
            .application_class(CoachApplication)
            .post_init(post_init)
            .post_shutdown(post_shutdown)
            .concurrent_updates(ChatOrderedProcessor())
        )
        if not updater:
            builder = builder.updater(None)
        application = cast(CoachApplication, builder.build())
        application.before_stop = self.stop_reminders
        private = filters.ChatType.PRIVATE
        new_message = filters.UpdateType.MESSAGE
        observed = self._observed
        application.add_handlers(
            [
                MessageHandler(
                    private & filters.UpdateType.EDITED_MESSAGE, observed(self.on_edited)
                ),
                MessageHandler(private & new_message & filters.TEXT, observed(self.on_text)),
                MessageHandler(
                    private & new_message & filters.Document.ALL, observed(self.on_document)
                ),
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

    async def stop_reminders(self) -> None:
        """Stop the reminder tick: nothing more is claimed, the sends in flight finish."""
        if self._reminders is not None:
            await self._reminders.stop()

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
        """Typed text or a command from a private chat; a command for another bot is not ours."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        target = addressed_to(message.text)
        if target is not None and target.lower() != (context.bot.username or "").lower():
            _mark(Outcome.DROPPED)
            return
        incoming = Incoming.typed(
            user.id, message.chat_id, message.text, user.full_name, update_id=update.update_id
        )
        await self._answer(incoming, context)

    async def on_document(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A file: fetched through getFile (20 MB at most) and read as an activity file."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.document is None:
            return
        if not await self._admit(user.id, message.chat_id, context):
            return
        document = message.document
        incoming = Incoming(
            user_id=user.id,
            chat_id=message.chat_id,
            kind=InputKind.DOCUMENT,
            display_name=user.full_name,
            update_id=update.update_id,
            document=IncomingDocument(
                filename=document.file_name or "",
                data=await fetch_document(document),
                caption=message.caption or "",
            ),
        )
        await self._send(context, incoming.chat_id, None, await self._converse(incoming))

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
            update_id=update.update_id,
        )
        replies: list[Reply] = []
        try:
            replies = await self._converse(incoming)
        finally:
            # Whatever happened, the spinner on the pressed button stops.
            await _answer_query(query, next((r.toast for r in replies if r.toast), None))
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
        incoming = Incoming(
            user_id=user.id, chat_id=message.chat_id, kind=kind, update_id=update.update_id
        )
        await self._answer(incoming, context)

    async def _answer(self, incoming: Incoming, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await self._admit(incoming.user_id, incoming.chat_id, context):
            await self._send(context, incoming.chat_id, None, await self._converse(incoming))

    async def _admit(self, user_id: int, chat_id: int, context: ContextTypes.DEFAULT_TYPE) -> bool:
        """False for a message over the flood limit: the first gets one "slow down"."""
        verdict = self._flood.check(user_id, time.monotonic())
        if verdict is Verdict.WARN:
            await self._send(context, chat_id, None, [Reply(text=SLOW_DOWN)])
        if verdict is not Verdict.ALLOW:
            _mark(Outcome.DROPPED)
        return verdict is Verdict.ALLOW

    async def _converse(self, incoming: Incoming) -> list[Reply]:
        # The conversation does blocking database work: keep it off the event loop.
        app = self._app
        return await asyncio.to_thread(app.conversation.handle, incoming, app.clock.now())

    async def _send(
        self,
        context: ContextTypes.DEFAULT_TYPE,
        chat_id: int,
        query: CallbackQuery | None,
        replies: Sequence[Reply],
    ) -> None:
        for reply in replies:
            if not reply.text and reply.attachment is None:  # a note on the button only
                continue
            markup = keyboard_markup(reply)
            try:
                if reply.attachment is not None:
                    await _send_attachment(context, chat_id, reply, markup)
                elif reply.edit and query is not None:
                    await _edit(query, reply, markup)
                else:
                    await context.bot.send_message(chat_id, reply.text, reply_markup=markup)
            except Forbidden:
                await asyncio.to_thread(self._mark_inactive, chat_id)
                return

    def _mark_inactive(self, chat_id: int) -> None:
        log.info("chat %s blocked the bot; marking the athlete inactive", chat_id)
        with UnitOfWork(self._app.database) as uow:
            mark_unreachable(uow, chat_id)
            uow.commit()

    async def _register_commands(self, application: AnyApplication) -> None:
        commands = [BotCommand(name, description) for name, description in BOT_COMMANDS]
        try:
            await application.bot.set_my_commands(commands)
        except TelegramError as error:
            log.warning("could not register the command menu: %s", error)


class CoachApplication(Application[Any, Any, Any, Any, Any, Any]):
    """python-telegram-bot's Application, stopping the reminder tick first when it stops.

    Application.stop() waits for the JobQueue's running jobs; without this, a stop signal in
    the middle of a fan-out would wait for the whole tick to be sent.
    """

    before_stop: Callable[[], Coroutine[Any, Any, None]] | None = None
    _early_stop: asyncio.Future[None] | None = None

    def stop_soon(self) -> None:
        """For a signal handler: begin stopping the reminder tick now, while the HTTP server
        still finishes the requests in progress."""
        if self.before_stop is not None and self._early_stop is None:
            self._early_stop = asyncio.ensure_future(self.before_stop())

    async def stop(self) -> None:
        if self.before_stop is not None:
            await self.before_stop()
        await super().stop()


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
    if message.document is not None:
        return UpdateKind.DOCUMENT
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


async def _send_attachment(
    context: ContextTypes.DEFAULT_TYPE,
    chat_id: int,
    reply: Reply,
    markup: InlineKeyboardMarkup | None,
) -> None:
    attachment = reply.attachment
    assert attachment is not None
    file = InputFile(attachment.data, filename=attachment.filename)
    caption = reply.text or None
    if attachment.kind is AttachmentKind.PHOTO:
        await context.bot.send_photo(chat_id, file, caption=caption, reply_markup=markup)
    else:
        await context.bot.send_document(chat_id, file, caption=caption, reply_markup=markup)


async def _answer_query(query: CallbackQuery, toast: str | None) -> None:
    try:
        await query.answer(toast)
    except BadRequest as error:  # a press older than Telegram's answer window
        log.info("callback query %s not answered: %s", query.id, error)


async def _edit(query: CallbackQuery, reply: Reply, markup: InlineKeyboardMarkup | None) -> None:
    try:
        await query.edit_message_text(reply.text, reply_markup=markup)
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise


def run_polling(app: App, metrics: Metrics | None = None) -> int:
    """Long-poll Telegram until stopped (SIGINT/SIGTERM)."""
    application = TelegramChannel(app, metrics=metrics).build()
    application.run_polling(
        allowed_updates=Update.ALL_TYPES,
        timeout=app.settings.poll_timeout_seconds,
        poll_interval=0.0,
    )
    return 0
