"""matplotlib in a fresh process, as the bot starts: not imported until a picture is drawn, and
its font cache kept in the folder the composition root names, never in the home directory
(read-only under systemd's ProtectSystem=strict, and not always there for a container's
user)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WARM = (
    "import sys; from pathlib import Path; from bot.progress import ProgressRenderer; "
    "ProgressRenderer(cache_dir=Path(sys.argv[1])).warm(); "
    "assert 'matplotlib.pyplot' not in sys.modules"
)


def _fresh_process(tmp_path: Path) -> tuple[Path, Path]:
    home, cache = tmp_path / "home", tmp_path / "data" / "matplotlib"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"MPLCONFIGDIR", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"}
    }
    env["HOME"] = str(home)
    subprocess.run([sys.executable, "-c", WARM, str(cache)], env=env, check=True, timeout=120)
    return home, cache


def test_warming_the_renderer_builds_the_font_cache_in_the_folder_it_was_given(
    tmp_path: Path,
) -> None:
    _, cache = _fresh_process(tmp_path)
    assert list(cache.glob("fontlist-*.json"))


def test_warming_the_renderer_writes_nothing_to_the_home_directory(tmp_path: Path) -> None:
    home, _ = _fresh_process(tmp_path)
    assert list(home.rglob("*")) == []


def test_importing_the_progress_package_leaves_matplotlib_unloaded() -> None:
    check = "import sys, bot.progress; assert 'matplotlib' not in sys.modules, 'loaded'"
    subprocess.run([sys.executable, "-c", check], check=True, timeout=60)
