"""What one free-text message is: a check-in, a question about the athlete's own plan, a
question for the FAQ, a greeting, thanks, or none of these. Read once per message.

A message may hold both a report and a question ("easy walk today. why the walk breaks?"): it is
a check-in, and the question is kept beside it to be answered in the same reply."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from coach import checkin_words as words
from coach import vocabulary
from coach.checkins import (
    Activity,
    CheckinReading,
    Moved,
    PlannedKind,
    read_checkin,
    read_earlier_days,
    read_moved,
)
from coach.faq import (
    PersonalQuestion,
    is_personal_question,
    is_social_message,
    looks_like_question,
)


class MessageKind(StrEnum):
    CHECKIN = "checkin"
    MOVED = "moved"  # a session moved to another day, not done: news of the move, no check-in
    PLAN_QUESTION = "plan_question"  # about the athlete's own plan: today, tomorrow, the week
    WHY_CHANGED = "why_changed"  # why the plan changed ("why is Thursday easier?")
    QUESTION = "question"  # for the FAQ
    GREETING = "greeting"
    THANKS = "thanks"
    NEWS = "news"  # no report: a race booked, a session still to come, the report put off
    OTHER = "other"


class News(StrEnum):
    """What a message of kind NEWS tells."""

    EVENT = "event"  # "booked my first trail half!"
    LATER = "later"  # "going to do the run tonight after work"
    REPORT_LATER = "report_later"  # "knackered, will tell you properly tomorrow"


class MessageReading(BaseModel):
    """One message, read: its kind, and the check-in or question it holds."""

    model_config = ConfigDict(frozen=True)

    kind: MessageKind
    checkin: CheckinReading
    personal: PersonalQuestion | None = None
    # A check-in that also asks something ("easy walk today. why the walk breaks?"): the
    # question, to answer beside logging the check-in.
    question: str | None = None
    # A session moved ("long hike postponed till tomorrow", kind MOVED): the move to make, in
    # place of logging anything.
    moved: Moved | None = None
    # A check-in telling of several days: the sessions of the days before the latest, which
    # `checkin` is about ("sat 6h fell walk, sun skipped the recovery one").
    earlier: tuple[CheckinReading, ...] = ()
    news: News | None = None

    @property
    def is_checkin(self) -> bool:
        return self.kind is MessageKind.CHECKIN


_GREETING = re.compile(
    rf"^(?:{vocabulary.alternation(vocabulary.GREETING_WORDS)})\b[\s!.,👋]*"
    r"(there|coach|trailcoach)?[\s!.,👋]*$",
    re.IGNORECASE,
)
_GREETING_WORD = re.compile(
    rf"\b(?:{vocabulary.alternation(vocabulary.GREETING_WORDS)})\b", re.IGNORECASE
)
_THANKS = re.compile(
    rf"^(?:(?:{vocabulary.alternation(vocabulary.THANKS_WORDS)})\b"
    r"[\s!.,👍🙏]*(a lot|so much|coach)?[\s!.,👍🙏]*|[\s👍🙏🙌👌]+)$",
    re.IGNORECASE,
)
# Sentences end at . ! ? or a line break ("6.5 h" keeps its point).
_SENTENCE_END = re.compile(
    r"(?<=[.!?？])\s+|\n+"
    # "…a 5kg bag of potatoes 😂 Do I need proper weights?": an emoji closes a sentence.
    r"|(?<=[\U0001F300-\U0001FAFF\u2600-\u27BF])\s+(?=[A-Z])"
)
# A question asked after a report in the same sentence: "did the 2h hike, should I rest?".
_CLAUSE_BEFORE_QUESTION = re.compile(
    r"(?:[,;:]|\s[-–—]|\s(?:but|so|and)|[^\w\s'.,!?])\s+"
    rf"(?=(?:{vocabulary.alternation(vocabulary.QUESTION_OPENERS)}|tips?|advice|thoughts)\b)"
)
# Without a question mark, a sentence asks when it opens with a question word ("why do I
# start with walk breaks"), an auxiliary before its subject ("should I rest", "is it ok"), or
# a request for advice; "did the long hike" and "will go tomorrow" tell.
_WH_OPENING = re.compile(rf"^\W*(?:{vocabulary.alternation(vocabulary.QUESTION_WORDS)})\b")
_AUX_OPENING = re.compile(
    r"^\W*(?:(?:should|shall|can|could|would|is|are|am|do|does|may|might|must)(?:n't)?\s+"
    r"(?:i|you|u|we|it|that|this|there|my|they|he|she|anyone|people|one|the|a|an|\d+|running|"
    r"hiking|walking)\b|(?:was|were|will|have|has|had)(?:n't)?\s+"
    r"(?:i|you|u|we|that|this|there|they|he|she|anyone)\b|"
    # Not "did that 5 times": a report of what was done.
    r"did(?:n't)?\s+(?:i|you|u|we|there|they|he|she|anyone)\b)"
)
_ADVICE_OPENING = re.compile(rf"^\W*(?:{vocabulary.alternation(vocabulary.ADVICE_OPENERS)})\b")
# Exclamations that open like questions: "what a day!", "how good was that".
_EXCLAMATION = re.compile(
    r"^\W*(?:what\s+an?\b|how\s+(?:good|nice|lovely|great|beautiful|amazing|cool|fun|"
    r"glorious|stunning)\b)"
)
_CLAUSE = re.compile(
    r"[,.;!\n]|\s[-\u2013\u2014]\s|[\U0001F300-\U0001FAFF]|\b(?:but|then|and|cos|coz|cuz|because|since)\b"
)
# What makes a sentence a report rather than a topic: something done, measured, felt or dated.
_REPORT_SIGNAL = re.compile(
    r"\d|\b(?:done|did|went|got\s+back|finished|completed|managed|skipped|missed|bailed|"
    r"today|yesterday|this\s+(?:morning|afternoon|evening)|tonight|last\s+night|earlier|"
    r"easy|hard|tough|brutal|wrecked|knackered|sore|hurts?|hurting|tweaked|pain|felt|was|were|"
    r"rest(?:ed)?|sick|ill|cold|flu|\w+ed|had\s+to|half\s+of\s+it|most\s+of\s+it)\b|[✅✔☑]|"
    # A reply to the reminder before the question: "no - knee. ice or heat?"
    r"^\W*(?:no|nope|nah|yes|yep|yeah)\b"
)


_QUESTION_LEAD = re.compile(rf"^\W*{vocabulary.QUESTION_LEAD}", re.IGNORECASE)
_NOT_KNOWING = re.compile(
    r"\b(?:idk|dunno|don't\s+know|not\s+sure|no\s+idea|can't\s+remember|forgot)\s+"
    r"(?:how|what|when|exactly)\b"
)
# "today no training, is my rest day": "it" dropped, as in other languages; no question.
_SUBJECT_DROPPED = re.compile(
    r"^\W*is\s+(?:my|the)\s+(?:rest|recovery|off)\s+day\b"
    # "…babysat for 6 hours, which is harder than any hill": a clause that tells.
    r"|^\W*which\s+(?:is|was|were|made|makes|meant|means|felt|left|has|had|\w+ed)\b"
)
_DAY_WORDS = re.compile(
    r"\b(?:today|tonight|tomorrow|this\s+(?:morning|afternoon|evening|week))\b"
)


# "why is Thursday easier?", "why did my plan change", "why am I walking instead of running".
_WHY_CHANGED = re.compile(
    r"\bwhy\b.{0,40}\b(?:easier|shorter|changed?|different|lighter|scaled|walk(?:ing)?\s+"
    r"instead|no\s+(?:run|running|hill)|(?:plan|session|schedule|week)\s+(?:has\s+)?"
    r"(?:changed|moved|gone))\b",
    re.IGNORECASE,
)


def read_message(text: str, today: dt.date, planned: PlannedKind | None = None) -> MessageReading:
    """Read `text` once: what kind of message it is, and its check-in reading (dated, in the
    context of the plan when `planned` is given) whatever the kind."""
    text = _REMINDER_QUOTED.sub("", _with_spoken_marks(text.strip()), count=1) or text.strip()
    whole = read_checkin(text, today, planned)
    if _GREETING.match(text):
        return MessageReading(kind=MessageKind.GREETING, checkin=whole)
    if _THANKS_OPENING.match(text):
        thanked = read_checkin(_EMOJI.sub(" ", text), today)
        if not (
            _session_told(thanked) or (thanked.activity is not None and _DID.search(text.lower()))
        ):
            # "thanks for the 12 wks, honestly the best thing ive done": thanks, no report.
            return MessageReading(kind=MessageKind.THANKS, checkin=whole)
    told, asked = _told_and_asked(text)
    checkin = _with_pain_asked_about(read_checkin(told, today, planned), whole) if asked else whole
    if asked and whole.illness and not checkin.illness and _OWN_ILLNESS.search(text.lower()):
        # "got a chesty cough and a temperature, ok to run tomorrow?": a sick day to log.
        told, checkin = text, whole
    moved = _moved(told, checkin, today)
    if told and (moved is not None or _reports(told, checkin, today, asked)):
        # Beside an illness, whether to train is answered by the rest the sick day gets.
        question = (asked or None) if not checkin.illness else None
        personal = is_personal_question(question) if question else None
        return MessageReading(
            kind=MessageKind.CHECKIN if moved is None else MessageKind.MOVED,
            checkin=checkin,
            question=question,
            personal=personal,
            moved=moved,
            earlier=tuple(
                day for day in read_earlier_days(told, today, planned) if day.date != checkin.date
            ),
        )
    if asked and _WHY_CHANGED.search(text):
        return MessageReading(kind=MessageKind.WHY_CHANGED, checkin=whole)
    if asked:
        personal = is_personal_question(text)
        kind = MessageKind.PLAN_QUESTION if personal is not None else MessageKind.QUESTION
        return MessageReading(kind=kind, checkin=whole, personal=personal)
    if _THANKS.match(text):
        return MessageReading(kind=MessageKind.THANKS, checkin=whole)
    if is_social_message(text):
        # "morning coach!", "cheers, that helps": a greeting if it greets, else thanks.
        greets = _GREETING_WORD.search(text)
        kind = MessageKind.GREETING if greets else MessageKind.THANKS
        return MessageReading(kind=kind, checkin=whole)
    news = _news(text, whole, today)
    if news is not None:
        return MessageReading(kind=MessageKind.NEWS, checkin=whole, news=news)
    return MessageReading(kind=MessageKind.OTHER, checkin=whole)


_DID = re.compile(r"\b(?:did|done|ran|hiked|walked|jogged|finished|completed|managed)\b")
_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?")
_THANKS_OPENING = re.compile(
    rf"^\W*(?:{vocabulary.alternation(vocabulary.THANKS_WORDS)})\b", re.IGNORECASE
)
# The asker's own illness, not illness in general ("can you run with a cold?").
_OWN_ILLNESS = re.compile(
    r"^\W*(?:got|caught|feeling|been|woke\s+up|came\s+down|down\s+with|still)\b|"
    r"\bi(?:'?ve|\s+have)?\s+(?:got|caught|have|picked\s+up|came\s+down|woke\s+up)\b|"
    r"\b(?:i'?m|i\s+am)\s+(?:ill|sick|poorly|unwell|feeling|full\s+of|down\s+with|running\s+a)\b|"
    r"\bmy\s+(?:cold|cough|temperature|fever|flu|chest)\b"
)
_EVENT_NEWS = re.compile(
    r"\b(?:booked|signed\s+(?:me\s+|us\s+)?up|registered|entered|just\s+joined)\b"
)
_REPORT_LATER = re.compile(
    r"\b(?:tell\s+you\s+(?:properly|more|all\s+about\s+it)\s+(?:tomorrow|later)|"
    r"(?:will|i'll)\s+(?:report|update\s+you|fill\s+you\s+in)\s+(?:back\s+)?(?:tomorrow|later))\b"
)


_DOING_IT = re.compile(r"\b(?:doing|do|getting|get)\s+it\b")


def _news(text: str, reading: CheckinReading, today: dt.date) -> News | None:
    """What a message that reports nothing tells, when it is news worth an answer."""
    folded = text.lower().translate(words.APOSTROPHES)
    if _REPORT_LATER.search(folded):
        return News.REPORT_LATER
    if _EVENT_NEWS.search(folded):
        return News.EVENT
    named = (
        reading.activity is not None or _DOING_IT.search(folded) or _SESSION_NAMED.search(folded)
    )
    later_today = _LATER_TODAY.search(folded) and not words.REPORT_VERB.search(folded)
    if named and (_for_later(folded, today) or later_today):
        return News.LATER  # "going to do the run tonight", "hills later tonight"
    return None


_SESSION_NAMED = re.compile(
    r"\b(?:hills?|hill\s+(?:reps|repeats|session|walk)|session|strength|gym|run|hike|walk|"
    r"long\s+one|recovery)\b"
)


# A reply quoting the reminder's question: "re: did you run today? — nope 😬".
_REMINDER_QUOTED = re.compile(
    r"^\s*re:\s*[^?\n]{0,80}\?\s*(?:[\u2014\u2013-]+|:)?\s*(?=\S)", re.IGNORECASE
)
# Dictation that spells out its punctuation: "…forty minutes full stop it was raining".
_SPOKEN_MARKS = (
    (re.compile(r"\s*\b(?:full\s+stop|period)\b(?=\s|$)", re.IGNORECASE), "."),
    (re.compile(r"\s*\bquestion\s+mark\b", re.IGNORECASE), "?"),
    (re.compile(r"\s*\bexclamation\s+(?:mark|point)\b", re.IGNORECASE), "!"),
    (re.compile(r"\s*\b(?:new\s+line|new\s+paragraph)\b", re.IGNORECASE), "\n"),
)


def _with_spoken_marks(text: str) -> str:
    """`text` with dictated marks written as marks, when it spells out two or more."""
    if sum(len(pattern.findall(text)) for pattern, _ in _SPOKEN_MARKS[:3]) < 2:
        return text
    for pattern, mark in _SPOKEN_MARKS:
        text = pattern.sub(mark, text)
    return text


def _with_pain_asked_about(told: CheckinReading, whole: CheckinReading) -> CheckinReading:
    """The reading of what a message tells, with the pain it only asks about kept: "tweaked my
    hamstring, went a bit pop-ish?" still reports a hamstring."""
    asked = [site for site in whole.pain if site not in told.pain]
    if not asked:
        return told
    cleared = [site for site in told.cleared if site not in asked]
    return told.model_copy(update={"pain": [*told.pain, *asked], "cleared": cleared})


