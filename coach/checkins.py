"""Free-text check-ins: what the athlete did, read from the words hikers actually use."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from coach import checkin_words as words
from coach import vocabulary
from coach.programme import session_on
from coach.schedule import Schedule
from coach.sessions import RESTFUL_KINDS, SessionKind


class Activity(StrEnum):
    HIKE = "hike"
    RUN = "run"
    STRENGTH = "strength"
    WALK = "walk"
    REST = "rest"
    OTHER = "other"


class PainSite(StrEnum):
    KNEE = "knee"
    ACHILLES = "achilles"
    IT_BAND = "it_band"
    ANKLE = "ankle"
    SHIN = "shin"
    CALF = "calf"
    HIP = "hip"
    FOOT = "foot"
    BACK = "back"
    QUAD = "quad"
    HAMSTRING = "hamstring"
    GLUTE = "glute"
    GROIN = "groin"
    TOE = "toe"
    NECK = "neck"
    SHOULDER = "shoulder"


class CheckinSource(StrEnum):
    """Where a check-in came from."""

    TEXT = "text"
    REMINDER = "reminder"  # a Done / Skipped / Too hard button under a reminder
    FILE = "file"  # an activity file (GPX, FIT, TCX)


class CheckinReading(BaseModel):
    """What one check-in message says. None where the message does not tell."""

    activity: Activity | None = None
    duration_min: int | None = Field(default=None, ge=1, le=24 * 60)
    rpe: int | None = Field(default=None, ge=1, le=10)
    hard: bool = False
    pain: list[PainSite] = Field(default_factory=list)
    skipped: bool = False
    date: dt.date
    # "the pain's gone" with no site named: every open injury clears.
    pain_cleared: bool = False
    # Sites said to be fine again ("knee feels fine now"): only those clear.
    cleared: list[PainSite] = Field(default_factory=list)
    illness: bool = False
    climb_m: int | None = Field(default=None, ge=0, le=20_000)
    pack_kg: float | None = Field(default=None, ge=0, le=100)
    distance_km: float | None = Field(default=None, ge=0, le=1_000)
    # A rating given but not on the 1–10 scale ("RPE 15", "RPE 1e9"), and a length of more
    # than a day ("30 hours"): the coach asks rather than store nonsense.
    rpe_off_scale: bool = False
    over_a_day: bool = False
    # The effort the words suggest (easy 3, hard 8, very hard 9), for estimate_rpe.
    felt_rpe: int | None = Field(default=None, ge=1, le=10)

    @property
    def recognised(self) -> bool:
        """True when the message reads as a check-in at all."""
        return bool(
            self.activity is not None
            or self.duration_min is not None
            or self.rpe is not None
            or self.pain
            or self.skipped
            or self.pain_cleared
            or self.cleared
            or self.illness
            or self.rpe_off_scale
            or self.over_a_day
        )

    @property
    def news_only(self) -> bool:
        """True when the message tells of no session at all, only news such as pain or its end
        ("knee feels fine now")."""
        return (
            self.activity is None
            and self.duration_min is None
            and self.rpe is None
            and not self.skipped
        )

    def as_json(self) -> dict[str, object]:
        """The public JSON shape of `trailcoach checkin --json`."""
        return {
            "activity": self.activity.value if self.activity else None,
            "duration_min": self.duration_min,
            "rpe": self.rpe,
            "hard": self.hard,
            "pain": [site.value for site in self.pain],
            "skipped": self.skipped,
            "date": self.date.isoformat(),
            "illness": self.illness,
            "cleared": [site.value for site in self.cleared],
            "climb_m": self.climb_m,
            "pack_kg": self.pack_kg,
            "distance_km": self.distance_km,
        }


class RecordedTrack(BaseModel):
    """What is kept of the activity file a check-in came from: enough to spot the same
    activity sent again, and the time spent moving."""

    model_config = ConfigDict(frozen=True)

    fingerprint: str = Field(max_length=64)
    started_at: dt.datetime
    ended_at: dt.datetime
    moving_min: int = Field(ge=0, le=24 * 60)


class LoggedCheckin(CheckinReading):
    """A stored check-in: the reading plus what the coach kept about it."""

    id: int | None = None
    raw_text: str = ""
    rpe_estimated: bool = False
    load: int | None = None
    source: CheckinSource = CheckinSource.TEXT
    reminder_id: int | None = None
    track: RecordedTrack | None = None
    created_at: dt.datetime | None = None


# The session planned for a date, as far as the reader knows: None before the programme or
# without a plan.
PlannedKind = Callable[[dt.date], SessionKind | None]


def read_checkin(text: str, today: dt.date, planned: PlannedKind | None = None) -> CheckinReading:
    """Read one free-text check-in, dated no later than `today`. `planned` tells the session
    planned for a date, so that "done" or "did it, 45 min" reads as that session. Never raises
    on any text. A message telling of several days reads as the latest of them, keeping the
    pain told of any."""
    whole = _read(text, today, planned)
    if (
        whole.illness
        and today - dt.timedelta(days=2) <= whole.date < today
        and _STILL_ILL.search(_normalise(text))
    ):
        # "Fever last night 38.4, staying in bed": the sick day is today.
        return whole.model_copy(update={"date": today})
    if whole.illness and whole.date != today and _NOTHING_TODAY.search(_normalise(text)):
        # "managed a 20 min walk yesterday but nothing today": today is the sick day.
        return whole.model_copy(update={"date": today, "duration_min": None})
    latest = _latest_day(text, today)
    if latest is None or whole.illness:
        return whole
    part = _read(latest, today, planned)
    if _made_up(_normalise(text)) is not None:
        # "skipped tues run, did it today instead": the run, on the day it was made up.
        return whole.model_copy(update={"date": part.date})
    if not part.recognised or not _told_done(latest, today, planned):
        # "…, 50 min. Today's strength is tonight" logs the run; "…, tuesday run 45 min.
        # strength tonight" the latest day told done.
        earlier = read_earlier_days(text, today, planned)
        if not earlier or earlier[-1].date <= whole.date:
            return whole
        return _with_pain_of(whole, earlier[-1])
    before = read_earlier_days(text, today, planned) if _only_looks_back(part, latest) else []
    if before and before[-1].activity is part.activity and before[-1].duration_min is not None:
        # "Yesterday I did the trail run, 50 min. … ankle a bit painful at the start of the run
        # and still stiff this morning": this morning tells of the run before.
        part = before[-1]
    if not _tells_a_session(part) and (earlier := read_earlier_days(text, today, planned)):
        # "Yesterday's long hike: 6h, 12 kg. Knee still sore this morning": the hike is the
        # report; this morning only brings news of the knee.
        part = earlier[-1]
    if not _tells_a_session(part) and part.date == whole.date:
        # "Rest day. heel throbbing this evening": the same day, its session told before.
        return whole
    return _with_pain_of(whole, part)


def _with_pain_of(whole: CheckinReading, part: CheckinReading) -> CheckinReading:
    """The reading of one day of a message, with the pain told anywhere in it."""
    return part.model_copy(
        update={"pain": whole.pain, "cleared": whole.cleared, "pain_cleared": whole.pain_cleared}
    )


def _still_to_come(norm: str) -> bool:
    return bool(
        _STILL_TO_COME.search(norm)
        or (_TONIGHT.search(norm) and not words.REPORT_VERB.search(norm))
    )


def _told_done(latest: str, today: dt.date, planned: PlannedKind | None) -> bool:
    """True unless the latest day's words tell only of what is still to come; "a 35 min walk
    at lunch today, going to try the long one tomorrow" tells the walk."""
    if not _still_to_come(_normalise(latest)):
        return True
    done = [
        clause
        for clause in _DAY_CLAUSE_END.split(latest)
        if clause.strip() and not _still_to_come(_normalise(clause))
    ]
    return bool(done) and _tells_a_session(_read(", ".join(done), today, planned))


# "at the start of the run", "during the hike": the session already told, named again.
_THE_SESSION_AGAIN = re.compile(
    r"\b(?:of|during|on|in|after|from|since)\s+the\s+(?:run|hike|walk|session|hills|reps|repeats)\b"
)


def _only_looks_back(part: CheckinReading, latest: str) -> bool:
    """True when the latest day names a session only as the one told before it."""
    return (
        part.activity is not None
        and part.duration_min is None
        and part.rpe is None
        and not part.skipped
        and bool(_THE_SESSION_AGAIN.search(_normalise(latest)))
    )


def _tells_a_session(reading: CheckinReading) -> bool:
    """True when a reading tells of a session done or missed, not only of pain or its end."""
    return (
        reading.activity is not None
        or reading.duration_min is not None
        or reading.skipped
        or reading.rpe is not None
    )


_STILL_ILL = re.compile(
    r"\blast\s+night\b|\b(?:staying|stayed|stuck|still)\s+in\s+bed\b|\bstill\s+(?:ill|sick|poorly|"
    r"feverish|coughing|rough|grim|awful|poorly|bad|on\s+the\s+sofa|unwell)\b|"
    r"\b(?:i'm|i\s+am|am)\s+(?:ill|sick|poorly|unwell|in\s+bed|laid\s+up)\b|"
    r"\bstill\s+(?:feel|feeling|felt)\s+(?:rough|ill|sick|awful|grim|poorly|bad|rubbish)\b|"
    # "tested positive yesterday, taking it easy": ill now, whenever it began.
    r"\b(?:taking\s+it\s+easy|resting|isolating)\b|"
    r"\bfeel(?:ing)?\s+(?:rough|awful|terrible|grim|rubbish|dreadful)\b"
)
_NOTHING_TODAY = re.compile(
    r"\b(?:nothing|not\s+(?:doing\s+)?(?:anything|much))(?:\s+done)?(?:\s+yesterday\s+or)?\s+today\b"
)
# The latest day told as still to come: "today's strength is tonight", "will do it later".
_STILL_TO_COME = re.compile(
    rf"{words.FUTURE_INTENT.pattern}|\b(?:is|'s|are)\s+(?:tonight|later|this\s+(?:evening|"
    r"afternoon))\b"
)
# Clauses of a report of several days: "sat 5h hike, sun 1h recovery walk. all good".
_DAY_CLAUSE_END = re.compile(r"(?:[.!?;](?=\s|$)|,(?!\d)|\n|[✅✔☑❌✖]\ufe0f?)+")


def read_earlier_days(
    text: str, today: dt.date, planned: PlannedKind | None = None
) -> list[CheckinReading]:
    """The sessions a message telling of several days reports for the days before its latest
    ("sat 6h fell walk, sun skipped the recovery one": Saturday's hike), oldest first, each
    read from its own words; pain stays with the latest day's reading. Empty for a message
    about one day."""
    parts = _day_parts(text, today)
    if not parts:
        return []
    latest = max(parts)
    readings = []
    for day, part in sorted(parts.items()):
        if day == latest:
            continue
        reading = _read(part, today, planned)
        told = reading.duration_min is not None or reading.skipped or reading.rpe is not None
        if reading.activity in (None, Activity.REST) or not told or reading.illness:
            continue
        readings.append(
            reading.model_copy(
                update={"date": day, "pain": [], "cleared": [], "pain_cleared": False}
            )
        )
    return readings


def _latest_day(text: str, today: dt.date) -> str | None:
    """The words about the latest of several days a message tells of; None when the message
    names fewer than two days."""
    parts = _day_parts(text, today)
    return parts[max(parts)] if parts else None


def _day_parts(text: str, today: dt.date) -> dict[dt.date, str]:
    """Each day a message tells of and its words: from the clause naming the day up to the
    next naming another (clauses naming none stay with the one before); empty when the
    message names fewer than two days."""
    listed = _AND_TODAY.sub(", ", _LISTED_DAY.sub(_day_item, text[: words.MAX_SCAN_CHARS]))
    clauses = [c for c in _DAY_CLAUSE_END.split(listed) if c.strip()]
    normed = [_normalise(clause) for clause in clauses]
    days: list[dt.date | None] = []
    told_today, current_day = False, None
    for norm in normed:
        day = (
            None if _FROM_A_DAYS.search(norm) else _day_named(norm, today, told_before=told_today)
        )
        days.append(day)
        current_day = day or current_day
        told_today = told_today or (
            current_day in (None, today) and bool(_SESSION_IN_CLAUSE.search(norm))
        )
    first = next((i for i, day in enumerate(days) if day is not None), 0)
    named_first = normed[first] if first else ""
    report_of_today = _REPORT_HEADING.match(normed[0]) if normed else None
    if (_YESTERDAY.search(named_first) and not _ASIDE.search(named_first)) or (
        report_of_today and _day_named(report_of_today["day"], today) == today
    ):
        # "Recovery hike, 75 min. Yesterday's 6 hours is in my legs" and "Monday check-in.
        # Rest day.": what comes before the first day named is told of today.
        days[0] = today
    if len({day for day in days if day is not None}) < 2:
        return {}
    parts: dict[dt.date, list[str]] = {}
    current: dt.date | None = None
    for day, clause in zip(days, clauses, strict=True):
        current = day or current
        if current is not None:
            parts.setdefault(current, []).append(clause.strip())
    return {day: ", ".join(found) for day, found in parts.items()}


# "legs were heavy from yesterday's 24 km": a clause telling what a day left behind stays
# with the day it is told on.
_FROM_A_DAYS = re.compile(
    r"\b(?:heavy|tired|stiff|achy|sore|wrecked|cooked|dead|fried|toast)\s+(?:from|after)\s+"
    r"(?:yesterday'?s|\w+day'?s|the\s+weekend'?s)\s+(?!(?:run|hike|walk|session|squats|gym|"
    r"strength|hills|reps|long|big|hill|easy|recovery)\b)"
)
# "Monday check-in." opening a message: what follows until another day is named is today's.
_REPORT_HEADING = re.compile(
    rf"^\W*(?P<day>{vocabulary.WEEKDAY_WORD})\s+(?:report|update|check-?in|summary)\W*$"
)
_YESTERDAY = re.compile(r"\b(?:yesterday'?s?|yday'?s?|yest|last\s+night'?s?)\b")
# "Sat was 3.5 hrs and today recovery walk 40min": two days, the second today's.
_AND_TODAY = re.compile(r"\s+and\s+(?=(?:today|yesterday|this\s+morning)\b)", re.IGNORECASE)
# Days listed with nothing between: "mon rest tue run 10k 62min".
_LISTED_DAY = re.compile(
    r"(?P<word>\b\w+)\s+(?=(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b\s*:?\s*(?:rest|rested|"
    r"run|ran|hike|hiked|walk|walked|gym|strength|hills|yoga|off|nothing|legs|core|jog|\d))",
    re.IGNORECASE,
)
_NOT_A_LIST_BEFORE = frozenset(
    {"on", "last", "this", "since", "till", "until", "from", "next", "than", "by"}
)


def _day_item(match: re.Match[str]) -> str:
    word = match["word"]
    return match.group() if word.lower() in _NOT_A_LIST_BEFORE else f"{word}, "


def _day_named(norm: str, today: dt.date, *, told_before: bool = False) -> dt.date | None:
    """The day a clause names, not as a cause; None when it names none. A clause naming
    today beside another day ("...this evening because I missed yesterday's") is today's.
    `told_before`: clauses before this one tell a session of today."""
    found = _date_candidates(norm, today, [], told_before=told_before)
    if any(day == today for _, _, day in found) and words.TODAY_WORD.search(norm):
        return today
    return min(found)[2] if found else None


