"""The /progress picture: four panels stacked for a phone, drawn with matplotlib's Agg canvas.

Only `Figure` and `FigureCanvasAgg` are used, never pyplot, so no figure is ever registered in
matplotlib's global state and nothing needs closing. matplotlib is imported the first time a
picture is drawn, so the bot starts without it; `ProgressRenderer.warm()` does that and builds
the font cache at start-up instead of in the first athlete's request.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.phases import PHASES
from coach.programme import DayStatus
from coach.progress import LOAD_GROUPS, ProgressData, progress_data
from coach.schedule import Schedule

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

# 720 × 1280 px, a phone screen's shape: Telegram shows a photo up to 1280 px on its long side
# without scaling it, so the text stays as sharp as it was drawn.
WIDTH_IN, HEIGHT_IN, DPI = 3.6, 6.4, 200
FONT_TITLE, FONT_TEXT, FONT_SMALL = 10, 8.5, 7.5

# Okabe & Ito's palette, told apart with every common kind of colour blindness.
BLUE, SKY, GREEN, ORANGE = "#0072B2", "#56B4E9", "#009E73", "#E69F00"
VERMILLION, PURPLE, YELLOW = "#D55E00", "#CC79A7", "#F0E442"
GREY, DARK = "#D0D0D0", "#333333"
LOAD_COLOURS = {"hike": GREEN, "run": ORANGE, "strength": BLUE, "walk": SKY, "other": PURPLE}
LOAD_NAMES = {
    "hike": "Hiking",
    "run": "Running",
    "strength": "Strength",
    "walk": "Walking",
    "other": "Other",
}
# The long hike the programme asks for: 4–7 h with a full pack.
LONG_HIKE_BAND_MIN = (240, 420)

# Artist labels: how the picture is read back (`DrawnProgress`), never shown to the athlete.
PLANNED, DONE, SKIPPED, LONG_HIKE, CLIMB, CURRENT = (
    "planned",
    "done",
    "skipped",
    "long_hike",
    "climb",
    "current_week",
)


@dataclass(frozen=True)
class DrawnProgress:
    """The figures the picture shows, read back from the figure's artists (not from the data
    it was given): bar heights per programme week, the climb markers, and the week marked as
    the athlete's, once per panel that marks it."""

    planned: dict[int, float]
    done: dict[int, float]
    skipped: dict[int, float]
    load: dict[str, dict[int, float]]
    long_hike_min: dict[int, float]
    climb_m: dict[int, float]
    marked_weeks: tuple[int, ...]


@dataclass(frozen=True)
class ProgressPicture:
    """A rendered /progress: the PNG bytes, their size in pixels, and what was drawn."""

    png: bytes
    width_px: int
    height_px: int
    drawn: DrawnProgress


class ProgressRenderer:
    """Draws /progress pictures. Create one per process (the composition root does) and call
    `warm()` at start-up; `render` may be called from worker threads, one picture at a time.

    `cache_dir`, when given and MPLCONFIGDIR is not set, is where matplotlib keeps its font
    cache: somewhere the bot may write (the home directory may be read-only under systemd).
    """

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._cache_dir = cache_dir
        self._lock = threading.Lock()
        self._classes: tuple[type[Figure], Any] | None = None

    def warm(self) -> None:
        """Import matplotlib and build its font cache by drawing one picture."""
        day = dt.date(2000, 1, 3)
        self.render(progress_data(Schedule(start=day), day, []))

    def render(self, data: ProgressData) -> ProgressPicture:
        """Draw `data` as a PNG (720 × 1280 px). Blocks for a fraction of a second: from the
        event loop, call it through `asyncio.to_thread`."""
        with self._lock:  # matplotlib's font and text caches are not made for threads
            figure_class, canvas_class = self._matplotlib()
            figure = figure_class(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout=None)
            canvas = canvas_class(figure)
            _draw(figure, data)
            drawn = read_back(figure)
            width, height = canvas.get_width_height()
            buffer = io.BytesIO()
            canvas.print_png(buffer, metadata={"Software": None})
        return ProgressPicture(buffer.getvalue(), width, height, drawn)

    def _matplotlib(self) -> tuple[type[Figure], Any]:
        if self._classes is None:
            if (
                self._cache_dir is not None
                and "matplotlib" not in sys.modules
                and "MPLCONFIGDIR" not in os.environ
            ):
                self._cache_dir.mkdir(parents=True, exist_ok=True)
                os.environ["MPLCONFIGDIR"] = str(self._cache_dir)
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure

            self._classes = (Figure, FigureCanvasAgg)
            log.info("matplotlib loaded for /progress pictures")
        return self._classes


