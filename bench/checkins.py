"""How well coach.checkins reads free-text check-ins: share read right, per field, and speed."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from coach.checkins import read_checkin

DATA = Path(__file__).parent / "data" / "checkins.json"
# Written before the parser was read, by someone other than its tuner: the honest estimate of
# how check-ins we never see are read. Keep it out of tuning loops.
BLIND = Path(__file__).parent / "data" / "checkins_blind.json"
# A second blind set, labelled strictly from the public spec text by an outside-QA-style
# labeller; items where the spec is silent carry "ambiguous": true and a "note".
BLIND2 = Path(__file__).parent / "data" / "checkins_blind2.json"
FIELDS = ("activity", "duration_min", "rpe", "hard", "pain", "skipped", "date")
TIMING_ROUNDS = 20


def load_cases(path: Path = DATA) -> list[dict[str, object]]:
    """The labelled check-ins: text, today, held_out and the expected `as_json()` shape."""
    return json.loads(path.read_text(encoding="utf-8"))


def reading_for(case: dict[str, object]) -> dict[str, object]:
    """What the parser reads from one case, in the `as_json()` shape."""
    today = dt.date.fromisoformat(str(case["today"]))
    return read_checkin(str(case["text"]), today).as_json()


def wrong_fields(case: dict[str, object]) -> list[str]:
    """The fields read differently from the label; pain sites compare as a set."""
    got, expected = reading_for(case), case["expected"]
    assert isinstance(expected, dict)
    return [field for field in FIELDS if _comparable(field, got) != _comparable(field, expected)]


def read_right_share(cases: list[dict[str, object]]) -> float:
    """Share of cases with all seven fields right."""
    return sum(not wrong_fields(case) for case in cases) / len(cases) if cases else 0.0


def misses(path: Path = DATA, held_out: bool = False) -> list[str]:
    """One line per case read wrong, for tuning; held-out cases only when asked for."""
    lines = []
    for case in load_cases(path):
        if bool(case.get("held_out")) != held_out:
            continue
        wrong = wrong_fields(case)
        if wrong:
            got = reading_for(case)
            detail = ", ".join(f"{f}: {got[f]!r} != {case['expected'][f]!r}" for f in wrong)
            lines.append(f"{case['text']!r} ({case['today']}): {detail}")
    return lines


def field_accuracy(cases: list[dict[str, object]]) -> dict[str, float]:
    """Share of cases with each field right."""
    per_case = [wrong_fields(case) for case in cases]
    return {
        field: sum(field not in wrong for wrong in per_case) / len(cases) if cases else 0.0
        for field in FIELDS
    }


def run(path: Path = DATA, blind_path: Path = BLIND, blind2_path: Path = BLIND2) -> list[str]:
    """Printable lines, one figure each."""
    cases = load_cases(path)
    tuned = [c for c in cases if not c.get("held_out")]
    held = [c for c in cases if c.get("held_out")]
    lines = [
        f"checkins.read_right: {read_right_share(cases):.2f} (n={len(cases)})",
        f"checkins.read_right.tuned: {read_right_share(tuned):.2f} (n={len(tuned)})",
        f"checkins.read_right.held_out: {read_right_share(held):.2f} (n={len(held)})",
    ]
    for field, share in field_accuracy(cases).items():
        lines.append(f"checkins.field_accuracy.{field}: {share:.2f}")
    if blind_path.exists():
        blind = load_cases(blind_path)
        lines.append(f"checkins.blind.read_right: {read_right_share(blind):.2f} (n={len(blind)})")
        for field, share in field_accuracy(blind).items():
            lines.append(f"checkins.blind.field_accuracy.{field}: {share:.2f}")
    if blind2_path.exists():
        blind2 = load_cases(blind2_path)
        clear = [c for c in blind2 if not c.get("ambiguous")]
        lines.append(
            f"checkins.blind2.read_right: {read_right_share(blind2):.2f} (n={len(blind2)})"
        )
        lines.append(
            f"checkins.blind2.read_right.unambiguous: {read_right_share(clear):.2f} "
            f"(n={len(clear)})"
        )
        for field, share in field_accuracy(blind2).items():
            lines.append(f"checkins.blind2.field_accuracy.{field}: {share:.2f}")
    timings = _timings_ms(cases)
    lines.append(f"checkins.parse_p50_ms: {_percentile(timings, 0.50):.3f}")
    lines.append(f"checkins.parse_p99_ms: {_percentile(timings, 0.99):.3f}")
    long_text = "long hike 6 hours, knee sore, rpe 7 " * 150
    lines.append(f"checkins.parse_5000_chars_ms: {_time_ms(long_text):.3f}")
    return lines


def _comparable(field: str, reading: dict[str, object]) -> object:
    value = reading[field]
    return sorted(value) if field == "pain" and isinstance(value, list) else value


def _timings_ms(cases: list[dict[str, object]]) -> list[float]:
    return [_time_ms(str(case["text"])) for _ in range(TIMING_ROUNDS) for case in cases]


def _time_ms(text: str) -> float:
    start = time.perf_counter()
    read_checkin(text, dt.date(2026, 12, 7))
    return (time.perf_counter() - start) * 1000


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


if __name__ == "__main__":
    print("\n".join(run()))
