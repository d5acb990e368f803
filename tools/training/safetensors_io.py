"""Minimal safetensors writer/reader (the python package is not installed here): 8-byte little-endian header
length, JSON header {name: {dtype, shape, data_offsets}}, then the raw little-endian tensor bytes."""
import json
import struct

import numpy as np
import torch


def save_safetensors(tensors: dict, path: str, metadata: dict | None = None):
    header, blobs, offset = {}, [], 0
    for name in sorted(tensors):
        a = tensors[name].detach().cpu().contiguous().to(torch.float32).numpy().astype("<f4")
        data = a.tobytes()
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for blob in blobs:
            f.write(blob)


def load_safetensors(path: str) -> dict:
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        body = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", info
        s, e = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(body[s:e], dtype="<f4").reshape(info["shape"]).copy())
    return out
