"""Onboarding and settings: one question at a time, answered by button or by typing.

Onboarding asks, in order, for what the athlete has not set yet; a setting changed by command
counts however it was set. Apart from onboarding the coach may wait for one typed value (after
/timezone with no argument, or a /settings button); any command ends that wait.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from bot.dialogue.buttons import AnswerStep, EditSetting, RunCommand, encode
from bot.dialogue.context import Turn
from bot.dialogue.inputs import (
    InputError,
    next_monday,
    parse_experience,
    parse_reminder_time,
    parse_start_date,
    parse_timezone,
    parse_weekday,
)
from bot.dialogue.messages import Reply, keyboard
from bot.dialogue.render import EXPERIENCE_LABELS, render_settings, week_outline
from bot.services.athletes import (
    Missing,
    SettingValue,
    change_setting,
    missing,
    reminders_ready,
)
from bot.storage.records import DialogueState, Setting
from coach.athletes import Athlete, Experience
from coach.schedule import Weekday

ONBOARDING = tuple(s for s in Setting if s is not Setting.REVIEW)
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
REVIEW_CHOICES = ("08:00", "18:00", "19:00", "20:00")
COMMAND_OF = {
    Setting.START_DATE: "/startdate",
    Setting.LONG_HIKE_DAY: "/longhike",
    Setting.TIMEZONE: "/timezone",
    Setting.REMINDER: "/remind",
    Setting.EXPERIENCE: "/settings",
    Setting.REVIEW: "/review",
}
CANCEL_HINT = " Or send /cancel to leave it as it is."
# The "Another day…" button under the long-hike question: all seven days follow.
OTHER_DAY = "other"


def _step(setting: Setting, value: str) -> str:
    return encode(AnswerStep(setting=setting, value=value))


def _ask_start_date(turn: Turn) -> Reply:
    monday = next_monday(turn.today)
    return Reply(
        text="When do you want to start the 12-week programme? Tap a button or type a date "
        "(YYYY-MM-DD). Already under way? A date up to 12 weeks back works too.",
        buttons=keyboard(
            [
                ("Today", _step(Setting.START_DATE, turn.today.isoformat())),
                (f"Next Monday ({monday:%d %b})", _step(Setting.START_DATE, monday.isoformat())),
            ],
        ),
    )


def _ask_long_hike_day(turn: Turn) -> Reply:
    return Reply(
        text="Which day is your long hike? The guide has it on Saturday, but any day works if "
        "your weekend falls elsewhere: the whole week turns around it.",
        buttons=keyboard(
            [
                ("Saturday", _step(Setting.LONG_HIKE_DAY, Weekday.SATURDAY)),
                ("Sunday", _step(Setting.LONG_HIKE_DAY, Weekday.SUNDAY)),
            ],
            [("Another day…", _step(Setting.LONG_HIKE_DAY, OTHER_DAY))],
        ),
    )


def _every_day(edit: bool) -> Reply:
    days = [(day.label, _step(Setting.LONG_HIKE_DAY, day)) for day in Weekday]
    return Reply(
        text="Which day is your long hike? Tap one.",
        buttons=keyboard(days[:4], days[4:]),
        edit=edit,
    )


def _ask_timezone(turn: Turn) -> Reply:
    rows = [
        [(zone.split("/")[-1].replace("_", " "), _step(Setting.TIMEZONE, zone)) for zone in pair]
        for pair in zip(COMMON_ZONES[::2], COMMON_ZONES[1::2], strict=True)
    ]
    return Reply(
        text="Which time zone are you in? Tap one, or type a zone (Europe/Vienna) or your city.",
        buttons=keyboard(*rows),
    )


def _ask_reminder(turn: Turn) -> Reply:
    times = [(time, _step(Setting.REMINDER, time)) for time in REMINDER_CHOICES]
    return Reply(
        text="What time should I send you the day's session? Tap one or type a time (HH:MM).",
        buttons=keyboard(times[:3], times[3:], [("No reminders", _step(Setting.REMINDER, "off"))]),
    )


def _ask_experience(turn: Turn) -> Reply:
    return Reply(
        text="Last one, and optional: how much running have you done? (Skip it and I'll "
        "coach you as a beginner, the safest start.)",
        buttons=keyboard(
            [("Never ran", _step(Setting.EXPERIENCE, Experience.NEVER))],
            [("Some running", _step(Setting.EXPERIENCE, Experience.SOME))],
            [("I run regularly", _step(Setting.EXPERIENCE, Experience.REGULAR))],
        ),
    )


def _ask_review(turn: Turn) -> Reply:
    times = [(time, _step(Setting.REVIEW, time)) for time in REVIEW_CHOICES]
    return Reply(
        text="At the end of each programme week I send a short review of it. What time suits "
        "you? Tap one or type a time (HH:MM).",
        buttons=keyboard(times, [("No weekly review", _step(Setting.REVIEW, "off"))]),
    )


QUESTIONS: dict[Setting, Callable[[Turn], Reply]] = {
    Setting.START_DATE: _ask_start_date,
    Setting.LONG_HIKE_DAY: _ask_long_hike_day,
    Setting.TIMEZONE: _ask_timezone,
    Setting.REMINDER: _ask_reminder,
    Setting.EXPERIENCE: _ask_experience,
    Setting.REVIEW: _ask_review,
}


def read_value(turn: Turn, setting: Setting, text: str) -> SettingValue:
    """The typed or tapped value for one setting; raises InputError with what would work."""
    if setting is Setting.START_DATE:
        return SettingValue(setting=setting, start_date=parse_start_date(text, turn.today))
    if setting is Setting.LONG_HIKE_DAY:
        return SettingValue(setting=setting, long_hike_day=parse_weekday(text))
    if setting is Setting.TIMEZONE:
        return SettingValue(setting=setting, timezone=parse_timezone(text))
    if setting is Setting.REMINDER:
        return SettingValue(setting=setting, reminder_time=parse_reminder_time(text))
    if setting is Setting.REVIEW:
        return SettingValue(setting=setting, review_time=parse_reminder_time(text))
    return SettingValue(setting=setting, experience=parse_experience(text))


# Answers that read as a check-in by accident ("07:30" as 7 h 30 min) when they were meant
# for another setup question: a bare time, date or weekday is never logged as a session.
_SHAPED_ANSWERS = (Setting.REMINDER, Setting.START_DATE, Setting.LONG_HIKE_DAY)


def answers_a_setup_question(turn: Turn, text: str) -> bool:
    """Whether the text on its own is a time, a date or a weekday: a setup answer, whichever
    question it was meant for."""
    for setting in _SHAPED_ANSWERS:
        try:
            read_value(turn, setting, text)
        except InputError:
            continue
        return True
    return False


def ask(turn: Turn, setting: Setting) -> Reply:
    return QUESTIONS[setting](turn)


def _answered(athlete: Athlete, step: Setting) -> bool:
    return {
        Setting.START_DATE: athlete.start_date is not None,
        Setting.LONG_HIKE_DAY: athlete.long_hike_day is not None,
        Setting.TIMEZONE: athlete.timezone is not None,
        Setting.REMINDER: athlete.reminder_time is not None,
        Setting.EXPERIENCE: athlete.experience is not None,
    }[step]


def next_step(athlete: Athlete, after: Setting | None = None) -> Setting | None:
    """The first onboarding question after `after` that the athlete has not answered yet."""
    steps = ONBOARDING if after is None else ONBOARDING[ONBOARDING.index(after) + 1 :]
    return next((step for step in steps if not _answered(athlete, step)), None)


def begin(turn: Turn) -> list[Reply]:
    """/start for someone not set up yet: greet and ask the first question still open."""
    athlete = turn.ensure_athlete()
    step = next_step(athlete)
    name = html.escape(athlete.display_name.split(" ")[0]) if athlete.display_name else "there"
    greeting = Reply(
        text=f"Hi {name}! I'm TrailCoach. Over 12 weeks I'll help you add trail running to your "
        "hiking, starting gently with run-walk. A few quick questions to set you up."
    )
    if step is None:
        turn.set_state(DialogueState())
        return [greeting, Reply(text=_all_set(athlete))]
    turn.set_state(DialogueState(onboarding=step))
    return [greeting, ask(turn, step)]


def resume_onboarding(turn: Turn) -> list[Reply]:
    """Ask again the onboarding question the athlete stopped at."""
    step = turn.state.onboarding or Setting.START_DATE
    return [Reply(text="Let's pick up where we left off."), ask(turn, step)]


def apply(turn: Turn, value: SettingValue, *, pressed: bool = False) -> list[Reply]:
    """Store a setting however it came (typed answer, button, command) and say what follows:
    the next onboarding question, or what reminders still need."""
    athlete, state = change_setting(turn.uow, turn.ensure_athlete(), value, turn.state, turn.today)
    turn.athlete, turn.state = athlete, state
    replies = [Reply(text=confirm(value.setting, athlete), edit=pressed)]
    step = state.onboarding
    if step is not None:
        following = next_step(athlete, step) if step is value.setting else step
        if following is None:
            turn.set_state(state.model_copy(update={"onboarding": None}))
            return [*replies, Reply(text=_all_set(athlete))]
        turn.set_state(state.model_copy(update={"onboarding": following}))
        return [*replies, ask(turn, following)]
    hint = _reminder_hint(athlete, value.setting)
    return [*replies, Reply(text=hint)] if hint else replies


def try_answer(turn: Turn, text: str) -> list[Reply] | InputError:
    """Typed text as the answer to the question waiting (a setting, or onboarding), or why it
    cannot be one."""
    step = turn.state.awaiting_setting or turn.state.onboarding
    if step is None:
        return InputError("No question is waiting for an answer.")
    try:
        value = read_value(turn, step, text)
    except InputError as error:
        return error
    return apply(turn, value)


def waiting_question(turn: Turn) -> Reply | None:
    """The question the coach is waiting on, to ask again after a message aside."""
    step = turn.state.awaiting_setting or turn.state.onboarding
    return None if step is None else ask(turn, step)


def skip_experience(turn: Turn) -> None:
    """The experience question is asked once: a message that doesn't answer it leaves it."""
    if turn.state.onboarding is Setting.EXPERIENCE and turn.state.awaiting_setting is None:
        turn.set_state(turn.state.model_copy(update={"onboarding": None}))


