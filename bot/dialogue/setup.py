"""Onboarding and settings: one question at a time, answered by button or by typing."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from dataclasses import dataclass

from bot.dialogue.context import Turn
from bot.dialogue.inputs import (
    InputError,
    next_monday,
    parse_reminder_time,
    parse_start_date,
    parse_timezone,
)
from bot.dialogue.messages import Reply, keyboard
from bot.dialogue.render import EXPERIENCE_LABELS, render_settings
from coach.athletes import Athlete, Experience

STEPS = ("start_date", "timezone", "reminder", "experience")
EDIT_PREFIX = "edit:"
COMMON_ZONES = (
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Denver",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Auckland",
)
REMINDER_CHOICES = ("06:00", "07:00", "08:00", "12:00", "18:00", "20:00")


@dataclass(frozen=True)
class Step:
    name: str
    question: Callable[[Turn], Reply]
    read: Callable[[Turn, str], Athlete]  # raises InputError


def _ask_start_date(turn: Turn) -> Reply:
    monday = next_monday(turn.today)
    return Reply(
        text="When do you want to start the 12-week programme? Tap a button or type a date "
        "(YYYY-MM-DD). Already under way? A date up to 12 weeks back works too.",
        buttons=keyboard(
            [
                ("Today", f"step:start_date:{turn.today.isoformat()}"),
                (f"Next Monday ({monday:%d %b})", f"step:start_date:{monday.isoformat()}"),
            ],
        ),
    )


def _read_start_date(turn: Turn, text: str) -> Athlete:
    start = parse_start_date(text, turn.today)
    return turn.ensure_athlete().model_copy(update={"start_date": start})


def _ask_timezone(turn: Turn) -> Reply:
    rows = [
        [(zone.split("/")[-1].replace("_", " "), f"step:timezone:{zone}") for zone in pair]
        for pair in zip(COMMON_ZONES[::2], COMMON_ZONES[1::2], strict=True)
    ]
    return Reply(
        text="Which time zone are you in? Tap one, or type a zone (Europe/Vienna) or your city.",
        buttons=keyboard(*rows),
    )


def _read_timezone(turn: Turn, text: str) -> Athlete:
    return turn.ensure_athlete().model_copy(update={"timezone": parse_timezone(text)})


def _ask_reminder(turn: Turn) -> Reply:
    times = [(time, f"step:reminder:{time}") for time in REMINDER_CHOICES]
    return Reply(
        text="What time should I send you the day's session? Tap one or type a time (HH:MM).",
        buttons=keyboard(times[:3], times[3:], [("No reminders", "step:reminder:off")]),
    )


def _read_reminder(turn: Turn, text: str) -> Athlete:
    return turn.ensure_athlete().model_copy(update={"reminder_time": parse_reminder_time(text)})


def _ask_experience(turn: Turn) -> Reply:
    return Reply(
        text="Last one: how much running have you done?",
        buttons=keyboard(
            [("Never ran", "step:experience:never")],
            [("Some running", "step:experience:some")],
            [("I run regularly", "step:experience:regular")],
        ),
    )


_EXPERIENCE_WORDS = (
    (Experience.NEVER, ("never", "none", "no ", "not ", "zero", "beginner", "new")),
    (Experience.REGULAR, ("regular", "often", "lots", "every week", "weekly", "a lot")),
    (Experience.SOME, ("some", "bit", "little", "few", "occasional", "sometimes", "once")),
)


def _read_experience(turn: Turn, text: str) -> Athlete:
    lowered = f" {text.strip().lower()} "
    for experience, words in _EXPERIENCE_WORDS:
        if lowered.strip() == experience.value or any(word in lowered for word in words):
            return turn.ensure_athlete().model_copy(update={"experience": experience})
    raise InputError("Tap a button, or type never, some or regular.")


STEP_BY_NAME = {
    "start_date": Step("start_date", _ask_start_date, _read_start_date),
    "timezone": Step("timezone", _ask_timezone, _read_timezone),
    "reminder": Step("reminder", _ask_reminder, _read_reminder),
    "experience": Step("experience", _ask_experience, _read_experience),
}


def current_step(athlete: Athlete | None) -> tuple[Step, bool] | None:
    """The step the athlete is answering and whether it is a settings edit (not onboarding)."""
    if athlete is None or athlete.onboarding_step is None:
        return None
    name = athlete.onboarding_step
    editing = name.startswith(EDIT_PREFIX)
    step = STEP_BY_NAME.get(name.removeprefix(EDIT_PREFIX))
    return (step, editing) if step else None


def begin(turn: Turn) -> list[Reply]:
    """/start for someone new: greet and ask the first question."""
    athlete = turn.save(turn.ensure_athlete().model_copy(update={"onboarding_step": STEPS[0]}))
    name = html.escape(athlete.display_name.split(" ")[0]) if athlete.display_name else "there"
    greeting = Reply(
        text=f"Hi {name}! I'm TrailCoach. Over 12 weeks I'll help you add trail running to your "
        "hiking, starting gently with run-walk. Four quick questions to set you up."
    )
    return [greeting, STEP_BY_NAME[STEPS[0]].question(turn)]


def resume_onboarding(turn: Turn) -> list[Reply]:
    """Ask again the question the athlete stopped at."""
    found = current_step(turn.athlete)
    step = found[0] if found else STEP_BY_NAME[STEPS[0]]
    return [Reply(text="Let's pick up where we left off."), step.question(turn)]


def try_answer(turn: Turn, text: str) -> list[Reply] | InputError:
    """Typed text as the answer to the pending question, or why it cannot be one."""
    found = current_step(turn.athlete)
    if found is None:
        return InputError("No question is waiting for an answer.")
    step, editing = found
    try:
        athlete = step.read(turn, text)
    except InputError as error:
        return error
    return _after_answer(turn, athlete, step, editing)


def answer_button(turn: Turn, data: str) -> list[Reply]:
    """A press on 'step:NAME:VALUE' (an answer) or 'edit:NAME' (change one setting)."""
    if data.startswith(EDIT_PREFIX):
        step = STEP_BY_NAME.get(data.removeprefix(EDIT_PREFIX))
        if step is None:
            return [Reply(text="That button is no longer in use.", toast="Expired")]
        _await_edit(turn, step.name)
        return [step.question(turn)]
    _, name, value = [*data.split(":", 2), "", ""][:3]
    step = STEP_BY_NAME.get(name)
    if step is None:
        return [Reply(text="That button is no longer in use.", toast="Expired")]
    try:
        athlete = step.read(turn, value)
    except InputError as error:
        return [Reply(text=html.escape(str(error)))]
    found = current_step(turn.athlete)
    in_this_step = found is not None and found[0].name == name
    editing = found[1] if in_this_step and found else True
    return _after_answer(turn, athlete, step, editing, pressed=True)


def _after_answer(
    turn: Turn, athlete: Athlete, step: Step, editing: bool, *, pressed: bool = False
) -> list[Reply]:
    confirmation = Reply(text=confirm(step.name, athlete), edit=pressed)
    in_onboarding = athlete.onboarding_step is not None and not editing
    if not in_onboarding:
        if athlete.onboarding_step == EDIT_PREFIX + step.name:
            athlete = athlete.model_copy(update={"onboarding_step": None})
        turn.save(athlete)
        return [confirmation]
    index = STEPS.index(step.name)
    if athlete.onboarding_step != step.name:
        # A button from an earlier question: take the answer, keep asking the current one.
        turn.save(athlete)
        found = current_step(athlete)
        return [confirmation, found[0].question(turn)] if found else [confirmation]
    if index + 1 < len(STEPS):
        athlete = turn.save(athlete.model_copy(update={"onboarding_step": STEPS[index + 1]}))
        return [confirmation, STEP_BY_NAME[STEPS[index + 1]].question(turn)]
    turn.save(athlete.model_copy(update={"onboarding_step": None}))
    return [confirmation, Reply(text=_all_set(athlete))]


def confirm(step: str, athlete: Athlete) -> str:
    """One line confirming what was just set."""
    if step == "start_date" and athlete.start_date:
        return f"Start date: {athlete.start_date:%A %d %B %Y}. ✔"
    if step == "timezone":
        return f"Time zone: {html.escape(athlete.timezone)}. ✔"
    if step == "reminder":
        if athlete.reminder_time is None:
            return "No daily reminders. You can turn them on any time with /remind 07:00. ✔"
        confirmation = f"Daily reminder at {athlete.reminder_time:%H:%M} your time. ✔"
        if is_night(athlete.reminder_time):
            confirmation += (
                " That's the middle of the night, though. If you meant the morning, send "
                "e.g. /remind 07:00."
            )
        return confirmation
    if step == "experience" and athlete.experience:
        return f"Running experience: {EXPERIENCE_LABELS[athlete.experience]}. ✔"
    return "Saved. ✔"


def is_night(time: dt.time) -> bool:
    """Between 23:00 and 05:00, when a reminder is more likely a typo than a wish."""
    return time.hour >= 23 or time.hour < 5


def _all_set(athlete: Athlete) -> str:
    tip = (
        "Never run before? Perfect: the first weeks are built for you. Go slower than feels "
        "necessary."
        if athlete.experience == Experience.NEVER
        else "Even if you run already, keep the first weeks easy: tendons need time to adapt to "
        "trail running on top of hiking."
    )
    return (
        "You're all set! 🎉\n"
        f"{tip}\n"
        "Send /today for today's session, /week for the week, or /help for everything else. "
        "After a session, just tell me how it went."
    )


def settings_reply(athlete: Athlete) -> Reply:
    pause = ("Resume", "cmd:resume") if athlete.paused else ("Pause", "cmd:pause")
    return Reply(
        text=render_settings(athlete),
        buttons=keyboard(
            [("Start date", "edit:start_date"), ("Time zone", "edit:timezone")],
            [("Reminder time", "edit:reminder"), ("Experience", "edit:experience")],
            [pause, ("Delete my data", "cmd:deletedata")],
        ),
    )


def _await_edit(turn: Turn, step_name: str) -> None:
    """Wait for a typed value for one setting, unless onboarding is still asking its own."""
    athlete = turn.ensure_athlete()
    step = athlete.onboarding_step
    if step is None or step.startswith(EDIT_PREFIX):
        turn.save(athlete.model_copy(update={"onboarding_step": EDIT_PREFIX + step_name}))


def set_directly(turn: Turn, step_name: str, argument: str) -> list[Reply]:
    """/timezone, /remind, /startdate with an argument: change that setting now."""
    step = STEP_BY_NAME[step_name]
    if not argument:
        _await_edit(turn, step_name)
        return [step.question(turn)]
    try:
        athlete = step.read(turn, argument)
    except InputError as error:
        return [Reply(text=html.escape(str(error)))]
    turn.save(athlete)
    replies = [Reply(text=confirm(step_name, athlete))]
    if not athlete.onboarded:
        replies.append(Reply(text="Send /start to finish setting up."))
    return replies
