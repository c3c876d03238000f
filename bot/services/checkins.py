"""Check-ins: log one (typed, from a reminder button or a file), rate it, take it back; and
what follows from each: the load, injuries opened and cleared, the plan's adjustments."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from bot.services.plans import planned_kinds, recent_history
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
from coach.safety import injury_changes


class CheckinOutcome(BaseModel):
    """A stored check-in and what it changed."""

    model_config = ConfigDict(frozen=True)

    checkin: LoggedCheckin
    adjustments: tuple[Adjustment, ...] = ()
    opened: tuple[PainSite, ...] = ()  # injuries this check-in reported
    cleared: tuple[PainSite, ...] = ()  # injuries this check-in closed
    injury: frozenset[PainSite] = frozenset()  # every injury open afterwards

    @property
    def asks_for_rpe(self) -> bool:
        """The RPE was estimated, so the athlete is offered to give their own."""
        return self.checkin.rpe_estimated and self.checkin.id is not None


class RemovedCheckin(BaseModel):
    model_config = ConfigDict(frozen=True)

    checkin: LoggedCheckin
    reopened: tuple[PainSite, ...] = ()  # injuries it had cleared, open again


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
    rpe, estimated = reading.rpe, False
    if rpe is None and _rateable(reading):
        planned = planned_kinds(athlete)(reading.date)
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
    injury = (before | set(change.opened)) - set(change.cleared)
    return CheckinOutcome(
        checkin=stored,
        adjustments=tuple(_replan(uow, athlete, stored, today)),
        opened=change.opened,
        cleared=change.cleared,
        injury=frozenset(injury),
    )


def rate_checkin(
    uow: UnitOfWork, athlete: Athlete, checkin_id: int, rpe: int, today: dt.date
) -> CheckinOutcome | None:
    """Give a stored check-in the athlete's own RPE (1–10) and replan from it; None when the
    check-in is not theirs or no longer exists."""
    if not 1 <= rpe <= 10:
        raise ValueError(f"RPE must be between 1 and 10, not {rpe}")
    logged = uow.checkins.get(athlete.user_id, checkin_id)
    if logged is None:
        return None
    logged = uow.checkins.update(
        athlete.user_id,
        logged.model_copy(
            update={
                "rpe": rpe,
                "rpe_estimated": False,
                "load": None if logged.skipped else session_load(rpe, logged.duration_min),
            }
        ),
    )
    injury = {injury.site for injury in uow.injuries.open(athlete.user_id)}
    return CheckinOutcome(
        checkin=logged,
        adjustments=tuple(_replan(uow, athlete, logged, today)),
        injury=frozenset(injury),
    )


def remove_checkin(uow: UnitOfWork, athlete: Athlete, checkin_id: int) -> RemovedCheckin | None:
    """Delete a check-in and everything that followed from it: the adjustments it caused and
    the injuries it reported go with it, and the injuries it cleared are open again."""
    logged = uow.checkins.get(athlete.user_id, checkin_id)
    if logged is None:
        return None
    reopened = uow.injuries.reopen_cleared_by(athlete.user_id, checkin_id)
    uow.checkins.delete(athlete.user_id, checkin_id)
    return RemovedCheckin(checkin=logged, reopened=tuple(reopened))


def undo_last_checkin(uow: UnitOfWork, athlete: Athlete) -> RemovedCheckin | None:
    """Take back the check-in received last, whatever it came from."""
    latest = uow.checkins.latest(athlete.user_id)
    if latest is None or latest.id is None:
        return None
    return remove_checkin(uow, athlete, latest.id)


def _replan(
    uow: UnitOfWork, athlete: Athlete, logged: LoggedCheckin, today: dt.date
) -> list[Adjustment]:
    """Make the plan's adjustments from `logged` what its reading calls for now."""
    assert logged.id is not None
    adjustments: list[Adjustment] = []
    if athlete.start_date is not None:
        history = recent_history(uow, athlete.user_id, today)
        adjustments = adjustments_after_checkin(logged, history, athlete.start_date, today=today)
    return uow.adjustments.replace_for_checkin(athlete.user_id, logged.id, adjustments)


def _rateable(reading: CheckinReading) -> bool:
    """A session that happened, so an effort rating means something."""
    return not reading.skipped and reading.activity not in (None, Activity.REST)
