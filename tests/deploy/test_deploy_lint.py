"""The deploy/ files pass real linters (hadolint, the Compose schema and `config`,
`systemd-analyze verify`), and those linters do catch a broken file: a check that cannot fail
would prove nothing. Each is skipped, saying why, where its tool is not installed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.deploy import lint
from tests.deploy.lint import Result, Status


def _passed_or_skip(result: Result) -> Result:
    if result.status is Status.SKIPPED:
        pytest.skip(result.detail)
    return result


@pytest.mark.parametrize(
    "check",
    [lint.hadolint, lint.compose_schema, lint.compose_config, lint.systemd_verify],
    ids=lambda check: check.__name__,
)
def test_the_deploy_file_passes_its_linter(check: Callable[[], Result]) -> None:
    result = _passed_or_skip(check())
    assert result.status is Status.PASSED, result.detail


def test_hadolint_rejects_a_dockerfile_with_a_known_mistake(tmp_path: Path) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_text("FROM debian:bookworm\nRUN cd /tmp && apt-get install curl\n")
    result = _passed_or_skip(lint.hadolint(dockerfile))
    assert result.status is Status.FAILED
    assert "DL3003" in result.detail  # use WORKDIR, not cd


def test_the_compose_schema_rejects_an_unknown_dependency_condition(tmp_path: Path) -> None:
    compose = tmp_path / "compose.yaml"
    compose.write_text(lint.COMPOSE.read_text().replace("service_healthy", "service_happy", 1))
    result = _passed_or_skip(lint.compose_schema(compose))
    assert result.status is Status.FAILED


def test_systemd_verify_rejects_a_misspelt_directive(tmp_path: Path) -> None:
    unit = tmp_path / "trailcoach.service"
    unit.write_text(lint.UNIT.read_text().replace("ProtectSystem=", "ProtectSystm=", 1))
    result = _passed_or_skip(lint.systemd_verify(unit))
    assert result.status is Status.FAILED
    assert "ProtectSystm" in result.detail