# A question the writer answers at once: "The knee pain I had last week? Gone, nothing at all."
_SELF_ANSWER = re.compile(
    r"^\W*(?:gone|fine|nope|nothing|all\s+good|better|sorted|no\s+problems?|zero|none)\b",
    re.IGNORECASE,
)
_QUESTION_WORD_START = re.compile(
    r"^\W*(?:what|which|how|why|when|where|should|shall|can|could|would|do|does|did|is|are|will)\b",
    re.IGNORECASE,
)


def _told_and_asked(text: str) -> tuple[str, str]:
    """The message split into what it tells and what it asks, each in its own words."""
    told: list[str] = []
    asked: list[str] = []
    sentences = [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]
    for index, sentence in enumerate(sentences):
        answered = index + 1 < len(sentences) and _SELF_ANSWER.match(sentences[index + 1])
        if answered and not _QUESTION_WORD_START.match(sentence):
            told.append(sentence)  # "The knee pain I had last week? Gone.": asked and answered
            continue
        split = _CLAUSE_BEFORE_QUESTION.search(sentence)
        tag = _TAG_QUESTION.search(sentence)
        if tag is not None and tag.start() > 0 and not _asks(sentence[: tag.start()] + "."):
            told.append(sentence[: tag.start()])  # told, then asked whether it was fine
            asked.append(sentence)
        elif split is not None and _asks(sentence[split.end() :]):
            head = sentence[: split.start()].strip()
            if head:
                # "Quick q – I'm walking the Camino in May, should I…": the question's setting.
                setting = _QUESTION_LEAD.match(head) or _for_later(head.lower(), dt.date.min)
                (asked if _asks(head) or setting else told).append(head)
            asked.append(sentence[split.end() :].strip())
        elif _asks(sentence) or (
            index == 0 and _QUESTION_LEAD.match(sentence) and len(sentences) > 1
        ):
            asked.append(sentence)  # "Random gear q while I'm waiting: I'm between a vest and…"
        else:
            told.append(sentence)
    return "\n".join(told), " ".join(asked)


