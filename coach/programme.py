"""The 12-week programme: which session falls on which date, from the athlete's schedule (start
date and long-hike day)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.phases import PHASES, Phase, phase_for_week
from coach.schedule import Schedule, Weekday
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


def programme_day(schedule: Schedule, on: dt.date) -> int:
    """Day number within the programme: 1 on the start date, 0 the day before, 85 after week 12."""
    return (on - schedule.start).days + 1


def programme_week(schedule: Schedule, on: dt.date) -> int:
    """Week number counted from the start date (week 1 begins on it), at least 1."""
    return max(1, (programme_day(schedule, on) - 1) // 7 + 1)


def week_dates(schedule: Schedule, week: int) -> list[dt.date]:
    """The seven dates of programme week `week` (1 or more), in order."""
    if week < 1:
        raise ValueError(f"week must be 1 or more, not {week}")
    first = schedule.start + dt.timedelta(days=(week - 1) * 7)
    return [first + dt.timedelta(days=i) for i in range(7)]


def session_on(schedule: Schedule, on: dt.date) -> Session:
    """The session on `on`; weeks past 12 repeat the weeks 9–12 pattern (maintenance)."""
    day = programme_day(schedule, on)
    if day < 1:
        raise ValueError(
            f"{on.isoformat()} is before the programme starts ({schedule.start.isoformat()})"
        )
    week = (day - 1) // 7 + 1
    phase = phase_for_week(min(week, PROGRAMME_WEEKS)).number
    template = template_for(schedule.guide_weekday(on), phase)
    return _session_from(template, on, week, schedule.day_names(on))


def week_sessions(schedule: Schedule, week: int) -> list[Session]:
    """The seven sessions of programme week `week` (1–12), in date order."""
    if not 1 <= week <= PROGRAMME_WEEKS:
        raise ValueError(f"week must be between 1 and {PROGRAMME_WEEKS}, not {week}")
    return [session_on(schedule, day) for day in week_dates(schedule, week)]


def programme_sessions(schedule: Schedule) -> list[Session]:
    """All 84 sessions of the programme."""
    return [s for week in range(1, PROGRAMME_WEEKS + 1) for s in week_sessions(schedule, week)]


def day_plan(schedule: Schedule, on: dt.date) -> DayPlan:
    """Everything the coach says about `on`: countdown before the start, maintenance after."""
    day = programme_day(schedule, on)
    if day < 1:
        days_to_start = 1 - day
        return DayPlan(
            date=on,
            status=DayStatus.BEFORE_START,
            session=None,
            days_to_start=days_to_start,
            note=preparation_tip(days_to_start, schedule),
        )
    if day > PROGRAMME_DAYS:
        return DayPlan(
            date=on,
            status=DayStatus.COMPLETE,
            session=session_on(schedule, on),
            note=complete_note(schedule, on),
        )
    return DayPlan(date=on, status=DayStatus.IN_PROGRAMME, session=session_on(schedule, on))


def current_phase(schedule: Schedule, on: dt.date) -> Phase | None:
    """The phase `on` falls in, or None before the start; after week 12 the last phase holds."""
    if programme_day(schedule, on) < 1:
        return None
    return phase_for_week(min(programme_week(schedule, on), PROGRAMME_WEEKS))


_COMPLETE_NOTE = (
    "You've finished all 12 weeks. Well done! From here on, keep the weeks 9–12 rhythm as "
    "maintenance: {long}'s long hike stays the main event."
)


def complete_note(schedule: Schedule, on: dt.date) -> str:
    """What the coach says once all 12 weeks are done, naming the athlete's long-hike day."""
    return _COMPLETE_NOTE.format(**schedule.day_names(on))


_TIPS = (
    "Tomorrow we begin. Keep the first run slower than feels necessary: walking breaks are part "
    "of the plan, not a failure.",
    "Check your shoes: trail shoes with grip are the one piece of kit running adds to hiking.",
    "Pick a trail loop for {run} with some soft ground and gentle slopes, close to home.",
    "Plan this {long}'s long hike now: it stays the most important session of every week.",
    "Tendons and ligaments adapt more slowly than your heart and lungs. That's why we start "
    "with run-walk, even if you feel fit.",
    "On downhill runs, lean slightly forward and take short, quick steps instead of braking.",
    "Strength work on {strength}s (squats, step-ups, RDLs) protects your knees on descents.",
)


def preparation_tip(days_to_start: int, schedule: Schedule) -> str:
    """A countdown line and one preparation tip, chosen by how far away the start is."""
    if days_to_start == 1:
        return _TIPS[0]
    tip = _TIPS[1 + (days_to_start - 2) % (len(_TIPS) - 1)]
    return f"{days_to_start} days to go. {tip.format(**schedule.day_names(schedule.start))}"


def _session_from(
    template: SessionTemplate, on: dt.date, week: int, names: dict[str, str]
) -> Session:
    return Session(
        date=on,
        week=week,
        phase=phase_for_week(min(week, PROGRAMME_WEEKS)).number,
        kind=template.kind,
        minutes_min=template.minutes_min,
        minutes_max=template.minutes_max,
        title=template.title,
        details=template.details.format(**names),
        why=template.why.format(**names),
        cues=tuple(cue.format(**names) for cue in template.cues),
    )


__all__ = [
    "PHASES",
    "PROGRAMME_DAYS",
    "PROGRAMME_WEEKS",
    "DayPlan",
    "DayStatus",
    "Phase",
    "Schedule",
    "SessionKind",
    "Weekday",
    "complete_note",
    "current_phase",
    "day_plan",
    "preparation_tip",
    "programme_day",
    "programme_sessions",
    "programme_week",
    "session_on",
    "week_dates",
    "week_sessions",
]
