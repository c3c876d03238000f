"""The `trailcoach` command line: one sub-command per module in `bot.commands`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from pydantic import ValidationError

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
    except ValidationError as error:
        print(f"trailcoach: {settings_problem(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def settings_problem(error: ValidationError) -> str:
    """A bad setting in one line: 'DEFAULT_TIMEZONE: unknown time zone ...' and the like."""
    problems = []
    for item in error.errors():
        name = ".".join(str(part) for part in item["loc"]).upper() or "settings"
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{name}: {message}")
    return "invalid setting " + "; ".join(problems)


def run() -> NoReturn:
    sys.exit(main())
