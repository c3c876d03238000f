"""Answers to a reminder's Done / Skipped / Too hard buttons: a check-in for that day."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.buttons import AnswerReminder
from bot.dialogue.checkin_flow import feedback, rpe_question
from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply
from bot.dialogue.render import session_heading
from bot.services.reminders import ReminderAnswer, answer_reminder
from coach.adjustments import HARD_RPE

GONE = "That reminder is no longer here, so there's nothing to log. Just tell me how it went."
ANSWER_LINE = {
    ReminderAnswer.DONE: "✅ <b>Done.</b> Logged for {day}.",
    ReminderAnswer.SKIPPED: "⏭ <b>Skipped.</b> Noted for {day}.",
    ReminderAnswer.HARD: f"🥵 <b>Too hard.</b> Logged for {{day}} as hard going (RPE {HARD_RPE}).",
}


def answer_reminder_button(turn: Turn, press: AnswerReminder) -> list[Reply]:
    """Log that day's session once and show the answer in place of the buttons; a second
    press only shows what was logged."""
    athlete = turn.athlete
    answered = (
        answer_reminder(turn.uow, athlete, press.reminder_id, press.answer, turn.today)
        if athlete is not None
        else None
    )
    if answered is None:
        return [Reply(text=GONE, edit=True)]
    heading = session_heading(answered.session)
    line = _answer_line(answered.answer, answered.on)
    if answered.logged is None:
        return [Reply(text=f"{heading}\n{line}", edit=True, toast="Already logged")]
    replies = [
        Reply(
            text=f"{heading}\n{line}\n\n{feedback(answered.logged)}",
            edit=True,
            toast="Logged",
        )
    ]
    return [*replies, *rpe_question(turn, answered.logged)]


def _answer_line(answer: ReminderAnswer, on: dt.date) -> str:
    return ANSWER_LINE[answer].format(day=html.escape(f"{on:%A %d %B}"))
