"""Stored things the coach has no model for: the conversation's state, declined questions."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Setting(StrEnum):
    """The athlete's settings, in the order onboarding asks for them."""

    START_DATE = "start_date"
    LONG_HIKE_DAY = "long_hike_day"
    TIMEZONE = "timezone"
    REMINDER = "reminder"
    EXPERIENCE = "experience"
    REVIEW = "review"  # the weekly review's time; has a default, so onboarding never asks


class DialogueState(BaseModel):
    """Where the conversation with one athlete stands: the onboarding question being asked,
    and apart from it what the coach waits for, a typed value for one setting, an RPE for one
    check-in or a corrected duration for one (at most one of the three)."""

    model_config = ConfigDict(frozen=True)

    onboarding: Setting | None = None
    awaiting_setting: Setting | None = None
    awaiting_rpe_for: int | None = None
    awaiting_duration_for: int | None = None

    @property
    def waiting(self) -> bool:
        return (
            self.awaiting_setting is not None
            or self.awaiting_rpe_for is not None
            or self.awaiting_duration_for is not None
        )

    def stop_waiting(self) -> DialogueState:
        return self.model_copy(
            update={
                "awaiting_setting": None,
                "awaiting_rpe_for": None,
                "awaiting_duration_for": None,
            }
        )


class ReminderStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class ReminderKind(StrEnum):
    """What a scheduled message is: the day's session, or the review at the end of a
    programme week. Each goes at most once per athlete and local date."""

    SESSION = "session"
    WEEKLY_REVIEW = "weekly_review"


class ReminderRecord(BaseModel):
    """One daily reminder as stored: the day it was for, when it was due and sent, what became
    of it (pending, sent, failed, skipped)."""

    model_config = ConfigDict(frozen=True)

    local_date: dt.date
    status: ReminderStatus
    due_at: dt.datetime
    sent_at: dt.datetime | None = None
    late: bool = False


class UnansweredQuestion(BaseModel):
    """A question the coach could not answer well, kept so the answers can grow."""

    id: int | None = None
    user_id: int | None = None
    text: str
    score: float
    created_at: dt.datetime | None = None
