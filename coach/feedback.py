"""What the coach says right after a check-in: short, plain text, phone-sized, never guilt."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence, Set

from coach.adjustments import Adjustment
from coach.checkins import Activity, CheckinReading, LoggedCheckin, PainSite
from coach.load import session_load
from coach.safety import pain_advice, site_names
from coach.sessions import RUNNING_KINDS, SessionKind, duration_text

# An easy run this hard means the hiking effort came along: the guide's first lesson.
EASY_RUN_TOO_HARD_RPE = 7
EASY_RUN_KINDS = frozenset({SessionKind.RUN_WALK, SessionKind.EASY_RUN})
# The guide: most hikers notice uphills getting easier within 6–8 weeks.
PAYOFF_WEEK = 6
HARD_GOING_RPE = 8

_LOGGED = {
    Activity.HIKE: "Hike logged",
    Activity.RUN: "Run logged",
    Activity.STRENGTH: "Strength session logged",
    Activity.WALK: "Walk logged",
    Activity.OTHER: "Cross-training logged",
}
_SKIPPED = {
    Activity.HIKE: "the hike",
    Activity.RUN: "the run",
    Activity.STRENGTH: "the strength session",
    Activity.WALK: "the walk",
}


# The planned session a skip leaves out, and the activity it is done as.
_PLANNED = {
    SessionKind.RUN_WALK: ("the run", Activity.RUN),
    SessionKind.EASY_RUN: ("the run", Activity.RUN),
    SessionKind.HILL_REPEATS: ("the hill session", Activity.RUN),
    SessionKind.STRENGTH: ("the strength session", Activity.STRENGTH),
    SessionKind.LONG_HIKE: ("the long hike", Activity.HIKE),
    SessionKind.RECOVERY_HIKE: ("the recovery hike", Activity.HIKE),
}
_NOT_OWED = "Missed sessions aren't made up later: just carry on with the next one as planned."


def skipped_reply(checkin: CheckinReading, planned: SessionKind | None = None) -> str:
    """A kind word for a skipped session, making clear nothing is owed later; what was done in
    its place ("45 min walk instead of the run") is acknowledged as logged."""
    name, done_as = _PLANNED.get(planned, (None, None)) if planned is not None else (None, None)
    if name and checkin.activity not in (None, Activity.REST, done_as):
        label = _LOGGED.get(checkin.activity, "Logged") if checkin.activity else "Logged"
        length = f" ({duration_text(checkin.duration_min)})" if checkin.duration_min else ""
        return f"{label}{length} in place of {name}. That's fine. {_NOT_OWED}"
    what = _SKIPPED.get(checkin.activity, "this one") if checkin.activity else "this one"
    return f"No problem, we'll let {what} go. {_NOT_OWED}"


NOTED = "Noted, thanks for telling me."


def checkin_feedback(
    checkin: CheckinReading,
    adjustments: Sequence[Adjustment] = (),
    injury: Set[PainSite] = frozenset(),
    cleared: Set[PainSite] = frozenset(),
    *,
    planned: SessionKind | None = None,
    week: int | None = None,
    earlier: Iterable[LoggedCheckin] = (),
    headline: str | None = None,
) -> str:
    """The reply to a check-in: acknowledgement with its load (or `headline` in its place), a
    word on effort or progress, any plan change and why, and pain advice. `injury` is the set
    of blocking pain sites open after this check-in, `cleared` the sites this check-in closed,
    `planned` the session kind planned that day, `week` the programme week and `earlier` the
    check-ins before it.
    """
    lesson = _effort_lesson(checkin, planned)
    if headline is None:
        headline = (
            skipped_reply(checkin, planned)
            if checkin.skipped
            else acknowledgement(checkin, praise=not lesson)
        )
    pain_lines = _pain_lines(checkin, injury, cleared)
    # "knee feels fine now" reports no session: the pain news is the whole reply.
    if checkin.news_only:
        headline = "" if pain_lines else NOTED
    parts = [headline] if headline else []
    if not checkin.skipped and not checkin.pain and not checkin.illness:
        parts.extend(lesson)
        parts.extend(_progress(checkin, week, earlier))
    # While running is blocked, a change to another run would read as permission to run.
    shown = [a for a in adjustments if not (injury and a.to_kind in RUNNING_KINDS)]
    parts.extend(plan_change(adjustment) for adjustment in shown)
    parts.extend(pain_lines)
    return "\n\n".join(parts)


def acknowledgement(checkin: CheckinReading, *, praise: bool = True) -> str:
    """'Hike logged: 5 h, RPE 7, load 2,100 (RPE × minutes). Nice work.' and the like; no praise
    after pain or illness (nor when `praise` is off), a tough one after RPE 8 or more."""
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
        facts.append(f"load {load:,} (RPE × minutes)")
    label = _LOGGED.get(checkin.activity, "Logged") if checkin.activity else "Logged"
    logged = f"{label}: {', '.join(facts)}." if facts else f"{label}."
    if checkin.pain or checkin.illness or not praise:
        return logged
    if (checkin.rpe or 0) >= HARD_GOING_RPE:
        return f"{logged} A tough one: well done for getting through it."
    return f"{logged} Nice work."


def plan_change(adjustment: Adjustment) -> str:
    """One plan change as a line: the day, the new session and the reason."""
    day = adjustment.session_date
    return f"Change for {day:%A} {day.day} {day:%b}: {adjustment.title}. {adjustment.reason}"


def _effort_lesson(checkin: CheckinReading, planned: SessionKind | None) -> list[str]:
    """An easy run at RPE 7 or more: slow down at the start, walk the climbs."""
    if checkin.activity is not Activity.RUN or (checkin.rpe or 0) < EASY_RUN_TOO_HARD_RPE:
        return []
    if checkin.skipped or checkin.pain:
        return []
    if planned is not None and planned not in EASY_RUN_KINDS:
        return []
    return [
        f"RPE {checkin.rpe} is a lot for an easy run. Next time start much slower than feels "
        "right and walk the climbs: hiking effort at running speed is the classic trap."
    ]


_UPHILL = r"(?:up-?hills?|climbs?|climbing|hills?|ascents?|inclines?)"
_EASIER = r"(?:easier|better|stronger|a breeze|less (?:hard|tough))"
_UPHILL_EASIER = re.compile(
    rf"\b{_UPHILL}\b[^.!?]{{0,30}}(?<!not )(?<!n't )\b{_EASIER}\b"
    rf"|\b{_EASIER}\b[^.!?]{{0,20}}\b(?:on|up)\s+(?:the\s+)?{_UPHILL}\b",
    re.IGNORECASE,
)


def _progress(
    checkin: CheckinReading, week: int | None, earlier: Iterable[LoggedCheckin]
) -> list[str]:
    """Praise that notices progress: uphills getting easier, the longest run or hike yet."""
    lines = []
    text = checkin.raw_text if isinstance(checkin, LoggedCheckin) else ""
    if _UPHILL_EASIER.search(text):
        if week is not None and week >= PAYOFF_WEEK:
            lines.append(
                f"Uphills getting easier in week {week}: that's exactly the payoff the running "
                "is there for. Your climbing engine is growing."
            )
        else:
            lines.append("Uphills feeling easier already? A great early sign. Keep it easy.")
    before = [
        c.duration_min
        for c in earlier
        if c.activity is checkin.activity and not c.skipped and c.duration_min
    ]
    longer = checkin.duration_min is not None and before and checkin.duration_min > max(before)
    if longer and checkin.activity in (Activity.RUN, Activity.HIKE):
        what = "run" if checkin.activity is Activity.RUN else "hike"
        lines.append(f"That's your longest {what} so far.")
    return lines


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
        lines.append(
            "Glad the pain has gone! Running is back on, gently: this first week your runs "
            "are run-walk (5 min easy running, 3 min walking), then your normal runs return."
        )
    return lines


def _load(checkin: CheckinReading) -> int | None:
    if checkin.skipped:
        return None
    if isinstance(checkin, LoggedCheckin) and checkin.load is not None:
        return checkin.load
    return session_load(checkin.rpe, checkin.duration_min)
