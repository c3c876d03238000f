"""`trailcoach db upgrade|downgrade|current`: move the database schema between revisions."""

from __future__ import annotations

import argparse
from typing import Any

from bot.commands.arguments import open_app
from bot.settings import Settings
from bot.storage import migrate


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("db", help="migrate the database")
    actions = parser.add_subparsers(dest="action", required=True)
    upgrade = actions.add_parser("upgrade", help="migrate to the newest revision (or REV)")
    upgrade.add_argument("revision", nargs="?", default="head", metavar="REV")
    downgrade = actions.add_parser("downgrade", help="migrate back to REV ('base' empties it)")
    downgrade.add_argument("revision", metavar="REV")
    actions.add_parser("current", help="print the revision the database is at")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace) -> int:
    app = open_app(Settings(), migrate=False, faq_model=False)
    if app is None:
        return 2
    url, shown = app.settings.database_url, app.database.masked_url
    app.close()
    if args.action == "upgrade":
        migrate.upgrade(url, args.revision)
    elif args.action == "downgrade":
        migrate.downgrade(url, args.revision)
    revision = migrate.current(url)
    if revision is None:
        print(f"{shown}: no revision (empty database)")
    else:
        latest = " (head)" if revision == migrate.head() else ""
        print(f"{shown}: at revision {revision}{latest}")
    return 0