def answer_step(turn: Turn, press: AnswerStep) -> list[Reply]:
    """A tap on one of the answers under a setup question."""
    if press.setting is Setting.LONG_HIKE_DAY and press.value == OTHER_DAY:
        return [_every_day(edit=True)]
    try:
        value = read_value(turn, press.setting, press.value)
    except InputError as error:
        return [Reply(text=html.escape(str(error)))]
    return apply(turn, value, pressed=True)


def edit_setting(turn: Turn, press: EditSetting) -> list[Reply]:
    """A /settings button: ask for that setting and wait for the typed or tapped answer."""
    await_value(turn, press.setting)
    return [ask(turn, press.setting)]


def await_value(turn: Turn, setting: Setting) -> None:
    turn.ensure_athlete()
    turn.set_state(turn.state.stop_waiting().model_copy(update={"awaiting_setting": setting}))


def set_directly(turn: Turn, setting: Setting, argument: str) -> list[Reply]:
    """/timezone, /remind, /startdate: with an argument, change it now; without one, ask."""
    if not argument:
        await_value(turn, setting)
        return [ask(turn, setting)]
    try:
        value = read_value(turn, setting, argument)
    except InputError as error:
        return [Reply(text=html.escape(str(error)))]
    return apply(turn, value)


def confirm(setting: Setting, athlete: Athlete) -> str:
    """One line confirming what was just set."""
    if setting is Setting.START_DATE and athlete.start_date:
        return f"Start date: {athlete.start_date:%A %d %B %Y}. ✔"
    if setting is Setting.LONG_HIKE_DAY and athlete.schedule is not None:
        return _confirm_long_hike_day(athlete)
    if setting is Setting.LONG_HIKE_DAY and athlete.long_hike_day is not None:
        return f"Long hike on {athlete.long_hike_day.label}s. ✔"
    if setting is Setting.TIMEZONE and athlete.timezone:
        return f"Time zone: {html.escape(athlete.timezone)}. ✔"
    if setting is Setting.REMINDER:
        if athlete.reminder_time is None:
            return "No daily reminders. You can turn them on any time with /remind 07:00. ✔"
        confirmation = f"Daily reminder at {athlete.reminder_time:%H:%M} your time. ✔"
        if is_night(athlete.reminder_time):
            confirmation += (
                " That's the middle of the night, though. If you meant the morning, send "
                "e.g. /remind 07:00."
            )
        return confirmation
    if setting is Setting.EXPERIENCE and athlete.experience:
        return f"Running experience: {EXPERIENCE_LABELS[athlete.experience]}. ✔"
    if setting is Setting.REVIEW:
        if athlete.review_time is None:
            return "No weekly review. /review 19:00 turns it back on. ✔"
        return (
            f"Weekly review at {athlete.review_time:%H:%M} your time, on the last day of each "
            "programme week. ✔"
        )
    return "Saved. ✔"


