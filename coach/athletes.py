"""The athlete as the coach sees them: settings, programme dates, pause state."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel

from coach.schedule import Schedule, Weekday

# When the weekly review goes out, local time, unless the athlete changes it or turns it off.
REVIEW_TIME = dt.time(19)


class Experience(StrEnum):
    NEVER = "never"
    SOME = "some"
    REGULAR = "regular"


class Athlete(BaseModel):
    """One athlete. Settings are None until the athlete has chosen them: no start date means
    no plan yet, no time zone means the default zone is used and no reminder is sent."""

    user_id: int
    chat_id: int
    display_name: str = ""
    timezone: str | None = None
    reminder_time: dt.time | None = None
    review_time: dt.time | None = REVIEW_TIME  # None: no weekly review
    start_date: dt.date | None = None
    # None until chosen: the guide's Saturday holds. A change made while the programme is under
    # way takes effect on `long_hike_day_changed_on`; the day before it was the earlier one.
    long_hike_day: Weekday | None = None
    long_hike_day_changed_on: dt.date | None = None
    earlier_long_hike_day: Weekday | None = None
    experience: Experience | None = None
    paused: bool = False
    paused_on: dt.date | None = None
    active: bool = True

    def zone(self, default: str) -> str:
        """The athlete's time zone, or `default` while they have not chosen one."""
        return self.timezone or default

    @property
    def schedule(self) -> Schedule | None:
        """The programme's shape (start date and long-hike day); None without a start date."""
        if self.start_date is None:
            return None
        return Schedule(
            start=self.start_date,
            long_hike_day=self.long_hike_day or Weekday.SATURDAY,
            changed_on=self.long_hike_day_changed_on,
            earlier_long_hike_day=self.earlier_long_hike_day,
        )

    def with_long_hike_day(self, day: Weekday, today: dt.date) -> Athlete:
        """The athlete with `day` as their long-hike day. The first choice holds at once (the
        guide's Saturday was only assumed); a change takes effect as `Schedule.with_long_hike_day`
        says."""
        schedule = self.schedule
        if schedule is None or self.long_hike_day is None:
            return self.model_copy(
                update={
                    "long_hike_day": day,
                    "long_hike_day_changed_on": None,
                    "earlier_long_hike_day": None,
                }
            )
        changed = schedule.with_long_hike_day(day, today)
        return self.model_copy(
            update={
                "long_hike_day": changed.long_hike_day,
                "long_hike_day_changed_on": changed.changed_on,
                "earlier_long_hike_day": changed.earlier_long_hike_day,
            }
        )


def pause(athlete: Athlete, today: dt.date) -> Athlete:
    """The athlete paused today; pausing twice keeps the first pause day."""
    if athlete.paused:
        return athlete
    return athlete.model_copy(update={"paused": True, "paused_on": today})


def resume(athlete: Athlete, today: dt.date) -> Athlete:
    """Resume where the athlete left off: the start date moves on by the days spent paused.

    Only days still inside the programme count, so a pause before the start or after week 12
    leaves the start date alone beyond what it needs. A long-hike day change still waiting for
    its week moves on with it, so it still begins a programme week.
    """
    if not athlete.paused:
        return athlete
    start, changed_on = athlete.start_date, athlete.long_hike_day_changed_on
    if start is not None and athlete.paused_on is not None:
        first_counted = max(athlete.paused_on, start)
        if today > first_counted:
            start = start + (today - first_counted)
            if changed_on is not None and changed_on > athlete.paused_on:
                changed_on = changed_on + (today - first_counted)
    return athlete.model_copy(
        update={
            "paused": False,
            "paused_on": None,
            "start_date": start,
            "long_hike_day_changed_on": changed_on,
        }
    )
