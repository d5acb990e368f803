"""Loads phantoms written by `pipelineseg phantom --format npy` (phantom-<seed>/ct.npy, labels.npy, meta.json) and prepares them the way the pipeline does:
each axial slice resized over its whole field of view to the model size with bilinear interpolation
(align_corners=False, no antialiasing), then the CT window applied."""
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

WINDOW_CENTER = 50.0
WINDOW_WIDTH = 400.0


def window(hu: torch.Tensor) -> torch.Tensor:
    lo = WINDOW_CENTER - WINDOW_WIDTH / 2
    return (hu.clamp(lo, lo + WINDOW_WIDTH) - lo) / WINDOW_WIDTH


def resize_slices(ct: np.ndarray, size: int) -> torch.Tensor:
    """[z, y, x] int16 HU -> [z, 1, size, size] float32 windowed."""
    x = torch.from_numpy(ct.astype(np.float32))[:, None]
    x = F.interpolate(x, size=(size, size), mode="bilinear", align_corners=False)
    return window(x)


def load_case(folder: str, seed: int):
    case = os.path.join(folder, f"phantom-{seed:04d}")
    ct = np.load(os.path.join(case, "ct.npy"))
    labels = np.load(os.path.join(case, "labels.npy"))
    with open(os.path.join(case, "meta.json"), encoding="utf-8") as f:
        meta = json.load(f)
    return ct, labels, meta


def load_cases(folder: str, seeds, size: int):
    """Returns (inputs [N,1,size,size] float32, labels [N,H,W] int64) over all slices of all seeds."""
    xs, ys = [], []
    for seed in seeds:
        ct, labels, _ = load_case(folder, seed)
        xs.append(resize_slices(ct, size))
        ys.append(torch.from_numpy(labels.astype(np.int64)))
    return torch.cat(xs), torch.cat(ys)
