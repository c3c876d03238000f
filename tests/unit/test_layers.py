"""Imports run one way: channels → dialogue → services → coach and storage; reminders →
services. coach/ is a pure engine: the standard library, pydantic and a named few, no clock."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COACH = ROOT / "coach"
BOT = ROOT / "bot"

# What coach/ may import besides the standard library and itself, each with its reason.
COACH_ALLOWED = {
    "pydantic": "models at every boundary",
    "rapidfuzz": "typo-tolerant matching in the FAQ, measurably better than our own",
}

# For each layer of bot/, the bot packages it may import (its own package always).
BOT_ALLOWED = {
    "bot.recordings": set(),  # activity files (GPX, FIT, TCX) to coach models
    "bot.embedding": set(),  # the FAQ's sentence model; only the composition root builds it
    "bot.storage": {"bot.settings"},
    # What /progress, /calendar and /export make: data in, bytes or text out, no I/O.
    "bot.progress": set(),
    "bot.calendar_feed": set(),
    "bot.export": {"bot.storage.records", "bot.storage.tables"},
    "bot.services": {
        "bot.storage",
        "bot.recordings",
        "bot.settings",
        "bot.progress",
        "bot.calendar_feed",
        "bot.export",
    },
    "bot.reminders": {"bot.services", "bot.storage", "bot.settings"},
    "bot.dialogue": {
        "bot.services",
        "bot.storage.records",
        "bot.recordings",
        "bot.progress",
        "bot.export",
        "bot.settings",
    },
    "bot.channels": {
        "bot.dialogue",
        "bot.services",
        "bot.storage.records",
        "bot.reminders",  # the Sender port and the tick it schedules
        "bot.settings",
        "bot.clock",
        "bot.logs",  # the update each log line is about
        "bot.metrics",
        "bot.calendar_feed",  # the route of private calendar feeds
    },
}
# Only the channels talk to Telegram and only bot.embedding runs the sentence model; the
# dialogue and the coach never touch SQL.
FRAMEWORK_ONLY_IN = {"telegram": {"bot.channels"}, "onnxruntime": {"bot.embedding"}}
NEVER_IN = {
    "bot.dialogue": {"sqlalchemy"},
    "bot.channels": {"sqlalchemy"},
    "bot.recordings": {"sqlalchemy"},
    # Pictures are drawn on matplotlib's Agg canvas; pyplot's global figures are never used.
    "bot.progress": {"sqlalchemy", "matplotlib.pyplot"},
    "bot.calendar_feed": {"sqlalchemy"},
}
CLOCK_READS = ("now", "today", "utcnow", "time")


def _runtime_imports(path: Path) -> set[str]:
    """Modules imported at run time (imports under `if TYPE_CHECKING:` only name types)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and "TYPE_CHECKING" in ast.unparse(block.test)
        for statement in block.body
        for node in ast.walk(statement)
    }
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer_of(module: str) -> str | None:
    return next((layer for layer in BOT_ALLOWED if module.startswith(layer)), None)


def _within(module: str, allowed: set[str]) -> bool:
    return any(module == name or module.startswith(f"{name}.") for name in allowed)


COACH_FILES = sorted(COACH.rglob("*.py"))
BOT_FILES = [path for path in sorted(BOT.rglob("*.py")) if _layer_of(_module_name(path))]


def test_there_are_modules_in_every_layer_to_check() -> None:
    layers = {_layer_of(_module_name(path)) for path in BOT_FILES}
    assert layers == set(BOT_ALLOWED) and len(COACH_FILES) >= 5


@pytest.mark.parametrize("path", COACH_FILES, ids=lambda p: p.name)
def test_the_coach_imports_only_the_standard_library_and_its_named_exceptions(
    path: Path,
) -> None:
    roots = {name.split(".")[0] for name in _runtime_imports(path)}
    outside = roots - set(sys.stdlib_module_names) - set(COACH_ALLOWED) - {"coach"}
    assert not outside


@pytest.mark.parametrize("path", COACH_FILES, ids=lambda p: p.name)
def test_no_coach_module_reads_the_clock(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            owner_name = getattr(owner, "attr", None) or getattr(owner, "id", "")
            if owner_name in {"date", "datetime", "time"}:
                assert node.func.attr not in CLOCK_READS, f"{path.name} reads the clock"


@pytest.mark.parametrize("path", BOT_FILES, ids=lambda p: _module_name(p))
def test_each_bot_layer_imports_only_the_layers_below_it(path: Path) -> None:
    module = _module_name(path)
    layer = _layer_of(module)
    assert layer is not None
    allowed = BOT_ALLOWED[layer] | {layer}
    ours = [name for name in _runtime_imports(path) if name.split(".")[0] == "bot"]
    assert [name for name in ours if not _within(name, allowed)] == []


@pytest.mark.parametrize("path", BOT_FILES, ids=lambda p: _module_name(p))
def test_frameworks_stay_in_their_adapters(path: Path) -> None:
    module = _module_name(path)
    layer = _layer_of(module)
    assert layer is not None
    names = _runtime_imports(path)
    roots = {name.split(".")[0] for name in names}
    for framework, owners in FRAMEWORK_ONLY_IN.items():
        if framework in roots:
            assert layer in owners, f"{module} imports {framework}"
    assert [name for name in names if _within(name, NEVER_IN.get(layer, set()))] == []


def test_the_layer_check_sees_a_forbidden_import(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from telegram import Bot\nimport sqlalchemy.orm\n", encoding="utf-8")
    assert {"telegram", "sqlalchemy.orm"} <= _runtime_imports(module)


def test_the_layer_check_ignores_imports_made_only_for_type_hints(tmp_path: Path) -> None:
    module = tmp_path / "hints.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from bot.app import App\n",
        encoding="utf-8",
    )
    assert "bot.app" not in _runtime_imports(module)
