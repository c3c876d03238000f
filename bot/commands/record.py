"""`trailcoach progress USER_ID --out FILE.png`, `trailcoach calendar USER_ID --out FILE.ics`
and `trailcoach export USER_ID`: what the chat's /progress, /calendar and /export send."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.commands.arguments import open_app
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.app import App
    from coach.athletes import Athlete


def register(subparsers: Any) -> None:
    progress = subparsers.add_parser("progress", help="draw an athlete's progress picture")
    progress.add_argument("user_id", type=int, metavar="USER_ID", help="Telegram user id")
    progress.add_argument("--out", type=Path, required=True, help="the PNG file to write")
    progress.set_defaults(handler=handle_progress)
    calendar = subparsers.add_parser("calendar", help="write an athlete's sessions as .ics")
    calendar.add_argument("user_id", type=int, metavar="USER_ID", help="Telegram user id")
    calendar.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    calendar.set_defaults(handler=handle_calendar)
    export = subparsers.add_parser("export", help="print an athlete's whole record as JSON")
    export.add_argument("user_id", type=int, metavar="USER_ID", help="Telegram user id")
    export.set_defaults(handler=handle_export)


def handle_progress(args: argparse.Namespace) -> int:
    from bot.services.history import progress_figures

    def draw(app: App, athlete: Athlete) -> bytes:
        with _unit(app) as uow:
            data = progress_figures(uow, athlete, _today(app, athlete))
        return app.renderer.render(data).png

    return _write(args, draw)


def handle_calendar(args: argparse.Namespace) -> int:
    from bot.services.history import calendar_file

    def ics(app: App, athlete: Athlete) -> bytes:
        with _unit(app) as uow:
            return calendar_file(uow, athlete, _today(app, athlete), app.clock.now())

    return _write(args, ics)


def handle_export(args: argparse.Namespace) -> int:
    from bot.export import export_json
    from bot.services.history import export_record

    def record(app: App, athlete: Athlete) -> bytes:
        with _unit(app) as uow:
            return export_json(export_record(uow, athlete, app.clock.now())).encode()

    return _write(args, record)


def _write(args: argparse.Namespace, make: Any) -> int:
    """Run `make(app, athlete)` for USER_ID and write what it gives to --out (or stdout)."""
    app = open_app(Settings(), migrate=False, faq_model=False)
    if app is None:
        return 2
    try:
        with _unit(app) as uow:
            athlete = uow.athletes.get(args.user_id)
        if athlete is None:
            print(f"trailcoach: nobody with user id {args.user_id}", file=sys.stderr)
            return 2
        needs_plan = getattr(args, "out", None) is not None
        if needs_plan and athlete.start_date is None:
            print(f"trailcoach: user {args.user_id} has no start date yet", file=sys.stderr)
            return 2
        data = make(app, athlete)
    finally:
        app.close()
    out: Path | None = getattr(args, "out", None)
    if out is None:
        sys.stdout.write(data.decode())
        return 0
    out.write_bytes(data)
    print(f"Wrote {out} ({len(data):,} bytes).")
    return 0


def _unit(app: App) -> Any:
    from bot.services.unit_of_work import UnitOfWork

    return UnitOfWork(app.database)


def _today(app: App, athlete: Athlete) -> Any:
    zone = ZoneInfo(athlete.zone(app.settings.default_timezone))
    return app.clock.now().astimezone(zone).date()
