"""Long polling with METRICS_PORT: the operators' endpoints beside polling, and the container's
`trailcoach healthcheck` probe."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.botprocess import bot_environment
from tests.emulator import TelegramEmulator
from tests.integration.conftest import BotStarter

pytestmark = pytest.mark.e2e


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return int(response.status), response.read().decode()


def _healthcheck(env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "healthcheck"],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


async def test_a_polling_bot_with_metrics_port_serves_health_and_metrics_and_stops_with_0(
    emulator: TelegramEmulator, bot_database_url: str, tmp_path: Path
) -> None:
    port = _free_port()
    starter = BotStarter(emulator, bot_database_url, tmp_path)
    process = await starter.start(METRICS_PORT=str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        await emulator.user(921, "Ash").ask("/help")
        assert await asyncio.to_thread(_get, base + "/healthz") == (200, "ok\n")
        assert await asyncio.to_thread(_get, base + "/readyz") == (200, "ready\n")
        _, metrics = await asyncio.to_thread(_get, base + "/metrics")
        assert 'trailcoach_updates_total{kind="command",outcome="ok"} 1.0' in metrics
        checked = await asyncio.to_thread(_healthcheck, dict(process.env), tmp_path)
        assert checked.returncode == 0, checked.stderr
    finally:
        code = await starter.stop()
    assert code == 0


def test_healthcheck_fails_when_nothing_answers(tmp_path: Path) -> None:
    env = bot_environment("http://127.0.0.1:9/bot", "", f"sqlite:///{tmp_path / 'h.db'}")
    env["METRICS_PORT"] = str(_free_port())
    checked = _healthcheck(env, tmp_path)
    assert checked.returncode == 1
    assert "/healthz did not answer" in checked.stderr
