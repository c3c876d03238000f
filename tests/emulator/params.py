"""Request parameters as Telegram reads them: typed JSON bodies and all-string form fields."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tests.emulator.errors import ApiError


@dataclass(frozen=True)
class UploadedFile:
    """A file part of a multipart request."""

    field: str
    filename: str
    content_type: str
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)


class Params:
    """Typed access to one request's parameters.

    Form and query values always arrive as strings (python-telegram-bot JSON-encodes everything
    that is not a string), so every getter accepts both the typed and the string form.
    """

    def __init__(self, values: dict[str, Any], files: dict[str, UploadedFile] | None = None):
        self.values = values
        self.files = files or {}

    def __contains__(self, name: str) -> bool:
        return self.values.get(name) is not None or name in self.files

    def get_str(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        return default if value is None else str(value)

    def get_int(self, name: str, default: int | None = None) -> int | None:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ApiError.bad_request(f"wrong parameter {name}") from None

    def get_float(self, name: str, default: float) -> float:
        value = self.values.get(name)
        if value is None or value == "":
            return default
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ApiError.bad_request(f"wrong parameter {name}") from None

    def required_int(self, name: str, empty_description: str) -> int:
        value = self.get_int(name)
        if value is None:
            raise ApiError.bad_request(empty_description)
        return value

    def chat_id(self) -> int:
        value = self.values.get("chat_id")
        if value is None or value == "":
            raise ApiError.bad_request("chat_id is empty")
        try:
            return int(value)
        except (TypeError, ValueError):
            # "@channelname" targets: the emulator has no public channels.
            raise ApiError.bad_request("chat not found") from None

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        return str(value).lower() in {"true", "1"}

    def get_json(self, name: str) -> Any:
        """A structured parameter (reply_markup, entities, ...), decoded if sent as a string."""
        value = self.values.get(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except ValueError:
            raise ApiError.bad_request(f"can't parse {name} JSON object") from None

    def file(self, name: str) -> UploadedFile | str | None:
        """An uploaded part (directly or via attach://) or a file_id/URL string."""
        if name in self.files:
            return self.files[name]
        value = self.get_str(name)
        if value and value.startswith("attach://"):
            attached = self.files.get(value.removeprefix("attach://"))
            if attached is None:
                raise ApiError.bad_request(f"wrong file identifier/HTTP URL specified ({name})")
            return attached
        return value

    def recorded(self) -> dict[str, Any]:
        """A JSON-friendly copy for the request log, files described by name and size."""
        described = {
            field: {"filename": f.filename, "size": f.size, "content_type": f.content_type}
            for field, f in self.files.items()
        }
        return {**self.values, **described}
