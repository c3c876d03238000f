"""`trailcoach checkin TEXT`: show what the coach reads from one check-in message."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from bot.commands.arguments import iso_date
from coach.checkins import planned_by, read_checkin
from coach.schedule import Schedule


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("checkin", help="read one free-text check-in")
    parser.add_argument("text", help="the check-in, e.g. 'long hike, 6 h, RPE 8'")
    parser.add_argument("--today", type=iso_date, help="the date it is sent (default: today)")
    parser.add_argument(
        "--start",
        type=iso_date,
        help="the athlete's programme start: the planned session gives the context",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    planned = planned_by(Schedule(start=args.start)) if args.start else None
    reading = read_checkin(args.text, today, planned).as_json()
    if args.json:
        print(json.dumps(reading, ensure_ascii=False))
        return 0
    for key, value in reading.items():
        shown = ", ".join(value) if isinstance(value, list) else value
        print(f"{key:>12}: {'—' if shown in (None, '') else shown}")
    return 0
