"""Message text the way Telegram measures and formats it: UTF-16 lengths and HTML parse mode."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from tests.emulator.errors import ApiError

MAX_TEXT_LENGTH = 4096
MAX_CAPTION_LENGTH = 1024

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
}
_KNOWN_TAGS = {*_SIMPLE_TAGS, "a", "span", "blockquote", "tg-emoji"}
_USER_LINK = re.compile(r"^tg://user\?id=(\d+)$")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets and limits."""
    return len(text.encode("utf-16-le")) // 2


@dataclass
class _OpenTag:
    tag: str
    entity: dict[str, Any] | None
    start: int


class _HtmlToEntities(HTMLParser):
    """Collects plain text and MessageEntity dicts from Telegram's HTML subset."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.entities: list[dict[str, Any]] = []
        self.stack: list[_OpenTag] = []
        self.position = 0

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        self.position += utf16_len(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _KNOWN_TAGS:
            raise ApiError.bad_request(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.stack.append(_OpenTag(tag, _entity_for(tag, dict(attrs)), self.position))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            raise ApiError.bad_request(
                f'can\'t parse entities: Unmatched end tag "{tag}" at offset {self.position}'
            )
        opened = self.stack.pop()
        length = self.position - opened.start
        if opened.entity is None or length == 0:
            return
        if opened.tag == "code" and self._merge_into_pre(opened.entity):
            return
        self.entities.append({**opened.entity, "offset": opened.start, "length": length})

    def _merge_into_pre(self, code: dict[str, Any]) -> bool:
        """<pre><code class="language-x"> is one pre entity with a language, as in Telegram."""
        if not self.stack or self.stack[-1].tag != "pre" or self.stack[-1].entity is None:
            return False
        if "language" in code:
            self.stack[-1].entity["language"] = code["language"]
        return True

    def result(self) -> tuple[str, list[dict[str, Any]]]:
        if self.stack:
            raise ApiError.bad_request(
                f"can't parse entities: Can't find end tag corresponding to start tag "
                f'"{self.stack[-1].tag}"'
            )
        entities = sorted(self.entities, key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.parts), entities


def _entity_for(tag: str, attrs: dict[str, str | None]) -> dict[str, Any] | None:
    if tag == "a":
        return _link_entity(attrs.get("href") or "")
    if tag == "span":
        return {"type": "spoiler"} if attrs.get("class") == "tg-spoiler" else None
    if tag == "blockquote":
        kind = "expandable_blockquote" if "expandable" in attrs else "blockquote"
        return {"type": kind}
    if tag == "tg-emoji":
        return {"type": "custom_emoji", "custom_emoji_id": attrs.get("emoji-id") or ""}
    if tag == "code" and (attrs.get("class") or "").startswith("language-"):
        return {"type": "code", "language": (attrs["class"] or "").removeprefix("language-")}
    return {"type": _SIMPLE_TAGS[tag]}


def _link_entity(href: str) -> dict[str, Any] | None:
    user = _USER_LINK.match(href)
    if user:
        return {"type": "text_mention", "user": {"id": int(user[1]), "is_bot": False}}
    return {"type": "text_link", "url": href} if href else None


def parse_html(raw: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities of an HTML-formatted message; 400 on markup Telegram rejects."""
    parser = _HtmlToEntities()
    parser.feed(raw)
    parser.close()
    return parser.result()


def render_text(
    raw: str, parse_mode: str | None, entities: list[dict[str, Any]] | None
) -> tuple[str, list[dict[str, Any]]]:
    """Text and entities as Telegram stores them; explicit entities win over parse_mode."""
    if entities is not None:
        return raw, entities
    if parse_mode and parse_mode.lower() == "html":
        return parse_html(raw)
    # Markdown modes are passed through untouched: the bot only uses HTML.
    return raw, []


def check_text(text: str) -> None:
    """Reject empty or over-long message text with Telegram's own descriptions."""
    if not text.strip():
        raise ApiError.bad_request("message text is empty")
    if utf16_len(text) > MAX_TEXT_LENGTH:
        raise ApiError.bad_request("message is too long")


def check_caption(caption: str) -> None:
    """Reject an over-long caption; an empty caption is allowed."""
    if utf16_len(caption) > MAX_CAPTION_LENGTH:
        raise ApiError.bad_request("message caption is too long")
