"""What the emulator remembers: people, chats, sent messages, files and every request."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

BOT_ID = 7_000_000_001


@dataclass(frozen=True)
class UserProfile:
    """A Telegram user that tests speak as."""

    id: int
    first_name: str = "Hiker"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "en"
    is_bot: bool = False

    def to_api(self) -> dict[str, Any]:
        return _without_none(asdict(self))


BOT_USER = UserProfile(
    id=BOT_ID,
    first_name="TrailCoach",
    username="trailcoach_test_bot",
    language_code=None,
    is_bot=True,
)


def bot_me(profile: UserProfile = BOT_USER) -> dict[str, Any]:
    """getMe: the bot's User with the bot-only capability fields Telegram adds."""
    return {
        **profile.to_api(),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


@dataclass(frozen=True)
class ChatInfo:
    """A chat; a private chat shares its id with the user."""

    id: int
    type: str = "private"
    title: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    username: str | None = None

    @classmethod
    def private(cls, user: UserProfile) -> ChatInfo:
        return cls(user.id, "private", None, user.first_name, user.last_name, user.username)

    @classmethod
    def group(cls, chat_id: int, title: str = "Trail group") -> ChatInfo:
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        return cls(chat_id, kind, title)

    def to_api(self) -> dict[str, Any]:
        return _without_none(asdict(self))


@dataclass
class StoredFile:
    """A file the bot uploaded or a test attached to an injected message."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    filename: str | None = None
    mime_type: str | None = None
    fetched: bool = False  # getFile was called for it
    downloads: int = 0

    @property
    def size(self) -> int:
        return len(self.data)

    def to_api(self) -> dict[str, Any]:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": self.size,
            "file_path": self.file_path,
        }


@dataclass
class SentMessage:
    """A message the bot sent, kept current through edits and deletion."""

    chat_id: int
    message_id: int
    message: dict[str, Any]
    sent_at: float
    raw_text: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    file: StoredFile | None = None
    edits: list[dict[str, Any]] = field(default_factory=list)
    deleted: bool = False

    @property
    def kind(self) -> str:
        return next((k for k in ("photo", "document") if k in self.message), "text")

    @property
    def text(self) -> str:
        """Plain text (or caption) as a user would read it."""
        return self.message.get("text") or self.message.get("caption") or ""

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.message.get("entities") or self.message.get("caption_entities") or []

    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        return (self.message.get("reply_markup") or {}).get("inline_keyboard", [])

    @property
    def buttons(self) -> list[dict[str, Any]]:
        return [button for row in self.inline_keyboard for button in row]

    @property
    def button_texts(self) -> list[str]:
        return [button["text"] for button in self.buttons]

    def button(self, callback_data: str) -> dict[str, Any] | None:
        return next((b for b in self.buttons if b.get("callback_data") == callback_data), None)

    def to_json(self) -> dict[str, Any]:
        """The control API's view: the current Message plus what only the emulator knows."""
        return {
            "chat_id": self.chat_id,
            "message_id": self.message_id,
            "kind": self.kind,
            "text": self.text,
            "raw_text": self.raw_text,
            "parse_mode": self.parse_mode,
            "reply_markup": self.reply_markup,
            "file_name": self.file.filename if self.file else None,
            "file_size": self.file.size if self.file else None,
            "edit_count": len(self.edits),
            "deleted": self.deleted,
            "sent_at": self.sent_at,
            "message": self.message,
        }


@dataclass
class RecordedRequest:
    """One Bot API call; `at` and `answered_at` are time.monotonic() readings."""

    method: str
    params: dict[str, Any]
    at: float
    chat_id: int | None = None
    status: int = 200
    description: str | None = None
    answered_at: float | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class InjectedUpdate:
    """An update a test put in the queue; `at` is a time.monotonic() reading."""

    update_id: int
    chat_id: int | None
    at: float
    update: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CallbackAnswer:
    """The bot's answerCallbackQuery for one pressed button."""

    callback_query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    at: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class FailureRule:
    """An injected error for the next `times` calls of a method (optionally for one chat)."""

    method: str
    chat_id: int | None
    error_code: int
    description: str | None
    retry_after: int | None
    times: int

    def matches(self, method: str, chat_id: int | None) -> bool:
        same_chat = self.chat_id is None or self.chat_id == chat_id
        return self.times > 0 and self.method.lower() == method.lower() and same_chat


def _without_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}
