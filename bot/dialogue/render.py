"""How the coach shows sessions, weeks and the plan: short, phone-sized, HTML for Telegram."""

from __future__ import annotations

import datetime as dt
import html

from coach.athletes import Athlete
from coach.phases import PHASES
from coach.programme import (
    COMPLETE_NOTE,
    PROGRAMME_DAYS,
    PROGRAMME_WEEKS,
    current_phase,
    preparation_tip,
    programme_day,
    programme_week,
)
from coach.sessions import Session, SessionKind

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


def week_label(session: Session, start: dt.date) -> str:
    """'Week 10 of 12 · Wednesday', or 'Maintenance · Wednesday' after week 12."""
    weekday = session.date.strftime("%A")
    if programme_day(start, session.date) > PROGRAMME_DAYS:
        return f"Maintenance · {weekday}"
    return f"Week {session.week} of {PROGRAMME_WEEKS} · {weekday}"


def session_heading(session: Session) -> str:
    icon = KIND_ICONS[session.kind]
    duration = f" · {session.duration_text}" if session.duration_text else ""
    return f"{icon} <b>{html.escape(session.title)}</b>{duration}"


def render_session(session: Session, start: dt.date, *, with_cues: bool = True) -> str:
    """One day's session with how to do it and why."""
    lines = [week_label(session, start), session_heading(session), html.escape(session.details)]
    if session.adjusted_reason:
        lines.append(f"✎ <i>{html.escape(session.adjusted_reason)}</i>")
    lines.append(f"<i>Why:</i> {html.escape(session.why)}")
    if with_cues and session.cues:
        lines.append("\n".join(f"• {html.escape(cue)}" for cue in session.cues))
    if programme_day(start, session.date) > PROGRAMME_DAYS:
        lines.append(html.escape(COMPLETE_NOTE))
    return "\n".join(lines)


def render_countdown(start: dt.date, today: dt.date) -> str:
    days = (start - today).days
    heading = (
        "Your programme starts tomorrow."
        if days == 1
        else f"Your programme starts on {start:%A %d %B} ({days} days from now)."
    )
    return f"{heading}\n{html.escape(preparation_tip(days))}"


def render_week(sessions: list[Session], start: dt.date, today: dt.date) -> str:
    """The seven days of one programme week, today marked, adjusted days with their reason."""
    first = sessions[0]
    if programme_day(start, first.date) > PROGRAMME_DAYS:
        title = "<b>Maintenance week</b>"
    else:
        title = f"<b>Week {first.week} of {PROGRAMME_WEEKS}</b> · phase {first.phase}"
    lines = [title]
    for session in sessions:
        marker = "▶" if session.date == today else "  "
        duration = f" · {session.duration_text}" if session.duration_text else ""
        line = (
            f"{marker} {session.date:%a %d %b}: {KIND_ICONS[session.kind]} "
            f"{html.escape(session.title)}{duration}"
        )
        if session.date == today:
            line = f"<b>{line}</b>"
        lines.append(line)
        if session.adjusted_reason:
            lines.append(f"     ✎ <i>{html.escape(session.adjusted_reason)}</i>")
    return "\n".join(lines)


def render_load(week_load: int, longest: int | None) -> str:
    """The training load of the last 7 days and the longest run of the last 30."""
    longest_text = f"{longest} min" if longest else "none logged yet"
    return (
        f"<i>Load, last 7 days: {week_load} (RPE × minutes) · longest run in 30 days: "
        f"{longest_text}</i>"
    )


def render_plan(start: dt.date, today: dt.date) -> str:
    """The three phases and where the athlete stands."""
    phase_now = current_phase(start, today)
    day = programme_day(start, today)
    lines = ["<b>Your 12-week plan</b>"]
    for phase in PHASES:
        here = phase_now is not None and phase_now.number == phase.number and day <= PROGRAMME_DAYS
        marker = "▶ " if here else ""
        lines.append(
            f"{marker}<b>Phase {phase.number}, {phase.weeks_text}: {html.escape(phase.name)}</b>\n"
            f"{html.escape(phase.summary)}"
        )
    lines.append(
        "Every week: Saturday's long hike with full pack (4–7 h) comes first; the runs support it."
    )
    if day < 1:
        lines.append(f"You start on {start:%A %d %B %Y}.")
    elif day > PROGRAMME_DAYS:
        lines.append("You've completed all 12 weeks and are in maintenance now.")
    else:
        lines.append(
            f"You're in week {programme_week(start, today)} of {PROGRAMME_WEEKS} "
            f"(day {day} of {PROGRAMME_DAYS})."
        )
    return "\n\n".join(lines)


def render_settings(athlete: Athlete) -> str:
    reminder = athlete.reminder_time.strftime("%H:%M") if athlete.reminder_time else "off"
    start = athlete.start_date.isoformat() if athlete.start_date else "not set"
    experience = EXPERIENCE_LABELS.get(athlete.experience or "", "not set")
    status = "paused" if athlete.paused else "active"
    return "\n".join(
        [
            "<b>Your settings</b>",
            f"Start date: {start}",
            f"Time zone: {html.escape(athlete.timezone)}",
            f"Daily reminder: {reminder}",
            f"Running experience: {experience}",
            f"Coaching: {status}",
        ]
    )


HELP = "\n".join(
    [
        "<b>What I can do</b>",
        "/today · today's session and how to do it",
        "/week · this programme week, day by day",
        "/plan · the three phases and where you are",
        "/settings · see and change your settings",
        "/timezone NAME · e.g. /timezone Europe/Berlin",
        "/remind HH:MM · daily reminder time, or /remind off",
        "/startdate YYYY-MM-DD · move your programme start",
        "/pause and /resume · take a break without losing your place",
        "/ask QUESTION · ask about trail running for hikers",
        "/undo · remove your last check-in",
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
    ("week", "This programme week"),
    ("plan", "The 12-week plan and where you are"),
    ("settings", "Your settings"),
    ("remind", "Set the daily reminder: /remind 07:00 or /remind off"),
    ("timezone", "Set your time zone: /timezone Europe/Berlin"),
    ("startdate", "Move your start date: /startdate 2026-12-07"),
    ("pause", "Pause coaching and reminders"),
    ("resume", "Resume where you left off"),
    ("ask", "Ask a question about trail running"),
    ("undo", "Remove your last check-in"),
    ("why", "What changed in your plan, and why"),
    ("progress", "Your 12 weeks in one picture"),
    ("calendar", "Your sessions to come, for your calendar"),
    ("export", "Everything I keep about you, as a file"),
    ("deletedata", "Delete all your data"),
    ("help", "What I can do"),
    ("start", "Set up or see where you are"),
)
