"""The bot's HTTP server: Telegram's webhook, /healthz, /readyz and /metrics, on Starlette and
uvicorn the way python-telegram-bot's customwebhookbot example serves them, and a graceful stop.

A webhook call is answered 200 only once its update has been handled: Telegram retries a call
that did not get 200, so an update lost in a crash or a shutdown comes back rather than vanishing.
Updates of one chat are handled one at a time, in the order they arrived; different chats run
concurrently.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import signal
import socket
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.calendar_feed import CALENDAR_PATH
from bot.calendar_feed import MEDIA_TYPE as CALENDAR_TYPE
from bot.channels.ordering import ChatLocks, chat_key
from bot.channels.telegram import CoachApplication, TelegramChannel
from bot.metrics import CONTENT_TYPE, Metrics
from bot.services.history import subscribed_calendar
from bot.services.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from bot.app import App

# The tokens the private calendar route accepts (secrets.token_urlsafe's alphabet).
FEED_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,100}")

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
READY_TIMEOUT_SECONDS = 2.0
METRICS_TIMEOUT_SECONDS = 5.0
# After SIGTERM, requests in progress get this long to finish before they are cancelled.
GRACEFUL_SECONDS = 20
# Telegram opens at most 40 connections by default; beyond this, callers get 503 and retry.
MAX_CONCURRENT_REQUESTS = 200


class Probes:
    """Readiness and metrics reads on threads of their own, so a hung database cannot take the
    threads the conversation uses, and a slow answer becomes a 503 rather than a hang."""

    def __init__(self, services: App, metrics: Metrics, application: Application) -> None:
        self._app = services
        self._database = services.database
        self._metrics = metrics
        self._application = application
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="probe")

    async def not_ready(self) -> str | None:
        """None when updates can be handled now, else why not."""
        if not self._application.running:
            return "not running"
        try:
            await self._in_thread(self._database.check, READY_TIMEOUT_SECONDS)
        except TimeoutError:
            log.warning("readiness: the database did not answer in %.0f s", READY_TIMEOUT_SECONDS)
            return "database not answering"
        except Exception as error:
            log.warning("readiness: %s", error)
            return "database unavailable"
        return None

    async def calendar(self, token: str) -> bytes | None:
        """The private calendar feed behind `token`, or None for a token nobody has."""

        def read() -> bytes | None:
            with UnitOfWork(self._database) as uow:
                return subscribed_calendar(
                    uow, token, self._app.clock.now(), self._app.settings.default_timezone
                )

        return await self._in_thread(read, READY_TIMEOUT_SECONDS * 5)

    async def exposition(self) -> bytes:
        return await self._in_thread(self._metrics.exposition, METRICS_TIMEOUT_SECONDS)

    async def _in_thread(self, work: Any, timeout: float) -> Any:
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(self._executor, work), timeout)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


@dataclass(frozen=True)
class Webhook:
    url: str
    secret: str

    @property
    def path(self) -> str:
        return urlsplit(self.url).path or "/"


def build_app(
    application: Application, probes: Probes, webhook: Webhook | None, locks: ChatLocks
) -> Starlette:
    """The ASGI app: the webhook (when given) and the operators' three endpoints."""

    async def telegram(request: Request) -> Response:
        """An update from Telegram: handled, then answered 200; 403 without the secret."""
        assert webhook is not None
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), webhook.secret.encode()):
            client = request.client.host if request.client else "unknown"
            reason = "a wrong" if given else "no"
            log.warning("webhook call refused: %s secret token, from %s", reason, client)
            return Response(status_code=403)
        try:
            update = Update.de_json(await request.json(), application.bot)
        except (ValueError, TypeError, KeyError, AttributeError):
            log.warning("webhook call refused: the body is not a Telegram update")
            return Response(status_code=400)
        async with locks.hold(chat_key(update)):
            await application.process_update(update)
        return Response()

    async def healthz(_: Request) -> Response:
        """Liveness: the process answers. Touches nothing else."""
        return PlainTextResponse("ok\n")

    async def readyz(_: Request) -> Response:
        """Readiness: running, and the database answers `SELECT 1` in time."""
        reason = await probes.not_ready()
        if reason is not None:
            return PlainTextResponse(f"not ready: {reason}\n", status_code=503)
        return PlainTextResponse("ready\n")

    async def metrics(_: Request) -> Response:
        """Prometheus text format."""
        try:
            body = await probes.exposition()
        except TimeoutError:
            return PlainTextResponse("metrics timed out\n", status_code=503)
        return Response(body, media_type=CONTENT_TYPE)

    async def calendar(request: Request) -> Response:
        """A private calendar subscription: the athlete's sessions to come, or 404."""
        token = request.path_params["token"]
        feed = await probes.calendar(token) if FEED_TOKEN.fullmatch(token) else None
        if feed is None:
            return PlainTextResponse("no such calendar\n", status_code=404)
        return Response(feed, media_type=CALENDAR_TYPE)

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        Route("/readyz", readyz, methods=["GET"]),
        Route("/metrics", metrics, methods=["GET"]),
        Route(f"{CALENDAR_PATH}/{{token}}.ics", calendar, methods=["GET"]),
    ]
    if webhook is not None:
        routes.append(Route(webhook.path, telegram, methods=["POST"]))
    return Starlette(routes=routes)


