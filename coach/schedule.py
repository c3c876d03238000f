"""When the athlete trains: the start date and the long-hike day, and the weekday arithmetic
around them.

The guide's table puts the long hike on Saturday. An athlete whose weekend falls elsewhere
picks another day, and the whole week turns with it, so the order around the long hike holds:
the recovery hike the day after it, then rest or an easy walk, the easy run, strength, the
mostly-walking session (hill repeats from week 9) and a rest day before the next long hike.
The coach works in the guide's weekdays (`guide_weekday`) and names the real ones.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

# The guide's weekdays, Monday = 0: the table the templates are written in.
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
GUIDE_LONG_HIKE = SAT


class Weekday(StrEnum):
    MONDAY = "monday"
    TUESDAY = "tuesday"
    WEDNESDAY = "wednesday"
    THURSDAY = "thursday"
    FRIDAY = "friday"
    SATURDAY = "saturday"
    SUNDAY = "sunday"

    @property
    def index(self) -> int:
        """Monday = 0 … Sunday = 6, as `date.weekday()` counts."""
        return list(Weekday).index(self)

    @property
    def label(self) -> str:
        """'Saturday'."""
        return self.value.capitalize()

    @classmethod
    def of(cls, day: dt.date) -> Weekday:
        return list(cls)[day.weekday()]

    @classmethod
    def at(cls, index: int) -> Weekday:
        return list(cls)[index % 7]


class Schedule(BaseModel):
    """The shape of one athlete's programme: week 1 begins on `start`, and the long hike falls on
    `long_hike_day`. A day changed while the programme is under way takes effect from
    `changed_on` (the first day of the next programme week), so the week in progress keeps the
    order it was planned in; before that date `earlier_long_hike_day` holds."""

    model_config = ConfigDict(frozen=True)

    start: dt.date
    long_hike_day: Weekday = Weekday.SATURDAY
    changed_on: dt.date | None = None
    earlier_long_hike_day: Weekday | None = None

    def long_hike_day_on(self, on: dt.date) -> Weekday:
        """The long-hike day in force on `on`."""
        changed = self.changed_on
        if changed is not None and self.earlier_long_hike_day is not None and on < changed:
            return self.earlier_long_hike_day
        return self.long_hike_day

    def guide_weekday(self, on: dt.date) -> int:
        """The weekday `on` plays in the guide's table: SAT on the long-hike day."""
        shift = self.long_hike_day_on(on).index - GUIDE_LONG_HIKE
        return (on.weekday() - shift) % 7

    def real_weekday(self, guide_weekday: int, near: dt.date) -> Weekday:
        """The real weekday that plays `guide_weekday` in the week around `near`."""
        shift = self.long_hike_day_on(near).index - GUIDE_LONG_HIKE
        return Weekday.at(guide_weekday + shift)

    def next_playing(self, guide_weekday: int, after: dt.date) -> dt.date:
        """The first date strictly after `after` that plays `guide_weekday`."""
        day = after + dt.timedelta(days=1)
        while self.guide_weekday(day) != guide_weekday:
            day += dt.timedelta(days=1)
        return day

    def day_names(self, near: dt.date) -> dict[str, str]:
        """The real weekday names of the week's roles around `near`, for the templates' texts:
        {long}, {recovery}, {run}, {strength}, {walk} and {rest}."""
        roles = {
            "long": SAT,
            "recovery": SUN,
            "easy": MON,
            "run": TUE,
            "strength": WED,
            "walk": THU,
            "rest": FRI,
        }
        return {role: self.real_weekday(day, near).label for role, day in roles.items()}

    def with_long_hike_day(self, day: Weekday, today: dt.date) -> Schedule:
        """The schedule after the athlete picks `day`: at once before the start, else from the
        first day of the next programme week. Picking again before then replaces the change."""
        if today < self.start:
            return self.model_copy(
                update={"long_hike_day": day, "changed_on": None, "earlier_long_hike_day": None}
            )
        in_force = self.long_hike_day_on(today)
        if day is in_force:
            return self.model_copy(
                update={"long_hike_day": day, "changed_on": None, "earlier_long_hike_day": None}
            )
        days_in = (today - self.start).days
        next_week = self.start + dt.timedelta(days=(days_in // 7 + 1) * 7)
        return self.model_copy(
            update={
                "long_hike_day": day,
                "changed_on": next_week,
                "earlier_long_hike_day": in_force,
            }
        )
