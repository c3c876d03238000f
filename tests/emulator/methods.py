"""Bot API methods: each takes the state and the request's parameters and returns `result`."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from tests.emulator.errors import ApiError
from tests.emulator.formatting import check_caption, check_text, render_text
from tests.emulator.params import Params, UploadedFile
from tests.emulator.records import CallbackAnswer, SentMessage, StoredFile, bot_me
from tests.emulator.state import BotApiState

Handler = Callable[[BotApiState, Params], Awaitable[Any]]

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly the "
    "same as a current content and reply markup of the message"
)
QUERY_INVALID = "query is too old and response timeout expired or query ID is invalid"
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")


# Identity, webhook and polling


async def get_me(state: BotApiState, params: Params) -> Any:
    return bot_me(state.bot)


async def always_true(state: BotApiState, params: Params) -> Any:
    return True


async def set_webhook(state: BotApiState, params: Params) -> Any:
    state.webhook_url = params.get_str("url") or ""
    if params.get_bool("drop_pending_updates"):
        state.updates.drop_pending()
    return True


async def delete_webhook(state: BotApiState, params: Params) -> Any:
    state.webhook_url = ""
    if params.get_bool("drop_pending_updates"):
        state.updates.drop_pending()
    return True


async def get_webhook_info(state: BotApiState, params: Params) -> Any:
    info: dict[str, Any] = {
        "url": state.webhook_url,
        "has_custom_certificate": False,
        "pending_update_count": len(state.updates.pending),
    }
    if state.updates.allowed is not None:
        info["allowed_updates"] = sorted(state.updates.allowed)
    return info


async def get_updates(state: BotApiState, params: Params) -> Any:
    if state.webhook_url:
        raise ApiError(409, WEBHOOK_ACTIVE)
    state.updates.set_allowed(params.get_json("allowed_updates"))
    limit = min(max(params.get_int("limit", 100) or 100, 1), 100)
    timeout = max(params.get_float("timeout", 0.0), 0.0)
    return await state.updates.get(params.get_int("offset", 0) or 0, limit, timeout)


# Commands menu


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.get_json("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), params.get_str("language_code", "") or ""


def _checked_command(command: Any) -> dict[str, str]:
    if not isinstance(command, dict) or not COMMAND_NAME.match(str(command.get("command", ""))):
        raise ApiError.bad_request("BOT_COMMAND_INVALID")
    description = str(command.get("description", ""))
    if not 1 <= len(description) <= 256:
        raise ApiError.bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
    return {"command": command["command"], "description": description}


async def set_my_commands(state: BotApiState, params: Params) -> Any:
    commands = params.get_json("commands")
    if not isinstance(commands, list):
        raise ApiError.bad_request("can't parse commands JSON object")
    state.commands[_commands_key(params)] = [_checked_command(c) for c in commands]
    return True


async def get_my_commands(state: BotApiState, params: Params) -> Any:
    return state.commands.get(_commands_key(params), [])


async def delete_my_commands(state: BotApiState, params: Params) -> Any:
    state.commands.pop(_commands_key(params), None)
    return True


# Sending


def _checked_markup(params: Params) -> dict[str, Any] | None:
    markup = params.get_json("reply_markup")
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise ApiError.bad_request("can't parse reply keyboard markup JSON object")
    for row in markup.get("inline_keyboard", []):
        for button in row:
            _check_button(button)
    return markup


def _check_button(button: dict[str, Any]) -> None:
    if not button.get("text"):
        raise ApiError.bad_request("BUTTON_TEXT_INVALID")
    if not BUTTON_ACTIONS & button.keys():
        raise ApiError.bad_request("text buttons are unallowed in the inline keyboard")
    data = button.get("callback_data")
    if data is not None and not 1 <= len(str(data).encode()) <= 64:
        raise ApiError.bad_request("BUTTON_DATA_INVALID")


def _inline(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """Telegram echoes only inline keyboards back in the Message."""
    return markup if markup and "inline_keyboard" in markup else None


def _reply_to(state: BotApiState, chat_id: int, params: Params) -> dict[str, Any]:
    reply = params.get_json("reply_parameters") or {}
    message_id = reply.get("message_id") or params.get_int("reply_to_message_id")
    if not message_id:
        return {}
    target = state.find_message(int(reply.get("chat_id", chat_id)), int(message_id))
    if target is not None:
        return {"reply_to_message": {k: v for k, v in target.items() if k != "reply_to_message"}}
    allowed = reply.get("allow_sending_without_reply") or params.get_bool(
        "allow_sending_without_reply"
    )
    if allowed:
        return {}
    raise ApiError.bad_request("message to be replied not found")


def _message_fields(
    state: BotApiState, chat_id: int, params: Params, markup: dict[str, Any] | None
) -> dict[str, Any]:
    fields = _reply_to(state, chat_id, params)
    if _inline(markup):
        fields["reply_markup"] = markup
    return fields


async def send_message(state: BotApiState, params: Params) -> Any:
    chat_id = params.chat_id()
    state.chat(chat_id)
    raw = params.get_str("text") or ""
    parse_mode = params.get_str("parse_mode")
    text, entities = render_text(raw, parse_mode, params.get_json("entities"))
    check_text(text)
    markup = _checked_markup(params)
    fields: dict[str, Any] = {"text": text, **({"entities": entities} if entities else {})}
    message = state.new_message(
        chat_id, state.bot, **fields, **_message_fields(state, chat_id, params, markup)
    )
    sent = SentMessage(
        chat_id, message["message_id"], message, state.monotonic(), raw, parse_mode, markup
    )
    state.record_sent(sent)
    return message


def _stored_upload(state: BotApiState, source: UploadedFile | str, kind: str) -> StoredFile:
    if isinstance(source, UploadedFile):
        return state.store_file(source.data, f"{kind}s", source.filename, source.content_type)
    if source in state.files:
        return state.files[source]
    if source.startswith(("http://", "https://")):
        return state.store_file(b"", f"{kind}s", source.rsplit("/", 1)[-1], None)
    raise ApiError.bad_request("wrong file identifier/HTTP URL specified")


def media_field(kind: str, stored: StoredFile) -> Any:
    """The Message field describing a photo, document, voice or sticker file."""
    ids = {"file_id": stored.file_id, "file_unique_id": stored.file_unique_id}
    if kind == "photo":
        thumb = {"file_id": f"{stored.file_id}-s", "file_unique_id": f"{stored.file_unique_id}s"}
        return [
            {**thumb, "file_size": min(stored.size, 1_000), "width": 90, "height": 67},
            {**ids, "file_size": stored.size, "width": 800, "height": 600},
        ]
    described = {**ids, "file_size": stored.size}
    if stored.filename and kind == "document":
        described["file_name"] = stored.filename
    if stored.mime_type:
        described["mime_type"] = stored.mime_type
    return described


async def _send_media(state: BotApiState, params: Params, kind: str) -> Any:
    chat_id = params.chat_id()
    state.chat(chat_id)
    source = params.file(kind)
    if not source:
        raise ApiError.bad_request(f"there is no {kind} in the request")
    raw = params.get_str("caption") or ""
    parse_mode = params.get_str("parse_mode")
    caption, entities = render_text(raw, parse_mode, params.get_json("caption_entities"))
    check_caption(caption)
    markup = _checked_markup(params)
    stored = _stored_upload(state, source, kind)
    fields: dict[str, Any] = {kind: media_field(kind, stored)}
    if caption:
        fields["caption"] = caption
    if entities:
        fields["caption_entities"] = entities
    fields.update(_message_fields(state, chat_id, params, markup))
    message = state.new_message(chat_id, state.bot, **fields)
    sent = SentMessage(
        chat_id, message["message_id"], message, state.monotonic(), raw, parse_mode, markup, stored
    )
    state.record_sent(sent)
    return message


async def send_photo(state: BotApiState, params: Params) -> Any:
    return await _send_media(state, params, "photo")


async def send_document(state: BotApiState, params: Params) -> Any:
    return await _send_media(state, params, "document")


async def send_chat_action(state: BotApiState, params: Params) -> Any:
    state.chat(params.chat_id())
    if params.get_str("action") not in CHAT_ACTIONS:
        raise ApiError.bad_request("wrong parameter action in request")
    return True


# Editing and deleting


def _editable(state: BotApiState, params: Params) -> SentMessage:
    if "inline_message_id" in params:
        raise ApiError.bad_request("MESSAGE_ID_INVALID")
    chat_id = params.chat_id()
    message_id = params.required_int("message_id", "message to edit not found")
    sent = state.sent_message(chat_id, message_id)
    if sent is not None and not sent.deleted:
        return sent
    if sent is None and state.find_message(chat_id, message_id) is not None:
        raise ApiError.bad_request("message can't be edited")
    raise ApiError.bad_request("message to edit not found")


def _apply_edit(state: BotApiState, sent: SentMessage, changes: dict[str, Any]) -> dict[str, Any]:
    kept = {k: v for k, v in sent.message.items() if k not in changes and k != "edit_date"}
    edited = {**kept, **{k: v for k, v in changes.items() if v}}
    before = {k: v for k, v in sent.message.items() if k != "edit_date"}
    if edited == before:
        raise ApiError.bad_request(NOT_MODIFIED)
    edited["edit_date"] = state.now()
    sent.edits.append(sent.message)
    sent.message = edited
    state.messages[sent.chat_id][sent.message_id] = edited
    state.signal.notify()
    return edited


async def edit_message_text(state: BotApiState, params: Params) -> Any:
    sent = _editable(state, params)
    if sent.kind != "text":
        raise ApiError.bad_request("there is no text in the message to edit")
    raw = params.get_str("text") or ""
    parse_mode = params.get_str("parse_mode")
    text, entities = render_text(raw, parse_mode, params.get_json("entities"))
    check_text(text)
    markup = _checked_markup(params)
    # Like Telegram, an edit without reply_markup removes the inline keyboard.
    changes = {"text": text, "entities": entities, "reply_markup": _inline(markup)}
    edited = _apply_edit(state, sent, changes)
    sent.raw_text, sent.parse_mode, sent.reply_markup = raw, parse_mode, markup
    return edited


async def edit_message_caption(state: BotApiState, params: Params) -> Any:
    sent = _editable(state, params)
    if sent.kind == "text":
        raise ApiError.bad_request("there is no caption in the message to edit")
    raw = params.get_str("caption") or ""
    parse_mode = params.get_str("parse_mode")
    caption, entities = render_text(raw, parse_mode, params.get_json("caption_entities"))
    check_caption(caption)
    markup = _checked_markup(params)
    changes = {"caption": caption, "caption_entities": entities, "reply_markup": _inline(markup)}
    edited = _apply_edit(state, sent, changes)
    sent.raw_text, sent.parse_mode, sent.reply_markup = raw, parse_mode, markup
    return edited


async def edit_message_reply_markup(state: BotApiState, params: Params) -> Any:
    sent = _editable(state, params)
    markup = _checked_markup(params)
    edited = _apply_edit(state, sent, {"reply_markup": _inline(markup)})
    sent.reply_markup = markup
    return edited


async def delete_message(state: BotApiState, params: Params) -> Any:
    chat_id = params.chat_id()
    message_id = params.required_int("message_id", "message identifier is not specified")
    if state.messages.get(chat_id, {}).pop(message_id, None) is None:
        raise ApiError.bad_request("message to delete not found")
    sent = state.sent_message(chat_id, message_id)
    if sent is not None:
        sent.deleted = True
    state.signal.notify()
    return True


# Callback queries and files


async def answer_callback_query(state: BotApiState, params: Params) -> Any:
    query_id = params.get_str("callback_query_id") or ""
    if state.callback_queries.get(query_id, True):
        raise ApiError.bad_request(QUERY_INVALID)
    state.callback_queries[query_id] = True
    answer = CallbackAnswer(
        query_id,
        params.get_str("text"),
        params.get_bool("show_alert"),
        params.get_str("url"),
        state.monotonic(),
    )
    state.callback_answers.append(answer)
    state.signal.notify()
    return True


# The Bot API lets bots download files of up to 20 MB; getFile refuses bigger ones.
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024


async def get_file(state: BotApiState, params: Params) -> Any:
    stored = state.files.get(params.get_str("file_id") or "")
    if stored is None:
        raise ApiError.bad_request("invalid file_id")
    if stored.size > MAX_DOWNLOAD_BYTES:
        raise ApiError.bad_request("file is too big")
    stored.fetched = True
    return stored.to_api()


METHODS: dict[str, Handler] = {
    "getMe": get_me,
    "logOut": always_true,
    "close": always_true,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "getUpdates": get_updates,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setMyDescription": always_true,
    "setMyShortDescription": always_true,
    "setMyName": always_true,
    "setChatMenuButton": always_true,
    "sendMessage": send_message,
    "sendPhoto": send_photo,
    "sendDocument": send_document,
    "sendChatAction": send_chat_action,
    "editMessageText": edit_message_text,
    "editMessageCaption": edit_message_caption,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": answer_callback_query,
    "getFile": get_file,
}
BY_LOWER_NAME = {name.lower(): name for name in METHODS}