def run_webhook(services: App, metrics: Metrics | None = None) -> int:
    """Serve Telegram's webhook calls until SIGTERM; several replicas can share one URL."""
    settings = services.settings
    assert settings.webhook_url is not None and settings.webhook_secret is not None
    channel = TelegramChannel(services, metrics=metrics)
    application = channel.build(updater=False)
    webhook = Webhook(settings.webhook_url, settings.webhook_secret.get_secret_value())
    return asyncio.run(
        _serve(
            application,
            services,
            channel.metrics,
            settings.webhook_listen,
            settings.webhook_port,
            webhook,
        )
    )


def run_polling_with_endpoints(services: App, metrics: Metrics | None = None) -> int:
    """Long-poll Telegram, serving /healthz, /readyz and /metrics on METRICS_PORT."""
    settings = services.settings
    assert settings.metrics_port is not None
    channel = TelegramChannel(services, metrics=metrics)
    application = channel.build()
    return asyncio.run(
        _serve(
            application,
            services,
            channel.metrics,
            settings.metrics_listen,
            settings.metrics_port,
            None,
        )
    )


async def _serve(
    application: Application,
    services: App,
    metrics: Metrics,
    host: str,
    port: int,
    webhook: Webhook | None,
) -> int:
    """Run the application and the HTTP server until a stop signal, then stop in order: no new
    requests, the ones in progress finished, the application stopped (the reminder tick told
    at once to claim nothing more, its sends in flight finished), its shutdown hooks run. 0
    after a signal."""
    probes = Probes(services, metrics, application)
    config = uvicorn.Config(
        build_app(application, probes, webhook, ChatLocks()),
        log_config=None,  # our handlers, our format, our redaction
        access_log=False,
        lifespan="off",
        server_header=False,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
        limit_concurrency=MAX_CONCURRENT_REQUESTS,
    )
    server = uvicorn.Server(config)
    # uvicorn installs its own handlers while it serves and re-raises the signal when it is
    # done; with ours underneath, that re-raise lands here instead of killing the process
    # before the application has stopped.
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, _stop, server, application)
    try:
        listener = _listen(host, port)
    except OSError as error:
        log.error("cannot listen on %s:%d: %s", host, port, error.strerror or error)
        return 1
    try:
        await application.initialize()
        try:
            if application.post_init is not None:
                await application.post_init(application)
            await application.start()
            if application.updater is not None:
                await application.updater.start_polling(
                    allowed_updates=Update.ALL_TYPES,
                    timeout=services.settings.poll_timeout_seconds,
                    poll_interval=0.0,
                )
            await _run_server(server, listener, application, webhook, host, port)
        finally:
            if application.updater is not None and application.updater.running:
                await application.updater.stop()
            if application.running:
                await application.stop()
                if application.post_stop is not None:
                    await application.post_stop(application)
            await application.shutdown()
            if application.post_shutdown is not None:
                await application.post_shutdown(application)
    finally:
        probes.close()
        listener.close()
    log.info("stopped")
    return 0


async def _run_server(
    server: uvicorn.Server,
    listener: socket.socket,
    application: Application,
    webhook: Webhook | None,
    host: str,
    port: int,
) -> None:
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    while not server.started and not serving.done():
        await asyncio.sleep(0.02)
    if server.started:
        log.info("serving HTTP on %s:%d", host, port)
    if webhook is not None and server.started and not server.should_exit:
        # Only now: Telegram starts calling as soon as the webhook is set.
        try:
            await application.bot.set_webhook(
                webhook.url, secret_token=webhook.secret, allowed_updates=Update.ALL_TYPES
            )
        except TelegramError:
            server.should_exit = True
            await serving
            raise
        log.info("webhook registered: %s", webhook.url)
    await serving


def _stop(server: uvicorn.Server, application: Application) -> None:
    if not server.should_exit:
        log.info("stop signal: finishing the updates in progress, then stopping")
    server.should_exit = True
    if isinstance(application, CoachApplication):
        application.stop_soon()


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((host, port))
    except OSError:
        listener.close()
        raise
    return listener
