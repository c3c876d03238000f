"""Moving a session: by buttons from /week (which session, then which day) or in words ("move
Tuesday's run to Wednesday"). A move the guide's rules forbid is explained, with the nearest
day that works offered as a button."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.buttons import MoveSession, PickMove, encode
from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply, keyboard
from bot.dialogue.render import KIND_ICONS
from bot.services.moves import (
    MoveOutcome,
    days_to_move_to,
    move_as_asked,
    move_session,
    sessions_to_move,
)
from coach.moves import MoveRequest, session_word
from coach.reading import MessageReading
from coach.schedule import Weekday

NO_PLAN = "Once you have a start date I can move sessions for you: send /start."
MOVED_TO_WHEN = (
    "Got it, nothing logged for it yet. Which day should it go to? Tell me like "
    '"move Saturday to Sunday", or send /move to pick with buttons.'
)
NOTHING_TO_MOVE = (
    "There's nothing left this week that can move without breaking the plan's rules. "
    "Next week starts fresh."
)


def move_command(turn: Turn) -> list[Reply]:
    """/move or the /week button: the sessions still to come this week, one button each."""
    athlete = turn.athlete
    if athlete is None or athlete.schedule is None:
        return [Reply(text=NO_PLAN)]
    sessions = sessions_to_move(turn.uow, athlete, turn.today)
    if not sessions:
        return [Reply(text=NOTHING_TO_MOVE)]
    rows = [
        [
            (
                f"{s.date:%a} {KIND_ICONS[s.kind]} {s.title}"[:60],
                encode(PickMove(from_date=s.date)),
            )
        ]
        for s in sessions
    ]
    return [Reply(text="Which session do you want to move?", buttons=keyboard(*rows))]


def pick_move(turn: Turn, press: PickMove) -> list[Reply]:
    """A session picked: the days of its week it may move to."""
    athlete = turn.athlete
    if athlete is None or athlete.schedule is None:
        return [Reply(text=NO_PLAN, edit=True)]
    session, days = days_to_move_to(turn.uow, athlete, press.from_date, turn.today)
    what = session_word(session.kind)
    if not days:
        return [
            Reply(
                text=f"{press.from_date:%A}'s {what} can't move anywhere this week without "
                "breaking the plan's rules, so it stays.",
                edit=True,
            )
        ]
    buttons = [
        (_day(day), encode(MoveSession(from_date=press.from_date, to_date=day))) for day in days
    ]
    return [
        Reply(
            text=f"Move {press.from_date:%A}'s {what} to which day? Its session goes to "
            f"{press.from_date:%A} in exchange.",
            buttons=keyboard(buttons[:4], buttons[4:]),
            edit=True,
        )
    ]


def move_pressed(turn: Turn, press: MoveSession) -> list[Reply]:
    """A day picked: move the session there, if the rules still allow it."""
    athlete = turn.athlete
    if athlete is None or athlete.schedule is None:
        return [Reply(text=NO_PLAN, edit=True)]
    outcome = move_session(turn.uow, athlete, press.from_date, press.to_date, turn.today)
    return [reply.model_copy(update={"edit": True}) for reply in _told(outcome)]


def move_in_words(turn: Turn, request: MoveRequest) -> list[Reply]:
    """'move Tuesday's run to Wednesday' and the like."""
    athlete = turn.athlete
    if athlete is None or athlete.schedule is None:
        return [Reply(text=NO_PLAN)]
    return _told(move_as_asked(turn.uow, athlete, request, turn.today))


def moved_in_words(turn: Turn, reading: MessageReading) -> list[Reply]:
    """A session told as moved ("long hike postponed till tomorrow"): moved as told, the
    plan's rules checked, and nothing logged for it."""
    if reading.moved is None or reading.moved.to is None:
        return [Reply(text=MOVED_TO_WHEN)]
    day = reading.checkin.date
    request = MoveRequest(from_day=Weekday.of(day), to_day=Weekday.of(reading.moved.to))
    return move_in_words(turn, request)


def _told(outcome: MoveOutcome) -> list[Reply]:
    check = outcome.check
    if outcome.moved is not None and outcome.swapped is not None:
        moved, swapped = outcome.moved, outcome.swapped
        back = "a rest day" if swapped.is_rest_day else f"the {html.escape(swapped.title.lower())}"
        return [
            Reply(
                text=f"Done: your {session_word(moved.kind)} is on {moved.date:%A} now, and "
                f"{swapped.date:%A} has {back}. ✔ Send /undo to take it back.",
            )
        ]
    text = f"I can't move it there. {html.escape(check.why)}"
    if check.nearest is None or check.from_date is None:
        return [Reply(text=text)]
    nearest = check.nearest
    return [
        Reply(
            text=f"{text}\n\nThe nearest day that works is {nearest:%A}.",
            buttons=keyboard(
                [
                    (
                        f"Move it to {nearest:%A}",
                        encode(MoveSession(from_date=check.from_date, to_date=nearest)),
                    )
                ]
            ),
        )
    ]


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day}"
