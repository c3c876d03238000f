"""Free text: an answer the coach waits for, a check-in, a question about the plan or for the
FAQ, a greeting. The message is read once (coach.reading) and routed by what it is."""

from __future__ import annotations

import html
from typing import Literal

from bot.dialogue import setup
from bot.dialogue.buttons import RunCommand, encode
from bot.dialogue.checkin_flow import answer_typed_rpe, handle_checkin
from bot.dialogue.coaching import PERSONAL_REPLIES
from bot.dialogue.context import Turn
from bot.dialogue.edit_flow import answer_typed_duration
from bot.dialogue.history import why
from bot.dialogue.messages import Reply, keyboard
from bot.dialogue.move_flow import move_in_words, moved_in_words
from bot.services.plans import planned_kinds
from bot.services.questions import answer_question
from bot.services.reminders import reminded_on
from coach.checkins import is_bare_answer
from coach.faq import FaqPointer, PersonalQuestion
from coach.moves import read_move
from coach.reading import MessageKind, MessageReading, News, read_message

POINTER = (
    "I'm not sure what you mean. Tell me how a session went (“hike, 5 h, RPE 7”), ask a "
    "question about trail running, or send /help."
)
GREETING = "Hi! Tell me how a session went, ask me about trail running, or send /today."
THANKS = "Any time! Tell me how your next session goes."
NEWS_REPLIES = {
    News.EVENT: (
        "Great news! 🎉 The plan keeps building towards it: keep telling me how each session "
        "goes and I'll keep it on track."
    ),
    News.LATER: "Sounds good. Tell me how it went when you're done.",
    News.REPORT_LATER: "No rush: tell me how it went whenever you're ready.",
}
# A "yes" or "no" with no question waiting and no reminder of today's session to answer.
BARE_ANSWER = (
    "I'm not sure what that answers. Where my message has buttons, tap one; or tell me how a "
    "session went (“run-walk, 45 min, RPE 5”)."
)


def route_text(turn: Turn, text: str) -> list[Reply]:
    """Answer free text by what it most likely is."""
    text = text.strip()
    if not text:
        return [Reply(text=POINTER)]
    rated = answer_typed_rpe(turn, text) or answer_typed_duration(turn, text)
    if rated is not None:
        return rated
    if turn.state.awaiting_setting is not None or turn.state.onboarding is not None:
        answered = setup.try_answer(turn, text)
        if not isinstance(answered, setup.InputError):
            return answered
        return _aside(turn, text, answered)
    if is_bare_answer(text) and not _reminded_today(turn):
        return [Reply(text=BARE_ANSWER)]
    # "move Tuesday's run to Wednesday" asks for a change of plan: the check-in reader would
    # read it as a session moved, which is no report.
    request = read_move(text, turn.today)
    if request is not None:
        return move_in_words(turn, request)
    return _by_kind(turn, text, _read(turn, text))


def _reminded_today(turn: Turn) -> bool:
    athlete = turn.athlete
    return athlete is not None and reminded_on(turn.uow, athlete.user_id, turn.today)


def _read(turn: Turn, text: str) -> MessageReading:
    return read_message(text, turn.today, planned_kinds(turn.uow, turn.athlete))


def _by_kind(turn: Turn, text: str, reading: MessageReading) -> list[Reply]:
    kind = reading.kind
    if kind is MessageKind.GREETING:
        return [Reply(text=GREETING)]
    if kind is MessageKind.THANKS:
        return [Reply(text=THANKS)]
    if kind is MessageKind.PLAN_QUESTION and reading.personal is not None:
        return about_my_plan(turn, reading.personal)
    if kind is MessageKind.WHY_CHANGED:
        if turn.athlete is None or turn.athlete.start_date is None:
            return [Reply(text="Once you're set up I can tell you that. Send /start to begin.")]
        return why(turn)
    if kind is MessageKind.QUESTION:
        return answer(turn, text)
    if kind is MessageKind.NEWS and reading.news is not None:
        return [Reply(text=NEWS_REPLIES[reading.news])]
    if kind in (MessageKind.CHECKIN, MessageKind.MOVED):
        if reading.moved is not None:
            replies = moved_in_words(turn, reading)
        else:
            replies = handle_checkin(turn, reading.checkin, text, reading.earlier)
        if reading.question:
            replies = [*replies[:1], *answer(turn, reading.question), *replies[1:]]
        return replies
    found = turn.faq.answer(text)
    if found.answered:
        return [Reply(text=html.escape(found.answer))]
    return [Reply(text=POINTER)]


def _aside(turn: Turn, text: str, error: setup.InputError) -> list[Reply]:
    """Typed text while a setup question waits that does not answer it: a question or a
    check-in is handled and the question asked again; anything else is told what would work.
    The optional experience question is not asked twice."""
    reading = _read(turn, text)
    handled = (
        MessageKind.QUESTION,
        MessageKind.PLAN_QUESTION,
        MessageKind.CHECKIN,
        MessageKind.MOVED,
    )
    if reading.kind in handled and not setup.answers_a_setup_question(turn, text):
        setup.skip_experience(turn)
        replies = _by_kind(turn, text, reading)
        again = setup.waiting_question(turn)
        return [*replies, again] if again else replies
    leave = setup.CANCEL_HINT if turn.state.awaiting_setting is not None else ""
    return [Reply(text=html.escape(str(error)) + leave)]


def about_my_plan(turn: Turn, personal: PersonalQuestion) -> list[Reply]:
    athlete = turn.athlete
    if athlete is None or athlete.start_date is None:
        return [Reply(text="Once you're set up I can tell you that. Send /start to begin.")]
    return PERSONAL_REPLIES[personal](turn)


def answer(turn: Turn, question: str) -> list[Reply]:
    """The FAQ's answer to a question, with a button for the command it points to; a question
    about the athlete's own plan is answered from the plan; a declined one is kept for review."""
    user_id = turn.athlete.user_id if turn.athlete else None
    found = answer_question(turn.uow, turn.faq, question, user_id)
    if found.personal is not None and turn.athlete and turn.athlete.start_date:
        return about_my_plan(turn, found.personal)
    button = _POINTER_BUTTONS.get(found.pointer) if found.pointer else None
    buttons = keyboard([(button[0], encode(RunCommand(name=button[1])))]) if button else ()
    return [Reply(text=html.escape(found.answer), buttons=buttons)]


_POINTER_BUTTONS: dict[FaqPointer, tuple[str, Literal["pause", "week"]]] = {
    FaqPointer.PAUSE: ("⏸ Pause coaching", "pause"),
    FaqPointer.WEEK: ("📅 This week", "week"),
}
