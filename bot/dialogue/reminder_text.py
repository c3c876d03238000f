"""What a reminder says: the day's session with Done / Skipped / Too hard, or a short note."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.buttons import AnswerReminder, encode
from bot.dialogue.messages import Button, Reply, keyboard
from bot.dialogue.render import render_countdown, render_session, week_label
from bot.services.reminders import ReminderAnswer, ReminderContent
from coach.programme import programme_day
from coach.sessions import RESTFUL_KINDS, Session, SessionKind

LATE_NOTE = "⏰ A little later than planned today, sorry!"
ASK = "Tap below once you've done it."
ANSWER_LABELS = {
    ReminderAnswer.DONE: "✅ Done",
    ReminderAnswer.SKIPPED: "⏭ Skipped",
    ReminderAnswer.HARD: "🥵 Too hard",
}


def is_rest_day(session: Session) -> bool:
    """A day off: Friday's rest, or Monday's 'rest or easy walk' with nothing prescribed."""
    return session.kind is SessionKind.REST or (
        session.kind in RESTFUL_KINDS and session.minutes_max is None
    )


def reminder_reply(reminder_id: int, content: ReminderContent, *, late: bool) -> Reply | None:
    """The reminder for `content.on`, or None when there is nothing to say: before the eve of
    the start, or without a session. Rest days and the eve get a note without buttons."""
    start, on, session = content.start, content.on, content.session
    buttons: tuple[tuple[Button, ...], ...] = ()
    if programme_day(start, on) < 1:
        if (start - on).days != 1:
            return None
        text = f"🌄 {render_countdown(start, on)}"
    elif session is None:
        return None
    elif is_rest_day(session):
        text = _rest_day(session, start)
    else:
        answers = [
            (ANSWER_LABELS[a], encode(AnswerReminder(reminder_id=reminder_id, answer=a)))
            for a in ReminderAnswer
        ]
        text = f"🔔 <b>Today's session</b>\n{render_session(session, start, with_cues=False)}"
        text, buttons = f"{text}\n\n{ASK}", keyboard(answers)
    if late:
        text = f"{LATE_NOTE}\n{text}"
    return Reply(text=text, buttons=buttons).fitted()


def _rest_day(session: Session, start: dt.date) -> str:
    return "\n".join(
        [
            f"😴 <b>Rest day</b> · {week_label(session, start)}",
            html.escape(session.details),
            f"<i>Why:</i> {html.escape(session.why)}",
        ]
    )
