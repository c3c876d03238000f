"""`make deploy-test`: build the image and run it for real, on loopback only.

Builds deploy/Dockerfile, runs the container with --network host in webhook mode against the
local PostgreSQL (a fresh database, dropped afterwards) and the Telegram emulator (a process of
its own), then checks: /healthz and /readyz answer, the image's HEALTHCHECK reports healthy, a
/start posted with the secret is answered through the emulator, a call without the secret gets
403, the logs are JSON lines without the token, and `docker stop` (SIGTERM) ends it with exit
code 0. Everything it started is removed, whatever happens.

The base image: DEPLOY_BASE_IMAGE if set; else python:3.11-slim if the engine has it or can
pull it; else trailcoach-base:bookworm, built once from Debian's packages with debootstrap (as
root, from the mirror apt uses here) and `docker import`.

pip inside the build reaches the index the way this machine's pip does: its CA bundle and an
http(s) index URL, if pip is configured with them, are handed over as build secrets.

Exit codes: 0 passed, 1 failed; with no Docker engine it says so and exits 0, or 3 with
--require-engine (for CI, where skipping must not look like passing).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
IMAGE = "trailcoach:deploy-test"
DEFAULT_BASE = "python:3.11-slim"
LOCAL_BASE = "trailcoach-base:bookworm"
BASE_PACKAGES = "python3,python3-venv,python3-pip,ca-certificates"
POSTGRES_URL = os.environ.get(
    "DEPLOY_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
TOKEN = "123456:DEPLOY-TEST-token-never-logged"
SECRET = "deploy-test_secret"
USER_ID = 4242
NO_ENGINE = 3


class Failed(Exception):
    """A check did not hold; the message says which."""


@dataclass
class Docker:
    """A docker client that reaches an engine, and how to build with BuildKit through it."""

    client: str
    build: list[str]
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))

    def run(self, *args: str, timeout: float = 120, check: bool = True) -> str:
        done = subprocess.run(
            [self.client, *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=self.env,
            check=False,
        )
        if check and done.returncode != 0:
            raise Failed(f"docker {' '.join(args[:2])}: {done.stderr.strip() or done.stdout}")
        return done.stdout.strip()

    def _rc(self, *args: str) -> int:
        return subprocess.run(
            [self.client, *args], capture_output=True, timeout=60, env=self.env, check=False
        ).returncode


def find_docker() -> Docker | None:
    """The first docker client on PATH (or $DOCKER) with an engine behind it and BuildKit."""
    candidates = [os.environ["DOCKER"]] if os.environ.get("DOCKER") else _all_on_path("docker")
    for client in candidates:
        probe = Docker(client, [])
        if probe._rc("info", "--format", "{{.ServerVersion}}") != 0:
            continue
        if probe._rc("buildx", "version") == 0:
            return Docker(client, ["buildx", "build", "--load"])
        version = probe.run("version", "--format", "{{.Client.Version}}", check=False)
        major = int(re.match(r"\d+", version).group()) if re.match(r"\d+", version) else 0
        if 18 <= major < 23:  # BuildKit built in, switched on by DOCKER_BUILDKIT=1
            return Docker(client, ["build"], {**os.environ, "DOCKER_BUILDKIT": "1"})
    return None


def _all_on_path(name: str) -> list[str]:
    found = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        path = Path(folder, name)
        if path.is_file() and os.access(path, os.X_OK) and str(path.resolve()) not in found:
            found.append(str(path.resolve()))
    return found


def has_engine_anywhere() -> bool:
    candidates = [os.environ["DOCKER"]] if os.environ.get("DOCKER") else _all_on_path("docker")
    return any(Docker(c, [])._rc("info") == 0 for c in candidates)


# The base image


def base_image(docker: Docker) -> str:
    chosen = os.environ.get("DEPLOY_BASE_IMAGE")
    if chosen:
        return chosen
    if docker._rc("image", "inspect", DEFAULT_BASE) == 0:
        return DEFAULT_BASE
    if docker._rc("pull", "--quiet", DEFAULT_BASE) == 0:
        return DEFAULT_BASE
    if docker._rc("image", "inspect", LOCAL_BASE) != 0:
        print(f"  {DEFAULT_BASE} cannot be pulled here: building {LOCAL_BASE} with debootstrap")
        build_local_base(docker)
    return LOCAL_BASE


def build_local_base(docker: Docker) -> None:
    debootstrap = shutil.which("debootstrap") or "/usr/sbin/debootstrap"
    if not Path(debootstrap).exists():
        raise Failed("no base image: install debootstrap (apt-get install debootstrap)")
    with tempfile.TemporaryDirectory(prefix="trailcoach-rootfs-") as rootfs:
        command = [
            debootstrap,
            "--variant=minbase",
            f"--include={BASE_PACKAGES}",
            "bookworm",
            rootfs,
            debian_mirror(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=1200)
        tar = subprocess.Popen(["tar", "-C", rootfs, "-c", "."], stdout=subprocess.PIPE)
        imported = subprocess.run(
            [docker.client, "import", "-", LOCAL_BASE], stdin=tar.stdout, capture_output=True
        )
        tar.wait()
        if imported.returncode != 0 or tar.returncode != 0:
            raise Failed(f"docker import: {imported.stderr.decode().strip()}")


def debian_mirror() -> str:
    """The Debian mirror apt uses on this machine (deb822 or one-line sources)."""
    sources = [Path("/etc/apt/sources.list"), *sorted(Path("/etc/apt/sources.list.d").glob("*"))]
    for source in sources:
        if not source.is_file():
            continue
        text = source.read_text(errors="replace")
        for url in re.findall(r"^URIs:\s*(\S+)", text, re.M) + re.findall(
            r"^deb\s+(?:\[[^\]]*\]\s+)?(\S+)", text, re.M
        ):
            if url.rstrip("/").endswith("/debian"):
                return url
    return "http://deb.debian.org/debian"


# pip's settings for the build


@contextmanager
def pip_secrets() -> Iterator[list[str]]:
    """--secret arguments carrying this machine's pip CA bundle and http(s) index, if any."""
    cert = os.environ.get("PIP_CERT") or _pip_config("global.cert")
    index = os.environ.get("PIP_INDEX_URL") or _pip_config("global.index-url")
    with tempfile.TemporaryDirectory(prefix="trailcoach-pip-") as scratch:
        lines, arguments = ["[global]"], []
        if cert and Path(cert).is_file():
            arguments += ["--secret", f"id=pip_ca,src={cert}"]
            lines.append("cert = /run/secrets/pip_ca")
        if index and index.startswith(("http://", "https://")):
            lines.append(f"index-url = {index}")
        if len(lines) > 1:
            conf = Path(scratch, "pip.conf")
            conf.write_text("\n".join(lines) + "\n")
            arguments += ["--secret", f"id=pip_conf,src={conf}"]
        yield arguments


