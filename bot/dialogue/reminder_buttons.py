"""Answers to a reminder's Done / Skipped / Too hard buttons: a check-in for that day."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.checkin_flow import RPE_QUESTION, replan_and_reply, rpe_buttons
from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply
from bot.dialogue.render import session_heading
from bot.plans import session_for
from bot.reminders.messages import Answer, parse_button
from bot.reminders.store import reminder_date
from coach.adjustments import HARD_RPE
from coach.checkins import Activity, LoggedCheckin, estimate_rpe
from coach.load import session_load
from coach.sessions import Session, SessionKind

GONE = "That reminder is no longer here, so there's nothing to log. Just tell me how it went."
# The raw text of a check-in made by a reminder button; it also marks the day as answered.
BUTTON_SUFFIX = "(reminder button)"
RAW_TEXT = {Answer.DONE: "Done", Answer.SKIPPED: "Skipped", Answer.HARD: "Too hard"}
ANSWER_LINE = {
    Answer.DONE: "✅ <b>Done.</b> Logged for {day}.",
    Answer.SKIPPED: "⏭ <b>Skipped.</b> Noted for {day}.",
    Answer.HARD: "🥵 <b>Too hard.</b> Logged for {day} as hard going (RPE 8).",
}

ACTIVITY_OF = {
    SessionKind.REST: Activity.REST,
    SessionKind.EASY_WALK: Activity.WALK,
    SessionKind.RUN_WALK: Activity.RUN,
    SessionKind.EASY_RUN: Activity.RUN,
    SessionKind.HILL_REPEATS: Activity.RUN,
    SessionKind.STRENGTH: Activity.STRENGTH,
    SessionKind.LONG_HIKE: Activity.HIKE,
    SessionKind.RECOVERY_HIKE: Activity.HIKE,
}


def answer_reminder_button(turn: Turn, data: str) -> list[Reply]:
    """'rem:<reminder id>:done|skipped|hard': log that day's session once and show the answer
    in place of the buttons; a second press only shows what was logged."""
    parsed = parse_button(data)
    athlete = turn.athlete
    if parsed is None or athlete is None or athlete.start_date is None:
        return [Reply(text=GONE, edit=True)]
    reminder_id, answer = parsed
    on = reminder_date(turn.db, athlete.user_id, reminder_id)
    if on is None:
        return [Reply(text=GONE, edit=True)]
    session = session_for(turn.db, athlete, on, turn.today)
    earlier = _logged_by_button(turn, on)
    if earlier is not None:
        return [
            Reply(
                text=f"{session_heading(session)}\n{_answer_line(earlier, on)}",
                edit=True,
                toast="Already logged",
            )
        ]
    logged = turn.checkins.add(athlete.user_id, _checkin(answer, session, on))
    replies = [
        Reply(
            text=f"{session_heading(session)}\n{_answer_line(answer, on)}\n\n"
            f"{replan_and_reply(turn, logged)}",
            edit=True,
            toast="Logged",
        )
    ]
    if logged.rpe_estimated and logged.id is not None:
        replies.append(Reply(text=RPE_QUESTION, buttons=rpe_buttons(logged.id)))
    return replies


def _checkin(answer: Answer, session: Session, on: dt.date) -> LoggedCheckin:
    activity = ACTIVITY_OF[session.kind]
    raw_text = f"{RAW_TEXT[answer]} {BUTTON_SUFFIX}"
    if answer is Answer.SKIPPED:
        return LoggedCheckin(date=on, activity=activity, skipped=True, raw_text=raw_text)
    minutes = session.minutes_max
    if answer is Answer.HARD:
        rpe, estimated = HARD_RPE, False
    else:
        reading = LoggedCheckin(date=on, activity=activity, duration_min=minutes)
        rpe, estimated = estimate_rpe(reading, session.kind.value), True
    return LoggedCheckin(
        date=on,
        activity=activity,
        duration_min=minutes,
        rpe=rpe,
        rpe_estimated=estimated,
        hard=answer is Answer.HARD,
        load=session_load(rpe, minutes),
        raw_text=raw_text,
    )


def _logged_by_button(turn: Turn, on: dt.date) -> Answer | None:
    """The answer already given by a button for `on`, if any."""
    assert turn.athlete is not None
    for checkin in turn.checkins.list_between(turn.athlete.user_id, on, on):
        for answer, text in RAW_TEXT.items():
            if checkin.raw_text == f"{text} {BUTTON_SUFFIX}":
                return answer
    return None


def _answer_line(answer: Answer, on: dt.date) -> str:
    return ANSWER_LINE[answer].format(day=html.escape(f"{on:%A %d %B}"))
