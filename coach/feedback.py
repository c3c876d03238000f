"""What the coach says right after a check-in: short, plain text, phone-sized, never guilt."""

from __future__ import annotations

from collections.abc import Sequence, Set

from coach.adjustments import Adjustment
from coach.checkins import Activity, CheckinReading, LoggedCheckin, PainSite
from coach.load import session_load
from coach.safety import pain_advice, site_names
from coach.sessions import RUNNING_KINDS

_LOGGED = {
    Activity.HIKE: "Hike logged",
    Activity.RUN: "Run logged",
    Activity.STRENGTH: "Strength session logged",
    Activity.WALK: "Walk logged",
    Activity.OTHER: "Session logged",
}
_SKIPPED = {
    Activity.HIKE: "the hike",
    Activity.RUN: "the run",
    Activity.STRENGTH: "the strength session",
    Activity.WALK: "the walk",
}


def skipped_reply(checkin: CheckinReading) -> str:
    """A kind word for a skipped session, making clear nothing is owed later."""
    what = _SKIPPED.get(checkin.activity, "this one") if checkin.activity else "this one"
    return (
        f"No problem, we'll let {what} go. Missed sessions aren't made up later: "
        "just carry on with the next one as planned."
    )


def checkin_feedback(
    checkin: CheckinReading,
    adjustments: Sequence[Adjustment] = (),
    injury: Set[PainSite] = frozenset(),
    cleared: Set[PainSite] = frozenset(),
    *,
    headline: str | None = None,
) -> str:
    """The reply to a check-in: acknowledgement with its load (or `headline` in its place),
    any plan change and why, and pain advice. `injury` is the set of blocking pain sites open
    after this check-in, and `cleared` the sites this check-in closed.
    """
    if headline is None:
        headline = skipped_reply(checkin) if checkin.skipped else acknowledgement(checkin)
    parts = [headline]
    # While running is blocked, a change to another run would read as permission to run.
    shown = [a for a in adjustments if not (injury and a.to_kind in RUNNING_KINDS)]
    parts.extend(plan_change(adjustment) for adjustment in shown)
    parts.extend(_pain_lines(checkin, injury, cleared))
    return "\n\n".join(parts)


def acknowledgement(checkin: CheckinReading) -> str:
    """'Hike logged: 5 h, RPE 7, load 2100 (RPE × minutes). Nice work.' and the like."""
    if checkin.activity is Activity.REST:
        return "Rest day noted. Recovery is part of the training."
    facts = []
    if checkin.duration_min is not None:
        facts.append(duration_text(checkin.duration_min))
    if checkin.rpe is not None:
        estimated = isinstance(checkin, LoggedCheckin) and checkin.rpe_estimated
        facts.append(f"RPE about {checkin.rpe}" if estimated else f"RPE {checkin.rpe}")
    load = _load(checkin)
    if load is not None:
        facts.append(f"load {load} (RPE × minutes)")
    label = _LOGGED.get(checkin.activity, "Logged") if checkin.activity else "Logged"
    return f"{label}: {', '.join(facts)}. Nice work." if facts else f"{label}. Nice work."


def plan_change(adjustment: Adjustment) -> str:
    """One plan change as a line: the day, the new session and the reason."""
    day = adjustment.session_date
    return f"Change for {day:%A} {day.day} {day:%b}: {adjustment.title}. {adjustment.reason}"


def duration_text(minutes: int) -> str:
    """Minutes as a person says them: '45 min', '5 h', '4 h 30 min'."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def _pain_lines(
    checkin: CheckinReading, injury: Set[PainSite], cleared: Set[PainSite]
) -> list[str]:
    lines = []
    advice = pain_advice(checkin.pain)
    if advice:
        lines.append(advice)
    still = set(injury) - set(checkin.pain)
    if cleared and still:
        lines.append(
            f"Good news about the {site_names(cleared)}. Still no running until the "
            f"{site_names(still)} pain has gone too: tell me when it has."
        )
    elif still:
        lines.append(
            f"Still no running until the {site_names(still)} pain has gone: tell me when it has."
        )
    elif cleared and not injury:
        lines.append("Glad the pain has gone! Running is back on: ease in gently.")
    return lines


def _load(checkin: CheckinReading) -> int | None:
    if checkin.skipped:
        return None
    if isinstance(checkin, LoggedCheckin) and checkin.load is not None:
        return checkin.load
    return session_load(checkin.rpe, checkin.duration_min)
