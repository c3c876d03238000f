"""Moving a session to another day of its programme week, within the guide's rules.

A move swaps the sessions of two days: "move Tuesday's run to Wednesday" puts the run on
Wednesday and Wednesday's session on Tuesday (nothing is dropped or doubled, so the week keeps
what it had). It is allowed when the week still keeps the guide's rules: at most two runs a
week in weeks 1–8, nothing hard or running the day before the long hike, and no two hard days
(the long hike, hill repeats) in a row. Otherwise the coach says why and offers the
nearest day that works.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach import vocabulary
from coach.adjustments import (
    Adjustment,
    AdjustmentCause,
    AthletePlan,
    placement,
    planned_session,
    planned_sessions,
)
from coach.programme import programme_day, programme_week, session_on, week_dates
from coach.schedule import Weekday
from coach.sessions import HARD_KINDS, RUNNING_KINDS, SessionKind

# Weeks 1–8: two runs a week at most, one of them mostly walking. The week is the athlete's
# programme week: a swap inside it keeps its count, and the check stays so that nothing else
# ever adds a third.
TWO_RUN_WEEKS = 8
MAX_RUNS_IN_A_WEEK = 2


class MoveProblem(StrEnum):
    PAST = "past"
    DONE = "done"
    OTHER_WEEK = "other_week"
    SAME_DAY = "same_day"
    NOTHING_TO_MOVE = "nothing_to_move"
    THIRD_RUN = "third_run"
    HARD_BEFORE_LONG_HIKE = "hard_before_long_hike"
    HARD_IN_A_ROW = "hard_in_a_row"
    NOT_FOUND = "not_found"


class MoveCheck(BaseModel):
    """Whether a session may move from `from_date` to `to_date`, and if not, why not (`why`,
    for the athlete) and the nearest day it could go to instead."""

    model_config = ConfigDict(frozen=True)

    from_date: dt.date | None
    to_date: dt.date | None
    problem: MoveProblem | None = None
    why: str = ""
    nearest: dt.date | None = None

    @property
    def allowed(self) -> bool:
        return self.problem is None


class MoveRequest(BaseModel):
    """A move in the athlete's words: from a day or of a kind of session, to a day."""

    model_config = ConfigDict(frozen=True)

    from_day: Weekday | None = None
    kinds: frozenset[SessionKind] = frozenset()
    what: str = "session"
    to_day: Weekday


def check_move(plan: AthletePlan, from_date: dt.date, to_date: dt.date) -> MoveCheck:
    """Whether the session of `from_date` may swap with `to_date`'s; with the nearest day that
    works when it may not."""
    problem, why = _problem(plan, from_date, to_date)
    if problem is None:
        return MoveCheck(from_date=from_date, to_date=to_date)
    nearest = None
    if problem not in (MoveProblem.PAST, MoveProblem.DONE, MoveProblem.NOTHING_TO_MOVE):
        nearest = nearest_day(plan, from_date, to_date)
    return MoveCheck(
        from_date=from_date, to_date=to_date, problem=problem, why=why, nearest=nearest
    )


def days_that_work(plan: AthletePlan, from_date: dt.date) -> list[dt.date]:
    """The days of `from_date`'s programme week, today or later, its session may move to."""
    return [
        day
        for day in _open_days(plan, from_date)
        if day != from_date and _problem(plan, from_date, day)[0] is None
    ]


def nearest_day(plan: AthletePlan, from_date: dt.date, wanted: dt.date) -> dt.date | None:
    """The day closest to `wanted` (the earlier one on a tie) that the session may move to,
    without pushing the long hike off its day unless nothing else works."""
    works = days_that_work(plan, from_date)
    kinds = _kinds(plan, works)

    def closeness(day: dt.date) -> tuple[bool, int, dt.date]:
        return (kinds[day] is SessionKind.LONG_HIKE, abs((day - wanted).days), day)

    return min(works, key=closeness, default=None)


def movable_days(plan: AthletePlan) -> list[dt.date]:
    """The days of the current programme week, today or later, with a session to move."""
    return [
        day
        for day in _open_days(plan, max(plan.today, plan.schedule.start))
        if not planned_session(plan, day).is_rest_day and days_that_work(plan, day)
    ]


def move(plan: AthletePlan, from_date: dt.date, to_date: dt.date) -> Adjustment:
    """The stored change for a move already checked: the two days swap their sessions."""
    week = programme_week(plan.schedule, from_date)
    placed = placement(plan, week)
    moving = planned_session(plan, from_date)
    coming_back = planned_session(plan, to_date)
    what = session_word(moving.kind)
    back = "a rest day" if coming_back.is_rest_day else coming_back.title.lower()
    return Adjustment(
        cause=AdjustmentCause.MOVE,
        session_date=from_date,
        moved_to=to_date,
        from_kind=session_on(plan.schedule, placed[from_date]).kind,
        to_kind=session_on(plan.schedule, placed[to_date]).kind,
        minutes_min=None,
        minutes_max=None,
        title=moving.title,
        details="",
        reason=f"You moved {from_date:%A}'s {what} to {to_date:%A}; {from_date:%A} now has "
        f"{back}.",
    )


