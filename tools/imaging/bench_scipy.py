#!/usr/bin/python3
"""Times scipy computing the same metrics as `PipelineSeg.Bench metrics` on the same voxels.

    dotnet bench/PipelineSeg.Bench/bin/Release/net10.0/PipelineSeg.Bench.dll metrics --write /tmp/benchpair
    /usr/bin/python3 tools/imaging/bench_scipy.py /tmp/benchpair [--crop]

Per label: confusion counts, Dice, IoU, sensitivity, specificity, precision, F1, RVD, and HD / HD95 / ASSD exactly as
medpy.metric.binary computes them (full-volume distance_transform_edt with sampling). --crop runs the surface part on the
bounding box of both masks (+1 voxel), which gives identical values and is what a careful scipy user would do.
"""
import json
import os
import sys
import time

import nibabel as nib
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_metrics  # noqa: E402
from scipy import ndimage  # noqa: E402


def main():
    folder = sys.argv[1]
    crop = "--crop" in sys.argv
    pred_img = nib.load(os.path.join(folder, "pred.nii"))
    gt_img = nib.load(os.path.join(folder, "gt.nii"))
    pred = np.asarray(pred_img.dataobj)
    gt = np.asarray(gt_img.dataobj)
    spacing = tuple(float(z) for z in gt_img.header.get_zooms()[:3])
    t0 = time.perf_counter()
    c0 = time.process_time()
    results = {}
    for label in (1, 2):
        p = pred == label
        g = gt == label
        m = reference_metrics.overlap_metrics(p, g, float(np.prod(spacing)) / 1000.0)
        if crop:
            box = tuple(slice(max(s.start - 1, 0), s.stop + 1) for s in ndimage.find_objects((p | g).astype(np.uint8))[0])
            p, g = p[box], g[box]
        m.update(reference_metrics.surface_metrics(p, g, spacing))
        results[label] = m
    elapsed = time.perf_counter() - t0
    cpu = time.process_time() - c0
    for label, m in results.items():
        print(f"label {label}: dice {m['dice']:.6f} iou {m['iou']:.6f} sens {m['sensitivity']:.6f} prec {m['precision']:.6f} "
              f"hd {m['hd']:.4f} hd95 {m['hd95']:.4f} assd {m['assd']:.4f}")
    print(json.dumps({"scipy_seconds": elapsed, "scipy_cpu_seconds": cpu, "crop": crop}))


if __name__ == "__main__":
    main()
