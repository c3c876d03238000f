"""Free-text check-ins: what the athlete did, read from the words hikers actually use."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, Field


class Activity(StrEnum):
    HIKE = "hike"
    RUN = "run"
    STRENGTH = "strength"
    WALK = "walk"
    REST = "rest"
    OTHER = "other"


class PainSite(StrEnum):
    KNEE = "knee"
    ACHILLES = "achilles"
    IT_BAND = "it_band"
    ANKLE = "ankle"
    SHIN = "shin"
    CALF = "calf"
    HIP = "hip"
    FOOT = "foot"
    BACK = "back"
    QUAD = "quad"
    HAMSTRING = "hamstring"


class CheckinReading(BaseModel):
    """What one check-in message says. None where the message does not tell."""

    activity: Activity | None = None
    duration_min: int | None = Field(default=None, ge=1, le=24 * 60)
    rpe: int | None = Field(default=None, ge=1, le=10)
    hard: bool = False
    pain: list[PainSite] = Field(default_factory=list)
    skipped: bool = False
    date: dt.date
    pain_cleared: bool = False

    @property
    def recognised(self) -> bool:
        """True when the message reads as a check-in at all."""
        return bool(
            self.activity is not None
            or self.duration_min is not None
            or self.rpe is not None
            or self.pain
            or self.skipped
            or self.pain_cleared
        )

    def as_json(self) -> dict[str, object]:
        """The public JSON shape of `trailcoach checkin --json`."""
        return {
            "activity": self.activity.value if self.activity else None,
            "duration_min": self.duration_min,
            "rpe": self.rpe,
            "hard": self.hard,
            "pain": [site.value for site in self.pain],
            "skipped": self.skipped,
            "date": self.date.isoformat(),
        }


class LoggedCheckin(CheckinReading):
    """A stored check-in: the reading plus what the coach kept about it."""

    id: int | None = None
    raw_text: str = ""
    rpe_estimated: bool = False
    load: int | None = None
    created_at: dt.datetime | None = None
