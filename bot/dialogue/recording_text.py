"""What the coach says about an activity file it logged: one line of what it read."""

from __future__ import annotations

from bot.recordings import Recording
from coach.checkins import Activity
from coach.sessions import SessionKind

_NAMES = {
    Activity.HIKE: "Hike",
    Activity.RUN: "Run",
    Activity.WALK: "Walk",
    Activity.STRENGTH: "Strength session",
    Activity.REST: "Rest day",
    Activity.OTHER: "Session",
}
_PLANNED_HIKES = {SessionKind.LONG_HIKE: "Long hike", SessionKind.RECOVERY_HIKE: "Recovery hike"}
# Climb under this is GPS noise or a flat route: not worth a mention.
MENTION_CLIMB_M = 20


def hours_minutes(minutes: int) -> str:
    """'5 h 10 min', '5 h', '48 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def logged_line(
    recording: Recording,
    activity: Activity | None,
    planned: SessionKind | None = None,
    ask_rpe: bool = True,
) -> str:
    """'Long hike logged: 5 h 10 min (4 h 48 moving), 14.1 km, 905 m up. How hard was it?'"""
    if activity is Activity.HIKE and planned in _PLANNED_HIKES:
        name = _PLANNED_HIKES[planned]
    else:
        name = _NAMES.get(activity, "Activity") if activity else "Activity"
    elapsed, moving = recording.elapsed_min, recording.moving_min
    parts = [hours_minutes(elapsed)]
    if recording.points and moving < elapsed - 2:
        moving_text = hours_minutes(moving).removesuffix(" min")
        parts[0] += f" ({moving_text} moving)"
    if recording.distance_m >= 100:
        parts.append(f"{recording.distance_m / 1000:.1f} km")
    if recording.ascent_m is not None and recording.ascent_m >= MENTION_CLIMB_M:
        parts.append(f"{round(recording.ascent_m)} m up")
    line = f"{name} logged: {', '.join(parts)}."
    return f"{line} How hard was it?" if ask_rpe else line
