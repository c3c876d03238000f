"""What goes into and comes out of the dialogue, whatever the channel."""

from __future__ import annotations

import html
import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

TELEGRAM_TEXT_LIMIT = 4096
ECHO_LIMIT = 200


class InputKind(StrEnum):
    TEXT = "text"
    COMMAND = "command"
    BUTTON = "button"
    UNSUPPORTED = "unsupported"  # stickers, photos, voice notes, files…
    EDITED = "edited"


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

    @classmethod
    def typed(cls, user_id: int, chat_id: int, text: str, display_name: str = "") -> Incoming:
        """Typed text, read as a command when it starts with '/'."""
        command, argument = split_command(text)
        if command:
            return cls(
                user_id=user_id,
                chat_id=chat_id,
                kind=InputKind.COMMAND,
                text=text,
                command=command,
                argument=argument,
                display_name=display_name,
            )
        return cls(
            user_id=user_id,
            chat_id=chat_id,
            kind=InputKind.TEXT,
            text=text,
            display_name=display_name,
        )


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

    def fitted(self) -> Reply:
        """This reply cut to Telegram's 4,096 characters, never mid-tag."""
        if len(self.text) <= TELEGRAM_TEXT_LIMIT:
            return self
        cut = plain_text(self.text)[: TELEGRAM_TEXT_LIMIT - 1] + "…"
        return self.model_copy(update={"text": html.escape(cut, quote=False)})


_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+(.*))?$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def split_command(text: str) -> tuple[str, str]:
    """('remind', '07:00') for '/remind 07:00'; ('', '') for text that is not a command."""
    match = _COMMAND.match(text.strip())
    if not match:
        return "", ""
    return match.group(1).lower(), (match.group(2) or "").strip()


def echo(text: str, limit: int = ECHO_LIMIT) -> str:
    """User text, shortened and HTML-escaped, safe to put inside a reply."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)


def plain_text(text: str) -> str:
    """A reply's HTML as plain text, for channels without formatting."""
    return html.unescape(_TAG.sub("", text))


def keyboard(*rows: list[tuple[str, str]]) -> tuple[tuple[Button, ...], ...]:
    """Buttons from rows of (label, data) pairs."""
    return tuple(tuple(Button(label=label, data=data) for label, data in row) for row in rows)
