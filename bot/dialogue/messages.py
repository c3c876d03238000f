"""What goes into and comes out of the dialogue, whatever the channel."""

from __future__ import annotations

import html
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

TELEGRAM_TEXT_LIMIT = 4096
TELEGRAM_CAPTION_LIMIT = 1024
ECHO_LIMIT = 200
# Control characters (NUL among them) are dropped where text comes in: PostgreSQL refuses NUL
# in text, and none of them means anything in a chat. Newlines and tabs stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """`text` without control characters, otherwise exactly as sent."""
    return _CONTROL.sub("", text)


class InputKind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    BUTTON = "button"
    DOCUMENT = "document"  # a file, read as an activity file (GPX, FIT, TCX)
    UNSUPPORTED = "unsupported"  # stickers, photos, voice notes…
    EDITED = "edited"


class IncomingDocument(BaseModel):
    """A file the athlete sent. `data` is None when it was too big to fetch."""

    model_config = ConfigDict(frozen=True)

    filename: str = ""
    data: bytes | None
    caption: str = ""

    @field_validator("filename", "caption")
    @classmethod
    def _without_control_characters(cls, value: str) -> str:
        return clean_text(value)[:1024]


class Incoming(BaseModel):
    """One thing the athlete did: typed text, a command, a button press or something else."""

    model_config = ConfigDict(frozen=True)

    user_id: int
    chat_id: int
    kind: InputKind
    text: str = ""
    command: str = ""
    argument: str = ""
    button: str = ""
    display_name: str = ""
    message_id: int | None = None
    # Telegram's id for the update, so that one delivered twice is handled once.
    update_id: int | None = None
    document: IncomingDocument | None = None

    @field_validator("text", "argument", "button", "display_name")
    @classmethod
    def _without_control_characters(cls, value: str) -> str:
        return clean_text(value)

    @classmethod
    def typed(
        cls,
        user_id: int,
        chat_id: int,
        text: str,
        display_name: str = "",
        *,
        update_id: int | None = None,
    ) -> Incoming:
        """Typed text, read as a command when it starts with '/'."""
        text = clean_text(text)
        command, argument = split_command(text)
        return cls(
            user_id=user_id,
            chat_id=chat_id,
            kind=InputKind.COMMAND if command else InputKind.TEXT,
            text=text,
            command=command,
            argument=argument,
            display_name=display_name,
            update_id=update_id,
        )


class AttachmentKind(StrEnum):
    PHOTO = "photo"  # shown in the chat as a picture
    DOCUMENT = "document"  # a file to save or open


class Attachment(BaseModel):
    """A picture or a file sent with a reply, which is then its caption."""

    model_config = ConfigDict(frozen=True)

    kind: AttachmentKind
    filename: str
    data: bytes
    media_type: str


class Button(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    data: str = Field(max_length=64)  # Telegram's callback_data limit, in bytes for ASCII


class Reply(BaseModel):
    """One message to show. `text` is Telegram-style HTML; `edit` replaces the pressed message."""

    model_config = ConfigDict(frozen=True)

    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    edit: bool = False
    toast: str = ""  # a short note on the pressed button, where the channel has one
    attachment: Attachment | None = None

    def fitted(self) -> Reply:
        """This reply cut to Telegram's 4,096 characters (1,024 for a caption), never
        mid-tag."""
        limit = TELEGRAM_CAPTION_LIMIT if self.attachment else TELEGRAM_TEXT_LIMIT
        if len(self.text) <= limit:
            return self
        cut = plain_text(self.text)[: limit - 1] + "…"
        return self.model_copy(update={"text": html.escape(cut, quote=False)})


_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@(\w+))?(?:\s+(.*))?$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def split_command(text: str) -> tuple[str, str]:
    """('remind', '07:00') for '/remind 07:00'; ('', '') for text that is not a command."""
    match = _COMMAND.match(text.strip())
    if not match:
        return "", ""
    return match.group(1).lower(), (match.group(3) or "").strip()


def addressed_to(text: str) -> str | None:
    """The bot a command names ('OtherBot' for '/start@OtherBot'), or None."""
    match = _COMMAND.match(text.strip())
    return match.group(2) if match else None


def shortened(text: str, limit: int = ECHO_LIMIT) -> str:
    """User text on one line, cut to `limit` characters with an ellipsis: plain, for a button."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """User text, shortened and HTML-escaped, safe to put inside a reply."""
    return html.escape(shortened(text, limit), quote=False)


def plain_text(text: str) -> str:
    """A reply's HTML as plain text, for channels without formatting."""
    return html.unescape(_TAG.sub("", text))


def keyboard(*rows: list[tuple[str, str]]) -> tuple[tuple[Button, ...], ...]:
    """Buttons from rows of (label, data) pairs."""
    return tuple(tuple(Button(label=label, data=data) for label, data in row) for row in rows)
