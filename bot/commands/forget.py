"""`trailcoach forget USER_ID`: delete every row the coach holds about one athlete."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from bot.settings import Settings
from bot.storage import migrate
from bot.storage.database import Database, DatabaseUnavailable, masked
from bot.storage.repositories import AthleteRepository


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("forget", help="delete everything stored about one athlete")
    parser.add_argument("user_id", type=int, metavar="USER_ID", help="Telegram user id")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    url = Settings().database_url
    database = Database(url)
    try:
        database.check()
        if migrate.current(url) != migrate.head():
            print(
                f"trailcoach: the database at {masked(url)} is not up to date; "
                "run `trailcoach db upgrade` first",
                file=sys.stderr,
            )
            return 2
        with database.session() as session:
            removed = AthleteRepository(session).forget(args.user_id)
    except DatabaseUnavailable as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return 2
    finally:
        database.dispose()
    if removed:
        print(f"Forgot user {args.user_id}: {removed} rows removed.")
    else:
        print(f"Nobody with user id {args.user_id}; nothing removed.")
    return 0