# A figure told unsure of itself: "35 mins?", "about an hour?".
_UNSURE_FIGURE = re.compile(
    r"^\W*(?:(?:rpe|effort)\s+)?(?:about\s+|like\s+|maybe\s+|prob(?:ably)?\s+|around\s+|~)?"
    r"(?:an?\s+)?\d+(?:[.,]\d+)?\s*(?:min|mins|minutes|h|hrs?|hours?|k|km|miles?|/\s*10|"
    r"out\s+of\s+10)?(?:\s+(?:maybe|probably|prob|ish|or\s+so))?\s*\?+\W*$",
    re.IGNORECASE,
)
# A report whose last figure doubts itself: "forgot to log sat: 6h, 20 miles??".
_UNSURE_LAST_FIGURE = re.compile(
    r"\d\s*(?:h|hrs?|hours?|min|mins|minutes|k|km|miles?|mi|m|kg|lbs?|ft)\s*\?+\W*$"
    # "yep done, 45 mins run walk, rpe maybe 5?": the rating unsure of itself.
    r"|\b(?:rpe|effort)\s*(?:of\s+|maybe\s+|about\s+|like\s+|prob(?:ably)?\s+|~)?\d+(?:\s*/\s*10)?\s*\?+\W*$",
    re.IGNORECASE,
)
_ASKING_WORD = re.compile(
    r"\b(?:what|which|how|why|when|where|should|shall|can|could|would|do|does|is|are|or|"
    r"recommend|ok|okay|enough|too)\b"
)
# A question tagged on to what is told: "…did 30 min yoga, that's allowed right?".
_TAG_QUESTION = re.compile(
    r"[,;]?\s*(?:(?:that'?s|thats|is\s+that|hope\s+(?:that'?s|thats))\s+(?:ok|okay|allowed|fine|"
    r"alright|good|cool)(?:\s+(?:right|yeah|yes|too))?|right|yeah)\s*\?+\W*$"
    # Asked at the end without a mark: "…my shin hurts a bit on the inside is that normal".
    r"|\s(?:is|was)\s+(?:that|this|it)\s+(?:normal|ok|okay|bad|fine|a\s+problem|a\s+worry|"
    r"something\s+to\s+worry\s+about)\s*\?*\W*$",
    re.IGNORECASE,
)


