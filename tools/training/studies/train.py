#!/usr/bin/python3
"""Trains one study recipe (recipes.py) on CPU and writes OUT/model.safetensors (float16, keys of the family reference
= the plugin preset's), OUT/training.json and OUT/metrics.json (held-out Dice/IoU at 0.5 in PyTorch, a sanity check;
the study tables come from `pipelineseg compare`).

Usage: nice -n 10 /usr/bin/python3 tools/training/studies/train.py RECIPE OUT_DIR
Trainers:
- supervised: cross-entropy + soft Dice (two-class heads); L1 + soft Dice for the naive net's regression head.
- lgan: the U-Net as generator + a patch discriminator on (image, mask) pairs (pix2pix-style), segmentation loss
  + 0.05 x adversarial loss.
- cyclegan: unpaired CycleGAN (junyanz): G_A CT -> mask, G_B mask -> CT, two patch discriminators, LSGAN + 10 x cycle
  L1; the masks and images are drawn independently, so no pair is ever seen. Only G_A is written.
- segan: DeepLabV3 as segmentor + the SegAN critic: multiscale L1 between critic features of image x prediction and
  image x ground truth (segmentor minimises, critic maximises), + soft Dice for the segmentor."""
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "engine"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "reference"))
import data  # noqa: E402
import families  # noqa: E402
import recipes  # noqa: E402
import safetensors_io  # noqa: E402


def build(family, params):
    return families.build(family, params)


def foreground(family, params, out):
    """The foreground probability as the plugin computes it from the raw network output."""
    if isinstance(out, dict):
        out = out["out"]
    if family == "cyclegan":
        return ((out + 1) / 2)[:, 0]
    if params.get("preset") == "naive-symmetric":
        return out[:, 0]
    return torch.softmax(out, 1)[:, 1]


def soft_dice(p, m):
    return 1 - (2 * (p * m).sum() + 1) / (p.sum() + m.sum() + 1)


def seg_loss(family, params, out, m):
    if isinstance(out, dict):
        out = out["out"]
    p = foreground(family, params, out)
    if family == "cyclegan" or params.get("preset") == "naive-symmetric":
        return F.l1_loss(p, m) + soft_dice(p.clamp(0, 1), m)
    return F.cross_entropy(out, m.long()) + soft_dice(p, m)


def patch_discriminator(in_channels, ndf=16, n_layers=2):
    """pix2pix NLayerDiscriminator layout (4x4 convs, stride 2, LeakyReLU 0.2, instance norm), small."""
    layers, c = [nn.Conv2d(in_channels, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)], ndf
    for i in range(1, n_layers):
        layers += [nn.Conv2d(c, ndf * 2 ** i, 4, 2, 1), nn.InstanceNorm2d(ndf * 2 ** i), nn.LeakyReLU(0.2, True)]
        c = ndf * 2 ** i
    layers += [nn.Conv2d(c, c, 4, 1, 1), nn.InstanceNorm2d(c), nn.LeakyReLU(0.2, True), nn.Conv2d(c, 1, 4, 1, 1)]
    return nn.Sequential(*layers)


def augment(x, m, gen):
    """Random flips and quarter turns, the same for image and mask (small training sets)."""
    k = int(torch.randint(0, 4, (1,), generator=gen))
    flip = bool(torch.randint(0, 2, (1,), generator=gen))
    x, m = torch.rot90(x, k, (-2, -1)), torch.rot90(m, k, (-2, -1))
    return (x.flip(-1), m.flip(-1)) if flip else (x, m)


def cosine(opts, base, it, total):
    for opt in opts:
        for g in opt.param_groups:
            g["lr"] = base * 0.5 * (1 + math.cos(math.pi * it / total))


