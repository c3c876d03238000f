"""The one place the application reads the time; everything else gets `now` passed in."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Clock:
    """Wall-clock time in UTC. With `start` set, time begins there and runs at normal speed,
    so a test can put the bot on a chosen day and still watch minutes pass."""

    start: dt.datetime | None = None
    _origin: float = field(default_factory=time.monotonic)

    def now(self) -> dt.datetime:
        if self.start is None:
            return dt.datetime.now(dt.UTC)
        elapsed = dt.timedelta(seconds=time.monotonic() - self._origin)
        return self.start.astimezone(dt.UTC) + elapsed
