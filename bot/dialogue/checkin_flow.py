"""Check-ins in the conversation: log one, rate it by button or by typing, take back the
latest change (a check-in or a move)."""

from __future__ import annotations

import html
import re

from bot.dialogue.buttons import RateCheckin, encode
from bot.dialogue.context import Turn
from bot.dialogue.messages import Button, Reply, echo, keyboard
from bot.dialogue.render import logged_facts
from bot.services.checkins import (
    CheckinOutcome,
    RemovedCheckin,
    log_checkin,
    rate_checkin,
    undo_last_change,
)
from coach.athletes import Athlete
from coach.checkins import CheckinReading
from coach.feedback import checkin_feedback
from coach.moves import session_word

NOT_A_CHECKIN = (
    "I couldn't tell what you did from that. Try something like “run-walk 45 min, RPE 5” "
    "or “skipped today's run”."
)
RPE_QUESTION = (
    "How hard was it, from 1 (very easy) to 10 (all-out)? Tap or type a number to replace my "
    "estimate."
)
SET_UP_FIRST = "Send /start to set up your plan, so I can fit your sessions into it."
ILL = (
    "Sorry you're unwell. Rest today: no training and no guilt, the plan will wait for you. "
    "If it's more than a head cold (a temperature, flu, a chest infection, covid), please see "
    "a doctor before you train again. I've noted today as a rest day."
)
RATING_RANGE = "RPE goes from 1 (very easy) to 10 (all-out). Which number was it?"
OVER_A_DAY = (
    "I couldn't read how long that was: it says more than a day. Nothing is logged yet; send "
    "it again with the time, e.g. “long hike 6 h”."
)
RPE_OFF_SCALE = (
    "RPE goes from 1 (very easy) to 10 (all-out), so I left that number out and estimated one. "
    "Tap the one it was."
)
# A message that is only a rating: "7", "a 7", "rpe 7", "7/10", "7 out of 10".
_RATING = re.compile(
    r"^\s*(?:rpe\s*|a\s+|an\s+)?(?P<n>\d{1,3})(?:\s*(?:/|out\s+of)\s*10)?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def handle_checkin(
    turn: Turn,
    reading: CheckinReading,
    text: str,
    earlier: tuple[CheckinReading, ...] = (),
) -> list[Reply]:
    """Log a free-text check-in already read, and answer it; ask for an RPE when the coach
    had to estimate one. The sessions of `earlier` days the same message told of are logged
    first, each unless that day already has one."""
    if not reading.recognised:
        return [Reply(text=NOT_A_CHECKIN)]
    if reading.over_a_day:
        return [Reply(text=OVER_A_DAY)]
    athlete = turn.ensure_athlete()
    also = [_log_earlier(turn, athlete, day, text) for day in earlier]
    outcome = log_checkin(turn.uow, athlete, reading, raw_text=text, today=turn.today)
    told = ILL if reading.illness else feedback(outcome)
    also_logged = "\n".join(line for line in also if line)
    replies = [Reply(text=f"{also_logged}\n\n{told}" if also_logged else told)]
    asked = rpe_question(turn, outcome)
    if reading.rpe_off_scale and asked:
        asked = [asked[0].model_copy(update={"text": RPE_OFF_SCALE})]
    replies.extend(asked)
    if athlete.start_date is None:
        replies.append(Reply(text=SET_UP_FIRST))
    return replies


def _log_earlier(turn: Turn, athlete: Athlete, reading: CheckinReading, text: str) -> str:
    """Log the session of an earlier day told beside the latest one; the line saying so, or
    nothing when that day already has a check-in (it was told before)."""
    if turn.uow.checkins.list_between(athlete.user_id, reading.date, reading.date):
        return ""
    outcome = log_checkin(turn.uow, athlete, reading, raw_text=text, today=turn.today)
    if outcome.checkin.skipped:
        what = outcome.checkin.activity.value if outcome.checkin.activity else "session"
        return f"✔ Also noted {reading.date:%A}: {what} skipped."
    return f"✔ Also logged {reading.date:%A}: {html.escape(logged_facts(outcome.checkin))}."


def rpe_question(turn: Turn, outcome: CheckinOutcome) -> list[Reply]:
    """The 1–10 buttons after an estimated RPE; a typed number answers them too."""
    if not outcome.asks_for_rpe or outcome.checkin.id is None:
        return []
    turn.set_state(
        turn.state.stop_waiting().model_copy(update={"awaiting_rpe_for": outcome.checkin.id})
    )
    return [Reply(text=RPE_QUESTION, buttons=rpe_buttons(outcome.checkin.id))]


def answer_rpe_button(turn: Turn, press: RateCheckin) -> list[Reply]:
    """An RPE button: set the check-in's RPE, recompute its load and what followed from it."""
    replies = _rate(turn, press.checkin_id, press.rpe)
    if replies is None:
        return [Reply(text="That check-in is gone, so there's nothing to rate.", edit=True)]
    return [reply.model_copy(update={"edit": True}) for reply in replies]


def answer_typed_rpe(turn: Turn, text: str) -> list[Reply] | None:
    """A typed rating while the coach waits for one; None when the text is not a rating (the
    wait ends and the message is read as usual)."""
    checkin_id = turn.state.awaiting_rpe_for
    if checkin_id is None:
        return None
    match = _RATING.match(text)
    if match is None:
        turn.stop_waiting()
        return None
    rpe = int(match.group("n"))
    if not 1 <= rpe <= 10:
        return [Reply(text=RATING_RANGE)]
    return _rate(turn, checkin_id, rpe) or [
        Reply(text="That check-in is gone, so there's nothing to rate.")
    ]


def _rate(turn: Turn, checkin_id: int, rpe: int) -> list[Reply] | None:
    athlete = turn.athlete
    outcome = rate_checkin(turn.uow, athlete, checkin_id, rpe, turn.today) if athlete else None
    if outcome is None:
        return None
    turn.stop_waiting()
    return [Reply(text=f"RPE {rpe}, thanks.\n\n{feedback(outcome)}")]


def undo(turn: Turn) -> list[Reply]:
    """/undo: take back the latest change, a check-in or a move, and whatever it changed."""
    undone = undo_last_change(turn.uow, turn.athlete, turn.today) if turn.athlete else None
    if undone is None:
        return [Reply(text="There's nothing to undo.")]
    if isinstance(undone, RemovedCheckin):
        return [
            Reply(
                text=f"Removed your check-in “{echo(undone.checkin.raw_text, 80)}”. Anything "
                "it changed in your plan is back as it was. Send the corrected one whenever "
                "you like."
            )
        ]
    move = undone.move
    what = session_word(move.from_kind)
    day, other = move.session_date, move.moved_to
    back = f"{day:%A}" if other is None else f"{day:%A}, and {other:%A} has its own session again"
    return [Reply(text=f"Move undone: your {what} is back on {back}.")]


def feedback(outcome: CheckinOutcome) -> str:
    """What the coach says about a stored check-in: load, a word on effort or progress, plan
    changes, pain advice."""
    return html.escape(
        checkin_feedback(
            outcome.checkin,
            outcome.adjustments,
            injury=outcome.injury,
            cleared=frozenset(outcome.cleared),
            planned=outcome.planned,
            week=outcome.week,
            earlier=outcome.earlier,
        )
    )


def rpe_buttons(checkin_id: int) -> tuple[tuple[Button, ...], ...]:
    row = [(str(n), encode(RateCheckin(checkin_id=checkin_id, rpe=n))) for n in range(1, 11)]
    return keyboard(row[:5], row[5:])