def _asks(sentence: str) -> bool:
    """True when a sentence asks something rather than tells."""
    if _UNSURE_FIGURE.match(sentence):
        return False
    folded = sentence.lower().translate(words.APOSTROPHES)
    if _UNSURE_LAST_FIGURE.search(sentence) and not _ASKING_WORD.search(folded):
        return False
    if sentence.rstrip().endswith(vocabulary.QUESTION_MARKS):
        return True
    if _NOT_KNOWING.search(folded) or _SUBJECT_DROPPED.match(folded):
        return False  # "idk how long, maybe 35" tells, with a shrug
    if _ADVICE_OPENING.match(folded):
        return True
    if not looks_like_question(sentence):
        return False
    if _EXCLAMATION.match(folded):
        return False
    return bool(
        _WH_OPENING.match(folded)
        or _AUX_OPENING.match(folded)
        or _ADVICE_OPENING.match(folded)
        or vocabulary.QUESTION_ANYWHERE.search(folded)
    )


_WEEKEND = re.compile(r"\bthis\s+weekend\b")
_SATURDAY = 5


def _for_later(clause: str, today: dt.date) -> bool:
    """True for a clause about what is still to come; on a Saturday or Sunday "this weekend"
    is now ("sorry, no hike this weekend")."""
    if today.weekday() >= _SATURDAY:
        clause = _WEEKEND.sub(" ", clause)
    return bool(words.FUTURE_INTENT.search(clause))


