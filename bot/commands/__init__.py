"""Sub-commands of `trailcoach`; each module has `register(subparsers)` and sets `handler`."""

from __future__ import annotations

from bot.commands import ask, checkin, db, forget, plan, record, run, stats

COMMANDS = (run, plan, checkin, ask, db, forget, record, stats)
