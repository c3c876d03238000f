"""`trailcoach run` (what `make run` calls) and `trailcoach console`, the terminal chat."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from typing import TYPE_CHECKING, Any

from bot.settings import Settings
from bot.storage.database import DatabaseUnavailable

if TYPE_CHECKING:
    from bot.app import App

TOKEN_REJECTED = "Telegram rejected the bot token (check TELEGRAM_BOT_TOKEN)"
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
    from bot.app import configure_logging

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
    app = _app(settings)
    if app is None:
        return 2
    from telegram.error import InvalidToken

    from bot.channels.telegram import run_polling, run_webhook

    serve = run_webhook if settings.webhook_url else run_polling
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    try:
        serve(app)
    except InvalidToken:
        print(f"trailcoach: {TOKEN_REJECTED}", file=sys.stderr)
        return 2
    except Exception:
        # Libraries put the token in exception texts (URLs); none reaches the terminal.
        print(traceback.format_exc().replace(token, "<token>"), file=sys.stderr)
        return 1
    finally:
        app.close()
    return 0


def handle_console(args: argparse.Namespace) -> int:
    settings = Settings()
    return _console(settings, user_id=args.user, name=args.name)


def _console(settings: Settings, *, user_id: int, name: str) -> int:
    app = _app(settings)
    if app is None:
        return 2
    from bot.channels.console import ConsoleChannel

    try:
        channel = ConsoleChannel(app.conversation, app.clock, user_id, display_name=name)
        return channel.run()
    finally:
        app.close()


def _app(settings: Settings) -> App | None:
    # Imported here so that light commands (plan, checkin) start without the whole application.
    from bot.app import bootstrap

    try:
        return bootstrap(settings)
    except DatabaseUnavailable as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return None
