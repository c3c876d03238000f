"""The aiohttp application: `/bot<token>/<method>`, `/file/bot<token>/<path>` and `/_control`."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from aiohttp import web

from tests.emulator.control import add_control_routes
from tests.emulator.errors import ApiError
from tests.emulator.methods import BY_LOWER_NAME, METHODS
from tests.emulator.params import Params, UploadedFile
from tests.emulator.state import BotApiState

STATE: web.AppKey[BotApiState] = web.AppKey("state", BotApiState)
TOKEN: web.AppKey[str | None] = web.AppKey("token", str)
MAX_UPLOAD_BYTES = 50 * 1024 * 1024


def build_app(state: BotApiState, token: str | None = None) -> web.Application:
    """The Bot API app; with a token, other tokens get 401 Unauthorized like a revoked one."""
    app = web.Application(client_max_size=MAX_UPLOAD_BYTES)
    app[STATE] = state
    app[TOKEN] = token
    app.router.add_route("*", "/bot{token}/{method}", handle_api)
    app.router.add_get("/file/bot{token}/{path:.+}", handle_file)
    add_control_routes(app, state)
    return app


async def read_params(request: web.Request) -> Params:
    """Parameters from the query string plus a JSON, urlencoded or multipart body."""
    values: dict[str, Any] = dict(request.query)
    files: dict[str, UploadedFile] = {}
    if request.content_type == "application/json" and request.can_read_body:
        body = await request.json()
        if not isinstance(body, dict):
            raise ApiError.bad_request("invalid request body")
        values.update(body)
    elif request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                files[name] = _uploaded(name, value)
            else:
                values[name] = value
    return Params(values, files)


def _uploaded(name: str, field: web.FileField) -> UploadedFile:
    with field.file as stream:
        data = stream.read()
    return UploadedFile(name, field.filename, field.content_type, data)


def _loose_chat_id(params: Params) -> int | None:
    with contextlib.suppress(KeyError, TypeError, ValueError):
        return int(params.values["chat_id"])
    return None


def _answer(result: Any = None, error: ApiError | None = None) -> web.Response:
    if error is not None:
        return web.json_response(error.payload(), status=error.error_code)
    return web.json_response({"ok": True, "result": result})


async def handle_api(request: web.Request) -> web.Response:
    state = request.app[STATE]
    expected = request.app[TOKEN]
    if expected is not None and request.match_info["token"] != expected:
        return _answer(error=ApiError(401, "Unauthorized"))
    name = BY_LOWER_NAME.get(request.match_info["method"].lower())
    try:
        params = await read_params(request)
    except (ApiError, ValueError) as exc:
        bad = exc if isinstance(exc, ApiError) else ApiError.bad_request("invalid request body")
        return _answer(error=bad)
    chat_id = _loose_chat_id(params)
    record = state.record_request(name or request.match_info["method"], params.recorded(), chat_id)
    error: ApiError | None = None
    result: Any = None
    try:
        if name is None:
            raise ApiError(404, "Not Found")
        state.check_guards(name, chat_id)
        delay = state.delays.get(name.lower(), 0.0)
        if delay:
            await asyncio.sleep(delay)
        result = await METHODS[name](state, params)
    except ApiError as exc:
        error = exc
    finally:
        state.finish_request(record, error)
    return _answer(result, error)


async def handle_file(request: web.Request) -> web.StreamResponse:
    """`{base_file_url}{token}/{file_path}`: the bytes of a file whose path getFile gave out."""
    expected = request.app[TOKEN]
    stored = request.app[STATE].file_by_path(request.match_info["path"])
    wrong_token = expected is not None and request.match_info["token"] != expected
    if stored is None or wrong_token:
        return web.json_response(ApiError(404, "Not Found").payload(), status=404)
    stored.downloads += 1
    content_type = stored.mime_type or "application/octet-stream"
    return web.Response(body=stored.data, content_type=content_type)
