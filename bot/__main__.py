"""`python -m bot` does what `trailcoach` does."""

from __future__ import annotations

from bot.cli import run

if __name__ == "__main__":
    run()
