"""What a reminder says: the day's session with Done / Skipped / Too hard, or a short note."""

from __future__ import annotations

import html

from bot.dialogue.buttons import AnswerReminder, encode
from bot.dialogue.messages import Button, Reply, keyboard
from bot.dialogue.render import render_countdown, render_session, week_label
from bot.services.reminders import ReminderAnswer, ReminderContent
from coach.programme import programme_day
from coach.schedule import Schedule
from coach.sessions import Session

LATE_NOTE = "⏰ A little later than planned today, sorry!"
ASK = "Tap below once you've done it."
ANSWER_LABELS = {
    ReminderAnswer.DONE: "✅ Done",
    ReminderAnswer.SKIPPED: "⏭ Skipped",
    ReminderAnswer.HARD: "🥵 Too hard",
}


def reminder_reply(reminder_id: int, content: ReminderContent, *, late: bool) -> Reply | None:
    """The reminder for `content.on`, or None when there is nothing to say: before the eve of
    the start, or without a session. Rest days and the eve get a note without buttons."""
    schedule, on, session = content.schedule, content.on, content.session
    buttons: tuple[tuple[Button, ...], ...] = ()
    if programme_day(schedule, on) < 1:
        if (schedule.start - on).days != 1:
            return None
        text = f"🌄 {render_countdown(schedule, on)}"
    elif session is None:
        return None
    elif session.is_rest_day:
        text = _rest_day(session, schedule)
    else:
        answers = [
            (ANSWER_LABELS[a], encode(AnswerReminder(reminder_id=reminder_id, answer=a)))
            for a in ReminderAnswer
        ]
        text = f"🔔 <b>Today's session</b>\n{render_session(session, schedule, with_cues=False)}"
        text, buttons = f"{text}\n\n{ASK}", keyboard(answers)
    if late:
        text = f"{LATE_NOTE}\n{text}"
    return Reply(text=text, buttons=buttons).fitted()


def _rest_day(session: Session, schedule: Schedule) -> str:
    return "\n".join(
        [
            f"😴 <b>Rest day</b> · {week_label(session, schedule)}",
            html.escape(session.details),
            f"<i>Why:</i> {html.escape(session.why)}",
        ]
    )
