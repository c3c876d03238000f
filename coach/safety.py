"""Injury and overload safety: no running on a blocking injury, no run much longer than before.

The coach never prescribes running through pain. Pain in the Achilles, IT band, knee or shin
(the overuse injuries the guide names for hikers who start running) stops every run until the
athlete says it has gone; any other pain gets advice to ease off, not an automatic block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Set

from pydantic import BaseModel, ConfigDict

from coach.checkins import CheckinReading, PainSite
from coach.sessions import Session, SessionKind
from coach.templates import RECOVERY_HIKE, RECOVERY_HIKE_OR_RUN

BLOCKING_SITES = frozenset({PainSite.ACHILLES, PainSite.IT_BAND, PainSite.KNEE, PainSite.SHIN})
CAPPED_KINDS = frozenset({SessionKind.EASY_RUN, SessionKind.RUN_WALK})

_SITE_NAMES = {PainSite.ACHILLES: "Achilles", PainSite.IT_BAND: "IT band"}
_SEE_SOMEONE = "If it lasts more than a few days or gets worse, please see a physio or doctor."
_WALK_CUE = "Stop and head home if walking hurts too."


class Injury(BaseModel):
    """A blocking pain at one site, open from the day it was reported until the athlete says
    it has gone. `opened_by` is the check-in that reported it."""

    model_config = ConfigDict(frozen=True)

    site: PainSite
    reported_on: dt.date
    cleared_on: dt.date | None = None
    opened_by: int | None = None
    id: int | None = None


class InjuryChange(BaseModel):
    """What one check-in does to the open injuries: sites it opens and sites it clears."""

    model_config = ConfigDict(frozen=True)

    opened: tuple[PainSite, ...] = ()
    cleared: tuple[PainSite, ...] = ()


def injury_changes(reading: CheckinReading, open_sites: Set[PainSite]) -> InjuryChange:
    """Blocking pain reported opens an injury at that site unless one is open already; a site
    said to be fine again clears only that site, and "the pain has gone" with no site named
    clears them all. A site reported again in the same message stays open.

    Pain does not expire on its own: people leave pain out of a message for many reasons, and
    a wrong "all clear" costs far more than one extra walk.
    """
    reported = [site for site in reading.pain if site in BLOCKING_SITES]
    opened = tuple(site for site in reported if site not in open_sites)
    clearing = set(open_sites) if reading.pain_cleared else set(reading.cleared) & open_sites
    cleared = tuple(sorted(clearing - set(reported)))
    return InjuryChange(opened=opened, cleared=cleared)


def offers_a_run(session: Session) -> bool:
    """True when the session is a run, or the weeks 9–12 Sunday that allows an easy trail run."""
    return session.is_running or _is_hike_or_run_sunday(session)


def without_running(session: Session, injury: set[PainSite]) -> Session:
    """The session with any running taken out while `injury` holds; unchanged otherwise."""
    if not injury or not offers_a_run(session):
        return session
    reason = injury_reason(injury)
    if _is_hike_or_run_sunday(session):
        return session.model_copy(
            update={
                "title": RECOVERY_HIKE.title,
                "details": f"An easy {session.duration_text} hike at a relaxed pace, no running. "
                "Hilly ground is fine as long as it doesn't hurt.",
                "cues": (_WALK_CUE,),
                "adjusted_reason": reason,
            }
        )
    walk = f"{session.duration_text} of easy walking" if session.duration_text else "Easy walking"
    return session.model_copy(
        update={
            "kind": SessionKind.EASY_WALK,
            "title": "Easy walk instead of your run",
            "details": f"{walk}, no running. Hilly trail is fine as long as it doesn't hurt.",
            "why": "Walking keeps you moving while the sore spot settles.",
            "cues": (_WALK_CUE,),
            "adjusted_reason": reason,
        }
    )


def injury_reason(injury: set[PainSite]) -> str:
    """Why running is off, for the athlete: plain, with when to see a professional."""
    return (
        f"You've reported {site_names(injury)} pain, so no running until it has gone. "
        f"{_SEE_SOMEONE}"
    )


def run_cap(longest: int) -> int:
    """The most minutes a run may be given: 10% over `longest`, rounded down."""
    return longest * 11 // 10


def capped_run(session: Session, longest: int | None) -> Session:
    """The session with its run kept within 10% of `longest` minutes; unchanged when it fits.

    No logged run (`longest` None) means no cap: the programme's own prescription is already the
    conservative start. Hill repeats are left alone because most of that session is the walk
    back down; the weeks 9–12 Sunday keeps its hike length and caps only the run option.
    """
    if longest is None:
        return session
    cap = run_cap(longest)
    if _is_hike_or_run_sunday(session) and (session.minutes_max or 0) > cap:
        return _with_reason(
            session.model_copy(
                update={"details": f"{session.details} If you run, stop at {cap} minutes."}
            ),
            _cap_reason(longest, cap),
        )
    if session.kind not in CAPPED_KINDS:
        return session
    if session.minutes_max is not None and session.minutes_max <= cap:
        return session
    low = session.minutes_min
    capped = session.model_copy(
        update={
            "minutes_min": min(low, cap) if low is not None else None,
            "minutes_max": cap,
            "details": f"{session.details} This time, stop at {cap} minutes.",
        }
    )
    return _with_reason(capped, _cap_reason(longest, cap))


def pain_advice(sites: Iterable[PainSite]) -> str | None:
    """What to tell an athlete who reports pain at `sites`; None when there is none."""
    reported = set(sites)
    if not reported:
        return None
    blocking = reported & BLOCKING_SITES
    if blocking:
        return (
            f"Sorry about the {site_names(reported)}. No running until the "
            f"{site_names(blocking)} pain has gone: walk or do strength instead, and tell me "
            f"when it's better. {_SEE_SOMEONE}"
        )
    return (
        f"Sorry about the {site_names(reported)}. Ease off for a few days and never run through "
        f"pain: if it hurts, stop and walk. {_SEE_SOMEONE}"
    )


def site_names(sites: Iterable[PainSite]) -> str:
    """Pain sites as a person writes them: 'knee', 'knee and shin', 'calf, hip and foot'."""
    names = [_SITE_NAMES.get(site, site.value) for site in sorted(set(sites))]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _is_hike_or_run_sunday(session: Session) -> bool:
    return session.kind is SessionKind.RECOVERY_HIKE and session.title == (
        RECOVERY_HIKE_OR_RUN.title
    )


def _cap_reason(longest: int, cap: int) -> str:
    return (
        f"Your longest run in the last 30 days was {longest} min, so this one stops at {cap}: "
        "runs grow by 10% at most."
    )


def _with_reason(session: Session, reason: str) -> Session:
    joined = f"{session.adjusted_reason} {reason}" if session.adjusted_reason else reason
    return session.model_copy(update={"adjusted_reason": joined})
