"""The athlete's profile and conversation state: find or create them, change a setting, pause
and resume, forget them."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.services.unit_of_work import UnitOfWork
from bot.storage.records import DialogueState, Setting
from coach.athletes import Athlete, Experience, pause, resume
from coach.schedule import Weekday


class Identity(BaseModel):
    """Who is writing, as the channel knows them."""

    model_config = ConfigDict(frozen=True)

    user_id: int
    chat_id: int
    display_name: str = ""


class SettingValue(BaseModel):
    """One setting with its new value (None for the reminder or the review means none)."""

    model_config = ConfigDict(frozen=True)

    setting: Setting
    start_date: dt.date | None = None
    long_hike_day: Weekday | None = None
    timezone: str | None = None
    reminder_time: dt.time | None = None
    experience: Experience | None = None
    review_time: dt.time | None = None

    def applied_to(self, athlete: Athlete, today: dt.date) -> Athlete:
        """The athlete with this value set; a new long-hike day takes effect from the next
        programme week once the programme is under way (`Athlete.with_long_hike_day`)."""
        if self.setting is Setting.LONG_HIKE_DAY:
            assert self.long_hike_day is not None
            return athlete.with_long_hike_day(self.long_hike_day, today)
        field = {
            Setting.START_DATE: "start_date",
            Setting.TIMEZONE: "timezone",
            Setting.REMINDER: "reminder_time",
            Setting.EXPERIENCE: "experience",
            Setting.REVIEW: "review_time",
        }[self.setting]
        return athlete.model_copy(update={field: getattr(self, field)})


class Missing(StrEnum):
    """What an athlete has not told the coach yet."""

    START_DATE = "start_date"  # no plan without it
    TIMEZONE = "timezone"  # no reminders without it
    EXPERIENCE = "experience"  # coached as a beginner until then


def find_athlete(uow: UnitOfWork, user_id: int) -> tuple[Athlete | None, DialogueState]:
    """The athlete and where the conversation stands. Writing again after blocking the bot
    makes them reachable again, so reminders resume."""
    athlete = uow.athletes.get(user_id)
    if athlete is not None and not athlete.active:
        athlete = uow.athletes.save(athlete.model_copy(update={"active": True}))
    return athlete, uow.athletes.state(user_id)


def ensure_athlete(uow: UnitOfWork, identity: Identity) -> Athlete:
    """The athlete, created on first contact with nothing chosen yet."""
    athlete = uow.athletes.get(identity.user_id)
    if athlete is None:
        athlete = uow.athletes.save(
            Athlete(
                user_id=identity.user_id,
                chat_id=identity.chat_id,
                display_name=identity.display_name[:100],
            )
        )
    return athlete


def save_state(uow: UnitOfWork, user_id: int, state: DialogueState) -> None:
    uow.athletes.save_state(user_id, state)


def change_setting(
    uow: UnitOfWork, athlete: Athlete, value: SettingValue, state: DialogueState, today: dt.date
) -> tuple[Athlete, DialogueState]:
    """Store a new value for one setting. A wait for that setting's value is over."""
    changed = uow.athletes.save(value.applied_to(athlete, today))
    if state.awaiting_setting is value.setting:
        state = state.stop_waiting()
        uow.athletes.save_state(athlete.user_id, state)
    return changed, state


def missing(athlete: Athlete | None) -> list[Missing]:
    """What the coach still needs to know, most important first."""
    if athlete is None:
        return list(Missing)
    gaps = []
    if athlete.start_date is None:
        gaps.append(Missing.START_DATE)
    if athlete.timezone is None:
        gaps.append(Missing.TIMEZONE)
    if athlete.experience is None:
        gaps.append(Missing.EXPERIENCE)
    return gaps


def reminders_ready(athlete: Athlete) -> bool:
    """Reminders go out once a start date, a time zone and a reminder time are set, however
    they were set, while coaching is not paused."""
    return (
        athlete.start_date is not None
        and athlete.timezone is not None
        and athlete.reminder_time is not None
        and not athlete.paused
    )


def pause_coaching(uow: UnitOfWork, athlete: Athlete, today: dt.date) -> Athlete | None:
    """Pause from today; None when already paused."""
    if athlete.paused:
        return None
    return uow.athletes.save(pause(athlete, today))


def resume_coaching(uow: UnitOfWork, athlete: Athlete, today: dt.date) -> Athlete | None:
    """Resume, the start date moved on by the days spent paused; None when not paused."""
    if not athlete.paused:
        return None
    return uow.athletes.save(resume(athlete, today))


def forget_athlete(uow: UnitOfWork, user_id: int) -> int:
    """Delete the athlete and every row about them; how many rows went."""
    return uow.athletes.forget(user_id)


def mark_unreachable(uow: UnitOfWork, chat_id: int) -> bool:
    """The athlete blocked the bot: stop writing to them until they write again."""
    return uow.athletes.mark_inactive(chat_id=chat_id)
