"""Keeps one fast-typing user from flooding the coach: a sliding window per user."""

from __future__ import annotations

from collections import deque
from enum import StrEnum


class Verdict(StrEnum):
    ALLOW = "allow"
    WARN = "warn"  # the first message over the limit: say so once
    DROP = "drop"  # further ones inside the same window: ignored on purpose


class FloodGuard:
    """At most `limit` messages per user in any `window` seconds. Time is passed in."""

    def __init__(self, limit: int = 8, window: float = 4.0, max_users: int = 10_000) -> None:
        self._limit = limit
        self._window = window
        self._max_users = max_users
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}

    def check(self, user_id: int, now: float) -> Verdict:
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self._window:
            times.popleft()
        if len(times) < self._limit:
            times.append(now)
            self._warned.pop(user_id, None)
            self._trim()
            return Verdict.ALLOW
        warned_at = self._warned.get(user_id)
        if warned_at is not None and now - warned_at < self._window:
            return Verdict.DROP
        self._warned[user_id] = now
        return Verdict.WARN

    def _trim(self) -> None:
        # Bounded memory: forget the users seen longest ago.
        while len(self._seen) > self._max_users:
            oldest = next(iter(self._seen))
            self._seen.pop(oldest)
            self._warned.pop(oldest, None)
