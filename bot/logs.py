"""Log output: text or one JSON object per line, the update being handled on every record, and
no secret in any line, tracebacks included."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import TextIO
from urllib.parse import quote

from bot.settings import LogFormat, Settings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Set on a record by `extra=` or from the update scope; shown when known.
CONTEXT_FIELDS = ("update_id", "athlete_id", "outcome")
REDACTED = "<redacted>"


class Outcome(StrEnum):
    OK = "ok"  # handled, whether or not it was answered
    ERROR = "error"  # a handler raised; the athlete was told something went wrong
    DROPPED = "dropped"  # deliberately not handled: flood guard, an update kind we ignore


@dataclass
class UpdateScope:
    """The update this task is handling; log records made meanwhile carry its ids."""

    update_id: int | None
    athlete_id: int | None  # the athlete's Telegram user id, which is how the bot knows them
    outcome: Outcome = Outcome.OK


_current: ContextVar[UpdateScope | None] = ContextVar("trailcoach_update", default=None)


@contextmanager
def update_scope(update_id: int | None, athlete_id: int | None) -> Iterator[UpdateScope]:
    """Records logged inside the block (and in threads it starts) name this update."""
    scope = UpdateScope(update_id, athlete_id)
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)


def current_scope() -> UpdateScope | None:
    return _current.get()


class _UpdateContext(logging.Filter):
    """Copies the update scope onto each record, unless `extra=` already set the field."""

    def filter(self, record: logging.LogRecord) -> bool:
        scope = _current.get()
        for name in CONTEXT_FIELDS:
            if not hasattr(record, name):
                value = getattr(scope, name, None) if scope is not None else None
                setattr(record, name, value)
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, the update's ids, exception."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in CONTEXT_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = str(value) if isinstance(value, StrEnum) else value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RedactingFormatter(logging.Formatter):
    """Wraps a formatter and removes every secret from what it writes, tracebacks included.

    Redacting the finished line, rather than the message, also covers exception text, `extra`
    fields and whatever a library puts in its arguments.
    """

    def __init__(self, inner: logging.Formatter, secrets: Iterable[str]) -> None:
        super().__init__()
        self._inner = inner
        variants = {form for secret in secrets if secret for form in _forms(secret)}
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted(variants, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        line = self._inner.format(record)
        for secret in self._secrets:
            line = line.replace(secret, REDACTED)
        return line


def _forms(secret: str) -> set[str]:
    # URLs carry the token percent-encoded as often as not; JSON escapes nothing in it.
    return {secret, quote(secret, safe=""), quote(secret)}


def build_handler(settings: Settings, stream: TextIO | None = None) -> logging.Handler:
    """The one handler the process logs through, formatted as LOG_FORMAT says."""
    handler = logging.StreamHandler(stream or sys.stderr)
    inner = logging.Formatter(TEXT_FORMAT)
    if settings.log_format is LogFormat.JSON:
        inner = JsonFormatter()
    secrets = [
        value.get_secret_value()
        for value in (settings.telegram_bot_token, settings.webhook_secret)
        if value is not None
    ]
    handler.setFormatter(RedactingFormatter(inner, secrets))
    handler.addFilter(_UpdateContext())
    return handler


def configure_logging(settings: Settings) -> None:
    """Route every logger, warnings included, through one handler at LOG_LEVEL."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(build_handler(settings))
    root.setLevel(settings.log_level)
    logging.captureWarnings(True)
    # httpx logs every request URL at INFO, and Telegram URLs contain the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # One line per request is noise beside our own line per update (and health probes).
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
