"""Bot API error answers, shaped exactly like Telegram's so clients parse them the same way."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict",
    500: "Internal Server Error",
    502: "Bad Gateway",
}
BLOCKED = "Forbidden: bot was blocked by the user"


@dataclass
class ApiError(Exception):
    """An `{"ok": false, ...}` answer with its HTTP status."""

    error_code: int
    description: str
    retry_after: int | None = None

    @classmethod
    def bad_request(cls, detail: str) -> ApiError:
        return cls(400, f"Bad Request: {detail}")

    @classmethod
    def too_many_requests(cls, retry_after: int) -> ApiError:
        return cls(429, f"Too Many Requests: retry after {retry_after}", retry_after)

    @classmethod
    def build(
        cls, error_code: int, description: str | None = None, retry_after: int | None = None
    ) -> ApiError:
        """An error with Telegram's usual description for the code when none is given."""
        if error_code == 429:
            retry_after = retry_after or 1
            return cls(
                429, description or f"Too Many Requests: retry after {retry_after}", retry_after
            )
        return cls(
            error_code, description or DEFAULT_DESCRIPTIONS.get(error_code, "Error"), retry_after
        )

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body
