"""Check-ins: log one (typed, from a reminder button or a file), rate or correct it, take it
back; and what follows from each: the load, injuries opened and cleared, the plan's
adjustments, for it and for the check-ins after it that compared themselves with it."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from bot.services.plans import athlete_plan, planned_kinds, recent_history
from bot.services.unit_of_work import UnitOfWork
from coach.adjustments import Adjustment, adjustments_after_checkin
from coach.athletes import Athlete
from coach.checkins import (
    Activity,
    CheckinReading,
    CheckinSource,
    LoggedCheckin,
    PainSite,
    RecordedTrack,
    estimate_rpe,
)
from coach.load import session_load
from coach.programme import programme_day, programme_week
from coach.safety import injury_changes
from coach.sessions import SessionKind


class CheckinOutcome(BaseModel):
    """A stored check-in and what it changed, with what the coach's reply needs to know."""

    model_config = ConfigDict(frozen=True)

    checkin: LoggedCheckin
    adjustments: tuple[Adjustment, ...] = ()
    opened: tuple[PainSite, ...] = ()  # injuries this check-in reported
    cleared: tuple[PainSite, ...] = ()  # injuries this check-in closed
    injury: frozenset[PainSite] = frozenset()  # every injury open afterwards
    planned: SessionKind | None = None  # the session planned that day
    week: int | None = None  # its programme week
    earlier: tuple[LoggedCheckin, ...] = ()  # the recent check-ins before it

    @property
    def asks_for_rpe(self) -> bool:
        """The RPE was estimated, so the athlete is offered to give their own."""
        return self.checkin.rpe_estimated and self.checkin.id is not None


class RemovedCheckin(BaseModel):
    model_config = ConfigDict(frozen=True)

    checkin: LoggedCheckin
    reopened: tuple[PainSite, ...] = ()  # injuries it had cleared, open again


class UndoneMove(BaseModel):
    """A move taken back: the two days have their own sessions again."""

    model_config = ConfigDict(frozen=True)

    move: Adjustment


class Correction(BaseModel):
    """What the athlete corrects in a stored check-in; None leaves a field as it is."""

    model_config = ConfigDict(frozen=True)

    rpe: int | None = Field(default=None, ge=1, le=10)
    duration_min: int | None = Field(default=None, ge=1, le=24 * 60)
    activity: Activity | None = None


def log_checkin(
    uow: UnitOfWork,
    athlete: Athlete,
    reading: CheckinReading,
    *,
    raw_text: str,
    today: dt.date,
    source: CheckinSource = CheckinSource.TEXT,
    reminder_id: int | None = None,
    track: RecordedTrack | None = None,
) -> CheckinOutcome:
    """Store a check-in and replan from it. A missing RPE is estimated (and marked so) for a
    session that happened; illness is logged as a rest day."""
    if reading.illness:
        reading = reading.model_copy(
            update={"activity": Activity.REST, "skipped": False, "rpe": None, "hard": False}
        )
    planned = planned_kinds(uow, athlete)(reading.date)
    rpe, estimated = reading.rpe, False
    if rpe is None and _rateable(reading):
        rpe, estimated = estimate_rpe(reading, planned.value if planned else None), True
    stored = uow.checkins.add(
        athlete.user_id,
        LoggedCheckin(
            **reading.model_dump(exclude={"rpe"}),
            rpe=rpe,
            rpe_estimated=estimated,
            load=None if reading.skipped else session_load(rpe, reading.duration_min),
            raw_text=raw_text,
            source=source,
            reminder_id=reminder_id,
            track=track,
        ),
    )
    assert stored.id is not None
    before = {injury.site for injury in uow.injuries.open(athlete.user_id)}
    change = injury_changes(stored, before)
    for site in change.opened:
        uow.injuries.report(athlete.user_id, site, stored.date, stored.id)
    for site in change.cleared:
        uow.injuries.clear(athlete.user_id, site, stored.date, stored.id)
    return _outcome(uow, athlete, stored, today, opened=change.opened, cleared=change.cleared)


def correct_checkin(
    uow: UnitOfWork,
    athlete: Athlete,
    checkin_id: int,
    correction: Correction,
    today: dt.date,
) -> CheckinOutcome | None:
    """Correct a stored check-in's RPE, duration or activity (a skip given either of the first
    two happened after all); its load and everything that followed from it (its adjustments,
    and those of later hikes that compared themselves with it) follow the correction. None when
    the check-in is not theirs or no longer exists."""
    logged = uow.checkins.get(athlete.user_id, checkin_id)
    if logged is None:
        return None
    changes = correction.model_dump(exclude_none=True)
    corrected = logged.model_copy(update=changes)
    if correction.rpe is not None or correction.duration_min is not None:
        # An effort or a duration given for a skip says the session happened after all.
        corrected = corrected.model_copy(update={"skipped": False})
    if correction.rpe is not None:
        corrected = corrected.model_copy(update={"rpe_estimated": False})
    if corrected.activity is Activity.REST:
        corrected = corrected.model_copy(update={"rpe": None, "rpe_estimated": False})
    load = None if corrected.skipped else session_load(corrected.rpe, corrected.duration_min)
    stored = uow.checkins.update(athlete.user_id, corrected.model_copy(update={"load": load}))
    return _outcome(uow, athlete, stored, today)


