"""Speaking as a user: updates built the way Telegram builds them, and waiting for replies."""

from __future__ import annotations

import mimetypes
from typing import Any

from tests.emulator.formatting import utf16_len
from tests.emulator.methods import media_field
from tests.emulator.records import CallbackAnswer, ChatInfo, SentMessage, UserProfile
from tests.emulator.state import BotApiState

DEFAULT_TIMEOUT = 5.0
# Minimal valid file headers, so a bot that inspects downloads sees plausible content.
FAKE_JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 60 + b"\xff\xd9"
FAKE_OGG = b"OggS" + b"\x00" * 60
FAKE_WEBP = b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 40
# What phones send for activity files (Python's own table thinks .fit is an astronomy image).
ACTIVITY_MIME_TYPES = {
    ".gpx": "application/gpx+xml",
    ".tcx": "application/vnd.garmin.tcx+xml",
    ".fit": "application/vnd.ant.fit",
}


class ControlError(LookupError):
    """A test asked for something impossible, like pressing a button that does not exist."""


class UserSession:
    """One user in one chat (their private chat unless `in_group` was used)."""

    def __init__(self, state: BotApiState, profile: UserProfile, chat: ChatInfo | None = None):
        self.state = state
        self.profile = profile
        self.chat = chat or ChatInfo.private(profile)
        state.remember_chat(self.chat)

    @property
    def chat_id(self) -> int:
        return self.chat.id

    def in_group(self, chat_id: int, title: str = "Trail group") -> UserSession:
        """The same user speaking in a group chat."""
        return UserSession(self.state, self.profile, ChatInfo.group(chat_id, title))

    # Injecting updates

    def _message(self, **fields: Any) -> dict[str, Any]:
        message = self.state.new_message(self.chat_id, self.profile, **fields)
        self.state.inject(self.chat_id, {"message": message})
        return message

    async def send(
        self, text: str, entities: list[dict[str, Any]] | None = None
    ) -> dict[str, Any]:
        """A text message from this user; returns the Message as the bot receives it."""
        return self._message(text=text, **({"entities": entities} if entities else {}))

    async def command(self, name: str, args: str = "", mention: bool = False) -> dict[str, Any]:
        """`/name args` with the bot_command entity Telegram attaches (`/name@bot` if mention)."""
        head = "/" + name.removeprefix("/")
        if mention:
            head += f"@{self.state.bot.username}"
        entity = {"type": "bot_command", "offset": 0, "length": utf16_len(head)}
        return await self.send(f"{head} {args}" if args else head, [entity])

    async def press(self, message: SentMessage | int, callback_data: str) -> str:
        """Press an inline button of a bot message; returns the callback query id."""
        message_id = message if isinstance(message, int) else message.message_id
        sent = self.state.sent_message(self.chat_id, message_id)
        if sent is not None and sent.button(callback_data) is None:
            available = [b.get("callback_data") for b in sent.buttons]
            raise ControlError(
                f"message {message_id} has no button {callback_data!r}; it has {available}"
            )
        return await self.forge_press(message_id, callback_data)

    async def forge_press(self, message: SentMessage | int, callback_data: str) -> str:
        """A callback query with any data on a bot message, as a modified client can send;
        returns the callback query id."""
        message_id = message if isinstance(message, int) else message.message_id
        sent = self.state.sent_message(self.chat_id, message_id)
        if sent is None or sent.deleted:
            raise ControlError(f"the bot has no message {message_id} in chat {self.chat_id}")
        query_id = str(4_000_000_000_000_000 + self.state.next_id())
        self.state.callback_queries[query_id] = False
        query = {
            "id": query_id,
            "from": self.profile.to_api(),
            "message": sent.message,
            "chat_instance": str(abs(self.chat_id) * 7919),
            "data": callback_data,
        }
        self.state.inject(self.chat_id, {"callback_query": query})
        return query_id

    def _file_message(
        self, kind: str, data: bytes, mime: str | None, filename: str | None = None, **extra: Any
    ) -> Any:
        stored = self.state.store_file(data, f"{kind}s", filename, mime)
        field = media_field(kind, stored)
        if isinstance(field, dict):
            field.update(extra.pop("file_fields", {}))
        return self._message(**{kind: field}, **extra)

    async def sticker(self, emoji: str = "👍") -> dict[str, Any]:
        file_fields = {"type": "regular", "width": 512, "height": 512, "emoji": emoji}
        file_fields |= {"is_animated": False, "is_video": False}
        return self._file_message("sticker", FAKE_WEBP, "image/webp", file_fields=file_fields)

    async def photo(self, caption: str | None = None, data: bytes = FAKE_JPEG) -> dict[str, Any]:
        extra = {"caption": caption} if caption else {}
        return self._file_message("photo", data, None, **extra)

    async def voice(self, duration: int = 3, data: bytes = FAKE_OGG) -> dict[str, Any]:
        return self._file_message("voice", data, "audio/ogg", file_fields={"duration": duration})

    async def document(
        self,
        filename: str,
        data: bytes,
        caption: str | None = None,
        mime_type: str | None = None,
    ) -> dict[str, Any]:
        """A file sent as a document (file_name, mime_type, file_size), with an optional caption;
        the bot fetches it with getFile. The MIME type is guessed from the name unless given."""
        extension = filename[filename.rfind(".") :].lower() if "." in filename else ""
        guessed = ACTIVITY_MIME_TYPES.get(extension) or mimetypes.guess_type(filename)[0]
        mime = mime_type or guessed or "application/octet-stream"
        extra = {"caption": caption} if caption else {}
        return self._file_message("document", data, mime, filename, **extra)

    async def edit(self, message_id: int, text: str) -> dict[str, Any]:
        """Edit one of this user's earlier text messages; the bot gets an edited_message."""
        original = self.state.find_message(self.chat_id, message_id)
        if original is None or original["from"]["id"] != self.profile.id:
            raise ControlError(f"user {self.profile.id} sent no message {message_id} here")
        edited = {k: v for k, v in original.items() if k != "entities"}
        edited |= {"text": text, "edit_date": self.state.now()}
        self.state.messages[self.chat_id][message_id] = edited
        self.state.inject(self.chat_id, {"edited_message": edited})
        return edited

    # Reading what the bot did

    @property
    def messages(self) -> list[SentMessage]:
        """Every bot message in this chat, current after edits, without deleted ones."""
        return self.state.sent_to(self.chat_id)

    @property
    def last_message(self) -> SentMessage:
        messages = self.messages
        if not messages:
            raise ControlError(f"the bot has sent nothing to chat {self.chat_id}")
        return messages[-1]

    async def replies(self, count: int = 1, timeout: float = DEFAULT_TIMEOUT) -> list[SentMessage]:
        """The bot's first `count` messages here since this chat's last injected update."""
        return await self.state.wait_for_replies(self.chat_id, count, timeout)

    async def reply(self, timeout: float = DEFAULT_TIMEOUT) -> SentMessage:
        """The bot's first message here since this chat's last injected update."""
        return (await self.replies(1, timeout))[0]

    async def ask(self, text: str, timeout: float = DEFAULT_TIMEOUT) -> SentMessage:
        """Send text and return the bot's first reply to it."""
        await self.send(text)
        return await self.reply(timeout)

    async def answer_to(self, query_id: str, timeout: float = DEFAULT_TIMEOUT) -> CallbackAnswer:
        """The bot's answerCallbackQuery for a press."""
        return await self.state.wait_for_callback_answer(query_id, timeout)
