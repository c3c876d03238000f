"""coach/ stays a pure engine: no framework, storage or application imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

COACH = Path(__file__).resolve().parents[2] / "coach"
FORBIDDEN = ("telegram", "sqlalchemy", "apscheduler", "alembic", "bot", "httpx", "aiohttp")
CLOCK_READS = ("now", "today", "utcnow", "time")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _coach_files() -> list[Path]:
    return sorted(COACH.rglob("*.py"))


def test_the_coach_package_has_modules_to_check() -> None:
    assert len(_coach_files()) >= 5


@pytest.mark.parametrize("path", _coach_files(), ids=lambda p: p.name)
def test_no_coach_module_imports_the_application_or_its_frameworks(path: Path) -> None:
    roots = {name.split(".")[0] for name in _imported_modules(path)}
    assert not roots & set(FORBIDDEN)


@pytest.mark.parametrize("path", _coach_files(), ids=lambda p: p.name)
def test_no_coach_module_reads_the_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = getattr(owner, "attr", None) or getattr(owner, "id", "")
            if owner_name in {"date", "datetime", "time"}:
                assert node.func.attr not in CLOCK_READS, f"{path.name} reads the clock"


def test_the_boundary_check_catches_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from telegram import Bot\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert {"telegram", "sqlalchemy.orm"} <= _imported_modules(module)