def rate_checkin(
    uow: UnitOfWork, athlete: Athlete, checkin_id: int, rpe: int, today: dt.date
) -> CheckinOutcome | None:
    """Give a stored check-in the athlete's own RPE (1–10) and replan from it; None when the
    check-in is not theirs or no longer exists."""
    if not 1 <= rpe <= 10:
        raise ValueError(f"RPE must be between 1 and 10, not {rpe}")
    return correct_checkin(uow, athlete, checkin_id, Correction(rpe=rpe), today)


def remove_checkin(
    uow: UnitOfWork, athlete: Athlete, checkin_id: int, today: dt.date
) -> RemovedCheckin | None:
    """Delete a check-in and everything that followed from it: the adjustments it caused and
    the injuries it reported go with it, the injuries it cleared are open again, and later
    hikes that compared themselves with it are rated again."""
    logged = uow.checkins.get(athlete.user_id, checkin_id)
    if logged is None:
        return None
    reopened = uow.injuries.reopen_cleared_by(athlete.user_id, checkin_id)
    uow.checkins.delete(athlete.user_id, checkin_id)
    _replan_after(uow, athlete, logged.date, today, exclude=checkin_id)
    return RemovedCheckin(checkin=logged, reopened=tuple(reopened))


def undo_last_change(
    uow: UnitOfWork, athlete: Athlete, today: dt.date
) -> RemovedCheckin | UndoneMove | None:
    """Take back the latest change: the check-in received last, whatever it came from, or the
    move made last, whichever came later. None when there is nothing to take back."""
    latest = uow.checkins.latest(athlete.user_id)
    move = uow.adjustments.latest_move(athlete.user_id)
    move_is_latest = latest is None or (
        move is not None and _made_later(move.created_at, latest.created_at)
    )
    if move is not None and move.id is not None and move_is_latest:
        uow.adjustments.delete_move(athlete.user_id, move.id)
        return UndoneMove(move=move)
    if latest is None or latest.id is None:
        return None
    return remove_checkin(uow, athlete, latest.id, today)


def find_checkin(uow: UnitOfWork, athlete: Athlete, checkin_id: int) -> LoggedCheckin | None:
    """One of the athlete's check-ins; None when it is not theirs or no longer exists."""
    return uow.checkins.get(athlete.user_id, checkin_id)


def recent_checkins(
    uow: UnitOfWork, athlete: Athlete, today: dt.date, days: int = 7
) -> list[LoggedCheckin]:
    """The athlete's check-ins of the last `days` days (today included), newest first."""
    first = today - dt.timedelta(days=days - 1)
    found = uow.checkins.list_between(athlete.user_id, first, today)
    return sorted(found, key=lambda c: (c.date, c.id or 0), reverse=True)


def _outcome(
    uow: UnitOfWork,
    athlete: Athlete,
    stored: LoggedCheckin,
    today: dt.date,
    *,
    opened: tuple[PainSite, ...] = (),
    cleared: tuple[PainSite, ...] = (),
) -> CheckinOutcome:
    """Replan from `stored` and the check-ins after it; the outcome the reply is made from."""
    assert stored.id is not None
    history = recent_history(uow, athlete.user_id, today)
    adjustments = _replan_after(uow, athlete, stored.date, today, history=history)
    schedule = athlete.schedule
    in_programme = schedule is not None and programme_day(schedule, stored.date) >= 1
    return CheckinOutcome(
        checkin=stored,
        adjustments=tuple(adjustments.get(stored.id, [])),
        opened=opened,
        cleared=cleared,
        injury=frozenset(injury.site for injury in uow.injuries.open(athlete.user_id)),
        planned=planned_kinds(uow, athlete)(stored.date),
        week=programme_week(schedule, stored.date) if schedule and in_programme else None,
        earlier=tuple(c for c in history if c.id != stored.id and c.date <= stored.date),
    )


def _replan_after(
    uow: UnitOfWork,
    athlete: Athlete,
    first: dt.date,
    today: dt.date,
    *,
    history: list[LoggedCheckin] | None = None,
    exclude: int | None = None,
) -> dict[int, list[Adjustment]]:
    """Make the adjustments of every check-in dated `first` or later what the rules call for
    now; the ones for days already past stay as they were planned. By check-in id."""
    if athlete.start_date is None:
        return {}
    plan = athlete_plan(uow, athlete, today, history=history)
    made: dict[int, list[Adjustment]] = {}
    for checkin in plan.history:
        if checkin.id is None or checkin.id == exclude or checkin.date < first:
            continue
        adjustments = adjustments_after_checkin(
            checkin, plan.history, plan.schedule, today=today, injuries=plan.injuries
        )
        made[checkin.id] = uow.adjustments.replace_for_checkin(
            athlete.user_id, checkin.id, adjustments, from_date=today
        )
    return made


def _made_later(first: dt.datetime | None, second: dt.datetime | None) -> bool:
    if first is None or second is None:
        return first is not None
    return first >= second


def _rateable(reading: CheckinReading) -> bool:
    """A session that happened, so an effort rating means something."""
    return not reading.skipped and reading.activity not in (None, Activity.REST)