def _moved(told: str, reading: CheckinReading, today: dt.date) -> Moved | None:
    """The move a report tells of, when it names or implies a session to move."""
    if reading.activity in (None, Activity.REST):
        return None
    return read_moved(told, today)


# News that is no report: a race booked, joining up, the report itself put off (_EVENT_NEWS,
# _REPORT_LATER), and beside them, never having run.
_NEVER_RAN = re.compile(r"\bnever\s+(?:run|ran|been\s+a\s+runner)\s+(?:in\s+my\s+life|before)\b")
# Beside a question, who the asker is and what always happens set the scene: "I'm 61 and
# slow as a snail", "I can never tell if I'm going too hard".
_AGE = re.compile(r"\b(?:i'?m|i\s+am|aged?|at)\s+\d{2}\b|\b\d{2}\s*(?:years?|yrs?|yo)\b")
_HABITUAL = re.compile(
    r"\b(?:never|always|usually|normally|every\s+time|tend\s+to|whenever|ever|keeps?|will\s+be|i'll|"
    r"i'?ve\s+been\s+(?:doing|running|going|walking|hiking|carrying|using|taking)|"
    r"(?:in\s+|on\s+)?week\s+\d{1,2}\s+(?:now|already)|i'?m\s+like\s+\d+|reckons|my\s+(?:\w+\s+)?(?:hikes|runs|walks|sessions)\s+are|"
    r"(?:hikes|runs|sessions)\s+are\s+(?:now\s+)?getting|i'?m\s+in\s+week\s+\d+|the\s+guide\s+says|"
    r"last\s+year|years?\s+ago|if\s+that\s+helps|"
    r"i\s+will|going\s+to|gonna|in\s+\d+\s+weeks|(?:my\s+)?watch\s+says)\b"
)