def planned_by(schedule: Schedule) -> PlannedKind:
    """The planned-session context of an athlete on `schedule`: the weekly template's session
    on a date (turned around their long-hike day), None before the start."""

    def planned(on: dt.date) -> SessionKind | None:
        if on < schedule.start:
            return None
        return session_on(schedule, on).kind

    return planned


_KIND_RPE: dict[str, int] = {
    SessionKind.LONG_HIKE: 6,
    SessionKind.HILL_REPEATS: 7,
    SessionKind.EASY_RUN: 4,
    SessionKind.RUN_WALK: 4,
    SessionKind.STRENGTH: 5,
    SessionKind.RECOVERY_HIKE: 3,
    SessionKind.EASY_WALK: 3,
    SessionKind.REST: 1,
}
_ACTIVITY_RPE = {
    Activity.HIKE: 5,
    Activity.RUN: 5,
    Activity.STRENGTH: 5,
    Activity.WALK: 3,
    Activity.REST: 1,
    Activity.OTHER: 5,
}
_DEFAULT_RPE = 5


def estimate_rpe(reading: CheckinReading, session_kind: str | None = None) -> int:
    """The RPE the athlete gave, else one estimated from their words, the session kind or the
    activity (1–10)."""
    if reading.rpe is not None:
        return reading.rpe
    planned = _KIND_RPE.get(session_kind or "")
    if reading.hard:
        return max(reading.felt_rpe or 8, 8)
    if reading.felt_rpe is not None:
        if reading.felt_rpe <= 4 and planned is not None:
            return min(planned, 4) if planned > 3 else 3
        return reading.felt_rpe
    if planned is not None:
        return planned
    if reading.activity is not None:
        return _ACTIVITY_RPE[reading.activity]
    return _DEFAULT_RPE


# --- reading -------------------------------------------------------------------------------

_WALKED = re.compile(r"\bwalk(?:ed|ing)?\b")
# A rest day taken in place of the plan's session: "took a rest day instead", "rested instead".
_REST_CHOSEN = re.compile(r"\brest\s+day\b|\b(?:rested|rest|resting)\s+instead\b|\bextra\s+rest\b")

MAX_MINUTES = 24 * 60
# Shorter than this is an interval ("6 x 2 min"), not a session.
MIN_SESSION_MINUTES = 5


# "watched the cricket", "it's there when I climb stairs", "when I run": a sport seen, a
# moment of the day where a pain shows, a habit, not a session done.
_NAMED_NOT_DONE = re.compile(
    r"\b(?:watch(?:ed|ing)?|saw)\s+(?:the\s+|some\s+|a\s+)?(?:\w+\s+)?(?:cricket|football|rugby|tennis|"
    r"golf|match|game|racing|cycling|swimming|climbing|boxing|f1|baseball|basketball|hockey)\b|"
    r"\b(?:when|whenever|if)\s+(?:i\s+)?(?:climb|go\s+up|walk\s+up|take|use)\s+(?:the\s+)?stairs\b|"
    # "my vest bounces a lot when I run": what always happens, no session told.
    r"\b(?:when|whenever|every\s+time)\s+i\s+(?:run|jog|hike)\b|"
    # "my sister has shin splints from her half marathon training": someone else's.
    r"\b(?:her|his|their)\s+(?:\w+\s+){0,2}?(?:training|runs?|running|race|marathon|hikes?|"
    r"hiking|walks?|session)\b"
)


def _read(text: str, today: dt.date, planned: PlannedKind | None) -> CheckinReading:
    norm = _normalise(text)
    later = _later_clauses(norm, today)
    # "40 mins easy. long hike sat, 20 km": the figures of a day to come are not today's.
    without_later = _blank(norm, later)
    climb, pack, distance, measured = _measures(without_later)
    # Heights, weights and distances are neither durations, ratings nor dates.
    plain = _blank(norm, measured)
    rpe, off_scale = _rpe(plain)
    # "hard today, 8/10, but I felt fine after": hard work, not too hard.
    fine_after = bool(words.FINE_AFTER.search(norm)) and not words.VERY_HARD.search(norm)
    pain, cleared_sites, cleared = _pain(norm)
    duration, lengths, over_a_day = _duration(plain, norm)
    timed = [span for _, span in lengths]
    illness, ill_spans = _illness(norm)
    history = [match.span() for match in words.RUNNING_HISTORY.finditer(norm)]
    history += [match.span() for match in _NAMED_NOT_DONE.finditer(norm)]
    activity, spans, firmness = _activity(_blank(norm, ill_spans + history + later), timed)
    skipped = _skipped(norm)
    moved = words.MOVED.search(norm)
    # The day a session moves to is not the day it is told of.
    date = _date(_blank(plain, [moved.span()]) if moved else plain, today, spans)
    # "legs still cooked from saturday" tells of Saturday, not of a session today.
    hard = (
        not fine_after
        and (
            _is_hard(without_later, earlier_too=date != today, rpe=rpe)
            or (rpe is not None and rpe >= 8)
        )
    ) or off_scale
    if skipped and duration is None and rpe is None:
        hard = False  # "too knackered, gave it a miss": no session to be hard
    if illness:
        # A sick day is logged as rest, never as a missed session, whatever else was done; it
        # is the day the illness is told of ("felt rough on yesterday's hike" is no sick day).
        activity, skipped, hard = Activity.REST, False, False
        sick_day = _illness_day(plain, today) if date != today else date
        if sick_day < date:
            sick_day = date  # "came down with it Saturday night, spent Sunday in bed": still ill
        if sick_day != date:
            date, duration = sick_day, None  # the session told was on the other day
        elif lengths and _date(told := _part_around(plain, lengths[0][1][0]), today, []) != date:
            # "Missing hills today … Tuesday's run was 55 min at RPE 4": another day's figures.
            duration = None
            rpe = None if rpe is not None and _rpe(told)[0] == rpe else rpe
    elif planned is not None and (reply := _bare_reply(norm, planned(date))) is not None:
        activity, skipped = reply
    elif planned is not None:
        named = activity
        if activity is not Activity.REST and firmness < _FIRM:
            activity = None  # only side parts named ("walked home"): the session is the plan's
        activity = _with_plan(
            norm, activity, planned, _session_day(plain, date), duration, bool(moved)
        )
        # Pain "after today's walk" tells of the walk even when nothing else does.
        activity = activity or _long_outing(duration) or (named if pain else None)
        if activity is Activity.RUN and firmness < _FIRM_RUN and _long_outing(duration):
            activity = Activity.HIKE  # "15km and 800m up in 4:30" is no race: a hike
        if activity is Activity.REST and _ONLY_A_NUMBER.match(norm):
            activity, duration = None, None  # "45" on a rest day: of what, the coach asks
        if (made_up := _made_up(norm)) is not None:
            activity, skipped = made_up, False
            # "yesterday's run got rained off so did it this morning instead": done today.
            found = _DID_IT_INSTEAD.search(norm)
            date = _date(plain[found.start() :], today, []) if found else date
            if found and date == today and (heading := _DAY_HEAD.search(plain, 0, found.start())):
                # "Saturday: wedding so no hike. Sunday: made up for it, 4 hours": the day
                # that heads the sentence.
                date = _date(heading.group(), today, [])
            if found and re.search(r"\btoday\b", norm[found.start() :]):
                date = today  # "did yesterday's long hike today instead"
        own = _planned_session(norm, lengths, planned(date)) or _planned_outing(
            norm, lengths, planned(date), activity
        )
        if own is not None:
            activity, duration = own
        skipped = _skipped_with_plan(norm, skipped, activity, planned(date), duration)
        if (
            planned(date) is SessionKind.LONG_HIKE
            and activity is Activity.WALK
            and _long_outing(duration) is not None
        ):
            activity, skipped = Activity.HIKE, False  # "walked the fell instead, 4 hr"
        if (
            skipped
            and planned(date) in RESTFUL_KINDS
            and activity in (None, Activity.WALK, Activity.REST)
            and duration is None
        ):
            # "work ate the evening, didn't even get the walk in": the optional walk of a
            # rest day left out is a rest day, nothing missed.
            activity, skipped = Activity.REST, False
        kind = planned(date)
        if (
            skipped
            and activity is Activity.REST
            and kind not in (None, *RESTFUL_KINDS)
            and not _REST_CHOSEN.search(norm)
        ):
            # "took today off", "giving it a rest": the plan's session, missed; a rest day
            # taken in its place ("took a rest day instead of my run") stays rest.
            activity = _PLANNED_ACTIVITY[kind]
        if skipped and duration is None and rpe is None:
            hard = False
    if (
        activity is Activity.REST
        and not illness
        and planned is not None
        and planned(date) is SessionKind.EASY_WALK
        and duration is not None
        and _WALKED.search(norm)
    ):
        activity = Activity.WALK  # "rested as per the plan; we walked to the post office, 20 min"
    if activity is Activity.REST and not illness:
        # "rested, although I did walk to the shops (10 min)", "rest day, 20 min stretching":
        # a rest day has no session length.
        duration = None
    return CheckinReading(
        activity=activity,
        duration_min=duration,
        rpe=rpe,
        hard=hard,
        pain=pain,
        skipped=skipped,
        date=date,
        pain_cleared=cleared,
        cleared=cleared_sites,
        illness=illness,
        climb_m=climb,
        pack_kg=pack,
        distance_km=distance,
        felt_rpe=_felt_rpe(norm, hard),
        rpe_off_scale=rpe is None and bool(words.RPE_GIVEN.search(plain)),
        over_a_day=over_a_day and duration is None,
    )


_CLAUSE_SPLIT = re.compile(r"[.,;!?\n]+|\bbut\b|\bthen\b")
_THIS_WEEKEND = re.compile(r"\bthis\s+weekend\b")
# "legs session tonight after work", told with no verb done: still to come.
_TONIGHT = re.compile(r"\b(?:tonight|this\s+evening|later\s+(?:on|today))\b")
_MAYBE_LATER = re.compile(r"\b(?:might|may|maybe|could)\s+(?:try|do|go|hit|get)\b")


def _later_clauses(norm: str, today: dt.date) -> list[Span]:
    """The clauses of a report that tell of what is still to come ("skipped, might try the
    hotel gym tomorrow", "40 mins, easy. long hike sat with dad"), so the session they name
    is not the one reported; none when every clause does (a plan for later is read, and told
    apart, as a whole)."""
    spans, start, chained = [], 0, False
    for match in [*_CLAUSE_SPLIT.finditer(norm), None]:
        end = match.start() if match else len(norm)
        # "no hike this weekend" is told on the Monday after; "going to skip today's run"
        # still names the session.
        clause = _THIS_WEEKEND.sub(" ", norm[start:end])
        # "strength tomorrow, hills thursday, then rest": the list of days to come goes on.
        continues = chained and not _PAST_TOLD.search(clause) and not _LENGTH_TOLD.search(clause)
        later = (
            continues
            or words.FUTURE_INTENT.search(clause)
            or _MAYBE_LATER.search(clause)
            or (
                _TONIGHT.search(clause)
                and not words.REPORT_VERB.search(clause)
                and not re.search(r"\binstead\b|\d", clause)
            )
            or _lists_a_day_to_come(
                clause, today, told_before=bool(_SESSION_IN_CLAUSE.search(norm, 0, start))
            )
        )
        is_later = bool(later) and not words.SKIPPED.search(clause)
        if is_later:
            spans.append((start, end))
        chained = is_later and match is not None and not _SENTENCE_END.search(match.group())
        start = match.end() if match else end
    covered = sum(end - begin for begin, end in spans)
    return spans if covered < len(norm.strip()) * 0.8 else []


class Moved(BaseModel):
    """A session told as moved ("long hike postponed till tomorrow"): not done, not skipped;
    with the day it moves to when the words name one."""

    model_config = ConfigDict(frozen=True)

    to: dt.date | None = None


def read_moved(text: str, today: dt.date) -> Moved | None:
    """The move a report tells of, or None when it tells of none (or of a session done)."""
    norm = _normalise(text)
    moved = words.MOVED.search(norm)
    if moved is None or _duration(norm)[0] is not None:
        return None
    return Moved(to=_moved_to(moved, today))


def _moved_to(moved: re.Match[str], today: dt.date) -> dt.date | None:
    """The day a moved session goes to, when the words name one after `today`."""
    target = moved["to1"] or moved["to2"] or moved["to3"] or ""
    if target in ("tomorrow", "tmrw"):
        return today + dt.timedelta(days=1)
    index = vocabulary.weekday_index(target)
    if index is None:
        return None
    return today + dt.timedelta(days=(index - today.weekday() - 1) % 7 + 1)


def _blank(norm: str, spans: list[Span]) -> str:
    """`norm` with the given spans blanked out, positions kept."""
    for start, end in spans:
        norm = norm[:start] + " " * (end - start) + norm[end:]
    return norm


# A message is normalised many times over (whole, by day, by clause): pure, so remembered.
@functools.lru_cache(maxsize=4096)
def _normalise(text: str) -> str:
    norm = text[: words.MAX_SCAN_CHARS].lower().translate(words.APOSTROPHES)
    for pattern, replacement in words.SHORTHAND:
        norm = pattern.sub(replacement, norm)
    norm = words.SELF_CORRECTION.sub(_last_figure, norm)
    return re.sub(r"[a-z]+", _corrected, norm)


_TIME_UNIT = re.compile(r"min|h")


def _last_figure(match: re.Match[str]) -> str:
    """The figure a self-correction ends on, with the unit told for either: "40 min, no wait
    50" is 50 min. Two different units are two figures, left as they are."""
    first, second = match["u"] or "", (match["v"] or "").strip()
    # "an hour, well, more like 50 min": hours and minutes are both lengths of the session.
    lengths = _TIME_UNIT.match(first) and _TIME_UNIT.match(second)
    if first and second and first[0] != second[0] and not lengths:
        return match.group()
    return f"{match['b']} {second or first}".rstrip()


def _corrected(match: re.Match[str]) -> str:
    return _closest_word(match.group())


@lru_cache(maxsize=4096)
@functools.lru_cache(maxsize=4096)
def _closest_word(word: str) -> str:
    if word in words.MISSPELLINGS:
        return words.MISSPELLINGS[word]
    # "thursdays" is "thursday" plus a plural, not a typo to flatten into it.
    if len(word) < words.TYPO_MIN_LENGTH or word.startswith(words.TYPO_TARGETS):
        return word
    close = difflib.get_close_matches(word, words.TYPO_TARGETS, n=1, cutoff=words.TYPO_CUTOFF)
    return close[0] if close else word


def _number(token: str) -> float:
    token = " ".join(token.split())
    token = re.sub(r"\s*-?ish$", "", token)
    if token in words.WORD_NUMBERS:
        return float(words.WORD_NUMBERS[token])
    return float(token.replace(",", "."))


# --- duration ------------------------------------------------------------------------------


