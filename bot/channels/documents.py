"""Fetching a document the athlete sent, through getFile, within the Bot API's 20 MB."""

from __future__ import annotations

from telegram import Document
from telegram.error import BadRequest

# getFile serves files up to 20 MB; anything bigger cannot reach us through the Bot API.
MAX_BYTES = 20 * 1024 * 1024


async def fetch_document(document: Document) -> bytes | None:
    """The document's bytes, or None for one over 20 MB: checked from its file_size before
    asking for it, and again from Telegram's own refusal."""
    if document.file_size is not None and document.file_size > MAX_BYTES:
        return None
    try:
        file = await document.get_file()
    except BadRequest as error:
        if "too big" in error.message.lower():
            return None
        raise
    data = bytes(await file.download_as_bytearray())
    return None if len(data) > MAX_BYTES else data
