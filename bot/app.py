"""The composition root: everything the application needs, built once from Settings."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.clock import Clock
from bot.dialogue.conversation import Conversation
from bot.settings import Settings
from bot.storage.database import Database
from bot.storage.migrate import upgrade
from coach.faq import KnowledgeBase, load_knowledge_base


@dataclass
class Services:
    settings: Settings
    clock: Clock
    database: Database
    faq: KnowledgeBase
    conversation: Conversation

    def close(self) -> None:
        self.database.dispose()


def build_services(settings: Settings, *, migrate: bool = True) -> Services:
    """Connect to the database (raising DatabaseUnavailable), bring it to head, wire it up."""
    database = Database(settings.database_url)
    try:
        database.check()
        if migrate:
            upgrade(settings.database_url)
    except BaseException:
        database.dispose()
        raise
    faq = load_knowledge_base()
    conversation = Conversation(database, faq, settings.default_timezone)
    return Services(settings, Clock(settings.clock_start), database, faq, conversation)


class _RedactToken(logging.Filter):
    """Belt and braces: no log line may carry the bot token, whatever library logs it."""

    def __init__(self, secret: str) -> None:
        super().__init__()
        self._secret = secret

    def filter(self, record: logging.LogRecord) -> bool:
        if self._secret and self._secret in record.getMessage():
            record.msg = record.getMessage().replace(self._secret, "<token>")
            record.args = ()
        return True


def configure_logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    # httpx logs every request URL at INFO, and Telegram URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if settings.telegram_bot_token is not None:
        redact = _RedactToken(settings.telegram_bot_token.get_secret_value())
        for handler in logging.getLogger().handlers:
            handler.addFilter(redact)