def _duration(
    plain: str, norm: str | None = None
) -> tuple[int | None, list[tuple[int, Span]], bool]:
    """The longest plausible session length mentioned in `plain`, each length with where it is
    (the longest first; parts such as reps and warm-ups are shorter), and whether a length of
    more than a day was given. `norm` is the text before heights and distances were blanked, for
    telling a race time ("5k, 31:20") from a clock time."""
    norm = plain if norm is None else norm
    found: list[tuple[int, int, Span]] = []
    # "50 min total incl warmup. moving time 41 min": the time spent moving is the session.
    moving: list[tuple[int, int, Span]] = []
    rounds: list[int] = []  # "5 on 3 off x5": lengths worked out from the rounds
    over_a_day = False
    masked = plain
    for kind, pattern in words.DURATION_PATTERNS:
        for match in pattern.finditer(masked):
            minutes = _minutes(kind, match)
            if minutes is None:
                continue
            if kind == "clock" and _is_minutes_seconds(norm, match):
                # "48:30" is 49 minutes, to the nearest, as people round it.
                minutes = int(match.group("h")) + (int(match.group("m")) >= _HALF_MINUTE)
            elif (
                kind in ("clock", "clock_range") and _is_a_pace(norm, match)
            ) or _is_not_a_session(norm, match, kind):
                minutes = None
            if _ELAPSED.search(norm, max(0, match.start() - 15), match.start()) and (
                "moving" in norm
            ):
                minutes = None  # the time spent moving is the session, not the stops
            if minutes is not None and _EACH_WAY.match(plain, match.end()):
                minutes *= 2  # "walked to work and back, 25 min each way"
            if minutes is not None and MIN_SESSION_MINUTES <= minutes <= MAX_MINUTES:
                found.append((minutes, -match.start(), match.span()))
                if kind == "rounds":
                    rounds.append(minutes)
                if _moving_time(norm, match):
                    moving.append((minutes, -match.start(), match.span()))
            elif minutes is not None and MAX_MINUTES < minutes <= MAX_MINUTES * 30:
                over_a_day = True
            masked = masked[: match.start()] + " " * len(match.group()) + masked[match.end() :]
    if not found:
        bare = _bare_minutes(masked)
        return (bare[0], [bare], over_a_day) if bare else (None, [], over_a_day)
    told_total = _BARE_TOTAL.search(masked)
    if told_total and _BARE_MIN <= int(told_total["n"]) <= _BARE_MAX:
        # "25 mins in my calf started twinging so I walked home. Total maybe 35": the whole.
        found.append((int(told_total["n"]), -told_total.start("n"), told_total.span("n")))
        return int(told_total["n"]), [(m, span) for m, _, span in found], over_a_day
    if len(found) == 1:
        found += _unitless_next_part(plain, found[0][2])
    found.sort(reverse=True)
    totals = {
        m
        for m, _, span in found
        if _CALLED_TOTAL.match(plain, span[1]) and plain[span[1] - 1] not in ".!?;"
    }
    # "5/3 x 5 = 40 min plus 5 min cool down = 45 min": the last sum told is the whole.
    summed = [m for m, _, span in found if _told_as_sum(plain, span)]
    totals = totals or ({max(summed)} if summed else set())
    others = [minutes for minutes, _, _ in found if minutes not in rounds]
    if len(found) == 2 and len(rounds) == 1 and len(others) == 1 and others[0] >= rounds[0]:
        totals = totals or {others[0]}  # "5 on 3 off x5 ... 42 mins": the whole, told too
    first = (
        max(moving)[0]
        if moving
        else totals.pop()
        if len(totals) == 1
        else _parts_in_turn(norm, found) or found[0][0]
    )
    return first, [(minutes, span) for minutes, _, span in found], over_a_day


_SUMMED_BEFORE = re.compile(r"=\s*$")


def _told_as_sum(text: str, span: Span) -> bool:
    """True for a length told as the result of a sum: "… = 45 min"."""
    return bool(_SUMMED_BEFORE.search(text, max(0, span[0] - 4), span[0]))


_BARE_TOTAL = re.compile(
    r"\btotal\W*(?:maybe|about|around|approx\w*|roughly|~|of)?\s*(?P<n>\d{2,3})\b(?![.,]\d|\s*(?:k\b|km|mi\b|"
    r"miles?|m\b|kg|ft|feet|%|x\b))"
)
# "48 min total on my Garmin", "45 mins in all": the figure told as the whole session.
_CALLED_TOTAL = re.compile(r"\s*(?:min\w*\s+)?(?:total|in\s+total|in\s+all|all\s+in|altogether)\b")
# "jogged 20 mins then walked 25", "stopped running at 25 min and walked home, another 20":
# the parts of one session, told in turn.
_NEXT_PART = re.compile(r"\b(?:then|another|plus|followed\s+by|after\s+that)\b|\s[+&]\s")
# "…30 min) and then an easy 40 min run this evening": two sessions, not two parts.
_APART = re.compile(r"\b(?:morning|afternoon|evening|tonight|later|lunch\w*|night)\b")
_OTHER_PART_AFTER = re.compile(
    r"\s*(?:min\w*|mins)?\s*(?:of\s+)?(?:an?\s+)?(?:easy\s+|gentle\s+|light\s+)?"
    r"(?:spin|bike|cycl\w*|swim\w*|yoga|stretch\w*)"
)
_ANOTHER = re.compile(r"\banother\b|\bsecond\s+(?:one|run|session|lot)\b")
_WHOLE = re.compile(
    r"\b(?:total|in\s+all|all\s+in|overall|incl\w*|including|whole|altogether)\b"
    # "Total about 14 km": the whole distance, which says nothing of the parts' lengths.
    r"(?!\s*(?:of\s+)?(?:about\s+|around\s+|roughly\s+|approx\w*\s+|~\s*)?\d+(?:[.,]\d+)?\s*"
    r"(?:km|k\b|kms|mi\b|miles?|m\b|metres|meters|ft|feet|kg|lbs?|elev|ascent|climb))"
)


# "jogged 20 mins then walked 25": the second part's unit is left to the first's.
_UNITLESS_PART = re.compile(
    r"\W*(?:and\s+)?(?:then|plus|followed\s+by|after\s+that|\+|&)\s*(?:an?\s+)?(?:easy\s+)?"
    r"(?:(?:walked|walk|walking|jogged|jog|ran|run|hiked|hike|did)(?:\s+(?:home|back))?)?\s*"
    r"(?:for\s+|the\s+(?:last|final|other)\s+)?(?P<n>\d{1,3})"
    r"(?!\s*(?:x|×|/|%|'|k\b|km|mi\b|miles?|m\b|ft|feet|kg|lbs?|reps?|sets?|times|secs?|s\b|"
    r"bpm|°|min|hour|hr|h\b|am\b|pm\b))(?![\w:.,]\d)"
)


# "forty minutes maybe forty five", "40 min or so, maybe 50": the top of a range, its unit
# left to the first figure.
_RANGE_TOP = re.compile(
    r"(?:\s*(?:or\s+so|ish))?(?:\W*(?:um+|uh+|erm*|like)\b)*\W*(?:maybe|or|possibly|perhaps|probably|more\s+like|closer\s+to|"
    r"nearer|could\s+(?:have\s+)?been|might\s+(?:have\s+)?been)\s+(?:even\s+)?"
    rf"(?P<n>{words.NUMBER})"
    r"(?!\s*(?:x|×|/|%|'|k\b|km|mi\b|miles?|m\b|ft|feet|kg|lbs?|reps?|sets?|times|secs?|s\b|"
    r"bpm|°|hour|hr|h\b|am\b|pm\b|out\s+of|rpe))(?![\w:.,]\d)"
)
_FIGURE_IN_MINUTES = re.compile(rf"(?P<n>{words.NUMBER})\s*(?:{words.MINUTES_WORD}|m\b|')")


def _unitless_next_part(plain: str, span: Span) -> list[tuple[int, int, Span]]:
    """The second part of a session told in turn without its unit, or the top of a range told
    so, when there is one."""
    part = _UNITLESS_PART.match(plain, span[1])
    if part is not None and MIN_SESSION_MINUTES <= int(part["n"]) <= _BARE_MAX:
        return [(int(part["n"]), -part.start("n"), part.span("n"))]
    first = _FIGURE_IN_MINUTES.fullmatch(plain, *span)
    top = _RANGE_TOP.match(plain, span[1])
    if top is None or first is None:
        return []
    low, high = _number(first["n"]), _number(top["n"])
    if not low < high <= low * 1.5 or high != int(high):
        return []
    return [(int(high), -top.start("n"), top.span("n"))]


def _parts_in_turn(norm: str, found: list[tuple[int, int, Span]]) -> int | None:
    """The length of a session told as two parts in turn, when it is; None otherwise."""
    if len(found) != 2 or _WHOLE.search(norm):
        return None
    (a, _, first), (b, _, second) = sorted(found, key=lambda item: item[2])
    between = norm[first[1] : second[0]]
    around = norm[max(0, first[0] - 20) : second[1] + 20]
    if not _NEXT_PART.search(between) or a + b > MAX_MINUTES:
        return None
    if _APART.search(around) and not _ANOTHER.search(between):
        return None  # "another 25 at lunch" adds to the morning's; "then a run tonight" not
    if _OTHER_PART_AFTER.match(norm, second[1]):
        return None  # "strength 30 min + 20 min easy spin on the bike": another session
    return a + b


_MOVING_BEFORE = re.compile(r"\bmoving(?:\s+time)?\s*[:=-]?\s*$")
_MOVING_AFTER = re.compile(r"\s*(?:min\w*\s+)?(?:moving|in\s+motion)\b")


def _moving_time(norm: str, match: re.Match[str]) -> bool:
    """True for a length told as the time spent moving ("moving time 41 min", "47:18
    moving")."""
    before = norm[max(0, match.start() - 15) : match.start()]
    return bool(_MOVING_BEFORE.search(before) or _MOVING_AFTER.match(norm, match.end()))


# "run 45", "done ✔️ 45", "strength, 40": a bare number beside a session is its minutes.
_BARE_NUMBER = re.compile(
    r"(?<![\w.,:/'#@+~-])(?P<n>\d{2,3})(?:\s*-?ish)?(?![\w:/'%°-]|\s*(?:x|×|/|%|'|k\b|km|mi\b|"
    r"miles?|m\b|ft|feet|kg|lbs?|reps?|sets?|times|secs?|seconds?|s\b|bpm|°|degrees|am\b|pm\b|"
    r"of\s+(?:them|those|\d)|out\s+of|steps|floors|flights|people|laps)|[.,]\d)"
)
_BARE_CONTEXT = re.compile(
    r"\b(?:done|did|ran|run|runs|running|jog\w*|hike|hiked|hiking|walk|walked|walking|"
    r"strength|gym|session|repeats|reps|intervals|total|in\s+all|all\s+in|easy|steady|z2|took|"
    r"lasted|legs|core|yoga|swim|bike|"
    r"zone\s*2)\b|[✅✔☑]"
)
_NOT_MINUTES_BEFORE = re.compile(
    r"(?:\b(?:week|wk|day|rep|rpe|effort|zone|z|hr|heart\s+rate|bpm|avg|average|max|at|by|the|"
    r"level|number|no|x|peak|peaked|peaked\s+at|topped\s+out\s+at)\s*)$"
    # A watch's heart rate: "HR peaked 176", "heart rate max 181".
    r"|\b(?:hr|heart\s+rate|pulse|fever|temp|temperature)\W+(?:\w+\W+)?$"
)
_BARE_MIN, _BARE_MAX = 15, 240


# A number told as a fragment of its own between others: "legs ok. 50. 6/10."
_FRAGMENT_NUMBER = re.compile(r"(?:^|[.;]\s+)(?P<n>\d{2,3})\s*[.;](?=\s+\S)")
# A reply that is only a length: "45", "yep 45", "done, 80".
_ONLY_A_NUMBER = re.compile(
    r"^\W*(?:(?:(?:all\s+)?good(?:\s+thanks)?|yes|yep|yup|yeah|done|did\s+it|sure\s+did|"
    r"fine|ok|okay)\W+)?(?P<n>\d{2,3})\W*$"
)


def _bare_minutes(norm: str) -> tuple[int, Span] | None:
    """A unitless number read as minutes: 15–240, beside a session or "done", or alone."""
    alone = _ONLY_A_NUMBER.match(norm) or _FRAGMENT_NUMBER.search(norm)
    if alone is not None and _BARE_MIN <= int(alone["n"]) <= _BARE_MAX:
        return int(alone["n"]), alone.span("n")
    for match in _BARE_NUMBER.finditer(norm):
        minutes = int(match["n"])
        if not _BARE_MIN <= minutes <= _BARE_MAX:
            continue
        before = norm[max(0, match.start() - 25) : match.start()]
        after = norm[match.end() : match.end() + 15]
        if not (_BARE_CONTEXT.search(before) or _BARE_CONTEXT.search(after)):
            continue
        if _NOT_MINUTES_BEFORE.search(before) or words.MONTH_BEFORE.search(before):
            continue
        if words.FUTURE_INTENT.search(_part_around(norm, match.start())):
            continue  # "going to do an easy 30 tomorrow instead": a plan's length
        return minutes, match.span()
    return None


# "5k in 31:20": minutes and seconds of a race, not hours and minutes.
_RACE_BEFORE = re.compile(r"(?:\b\d+(?:[.,]\d+)?\s*(?:k|km|mi|miles?)\b|\bparkrun\b|\bin)\W*$")


_RACE = re.compile(r"\b(?:parkrun|5k|10k|race|time\s+trial)\b")


# A watch's time: "watch says 47:20 total", "moving time 44:50", "47:20 elapsed".
_WATCH_TIME_BEFORE = re.compile(
    r"\b(?:watch\s+(?:says|said|shows|showed|had)|moving(?:\s+time)?|elapsed(?:\s+time)?|"
    r"time|duration|total|took(?:\s+me)?|strava|garmin|coros)\W*$"
)
_ELAPSED = re.compile(r"\belapsed(?:\s+time)?\s*[:=-]?\s*$")
_WATCH_TIME_AFTER = re.compile(r"\s*(?:total|moving|elapsed|on\s+(?:the|my)\s+watch)\b")


def _is_minutes_seconds(norm: str, match: re.Match[str]) -> bool:
    """True for a race or watch time ("5k in 31:20", "parkrun this morning, 28:45", "watch
    says 47:20 total")."""
    before = norm[max(0, match.start() - 20) : match.start()]
    hours = int(match.group("h"))
    if not 12 < hours <= 60 or _CLOCK_TIME_BEFORE.search(before):
        return False
    if hours >= 24:
        return True  # "run walk: 52:03" is no time of day and no length in hours
    return bool(
        _RACE_BEFORE.search(before)
        or _RACE.search(norm)
        or _WATCH_TIME_BEFORE.search(before)
        or _WATCH_TIME_AFTER.match(norm, match.end())
    )


def _minutes(kind: str, match: re.Match[str]) -> int | None:
    groups = match.groupdict()
    if kind == "rounds":
        rounds = int(groups["n"] or groups["n2"])
        each = int(groups["a"] or groups["a2"]) + int(groups["b"] or groups["b2"])
        return rounds * each if rounds <= 30 and each <= 30 else None
    if kind in ("hours_minutes", "clock"):
        return round(_number(groups["h"]) * 60 + int(groups["m"]))
    if kind == "clock_range":
        start = int(groups["h"]) % 12 * 60 + int(groups["m"]) + (groups["p1"] == "pm") * 720
        end = int(groups["h2"]) % 12 * 60 + int(groups["m2"]) + (groups["p2"] == "pm") * 720
        if end <= start:
            end += 720  # "10:30 to 2:15": past noon
        return end - start if end - start <= 720 else None
    if kind == "and_quarters":
        if not re.search(words.HOURS, match.group()):
            return None
        hours = _number(groups["h"]) if groups["h"] else 1.0
        quarters = 45 if groups["q"].startswith(("three", "3")) else 15
        return round(hours * 60 + quarters)
    if kind == "hour_and_minutes":
        return 60 + int(groups["m"])
    if kind == "hours_word_minutes":
        hours = _number(groups["h"]) if groups["h"] else 1.0
        return round(hours * 60 + (vocabulary.number_value(groups["mw"].replace(" ", "-")) or 0))
    if kind == "and_a_bit":
        return round(_number(groups["h"]) * 60) if groups["h"] else 60
    if kind == "and_a_half":
        hours = groups["h"] or groups["h2"] or groups["h3"]
        return round(_number(hours) * 60 + 30)
    fixed = {
        "hour_and_a_half": 90,
        "half_hour": 30,
        "three_quarters": 45,
        "quarter_hour": 15,
        "hour_long": 60,
        "hour_or_so": 60,
    }
    if kind in fixed:
        return fixed[kind]
    amount = _number(groups["n"])
    # "the big one - 7 hrs" is seven hours, not a range from one.
    if groups.get("n2") and groups["n"][0].isdigit() != groups["n2"][0].isdigit():
        amount = _number(groups["n2"])
    elif groups.get("n2"):
        amount = max(amount, _number(groups["n2"]))  # "40-45 min": the higher, as for effort
    if kind == "hours":
        extra = int(groups["m"]) if groups.get("m") else 0
        return round(amount * 60) + extra
    return round(amount)


