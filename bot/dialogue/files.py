"""Files in the chat: an activity file (GPX, FIT, TCX) becomes a check-in; anything else, or a
file that cannot be used, gets one clear line and nothing is logged."""

from __future__ import annotations

import html

from bot.dialogue.checkin_flow import SET_UP_FIRST, rpe_buttons
from bot.dialogue.context import Turn
from bot.dialogue.messages import IncomingDocument, Reply
from bot.dialogue.recording_text import logged_line
from bot.recordings import RecordingError
from bot.services.recordings import log_recording
from coach.feedback import checkin_feedback


def handle_document(turn: Turn, document: IncomingDocument) -> list[Reply]:
    """Log the activity a file records, once; say what was logged in a line or two and ask
    how hard it was, with the 1–10 buttons on the same message."""
    athlete = turn.ensure_athlete()
    try:
        logged = log_recording(
            turn.uow,
            athlete,
            filename=document.filename,
            data=document.data,
            caption=document.caption,
            now=turn.now,
            zone=turn.timezone,
        )
    except RecordingError as error:
        return [Reply(text=html.escape(error.message))]
    outcome = logged.logged
    line = logged_line(
        logged.recording, logged.activity, logged.planned, ask_rpe=outcome.asks_for_rpe
    )
    text = checkin_feedback(
        outcome.checkin,
        outcome.adjustments,
        injury=outcome.injury,
        cleared=frozenset(outcome.cleared),
        headline=line,
    )
    buttons = ()
    if outcome.asks_for_rpe and outcome.checkin.id is not None:
        buttons = rpe_buttons(outcome.checkin.id)
        turn.set_state(
            turn.state.stop_waiting().model_copy(update={"awaiting_rpe_for": outcome.checkin.id})
        )
    replies = [Reply(text=html.escape(text), buttons=buttons)]
    if athlete.start_date is None:
        replies.append(Reply(text=SET_UP_FIRST))
    return replies
