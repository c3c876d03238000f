"""Answer athletes' free-text questions with the fact of the guide they ask for.

The knowledge base has one entry per fact (tests/data/faq_facts.json). Rules go first, for
questions about the athlete rather than the guide: training with an injury gets a cautious
answer, illness goes to a doctor, a trip, travel, progress or plan question points to its
command. Then near-miss domains the guide does not cover are declined, and the rest is matched
against each fact's phrasings (the hand-written ones of faq.json and the paraphrase banks of
faq_phrasings.json) and against questions the guide does not answer (off-topic examples).

Lexically, text is normalised (lower case, accents stripped, light stemming, hiker synonyms,
negation, typo correction against the knowledge-base vocabulary), then each fact is scored by
an IDF-weighted cosine against its phrasings blended with how much of the question the fact's
vocabulary covers. Words the knowledge base has never seen weigh as much as its rarest words,
and a fact shared only through everyday words ("recommend", "weather") scores nothing. Given an
`Embedder` (a sentence-embedding model, which the bot supplies), each fact's score is fused with
the best cosine of the question's meaning to its phrasings and answer. Either way the best fact
is declined when its score is low, or when an off-topic example is nearer the question than the
fact is, so "which GPS watch should I buy" is declined instead of snapping to the gear entry.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Annotated, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from rapidfuzz import process
from rapidfuzz.distance import OSA

from coach import vocabulary
from coach.checkins import PainSite

# Long messages are cut before scoring so a pasted essay cannot make answering slow.
MAX_CHARS = 400
MAX_TOKENS = 48
# Chosen on a development split of the paraphrase banks (a quarter of each bank's questions
# and off-topic examples, held out of the knowledge base while choosing; README, "How the FAQ
# matches"): the highest share of the worse of in-scope right and off-topic declined.
# A fact's lexical score: this much phrasing cosine, the rest vocabulary coverage.
COSINE_WEIGHT = 0.4
# Without a model: the least lexical score answered, and how much nearer (in lexical cosine)
# an off-topic example may be than the fact's nearest phrasing before the question is declined.
CONFIDENCE_THRESHOLD = 0.2
EXAMPLE_MARGIN = 0.05
# With a model: a fact's score is this much lexical score, the rest meaning (cosine); the least
# fused score answered; how much nearer in meaning an off-topic example may be than the fact;
# and the lexical margin, wider since meaning already judges most near misses.
FUSION_LEXICAL_WEIGHT = 0.2
FUSED_THRESHOLD = 0.475
SEMANTIC_EXAMPLE_MARGIN = 0.06
FUSED_LEXICAL_EXAMPLE_MARGIN = 0.2
# Everyday words count for this much of their weight when they are shared with a topic.
WEAK_WORD_FACTOR = 0.5
MIN_TYPO_LENGTH = 4
# No real word is longer; comparing a pasted 400-letter run with the vocabulary is slow.
MAX_TYPO_LENGTH = 24
MIN_FUZZY_TYPO_LENGTH = 6
LONG_WORD_LENGTH = 7
TYPO_CANDIDATES = 8

DECLINE_TEXT = (
    "Sorry, that one's outside what I can help with. I can answer questions about adding "
    "trail running to your hiking: why it works, the three phases, the weekly schedule, "
    "Zone 2, power hiking, hill repeats, strength work, gear, common mistakes and how soon "
    "you'll improve. For your own plan or progress, send /today or /week."
)

# Filler words carry no topic. Phrases that need them ("how long until", "have to") are
# rewritten by the synonym table before these are dropped.
_STOPWORD_TEXT = """
a about also am an and any anything are as at be been before being best but by can cant could
did do does doesnt doing done dont for from get go going good got had has have having he her
here hey hi him his how i if im in into is isnt it its ive just know like make me mean meaning
means might my myself not of on or our please really she should so some still than thank thanks
that the their them then there these they thing things this those to too us use using very want
was way we were what whats which while who why will with wont would you your yours
when
actually advice already anyone anybody anyway attempt basically bit curious currently even ever
exactly explain generally give guys id idea kind literally lol maybe mostly ok okay person pls
plz pretty probably properly question quick quite someone somebody something sort suggest tell
tip tips tho though try u ur usually wondering wonder ya yeah yet youre
tbh honestly rather figure figured reckon guess suppose loads lots lot bunch totally absolutely
seriously even gonna wanna kinda sorta anyways btw yes yep lil
coach sorry apologies english
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
NEGATIONS = frozenset(
    {"not", "isnt", "arent", "dont", "doesnt", "didnt", "wont", "non", "without"}
)

_TOKEN_RE = re.compile(r"[a-z0-9]+")
# A greeting opening a question ("hello coach, ..."): no topic, and a word no fact shares.
_GREETING_RE = re.compile(
    r"^\W*(hi|hello|hey|hiya|dear|good (morning|afternoon|evening))\b"
    r"( (there|coach|all|everyone))?"
)
# A word as typed, for the model's copy of a question: letters (accented too) and apostrophes.
_WORD_RE = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_SEPARATOR_RE = re.compile(r"[\s-]+")
_SNAKE_CASE_RE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class KnowledgeBaseError(ValueError):
    """The FAQ data file is missing, not JSON, or has an invalid entry."""


class FaqPointer(StrEnum):
    """A command the answer points the athlete to, so the dialogue can offer it."""

    PAUSE = "pause"  # /pause and /resume: a trip, a holiday, a break
    TIMEZONE = "timezone"  # /timezone: travelling or moving to another time zone
    WEEK = "week"  # /week: how am I doing, my progress, my load
    PLAN = "plan"  # /today, /week: what is my session today, tomorrow, this week


class FaqEntry(BaseModel):
    """One fact of the knowledge base: how people ask for it and what we answer."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    topic: str
    pointer: FaqPointer | None = None
    questions: Annotated[list[Annotated[str, Field(min_length=3)]], Field(min_length=1)]
    keywords: list[Annotated[str, Field(min_length=1)]] = []
    answer: Annotated[str, Field(min_length=10, max_length=600)]

    @field_validator("topic")
    @classmethod
    def _topic_is_snake_case(cls, value: str) -> str:
        if not _SNAKE_CASE_RE.match(value):
            raise ValueError(f"topic {value!r} must be snake_case")
        return value

    @field_validator("answer")
    @classmethod
    def _answer_is_plain_text(cls, value: str) -> str:
        if any(mark in value for mark in ("**", "__", "`", "#", "](")):
            raise ValueError("answer must be plain text, without markdown")
        return value


class FaqPhrasings(BaseModel):
    """Training data for the matcher, kept apart from the hand-written entries: more ways of
    asking for each fact, and questions the guide does not answer (faq_phrasings.json)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str = ""
    questions: dict[str, list[Annotated[str, Field(min_length=3)]]] = {}
    off_topic: list[Annotated[str, Field(min_length=1)]] = []


class SentenceIndex(Protocol):
    """Texts encoded once, to compare questions with by meaning."""

    def similarities(self, text: str) -> Sequence[float]:
        """The cosine of `text`'s meaning to each indexed text, in the order they were given."""
        ...


class Embedder(Protocol):
    """A sentence-embedding model, as the knowledge base needs it.

    It indexes texts rather than handing out vectors, so the many dot products a question
    needs run wherever the vectors live (numpy, in the bot) and the coach stays pure Python.
    """

    def index(self, texts: Sequence[str]) -> SentenceIndex:
        """Encode `texts` (or read their vectors from a cache) and index them."""
        ...


class FaqFile(BaseModel):
    """The whole data file, once every entry has been validated."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    synonyms: dict[str, str] = {}
    weak_words: list[str] = []
    # Regular expressions for near-miss domains the guide does not cover (nutrition, sleep,
    # road racing, camping kit...): a question matching one is declined whatever it shares.
    off_topic_patterns: list[str] = []
    # The asker's setting more often than the topic (places, trips, age, family, clubs, huts):
    # declined only when the question itself is about one ("can I bring my dog?"), not when it
    # sets the scene ("Training for Kilimanjaro. How long should the long hike be?").
    scene_patterns: list[str] = []
    entries: list[FaqEntry]


class PersonalQuestion(StrEnum):
    """Questions about the athlete's own plan, answered from it rather than from the FAQ."""

    TODAY = "today"
    TOMORROW = "tomorrow"
    DAY = "day"  # a day of this week or the next, named ("this thursday"): asked_weekday
    WEEK = "week"
    PLAN = "plan"


class FaqAnswer(BaseModel):
    """What the coach replies to a free-text question.

    `topic` is the fact answered (an id of tests/data/faq_facts.json), None when declined.
    `pointer` names the command the answer points to, so the dialogue can act on it; it is
    left out of `model_dump()` so the documented JSON of `trailcoach ask --json` keeps its keys.
    """

    model_config = ConfigDict(frozen=True)

    answered: bool
    topic: str | None
    score: Annotated[float, Field(ge=0.0, le=1.0)]
    answer: str
    pointer: FaqPointer | None = Field(default=None, exclude=True)
    personal: PersonalQuestion | None = Field(default=None, exclude=True)


