"""What a reminder says: today's session with Done / Skipped / Too hard, or a short note."""

from __future__ import annotations

import datetime as dt
import html
from enum import StrEnum

from bot.dialogue.messages import Reply, keyboard
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
    """The reminder for `on`: None when there is nothing to say (before the eve of the start)."""
    if programme_day(start, on) < 1:
        text = _eve(start, on)
        buttons: tuple = ()
    elif session is None:
        return None
    elif is_rest_day(session):
        text, buttons = _rest_day(session, start), ()
    else:
        answers = [(ANSWER_LABELS[a], button_data(reminder_id, a)) for a in Answer]
        text, buttons = _session_day(session, start), keyboard(answers)
    if text is None:
        return None
    if late:
        text = f"{LATE_NOTE}\n{text}"
    return Reply(text=text, buttons=buttons).fitted()


def _eve(start: dt.date, on: dt.date) -> str | None:
    if (start - on).days != 1:
        return None
    return f"🌄 <b>Tomorrow we begin!</b>\n{render_countdown(start, on)}"


def _rest_day(session: Session, start: dt.date) -> str:
    return "\n".join(
        [
            f"😴 <b>Rest day</b> · {week_label(session, start)}",
            html.escape(session.details),
            f"<i>Why:</i> {html.escape(session.why)}",
        ]
    )


def _session_day(session: Session, start: dt.date) -> str:
    return f"🔔 <b>Today's session</b>\n{render_session(session, start, with_cues=False)}\n\n{ASK}"