def _setting_only(folded: str) -> str:
    """What a message beside a question tells, without the asker's age, habits or day words."""
    clauses = [c for c in _CLAUSE.split(_AGE.sub(" ", folded)) if not _HABITUAL.search(c)]
    return _DAY_WORDS.sub(" ", " , ".join(clauses))


def _tells_anything(reading: CheckinReading) -> bool:
    return reading.activity is not None or _session_told(reading)


def _session_told(reading: CheckinReading) -> bool:
    return (
        reading.duration_min is not None
        or reading.rpe is not None
        or reading.skipped
        or bool(reading.pain)
        or reading.illness
    )


# "never again (until next wk)": a joke about the session done, not a plan.
_NEVER_AGAIN = re.compile(r"\bnever\s+again\b")
_SETTING_OFF = re.compile(
    r"\b(?:heading\s+out|before\s+i\s+(?:head|go|set\s+off)\s+out|about\s+to\s+(?:head|go|set\s+off|start)|"
    r"setting\s+off|"
    r"off\s+out\s+now|wish\s+me\s+luck)\b"
)
# "strength later tonight after the kids are in bed": today's session, still to come.
_LATER_ON = re.compile(r"\blater\s+(?:tonight|today|on|this\s+(?:afternoon|evening))\b")
_LATER_TODAY = re.compile(
    r"\b(?:tonight|later(?:\s+on|\s+today)?|this\s+(?:afternoon|evening)|after\s+(?:work|dinner|tea|"
    r"lunch|school\s+run))\b"
)


# "haven't done the run yet": still to come, like a plan for later.
_NOT_YET = re.compile(
    r"\b(?:haven'?t|have\s+not|not)\s+(?:done|had|started|got\s+(?:out|round\s+to))\s+"
    r"(?:the|my|today'?s|this\s+\w+'?s)\s+(?:\w+\s+){0,2}?(?:yet|so\s+far)\b"
)


def _reports(told: str, reading: CheckinReading, today: dt.date, asked: str = "") -> bool:
    """True when what the message tells is a report of training, not only a plan for later
    ("going to do the long hike tomorrow, 6 hours") or a session moved to another day."""
    if not reading.recognised:
        return False
    if reading.illness:
        return True  # "tested positive for covid, will be off for a few days": a sick day
    folded = told.lower().translate(words.APOSTROPHES)
    news = _EVENT_NEWS.search(folded) or _REPORT_LATER.search(folded) or _NEVER_RAN.search(folded)
    if news and not _session_told(read_checkin(told, today)):
        return False  # "booked my first trail half!", "knackered, I'll tell you tomorrow"
    if asked and not _REPORT_SIGNAL.search(_setting_only(folded)):
        # "hill repeats today - how many?": a session and its day named, nothing done to it.
        # Beside a question, a session named with nothing done to it is the question's topic:
        # "I don't see the point of running, do I need it?".
        return False
    if _SETTING_OFF.search(folded) and not words.REPORT_VERB.search(folded):
        return False  # "heading out for the long one in 10 min, 12 kg in the pack"
    clauses = _CLAUSE.split(told.lower().translate(words.APOSTROPHES))
    # Plans for later and sessions moved to another day are not reports.
    kept = [
        clause
        for clause in clauses
        if _NEVER_AGAIN.search(clause)
        or not (
            _for_later(clause, today)
            or words.MOVED.search(clause)
            or _NOT_YET.search(clause)
            or _LATER_ON.search(clause)
        )
    ]
    if len(kept) == len(clauses):
        return True
    now = " , ".join(kept)
    # What is left, read without the plan: a length alone there belongs to the plan for later.
    left = read_checkin(now, today)
    return bool(
        left.activity is not None
        # "gonna do the run tonight, too dark this morning": the reason is for the move.
        or (
            left.skipped
            and (
                not _LATER_TODAY.search(told.lower())
                or left.duration_min is not None
                or words.REPORT_VERB.search(now)
            )
        )
        or left.pain
        or left.illness
        or left.cleared
        or left.pain_cleared
        or words.REPORT_VERB.search(now)
    )
