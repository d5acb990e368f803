"""Reference for `pipelineseg compare`'s scoring, with numpy/scipy following medpy.metric.binary.

    /usr/bin/python3 tools/compare/reference_compare.py OUT_DIR

Writes into OUT_DIR seeded probability maps and ground-truth masks, and reference.json with, per case and threshold
(foreground where p > t), the metrics `compare` reports under docs/metrics.md keys, and per threshold the mean and
sample SD (ddof=1) over the cases where a metric is defined:
- planar: prob_2d.npy (N, H, W) float32, truth_2d.npy (N, H, W) uint8, pixel spacing SPACING_2D (x, y) mm; each slice
  is a 2-D case whose surface distances are medpy's on a 2-D array (4-connected borders, in-plane spacing).
- volume: prob_3d.npy (D, H, W) float32, truth_3d.npy (D, H, W) uint8, spacing SPACING_3D (x, y, z) mm; one 3-D case.
The tests (tests/PipelineSeg.Comparison.Tests) run this script and compare CaseScorer and the summaries with it.
"""
import json
import os
import sys

import numpy as np
from scipy import ndimage

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "imaging"))
from reference_metrics import overlap_metrics, surface_metrics  # noqa: E402  the project's medpy-convention reference

THRESHOLDS = (0.1, 0.3, 0.5, 0.7, 0.9)
SPACING_2D = (0.8, 0.7)       # x (columns), y (rows)
SPACING_3D = (0.9, 0.75, 2.5)  # x, y, z


def soft_jaccard(p, g):
    p = p.astype(np.float64)
    g = g.astype(np.float64)
    den = np.maximum(p, g).sum()
    return 1.0 if den == 0 else float(np.minimum(p, g).sum() / den)


def case_metrics(prob, truth, sampling):
    """sampling: spacing in array-axis order (numpy), e.g. (y, x) or (z, y, x)."""
    voxel_ml = float(np.prod(sampling)) / 1000.0
    g = truth.astype(bool)
    rows = {}
    for t in THRESHOLDS:
        p = prob > t
        m = overlap_metrics(p, g, voxel_ml)
        m.update(surface_metrics(p, g, sampling))
        rows[str(t)] = {
            "pixelAccuracy": m["accuracy"], "sensitivity": m["sensitivity"], "specificity": m["specificity"],
            "iou": m["iou"], "dice": m["dice"], "generalizedJaccard": soft_jaccard(prob, truth),
            "hausdorffMm": m["hd"], "hausdorff95Mm": m["hd95"],
        }
    return rows


def summary(cases):
    out = {}
    for t in THRESHOLDS:
        out[str(t)] = {}
        for key in cases[0][str(t)]:
            values = np.array([c[str(t)][key] for c in cases if c[str(t)][key] is not None], dtype=np.float64)
            out[str(t)][key] = {
                "mean": float(values.mean()) if len(values) else None,
                "sd": float(values.std(ddof=1)) if len(values) > 1 else None,
                "n": int(len(values)),
            }
    return out


def blob(rng, shape, sigma, level):
    noise = ndimage.gaussian_filter(rng.standard_normal(shape), sigma)
    return noise > level * noise.std()


def probability(rng, truth, sigma):
    smooth = ndimage.gaussian_filter(truth.astype(np.float64), sigma)
    return np.clip(smooth + 0.2 * rng.standard_normal(truth.shape), 0, 1).astype(np.float32)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    rng = np.random.default_rng(13)
    # planar: 7 slices of 40 x 36 (H x W); slice 5 has no ground truth (sensitivity and distances undefined there),
    # slice 6 a tiny object that high thresholds lose
    n, h, w = 7, 40, 36
    truth2 = np.zeros((n, h, w), np.uint8)
    for k in range(5):
        truth2[k] = blob(rng, (h, w), 3, 0.3 + 0.1 * k)
    truth2[6, 18:21, 10:12] = 1
    prob2 = np.stack([probability(rng, truth2[k], 1.5) for k in range(n)])
    prob2[5] *= 0.4  # a few false positives at low thresholds only
    np.save(os.path.join(out_dir, "prob_2d.npy"), prob2)
    np.save(os.path.join(out_dir, "truth_2d.npy"), truth2)
    planar = [case_metrics(prob2[k], truth2[k], (SPACING_2D[1], SPACING_2D[0])) for k in range(n)]

    # volume: one 12 x 30 x 34 (D x H x W) case
    truth3 = blob(rng, (12, 30, 34), 2.5, 0.4).astype(np.uint8)
    prob3 = probability(rng, truth3, 1.2)
    np.save(os.path.join(out_dir, "prob_3d.npy"), prob3)
    np.save(os.path.join(out_dir, "truth_3d.npy"), truth3)
    volume = case_metrics(prob3, truth3, (SPACING_3D[2], SPACING_3D[1], SPACING_3D[0]))

    reference = {
        "thresholds": list(THRESHOLDS), "spacing2d": SPACING_2D, "spacing3d": SPACING_3D,
        "planar": planar, "planarSummary": summary(planar), "volume": volume,
    }
    with open(os.path.join(out_dir, "reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main(sys.argv[1])
