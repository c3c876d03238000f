"""Benchmark reading activity files: a 5-hour hike recorded once a second (18,001 points) as
GPX, TCX and FIT, through `read_recording` (parse, summarise, fingerprint), with its peak
memory (tracemalloc, the file's own bytes excluded). For GPX, our defusedxml reader is set
against gpxpy on the same file, parse only, which is how the reader was chosen.

`python -m bench.recordings` prints the figures; `run()` returns them for `make bench`.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from bot.recordings import read_recording
from bot.recordings.fitfiles import read_fit
from bot.recordings.xmlfiles import read_xml
from coach.tracks import summarise
from tests.tracks import files
from tests.tracks.synthetic import long_hike

REPEATS = 3


def _best_ms(action: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        gc.collect()
        started = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _peak_mb(action: Callable[[], Any]) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        action()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def _gpxpy_parse(data: bytes) -> Callable[[], Any]:
    import gpxpy  # a dev dependency: only the comparison needs it

    return lambda: gpxpy.parse(data.decode())


def run() -> list[str]:
    route = long_hike()
    made = {"gpx": files.gpx(route), "tcx": files.tcx(route), "fit": files.fit(route)}
    lines = []
    for kind, data in made.items():
        recording = read_recording(data, f"hike.{kind}")
        size = f"{recording.points} points, {len(data) / 1e6:.1f} MB"
        lines.append(
            f"recordings.{kind}_5h.read_ms: "
            f"{_best_ms(lambda d=data, k=kind: read_recording(d, f'hike.{k}')):.0f} ({size})"
        )
        lines.append(
            f"recordings.{kind}_5h.peak_mb: "
            f"{_peak_mb(lambda d=data, k=kind: read_recording(d, f'hike.{k}')):.1f}"
        )
    gpx = made["gpx"]
    lines.append(f"recordings.gpx_5h.parse_defusedxml_ms: {_best_ms(lambda: read_xml(gpx)):.0f}")
    lines.append(
        f"recordings.gpx_5h.parse_defusedxml_peak_mb: {_peak_mb(lambda: read_xml(gpx)):.1f}"
    )
    try:
        gpxpy_parse = _gpxpy_parse(gpx)
    except ImportError:
        lines.append("recordings.gpx_5h.parse_gpxpy_ms: not installed")
    else:
        lines.append(f"recordings.gpx_5h.parse_gpxpy_ms: {_best_ms(gpxpy_parse):.0f}")
        lines.append(f"recordings.gpx_5h.parse_gpxpy_peak_mb: {_peak_mb(gpxpy_parse):.1f}")
    fit = made["fit"]
    lines.append(f"recordings.fit_5h.parse_fitdecode_ms: {_best_ms(lambda: read_fit(fit)):.0f}")
    points = read_xml(gpx).points
    lines.append(f"recordings.summarise_5h_ms: {_best_ms(lambda: summarise(points)):.0f}")
    return lines


if __name__ == "__main__":
    for line in run():
        print(line, flush=True)
