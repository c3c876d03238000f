"""What one free-text message is: a check-in, a question about the athlete's own plan, a
question for the FAQ, a greeting, thanks, or none of these. Read once per message."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach.checkins import CheckinReading, PlannedKind, read_checkin, reads_as_report
from coach.faq import PersonalQuestion, is_personal_question, looks_like_question


class MessageKind(StrEnum):
    CHECKIN = "checkin"
    PLAN_QUESTION = "plan_question"  # about the athlete's own plan: today, tomorrow, the week
    QUESTION = "question"  # for the FAQ
    GREETING = "greeting"
    THANKS = "thanks"
    OTHER = "other"


class MessageReading(BaseModel):
    """One message, read: its kind, and the check-in or question it holds."""

    model_config = ConfigDict(frozen=True)

    kind: MessageKind
    checkin: CheckinReading
    personal: PersonalQuestion | None = None
    # A check-in that also asks something ("easy walk today. why the walk breaks?"): the
    # question, to answer beside logging the check-in.
    question: str | None = None

    @property
    def is_checkin(self) -> bool:
        return self.kind is MessageKind.CHECKIN


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


def read_message(text: str, today: dt.date, planned: PlannedKind | None = None) -> MessageReading:
    """Read `text` once: what kind of message it is, and its check-in reading (dated, in the
    context of the plan when `planned` is given) whatever the kind."""
    text = text.strip()
    checkin = read_checkin(text, today, planned)
    is_checkin = reads_as_report(text, checkin)
    is_question = looks_like_question(text) and not is_checkin
    if _GREETING.match(text):
        kind = MessageKind.GREETING
    elif _THANKS.match(text) and not is_checkin:
        kind = MessageKind.THANKS
    elif is_question:
        personal = is_personal_question(text)
        if personal is not None:
            return MessageReading(
                kind=MessageKind.PLAN_QUESTION, checkin=checkin, personal=personal
            )
        kind = MessageKind.QUESTION
    elif is_checkin:
        kind = MessageKind.CHECKIN
    else:
        kind = MessageKind.OTHER
    return MessageReading(kind=kind, checkin=checkin)
