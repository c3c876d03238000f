"""What one turn of the dialogue works with: the update, the clock, the unit of work."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session as DbSession

from bot.dialogue.messages import Incoming
from bot.storage.repositories import (
    AdjustmentRepository,
    AthleteRepository,
    CheckinRepository,
    UnansweredQuestionRepository,
)
from coach.athletes import Athlete


@dataclass
class Turn:
    """One incoming message and everything needed to answer it, inside one transaction."""

    incoming: Incoming
    now: dt.datetime
    db: DbSession
    default_timezone: str
    athlete: Athlete | None = None
    athletes: AthleteRepository = field(init=False)
    checkins: CheckinRepository = field(init=False)
    adjustments: AdjustmentRepository = field(init=False)
    unanswered: UnansweredQuestionRepository = field(init=False)

    def __post_init__(self) -> None:
        self.athletes = AthleteRepository(self.db)
        self.checkins = CheckinRepository(self.db)
        self.adjustments = AdjustmentRepository(self.db)
        self.unanswered = UnansweredQuestionRepository(self.db)
        self.athlete = self.athletes.get(self.incoming.user_id)
        if self.athlete is not None and not self.athlete.active:
            # They blocked the bot once; writing to it again means they can be reached.
            self.save(self.athlete.model_copy(update={"active": True}))

    @property
    def timezone(self) -> str:
        return self.athlete.timezone if self.athlete else self.default_timezone

    @property
    def today(self) -> dt.date:
        """Today in the athlete's own time zone."""
        return self.now.astimezone(ZoneInfo(self.timezone)).date()

    def ensure_athlete(self) -> Athlete:
        """The athlete of this turn, created on first contact with no plan and no question
        pending: only /start begins onboarding."""
        if self.athlete is None:
            self.athlete = Athlete(
                user_id=self.incoming.user_id,
                chat_id=self.incoming.chat_id,
                display_name=self.incoming.display_name[:100],
                timezone=self.default_timezone,
            )
            self.save(self.athlete)
        return self.athlete

    def save(self, athlete: Athlete) -> Athlete:
        self.athletes.save(athlete)
        self.athlete = athlete
        return athlete
