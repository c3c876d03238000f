"""How the plan adapts: a particularly hard long hike scales back the session after next (the
guide's "scale back Thursday"), sessions the athlete moves, and what the athlete is shown.

Adjustments are data, stored by the bot with their cause: a check-in (the hard-hike rule, gone
with the check-in) or a move the athlete asked for. Deleting one restores the plan. The safety
rules (injury, the first week back, the 10% cap) are not stored: `effective_session` applies
them fresh from the check-ins and injuries every time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from coach.checkins import LoggedCheckin
from coach.load import effort_load, is_weekend_hike, longest_run, weekend_of
from coach.programme import programme_day, programme_week, session_on, week_dates
from coach.safety import (
    Injury,
    capped_run,
    first_week_back,
    injury_time,
    open_sites,
    site_names,
    without_running,
)
from coach.schedule import THU, Schedule
from coach.sessions import Session, SessionKind, duration_text
from coach.templates import CUE_DESCENT, CUE_PAIN, CUE_TALK

HARD_RPE = 8
EXTREME_RPE = 10
HARD_LOAD_PERCENT = 30
EXTREME_LOAD_PERCENT = 60
# The guide's long hike: 4–7 h at a moderate effort. Inside it at RPE 7 or less, with no pain,
# a long hike is what the plan asked for, whatever the averages say.
GUIDE_HIKE_MINUTES = (240, 420)
MODERATE_RPE = 6
NORMAL_RPE = 7
# Recent full long hikes are compared with: the 4 weekends before, at least 2 of them.
REFERENCE_WEEKENDS = 4
MIN_REFERENCE_HIKES = 2


class AdjustmentCause(StrEnum):
    """Why a session changed: the hard-hike rule after a check-in, or the athlete's move."""

    CHECKIN = "checkin"
    MOVE = "move"


class Adjustment(BaseModel):
    """One change to one planned session, with the reason the athlete is shown.

    A check-in's adjustment reshapes the session planned on `session_date` (the programme's
    date for it, so it follows the session if the athlete moves it). A move swaps the sessions
    of `session_date` (`from_kind`, the one moved) and `moved_to` (`to_kind`, the one that
    comes back in its place)."""

    model_config = ConfigDict(frozen=True)

    session_date: dt.date
    from_kind: SessionKind
    to_kind: SessionKind
    minutes_min: int | None
    minutes_max: int | None
    title: str
    details: str
    reason: str
    cause: AdjustmentCause = AdjustmentCause.CHECKIN
    checkin_id: int | None = None
    moved_to: dt.date | None = None
    id: int | None = None
    created_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Adjustment:
        if (
            self.minutes_min is not None
            and self.minutes_max is not None
            and self.minutes_min > self.minutes_max
        ):
            raise ValueError("minutes_min must not exceed minutes_max")
        if (self.cause is AdjustmentCause.MOVE) != (self.moved_to is not None):
            raise ValueError("a move, and only a move, has a day it moved to")
        return self


class AthletePlan(BaseModel):
    """Everything one athlete's plan is made from: the schedule, the check-ins (the recent
    ones), the stored adjustments, every injury (open and cleared) and today's date."""

    model_config = ConfigDict(frozen=True)

    schedule: Schedule
    history: tuple[LoggedCheckin, ...] = ()
    adjustments: tuple[Adjustment, ...] = ()
    injuries: tuple[Injury, ...] = ()
    today: dt.date

    @property
    def moves(self) -> list[Adjustment]:
        return [a for a in self.adjustments if a.cause is AdjustmentCause.MOVE]

    @property
    def changes(self) -> list[Adjustment]:
        return [a for a in self.adjustments if a.cause is AdjustmentCause.CHECKIN]

    def with_adjustments(self, adjustments: Iterable[Adjustment]) -> AthletePlan:
        return self.model_copy(update={"adjustments": tuple(adjustments)})


