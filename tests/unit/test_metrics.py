"""Metrics: a registry per Metrics object, counters that start at zero, and an athletes gauge
that is read when scraped and does not break the scrape when the database is down."""

from __future__ import annotations

from bot.logs import Outcome
from bot.metrics import Metrics, ReminderOutcome, UpdateKind


def _text(metrics: Metrics) -> str:
    return metrics.exposition().decode()


def test_every_kind_and_outcome_is_exposed_at_zero_before_anything_happens() -> None:
    text = _text(Metrics())
    assert 'trailcoach_updates_total{kind="button",outcome="dropped"} 0.0' in text
    assert 'trailcoach_reminders_total{outcome="late"} 0.0' in text


def test_an_update_adds_to_its_kind_and_outcome_and_to_the_latency_histogram() -> None:
    metrics = Metrics()
    metrics.record_update(UpdateKind.TEXT, Outcome.OK, 0.03)
    text = _text(metrics)
    assert 'trailcoach_updates_total{kind="text",outcome="ok"} 1.0' in text
    assert 'trailcoach_update_seconds_bucket{kind="text",le="0.05"} 1.0' in text
    assert 'trailcoach_update_seconds_bucket{kind="text",le="0.025"} 0.0' in text


def test_two_metrics_objects_do_not_share_counts() -> None:
    first, second = Metrics(), Metrics()
    first.record_reminders(ReminderOutcome.SENT, 5)
    first.record_telegram_error("429")
    assert 'trailcoach_reminders_total{outcome="sent"} 5.0' in _text(first)
    assert 'trailcoach_reminders_total{outcome="sent"} 0.0' in _text(second)
    assert 'trailcoach_telegram_errors_total{code="429"} 1.0' in _text(first)


def test_the_athletes_gauge_is_read_at_each_scrape() -> None:
    counts = iter([3, 4])
    metrics = Metrics(active_athletes=lambda: next(counts))
    assert "trailcoach_athletes_active 3.0" in _text(metrics)
    assert "trailcoach_athletes_active 4.0" in _text(metrics)


def test_a_failed_athletes_count_shows_nan_and_the_rest_is_still_served() -> None:
    def down() -> int:
        raise ConnectionError("database down")

    metrics = Metrics(active_athletes=down)
    metrics.record_update(UpdateKind.COMMAND, Outcome.OK, 0.1)
    text = _text(metrics)
    assert "trailcoach_athletes_active NaN" in text
    assert 'trailcoach_updates_total{kind="command",outcome="ok"} 1.0' in text