Span = tuple[int, int]

_CLOCK_TIME_BEFORE = re.compile(
    r"\b(?:at|by|from|to|until|till|til|around|start\w*|left|leaving|before|after|@|woke|"
    r"set\s+off|setting\s+off|back\s+at\s+the\s+car|back|home|finished|returned|up|alarm|"
    r"alarm\s+went\s+off|alarm\s+set\s+for)\s*$|@\s*$"
)


# "strength at 21h": a whole hour of the evening told the continental way, not a length.
_HOUR_OF_DAY = re.compile(r"(?:1[5-9]|2[0-3])h")
_EACH = re.compile(r"\s*each\b(?!\s+way)")
_EACH_WAY = re.compile(r"\s*(?:each\s+way|there\s+and\s+back\s+each)\b")


_HALF_MINUTE = 30
# Paces beside a run: "pace 7:40", "6:20/km", "the same loop was 7:05 at 145".
_PACE_CONTEXT = re.compile(
    r"\bpace\b|/\s*(?:km|k|mi|mile)\b|\bmin\s*/\s*(?:km|mi)\b|\bper\s+(?:km|k|mile|mi)\b"
)
_SLOWEST_PACE, _FASTEST_PACE = 15, 3


def _is_a_pace(norm: str, match: re.Match[str]) -> bool:
    """True for minutes and seconds a kilometre or mile, in a message that tells its pace: no
    hiker runs a kilometre in under three minutes, and a run of 3 to 15 hours told beside a
    pace has its length named as one ("time 3:10", "moving 4:05")."""
    before = norm[max(0, match.start() - 20) : match.start()]
    return (
        _FASTEST_PACE <= int(match.group("h")) <= _SLOWEST_PACE
        and bool(_PACE_CONTEXT.search(norm))
        and not _WATCH_TIME_BEFORE.search(before)
    )


def _is_not_a_session(norm: str, match: re.Match[str], kind: str) -> bool:
    before = norm[max(0, match.start() - 45) : match.start()]
    if kind == "clock" and (
        _CLOCK_TIME_BEFORE.search(before)
        or int(match.group("h")) > 12
        # "Cubbon Park 06:15 morning": a zero-led hour is the time of day.
        or (
            len(match.group("h")) == 2
            and match.group("h")[0] == "0"
            and match.group("h") != "00"
            and not _WATCH_TIME_BEFORE.search(before)
        )
    ):
        return True
    if kind == "hours" and _HOUR_OF_DAY.fullmatch(match.group()):
        return True
    if words.NOT_A_SESSION_BEFORE.search(before):
        return True
    if kind == "minutes" and _EACH.match(norm, match.end()):
        return True
    after = words.NOT_A_SESSION_AFTER.match(norm, match.end())
    if (
        after
        and after.group().lstrip().startswith("in")
        and (_GOT_IN_BEFORE.search(before) or _CUT_SHORT.search(norm))
    ):
        # "only got 25 mins in before school called", "cut it short, 25 min in and I bailed":
        # what was done, all of it.
        return False
    return bool(after)


_CUT_SHORT = re.compile(r"\bcut\s+(?:it\s+|the\s+\w+(?:\s+\w+)?\s+)?short\b")
_GOT_IN_BEFORE = re.compile(
    r"\b(?:got|get|managed|fit|fitted|squeezed|snuck)\s+(?:only\s+|just\s+)?"
    r"(?:about\s+|around\s+|maybe\s+|like\s+)?$"
)


# --- effort --------------------------------------------------------------------------------


def _rpe(norm: str) -> tuple[int | None, bool]:
    """The RPE given, if in 1–10, and whether a rating above the scale was given ("12/10")."""
    off_scale = False
    first: int | None = None
    for index, pattern in enumerate(words.RPE_PATTERNS):
        for match in pattern.finditer(norm):
            is_out_of_ten = index == words.OUT_OF_TEN_PATTERN
            if is_out_of_ten and words.PAIN_RATING_BEFORE.search(norm[: match.start()][-40:]):
                continue
            if words.PAIN_RATING_AFTER.match(norm, match.end()):
                continue
            value = _rating(match)
            if value is None or _negative(norm, match.start("n")):
                continue
            if 1 <= value <= 10:
                # "RPE 9 on the reps, 4 overall": the session's rating is the overall one.
                if words.OVERALL_RATING.match(norm, match.end()):
                    return value, off_scale
                first = value if first is None else first
            off_scale = off_scale or (is_out_of_ten and value > 10)
    overall = words.BARE_OVERALL_RATING.search(norm) if first is not None else None
    if overall is not None and 1 <= int(overall["n"]) <= 10:
        return int(overall["n"]), off_scale
    return first, off_scale


def _negative(norm: str, start: int) -> bool:
    """True for a minus sign on the number ("rpe -3"), not a dash between words ("rpe - 7")."""
    return norm[max(0, start - 2) : start] in (" -", "(-") or norm[:start] == "-"


def _rating(match: re.Match[str]) -> int | None:
    low = _rating_number(match.group("n"))
    high = _rating_number(match.group("n2")) if match.group("n2") else low
    if high < low or high - low > 3:
        return None
    # Half-up, so "7-8" and "7.5" read as 8 rather than banker's 8/7.
    return int((low + high) / 2 + 0.5)


def _rating_number(token: str) -> float:
    value = words.RPE_WORDS.get(token)
    return float(value) if value is not None else float(token.replace(",", "."))


def _is_hard(norm: str, earlier_too: bool = False, rpe: int | None = None) -> bool:
    """Whether the words say the session was very hard; beside a rating under 8, a struggle
    alone does not ("really struggled with the run bits, rpe 7")."""
    return any(
        not _negated(norm, match.start())
        and not (rpe is not None and rpe < _HARD_RPE and _STRUGGLE.fullmatch(match.group()))
        and not (rpe is not None and rpe <= _EASY_RPE and _SPENT_ONCE.fullmatch(match.group()))
        for match in _hard_matches(norm, earlier_too)
    )


_HARD_RPE = 8
# Beside a rating of 6 or under, a blow-up told of one part is no very hard session.
_EASY_RPE = 6
_SPENT_ONCE = re.compile(
    r"blew\s+up|wrecked|knackered|cooked|fried|gassed|shattered|(?:lungs?\s+)?(?:burning|on\s+fire)"
)
_STRUGGLE = re.compile(r"struggl\w*|suffer\w*")


def _hard_matches(norm: str, earlier_too: bool = False) -> list[re.Match[str]]:
    """The hard words of `norm` that tell of the session; with `earlier_too`, also those told
    of an earlier day ("still wrecked from saturday"), for a session dated then."""
    idioms = [m.span() for m in words.NOT_HARD.finditer(norm)]
    return [
        match
        for match in words.HARD.finditer(norm)
        if not any(match.start() < end and start < match.end() for start, end in idioms)
        and not _expected(norm, match.start())
        and (earlier_too or not _about_an_earlier_day(norm, match))
    ]


def _about_an_earlier_day(norm: str, match: re.Match[str]) -> bool:
    """True for a hard word about an earlier day: "legs still cooked from saturday"."""
    if words.HARD_CAUSE_AFTER.match(norm, match.end()):
        return True
    clause = re.split(r"[.!?;,\n]|\bbut\b", norm[max(0, match.start() - 25) : match.start()])[-1]
    return bool(words.HARD_CARRIED_BEFORE.search(clause))


def _expected(norm: str, position: int) -> bool:
    """True for a hard word told as what was feared: "expected carnage", "thought it would be
    brutal"."""
    clause = re.split(r"[.!?;\n]|\bbut\b", norm[max(0, position - 50) : position])[-1]
    return bool(words.EXPECTED_BEFORE.search(clause))


def _negated(norm: str, position: int) -> bool:
    clause = re.split(r"[.!?;,\n]|\bbut\b", norm[max(0, position - 40) : position])[-1]
    return bool(words.NEGATION_BEFORE.search(clause))


def _felt_rpe(norm: str, hard: bool) -> int | None:
    if hard:
        very = any(
            words.VERY_HARD.search(norm, max(0, m.start() - 15), m.end() + 15)
            for m in _hard_matches(norm)
        )
        return 9 if very else 8
    easy = [m for m in words.EASY.finditer(norm) if not _negated(norm, m.start())]
    return 3 if easy else None


# --- activity ------------------------------------------------------------------------------


# How much a mention gains by sitting right beside the session length: "30 min run then 15
# min of squats" is a run, "hiked 2 hrs then 20 min of hill repeats" a hike; one beside a
# shorter length is a side part.
_TIMED_BONUS = 1.0
_TIMED_GAP = 12
_CLAUSE_BREAK = re.compile(r"[.,;!?\n]|\bthen\b|\band\b|\bplus\b|\+")


def _activity(
    norm: str, timed: list[Span] | None = None
) -> tuple[Activity | None, list[Span], float]:
    """The main session, where it is mentioned and how firmly: the heaviest mention wins, the
    first on a tie; the one timed with the session length (the first of `timed`) weighs more,
    side parts ("with a bit of running", a shorter timed part), skipped sessions and sessions
    named as a cause ("sore after yesterday's hill reps") less."""
    timed = timed or []
    mentions: list[tuple[float, Activity, Span]] = []
    for match in words.ACTIVITY.finditer(norm):
        index = int((match.lastgroup or "a0")[1:])
        name, weight, _ = words.ACTIVITY_PHRASES[index]
        before = norm[max(0, match.start() - 30) : match.start()]
        beside = [_beside(norm, match.span(), span) for span in timed]
        minor = any(beside[1:]) and not beside[0]
        if (
            minor
            or words.MINOR_BEFORE.search(before)
            or words.MINOR_AFTER.match(norm, match.end())
        ):
            weight /= 2
        # A negation reaches over a few words of its own clause, never past a comma.
        clause = re.split(r"[.,;:!?\n]|\s[-–—]\s", before)[-1]
        if words.SOMEONE_ELSES_BEFORE.search(clause):
            weight *= 0.2  # never firm enough to stand for the athlete's session
        elif (
            words.NEGATED_ACTIVITY_BEFORE.search(clause)
            or words.CAUSE_BEFORE.search(clause)
            or words.UNAVAILABLE_AFTER.match(norm, match.end())
            or _SORE_FROM_DAYS_SESSION.search(clause)
        ):
            weight *= 0.3
        elif beside and beside[0]:
            weight += _TIMED_BONUS
        if _DONE_INSTEAD.match(norm, match.end()):
            weight += _INSTEAD_BONUS  # "no strength today, I did a swim instead"
        mentions.append((weight, Activity(name), match.span()))
    if not mentions:
        return None, [], 0.0
    heaviest = max(weight for weight, _, _ in mentions)
    tied = [activity for weight, activity, _ in mentions if weight == heaviest]
    # Running mixed evenly with hiking or walking is a run-walk, and a run-walk is a run.
    mixed = Activity.RUN in tied and set(tied) <= {Activity.RUN, Activity.HIKE, Activity.WALK}
    main = Activity.RUN if mixed else tied[0]
    if main is Activity.WALK and words.PACK_CARRIED.search(norm):
        main = Activity.HIKE  # "a 40 min walk round the park with the pack on": a hike
    return main, [span for _, activity, span in mentions if activity == main], heaviest


# What was done in place of the plan's session: "did a swim instead (of the strength)".
# Not a day swapped: "did strength on Tuesday instead".
_DONE_INSTEAD = re.compile(
    r"(?:(?!\b(?:on|yesterday|today|tomorrow|tonight|this|last|\w+day)\b)[^.,;:!?\n]){0,30}?"
    r"\binstead\b"
)
_INSTEAD_BONUS = 1.0


def _beside(norm: str, first: Span, second: Span) -> bool:
    """True when two spans sit within a few characters in the same clause."""
    start, end = min(first[1], second[1]), max(first[0], second[0])
    # "50 min. today's strength": the point a length ends on also ends its sentence.
    if norm[start - 1 : start] == "." and norm[start : start + 1].isspace():
        start -= 1
    return end - start <= _TIMED_GAP and not _CLAUSE_BREAK.search(norm, start, max(start, end))


def _skipped(norm: str) -> bool:
    if words.PLANNED_REST.search(norm) or words.MOVED.search(norm):
        return False
    return any(
        not words.NOT_SKIPPED_AFTER.match(norm, match.end())
        and not _part_left_out(norm, match)
        and not _SOME_DONE_THEN.search(norm, max(0, match.start() - 40), match.start())
        for match in words.SKIPPED.finditer(norm)
    )


# "did 3 of the 6 hill reps then bailed", "25 min in and the rain came, so i bailed": the
# session cut short, not missed.
_SOME_DONE_THEN = re.compile(
    r"\b(?:did|done|got\s+through|managed)\s+(?:\d+|one|two|three|four|five|half)\s+of\s+"
    r"(?:the\s+|my\s+)?(?:\d+|\w+)\b[^.!?\n]*\b(?:then|and|before)\s+$|"
    r"\b\d+\s*(?:min\w*|mins|k|km)\s+in\b[^.!?\n]*\b(?:so|and)\s+(?:i\s+)?$"
)


_PART_OBJECT = re.compile(r"\s*(?:(?:for|on)\s+)?(?:(?:the|my|a|any)\s+)?")
_DONE_BEFORE = re.compile(r"\b(?:did|done|got\s+through|managed)\b")


def _part_left_out(norm: str, skip: re.Match[str]) -> bool:
    """True when what was left out is a part of a session done: "did squats and step ups, ran
    out of time for the RDLs" is a short strength session, not a missed one."""
    part = words.ACTIVITY.match(norm, _PART_OBJECT.match(norm, skip.end()).end())
    if part is None:
        return False
    name = _phrase_activity(part)
    return any(
        _phrase_activity(done) == name
        and _DONE_BEFORE.search(norm, max(0, done.start() - 20), done.start())
        for done in words.ACTIVITY.finditer(norm, 0, skip.start())
    )


def _phrase_activity(match: re.Match[str]) -> str:
    return words.ACTIVITY_PHRASES[int((match.lastgroup or "a0")[1:])][0]


# --- planned session -----------------------------------------------------------------------

