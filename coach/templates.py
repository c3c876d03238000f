"""The weekly template: what each weekday holds in each phase, with its why and its cues."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from coach.schedule import FRI, MON, SAT, SUN, THU, TUE, WED
from coach.sessions import SessionKind


class SessionTemplate(BaseModel):
    """One cell of the guide's table. Texts may name the week's days as {long}, {run},
    {strength}, {walk}…: `coach.schedule.Schedule.day_names` fills in the real weekdays."""

    model_config = ConfigDict(frozen=True)

    kind: SessionKind
    minutes_min: int | None
    minutes_max: int | None
    title: str
    details: str
    why: str
    cues: tuple[str, ...] = ()


CUE_SLOW_START = "Start slower than feels right: hiking effort at running speed blows up fast."
CUE_DESCENT = "Running downhill: lean forward a little, shorten your stride, quicken your steps."
CUE_HIKE_DESCENT = "Hiking downhill: slow and controlled, short steps, poles if you have them."
CUE_WALK_CLIMBS = "Walk the climbs with purpose (power hiking) instead of running them."
CUE_TALK = "Keep it conversational: you should be able to talk in full sentences (Zone 2)."
CUE_PAIN = "Sharp or growing pain means stop and walk home. Never run through it."

REST_OR_WALK = SessionTemplate(
    kind=SessionKind.EASY_WALK,
    minutes_min=None,
    minutes_max=None,
    title="Rest or easy walk",
    details="Take the day off, or go for a relaxed walk if your legs feel like moving.",
    why="Recovery after the weekend is when the training actually sinks in.",
)

STRENGTH = SessionTemplate(
    kind=SessionKind.STRENGTH,
    minutes_min=30,
    minutes_max=40,
    title="Strength session",
    details="Squats, step-ups and Romanian deadlifts (RDLs). Add weighted step-downs and "
    "single-leg work as you get stronger.",
    why="Running alone won't build the eccentric strength that keeps knees happy on descents; "
    "this session does.",
    cues=("Control the lowering part of every rep: that's the descent strength you want.",),
)

REST = SessionTemplate(
    kind=SessionKind.REST,
    minutes_min=None,
    minutes_max=None,
    title="Rest",
    details="No training today. Sort your pack and food for tomorrow's long hike.",
    why="Fresh legs for {long}, the most important session of the week.",
)

LONG_HIKE = SessionTemplate(
    kind=SessionKind.LONG_HIKE,
    minutes_min=240,
    minutes_max=420,
    title="Long hike with full pack",
    details="4–7 hours on the trail carrying your full pack. This is the key session of the week.",
    why="{long}'s long hike is the main training stimulus; the runs in the week are there to "
    "support it, not to compete with it.",
    cues=(CUE_HIKE_DESCENT,),
)

RECOVERY_HIKE = SessionTemplate(
    kind=SessionKind.RECOVERY_HIKE,
    minutes_min=60,
    minutes_max=90,
    title="Recovery hike",
    details="An easy 60–90 minute hike at a relaxed pace. No running yet: two runs a week "
    "is plenty for the first 8 weeks.",
    why="Gentle movement helps your legs recover from the long hike without adding load.",
)

RECOVERY_HIKE_OR_RUN = SessionTemplate(
    kind=SessionKind.RECOVERY_HIKE,
    minutes_min=60,
    minutes_max=90,
    title="Recovery hike or easy trail run",
    details="60–90 minutes, easy: a relaxed hike, or an easy trail run if your legs feel fresh.",
    why="Gentle volume after the long hike, kept easy so {run} starts fresh.",
    cues=(CUE_TALK,),
)

_PHASE_1_TUESDAY = SessionTemplate(
    kind=SessionKind.RUN_WALK,
    minutes_min=40,
    minutes_max=50,
    title="Run-walk on trail",
    details="Alternate 5 minutes of easy running with 3 minutes of walking, 40–50 minutes in all.",
    why="Tendons and ligaments adapt more slowly than your heart and lungs. The walk breaks keep "
    "the load where they can cope.",
    cues=(CUE_SLOW_START, CUE_DESCENT, CUE_PAIN),
)

_PHASE_1_THURSDAY = SessionTemplate(
    kind=SessionKind.RUN_WALK,
    minutes_min=45,
    minutes_max=45,
    title="Hilly walk with easy running spells",
    details="About 45 minutes, mostly walking on hilly trail, with a few short spells of easy "
    "running on the flat or gentle downhill.",
    why="For the first 8 weeks you run twice a week and one of those sessions is mostly "
    "walking, so your connective tissue gets time to adapt.",
    cues=(CUE_SLOW_START, CUE_DESCENT, CUE_PAIN),
)

_PHASE_2_TUESDAY = SessionTemplate(
    kind=SessionKind.EASY_RUN,
    minutes_min=45,
    minutes_max=60,
    title="Continuous easy run, walk the climbs",
    details="Run the flats and downhills without stopping and power-hike every climb. Build to "
    "45–60 minutes on moderate terrain.",
    why="Power hiking is what experienced trail and ultra runners do on climbs: faster and more "
    "sustainable than forcing a run up every hill.",
    cues=(CUE_WALK_CLIMBS, CUE_DESCENT, CUE_PAIN),
)

_PHASE_2_THURSDAY = SessionTemplate(
    kind=SessionKind.RUN_WALK,
    minutes_min=45,
    minutes_max=45,
    title="Hilly walk with a little more running",
    details="About 45 minutes on hilly trail, still mostly walking, with slightly longer easy "
    "running spells than in weeks 1–4.",
    why="Still two runs a week with one mostly walking until week 8: conservative on purpose, "
    "so tendons keep pace.",
    cues=(CUE_WALK_CLIMBS, CUE_DESCENT, CUE_PAIN),
)

_PHASE_3_TUESDAY = SessionTemplate(
    kind=SessionKind.EASY_RUN,
    minutes_min=45,
    minutes_max=60,
    title="Easy trail run in Zone 2",
    details="45–60 minutes at conversational pace (Zone 2). Walk any climb that pushes you "
    "past talking pace.",
    why="Most of your running stays easy: that builds the aerobic base that makes hiking at "
    "gradient feel easier.",
    cues=(CUE_TALK, CUE_DESCENT, CUE_PAIN),
)

_PHASE_3_THURSDAY = SessionTemplate(
    kind=SessionKind.HILL_REPEATS,
    minutes_min=45,
    minutes_max=45,
    title="Hill repeats on trail",
    details="45 minutes in all. After an easy warm-up, run 20–40 second efforts up a steep "
    "grade at the hardest effort you can hold, then walk back down to recover. Repeat.",
    why="Short, hard uphill efforts are the most hiking-specific training there is, and they pay "
    "off out of proportion in uphill hiking.",
    cues=("The walk down is the recovery: take all of it.", CUE_DESCENT, CUE_PAIN),
)

_BY_PHASE: dict[int, dict[int, SessionTemplate]] = {
    1: {TUE: _PHASE_1_TUESDAY, THU: _PHASE_1_THURSDAY, SUN: RECOVERY_HIKE},
    2: {TUE: _PHASE_2_TUESDAY, THU: _PHASE_2_THURSDAY, SUN: RECOVERY_HIKE},
    3: {TUE: _PHASE_3_TUESDAY, THU: _PHASE_3_THURSDAY, SUN: RECOVERY_HIKE_OR_RUN},
}
_EVERY_PHASE: dict[int, SessionTemplate] = {
    MON: REST_OR_WALK,
    WED: STRENGTH,
    FRI: REST,
    SAT: LONG_HIKE,
}


def template_for(weekday: int, phase: int) -> SessionTemplate:
    """The template for a weekday (Monday = 0) in a phase (1–3)."""
    if phase not in _BY_PHASE:
        raise ValueError(f"phase must be 1, 2 or 3, not {phase}")
    return _BY_PHASE[phase].get(weekday) or _EVERY_PHASE[weekday]
