"""How the coach shows sessions, weeks and the plan: short, phone-sized, HTML for Telegram."""

from __future__ import annotations

import datetime as dt
import html

from coach.athletes import Athlete
from coach.checkins import LoggedCheckin
from coach.phases import PHASES
from coach.programme import (
    PROGRAMME_DAYS,
    PROGRAMME_WEEKS,
    complete_note,
    current_phase,
    preparation_tip,
    programme_day,
    programme_week,
)
from coach.schedule import FRI, MON, SAT, SUN, THU, TUE, WED, Schedule
from coach.sessions import Session, SessionKind, duration_text
from coach.week import DayOutcome, WeekReview

KIND_ICONS = {
    SessionKind.REST: "😴",
    SessionKind.EASY_WALK: "🚶",
    SessionKind.RUN_WALK: "🏃",
    SessionKind.EASY_RUN: "🏃",
    SessionKind.HILL_REPEATS: "⛰️",
    SessionKind.STRENGTH: "🏋️",
    SessionKind.LONG_HIKE: "🥾",
    SessionKind.RECOVERY_HIKE: "🥾",
}

EXPERIENCE_LABELS = {
    "never": "never ran",
    "some": "some running",
    "regular": "regular runner",
}


# The week in the guide's order from the long hike, as one line for the settings.
_OUTLINE = (
    (SAT, "long hike"),
    (SUN, "recovery hike"),
    (MON, "rest or easy walk"),
    (TUE, "easy run"),
    (WED, "strength"),
    (THU, "hilly walk-run (hill repeats from week 9)"),
    (FRI, "rest"),
)


def week_outline(schedule: Schedule, near: dt.date) -> str:
    """'Sat long hike · Sun recovery hike · Mon rest or easy walk · …' around `near`."""
    return " · ".join(
        f"{schedule.real_weekday(day, near).label[:3]} {what}" for day, what in _OUTLINE
    )


def week_label(session: Session, schedule: Schedule) -> str:
    """'Week 10 of 12 · Wednesday', or 'Maintenance · Wednesday' after week 12."""
    weekday = session.date.strftime("%A")
    if programme_day(schedule, session.date) > PROGRAMME_DAYS:
        return f"Maintenance · {weekday}"
    return f"Week {session.week} of {PROGRAMME_WEEKS} · {weekday}"


def session_heading(session: Session) -> str:
    icon = KIND_ICONS[session.kind]
    duration = f" · {session.duration_text}" if session.duration_text else ""
    return f"{icon} <b>{html.escape(session.title)}</b>{duration}"


def render_session(session: Session, schedule: Schedule, *, with_cues: bool = True) -> str:
    """One day's session with how to do it and why."""
    lines = [
        week_label(session, schedule),
        session_heading(session),
        html.escape(session.details),
    ]
    if session.adjusted_reason:
        lines.append(f"✎ <i>{html.escape(session.adjusted_reason)}</i>")
    lines.append(f"<i>Why:</i> {html.escape(session.why)}")
    if with_cues and session.cues:
        lines.append("\n".join(f"• {html.escape(cue)}" for cue in session.cues))
    if programme_day(schedule, session.date) > PROGRAMME_DAYS:
        lines.append(html.escape(complete_note(schedule, session.date)))
    return "\n".join(lines)


def render_countdown(schedule: Schedule, today: dt.date) -> str:
    start = schedule.start
    days = (start - today).days
    heading = (
        "Your programme starts tomorrow."
        if days == 1
        else f"Your programme starts on {start:%A %d %B} ({days} days from now)."
    )
    return f"{heading}\n{html.escape(preparation_tip(days, schedule))}"


_OUTCOME_MARKS = {
    DayOutcome.DONE: "✓",
    DayOutcome.SKIPPED: "⏭",
    DayOutcome.NOT_LOGGED: "–",
    DayOutcome.TODAY: "▶",
    DayOutcome.TO_COME: "  ",
    DayOutcome.REST: "  ",
}


