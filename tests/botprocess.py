"""The real bot as a separate process, started the way `make run` starts it, for e2e tests and
benchmarks against the Telegram emulator."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

TEST_TOKEN = "123456:TEST-TOKEN-never-logged"


def bot_environment(
    base_url: str, base_file_url: str, database_url: str, **extra: str
) -> dict[str, str]:
    """The environment a bot process needs to talk to the emulator instead of Telegram.

    The FAQ matches words only unless `extra` turns FAQ_MODEL on: loading the sentence model
    costs each process a second or more, and the bots that test the FAQ say so."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            (
                "TELEGRAM_",
                "DATABASE_URL",
                "CLOCK_",
                "REMINDER_",
                "WEBHOOK_",
                "LOG_",
                "METRICS_",
                "FAQ_",
            )
        )
    }
    env.update(
        TELEGRAM_BOT_TOKEN=TEST_TOKEN,
        TELEGRAM_BASE_URL=base_url,
        TELEGRAM_BASE_FILE_URL=base_file_url,
        DATABASE_URL=database_url,
        POLL_TIMEOUT_SECONDS="1",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
        FAQ_MODEL="false",
    )
    env.update(extra)
    return env


@dataclass
class BotProcess:
    """`python -m bot run` in a subprocess; its output goes to `log_path`."""

    env: Mapping[str, str]
    log_path: Path
    cwd: Path
    process: subprocess.Popen[bytes] | None = field(default=None, init=False)

    def start(self) -> BotProcess:
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "run"],
                env=dict(self.env),
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def stop(self, timeout: float = 15.0) -> int:
        """Stop it as systemd would (SIGTERM), killing it if it does not go in time."""
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        code = self.process.returncode
        self.process = None
        return code

    def kill(self) -> None:
        """Stop it abruptly, like a crash."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_until_logged(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.log():
                return
            if not self.running:
                raise RuntimeError(f"the bot exited early:\n{self.log()}")
            time.sleep(0.05)
        raise TimeoutError(f"the bot did not log {text!r} in {timeout} s:\n{self.log()}")
