"""Trains a one-channel mask network of a family reference (tools/reference/families.py) as a liver segmenter on our
synthetic phantoms, supervised with L1 + Dice (no discriminator; sample models, minutes on CPU):
- cyclegan: a junyanz generator translating the windowed CT slice into its mask (tanh; p = (y + 1) / 2), as an
  LGAN-style generator does;
- segnet naive-symmetric: the LiTS study's regression net (p = y, clamped to [0, 1] for the Dice term and at inference).

Usage: /usr/bin/python3 tools/training/train_mask_model.py --family cyclegan --data DIR --out samples/models/cyclegan-liver-phantom
DIR holds phantom-<seed>/ from `pipelineseg phantom --format npy`. Writes model.safetensors (float16), training.json,
and the held-out Dice (seeds --test-seeds) in metrics.json."""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn.functional as F

from phantom_data import load_cases

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "engine"))
sys.path.insert(0, os.path.join(HERE, "..", "reference"))
import families  # noqa: E402
import safetensors_io  # noqa: E402

FAMILY = "cyclegan"


def foreground_probability(model, x, full, clamp=True):
    y = F.interpolate(model(x), size=(full, full), mode="bilinear", align_corners=False)
    p = (y + 1) / 2 if FAMILY == "cyclegan" else y
    return p.clamp(0, 1) if clamp else p


def dice(p, m):
    return 1 - (2 * (p * m).sum() + 1) / (p.sum() + m.sum() + 1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--family", choices=["cyclegan", "segnet"], default="cyclegan")
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--train-seeds", default="1000:1024")
    ap.add_argument("--test-seeds", default="0:6")
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--params", default='{"netG":"resnet_9blocks","input_nc":1,"output_nc":1,"ngf":8,"norm":"instance"}')
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--minutes", type=float, default=6.0)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    global FAMILY  # noqa: PLW0603  one family per run
    FAMILY = args.family

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    a, b = (int(v) for v in args.train_seeds.split(":"))
    x, y = load_cases(args.data, range(a, b), args.size)
    full = y.shape[-1]
    mask = (y >= 1).float()[:, None]
    params = json.loads(args.params)
    model = families.build(args.family, params)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr, betas=(0.5, 0.999))
    gen = torch.Generator().manual_seed(args.seed)
    start = time.time()
    model.train()
    it = 0
    for it in range(args.iterations):
        for g in opt.param_groups:
            g["lr"] = args.lr * 0.5 * (1 + math.cos(math.pi * it / args.iterations))
        idx = torch.randint(0, x.shape[0], (args.batch,), generator=gen)
        p = foreground_probability(model, x[idx], full, clamp=False)
        m = mask[idx]
        loss = F.l1_loss(p, m) + dice(p.clamp(0, 1), m)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if it % 25 == 0:
            print(f"it {it} loss {loss.item():.4f} {time.time() - start:.0f}s", flush=True)
        if time.time() - start > args.minutes * 60:
            print(f"time budget reached at iteration {it}", flush=True)
            break
    model.eval()
    a2, b2 = (int(v) for v in args.test_seeds.split(":"))
    dices = []
    with torch.no_grad():
        for seed in range(a2, b2):
            xt, yt = load_cases(args.data, [seed], args.size)
            pt = torch.cat([foreground_probability(model, xt[i:i + 8], yt.shape[-1]) for i in range(0, xt.shape[0], 8)])
            pred, truth = (pt[:, 0] >= 0.5).float(), (yt >= 1).float()
            dices.append(float(2 * (pred * truth).sum() / (pred.sum() + truth.sum())))
    os.makedirs(args.out, exist_ok=True)
    state = {k: v.half() for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    safetensors_io.save(os.path.join(args.out, "model.safetensors"), state, {"architecture": args.family, "params": json.dumps(params)})
    with open(os.path.join(args.out, "training.json"), "w", encoding="utf-8") as f:
        json.dump({"params": params, "train_seeds": f"{a}..{b - 1}", "slices": int(x.shape[0]), "size": args.size, "iterations": it + 1,
                   "train_seconds": round(time.time() - start, 1), "final_loss": round(loss.item(), 4), "loss": "L1 + Dice on (tanh + 1) / 2, supervised",
                   "weights": "float16"}, f, indent=2)
    with open(os.path.join(args.out, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump({"segment": "liver (labels >= 1)", "test_seeds": f"{a2}..{b2 - 1}", "dice": [round(d, 4) for d in dices],
                   "dice_mean": round(sum(dices) / len(dices), 4), "dice_min": round(min(dices), 4)}, f, indent=2)
    print(f"held-out liver Dice mean {sum(dices) / len(dices):.4f} min {min(dices):.4f}", flush=True)


if __name__ == "__main__":
    main()
