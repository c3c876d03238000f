"""Benchmark the FAQ engine by fact: the right fact for in-scope questions, off-topic declined,
answer latency, and what loading the knowledge base costs.

Sets, each scored the same way:
- tests/data/faq_tune.json: written blind from the guide and the fact catalogue; tuned on.
- tests/data/faq_final.json: written the same way by someone else, added by the lead and tuned
  on by nobody; printed when present. Nothing else (no unit test) reads it.
- bench/data/faq_*.json: older sets, tuned on long ago, printed as regression figures only.
"""

from __future__ import annotations

import gc
import json
import statistics
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from coach.faq import KnowledgeBase, load_knowledge_base

ROOT = Path(__file__).resolve().parent.parent
TUNE_PATH = ROOT / "tests" / "data" / "faq_tune.json"
FINAL_PATH = ROOT / "tests" / "data" / "faq_final.json"
FACTS_PATH = ROOT / "tests" / "data" / "faq_facts.json"
QUESTIONS_PATH = Path(__file__).parent / "data" / "faq_questions.json"
BLIND_PATH = Path(__file__).parent / "data" / "faq_blind.json"
NEARMISS_PATH = Path(__file__).parent / "data" / "faq_nearmiss.json"
DECLINE = "decline"
# Labels that are not facts of the guide: pointers to a command, the doctor, the injury caution.
SPECIAL_PREFIXES = ("pointer_", "medical_", "hiking_with_injury")
# The old sets name the topics the knowledge base had before it was split by fact; a question
# filed under an old topic is right when it gets any fact that topic was split into.
OLD_TOPICS: dict[str, frozenset[str]] = {
    "salomon_adv_skin_12": frozenset({"vest_short_runs"}),
    "salomon_adv_skin_20": frozenset({"vest_long_runs"}),
    "zpacks_bagger_ultra": frozenset({"traditional_pack"}),
    "gear_basics": frozenset({"gear_basics", "running_vest"}),
    "hill_repeats": frozenset({"hill_repeats", "hill_repeats_why", "thursday_session"}),
    "starting_safely": frozenset({"starting_safely", "never_run_before"}),
    "weekly_structure": frozenset(
        {
            "weekly_structure",
            "monday_session",
            "tuesday_session",
            "wednesday_session",
            "thursday_session",
            "friday_session",
            "sunday_session",
        }
    ),
    "saturday_long_hike": frozenset({"saturday_long_hike"}),
    "strength_training": frozenset({"strength_training", "wednesday_session"}),
    "zone_2": frozenset({"zone_2", "tuesday_session"}),
    "effort_phase": frozenset({"effort_phase", "hill_repeats"}),
    "overuse_injuries": frozenset({"overuse_injuries", "pain_rule"}),
}
LATENCY_ROUNDS = 5
LOAD_ROUNDS = 5
BAD_INPUTS = ("", "   ", "🏃‍♀️⛰️🔥", "x" * 5000, "how " * 1250, "¿qué? 日本語 \x00\u202e")


@dataclass(frozen=True)
class Case:
    """One evaluation question: the facts that count as right, or none for a decline."""

    question: str
    expected: str
    accepted: frozenset[str]
    ambiguous: bool = False

    @property
    def declines(self) -> bool:
        return self.expected == DECLINE

    @property
    def special(self) -> bool:
        return self.expected.startswith(SPECIAL_PREFIXES)


@dataclass(frozen=True)
class Score:
    right: int
    in_scope: int
    declined: int
    off_topic: int
    special_right: int
    special: int

    @property
    def in_scope_rate(self) -> float:
        return self.right / max(self.in_scope, 1)

    @property
    def declined_rate(self) -> float:
        return self.declined / max(self.off_topic, 1)


Matcher = Callable[[str], str | None]


