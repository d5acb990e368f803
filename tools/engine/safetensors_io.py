"""Minimal safetensors writer/reader (the `safetensors` package is not installed here): 8-byte little-endian header
length, JSON header {name: {dtype, shape, data_offsets}} padded to 8 bytes, then the raw little-endian tensor bytes.
The one copy for tools/engine and tools/training (which imports it through sys.path)."""
import json
import struct

import numpy as np
import torch

_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16", torch.int64: "I64"}
_TORCH = {v: k for k, v in _DTYPES.items()}
_NUMPY = {"F32": "<f4", "F16": "<f2", "BF16": "<i2", "I64": "<i8"}


def save(path, tensors, metadata=None):
    """Writes tensors in the dict's order with their own dtypes; `__metadata__` only when metadata is given."""
    header, blobs, offset = {}, [], 0
    for name, tensor in tensors.items():
        t = tensor.detach().contiguous().cpu()
        if t.dtype not in _DTYPES:
            raise ValueError(f"{name}: unsupported dtype {t.dtype}")
        # numpy has no bfloat16: reinterpret the bits as int16.
        raw = (t.view(torch.int16) if t.dtype == torch.bfloat16 else t).numpy().tobytes()
        header[name] = {"dtype": _DTYPES[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for raw in blobs:
            f.write(raw)


def load(path):
    """Reads every tensor of a file written by `save` (or any safetensors file with F32/F16/BF16/I64 tensors)."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        body = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        if info["dtype"] not in _TORCH:
            raise ValueError(f"{path}: {name}: unsupported dtype {info['dtype']}")
        s, e = info["data_offsets"]
        t = torch.from_numpy(np.frombuffer(body[s:e], dtype=_NUMPY[info["dtype"]]).reshape(info["shape"]).copy())
        out[name] = t.view(torch.bfloat16) if info["dtype"] == "BF16" else t
    return out
