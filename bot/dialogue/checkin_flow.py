"""Check-ins: read one, store it with its load, adapt the plan and say what changed."""

from __future__ import annotations

import datetime as dt
import html

from bot.dialogue.context import Turn
from bot.dialogue.messages import Button, Reply, echo, keyboard
from bot.plans import recent_history
from coach.adjustments import Adjustment, adjustments_after_checkin
from coach.checkins import Activity, CheckinReading, LoggedCheckin, estimate_rpe, read_checkin
from coach.feedback import checkin_feedback
from coach.load import session_load
from coach.programme import programme_day, session_on
from coach.safety import active_injury

NOT_A_CHECKIN = (
    "I couldn't tell what you did from that. Try something like “run-walk 45 min, RPE 5” "
    "or “skipped today's run”."
)
RPE_QUESTION = "How hard was it, from 1 (very easy) to 10 (all-out)? Tap to replace my estimate."
SET_UP_FIRST = "Send /start to set up your plan, so I can fit your sessions into it."


def handle_checkin(turn: Turn, text: str) -> list[Reply]:
    """Log a free-text check-in and answer it; ask for an RPE once when none was given."""
    reading = read_checkin(text, turn.today)
    if not reading.recognised:
        return [Reply(text=NOT_A_CHECKIN)]
    athlete = turn.ensure_athlete()
    rpe, estimated = reading.rpe, False
    if rpe is None and _rateable(reading):
        rpe, estimated = estimate_rpe(reading, _planned_kind(turn, reading.date)), True
    logged = turn.checkins.add(
        athlete.user_id,
        LoggedCheckin(
            **reading.model_dump(exclude={"rpe"}),
            rpe=rpe,
            rpe_estimated=estimated,
            load=None if reading.skipped else session_load(rpe, reading.duration_min),
            raw_text=text,
        ),
    )
    replies = [Reply(text=replan_and_reply(turn, logged))]
    if estimated and logged.id is not None:
        replies.append(Reply(text=RPE_QUESTION, buttons=rpe_buttons(logged.id)))
    if athlete.start_date is None:
        replies.append(Reply(text=SET_UP_FIRST))
    return replies


def answer_rpe_button(turn: Turn, data: str) -> list[Reply]:
    """'rpe:<checkin id>:<1–10>': set the check-in's RPE, recompute its load and its effects."""
    try:
        _, checkin_id, value = data.split(":")
        rpe = int(value)
        logged = turn.checkins.get(turn.incoming.user_id, int(checkin_id))
    except ValueError:
        logged, rpe = None, 0
    if logged is None or not 1 <= rpe <= 10:
        return [Reply(text="That check-in is gone, so there's nothing to rate.", edit=True)]
    logged = turn.checkins.update(
        turn.incoming.user_id,
        logged.model_copy(
            update={
                "rpe": rpe,
                "rpe_estimated": False,
                "load": session_load(rpe, logged.duration_min),
            }
        ),
    )
    return [Reply(text=f"RPE {rpe}, thanks.\n\n{replan_and_reply(turn, logged)}", edit=True)]


def undo_last_checkin(turn: Turn) -> list[Reply]:
    """Delete the latest check-in; the database drops the plan changes it caused with it."""
    latest = turn.checkins.latest(turn.incoming.user_id) if turn.athlete else None
    if latest is None or latest.id is None:
        return [Reply(text="There's no check-in to undo.")]
    turn.checkins.delete(turn.incoming.user_id, latest.id)
    return [
        Reply(
            text=f"Removed your check-in “{echo(latest.raw_text, 80)}”. Anything it changed in "
            "your plan is back as it was. Send the corrected one whenever you like."
        )
    ]


def rpe_buttons(checkin_id: int) -> tuple[tuple[Button, ...], ...]:
    row = [(str(n), f"rpe:{checkin_id}:{n}") for n in range(1, 11)]
    return keyboard(row[:5], row[5:])


def replan_and_reply(turn: Turn, logged: LoggedCheckin) -> str:
    """Replan from this check-in and describe it: the load, what changed, any pain advice."""
    athlete = turn.athlete
    assert athlete is not None and logged.id is not None
    history = recent_history(turn.db, athlete.user_id, turn.today)
    adjustments: list[Adjustment] = []
    if athlete.start_date is not None:
        adjustments = adjustments_after_checkin(
            logged, history, athlete.start_date, today=turn.today
        )
    turn.adjustments.replace_for_checkin(athlete.user_id, logged.id, adjustments)
    injury = active_injury(history, turn.today)
    return html.escape(checkin_feedback(logged, adjustments, injury))


def _rateable(reading: CheckinReading) -> bool:
    """A session that happened, so an effort rating means something."""
    return not reading.skipped and reading.activity not in (None, Activity.REST)


def _planned_kind(turn: Turn, on: dt.date) -> str | None:
    start = turn.athlete.start_date if turn.athlete else None
    if start is None or programme_day(start, on) < 1:
        return None
    return session_on(start, on).kind.value
