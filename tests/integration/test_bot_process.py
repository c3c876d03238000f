"""The bot as a process: starting without a token or a database, and restarting mid-dialogue."""

from __future__ import annotations

import asyncio
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.botprocess import bot_environment
from tests.emulator import TelegramEmulator
from tests.integration.bot_helpers import say
from tests.integration.conftest import BotStarter

pytestmark = pytest.mark.e2e


def _run(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_without_a_token_and_no_terminal_run_says_how_to_get_one_and_exits_2(
    tmp_path: Path,
) -> None:
    env = bot_environment("http://127.0.0.1:9/bot", "", f"sqlite:///{tmp_path / 'x.db'}")
    env["TELEGRAM_BOT_TOKEN"] = ""
    done = _run(env, tmp_path, "run")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TELEGRAM_BOT_TOKEN" in lines[0] and "@BotFather" in lines[0]


def test_an_unreachable_database_at_start_is_one_line_with_the_password_masked(
    tmp_path: Path,
) -> None:
    url = "postgresql+psycopg://coach:hunter2@127.0.0.1:1/trailcoach"
    env = bot_environment("http://127.0.0.1:9/bot", "", url)
    done = _run(env, tmp_path, "run")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "127.0.0.1:1" in lines[0] and "***" in lines[0]
    assert "hunter2" not in done.stderr + done.stdout
    assert "Traceback" not in done.stderr


def test_the_terminal_chat_holds_the_same_conversation(tmp_path: Path) -> None:
    env = bot_environment("http://127.0.0.1:9/bot", "", f"sqlite:///{tmp_path / 'c.db'}")
    env["CLOCK_START"] = "2026-12-07T09:00:00+00:00"
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console", "--user", "5"],
        env=env,
        cwd=tmp_path,
        input="/start\n1\n1\nBerlin\n2\nnever\n/today\n/quit\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "[1] Today" in done.stdout
    assert "Time zone: Europe/Berlin" in done.stdout
    assert "You're all set!" in done.stdout
    assert "Week 1 of 12 · Monday" in done.stdout


async def test_a_restart_in_the_middle_of_onboarding_resumes_where_it_was(
    bot: BotStarter, emulator: TelegramEmulator
) -> None:
    hiker = emulator.user(77, "Cara")
    await hiker.command("start")
    await hiker.replies(2)
    await say(hiker, "2026-12-07", count=2)
    assert await bot.stop() == 0
    await bot.start()
    await say(hiker, "sunday", count=2)
    reply = await say(hiker, "Europe/Vienna", count=2)
    assert "Time zone: Europe/Vienna" in reply
    assert "What time should I send you" in reply


async def test_a_restart_keeps_checkins_and_settings(
    bot: BotStarter, emulator: TelegramEmulator
) -> None:
    hiker = emulator.user(78, "Dan")
    await hiker.command("start")
    await hiker.replies(2)
    for answer in ("2026-12-07", "saturday", "Europe/Berlin", "07:00", "regular"):
        await say(hiker, answer, count=2)
    await say(hiker, "easy run 40 min rpe 4")
    await bot.stop()
    await bot.start()
    assert "Daily reminder: 07:00" in await say(hiker, "/settings")


def test_without_a_token_in_a_terminal_run_opens_the_terminal_chat(tmp_path: Path) -> None:
    env = bot_environment("http://127.0.0.1:9/bot", "", f"sqlite:///{tmp_path / 't.db'}")
    env["TELEGRAM_BOT_TOKEN"] = ""
    argv = [sys.executable, "-m", "bot", "run"]
    output = _run_in_terminal(argv, env, tmp_path, "/help\n/quit\n")
    assert "No TELEGRAM_BOT_TOKEN is set" in output
    assert "TrailCoach terminal chat" in output
    assert "/today" in output


def _run_in_terminal(argv: list[str], env: dict[str, str], cwd: Path, typed: str) -> str:
    """Run a command with a pseudo-terminal as its stdin, type `typed`, return what it printed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        argv, env=env, cwd=cwd, stdin=terminal, stdout=terminal, stderr=terminal
    )
    os.close(terminal)
    os.write(controller, typed.encode())
    output = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed: the program has exited
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(controller)
    return output.decode(errors="replace")


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE: unknown time zone 'Mars/Olympus'"),
        ("LOG_LEVEL", "loud", "LOG_LEVEL: unknown log level 'loud'"),
        (
            "WEBHOOK_URL",
            "ftp://x.org",
            "WEBHOOK_URL: WEBHOOK_URL must be an https:// URL (Telegram only calls https)",
        ),
        (
            "WEBHOOK_URL",
            "https://coach.example.com/telegram",
            "WEBHOOK_SECRET: required when WEBHOOK_URL is set (1-256 letters, digits, _ or -)",
        ),
        ("LOG_FORMAT", "xml", "LOG_FORMAT: Input should be 'text' or 'json'"),
    ],
)
def test_a_bad_setting_is_one_line_naming_it_and_exit_2(
    tmp_path: Path, variable: str, value: str, expected: str
) -> None:
    env = bot_environment("http://127.0.0.1:9/bot", "", f"sqlite:///{tmp_path / 's.db'}")
    env[variable] = value
    done = _run(env, tmp_path, "run")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"trailcoach: invalid setting {expected}"]


async def test_a_token_telegram_rejects_is_one_line_and_never_printed(tmp_path: Path) -> None:
    async with TelegramEmulator(token="123456:THE-REAL-TOKEN") as emulator:
        env = bot_environment(
            emulator.base_url, emulator.base_file_url, f"sqlite:///{tmp_path / 'x.db'}"
        )
        env["TELEGRAM_BOT_TOKEN"] = "987654:REVOKED-token-never-printed"
        done = await asyncio.to_thread(_run, env, tmp_path, "run")
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        "trailcoach: Telegram rejected the bot token (check TELEGRAM_BOT_TOKEN)"
    )
    assert "REVOKED-token-never-printed" not in done.stderr + done.stdout


async def test_in_polling_mode_one_chat_waits_its_turn_and_others_do_not(
    bot: BotStarter, emulator: TelegramEmulator
) -> None:
    slow, quick = emulator.user(61, "Slow"), emulator.user(62, "Quick")
    emulator.slow_down("sendMessage", 0.5)
    try:
        await slow.command("start")  # two messages
        await asyncio.sleep(0.2)
        await slow.command("help")  # must come after both
        await quick.command("help")  # must not wait for the slow chat
        await quick.replies(1, timeout=10)
        answered_quickly = len(slow.messages) < 3
    finally:
        emulator.slow_down("sendMessage", 0)
    texts = [message.text for message in await emulator.wait_for_messages(61, 3, timeout=15)]
    assert answered_quickly
    assert "What I can do" in texts[2] and all("What I can do" not in t for t in texts[:2])
