"""`/_control/...`: the test-side API over HTTP, for an emulator running in another process."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from tests.emulator.records import FailureRule, UserProfile
from tests.emulator.state import BotApiState
from tests.emulator.users import DEFAULT_TIMEOUT, ControlError, UserSession

Body = dict[str, Any]
Route = Callable[[BotApiState, Body], Awaitable[Any]]


def session_for(state: BotApiState, body: Body) -> UserSession:
    """A user from `user_id` (+ first_name, username, ...), in `chat_id` if that is a group."""
    profile = UserProfile(
        id=int(body["user_id"]),
        first_name=body.get("first_name", "Hiker"),
        last_name=body.get("last_name"),
        username=body.get("username"),
        language_code=body.get("language_code", "en"),
    )
    session = UserSession(state, profile)
    chat_id = body.get("chat_id")
    if chat_id is not None and int(chat_id) != profile.id:
        session = session.in_group(int(chat_id), body.get("chat_title", "Trail group"))
    return session


async def inject_message(state: BotApiState, body: Body) -> Any:
    return {"message": await session_for(state, body).send(body["text"])}


async def inject_command(state: BotApiState, body: Body) -> Any:
    user = session_for(state, body)
    message = await user.command(body["command"], body.get("args", ""), body.get("mention", False))
    return {"message": message}


async def inject_press(state: BotApiState, body: Body) -> Any:
    user = session_for(state, body)
    query_id = await user.press(int(body["message_id"]), body["callback_data"])
    return {"callback_query_id": query_id}


async def inject_sticker(state: BotApiState, body: Body) -> Any:
    return {"message": await session_for(state, body).sticker(body.get("emoji", "👍"))}


async def inject_photo(state: BotApiState, body: Body) -> Any:
    return {"message": await session_for(state, body).photo(body.get("caption"))}


async def inject_voice(state: BotApiState, body: Body) -> Any:
    return {"message": await session_for(state, body).voice(int(body.get("duration", 3)))}


async def inject_document(state: BotApiState, body: Body) -> Any:
    """`filename`, the bytes as base64 in `data`, and optional `caption` and `mime_type`."""
    try:
        data = base64.b64decode(body.get("data", ""), validate=True)
    except binascii.Error as error:
        raise ValueError(f"data is not base64: {error}") from error
    user = session_for(state, body)
    message = await user.document(
        body["filename"], data, body.get("caption"), body.get("mime_type")
    )
    return {"message": message}


async def list_files(state: BotApiState, body: Body) -> Any:
    return [
        {**f.to_api(), "file_name": f.filename, "fetched": f.fetched, "downloads": f.downloads}
        for f in state.files.values()
    ]


async def inject_edit(state: BotApiState, body: Body) -> Any:
    edited = await session_for(state, body).edit(int(body["message_id"]), body["text"])
    return {"edited_message": edited}


async def chat_messages(state: BotApiState, body: Body) -> Any:
    include_deleted = str(body.get("include_deleted", "")).lower() in {"1", "true"}
    return [m.to_json() for m in state.sent_to(int(body["chat_id"]), include_deleted)]


async def wait_replies(state: BotApiState, body: Body) -> Any:
    count, timeout = int(body.get("count", 1)), float(body.get("timeout", DEFAULT_TIMEOUT))
    replies = await state.wait_for_replies(int(body["chat_id"]), count, timeout)
    return [m.to_json() for m in replies]


async def wait_messages(state: BotApiState, body: Body) -> Any:
    count, timeout = int(body.get("count", 1)), float(body.get("timeout", DEFAULT_TIMEOUT))
    messages = await state.wait_for_messages(int(body["chat_id"]), count, timeout)
    return [m.to_json() for m in messages]


async def list_requests(state: BotApiState, body: Body) -> Any:
    method = str(body.get("method", "")).lower()
    return [r.to_json() for r in state.requests if not method or r.method.lower() == method]


async def list_injected(state: BotApiState, body: Body) -> Any:
    return [u.to_json() for u in state.injected]


async def list_callback_answers(state: BotApiState, body: Body) -> Any:
    return [a.to_json() for a in state.callback_answers]


async def list_commands(state: BotApiState, body: Body) -> Any:
    return [
        {"scope": k[0], "language_code": k[1], "commands": v} for k, v in state.commands.items()
    ]


async def fail_next(state: BotApiState, body: Body) -> Any:
    chat_id = body.get("chat_id")
    rule = FailureRule(
        method=body["method"],
        chat_id=None if chat_id is None else int(chat_id),
        error_code=int(body.get("error_code", 429)),
        description=body.get("description"),
        retry_after=body.get("retry_after"),
        times=int(body.get("times", 1)),
    )
    state.fail_next(rule)
    return True


async def block(state: BotApiState, body: Body) -> Any:
    chat_id = int(body["chat_id"])
    if body.get("blocked", True):
        state.blocked.add(chat_id)
    else:
        state.blocked.discard(chat_id)
    return True


async def rate_limit(state: BotApiState, body: Body) -> Any:
    per_second = body.get("per_second")
    state.rate_limit_per_second = None if per_second is None else int(per_second)
    return True


async def stats(state: BotApiState, body: Body) -> Any:
    return {
        "requests": len(state.requests),
        "injected_updates": len(state.injected),
        "pending_updates": len(state.updates.pending),
        "rate_limited_count": state.rate_limited_count,
    }


async def reset(state: BotApiState, body: Body) -> Any:
    state.reset()
    return True


POST_ROUTES: dict[str, Route] = {
    "message": inject_message,
    "command": inject_command,
    "press": inject_press,
    "sticker": inject_sticker,
    "photo": inject_photo,
    "voice": inject_voice,
    "document": inject_document,
    "edit": inject_edit,
    "fail": fail_next,
    "block": block,
    "rate_limit": rate_limit,
    "reset": reset,
}
GET_ROUTES: dict[str, Route] = {
    "messages": chat_messages,
    "replies": wait_replies,
    "wait": wait_messages,
    "requests": list_requests,
    "updates": list_injected,
    "callback_answers": list_callback_answers,
    "commands": list_commands,
    "files": list_files,
    "stats": stats,
}


def _endpoint(state: BotApiState, route: Route) -> Callable[[web.Request], Awaitable[Any]]:
    async def endpoint(request: web.Request) -> web.Response:
        body: Body = dict(request.query)
        if request.can_read_body:
            body.update(await request.json())
        try:
            result = await route(state, body)
        except (ControlError, KeyError, ValueError) as exc:
            return web.json_response({"ok": False, "description": repr(exc)}, status=400)
        except TimeoutError as exc:
            return web.json_response({"ok": False, "description": str(exc)}, status=408)
        return web.json_response({"ok": True, "result": result})

    return endpoint


def add_control_routes(app: web.Application, state: BotApiState) -> None:
    for name, route in POST_ROUTES.items():
        app.router.add_post(f"/_control/{name}", _endpoint(state, route))
    for name, route in GET_ROUTES.items():
        app.router.add_get(f"/_control/{name}", _endpoint(state, route))
