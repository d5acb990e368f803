#!/usr/bin/python3
"""Writes a random-weight checkpoint of a family's reference network plus an input and its expected output.

Usage: /usr/bin/python3 tools/reference/make_checkpoint.py FAMILY 'PARAMS_JSON' OUT_DIR [--shape N,C,H,W] [--seed S]
       [--format pth|legacy|safetensors] [--prefix module.]
Writes OUT_DIR/model.{pth,safetensors}, OUT_DIR/input.npy (float32 NCHW) and OUT_DIR/expected.npy (the eval-mode raw
output). Normalisation statistics are randomised so that folding and eval-mode BN are really exercised. Our own random
data only; used by the tests of `pipelineseg models verify|new` and the family parity tests.
"""
import argparse
import json
import os
import sys

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "engine"))
import families  # noqa: E402
import safetensors_io  # noqa: E402


def randomize(model, seed):
    torch.manual_seed(seed)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, (nn.BatchNorm2d, nn.InstanceNorm2d)):
                if m.affine:
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.normal_(0, 0.2)
                if m.track_running_stats:
                    m.running_mean.normal_(0, 0.2)
                    m.running_var.uniform_(0.5, 1.5)
                    m.num_batches_tracked.fill_(7)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("family")
    ap.add_argument("params")
    ap.add_argument("out")
    ap.add_argument("--shape", default="1,1,32,32")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--format", choices=["pth", "legacy", "safetensors"], default="pth")
    ap.add_argument("--prefix", default="")
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    params = json.loads(a.params)
    model = families.build(a.family, params)
    randomize(model, a.seed + 1)
    model.eval()
    torch.manual_seed(a.seed + 2)
    x = torch.rand(*[int(s) for s in a.shape.split(",")])
    with torch.no_grad():
        y = families.forward(a.family, params, model, x)
    os.makedirs(a.out, exist_ok=True)
    np.save(os.path.join(a.out, "input.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(a.out, "expected.npy"), y.numpy().astype(np.float32))
    state = {a.prefix + k: v for k, v in model.state_dict().items()}
    if a.format == "safetensors":
        safetensors_io.save(os.path.join(a.out, "model.safetensors"), state)
    else:
        torch.save(state, os.path.join(a.out, "model.pth"), _use_new_zipfile_serialization=a.format == "pth")
    print(json.dumps({"parameters": sum(p.numel() for p in model.parameters()), "output_shape": list(y.shape)}))


if __name__ == "__main__":
    main()
