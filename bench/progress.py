"""Benchmark the /progress picture for a full 12-week record (tests/athlete_record.py):

- the first picture of a fresh process, matplotlib's import and font cache included, with the
  font cache already on disk and with none (the first start on a new machine);
- warm pictures (best and median of several), with Python's peak memory for one (tracemalloc:
  Agg's own pixel buffer, about 3.7 MB, is C++ memory and not counted there) and the
  process's peak resident memory after the first picture;
- how late a 5 ms timer on the event loop runs while a picture is drawn in a worker thread,
  as the bot will draw it;
- what importing matplotlib would add to the bot's start-up if it were imported eagerly.

`python -m bench.progress` prints the figures; `run()` returns them for `make bench`.
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from bot.progress import ProgressData, ProgressRenderer, progress_data
from coach.schedule import Schedule
from tests.athlete_record import LAST_DAY, START, full_programme

WARM_RENDERS = 7
ROOT = Path(__file__).resolve().parents[1]

# Run in a fresh interpreter: times the first picture and reads the peak resident memory.
_FIRST_PICTURE = """
import json, sys, time
from pathlib import Path
from bench.progress import peak_rss_mb, record
from bot.progress import ProgressRenderer
data = record()
before = peak_rss_mb()
renderer = ProgressRenderer(cache_dir=Path(sys.argv[1]))
ready = time.perf_counter()
renderer.render(data)
drawn = time.perf_counter()
print(json.dumps({
    "first_ms": (drawn - ready) * 1000,
    "rss_before_mb": before,
    "rss_after_mb": peak_rss_mb(),
}))
"""

_IMPORTS = """
import json, sys, time
started = time.perf_counter()
import bot.app
bot_done = time.perf_counter()
from matplotlib.figure import Figure
from matplotlib.backends.backend_agg import FigureCanvasAgg
print(json.dumps({"bot_ms": (bot_done - started) * 1000,
                  "matplotlib_ms": (time.perf_counter() - bot_done) * 1000}))
"""


def peak_rss_mb() -> float:
    """This process's peak resident memory. Not getrusage's ru_maxrss: Linux carries that over
    from the parent across exec, so under `make bench` it reports the parent's peak."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def record() -> ProgressData:
    """The whole programme checked in, seen from its last day."""
    return progress_data(Schedule(start=START), LAST_DAY, full_programme())


def _fresh(script: str, *args: str, cache: Path | None = None) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k not in {"MPLCONFIGDIR", "XDG_CACHE_HOME"}}
    if cache is not None:
        env["MPLCONFIGDIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def _warm_ms(renderer: ProgressRenderer, data: ProgressData) -> list[float]:
    times = []
    for _ in range(WARM_RENDERS):
        gc.collect()
        started = time.perf_counter()
        renderer.render(data)
        times.append((time.perf_counter() - started) * 1000)
    return times


def _peak_mb(renderer: ProgressRenderer, data: ProgressData) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        renderer.render(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


async def _loop_lag_ms(renderer: ProgressRenderer, data: ProgressData) -> float:
    """The worst lateness of a 5 ms timer while one picture is drawn in a worker thread."""
    worst = 0.0
    drawing = asyncio.ensure_future(asyncio.to_thread(renderer.render, data))
    while not drawing.done():
        asked = time.perf_counter()
        await asyncio.sleep(0.005)
        worst = max(worst, (time.perf_counter() - asked - 0.005) * 1000)
    await drawing
    return worst


def run() -> list[str]:
    data = record()
    with tempfile.TemporaryDirectory() as folder:
        cold = _fresh(_FIRST_PICTURE, str(Path(folder) / "cold"))
        cached = _fresh(_FIRST_PICTURE, str(Path(folder) / "cold"))
        imports = _fresh(_IMPORTS, cache=Path(folder) / "cold")
        renderer = ProgressRenderer(cache_dir=Path(folder) / "warm")
        renderer.warm()
        png = renderer.render(data).png
        warm = _warm_ms(renderer, data)
        peak = _peak_mb(renderer, data)
        lag = asyncio.run(_loop_lag_ms(renderer, data))
    return [
        f"progress.first_render_no_font_cache_ms: {cold['first_ms']:.0f}",
        f"progress.first_render_ms: {cached['first_ms']:.0f} (matplotlib imported, fonts read)",
        f"progress.warm_render_ms: {min(warm):.0f} best, {statistics.median(warm):.0f} median "
        f"of {WARM_RENDERS}",
        f"progress.warm_render_peak_mb: {peak:.1f} (Python allocations)",
        f"progress.process_peak_rss_mb: {cached['rss_after_mb']:.0f} after the first picture "
        f"({cached['rss_before_mb']:.0f} before)",
        f"progress.png_kb: {len(png) / 1024:.0f} (720 × 1280 px, 12 weeks)",
        f"progress.event_loop_worst_lag_ms: {lag:.0f} (5 ms timer, picture drawn in a thread)",
        f"progress.bot_import_ms: {imports['bot_ms']:.0f} (bot.app, matplotlib not imported)",
        f"progress.matplotlib_import_ms: {imports['matplotlib_ms']:.0f} "
        "(what an eager import would add to start-up)",
    ]


if __name__ == "__main__":
    for line in run():
        print(line, flush=True)
