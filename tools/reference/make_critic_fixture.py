#!/usr/bin/python3
"""Writes a random-weight SegAN critic (tools/reference/deeplabv3_reference.py SegAnCritic) and a batch for its multiscale
L1 distance: OUT_DIR/critic.safetensors, image.npy [N,C,H,W], prediction.npy and truth.npy [N,1,H,W] (soft masks in
[0, 1]) and expected.npy [N] (critic.distance(..., per_sample=True), eval mode, float64). BN statistics randomised.

Usage: /usr/bin/python3 tools/reference/make_critic_fixture.py 'PARAMS_JSON' OUT_DIR [--shape N,C,H,W] [--seed S]
"""
import argparse
import json
import os
import sys

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "engine"))
import deeplabv3_reference  # noqa: E402
import make_checkpoint  # noqa: E402
import safetensors_io  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("params")
    ap.add_argument("out")
    ap.add_argument("--shape", default="3,1,32,32")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    torch.manual_seed(a.seed)
    critic = deeplabv3_reference.SegAnCritic(**json.loads(a.params))
    make_checkpoint.randomize(critic, a.seed + 1)
    critic.eval()
    n, c, h, w = (int(s) for s in a.shape.split(","))
    torch.manual_seed(a.seed + 2)
    image = torch.rand(n, c, h, w)
    truth = (torch.rand(n, 1, h, w) > 0.5).float()
    prediction = torch.rand(n, 1, h, w)
    with torch.no_grad():
        expected = critic.distance(image, prediction, truth, per_sample=True)
    os.makedirs(a.out, exist_ok=True)
    for name, t in [("image", image), ("prediction", prediction), ("truth", truth)]:
        np.save(os.path.join(a.out, f"{name}.npy"), t.numpy().astype(np.float32))
    np.save(os.path.join(a.out, "expected.npy"), expected.double().numpy())
    state = {k: v for k, v in critic.state_dict().items() if v.is_floating_point()}
    safetensors_io.save(os.path.join(a.out, "critic.safetensors"), state)


if __name__ == "__main__":
    main()