def _confirm_long_hike_day(athlete: Athlete) -> str:
    schedule = athlete.schedule
    assert schedule is not None and athlete.long_hike_day is not None
    day = athlete.long_hike_day.label
    changed_on = schedule.changed_on
    if changed_on is not None and athlete.earlier_long_hike_day is not None:
        outline = week_outline(schedule, changed_on)
        return (
            f"Long hike on {day}s from {changed_on:%A %d %B}, when your next programme week "
            f"starts; this week stays as planned. ✔\nFrom then on: {outline}"
        )
    return f"Long hike on {day}s. ✔\nYour week: {week_outline(schedule, schedule.start)}"


def is_night(time: dt.time) -> bool:
    """Between 23:00 and 05:00, when a reminder is more likely a typo than a wish."""
    return time.hour >= 23 or time.hour < 5


_NEEDED_FOR_REMINDERS = {
    Missing.START_DATE: "your start date (/startdate 2026-12-07)",
    Missing.TIMEZONE: "your time zone (/timezone Europe/Berlin)",
}


def _reminder_hint(athlete: Athlete, setting: Setting) -> str | None:
    """After a change that reminders depend on, what they still wait for."""
    if (
        setting in (Setting.EXPERIENCE, Setting.REVIEW)
        or athlete.reminder_time is None
        or athlete.paused
    ):
        return None
    if reminders_ready(athlete):
        return None
    gaps = [gap for gap in missing(athlete) if gap in _NEEDED_FOR_REMINDERS]
    needed = [_NEEDED_FOR_REMINDERS[gap] for gap in gaps]
    return f"Reminders start as soon as I know {' and '.join(needed)}." if needed else None


