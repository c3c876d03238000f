"""What one day of training is: the session model shared by the whole coach."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class SessionKind(StrEnum):
    REST = "rest"
    EASY_WALK = "easy_walk"
    RUN_WALK = "run_walk"
    EASY_RUN = "easy_run"
    HILL_REPEATS = "hill_repeats"
    STRENGTH = "strength"
    LONG_HIKE = "long_hike"
    RECOVERY_HIKE = "recovery_hike"


RUNNING_KINDS = frozenset({SessionKind.RUN_WALK, SessionKind.EASY_RUN, SessionKind.HILL_REPEATS})
RESTFUL_KINDS = frozenset({SessionKind.REST, SessionKind.EASY_WALK})
# The week's hard days: two of them in a row is too much, and neither goes the day before the
# long hike.
HARD_KINDS = frozenset({SessionKind.LONG_HIKE, SessionKind.HILL_REPEATS})


def duration_text(minutes: int) -> str:
    """Minutes as a person says them: '45 min', '5 h', '4 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


class Session(BaseModel):
    """One prescribed session on one calendar date."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    week: int
    phase: int
    kind: SessionKind
    minutes_min: int | None
    minutes_max: int | None
    title: str
    details: str
    why: str
    cues: tuple[str, ...] = ()
    adjusted_reason: str | None = None

    @property
    def weekday(self) -> str:
        return self.date.strftime("%A").lower()

    @property
    def is_running(self) -> bool:
        return self.kind in RUNNING_KINDS

    @property
    def is_rest_day(self) -> bool:
        """A day off: the rest day, or 'rest or easy walk' with nothing prescribed."""
        return self.kind is SessionKind.REST or (
            self.kind in RESTFUL_KINDS and self.minutes_max is None
        )

    @property
    def duration_text(self) -> str:
        """The duration as a person reads it: '45–60 min', '4–7 h', '45 min' or ''."""
        if self.minutes_max is None:
            return ""
        low = self.minutes_min if self.minutes_min is not None else self.minutes_max
        if low >= 120 and low % 60 == 0 and self.minutes_max % 60 == 0:
            hours = (low // 60, self.minutes_max // 60)
            return f"{hours[0]} h" if hours[0] == hours[1] else f"{hours[0]}–{hours[1]} h"
        if low == self.minutes_max:
            return f"{low} min"
        return f"{low}–{self.minutes_max} min"

    def as_plan_row(self) -> dict[str, object]:
        """The public JSON shape of `trailcoach plan --json`."""
        return {
            "date": self.date.isoformat(),
            "week": self.week,
            "phase": self.phase,
            "weekday": self.weekday,
            "kind": self.kind.value,
            "minutes_min": self.minutes_min,
            "minutes_max": self.minutes_max,
            "title": self.title,
            "details": self.details,
        }
