"""`trailcoach run` (what `make run` calls) and `trailcoach console`, the terminal chat."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from bot.storage.database import DatabaseUnavailable

if TYPE_CHECKING:
    from bot.app import Services

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set: talk to @BotFather in Telegram, send /newbot, and put the "
    "token it gives you in .env (see .env.example)."
)


def register(subparsers: Any) -> None:
    run = subparsers.add_parser("run", help="run the Telegram bot (long polling)")
    run.set_defaults(handler=handle_run)
    console = subparsers.add_parser("console", help="chat with the coach in the terminal")
    console.add_argument("--user", type=int, default=1, help="athlete id to play (default 1)")
    console.add_argument("--name", default="", help="the athlete's display name")
    console.set_defaults(handler=handle_console)


def handle_run(args: argparse.Namespace) -> int:
    from bot.logs import configure_logging

    settings = Settings()
    configure_logging(settings)
    if not settings.has_token:
        print(NO_TOKEN, file=sys.stderr)
        if not sys.stdin.isatty():
            return 2
        print("Opening the terminal chat instead.\n", file=sys.stderr)
        # Migration progress is for operators' logs, not for someone trying the chat.
        logging.getLogger("alembic").setLevel(logging.WARNING)
        return _console(settings, user_id=1, name="")
    services = _services(settings)
    if services is None:
        return 2
    from bot.channels.telegram import run_polling, run_webhook
    from bot.reminders.service import reminder_startup

    serve = run_webhook if settings.webhook_url else run_polling
    try:
        serve(services, on_startup=[reminder_startup(services)])
    finally:
        services.close()
    return 0


def handle_console(args: argparse.Namespace) -> int:
    settings = Settings()
    return _console(settings, user_id=args.user, name=args.name)


def _console(settings: Settings, *, user_id: int, name: str) -> int:
    services = _services(settings)
    if services is None:
        return 2
    from bot.channels.console import ConsoleChannel

    try:
        channel = ConsoleChannel(services.conversation, services.clock, user_id, display_name=name)
        return channel.run()
    finally:
        services.close()


def _services(settings: Settings) -> Services | None:
    # Imported here so that light commands (plan, checkin) start without the whole application.
    from bot.app import build_services

    try:
        return build_services(settings)
    except DatabaseUnavailable as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return None
