"""Settings, read once from the environment or a `.env` file and passed down."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATA_DIR = Path("data")
DEFAULT_DATABASE_URL = f"sqlite:///{DEFAULT_DATA_DIR / 'trailcoach.db'}"
# Messages a second Telegram allows a bot that pays for broadcasts.
PAID_BROADCAST_RATE = 1000.0


class LogFormat(StrEnum):
    TEXT = "text"  # one human-readable line per record
    JSON = "json"  # one JSON object per line, for log collectors


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_base_url: str = "https://api.telegram.org/bot"
    telegram_base_file_url: str = "https://api.telegram.org/file/bot"
    database_url: str = DEFAULT_DATABASE_URL
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    log_format: LogFormat = LogFormat.TEXT
    # The reminder tick: how often it runs and how late a reminder may still go out.
    reminder_tick_seconds: float = Field(default=60.0, gt=0)
    reminder_grace_minutes: int = Field(default=120, ge=0)
    # Telegram's overall sending budget; python-telegram-bot's AIORateLimiter enforces it.
    send_rate_per_second: float = Field(default=30.0, gt=0)
    # Telegram's paid broadcasts: reminders sent with allow_paid_broadcast (0.1 Stars each,
    # from the bot's balance), which lifts the budget to 1000 a second.
    paid_broadcast: bool = False
    # How early a crowded minute's reminders may start (0: never before their time).
    reminder_max_lead_minutes: float = Field(default=10.0, ge=0, le=60)
    poll_timeout_seconds: int = Field(default=30, ge=0)
    # Webhook mode, for several replicas behind one public URL; without it the bot long-polls.
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    # Required in webhook mode; validated even when unset so that its absence is reported.
    webhook_secret: SecretStr | None = Field(default=None, validate_default=True)
    # Polling mode only: serve /healthz, /readyz and /metrics here (webhook mode serves them
    # beside the webhook, on WEBHOOK_PORT).
    metrics_port: int | None = Field(default=None, ge=1, le=65535)
    metrics_listen: str = "127.0.0.1"
    # The FAQ matches by meaning too when the sentence model is installed, unless this is off
    # (words only: a smaller bot that starts faster). Its phrasings' vectors are cached here.
    faq_model: bool = True
    faq_cache_dir: Path = DEFAULT_DATA_DIR / "cache"
    # For tests and demos: the bot's clock starts at this instant (ISO 8601 with offset).
    clock_start: dt.datetime | None = None

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {value!r}") from error
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError(f"unknown log level {value!r}")
        return level

    @field_validator("log_format", mode="before")
    @classmethod
    def _lower_format(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("webhook_url")
    @classmethod
    def _https_or_local(cls, value: str | None) -> str | None:
        if not value:
            return None
        if not value.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise ValueError("WEBHOOK_URL must be an https:// URL (Telegram only calls https)")
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if value is not None and not value.get_secret_value():
            value = None
        # Without it anyone who learns the URL could post updates as any athlete.
        if value is None and info.data.get("webhook_url"):
            raise ValueError("required when WEBHOOK_URL is set (1-256 letters, digits, _ or -)")
        # Telegram accepts 1-256 characters of A-Z, a-z, 0-9, _ and - as a secret token.
        if value is not None and not re.fullmatch(
            r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()
        ):
            raise ValueError("WEBHOOK_SECRET may hold only letters, digits, _ and -")
        return value

    @field_validator("clock_start")
    @classmethod
    def _aware(cls, value: dt.datetime | None) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("CLOCK_START needs a UTC offset, e.g. 2026-12-07T08:00:00+00:00")
        return value

    @property
    def sending_rate(self) -> float:
        """Messages a second the bot may send in all: SEND_RATE_PER_SECOND, or with paid
        broadcasts on Telegram's paid limit (unless SEND_RATE_PER_SECOND asks for more)."""
        if self.paid_broadcast:
            return max(PAID_BROADCAST_RATE, self.send_rate_per_second)
        return self.send_rate_per_second

    @property
    def has_token(self) -> bool:
        return self.telegram_bot_token is not None and bool(
            self.telegram_bot_token.get_secret_value().strip()
        )
