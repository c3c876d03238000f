"""What one turn of the dialogue works with: the message, the clock, the unit of work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from bot.dialogue.messages import Incoming
from bot.progress import ProgressRenderer
from bot.services.athletes import Identity, ensure_athlete, find_athlete, save_state
from bot.services.unit_of_work import UnitOfWork
from bot.storage.records import DialogueState
from coach.athletes import Athlete
from coach.faq import KnowledgeBase


@dataclass
class Turn:
    """One incoming message and everything needed to answer it, inside one transaction."""

    incoming: Incoming
    now: dt.datetime
    uow: UnitOfWork
    faq: KnowledgeBase
    default_timezone: str
    renderer: ProgressRenderer
    # Where private calendar feeds are served (".../calendar"), when the bot serves them.
    calendar_base_url: str | None = None
    athlete: Athlete | None = field(init=False)
    state: DialogueState = field(init=False)

    def __post_init__(self) -> None:
        self.athlete, self.state = find_athlete(self.uow, self.incoming.user_id)

    @property
    def timezone(self) -> str:
        return self.athlete.zone(self.default_timezone) if self.athlete else self.default_timezone

    @property
    def today(self) -> dt.date:
        """Today in the athlete's own time zone."""
        return self.now.astimezone(ZoneInfo(self.timezone)).date()

    @property
    def identity(self) -> Identity:
        incoming = self.incoming
        return Identity(
            user_id=incoming.user_id, chat_id=incoming.chat_id, display_name=incoming.display_name
        )

    def ensure_athlete(self) -> Athlete:
        """The athlete of this turn, created on first contact with nothing set and nothing
        asked: only /start begins onboarding."""
        if self.athlete is None:
            self.athlete = ensure_athlete(self.uow, self.identity)
        return self.athlete

    def set_state(self, state: DialogueState) -> None:
        """Store where the conversation stands now."""
        if state != self.state:
            save_state(self.uow, self.ensure_athlete().user_id, state)
            self.state = state

    def stop_waiting(self) -> None:
        """The coach no longer waits for a typed value or rating."""
        self.set_state(self.state.stop_waiting())