def load_fact_cases(path: Path) -> list[Case]:
    """Read a fact-labelled set (tests/data/faq_*.json): text, expected, optional `also`."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    items = raw["questions"] if isinstance(raw, dict) else raw
    return [
        Case(
            question=item["text"],
            expected=item["expected"],
            accepted=frozenset([item["expected"], *item.get("also", [])]) - {DECLINE},
            ambiguous=bool(item.get("ambiguous")),
        )
        for item in items
    ]


def load_old_cases(path: Path) -> list[Case]:
    """Read an old topic-labelled set (bench/data/faq_*.json), its topics mapped to facts."""
    cases = []
    for item in json.loads(path.read_text(encoding="utf-8"))["questions"]:
        topic = item["topic"]
        if topic is None:
            cases.append(Case(item["question"], DECLINE, frozenset()))
        else:
            cases.append(Case(item["question"], topic, OLD_TOPICS.get(topic, frozenset([topic]))))
    return cases


def score(matcher: Matcher, cases: Iterable[Case]) -> Score:
    """Count right facts among in-scope questions and declines among off-topic ones."""
    right = in_scope = declined = off_topic = special_right = special = 0
    for case in cases:
        got = matcher(case.question)
        if case.declines:
            off_topic += 1
            declined += got is None
            continue
        hit = got in case.accepted
        in_scope += 1
        right += hit
        if case.special:
            special += 1
            special_right += hit
    return Score(right, in_scope, declined, off_topic, special_right, special)


def misses(matcher: Matcher, cases: Iterable[Case]) -> list[tuple[Case, str | None]]:
    """The cases the matcher gets wrong, with what it answered (for tuning by hand)."""
    found = []
    for case in cases:
        got = matcher(case.question)
        if (got is not None) if case.declines else (got not in case.accepted):
            found.append((case, got))
    return found


def engine_matcher(kb: KnowledgeBase) -> Matcher:
    def match(question: str) -> str | None:
        return kb.answer(question).topic

    return match


def run() -> list[str]:
    """Measure the engine and return one printable figure per line."""
    load_ms, kb = _timed_load()
    memory_kib = _load_memory_kib()
    matcher = engine_matcher(kb)
    lines: list[str] = []
    lines += _set_lines("faq.tune", score(matcher, load_fact_cases(TUNE_PATH)))
    if FINAL_PATH.exists():
        lines += _set_lines("faq.final", score(matcher, load_fact_cases(FINAL_PATH)))
    else:
        lines.append("faq.final: not present (tests/data/faq_final.json)")
    for name, path in (
        ("questions", QUESTIONS_PATH),
        ("blind", BLIND_PATH),
        ("nearmiss", NEARMISS_PATH),
    ):
        lines += _set_lines(f"faq.regression.{name}", score(matcher, load_old_cases(path)))[:2]
    questions = [c.question for c in load_fact_cases(TUNE_PATH)]
    questions += [c.question for c in load_old_cases(QUESTIONS_PATH)]
    p50, p99, cpu_p99 = _latency(kb, questions)
    lines += [f"faq.answer_p50_ms: {p50:.3f}", f"faq.answer_p99_ms: {p99:.3f}"]
    lines.append(f"faq.answer_cpu_p99_ms: {cpu_p99:.3f}")
    lines.append(f"faq.kb_load_ms: {load_ms:.1f}")
    lines.append(f"faq.kb_memory_kib: {memory_kib:.0f}")
    return lines


def _set_lines(prefix: str, result: Score) -> list[str]:
    facts = result.in_scope - result.special
    return [
        f"{prefix}.in_scope_right: {result.in_scope_rate:.3f} ({result.right}/{result.in_scope})",
        f"{prefix}.offtopic_declined: {result.declined_rate:.3f} "
        f"({result.declined}/{result.off_topic})",
        f"{prefix}.guide_facts_right: {(result.right - result.special_right) / max(facts, 1):.3f} "
        f"({result.right - result.special_right}/{facts})",
        f"{prefix}.pointer_medical_injury_right: "
        f"{result.special_right / max(result.special, 1):.3f} "
        f"({result.special_right}/{result.special})",
    ]


def _timed_load() -> tuple[float, KnowledgeBase]:
    timings = []
    kb = load_knowledge_base()
    for _ in range(LOAD_ROUNDS):
        start = time.perf_counter()
        kb = load_knowledge_base()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), kb


def _load_memory_kib() -> float:
    """Python memory the loaded knowledge base keeps (allocations still live after loading)."""
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kb = load_knowledge_base()
    kb.answer("warm up the caches: how long are hill repeats?")
    gc.collect()
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    kept = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    del kb
    return kept / 1024


def _latency(kb: KnowledgeBase, questions: list[str]) -> tuple[float, float, float]:
    """Wall-clock p50 and p99, and the p99 of CPU time (which other processes cannot inflate)."""
    samples, cpu = [], []
    for _ in range(LATENCY_ROUNDS):
        for question in [*questions, *BAD_INPUTS]:
            start, start_cpu = time.perf_counter(), time.thread_time()
            kb.answer(question)
            cpu.append((time.thread_time() - start_cpu) * 1000)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    cpu.sort()
    return _percentile(samples, 0.50), _percentile(samples, 0.99), _percentile(cpu, 0.99)


def _percentile(sorted_samples: list[float], fraction: float) -> float:
    index = min(len(sorted_samples) - 1, round(fraction * (len(sorted_samples) - 1)))
    return sorted_samples[index]


if __name__ == "__main__":
    print("\n".join(run()))