_PLANNED_ACTIVITY = {
    SessionKind.LONG_HIKE: Activity.HIKE,
    SessionKind.RECOVERY_HIKE: Activity.HIKE,
    SessionKind.RUN_WALK: Activity.RUN,
    SessionKind.EASY_RUN: Activity.RUN,
    SessionKind.HILL_REPEATS: Activity.RUN,
    SessionKind.STRENGTH: Activity.STRENGTH,
    SessionKind.REST: Activity.REST,
}
# Words that say a session was done without naming it: "done", "did it", "✅".
_DONE = re.compile(
    r"\b(?:done|did\s+(?:it|mine|the\s+(?:session|workout|thing|plan)|today'?s)|completed|"
    r"finished|ticked\s+off|in\s+the\s+bag|got\s+it\s+done|managed\s+it|nailed\s+it|"
    r"smashed\s+it|crushed\s+it|as\s+planned|per\s+plan|session\s+(?:done|complete)|"
    # Done in the languages of hikers who write English as a second language.
    r"erledigt|gemacht|gedaan|klaar|fatto|fatta|hecho|hecha|fait|faite|feito|feita|klart|"
    # Part of it done: "half of it", "did most of it".
    r"(?:half|part|some|most)\s+of\s+it)\b|[✅✔☑]|"
    # "yes but only 2 rounds not 3": done, in part.
    r"^\W*(?:yes|yep|yup|yeah)(?=[\s,.!-]+(?:but\b|only\b|\d))"
)
_WHOLE_WEEK = re.compile(
    r"\b(?:missed|skipped|nothing|didn't\s+(?:do|manage)\s+anything)\s+(?:\w+\s+){0,2}"
    r"(?:whole|entire|all)\s+(?:of\s+)?(?:the\s+|last\s+|this\s+)?week\b|"
    r"\b(?:missed|skipped)\s+(?:most|much|all|half)\s+of\s+(?:last|this|the)\s+week\b"
)
# Efforts counted tell that a session happened: "6 reps of ~40s", "8 x 30 sec".
_REPS_DONE = re.compile(r"\b\d+\s*(?:x\s*\d+|reps?\b|repeats\b|efforts\b|intervals\b)")
# A moment in a session tells that it happened: "twisted my ankle 10 min in".
_MOMENT_IN = re.compile(r"\b\d+\s*(?:min\w*|m|k|km|miles?)\s+in\b")
# Told instead of the planned session: "went for a walk instead", "just walked".
_INSTEAD = re.compile(r"\binstead\b|\bjust\s+(?:a\s+)?walk|\bonly\s+walk|\bno\s+runn?ing\b")
# On a run day, walking only the climbs is the run of weeks 5–8: "only walked the big climb".
_WALKED_THE_CLIMBS = re.compile(
    r"\bwalk\w*\s+(?:up\s+)?(?:the\s+|all\s+the\s+)?(?:\w+\s+)?(?:climbs?|hills?|uphills?|ups|"
    r"steep\s+bits?|inclines?)\b|\bcontinuous\w*\b|\bwithout\s+stopping\b"
)
# The plan's mostly-walking Thursday of weeks 1–8 is one of the two runs.
_THURSDAY = 3
# A mention weaker than this is a side part ("walked home"), not the session.
_FIRM = 0.75
# A run named only by a race distance ("15km") is not firm enough to outweigh hours out.
_FIRM_RUN = 2.0
# An unnamed outing this long is a hike, whatever the day: nobody here runs three hours.
_LONG_OUTING_MINUTES = 150


def _with_plan(
    norm: str,
    activity: Activity | None,
    planned: PlannedKind,
    session_day: dt.date,
    duration: int | None,
    moved: bool = False,
) -> Activity | None:
    """The activity once the planned session is known: the words' own when they name one
    (a walk on the mostly-walking Thursday being its run), else the planned session's when the
    message tells of doing or missing a session."""
    kind = planned(session_day)
    if kind is None:
        return activity
    if activity is not None:
        if (
            activity is Activity.WALK
            and _PLANNED_ACTIVITY.get(kind) is Activity.RUN
            and _WALKED_THE_CLIMBS.search(norm)
            and "instead" not in norm  # "walked the hill instead": a walk in the run's place
        ):
            return Activity.RUN
        if activity is not Activity.WALK or _INSTEAD.search(norm):
            return activity
        if kind is SessionKind.RUN_WALK and session_day.weekday() == _THURSDAY:
            return Activity.RUN  # the mostly-walking Thursday is one of the two runs
        if _PLANNED_ACTIVITY.get(kind) is Activity.RUN and _runs_too(norm):
            return Activity.RUN  # "ran the flats, walked the ups": the run, with walk breaks
        if kind is SessionKind.RECOVERY_HIKE and (
            _FLAT_WALK.search(norm) or not _HILLY_WALK.search(norm)
        ):
            # "recovery walk on the flat canal path", "a gentle walk with the dog": a walk,
            # which counts; up the hill behind the house or round the crags, it is the hike.
            return activity
        if kind in (SessionKind.LONG_HIKE, SessionKind.RECOVERY_HIKE) and not _skipped(norm):
            return Activity.HIKE  # on a hike day a walk is the hike, unless the hike was missed
        return activity
    told = (
        duration is not None
        or moved
        or _REPS_DONE.search(norm)
        or _DONE.search(norm)
        or _MOMENT_IN.search(norm)
        or _skipped(norm)
        or _rpe(norm)[0] is not None
        or _hard_matches(norm)
    )
    if not told or _WHOLE_WEEK.search(norm):
        return None  # "missed the whole week": no one session to name
    if kind is SessionKind.EASY_WALK:
        # The optional walk of a rest-or-walk day: done or missed, it was the walk.
        walked = duration is not None or _skipped(norm) or _DONE.search(norm)
        return Activity.WALK if walked else Activity.REST
    return _PLANNED_ACTIVITY.get(kind)


# A walk on the flat, not in the hills: "canal path", "round the park".
_FLAT_WALK = re.compile(
    r"\b(?:flat|canal|towpath|round\s+the\s+(?:park|block|village|estate)|pavements?|streets?|"
    r"promenade|prom|seafront|beach|shopping|the\s+shops)\b"
)
_HILLY_WALK = re.compile(
    r"\b(?:hills?|up|crags?|peaks?|fells?|mountains?|moors?|ridges?|climb\w*|trails?|tops|summit\w*|"
    r"ascent|\d+\s*(?:m|ft)\b|blueys|(?:[2-9]|\d{2})(?:\.\d+)?\s*(?:hrs?|hours?|h)\b)"
)
# "instead of the run": what the session done replaced.
_INSTEAD_OF = re.compile(
    r"\binstead\s+of\s+(?:the\s+|my\s+|a\s+|an\s+|today'?s\s+|\w+day'?s\s+|this\s+\w+'?s\s+)?"
)


def _skipped_with_plan(
    norm: str,
    skipped: bool,
    activity: Activity | None,
    kind: SessionKind | None,
    duration: int | None,
) -> bool:
    """Whether the planned session was missed, once the session done is known: replaced by
    another ("cycled to work instead of the run") it was; cut short ("bailed at 2 hrs", "ran
    out of time, 3 h instead of 5") it was not."""
    plan = _PLANNED_ACTIVITY.get(kind) if kind is not None else None
    if activity is None or kind in (None, *RESTFUL_KINDS):
        return skipped  # a rest day traded for a session is no session missed
    if activity is Activity.REST:
        # "took a rest day instead of my run", "sunday I did nothing": the session was missed;
        # "moved my rest day to today" swapped the days.
        return not _REST_MOVED_HERE.search(norm)
    replaced = _replaced(norm)
    either = (kind is SessionKind.RECOVERY_HIKE and activity in (Activity.RUN, Activity.HIKE)) or (
        kind is SessionKind.RUN_WALK and activity is Activity.HIKE
    )
    if either and replaced is not None:
        # The plan's Sunday is a recovery hike or an easy run, either one; "hill walking
        # instead of running" is the early weeks' Thursday, walked. Why the one was not done
        # ("too windy for the moor") is why the other was.
        return False
    if replaced is not None and replaced is not activity:
        return True
    moved_here = _ANOTHER_DAYS.search(norm) or _DID_IT_INSTEAD.search(norm)
    if activity not in _COUNTS_FOR.get(kind, frozenset({plan})) and not moved_here:
        return True  # "45 min on the bike", "a walk, knee still dodgy": the run was not done
    if skipped and duration is not None and activity is plan and replaced is None:
        # "bailed at 2 hrs": cut short, done; "skipped hills, ran easy 40 min instead": the
        # hill session missed for another run.
        return bool(kind is SessionKind.HILL_REPEATS and _HILLS_SKIPPED.search(norm))
    return skipped


