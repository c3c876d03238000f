"""Injury and overload safety: no running on a blocking injury, no run much longer than before.

The coach never prescribes running through pain. Pain in the Achilles, IT band, knee or shin
(the overuse injuries the guide names for hikers who start running) stops every run until the
athlete says it has gone; any other pain gets advice to ease off, not an automatic block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence, Set

from pydantic import BaseModel, ConfigDict

from coach.checkins import CheckinReading, PainSite
from coach.sessions import Session, SessionKind
from coach.templates import CUE_PAIN, CUE_SLOW_START, RECOVERY_HIKE, RECOVERY_HIKE_OR_RUN

BLOCKING_SITES = frozenset({PainSite.ACHILLES, PainSite.IT_BAND, PainSite.KNEE, PainSite.SHIN})
CAPPED_KINDS = frozenset({SessionKind.EASY_RUN, SessionKind.RUN_WALK})

_SITE_NAMES = {PainSite.ACHILLES: "Achilles", PainSite.IT_BAND: "IT band"}
_SEE_SOMEONE = "If it lasts more than a few days or gets worse, please see a physio or doctor."
_WALK_CUE = "Stop and head home if walking hurts too."
# The first week after the last blocking pain clears: run-walk before the phase's normal runs.
FIRST_WEEK_BACK_DAYS = 7
BACK_KINDS = frozenset({SessionKind.EASY_RUN, SessionKind.HILL_REPEATS})
# While injured: a shorter long hike, and strength without the moves that load the sore joint.
CAUTIOUS_HIKE_MINUTES = (120, 240)
_SPARING_NOTES = {
    PainSite.KNEE: "Keep any squat shallow and pain-free.",
    PainSite.IT_BAND: "Add side-lying leg raises; skip deep single-leg squats.",
    PainSite.ACHILLES: "No calf raises, hops or jumps for now.",
    PainSite.SHIN: "No hops or jumps for now.",
}


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


def open_sites(injuries: Iterable[Injury], on: dt.date) -> set[PainSite]:
    """The blocking sites open on `on`: reported by then and not cleared by then."""
    return {
        injury.site
        for injury in injuries
        if injury.reported_on <= on and (injury.cleared_on is None or injury.cleared_on > on)
    }


def injury_time(injuries: Iterable[Injury], on: dt.date) -> bool:
    """True when `on` falls in an injury, from the day it was reported to the day it cleared."""
    return any(
        injury.reported_on <= on and (injury.cleared_on is None or on <= injury.cleared_on)
        for injury in injuries
    )


def first_week_back(session: Session, injuries: Sequence[Injury], as_of: dt.date) -> Session:
    """In the 7 days from the day the last blocking pain cleared (by `as_of`), an easy run or
    hill repeats become run-walk, with the reason; other sessions are unchanged."""
    cleared = [i for i in injuries if i.cleared_on is not None and i.cleared_on <= as_of]
    if session.kind not in BACK_KINDS or not cleared:
        return session
    back_on = max(i.cleared_on for i in cleared if i.cleared_on is not None)
    if not 0 <= (session.date - back_on).days < FIRST_WEEK_BACK_DAYS:
        return session
    sites = {i.site for i in cleared if i.cleared_on == back_on}
    return session.model_copy(
        update={
            "kind": SessionKind.RUN_WALK,
            "minutes_min": 40,
            "minutes_max": 50,
            "title": "Run-walk, first week back",
            "details": "Alternate 5 minutes of easy running with 3 minutes of walking, 40–50 "
            "minutes in all. Your normal runs come back next week.",
            "why": "Tissue that has just settled needs the gentle start again before the full "
            "dose.",
            "cues": (CUE_SLOW_START, CUE_PAIN),
            "adjusted_reason": f"First week back after the {site_names(sites)} pain: run-walk "
            "before your normal runs.",
        }
    )


def offers_a_run(session: Session) -> bool:
    """True when the session is a run, or the weeks 9–12 Sunday that allows an easy trail run."""
    return session.is_running or _is_hike_or_run_sunday(session)


def without_running(session: Session, injury: Set[PainSite]) -> Session:
    """The session as it stands while `injury` holds: running taken out, the long hike shorter
    and gentler, strength without step-ups and lunges; unchanged without an injury."""
    if not injury:
        return session
    reason = injury_reason(injury)
    if session.kind is SessionKind.LONG_HIKE:
        return _cautious_long_hike(session, injury, reason)
    if session.kind is SessionKind.STRENGTH:
        return _sparing_strength(session, injury, reason)
    if not offers_a_run(session):
        return session
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


def _cautious_long_hike(session: Session, injury: Set[PainSite], reason: str) -> Session:
    low, high = CAUTIOUS_HIKE_MINUTES
    short = min(high, session.minutes_max or high)
    return session.model_copy(
        update={
            "minutes_min": min(low, short),
            "minutes_max": short,
            "title": "Shorter, gentler long hike",
            "details": f"{low // 60}–{short // 60} h on kind ground, with a lighter pack if you "
            "can. Take every descent slowly, use poles if you have them, and turn back if the "
            f"{site_names(injury)} hurts.",
            "why": "A gentle long hike keeps your hiking fitness while the sore spot settles.",
            "cues": (
                "Downhill: slow, short steps; poles take some of the load off.",
                "Stop and head home if it hurts.",
            ),
            "adjusted_reason": reason,
        }
    )


def _sparing_strength(session: Session, injury: Set[PainSite], reason: str) -> Session:
    details = [
        "No step-ups or lunges this time. Do glute bridges, Romanian deadlifts to a comfortable "
        "depth, side planks and clamshells instead.",
        *(_SPARING_NOTES[site] for site in sorted(injury) if site in _SPARING_NOTES),
        "Leave out anything that hurts.",
    ]
    return session.model_copy(
        update={
            "title": f"Strength that spares your {site_names(injury)}",
            "details": " ".join(details),
            "cues": ("Pain-free range only: if a move hurts, drop it.",),
            "adjusted_reason": reason,
        }
    )


def injury_reason(injury: Set[PainSite]) -> str:
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
