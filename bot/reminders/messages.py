"""What a reminder says: today's session with Done / Skipped / Too hard, or a short note."""

from __future__ import annotations

import datetime as dt
import html
from enum import StrEnum

from bot.dialogue.messages import Button, Reply, keyboard
from bot.dialogue.render import render_countdown, render_session, week_label
from coach.programme import programme_day
from coach.sessions import RESTFUL_KINDS, Session, SessionKind

LATE_NOTE = "⏰ A little later than planned today, sorry!"
ASK = "Tap below once you've done it."
BUTTON_PREFIX = "rem"


class Answer(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    HARD = "hard"


ANSWER_LABELS = {Answer.DONE: "✅ Done", Answer.SKIPPED: "⏭ Skipped", Answer.HARD: "🥵 Too hard"}


def button_data(reminder_id: int, answer: Answer) -> str:
    return f"{BUTTON_PREFIX}:{reminder_id}:{answer.value}"


def parse_button(data: str) -> tuple[int, Answer] | None:
    """(reminder id, answer) from 'rem:<id>:<answer>'; None for anything else."""
    parts = data.split(":")
    if len(parts) != 3 or parts[0] != BUTTON_PREFIX or not parts[1].isdigit():
        return None
    try:
        return int(parts[1]), Answer(parts[2])
    except ValueError:
        return None


def is_rest_day(session: Session) -> bool:
    """A day off: Friday's rest, or Monday's 'rest or easy walk' with nothing prescribed."""
    return session.kind is SessionKind.REST or (
        session.kind in RESTFUL_KINDS and session.minutes_max is None
    )


def reminder_reply(
    reminder_id: int, start: dt.date, on: dt.date, session: Session | None, *, late: bool
) -> Reply | None:
    """The reminder for `on`, or None when there is nothing to say: before the eve of the
    start, or without a session. Rest days and the eve get a note without buttons."""
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
        answers = [(ANSWER_LABELS[a], button_data(reminder_id, a)) for a in Answer]
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