def status_lines(athlete: Athlete) -> list[str]:
    """What is still missing, for /start from someone set up already."""
    lines = []
    gaps = missing(athlete)
    if Missing.TIMEZONE in gaps:
        lines.append("• No time zone yet, so no reminders: send /timezone with your city.")
    if athlete.reminder_time is None:
        lines.append("• Reminders are off: /remind 07:00 turns them on.")
    if Missing.EXPERIENCE in gaps:
        lines.append(
            "• You haven't told me your running experience, so I coach you as a beginner. "
            "Change it in /settings."
        )
    if athlete.paused:
        lines.append("• You're paused: /resume when you're back.")
    return lines


def _all_set(athlete: Athlete) -> str:
    tip = (
        "Even if you run already, keep the first weeks easy: tendons need time to adapt to "
        "trail running on top of hiking."
        if athlete.experience in (Experience.SOME, Experience.REGULAR)
        else "Never run before? Perfect: the first weeks are built for you. Go slower than "
        "feels necessary."
    )
    return (
        "You're all set! 🎉\n"
        f"{tip}\n"
        "Send /today for today's session, /week for the week, or /help for everything else. "
        "After a session, just tell me how it went."
    )


def settings_reply(athlete: Athlete) -> Reply:
    pause = RunCommand(name="resume" if athlete.paused else "pause")

    def edit(setting: Setting) -> str:
        return encode(EditSetting(setting=setting))

    return Reply(
        text=render_settings(athlete),
        buttons=keyboard(
            [
                ("Start date", edit(Setting.START_DATE)),
                ("Long-hike day", edit(Setting.LONG_HIKE_DAY)),
            ],
            [("Time zone", edit(Setting.TIMEZONE)), ("Reminder time", edit(Setting.REMINDER))],
            [("Experience", edit(Setting.EXPERIENCE)), ("Weekly review", edit(Setting.REVIEW))],
            [
                ("Resume" if athlete.paused else "Pause", encode(pause)),
                ("Delete my data", encode(RunCommand(name="deletedata"))),
            ],
        ),
    )
