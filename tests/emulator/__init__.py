"""A local server speaking the Telegram Bot API over HTTP, for end-to-end tests of the bot."""

from tests.emulator.emulator import TelegramEmulator
from tests.emulator.errors import ApiError
from tests.emulator.records import (
    BOT_USER,
    CallbackAnswer,
    ChatInfo,
    InjectedUpdate,
    RecordedRequest,
    SentMessage,
    UserProfile,
)
from tests.emulator.threaded import EmulatorThread
from tests.emulator.users import ControlError, UserSession

__all__ = [
    "BOT_USER",
    "ApiError",
    "CallbackAnswer",
    "ChatInfo",
    "ControlError",
    "EmulatorThread",
    "InjectedUpdate",
    "RecordedRequest",
    "SentMessage",
    "TelegramEmulator",
    "UserProfile",
    "UserSession",
]
