"""Free text: a pending answer, a question about the plan, an FAQ question or a check-in."""

from __future__ import annotations

import html
import re

from bot.dialogue import setup
from bot.dialogue.checkin_flow import handle_checkin
from bot.dialogue.coaching import PERSONAL_REPLIES
from bot.dialogue.context import Turn
from bot.dialogue.messages import Reply
from coach.checkins import looks_like_checkin
from coach.faq import KnowledgeBase, is_personal_question, looks_like_question

POINTER = (
    "I'm not sure what you mean. Tell me how a session went (“hike, 5 h, RPE 7”), ask a "
    "question about trail running, or send /help."
)
_GREETING = re.compile(
    r"^(hi|hey|hello|hiya|howdy|yo|good (morning|afternoon|evening)|moin|hallo|hola)\b[\s!.,👋]*"
    r"(there|coach|trailcoach)?[\s!.,👋]*$",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"^(thanks|thank you|thx|ty|cheers|great|cool|ok|okay|nice|perfect|awesome|got it)\b"
    r"[\s!.,👍🙏]*(a lot|so much|coach)?[\s!.,👍🙏]*$",
    re.IGNORECASE,
)
GREETING = "Hi! Tell me how a session went, ask me about trail running, or send /today."
THANKS = "Any time! Tell me how your next session goes."

# What is kept of a declined question for the operator's review.
STORED_QUESTION_LIMIT = 1000


def route_text(turn: Turn, text: str, faq: KnowledgeBase) -> list[Reply]:
    """Answer free text by what it most likely is."""
    text = text.strip()
    if not text:
        return [Reply(text=POINTER)]
    pending = setup.current_step(turn.athlete)
    if pending is not None:
        return _while_pending(turn, text, faq)
    reads_as_checkin = looks_like_checkin(text)
    reads_as_question = looks_like_question(text) and not reads_as_checkin
    if _GREETING.match(text):
        return [Reply(text=GREETING)]
    if _THANKS.match(text) and not reads_as_checkin:
        return [Reply(text=THANKS)]
    personal = is_personal_question(text) if reads_as_question else None
    if personal is not None:
        return _about_my_plan(turn, personal)
    if reads_as_question:
        return answer_question(turn, text, faq)
    if reads_as_checkin:
        return handle_checkin(turn, text)
    answer = faq.answer(text)
    if answer.answered:
        return [Reply(text=html.escape(answer.answer))]
    return [Reply(text=POINTER)]


def _while_pending(turn: Turn, text: str, faq: KnowledgeBase) -> list[Reply]:
    """Typed text while a setup question waits: its answer, or a question or check-in aside."""
    answered = setup.try_answer(turn, text)
    if not isinstance(answered, setup.InputError):
        return answered
    found = setup.current_step(turn.athlete)
    reask = [found[0].question(turn)] if found else []
    if looks_like_question(text) and not looks_like_checkin(text):
        return [*answer_question(turn, text, faq), *reask]
    if looks_like_checkin(text):
        return [*handle_checkin(turn, text), *reask]
    leave = " Or send /cancel to leave it as it is." if found and found[1] else ""
    return [Reply(text=html.escape(str(answered)) + leave)]


def _about_my_plan(turn: Turn, personal: object) -> list[Reply]:
    athlete = turn.athlete
    if athlete is None or athlete.start_date is None:
        return [Reply(text="Once you're set up I can tell you that. Send /start to begin.")]
    return PERSONAL_REPLIES[personal](turn)  # type: ignore[index]


def answer_question(turn: Turn, question: str, faq: KnowledgeBase) -> list[Reply]:
    """The FAQ's answer; a declined question is kept for the operator to review."""
    answer = faq.answer(question)
    if not answer.answered:
        turn.unanswered.add(
            question[:STORED_QUESTION_LIMIT],
            answer.score,
            user_id=turn.athlete.user_id if turn.athlete else None,
        )
    return [Reply(text=html.escape(answer.answer))]
