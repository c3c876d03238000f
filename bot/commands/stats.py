"""`trailcoach stats`: athletes by programme week and phase, active and paused, check-ins this
week, reminders sent and late today, unanswered questions."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from bot.commands.arguments import iso_date
from bot.settings import Settings
from bot.storage.database import DatabaseUnavailable

if TYPE_CHECKING:
    from bot.services.stats import ReminderCounts, Stats


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("stats", help="athletes, check-ins and reminders at a glance")
    parser.add_argument(
        "--date",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="the day to report on (default: today in DEFAULT_TIMEZONE)",
    )
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from bot.app import bootstrap
    from bot.reminders.schedule import local_date
    from bot.services.stats import stats
    from bot.services.unit_of_work import UnitOfWork

    try:
        app = bootstrap(Settings(), migrate=False)
    except DatabaseUnavailable as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return 2
    zone = app.settings.default_timezone
    try:
        today = args.date or local_date(app.clock.now(), zone)
        with UnitOfWork(app.database) as uow:
            figures = stats(uow, today, zone)
    finally:
        app.close()
    print("\n".join(render(figures)))
    return 0


def render(figures: Stats) -> list[str]:
    """The figures as the operator reads them, a line each."""
    weeks = "  ".join(f"{week}:{count}" for week, count in figures.by_week.items())
    phases = " · ".join(f"phase {phase}: {count}" for phase, count in figures.by_phase.items())
    return [
        f"TrailCoach on {figures.today:%a %d %b %Y} ({figures.zone})",
        f"Athletes: {figures.athletes} ({figures.active} active, {figures.paused} paused, "
        f"{figures.blocked} blocked the bot)",
        f"In the programme by week: {weeks}",
        f"By phase: {phases} · not started: {figures.not_started} · finished: "
        f"{figures.finished} · no start date: {figures.no_start_date}",
        f"Check-ins this week (since {figures.week_start:%a %d %b}): {figures.checkins_this_week}",
        f"Reminders due today: {_counts(figures.reminders)}",
        f"Weekly reviews due today: {_counts(figures.reviews)}",
        f"Unanswered questions: {figures.unanswered_questions} (trailcoach faq unanswered)",
    ]


def _counts(counts: ReminderCounts) -> str:
    text = f"{counts.sent} sent ({counts.late} late), {counts.failed} failed, "
    text += f"{counts.skipped} skipped"
    return text + (f", {counts.pending} being sent" if counts.pending else "")