_HILLS = re.compile(r"hills?\b|hill\s+(?:session|reps|repeats)\b")
_REST_MOVED_HERE = re.compile(
    r"\b(?:moved|swapped|switched|shifted)\s+(?:my\s+|the\s+)?rest\s+day\s+(?:to|for|with)\s+today\b"
)
_HILLS_SKIPPED = re.compile(
    r"\b(?:skipped|missed|ditched|binned|no)\s+(?:the\s+|my\s+|today'?s\s+|\w+day'?s\s+)?hill"
)
_HILL_DAYS = frozenset({SessionKind.RUN_WALK, SessionKind.HILL_REPEATS})
# "skipped tues run, did it today instead": the missed session, made up.
_DAY_HEAD = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\s*[:-]\s*$"
)
_DID_IT_INSTEAD = re.compile(
    r"\b(?:did|done|doing|went)\s+(?:(?:it|them)\s+)?(?:today\s+|this\s+\w+\s+)?instead\b|"
    r"\bdid\s+(?:yesterday'?s|\w+day'?s)\s+(?:\w+\s+){1,2}(?:today|this\s+\w+)\s+instead\b|"
    r"\bmade\s+(?:it\s+)?up\b|"
    # "missed Saturday's long hike but did it Sunday": done on the day named.
    r"\b(?:but|so)\s+did\s+(?:it|them)\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)


def _made_up(norm: str) -> Activity | None:
    """The session a message says was missed and then done another day, if it says so."""
    found = _DID_IT_INSTEAD.search(norm)
    if found is None:
        return None
    before = [m for m in words.ACTIVITY.finditer(norm, 0, found.end())]
    if before:
        return Activity(_phrase_activity(before[-1]))
    # "made up for missing yesterday's hike - did 3.5 hrs today": the session named after.
    after = words.ACTIVITY.search(norm, found.end(), _sentence_stop(norm, found.end()))
    return Activity(_phrase_activity(after)) if after else None


# Besides its own session, the plan's Sunday recovery hike may be an easy run.
_ALSO_COUNTS = {SessionKind.RECOVERY_HIKE: frozenset({Activity.HIKE, Activity.RUN})}
# What a planned session may be done as: anything else in its place means it was missed. A
# recovery walk is the Sunday's recovery; hill walking is the early weeks' Thursday.
# "did Tuesday's run today": another day's session, moved, is no session missed.
_ANOTHER_DAYS = re.compile(
    r"\b(?:did|done|doing|ran|made\s+up)\s+(?:\w+\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day'?s\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+instead\b"
)
_COUNTS_FOR = {
    SessionKind.RECOVERY_HIKE: frozenset({Activity.HIKE, Activity.RUN, Activity.WALK}),
    SessionKind.RUN_WALK: frozenset({Activity.RUN, Activity.HIKE}),
    SessionKind.HILL_REPEATS: frozenset({Activity.RUN, Activity.HIKE}),
}


def _planned_session(
    norm: str, lengths: list[tuple[int, Span]], kind: SessionKind | None
) -> tuple[Activity, int] | None:
    """The planned session and its length when a message tells of separate sessions, each with
    its own length ("40 min walk with the dog, then a 25 min run after work" on a run day): the
    plan's is the one reported, the others are extras. None when it tells of one session."""
    if kind is None or kind in RESTFUL_KINDS or len(lengths) < 2:
        return None
    if _parts_in_turn(norm, [(minutes, -span[0], span) for minutes, span in lengths]):
        return None  # "jogged 20 then walked 25": the parts of one session
    if any(_WHOLE.match(norm, span[1] + 1) or _told_as_sum(norm, span) for _, span in lengths):
        return None  # "5 min run, 3 min walk, forty minutes total": one session, told whole
    counts = _ALSO_COUNTS.get(kind) or frozenset({_PLANNED_ACTIVITY[kind]})
    sessions: dict[Activity, int] = {}
    for minutes, span in lengths:
        beside = [
            Activity(_phrase_activity(match))
            for match in words.ACTIVITY.finditer(norm)
            if _beside(norm, match.span(), span)
        ]
        if len(set(beside)) == 1 and beside[0] not in sessions:
            sessions[beside[0]] = minutes
    own = [(activity, minutes) for activity, minutes in sessions.items() if activity in counts]
    if len(sessions) < 2 or len(own) != 1:
        return None
    return own[0]


# Outings at different times of one day: "a run in the morning, then strength in the evening".
_OUTING_SPLIT = re.compile(r"[.;!?\n]|,?\s*\b(?:and\s+)?(?:then|also|later)\b")


def _planned_outing(
    norm: str,
    lengths: list[tuple[int, Span]],
    kind: SessionKind | None,
    activity: Activity | None,
) -> tuple[Activity, int | None] | None:
    """The planned session and its length when a message tells of outings at different times
    of the day and one of them is the plan's; None otherwise (and when `activity`, read
    already, is the plan's and its outing has no length of its own)."""
    if kind is None or kind in RESTFUL_KINDS or not _APART.search(norm):
        return None
    counts = _COUNTS_FOR.get(kind) or frozenset({_PLANNED_ACTIVITY[kind]})
    outings: list[tuple[set[Activity], list[int]]] = []
    start = 0
    for cut in [*_OUTING_SPLIT.finditer(norm), None]:
        end = cut.start() if cut else len(norm)
        named = {
            Activity(_phrase_activity(m))
            for m in words.ACTIVITY.finditer(norm, start, end)
            if not words.NEGATED_ACTIVITY_BEFORE.search(norm[max(0, m.start() - 30) : m.start()])
        }
        timed = [minutes for minutes, span in lengths if start <= span[0] < end]
        if named:
            outings.append((named, timed))
        elif timed and outings:
            outings[-1][1].extend(timed)
        start = cut.end() if cut else len(norm)
    own = [(named, timed) for named, timed in outings if named & counts]
    if len(outings) < 2 or len(own) != 1 or len(own[0][0]) != 1:
        return None
    ((named, timed),) = own
    if activity in counts and not timed:
        return None
    return next(iter(named)), max(timed) if timed else None


_HOW_DOWN_BEFORE = re.compile(
    r"\b(?:jogged|jogging|ran|running|walked|walking|jog|run|walk)\s+(?:back\s+)?(?:down|up)\s*$"
)


def _replaced(norm: str) -> Activity | None:
    """The session named after "instead of", if any."""
    for match in _INSTEAD_OF.finditer(norm):
        if _HOW_DOWN_BEFORE.search(norm, max(0, match.start() - 30), match.start()):
            continue  # "jogged down instead of walking": how a rep's way back went
        if _HILLS.match(norm, match.end()):
            return Activity.RUN
        named = words.ACTIVITY.match(norm, match.end())
        if named is not None:
            return Activity(_phrase_activity(named))
    return None


def _runs_too(norm: str) -> bool:
    """True when running is mentioned, and not denied, beside the walking."""
    for match in words.ACTIVITY.finditer(norm):
        name = _phrase_activity(match)
        clause = re.split(r"[.,;:!?\n]", norm[max(0, match.start() - 30) : match.start()])[-1]
        if name == Activity.RUN and not words.NEGATED_ACTIVITY_BEFORE.search(clause):
            return True
    return False


def is_bare_answer(text: str) -> bool:
    """A bare "yes", "nope" and the like: an answer to something, which only a reminder of the
    day's session turns into a check-in."""
    return _bare_no(_normalise(text)) is not None


def _bare_no(norm: str) -> bool | None:
    """True for a bare "nope", False for a bare "yes", None for anything else."""
    if words.BARE_YES.match(norm):
        return False
    if words.BARE_NO.match(norm):
        return True
    return None


def _bare_reply(norm: str, kind: SessionKind | None) -> tuple[Activity, bool] | None:
    """A bare "yes" or "nope" answers the reminder of the day's session: (that session,
    whether it was skipped); None for other words or a day without a session to do."""
    activity = _PLANNED_ACTIVITY.get(kind) if kind is not None else None
    skipped = _bare_no(norm)
    if activity is None or activity is Activity.REST or skipped is None:
        return None
    return activity, skipped


def _long_outing(duration: int | None) -> Activity | None:
    return Activity.HIKE if duration is not None and duration >= _LONG_OUTING_MINUTES else None


def _session_day(norm: str, date: dt.date) -> dt.date:
    """The day whose planned session the message is about: the one it labels ("did
    saturday's session today"), else the day it happened."""
    for match in words.SESSION_LABEL.finditer(norm):
        target = vocabulary.weekday_index(match["wd"])
        if target is not None:
            return date - dt.timedelta(days=(date.weekday() - target) % 7)
    return date


# --- illness -------------------------------------------------------------------------------


# "whole house has the flu, me included": the athlete too.
_ME_TOO = re.compile(
    r"\W*(?:\w+\s+)?(?:me\s+included|including\s+me|me\s+too|and\s+me|myself\s+included)\b"
)


def _illness(norm: str) -> tuple[bool, list[Span]]:
    """Whether the athlete says they are ill now, and the spans of illness words that read as
    training words ("running a temperature")."""
    ill = False
    anothers_until = -1  # "kids are home sick-ish (snotty…)": the sentence goes on about them
    for match in words.ILLNESS.finditer(norm):
        before = norm[max(0, match.start() - 45) : match.start()]
        clause = re.split(r"[.!?;,\n]", before)[-1]
        if words.ILLNESS_OVER_BEFORE.search(clause):
            continue
        if match.start() < anothers_until and not _MYSELF.search(before):
            continue
        others = words.ILLNESS_SOMEONE_ELSE_BEFORE.search(clause)
        if others and not _ME_TOO.search(norm, match.end(), match.end() + 30):
            anothers_until = _sentence_stop(norm, match.end())
            continue
        if words.ILLNESS_DENIED_BEFORE.search(clause):
            continue
        if words.ILLNESS_OF_ANOTHER_AFTER.match(norm, match.end()):
            continue  # "skipped my run, sick kid"
        if words.ILLNESS_OVER_AFTER.match(norm, match.end()):
            continue
        if words.ALLERGY.search(norm) and words.ALLERGY_LIKE.fullmatch(match.group()):
            continue  # hay fever's sneezing and streaming nose are no illness to rest for
        if match.group().endswith("sick") and words.ILLNESS_PRAISE_BEFORE.search(
            norm, max(0, match.end() - 50), match.end() - len("sick")
        ):
            continue
        ill = True
        break
    spans = [m.span() for m in words.ILLNESS_NOT_TRAINING.finditer(norm)] if ill else []
    return ill, spans


_MYSELF = re.compile(r"\b(?:i|i'?m|i'?ve|me|myself)\b")
_ILL_CLAUSE_END = re.compile(r"[.,;!?\n]|[\U0001F300-\U0001FAFF]|\band\b")


def _illness_day(norm: str, today: dt.date) -> dt.date:
    """The day named in the sentence telling of the illness; today when it names none."""
    for match in words.ILLNESS.finditer(norm):
        start = max((m.end() for m in _ILL_CLAUSE_END.finditer(norm, 0, match.start())), default=0)
        stop = _ILL_CLAUSE_END.search(norm, match.end())
        found = _date_candidates(norm[start : stop.start() if stop else len(norm)], today, [])
        return min(found)[2] if found else today
    return today


# --- climb, pack, distance -----------------------------------------------------------------


def _measures(norm: str) -> tuple[int | None, float | None, float | None, list[Span]]:
    """Climb in metres, pack weight in kilograms, distance in kilometres (the largest of each
    told), and where they are."""
    spans: list[Span] = []
    masked = norm

    def take(patterns: tuple[re.Pattern[str], ...]) -> list[tuple[float, str, Span]]:
        nonlocal masked
        found = []
        for pattern in patterns:
            for match in pattern.finditer(masked):
                value = _quantity(match)
                if value is None:
                    continue
                found.append((value, match["u"], match.span()))
                spans.append(match.span())
                start, end = match.span()
                masked = masked[:start] + " " * (end - start) + masked[end:]
        return found

    climbs = [
        value * (words.M_PER_FOOT if unit.startswith(("f", "'")) else 1)
        for value, unit, _ in take(words.CLIMB_PATTERNS)
    ]
    if not climbs and words.OUTING_SUMMARY.search(norm):
        climbs = [
            value
            for value, _, (start, _) in take((words.BARE_CLIMB,))
            if not words.BARE_CLIMB_NOT_BEFORE.search(norm, max(0, start - 25), start)
        ]
        climbs = [v for v in climbs if words.BARE_CLIMB_MIN <= v <= words.BARE_CLIMB_MAX]
    climb = round(max(climbs)) if climbs else None
    strength = words.STRENGTH_LOAD.search(norm)
    packs = [
        (value * (words.KG_PER_POUND if unit.startswith(("l", "p")) else 1), span)
        for value, unit, span in take(words.PACK_PATTERNS)
    ]
    packs = [(kg, span) for kg, span in packs if not (strength and _bare_weight(norm, span))]
    pack = round(max(kg for kg, _ in packs), 1) if packs else None
    distances = [
        value * (words.KM_PER_MILE if unit.startswith("mi") else 1)
        for value, unit, _ in take(words.DISTANCE_PATTERNS)
    ]
    distance = round(max(distances), 1) if distances else None
    if climb is not None and not 0 < climb <= 20_000:
        climb = None
    if pack is not None and not 0 < pack <= 100:
        pack = None
    if distance is not None and not 0 < distance <= 1_000:
        distance = None
    return climb, pack, distance, spans


def _bare_weight(norm: str, span: Span) -> bool:
    """True for a weight with no pack word beside it ("squats with 20 kg")."""
    around = norm[max(0, span[0] - 25) : span[1] + 25]
    return not re.search(r"pack|rucksack|ruck|carry|carried|carrying|load", around)


def _quantity(match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if groups.get("w"):
        words_amount = " ".join(groups["w"].split())
        value = float(
            words_amount
            if words_amount.isdigit()
            else vocabulary.number_value(words_amount) or words.WORD_NUMBERS.get(words_amount, 0)
        )
        if "and a half" in match.group():
            value += 0.5
        return value or None
    raw = groups["q"]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", raw):
        value = float(raw.replace(",", ""))
    else:
        value = float(raw.replace(",", "."))
    if groups.get("k"):
        value *= 1000
    if groups.get("q2"):
        value = (value + float(groups["q2"].replace(",", "."))) / 2
    return value


# --- pain ----------------------------------------------------------------------------------


def _pain(norm: str) -> tuple[list[PainSite], list[PainSite], bool]:
    """Sites reported as painful and sites said to be fine again, each in the order mentioned,
    and whether the pain is said to be gone with no site named (which clears them all)."""
    for harmless_phrase in _NOT_PAIN_PHRASES:
        needs = _PHRASE_NEEDS.get(harmless_phrase)
        if needs is None or needs.search(norm):
            norm = _blank(norm, [m.span() for m in harmless_phrase.finditer(norm)])
    gone = list(words.MENTIONED_GONE.finditer(norm))
    told_gone = [site for m in gone if (site := _bare_site(m["site"] or m["site2"])) is not None]
    norm = _blank(norm, [m.span() for m in gone])
    norm = _blank(norm, [m.span() for m in _SAME_SITE_ASIDE.finditer(norm)])
    norm = _ONE_OF_A_PAIR.sub(_the_site_again, norm)
    norm = _blank(norm, [m.span() for m in words.BLISTER_WEAR.finditer(norm)])
    for harmless in _NO_PAIN_JUST.finditer(norm):
        # "knee clicked a few times. No pain, just clicking": the clicking is no pain.
        stem = re.compile(rf"\b{harmless['stem']}\w*")
        norm = _blank(norm, [m.span() for m in stem.finditer(norm)])
    tokens, starts = _pain_tokens(norm)
    # Worn-out words ("toast", "wrecked") are a complaint at a joint, effort at a muscle.
    joint_tokens = [
        ("trigger", text) if kind == "fatigue" else (kind, text) for kind, text in tokens
    ]
    sites: list[PainSite] = []
    cleared: list[PainSite] = []
    named: list[PainSite] = []
    pain_at: dict[PainSite, int] = {}
    cleared_at: dict[PainSite, int] = {}
    for index, (kind, _) in enumerate(tokens):
        if not kind.startswith(("site:", "implicit:")):
            continue
        if _someone_elses(tokens, index) or _OWNED_BY_ANOTHER.search(
            norm, max(0, starts[index] - 60), starts[index]
        ):
            continue
        part = _part_around(norm, starts[index])
        past = words.PAST_PAIN.search(part) or (
            words.RECENT_PAST.search(part) and words.PAST_PAIN_HEALED.search(part)
        )
        if past and not (
            _hurts_now(tokens, index)
            or words.STILL_HURTS.search(part)
            or _hurt_in_its_own_clause(norm, tokens, index, starts[index])
        ):
            # "had shin splints in my twenties"; "the sprain from last month is healed" clears.
            if words.PAST_PAIN_HEALED.search(part) and _site_of(kind) not in cleared:
                named.append(_site_of(kind))
                cleared.append(_site_of(kind))
            continue
        site = _site_of(kind)
        named.append(site)
        if kind.startswith("implicit:"):
            # A named condition is a pain unless denied: "no shin splints".
            state: str | None = "absent" if _neg_before(tokens, index) else "pain"
        else:
            state = _site_state(joint_tokens if site in _JOINTS else tokens, index)
        if state == "absent":
            # "No pain in the knee" clears it only when told as a change: "…first time in
            # weeks", "fine now", "grand again"; "hip was no trouble" is just no pain.
            state = "cleared" if words.PAIN_CHANGE.search(part) else None
        sentence_stop = _sentence_stop(norm, starts[index], _SENTENCE_END)
        if state == "pain" and (
            _FINE_NOW_LATER.search(norm, starts[index], sentence_stop)
            or _FINE_BY_LATER.search(norm, starts[index], sentence_stop)
            or _FINE_NEXT_DAY.search(norm, starts[index], _sentence_stop(norm, starts[index]))
        ):
            state = "cleared"  # "rolled my ankle on the scree, it's fine now"
        if state == "pain":
            pain_at[site] = starts[index]
            if site not in sites:
                sites.append(site)
        elif state == "cleared":
            cleared_at[site] = starts[index]
            if site not in cleared:
                cleared.append(site)
    for site in _stopped_for(norm):
        if site not in sites:
            sites.append(site)
    cleared += [site for site in dict.fromkeys(told_gone) if site not in cleared]
    # "knee ached on Saturday's descent; on Sunday it was completely fine": told fine later.
    sites = [site for site in sites if cleared_at.get(site, -1) < pain_at.get(site, 0)]
    cleared = [site for site in cleared if site not in sites]
    all_clear = bool(words.PAIN_CLEARED.search(norm)) or any(
        words.PAIN_CHANGE.search(_part_around(norm, m.start()))
        for m in words.NO_PAIN.finditer(norm)
    )
    if all_clear and named and not sites and not cleared:
        # "the pain's gone from my knee": the all-clear is about the sites it names.
        cleared = list(dict.fromkeys(named))
    return sites, cleared, all_clear and not named


# Phrases that tell of no pain, blanked in turn before sites are read: tightness said not to
# hurt, the normal or usual soreness, a complaint taken back or gone.
_NOT_PAIN_PHRASES = (
    words.TIGHT_NOT_PAINFUL,
    words.NORMAL_SORENESS,
    words.MUSCLES_SORE_FROM,
    words.WAS_SORE_CLAUSE,
    words.PAIN_TAKEN_BACK,
    words.NO_SITES_LISTED,
    words.PAIN_NOT_BACK,
    words.USUAL_TIGHTNESS,
    words.PAIN_STAYED_AWAY,
    words.PAST_INJURY_CLAUSE,
)
# Words without which a slow phrase cannot match, looked for first: each phrase scans every
# position of a sentence, which long reports make costly.
_PHRASE_NEEDS = {
    words.NORMAL_SORENESS: re.compile(
        r"normal|healthy|good\s+(?:sore|soreness|ache|achy|tired|kind|way)|"
        r"usual\s+(?:tight|sore|achy|stiff|heavy|tired)|stiff|tight"
    ),
    words.PAIN_TAKEN_BACK: re.compile(r"\bpain|hurt"),
    words.PAIN_NOT_BACK: re.compile(r"\bback\b"),
    words.PAIN_STAYED_AWAY: re.compile(
        r"behaved|held\s+up|show\s+up|appear|flare|return|complain|play"
    ),
}
# "my right knee (same knee as before) ached": the aside names the site again.
_SAME_SITE_ASIDE = re.compile(
    r"\((?:same|the\s+same|that|again|left|right|old|usual)[^()]{0,40}\)"
)
# "that calf again, the right one, niggling": the one of the pair named before.
_ONE_OF_A_PAIR = re.compile(
    r"\b(?P<site>calf|knee|ankle|hip|shin|achilles|foot|heel|hamstring|quad|glute)s?\b"
    r"(?P<gap>[^.!?\n]{0,30}?)"
    r"\bthe\s+(?P<side>left|right)\s+one\b"
)


def _the_site_again(match: re.Match[str]) -> str:
    return f"{match['site']}{match['gap']}the {match['side']} {match['site']}"


_NO_PAIN_JUST = re.compile(
    r"\bno\s+pain\W+(?:just|only)\s+(?:the\s+|a\s+bit\s+of\s+|some\s+)?"
    r"(?P<stem>click|clunk|crack|grind|creak|pop|tight|stiff)"
)


def _stopped_for(norm: str) -> list[PainSite]:
    """Sites named bare as why a session stopped: "bailed after 15 min, calf", "turned back
    at 10 min - knee"."""
    found = (_bare_site(match["site"]) for match in words.STOPPED_FOR_SITE.finditer(norm))
    return [site for site in found if site is not None]


def _bare_site(text: str) -> PainSite | None:
    """The site a word names on its own ("calf", "it band"), None when it names none."""
    tokens, _ = _pain_tokens(text)
    if len(tokens) == 1 and tokens[0][0].startswith("site:"):
        return _site_of(tokens[0][0])
    return None


def _hurts_now(tokens: list[tuple[str, str]], index: int) -> bool:
    """True for a site said to hurt now, right beside it, in a sentence that also tells of the
    past: "ankle a bit tender where I rolled it last month"."""
    right = _scan(tokens, index, +1)
    if right is None or right[0] != "trigger" or right[2]:
        return False
    between = [text for _, text in tokens[index + 1 : right[1]]]
    told_now = ("is", "a", "bit", "still", "'s", "feels", "now", "started", "began", "starting")
    return any(word in told_now for word in between)


def _hurt_in_its_own_clause(
    norm: str, tokens: list[tuple[str, str]], index: int, position: int
) -> bool:
    """True for a site that hurt this time, told in a clause of its own beside one about the
    past: "left knee ached on the downhill, the same one I had surgery on years ago"."""
    right = _scan(tokens, index, +1)
    if right is None or right[0] != "trigger" or right[2] or right[1] != index + 1:
        return False
    if _gone_after(tokens, right[1]) or _fine_now_after(tokens, right[1]):
        return False
    start = max(norm.rfind(mark, 0, position) for mark in ",.;!?\n") + 1
    ends = [i for i in (norm.find(mark, position) for mark in ",.;!?\n") if i >= 0]
    return not words.PAST_PAIN.search(norm, start, min(ends, default=len(norm)))


_FINE_NOW_LATER = re.compile(
    r"(?:,\s*(?:but\s+)?|\s+but\s+)(?:it'?s|it\s+is|all|and\s+it'?s)\s+(?:all\s+)?(?:fine|ok|okay|"
    r"good|grand|better)\s+(?:now|this\s+morning|today)\b"
    # "hip was hurting on yesterday's descent, fine today": an earlier day's pain, over.
    r"|\b(?:yesterday|yday|last\s+night)\b[^.!?;]*?,\s*(?:but\s+)?(?:fine|ok|okay|good|grand)\s+"
    r"(?:now|this\s+morning|today)\b"
    # "ankle that I rolled two weeks back is 100% now": an old injury, healed.
    r"|\b(?:weeks?|months?|days?)\s+(?:back|ago)\s+(?:is|was|'s|has\s+been|feels|felt)\s+"
    r"(?:completely\s+|totally\s+|all\s+)?(?:fine|ok|okay|good|grand|100%|healed|sorted)(?:\s+now)?"
)
# "tweaked my groin, but it was completely fine by yesterday morning".
_FINE_BY_LATER = re.compile(
    r",\s*(?:but\s+)?(?:it\s+)?(?:was|were|is|'s)\s+(?:completely\s+|totally\s+|all\s+)?(?:fine|ok|"
    r"okay|good|better|gone)\s+(?:again\s+)?by\b"
)
_SENTENCE_END = re.compile(r"[.;!?\n]")
# "knee ached on Saturday's descent; on Sunday it was completely fine": fine the day after.
_FINE_NEXT_DAY = re.compile(
    r"[;,]\s*(?:(?:on|by)\s+\w+\s+|today\s+|now\s+)?(?:it|they)\s+(?:was|were|is|'s|felt|feels)\s+"
    r"(?:completely\s+|totally\s+|perfectly\s+|all\s+)?(?:fine|ok|okay|good|grand)\b(?!\s+for\b)"
)
_FULL_STOP = re.compile(r"[.!?\n]")


def _sentence_stop(norm: str, position: int, ends: re.Pattern[str] = _FULL_STOP) -> int:
    """Where the sentence holding `position` stops: at the next of `ends`, or the text's end."""
    found = ends.search(norm, position)
    return found.start() if found else len(norm)


def _site_of(kind: str) -> PainSite:
    """The site a pain token names: "site:knee" and "implicit:knee" are the knee."""
    return PainSite(kind.split(":", 1)[1])


def _pain_tokens(norm: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The pain words of `norm` as (kind, text), and where each starts."""
    tokens, starts = [], []
    for match in words.PAIN_TOKEN.finditer(norm):
        group = match.lastgroup or "word"
        kind = group if group in ("word", "list", "end") else words.PAIN_TOKENS[int(group[1:])][0]
        tokens.append((kind, match.group()))
        starts.append(match.start())
    return tokens, starts


_PART_BREAK = re.compile(r"[.;!?\n]|\b(?:but|though|however)\b")


def _part_around(norm: str, position: int) -> str:
    """The sentence, up to a "but", that holds `position`."""
    start, end = _part_span(norm, position)
    return norm[start:end]


def _part_span(norm: str, position: int) -> Span:
    """Where the sentence, up to a "but", that holds `position` starts and ends."""
    start = 0
    for match in _PART_BREAK.finditer(norm):
        if match.start() >= position:
            return start, match.start()
        start = match.end()
    return start, len(norm)


# "Mate who came along has a dodgy knee", "my partner has a bad ankle": another's site.
_OWNED_BY_ANOTHER = re.compile(
    r"\b(?:partner|wife|husband|hubby|friend|mate|buddy|pal|son|daughter|kid|child|boyfriend|"
    r"girlfriend|mum|mom|dad|brother|sister|colleague|he|she)\b(?:\s+who\s+\w+(?:\s+\w+)?)?"
    r"\s+(?:has|had|'s\s+got|has\s+got|got|with|is\s+nursing|was\s+nursing)\s+"
    r"(?:a\s+|an\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}$"
    # "dads knee was hurting": someone's, the apostrophe dropped.
    r"|\b(?:partners|wifes|husbands|hubbys|friends|mates|sons|daughters|kids|mums|moms|dads|"
    r"brothers|sisters|colleagues)\s+(?:(?:left|right|bad|dodgy|old)\s+)?$"
    # "My friend had to turn back at the col with a sore knee".
    r"|\b(?:partner|wife|husband|hubby|friend|mate|buddy|pal|son|daughter|boyfriend|girlfriend|mum|"
    r"mom|dad|brother|sister|he|she)\b(?:(?!\b(?:i|my|me|i'm)\b)[^.!?,;\n]){0,60}?\bwith\s+"
    r"(?:a|an|his|her|their)\s+(?:\w+\s+)?$"
)


def _someone_elses(tokens: list[tuple[str, str]], index: int) -> bool:
    """True for a site that belongs to someone else: "my partner's ankle", "her knee", "she's
    got a dodgy hamstring"."""
    for position in range(index - 1, max(-1, index - 5), -1):
        kind, text = tokens[position]
        if kind == "other":
            return True
        if kind not in ("filler", "trigger") or text in ("i", "me", "my", "i've", "i'm"):
            return False
    return False


# Where a worn-out word is a complaint rather than tired muscles.
_JOINTS = frozenset(
    {
        PainSite.KNEE,
        PainSite.ACHILLES,
        PainSite.IT_BAND,
        PainSite.ANKLE,
        PainSite.SHIN,
        PainSite.HIP,
        PainSite.FOOT,
        PainSite.BACK,
    }
)


def _site_state(tokens: list[tuple[str, str]], index: int) -> str | None:
    """'pain', 'cleared', 'absent' (no pain said, as in "knee fine") or None for the site at
    `index`, from the words around it."""
    negated_before = _neg_before(tokens, index)
    right = _scan(tokens, index, +1)
    if right is not None:
        kind, at, negated = right
        if kind == "pos" and (
            _qualified(tokens, at) or tokens[at + 1 : at + 2] == [("filler", "during")]
        ):
            # "Fine for walking" clears nothing; what follows may still hurt.
            return "pain" if _pain_further_on(tokens, at) else None
        if kind == "pos" and _still_hurts(tokens, at):
            return "pain"  # "better but not right yet", "fine but still a bit sore"
        if kind == "pos" or (kind == "trigger" and (negated or negated_before)):
            return "absent"
        if kind == "trigger":
            return "cleared" if _gone_after(tokens, at) or _fine_now_after(tokens, at) else "pain"
    left = _scan(tokens, index, -1)
    if left is not None:
        kind, at, _ = left
        if kind == "trigger":
            if _neg_before(tokens, at):
                return "absent"
            if _gone_after(tokens, index) or _fine_now_after(tokens, index):
                return "cleared"
            return "pain"
    if _excepted_from_no_pain(tokens, index):
        return "pain"
    return "pain" if _complaint_by_pronoun(tokens, index) else None


def _excepted_from_no_pain(tokens: list[tuple[str, str]], index: int) -> bool:
    """True for the site a denial of pain leaves out: "no pain except my toes"."""
    position = index - 1
    while position >= 0 and (
        tokens[position][0] in ("filler", "list") or tokens[position][1] == "for"
    ):
        position -= 1
    if position < 2 or tokens[position][0] != "stop" or tokens[position][1] not in _EXCEPT:
        return False
    position -= 1
    while position > 0 and (tokens[position][0] == "list" or tokens[position][1] in _ANYWHERE):
        position -= 1  # "no pains anywhere, except…"
    return tokens[position][0] == "trigger" and tokens[position - 1][0] == "neg"


_EXCEPT = frozenset({"except", "apart from"})
_ANYWHERE = frozenset({"anywhere", "else", "at", "all"})


# The word a dictated clause ends on before the next begins unmarked: "my knees are not what
# they were they ached".
_CLAUSE_CLOSERS = frozenset({"were", "was", "used", "be", "been"})


def _complaint_by_pronoun(tokens: list[tuple[str, str]], index: int) -> bool:
    """True when a later clause of the sentence takes the site up as "they" or "it" and says
    it hurt: "my knees are not what they were, they ached on the way down"."""
    for position in range(index + 1, min(len(tokens) - 1, index + 12)):
        kind, text = tokens[position]
        if kind == "end" or kind.startswith(("site:", "implicit:")):
            return False
        if text in ("they", "it", "both") and (
            tokens[position - 1][0] == "list" or tokens[position - 1][1] in _CLAUSE_CLOSERS
        ):
            found = _scan(tokens, position, +1)
            return found is not None and found[0] == "trigger" and not found[2]
    return False


def _qualified(tokens: list[tuple[str, str]], at: int) -> bool:
    return any(kind == "qualifier" for kind, _ in tokens[at + 1 : at + 3])


def _pain_further_on(tokens: list[tuple[str, str]], at: int) -> bool:
    """True when a pain word follows a qualified "fine" within its sentence."""
    for kind, _ in tokens[at + 1 : at + 9]:
        if kind == "end" or kind.startswith("site:"):
            return False
        if kind == "trigger":
            return True
    return False


def _still_hurts(tokens: list[tuple[str, str]], at: int) -> bool:
    """True when a "but" after a "better" or "fine" leads to a pain word of the same site."""
    for position in range(at + 1, min(len(tokens), at + 4)):
        if tokens[position][0] == "stop":
            return _pain_further_on(tokens, position) and not _scan_negated(tokens, position)
        if tokens[position][0] not in ("filler", "list"):
            return False
    return False


def _scan_negated(tokens: list[tuple[str, str]], at: int) -> bool:
    """True when the first pain word after `at` is denied: "fine but no pain"."""
    found = _scan(tokens, at, +1)
    return found is not None and found[2]


def _fine_now_after(tokens: list[tuple[str, str]], at: int) -> bool:
    """True for a pain said to be over: "knee was sore but fine now"; not for one that is
    only bearable: "tight but ok to run"."""
    seen_stop = False
    for position in range(at + 1, min(len(tokens), at + 7)):
        kind = tokens[position][0]
        if kind == "stop":
            seen_stop = True
        elif kind == "gone" and seen_stop:
            return True
        elif kind == "pos" and seen_stop:
            after = " ".join(text for _, text in tokens[position : position + 4])
            return bool(words.PAIN_CHANGE.search(after))
        elif kind not in ("filler", "list"):
            return False
    return False


def _scan(tokens: list[tuple[str, str]], index: int, step: int) -> tuple[str, int, bool] | None:
    """The first trigger or positive word beside a site, over fillers, lists and negations."""
    negated = False
    position = index + step
    for _ in range(words.PAIN_WINDOW):
        if not 0 <= position < len(tokens):
            return None
        kind = tokens[position][0]
        if kind in ("trigger", "pos"):
            return kind, position, negated
        if kind == "neg":
            negated = True
        elif kind not in ("filler", "list") and not kind.startswith("site:"):
            return None
        position += step
    return None


def _neg_before(tokens: list[tuple[str, str]], index: int) -> bool:
    position = index - 1
    for _ in range(3):
        if position < 0:
            return False
        kind = tokens[position][0]
        if kind == "neg":
            return True
        if kind not in ("filler", "list") and not kind.startswith("site:"):
            return False
        position -= 1
    return False


def _gone_after(tokens: list[tuple[str, str]], index: int) -> bool:
    """True when the pain at `index` is said to be gone a few words on; a cause told between
    ("niggle from yesterday's run has settled") is passed over."""
    cause = False
    for kind, text in tokens[index + 1 : index + 9]:
        if kind == "gone":
            return True
        if kind == "word" and (cause or text in _CAUSE_WORDS):
            cause = True
            continue
        if kind not in ("filler", "list", "trigger"):
            return False
    return False


_CAUSE_WORDS = frozenset({"from", "after", "since"})


# --- date ----------------------------------------------------------------------------------

# How much less a kind of day word is believed, in characters of distance from the session.
# "saturday's" is often a session label ("did saturday's hike today") and "today" is often the
# moment of writing ("still sore today"), so both give way to a day word as near.
_DATE_PENALTY = {"weekday_label": 12, "today": 6}
# "too tired from yesterday": a day named as a cause is not when the check-in happened.
_CAUSE_BEFORE = re.compile(r"\b(?:from|after|since)\s+(?:the\s+|my\s+)?$")
# "shoulder still achy from the pack yesterday": the cause's day.
_SORE_FROM_BEFORE = re.compile(
    r"\b(?:sore|achy|aching|stiff|tired|tender)\s+from\s+(?:the\s+|my\s+|all\s+the\s+)?[a-z]+\s+$"
)
# "twinged on the 4th": the fourth rep, not the fourth of the month.
_NTH_REP_BEFORE = re.compile(
    r"\b(?:reps?|repeats?|intervals?|efforts?|sets?|laps?|rounds?)\b|\b\d+\s+of\s+the\s+\d+\b"
)
# "Coros data from yesterday": the day the figures are of, not a cause.
_DATA_FROM_BEFORE = re.compile(
    r"\b(?:data|stats|numbers|figures|summary|splits|file|upload|activity|watch)\s+from\s+$"
)
_LATER_BEFORE = re.compile(
    r"\b(?:until|till|til|next)\s+$|\(\s*(?:until|till)\s+$|\bready\s+for\s+$"
    # "harder than tue but ok": a day compared with, not the day told.
    r"|\b(?:than|as\s+on|like\s+on|compared\s+(?:to|with)|vs\.?|versus)\s+(?:last\s+)?$"
    # "Back Thursday.": a sentence saying when the athlete returns.
    r"|(?:^|[.!?]\s*)(?:back|home|returning|return)\s+(?:on\s+)?$|\bback\s+at\s+it\s+(?:on\s+)?$"
    # "forecast looks way better for Sunday": a day ahead.
    r"|\b(?:looks?|looking|better|worse|forecast\w*)\b[^.!?]{0,20}\bfor\s+$"
    # "thought it was Thursday": a day mistaken, not a day told.
    r"|\b(?:thought|thinking)\s+it\s+(?:was|were)\s+$"
)
_SINCE_CLAUSE_BEFORE = re.compile(r"\bsince\s+i\b[^.!?,;\n]{0,50}$")
# "aching from carrying the pack yesterday": the day of the cause, a few words on.
_MISSED_BEFORE = re.compile(r"\b(?:i\s+)?(?:missed|skipped)\s+(?:on\s+)?$")
_DONE_BEFORE = re.compile(r"\b(?:did|done|made\s+up)\b")
_CAUSE_DOING_BEFORE = re.compile(r"\bfrom\s+\w+ing\b(?:\s+\w+){0,3}\s+$")


def _date(norm: str, today: dt.date, anchors: list[Span]) -> dt.date:
    """The day the check-in is about: the day word nearest the main session, or, with no
    session named, the first day word (labels and "today" last); `today` when none."""
    candidates = _date_candidates(norm, today, anchors)
    if not candidates:
        return today
    return min(candidates)[2]


def _date_candidates(
    norm: str, today: dt.date, anchors: list[Span], *, told_before: bool = False
) -> list[tuple[float, int, dt.date]]:
    """Each day `norm` names, not as a cause, with how far it sits from the anchors.
    `told_before`: text before `norm` tells a session of today."""
    candidates: list[tuple[float, int, dt.date]] = []
    for kind, pattern in words.DATE_PATTERNS:
        for match in pattern.finditer(norm):
            found = _date_from(kind, match, norm, today)
            if (
                found is None
                or _is_a_cause(norm, match, anchors)
                or _dates_an_injury(norm, match, anchors)
            ):
                continue
            if kind == "day_of_month" and _NTH_REP_BEFORE.search(
                norm, max(0, match.start() - 60), match.start()
            ):
                continue
            if _dates_an_aside(norm, match, anchors) or _dates_a_plan(norm, match):
                continue
            if kind == "weekday" and _dates_a_schedule(
                norm, match, (today - found).days, told_before=told_before
            ):
                continue
            if kind == "weekday" and _BY_BEFORE.search(
                norm, max(0, match.start() - 5), match.start()
            ):
                continue  # "will see how it is by Thursday": a day still to come
            label = "weekday_label" if kind == "weekday" and match.group("poss") else kind
            penalty = _DATE_PENALTY.get(label, 0)
            distance = min((_gap(match.span(), span) for span in anchors), default=0)
            candidates.append((distance + penalty, match.start(), found))
    return candidates


# Life around a session: "had a massive lasagne last night", "a work do last night", "will see
# how it goes tomorrow".
_ASIDE = re.compile(
    r"\b(?:ate|eat|eaten|dinner|lunch|breakfast|pasta|pizza|lasagne|curry|steak|wine|beer|drinks?|"
    r"slept|sleep|bed|party|work\s+do|meeting|planning|plan\s+to|going\s+to|will|see\s+how|"
    r"gp|doctor|doc|antibiotics|prescribed|pharmacy|pharmacist|physio|osteo|chiro|massage|"
    r"appointment|his|her|their|resting\s+it|rested\s+it)\b"
)


_BY_BEFORE = re.compile(r"\bby\s+$")
_SESSION_IN_CLAUSE = re.compile(
    r"\d|\b(?:long\s+one|big\s+one|hike|run|walk|session|hills?|gym|strength|reps|repeats)\b"
)


def _clause_span(norm: str, match: re.Match[str]) -> Span:
    """Where the clause holding a named day starts and ends."""
    start = max((m.end() for m in _DATE_CLAUSE.finditer(norm, 0, match.start())), default=0)
    return start, _sentence_stop(norm, match.end(), _DATE_CLAUSE)


def _dates_a_plan(norm: str, match: re.Match[str]) -> bool:
    """True for a day named in a clause telling a plan: "planning to do the long one Saturday"."""
    start, end = _clause_span(norm, match)
    return bool(_PLANNING.search(norm, start, end)) and not _TOLD_DONE.search(norm, start, end)


def _dates_a_schedule(
    norm: str, match: re.Match[str], days_back: int, *, told_before: bool = False
) -> bool:
    """True for a weekday named after a report in a clause that tells nothing done: "40 mins,
    easy. hills thurs, long hike sat with dad" lists the days to come. A day just gone is
    called yesterday, so a weekday one day back is still told of."""
    if match["last"] or days_back < 2:
        return False
    if match["poss"] and match["poss"].strip() and not _IS_A.match(norm, match.end()):
        return False  # "saturday's hike" is a day's session; "sunday's a walk" a plan
    start, end = _clause_span(norm, match)
    if not told_before and not _SESSION_IN_CLAUSE.search(norm, 0, start):
        return False
    return not _PAST_TOLD.search(norm, start, end) and not _LENGTH_TOLD.search(norm, start, end)


def _lists_a_day_to_come(clause: str, today: dt.date, *, told_before: bool) -> bool:
    """True for a clause naming a weekday as one of the days to come (`_dates_a_schedule`)."""
    return any(
        (found := _weekday(match, clause, today)) is not None
        and _dates_a_schedule(clause, match, (today - found).days, told_before=told_before)
        for match in _WEEKDAY_DATE.finditer(clause)
    )


_WEEKDAY_DATE = dict(words.DATE_PATTERNS)["weekday"]
_IS_A = re.compile(r"\s+(?:a|an|the|just|only)\b")
# A clause telling something done or how it went: "did", "was", "hiked", "loved it".
_PAST_TOLD = re.compile(
    r"\b(?:did|done|was|were|went|ran|felt|had|got|came|made|took|kept|left|nailed|"
    r"(?!(?:planned|booked|scheduled|pencilled|penciled)\b)\w{2,}ed)\b"
)
_LENGTH_TOLD = re.compile(
    r"\b\d+(?:[.,:]\d+)?\s*(?:h|hr|hrs|hours?|m|min|mins|minutes?)\b|\b\d+h\d+"
)


_PLANNING = re.compile(
    r"\b(?:planning|plan\s+to|plan\s+is|plan'?s|going\s+to|gonna|hoping\s+to|aiming\s+to|"
    r"need\s+to|have\s+to\s+(?:do|move|fit|squeeze)|gotta|"
    # "got a work trip on Thursday": an event still to come.
    r"(?:got|have)\s+an?\s+(?:\w+\s+)?(?:trip|wedding|conference|course|race|event|"
    r"appointment|meeting|exam|flight)\s+(?:on|this|next))\b"
)
_TOLD_DONE = re.compile(r"\b(?:did|done|was|went|ran|hiked|walked)\b")


def _dates_an_aside(norm: str, match: re.Match[str], anchors: list[Span]) -> bool:
    """True for a day named in a clause about food, sleep, a party or a plan, with no session
    in it, beside a clause that tells one."""
    start, end = _clause_span(norm, match)
    if any(start <= a < end for a, _ in anchors) or (start, end) == (0, len(norm)) or not anchors:
        return False
    if _SESSION_IN_CLAUSE.search(_SLEEP_FIGURE.sub(" ", norm[start:end])):
        return False
    return bool(_ASIDE.search(norm, start, end))


# "slept 4 hrs straight", "6 hours sleep": a figure of the night, no session's.
_SLEEP_FIGURE = re.compile(
    r"\bslept\s+(?:for\s+)?(?:about\s+|only\s+|like\s+|maybe\s+)?\d+\s*(?:hrs?|hours?|h)\b|"
    r"\b\d+\s*(?:hrs?|hours?|h)\s+(?:of\s+)?(?:sleep|kip)\b"
)


def _dates_an_injury(norm: str, match: re.Match[str], anchors: list[Span]) -> bool:
    """True for a day named in a clause telling of an injury, and of no session: "couldn't do
    hills, rolled my ankle on a kerb yesterday" is today's skip."""
    opened, closed = norm.rfind("(", 0, match.start()), norm.find(")", match.end())
    if opened > norm.rfind(")", 0, match.start()) and closed >= 0:
        aside = norm[opened:closed]
        if _SORE_BEFORE.search(aside) and not _SESSION_IN_CLAUSE.search(aside):
            return True  # "Left hip is fine now (it was sore on Tuesday)"
    start, end = _clause_span(norm, match)
    if any(start <= a < end for a, _ in anchors) or (start, end) == (0, len(norm)):
        return False
    return bool(words.INJURY_EVENT.search(norm, start, end) or _PAIN_BACK.search(norm, start, end))


# "the knee niggle that came back last Sat": when a complaint returned, not a session's day.
_PAIN_BACK = re.compile(
    r"\b(?:niggle|twinge|pain|ache|strain|soreness)\b[^.,;!?]{0,30}?\b(?:came|come|comes|flared|"
    r"started)\s+(?:back|up|again)\b"
)


_DATE_CLAUSE = re.compile(r"[.,;!?\n]")
_BECAUSE_BEFORE = re.compile(
    r"\b(?:because|cos|coz|cuz|bc|b/c|since)\s+(?:of\s+)?(?:the\s+|my\s+)?$"
)
_SORE_BEFORE = re.compile(
    r"\b(?:sore|achy|aching|stiff|tired|heavy|cooked|dead|wrecked|tender|tight|hurting|hurts|toenail|"
    r"blisters?|bruised|throbbing|niggle|twinge|pain|ache|strain|swollen|swelling|puffy|knackered|"
    r"shattered|exhausted)\b"
)


# "back's sore from carrying the baby on Sunday's walk": the walk the soreness came from.
_SORE_FROM_DOING = re.compile(
    r"\b(?:sore|achy|aching|stiff|tight|tender|swollen|bruised)\s+(?:from|after)\s+[^.!?;]{0,40}?"
    r"\bon\s+$"
)
_SORE_FROM_DAYS_SESSION = re.compile(
    r"\b(?:sore|achy|aching|stiff|tight|tender)\s+(?:from|after)\b[^.!?;]*\b(?:on|from|after)\s+"
    r"(?:\w+day'?s|yesterday'?s|last\s+night'?s)\s+$"
)
_SINCE_BEFORE = re.compile(r"\bsince\s+$")
_AFTER_BEFORE = re.compile(r"\bafter\s+$")


def _is_a_cause(norm: str, match: re.Match[str], anchors: list[Span] | None = None) -> bool:
    """A day named as a cause ("sore from saturday") is not when the check-in happened, nor
    is a day still to come ("never again (until tuesday)"). A session named as the cause
    ("achy from yesterday's hills") is the check-in's day only when no other session is
    reported beside it ("Rested. Knee achy from yesterday's hills" is about today)."""
    before = norm[max(0, match.start() - 25) : match.start()]
    if _LATER_BEFORE.search(before):
        return True
    if _SINCE_CLAUSE_BEFORE.search(norm, max(0, match.start() - 60), match.start()):
        return True  # "grumbling since I lifted the bike into the car on sunday"
    if match.group().endswith("s") or norm.startswith("'s", match.end()):
        # "achy from yesterday's hills" tells a cause; "did saturday's hike today" a label.
        if _SINCE_BEFORE.search(before) or (
            _AFTER_BEFORE.search(before)
            and _SESSION_IN_CLAUSE.search(before)
            and not _FULL_STOP.search(before)
        ):
            return True  # "achy since saturday's hike", "hills after saturday's monster"
        wider = norm[max(0, match.start() - 40) : match.start()]
        sore_from = bool(
            (_CAUSE_BEFORE.search(before[-12:]) and _SORE_BEFORE.search(wider))
            or _SORE_FROM_DOING.search(norm, max(0, match.start() - 60), match.start())
        )
        if not anchors and sore_from and _SESSION_IN_CLAUSE.search(norm, 0, match.start()):
            return True  # a clause "1h hike + back sore from yesterday's pack" is today's
        elsewhere = [a for a in anchors or [] if not 0 <= a[0] - match.end() <= 25]
        if sore_from and words.TODAY_WORD.search(norm, match.end()):
            return True  # "back's sore from Sunday's walk so resting today"
        if not elsewhere:
            return False
        return bool(_BECAUSE_BEFORE.search(before)) or sore_from
    if _CAUSE_DOING_BEFORE.search(before) or _SORE_FROM_BEFORE.search(before):
        return True
    if _BECAUSE_BEFORE.search(before) and any(end <= match.start() for _, end in anchors or []):
        return True  # "6 x 40s, dialled it back bc saturday was rough": the reason's day
    if _SORE_FROM_DOING.search(norm, max(0, match.start() - 60), match.start()):
        return True  # "ankle's swollen from the stumble on Thursday"
    if _MISSED_BEFORE.search(before) and _DONE_BEFORE.search(norm, 0, match.start()):
        return True  # "did the gym session i missed yday": made up today
    return bool(_CAUSE_BEFORE.search(before[-12:]) and not _DATA_FROM_BEFORE.search(before))


def _gap(first: Span, second: Span) -> int:
    return max(0, second[0] - first[1], first[0] - second[1])


def _date_from(kind: str, match: re.Match[str], norm: str, today: dt.date) -> dt.date | None:
    if kind == "iso":
        return _past_date(today, int(match["m"]), int(match["d"]), int(match["y"]))
    if kind in ("day_month", "month_day"):
        return _past_date(today, words.MONTHS[match["mon"][:3]], int(match["day"]))
    if kind == "day_before_yesterday":
        return today - dt.timedelta(days=2)
    if kind == "ago":
        return _days_ago(match, today)
    if kind == "yesterday":
        return today - dt.timedelta(days=1)
    if kind == "today":
        return today
    if kind == "weekday":
        return _weekday(match, norm, today)
    return _day_of_month(today, int(match["day"]))


def _past_date(today: dt.date, month: int, day: int, year: int | None = None) -> dt.date | None:
    """That day in the given year (or this one), stepped back a year while it is in the future or
    does not exist (29 February)."""
    year = today.year if year is None else year
    if not 1 <= month <= 12 or not 1 <= day <= 31 or not 1 < year <= today.year + 1:
        return None
    for candidate_year in range(year, year - 9, -1):
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def _days_ago(match: re.Match[str], today: dt.date) -> dt.date | None:
    amount = match["n"].strip()
    count = 3 if amount.endswith("few") else _number(amount)
    days = int(count * (7 if match["unit"].startswith("week") else 1))
    if not 0 <= days <= _REPORTED_DAYS_AGO:
        return None  # "12 weeks ago I couldn't run for a bus": looking back, no report
    return today - dt.timedelta(days=days)


_REPORTED_DAYS_AGO = 13


_LAST_OF = re.compile(
    r"\s*!|\s+(?:of\s+(?:the|my|this)|(?:run|hike|hills|session|long\s+hike)\s*(?:!|of\s+(?:the|my|this)))"
)


_THE_BEFORE = re.compile(r"\b(?:the|in|into|of)\s+$")


def _weekday(match: re.Match[str], norm: str, today: dt.date) -> dt.date | None:
    name = match["wd"]
    if name in words.AMBIGUOUS_WEEKDAYS and _THE_BEFORE.search(norm, 0, match.start()):
        return None  # "the sun was out"
    if name in words.AMBIGUOUS_WEEKDAYS and not (
        match["last"]
        or words.WEEKDAY_CONTEXT_AFTER.match(norm, match.end("wd"))
        or words.WEEKDAY_CONTEXT_BEFORE.search(norm[max(0, match.start() - 8) : match.start()])
        or (
            words.WEEKDAY_AFTER_SESSION.search(norm[max(0, match.start() - 10) : match.start()])
            and words.WEEKDAY_BEFORE_PAUSE.match(norm, match.end("wd"))
        )
    ):
        return None
    target = (
        words.WEEKDAYS.index(name) if name in words.WEEKDAYS else words.WEEKDAY_ABBREVIATIONS[name]
    )
    back = (today.weekday() - target) % 7
    # Nobody says "last Saturday" about today: on a Saturday it means a week ago ("the last
    # sunday of the plan" is the last of them, today).
    if back == 0 and match["last"] and not _LAST_OF.match(norm, match.end("wd")):
        back = 7
    return today - dt.timedelta(days=back)


def _day_of_month(today: dt.date, day: int) -> dt.date | None:
    year, month = today.year, today.month
    for _ in range(3):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate <= today:
            return candidate
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None
