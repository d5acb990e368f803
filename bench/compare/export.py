"""Writes out/unet.onnx (torch.onnx.export), out/unet.safetensors (same weights for our engine),
out/input.npy (1x1xSxS) and out/expected.npy (PyTorch's output) for bench/compare/run.sh.

usage: /usr/bin/python3 export.py [--size 512] [--base 32] [--classes 2] [--out out]
"""
import argparse
import json
import os
import struct

import numpy as np
import torch

from unet import build


def write_safetensors(path, tensors):
    header, offset, blobs = {}, 0, []
    for name, tensor in tensors.items():
        data = tensor.detach().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--base", type=int, default=32)
    parser.add_argument("--classes", type=int, default=2)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model = build(base=args.base, classes=args.classes)
    params = sum(p.numel() for p in model.parameters())
    x = torch.rand(1, 1, args.size, args.size, generator=torch.Generator().manual_seed(7))
    with torch.no_grad():
        y = model(x)
    torch.onnx.export(model, x, os.path.join(args.out, "unet.onnx"), input_names=["input"], output_names=["logits"],
                      opset_version=13, do_constant_folding=True)
    state = {k: v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    write_safetensors(os.path.join(args.out, "unet.safetensors"), state)
    np.save(os.path.join(args.out, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(args.out, "expected.npy"), y.numpy().astype(np.float32))
    print(f"exported U-Net base={args.base} ({params / 1e6:.2f} M parameters) for {args.size}x{args.size} to {args.out}")


if __name__ == "__main__":
    main()
