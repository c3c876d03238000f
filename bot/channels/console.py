"""The terminal chat: the same conversation as Telegram, with buttons shown as numbers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from bot.clock import Clock
from bot.dialogue.conversation import Conversation
from bot.dialogue.messages import (
    Attachment,
    Button,
    Incoming,
    IncomingDocument,
    InputKind,
    Reply,
    plain_text,
)

log = logging.getLogger(__name__)

SOMETHING_WENT_WRONG = "Something went wrong on my side, sorry. Please try that again."
WELCOME = (
    "TrailCoach terminal chat. Type /start to begin, /help for commands, /quit to leave.\n"
    "Buttons appear as [1], [2]…: type the number to press one. "
    "Send an activity file with /file PATH [caption]."
)
FILE_COMMAND = "/file"
# What getFile would refuse on Telegram is not read from disk either.
MAX_FILE_BYTES = 20 * 1024 * 1024
QUIT = {"/quit", "/exit", "quit", "exit"}


class ConsoleChannel:
    """Reads lines, hands them to the conversation and prints its replies."""

    def __init__(
        self,
        conversation: Conversation,
        clock: Clock,
        user_id: int,
        *,
        display_name: str = "",
        read: Callable[[str], str] = input,
        write: Callable[[str], None] = print,
        files: Path = Path("trailcoach-files"),
    ) -> None:
        self._conversation = conversation
        self._clock = clock
        self._user_id = user_id
        self._display_name = display_name
        self._read = read
        self._write = write
        self._files = files
        self._buttons: list[Button] = []

    def run(self) -> int:
        """Chat until /quit or end of input."""
        self._write(WELCOME)
        while True:
            try:
                line = self._read("you> ").strip()
            except (EOFError, KeyboardInterrupt):
                self._write("")
                return 0
            if line.lower() in QUIT:
                return 0
            if line:
                self.say(line)

    def say(self, line: str) -> list[Reply]:
        """One line from the athlete: a button number, a command, a file or text."""
        incoming = self._incoming(line)
        if incoming is None:
            return []
        try:
            replies = self._conversation.handle(incoming, self._clock.now())
        except Exception:
            log.exception("error while handling %r from user %s", line[:80], self._user_id)
            replies = [Reply(text=SOMETHING_WENT_WRONG)]
        self._show(replies)
        return replies

    def _incoming(self, line: str) -> Incoming | None:
        if line.split(maxsplit=1)[0] == FILE_COMMAND:
            return self._document(line.removeprefix(FILE_COMMAND).strip())
        if line.isdigit() and 1 <= int(line) <= len(self._buttons):
            return Incoming(
                user_id=self._user_id,
                chat_id=self._user_id,
                kind=InputKind.BUTTON,
                button=self._buttons[int(line) - 1].data,
                display_name=self._display_name,
            )
        return Incoming.typed(self._user_id, self._user_id, line, self._display_name)

    def _document(self, argument: str) -> Incoming | None:
        """`/file PATH [caption]`: the file at PATH, as if sent as a document."""
        path_text, _, caption = argument.partition(" ")
        path = Path(path_text).expanduser()
        try:
            data = None if path.stat().st_size > MAX_FILE_BYTES else path.read_bytes()
        except OSError as error:
            self._write(f"       (can't open {path}: {error.strerror or error})")
            return None
        return Incoming(
            user_id=self._user_id,
            chat_id=self._user_id,
            kind=InputKind.DOCUMENT,
            display_name=self._display_name,
            document=IncomingDocument(filename=path.name, data=data, caption=caption),
        )

    def _save(self, attachment: Attachment) -> Path:
        """A picture or file the coach sent, saved where the chat runs."""
        self._files.mkdir(parents=True, exist_ok=True)
        path = self._files / Path(attachment.filename).name
        path.write_bytes(attachment.data)
        return path.resolve()

    def _show(self, replies: list[Reply]) -> None:
        # As in Telegram, earlier buttons stay pressable until new ones are shown.
        if any(reply.buttons for reply in replies):
            self._buttons = []
        for reply in replies:
            if not reply.text and reply.attachment is None:
                self._write(f"       ({reply.toast})")
                continue
            self._write(f"coach> {plain_text(reply.text)}")
            if reply.attachment is not None:
                self._write(f"       (saved {self._save(reply.attachment)})")
            for row in reply.buttons:
                labels = []
                for button in row:
                    self._buttons.append(button)
                    labels.append(f"[{len(self._buttons)}] {button.label}")
                self._write("       " + "   ".join(labels))