def render_week(review: WeekReview, schedule: Schedule, today: dt.date) -> str:
    """The seven days of one programme week: done ✓, skipped, adjusted with the reason, still
    to come; today marked; past days as they were planned then."""
    first = review.days[0].session
    if programme_day(schedule, first.date) > PROGRAMME_DAYS:
        title = "<b>Maintenance week</b>"
    else:
        title = f"<b>Week {first.week} of {PROGRAMME_WEEKS}</b> · phase {first.phase}"
    lines = [title]
    reasons_shown: set[str] = set()
    for day in review.days:
        session = day.session
        mark = _OUTCOME_MARKS[day.outcome]
        if session.date == today and day.outcome is not DayOutcome.TODAY:
            mark = f"▶{mark}"
        duration = f" · {session.duration_text}" if session.duration_text else ""
        skipped = " · skipped" if day.outcome is DayOutcome.SKIPPED else ""
        # A reason shared by several days (an injury) is told once, on its first day.
        reason = session.adjusted_reason
        again = reason is not None and reason in reasons_shown
        line = (
            f"{mark} {session.date:%a %d %b}: {KIND_ICONS[session.kind]} "
            f"{html.escape(session.title)}{duration}{skipped}{' ✎' if again else ''}"
        )
        lines.append(f"<b>{line}</b>" if session.date == today else line)
        done = day.done
        if done is not None:
            lines.append(f"     <i>{html.escape(logged_summary(done))}</i>")
        if reason and not again:
            reasons_shown.add(reason)
            lines.append(f"     ✎ <i>{html.escape(reason)}</i>")
    return "\n".join(lines)


def logged_facts(checkin: LoggedCheckin) -> str:
    """'hike, 6 h, RPE 7' for a check-in, as short as it can be."""
    facts = [checkin.activity.value if checkin.activity else "session"]
    if checkin.duration_min:
        facts.append(duration_text(checkin.duration_min))
    if checkin.rpe is not None:
        facts.append(f"RPE about {checkin.rpe}" if checkin.rpe_estimated else f"RPE {checkin.rpe}")
    return ", ".join(facts)


def logged_summary(checkin: LoggedCheckin) -> str:
    """'did: hike, 6 h, RPE 7'."""
    return f"did: {logged_facts(checkin)}"


def render_tally(review: WeekReview, longest: int | None) -> str:
    """'3 of 5 sessions done · load 1,240' with what is still to come and the longest run."""
    parts = [f"{review.sessions_done} of {review.sessions} sessions done"]
    if review.to_come:
        parts.append(f"{review.to_come} still to come")
    parts.append(f"load {review.load:,} (RPE × minutes)")
    longest_text = f"{longest} min" if longest else "none logged yet"
    return f"<i>{' · '.join(parts)}\nLongest run in 30 days: {longest_text}</i>"


def render_plan(schedule: Schedule, today: dt.date) -> str:
    """The three phases and where the athlete stands."""
    start = schedule.start
    phase_now = current_phase(schedule, today)
    day = programme_day(schedule, today)
    lines = ["<b>Your 12-week plan</b>"]
    for phase in PHASES:
        here = phase_now is not None and phase_now.number == phase.number and day <= PROGRAMME_DAYS
        marker = "▶ " if here else ""
        lines.append(
            f"{marker}<b>Phase {phase.number}, {phase.weeks_text}: {html.escape(phase.name)}</b>\n"
            f"{html.escape(phase.summary)}"
        )
    long_day = schedule.long_hike_day_on(today).label
    lines.append(
        f"Every week: {long_day}'s long hike with full pack (4–7 h) comes first; the runs "
        "support it."
    )
    if day < 1:
        lines.append(f"You start on {start:%A %d %B %Y}.")
    elif day > PROGRAMME_DAYS:
        lines.append("You've completed all 12 weeks and are in maintenance now.")
    else:
        lines.append(
            f"You're in week {programme_week(schedule, today)} of {PROGRAMME_WEEKS} "
            f"(day {day} of {PROGRAMME_DAYS})."
        )
    return "\n\n".join(lines)


