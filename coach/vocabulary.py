"""The words every reader of free text shares: weekdays, months, number words and the openers
of a question. The check-in reader and the FAQ both read with these, so a word learnt once is
learnt by both.

Patterns here expect lower-case text; they accept a dropped apostrophe ("whats" for "what's")
because people typing on a phone drop them, and the FAQ folds them away."""

from __future__ import annotations

import re
from collections.abc import Iterable

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "weds": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
    # The names hikers writing in Spanish, French, German, Italian or Dutch use.
    **{
        name: index
        for index, names in enumerate(
            (
                ("lunes", "lundi", "montag", "lunedì", "lunedi", "maandag"),
                ("martes", "mardi", "dienstag", "martedì", "martedi", "dinsdag"),
                (
                    "miércoles",
                    "miercoles",
                    "mercredi",
                    "mittwoch",
                    "mercoledì",
                    "mercoledi",
                    "woensdag",
                ),
                ("jueves", "jeudi", "donnerstag", "giovedì", "giovedi", "donderdag"),
                ("viernes", "vendredi", "freitag", "venerdì", "venerdi", "vrijdag"),
                ("sábado", "sabado", "samedi", "samstag", "sabato", "zaterdag"),
                ("domingo", "dimanche", "sonntag", "domenica", "zondag"),
            )
        )
        for name in names
    },
}
# Short weekday forms that are also words ("sat in the car", "in the sun", "wed"): a reader
# should take them as days only in context.
AMBIGUOUS_WEEKDAYS = frozenset({"sat", "sun", "wed", "mon"})
# Any weekday form, longest first so "tues" is not read as "tue" plus a stray "s".
WEEKDAY_WORD = "|".join(sorted((*WEEKDAYS, *WEEKDAY_ABBREVIATIONS), key=len, reverse=True))


def weekday_index(word: str) -> int | None:
    """Monday = 0 … Sunday = 6 for a weekday name or abbreviation, else None."""
    word = word.lower().rstrip(".")
    if word.endswith("'s"):
        word = word[:-2]
    if word in WEEKDAYS:
        return WEEKDAYS.index(word)
    return WEEKDAY_ABBREVIATIONS.get(word)


MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# A month name or its abbreviation; the three-letter stem is captured as `mon`.
MONTH_WORD = (
    r"(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"(?:uary|ruary|ch|il|e|y|ust|tember|ember|ober)?\.?"
)

# Cardinal numbers written as words.
NUMBER_WORDS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# "forty-five", "twenty five": tens and units, hyphenated or not.
COMPOUND_NUMBER_WORDS: dict[str, int] = {
    f"{tens}{joint}{unit}": NUMBER_WORDS[tens] + NUMBER_WORDS[unit]
    for tens in _TENS
    for unit in _UNITS
    for joint in ("-", " ")
}
# Words that stand for an amount before a unit: "an hour", "a couple of hours", "a few km".
AMOUNT_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "couple": 2,
    "a few": 3,
}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}


def number_value(word: str) -> int | None:
    """The value of a number word ("seven", "forty-five", "twelfth"), else None."""
    word = " ".join(word.lower().split())
    for table in (NUMBER_WORDS, COMPOUND_NUMBER_WORDS, ORDINALS):
        if word in table:
            return table[word]
    return None


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first, each escaped, spaces matching any run
    of spaces."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


# A number word, compounds first ("forty five" before "forty").
NUMBER_WORD = alternation([*COMPOUND_NUMBER_WORDS, *NUMBER_WORDS])

# Question words, and the auxiliaries that open a question before their subject ("should I").
QUESTION_WORDS = ("how", "what", "what's", "whats", "why", "when", "where", "which", "who")
QUESTION_WORDS_RARE = ("whom", "whose")
AUXILIARIES = (
    "should",
    "shall",
    "can",
    "could",
    "would",
    "do",
    "does",
    "did",
    "is",
    "are",
    "am",
    "was",
    "were",
    "will",
    "have",
    "has",
    "may",
    "might",
    "must",
)
# Asking for advice without a question word: "any tips for descents", "tips on pacing".
ADVICE_OPENERS = (
    "any tips",
    "any advice",
    "any ideas",
    "any thoughts",
    "any suggestions",
    "tips",
    "tip",
    "advice",
    "thoughts",
    "tell me",
    "i wonder",
    "wondering",
)
# Words that open a question when they start the message ("how long…", "should I…").
QUESTION_OPENERS = (
    *QUESTION_WORDS,
    *QUESTION_WORDS_RARE,
    *AUXILIARIES,
    "any",
    "tell me",
    "i wonder",
)
# Phrases that make a question wherever they stand ("so do I need to…", "…, is it ok to…").
QUESTION_PHRASES = (
    "do i",
    "can i",
    "should i",
    "shall i",
    "must i",
    "could i",
    "would it",
    "is it",
    "am i",
    "how do",
    "how does",
    "how much",
    "how many",
    "how long",
    "how often",
    "how far",
    "how fast",
    "how soon",
    "what is",
    "what are",
    "what should",
    "what do",
    "what does",
    "what if",
    "why do",
    "why does",
    "why is",
    "why are",
    "why should",
    "why am",
    "is that",
    "is this",
    "was that",
    "was it",
    "i wonder",
)
# "can't wait" does not open a question: an opener ends at a word's end, not an apostrophe.
QUESTION_START = re.compile(rf"^\W*(?:{alternation(QUESTION_OPENERS)})(?![\w'])")
QUESTION_ANYWHERE = re.compile(rf"\b(?:{alternation(QUESTION_PHRASES)})\b")
QUESTION_MARKS = ("?", "\uff1f")

# Greetings and thanks: a message of these alone is social, not training.
GREETING_WORDS = (
    "hi",
    "hey",
    "hello",
    "hiya",
    "howdy",
    "yo",
    "good morning",
    "good afternoon",
    "good evening",
    "morning",
    "afternoon",
    "evening",
    "greetings",
    "moin",
    "hallo",
    "hola",
)
THANKS_WORDS = (
    "thanks",
    "thank you",
    "thx",
    "ty",
    "cheers",
    "great",
    "cool",
    "ok",
    "okay",
    "nice",
    "perfect",
    "awesome",
    "got it",
)
# "ill do it tomorrow", "so ill need to": "I'll" typed, or folded, without its apostrophe.
VERBS_AFTER_ILL = (
    r"do|be|go|try|get|see|just|probably|prob|need|have|let|make|take|keep|start|stop|run|hike|"
    r"walk|miss|skip|pick|aim|still|send|tell|check|update|report|also|def\w*|message|text|ping|"
    r"move|swap|push|head|give|catch|rest|stick|log"
)
# How a question is announced before it is asked: "quick q", "random gear q", "question".
QUESTION_LEAD = (
    r"(?:(?:quick|random|silly|daft|dumb|gear|kit|small|another)\s+){0,2}(?:q|qq|question|query)\b"
)
