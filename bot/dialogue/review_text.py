"""What the weekly review says: the week in a few lines, what changed and why, what comes next."""

from __future__ import annotations

import html

from bot.dialogue.messages import Reply
from bot.dialogue.render import KIND_ICONS
from bot.services.reviews import WeeklyReview
from coach.programme import PROGRAMME_WEEKS
from coach.sessions import Session

NOTHING_LOGGED = (
    "Nothing logged this week. Busy weeks happen; if you trained and didn't tell me, a quick "
    "note after a session keeps your plan right."
)


def review_reply(review: WeeklyReview) -> Reply:
    """The review of one finished week, phone-sized, with no buttons."""
    lines = [f"📋 <b>Week {review.week} of {PROGRAMME_WEEKS}: your week</b>", _opening(review)]
    if review.done or review.skipped:
        lines.append(_sessions(review))
    if review.load or review.earlier_average:
        lines.append(_load(review))
    if review.adjustments:
        lines.append("<b>What changed</b>")
        lines += [
            f"✎ {a.session_date:%a %d %b}: {html.escape(a.title)}. <i>{html.escape(a.reason)}</i>"
            for a in review.adjustments
        ]
    if review.complete_note:
        lines.append(f"🎉 {html.escape(review.complete_note)}")
    elif review.next_sessions:
        lines.append(f"<b>Week {review.week + 1}: the key sessions</b>")
        lines += _key_sessions(review.next_sessions)
    return Reply(text="\n".join(lines)).fitted()


def _opening(review: WeeklyReview) -> str:
    if review.done == 0:
        return NOTHING_LOGGED
    if review.done >= review.planned:
        return "Every planned session done. That's a strong week!"
    if review.done * 2 >= review.planned:
        return "A solid week of training."
    return "Some training in the bag this week; every session counts."


def _sessions(review: WeeklyReview) -> str:
    text = f"Sessions: {review.done} of {review.planned} done"
    if review.skipped:
        text += f", {review.skipped} skipped"
    return f"{text}."


def _load(review: WeeklyReview) -> str:
    text = f"Load: {review.load:,} (RPE × minutes)"
    average = review.earlier_average
    if average is None:
        return f"{text}, the first week to compare the next ones with."
    weeks = "week" if review.earlier_weeks == 1 else f"{review.earlier_weeks} weeks"
    if not average:
        return f"{text}; nothing logged in the {weeks} before."
    change = round(100 * (review.load - average) / average)
    direction = "above" if change > 0 else "below"
    trend = "the same as" if change == 0 else f"{abs(change)}% {direction}"
    return f"{text}, {trend} your average of {round(average):,} over the previous {weeks}."


def _key_sessions(sessions: tuple[Session, ...]) -> list[str]:
    """One line a session, then each reason for a change once, naming the days it covers: an
    injury that reshapes three sessions is explained once, not three times."""
    lines = []
    days_by_reason: dict[str, list[str]] = {}
    for session in sessions:
        duration = f" · {session.duration_text}" if session.duration_text else ""
        lines.append(
            f"{KIND_ICONS[session.kind]} {session.date:%a %d %b}: "
            f"{html.escape(session.title)}{duration}"
        )
        if session.adjusted_reason:
            days_by_reason.setdefault(session.adjusted_reason, []).append(f"{session.date:%a}")
    for reason, days in days_by_reason.items():
        named = days[0] if len(days) == 1 else f"{', '.join(days[:-1])} and {days[-1]}"
        lines.append(f"✎ <i>{named}: {html.escape(reason)}</i>")
    return lines