def render_settings(athlete: Athlete) -> str:
    reminder = athlete.reminder_time.strftime("%H:%M") if athlete.reminder_time else "off"
    review = athlete.review_time.strftime("%H:%M") if athlete.review_time else "off"
    start = athlete.start_date.isoformat() if athlete.start_date else "not set"
    experience = EXPERIENCE_LABELS.get(athlete.experience or "", "not set")
    status = "paused" if athlete.paused else "active"
    long_hike = f"{(athlete.long_hike_day or 'saturday').capitalize()}s"
    schedule = athlete.schedule
    if schedule is not None and schedule.changed_on and schedule.earlier_long_hike_day:
        long_hike = (
            f"{schedule.earlier_long_hike_day.label}s, then {long_hike} from "
            f"{schedule.changed_on:%d %b}"
        )
    return "\n".join(
        [
            "<b>Your settings</b>",
            f"Start date: {start}",
            f"Long hike: {long_hike}",
            f"Time zone: {html.escape(athlete.timezone)}",
            f"Daily reminder: {reminder}",
            f"Weekly review: {review}",
            f"Running experience: {experience}",
            f"Coaching: {status}",
        ]
    )


HELP = "\n".join(
    [
        "<b>What I can do</b>",
        "/today · today's session and how to do it",
        "/tomorrow · tomorrow's session, to plan ahead",
        "/week · this programme week, day by day",
        "/plan · the three phases and where you are",
        "/settings · see and change your settings",
        "/timezone NAME · e.g. /timezone Europe/Berlin",
        "/remind HH:MM · daily reminder time, or /remind off",
        "/review HH:MM · weekly review time, or /review off",
        "/startdate YYYY-MM-DD · move your programme start",
        "/longhike DAY · the day of your long hike, e.g. /longhike sunday",
        "/pause and /resume · take a break without losing your place",
        "/ask QUESTION · ask about trail running for hikers",
        "/edit · correct or delete a check-in of the last 7 days",
        "/move · move a session to another day this week",
        "/undo · take back your last check-in or move",
        "/why · what changed in your plan, and why",
        "/progress · your 12 weeks in one picture",
        "/calendar · your sessions to come, for your calendar",
        "/export · everything I keep about you, as a file",
        "/deletedata · delete everything I know about you",
        "",
        "Send a GPX, FIT or TCX file from your watch or app to log it.",
        "",
        "Or just tell me how a session went, e.g. “long hike, 6 h, RPE 8, knees sore”, "
        "or ask a question like “what is power hiking?”.",
    ]
)

BOT_COMMANDS = (
    ("today", "Today's session"),
    ("tomorrow", "Tomorrow's session"),
    ("week", "This programme week"),
    ("plan", "The 12-week plan and where you are"),
    ("settings", "Your settings"),
    ("remind", "Set the daily reminder: /remind 07:00 or /remind off"),
    ("review", "Set the weekly review: /review 19:00 or /review off"),
    ("timezone", "Set your time zone: /timezone Europe/Berlin"),
    ("startdate", "Move your start date: /startdate 2026-12-07"),
    ("longhike", "Your long-hike day: /longhike sunday"),
    ("pause", "Pause coaching and reminders"),
    ("resume", "Resume where you left off"),
    ("ask", "Ask a question about trail running"),
    ("edit", "Correct a recent check-in"),
    ("move", "Move a session to another day"),
    ("undo", "Take back your last check-in or move"),
    ("why", "What changed in your plan, and why"),
    ("progress", "Your 12 weeks in one picture"),
    ("calendar", "Your sessions to come, for your calendar"),
    ("export", "Everything I keep about you, as a file"),
    ("deletedata", "Delete all your data"),
    ("help", "What I can do"),
    ("start", "Set up or see where you are"),
)