def train(recipe, x, y):
    family, params, dataset, trainer, iterations, batch, lr, seed = recipe
    torch.manual_seed(seed)
    model = build(family, params)
    gen = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.5, 0.999))
    extra = {}
    if trainer == "lgan":
        extra["D"] = patch_discriminator(2)
    elif trainer == "cyclegan":
        extra["G_B"] = build(family, params)
        extra["D_A"], extra["D_B"] = patch_discriminator(1), patch_discriminator(1)
    elif trainer == "segan":
        import deeplabv3_reference
        extra["C"] = deeplabv3_reference.SegAnCritic(**recipes.CRITIC)
    g_params = list(model.parameters()) + (list(extra["G_B"].parameters()) if "G_B" in extra else [])
    opt = torch.optim.Adam(g_params, lr=lr, betas=(0.5, 0.999))
    d_params = [p for k, v in extra.items() if k != "G_B" for p in v.parameters()]
    opt_d = torch.optim.Adam(d_params, lr=lr, betas=(0.5, 0.999)) if d_params else None
    losses = []
    model.train()
    for v in extra.values():
        v.train()
    for it in range(iterations):
        cosine([o for o in (opt, opt_d) if o], lr, it, iterations)
        idx = torch.randint(0, x.shape[0], (batch,), generator=gen)
        xb, mb = augment(x[idx], y[idx], gen)
        mb = mb[:, 0]
        if trainer == "supervised":
            loss = seg_loss(family, params, model(xb), mb)
        elif trainer == "lgan":
            out = model(xb)
            p = foreground(family, params, out)[:, None]
            opt_d.zero_grad()
            real, fake = extra["D"](torch.cat([xb, mb[:, None]], 1)), extra["D"](torch.cat([xb, p.detach()], 1))
            d_loss = F.binary_cross_entropy_with_logits(real, torch.ones_like(real)) + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake))
            d_loss.backward()
            opt_d.step()
            adv = extra["D"](torch.cat([xb, p], 1))
            loss = seg_loss(family, params, out, mb) + 0.05 * F.binary_cross_entropy_with_logits(adv, torch.ones_like(adv))
        elif trainer == "cyclegan":
            # Unpaired: masks come from other, independently drawn slices.
            jdx = torch.randint(0, x.shape[0], (batch,), generator=gen)
            ma = y[jdx] * 2 - 1
            g_a, g_b, d_a, d_b = model, extra["G_B"], extra["D_A"], extra["D_B"]
            fake_m = g_a(xb)                       # tanh, mask domain [-1, 1]
            fake_x = g_b(ma)                       # tanh, image domain [-1, 1]
            rec_x = g_b(fake_m)
            rec_m = g_a((fake_x + 1) / 2)          # G_A reads images in [0, 1], as the plugin feeds them
            pa, pb = d_a(fake_m), d_b(fake_x)
            loss = F.mse_loss(pa, torch.ones_like(pa)) + F.mse_loss(pb, torch.ones_like(pb)) \
                + 10 * (F.l1_loss(rec_x, xb * 2 - 1) + F.l1_loss(rec_m, ma))
            # Generators first (as junyanz), then the discriminators on the detached fakes.
            opt.zero_grad()
            loss.backward()
            opt.step()
            opt_d.zero_grad()
            ra, fa = d_a(ma), d_a(fake_m.detach())
            rb, fb = d_b(xb * 2 - 1), d_b(fake_x.detach())
            d_loss = 0.5 * (F.mse_loss(ra, torch.ones_like(ra)) + F.mse_loss(fa, torch.zeros_like(fa))
                            + F.mse_loss(rb, torch.ones_like(rb)) + F.mse_loss(fb, torch.zeros_like(fb)))
            d_loss.backward()
            opt_d.step()
            losses.append(float(loss))
            continue
        elif trainer == "segan":
            out = model(xb)
            p = foreground(family, params, out)[:, None]
            c = extra["C"]
            opt_d.zero_grad()
            c_loss = -c.distance(xb, p.detach(), mb[:, None])
            c_loss.backward()
            opt_d.step()
            loss = c.distance(xb, p, mb[:, None]) + soft_dice(p[:, 0], mb)
        else:
            raise ValueError(trainer)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss))
    return model, losses, extra


def predict(family, params, model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([foreground(family, params, model(x[i:i + 16])).clamp(0, 1) for i in range(0, x.shape[0], 16)])


def scores(p, y, threshold=0.5):
    """Per case, then mean: Dice and IoU with both empty = 1 (sanity figures only)."""
    b, m = (p >= threshold).flatten(1).float(), y[:, 0].flatten(1)
    inter, union, total = (b * m).sum(1), ((b + m) > 0).float().sum(1), b.sum(1) + m.sum(1)
    dice = torch.where(total > 0, 2 * inter / total.clamp(min=1), torch.ones_like(inter))
    iou = torch.where(union > 0, inter / union.clamp(min=1), torch.ones_like(inter))
    return {"dice": round(float(dice.mean()), 4), "iou": round(float(iou.mean()), 4), "cases": int(p.shape[0])}


def save_half(model, path):
    state = {k: v.half() if v.is_floating_point() else v for k, v in model.state_dict().items() if not k.endswith("num_batches_tracked")}
    safetensors_io.save(path, state)


def load_half(family, params, path):
    model = build(family, params)
    model.load_state_dict({k: v.float() for k, v in safetensors_io.load(path).items()}, strict=False)
    return model.eval()


def main():
    name, out = sys.argv[1], sys.argv[2]
    recipe = recipes.get(name)
    family, params, dataset = recipe[:3]
    torch.set_num_threads(1)
    x, y = (torch.from_numpy(a) for a in data.load(dataset, "train"))
    start = time.time()
    model, losses, extra = train(recipe, x, y)
    seconds = time.time() - start
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "model.safetensors")
    save_half(model, path)
    if "C" in extra:  # the SegAN critic, for a plugin that reports the critic distance
        save_half(extra["C"], os.path.join(out, "critic.safetensors"))
    tx, ty = (torch.from_numpy(a) for a in data.load(dataset, "test"))
    metrics = scores(predict(family, params, load_half(family, params, path), tx), ty)
    info = {"recipe": name, "family": family, "params": params, "dataset": dataset, "trainer": recipe[3], "iterations": recipe[4],
            "batch": recipe[5], "lr": recipe[6], "seed": recipe[7], "train_cases": int(x.shape[0]), "train_seconds": round(seconds, 1),
            "loss_first_last": [round(float(np.mean(losses[:10])), 4), round(float(np.mean(losses[-10:])), 4)],
            "parameters": sum(p.numel() for p in model.parameters()), "weights": "float16", "torch": torch.__version__}
    with open(os.path.join(out, "training.json"), "w") as f:
        json.dump(info, f, indent=2)
    with open(os.path.join(out, "metrics.json"), "w") as f:
        json.dump({"test_at_0.5": metrics, "note": "PyTorch sanity check; tables come from pipelineseg compare"}, f, indent=2)
    print(json.dumps({"recipe": name, "seconds": round(seconds, 1), **metrics}))


if __name__ == "__main__":
    main()
