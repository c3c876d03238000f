"""Replies about the athlete's own plan: today, tomorrow, this week, the phases."""

from __future__ import annotations

import datetime as dt
import html
import re

from bot.dialogue.buttons import RunCommand, encode
from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply, keyboard
from bot.dialogue.render import (
    logged_facts,
    render_countdown,
    render_plan,
    render_session,
    render_tally,
    render_week,
)
from bot.services.plans import logged_on, recent_history, review_this_week, session_for
from coach.checkins import LoggedCheckin
from coach.faq import PersonalQuestion, asked_weekday
from coach.load import longest_run
from coach.programme import programme_day
from coach.schedule import Schedule
from coach.week import did_something

PAUSED_NOTE = "⏸ You're paused, so no reminders. Send /resume when you're back."
WEEK_BUTTONS = keyboard(
    [
        ("🔀 Move a session", encode(RunCommand(name="move"))),
        ("✏️ Edit a check-in", encode(RunCommand(name="edit"))),
    ]
)


def _schedule(turn: Turn) -> Schedule:
    assert turn.athlete is not None and turn.athlete.schedule is not None
    return turn.athlete.schedule


def day_reply(turn: Turn, on: dt.date) -> list[Reply]:
    """The session for one day, or the countdown when the programme has not begun."""
    assert turn.athlete is not None
    schedule = _schedule(turn)
    if programme_day(schedule, on) < 1:
        text = render_countdown(schedule, turn.today)
    else:
        text = render_session(session_for(turn.uow, turn.athlete, on, turn.today), schedule)
        logged = logged_on(turn.uow, turn.athlete.user_id, on) if on <= turn.today else []
        lines = [line for checkin in logged if (line := _logged_line(checkin))]
        if lines:
            text = "\n\n".join([text, "\n".join(lines)])
    if turn.athlete.paused:
        text = f"{PAUSED_NOTE}\n\n{text}"
    return [Reply(text=text)]


def _logged_line(checkin: LoggedCheckin) -> str:
    """'✔ Done: run, 45 min' under the day's session; pain news alone shows nothing."""
    if did_something(checkin):
        return f"✔ Done: {html.escape(logged_facts(checkin))}"
    return "⏭ Skipped" if checkin.skipped else ""


def today_reply(turn: Turn) -> list[Reply]:
    return day_reply(turn, turn.today)


def _headed_day_reply(turn: Turn, on: dt.date, heading: str) -> list[Reply]:
    return [Reply(text=f"<b>{heading}</b>\n{day_reply(turn, on)[0].text}")]


def tomorrow_reply(turn: Turn) -> list[Reply]:
    return _headed_day_reply(turn, turn.today + dt.timedelta(days=1), "Tomorrow")


def named_day_reply(turn: Turn) -> list[Reply]:
    """ "What have I got this thursday?": the session of the next such day (today if it is
    today), with its date, since the plan's weeks need not start on Mondays."""
    weekday = asked_weekday(turn.incoming.text)
    if weekday is None:
        return today_reply(turn)
    on = turn.today + dt.timedelta(days=(weekday - turn.today.weekday()) % 7)
    heading = "Today" if on == turn.today else f"{on:%A} {on.day} {on:%B}"
    return _headed_day_reply(turn, on, heading)


# "how many times should I go up next week?": the week after this one.
_NEXT_WEEK = re.compile(r"\bnext\s+week(?:'?s)?\b", re.IGNORECASE)


def week_reply(turn: Turn) -> list[Reply]:
    """The current programme week (week 1 before the start), or the next when asked about:
    what was done, what is to come, today marked; with buttons to move a session or correct a
    check-in."""
    assert turn.athlete is not None
    history = recent_history(turn.uow, turn.athlete.user_id, turn.today)
    ahead = 1 if _NEXT_WEEK.search(turn.incoming.text or "") else 0
    review = review_this_week(turn.uow, turn.athlete, turn.today, history, weeks_ahead=ahead)
    text = render_week(review, _schedule(turn), turn.today)
    footer = render_tally(review, longest_run(history, turn.today))
    return [Reply(text=f"{text}\n\n{footer}", buttons=WEEK_BUTTONS)]


def plan_reply(turn: Turn) -> list[Reply]:
    return [Reply(text=render_plan(_schedule(turn), turn.today))]


PERSONAL_REPLIES = {
    PersonalQuestion.TODAY: today_reply,
    PersonalQuestion.TOMORROW: tomorrow_reply,
    PersonalQuestion.DAY: named_day_reply,
    PersonalQuestion.WEEK: week_reply,
    PersonalQuestion.PLAN: plan_reply,
}
