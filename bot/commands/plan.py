"""`trailcoach plan`: print the 12-week plan from a start date."""

from __future__ import annotations

import argparse
import json
from typing import Any

from bot.commands.arguments import UsageError, iso_date, weekday
from coach.programme import PROGRAMME_WEEKS, programme_sessions, week_sessions
from coach.schedule import Schedule, Weekday
from coach.sessions import Session


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("plan", help="print the 12-week plan")
    parser.add_argument("--start", type=iso_date, required=True, help="start date, YYYY-MM-DD")
    parser.add_argument(
        "--long-hike-day",
        type=weekday,
        default=Weekday.SATURDAY,
        help="the day of the long hike (default saturday); the week turns around it",
    )
    parser.add_argument("--week", type=int, help="only this week (1–12)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    if args.week is not None and not 1 <= args.week <= PROGRAMME_WEEKS:
        raise UsageError(f"--week must be between 1 and {PROGRAMME_WEEKS}, not {args.week}")
    schedule = Schedule(start=args.start, long_hike_day=args.long_hike_day)
    sessions = week_sessions(schedule, args.week) if args.week else programme_sessions(schedule)
    if args.json:
        rows = [session.as_plan_row() for session in sessions]
        payload = {"start": args.start.isoformat(), "sessions": rows}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(render_table(sessions))
    return 0


def render_table(sessions: list[Session]) -> str:
    lines: list[str] = []
    week = None
    for session in sessions:
        if session.week != week:
            week = session.week
            if lines:
                lines.append("")
            lines.append(f"Week {week} · phase {session.phase}")
        lines.append(
            f"  {session.date.isoformat()}  {session.date.strftime('%a')}  "
            f"{session.title:<38} {session.duration_text}".rstrip()
        )
    return "\n".join(lines)
