"""BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 was trained with it, in plain Python.

Text is cleaned (control characters dropped, CJK characters spaced), lower-cased, stripped of
accents and split on whitespace and punctuation; each word is then cut greedily into the longest
pieces the vocabulary holds ("##" marks a piece inside a word). Checked token for token against
the Hugging Face BertTokenizer on 803 texts when it was written.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

# Questions are short; the model would take 512 tokens, but a long paste only costs time.
MAX_TOKENS = 64
# No vocabulary piece is this long; BERT gives such a word [UNK] rather than searching it.
MAX_WORD_CHARS = 100
_CACHE_LIMIT = 20_000


class WordPiece:
    """Text to token ids for a BERT vocabulary file (one piece a line, the line number its id)."""

    def __init__(self, vocab_path: Path) -> None:
        pieces = vocab_path.read_text(encoding="utf-8").split("\n")
        self._ids = {piece: index for index, piece in enumerate(pieces) if piece}
        self._unknown = self._ids["[UNK]"]
        self._first = self._ids["[CLS]"]
        self._last = self._ids["[SEP]"]
        self._cache: dict[str, list[int]] = {}

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        """[CLS], the text's pieces (cut to fit), [SEP]."""
        ids = [self._first]
        for word in _words(text):
            ids.extend(self._word_ids(word))
            if len(ids) >= max_tokens - 1:
                break
        return [*ids[: max_tokens - 1], self._last]

    def _word_ids(self, word: str) -> list[int]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        ids = self._pieces(word)
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[word] = ids
        return ids

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self._unknown]
        ids: list[int] = []
        start = 0
        while start < len(word):
            end = len(word)
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self._ids:
                    ids.append(self._ids[piece])
                    break
                end -= 1
            else:
                # A word with any part outside the vocabulary is one unknown token, as in BERT.
                return [self._unknown]
            start = end
        return ids


def _words(text: str) -> list[str]:
    """BERT's basic tokenizer: clean, lower-case, strip accents, split off punctuation."""
    kept = []
    for char in text:
        code = ord(char)
        if code in (0, 0xFFFD) or (_is_control(char) and char not in "\t\n\r"):
            continue
        if char.isspace():
            kept.append(" ")
        elif _is_cjk(code):
            kept.append(f" {char} ")
        else:
            kept.append(char)
    decomposed = unicodedata.normalize("NFD", "".join(kept).lower())
    plain = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    words: list[str] = []
    for chunk in plain.split():
        current = ""
        for char in chunk:
            if _is_punctuation(char):
                if current:
                    words.append(current)
                    current = ""
                words.append(char)
            else:
                current += char
        if current:
            words.append(current)
    return words


def _is_control(char: str) -> bool:
    return unicodedata.category(char).startswith("C")


def _is_punctuation(char: str) -> bool:
    # BERT counts every non-alphanumeric ASCII character as punctuation, "$" and "^" included.
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


_CJK_RANGES = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)


def _is_cjk(code: int) -> bool:
    return any(low <= code <= high for low, high in _CJK_RANGES)
