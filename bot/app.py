"""The composition root: everything the application needs, built once from Settings."""

from __future__ import annotations

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
