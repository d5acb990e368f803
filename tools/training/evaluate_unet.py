"""Held-out evaluation of a trained U-Net, done the way the pipeline does it: resize each slice over its field of
view to the model size, window, predict, softmax, resize the probabilities back bilinearly, argmax; 3-D Dice per case.

Usage: /usr/bin/python3 tools/training/evaluate_unet.py --data DIR --model samples/models/unet-liver-phantom [--seeds 0:10]"""
import argparse
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

from phantom_data import load_case, resize_slices
from unet import UNet

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine"))  # safetensors_io
import safetensors_io  # noqa: E402


def dice(pred: np.ndarray, truth: np.ndarray) -> float:
    total = pred.sum() + truth.sum()
    return float(2 * np.logical_and(pred, truth).sum() / total) if total else 1.0


def predict_case(model, ct: np.ndarray, size: int) -> np.ndarray:
    with torch.no_grad():
        x = resize_slices(ct, size)
        probs = torch.cat([model(x[i:i + 8]).softmax(1) for i in range(0, x.shape[0], 8)])
        probs = F.interpolate(probs, size=ct.shape[1:], mode="bilinear", align_corners=False)
        return probs.argmax(1).numpy().astype(np.uint8)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--seeds", default="0:10", help="held-out seeds (0-999 are reserved for evaluation; training uses 1000+)")
    args = ap.parse_args()
    torch.set_num_threads(1)
    with open(os.path.join(args.model, "training.json"), encoding="utf-8") as f:
        cfg = json.load(f)
    model = UNet(1, 3, cfg["base"], cfg["depth"], cfg["dropout"])
    model.load_state_dict(safetensors_io.load(os.path.join(args.model, "model.safetensors")), strict=False)
    model.eval()
    a, b = (int(v) for v in args.seeds.split(":"))
    cases = []
    for seed in range(a, b):
        ct, labels, _ = load_case(args.data, seed)
        pred = predict_case(model, ct, cfg["size"])
        liver_pred, liver_true = pred >= 1, labels >= 1  # liver including its lesions (LiTS convention)
        has_lesion = bool((labels == 2).any())
        cases.append({"seed": seed, "liver_dice": round(dice(liver_pred, liver_true), 4),
                      "lesion_dice": round(dice(pred == 2, labels == 2), 4) if has_lesion else None})
        print(cases[-1], flush=True)
    liver = [c["liver_dice"] for c in cases]
    lesion = [c["lesion_dice"] for c in cases if c["lesion_dice"] is not None]
    summary = {"held_out_seeds": f"{a}..{b - 1}", "liver_dice_mean": round(float(np.mean(liver)), 4),
               "liver_dice_min": round(float(np.min(liver)), 4),
               "lesion_dice_mean": round(float(np.mean(lesion)), 4) if lesion else None, "cases": cases}
    with open(os.path.join(args.model, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2)
    print(json.dumps({k: v for k, v in summary.items() if k != "cases"}))


if __name__ == "__main__":
    main()