class HikeLevel(StrEnum):
    EASY = "easy"
    HARD = "hard"
    EXTREME = "extreme"


class HikeRating(BaseModel):
    """How hard a weekend hike was, and the short phrase that says why (for the reason text)."""

    model_config = ConfigDict(frozen=True)

    level: HikeLevel
    because: str = ""


class HikeReference(BaseModel):
    """What a long hike is compared with: the athlete's recent full long hikes, or, with too
    few of them, the guide's 4–7 h at a moderate effort."""

    model_config = ConfigDict(frozen=True)

    effort_load: int
    minutes: int
    from_guide: bool


GUIDE_REFERENCE = HikeReference(
    effort_load=sum(GUIDE_HIKE_MINUTES) // 2 * MODERATE_RPE,
    minutes=sum(GUIDE_HIKE_MINUTES) // 2,
    from_guide=True,
)


def is_full_long_hike(
    checkin: LoggedCheckin, schedule: Schedule, injuries: Sequence[Injury] = ()
) -> bool:
    """A long hike to compare with: done on the athlete's weekend, at least the guide's 4 h,
    without pain and outside any injury (so not a shortened, cautious or recovery hike)."""
    return (
        is_weekend_hike(checkin, schedule)
        and not checkin.pain
        and (checkin.duration_min or 0) >= GUIDE_HIKE_MINUTES[0]
        and effort_load(checkin) is not None
        and not injury_time(injuries, checkin.date)
    )


def hike_reference(
    history: Iterable[LoggedCheckin],
    on: dt.date,
    schedule: Schedule,
    injuries: Sequence[Injury] = (),
) -> HikeReference:
    """The athlete's recent full long hikes (the biggest of each of the 4 weekends before
    `on`'s), averaged; the guide's 4–7 h at a moderate effort with fewer than 2 of them."""
    this_weekend = weekend_of(on, schedule)
    first = this_weekend - dt.timedelta(days=7 * REFERENCE_WEEKENDS)
    biggest: dict[dt.date, tuple[int, int]] = {}
    for checkin in history:
        weekend = weekend_of(checkin.date, schedule)
        if not first <= weekend < this_weekend:
            continue
        if not is_full_long_hike(checkin, schedule, injuries):
            continue
        load, minutes = effort_load(checkin) or 0, checkin.duration_min or 0
        biggest[weekend] = max((load, minutes), biggest.get(weekend, (0, 0)))
    if len(biggest) < MIN_REFERENCE_HIKES:
        return GUIDE_REFERENCE
    loads = [load for load, _ in biggest.values()]
    minutes = [minutes for _, minutes in biggest.values()]
    return HikeReference(
        effort_load=round(sum(loads) / len(loads)),
        minutes=round(sum(minutes) / len(minutes)),
        from_guide=False,
    )


def rate_hike(
    hike: LoggedCheckin,
    history: Iterable[LoggedCheckin],
    schedule: Schedule,
    injuries: Sequence[Injury] = (),
) -> HikeRating:
    """Rate a weekend hike, comparing like with like.

    Particularly hard: RPE 8 or more, pain, an effort load (RPE × minutes with climb and pack)
    more than 30% above the reference (`hike_reference`), or "hard" in the athlete's words.
    Extreme: RPE 10, hard together with pain, or more than 60% above. A hike inside the guide's
    4–7 h at RPE 7 or less with no pain is normal whatever the comparison says.
    """
    history = list(history)
    rpe = hike.rpe or 0
    strained = rpe >= HARD_RPE or hike.hard
    pain = f"{site_names(hike.pain)} pain"
    if rpe >= EXTREME_RPE:
        return HikeRating(level=HikeLevel.EXTREME, because=f"RPE {rpe}")
    if strained and hike.pain:
        return HikeRating(level=HikeLevel.EXTREME, because=f"hard going plus {pain}")
    if rpe >= HARD_RPE:
        return HikeRating(level=HikeLevel.HARD, because=f"RPE {rpe}")
    if hike.pain:
        return HikeRating(level=HikeLevel.HARD, because=pain)
    if _as_prescribed(hike):
        return HikeRating(level=HikeLevel.EASY)
    reference = hike_reference(history, hike.date, schedule, injuries)
    load = effort_load(hike)
    if _exceeds(load, reference.effort_load, EXTREME_LOAD_PERCENT):
        return HikeRating(level=HikeLevel.EXTREME, because=big_day(hike, history, reference))
    if _exceeds(load, reference.effort_load, HARD_LOAD_PERCENT):
        return HikeRating(level=HikeLevel.HARD, because=big_day(hike, history, reference))
    if hike.hard:
        return HikeRating(level=HikeLevel.HARD, because="you said it was hard")
    return HikeRating(level=HikeLevel.EASY)


