"""/edit: correct a check-in of the last 7 days (its RPE, duration or activity) or delete it;
whatever followed from it follows the correction."""

from __future__ import annotations

import html

from bot.dialogue.buttons import (
    CheckinField,
    DeleteCheckin,
    EditCheckin,
    OpenCheckin,
    SetActivity,
    encode,
)
from bot.dialogue.checkin_flow import feedback, rpe_buttons
from bot.dialogue.context import Turn
from bot.dialogue.inputs import InputError, read_duration
from bot.dialogue.messages import Reply, echo, keyboard, shortened
from bot.dialogue.render import logged_facts
from bot.services.checkins import (
    CheckinOutcome,
    Correction,
    correct_checkin,
    find_checkin,
    recent_checkins,
    remove_checkin,
)
from coach.checkins import Activity, LoggedCheckin

EDIT_DAYS = 7
MAX_LISTED = 12
GONE = "That check-in is gone, so there's nothing to change."
NOTHING_RECENT = (
    "There are no check-ins from the last 7 days to change. Tell me how a session went and "
    "it will show up here."
)
ACTIVITY_LABELS = {
    Activity.HIKE: "🥾 Hike",
    Activity.RUN: "🏃 Run",
    Activity.WALK: "🚶 Walk",
    Activity.STRENGTH: "🏋️ Strength",
    Activity.REST: "😴 Rest",
    Activity.OTHER: "Other",
}
DURATION_QUESTION = "How long was it? Type it, e.g. 45 min, 1:30 or 5 h 30."


def edit_command(turn: Turn) -> list[Reply]:
    """/edit: the check-ins of the last 7 days, one button each."""
    athlete = turn.athlete
    checkins = recent_checkins(turn.uow, athlete, turn.today, EDIT_DAYS) if athlete else []
    if not checkins:
        return [Reply(text=NOTHING_RECENT)]
    rows = [
        [(label(checkin), encode(OpenCheckin(checkin_id=checkin.id)))]
        for checkin in checkins[:MAX_LISTED]
        if checkin.id is not None
    ]
    return [Reply(text="Which check-in do you want to change?", buttons=keyboard(*rows))]


def open_checkin(turn: Turn, press: OpenCheckin) -> list[Reply]:
    """One check-in: what to change in it."""
    checkin = _get(turn, press.checkin_id)
    if checkin is None:
        return [Reply(text=GONE, edit=True)]

    def field(name: CheckinField) -> str:
        return encode(EditCheckin(checkin_id=press.checkin_id, field=name))

    return [
        Reply(
            text=f"{html.escape(label(checkin))}\n“{echo(checkin.raw_text, 80)}”\n"
            "What do you want to change?",
            buttons=keyboard(
                [
                    ("Effort (RPE)", field(CheckinField.RPE)),
                    ("Duration", field(CheckinField.DURATION)),
                ],
                [
                    ("Activity", field(CheckinField.ACTIVITY)),
                    ("🗑 Delete", field(CheckinField.DELETE)),
                ],
            ),
            edit=True,
        )
    ]


def edit_field(turn: Turn, press: EditCheckin) -> list[Reply]:
    """Ask for the new value of one field (buttons, or typing for the RPE and duration)."""
    checkin_id = press.checkin_id
    if _get(turn, checkin_id) is None:
        return [Reply(text=GONE, edit=True)]
    state = turn.state.stop_waiting()
    if press.field is CheckinField.RPE:
        turn.set_state(state.model_copy(update={"awaiting_rpe_for": checkin_id}))
        return [
            Reply(
                text="How hard was it, from 1 (very easy) to 10 (all-out)? Tap or type a number.",
                buttons=rpe_buttons(checkin_id),
                edit=True,
            )
        ]
    if press.field is CheckinField.DURATION:
        turn.set_state(state.model_copy(update={"awaiting_duration_for": checkin_id}))
        return [Reply(text=DURATION_QUESTION, edit=True)]
    if press.field is CheckinField.ACTIVITY:
        buttons = [
            (text, encode(SetActivity(checkin_id=checkin_id, activity=activity)))
            for activity, text in ACTIVITY_LABELS.items()
        ]
        return [Reply(text="What was it?", buttons=keyboard(buttons[:3], buttons[3:]), edit=True)]
    return [
        Reply(
            text="Delete this check-in, and whatever it changed in your plan?",
            buttons=keyboard(
                [
                    (
                        "Yes, delete it",
                        encode(DeleteCheckin(checkin_id=checkin_id, confirmed=True)),
                    ),
                    ("No, keep it", encode(DeleteCheckin(checkin_id=checkin_id, confirmed=False))),
                ]
            ),
            edit=True,
        )
    ]


def set_activity(turn: Turn, press: SetActivity) -> list[Reply]:
    """The corrected activity of a check-in."""
    outcome = _correct(turn, press.checkin_id, Correction(activity=press.activity))
    if outcome is None:
        return [Reply(text=GONE, edit=True)]
    return [Reply(text=_corrected(outcome), edit=True)]


def delete_checkin(turn: Turn, press: DeleteCheckin) -> list[Reply]:
    """Delete a check-in after the athlete confirmed it."""
    if not press.confirmed:
        return [Reply(text="Kept it, nothing changed.", edit=True)]
    removed = (
        remove_checkin(turn.uow, turn.athlete, press.checkin_id, turn.today)
        if turn.athlete
        else None
    )
    if removed is None:
        return [Reply(text=GONE, edit=True)]
    return [
        Reply(
            text=f"Deleted “{echo(removed.checkin.raw_text, 80)}”. Anything it changed in your "
            "plan is back as it was.",
            edit=True,
        )
    ]


def answer_typed_duration(turn: Turn, text: str) -> list[Reply] | None:
    """A typed duration while /edit waits for one; None when the text is not a duration (the
    wait ends and the message is read as usual)."""
    checkin_id = turn.state.awaiting_duration_for
    if checkin_id is None:
        return None
    try:
        minutes = read_duration(text)
    except InputError as error:
        return [Reply(text=html.escape(str(error)))]
    if minutes is None:
        turn.stop_waiting()
        return None
    turn.stop_waiting()
    outcome = _correct(turn, checkin_id, Correction(duration_min=minutes))
    return [Reply(text=_corrected(outcome) if outcome else GONE)]


def label(checkin: LoggedCheckin) -> str:
    """'Sat 12 Dec · did: hike, 6 h, RPE 7' (or '· skipped')."""
    day = f"{checkin.date:%a} {checkin.date.day} {checkin.date:%b}"
    if checkin.skipped:
        what = checkin.activity.value if checkin.activity else "session"
        return f"{day} · skipped {what}"
    if checkin.news_only:
        # Pain news with no session ("knee feels fine now"): its words say what it was.
        return f"{day} · “{shortened(checkin.raw_text, _WORDS_IN_LABEL)}”"
    return f"{day} · {logged_facts(checkin)}"


_WORDS_IN_LABEL = 32


def _get(turn: Turn, checkin_id: int) -> LoggedCheckin | None:
    athlete = turn.athlete
    return find_checkin(turn.uow, athlete, checkin_id) if athlete else None


def _correct(turn: Turn, checkin_id: int, correction: Correction) -> CheckinOutcome | None:
    athlete = turn.athlete
    if athlete is None:
        return None
    return correct_checkin(turn.uow, athlete, checkin_id, correction, turn.today)


def _corrected(outcome: CheckinOutcome) -> str:
    return f"Corrected. ✔\n\n{feedback(outcome)}"
