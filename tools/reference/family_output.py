#!/usr/bin/python3
"""PyTorch's answers for native family models: each job builds the reference network (families.build), loads its
safetensors state dict (or, with "seed", first writes one with random weights and normalisation statistics), runs one
forward pass in eval mode on an .npy input and applies the family plugin's output mapping.

Usage: /usr/bin/python3 tools/reference/family_output.py JOBS.json
JOBS.json: [{"family", "params" (object), "weights", "input", "output", "head", optional "seed"}, ...] (one torch import
for all). head: softmax (class probabilities), logits (raw), regression (map p -> [1 - p, p], p clamped to [0, 1]) or
tanh-mask (tanh y -> p = (y + 1) / 2, then as regression). The torch backend's parity tests compare against "output".
"""
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "engine"))
import families  # noqa: E402
import make_checkpoint  # noqa: E402
import safetensors_io  # noqa: E402


def two_classes(y, scale, offset):
    p = (y * scale + offset).clamp(0, 1)
    return torch.cat([1 - p, p], 1)


HEADS = {
    "softmax": lambda y: torch.softmax(y, 1),
    "logits": lambda y: y,
    "regression": lambda y: two_classes(y, 1.0, 0.0),
    "tanh-mask": lambda y: two_classes(y, 0.5, 0.5),
}


def run(job):
    torch.manual_seed(job.get("seed", 0))
    model = families.build(job["family"], job["params"])
    if "seed" in job:
        make_checkpoint.randomize(model, job["seed"] + 1)
        safetensors_io.save(job["weights"], model.state_dict())
    model.load_state_dict(safetensors_io.load(job["weights"]), strict=True)
    model.eval()
    x = torch.from_numpy(np.load(job["input"]).astype(np.float32))
    with torch.no_grad():
        y = HEADS[job["head"]](families.forward(job["family"], job["params"], model, x))
    np.save(job["output"], y.numpy().astype(np.float32))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        for job in json.load(f):
            run(job)
