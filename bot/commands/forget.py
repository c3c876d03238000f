"""`trailcoach forget USER_ID`: delete every row the coach holds about one athlete."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.commands.arguments import open_app
from bot.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("forget", help="delete everything stored about one athlete")
    parser.add_argument("user_id", type=int, metavar="USER_ID", help="Telegram user id")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    from bot.services.athletes import forget_athlete
    from bot.services.unit_of_work import UnitOfWork
    from bot.storage import migrate

    app = open_app(Settings(), migrate=False, faq_model=False)
    if app is None:
        return 2
    try:
        url = app.settings.database_url
        if migrate.current(url) != migrate.head():
            print(
                f"trailcoach: the database at {app.database.masked_url} is not up to date; "
                "run `trailcoach db upgrade` first",
                file=sys.stderr,
            )
            return 2
        with UnitOfWork(app.database) as uow:
            removed = forget_athlete(uow, args.user_id)
            uow.commit()
    finally:
        app.close()
    if removed:
        print(f"Forgot user {args.user_id}: {removed} rows removed.")
    else:
        print(f"Nobody with user id {args.user_id}; nothing removed.")
    return 0
