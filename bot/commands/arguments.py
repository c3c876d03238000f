"""Argument types and the usage error shared by the sub-commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from bot.settings import Settings
from bot.storage.database import DatabaseUnavailable

if TYPE_CHECKING:
    from bot.app import App

from coach.schedule import Weekday


class UsageError(Exception):
    """Bad command-line input: reported in one line on stderr, exit code 2."""


def iso_date(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD that names the bad value in its message."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a valid date; use YYYY-MM-DD, e.g. 2026-12-07"
        ) from None


def open_app(settings: Settings, *, migrate: bool = True, faq_model: bool = True) -> App | None:
    """The application, from the composition root; None (with one line on stderr naming the
    database, its password masked) when the database cannot be reached. Commands that answer
    no questions pass `faq_model=False` and skip loading the FAQ's sentence model."""
    # Imported here so that light commands (plan, checkin) start without the whole application.
    from bot.app import bootstrap

    try:
        return bootstrap(settings, migrate=migrate, faq_model=faq_model)
    except DatabaseUnavailable as error:
        print(f"trailcoach: {error}", file=sys.stderr)
        return None


def weekday(text: str) -> Weekday:
    """An argparse type for a weekday name ('sunday', 'Sun')."""
    cleaned = text.strip().lower()
    for day in Weekday:
        if cleaned == day.value or (len(cleaned) >= 3 and day.value.startswith(cleaned)):
            return day
    raise argparse.ArgumentTypeError(f"{text!r} is not a weekday; use e.g. sunday")