def resolve(plan: AthletePlan, request: MoveRequest) -> MoveCheck:
    """The dates a request in words means, in the current programme week, checked."""
    dates = _week_of(plan, max(plan.today, plan.schedule.start))
    by_day = {Weekday.of(day): day for day in dates}
    # The day to move to is the next one of that name, so "Monday" on a Saturday is the
    # coming Monday (in the next programme week, which the check then says).
    to_date = plan.today + dt.timedelta(days=(request.to_day.index - plan.today.weekday()) % 7)
    if request.from_day is not None:
        from_date = by_day[request.from_day]
        there = planned_session(plan, from_date).kind
        if request.kinds and there not in request.kinds:
            elsewhere = [d for d in dates if planned_session(plan, d).kind in request.kinds]
            where = f" This week's is on {elsewhere[0]:%A}." if len(elsewhere) == 1 else ""
            return MoveCheck(
                from_date=from_date,
                to_date=to_date,
                problem=MoveProblem.NOT_FOUND,
                why=f"{from_date:%A} has {_with_article(there)}, not a {request.what}.{where}",
            )
    else:
        found = [
            day
            for day in dates
            if day >= plan.today and planned_session(plan, day).kind in request.kinds
        ]
        if not found:
            return MoveCheck(
                from_date=None,
                to_date=to_date,
                problem=MoveProblem.NOT_FOUND,
                why=f"I can't find a {request.what} still to come this week to move.",
            )
        from_date = min(found, key=lambda day: (day == to_date, day))
    return check_move(plan, from_date, to_date)


def session_word(kind: SessionKind) -> str:
    """What people call a session of this kind: 'run', 'long hike', 'hill repeats'…"""
    return _SESSION_WORDS[kind]


_SESSION_WORDS = {
    SessionKind.REST: "rest day",
    SessionKind.EASY_WALK: "easy walk",
    SessionKind.RUN_WALK: "run",
    SessionKind.EASY_RUN: "run",
    SessionKind.HILL_REPEATS: "hill repeats",
    SessionKind.STRENGTH: "strength session",
    SessionKind.LONG_HIKE: "long hike",
    SessionKind.RECOVERY_HIKE: "recovery hike",
}


def _problem(
    plan: AthletePlan, from_date: dt.date, to_date: dt.date
) -> tuple[MoveProblem | None, str]:
    if from_date == to_date:
        return MoveProblem.SAME_DAY, f"That's {from_date:%A} already."
    for day in (from_date, to_date):
        if day < plan.today:
            return (
                MoveProblem.PAST,
                f"{day:%A} {day.day} {day:%b} is behind us: sessions move to today or later.",
            )
        if programme_day(plan.schedule, day) < 1:
            return MoveProblem.OTHER_WEEK, "That day is before your programme starts."
    for day in (from_date, to_date):
        if any(c.date == day and not c.skipped and c.activity is not None for c in plan.history):
            return (
                MoveProblem.DONE,
                f"You've logged {day:%A}'s training already, so that day stays as it is.",
            )
    dates = _week_of(plan, from_date)
    if to_date not in dates:
        return (
            MoveProblem.OTHER_WEEK,
            f"Sessions move within their programme week ({dates[0]:%a} {dates[0].day} "
            f"{dates[0]:%b} to {dates[-1]:%a} {dates[-1].day} {dates[-1]:%b}), so nothing is "
            "made up or doubled later.",
        )
    if planned_session(plan, from_date).is_rest_day and planned_session(plan, to_date).is_rest_day:
        return MoveProblem.NOTHING_TO_MOVE, "Both days are rest days, so there's nothing to move."
    candidate = move(plan, from_date, to_date)
    after = plan.with_adjustments((*plan.adjustments, candidate))
    return _broken_rule(plan, after, from_date, to_date)


def _broken_rule(
    before: AthletePlan, after: AthletePlan, a: dt.date, b: dt.date
) -> tuple[MoveProblem | None, str]:
    """The first of the guide's rules the move breaks that the week kept before it."""
    first, last = min(a, b), max(a, b)
    span = [first + dt.timedelta(days=i) for i in range(-1, (last - first).days + 2)]
    was, now = _kinds(before, span), _kinds(after, span)
    week = programme_week(before.schedule, a)
    if week <= TWO_RUN_WEEKS:
        days = week_dates(before.schedule, week)
        runs_before = sum(kind in RUNNING_KINDS for kind in _kinds(before, days).values())
        runs_after = sum(kind in RUNNING_KINDS for kind in _kinds(after, days).values())
        if runs_after > max(MAX_RUNS_IN_A_WEEK, runs_before):
            return (
                MoveProblem.THIRD_RUN,
                "That would make three runs this week. Until week 8 it's two a week at most, "
                "so your tendons can keep up.",
            )
    pairs = [(day, day + dt.timedelta(days=1)) for day in span[:-1]]
    touched = [(d, e) for d, e in pairs if {d, e} & {a, b}]
    for day, following in touched:
        if _before_long_hike(now, day, following) and not _before_long_hike(was, day, following):
            return (
                MoveProblem.HARD_BEFORE_LONG_HIKE,
                f"That puts {_with_article(now[day])} on {day:%A}, the day before your long "
                "hike. That day stays easy, so your legs are fresh for the main session.",
            )
    for day, following in touched:
        if _hard_pair(now, day, following) and not _hard_pair(was, day, following):
            return (
                MoveProblem.HARD_IN_A_ROW,
                f"That puts {_with_article(now[day])} on {day:%A} and "
                f"{_with_article(now[following])} on {following:%A}: two hard days in a row. "
                "Hard days need an easier one between them.",
            )
    return None, ""


