"""The `trailcoach` command line: one sub-command per module in `bot.commands`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from bot.commands import COMMANDS
from bot.commands.arguments import UsageError


class _Parser(argparse.ArgumentParser):
    """An argparse parser that reports bad input in one line instead of usage text."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trailcoach", description="TrailCoach, the hiker's trail-running coach.")
    subparsers = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; bad input gives one line on stderr and exit code 2."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(args) or 0)
    except UsageError as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def run() -> NoReturn:
    sys.exit(main())