def big_day(
    hike: LoggedCheckin, history: Iterable[LoggedCheckin], reference: HikeReference
) -> str:
    """What made a hike big, in plain words: '8 h with 1,400 m of climb, your longest so far'."""
    extras = []
    if hike.climb_m:
        extras.append(f"{hike.climb_m:,} m of climb")
    if hike.pack_kg:
        extras.append(f"a {hike.pack_kg:g} kg pack")
    what = duration_text(hike.duration_min) if hike.duration_min else "a big day"
    if extras:
        what = f"{what} with {' and '.join(extras)}"
    earlier = [
        c.duration_min
        for c in history
        if c.activity is hike.activity and not c.skipped and c.duration_min and c.date < hike.date
    ]
    if hike.duration_min and earlier and hike.duration_min > max(earlier):
        return f"{what}, your longest so far"
    if reference.from_guide:
        return f"{what}, more than the guide's 4–7 h at a moderate effort"
    usual = duration_text(round(reference.minutes / 30) * 30)
    return f"{what}, a bigger day than your usual long hike (about {usual})"


def adjustments_after_checkin(
    checkin: LoggedCheckin,
    history: Sequence[LoggedCheckin],
    schedule: Schedule,
    *,
    today: dt.date | None = None,
    injuries: Sequence[Injury] = (),
) -> list[Adjustment]:
    """What a new check-in changes in the plan: a particularly hard weekend hike scales back the
    session after next, the mostly-walking one (hill repeats from week 9), on the day that plays
    the guide's Thursday. Nothing else adds or moves sessions, so a skip is never made up later.

    Nothing for a session before the start or, when `today` is given, one already past. After
    week 12 the maintenance hill repeats are scaled back like weeks 9–12.
    """
    if not is_weekend_hike(checkin, schedule):
        return []
    target = schedule.next_playing(THU, checkin.date)
    if programme_day(schedule, target) < 1 or (today is not None and target < today):
        return []
    others = [c for c in history if c is not checkin and (c.id is None or c.id != checkin.id)]
    rating = rate_hike(checkin, others, schedule, injuries)
    if rating.level is HikeLevel.EASY:
        return []
    planned = session_on(schedule, target)
    day = checkin.date.strftime("%A")
    if planned.kind is SessionKind.HILL_REPEATS and rating.level is HikeLevel.EXTREME:
        adjustment = _easy_run_instead(target, day, rating)
    elif planned.kind is SessionKind.HILL_REPEATS:
        adjustment = _fewer_hill_repeats(target, day, rating)
    elif planned.kind is SessionKind.RUN_WALK:
        adjustment = _short_walk_instead(target, day, rating)
    else:
        return []
    return [adjustment.model_copy(update={"checkin_id": checkin.id})]


def adjustment_for(stored: Iterable[Adjustment], session: Session) -> Adjustment | None:
    """The stored check-in adjustment that applies to `session`, the gentlest if several do.

    Only adjustments made for the session actually planned that day count, so one left over
    from before a pause moved the start date does not change a different session.
    """
    matching = [
        a
        for a in stored
        if a.cause is AdjustmentCause.CHECKIN
        and a.session_date == session.date
        and a.from_kind is session.kind
    ]
    return min(matching, key=_gentleness, default=None)


