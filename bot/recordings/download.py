"""Fetching a document the athlete sent, through getFile, within the Bot API's 20 MB."""

from __future__ import annotations

from telegram import Document
from telegram.error import BadRequest

from bot.recordings.model import MAX_BYTES, Reason, RecordingError


async def download_document(document: Document) -> bytes:
    """The document's bytes; RecordingError(TOO_LARGE) for one over 20 MB, checked from its
    file_size before asking for it and again from Telegram's own refusal."""
    if document.file_size is not None and document.file_size > MAX_BYTES:
        raise RecordingError(Reason.TOO_LARGE)
    try:
        file = await document.get_file()
    except BadRequest as error:
        if "too big" in error.message.lower():
            raise RecordingError(Reason.TOO_LARGE) from None
        raise
    data = bytes(await file.download_as_bytearray())
    if len(data) > MAX_BYTES:
        raise RecordingError(Reason.TOO_LARGE)
    return data
