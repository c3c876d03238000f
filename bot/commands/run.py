"""`trailcoach run` (what `make run` calls), `trailcoach console`, the terminal chat, and
`trailcoach healthcheck`, the container's probe of a running bot."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
import urllib.error
import urllib.request
from typing import Any

from bot.commands.arguments import open_app
from bot.settings import Settings

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
    health = subparsers.add_parser(
        "healthcheck", help="exit 0 if the running bot answers /healthz (for Docker)"
    )
    health.set_defaults(handler=handle_healthcheck)


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
    app = open_app(settings)
    if app is None:
        return 2
    from telegram.error import InvalidToken

    from bot.channels.telegram import run_polling
    from bot.channels.webhook import run_polling_with_endpoints, run_webhook
    from bot.metrics import for_database

    if settings.webhook_url:
        serve = run_webhook
    elif settings.metrics_port:
        serve = run_polling_with_endpoints
    else:
        serve = run_polling
    token = settings.telegram_bot_token.get_secret_value() if settings.telegram_bot_token else ""
    try:
        return serve(app, for_database(app.database))
    except InvalidToken:
        print(f"trailcoach: {TOKEN_REJECTED}", file=sys.stderr)
        return 2
    except Exception:
        # Libraries put the token in exception texts (URLs); none reaches the terminal.
        print(traceback.format_exc().replace(token, "<token>"), file=sys.stderr)
        return 1
    finally:
        app.close()


def handle_healthcheck(args: argparse.Namespace) -> int:
    """0 when the bot's HTTP server answers /healthz within a few seconds, 1 otherwise."""
    settings = Settings()
    if settings.webhook_url:
        host, port = settings.webhook_listen, settings.webhook_port
    elif settings.metrics_port:
        host, port = settings.metrics_listen, settings.metrics_port
    else:
        print("trailcoach: no HTTP server to ask (set METRICS_PORT)", file=sys.stderr)
        return 1
    if host in {"0.0.0.0", "::", ""}:
        host = "127.0.0.1" if host != "::" else "::1"
    authority = f"[{host}]" if ":" in host else host
    try:
        with urllib.request.urlopen(f"http://{authority}:{port}/healthz", timeout=4) as answer:
            return 0 if answer.status == 200 else 1
    except (OSError, urllib.error.URLError) as error:
        print(f"trailcoach: /healthz did not answer: {error}", file=sys.stderr)
        return 1


def handle_console(args: argparse.Namespace) -> int:
    settings = Settings()
    return _console(settings, user_id=args.user, name=args.name)


def _console(settings: Settings, *, user_id: int, name: str) -> int:
    app = open_app(settings)
    if app is None:
        return 2
    from bot.channels.console import ConsoleChannel

    try:
        channel = ConsoleChannel(app.conversation, app.clock, user_id, display_name=name)
        return channel.run()
    finally:
        app.close()