class KnowledgeBase:
    """Validated FAQ entries plus the indexes used to match questions to them.

    `phrasings` adds ways of asking for the facts and off-topic examples; `embedder`, when
    given, adds matching by meaning (its index is built here, once). Without one the knowledge
    base matches lexically and still answers.
    """

    def __init__(
        self,
        data: FaqFile,
        phrasings: FaqPhrasings | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.entries: tuple[FaqEntry, ...] = tuple(data.entries)
        phrasings = phrasings or FaqPhrasings()
        self.examples: tuple[str, ...] = tuple(phrasings.off_topic)
        # Each fact's phrasings: the hand-written ones, then the banks' (repeats dropped).
        self.phrasings: tuple[tuple[str, ...], ...] = tuple(
            tuple(dict.fromkeys([*entry.questions, *phrasings.questions.get(entry.topic, [])]))
            for entry in self.entries
        )
        # Weekday abbreviations and number words come from the vocabulary both readers share.
        # Ambiguous ones ("sun", "sat") only where the file says so.
        shared = {
            abbr: vocabulary.WEEKDAYS[day]
            for abbr, day in WEEKDAY_ABBREVIATIONS.items()
            if abbr not in vocabulary.AMBIGUOUS_WEEKDAYS
        }
        shared |= {word: str(value) for word, value in vocabulary.NUMBER_WORDS.items()}
        synonyms = {
            _fold(k).strip(): _fold(v).strip() for k, v in (shared | data.synonyms).items()
        }
        self._synonyms = {k: v for k, v in synonyms.items() if " " not in k}
        self._phrases = {k: v for k, v in synonyms.items() if " " in k}
        self._phrase_re = _alternation(self._phrases)
        self._by_topic = {entry.topic: entry for entry in self.entries}
        self._index_of = {entry.topic: index for index, entry in enumerate(self.entries)}
        self._vocabulary: set[str] = set()
        self._correct = lru_cache(maxsize=4096)(self._correct_uncached)
        phrasing_tokens = [
            [self._tokens(question) for question in questions] for questions in self.phrasings
        ]
        topic_tokens = [
            set().union(*phrasings, self._tokens(" ".join(entry.keywords)))
            for entry, phrasings in zip(self.entries, phrasing_tokens, strict=True)
        ]
        self._vocabulary = set().union(*topic_tokens)
        # Typos rarely hit the first letter; requiring it avoids "flight" -> "light".
        # Very short filler words are not typo targets: "plus" must not become "pls".
        self._typo_words = _by_first_letter(
            set(self._synonyms) | {w for w in STOPWORDS if len(w) >= MIN_TYPO_LENGTH}
        )
        self._typo_stems = _by_first_letter(self._vocabulary)
        count = len(self.entries)
        document_frequency: dict[str, int] = {}
        for tokens in topic_tokens:
            for token in tokens:
                document_frequency[token] = document_frequency.get(token, 0) + 1
        self._idf = {t: math.log(1 + count / df) for t, df in document_frequency.items()}
        self._unknown_idf = math.log(1 + count)
        self._topic_tokens = topic_tokens
        # Everyday words ("recommend", "weather", "avoid") also occur in the entries; sharing
        # only those with a topic is not evidence the question is about it.
        # Stems too: "getting" becomes "get" although "get" itself is a filler word.
        self._weak = self._tokens(" ".join(data.weak_words)) | {
            _stem(word) for word in _fold(" ".join(data.weak_words)).split()
        }
        self._off_topic_re = _any_of(data.off_topic_patterns)
        self._scene_re = _any_of(data.scene_patterns)
        # Every phrasing and off-topic example by token, so that a question only touches the
        # texts it shares a word with. A text's owner is its fact's index; examples own
        # len(entries).
        self._owners: list[int] = []
        self._norms: list[float] = []
        self._postings: dict[str, list[int]] = {}
        example_tokens = [self._tokens(example) for example in self.examples]
        for owner, texts_tokens in enumerate([*phrasing_tokens, example_tokens]):
            for tokens in texts_tokens:
                if not tokens:
                    continue
                for token in tokens:
                    self._postings.setdefault(token, []).append(len(self._norms))
                self._owners.append(owner)
                self._norms.append(self._norm(tokens))
        self._index: SentenceIndex | None = None
        if embedder is not None:
            # One list for the model: each fact's phrasings and its answer, then the examples.
            texts: list[str] = []
            self._spans: list[tuple[int, int]] = []
            for entry, questions in zip(self.entries, self.phrasings, strict=True):
                start = len(texts)
                texts += [*questions, entry.answer]
                self._spans.append((start, len(texts)))
            self._examples_start = len(texts)
            self._index = embedder.index([*texts, *self.examples])

    @property
    def uses_meaning(self) -> bool:
        """True when questions are also matched by meaning (an embedder was given)."""
        return self._index is not None

    def answer(self, question: str, *, injury: AbstractSet[PainSite] = frozenset()) -> FaqAnswer:
        """Answer with the fact asked for; decline kindly when the guide does not say.

        Illness goes to a doctor, training with an injury gets the cautious answer, a trip,
        travel, progress or plan question points to its command. `injury` holds the athlete's
        open blocking injuries: with one open, a question about the long hike, running or
        training gets the cautious answer naming the site instead of the plain one.
        """
        text = _QUESTION_LEAD_RE.sub("", question[:MAX_CHARS], count=1)
        folded = _fold(text)
        if not _TOKEN_RE.search(folded) or is_social_message(text):
            return self._decline(0.0)
        asking = _asking_sentences(text)
        ruled = _rule_topic(folded, asking)
        if ruled is not None and ruled in self._by_topic:
            return self._fact(ruled, 1.0, question, injury)
        if self._off_topic(asking, text):
            return self._decline(0.0)
        topic, score = self.match(text)
        if topic is None:
            return self._decline(score)
        return self._fact(topic, score, question, injury)

    def _off_topic(self, asking: str, text: str) -> bool:
        """True when the question is about something the guide does not cover; `asking` is
        its folded sentences that ask, where the off-topic thing must be named."""
        unset = _VETO_CONTEXT_RE.sub(" ", asking)
        if self._off_topic_re is not None and self._off_topic_re.search(unset):
            return True
        return self._scene_re is not None and bool(self._scene_re.search(_question_proper(text)))

    def _fact(
        self, topic: str, score: float, question: str, injury: AbstractSet[PainSite]
    ) -> FaqAnswer:
        injured = topic in TRAINING_TOPICS or topic == INJURY_TOPIC
        if injury and injured and INJURY_TOPIC in self._by_topic:
            return FaqAnswer(
                answered=True,
                topic=INJURY_TOPIC,
                score=score,
                answer=f"{_sites_sentence(injury)} {self._by_topic[INJURY_TOPIC].answer}",
            )
        entry = self._by_topic[topic]
        personal = is_personal_question(question) if entry.pointer is FaqPointer.PLAN else None
        return FaqAnswer(
            answered=True,
            topic=topic,
            score=score,
            answer=entry.answer,
            pointer=entry.pointer,
            personal=personal,
        )

    @staticmethod
    def _decline(score: float) -> FaqAnswer:
        return FaqAnswer(answered=False, topic=None, score=score, answer=DECLINE_TEXT)

    def match(self, question: str) -> tuple[str | None, float]:
        """The fact the matcher picks for a question and its score in 0..1; None when it
        declines (the score is then the best fact's). Rules and guards are not applied."""
        text = _QUESTION_LEAD_RE.sub("", question[:MAX_CHARS], count=1)
        # Words only setting the scene ("at the trail race", "coming from bouldering") are not
        # evidence for a fact or for an off-topic example either.
        query = self.query_tokens(_VETO_CONTEXT_RE.sub(" ", _fold(text)))
        ranged = _DAY_RANGE_RE.search(_fold(text)) is not None
        lexical, cosines, example = self._lexical(query)
        if self._index is None:
            best = self._guide_week(
                query, lexical, self._named_day(query, _best(lexical), ranged=ranged)
            )
            best = self._phase_of_week(text, best)
            score = lexical[best]
            declined = score < CONFIDENCE_THRESHOLD or example - cosines[best] > EXAMPLE_MARGIN
            return (None if declined else self.entries[best].topic), min(1.0, score)
        similarities = self._index.similarities(self._with_typos_corrected(text))
        meaning = [max(similarities[start:end]) for start, end in self._spans]
        nearest_example = max(similarities[self._examples_start :], default=-1.0)
        fused = [
            FUSION_LEXICAL_WEIGHT * lex + (1 - FUSION_LEXICAL_WEIGHT) * sense
            for lex, sense in zip(lexical, meaning, strict=True)
        ]
        best = self._guide_week(query, fused, self._named_day(query, _best(fused), ranged=ranged))
        best = self._phase_of_week(text, best)
        score = min(1.0, max(0.0, fused[best]))
        declined = (
            fused[best] < FUSED_THRESHOLD
            or meaning[best] < nearest_example - SEMANTIC_EXAMPLE_MARGIN
            or example - cosines[best] > FUSED_LEXICAL_EXAMPLE_MARGIN
        )
        return (None if declined else self.entries[best].topic), score

    def _named_day(self, query: set[str], best: int, *, ranged: bool = False) -> int:
        """A question naming one weekday, and not the best fact's, asks for that day's session:
        meaning alone barely tells "and sunday?" from "and monday?", nor "the tuesday session
        in the typical week" from the whole week (`ranged`: days named as a span, "mon-sun",
        are the whole week)."""
        topic = self.entries[best].topic
        day = WEEKDAY_OF_TOPIC.get(topic, "week" if topic == WEEK_TOPIC else None)
        named = [weekday for weekday in vocabulary.WEEKDAYS if weekday in query]
        if day is None or day in named or len(named) != 1 or (day == "week" and ranged):
            return best
        return self._index_of.get(DAY_TOPICS[named[0]], best)

    def _guide_week(self, query: set[str], scores: list[float], best: int) -> int:
        """A question naming a week of the programme ("what do I do in week 1") asks for the
        guide's phase, not the athlete's own plan, even when it says "tomorrow"."""
        if self.entries[best].topic != PLAN_TOPIC or not query & _PROGRAMME_WEEK_TOKENS:
            return best
        return max((i for i in range(len(self.entries)) if i != best), key=scores.__getitem__)

    def _phase_of_week(self, text: str, best: int) -> int:
        """A phase of the programme picked for a question whose asking sentences name weeks of
        one other phase ("what changes once I hit week 5? do the walk breaks stop?") is that
        phase: its walk breaks are the words of the phase before."""
        if self.entries[best].topic not in PHASE_TOPICS:
            return best
        asking = _asking_sentences(text)
        if _PAST_WEEK_RE.search(asking):
            return best
        weeks = self.query_tokens(asking) & _PROGRAMME_WEEK_TOKENS
        phases = {PHASE_TOPICS[(int(token[4:]) - 1) // WEEKS_PER_PHASE] for token in weeks}
        if len(phases) != 1:
            return best
        return self._index_of.get(phases.pop(), best)

    def _with_typos_corrected(self, text: str) -> str:
        """The text with each word the typo corrector knows better replaced: the model reads
        "lnog" as unrelated pieces, the lexical matcher already as "long"."""

        def correct(match: re.Match[str]) -> str:
            word = _fold(match.group(0))
            if (
                word in STOPWORDS
                or not MIN_TYPO_LENGTH <= len(word) <= MAX_TYPO_LENGTH
                or word in self._synonyms
                or _stem(word) in self._synonyms
                or _stem(word) in self._vocabulary
            ):
                return match.group(0)
            return self._correct(word) or match.group(0)

        return _WORD_RE.sub(correct, text)

    def _lexical(self, query: set[str]) -> tuple[list[float], list[float], float]:
        """Each fact's lexical score and its best phrasing cosine; the best example cosine."""
        count = len(self.entries)
        if not query:
            return [0.0] * count, [0.0] * count, 0.0
        query_norm_sq = sum(self._weight(t) ** 2 for t in query)
        query_norm = math.sqrt(query_norm_sq)
        # IDF-weighted cosine to each text sharing a word, the best one kept per owner.
        dots: dict[int, float] = {}
        for token in query:
            weight = self._shared_weight(token)
            for text in self._postings.get(token, ()):
                dots[text] = dots.get(text, 0.0) + weight
        nearest = [0.0] * (count + 1)
        for text, dot in dots.items():
            owner = self._owners[text]
            nearest[owner] = max(nearest[owner], dot / (query_norm * self._norms[text]))
        scores, cosines = [0.0] * count, [0.0] * count
        for index in range(count):
            covered = query & self._topic_tokens[index]
            if not covered - self._weak:
                continue
            coverage = sum(self._shared_weight(t) for t in covered) / query_norm_sq
            cosines[index] = nearest[index]
            scores[index] = COSINE_WEIGHT * nearest[index] + (1 - COSINE_WEIGHT) * coverage
        return scores, cosines, nearest[count]

    def query_tokens(self, text: str) -> set[str]:
        """Normalise a question into the set of content tokens the scorer compares."""
        text = _GREETING_RE.sub("", _fold(text[:MAX_CHARS]))
        return self._content(self._words(text)[:MAX_TOKENS], allow_typos=True)

    def _content(self, words: list[str], *, allow_typos: bool) -> set[str]:
        # A word after a negation stands for its opposite: "a pack that isn't a vest" must not
        # count as evidence for the vest entries.
        tokens: set[str] = set()
        negated = False
        for word in words:
            if word in NEGATIONS:
                negated = True
                continue
            found = self._canonical(word, allow_typos=allow_typos)
            if found and negated:
                found = [f"not{token}" for token in found]
                negated = False
            tokens.update(found)
        return tokens

    def _shared_weight(self, token: str) -> float:
        weight = self._weight(token) ** 2
        return weight * WEAK_WORD_FACTOR if token in self._weak else weight

    def _weight(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    def _norm(self, tokens: Iterable[str]) -> float:
        return math.sqrt(sum(self._weight(t) ** 2 for t in tokens))

    def _tokens(self, text: str) -> set[str]:
        return self._content(self._words(text), allow_typos=False)

    def _words(self, text: str) -> list[str]:
        folded = _fold(text)
        if self._phrase_re is not None:
            folded = self._phrase_re.sub(
                lambda m: self._phrases[_SEPARATOR_RE.sub(" ", m.group(0))], folded
            )
        return _TOKEN_RE.findall(_WEEK_NUMBER_RE.sub(_tag_weeks, folded))

    def _canonical(self, word: str, *, allow_typos: bool) -> list[str]:
        if word in STOPWORDS:
            return []
        mapped = self._synonyms.get(word) or self._synonyms.get(_stem(word))
        if mapped is not None:
            return [_stem(part) for part in mapped.split() if part not in STOPWORDS]
        stem = _stem(word)
        if stem in STOPWORDS:
            # "shoulder" must not become "should", nor a typo of "should" a shoulder question.
            stem = word
        if (
            allow_typos
            and stem not in self._vocabulary
            and MIN_TYPO_LENGTH <= len(word) <= MAX_TYPO_LENGTH
        ):
            corrected = self._correct(word)
            if corrected in self._vocabulary:
                return [corrected]
            if corrected is not None:
                return self._canonical(corrected, allow_typos=False)
        return [stem]

    def _correct_uncached(self, word: str) -> str | None:
        """The known word or stem this one is most likely a typo of, if any."""
        stem = _stem(word)
        best: tuple[str, float] | None = None
        for query, candidates in (
            (word, self._typo_words.get(word[0], [])),
            (stem, self._typo_stems.get(word[0], [])),
        ):
            found = _closest(query, candidates)
            if found is not None and (best is None or found[1] < best[1]):
                best = found
        return None if best is None else best[0]


def _best(scores: list[float]) -> int:
    return max(range(len(scores)), key=scores.__getitem__)


def _by_first_letter(words: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for word in sorted(words):
        grouped.setdefault(word[0], []).append(word)
    return grouped


def _closest(word: str, candidates: list[str]) -> tuple[str, float] | None:
    # One slip (swap, missing, extra or wrong letter) is allowed, two in long words.
    limit = 1 if len(word) < LONG_WORD_LENGTH else 2
    found = process.extract(
        word, candidates, scorer=OSA.distance, score_cutoff=limit, limit=TYPO_CANDIDATES
    )
    # The nearest candidate that is a plausible slip: "lnog" is "long", not "log".
    for candidate, distance, _ in sorted(found, key=lambda item: item[1]):
        if _plausible_slip(word, candidate):
            return candidate, distance
    return None


def _plausible_slip(word: str, candidate: str) -> bool:
    # In short words a changed or extra letter too often makes another real word ("bake" ->
    # "bike", "learn" -> "lean"); only swapped or dropped letters are corrected there, except
    # towards filler words ("wich" -> "which"), which can never invent a topic.
    swapped = sorted(candidate) == sorted(word)
    dropped = len(candidate) == len(word) + 1
    return len(word) >= MIN_FUZZY_TYPO_LENGTH or swapped or dropped or candidate in STOPWORDS


def load_knowledge_base(
    path: Path | None = None,
    phrasings_path: Path | None = None,
    *,
    embedder: Embedder | None = None,
) -> KnowledgeBase:
    """Load and validate the FAQ file and its phrasings (by default the packaged ones; with a
    `path` of its own, phrasings only from `phrasings_path`), matching by meaning too when an
    `embedder` is given."""
    if path is None:
        text = _read(resources.files("coach").joinpath("data", "faq.json"), "coach/data/faq.json")
        phrasings_name = "coach/data/faq_phrasings.json"
        phrasings = _read(
            resources.files("coach").joinpath("data", "faq_phrasings.json"), phrasings_name
        )
        name = "coach/data/faq.json"
    else:
        text, name = _read(path, str(path)), str(path)
        phrasings_name = str(phrasings_path)
        phrasings = None if phrasings_path is None else _read(phrasings_path, phrasings_name)
    return parse_knowledge_base(
        text, name, phrasings_text=phrasings, phrasings_name=phrasings_name, embedder=embedder
    )


def _read(source: Traversable | Path, name: str) -> str:
    try:
        return source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise KnowledgeBaseError(f"{name}: cannot read the FAQ file: {error}") from error


def parse_knowledge_base(
    text: str,
    name: str = "faq.json",
    *,
    phrasings_text: str | None = None,
    phrasings_name: str = "faq_phrasings.json",
    embedder: Embedder | None = None,
) -> KnowledgeBase:
    """Build a knowledge base from FAQ JSON text (and phrasings JSON text, if any); errors name
    the file and the entry."""
    data = _validate(_json(text, name), name)
    phrasings = None
    if phrasings_text is not None:
        phrasings = _validate_phrasings(_json(phrasings_text, phrasings_name), phrasings_name)
        unknown = sorted(set(phrasings.questions) - {entry.topic for entry in data.entries})
        if unknown:
            raise KnowledgeBaseError(f"{phrasings_name}: phrasings for unknown facts: {unknown}")
    return KnowledgeBase(data, phrasings, embedder)


def _json(text: str, name: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise KnowledgeBaseError(f"{name}: not valid JSON: {error}") from error


def _validate_phrasings(raw: object, name: str) -> FaqPhrasings:
    try:
        return FaqPhrasings.model_validate(raw)
    except ValidationError as error:
        raise KnowledgeBaseError(f"{name}: {_describe(error)}") from error


def _validate(raw: object, name: str) -> FaqFile:
    if not isinstance(raw, dict) or not isinstance(raw.get("entries"), list):
        raise KnowledgeBaseError(f"{name}: expected an object with an 'entries' list")
    entries = [
        _validate_entry(item, position, name) for position, item in enumerate(raw["entries"])
    ]
    seen: set[str] = set()
    for position, entry in enumerate(entries):
        if entry.topic in seen:
            raise KnowledgeBaseError(
                f"{name}: entry #{position} (topic {entry.topic!r}): duplicate topic"
            )
        seen.add(entry.topic)
    if not entries:
        raise KnowledgeBaseError(f"{name}: the 'entries' list is empty")
    try:
        return FaqFile.model_validate({**raw, "entries": entries})
    except ValidationError as error:
        raise KnowledgeBaseError(f"{name}: {_describe(error)}") from error


def _validate_entry(item: object, position: int, name: str) -> FaqEntry:
    topic = item.get("topic") if isinstance(item, dict) else None
    label = f"entry #{position}" + (f" (topic {topic!r})" if isinstance(topic, str) else "")
    try:
        return FaqEntry.model_validate(item)
    except ValidationError as error:
        raise KnowledgeBaseError(f"{name}: {label}: {_describe(error)}") from error


def _describe(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in problem['loc']) or 'value'}: {problem['msg']}"
        for problem in error.errors()
    )


_NUMBER = r"(\d{1,2}|" + vocabulary.NUMBER_WORD + ")"
_WEEK_NUMBER_RE = re.compile(
    rf"\b(?:wee?ks?|wks?) {_NUMBER}(?:\s*(?:-|\u2013|to|through|thru|and)\s*{_NUMBER})?\b"
)
PROGRAMME_WEEKS = 12
_PROGRAMME_WEEK_TOKENS = frozenset(f"week{n}" for n in range(1, PROGRAMME_WEEKS + 1))
# "once I'm past week 4", "after the first month": the weeks named are behind the asker.
_PAST_WEEK_RE = re.compile(
    r"\b(after|past|beyond|finish\w*|done|complet\w*|through|end of) (\w+ ){0,2}"
    r"(wee?ks?|wks?|month)\b"
)
# The guide's three phases, in order, each of four weeks.
PHASE_TOPICS = ("run_walk_phase", "continuous_running_phase", "effort_phase")
WEEKS_PER_PHASE = 4
WEEKDAY_ABBREVIATIONS = vocabulary.WEEKDAY_ABBREVIATIONS


def _tag_weeks(match: re.Match[str]) -> str:
    """Add a token per programme week named, so "week 10" can find the weeks 9–12 entry."""
    first = _as_number(match.group(1))
    last = _as_number(match.group(2)) if match.group(2) else first
    weeks = range(max(first, 1), min(max(first, last), PROGRAMME_WEEKS) + 1)
    # The bare numbers are dropped so "week 3" cannot match "3 minutes" or "3 runs".
    return "week" + "".join(f" week{n}" for n in weeks)


def _as_number(text: str) -> int:
    value = vocabulary.number_value(text)
    return int(text) if value is None else value


def _alternation(phrases: dict[str, str]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    longest_first = sorted(phrases, key=len, reverse=True)
    # A phrase's words may be joined by spaces or hyphens: "run walk", "run-walk", "1-10".
    patterns = [r"[\s-]+".join(map(re.escape, p.split())) for p in longest_first]
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


def _any_of(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")


_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
# "Random gear q while I'm stuck in a waiting room: …": the lead-in, not the question.
_QUESTION_LEAD_RE = re.compile(
    rf"^\W*{vocabulary.QUESTION_LEAD}[^:?\n]{{0,60}}[:\u2013\u2014-]\s*(?=\S)", re.IGNORECASE
)
_QUESTION_WORD_RE = re.compile(
    r"\b(what|whats|how|hows|why|when|where|which|who|should|shall|can|could|would|will|is|are|"
    r"do|does|any|anyone|tips?|advice|recommend|best|worth|ok|okay)\b"
)


# Where the question opens after a clause setting its scene: "training for kili, how long…".
_QUESTION_OPENING_RE = re.compile(
    r"(?:[,;:\u2013\u2014-]|\b(?:so|but|and))\s*(?=(?:what|whats|how|hows|why|when|where|which|"
    r"should|shall|can|could|would|will|is|are|do|does|any (?:advice|tips|ideas|thoughts)|"
    r"advice|tips)\b)"
)


def _asks(sentence: str) -> bool:
    opens_with_one = _QUESTION_WORD_RE.match(_fold(sentence).strip())
    return sentence.rstrip().endswith("?") or opens_with_one is not None


def _asking(text: str) -> list[str]:
    """The sentences of a message that ask; all of them when none does."""
    sentences = [s for s in _SENTENCE_RE.split(text) if s.strip()]
    return [s for s in sentences if _asks(s)] or sentences


def _asking_sentences(text: str) -> str:
    """The sentences of a message that ask, folded ("first ever run today. what did I do
    wrong?" asks nothing about today)."""
    return " ".join(_fold(s) for s in _asking(text))


def _question_proper(text: str) -> str:
    """The asking part of a message, folded: its sentences that ask, each from where its
    question opens ("Off to Patagonia in 10 weeks." and "Training for Kili, how long…" set a
    scene that is left out)."""
    parts = []
    for sentence in _asking(text):
        folded = _fold(sentence)
        opening = _QUESTION_OPENING_RE.search(folded)
        parts.append(folded[opening.end() :] if opening else folded)
    return " ".join(_VETO_CONTEXT_RE.sub(" ", part) for part in parts)


def _fold(text: str) -> str:
    """Lower-case, drop accents and apostrophes so "What's" and "whats" tokenise alike."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    return without_marks.replace("'", "").replace("\u2019", "")


def _stem(word: str) -> str:
    """A deliberately light stemmer: enough to merge plurals and -ing/-ed forms."""
    if len(word) <= 3 or word.isdigit():
        return word
    suffixes = (("ies", "y"), ("ing", ""), ("ed", ""), ("er", ""), ("es", ""), ("s", ""))
    for suffix, replacement in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            stem = word[: -len(suffix)] + replacement
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                stem = stem[:-1]
            return _drop_final_e(stem)
    return _drop_final_e(word)


def _drop_final_e(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


_TODAY_RE = re.compile(r"\b(today|tonight|todays|this (morning|afternoon|evening))\b")
_TOMORROW_RE = re.compile(r"\b(tomorrow|tomorrows|tmrw|tmr)\b")
# "this thursday", "next sat", "friday this week": one day of the athlete's own plan; "on
# thursdays" and "the thursday session" ask about the guide's week.
_NAMED_DAY_RE = re.compile(
    rf"\b(?:this|next|coming)\s+(?P<ahead>{vocabulary.WEEKDAY_WORD})\b"
    rf"|\b(?P<within>{vocabulary.WEEKDAY_WORD})\s+this\s+week\b"
)
_WEEK_RE = re.compile(
    r"\b((which|what) week (am i|are we|is it|is this|im in)\b|week am i\b|this week\b"
    r"|next week\b|current week\b|weeks? (left|to go|remaining)\b)"
)
_PLAN_RE = re.compile(
    r"\b(my (plan|programme|program|schedule|next (session|run|workout|hike))"
    r"|next session|next workout|what('?s| is) next)\b"
)
# Asking what the plan holds ("what's on", "should I run today"), not whether something else
# is allowed ("can I run a 10k this week?").
_ASKS_FOR_PLAN_RE = re.compile(
    r"\b(what|whats|whatve|what have|which|when|show|tell|give|list|remind|remember|anything|"
    r"is there|are there|"
    r"(do|should|shall|am|must) i (\w+ )?(run|hike|train|do|doing|rest|have|go|walk)|"
    r"my (plan|programme|program|schedule|session|sessions|workout|run|hike|training))\b"
)
_SESSION_HINT_RE = re.compile(
    r"\b(session|sessions|workout|training|train|run|running|hike|hiking|plan|programme|"
    r"program|schedule|do|doing|scheduled|planned|week|(whats|what is) on)\b"
)
# The facts that are one weekday's session.
DAY_TOPICS = {
    "monday": "monday_session",
    "tuesday": "tuesday_session",
    "wednesday": "wednesday_session",
    "thursday": "thursday_session",
    "friday": "friday_session",
    "saturday": "saturday_long_hike",
    "sunday": "sunday_session",
}
# "mon-sun", "monday to friday": days named as a span, which is the week, not one day.
_DAY_RANGE_RE = re.compile(
    rf"\b(?:{vocabulary.WEEKDAY_WORD})s?\s*(?:-|\u2013|to|thru|through)\s*"
    rf"(?:{vocabulary.WEEKDAY_WORD})\b"
)
WEEKDAY_OF_TOPIC = {topic: day for day, topic in DAY_TOPICS.items()}
# Rules run before the matcher: these questions are about the athlete, not about the guide, and
# a wrong guess from the nearest paragraph would be worse than useless.
MEDICAL_TOPIC = "medical_doctor"
INJURY_TOPIC = "hiking_with_injury"
PLAN_TOPIC = "pointer_plan_day"
WEEK_TOPIC = "weekly_structure"
# Facts about doing the training: with an open injury, these get the cautious answer instead.
TRAINING_TOPICS = frozenset(
    {"run_walk_phase", "continuous_running_phase", "effort_phase", "programme_overview",
     "power_hiking", "hill_repeats", "weekly_structure", "tuesday_session", "wednesday_session",
     "thursday_session", "sunday_session", "saturday_long_hike", "scale_back_thursday",
     "strength_training", "descent_technique", "runs_per_week", "starting_safely",
     "never_run_before", "pain_rule", "missed_sessions", PLAN_TOPIC}
)  # fmt: skip

# Illness and medical conditions are a doctor's call, however close a training topic looks.
_MEDICAL_RE = re.compile(
    r"\b((a|head|chest|bad|heavy|nasty|my|this|got|have|caught)( \w+)? colds?"
    r"(?! (day|morning|evening|night|weather|snap|spell|wind|front|climate|hands|feet|air|rain))|"
    r"colds|flu|fever\w*|"
    r"(?<!what )temperature (of|is)|"
    r"(got|have|has|had|running|with|and) (a |an |bit of a |a bit of a |"
    r"a slight |a high |a mild )?(temp|temperature|fever|cough|sore throat|runny nose)|cough\w*|"
    r"chesty (cough|chest)|(feel\w*|felt|bit|been|still|getting|gone) chesty|sore throat|"
    r"stomach bug|food poisoning|norovirus|gastro|"
    r"(?<!made me )(?<!nearly )(?<!almost )(?<!felt )sick(?! of)|"
    r"(feel\w*|felt|am|im|been|was|being|get|got|getting|fall\w*|fell|"
    rf"bit|very|quite|really|so|when|while|if|still|slightly|seriously) ill"
    rf"(?! ({vocabulary.VERBS_AFTER_ILL})\b)|ill (with|health)|"
    r"illness|unwell|poorly|covid\w*|corona\w*|virus|infection|"
    r"antibiotics?|pregnan\w*|asthma\w*|inhaler|diabet\w*|insulin|"
    r"(?<!not on any )(?<!not on )(?<!no )(medication|medicine|meds)|"
    r"beta ?blockers?|statins?|thyroid|anaemi\w*|anemi\w*|"
    r"blood pressure|heart (condition|problem|disease|murmur|attack)|palpitations?|"
    r"surgery|concussion|ibuprofen|paracetamol|painkiller\w*|anti ?inflammator\w*|"
    r"chest pains?|dizzy|dizziness|faint\w*|arthritis|epilep\w*|migraines?|"
    r"diagnos\w*|"
    r"(is it|could it be|might it be) (a |an )?(fracture|stress fracture|tear|broken)|"
    r"stress fracture|swollen|swelling|bruis\w* (and|bone)|blood|vomit\w*|nause\w*)\b"
)
_BODY = (
    r"(knees?|ankles?|achilles|calf|calves|shins?|hip flexors?|hips?|feet|foot|heels?|back|"
    r"hamstrings?|quads?|it ?band|itb|glutes?|groin|toes?|legs?|arch|plantar|tendons?|"
    r"hamstring|shoulder)"
)
_HURT = (
    r"(sore|injured|hurt|hurts|hurting|painful|aching|achy|aches|bad|dodgy|twisted|sprained|"
    r"strained|pulled|tweaked|rolled|niggl\w*|tight|inflamed|playing up|acting up|stiff|tender|"
    r"weak|wonky|gammy|busted|flar\w*( up)?|swollen|bruised|puffy)"
)
# Training or hiking while injured: an injury named, and a question about doing something.
_INJURY_RE = re.compile(
    rf"\b({_HURT} (\w+ )?{_BODY}|{_BODY} (is |are |has been |have been |feels |still |"
    rf"keeps |was |been |started |is still |feeling |and its |and it is )*(still |a bit |"
    rf"really |very |quite )?{_HURT}|(im|i am|ive been|i was|i got|i have|ive got|got|"
    rf"with|have|my|an|this|current|recent|recovering from|coming back from) (an? |my )?(\w+ )?"
    rf"(injur(y|ies)|niggles?|sprain|strain)|injured|(injured|sprained|strained|twisted|pulled|"
    rf"tweaked|rolled|hurt|jarred|bruised) (my|an|a)|went over on (my|an) (\w+ )?ankle|"
    rf"tendinitis|tendonitis|fasciitis|"
    rf"shin splints|runners knee|rehab\w*|(with|through|despite|on) (an? |my |the )?(\w+ )?"
    rf"(niggle))\b"
)
_DOING_RE = re.compile(
    r"\b(can|could|should|shall|may|ok|okay|safe|fine|allowed|still|keep|carry on|continue|"
    r"manage|attempt|risk|how (do|should|can) i|what (do|should) i do|is it (wise|smart|bad)|"
    r"thinking (of|about)|planning (on|to)|going to|gonna|tempted to|want to|plan to)\b"
    r".*\b(hik\w*|run\w*|jog\w*|train\w*|walk\w*|session\w*|workout\w*|plan|programme|"
    r"program|exercis\w*|strength|gym|hill\w*|repeats?|saturday|sunday|tuesday|thursday|"
    r"wednesday|weekend|it)\b"
    r"|\b(hik\w*|run\w*|jog\w*|train\w*|walk\w*|poles)\b.*\b(ok|okay|safe|fine|allowed|wise|bad|"
    r"a good idea|a bad idea)\b"
)
# General questions about injuries or pain ("which injuries are common", "can I run through
# pain") are facts of the guide, not an athlete's open injury.
_GENERAL_INJURY_RE = re.compile(
    r"\b((which|what|most) (\w+ )?(injur\w*|pains?)( are| do| is)? (common|usual|typical|likely)|"
    r"common (\w+ )?injur\w*|overuse|avoid (getting )?injur\w*|without (getting )?injur\w*|"
    r"(prevent|stop) (\w+ )?(injur\w*|knee pain)|run through (the )?pain|"
    r"push through (the )?pain|(run|push|train|hike|walk) through it|injury risk|"
    r"risk of injury|get injured|getting injured|"
    # An injury as history ("my last attempt ended with a sore heel"): how to start well now.
    r"(last|previous|first) (time|attempt|try|go) (\w+ ){0,3}(ended|finished|stopped)|"
    r"(ended|finished) (up )?with (an? |my )?(\w+ )?(injury|sore|niggle|pain)|"
    r"(if|when|whenever) (my |your |a |the |something |anything )?(\w+ )?(hurts|starts hurting|"
    r"aches|is sore|gets sore|feels sore|hurt))\b"
)
# Words that name another sport or thing only as the asker's background, a comparison or what
# they do not want ("coming from bouldering", "in skiing you lean forward", "is it like a
# camelbak", "not race"): they do not make a question about that sport or thing.
_OTHER_SPORT = (
    r"(swim\w*|ski|skis|skiing|skier|boulder\w*|rock climbing|climbing|cycl\w*|surf\w*|tennis|"
    r"football|crossfit|rowing|triathl\w*|kayak\w*|snowboard\w*)"
)
_VETO_CONTEXT_RE = re.compile(
    rf"\b((coming|come|came|switching|converting|moving) from (a |an )?(\w+ )?{_OTHER_SPORT}|"
    rf"in {_OTHER_SPORT}(?= (you|we|they|everything|i|its|it is|there)\b)|"
    r"(like|similar to|the same as) (a |an )\w+$|"
    r"(not|never|dont|without|no interest in) (\w+ ){0,2}?(rac(e|es|ing)|compet\w*)|"
    # A race as where something was seen ("at the trail race everyone had vests"), gadgets the
    # asker goes without, the drive to the trails and a treadmill compared with are settings.
    r"(at|in|from|on|watch\w*|saw|seen|during) (an? |the |my |some |that |those )?(\w+ ){0,2}?"
    r"rac(e|es)( videos?| footage| photos?| clips?)?|"
    r"(without|no|(dont|do not|never|cant) (have|own|use|wear|afford)) (an? |my |any )?(\w+ )?"
    r"(watch|gps|chest strap|strap|heart ?rate monitor|heart ?rate strap|monitor|"
    r"gadgets?|devices?|tech)( or (an? |my |any )?(\w+ )?(watch|chest strap|strap|monitor))?|"
    r"(drive|driving|drove) (out )?(\d+ ?(min|mins|minutes|hours?|hrs?) )?to (the |proper |real "
    r"|some )?(trails?|trailhead|hills|mountains|woods)|"
    # The coach itself, the asker's mood, a phone in place of a gadget, a friend's claim and
    # training runs by their length are settings too: "what does RPE mean in this app", "can I
    # run 3 times a week? I'm motivated", "just my phone", "is he talking rubbish", "10k runs".
    r"(in|on|from|with|of) (this|the|your) (app|bot|chat|coach)|"
    r"(im|i am|really|so|very|super) motivated|"
    r"(just|only) (my |a )?(phone|mobile)|"
    r"(talking|chatting|speaking) (rubbish|nonsense|crap|bs)|"
    r"\d+ ?k runs|"
    r"(everyone|everybody|people|folks|others|friends|mates) (on|from) (strava|instagram|youtube|"
    r"social media|tiktok)|"
    r"(compared (to|with)|than|after) (on )?(an? |the )?(gym )?treadmills?|"
    # Where and in what a past or usual outing was: "on big days in the Alps", "9 hours in
    # deep snow".
    r"(on|for|during|after) (my |our |the |those )?(\w+ )?(days?|hikes?|trips?|treks?|walks?|"
    r"outings?) (in|on|up|around) (the )?\w+|"
    r"(hours?|hrs|hikes?|hiked|walked|walks?|day|days) in (deep |the |heavy |thick |soft |fresh )?"
    r"(snow|rain|wind|heat|mud|bog)|"
    # Life and seasons as the asker's setting: "work + two kids", "last summer", "my dolomites
    # trip", "big alpine days", the sleeping kit a vest must hold.
    r"(\d+|two|three|four|the|my|our|small|young|little) (kids|children)|(work|job) (\+|and|&) "
    r"(\w+ )?(kids|children)|(last|this past|this|next|every) (summer|winter|spring|autumn|fall)|"
    # "my garmin keeps going on about it": where the asker heard of it.
    r"(my |the )?(garmin|watch|strava|app|coros|suunto|polar|fitbit) (keeps|says|said|shows|"
    r"tells|told|mentions|is always)( \w+){0,3}|"
    r"(my|our) (\w+ ){1,2}(trip|trek|holiday|expedition|hike)|(big |long )?alpine (days?|hikes?|"
    r"trips?|routes?|walks?)|(the |my )?sleeping (stuff|kit|gear|things)|"
    # Lunch as the time there is ("a 40 min lunch break"), idleness as a rest day's guilt.
    r"(my |a |the |at |in |on )?(\d+ ?(min|mins|minute) )?lunch ?(break|hour|time)s?|"
    r"(at|over|during|by|before|after|then) (my |the )?lunch\b( at (the |my )?\w+)?|"
    r"lace up (that|this|on|today|tonight|tomorrow|again|and go)\b|"
    r"(walk|take|taking|took) (the |my )?dogs? (out|round|around|for a (\w+ )?walk)( the block)?|"
    r"(feel|felt|feeling) (\w+ )?(lazy|guilty)( (\w+ )?(not doing|doing nothing|resting))?|"
    r"(dont|do not|not|never) (want to |wanna )?(be |being |feel )?(\w+ )?lazy|"
    r"(am i|im|i am) (being |just )?(\w+ )?lazy|"
    r"(after|once|when|while) (the |my |our )?(kids|children) (are|go|have gone|get) "
    r"(in bed|to bed|asleep|to school|at school|down))\b"
)
_PAUSE_RE = re.compile(
    r"\b(holidays?|vacation\w*|hols|(a|my|on|the|work|family|business|weekend|long|short|ski) "
    r"trip|getaway|honeymoon|(going|be|being|im|i am|ill be|"
    r"will be) away|away (for|on|from|next|this)|(take|taking|need|want|have|having) (a |some )?"
    r"(\w+ )?(break|time off|rest from)|time off|break from (training|the plan|running|it)|"
    r"pause|paused|on hold|freeze|stop (the |my )?(plan|programme)( from)?|"
    r"(stop|turn off|mute|silence) (the )?reminders|"
    r"(walk\w*|hik\w*|doing|trek\w*|cycl\w*) the (\w+ ){1,3}for "
    r"(\d+|a|two|three|four|several|a few|a couple of) (days?|weeks?|months?)|"
    r"cruise|(going|be|being|were|we are) on (a|an|our|my) (\w+ ){0,2}for (a |two |three |\d+ |"
    r"a few |a couple of |several )?(days?|weeks?|fortnight|months?)|"
    r"resume|festival|wedding|conference|business travel|work travel|(going|off|heading|travel\w*|"
    r"flying|away) to (\w+ ){1,3}for (a |an |two |\d+ |a few |a couple of |several |the )?(\w+ )?"
    r"(days?|weeks?|months?|nights?|weekend|fortnight))\b"
)
# "what do I do with my plan", "what happens to the plan": the whole plan, not one of its facts.
_WHOLE_PLAN_RE = re.compile(
    r"\b((do|happens?|doing) (\w+ )?(with|to|about) (my|the) (plan|programme|training)|"
    r"(stop|pause|freeze|hold) (the |my )?(plan|programme)|"
    r"(plan|programme) (\w+ )?(ticking|carrying|going|running) on)\b"
)
# A trip months away, or trained for, is the goal of the training, not a break from it.
# "what stretches should I do, my calves are tight", "a foam roller routine for a tight IT
# band": a routine the guide does not give, asked for beside a tightness.
_ROUTINE_ASKED_RE = re.compile(
    r"\b((what|which|recommend|suggest|good|best|any) (\w+ ){0,3}?(stretch\w*|foam roll\w*|"
    r"(foam )?roller|massage gun|mobility)( routine| exercises?| moves)?|(get|buy|use|try) "
    r"(a |an |one of those )?(\w+ )?((foam )?rollers?|massage guns?|theraguns?))\b"
)
_GOAL_TRIP_RE = re.compile(
    r"\b(trip|trek|holiday|expedition) (\w+ ){0,2}in (\d+|a|two|three|four|five|six|a few|"
    r"a couple of) months?|(train\w*|prepar\w*|ready|fit) for (a|my|the|this|our) (\w+ )?"
    r"(trip|trek|holiday)\b|before (a |my |the |this |our )?(\w+ )?(trip|trek|holidays?|hols|"
    r"vacation|expedition)\b"
)
# "back from a work trip, what's on today": the trip is over.
_BACK_FROM_RE = re.compile(
    r"\b(back|home|returned) from (a |my |the |our )?(\w+ )?(trip|holiday|"
    r"vacation|travels?)\b"
)
_TIMEZONE_RE = re.compile(
    r"\b(time ?zones?|tz|jet ?lag\w*|(moving|move|moved|relocat\w*|emigrat\w*|flying|fly|"
    r"flight|travel\w*|going|heading) (to |back to )?(abroad|overseas|another country|a different "
    r"country|(the )?(us|usa|uk|states|asia|europe|australia|japan|canada|america|new zealand|"
    r"india|china|nz|singapore|dubai|hong kong|south africa|mexico)\b)|abroad|"
    r"overseas|different country|another country|"
    r"(reminders?|notifications?) (come|arrive|are|is|at)( \w+)? (the )?(wrong|odd|weird|strange) "
    r"(time|hour)|wrong time ?zone|(new|local) time|daylight saving|clocks? (change|go|went)|"
    r"(reminder|session|notification|training)s? times?|"
    r"times (\w+ ){0,3}(off|wrong|different|shift\w*|mess\w*)|"
    r"(im|i am|were|we are|now|living|based|staying) (now )?in (\w+ )?(now|these days)|"
    r"(reminders?|notifications?) (\w+ ){0,3}(at night|in the night|middle of the night|"
    r"(at|around) [1-5] ?am))\b"
)
_PROGRESS_RE = re.compile(
    r"\b(how (am i|are we|have i been|im) (\w+ )?(doing|getting on|progressing|going)|"
    r"how (is|s|has) (my|the) (training|progress|week|plan|running|load)( been)? (going|looking)|"
    r"how (did|was) my (week|training)|my progress|progress so far|"
    r"(show me|show|whats|what is|check|see|view|tell me) my (stats|numbers|load|training load|"
    r"history|log|totals?)|"
    r"my (load|training load|numbers|stats) (for )?(so far|this week|look\w*)|"
    r"(am i|im) (on track|improving|getting (fitter|better|stronger)|behind|ahead|"
    r"doing (ok|okay|well|enough|alright))|how much (load|training|running) (have i|did i)|"
    r"how many (sessions|runs|hikes) (have i|did i)|(have i|did i) (done|do) enough|keeping up|"
    r"how much (ive|i have) done|compared (to|with) last week)\b"
)
_MISSED_RE = re.compile(r"\b(missed|skipped|miss|skip|make (it |them )?up|catch up|double up)\b")
# "not injured, just wobbly": no injury to be careful of.
_NOT_INJURED_RE = re.compile(
    r"\b(not|never|no longer) (injured|hurt|an injury)|no (injury|pain)|fully (rehabbed|"
    r"rehabilitated|recovered|healed)|no (issues|problems|trouble) since\b"
)
# "missed tuesday's run for a work trip, should I squeeze it in tomorrow?": the missed session.
# "since the dog got sick", "both kids had flu": someone else's illness, no doctor for the asker.
_OTHERS_ILL_RE = re.compile(
    r"\b(the |my |our |both )?(dogs?|cats?|kids?|children|child|sons?|daughters?|wife|husband|"
    r"partner|mum|mom|dad|baby|toddler|family|sister|brother)( \w+){0,2} (got|gets|is|was|were|"
    r"are|has|have|had|been|being|came down with)( \w+){0,2} (sick|ill|poorly|unwell|chicken ?pox|"
    r"flu|covid|a cold|a bug|a virus|a temperature|a fever)\b|"
    # "sprint until I'm sick", "car sick": no illness.
    r"\b(until|till|til) (i|im|i am|you|youre|they)( \w+){0,2} sick\b|\b(car|sea|travel) ?sick\b"
)


# "she's also got a bad back from gardening": someone else's complaint.
_OTHERS_HURT_RE = re.compile(
    rf"\b(she|he|they)(s| s| has| have| is| are)?( also)?( got)?( a| an)? {_HURT} {_BODY}"
)


def _not_the_askers_complaint(folded: str) -> str:
    """`folded` without someone else's illness or injury, nor sickness as a figure of speech."""
    return _OTHERS_HURT_RE.sub(" ", _OTHERS_ILL_RE.sub(" ", folded))


_MAKE_UP_RE = re.compile(
    r"\b(missed|skipped)\b.*\b(squeeze|make (it |them |that )?up|catch up|double up|redo|re do|"
    r"repeat (the|that|it)|just carry on|pick up where|"
    r"do (it|that|them) (on \w+ )?(tomorrow|later|another day|instead)|fit (it|them) in)\b"
)
MISSED_TOPIC = "missed_sessions"
# Not plan questions although they name a day: after the programme, or a missed session.
_NOT_PLAN_RE = re.compile(
    r"\b(after (the )?(12 weeks|programme|program|plan|week 12)|(finish\w*|complet\w*|done with|"
    r"end of) (the )?(12 weeks|programme|program|plan)|(programme|program|plan) (ends|is over)|"
    r"missed|skipped|miss|skip|make (it )?up|catch up|double up|"
    # A week of the programme named: the guide's phase, even asked the day before it starts.
    r"wee?ks? ([1-9]|1[0-2])|first (week|month)|"
    # The weather asked about: the guide says nothing of it, whatever day it names.
    r"bucketing|pouring|raining|storm\w*|gales?|snowing|forecast|weather|windy|thunder\w*|"
    r"heatwave|"
    # How the last hike felt: asking whether to scale back, not what the plan holds.
    r"(hike|hiking|saturday|weekend)s? (\w+ ){0,4}(smashed|wrecked|destroyed|killed|flattened|"
    r"exhausted|knackered|shattered|brutal|hard|tough)|(smashed|wrecked|destroyed|killed|"
    r"flattened|exhausted|knackered|shattered) (me|us)|"
    r"(legs|body|i|im|i am)( are| is| feel| felt| still| totally| completely)* (\w+ )?"
    r"(wrecked|destroyed|smashed|knackered|shattered|cooked|fried|trashed|toast|shot|dead)|"
    r"(cut|scale|dial|ease) (it |things )?(back|off)|go easier)\b"
)
# "once the plan is over, which vest takes overnight gear": the kit asked about.
_GEAR_ASKED_RE = re.compile(
    r"\b(which|what|best|recommend)\b.*\b(vest|pack|rucksack|backpack|shoes?|poles|watch)\b"
)
PAIN_TOPIC = "pain_rule"
AFTER_PROGRAMME_TOPIC = "after_programme"
# Running (or pushing) through pain is the guide's pain rule, whoever asks: never run through
# it. Not the injury caution, which is about a hike or session planned on an injury.
_THROUGH_PAIN_RE = re.compile(
    r"\b((run|running|push|pushing|train|training|hike|hiking|walk|walking|keep going|carry on|"
    r"tough|grind|power)( it)?( on)? through (the |a bit of |some |a little |this |that )?"
    r"(pain|it|hurt\w*|discomfort|ache|aches|aching)\b|ignore (the |a bit of )?pain|"
    r"no pain,? no gain|"
    # "sharp pain in my achilles on my run, do I keep going with the plan?"
    r"((sharp|stabbing|shooting|sudden) pain|twinge|niggle)\b.*\b(keep going|carry on|continue|"
    r"push on|"
    r"keep running|keep at it)\b)"
)
# The programme finished (or about to be): what comes after it, not a session of it.
_AFTER_PROGRAMME_RE = re.compile(
    r"\b((finished|completed|done with|(ive|i have|weve|we have|just) done|reached the end of|"
    r"(once|when|after) (i |we )?(finish|complete)( with)?) (the |my |all |all the )?(whole )?"
    r"(12 weeks?|twelve weeks|12 week (plan|programme|program)|programme|program|plan)\b"
    r"|(the|my) (programme|program|plan|12 weeks) (has )?(ended|ends|is over|is done|finishes|"
    r"finished|are over|are up)\b"
    r"|\b(we|i) (finish|complete|end) (week 12|week twelve|the 12 weeks)\b)"
)


# "which injuries should I watch for", "what usually goes first": the guide's list of them.
_COMMON_INJURIES_RE = re.compile(
    r"\b((which|what) (\w+ ){0,2}injur(y|ies) (\w+ ){0,4}(common|usual|typical|likely|"
    r"watch (out )?for|look out for|expect)|(most )?common (\w+ )?injur(y|ies)|"
    r"what (usually|normally|tends to|typically) (goes|go|breaks?|gives?|hurts?)( out)? first|"
    r"(which|what) (parts?|bits?|areas?) (of (the|my|your) body )?(\w+ ){0,2}(go|goes|break|"
    r"give|hurt|get injured|fail)( wrong| out| first)?|"
    r"what (kind|sort|type)s? of (niggles?|injur\w+|problems?) (do|does|will) (\w+ ){0,3}"
    r"(typically |usually |normally |commonly )?(get|pick up|develop|end up with))\b"
)
OVERUSE_TOPIC = "overuse_injuries"
# "last time I tried running I ended up with shin pain, how do I start this time": an injury
# as history, and how to begin without it again.
_PAST_ATTEMPT_RE = re.compile(
    r"\b((last|previous|first) (time|attempt|try|go)|(ended|finished) (up )?with|"
    r"tried (running|to run|jogging) before|(years|months) ago|used to (get|have))\b"
)
_START_AGAIN_RE = re.compile(
    r"\b(this time|(how|what) (\w+ ){0,5}(start|begin|get into|ease in|build up|not (screw|mess|"
    r"muck)|avoid|prevent|stop it)|again)\b"
)
STARTING_TOPIC = "starting_safely"
# "what's the #1 thing hikers get wrong when they start?": the one mistake, not all four.
_FIRST_MISTAKE_RE = re.compile(
    r"(what|which) (do|does) (most )?(people|hikers|beginners|walkers|newbies) (do|get) wrong\b.*"
    r"\b(start|begin|at first|early on)|"
    r"(?<!\w)(number one|#1|no 1|no\. 1|biggest|single biggest|main|top) "
    r"(thing|mistake|error|trap|pitfall)\b.*\b(start\w*|begin\w*|new|take up|taking up|get into|"
    r"getting into)\b"
)
# "never run a step in my life, is this doable for me?": can a non-runner do the plan.
_NEVER_RUN_RE = re.compile(
    r"\b(never (run|ran|jogged)( a step| a single step| at all| before| in my life)*|"
    r"(total|complete|absolute) (beginner|novice|newbie)|non ?runner)\b.*\b(doable|possible|"
    r"manage|able to|ok for|suitable|for me|for someone like me|can i|could i|realistic)\b"
)
NEVER_RUN_TOPIC = "never_run_before"


def _rule_topic(folded: str, asking: str | None = None) -> str | None:
    """The fact a rule gives for this (folded) question, before any matching, if one does.
    `asking` is its folded sentences that ask, when it has others setting the scene."""
    folded = _not_the_askers_complaint(folded)
    asking = None if asking is None else _not_the_askers_complaint(asking)
    if _THROUGH_PAIN_RE.search(folded) and not _MEDICAL_RE.search(folded):
        return PAIN_TOPIC
    if _COMMON_INJURIES_RE.search(folded) and not _MEDICAL_RE.search(folded):
        return OVERUSE_TOPIC
    if _PAST_ATTEMPT_RE.search(folded) and _START_AGAIN_RE.search(folded):
        return STARTING_TOPIC
    if _FIRST_MISTAKE_RE.search(folded) and not _MEDICAL_RE.search(folded):
        return STARTING_TOPIC
    if _NEVER_RUN_RE.search(folded) and not _MEDICAL_RE.search(folded):
        return NEVER_RUN_TOPIC
    if (
        _AFTER_PROGRAMME_RE.search(folded)
        and not _MISSED_RE.search(folded)
        and not _GEAR_ASKED_RE.search(folded)
    ):
        return AFTER_PROGRAMME_TOPIC
    if _MAKE_UP_RE.search(folded) and not _MEDICAL_RE.search(folded):
        return MISSED_TOPIC
    topic = _situation_topic(folded, asking)
    if topic is not None:
        return topic
    if is_personal_question(folded) is not None:
        return PLAN_TOPIC
    return None


def _situation_topic(folded: str, asking: str | None = None) -> str | None:
    """Illness, an injury, a trip, travel or progress: the athlete's situation, not the plan.
    A trip or a move told only in the scene ("I'm on a work trip at the mo. which parts of the
    body go wrong?") counts only when the question is about the plan as a whole."""
    asking = folded if asking is None else asking
    # An injury comes first: a swollen ankle is a reason to go gently, not only to a doctor.
    if (
        _INJURY_RE.search(folded)
        and _DOING_RE.search(folded)
        and not _GENERAL_INJURY_RE.search(folded)
        and not _NOT_INJURED_RE.search(folded)
        and not _ROUTINE_ASKED_RE.search(folded)
    ):
        return INJURY_TOPIC
    if _MEDICAL_RE.search(folded):
        return MEDICAL_TOPIC
    if _asked_of(_TIMEZONE_RE, folded, asking):
        return "pointer_timezone"
    if (
        _asked_of(_PAUSE_RE, folded, asking)
        and not _GOAL_TRIP_RE.search(folded)
        and not _BACK_FROM_RE.search(folded)
    ):
        return "pointer_pause"
    if _PROGRESS_RE.search(folded):
        return "pointer_week"
    return None


def _asked_of(pattern: re.Pattern[str], folded: str, asking: str) -> bool:
    """A trip or a move asked about, or told in the scene of a question about the whole plan."""
    return bool(
        pattern.search(asking) or (pattern.search(folded) and _WHOLE_PLAN_RE.search(asking))
    )


_SITE_NAMES = {"it_band": "IT band", "achilles": "Achilles"}


def _sites_sentence(sites: AbstractSet[PainSite]) -> str:
    names = [_SITE_NAMES.get(site.value, site.value) for site in sorted(sites)]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"Your {joined} {'is' if len(names) == 1 else 'are'} still sore, so take care."


# "what have I got this thursday": a named day asked about in the athlete's own terms.
_GOT_RE = re.compile(r"\b(i have|i've got|ive got|have i got|i got|on for me|for me)\b")


def asked_weekday(text: str) -> int | None:
    """The weekday (0 = Monday) a question about the athlete's own plan names ("what have I
    got this thursday?"), or None."""
    match = _NAMED_DAY_RE.search(_fold(text[:MAX_CHARS]).replace("\u2019", "'"))
    if match is None:
        return None
    return vocabulary.weekday_index(match["ahead"] or match["within"])


def is_personal_question(text: str) -> PersonalQuestion | None:
    """Recognise questions about the athlete's own plan ("what do I do today?")."""
    whole = _fold(text[:MAX_CHARS]).replace("\u2019", "'")
    # The day asked about is in the sentences that ask: "first run today. what did I do wrong?"
    folded = _asking_sentences(text[:MAX_CHARS]).replace("\u2019", "'")
    day_named = asked_weekday(folded) is not None or _TODAY_RE.search(folded)
    hint = _SESSION_HINT_RE.search(folded) or (
        (day_named or _TOMORROW_RE.search(folded)) and _GOT_RE.search(folded)
    )
    if not hint or _NOT_PLAN_RE.search(whole):
        return None
    if not _ASKS_FOR_PLAN_RE.search(folded):
        return None
    if _situation_topic(whole) is not None:
        return None
    if _TOMORROW_RE.search(folded):
        return PersonalQuestion.TOMORROW
    if _TODAY_RE.search(folded):
        return PersonalQuestion.TODAY
    if asked_weekday(folded) is not None:
        return PersonalQuestion.DAY
    if _WEEK_RE.search(folded):
        return PersonalQuestion.WEEK
    if _PLAN_RE.search(folded):
        return PersonalQuestion.PLAN
    return None


# Greetings, thanks and goodbyes: the bot may answer them elsewhere, the FAQ never does, even
# when a word in them is also a training word ("see you soon", "nice one").
_SOCIAL_RE = re.compile(
    r"\b(hi|hello|hey|hiya|howdy|yo|greetings|good ?(morning|afternoon|evening|night|day|bye)|"
    r"morning|evening|thanks?|thank (you|u)|thx|ty|tysm|cheers|ta|(much )?appreciated|"
    r"appreciate (it|that|you)|great|cool|nice( one)?|awesome|brilliant|perfect|lovely|amazing|"
    r"fantastic|excellent|wonderful|super|sweet|sound|ok|okay|k|alright|sure|fine|got it|"
    r"understood|makes sense|noted|yes|yep|yup|no|nope|nah|bye|goodbye|"
    r"see (you|ya)( (later|soon|tomorrow|then|around))?|later|cya|ttyl|lol|haha\w*|wow|hmm+|"
    r"oops|sorry|my bad|love (it|this|you)|happy (new year|christmas|birthday|holidays)|"
    r"merry christmas|welcome|coach|mate|buddy|pal|friend|bot|all|everyone|folks|there|again|"
    r"so much|a lot|very much|(that|this|it) (helps|helped|was helpful|is helpful)|"
    r"(really |very |so )?helpful|(you are|youre|ur) (the best|great|awesome|amazing|a star))\b"
)


def is_social_message(text: str) -> bool:
    """True for a message that is only greetings, thanks or goodbyes ("thanks coach!")."""
    rest = _SOCIAL_RE.sub(" ", _fold(text[:MAX_CHARS]))
    words = _TOKEN_RE.findall(rest)
    return len(words) < len(_TOKEN_RE.findall(_fold(text[:MAX_CHARS]))) and all(
        word in STOPWORDS for word in words
    )


def looks_like_question(text: str) -> bool:
    """True for text that reads as a question: a question mark or a question word."""
    snippet = text[:MAX_CHARS]
    if "?" in snippet or "\uff1f" in snippet:
        return True
    folded = _fold(snippet)
    return bool(
        vocabulary.QUESTION_START.match(folded) or vocabulary.QUESTION_ANYWHERE.search(folded)
    )