def read_back(figure: Figure) -> DrawnProgress:
    """What `figure` shows, from its bars and markers, by programme week."""
    bars: dict[str, dict[int, float]] = {}
    points: dict[str, dict[int, float]] = {}
    marked: list[int] = []
    for axes in figure.axes:
        for container in axes.containers:
            bars[container.get_label()] = {
                round(patch.get_x() + patch.get_width() / 2): float(patch.get_height())
                for patch in container.patches
            }
        for line in axes.get_lines():
            if line.get_label() == CLIMB:
                xs, ys = line.get_xdata(), line.get_ydata()
                points[CLIMB] = {round(float(x)): float(y) for x, y in zip(xs, ys, strict=True)}
        for patch in axes.patches:
            if patch.get_gid() == CURRENT:
                marked.append(round(patch.get_x() + patch.get_width() / 2))
    return DrawnProgress(
        planned=bars.get(PLANNED, {}),
        done=bars.get(DONE, {}),
        skipped=bars.get(SKIPPED, {}),
        load={group: bars.get(f"load_{group}", {}) for group in LOAD_GROUPS},
        long_hike_min=bars.get(LONG_HIKE, {}),
        climb_m=points.get(CLIMB, {}),
        marked_weeks=tuple(marked),
    )


# --- drawing -------------------------------------------------------------------------------

# A legend entry: colour and name, and a marker for points (a filled square otherwise).
Legend = tuple[str, str] | tuple[str, str, str]

# Where everything sits, in fractions of the figure: a fixed layout, because the picture has
# one size, and the constrained layout engine took about a third of the drawing time.
LEFT, WIDTH = 0.11, 0.79
HEADLINE_TOP = 0.975
PANEL_TOPS = (0.805, 0.54, 0.275)  # the title line of each week-by-week panel
PANEL_HEIGHT = 0.165  # the plot area, below its title and legend


def _draw(figure: Figure, data: ProgressData) -> None:
    figure.set_facecolor("white")
    _where_you_are(figure, data)
    weeks = [w.week for w in data.weeks]
    panels = []
    for top, (title, draw) in zip(PANEL_TOPS, _PANELS, strict=True):
        figure.text(0.03, top, title, fontsize=FONT_TITLE, fontweight="bold", va="top")
        axes = figure.add_axes((LEFT, top - 0.06 - PANEL_HEIGHT, WIDTH, PANEL_HEIGHT))
        legend = draw(axes, data, weeks)
        _legend(figure, axes, legend, top - 0.027)
        _week_axis(axes, data)
        panels.append(axes)
    panels[-1].set_xlabel("Programme week", fontsize=FONT_SMALL, labelpad=2)


def _where_you_are(figure: Figure, data: ProgressData) -> None:
    figure.text(
        0.03, HEADLINE_TOP, _headline(data), fontsize=FONT_TITLE + 2, fontweight="bold", va="top"
    )
    figure.text(
        0.03, HEADLINE_TOP - 0.033, _subtitle(data), fontsize=FONT_TEXT, color=DARK, va="top"
    )
    axes = figure.add_axes((LEFT, 0.862, WIDTH, 0.045))
    total, current = data.total_weeks, data.current_week
    done = total if data.status is DayStatus.COMPLETE else (current or 1) - 1
    weeks = range(1, total + 1)
    colours = [YELLOW if w == current else BLUE if w <= done else GREY for w in weeks]
    axes.bar(weeks, 0.7, width=0.92, color=colours, edgecolor="none")
    if current is not None:
        marker = axes.bar(
            current, 0.9, width=1, bottom=-0.1, fill=False, edgecolor=DARK, linewidth=1.5
        )
        marker.patches[0].set_gid(CURRENT)
    for phase in PHASES:
        middle = (phase.first_week + phase.last_week) / 2
        axes.text(
            middle,
            -0.25,
            _two_lines(phase.name),
            ha="center",
            va="top",
            fontsize=FONT_SMALL,
            color=DARK,
            linespacing=1.1,
        )
    axes.set_xlim(0.4, total + 0.6)
    axes.set_ylim(-0.12, 0.82)
    axes.set_axis_off()


def _headline(data: ProgressData) -> str:
    if data.status is DayStatus.BEFORE_START:
        days = data.days_to_start
        return f"Your 12 weeks start in {days} day{'s' if days != 1 else ''}"
    if data.status is DayStatus.COMPLETE:
        return "All 12 weeks done. Well done!"
    return f"Week {data.current_week} of {data.total_weeks}"


def _subtitle(data: ProgressData) -> str:
    start = data.start
    if data.status is DayStatus.BEFORE_START:
        return f"Week 1 begins on {start:%A} {start.day} {start:%B}"
    done = sum(w.done for w in data.weeks)
    sessions = f"{done} session{'s' if done != 1 else ''} done"
    if data.current_week is None:
        return f"{sessions} in {data.total_weeks} weeks"
    phase = next(p for p in PHASES if p.first_week <= data.current_week <= p.last_week)
    return f"{phase.name} · {sessions} so far"


