"""Benchmark the FAQ engine: accuracy on our question set, off-topic declining, speed.

Also scores a plain rapidfuzz matcher on the same set, so the choice of scorer stays measured.
"""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from coach.faq import KnowledgeBase, load_knowledge_base

QUESTIONS_PATH = Path(__file__).parent / "data" / "faq_questions.json"
# Written from the guide alone, before the knowledge base or the tuned set was read, and never
# used for tuning: the honest estimate of how the engine does on questions it has not seen.
BLIND_PATH = Path(__file__).parent / "data" / "faq_blind.json"
# Also written before any change it measures: off-topic questions a hiker might ask that share
# our vocabulary (navigation, nutrition, races, watches...) plus on-topic ones, to see what a
# stricter gate costs. Off-topic cases marked "aside" were not looked at while tuning.
NEARMISS_PATH = Path(__file__).parent / "data" / "faq_nearmiss.json"
LATENCY_ROUNDS = 5
LOAD_ROUNDS = 5
BAD_INPUTS = ("", "   ", "🏃‍♀️⛰️🔥", "x" * 5000, "how " * 1250, "¿qué? 日本語 \x00\u202e")


@dataclass(frozen=True)
class Case:
    question: str
    topic: str | None
    holdout: bool
    aside: bool = False


Matcher = Callable[[str], str | None]


def load_cases(path: Path = QUESTIONS_PATH) -> list[Case]:
    """Read the evaluation set: questions with their expected topic (None = off-topic)."""
    raw = json.loads(path.read_text(encoding="utf-8"))["questions"]
    return [
        Case(item["question"], item["topic"], bool(item.get("holdout")), bool(item.get("aside")))
        for item in raw
    ]


def run() -> list[str]:
    """Measure the engine and return one printable figure per line."""
    load_ms, kb = _timed_load()
    cases = load_cases()
    lines: list[str] = []
    engine = _engine_matcher(kb)
    lines += _accuracy_lines("faq", engine, cases)
    lines += _accuracy_lines("faq.tune", engine, [c for c in cases if not c.holdout])
    lines += _accuracy_lines("faq.holdout", engine, [c for c in cases if c.holdout])
    lines += _accuracy_lines("faq.blind", engine, load_cases(BLIND_PATH))
    near_miss = load_cases(NEARMISS_PATH)
    lines += _accuracy_lines("faq.nearmiss", engine, near_miss)
    # The aside part is off-topic questions only, so only its declining figure means anything.
    aside = [c for c in near_miss if c.aside]
    lines += _accuracy_lines("faq.nearmiss.aside", engine, aside)[1:]
    p50, p99 = _latency(kb, [c.question for c in cases])
    lines += [f"faq.answer_p50_ms: {p50:.3f}", f"faq.answer_p99_ms: {p99:.3f}"]
    lines.append(f"faq.kb_load_ms: {load_ms:.1f}")
    for name, scorer in (("token_set_ratio", fuzz.token_set_ratio), ("wratio", fuzz.WRatio)):
        matcher = _rapidfuzz_matcher(kb, scorer, [c for c in cases if not c.holdout])
        lines += _accuracy_lines(f"faq.baseline_rapidfuzz_{name}", matcher, cases)
    return lines


def _timed_load() -> tuple[float, KnowledgeBase]:
    timings = []
    kb = load_knowledge_base()
    for _ in range(LOAD_ROUNDS):
        start = time.perf_counter()
        kb = load_knowledge_base()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), kb


def _engine_matcher(kb: KnowledgeBase) -> Matcher:
    def match(question: str) -> str | None:
        return kb.answer(question).topic

    return match


def _accuracy_lines(prefix: str, matcher: Matcher, cases: list[Case]) -> list[str]:
    on_topic = [c for c in cases if c.topic is not None]
    off_topic = [c for c in cases if c.topic is None]
    correct = sum(matcher(c.question) == c.topic for c in on_topic)
    declined = sum(matcher(c.question) is None for c in off_topic)
    accuracy = correct / max(len(on_topic), 1)
    declined_share = declined / max(len(off_topic), 1)
    return [
        f"{prefix}.top1_accuracy: {accuracy:.3f} (n={len(on_topic)})",
        f"{prefix}.offtopic_declined: {declined_share:.3f} (n={len(off_topic)})",
    ]


def _latency(kb: KnowledgeBase, questions: list[str]) -> tuple[float, float]:
    samples = []
    for _ in range(LATENCY_ROUNDS):
        for question in [*questions, *BAD_INPUTS]:
            start = time.perf_counter()
            kb.answer(question)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return _percentile(samples, 0.50), _percentile(samples, 0.99)


def _percentile(sorted_samples: list[float], fraction: float) -> float:
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


def _rapidfuzz_matcher(
    kb: KnowledgeBase, scorer: Callable[..., float], tune: list[Case]
) -> Matcher:
    """Nearest phrasing by a rapidfuzz scorer, with its threshold picked on the tuning split."""
    choices = [(q, entry.topic) for entry in kb.entries for q in entry.questions]
    texts = [q for q, _ in choices]

    def nearest(question: str) -> tuple[str | None, float]:
        found = process.extractOne(
            question[:400], texts, scorer=scorer, processor=utils.default_process
        )
        return (None, 0.0) if found is None else (choices[found[2]][1], found[1])

    scored = [(case, *nearest(case.question)) for case in tune]

    def balanced(threshold: float) -> float:
        hits = [t == c.topic and s >= threshold for c, t, s in scored if c.topic is not None]
        rejects = [s < threshold for c, _, s in scored if c.topic is None]
        return min(sum(hits) / max(len(hits), 1), sum(rejects) / max(len(rejects), 1))

    threshold = max(range(0, 101, 2), key=balanced)

    def match(question: str) -> str | None:
        topic, score = nearest(question)
        return topic if score >= threshold else None

    return match


if __name__ == "__main__":
    print("\n".join(run()))
