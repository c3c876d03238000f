"""How the plan adapts: a hard weekend hike scales back Thursday, and what the athlete is shown.

Adjustments are data (stored by the bot, keyed by the check-in that caused them), so deleting a
check-in and its adjustments restores the plan. The safety rules (injury, 10% cap) are not
stored: `effective_session` applies them fresh from the check-in history every time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence, Set
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from coach.checkins import LoggedCheckin, PainSite
from coach.load import checkin_load, is_weekend_hike, longest_run, previous_long_hike_loads
from coach.programme import session_on
from coach.safety import capped_run, site_names, without_running
from coach.sessions import Session, SessionKind
from coach.templates import CUE_DESCENT, CUE_PAIN, CUE_TALK

HARD_RPE = 8
EXTREME_RPE = 10
HARD_LOAD_PERCENT = 30
EXTREME_LOAD_PERCENT = 60
THURSDAY = 3


class Adjustment(BaseModel):
    """One change to one planned session, with the reason the athlete is shown."""

    model_config = ConfigDict(frozen=True)

    session_date: dt.date
    from_kind: SessionKind
    to_kind: SessionKind
    minutes_min: int | None
    minutes_max: int | None
    title: str
    details: str
    reason: str
    checkin_id: int | None = None

    @model_validator(mode="after")
    def _minutes_in_order(self) -> Adjustment:
        if (
            self.minutes_min is not None
            and self.minutes_max is not None
            and self.minutes_min > self.minutes_max
        ):
            raise ValueError("minutes_min must not exceed minutes_max")
        return self


class HikeLevel(StrEnum):
    EASY = "easy"
    HARD = "hard"
    EXTREME = "extreme"


class HikeRating(BaseModel):
    """How hard a weekend hike was, and the short phrase that says why (for the reason text)."""

    model_config = ConfigDict(frozen=True)

    level: HikeLevel
    because: str = ""


def rate_hike(hike: LoggedCheckin, history: Iterable[LoggedCheckin]) -> HikeRating:
    """Rate a weekend hike against the athlete's long hikes of the 4 weekends before it.

    Particularly hard: RPE 8 or more, pain, "hard" in the athlete's words, or a load more than
    30% above their recent average. Extreme: RPE 10, hard together with pain, or a load more
    than 60% above average. The load test needs at least one earlier long hike.
    """
    earlier = previous_long_hike_loads(history, hike.date)
    load = checkin_load(hike)
    rpe = hike.rpe or 0
    strained = rpe >= HARD_RPE or hike.hard
    pain = f"{site_names(hike.pain)} pain"
    extra = f"about {_percent_above(load, earlier)}% more load than your recent long hikes"
    if rpe >= EXTREME_RPE:
        return HikeRating(level=HikeLevel.EXTREME, because=f"RPE {rpe}")
    if strained and hike.pain:
        return HikeRating(level=HikeLevel.EXTREME, because=f"hard going plus {pain}")
    if _exceeds(load, earlier, EXTREME_LOAD_PERCENT):
        return HikeRating(level=HikeLevel.EXTREME, because=extra)
    if rpe >= HARD_RPE:
        return HikeRating(level=HikeLevel.HARD, because=f"RPE {rpe}")
    if hike.pain:
        return HikeRating(level=HikeLevel.HARD, because=pain)
    if _exceeds(load, earlier, HARD_LOAD_PERCENT):
        return HikeRating(level=HikeLevel.HARD, because=extra)
    if hike.hard:
        return HikeRating(level=HikeLevel.HARD, because="you said it was hard")
    return HikeRating(level=HikeLevel.EASY)


def next_thursday(after: dt.date) -> dt.date:
    """The first Thursday strictly after `after`."""
    return after + dt.timedelta(days=(THURSDAY - after.weekday() - 1) % 7 + 1)


def adjustments_after_checkin(
    checkin: LoggedCheckin,
    history: Sequence[LoggedCheckin],
    start: dt.date,
    *,
    today: dt.date | None = None,
) -> list[Adjustment]:
    """What a new check-in changes in the plan: a particularly hard weekend hike scales back the
    coming Thursday. Nothing else adds or moves sessions, so a skip is never made up later.

    No adjustment for a Thursday before the start or, when `today` is given, one already past.
    After week 12 the maintenance Thursday (hill repeats) is scaled back like weeks 9–12.
    """
    if not is_weekend_hike(checkin):
        return []
    thursday = next_thursday(checkin.date)
    if thursday < start or (today is not None and thursday < today):
        return []
    others = [c for c in history if c is not checkin and (c.id is None or c.id != checkin.id)]
    rating = rate_hike(checkin, others)
    if rating.level is HikeLevel.EASY:
        return []
    planned = session_on(start, thursday)
    day = checkin.date.strftime("%A")
    if planned.kind is SessionKind.HILL_REPEATS and rating.level is HikeLevel.EXTREME:
        adjustment = _easy_run_instead(thursday, day, rating)
    elif planned.kind is SessionKind.HILL_REPEATS:
        adjustment = _fewer_hill_repeats(thursday, day, rating)
    elif planned.kind is SessionKind.RUN_WALK:
        adjustment = _short_walk_instead(thursday, day, rating)
    else:
        return []
    return [adjustment.model_copy(update={"checkin_id": checkin.id})]


def adjustment_for(stored: Iterable[Adjustment], session: Session) -> Adjustment | None:
    """The stored adjustment that applies to `session`, the gentlest if several do.

    Only adjustments made for the session actually planned that day count, so one left over
    from before a pause moved the start date does not change a different session.
    """
    matching = [
        a for a in stored if a.session_date == session.date and a.from_kind is session.kind
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


def effective_session(
    start: dt.date,
    on: dt.date,
    history: Sequence[LoggedCheckin],
    stored: Sequence[Adjustment],
    today: dt.date,
    injury: Set[PainSite] = frozenset(),
) -> Session:
    """The session to show for `on`: the programme's, reshaped by a stored adjustment, then with
    running removed while `injury` (the blocking pain sites open today) holds, then with runs
    capped at 10% over the longest run of the 30 days before `on`.

    Only check-ins dated up to `today` count. The injury is the one open today, also for other
    dates, because it is all we know; the cap looks at the 30 days before the session itself.
    """
    session = session_on(start, on)
    adjustment = adjustment_for(stored, session)
    if adjustment is not None:
        session = apply_adjustment(session, adjustment)
    known = [c for c in history if c.date <= today]
    session = without_running(session, set(injury))
    return capped_run(session, longest_run(known, on - dt.timedelta(days=1)))


def effective_week(
    start: dt.date,
    week: int,
    history: Sequence[LoggedCheckin],
    stored: Sequence[Adjustment],
    today: dt.date,
    injury: Set[PainSite] = frozenset(),
) -> list[Session]:
    """The seven effective sessions of week `week` (past 12 means maintenance), in date order."""
    if week < 1:
        raise ValueError(f"week must be 1 or more, not {week}")
    first = start + dt.timedelta(days=(week - 1) * 7)
    days = (first + dt.timedelta(days=i) for i in range(7))
    return [effective_session(start, day, history, stored, today, injury) for day in days]


def _fewer_hill_repeats(thursday: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=thursday,
        from_kind=SessionKind.HILL_REPEATS,
        to_kind=SessionKind.HILL_REPEATS,
        minutes_min=30,
        minutes_max=30,
        title="Shorter hill repeats",
        details="30 minutes in all. After an easy warm-up, run 4–6 efforts of 20 seconds up a "
        "steep grade and walk back down to recover. Stop early if your legs still feel the "
        "weekend.",
        reason=f"Your {day} hike was a hard one ({rating.because}), so Thursday's hill repeats "
        "are fewer and shorter. Recovery is where the hike pays off.",
    )


def _easy_run_instead(thursday: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=thursday,
        from_kind=SessionKind.HILL_REPEATS,
        to_kind=SessionKind.EASY_RUN,
        minutes_min=30,
        minutes_max=40,
        title="Easy Zone 2 run",
        details="30–40 minutes at conversational pace (Zone 2) on gentle trail. No hard efforts "
        "this week.",
        reason=f"Your {day} hike was very hard ({rating.because}), so Thursday is an easy run "
        "with no hill efforts. The hike already did this week's hard work.",
    )


def _short_walk_instead(thursday: dt.date, day: str, rating: HikeRating) -> Adjustment:
    return Adjustment(
        session_date=thursday,
        from_kind=SessionKind.RUN_WALK,
        to_kind=SessionKind.EASY_WALK,
        minutes_min=30,
        minutes_max=30,
        title="Short easy walk",
        details="About 30 minutes of relaxed walking, no running this time.",
        reason=f"Your {day} hike was a hard one ({rating.because}), so Thursday is a short easy "
        "walk instead of the run, to give your legs time to recover.",
    )


def _exceeds(load: int | None, earlier: list[int], percent: int) -> bool:
    # Integer maths, so exactly 30% above the average is not "more than 30%".
    if load is None or not earlier:
        return False
    return load * len(earlier) * 100 > sum(earlier) * (100 + percent)


def _percent_above(load: int | None, earlier: list[int]) -> int:
    if load is None or not earlier or not sum(earlier):
        return 0
    return round((load * len(earlier) / sum(earlier) - 1) * 100)


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
