"""Prometheus metrics: one registry per process, owned here and passed down, never global.

No label holds a user or chat id: every label has a handful of values, so the series stay few.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from bot.logs import Outcome
from bot.storage.tables import AthleteRow

if TYPE_CHECKING:
    from bot.reminders.service import TickReport
    from bot.storage.database import Database

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Replies take tens of milliseconds; a slow database or Telegram shows in the upper buckets.
UPDATE_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


class UpdateKind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    BUTTON = "button"
    DOCUMENT = "document"  # a file, read as an activity file
    UNSUPPORTED = "unsupported"  # stickers, photos, voice notes
    EDITED = "edited"
    GROUP = "group"
    OTHER = "other"  # anything else Telegram sends (member changes, reactions, ...)


class ReminderOutcome(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    LATE = "late"  # sent after its time (after downtime); also counted as sent
    SKIPPED = "skipped"
    BLOCKED = "blocked"


class Metrics:
    """The bot's counters and histograms in a registry of their own."""

    def __init__(self, active_athletes: Callable[[], int] | None = None) -> None:
        # prometheus-client's one process-wide switch: no *_created series beside each counter,
        # which Prometheus would store as a gauge per label set for nothing.
        disable_created_metrics()
        self.registry = CollectorRegistry()
        self._updates = Counter(
            "trailcoach_updates",
            "Telegram updates handled, by kind and outcome.",
            ["kind", "outcome"],
            registry=self.registry,
        )
        self._update_seconds = Histogram(
            "trailcoach_update_seconds",
            "Time to handle one update, replies sent included.",
            ["kind"],
            buckets=UPDATE_BUCKETS,
            registry=self.registry,
        )
        self._reminders = Counter(
            "trailcoach_reminders",
            "Reminders by outcome (late ones are also counted as sent).",
            ["outcome"],
            registry=self.registry,
        )
        self._telegram_errors = Counter(
            "trailcoach_telegram_errors",
            "Failed Bot API calls by HTTP status (429, 403, ...) or 'timeout'/'network'.",
            ["code"],
            registry=self.registry,
        )
        for kind in UpdateKind:
            self._update_seconds.labels(kind.value)
            for outcome in Outcome:
                self._updates.labels(kind.value, outcome.value)
        for reminder in ReminderOutcome:
            self._reminders.labels(reminder.value)
        if active_athletes is not None:
            self.registry.register(
                _Sampled(
                    "trailcoach_athletes_active",
                    "Athletes who have not blocked the bot (counted when scraped).",
                    active_athletes,
                )
            )

    def record_update(self, kind: UpdateKind, outcome: Outcome, seconds: float) -> None:
        self._updates.labels(kind.value, outcome.value).inc()
        self._update_seconds.labels(kind.value).observe(seconds)

    def record_reminders(self, outcome: ReminderOutcome, count: int) -> None:
        if count > 0:
            self._reminders.labels(outcome.value).inc(count)

    def record_tick(self, tick: TickReport) -> None:
        """Add one reminder tick's counts; an expired claim (its send never recorded) ends as
        failed, and late sends are counted both as sent and as late."""
        self.record_reminders(ReminderOutcome.SENT, tick.sent)
        self.record_reminders(ReminderOutcome.LATE, tick.late)
        self.record_reminders(ReminderOutcome.FAILED, tick.failed + tick.expired)
        self.record_reminders(ReminderOutcome.BLOCKED, tick.blocked)
        self.record_reminders(ReminderOutcome.SKIPPED, tick.skipped)

    def record_telegram_error(self, code: str) -> None:
        self._telegram_errors.labels(code).inc()

    def exposition(self) -> bytes:
        """The Prometheus text format; samples the database, so call it off the event loop."""
        return generate_latest(self.registry)


class _Sampled(Collector):
    """A gauge read when scraped; a failed read shows NaN rather than failing the scrape."""

    def __init__(self, name: str, documentation: str, sample: Callable[[], int]) -> None:
        self._name = name
        self._documentation = documentation
        self._sample = sample

    def describe(self) -> Iterator[Metric]:
        yield GaugeMetricFamily(self._name, self._documentation)

    def collect(self) -> Iterator[Metric]:
        try:
            value = float(self._sample())
        except Exception as error:
            log.warning("metrics: could not read %s: %s", self._name, error)
            value = math.nan
        yield GaugeMetricFamily(self._name, self._documentation, value=value)


def count_active_athletes(database: Database) -> int:
    """Athletes who have not blocked the bot: one indexed count."""
    with database.session() as db:
        return int(
            db.scalar(select(func.count()).select_from(AthleteRow).where(AthleteRow.active)) or 0
        )


def for_database(database: Database) -> Metrics:
    """Metrics whose athletes gauge counts in this database."""
    return Metrics(active_athletes=lambda: count_active_athletes(database))