def apply_adjustment(session: Session, adjustment: Adjustment) -> Session:
    """The session as the adjustment reshapes it, with the adjustment's reason attached."""
    return session.model_copy(
        update={
            "kind": adjustment.to_kind,
            "minutes_min": adjustment.minutes_min,
            "minutes_max": adjustment.minutes_max,
            "title": adjustment.title,
            "details": adjustment.details,
            "why": _WHY.get(adjustment.to_kind, session.why),
            "cues": _CUES.get(adjustment.to_kind, ()),
            "adjusted_reason": adjustment.reason,
        }
    )


def placement(plan: AthletePlan, week: int) -> dict[dt.date, dt.date]:
    """Where each session of programme week `week` sits after the athlete's moves: for each
    date, the programme date whose session is there. Moves are applied in the order they were
    made; one that no longer fits the programme (a pause moved the start, the long-hike day
    changed) is left out."""
    dates = week_dates(plan.schedule, week)
    placed = {day: day for day in dates}
    for move in sorted(plan.moves, key=_made_order):
        a, b = move.session_date, move.moved_to
        if a not in placed or b is None or b not in placed:
            continue
        kind_a = session_on(plan.schedule, placed[a]).kind
        kind_b = session_on(plan.schedule, placed[b]).kind
        if (kind_a, kind_b) != (move.from_kind, move.to_kind):
            continue
        placed[a], placed[b] = placed[b], placed[a]
    return placed


def planned_session(plan: AthletePlan, on: dt.date) -> Session:
    """The session planned for `on`: the programme's, moved where the athlete moved it and
    reshaped by a check-in's adjustment; no safety rules yet."""
    return planned_sessions(plan, [on])[on]


def planned_sessions(plan: AthletePlan, days: Iterable[dt.date]) -> dict[dt.date, Session]:
    """`planned_session` for many days at once (each week's moves worked out once); days
    before the start are left out."""
    placed: dict[int, dict[dt.date, dt.date]] = {}
    sessions = {}
    for day in days:
        if programme_day(plan.schedule, day) < 1:
            continue
        week = programme_week(plan.schedule, day)
        if week not in placed:
            placed[week] = placement(plan, week)
        sessions[day] = _placed_session(plan, day, placed[week].get(day, day))
    return sessions


def _placed_session(plan: AthletePlan, on: dt.date, source: dt.date) -> Session:
    session = session_on(plan.schedule, source)
    adjustment = adjustment_for(plan.changes, session)
    if adjustment is not None:
        session = apply_adjustment(session, adjustment)
    if source == on:
        return session
    moved = f"Moved here from {source:%A}, as you asked."
    reason = f"{session.adjusted_reason} {moved}" if session.adjusted_reason else moved
    return session.model_copy(update={"date": on, "adjusted_reason": reason})


def effective_session(plan: AthletePlan, on: dt.date) -> Session:
    """The session to show for `on`: the planned one (`planned_session`), then with running
    taken out and the long hike and strength made gentler while a blocking injury is open, then
    run-walk in the first week back, then runs capped at 10% over the longest run of the 30
    days before `on`.

    A day gone by shows what was planned for it then: the injuries open on that day. For today
    and later the injuries open today hold, because that is all we know. Only check-ins dated
    up to today count.
    """
    session = planned_session(plan, on)
    as_of = min(on, plan.today)
    blocked = open_sites(plan.injuries, as_of)
    if blocked:
        session = without_running(session, blocked)
    else:
        session = first_week_back(session, plan.injuries, as_of)
    known = [c for c in plan.history if c.date <= plan.today]
    return capped_run(session, longest_run(known, on - dt.timedelta(days=1)))


