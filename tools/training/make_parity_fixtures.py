"""Writes the U-Net parity fixtures for tests/PipelineSeg.Plugins.Hosting.Tests (small, committed):
- unet-tiny/: random U-Net (base 4, depth 2, 2 input channels, 3 classes) with non-trivial BatchNorm statistics,
  weights.safetensors + input.npy [2,2,32,32] + expected.npy (softmax probabilities [2,3,32,32]);
- unet-liver-phantom/: input.npy = one held-out phantom slice prepared as the pipeline does [1,1,128,128],
  expected.npy = softmax probabilities of the committed model [1,3,128,128].

Usage: /usr/bin/python3 tools/training/make_parity_fixtures.py --data DIR (phantoms from `pipelineseg phantom --format npy`, held-out seed 1)"""
import argparse
import json
import os
import sys

import numpy as np
import torch

from phantom_data import load_case, resize_slices
from unet import UNet

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine"))  # safetensors_io
import safetensors_io  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(REPO, "tests", "PipelineSeg.Plugins.Hosting.Tests", "Fixtures")


def tiny():
    torch.manual_seed(1234)
    model = UNet(in_channels=2, num_classes=3, base=4, depth=2, dropout=0.0)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.5, 0.5)
                m.running_var.uniform_(0.5, 2.0)
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.3, 0.3)
    model.eval()
    x = torch.randn(2, 2, 32, 32)
    with torch.no_grad():
        y = model(x).softmax(1)
    folder = os.path.join(OUT, "unet-tiny")
    os.makedirs(folder, exist_ok=True)
    # Sorted names, float32 only (the plugin reads F32).
    state = {k: v.float() for k, v in sorted(model.state_dict().items()) if not k.endswith("num_batches_tracked")}
    safetensors_io.save(os.path.join(folder, "weights.safetensors"), state)
    np.save(os.path.join(folder, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(folder, "expected.npy"), y.numpy().astype(np.float32))


def liver(data: str):
    model_dir = os.path.join(REPO, "samples", "models", "unet-liver-phantom")
    with open(os.path.join(model_dir, "training.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    model = UNet(1, 3, cfg["base"], cfg["depth"], cfg["dropout"])
    model.load_state_dict(safetensors_io.load(os.path.join(model_dir, "model.safetensors")), strict=False)
    model.eval()
    ct, labels, _ = load_case(data, 1)
    z = int(np.argmax((labels == 1).sum(axis=(1, 2))))
    x = resize_slices(ct[z:z + 1], cfg["size"])
    with torch.no_grad():
        y = model(x).softmax(1)
    folder = os.path.join(OUT, "unet-liver-phantom")
    os.makedirs(folder, exist_ok=True)
    np.save(os.path.join(folder, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(folder, "expected.npy"), y.numpy().astype(np.float32))
    print(f"liver fixture: seed 1 slice {z}, predicted liver pixels {(y.argmax(1) == 1).sum().item()}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    args = ap.parse_args()
    torch.set_num_threads(1)
    tiny()
    liver(args.data)