def _pip_config(key: str) -> str | None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "config", "get", key],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return None
    return done.stdout.strip() or None


# The emulator, the database, HTTP


@contextmanager
def emulator() -> Iterator[str]:
    """`python -m tests.emulator --port 0` as a process; yields its base URL (…/bot)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.emulator", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"base_url=(\S+)", line)
        if match is None:
            raise Failed(f"the emulator did not start: {line}{process.stdout.read()}")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(10)


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty PostgreSQL database; yields its SQLAlchemy URL and drops it afterwards."""
    name = f"trailcoach_deploy_{secrets.token_hex(4)}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    server = POSTGRES_URL.split("://", 1)[1].rsplit("/", 1)[0]
    try:
        yield f"postgresql+psycopg://{server}/{name}"
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def http(
    method: str, url: str, body: object = None, headers: dict[str, str] | None = None
) -> tuple[int, str]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return int(response.status), response.read().decode()
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode()


def wait_for(what: str, check: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, urllib.error.URLError):
            pass
        time.sleep(0.5)
    raise Failed(f"{what}: not within {timeout:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_update(update_id: int) -> dict[str, object]:
    person = {"id": USER_ID, "is_bot": False, "first_name": "Deploy"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": int(time.time()),
            "chat": {"id": USER_ID, "type": "private", "first_name": "Deploy"},
            "from": person,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


# The run


class Steps:
    """Prints each step with how long it took."""

    def __init__(self) -> None:
        self.started = time.monotonic()

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        began = time.monotonic()
        print(f"- {name} ...", flush=True)
        yield
        print(f"  ok ({time.monotonic() - began:.1f} s)", flush=True)


def smoke(docker: Docker) -> None:
    steps = Steps()
    with steps.step("base image"):
        base = base_image(docker)
        print(f"  {base}")
    with steps.step(f"docker build {IMAGE}"), pip_secrets() as pip:
        docker.run(
            *docker.build,
            "--network",
            "host",
            "--file",
            str(ROOT / "deploy" / "Dockerfile"),
            "--build-arg",
            f"BASE_IMAGE={base}",
            *pip,
            "--tag",
            IMAGE,
            str(ROOT),
            timeout=1200,
        )
    user = docker.run("image", "inspect", "--format", "{{.Config.User}}", IMAGE)
    if user in {"", "0", "root"}:
        raise Failed(f"the image runs as {user or 'root'}")
    print(f"  runs as user {user}")
    with emulator() as base_url, fresh_database() as database_url:
        emu = base_url.removesuffix("/bot")
        port = _free_port()
        name = f"trailcoach-deploy-test-{secrets.token_hex(3)}"
        webhook = f"http://127.0.0.1:{port}/telegram"
        environment = {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_BASE_URL": base_url,
            "TELEGRAM_BASE_FILE_URL": f"{emu}/file/bot",
            "DATABASE_URL": database_url,
            "WEBHOOK_URL": webhook,
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET": SECRET,
            "LOG_FORMAT": "json",
            "PTB_TIMEDELTA": "true",
        }
        flags = [arg for key, value in environment.items() for arg in ("-e", f"{key}={value}")]
        try:
            with steps.step("docker run (migrate, then serve the webhook)"):
                docker.run(
                    "run", "--detach", "--name", name, "--network", "host",
                    "--health-interval", "2s", "--health-start-period", "60s",
                    *flags, IMAGE,
                )  # fmt: skip
            with steps.step("/healthz and /readyz answer 200"):
                wait_for("/healthz", lambda: http("GET", f"{_base(port)}/healthz")[0] == 200, 90)
                wait_for("/readyz", lambda: http("GET", f"{_base(port)}/readyz")[0] == 200, 30)
            with steps.step("the image's HEALTHCHECK reports healthy"):
                wait_for("healthy", lambda: _health(docker, name) == "healthy", 60)
            with steps.step("a /start posted with the secret is answered"):
                headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
                status, _ = http("POST", webhook, _start_update(1), headers)
                if status != 200:
                    raise Failed(f"the webhook answered {status}")
                status, body = http("GET", f"{emu}/_control/messages?chat_id={USER_ID}")
                replies = json.loads(body)["result"]
                if status != 200 or not replies:
                    raise Failed(f"no reply reached the emulator: {body}")
                print(f"  reply: {replies[0]['text'][:60]}...")
            with steps.step("a call without the secret gets 403"):
                status, _ = http("POST", webhook, _start_update(2))
                if status != 403:
                    raise Failed(f"without the secret: {status}")
            with steps.step("docker stop (SIGTERM) exits 0"):
                docker.run("stop", "--time", "60", name, timeout=90)
                code = docker.run("inspect", "--format", "{{.State.ExitCode}}", name)
                if code != "0":
                    raise Failed(f"exit code {code}:\n{docker.run('logs', name, check=False)}")
            with steps.step("logs are JSON lines without the token"):
                check_logs(docker, name)
        except Failed:
            print(docker.run("logs", "--tail", "40", name, check=False), file=sys.stderr)
            raise
        finally:
            docker.run("rm", "--force", name, check=False)
    print(f"deploy-test passed in {time.monotonic() - steps.started:.0f} s")


def _base(port: int) -> str:
    return f"http://127.0.0.1:{port}"


def _health(docker: Docker, name: str) -> str:
    return docker.run("inspect", "--format", "{{.State.Health.Status}}", name, check=False)


def check_logs(docker: Docker, name: str) -> None:
    done = subprocess.run(
        [docker.client, "logs", name], capture_output=True, text=True, env=docker.env, check=False
    )
    output = done.stdout + done.stderr
    if TOKEN in output or TOKEN.split(":")[1] in output:
        raise Failed("the token appears in the container's log")
    bot_lines = [line for line in output.splitlines() if line.startswith("{")]
    for line in bot_lines:
        entry = json.loads(line)
        if not {"time", "level", "logger", "message"} <= set(entry):
            raise Failed(f"a log line lacks a field: {line}")
    if not any(json.loads(line).get("update_id") == 1 for line in bot_lines):
        raise Failed("no log line names update 1")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the image and run it for real.")
    parser.add_argument(
        "--require-engine",
        action="store_true",
        help=f"exit {NO_ENGINE} instead of 0 when no Docker engine is available",
    )
    args = parser.parse_args(argv)
    docker = find_docker()
    if docker is None:
        if has_engine_anywhere():
            print("deploy-test: the Docker engine has no BuildKit client (install docker-buildx)")
            return 1
        print("no Docker engine: skipping deploy-test (see README)")
        return NO_ENGINE if args.require_engine else 0
    print(f"deploy-test: {docker.client} {' '.join(docker.build)}")
    try:
        smoke(docker)
    except (Failed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
        print(f"deploy-test FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