def effective_week(plan: AthletePlan, week: int) -> list[Session]:
    """The seven effective sessions of week `week` (past 12 means maintenance), in date order."""
    return [effective_session(plan, day) for day in week_dates(plan.schedule, week)]


def _fewer_hill_repeats(target: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=target,
        from_kind=SessionKind.HILL_REPEATS,
        to_kind=SessionKind.HILL_REPEATS,
        minutes_min=30,
        minutes_max=30,
        title="Shorter hill repeats",
        details="30 minutes in all. After an easy warm-up, run 4–6 efforts of 20 seconds up a "
        "steep grade and walk back down to recover. Stop early if your legs still feel the "
        "weekend.",
        reason=f"Your {day} hike was a hard one ({rating.because}), so {target:%A}'s hill "
        "repeats are fewer and shorter. Recovery is where the hike pays off.",
    )


def _easy_run_instead(target: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=target,
        from_kind=SessionKind.HILL_REPEATS,
        to_kind=SessionKind.EASY_RUN,
        minutes_min=30,
        minutes_max=40,
        title="Easy Zone 2 run",
        details="30–40 minutes at conversational pace (Zone 2) on gentle trail. No hard efforts "
        "this week.",
        reason=f"Your {day} hike was very hard ({rating.because}), so {target:%A} is an easy "
        "run with no hill efforts. The hike already did this week's hard work.",
    )


def _short_walk_instead(target: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=target,
        from_kind=SessionKind.RUN_WALK,
        to_kind=SessionKind.EASY_WALK,
        minutes_min=30,
        minutes_max=30,
        title="Short easy walk",
        details="About 30 minutes of relaxed walking, no running this time.",
        reason=f"Your {day} hike was a hard one ({rating.because}), so {target:%A} is a short "
        "easy walk instead of the run, to give your legs time to recover.",
    )


def _as_prescribed(hike: LoggedCheckin) -> bool:
    """Inside the guide's 4–7 h at RPE 7 or less: the long hike the plan asked for."""
    low, high = GUIDE_HIKE_MINUTES
    return (
        hike.rpe is not None
        and hike.rpe <= NORMAL_RPE
        and hike.duration_min is not None
        and low <= hike.duration_min <= high
    )


def _exceeds(load: int | None, reference: int, percent: int) -> bool:
    # Integer maths, so exactly 30% above the reference is not "more than 30%".
    if load is None or reference <= 0:
        return False
    return load * 100 > reference * (100 + percent)


def _made_order(adjustment: Adjustment) -> int:
    # Ids grow as rows are added; moves not stored yet keep the order they are given in.
    return adjustment.id or 0


_GENTLENESS = {
    SessionKind.REST: 0,
    SessionKind.EASY_WALK: 1,
    SessionKind.STRENGTH: 1,
    SessionKind.RECOVERY_HIKE: 2,
    SessionKind.RUN_WALK: 3,
    SessionKind.EASY_RUN: 4,
    SessionKind.HILL_REPEATS: 5,
    SessionKind.LONG_HIKE: 6,
}


def _gentleness(adjustment: Adjustment) -> tuple[int, int]:
    return (_GENTLENESS.get(adjustment.to_kind, len(_GENTLENESS)), adjustment.minutes_max or 0)


_WHY = {
    SessionKind.EASY_WALK: "Easy movement keeps you ticking over while your legs recover.",
    SessionKind.EASY_RUN: "Easy running keeps the habit going without adding to the load.",
    SessionKind.HILL_REPEATS: "A smaller dose keeps the uphill stimulus without digging into "
    "your recovery.",
}
_CUES: dict[SessionKind, tuple[str, ...]] = {
    SessionKind.EASY_RUN: (CUE_TALK, CUE_DESCENT, CUE_PAIN),
    SessionKind.HILL_REPEATS: ("The walk down is the recovery: take all of it.", CUE_PAIN),
    SessionKind.RUN_WALK: (CUE_DESCENT, CUE_PAIN),
}
