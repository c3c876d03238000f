"""`make bench`: every benchmark, one figure a line."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "bench.faq",
    "bench.checkins",
    "bench.latency",
    "bench.reminders",
    "bench.lateness",
    "bench.recordings",
    "bench.progress",
)


def main() -> int:
    failed = 0
    for name in BENCHMARKS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            print(f"{name}: not built yet", flush=True)
            continue
        except ImportError as error:  # a benchmark out of step with the code: say so, go on
            failed += 1
            print(f"{name}: failed to import: {error}", file=sys.stderr, flush=True)
            continue
        try:
            for line in module.run():
                print(line, flush=True)
        except Exception as error:  # one broken benchmark must not hide the others' figures
            failed += 1
            print(f"{name}: failed: {error!r}", file=sys.stderr, flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
