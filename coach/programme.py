"""The 12-week programme: which session falls on which date, from the athlete's start date."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.phases import PHASES, Phase, phase_for_week
from coach.sessions import Session, SessionKind
from coach.templates import SessionTemplate, template_for

PROGRAMME_WEEKS = 12
PROGRAMME_DAYS = PROGRAMME_WEEKS * 7


class DayStatus(StrEnum):
    BEFORE_START = "before_start"
    IN_PROGRAMME = "in_programme"
    COMPLETE = "complete"


class DayPlan(BaseModel):
    """What the coach has for one date: a countdown, a programme session or maintenance."""

    model_config = ConfigDict(frozen=True)

    date: dt.date
    status: DayStatus
    session: Session | None
    days_to_start: int = 0
    note: str = ""


def programme_day(start: dt.date, on: dt.date) -> int:
    """Day number within the programme: 1 on the start date, 0 the day before, 85 after week 12."""
    return (on - start).days + 1


def programme_week(start: dt.date, on: dt.date) -> int:
    """Week number counted from the start date (week 1 begins on it), at least 1."""
    return max(1, (programme_day(start, on) - 1) // 7 + 1)


def session_on(start: dt.date, on: dt.date) -> Session:
    """The session on `on`; weeks past 12 repeat the weeks 9–12 pattern (maintenance)."""
    day = programme_day(start, on)
    if day < 1:
        raise ValueError(f"{on.isoformat()} is before the programme starts ({start.isoformat()})")
    week = (day - 1) // 7 + 1
    template = template_for(on.weekday(), phase_for_week(min(week, PROGRAMME_WEEKS)).number)
    return _session_from(template, on, week)


def week_sessions(start: dt.date, week: int) -> list[Session]:
    """The seven sessions of programme week `week` (1–12), in date order."""
    if not 1 <= week <= PROGRAMME_WEEKS:
        raise ValueError(f"week must be between 1 and {PROGRAMME_WEEKS}, not {week}")
    first = start + dt.timedelta(days=(week - 1) * 7)
    return [session_on(start, first + dt.timedelta(days=i)) for i in range(7)]


def programme_sessions(start: dt.date) -> list[Session]:
    """All 84 sessions of the programme."""
    return [s for week in range(1, PROGRAMME_WEEKS + 1) for s in week_sessions(start, week)]


def day_plan(start: dt.date, on: dt.date) -> DayPlan:
    """Everything the coach says about `on`: countdown before the start, maintenance after."""
    day = programme_day(start, on)
    if day < 1:
        days_to_start = 1 - day
        return DayPlan(
            date=on,
            status=DayStatus.BEFORE_START,
            session=None,
            days_to_start=days_to_start,
            note=preparation_tip(days_to_start),
        )
    if day > PROGRAMME_DAYS:
        return DayPlan(
            date=on,
            status=DayStatus.COMPLETE,
            session=session_on(start, on),
            note=COMPLETE_NOTE,
        )
    return DayPlan(date=on, status=DayStatus.IN_PROGRAMME, session=session_on(start, on))


def current_phase(start: dt.date, on: dt.date) -> Phase | None:
    """The phase `on` falls in, or None before the start; after week 12 the last phase holds."""
    if programme_day(start, on) < 1:
        return None
    return phase_for_week(min(programme_week(start, on), PROGRAMME_WEEKS))


COMPLETE_NOTE = (
    "You've finished all 12 weeks. Well done! From here on, keep the weeks 9–12 rhythm as "
    "maintenance: Saturday's long hike stays the main event."
)

_TIPS = (
    "Tomorrow we begin. Keep the first run slower than feels necessary: walking breaks are part "
    "of the plan, not a failure.",
    "Check your shoes: trail shoes with grip are the one piece of kit running adds to hiking.",
    "Pick a trail loop for Tuesday with some soft ground and gentle slopes, close to home.",
    "Plan this Saturday's long hike now: it stays the most important session of every week.",
    "Tendons and ligaments adapt more slowly than your heart and lungs. That's why we start "
    "with run-walk, even if you feel fit.",
    "On downhills, lean slightly forward and take short, quick steps instead of braking.",
    "Strength work on Wednesdays (squats, step-ups, RDLs) protects your knees on descents.",
)


def preparation_tip(days_to_start: int) -> str:
    """A countdown line and one preparation tip, chosen by how far away the start is."""
    if days_to_start == 1:
        return _TIPS[0]
    tip = _TIPS[1 + (days_to_start - 2) % (len(_TIPS) - 1)]
    return f"{days_to_start} days to go. {tip}"


def _session_from(template: SessionTemplate, on: dt.date, week: int) -> Session:
    return Session(
        date=on,
        week=week,
        phase=phase_for_week(min(week, PROGRAMME_WEEKS)).number,
        kind=template.kind,
        minutes_min=template.minutes_min,
        minutes_max=template.minutes_max,
        title=template.title,
        details=template.details,
        why=template.why,
        cues=template.cues,
    )


__all__ = [
    "COMPLETE_NOTE",
    "PHASES",
    "PROGRAMME_DAYS",
    "PROGRAMME_WEEKS",
    "DayPlan",
    "DayStatus",
    "Phase",
    "SessionKind",
    "current_phase",
    "day_plan",
    "preparation_tip",
    "programme_day",
    "programme_sessions",
    "programme_week",
    "session_on",
    "week_sessions",
]
