"""Log output: LOG_FORMAT=json gives one JSON object a line naming the update being handled, and
no secret reaches any line, tracebacks and percent-encoded URLs included."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from bot.logs import Outcome, build_handler, update_scope
from bot.settings import LogFormat, Settings

TOKEN = "123456:AAH-secret_token"
HOOK_SECRET = "hook-secret_9"


@pytest.fixture
def output() -> io.StringIO:
    return io.StringIO()


def _logger(output: io.StringIO, log_format: LogFormat) -> Iterator[logging.Logger]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=SecretStr(TOKEN),
        webhook_url="https://coach.example.com/telegram",
        webhook_secret=SecretStr(HOOK_SECRET),
        log_format=log_format,
    )
    logger = logging.getLogger(f"test.logs.{log_format}")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    handler = build_handler(settings, output)
    logger.addHandler(handler)
    try:
        yield logger
    finally:
        logger.removeHandler(handler)


@pytest.fixture
def json_log(output: io.StringIO) -> Iterator[logging.Logger]:
    yield from _logger(output, LogFormat.JSON)


@pytest.fixture
def text_log(output: io.StringIO) -> Iterator[logging.Logger]:
    yield from _logger(output, LogFormat.TEXT)


def _entries(output: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


def test_a_json_line_has_time_level_logger_and_message(
    json_log: logging.Logger, output: io.StringIO
) -> None:
    json_log.info("tick: %d sent", 3)
    [entry] = _entries(output)
    assert entry["level"] == "INFO"
    assert entry["logger"] == json_log.name
    assert entry["message"] == "tick: 3 sent"
    assert str(entry["time"]).endswith("+00:00")


def test_lines_logged_while_an_update_is_handled_name_it_and_its_outcome(
    json_log: logging.Logger, output: io.StringIO
) -> None:
    with update_scope(update_id=77, athlete_id=901) as scope:
        scope.outcome = Outcome.DROPPED
        json_log.info("handled")
    json_log.info("afterwards")
    handled, afterwards = _entries(output)
    ids = (handled["update_id"], handled["athlete_id"], handled["outcome"])
    assert ids == (77, 901, "dropped")
    assert not {"update_id", "athlete_id", "outcome"} & set(afterwards)


def test_extra_fields_given_by_the_caller_win_over_the_scope(
    json_log: logging.Logger, output: io.StringIO
) -> None:
    with update_scope(update_id=1, athlete_id=2):
        json_log.info("reminder", extra={"athlete_id": 3})
    [entry] = _entries(output)
    assert entry["athlete_id"] == 3


def test_a_multi_line_traceback_stays_inside_one_json_line(
    json_log: logging.Logger, output: io.StringIO
) -> None:
    try:
        raise RuntimeError("boom\nsecond line")
    except RuntimeError:
        json_log.exception("failed")
    assert len(output.getvalue().splitlines()) == 1
    [entry] = _entries(output)
    assert "RuntimeError: boom" in str(entry["exception"])


@pytest.mark.parametrize("log_format", list(LogFormat))
def test_the_token_and_webhook_secret_are_redacted_everywhere(
    output: io.StringIO, log_format: LogFormat
) -> None:
    for logger in _logger(output, log_format):
        logger.warning("GET https://api.telegram.org/bot%s/getMe", TOKEN)
        logger.warning("encoded: /bot%s/getMe", TOKEN.replace(":", "%3A"))
        logger.warning("header %s", HOOK_SECRET)
        try:
            raise ValueError(f"bad URL https://api.telegram.org/bot{TOKEN}/sendMessage")
        except ValueError:
            logger.exception("send failed")
    text = output.getvalue()
    assert "<redacted>" in text
    assert TOKEN not in text and "AAH-secret_token" not in text
    assert HOOK_SECRET not in text


def test_text_lines_keep_their_human_format(text_log: logging.Logger, output: io.StringIO) -> None:
    text_log.info("hello")
    assert output.getvalue().rstrip().endswith(f"INFO {text_log.name}: hello")
