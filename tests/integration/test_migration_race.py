"""Several processes migrating one database at once: one migrates, the others wait and find
the schema current. Real processes, as two replicas starting together would be."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.storage import migrate

PROCESSES = 3


def _upgrade_at_once(url: str, cwd: Path) -> list[subprocess.CompletedProcess[str]]:
    env = {**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING"}
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "db", "upgrade"],
            env=env,
            cwd=cwd,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    finished = []
    for process in started:
        out, err = process.communicate(timeout=120)
        finished.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    return finished


def test_upgrades_started_together_all_succeed_and_leave_the_schema_at_head(
    database_url: str, tmp_path: Path
) -> None:
    results = _upgrade_at_once(database_url, tmp_path)

    assert [result.returncode for result in results] == [0] * PROCESSES, [
        result.stderr for result in results
    ]
    assert migrate.current(database_url) == migrate.head()
    migrate.check(database_url)
