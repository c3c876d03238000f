"""Every benchmark `make bench` runs still imports: a renamed function breaks the import here,
not only in a run nobody makes in CI."""

from __future__ import annotations

import importlib

import pytest

from bench.__main__ import BENCHMARKS


@pytest.mark.parametrize("name", BENCHMARKS)
def test_the_benchmark_imports_and_has_a_run(name: str) -> None:
    module = importlib.import_module(name)
    assert callable(module.run)