def _sessions(axes: Axes, data: ProgressData, weeks: list[int]) -> list[Legend]:
    planned = [w.planned for w in data.weeks]
    done = [w.done for w in data.weeks]
    skipped = [w.skipped for w in data.weeks]
    axes.bar(weeks, planned, width=0.8, color=GREY, label=PLANNED)
    axes.bar(weeks, done, width=0.5, color=BLUE, label=DONE)
    axes.bar(
        weeks,
        skipped,
        width=0.5,
        bottom=done,
        color=VERMILLION,
        hatch="////",
        edgecolor="white",
        linewidth=0,
        label=SKIPPED,
    )
    axes.set_ylim(0, max([7, *planned, *(d + s for d, s in zip(done, skipped, strict=True))]))
    axes.set_yticks(range(0, 8, 2))
    return [(GREY, "Planned"), (BLUE, "Done"), (VERMILLION, "Skipped")]


def _load(axes: Axes, data: ProgressData, weeks: list[int]) -> list[Legend]:
    bottom = [0] * len(weeks)
    for group in LOAD_GROUPS:
        heights = [getattr(w.load, group) for w in data.weeks]
        axes.bar(
            weeks,
            heights,
            width=0.7,
            bottom=bottom,
            color=LOAD_COLOURS[group],
            edgecolor="white",
            linewidth=0.4,
            label=f"load_{group}",
        )
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    top = max(bottom)
    axes.set_ylim(0, top * 1.05 if top else 1000)
    if top >= 2000:
        axes.yaxis.set_major_formatter(_thousands)
    return [(LOAD_COLOURS[g], LOAD_NAMES[g]) for g in LOAD_GROUPS]


def _long_hike(axes: Axes, data: ProgressData, weeks: list[int]) -> list[Legend]:
    known = [w for w in data.weeks if w.long_hike_min is not None]
    low, high = LONG_HIKE_BAND_MIN
    axes.axhspan(low, high, color=GREEN, alpha=0.15, linewidth=0)
    axes.bar(
        [w.week for w in known],
        [w.long_hike_min or 0 for w in known],
        width=0.6,
        color=GREEN,
        label=LONG_HIKE,
    )
    longest = max([high, *(w.long_hike_min or 0 for w in known)])
    hours = range(0, longest // 60 + 2, 2)
    axes.set_yticks([h * 60 for h in hours], [f"{h} h" for h in hours])
    axes.set_ylim(0, longest * 1.08)
    legend: list[Legend] = [(GREEN, "Time"), (GREEN + "40", "4–7 h goal")]
    climbs = [w for w in known if w.long_hike_climb_m is not None]
    if climbs:
        right = axes.twinx()
        right.plot(
            [w.week for w in climbs],
            [w.long_hike_climb_m for w in climbs],
            linestyle="none",
            marker="D",
            markersize=4.5,
            color=DARK,
            label=CLIMB,
        )
        top = max(w.long_hike_climb_m or 0 for w in climbs)
        right.set_ylim(0, max(top, 100) * 1.15)
        right.tick_params(labelsize=FONT_SMALL, length=2)
        right.yaxis.set_major_formatter(_metres)
        for side in ("top", "left", "bottom"):
            right.spines[side].set_visible(False)
        legend.append((DARK, "Climb, m (right)", "D"))
    if not known:
        axes.text(
            6.5,
            low / 2,
            "No long hike logged yet",
            ha="center",
            va="center",
            fontsize=FONT_TEXT,
            color=DARK,
        )
    return legend


_PANELS = (
    ("Sessions: planned and done", _sessions),
    ("Weekly load (effort × minutes)", _load),
    ("Long hike: time and climb", _long_hike),
)


def _week_axis(axes: Axes, data: ProgressData) -> None:
    axes.set_xlim(0.4, data.total_weeks + 0.6)
    axes.set_xticks(range(1, data.total_weeks + 1))
    axes.tick_params(labelsize=FONT_SMALL, length=2, pad=2)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.grid(axis="y", color="#E8E8E8", linewidth=0.6)
    axes.set_axisbelow(True)
    if data.current_week is not None:
        week = data.current_week
        band = axes.axvspan(week - 0.5, week + 0.5, color=YELLOW, alpha=0.35, linewidth=0)
        band.set_zorder(0)
        band.set_gid(CURRENT)
        for label in axes.get_xticklabels():
            if label.get_text() == str(week):
                label.set_fontweight("bold")


def _legend(figure: Figure, axes: Axes, entries: list[Legend], top: float) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [
        Line2D([], [], color=entry[0], label=entry[1], marker=entry[2], linestyle="none")
        if len(entry) == 3
        else Patch(color=entry[0], label=entry[1])
        for entry in entries
    ]
    axes.legend(
        handles=handles,
        ncol=len(handles),
        fontsize=FONT_SMALL,
        frameon=False,
        loc="upper left",
        bbox_to_anchor=(0.02, top),
        bbox_transform=figure.transFigure,
        borderaxespad=0,
        borderpad=0,
        handlelength=1,
        handleheight=0.8,
        handletextpad=0.35,
        columnspacing=0.8,
    )


def _two_lines(name: str) -> str:
    """A phase's name over two lines of about equal length, to fit under its four weeks."""
    words = name.split()
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) * 2 - len(name)))
    return f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}"


def _thousands(value: float, _position: int) -> str:
    return f"{value / 1000:g}k" if value else "0"


def _metres(value: float, _position: int) -> str:
    return f"{value:.0f}"
