"""The composition root: everything the application needs, built once from Settings, for the
bot and for every command-line command."""

from __future__ import annotations

import datetime as dt
import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bot.calendar_feed import CALENDAR_PATH
from bot.clock import Clock
from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import Reply
from bot.dialogue.reminder_text import reminder_reply
from bot.dialogue.review_text import review_reply
from bot.progress import ProgressRenderer
from bot.reminders.delivery import Sender
from bot.reminders.leadership import AdvisoryLockLeadership, Leadership, SoleLeader
from bot.reminders.service import ReminderService
from bot.reminders.store import Content, ReminderStore
from bot.services.reviews import WeeklyReview
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.migrate import upgrade
from coach.faq import KnowledgeBase, load_knowledge_base

log = logging.getLogger(__name__)


@dataclass
class App:
    """The application's parts, wired together. `close()` releases the database."""

    settings: Settings
    clock: Clock
    database: Database
    faq: KnowledgeBase
    conversation: Conversation
    renderer: ProgressRenderer

    def reminder_service(self, sender: Sender[Reply]) -> ReminderService[Reply]:
        """The reminder tick for this process, sending through `sender`; on PostgreSQL only
        the replica holding the advisory lock sends."""
        settings = self.settings
        grace = dt.timedelta(minutes=settings.reminder_grace_minutes)
        leadership: Leadership = SoleLeader()
        if self.database.engine.dialect.name == "postgresql":
            leadership = AdvisoryLockLeadership(self.database.engine)
        return ReminderService(
            ReminderStore(self.database, grace),
            sender,
            render_reminder,
            grace=grace,
            tick_seconds=settings.reminder_tick_seconds,
            send_rate=settings.sending_rate,
            clock=self.clock.now,
            leadership=leadership,
            max_lead=dt.timedelta(minutes=settings.reminder_max_lead_minutes),
        )

    def close(self) -> None:
        self.database.dispose()


def render_reminder(reminder_id: int, content: Content, late: bool) -> Reply | None:
    """The message for a claimed reminder of either kind; a review says nothing of lateness."""
    if isinstance(content, WeeklyReview):
        return review_reply(content)
    return reminder_reply(reminder_id, content, late=late)


def bootstrap(settings: Settings, *, migrate: bool = True, faq_model: bool = True) -> App:
    """Connect to the database (raising DatabaseUnavailable), bring it to head, wire it up.
    Commands that answer no questions pass `faq_model=False` and skip loading the model."""
    database = Database(settings.database_url)
    try:
        database.check()
        if migrate:
            upgrade(settings.database_url)
    except BaseException:
        database.dispose()
        raise
    faq = build_faq(settings, model=faq_model)
    renderer = ProgressRenderer(Path(tempfile.gettempdir()) / "trailcoach-matplotlib")
    conversation = Conversation(
        database,
        faq,
        settings.default_timezone,
        renderer=renderer,
        calendar_base_url=calendar_base_url(settings),
    )
    return App(settings, Clock(settings.clock_start), database, faq, conversation, renderer)


def calendar_base_url(settings: Settings) -> str | None:
    """Where the webhook server serves private calendar feeds, when there is one."""
    if not settings.webhook_url:
        return None
    parts = urlsplit(settings.webhook_url)
    return f"{parts.scheme}://{parts.netloc}{CALENDAR_PATH}"


def build_faq(settings: Settings, *, model: bool = True) -> KnowledgeBase:
    """The FAQ knowledge base, for the bot and for `trailcoach ask`, which needs no database:
    matching by meaning too when the sentence model is installed, FAQ_MODEL is on and `model`."""
    embedder = None
    if model and settings.faq_model:
        # Imported here: numpy and onnxruntime are for the FAQ alone, not every command.
        from bot.embedding import ModelUnavailable, load_embedder

        try:
            embedder = load_embedder(settings.faq_cache_dir)
        except ModelUnavailable as error:
            log.info("FAQ: matching words only, without the sentence model: %s", error)
    return load_knowledge_base(embedder=embedder)
