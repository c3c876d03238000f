"""Replies about the athlete's own plan: today, tomorrow, this week, the phases."""

from __future__ import annotations

import datetime as dt

from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply
from bot.dialogue.render import (
    render_countdown,
    render_load,
    render_plan,
    render_session,
    render_week,
)
from bot.services.plans import recent_history, session_for, week_for
from coach.faq import PersonalQuestion
from coach.load import longest_run, weekly_load
from coach.programme import programme_day, programme_week

PAUSED_NOTE = "⏸ You're paused, so no reminders. Send /resume when you're back."


def _start(turn: Turn) -> dt.date:
    assert turn.athlete is not None and turn.athlete.start_date is not None
    return turn.athlete.start_date


def day_reply(turn: Turn, on: dt.date) -> list[Reply]:
    """The session for one day, or the countdown when the programme has not begun."""
    assert turn.athlete is not None
    start = _start(turn)
    if programme_day(start, on) < 1:
        text = render_countdown(start, turn.today)
    else:
        text = render_session(session_for(turn.uow, turn.athlete, on, turn.today), start)
    if turn.athlete.paused:
        text = f"{PAUSED_NOTE}\n\n{text}"
    return [Reply(text=text)]


def today_reply(turn: Turn) -> list[Reply]:
    return day_reply(turn, turn.today)


def tomorrow_reply(turn: Turn) -> list[Reply]:
    tomorrow = turn.today + dt.timedelta(days=1)
    replies = day_reply(turn, tomorrow)
    return [Reply(text=f"<b>Tomorrow</b>\n{replies[0].text}")]


def week_reply(turn: Turn) -> list[Reply]:
    """The current programme week (week 1 before the start), today marked."""
    assert turn.athlete is not None
    start = _start(turn)
    week = programme_week(start, turn.today)
    history = recent_history(turn.uow, turn.athlete.user_id, turn.today)
    sessions = week_for(turn.uow, turn.athlete, week, turn.today, history)
    text = render_week(sessions, start, turn.today)
    footer = render_load(weekly_load(history, turn.today), longest_run(history, turn.today))
    return [Reply(text=f"{text}\n\n{footer}")]


def plan_reply(turn: Turn) -> list[Reply]:
    return [Reply(text=render_plan(_start(turn), turn.today))]


PERSONAL_REPLIES = {
    PersonalQuestion.TODAY: today_reply,
    PersonalQuestion.TOMORROW: tomorrow_reply,
    PersonalQuestion.WEEK: week_reply,
    PersonalQuestion.PLAN: plan_reply,
}
