"""Write minilm_graph_q8.onnx: all-MiniLM-L6-v2's network (BERT, 6 layers, 384 wide, 12 heads)
as an ONNX graph without its weights, which minilm.py appends at load time.

A development tool, run once: `pip install onnx && python -m bot.embedding.graph`. Neither the
bot nor its tests import it, so onnx is no dependency.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from bot.embedding.minilm import GRAPH_PATH, HEADS, HIDDEN, LAYERS

# Constants the graph keeps; every other initialiser is a weight, left out of the file.
CONSTANTS = {
    "scale": np.array(1.0 / np.sqrt(HIDDEN // HEADS), np.float32),
    "neg": np.array(-10000.0, np.float32),
    "one": np.array(1.0, np.float32),
    "shape_bnhd": np.array([0, 0, HEADS, HIDDEN // HEADS], np.int64),
    "shape_bnh": np.array([0, 0, HIDDEN], np.int64),
    "axes12": np.array([1, 2], np.int64),
}


def build() -> Any:
    """The ONNX model: token ids, positions and a mask in, the last hidden states out."""
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []

    def node(op: str, inputs: list[str], output: str, **attributes: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], **attributes))
        return output

    def dense(x: str, weight: str, bias: str, output: str) -> str:
        inputs = [x, weight + "_q", weight + "_s", weight + "_z", bias]
        nodes.append(
            helper.make_node("DynamicQuantizeMatMul", inputs, [output], domain="com.microsoft")
        )
        return output

    x = node("Gather", ["word", "input_ids"], "tok_e")
    x = node("Add", [x, node("Gather", ["pos", "position_ids"], "pos_e")], "e1")
    x = node("Add", [x, "type0"], "e2")
    x = node("LayerNormalization", [x, "emb_g", "emb_b"], "h0", axis=-1, epsilon=1e-12)
    # Masked positions get -10000 before the softmax: [B, 1, 1, N].
    bias = node("Mul", [node("Sub", ["one", "mask"], "inv_mask"), "neg"], "mask_bias0")
    bias = node("Unsqueeze", [bias, "axes12"], "mask_bias")
    for layer in range(LAYERS):
        p = f"l{layer}."
        qkv = dense(x, p + "qkv_w", p + "qkv_b", p + "qkv")
        nodes.append(
            helper.make_node("Split", [qkv], [p + "q", p + "k", p + "v"], axis=-1, num_outputs=3)
        )
        q = node("Reshape", [p + "q", "shape_bnhd"], p + "q4")
        k = node("Reshape", [p + "k", "shape_bnhd"], p + "k4")
        v = node("Reshape", [p + "v", "shape_bnhd"], p + "v4")
        q = node("Transpose", [q], p + "qt", perm=[0, 2, 1, 3])
        k = node("Transpose", [k], p + "kt", perm=[0, 2, 3, 1])
        v = node("Transpose", [v], p + "vt", perm=[0, 2, 1, 3])
        attention = node("MatMul", [q, k], p + "att0")
        attention = node("Mul", [attention, "scale"], p + "att1")
        attention = node("Add", [attention, "mask_bias"], p + "att2")
        attention = node("Softmax", [attention], p + "att", axis=-1)
        context = node("MatMul", [attention, v], p + "ctx0")
        context = node("Transpose", [context], p + "ctx1", perm=[0, 2, 1, 3])
        context = node("Reshape", [context, "shape_bnh"], p + "ctx")
        context = dense(context, p + "ao_w", p + "ao_b", p + "ao1")
        context = node("Add", [context, x], p + "res1")
        x = node(
            "LayerNormalization", [context, p + "ln1_g", p + "ln1_b"], p + "h1", axis=-1,
            epsilon=1e-12,
        )  # fmt: skip
        forward = dense(x, p + "i_w", p + "i_b", p + "i1")
        forward = node("Gelu", [forward], p + "i2")
        forward = dense(forward, p + "o_w", p + "o_b", p + "o1")
        forward = node("Add", [forward, x], p + "res2")
        x = node(
            "LayerNormalization", [forward, p + "ln2_g", p + "ln2_b"], f"h{layer + 1}", axis=-1,
            epsilon=1e-12,
        )  # fmt: skip
    node("Identity", [x], "hidden")
    graph = helper.make_graph(
        nodes,
        "minilm_l6",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["B", "N"]),
            helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["N"]),
            helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["B", "N"]),
        ],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT, ["B", "N", HIDDEN])],
        [numpy_helper.from_array(value, name) for name, value in CONSTANTS.items()],
    )
    opsets = [helper.make_opsetid("", 20), helper.make_opsetid("com.microsoft", 1)]
    model = helper.make_model(graph, opset_imports=opsets)
    model.ir_version = 9
    return model


if __name__ == "__main__":
    GRAPH_PATH.write_bytes(build().SerializeToString())
    print(f"wrote {GRAPH_PATH} ({GRAPH_PATH.stat().st_size} bytes)")
