"""Trains a two-class (background, liver) softmax segmenter of a family reference (tools/reference/families.py) on our
synthetic phantoms (sample models, minutes on one CPU thread), in one of three ways:
- supervised: cross-entropy + soft Dice (e.g. unet preset milesial);
- segan: DeepLabV3 + a SegAN critic (Xue et al. 2018): the segmenter also minimises the critic's multiscale L1 distance
  between image*p and image*g, the critic maximises it (weights clipped to [-0.05, 0.05] as in SegAN); the critic is
  saved beside the model (critic.safetensors) and serves `groundTruth.criticDistance`;
- lgan: a U-Net generator trained adversarially against a pix2pix patch discriminator (NLayerDiscriminator, 3 layers) that
  judges (image, mask) pairs, plus cross-entropy + Dice (the LGAN recipe). The discriminator is not shipped.

Usage: /usr/bin/python3 tools/training/train_segmenter.py --mode segan --family deeplabv3 --params JSON --data DIR --out DIR
DIR holds phantom-<seed>/ from `pipelineseg phantom --format npy`. Writes model.safetensors (float16), training.json and
the held-out 3-D liver Dice (seeds --test-seeds, full resolution) in metrics.json."""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

from phantom_data import load_cases

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "engine"))
sys.path.insert(0, os.path.join(HERE, "..", "reference"))
import deeplabv3_reference  # noqa: E402
import families  # noqa: E402
import safetensors_io  # noqa: E402


def patch_discriminator(cin, ndf=16, n_layers=3):
    """pix2pix NLayerDiscriminator (batch norm): 4x4 convolutions, LeakyReLU 0.2, one logit per patch."""
    layers, mult = [nn.Conv2d(cin, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)], 1
    for n in range(1, n_layers + 1):
        prev, mult = mult, min(2 ** n, 8)
        layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, 2 if n < n_layers else 1, 1, bias=False), nn.BatchNorm2d(ndf * mult), nn.LeakyReLU(0.2, True)]
    layers.append(nn.Conv2d(ndf * mult, 1, 4, 1, 1))
    return nn.Sequential(*layers)


def soft_dice_loss(p, m):
    return 1 - (2 * (p * m).sum() + 1) / (p.sum() + m.sum() + 1)


def half(module):
    return {k: v.half() for k, v in module.state_dict().items() if not k.endswith("num_batches_tracked")}