Kinds = dict[dt.date, SessionKind | None]


def _before_long_hike(kinds: Kinds, day: dt.date, following: dt.date) -> bool:
    """A run or a hard session the day before the long hike."""
    return kinds[following] is SessionKind.LONG_HIKE and kinds[day] in RUNNING_KINDS | HARD_KINDS


def _hard_pair(kinds: Kinds, day: dt.date, following: dt.date) -> bool:
    return kinds[day] in HARD_KINDS and kinds[following] in HARD_KINDS


def _kinds(plan: AthletePlan, days: list[dt.date]) -> Kinds:
    sessions = planned_sessions(plan, days)
    return {day: sessions[day].kind if day in sessions else None for day in days}


def _with_article(kind: SessionKind | None) -> str:
    if kind is SessionKind.HILL_REPEATS:
        return "hill repeats"
    word = session_word(kind) if kind is not None else "session"
    if kind is SessionKind.LONG_HIKE:
        return f"the {word}"
    return f"{'an' if word[:1] in 'aeiou' else 'a'} {word}"


def _week_of(plan: AthletePlan, day: dt.date) -> list[dt.date]:
    return week_dates(plan.schedule, programme_week(plan.schedule, day))


def _open_days(plan: AthletePlan, day: dt.date) -> list[dt.date]:
    return [d for d in _week_of(plan, day) if d >= plan.today]


# "move Tuesday's run to Wednesday", "can I swap my strength session with Thursday?",
# "push today's run to tomorrow": a request to move, recognised before the check-in reader
# (which reads "moved my run to Wednesday" as a change of plan, not a report).
_POLITE = (
    r"(?:(?:can|could|may)\s+(?:i|we|you)\s+|please\s+|pls\s+|let'?s\s+|"
    r"i(?:'d|\s+would)\s+like\s+to\s+|i\s+(?:want|need)\s+to\s+|i'?ll\s+)?"
)
_MOVE = re.compile(
    rf"^\s*{_POLITE}(?:move|shift|push|swap|switch|reschedule)\s+(?P<what>.+?)\s+"
    r"(?:to|onto|till|until|with|and|for)\s+(?:(?:the|this|next|on)\s+)?(?P<to>[a-z]+)\b"
    r"[\s?!.,]*(?:please|pls|instead|thanks|this\s+week)?[\s?!.,]*$",
    re.IGNORECASE,
)
_WHAT_WORDS: tuple[tuple[str, frozenset[SessionKind]], ...] = (
    (r"long\s+hike|big\s+hike|long\s+one", frozenset({SessionKind.LONG_HIKE})),
    (r"recovery(?:\s+hike)?", frozenset({SessionKind.RECOVERY_HIKE})),
    (
        r"hill\s*(?:repeats?|reps|session|sprints)|hills|intervals",
        frozenset({SessionKind.HILL_REPEATS}),
    ),
    (r"run[\s-]*walk|hilly\s+walk", frozenset({SessionKind.RUN_WALK})),
    (r"runs?|running|jog", RUNNING_KINDS),
    (r"strength|gym|weights", frozenset({SessionKind.STRENGTH})),
    (r"hike", frozenset({SessionKind.LONG_HIKE, SessionKind.RECOVERY_HIKE})),
    (r"walk", frozenset({SessionKind.EASY_WALK, SessionKind.RUN_WALK})),
    (r"rest(?:\s+day)?", frozenset({SessionKind.REST})),
)


def read_move(text: str, today: dt.date) -> MoveRequest | None:
    """The move a message asks for, or None when it does not ask to move a session."""
    match = _MOVE.match(text.strip())
    if match is None:
        return None
    to_day = _day(match.group("to"), today)
    if to_day is None:
        return None
    what = match.group("what").lower()
    from_day = next(
        (day for word in re.findall(r"[a-z]+", what) if (day := _day(word, today))), None
    )
    for pattern, kinds in _WHAT_WORDS:
        found = re.search(rf"\b(?:{pattern})\b", what)
        if found:
            return MoveRequest(from_day=from_day, kinds=kinds, what=found.group(0), to_day=to_day)
    if from_day is None:
        return None
    return MoveRequest(from_day=from_day, to_day=to_day)


def _day(word: str, today: dt.date) -> Weekday | None:
    word = word.lower().removesuffix("'s")
    if word == "today":
        return Weekday.of(today)
    if word == "tomorrow":
        return Weekday.of(today + dt.timedelta(days=1))
    index = vocabulary.weekday_index(word)
    return None if index is None else Weekday.at(index)
