"""Trains the PipelineSeg U-Net (background / liver / liver lesion) on synthetic phantoms from our generator.

Usage: /usr/bin/python3 tools/training/train_unet.py --data DIR --out samples/models/unet-liver-phantom
DIR holds phantom-<seed>/{ct.npy, labels.npy, meta.json} from `pipelineseg phantom --format npy` (see train.sh).
One CPU thread (the machine is shared); stops at --minutes. Writes model.safetensors and metrics.json."""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

from phantom_data import load_cases
from unet import UNet

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "engine"))  # safetensors_io
import safetensors_io  # noqa: E402


def dice_loss(logits, target, num_classes):
    probs = logits.softmax(1)
    onehot = F.one_hot(target, num_classes).permute(0, 3, 1, 2).float()
    inter = (probs * onehot).sum((0, 2, 3))
    denom = probs.sum((0, 2, 3)) + onehot.sum((0, 2, 3))
    return 1 - ((2 * inter + 1) / (denom + 1))[1:].mean()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--train-seeds", default="1000:1060")
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--base", type=int, default=8)
    ap.add_argument("--depth", type=int, default=4)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--iterations", type=int, default=500)
    ap.add_argument("--minutes", type=float, default=60.0, help="safety stop (wall clock)")
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    a, b = (int(v) for v in args.train_seeds.split(":"))
    x, y = load_cases(args.data, range(a, b), args.size)
    full = y.shape[-1]
    print(f"training slices: {x.shape[0]} at {args.size}x{args.size} (labels {full}x{full}), seeds {a}..{b - 1}", flush=True)

    model = UNet(1, 3, args.base, args.depth, args.dropout)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    # Lesions are tiny: weight them up in the cross-entropy.
    class_weights = torch.tensor([1.0, 1.0, 3.0])
    gen = torch.Generator().manual_seed(args.seed)
    start, cpu_start = time.time(), time.process_time()
    model.train()
    it = 0
    for it in range(args.iterations):
        lr = args.lr * 0.5 * (1 + math.cos(math.pi * it / args.iterations))
        for g in opt.param_groups:
            g["lr"] = lr
        idx = torch.randint(0, x.shape[0], (args.batch,), generator=gen)
        xb, yb = x[idx], y[idx]
        # Mild intensity jitter (scanner calibration, contrast timing).
        xb = xb + (torch.rand(args.batch, 1, 1, 1, generator=gen) - 0.5) * 0.05
        logits = model(xb)
        # Loss at the labels' resolution: the pipeline resamples the output back onto the source grid.
        logits = F.interpolate(logits, size=(full, full), mode="bilinear", align_corners=False)
        loss = F.cross_entropy(logits, yb, weight=class_weights) + dice_loss(logits, yb, 3)
        opt.zero_grad()
        loss.backward()
        opt.step()
        elapsed = time.time() - start
        if it % 25 == 0:
            print(f"it {it} loss {loss.item():.4f} lr {lr:.5f} {elapsed:.0f}s", flush=True)
        if elapsed > args.minutes * 60:
            print(f"time budget reached at iteration {it}", flush=True)
            break
    train_seconds = time.time() - start
    cpu_seconds = time.process_time() - cpu_start
    model.eval()
    os.makedirs(args.out, exist_ok=True)
    # Sorted names, float32 only (the plugin reads F32).
    state = {k: v.float() for k, v in sorted(model.state_dict().items()) if not k.endswith("num_batches_tracked")}
    safetensors_io.save(os.path.join(args.out, "model.safetensors"), state,
                        {"architecture": "unet", "base": str(args.base), "depth": str(args.depth)})
    with open(os.path.join(args.out, "training.json"), "w", encoding="utf-8") as f:
        json.dump({"train_seeds": f"{a}..{b - 1}", "slices": int(x.shape[0]), "size": args.size, "base": args.base,
                   "depth": args.depth, "dropout": args.dropout, "batch": args.batch, "iterations": it + 1,
                   "planned_iterations": args.iterations, "lr": args.lr, "threads": 1,
                   "train_seconds": round(train_seconds, 1), "cpu_seconds": round(cpu_seconds, 1), "final_loss": round(loss.item(), 4)}, f, indent=2)
    print(f"trained {it + 1} iterations in {train_seconds:.0f}s wall, {cpu_seconds:.0f}s CPU", flush=True)


if __name__ == "__main__":
    main()