def held_out(model, critic, data, seeds, size):
    """3-D Dice per case (prediction upsampled bilinearly to the label grid, argmax) and the critic's mean distance over
    the slices where the prediction or the truth has liver, at model size."""
    dices, distances = [], []
    with torch.no_grad():
        for seed in seeds:
            x, y = load_cases(data, [seed], size)
            logits = torch.cat([model(x[i:i + 8]) for i in range(0, x.shape[0], 8)])
            p = torch.softmax(logits, 1)[:, 1:2]
            full = F.interpolate(p, size=y.shape[-2:], mode="bilinear", align_corners=False)[:, 0]
            pred, truth = (full >= 0.5).float(), (y >= 1).float()
            dices.append(float(2 * (pred * truth).sum() / (pred.sum() + truth.sum())))
            if critic is not None:
                g = F.interpolate((y >= 1).float()[:, None], size=(size, size), mode="bilinear", align_corners=False)
                hard = (p >= 0.5).float()
                keep = (hard.flatten(1).amax(1) > 0) | (g.flatten(1).amax(1) > 0)
                d = critic.distance(x[keep], hard[keep], g[keep], per_sample=True)
                distances.append(float(d.mean()))
    return dices, distances


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["supervised", "segan", "lgan"], required=True)
    ap.add_argument("--family", required=True)
    ap.add_argument("--params", required=True)
    ap.add_argument("--critic-params", default='{"in_channels":1,"base_width":16,"depth":3}')
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--train-seeds", default="1000:1024")
    ap.add_argument("--test-seeds", default="0:6")
    ap.add_argument("--size", type=int, default=128)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--iterations", type=int, default=400)
    ap.add_argument("--minutes", type=float, default=5.0)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--adversarial-weight", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(a.seed)
    s0, s1 = (int(v) for v in a.train_seeds.split(":"))
    x, y = load_cases(a.data, range(s0, s1), a.size)
    # Labels at model size: the liver (labels >= 1, lesions included) as a soft target resized like the image.
    m_all = F.interpolate((y >= 1).float()[:, None], size=(a.size, a.size), mode="bilinear", align_corners=False)
    params = json.loads(a.params)
    model = families.build(a.family, params)
    opt = torch.optim.Adam(model.parameters(), lr=a.lr, betas=(0.5, 0.999))
    critic = disc = None
    critic_params = json.loads(a.critic_params)
    if a.mode == "segan":
        critic = deeplabv3_reference.SegAnCritic(**critic_params)
        opt_c = torch.optim.Adam(critic.parameters(), lr=a.lr, betas=(0.5, 0.999))
    elif a.mode == "lgan":
        disc = patch_discriminator(params.get("in_channels", params.get("n_channels", 1)) + 1)
        opt_d = torch.optim.Adam(disc.parameters(), lr=a.lr / 2, betas=(0.5, 0.999))
    gen = torch.Generator().manual_seed(a.seed)
    start, it, log = time.time(), 0, []
    model.train()
    for it in range(a.iterations):
        lr = a.lr * 0.5 * (1 + math.cos(math.pi * it / a.iterations))
        for g in opt.param_groups:
            g["lr"] = lr
        idx = torch.randint(0, x.shape[0], (a.batch,), generator=gen)
        xb, mb = x[idx], m_all[idx]
        logits = model(xb)
        p = torch.softmax(logits, 1)[:, 1:2]
        loss = F.cross_entropy(logits, (mb[:, 0] >= 0.5).long()) + soft_dice_loss(p, mb)
        adv = torch.zeros(())
        if critic is not None:
            # Critic step: maximise the multiscale L1 distance, then clip (SegAN).
            critic.train()
            d_loss = -critic.distance(xb, p.detach(), mb)
            opt_c.zero_grad()
            d_loss.backward()
            opt_c.step()
            with torch.no_grad():
                for w in critic.parameters():
                    w.clamp_(-0.05, 0.05)
            adv = critic.distance(xb, p, mb)
        elif disc is not None:
            real, fake = disc(torch.cat([xb, mb], 1)), disc(torch.cat([xb, p.detach()], 1))
            d_loss = F.binary_cross_entropy_with_logits(real, torch.ones_like(real)) + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake))
            opt_d.zero_grad()
            d_loss.backward()
            opt_d.step()
            judged = disc(torch.cat([xb, p], 1))
            adv = F.binary_cross_entropy_with_logits(judged, torch.ones_like(judged))
        total = loss + a.adversarial_weight * adv
        opt.zero_grad()
        total.backward()
        opt.step()
        if it % 25 == 0:
            print(f"it {it} loss {loss.item():.4f} adversarial {adv.item():.4f} {time.time() - start:.0f}s", flush=True)
            log.append({"iteration": it, "loss": round(loss.item(), 4), "adversarial": round(adv.item(), 4)})
        if time.time() - start > a.minutes * 60:
            print(f"time budget reached at iteration {it}", flush=True)
            break
    model.eval()
    if critic is not None:
        critic.eval()
    t0, t1 = (int(v) for v in a.test_seeds.split(":"))
    dices, distances = held_out(model, critic, a.data, range(t0, t1), a.size)
    os.makedirs(a.out, exist_ok=True)
    safetensors_io.save(os.path.join(a.out, "model.safetensors"), half(model), {"architecture": a.family, "params": json.dumps(params)})
    if critic is not None:
        safetensors_io.save(os.path.join(a.out, "critic.safetensors"), half(critic), {"architecture": "segan-critic", "params": json.dumps(critic_params)})
    with open(os.path.join(a.out, "training.json"), "w", encoding="utf-8") as f:
        json.dump({"mode": a.mode, "family": a.family, "params": params, "critic_params": critic_params if critic is not None else None,
                   "train_seeds": f"{s0}..{s1 - 1}", "slices": int(x.shape[0]), "size": a.size, "batch": a.batch, "iterations": it + 1,
                   "train_seconds": round(time.time() - start, 1), "adversarial_weight": a.adversarial_weight, "log": log,
                   "weights": "float16", "script": "tools/training/train_segmenter.py"}, f, indent=2)
    metrics = {"segment": "liver (labels >= 1)", "test_seeds": f"{t0}..{t1 - 1}", "dice": [round(d, 4) for d in dices],
               "dice_mean": round(sum(dices) / len(dices), 4), "dice_min": round(min(dices), 4)}
    if distances:
        metrics["critic_distance"] = [round(d, 5) for d in distances]
        metrics["critic_distance_mean"] = round(sum(distances) / len(distances), 5)
    with open(os.path.join(a.out, "metrics.json"), "w", encoding="utf-8") as f:
        json.dump(metrics, f, indent=2)
    print(f"held-out liver Dice mean {metrics['dice_mean']:.4f} min {metrics['dice_min']:.4f}", flush=True)


if __name__ == "__main__":
    main()
